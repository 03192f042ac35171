"""What a search's words say of the filters (``ServiceFilter.with_filters_said``): a group of people named by one of
its search terms (``Population.search_terms``: "gay", "mujer trans", "adulta mayor") shows the services for that
group, as the filter "For" does, and searches the rest of its words; words that say it must cost nothing ("gratis",
"free lawyer") show free services only, words that say open now or open 24 hours, 7 days those services only, words
that say the help must be given in a language ("en quechua", "who speaks Tagalog") the services given in it. The page
says so and links to the words as typed. On both databases."""

import html
import re

import pytest

from services import search as words
from services.models import Population, ServiceCategory, split_search_terms
from services.reference import POPULATION_SEARCH_TERMS, POPULATIONS, SEARCH_TERMS, load_taxonomy
from tests.factories import (
    CountryFactory,
    LanguageFactory,
    LocationFactory,
    PopulationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
    UserFactory,
)
from tests.test_admin import admin_url, error_list, form_data

SUFFIXES = ("es", "pt", "en", "ind")


def _phrases(terms: dict) -> set[str]:
    return {words.normalise(term) for text in terms.values() for term in split_search_terms(text)}


def test_every_seeded_group_has_terms_in_every_language_and_none_is_a_term_of_a_type_of_help():
    assert set(POPULATION_SEARCH_TERMS) <= {code for code, _name in POPULATIONS}
    help_phrases = set().union(*(_phrases(terms) for terms in SEARCH_TERMS.values()))
    for code, terms in POPULATION_SEARCH_TERMS.items():
        assert set(terms) == {"es", "pt", "en", "id"}, code
        assert all(len(split_search_terms(text)) >= 1 for text in terms.values()), code
        assert not _phrases(terms) & help_phrases, code


@pytest.mark.django_db
def test_the_taxonomy_is_loaded_with_the_groups_terms_and_a_new_seed_keeps_staffs_edits():
    load_taxonomy()
    lgbtiq = Population.objects.get(code="lgbtiq")
    assert "travesti" in split_search_terms(lgbtiq.search_terms_pt)
    assert "waria" in split_search_terms(lgbtiq.search_terms_ind)
    lgbtiq.search_terms_es = f"{lgbtiq.search_terms_es}, marica"
    lgbtiq.save()

    load_taxonomy()

    lgbtiq.refresh_from_db()
    assert "marica" in split_search_terms(lgbtiq.search_terms_es)
    assert "gay" in split_search_terms(lgbtiq.search_terms_es)


@pytest.mark.django_db
def test_staff_edit_a_groups_terms_in_every_language_and_the_change_is_in_the_history(client):
    client.force_login(UserFactory(username="staff", is_staff=True, is_superuser=True))
    population = PopulationFactory(code="lgbtiq", name_en="LGBTIQ+ people")
    page = client.get(admin_url(Population, "change", population.pk)).content.decode()
    for suffix in SUFFIXES:
        assert f'name="search_terms_{suffix}"' in page
    data = form_data(page)
    data.update(search_terms_es="lesbiana, mujer trans")

    response = client.post(admin_url(Population, "change", population.pk), data)

    assert response.status_code == 302, error_list(response)
    population.refresh_from_db()
    assert split_search_terms(population.search_terms_es) == ["lesbiana", "mujer trans"]
    latest = population.history.latest()
    assert latest.search_terms_es == "lesbiana, mujer trans"
    assert latest.history_user.username == "staff"
    assert client.get(admin_url(Population, "history", population.pk)).status_code == 200


@pytest.fixture
def directory(db):
    """Two lawyers and two shelters, one of each for LGBTIQ+ people; the group's words are its terms."""
    lgbtiq = PopulationFactory(
        code="lgbtiq",
        name_en="LGBTIQ+ people",
        name_es="Personas LGBTIQ+",
        search_terms_es="gay, lesbiana, mujer trans, trans",
        search_terms_en="gay, lesbian, trans woman, trans",
    )
    women = PopulationFactory(code="women")
    legal = ServiceCategoryFactory(search_terms_es="abogada", search_terms_en="lawyer")
    shelter = ServiceCategoryFactory(
        slug="shelter", name_en="Shelter", name_es="Albergue", name_pt="Abrigo", name_ind="Rumah aman"
    )
    ServiceCategoryFactory(
        slug="counselling", name_en="Counselling", name_es="Consejería", search_terms_es="psicóloga para mujer trans"
    )
    made = {
        "lawyer": ServiceFactory(name_es="Defensoría Lila", name_en="Lilac Defence", categories=[legal]),
        "lawyer for lgbtiq": ServiceFactory(
            name_es="Defensoría Arcoíris", name_en="Rainbow Defence", categories=[legal]
        ),
        "shelter": ServiceFactory(name_es="Casa Violeta", name_en="Violet House", categories=[shelter]),
        "transitional housing": ServiceFactory(
            name_es="Vivienda transitoria", name_en="Transitional housing", categories=[shelter]
        ),
    }
    made["lawyer for lgbtiq"].populations.add(lgbtiq)
    made["shelter"].populations.add(lgbtiq)
    made["lawyer"].populations.add(women)
    return made


