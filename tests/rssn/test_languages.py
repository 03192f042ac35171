"""The site's language helpers (``rssn.languages``), which members and services share."""

from django.utils import translation

from rssn.languages import base_language, in_every_language, localized_name, page_language, supported_language


def test_every_language_has_its_own_field_indonesian_as_modeltranslation_names_it():
    assert in_every_language("name", "acronym") == (
        "name_es",
        "name_pt",
        "name_en",
        "name_ind",
        "acronym_es",
        "acronym_pt",
        "acronym_en",
        "acronym_ind",
    )
    assert localized_name("name", "id") == "name_ind"


def test_a_language_the_site_lacks_becomes_the_default():
    assert supported_language("pt") == "pt"
    assert supported_language("fr") == "es"
    assert supported_language(None) == "es"


def test_the_page_language_drops_the_region():
    assert base_language("es-co") == "es"
    with translation.override("pt-br"):
        assert page_language() == "pt"
