"""A search that understands the words people type (issue 19), on the search page, the API and both databases:
word forms, the categories' search terms (main categories find their subcategories' services, in every language),
other languages' words, typos corrected from the public index only, sentences, best partial matches, ranking by the
service's own name, and no dead end."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from members.models import Country
from services.models import ServiceCategory, ServiceSearchDocument
from services.search import split_in_two, vocabulary
from tests.factories import (
    CountryFactory,
    LocationFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
    UserFactory,
)
from tests.test_admin import admin_url, form_data

pytestmark = pytest.mark.django_db

# What a document's fields hold between their words and the stems it adds (services.search.text.STEMS_MARK).
STEMS_MARK = "=stems"

LANGUAGES = ("es", "pt", "en", "id")


def search_url(language: str, query: str, **params) -> str:
    with translation.override(language):
        url = reverse("services:search")
    extra = "".join(f"&{name}={value}" for name, value in params.items())
    return f"{url}?q={query.replace(' ', '+')}{extra}"


def page(client, language: str, query: str, **params) -> str:
    response = client.get(search_url(language, query, **params))
    assert response.status_code == 200
    return response.content.decode()


def listed(html: str, language: str, service) -> bool:
    return f"/{language}/services/{service.pk}/" in html


def help_said(slug: str, es: str, pt: str, en: str, ind: str, **fields):
    """A category whose search terms are ``es``, ``pt``, ``en`` and ``ind`` in those languages."""
    terms = {"search_terms_es": es, "search_terms_pt": pt, "search_terms_en": en, "search_terms_ind": ind}
    return ServiceCategoryFactory(slug=slug, **terms, **fields)


@pytest.fixture
def shelter_category():
    main = ServiceCategoryFactory(
        slug="safe-shelter",
        name_es="Albergue seguro",
        name_pt="Abrigo seguro",
        name_en="Safe shelter",
        name_ind="Rumah aman",
        search_terms_es="casa de acogida, dónde dormir",
        search_terms_pt="casa abrigo, onde dormir",
        search_terms_en="safe house, place to stay",
        search_terms_ind="tempat berlindung",
    )
    sub = ServiceCategoryFactory(
        slug="emergency-shelter",
        parent=main,
        name_es="Albergue de emergencia",
        name_pt="Casa-abrigo de emergência",
        name_en="Emergency shelter",
        name_ind="Rumah aman darurat",
    )
    return main, sub


@pytest.fixture
def lawyers():
    category = ServiceCategoryFactory(
        slug="legal-aid",
        name_es="Asesoría jurídica",
        name_en="Legal aid",
        name_pt="Assistência jurídica",
        name_ind="Bantuan hukum",
        search_terms_es="abogado, abogada, licenciado",
        search_terms_pt="advogado, advogada",
        search_terms_en="lawyer, attorney",
        search_terms_ind="pengacara, LBH",
    )
    return ServiceFactory(name_es="Consultorio Violeta", description_es="Atención.", categories=[category])


@pytest.fixture
def counselling():
    category = ServiceCategoryFactory(
        slug="psychosocial-support",
        name_es="Apoyo psicosocial",
        name_en="Psychosocial support",
        name_pt="Apoio psicossocial",
        name_ind="Dukungan psikososial",
        search_terms_es="psicóloga, psicólogo, terapia",
    )
    return ServiceFactory(name_es="Escucha Lila", description_es="Atención.", categories=[category])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["abogado", "abogadas", "necesito un abogado", "advogada", "lawyers", "pengacara"])
def test_a_search_term_in_any_form_finds_the_categorys_services_on_every_languages_page(
    client, lawyers, language, query
):
    assert listed(page(client, language, query), language, lawyers)


def test_a_main_categorys_terms_find_its_subcategories_services(client, shelter_category):
    _main, sub = shelter_category
    emergency = ServiceFactory(name_es="Posada Azul", description_es="Atención.", categories=[sub])
    queries = [("es", "casa de acogida"), ("pt", "onde dormir hoje"), ("id", "saya butuh tempat berlindung")]
    for language, query in queries:
        assert listed(page(client, language, query), language, emergency), query


def test_a_term_of_a_subcategory_finds_its_services_and_not_its_sisters_though_the_main_category_has_it(client):
    main = ServiceCategoryFactory(
        slug="cash-basic-needs", name_pt="Necessidades básicas", search_terms_pt="absorvente, cesta básica"
    )
    kits = ServiceCategoryFactory(
        slug="dignity-kits", parent=main, name_pt="Kits de dignidade", search_terms_pt="absorvente"
    )
    food = ServiceCategoryFactory(
        slug="food-assistance", parent=main, name_pt="Assistência alimentar", search_terms_pt="cesta básica"
    )
    pads = ServiceFactory(name_es="Tienda Rosa", description_es="Atención.", categories=[kits])
    meals = ServiceFactory(name_es="Almacén Azul", description_es="Atención.", categories=[food])

    html = page(client, "pt", "absorvente de graça")
    assert listed(html, "pt", pads)
    assert not listed(html, "pt", meals)
    html = page(client, "pt", "necessidades basicas")  # the main category's own words: every subcategory
    assert listed(html, "pt", pads)
    assert listed(html, "pt", meals)


def test_a_subcategorys_longer_phrase_leaves_the_main_categorys_word_to_every_subcategory(client):
    """ "shelter open now" is a phrase of emergency shelters, "shelter" one of every shelter: transitional housing is a
    shelter, before a service whose description merely says the word (it came after it)."""
    main = ServiceCategoryFactory(slug="safe-shelter", name_en="Safe shelter", search_terms_en="shelter")
    ServiceCategoryFactory(
        slug="emergency-shelter", parent=main, name_en="Emergency shelter", search_terms_en="shelter open now"
    )
    transitional = ServiceCategoryFactory(slug="transitional-housing", parent=main, name_en="Transitional housing")
    kits = ServiceCategoryFactory(slug="dignity-kits", name_en="Dignity kits")
    housing = ServiceFactory(name_en="Zinnia House", description_en="Rooms for months.", categories=[transitional])
    ServiceFactory(name_en="Aster Kits", description_en="Kits delivered to every shelter.", categories=[kits])

    html = page(client, "en", "shelter")
    assert re.findall(r'<article class="result" id="service-(\d+)"', html)[0] == str(housing.pk)


def test_words_of_another_language_are_understood(client, shelter_category):
    main, _sub = shelter_category
    service = ServiceFactory(name_es="Posada Azul", description_es="Atención.", categories=[main])
    assert listed(page(client, "es", "shelter"), "es", service)
    assert listed(page(client, "id", "safe house"), "id", service)


def test_word_forms_meet_in_the_listings_text(client):
    named = ServiceFactory(name_es="Psicóloga comunitaria", description_es="Escucha.", categories=[])
    for query in ["psicólogo", "psicologas", "psicológica"]:
        assert listed(page(client, "es", query), "es", named), query


def test_staff_add_a_search_term_and_every_languages_page_finds_it_at_once(client, lawyers):
    assert not listed(page(client, "es", "tinterillo"), "es", lawyers)
    staff = UserFactory(username="staff", is_staff=True, is_superuser=True)
    client.force_login(staff)
    category = ServiceCategory.objects.get(slug="legal-aid")
    data = form_data(client.get(admin_url(ServiceCategory, "change", category.pk)).content.decode())
    data["search_terms_es"] = "abogado, abogada, licenciado, tinterillo"
    assert client.post(admin_url(ServiceCategory, "change", category.pk), data).status_code == 302
    client.logout()
    for language in LANGUAGES:
        assert listed(page(client, language, "tinterillo"), language, lawyers), language


def test_a_typo_is_corrected_and_the_page_offers_the_words_as_typed(client, counselling):
    html = page(client, "es", "sicologa")
    assert listed(html, "es", counselling)
    assert "Mostramos resultados para" in html and ">psicóloga</a>" in html
    assert 'href="?q=psic%C3%B3loga"' in html
    assert 'href="?q=sicologa&amp;as_typed=1"' in html and ">sicologa</a>" in html
    as_typed = page(client, "es", "sicologa", as_typed=1)
    assert not listed(as_typed, "es", counselling)
    assert "Mostramos resultados para" not in as_typed


def test_two_words_typed_together_are_searched_apart_and_the_page_offers_them_as_typed(client):
    """ "restrainingorder" (the space lost on a phone) is no typo of one word: it is the two words of the public
    vocabulary it is made of, searched and shown apart, with the words as typed a click away."""
    orders = ServiceFactory(name_en="Restraining Order Clinic", categories=[])
    html = page(client, "en", "restrainingorder")
    assert listed(html, "en", orders)
    assert 'href="?q=restraining+order"' in html and ">restraining order</a>" in html
    assert 'href="?q=restrainingorder&amp;as_typed=1"' in html
    assert not listed(page(client, "en", "restrainingorder", as_typed=1), "en", orders)


@pytest.mark.parametrize(
    ("word", "vocabulary", "parts"),
    [
        ("rumahaman", {"rumah": 3, "aman": 5}, ("rumah", "aman")),
        ("rumahaman", {"rumahaman": 1, "rumah": 3, "aman": 5}, None),  # a word of the vocabulary is no two
        ("legalaid", {"legal": 9}, None),  # "aid" is shorter than any word of the vocabulary
        # Two ways to cut it: the one whose rarer word is commoner.
        ("casamento", {"casa": 9, "mento": 1, "casam": 4, "ento": 4}, ("casam", "ento")),
    ],
)
def test_a_word_typed_for_two_is_cut_where_both_halves_are_words_of_the_vocabulary(word, vocabulary, parts):
    assert split_in_two(word, vocabulary) == parts


def test_a_typo_with_a_letter_drawn_out_is_corrected_and_shown_corrected(client, counselling):
    """ "sicologaaa" is read "sicologa" (``text.query_words``), then corrected: the page shows the correction in place
    of the word as typed, not the word as typed again."""
    html = page(client, "es", "sicologaaa")
    assert listed(html, "es", counselling)
    assert 'href="?q=psic%C3%B3loga"' in html and ">psicóloga</a>" in html
    assert 'href="?q=sicologaaa&amp;as_typed=1"' in html


def test_a_spanish_word_typed_as_it_sounds_is_corrected_to_the_word_it_sounds_like(client, counselling):
    """ "apollo" is two edits from "apoyo" (a word of the category's name), one more than a word of 6 letters may be
    corrected by; in Latin American Spanish "ll" and "y" are one sound (``words.sound_key``): on the Spanish page it
    is corrected, shown corrected, with the words as typed a click away. English has no such key: on the English page
    it is found nowhere."""
    html = page(client, "es", "apollo")
    assert listed(html, "es", counselling)
    assert "Mostramos resultados para" in html and ">apoyo</a>" in html
    assert 'href="?q=apollo&amp;as_typed=1"' in html
    assert not listed(page(client, "es", "apollo", as_typed=1), "es", counselling)
    assert not listed(page(client, "en", "apollo"), "en", counselling)


def test_a_portuguese_word_typed_as_it_sounds_is_corrected_to_the_word_it_sounds_like(client):
    """ "agreçao" (folded "agrecao") is two edits from "agressão", one more than a word of 7 letters may be corrected
    by; in Brazilian Portuguese "ç" and "ss" are one sound: on the Portuguese page it is corrected and shown
    corrected; on the Indonesian page it is found nowhere."""
    violence = ServiceCategoryFactory(
        slug="gbv-case-management", name_pt="Atendimento a vítimas", search_terms_pt="agressão, violência"
    )
    helped = ServiceFactory(name_pt="Casa Rosa", description_pt="Atendimento.", categories=[violence])
    html = page(client, "pt", "agreçao")
    assert listed(html, "pt", helped)
    assert ">agressão</a>" in html
    assert not listed(page(client, "id", "agreçao"), "id", helped)


def test_an_indonesian_word_written_short_finds_what_the_word_finds(client):
    """ "rmh aman" is "rumah aman" (a safe house, a shelter's term) as it is texted, not "aman" (safe) alone, which
    a safety planning service has in its name."""
    shelter = ServiceCategoryFactory(slug="safe-shelter", name_ind="Tempat berlindung", search_terms_ind="rumah aman")
    sheltered = ServiceFactory(name_ind="Griya Melati", description_ind="Layanan.", categories=[shelter])
    planning = ServiceFactory(name_ind="Rencana Aman", description_ind="Layanan.", categories=[])
    html = page(client, "id", "butuh rmh aman")
    assert listed(html, "id", sheltered)
    assert not listed(html, "id", planning)


def test_a_stop_word_typed_as_it_sounds_is_dropped_as_the_word_it_sounds_like(client, lawyers):
    """ "nesesito" (necesito, with "c" said "s") is no word of any listing: it is left out of the search as
    "necesito" is, not said to be found nowhere."""
    html = page(client, "es", "nesesito un abogado")
    assert listed(html, "es", lawyers)
    assert "No encontramos todas las palabras" not in html


def test_a_spanish_word_found_nowhere_is_not_searched_as_a_stop_word_of_another_sound(client):
    """ "perro" (dog) is no "pero" (but, a stop word): "rr" is its own sound, so a dog typed where no listing says one
    is left out and said, never shown corrected into "pero"."""
    ServiceFactory(name_es="Casa Lila", description_es="Atención, pero con cita.", categories=[])
    html = page(client, "es", "perro")
    assert 'class="correction"' not in html
    assert ">pero</a>" not in html


def test_corrections_as_words_sound_come_from_public_listings_only(client):
    """The name of a pending organisation's service ("Llamarada") is no word a typo sounds like ("yamarada")."""
    hidden = ServiceFactory(
        organisation=OrganisationFactory(pending=True, name_es="Fundación Llamarada"), name_es="Llamarada"
    )
    ServiceFactory(name_es="Casa pública", categories=[], organisation=OrganisationFactory(name_es="Otra"))
    html = page(client, "es", "yamarada")
    assert "llamarada" not in html.casefold()
    assert not listed(html, "es", hidden)


def test_an_everyday_word_is_not_corrected_into_another_word_of_a_name(client):
    """Typed "mama" is one edit from "mana" (a word of a listing's name: Indonesian "which"): an everyday word of the
    page language (``words.EVERYDAY_WORDS``, its stop words) is left as typed, found nowhere, and said so."""
    named = ServiceFactory(name_es="Ruang Mana", categories=[])
    html = page(client, "es", "mama")
    assert 'class="correction"' not in html
    assert not listed(html, "es", named)
    assert listed(page(client, "es", "mahna"), "es", named)  # a word that is no everyday one is still corrected


def test_gets_is_not_corrected_into_phone(client):
    """ "se pone agresivo" (he gets aggressive): Spanish "pone" is one edit from "phone", a word of listings."""
    named = ServiceFactory(name_es="Apoyo por phone", categories=[])
    for typed in ("pone", "puso"):
        html = page(client, "es", typed)
        assert 'class="correction"' not in html
        assert not listed(html, "es", named)
    assert listed(page(client, "es", "phoen"), "es", named)  # a word that is no everyday one is still corrected


@pytest.mark.parametrize(
    ("language", "typed", "name"),
    [
        ("en", "sending", "Ending Violence"),
        ("es", "semana", "Ruang Kemana"),
        ("pt", "semana", "Ruang Kemana"),
        ("id", "tunggal", "Rumah Tinggal"),
        ("id", "kakak", "Rumah Kakek"),
        ("pt", "aberto", "Casa do Aborto"),
        ("en", "cleaning", "Leaving Safely"),
        ("id", "papua", "Rumah Papa"),
        ("id", "paman", "Rumah Aman"),
        ("en", "speaking", "Shaking Hands"),
        ("es", "debo", "Casa Demo"),
        ("es", "gano", "Gang Out"),
        ("es", "gana", "Rumah Mana"),
    ],
)
def test_everyday_words_of_sets_j_and_k_are_not_corrected_into_a_word_of_a_name_or_a_term(
    client, language, typed, name
):
    """ "sending" is one edit from "ending" (a term: "thinking about ending it"), "semana" (week) from Indonesian
    "kemana" (where to: "ngadu kemana"), "tunggal" (single: "ibu tunggal") from "tinggal" (to live), "kakak" (an
    older sibling, set N) from "kakek" (grandfather); "my parents are sending me back home" asked for mental health
    care, a single mother for a place to live, a beaten sister for a grandfather; "aberto" (open, set P) from
    "aborto" (abortion): "abrigo aberto agora" asked for a shelter; "cleaning" (set Y) from "leaving" ("leave him" is
    a term: "cleaning jobs" asked for safety planning), "papua" from "papá" ("mi papá me toca"), "paman" (uncle, set
    AH) from "aman" (safe: "nenek saya dipukuli paman" was searched as "nenek saya dipukuli aman"), "speaking" (set
    AI) from "shaking" ("trauma counseling spanish speaking" was searched as "... spanish shaking"), "debo" (I owe,
    set BD) from "demo" ("debo dos meses de alquiler" was searched as "demo dos meses de alquiler"), "gano" (I earn,
    set BL) from "gang" ("me quita todo el dinero q gano" listed the help for a son a gang recruits), "gana" (earns)
    from Indonesian "mana" (where)."""
    named = ServiceFactory(**{f"name_{'ind' if language == 'id' else language}": name}, categories=[])
    html = page(client, language, typed)
    assert 'class="correction"' not in html
    assert not listed(html, language, named)


def test_stranger_is_not_corrected_into_a_term_of_emergency_care(client):
    """ "my parents are sending me back home to marry a stranger" (set AF) was read as "... marry a strangled" and
    showed the help for strangulation."""
    care = ServiceCategoryFactory(slug="emergency-medical-care", name_en="Emergency care", search_terms_en="strangled")
    clinic = ServiceFactory(name_es="Clínica Ceiba", description_es="Atención.", categories=[care])
    html = page(client, "en", "stranger")
    assert 'class="correction"' not in html
    assert not listed(html, "en", clinic)


def test_corrections_come_from_public_listings_only(client):
    hidden = ServiceFactory(
        organisation=OrganisationFactory(pending=True, name_es="Fundación Zafiroazul"), name_es="Zafiroazul"
    )
    ServiceFactory(name_es="Casa pública", categories=[], organisation=OrganisationFactory(name_es="Otra"))
    html = page(client, "es", "zafiroazl")
    assert "zafiroazul" not in html.casefold().replace("zafiroazl", "")
    assert not listed(html, "es", hidden)


def test_a_sentence_drops_its_stop_words_and_a_word_found_nowhere_is_left_out_and_said(client, lawyers):
    html = page(client, "es", "necesito un abogado qwxzv")
    assert listed(html, "es", lawyers)
    assert "No encontramos todas las palabras" in html and "qwxzv" in html


def test_a_woman_finds_the_listings_for_women_without_a_correction(client):
    """A listing says "women", a survivor types "woman": no stemmer joins them, and the page said "Showing results
    for women"; the word is matched by its other number (``words.OTHER_NUMBER``)."""
    named = ServiceFactory(name_en="Women's Haven", categories=[])
    html = page(client, "en", "woman")
    assert listed(html, "en", named)
    assert 'class="correction"' not in html


def test_texting_words_say_nothing_of_the_help_and_are_never_corrected_into_one(client, lawyers):
    """ "asap" is one edit from "wasap" (WhatsApp, a term of chat support): "need a lawyer asap" asks for a lawyer."""
    chat = ServiceCategoryFactory(slug="remote-counselling", name_en="Remote counselling", search_terms_en="wasap")
    chatting = ServiceFactory(name_en="Chat line", description_en="Support.", categories=[chat])
    html = page(client, "en", "need a lawyer asap")
    assert listed(html, "en", lawyers)
    assert not listed(html, "en", chatting) and 'class="correction"' not in html


def test_a_long_sentence_typed_as_in_a_chat_keeps_the_need_it_says_last(client, lawyers):
    # Thirteen words before "abogado", ten of them stop words: only the words that say something count toward ten.
    html = page(client, "es", "hola buenas noches disculpe la molestia es que yo no se a quien pedir un abogado")
    assert listed(html, "es", lawyers)


def test_without_every_word_together_the_services_with_the_most_words_come_first(client):
    both = ServiceFactory(name_es="Taller de costura y panadería", categories=[])
    ServiceFactory(name_es="Panadería comunitaria", categories=[])
    ServiceFactory(name_es="Costura solidaria", categories=[])
    html = page(client, "es", "taller costura panaderia solidaria")  # no service has all four
    assert "Ningún servicio tiene todas las palabras" in html
    first = html.index("/es/services/")
    assert html[first:].startswith(f"/es/services/{both.pk}/")


def test_a_services_own_name_ranks_above_its_category_and_description(client, lawyers):
    """A word of a category's name that names no type of help by itself ("jurídica", of "Asesoría jurídica")."""
    own = ServiceFactory(name_es="Clínica Jurídica Unida", description_es="Atención.", categories=[])
    described = ServiceFactory(name_es="Taller", description_es="Con orientación jurídica.", categories=[])
    html = page(client, "es", "juridica")
    positions = {service: html.index(f"/es/services/{service.pk}/") for service in (own, lawyers, described)}
    assert positions[own] < positions[lawyers] < positions[described]


def test_a_phrase_naming_a_type_of_help_finds_its_services_before_names_sharing_its_words(client, lawyers):
    """ "abogada" names legal aid: its services come first, a service of no category named "Abogadas" after them."""
    own = ServiceFactory(name_es="Abogadas Unidas", description_es="Atención.", categories=[])
    html = page(client, "es", "abogada")
    assert html.index(f"/es/services/{lawyers.pk}/") < html.index(f"/es/services/{own.pk}/")


def test_no_dead_end_main_types_of_help_wider_radius_and_the_countrys_helplines(client, lawyers):
    country = Country.objects.filter(code="CO").first() or CountryFactory(code="CO", name_es="Colombia")
    html = page(client, "es", "qwxzv", country="CO")
    assert "Principales tipos de ayuda" in html
    assert 'href="?category=legal-aid&amp;country=CO"' in html or 'href="?country=CO&amp;category=legal-aid"' in html
    assert country.name_es in html
    from tests.services import directory_data as data

    data.public_listing()  # a city can be searched near when a service is there
    near = page(client, "es", "qwxzv", near=data.bogota().pk)
    assert "Buscar a menos de 100 km" in near


def test_the_api_search_has_the_pages_meaning_and_says_what_it_did(client, lawyers, counselling):
    response = client.get("/api/v1/services/", {"q": "necesito un abogado", "lang": "es"})
    assert [item["id"] for item in response.json()["results"]] == [lawyers.pk]
    corrected = client.get("/api/v1/services/", {"q": "sicologa", "lang": "es"}).json()
    assert [item["id"] for item in corrected["results"]] == [counselling.pk]
    assert any("psicóloga" in note for note in corrected["notes"])


def test_a_listings_words_are_stemmed_in_their_fields_language_at_indexing(client):
    """Word forms that do not start with each other meet through the stems stored in the index: "hamil" finds a
    listing saying only "kehamilan" (Indonesian, in its Indonesian field), on every language's page."""
    pregnancy = ServiceFactory(
        name_es="Servicio Ceiba", name_ind="Layanan Ceiba", description_ind="Pendampingan kehamilan.", categories=[]
    )
    protection = ServiceFactory(name_es="Servicio Nogal", name_ind="Perlindungan perempuan", categories=[])
    for language in LANGUAGES:
        assert listed(page(client, language, "hamil"), language, pregnancy), language
    assert listed(page(client, "id", "lindungi"), "id", protection)
    document = ServiceSearchDocument.objects.get(pk=protection.pk)
    words, mark, stems = document.names.partition(f" {STEMS_MARK} ")
    assert mark and "lindung" in stems.split() and "lindung" not in words.split()
    # Spanish stems start their words ("psicolog"): nothing is added for them.
    assert STEMS_MARK not in ServiceFactory(name_es="Psicóloga", categories=[]).search_document.names


@pytest.mark.parametrize(
    ("language", "listing", "queries"),
    [
        ("es", "Atención psicológica", ["psicólogo", "psicologa", "psicológicas"]),
        ("pt", "Atendimento psicológico", ["psicóloga", "psicologo"]),
        ("en", "Counselling for survivors", ["counseling", "counselling", "counsel"]),
        ("id", "Layanan konseling", ["konseling", "konselingnya"]),
    ],
)
def test_word_forms_meet_in_every_language_of_the_listing(client, language, listing, queries):
    field = "name_ind" if language == "id" else f"name_{language}"
    service = ServiceFactory(**{"name_es": "Servicio Roble", field: listing}, categories=[])
    for query in queries:
        assert listed(page(client, language, query), language, service), query


def test_a_stem_stored_in_the_index_never_becomes_a_suggestion(client):
    ServiceFactory(name_es="Servicio Nogal", name_ind="Perlindungan perempuan", categories=[])
    counts, _shown = vocabulary()
    assert "perlindungan" in counts and "lindung" not in counts and STEMS_MARK not in counts


@pytest.mark.parametrize(
    ("language", "query"),
    [("id", "Rumah aman Melati"), ("id", "rumah AMAN melati"), ("es", "Fundación Casa de la Mujer y la Niña")],
)
def test_a_name_typed_whole_comes_first(client, shelter_category, language, query):
    """A service's or organisation's whole name typed comes before services with the same words in their own names,
    whatever their order by name."""
    main, _sub = shelter_category
    ServiceFactory(name_es="Albergue Aman", name_ind="Rumah aman Anggrek Melati", categories=[main])
    ServiceFactory(name_es="Albergue Bambú", name_ind="Rumah aman Melati Dua", categories=[main])
    ServiceFactory(
        name_es="Casa de la Mujer",
        name_ind="Rumah aman Melati Casa",
        categories=[main],
        organisation=OrganisationFactory(name_es="Fundación Casa de la Mujer y la Niña Bonita"),
    )
    organisation = OrganisationFactory(name_es="Fundación Casa de la Mujer y la Niña")
    named = ServiceFactory(name_es="Refugio Zeta", name_ind="Rumah aman Melati", categories=[main])
    of_organisation = ServiceFactory(name_es="Zeta", name_ind="Zeta", categories=[main], organisation=organisation)
    expected = named if language == "id" else of_organisation
    html = page(client, language, query)
    first = html.index(f"/{language}/services/")
    assert html[first:].startswith(f"/{language}/services/{expected.pk}/")


@pytest.mark.parametrize("query", ["Women Don't Wait", "women dont wait"])
def test_a_name_with_an_english_not_typed_whole_comes_first(client, query):
    """The query reads "don't" as "dont" (a negation kept on its verb), and so does the name's whole word."""
    ServiceFactory(name_en="Women Wait Together", name_es="Mujeres", categories=[])
    named = ServiceFactory(name_en="Women Don't Wait", name_es="Mujeres Zeta", categories=[])
    html = page(client, "en", query)
    first = html.index("/en/services/")
    assert html[first:].startswith(f"/en/services/{named.pk}/")


def test_a_whole_name_is_one_word_of_the_documents_names_and_never_a_suggestion():
    service = ServiceFactory(name_es="Casa Lila", organisation=OrganisationFactory(name_es="Colectiva Lila"))
    names = ServiceSearchDocument.objects.get(pk=service.pk).names.split()
    assert "=name=casa=lila" in names and "=name=colectiva=lila" in names
    counts, _shown = vocabulary()
    assert not [word for word in counts if word.startswith("=")]


@pytest.fixture
def domestic_violence():
    category = ServiceCategoryFactory(
        slug="domestic-violence",
        name_es="Atención a violencia en la familia",
        name_en="Family violence support",
        name_pt="Atendimento à violência na família",
        name_ind="Layanan kekerasan dalam keluarga",
        search_terms_es="violencia doméstica",
        search_terms_en="domestic violence",
    )
    return ServiceFactory(name_es="Casa Ámbar", description_es="Acompañamiento.", categories=[category])


@pytest.mark.parametrize(
    ("language", "query", "shown", "link"),
    [
        ("es", "violencia domestca", "violencia doméstica", "violencia+dom%C3%A9stica"),
        (
            "es",
            "necesito ayuda por violencia domestca",
            "violencia doméstica",
            "necesito+ayuda+por+violencia+dom%C3%A9stica",
        ),
        ("en", "domestic violense", "domestic violence", "domestic+violence"),
    ],
)
def test_a_typo_inside_a_phrase_is_corrected_and_completes_it(client, domestic_violence, language, query, shown, link):
    """A word of a several-word query that is found nowhere is corrected too, and with its correction the words name
    a type of help (no listing holds "doméstica"): the page says so, with both links."""
    ServiceFactory(name_es="Taller de violencia", description_es="Charlas.", categories=[])  # "violencia" alone
    html = page(client, language, query)
    assert listed(html, language, domestic_violence)
    assert f"{shown}</a>" in html
    assert f"q={link}" in html.replace("&amp;", "&")
    assert 'class="correction"' in html and "as_typed=1" in html
    assert 'class="correction"' not in page(client, language, query, as_typed=1)


def test_a_confidential_addresss_words_never_become_a_correction(client, lawyers):
    """Corrections come from the public index's names and the categories' terms only: a word of a confidential
    address (or of its location's name) is never suggested, alone or inside a phrase."""
    hidden = LocationFactory(
        confidential=True, name_es="Sede Quimbaya", street_address="Carrera Zafiroazul 12", postal_code="110111"
    )
    ServiceFactory(name_es="Casa Coral", organisation=hidden.organisation, locations=[hidden], categories=[])
    for query in ["zafiroazl", "abogado zafiroazl", "necesito abogado en quimbaia"]:
        html = page(client, "es", query).casefold()
        assert "zafiroazul" not in html and "quimbaya" not in html, query
        assert "mostramos resultados para" not in html, query


def test_a_lawyer_typed_in_indonesian_finds_legal_aid_first_and_an_event_never_finds_lawyers(client, lawyers):
    """The Indonesian stemmer would make "pengacara" (a lawyer) "acara" (an event): the root is kept whole, at
    indexing and at query time."""
    events = ServiceFactory(
        name_es="Espacio Jacarandá",
        name_ind="Ruang Jacaranda",
        description_ind="Acara budaya dan olahraga untuk perempuan setiap Sabtu.",
        categories=[],
    )
    html = page(client, "id", "pengacara")
    assert listed(html, "id", lawyers) and not listed(html, "id", events)
    # A listing that says "pengacara" itself is not an event either.
    named = ServiceFactory(name_es="Defensa Popular", name_ind="Pengacara Rakyat", categories=[])
    assert listed(page(client, "id", "pengacaranya"), "id", named)
    html = page(client, "id", "acara")
    assert listed(html, "id", events)
    assert not listed(html, "id", lawyers) and not listed(html, "id", named)


def test_a_term_of_stop_words_alone_finds_its_help_among_other_words(client):
    """ "alguém pra ir cmg" (someone to go with me) is all stop and chat words: among other words they were dropped,
    and only the police station was searched."""
    escort = ServiceCategoryFactory(
        slug="referral-accompaniment", name_pt="Acompanhamento", search_terms_pt="ir cmg", search_terms_en="go with me"
    )
    police = ServiceCategoryFactory(slug="specialised-police", name_pt="Delegacia da mulher", name_en="Police")
    goes = ServiceFactory(name_es="Manos Lilas", description_es="Atención.", categories=[escort])
    station = ServiceFactory(name_es="Delegacia Centro", description_es="Atención.", categories=[police])
    for language, query in [("pt", "alguem pra ir cmg na delegacia"), ("en", "someone to go with me to the police")]:
        html = page(client, language, query)
        assert listed(html, language, goes), query
        assert listed(html, language, station), query


@pytest.mark.parametrize(
    ("language", "wish", "need"),
    [
        ("en", "i dont want to live anymore", "i dont have a place to live"),
        ("pt", "não quero mais viver", "não tenho onde viver"),
    ],
)
def test_a_wish_to_die_finds_mental_health_care_and_not_a_place_to_live(client, language, wish, need):
    """A negation reaches through the words of wanting ("don't want to", "não quero mais"): the wish to die is the
    mental health care's term, not the shelter's "live"."""
    terms = {"en": "dont want to live", "pt": "não quero mais viver"}
    places = {"en": "place to live", "pt": "onde viver"}
    care = ServiceCategoryFactory(slug="mental-health-care", **{f"search_terms_{language}": terms[language]})
    shelter = ServiceCategoryFactory(slug="safe-shelter", **{f"search_terms_{language}": places[language]})
    clinic = ServiceFactory(name_es="Clínica Ceiba", description_es="Atención.", categories=[care])
    house = ServiceFactory(name_es="Casa Roble", description_es="Atención.", categories=[shelter])

    html = page(client, language, wish)
    assert listed(html, language, clinic) and not listed(html, language, house)
    html = page(client, language, need)
    assert listed(html, language, house) and not listed(html, language, clinic)


def test_a_term_of_stop_words_is_said_when_its_words_came_earlier_too(client):
    """ "nowhere to go" after "i want to leave": the second "to" was dropped as a repeat, the phrase was no longer
    said, and the page found nothing."""
    shelter = ServiceCategoryFactory(slug="safe-shelter", name_en="Shelter", search_terms_en="nowhere to go")
    refuge = ServiceFactory(name_es="Casa Ceiba", description_es="Atención.", categories=[shelter])

    html = page(client, "en", "i want to leave him but i have nowhere to go")

    assert listed(html, "en", refuge)


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("es", "ayuda sin policía"),
        ("pt", "quero ajuda mas sem polícia"),
        ("en", "help without police"),
        ("id", "mau cerita tapi gak mau lapor polisi"),
        ("es", "no quiero ir a la policía"),
        ("pt", "não quero ir na polícia"),
        ("en", "i don't want to go to the police"),
        ("id", "aku gak mau ke polisi"),
        ("es", "no quiero llamar a la policía"),
        ("pt", "não quero chamar a polícia"),
        ("en", "i dont want to call the police"),
        ("id", "tidak mau melibatkan polisi"),
    ],
)
def test_help_asked_for_without_the_police_finds_that_help_and_not_the_police(client, language, query):
    """A survivor who says she does not want the police is shown the help that does not go to them, and no police
    station, although its name has the word she typed."""
    helps = help_said(
        "case-management",
        "sin policía, no quiero llamar a la policía",
        "sem polícia, não quero chamar a polícia",
        "without police, don't want to call the police",
        "gak mau lapor polisi, tanpa polisi, tidak mau melibatkan polisi",
        name_en="Case management",
    )
    police = help_said(
        "specialised-police", "policía", "polícia", "police", "polisi, lapor polisi", name_en="Specialised police"
    )
    worker = ServiceFactory(name_es="Casa Violeta", description_es="Acompañamiento.", categories=[helps])
    station = ServiceFactory(
        name_es="Policía Polisi Police Centro",
        description_es="Policía, polícia, police. Lapor polisi.",
        categories=[police],
    )
    html = page(client, language, query)
    assert listed(html, language, worker)
    assert not listed(html, language, station)