def shown(response) -> set[int]:
    return {int(pk) for pk in re.findall(r'<article class="result" id="service-(\d+)"', response.content.decode())}


def assert_ticked_and_said(response, box: str, note: str) -> None:
    """The page shows the filter ``box`` ticked, and says so in ``note``."""
    page = response.content.decode()
    assert re.search(rf'<input type="checkbox" name="{box}"[^>]* checked', page)
    assert note in html.unescape(page)


def test_a_word_that_names_a_group_shows_the_groups_services_and_says_so(client, directory):
    response = client.get("/en/search/?q=gay")

    assert shown(response) == {directory["lawyer for lgbtiq"].pk, directory["shelter"].pk}
    page = html.unescape(response.content.decode())
    assert "Showing services for LGBTIQ+ people, as your search said “gay”." in page
    assert 'href="?q=gay&amp;as_typed=1"' in response.content.decode()
    # The filter "For" is chosen, and says so as a filter in use.
    assert re.search(r'<option value="lgbtiq" selected>', response.content.decode())
    assert "For LGBTIQ+ people" in page


def test_the_groups_words_are_found_on_every_languages_page(client, directory):
    for url in ("/es/search/?q=lesbian", "/pt/search/?q=gay", "/id/search/?q=lesbiana"):
        assert shown(client.get(url)) == {directory["lawyer for lgbtiq"].pk, directory["shelter"].pk}, url


def test_the_rest_of_the_words_are_searched_among_the_groups_services(client, directory):
    response = client.get("/es/search/?q=abogada+para+mujer+trans")

    assert shown(response) == {directory["lawyer for lgbtiq"].pk}
    assert 'value="abogada para"' in response.content.decode()


def test_words_found_nowhere_leave_the_groups_services(client, directory):
    """Without the group, "trans" starts "transitional": the housing came first for a trans woman who was attacked."""
    response = client.get("/en/search/?q=trans+woman+attacked+need+help")

    assert shown(response) == {directory["lawyer for lgbtiq"].pk, directory["shelter"].pk}
    assert directory["transitional housing"].pk not in shown(response)


def test_words_found_only_outside_the_group_are_searched_as_typed(client, db, directory):
    directory["lawyer for lgbtiq"].populations.clear()

    response = client.get("/es/search/?q=abogada+lesbiana")

    assert directory["lawyer"].pk in shown(response)
    assert "Showing services for" not in html.unescape(response.content.decode())


def test_the_words_as_typed_a_group_chosen_or_a_phrase_of_a_type_of_help_are_kept(client, directory):
    as_typed = client.get("/en/search/?q=gay&as_typed=1")
    assert shown(as_typed) == set()
    chosen = client.get("/en/search/?q=gay&population=women")
    assert "Showing services for" not in html.unescape(chosen.content.decode())
    counselling = client.get("/es/search/?q=psicóloga+para+mujer+trans")
    assert "Showing services for" not in html.unescape(counselling.content.decode())


def test_the_api_gives_the_same_services_and_says_why(client, directory):
    body = client.get("/api/v1/services/?q=gay", HTTP_ACCEPT_LANGUAGE="en").json()

    assert {str(item["id"]) for item in body["results"]} == {
        str(directory["lawyer for lgbtiq"].pk),
        str(directory["shelter"].pk),
    }
    assert "Showing services for LGBTIQ+ people, as your search said “gay”." in body["notes"]


def test_a_term_staff_add_is_found_at_once_on_every_languages_page(client, directory):
    lgbtiq = Population.objects.get(code="lgbtiq")
    assert shown(client.get("/en/search/?q=waria")) == set()

    lgbtiq.search_terms_ind = "waria"
    lgbtiq.save()

    for language in ("es", "pt", "en", "id"):
        response = client.get(f"/{language}/search/?q=waria")
        assert shown(response) == {directory["lawyer for lgbtiq"].pk, directory["shelter"].pk}, language


