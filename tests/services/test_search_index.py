"""The search index's denormalised rows (documents, countries, opening spans) follow every edit, and the public
search reads them for ids only: what it shows still passes ``Service.objects.public()``."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from services.filters import ServiceFilter
from services.models import OpeningSpan, Service, ServicePoint, ServiceSearchDocument
from services.search import CATEGORY_BITS, facet, opening_span_bounds, query_words
from tests.factories import (
    CityFactory,
    CountryFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
)
from tests.services.test_querysets import at_utc, open_ids, service_at

pytestmark = pytest.mark.django_db


def found(**parameters):
    return [service.pk for service in ServiceFilter(parameters).qs.narrow_slice(0, 50)]


def test_opening_span_bounds_in_seconds_of_the_week():
    nine, five = datetime.time(9), datetime.time(17)
    assert opening_span_bounds(0, nine, five) == [(9 * 3600, 17 * 3600)]
    # Passing midnight ends the next day; passing Sunday midnight wraps to Monday.
    assert opening_span_bounds(2, datetime.time(22), datetime.time(6)) == [
        (2 * 86400 + 22 * 3600, 3 * 86400 + 6 * 3600)
    ]
    assert opening_span_bounds(6, datetime.time(22), datetime.time(6)) == [
        (6 * 86400 + 22 * 3600, 7 * 86400),
        (0, 6 * 3600),
    ]


def test_open_now_follows_edited_and_deleted_hours():
    service = service_at(4.6, -74.07)
    hours = OpeningHoursFactory(location=service.locations.get(), weekday=0, opens="09:00", closes="17:00")
    assert open_ids(at_utc(0, 15)) == {service.pk}  # Monday 10:00 in Bogotá
    hours.opens = datetime.time(11)
    hours.save()
    assert open_ids(at_utc(0, 15)) == set()
    assert open_ids(at_utc(0, 17)) == {service.pk}
    hours.delete()
    assert open_ids(at_utc(0, 17)) == set()
    assert not OpeningSpan.objects.exists()


def test_open_now_follows_a_city_moving_to_another_time_zone():
    service = service_at(4.6, -74.07)
    OpeningHoursFactory(location=service.locations.get(), weekday=0, opens="09:00", closes="17:00")
    assert open_ids(at_utc(0, 3)) == set()  # Sunday 22:00 in Bogotá
    city = service.locations.get().city
    city.time_zone = "Asia/Jakarta"
    city.save()
    assert open_ids(at_utc(0, 3)) == {service.pk}  # Monday 10:00 in Jakarta


def facets_of(service):
    return set(ServiceSearchDocument.objects.values_list("facets", flat=True).get(pk=service.pk).split())


def test_countries_are_where_the_service_is_given_or_its_organisation_works():
    colombia, ecuador = CountryFactory(code="CO"), CountryFactory(code="EC")
    organisation = OrganisationFactory(countries=[colombia, ecuador])
    in_quito = LocationFactory(organisation=organisation, city=CityFactory(country=ecuador))
    located = ServiceFactory(organisation=organisation, locations=[in_quito])
    hotline = ServiceFactory(organisation=organisation, locations=[], in_person=False, by_phone=True)
    assert {"=country=ec"} == {word for word in facets_of(located) if word.startswith("=country")}
    assert {"=country=co", "=country=ec", "=reaches=co", "=reaches=ec"} <= facets_of(hotline)
    assert not {word for word in facets_of(located) if word.startswith("=reaches")}
    assert found(country="EC") == sorted([located.pk, hotline.pk])
    in_quito.city = CityFactory(country=colombia)
    in_quito.save()
    assert {word for word in facets_of(located) if word.startswith("=country")} == {"=country=co"}
    assert found(country="EC") == [hotline.pk]


def test_every_filter_is_a_facet_word_that_follows_edits():
    service = ServiceFactory(cost=Service.Cost.FREE)
    language = service.languages.first()
    assert facet("cost", "free") in facets_of(service)
    service.cost = Service.Cost.PAID
    service.save()
    assert facet("cost", "free") not in facets_of(service)
    from tests.factories import LanguageFactory, PopulationFactory

    quechua, women = LanguageFactory(code="qu"), PopulationFactory(code="women-x")
    service.languages.add(quechua)
    service.populations.add(women)
    assert {facet("language", quechua.pk), facet("population", women.pk)} <= facets_of(service)
    service.populations.remove(women)
    assert facet("population", women.pk) not in facets_of(service)
    assert language is None or facet("language", language.pk) in facets_of(service)


def test_no_query_can_match_a_facet_word():
    service = ServiceFactory(name_es="Refugio")
    assert facet("country", "co").startswith("=")
    for text in ["=country=co", "country", "=", "cost free", "mode"]:
        assert all(not word.startswith("=") for word in query_words(text))
    assert service.pk not in found(q="country")


def test_a_stale_document_never_shows_a_service_that_is_no_longer_public():
    shown = ServiceFactory(name_es="Refugio visible")
    hidden = ServiceFactory(name_es="Refugio pausado")
    # A change that bypassed the signals: the document still says public.
    Service.objects.filter(pk=hidden.pk).update(status=Service.Status.PAUSED)
    assert ServiceSearchDocument.objects.get(pk=hidden.pk).is_public
    assert found(q="refugio") == [shown.pk]


def test_sort_by_name_uses_the_name_the_page_shows():
    ServiceFactory(name_es="Zeta", name_en="Alpha")
    ServiceFactory(name_es="Beta", name_en="")
    from django.utils import translation

    with translation.override("es"):
        assert [s.name_es for s in ServiceFilter({"sort": "name"}).qs.narrow_slice(0, 5)] == ["Beta", "Zeta"]
    with translation.override("en"):
        # English shows "Alpha" for the first and falls back to Spanish "Beta" for the second.
        assert [s.name_es for s in ServiceFilter({"sort": "name"}).qs.narrow_slice(0, 5)] == ["Zeta", "Beta"]


def test_a_page_of_results_finds_its_ids_in_the_search_documents_alone():
    for number in range(3):
        ServiceFactory(name_es=f"Refugio {number}")
    with CaptureQueriesContext(connection) as queries:
        found(q="refugio", free="on", mode="in_person")
    id_queries = [
        query["sql"]
        for query in queries
        if "LIMIT" in query["sql"] and "services_servicesearchdocument" in query["sql"]
    ]
    assert id_queries
    for sql in id_queries:
        assert '"services_service"' not in sql.split(" WHERE ")[0]  # not joined: the wide rows are not read


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 query (PostgreSQL scans one GIN index)")
def test_sqlite_answers_the_words_and_the_filters_with_one_fts5_query():
    wanted = ServiceFactory(name_es="Refugio", cost=Service.Cost.FREE)
    ServiceFactory(name_es="Refugio pagado", cost=Service.Cost.PAID)
    with CaptureQueriesContext(connection) as queries:
        assert found(q="refugio", free="on", mode="in_person") == [wanted.pk]
    id_queries = [query["sql"] for query in queries if "LIMIT" in query["sql"] and "MATCH" in query["sql"]]
    # Whether the words are found and whether a name is typed whole: two questions, each its own MATCH. The rank asks
    # the FTS5 table apart (a word in the names: one set for all the rows), before the rows' condition.
    parts = [part for sql in id_queries for part in sql.split("), EXISTS (")]
    conditions = [part.split('FROM "services_servicesearchdocument" WHERE', 1)[1] for part in parts]
    assert id_queries and all(condition.count("services_search_fts MATCH") == 1 for condition in conditions)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plans (the flags follow the long text there)")
def test_sqlite_checks_the_found_documents_flags_in_the_small_index(client):
    """The documents a filter found are checked for being public and always open in ``search_public_open``, not in
    their wide rows, where the flags follow the long text (docs/performance.md, "Open now")."""
    from bench.synthetic import generate_directory

    generate_directory(organisations=300, seed=11)  # and the statistics SQLite plans with
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/es/search/?open_now=on&country=CO").status_code == 200
    statements = [query["sql"] for query in queries if "MATCH" in query["sql"] and "always_open" in query["sql"]]
    assert statements
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "search_public_open" in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plans (ranked columns follow the long text)")
def test_sqlite_ranks_every_match_from_the_page_languages_narrow_index(client):
    """A sentence whose needs take turns ranks every match: what it reads of each (categories, places, the name in
    the page's language) comes from ``search_ranked_<language>`` alone, not from the wide rows (migration 0030)."""
    from bench.synthetic import generate_directory

    generate_directory(organisations=300, seed=11)  # and the statistics SQLite plans with
    for language, sentence, suffix in (
        ("es", "necesito abogada y un lugar para dormir con mis hijos", "es"),
        ("pt", "preciso de abrigo e remedio pro meu filho", "pt"),
        ("id", "butuh dokter dan tempat tinggal buat anak", "ind"),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/{language}/search/", {"q": sentence}).status_code == 200
        statements = [query["sql"] for query in queries if "turn_ranked" in query["sql"]]
        assert statements, language
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                plan = " ".join(str(row[-1]) for row in cursor.fetchall())
                assert f"USING COVERING INDEX search_ranked_{suffix} " in plan, plan


def test_the_best_ranked_fill_a_page_without_ranking_the_rest():
    """When every word is in the names of more services than a page holds, the page comes from those alone: it
    must be the same page, in the same order, as ranking every match."""
    from services.search import best_results, count_up_to

    for number in range(25):
        ServiceFactory(name_es=f"Refugio seguro {number:02d}", name_en="")
    for number in range(5):
        ServiceFactory(name_es=f"Acompañamiento {number}", description_es="Un refugio seguro y discreto.")
    filterset = ServiceFilter({"q": "refugio seguro"})
    results = filterset.qs
    ranked = list(results.values_list("pk", flat=True))  # every match ranked in SQL
    assert len(ranked) == 30
    best, rank = best_results(results._index)
    assert rank == 8 and best.count() == 25
    for start, stop in ((0, 20), (20, 30)):
        page = results.narrow_slice(start, stop)
        assert [service.pk for service in page] == ranked[start:stop]
    assert [service.search_rank for service in results.narrow_slice(0, 20)] == [8] * 20
    # The second page reaches past the best rank, so every match is ranked: the descriptions' matches rank 2.
    assert [service.search_rank for service in results.narrow_slice(20, 30)] == [8] * 5 + [2] * 5
    assert count_up_to(results, limit=10) == 10
    # Once the capped count found the cap among the best alone, pages are read in name order from the sort index.
    assert results._index.best_fill_pages
    assert [service.pk for service in results.narrow_slice(0, 20)] == ranked[:20]
    assert count_up_to(results, limit=1000) == 30
    # Ordered by distance or name, there is no shortcut.
    assert best_results(ServiceFilter({"q": "refugio seguro", "sort": "name"}).qs._index) is None


@pytest.mark.parametrize("rows_per_id", [1, 2, 50])
def test_many_best_results_far_down_in_name_order_give_the_pages_of_ranking_every_match(monkeypatch, rows_per_id):
    """The best results of a broad search, counted up to the limit, are read in name order: on PostgreSQL from the
    first rows of the sort index, or, when those hold too few (a name's words put its services together, far from
    the start), from the text index's matches sorted. Either way, the pages of ranking every match."""
    from services.search import backend, count_up_to

    engine = backend(connection.alias)
    if hasattr(engine, "DENSE_ROWS_PER_ID"):
        monkeypatch.setattr(engine, "DENSE_ROWS_PER_ID", rows_per_id)
    for number in range(6):
        ServiceFactory(name_es=f"Acompañamiento {number}", name_en="")
    for number in range(7):
        ServiceFactory(name_es=f"Refugio seguro {number}", name_en="")
    ServiceFactory(name_es="Casa refugio", name_en="")
    results = ServiceFilter({"q": "refugio"}).qs
    ranked = list(results.values_list("pk", flat=True))
    assert len(ranked) == 8
    assert count_up_to(results, limit=5) == 5
    assert results._index.best_fill_pages
    for start, stop in ((0, 3), (3, 6), (6, 9)):
        assert [service.pk for service in results.narrow_slice(start, stop)] == ranked[start:stop]


# serialized_rollback: the database is emptied afterwards without recreating the content types, which a later test
# that restores the serialized database (the migrations' tests) would insert again.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_gives_documents_indexed_before_the_cells_their_cells():
    from django.db.migrations.executor import MigrationExecutor

    from services.search import cell

    service = ServiceFactory(locations=[LocationFactory(latitude=-12.05, longitude=-77.04)])
    document = ServiceSearchDocument.objects.get(pk=service.pk)
    before = " ".join(word for word in document.facets.split() if not word.startswith("=cell"))
    ServiceSearchDocument.objects.filter(pk=service.pk).update(facets=f" {before} ")  # as indexed before 0006
    try:
        executor = MigrationExecutor(connection)
        executor.migrate([("services", "0005_search_document_facets")])
    finally:
        # 0006 rebuilds the index; today's documents have columns added later, whose migration (0028) rebuilds it.
        migrate_to_latest()
    point = ServicePoint.objects.get(service=service)
    assert facet("cell", cell(point.latitude, point.longitude)) in facets_of(service)


def migrate_to_latest():
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def copied_service_at_0007(service):
    """A copy of ``service``, its locations and its search document, saved through the models as migration 0007
    left them (the migration state's app registry), so that fields added later are neither written nor needed."""
    from django.db.migrations.executor import MigrationExecutor

    state = MigrationExecutor(connection).loader.project_state(("services", "0007_search_sort_names_words"))
    copy = state.apps.get_model("services", "Service").objects.get(pk=service.pk)
    locations = list(copy.locations.all())
    copy.pk = None
    copy._state.adding = True
    copy.save()
    copy.locations.set(locations)
    document = state.apps.get_model("services", "ServiceSearchDocument").objects.get(service_id=service.pk)
    document.service_id = copy.pk
    document.save(force_insert=True)
    return Service(pk=copy.pk)  # read after migrating forward again


# serialized_rollback: the database is emptied afterwards without recreating the content types, which a later test
# that restores the serialized database (the migrations' tests) would insert again.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_stored_facet_words_migrate_both_ways_and_the_search_and_its_filters_still_find():
    """0008 makes the facets' words a stored column, in the text index (PostgreSQL), and rebuilds the table on
    SQLite, whose FTS5 triggers must come back: a service saved before, between and after the steps is found by words
    and filters."""
    from django.db.migrations.executor import MigrationExecutor

    def found(service, country):
        queryset = ServiceSearchDocument.objects.public().search("refugio").in_country(country)
        return service.pk in set(queryset.values_list("pk", flat=True))

    later = None
    service = ServiceFactory(name_es="Refugio de prueba", locations=[LocationFactory()])
    country = service.locations.get().city.country
    assert found(service, country)
    try:
        executor = MigrationExecutor(connection)
        executor.migrate([("services", "0007_search_sort_names_words")])
        if connection.vendor == "sqlite":  # (on PostgreSQL, saving and searching need 0009's table)
            # Today's models have fields 0007 lacks, so the service saved now is written through 0007's models: its
            # document's insert the FTS5 triggers must see.
            later = copied_service_at_0007(service)
            # The search of today reads the categories' search terms, which 0007 lacks: the FTS5 table is asked.
            with connection.cursor() as cursor:
                cursor.execute("SELECT rowid FROM services_search_fts WHERE services_search_fts MATCH '\"refugio\"*'")
                found_then = {row[0] for row in cursor.fetchall()}
            assert {service.pk, later.pk} <= found_then
    finally:
        migrate_to_latest()
    assert found(service, country)
    if later is not None:
        later = Service.objects.get(pk=later.pk)
        assert found(later, later.locations.get().city.country)
    after = ServiceFactory(name_es="Refugio de después", locations=[LocationFactory()])
    assert found(after, after.locations.get().city.country)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's sort indexes (SQLite has no INCLUDE)")
def test_postgresql_sort_indexes_hold_the_names_words_for_the_best_results():
    """A search's best results read in name order are checked in the sort index alone (an index-only scan, 10
    times faster at 100,000 organisations: docs/performance.md); whether PostgreSQL picks it on a test's few rows
    depends on its statistics, so what is checked here is that every page language's index can answer it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'search_sort_%%'")
        definitions = dict(cursor.fetchall())
    assert set(definitions) == {f"search_sort_{suffix}" for suffix in ("es", "pt", "en", "ind")}
    for name, definition in definitions.items():
        suffix = name.removeprefix("search_sort_")
        assert f"(sort_name_{suffix}, service_id) INCLUDE (name_words, facet_words) WHERE is_public" in definition


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's table samples and statistics")
def test_a_broad_searchs_best_results_are_counted_in_a_sample_when_the_statistics_say_they_are_common(monkeypatch):
    """The capped count of the best results may come from a sample of the table: only when the sample already holds
    the limit (so does the table); otherwise the count is exact, as without it."""
    from services import search

    engine = search.backend(connection.alias)
    for number in range(12):
        ServiceFactory(name_es=f"Refugio seguro {number:02d}", name_en="", cost=Service.Cost.FREE)
    ServiceFactory(name_es="Acompañamiento", description_es="Un refugio seguro.")

    def count(limit, **filters):
        results = ServiceFilter({"q": "refugio seguro", **filters}).qs
        with CaptureQueriesContext(connection) as queries:
            counted = search.count_up_to(results, limit=limit)
        return counted, any("TABLESAMPLE" in query["sql"] for query in queries), results._index

    monkeypatch.setattr(
        search.backend(connection.alias), "_word_shares", lambda connection: ({}, 0.0)
    )  # no statistics yet: no sample
    assert count(10)[:2] == (10, False)
    common = {"name_words": {"refugio": 1.0, "seguro": 1.0}, "facet_words": {search.facet("cost", "free"): 1.0}}
    monkeypatch.setattr(engine, "_word_shares", lambda connection: (common, 40.0))
    counted, sampled, index = count(10)
    assert (counted, sampled) == (10, True) and index.best_fill_pages  # so few rows: the sample is the whole table
    assert count(10, free="on")[:2] == (10, True)
    assert count(1000)[:2] == (13, False)  # 12 best: the sample can't hold 1,000, nor is it tried
    monkeypatch.setattr(engine, "_word_shares", lambda connection: (common, 400.0))
    assert count(80)[:2] == (13, True)  # statistics that say more than the sample holds: then counted exactly
    rare = {"name_words": {"refugio": 0.01, "seguro": 0.9}, "facet_words": {}}
    monkeypatch.setattr(engine, "_word_shares", lambda connection: (rare, 40.0))
    assert count(10)[:2] == (10, False)  # one word is rare: counted through the text index
    monkeypatch.setattr(
        search.backend(connection.alias), "_word_shares", lambda connection: (common | {"facet_words": {}}, 40.0)
    )
    assert count(10, free="on")[:2] == (10, False)  # a rare filter too
    monkeypatch.setattr(engine, "_word_shares", lambda connection: (common, 15.0))
    assert count(10)[:2] == (10, False)  # a small table: its matches are few enough to collect
    fifth = {"name_words": {"refugio": 0.2, "seguro": 0.2}, "facet_words": {}}
    monkeypatch.setattr(engine, "_word_shares", lambda connection: (fifth, 600.0))
    assert count(10)[:2] == (10, False)  # the sample's 50 rows cost more than collecting the 120 matches
    monkeypatch.setattr(engine, "_word_shares", lambda connection: (fifth, 1200.0))
    assert count(10)[:2] == (10, True)  # not more than the 240 matches


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_the_word_shares_come_from_postgresqls_statistics(monkeypatch):
    from services import search

    for number in range(20):
        ServiceFactory(name_es=f"Refugio {number}", cost=Service.Cost.FREE)
    search.analyse()
    monkeypatch.setattr(search.backend(connection.alias), "_statistics", {})
    shares, rows = search.backend(connection.alias)._word_shares(connection)
    assert rows == 20
    assert shares["name_words"]["refugio"] == pytest.approx(1.0)
    assert shares["facet_words"][search.facet("cost", "free")] == pytest.approx(1.0)


def test_pages_of_words_with_filters_are_the_same_when_the_best_results_are_counted_with_their_page(monkeypatch):
    """On PostgreSQL a page of words with filters reads its best results and their number in one statement
    (``ServiceQuerySet._best_slice_with_count``); pages and counts are those of ranking every match, on both."""
    from services import search

    for number in range(12):
        ServiceFactory(name_es=f"Refugio seguro {number:02d}", name_en="", cost=Service.Cost.FREE)
    for number in range(3):
        ServiceFactory(name_es=f"Acompañamiento {number}", description_es="Refugio seguro.", cost=Service.Cost.FREE)
    ServiceFactory(name_es="Refugio seguro pagado", cost=Service.Cost.PAID)
    query = {"q": "refugio seguro", "free": "on"}
    ranked = list(ServiceFilter(query).qs.values_list("pk", flat=True))
    assert len(ranked) == 15

    def page(number, limit):
        monkeypatch.setattr(search.CappedPaginator, "count_limit", limit)
        paginator = search.CappedPaginator(ServiceFilter(query).qs, 5)
        with CaptureQueriesContext(connection) as queries:
            shown = paginator.page(number)
            count = paginator.count
        # A statement may travel with its planner settings (PostgreSQL: "SET ...; SELECT COUNT(*) ...; RESET ...").
        counts = [q["sql"] for q in queries if any(part.startswith("SELECT COUNT(*)") for part in q["sql"].split("; "))]
        return [service.pk for service in shown], count, counts

    pks, count, counts = page(1, 10)  # 12 best: the count stops at the limit among them
    assert (pks, count) == (ranked[:5], 10)
    assert not counts or connection.vendor != "postgresql"  # the count came with the page
    assert page(2, 10)[:2] == (ranked[5:10], 10)
    pks, count, counts = page(1, 20)  # 12 best, 15 in all: the page is of the best, the count of every match
    assert (pks, count) == (ranked[:5], 15)
    if connection.vendor == "postgresql":
        assert len(counts) == 1  # every match counted; the best were counted with the page
    assert page(3, 20)[:2] == (ranked[10:15], 15)  # past the best: every match ranked


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's words (SQLite's FTS5 has its own)")
def test_a_query_word_is_asked_as_the_words_it_starts_and_finds_what_the_prefix_finds(monkeypatch):
    from services import search

    def found(text):
        return set(ServiceSearchDocument.objects.public().search(text).values_list("pk", flat=True))

    # Made-up words: the factories' own texts start none of them.
    first = ServiceFactory(name_es="Zorbex legal", description_es="")
    second = ServiceFactory(name_es="Orientación", description_es="Zorbexes para xilofonistas.")
    third = ServiceFactory(name_es="Escucha", description_es="Podemos zorbexar.")
    ServiceFactory(name_es="Abrigo", description_es="")
    assert search.backend(connection.alias).expand_words(connection, ["zorb", "xilofonis", "qzxq"]) == {
        "zorb": ["zorbex", "zorbexar", "zorbexes"],
        "xilofonis": ["xilofonistas"],
        "qzxq": [],  # starts no word: asked as itself, which the text index answers at once
    }
    with CaptureQueriesContext(connection) as queries:
        assert found("qzxq") == set()
    assert "''qzxq''" in queries.captured_queries[-1]["sql"] and ":*" not in queries.captured_queries[-1]["sql"]
    with CaptureQueriesContext(connection) as queries:
        assert found("zorb") == {first.pk, second.pk, third.pk}
    sql = queries.captured_queries[-1]["sql"]  # the literal's quotes doubled
    assert "zorbex'' | ''zorbexar'' | ''zorbexes" in sql and ":*" not in sql
    assert found("zorb xilof") == {second.pk}
    # A word saved since is among them at once.
    third.description_es = "Zorbexamos."
    third.save()
    assert "zorbexamos" in search.backend(connection.alias).expand_words(connection, ["zorb"])["zorb"]
    assert found("zorbexam") == {third.pk}
    # Too many words: asked as a prefix, with the same answer.
    monkeypatch.setattr(search.backend(connection.alias), "MAX_EXPANDED_WORDS", 2)
    assert search.backend(connection.alias).expand_words(connection, ["zorb"]) == {}
    assert found("zorb") == {first.pk, second.pk, third.pk}
    monkeypatch.undo()
    # A rebuild forgets the words no document has any more.
    assert "zorbexar" in search.backend(connection.alias).expand_words(connection, ["zorbexa"])["zorbexa"]
    search.rebuild_index()
    assert search.backend(connection.alias).expand_words(connection, ["zorbexa"]) == {"zorbexa": ["zorbexamos"]}


# serialized_rollback: the database is emptied afterwards without recreating the content types, which a later test
# that restores the serialized database (the migrations' tests) would insert again.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's words (SQLite's FTS5 has its own)")
def test_migrating_fills_the_words_from_the_documents_already_indexed():
    from django.db.migrations.executor import MigrationExecutor

    from services import search

    service = ServiceFactory(name_es="Quarvilo", description_es="Zentrapa temporal.")  # words no factory writes
    try:
        executor = MigrationExecutor(connection)
        executor.migrate([("services", "0008_search_facet_words")])
    finally:
        migrate_to_latest()
    assert search.backend(connection.alias).expand_words(connection, ["zentr", "quarv"]) == {
        "zentr": ["zentrapa"],
        "quarv": ["quarvilo"],
    }
    assert set(ServiceSearchDocument.objects.search("zentr").values_list("pk", flat=True)) == {service.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's words (SQLite's FTS5 has its own)")
def test_a_page_near_a_place_looks_its_words_up_once_for_both_its_lists(client):
    """The results near a place and the phone and online list beside them search the same words."""
    service = ServiceFactory(name_es="Zorbex cercano", locations=[LocationFactory()])
    city = service.locations.get().city
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/es/search/?q=zorbex&near={city.pk}&radius=50")
    assert response.status_code == 200 and "Zorbex cercano" in response.content.decode()
    assert sum("services_searchword" in query["sql"] for query in queries) == 1


@pytest.mark.parametrize("word", ["documents", "referral", "cost", "person", "phone"])
def test_the_words_of_a_filters_facet_are_no_words_of_the_listing(word):
    """A facet word keeps its "_" on both engines ("=access=no_documents", "=mode=in_person", "=cost=low_cost"):
    SQLite's FTS5 table split it, so a search for "documents" or "person" found every service with that filter's
    facet, PostgreSQL none."""
    quiet = ServiceFactory(
        name_es="Jardín Quieto",
        categories=[],
        in_person=True,
        by_phone=True,
        documents_required="none",
        referral_required=False,
        appointment=Service.Appointment.WALK_IN,
        cost=Service.Cost.LOW_COST,
    )
    described = ServiceFactory(name_es="Otro lugar", categories=[], description_es=f"Palabra {word}.")
    ids = found(q=word)
    assert described.pk in ids
    assert quiet.pk not in ids
    assert quiet.pk in found(mode="in_person")


def category_bits_of(service):
    return ServiceSearchDocument.objects.values_list("category_bits", flat=True).get(pk=service.pk)


def test_a_documents_category_bits_are_its_categories_and_their_main_categories():
    """What a rank asks of each row (``facets.category_bits``) follows the service's categories."""
    # Ids a bit holds (a database's sequences go on from the tests before).
    health = ServiceCategoryFactory(pk=CATEGORY_BITS - 1, slug="health", name_en="Health")
    clinic = ServiceCategoryFactory(pk=CATEGORY_BITS - 2, slug="clinic", name_en="Clinic", parent=health)
    service = ServiceFactory(categories=[clinic])
    assert category_bits_of(service) == (1 << health.pk) | (1 << clinic.pk)
    service.categories.set([health])
    assert category_bits_of(service) == 1 << health.pk


def test_a_category_no_bit_holds_ranks_its_services_as_one_a_bit_holds():
    """A category whose id is past the bits is asked of the facet words: its services take their turns with the
    other need's, above a service that only mentions its word."""
    near = ServiceCategoryFactory(pk=CATEGORY_BITS - 1, slug="near-help", name_en="Near", search_terms_en="quindlehelp")
    far = ServiceCategoryFactory(pk=CATEGORY_BITS + 7, slug="far-help", name_en="Far help", search_terms_en="zorbacare")
    of_far = ServiceFactory(name_en="Alpha", name_es="", description_es="", categories=[far])
    of_near = ServiceFactory(name_en="Beta", name_es="", description_es="", categories=[near])
    mentions = ServiceFactory(name_en="Aardvark", name_es="", description_es="", description_en="Not zorbacare.")
    assert category_bits_of(of_far) == 0 and category_bits_of(of_near) == 1 << near.pk
    with translation.override("en"):
        ranked = found(q="zorbacare quindlehelp")
    assert set(ranked[:2]) == {of_far.pk, of_near.pk} and ranked[2] == mentions.pk
