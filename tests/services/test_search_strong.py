"""Strong matches first (``services.search`` shortcut ``strong_rows``): a search by relevance reads its pages from the
documents with a query word in a name or of a category a word names, and they are the pages, order and counts of
ranking every match (``plain_way``), on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from services import search
from services.filters import ServiceFilter
from tests.factories import ServiceCategoryFactory, ServiceFactory
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services import directory_data as data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(
        metafunc,
        shelters=build_shelters,
        family_law_services=build_family_law_services,
        legal_aid_services=build_legal_aid_services,
        shelter_kits_services=build_shelter_kits_services,
    )


def build_shelters():
    """Services that "shelter" finds in each way: 3 by their names, 5 through the shelter category, 3 by their
    descriptions alone. "advice" is a name typed whole ("Advice K": one letter is not a word of a query)."""
    shelter = data.shelter()
    named = [ServiceFactory(name_en=f"Shelter house {letter}", name_es=f"Albergue {letter}") for letter in "CAB"]
    by_category = [
        ServiceFactory(name_en=f"Safe house {letter}", name_es=f"Casa {letter}", categories=[shelter])
        for letter in "EDGFH"
    ]
    described = [
        ServiceFactory(name_en=f"Advice {letter}", name_es=f"Consejo {letter}", description_en="Shelter on request.")
        for letter in "KJI"
    ]
    return named, by_category, described


shelters = rows_fixture()


def pages(query: str, size: int) -> tuple[list[list[int]], int]:
    filterset = ServiceFilter(QueryDict(query))
    paginator = search.CappedPaginator(filterset.qs, size)
    found = [[service.pk for service in paginator.get_page(number)] for number in range(1, paginator.num_pages + 1)]
    return found, paginator.count


def strong_matches_compared(monkeypatch, rows_per_id) -> list[int]:
    """Has the engine read ``rows_per_id`` rows per id where it reads dense rows (PostgreSQL), and compares each
    answer of its ``ids_of_strong_matches`` with ``ids_from_matches``: a slice shorter than asked would send the search
    the plain way, so the ids themselves are compared. Gives the list of the stops it is asked for, filled as it is."""
    engine = search.backend(connection.alias)
    if hasattr(engine, "DENSE_ROWS_PER_ID"):
        monkeypatch.setattr(engine, "DENSE_ROWS_PER_ID", rows_per_id)
    asked = []
    original = engine.ids_of_strong_matches

    def compared(others, stop, **kwargs):
        ids = original(others, stop, **kwargs)
        assert ids == engine.ids_from_matches(others, stop, **kwargs)
        asked.append(stop)
        return ids

    monkeypatch.setattr(engine, "ids_of_strong_matches", compared)
    return asked


@pytest.mark.parametrize(
    "query", ["q=shelter", "q=shelters", "q=shelter&free=", "q=safe+shelter", "q=shelter+advice", "q=advice"]
)
@pytest.mark.parametrize("size", [1, 2, 4])
def test_pages_and_counts_are_those_of_ranking_every_match(shelters, query, size):
    with translation.override("en"):
        fast = pages(query, size)
        with search.plain_way("strong_rows"):
            plain = pages(query, size)
    assert fast == plain
    assert fast[1] > 0


@pytest.mark.parametrize("rows_per_id", [1, 3, 50])
@pytest.mark.parametrize("query", ["q=shelter", "q=shelter&country=CO"])
def test_a_category_read_first_in_name_order_gives_the_pages_of_ranking_every_match(
    shelters, monkeypatch, query, rows_per_id
):
    """When every category a word names is one of its own ("shelter"), being of one is matching the word: on
    PostgreSQL their documents are looked for among the first rows in name order (``ids_of_categories``, as
    ``dense_ids``), then sorted when those hold too few. The pages are the same."""
    engine = search.backend(connection.alias)
    if hasattr(engine, "DENSE_ROWS_PER_ID"):
        monkeypatch.setattr(engine, "DENSE_ROWS_PER_ID", rows_per_id)
    with translation.override("en"):
        fast = pages(query, 2)
        with search.plain_way("strong_rows"):
            plain = pages(query, 2)
    assert fast == plain
    assert fast[1] > 0


@pytest.mark.parametrize("query", ["q=shelter", "q=shelter&country=CO", "q=shelters"])
@pytest.mark.parametrize("size", [1, 2, 4])
def test_a_category_counted_up_to_the_limit_gives_the_pages_of_ranking_every_match(shelters, monkeypatch, query, size):
    """When the count reaches the limit, a named category's matches are many: SQLite reads them in name order
    (``ids_from_matches`` with ``many``). The pages are the same."""
    monkeypatch.setattr(search.CappedPaginator, "count_limit", 5)  # more than the names, fewer than the matches
    with translation.override("en"):
        fast = pages(query, size)
        with search.plain_way("strong_rows"):
            plain = pages(query, size)
    assert fast == plain
    assert fast[1] == 5


def test_many_matches_of_a_category_are_read_in_the_sort_index_order_on_sqlite(shelters, monkeypatch):
    monkeypatch.setattr(search.CappedPaginator, "count_limit", 5)  # more than the names, fewer than the matches
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        search.CappedPaginator(ServiceFilter(QueryDict("q=shelter")).qs, 4).get_page(1)
    # The category's matches without the word in a name: read in the sort index's order ("+" before the ids).
    others = [query["sql"] for query in queries if "NOT (" in query["sql"] and "names : (" in query["sql"]]
    assert len(others) == (connection.vendor == "sqlite")
    assert all('+"services_servicesearchdocument"."service_id" IN' in sql for sql in others)


def test_one_word_names_first_then_its_category_in_name_order_then_the_rest(shelters):
    """ "shelter" names the shelter category: its services named with it first, then the rest of them, then the
    services of no category with it in their names or descriptions (a name outside the help it names is text)."""
    named, by_category, described = shelters
    in_category = [ServiceFactory(name_en="Shelter Zeta", categories=[by_category[0].categories.first()])]
    with translation.override("en"):
        found = [pk for page in pages("q=shelter", 3)[0] for pk in page]

    def by_name(services):
        return [service.pk for service in sorted(services, key=lambda service: service.name_en)]

    assert found == by_name(in_category) + by_name(by_category) + by_name(named + described)


def test_one_word_naming_no_type_of_help_names_first_then_its_category_then_the_rest(shelters):
    """ "house" names no type of help: services named with it first ("Shelter house", "Safe house"), in name order."""
    named, by_category, _described = shelters
    with translation.override("en"):
        found = [pk for page in pages("q=house", 3)[0] for pk in page]
    assert found == [service.pk for service in sorted(named + by_category, key=lambda service: service.name_en)]


def test_a_page_of_strong_matches_ranks_no_other_match(shelters):
    """The second page (names, then the category's services) is read without the rank of every match."""
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        page = search.CappedPaginator(ServiceFilter(QueryDict("q=shelter")).qs, 2).get_page(2)
    assert len(page) == 2
    assert not [query["sql"] for query in queries if "CASE WHEN" in query["sql"]]


@pytest.mark.parametrize("query", ["q=shelter", "q=shelter&country=CO", "q=advice&free=on", "q=shelter+advice", ""])
def test_capped_counts_and_existence_read_from_the_matches_are_those_of_the_plain_query(shelters, query):
    """SQLite reads a search's matches as the text index gives them (``count_words``, ``any_found``)."""
    with translation.override("en"):
        filterset = ServiceFilter(QueryDict(query))
        assert filterset.is_valid()
        documents = filterset.filter_queryset(filterset.index)
    engine = search.backend(documents.db)
    total = documents.order_by().count()
    assert total > 0
    for limit in (1, 3, 1000):
        assert engine.count_words(documents, limit) == min(total, limit)
    assert engine.any_found(documents)
    assert not engine.any_found(documents.filter(pk=0))
    assert engine.count_words(documents.filter(pk=0), 10) == 0


def test_whether_the_words_are_found_and_a_name_typed_whole_are_asked_in_one_statement(shelters):
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        page = search.CappedPaginator(ServiceFilter(QueryDict("q=shelter")).qs, 4).get_page(1)
    assert len(page) == 4
    named = [query["sql"] for query in queries if "=name=shelter" in query["sql"]]
    assert len(named) == 1 and "EXISTS" in named[0]


def test_planner_settings_travel_with_their_statement(shelters, monkeypatch):
    """PostgreSQL plans a few statements without some scan methods: SET, the statement and RESET are one round trip,
    and the settings do not outlive it."""
    monkeypatch.setattr(search.CappedPaginator, "count_limit", 5)
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        pages("q=shelter", 4)
    alone = [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(("SET ", "RESET "))]
    assert all("SELECT" in sql for sql in alone)
    if connection.vendor == "postgresql":
        assert alone  # the count of a search by words is planned from the text index
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')")
            assert cursor.fetchone() == ("on", "on")


def build_family_law_services():
    """ "law" names the family law category, yet is no concept whose categories are all its own: its services match
    "law" only with the word in their text. Names sort them among services without it, some with "law" in a name."""
    family_law = data.family_law()
    with_word = [
        ServiceFactory(name_en=f"{letter} house", description_en="Law clinic.", categories=[family_law])
        for letter in "MBQAD"
    ]
    without_word = [ServiceFactory(name_en=f"{letter} rooms", categories=[family_law]) for letter in "CNE"]
    named = [ServiceFactory(name_en=f"Law office {letter}") for letter in "ZF"]
    unrelated = [ServiceFactory(name_en=f"{letter} desk", description_en="Law books.") for letter in "GA"]
    return with_word, without_word, named, unrelated


family_law_services = rows_fixture()


@pytest.mark.parametrize("rows_per_id", [1, 2, 50])
@pytest.mark.parametrize("query", ["q=law", "q=law&country=CO", "q=law&free=on"])
@pytest.mark.parametrize("size", [1, 2, 4])
def test_a_category_not_all_its_own_read_first_in_name_order_gives_the_pages_of_ranking_every_match(
    family_law_services, monkeypatch, query, size, rows_per_id
):
    """One word whose categories are not all its own ("law"): on PostgreSQL its strong matches without it in a name
    are looked for among the first rows in name order (``ids_of_strong_matches``), their text checked in the table,
    then sorted when those hold too few. The pages are the same."""
    asked = strong_matches_compared(monkeypatch, rows_per_id)
    with translation.override("en"):
        fast = pages(query, size)
        with search.plain_way("strong_rows"):
            plain = pages(query, size)
    assert fast == plain
    if "free" not in query:
        assert asked
        assert fast[1] > 0


def build_legal_aid_services():
    """ "legal aid": both words name the legal aid category, so its services rank a category for each word (the top
    rank without a word in a name), sorted by name among services of neither word, some with one word in a name
    (ranked lower without the category, higher with it)."""
    legal_aid, shelter = data.legal_aid(), data.shelter()
    by_category = [
        ServiceFactory(name_en=f"{letter} rooms", description_en="Free legal aid.", categories=[legal_aid])
        for letter in "MBQADK"
    ]
    named = [
        ServiceFactory(name_en=f"Legal office {letter}", description_en="First aid.", categories=[shelter])
        for letter in "ZF"
    ]
    named_of_category = [ServiceFactory(name_en="Legal desk", categories=[legal_aid])]
    others = [
        ServiceFactory(name_en=f"{letter} desk", description_en="Legal aid books.", categories=[shelter])
        for letter in "GCN"
    ]
    return by_category, named, named_of_category, others


legal_aid_services = rows_fixture()


@pytest.mark.parametrize("rows_per_id", [1, 2, 150])
@pytest.mark.parametrize("query", ["q=legal+aid", "q=legal+aid&country=CO", "q=aid+legal&free=on"])
@pytest.mark.parametrize("size", [1, 2, 4])
def test_two_words_tied_at_a_category_each_read_first_in_name_order_give_the_pages_of_ranking_every_match(
    legal_aid_services, monkeypatch, query, size, rows_per_id
):
    """Two words whose named matches do not fill the page ("legal aid"): on PostgreSQL the matches at the top rank
    left (a category for each word) are looked for among the first rows in name order, and every match is ranked
    only when those hold too few (``ranked_named_first``). The rows, the pages and the counts are the same."""
    engine = search.backend(connection.alias)
    if hasattr(engine, "AT_RANK_ROWS_PER_ID"):
        monkeypatch.setattr(engine, "AT_RANK_ROWS_PER_ID", rows_per_id)
    asked = []
    original = engine.ranked_named_first

    def compared(strong, named, stop, above):
        rows = original(strong, named, stop, above)
        assert rows == list(strong.values_list("pk", "search_rank")[:stop])
        asked.append(stop)
        return rows

    monkeypatch.setattr(engine, "ranked_named_first", compared)
    with translation.override("en"):
        fast = pages(query, size)
        with search.plain_way("strong_rows"):
            plain = pages(query, size)
    assert fast == plain
    assert asked
    if "free" not in query:
        assert fast[1] > 0


@pytest.mark.parametrize("query", ["q=legal+aid+shelter", "q=shelter+legal+aid&country=CO", "q=shelter+aid+legal"])
def test_capped_counts_of_several_words_with_categories_are_those_of_the_plain_query(legal_aid_services, query):
    """Several concepts that each name categories ("legal aid", "shelter"): PostgreSQL counts their matches with
    the words' and categories' alternatives distributed, each one lookup of the text index. The count is the plain
    query's."""
    with translation.override("en"):
        filterset = ServiceFilter(QueryDict(query))
        assert filterset.is_valid()
        documents = filterset.filter_queryset(filterset.index)
    engine = search.backend(documents.db)
    total = documents.order_by().count()
    assert total > 0
    with CaptureQueriesContext(connection) as queries:
        for limit in (1, 3, 1000):
            assert engine.count_words(documents, limit) == min(total, limit)
    if connection.vendor == "postgresql":
        counted = queries[-1]["sql"]
        # Four alternatives: a category or the words of one concept, and a category or the words of the other.
        assert counted.count(") OR (") == 3


def test_ranks_ask_the_names_and_categories_words_on_postgresql(legal_aid_services):
    """PostgreSQL ranks a word in a name or a category from ``name_words`` and ``facet_words`` (the same words as
    ``names`` and ``facets``, which it would read whole for each row): the ranks are those the words give."""
    by_category, named, named_of_category, others = legal_aid_services
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        filterset = ServiceFilter(QueryDict("q=legal+aid"))
        ranks = dict(filterset.qs.values_list("pk", "search_rank"))
    # legal: 4 in a name of a legal aid service, 3 of the category; aid: 3 of the category, 1 in the text alone. The
    # query names legal aid: "legal" in the name of another help's service is a word of its text.
    assert {ranks[service.pk] for service in by_category} == {6}
    assert {ranks[service.pk] for service in named} == {2}
    assert {ranks[service.pk] for service in named_of_category} == {7}
    assert {ranks[service.pk] for service in others} == {2}
    ranked = [query["sql"] for query in queries if "CASE WHEN" in query["sql"]]
    assert ranked
    if connection.vendor == "postgresql":
        assert not [sql for sql in ranked if '"names"::text LIKE' in sql or '"facets"::text LIKE' in sql]


def build_shelter_kits_services():
    """ "shelter" is the shelter category's name (its own category) and a word of the kits category's search terms
    (a category it names, not its own): the kits' services match it only with the word in their text."""
    shelter = data.shelter()
    kits = ServiceCategoryFactory(
        slug="kits", name_en="Kits", name_es="Kits", name_pt="Kits", name_ind="Kit", search_terms_en="shelter sheets"
    )
    of_shelter = [ServiceFactory(name_en=f"{letter} house", categories=[shelter]) for letter in "MBQ"]
    kits_with_word = [
        ServiceFactory(name_en=f"{letter} store", description_en="Shelter tarpaulins.", categories=[kits])
        for letter in "DAK"
    ]
    kits_without_word = [ServiceFactory(name_en=f"{letter} depot", categories=[kits]) for letter in "CN"]
    named = [ServiceFactory(name_en=f"Shelter office {letter}") for letter in "ZF"]
    return of_shelter, kits_with_word, kits_without_word, named


shelter_kits_services = rows_fixture()


@pytest.mark.parametrize("rows_per_id", [1, 50])
@pytest.mark.parametrize("query", ["q=shelter", "q=shelter&country=CO"])
@pytest.mark.parametrize("size", [1, 2, 4])
def test_a_word_that_names_a_help_ranks_another_help_with_it_in_its_terms_below_that_help(
    shelter_kits_services, monkeypatch, query, size, rows_per_id
):
    """One word that names a help (shelter) and is a word of another help's terms (the kits'): the named help's
    services come first, the other's with the word after them, as a place would rank ("he follows me" is safety, not
    the case management whose "follow-up" shares its stem), then those with the word in their text alone. The pages
    are those of ranking every match; a page the named help's services fill is read from its categories alone
    (``ids_of_categories``), never sorted with the other help's matches (``ids_of_strong_matches``)."""
    asked = strong_matches_compared(monkeypatch, rows_per_id)
    engine = search.backend(connection.alias)
    of_categories, original = [], engine.ids_of_categories

    def recorded(*args, **kwargs):
        ids = original(*args, **kwargs)
        of_categories.append(ids)
        return ids

    monkeypatch.setattr(engine, "ids_of_categories", recorded)
    with translation.override("en"):
        fast = pages(query, size)
    with translation.override("en"), search.plain_way("strong_rows"):
        plain = pages(query, size)
    assert fast == plain
    of_shelter, kits_with_word, _kits_without_word, named = shelter_kits_services
    assert fast[1] == len(of_shelter) + len(kits_with_word) + len(named)
    assert not asked
    if size <= len(of_shelter):
        assert of_categories
    in_name_order = [
        [service.pk for service in sorted(services, key=lambda service: service.name_en)]
        for services in (of_shelter, kits_with_word, named)
    ]
    assert [pk for page in fast[0] for pk in page] == [pk for services in in_name_order for pk in services]