def test_words_no_service_has_together_are_searched_as_typed(client, directory):
    """No service says "Defensoría" and "Violeta" together: among the group's services each is found in one, which
    is no better than the search as typed, where the lawyer for women is found too."""
    response = client.get("/es/search/?q=defensoria+violeta+lesbiana")

    assert directory["lawyer"].pk in shown(response)
    assert "Showing services for" not in html.unescape(response.content.decode())


@pytest.fixture
def lawyers(db):
    """A free lawyer, a paid one and a paid shelter."""
    legal = ServiceCategoryFactory(search_terms_es="abogada", search_terms_en="lawyer", search_terms_pt="advogada")
    shelter = ServiceCategoryFactory(slug="shelter", name_en="Shelter", name_es="Albergue")
    return {
        "free": ServiceFactory(name_es="Defensoría Lila", categories=[legal]),
        "paid": ServiceFactory(name_es="Bufete Roble", categories=[legal], cost="paid"),
        "paid shelter": ServiceFactory(name_es="Casa Roble", categories=[shelter], cost="paid"),
    }


@pytest.mark.parametrize(
    "url",
    [
        "/es/search/?q=abogada+gratis",
        "/es/search/?q=abogada+sin+costo",
        "/en/search/?q=free+lawyer",
        "/en/search/?q=lawyer+free+of+charge",
        "/pt/search/?q=advogada+de+graça",
        "/id/search/?q=abogada+gratis",
    ],
)
def test_words_that_say_free_show_free_services_only_and_say_so(client, lawyers, url):
    response = client.get(url)

    assert shown(response) == {lawyers["free"].pk}
    page = response.content.decode()
    assert re.search(r'<input type="checkbox" name="free"[^>]* checked', page)
    assert 'as_typed=1"' in page


def test_the_page_says_which_words_said_free(client, lawyers):
    page = html.unescape(client.get("/en/search/?q=free+lawyer").content.decode())

    assert "Showing free services only, as your search said “free”." in page


def test_free_as_typed_chosen_or_found_nowhere_shows_every_cost(client, lawyers):
    both = {lawyers["free"].pk, lawyers["paid"].pk}
    assert shown(client.get("/es/search/?q=abogada+gratis&as_typed=1")) == both
    assert shown(client.get("/en/search/?q=lawyer+free+from+violence")) == both
    # No shelter is free: the paid one is shown, rather than nothing.
    response = client.get("/es/search/?q=albergue+gratis")
    assert shown(response) == {lawyers["paid shelter"].pk}
    assert "Showing free services only" not in html.unescape(response.content.decode())


def test_words_that_say_no_paying_are_not_searched_as_a_need(client, db):
    """ "sem pagar" (without paying) says free; searched, its negation would read "pagar" as wages not paid ("não me
    pagam"), a term of legal aid, and show a lawyer whose description speaks of a doctor."""
    legal = ServiceCategoryFactory(slug="legal-aid", search_terms_pt="não me pagam", search_terms_es="no me pagan")
    medical = ServiceCategoryFactory(slug="medical-care", search_terms_pt="médico", search_terms_es="médico")
    doctor = ServiceFactory(name_es="Consultorio Ceiba", categories=[medical])
    lawyer = ServiceFactory(
        name_es="Defensoría Ceiba", description_pt="Acompanha ao exame médico-legal.", categories=[legal]
    )

    for url in ("/pt/search/?q=médico+sem+pagar", "/es/search/?q=médico+sin+pagar"):
        response = client.get(url)
        first = re.search(r'<article class="result" id="service-(\d+)"', response.content.decode())
        assert first and int(first[1]) == doctor.pk, url
        assert re.search(r'<input type="checkbox" name="free"[^>]* checked', response.content.decode())
    assert lawyer.pk in shown(client.get("/pt/search/?q=não+me+pagam"))


def test_the_api_shows_free_services_only_when_the_words_say_so(client, lawyers):
    body = client.get("/api/v1/services/?q=free+lawyer", HTTP_ACCEPT_LANGUAGE="en").json()

    assert [str(item["id"]) for item in body["results"]] == [str(lawyers["free"].pk)]
    assert "Showing free services only, as your search said “free”." in body["notes"]