@pytest.mark.parametrize(
    ("language", "query", "wanted"),
    [
        ("es", "no quiero ir a un albergue", "plan"),
        ("pt", "não quero ir pra abrigo", "plan"),
        ("en", "i don't want to go to a shelter", "plan"),
        ("id", "gak mau ke rumah aman", "plan"),
        ("es", "no tengo albergue", "beds"),
        ("pt", "não tenho abrigo", "beds"),
        ("en", "no shelter tonight", "beds"),
        ("id", "tidak ada rumah aman", "beds"),
    ],
)
def test_a_shelter_not_wanted_is_help_to_stay_safe_and_a_shelter_not_had_is_a_shelter(client, language, query, wanted):
    """A survivor who says she does not want a shelter is shown the help to stay safe without one, not the shelters;
    one who says she has none is shown the shelters."""
    shelter = help_said("safe-shelter", "albergue", "abrigo", "shelter", "rumah aman", name_en="Shelter")
    safety = help_said(
        "safety-planning",
        "no quiero ir a un albergue",
        "não quero ir pra abrigo",
        "don't want to go to a shelter",
        "gak mau ke rumah aman",
        name_en="Safety planning",
    )
    services = {
        "beds": ServiceFactory(name_es="Posada Azul", description_es="Atención.", categories=[shelter]),
        "plan": ServiceFactory(name_es="Casa Violeta", description_es="Atención.", categories=[safety]),
    }
    html = page(client, language, query)
    assert listed(html, language, services[wanted])
    assert not listed(html, language, services["plan" if wanted == "beds" else "beds"])


def test_an_english_not_typed_with_its_apostrophe_is_a_negation(client):
    support = ServiceCategoryFactory(slug="psychosocial-support", name_en="Support", search_terms_en="can't sleep")
    shelter = ServiceCategoryFactory(slug="safe-shelter", name_en="Shelter", search_terms_en="somewhere to sleep")
    listening = ServiceFactory(name_es="Escucha Lila", description_es="Atención.", categories=[support])
    beds = ServiceFactory(name_es="Posada Azul", description_es="Atención.", categories=[shelter])
    html = page(client, "en", "I can't sleep")
    assert listed(html, "en", listening)
    assert not listed(html, "en", beds)
