"""Free-text search: every language, accents and case, every word, prefixes, ranking, and an index that follows
edits. Runs on SQLite (FTS5) and on PostgreSQL (a GIN index on the stored words): both must give the same answers."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from members.models import Organisation
from services.models import Service, ServiceSearchDocument
from services.search import count_up_to, deferred_indexing, normalise, query_words
from tests.factories import (
    CityFactory,
    CountryFactory,
    LocationFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def found(text, queryset=None):
    queryset = Service.objects.public() if queryset is None else queryset
    return set(queryset.search(text).values_list("pk", flat=True))


@pytest.fixture
def legal_aid():
    """A service whose only mention of legal aid is its category, named in all four languages."""
    category = ServiceCategoryFactory(name_es="Asesoría legal")
    return ServiceFactory(name_es="Acompañamiento", description_es="Atención integral.", categories=[category])


@pytest.fixture
def unrelated():
    category = ServiceCategoryFactory(
        slug="shelter", name_en="Shelter", name_es="Casa refugio", name_pt="Abrigo", name_ind="Rumah aman"
    )
    return ServiceFactory(name_es="Refugio temporal", description_es="Alojamiento seguro.", categories=[category])


def test_normalise_folds_accents_case_and_punctuation():
    assert normalise("Asesoría JURÍDICA, ¡gratis!") == "asesoria juridica gratis"
    assert normalise("São Paulo — Straße") == "sao paulo strasse"
    assert normalise("") == ""


@pytest.mark.parametrize("text", ["legal aid", "asesoría legal", "assistência jurídica", "bantuan hukum"])
def test_category_names_match_in_all_four_languages(legal_aid, unrelated, text):
    assert found(text) == {legal_aid.pk}


def test_accents_and_case_do_not_matter(legal_aid, unrelated):
    named = ServiceFactory(name_es="Asesoría jurídica para migrantes", categories=[])
    assert found("asesoria juridica migrantes") == {named.pk}
    assert found("ASESORÍA JURÍDICA") == {named.pk, legal_aid.pk}  # "Asesoría legal" + "Assistência jurídica"
    assert found("ASESORÍA LEGAL") == {legal_aid.pk}
    assert found("Bantúan HUKÚM") == {legal_aid.pk}
    assert found("assistencia JURIDICA") == {legal_aid.pk}


def test_every_word_must_match(legal_aid, unrelated):
    assert found("legal refugio") == set()
    assert found("casa refugio") == {unrelated.pk}


def test_a_word_matches_the_start_of_a_longer_word_only(legal_aid):
    assert found("jurid") == {legal_aid.pk}  # "Assistência jurídica"
    assert found("asesor leg") == {legal_aid.pk}
    assert found("uridica") == set()
    assert found("soria") == set()


def test_one_letter_words_are_ignored():
    assert query_words("a y jurídica e") == ["juridica"]


def test_service_description_eligibility_and_how_to_access_in_any_language():
    service = ServiceFactory(
        name_es="Servicio",
        description_es="",
        description_pt="Atendimento psicossocial",
        eligibility_en="Adolescents welcome",
        how_to_access_ind="Datang langsung",
    )
    assert found("psicossocial") == {service.pk}
    assert found("adolescents") == {service.pk}
    assert found("langsung") == {service.pk}


def test_organisation_name_acronym_and_description_match():
    organisation = OrganisationFactory(
        name_es="Corporación Mujeres Libres", acronym_es="CML", description_es="Trabajamos con lideresas."
    )
    service = ServiceFactory(organisation=organisation, name_es="Línea de apoyo")
    ServiceFactory(name_es="Otro servicio")
    assert found("cml") == {service.pk}
    assert found("mujeres libres") == {service.pk}
    assert found("lideresas") == {service.pk}


def test_city_and_country_names_match_in_other_languages():
    brazil = CountryFactory(
        code="BR", name_en="Brazil", name_pt="Brasil", name_es="Brasil", time_zones=["America/Sao_Paulo"]
    )
    sao_paulo = CityFactory(
        country=brazil,
        name_en="São Paulo",
        name_es="São Paulo",
        administrative_area="SP",
        latitude=-23.55,
        longitude=-46.63,
        time_zone="America/Sao_Paulo",
    )
    organisation = OrganisationFactory(countries=[brazil])
    location = LocationFactory(organisation=organisation, city=sao_paulo, latitude=-23.56, longitude=-46.64)
    in_brazil = ServiceFactory(organisation=organisation, locations=[location])
    ServiceFactory()  # in Colombia
    assert found("Brazil") == {in_brazil.pk}
    assert found("brasil") == {in_brazil.pk}
    assert found("sao paulo") == {in_brazil.pk}
    assert in_brazil.pk not in found("bogota")


def test_country_an_organisation_works_in_matches_a_remote_service():
    indonesia = CountryFactory(code="ID", name_en="Indonesia", name_es="Indonesia", time_zones=["Asia/Jakarta"])
    service = ServiceFactory(organisation=OrganisationFactory(countries=[indonesia]), in_person=False, by_phone=True)
    assert found("indonesia") == {service.pk}


def test_names_and_categories_rank_above_descriptions(legal_aid):
    described = ServiceFactory(name_es="Taller", description_es="Incluye orientación jurídica básica.", categories=[])
    named = ServiceFactory(name_es="Clínica jurídica", description_es="Atención.", categories=[])
    ranked = list(
        Service.objects.public().search("jurídica").order_by("-search_rank", "pk").values_list("pk", "search_rank")
    )
    ranks = dict(ranked)
    assert ranks[named.pk] > ranks[described.pk]
    assert ranks[legal_aid.pk] > ranks[described.pk]
    assert ranked[-1][0] == described.pk


def test_non_public_services_are_never_returned():
    pending = ServiceFactory(name_es="Refugio pendiente", organisation=OrganisationFactory(pending=True))
    paused = ServiceFactory(name_es="Refugio pausado", status=Service.Status.PAUSED)
    public = ServiceFactory(name_es="Refugio abierto")
    assert found("refugio") == {public.pk}
    assert {pending.pk, paused.pk} <= found("refugio", Service.objects.all())


def test_blank_or_punctuation_only_text_keeps_everything_with_rank_zero(legal_aid, unrelated):
    for text in ["", "   ", "'\"*()!?", "a e"]:
        results = Service.objects.public().search(text)
        assert set(results.values_list("pk", flat=True)) == {legal_aid.pk, unrelated.pk}
        assert {service.search_rank for service in results} == {0}


@pytest.mark.parametrize(
    "text",
    [
        "'\"*()",
        "x" * 10_000,
        "jurídica " * 2000,
        "OR",
        "NEAR",
        "jurídica OR refugio",
        "NEAR(jurídica refugio)",
        "'; DROP TABLE services_service; --",
        '" OR 1=1 --',
        "%_%",
        "\\",
        "col:jurídica",
        "jurídica^ -refugio +x",
        "\x00\u200b\ufeff",
        "🙂 jurídica",
    ],
)
def test_odd_input_never_raises(legal_aid, text):
    list(Service.objects.public().search(text))


def test_long_queries_are_cut_to_ten_words():
    assert len(query_words(" ".join(f"word{n}" for n in range(50)))) == 10


def test_only_words_that_say_something_count_toward_the_ten():
    stop = {"un", "la", "de", "el"}
    words = query_words("un la de el " + " ".join(f"word{n}" for n in range(12)), stop)
    assert words == ["un", "la", "de", "el"] + [f"word{n}" for n in range(10)]
    assert query_words(" ".join(f"word{n}" for n in range(12)), {f"word{n}" for n in range(12)}) == [
        f"word{n}" for n in range(10)
    ]


def test_a_repeated_stop_word_is_kept_for_the_phrases_it_makes():
    """ "i want to leave but i have nowhere to go": without its second "to", "nowhere to go" was no longer said."""
    stop = {"to", "but", "have", "want", "we"}
    words = query_words("we want to leave but we have nowhere to go leave", stop)
    assert words == ["we", "want", "to", "leave", "but", "we", "have", "nowhere", "to", "go"]


def test_percent_and_underscore_are_not_wildcards(legal_aid):
    assert found("leg%zq") == set()
    assert found("l_gal") == set()


# --- The index follows edits -----------------------------------------------------------------------------------


def test_renamed_service_is_found_by_its_new_name_only():
    service = ServiceFactory(name_es="Consultorio violeta")
    service.name_es = "Consultorio naranja"
    service.save()
    assert found("naranja") == {service.pk}
    assert found("violeta") == set()


def test_approving_and_suspending_an_organisation_shows_and_hides_its_services():
    organisation = OrganisationFactory(pending=True)
    service = ServiceFactory(organisation=organisation, name_es="Refugio azul")
    assert found("azul") == set()
    organisation.status = Organisation.Status.APPROVED
    organisation.joined_on = datetime.date(2026, 1, 1)
    organisation.save()
    assert found("azul") == {service.pk}
    assert ServiceSearchDocument.objects.get(pk=service.pk).is_public
    organisation.status = Organisation.Status.SUSPENDED
    organisation.save()
    assert found("azul") == set()
    assert not ServiceSearchDocument.objects.get(pk=service.pk).is_public


def test_renamed_category_and_parent_category(legal_aid):
    category = legal_aid.categories.get()
    category.name_ind = "Pendampingan hukum"
    category.save()
    assert found("pendampingan") == {legal_aid.pk}
    assert found("bantuan") == set()
    parent = ServiceCategoryFactory(slug="justice", name_en="Access to justice", name_es="Acceso a la justicia")
    category.parent = parent
    category.save()
    assert found("justice") == {legal_aid.pk}
    parent.name_en = "Justice and rights"
    parent.save()
    assert found("rights") == {legal_aid.pk}


def test_category_links_from_either_side():
    service = ServiceFactory(name_es="Servicio", categories=[])
    category = ServiceCategoryFactory(slug="health", name_en="Health care", name_es="Salud")
    category.services.add(service)
    assert found("health") == {service.pk}
    category.services.clear()
    assert found("health") == set()
    service.categories.add(category)
    assert found("salud") == {service.pk}
    category.delete()
    assert found("salud") == set()


def test_city_country_and_location_edits_follow():
    location = LocationFactory()
    service = ServiceFactory(organisation=location.organisation, locations=[location])
    city = location.city
    city.name_pt = "Bogotá do Sul"
    city.save()
    assert found("sul") == {service.pk}
    country = city.country
    country.name_ind = "Kolombia"
    country.save()
    assert found("kolombia") == {service.pk}
    other_city = CityFactory(country=country, name_en="Medellín", name_es="Medellín", latitude=6.24, longitude=-75.58)
    location.city = other_city
    location.save()
    assert found("medellin") == {service.pk}
    assert found("sul") == set()
    service.locations.remove(location)
    assert found("medellin") == set()


def test_organisation_countries_follow():
    organisation = OrganisationFactory()
    service = ServiceFactory(organisation=organisation)
    peru = CountryFactory(code="PE", name_en="Peru", name_es="Perú", time_zones=["America/Lima"])
    organisation.countries.add(peru)
    assert found("peru") == {service.pk}
    peru.organisations.remove(organisation)
    assert found("peru") == set()


def test_deleted_service_leaves_the_index():
    service = ServiceFactory(name_es="Refugio efímero")
    service.delete()
    assert not ServiceSearchDocument.objects.exists()


def test_deferred_indexing_indexes_once_at_the_end():
    with deferred_indexing():
        service = ServiceFactory(name_es="Refugio diferido")
        assert not ServiceSearchDocument.objects.filter(pk=service.pk).exists()
    assert found("diferido") == {service.pk}


def test_rebuild_search_index_covers_bulk_writes(legal_aid):
    Service.objects.filter(pk=legal_aid.pk).update(name_es="Consultorio sin señal")
    assert found("senal") == set()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found("senal") == {legal_aid.pk}
    assert found("legal aid") == {legal_aid.pk}


def test_count_up_to_stops_at_the_limit():
    for _ in range(3):
        ServiceFactory(name_es="Refugio contado")
    assert count_up_to(Service.objects.public().search("contado"), 2) == 2
    assert count_up_to(Service.objects.public().search("contado"), 10) == 3


def test_engine_matches_the_reference_meaning():
    """The engine (FTS5 or trigram) and the plain ``LIKE '% word%'`` meaning agree on a mixed set."""
    names = ["Asesoría jurídica", "Juristas unidas", "Perjuicio", "Casa de la mujer", "Mujeres juristas", "Jur"]
    services = [ServiceFactory(name_es=name, categories=[]) for name in names]
    for text in ["jur", "juri", "mujer", "muj jur", "casa", "erj", "de la"]:
        words = query_words(text)
        expected = {
            service.pk
            for service in services
            if all(f" {w}" in ServiceSearchDocument.objects.get(pk=service.pk).text for w in words)
        }
        assert found(text) == expected, (connection.vendor, text)