def test_a_group_and_free_said_together(client, directory):
    directory["shelter"].cost = "paid"
    directory["shelter"].save()

    response = client.get("/es/search/?q=lesbiana+gratis")

    assert shown(response) == {directory["lawyer for lgbtiq"].pk}
    page = html.unescape(response.content.decode())
    assert "Mostramos servicios para personas LGBTIQ+, porque su búsqueda dice “lesbiana”." in page
    assert "Mostramos solo servicios gratuitos, porque su búsqueda dice “gratis”." in page


@pytest.fixture
def lines(db):
    """Two helplines, one open 24 hours, 7 days (so open at any moment), one without hours; a shelter without."""
    helpline = ServiceCategoryFactory(slug="helpline", name_en="Helpline", name_es="Línea de ayuda")
    shelter = ServiceCategoryFactory(slug="shelter", name_en="Shelter", name_es="Albergue")
    return {
        "always": ServiceFactory(name_es="Línea Lila", categories=[helpline], open_24_7=True),
        "sometimes": ServiceFactory(name_es="Línea Roble", categories=[helpline]),
        "shelter": ServiceFactory(name_es="Casa Roble", categories=[shelter]),
    }


@pytest.mark.parametrize(
    ("url", "box", "note"),
    [
        ("/en/search/?q=helpline+24/7", "open_24_7", "Showing services open 24 hours, 7 days only"),
        ("/es/search/?q=línea+de+ayuda+24+horas", "open_24_7", "Mostramos solo servicios abiertos las 24 horas"),
        ("/en/search/?q=helpline+open+now", "open_now", "Showing services open now only"),
        ("/pt/search/?q=linha+de+ajuda+aberta+agora", "open_now", "Mostrando só serviços abertos agora"),
        ("/id/search/?q=helpline+buka+sekarang", "open_now", "Menampilkan layanan yang buka sekarang saja"),
    ],
)
def test_words_that_say_open_now_or_always_show_those_services_only(client, lines, url, box, note):
    response = client.get(url)

    assert shown(response) == {lines["always"].pk}
    assert_ticked_and_said(response, box, note)


def test_open_now_said_where_none_is_shows_the_others(client, lines):
    response = client.get("/en/search/?q=shelter+open+now")

    assert shown(response) == {lines["shelter"].pk}
    assert "Showing services open now only" not in html.unescape(response.content.decode())


def test_words_not_found_together_are_searched_as_typed_without_the_filter_they_say(client, lines):
    """No service is a helpline and a shelter: those with the most words come first, of every opening time."""
    response = client.get("/en/search/?q=helpline+shelter+24/7")

    assert shown(response) == {lines["always"].pk, lines["sometimes"].pk, lines["shelter"].pk}
    assert "Showing services open 24 hours" not in html.unescape(response.content.decode())


@pytest.fixture
def doors(db):
    """Two counselling services: one to walk in to, at a wheelchair-accessible place; one by appointment, at a place
    that is not."""
    counselling = ServiceCategoryFactory(
        slug="counselling", name_en="Counselling", name_es="Consejería", search_terms_es="psicóloga"
    )
    open_door = ServiceFactory(name_es="Puerta Lila", categories=[counselling], appointment="walk_in")
    open_door.locations.add(LocationFactory(organisation=open_door.organisation, wheelchair_accessible=True))
    by_appointment = ServiceFactory(name_es="Puerta Roble", categories=[counselling], appointment="appointment")
    by_appointment.locations.add(LocationFactory(organisation=by_appointment.organisation, wheelchair_accessible=False))
    return {"open door": open_door, "by appointment": by_appointment}


@pytest.mark.parametrize(
    ("url", "box", "note"),
    [
        ("/es/search/?q=psicóloga+sin+cita", "walk_in", "Mostramos servicios a los que puede llegar sin cita"),
        ("/en/search/?q=walk+in+counselling", "walk_in", "Showing services you can walk in to"),
        ("/es/search/?q=psicóloga+silla+de+ruedas", "wheelchair", "Mostramos solo servicios con acceso para silla"),
        ("/pt/search/?q=cadeirante+psicóloga", "wheelchair", "Mostrando só serviços com acesso para cadeira"),
        ("/en/search/?q=wheelchair+accessible+counselling", "wheelchair", "Showing services with wheelchair access"),
    ],
)
def test_words_that_say_walk_in_or_wheelchair_access_show_those_services_only(client, doors, url, box, note):
    response = client.get(url)

    assert shown(response) == {doors["open door"].pk}
    assert_ticked_and_said(response, box, note)
    # The words that said it are no words to find in the listings: none is said to be left out.
    for left_out in ("we left out", "dejamos fuera", "deixamos de fora"):
        assert left_out not in html.unescape(response.content.decode())


