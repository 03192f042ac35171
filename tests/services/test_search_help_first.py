"""A query that is a phrase naming a type of help finds that help's services before the services that merely share
one of its words in their names (``services.search.understanding.named``), on SQLite and PostgreSQL alike: "KB" is
family planning, not the "KBG" (gender-based violence) services; "looking for my family" is family tracing, not family
law. A name typed whole still comes first. The shortcuts give the pages, order and counts of ranking every match."""

import pytest

from tests.factories import OrganisationFactory, ServiceCategoryFactory, ServiceFactory
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services.search_pages import (
    assert_the_plain_way_gives_the_same_pages,
    assert_the_same_pages_when_counted_up_to_the_limit,
    pages,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, family=build_family)


def build_family():
    """Family tracing (the help "looking for my family" names), family law and family planning, each with services
    named with "family"; two family tracing services without it, and services of no category with it."""
    tracing = ServiceCategoryFactory(
        slug="family-tracing",
        name_en="Family tracing and reunification",
        name_ind="Penelusuran dan penyatuan keluarga",
        search_terms_en="looking for my family, find my mother",
        search_terms_ind="mencari keluarga",
    )
    law = ServiceCategoryFactory(slug="family-law", name_en="Family law", name_ind="Hukum keluarga")
    planning = ServiceCategoryFactory(
        slug="family-planning",
        name_en="Contraception and family planning",
        name_ind="Kontrasepsi dan keluarga berencana",
        search_terms_ind="KB, pil KB, keluarga berencana",
    )
    gbv = ServiceCategoryFactory(
        slug="gbv-case-management", name_en="GBV case management", name_ind="Manajemen kasus KBG"
    )
    services = {
        "tracing": [
            ServiceFactory(
                name_en=f"Family tracing {letter}", name_ind=f"Penelusuran keluarga {letter}", categories=[tracing]
            )
            for letter in "CAB"
        ],
        "tracing unnamed": [
            ServiceFactory(
                name_en=f"Restoring links {letter}", name_ind=f"Pemulihan kontak {letter}", categories=[tracing]
            )
            for letter in "ED"
        ],
        "law": [
            ServiceFactory(name_en=f"Family law {letter}", name_ind=f"Hukum keluarga {letter}", categories=[law])
            for letter in "BA"
        ],
        "planning": [
            ServiceFactory(name_en=f"Family planning {letter}", name_ind=f"Kontrasepsi {letter}", categories=[planning])
            for letter in "BA"
        ],
        "kbg": [
            ServiceFactory(
                name_en=f"GBV case management {letter}", name_ind=f"Manajemen kasus KBG {letter}", categories=[gbv]
            )
            for letter in "CBA"
        ],
        "other": [
            ServiceFactory(name_en=f"Family house {letter}", name_ind=f"Rumah keluarga KB {letter}", categories=[])
            for letter in "BA"
        ],
    }
    return services


family = rows_fixture()


def first_ids(language: str, query: str, count: int) -> list[int]:
    return [pk for page in pages(language, f"q={query}", count)[0][:1] for pk in page]


def ids(services) -> set[int]:
    return {service.pk for service in services}


def test_kb_finds_family_planning_first_and_not_the_kbg_services(family):
    found = first_ids("id", "KB", 20)
    assert set(found[:2]) == ids(family["planning"])
    # Outside the help it names, "KB" in a name (beginning the longer "KBG", or whole) is any word of the text.
    assert ids(family["kbg"]) | ids(family["other"]) == set(found[2:])


@pytest.mark.parametrize(("language", "query"), [("en", "looking for my family"), ("id", "mencari keluarga saya")])
def test_a_phrase_naming_family_tracing_finds_family_tracing_first(family, language, query):
    found = first_ids(language, query, 20)
    tracing = ids(family["tracing"])
    assert set(found[:3]) == tracing
    # Then the help's services without the word in their names, with those of the categories the word names
    # (family law, family planning) in name order; a service of no category with the word in its name after them.
    rest = ids(family["tracing unnamed"]) | ids(family["law"]) | ids(family["planning"])
    assert set(found[3:9]) == rest
    assert set(found[9:11]) == ids(family["other"])


def test_a_name_typed_whole_still_comes_first(family):
    gbv = family["kbg"][0].categories.first()
    melati = ServiceFactory(name_ind="Manajemen kasus KBG Melati", categories=[gbv])
    assert first_ids("id", "Manajemen kasus KBG Melati", 1) == [melati.pk]
    organisation = OrganisationFactory(name_en="Family Law Centre")
    named = ServiceFactory(name_en="Zeta", categories=[], organisation=organisation)
    assert first_ids("en", "family law centre", 1) == [named.pk]


def test_with_other_words_a_name_sharing_a_word_of_the_phrase_still_counts(family):
    """With words beside the phrase, names combine them: "family Zeta" finds the family law service named Zeta's."""
    zeta = ServiceFactory(name_en="Family law Zeta", categories=[family["law"][0].categories.first()])
    assert first_ids("en", "family zeta", 1) == [zeta.pk]


QUERIES = [
    ("id", "q=KB"),
    ("id", "q=kb"),
    ("id", "q=mencari+keluarga+saya"),
    ("id", "q=keluarga"),
    ("id", "q=kb+keluarga"),
    ("en", "q=looking+for+my+family"),
    ("en", "q=family"),
    ("en", "q=family+law"),
    ("en", "q=family+house"),
    ("en", "q=family&country=CO"),
]


@pytest.mark.parametrize(("language", "query"), QUERIES)
@pytest.mark.parametrize("size", [1, 2, 4])
def test_the_shortcuts_give_the_pages_of_ranking_every_match(family, language, query, size):
    assert_the_plain_way_gives_the_same_pages(language, query, size)


@pytest.mark.parametrize(("language", "query"), QUERIES)
@pytest.mark.parametrize("rows_per_id", [1, 50])
def test_the_shortcuts_give_the_same_pages_when_counted_up_to_the_limit(
    family, monkeypatch, language, query, rows_per_id
):
    assert_the_same_pages_when_counted_up_to_the_limit(monkeypatch, language, query, rows_per_id)
