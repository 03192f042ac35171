"""A phrase that is a term of two types of help names them equally; their services are ranked by the more specific
term, not by name order (``services.search.words.TermIndex.most_specific_first``, ``understanding.broken_ties``), on
SQLite and PostgreSQL alike: the help whose term is the phrase as typed before one whose term says more, then a
subcategory, then the help with the narrower vocabulary. The shortcuts give the pages of ranking every match."""

import pytest

from tests.factories import ServiceCategoryFactory, ServiceFactory
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services.search_pages import (
    assert_the_plain_way_gives_the_same_pages,
    assert_the_same_pages_when_counted_up_to_the_limit,
    pages,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, helps=build_helps)


def build_helps():
    """Medical care (its term: "emergency room") and referral and accompaniment ("take me to the emergency room", whose
    other words are stop words); reporting a crime (a few terms) and GBV case management (many), both saying "leaked
    nudes". Each help's services named so that the less specific help's come first in name order. "refuge", one word,
    is a term of medical care and of GBV case management."""
    medical = ServiceCategoryFactory(
        slug="medical-care", name_en="Medical care", search_terms_en="emergency room, doctor, refuge"
    )
    case_management = ServiceCategoryFactory(slug="case-management", name_en="Case management")
    referral = ServiceCategoryFactory(
        slug="referral-accompaniment",
        name_en="Referral and accompaniment",
        parent=case_management,
        search_terms_en="take me to the emergency room, go with me",
    )
    legal = ServiceCategoryFactory(slug="legal-aid", name_en="Legal aid")
    reporting = ServiceCategoryFactory(
        slug="criminal-justice", name_en="Reporting", parent=legal, search_terms_en="leaked nudes, press charges"
    )
    gbv = ServiceCategoryFactory(
        slug="gbv-case-management",
        name_en="GBV case management",
        parent=case_management,
        search_terms_en="leaked nudes, domestic violence, abuse, hits me, beats me, controls my money, refuge",
    )
    return {
        "medical": [ServiceFactory(name_en=f"Zeta clinic {letter}", categories=[medical]) for letter in "BA"],
        "referral": [ServiceFactory(name_en=f"Escort {letter}", categories=[referral]) for letter in "BA"],
        "reporting": [ServiceFactory(name_en=f"Zeta court {letter}", categories=[reporting]) for letter in "BA"],
        "gbv": [ServiceFactory(name_en=f"Casework {letter}", categories=[gbv]) for letter in "BA"],
    }


helps = rows_fixture()


def first_ids(query: str, count: int) -> list[int]:
    return pages("en", f"q={query}", count)[0][0]


def ids(services) -> list[int]:
    return [service.pk for service in reversed(services)]  # in name order


def test_the_help_whose_term_is_the_phrase_as_typed_comes_first(helps):
    """ "emergency room" is medical care's term as typed, and only a part of "take me to the emergency room"."""
    assert first_ids("emergency room", 4) == ids(helps["medical"]) + ids(helps["referral"])


def test_the_help_with_the_narrower_vocabulary_comes_first(helps):
    """Both say "leaked nudes" as typed, both are subcategories: reporting a crime has fewer terms."""
    assert first_ids("leaked nudes", 4) == ids(helps["reporting"]) + ids(helps["gbv"])


def test_a_single_word_naming_two_helps_keeps_name_order(helps):
    assert first_ids("refuge", 4) == ids(helps["gbv"]) + ids(helps["medical"])


QUERIES = [
    "q=emergency+room",
    "q=leaked+nudes",
    "q=leaked+nudes+zeta",
    "q=emergency+room&country=CO",
    "q=zeta+clinic+emergency+room",
    "q=refuge",
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("size", [1, 2, 4])
def test_the_shortcuts_give_the_pages_of_ranking_every_match(helps, query, size):
    assert_the_plain_way_gives_the_same_pages("en", query, size)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("rows_per_id", [1, 50])
def test_the_shortcuts_give_the_same_pages_when_counted_up_to_the_limit(helps, monkeypatch, query, rows_per_id):
    assert_the_same_pages_when_counted_up_to_the_limit(monkeypatch, "en", query, rows_per_id)
