"""The benchmark's mix (``bench/run.py``): the request types it measures."""

import pytest
from django.http import QueryDict
from django.utils import translation

from bench import run
from services.filters import ServiceFilter
from tests.factories import CityFactory, CountryFactory, ServiceCategoryFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_mix_asks_sentences_partly_found_in_each_language():
    CityFactory()
    CityFactory(country=CountryFactory(code="MX", name_en="Mexico"), name_en="Mexico City")
    CityFactory(country=CountryFactory(code="ID", name_en="Indonesia"), name_en="Jakarta")
    urls = dict(run.request_mix())["sentences partly found"]
    for language in ("es", "pt", "en", "id"):
        assert len([url for url in urls if url.startswith(f"/{language}/search/?q=")]) >= 2
    assert len(urls) == len(set(urls))


def test_its_sentences_are_not_found_together():
    """A service of each help an English sentence names, none with every word: the search is partial."""
    helps = {
        "Kid care": ServiceCategoryFactory(slug="child-protection", name_en="Child protection", search_terms_en="kids"),
        "Fever clinic": ServiceCategoryFactory(slug="medical-care", name_en="Medical care", search_terms_en="fever"),
        "Night shelter": ServiceCategoryFactory(slug="shelter", name_en="Shelter", search_terms_en="homeless, stay"),
        "Law office": ServiceCategoryFactory(slug="legal-aid", name_en="Legal aid", search_terms_en="lawyer"),
    }
    for name, help_given in helps.items():
        ServiceFactory(name_en=name, description_en="Open on weekdays", categories=[help_given])
    with translation.override("en"):
        for query in run.PARTLY_FOUND["en"]:
            understood = ServiceFilter(QueryDict(f"q={query}")).understood
            assert understood.partial, query
