"""Search quality on the demo directory: the judged queries (``bench/search_quality/judged-queries.tsv``) must find
an expected type of help among the first five results for at least 90% of the queries in every language, so that a
change that hurts search cannot land unnoticed (``make search-quality`` prints the figures)."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from bench.search_quality.quality import HIT_FLOOR, LANGUAGES, evaluate, judged_queries, report

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_judged_queries_are_many_and_varied_in_every_language():
    queries = judged_queries()
    assert len(queries) >= 240
    for language in LANGUAGES:
        own = [judged for judged in queries if judged.language == language]
        assert len(own) >= 60, language
        assert len({judged.query for judged in own}) == len(own), f"a query repeated in {language}"
        assert sum(" " in judged.query for judged in own) >= 15, f"too few short sentences in {language}"


def test_every_expected_slug_is_a_category_of_the_reference_data():
    from services.reference import CATEGORIES

    slugs = {slug for slug, *_ in CATEGORIES} | {child[0] for *_, children in CATEGORIES for child in children}
    for judged in judged_queries():
        assert judged.expected <= slugs, judged


@pytest.fixture(scope="module")
def figures(django_db_setup, django_db_blocker):
    """The figures on the demo directory, loaded in a transaction that is rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield evaluate(judged_queries())
        transaction.set_rollback(True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hit_at_5_stays_above_the_floor(figures, language):
    assert figures[language].hit_at_5 >= HIT_FLOOR, report({language: figures[language]}, misses=True)


def test_the_planner_knows_the_demo_as_loaded(figures):
    """The demo's load refreshes the planner's statistics, inside the caller's transaction too: with those of the
    tables when empty, PostgreSQL joined cities, locations and services by nested loops over whole tables and this
    module's first search ran for many minutes."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'services_service_locations'")
        else:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'services_service_locations'")
        assert cursor.fetchone()[0] > 0