def test_the_words_that_said_walk_in_leave_the_search_box(client, doors):
    response = client.get("/es/search/?q=psicóloga+sin+cita")

    assert 'id="id_q" maxlength="200" value="psicóloga"' in response.content.decode()


def test_words_beside_which_free_says_something_else_say_no_filter():
    assert words.filters_said("un señor le pide fotos a mi hija por el free fire") == {}
    assert words.filters_said("how to be free from him") == {}
    assert words.filters_said("feel free to call") == {}
    # Someone who does not pay what is owed: the employer the wages, the husband.
    assert words.filters_said("majikan tidak bayar gaji") == {}
    assert words.filters_said("suami gak bayar nafkah anak") == {}
    assert set(words.filters_said("pengacara gak bayar")) == {"free"}
    # An article or a possessive between them ("sin pagar la renta": without paying the rent).
    assert words.filters_said("sin pagar la renta") == {}
    assert words.filters_said("sem pagar o aluguel") == {}
    assert set(words.filters_said("abogada sin pagar la consulta")) == {"free"}
    said = words.filters_said("a free call, 24/7")
    assert {name: words.typed("a free call, 24/7", found) for name, found in said.items()} == {
        "free": "free",
        "open_24_7": "24/7",
    }
    assert words.without("a free call, 24/7", said.values()) == "a call,"


@pytest.fixture
def spoken(db):
    """Two lawyers and a shelter: a lawyer in Quechua and Spanish, one in Spanish alone, the shelter in Quechua."""
    quechua = LanguageFactory(code="qu", name_es="quechua", name_pt="quíchua", name_en="Quechua", name_ind="Quechua")
    spanish = LanguageFactory(code="es", name_es="español", name_pt="espanhol", name_en="Spanish", name_ind="Spanyol")
    legal = ServiceCategoryFactory(
        search_terms_es="abogada", search_terms_en="lawyer", search_terms_pt="advogada", search_terms_ind="pengacara"
    )
    shelter = ServiceCategoryFactory(
        slug="shelter", name_en="Shelter", name_es="Albergue", name_pt="Abrigo", name_ind="Rumah aman"
    )
    made = {
        "lawyer in quechua": ServiceFactory(name_es="Defensoría Andina", categories=[legal]),
        "lawyer": ServiceFactory(name_es="Defensoría Lila", categories=[legal]),
        "shelter in quechua": ServiceFactory(name_es="Casa Violeta", categories=[shelter]),
    }
    made["lawyer in quechua"].languages.add(quechua, spanish)
    made["lawyer"].languages.add(spanish)
    made["shelter in quechua"].languages.add(quechua)
    return made


@pytest.mark.parametrize(
    "url",
    [
        "/es/search/?q=abogada+en+quechua",
        "/es/search/?q=abogada+que+hable+quechua",
        "/pt/search/?q=advogada+que+fale+quíchua",
        "/en/search/?q=lawyer+who+speaks+quechua",
        "/en/search/?q=quechua+speaking+lawyer",
        "/id/search/?q=pengacara+dalam+bahasa+quechua",
    ],
)
def test_words_that_say_a_language_show_the_services_given_in_it(client, spoken, url):
    assert shown(client.get(url)) == {spoken["lawyer in quechua"].pk}


def test_the_page_says_which_words_said_the_language_and_chooses_it(client, spoken):
    response = client.get("/en/search/?q=lawyer+who+speaks+quechua")

    page = html.unescape(response.content.decode())
    assert "Showing services given in Quechua, as your search said “who speaks quechua”." in page
    assert 'href="?q=lawyer+who+speaks+quechua&amp;as_typed=1"' in response.content.decode()
    assert re.search(r'<option value="qu" selected>', response.content.decode())
    assert "Spoken in Quechua" in page
    assert 'id="id_q" maxlength="200" value="lawyer"' in response.content.decode()


def test_words_found_nowhere_leave_the_services_given_in_the_language(client, spoken):
    response = client.get("/es/search/?q=atención+en+quechua")

    assert shown(response) == {spoken["lawyer in quechua"].pk, spoken["shelter in quechua"].pk}


def test_words_found_only_outside_the_language_are_searched_as_typed(client, spoken):
    response = client.get("/es/search/?q=albergue+en+español")

    assert shown(response) == {spoken["shelter in quechua"].pk}
    assert "Mostramos servicios" not in html.unescape(response.content.decode())


