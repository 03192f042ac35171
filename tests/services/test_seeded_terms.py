"""The reference data's search terms reach a database on every deployment (``load_reference``) without undoing what
staff edited in the admin: a newer seed's added terms arrive, its dropped terms go, staff's own stay."""

import io

import pytest
from django.core.management import call_command

from services import reference
from services.models import Service, ServiceCategory, merged_search_terms, split_search_terms
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

SEEDED = reference.SEARCH_TERMS["legal-aid"]


def load_reference():
    call_command("load_reference", stdout=io.StringIO())


def legal_aid() -> ServiceCategory:
    return ServiceCategory.objects.get(slug="legal-aid")


def edit(category: ServiceCategory, **terms):
    for field, text in terms.items():
        setattr(category, field, text)
    category.save()


def found(text: str) -> set[int]:
    return set(Service.objects.public().search(text).values_list("pk", flat=True))


def test_a_merge_keeps_staffs_terms_adds_the_seeds_new_ones_and_drops_those_it_dropped():
    current = "abogada, Licenciada, asesoría de barrio"  # staff removed "abogado", added "asesoría de barrio"
    before = ["abogado", "abogada", "licenciada", "defensoría"]
    now = ["abogada", "licenciada", "bufete popular"]  # the seed dropped "defensoría" and "abogado", added one

    assert merged_search_terms(current, before, now) == "abogada, Licenciada, asesoría de barrio, bufete popular"
    # Dropped by the seed, still in the field: removed, whatever its case.
    assert merged_search_terms("Defensoría, abogada", before, now) == "abogada, bufete popular"
    # Nothing to change: the field as staff wrote it, line breaks and all.
    assert merged_search_terms("abogada\nlicenciada\nbufete popular", now, now) == "abogada\nlicenciada\nbufete popular"


def test_without_a_recorded_seed_the_seeds_terms_are_added_and_none_removed():
    assert merged_search_terms("licenciada, asesoría de barrio", None, ["abogada", "licenciada"]) == (
        "licenciada, asesoría de barrio, abogada"
    )


def test_staffs_edits_of_the_terms_survive_a_deployment_and_are_still_found():
    load_reference()
    category = legal_aid()
    seeded_es = category.search_term_list("es")
    dropped = seeded_es[0]
    edit(
        category,
        search_terms_es=", ".join([*seeded_es[1:], "tinterillo"]),
        search_terms_ind=category.search_terms_ind + "\npokrol bambu",
    )
    service = ServiceFactory(name_es="Consultorio Violeta", description_es="Atención.", categories=[category])

    load_reference()

    category = legal_aid()
    assert "tinterillo" in category.search_term_list("es")
    assert dropped not in category.search_term_list("es")
    assert "pokrol bambu" in category.search_term_list("ind")
    assert category.search_term_list("en") == split_search_terms(SEEDED["en"])
    assert service.pk in found("tinterillo")
    assert service.pk in found("pokrol bambu")


def test_a_newer_seed_brings_its_new_terms_and_takes_away_those_it_dropped(monkeypatch):
    load_reference()
    category = legal_aid()
    edit(category, search_terms_pt=category.search_terms_pt + ", doutora da defensoria do bairro")
    seeded_pt = category.seeded_search_terms["pt"]
    newer = {**SEEDED, "pt": ", ".join([*seeded_pt[1:], "advogado de graça pra mulher"])}
    monkeypatch.setitem(reference.SEARCH_TERMS, "legal-aid", newer)

    load_reference()

    terms = legal_aid().search_term_list("pt")
    assert "advogado de graça pra mulher" in terms
    assert seeded_pt[0] not in terms
    assert "doutora da defensoria do bairro" in terms
    assert legal_aid().seeded_search_terms["pt"] == [*seeded_pt[1:], "advogado de graça pra mulher"]


def test_a_database_seeded_before_seeds_were_recorded_keeps_every_term_staff_wrote():
    load_reference()
    category = legal_aid()
    seeded_es = category.search_term_list("es")
    ServiceCategory.objects.filter(pk=category.pk).update(
        search_terms_es=", ".join([*seeded_es[2:], "tinterillo"]), seeded_search_terms={}
    )

    load_reference()

    terms = legal_aid().search_term_list("es")
    assert "tinterillo" in terms
    assert set(seeded_es) <= set(terms)


def test_a_deployment_that_changes_nothing_writes_nothing():
    load_reference()
    lines = legal_aid().history.count()

    load_reference()

    assert legal_aid().history.count() == lines


def test_recording_the_seed_of_an_unchanged_category_neither_saves_it_nor_indexes_its_services(monkeypatch):
    load_reference()
    ServiceFactory(categories=[legal_aid()])
    ServiceCategory.objects.update(seeded_search_terms={})
    lines = legal_aid().history.count()
    indexed = []
    monkeypatch.setattr("services.signals.index_services", lambda ids: indexed.append(list(ids)))

    load_reference()

    assert legal_aid().seeded_search_terms == {language: split_search_terms(text) for language, text in SEEDED.items()}
    assert legal_aid().history.count() == lines
    assert not [ids for ids in indexed if ids]