def test_a_language_not_spoken_a_language_chosen_the_words_as_typed_or_a_phrase_of_a_type_of_help_say_none(
    client, spoken
):
    every_lawyer = {spoken["lawyer in quechua"].pk, spoken["lawyer"].pk}
    for url in (
        "/es/search/?q=abogada+que+no+hable+quechua",
        "/en/search/?q=lawyer+i+don't+speak+quechua",
        "/es/search/?q=abogada+en+quechua&as_typed=1",
    ):
        response = client.get(url)
        assert shown(response) == every_lawyer, url
        assert "Showing services given in" not in html.unescape(response.content.decode()), url
    chosen = client.get("/en/search/?q=lawyer+in+quechua&language=es")
    assert shown(chosen) == every_lawyer
    assert "Showing services given in" not in html.unescape(chosen.content.decode())
    ServiceCategoryFactory(slug="orientation", search_terms_pt="atendimento em espanhol")
    orientation = client.get("/pt/search/?q=atendimento+em+espanhol")
    assert "Showing services given in" not in html.unescape(orientation.content.decode())


def test_where_words_before_a_countrys_name_say_a_place_not_a_language(client, spoken):
    """Indonesian names a language after "bahasa": "in Indonesia" and "en Indonesia" say where."""
    indonesian = LanguageFactory(code="id", name_en="Indonesia", name_es="indonesio", name_ind="Indonesia")
    CountryFactory(code="ID", name_en="Indonesia", name_es="Indonesia", name_ind="Indonesia")
    spoken["lawyer"].languages.add(indonesian)

    for url in ("/en/search/?q=lawyer+in+indonesia", "/es/search/?q=abogada+en+indonesia"):
        assert "Showing services given in" not in html.unescape(client.get(url).content.decode()), url
    assert shown(client.get("/id/search/?q=pengacara+dalam+bahasa+indonesia")) == {spoken["lawyer"].pk}


def test_the_api_gives_the_services_given_in_the_language_and_says_why(client, spoken):
    body = client.get("/api/v1/services/?q=lawyer+who+speaks+quechua", HTTP_ACCEPT_LANGUAGE="en").json()

    assert [item["id"] for item in body["results"]] == [spoken["lawyer in quechua"].pk]
    assert "Showing services given in Quechua, as your search said “who speaks quechua”." in body["notes"]


def test_a_language_staff_add_is_understood_at_once(client, spoken):
    assert "Showing services given in" not in html.unescape(
        client.get("/en/search/?q=lawyer+in+aymara").content.decode()
    )

    aymara = LanguageFactory(code="ay", name_es="aimara", name_pt="aimará", name_en="Aymara", name_ind="Aymara")
    spoken["lawyer"].languages.add(aymara)

    for language in ("es", "pt", "en", "id"):
        assert shown(client.get(f"/{language}/search/?q=lawyer+in+aymara")) == {spoken["lawyer"].pk}, language


def test_a_language_and_a_group_said_together(client, spoken):
    lgbtiq = PopulationFactory(code="lgbtiq", name_en="LGBTIQ+ people", search_terms_en="trans woman")
    spoken["lawyer"].populations.add(lgbtiq)
    spoken["lawyer in quechua"].populations.add(lgbtiq)

    response = client.get("/en/search/?q=lawyer+for+a+trans+woman+who+speaks+quechua")

    assert shown(response) == {spoken["lawyer in quechua"].pk}
    page = html.unescape(response.content.decode())
    assert "Showing services given in Quechua" in page
    assert "Showing services for LGBTIQ+ people" in page


def test_the_seeded_words_for_men_say_the_group_and_a_man_alone_says_none(client, db):
    """The words "hombre", "homem" and "man" alone name the partner who hits as often ("mi hombre me pega"): the
    seeded words for the services for men and boys say who they are for."""
    load_taxonomy()
    shelter = ServiceCategory.objects.get(slug="emergency-shelter")
    for_men = ServiceFactory(name_es="Casa Norte", categories=[shelter])
    for_men.populations.add(Population.objects.get(code="men-boys"))
    for_women = ServiceFactory(name_es="Casa Sur", categories=[shelter])
    for_women.populations.add(Population.objects.get(code="women"))

    for url in (
        "/en/search/?q=shelter+for+men",
        "/es/search/?q=albergue+para+varones",
        "/pt/search/?q=abrigo+para+o+público+masculino",
        "/id/search/?q=rumah+aman+khusus+pria",
    ):
        assert shown(client.get(url)) == {for_men.pk}, url
    assert words.population_named("mi hombre me pega", "es") is None
    assert words.population_named("meu homem me bate", "pt") is None
