"""A query that names two types of help no service meets together, and whose words no service has all of ("my kid has
a fever": medical care and child protection), has the services of each take turns, the more specific need first,
instead of one help filling the first page by name order (``services.search.understanding.needs``, ``taking_turns``),
on SQLite and PostgreSQL alike. A service that finds more of the query's words still comes first, a name typed whole
before everything, and the shortcuts give the pages, order and counts of ranking every match."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from services import search
from services.filters import ServiceFilter
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
    """Child protection (whose terms say "kids", as family law's do), medical care ("fever", no other help's word) and
    legal aid with family law; services named so that child protection's come first in name order."""
    child = ServiceCategoryFactory(
        slug="child-protection", name_en="Child protection", search_terms_en="kid, kids, my child"
    )
    medical = ServiceCategoryFactory(slug="medical-care", name_en="Medical care", search_terms_en="fever, doctor")
    legal = ServiceCategoryFactory(slug="legal-aid", name_en="Legal aid", search_terms_en="lawyer")
    family_law = ServiceCategoryFactory(
        slug="family-law", name_en="Family law", parent=legal, search_terms_en="custody of my kids, divorce"
    )
    shelter = ServiceCategoryFactory(slug="safe-shelter", name_en="Safe shelter", search_terms_en="shelter")
    return {
        "child": [ServiceFactory(name_en=f"Child protection {letter}", categories=[child]) for letter in "DCBA"],
        "medical": [ServiceFactory(name_en=f"Medical care {letter}", categories=[medical]) for letter in "CBA"],
        "family law": [ServiceFactory(name_en=f"Family law {letter}", categories=[family_law]) for letter in "BA"],
        "shelter": [ServiceFactory(name_en="A shelter", description_en="Kids are welcome", categories=[shelter])],
    }


helps = rows_fixture()


def first_ids(query: str, count: int) -> list[int]:
    return pages("en", f"q={query}", count)[0][0]


def kinds(helps, ids: list[int]) -> list[str]:
    kind_of = {service.pk: kind for kind, services in helps.items() for service in services}
    return [kind_of.get(pk, "other") for pk in ids]


def test_two_needs_take_turns_the_more_specific_first(helps):
    # "fever" is one help's word; "kid" is said of child protection and of family law.
    found = first_ids("my kid has a fever", 20)
    assert kinds(helps, found) == ["medical", "child", "medical", "child", "medical", "child", "child", "shelter"]
    # Each help's services in name order; then the shelter, whose description says "kids".
    assert found[:6:2] == [service.pk for service in reversed(helps["medical"])]
    assert [found[1], found[3], found[5], found[6]] == [service.pk for service in reversed(helps["child"])]


def test_a_need_said_in_a_phrase_counts_once(helps):
    """The violence said in three words and the fever in one are two needs alike: their services take turns, the
    longer phrase first, instead of the phrase's services filling the first page for finding more of the words."""
    violence = ServiceCategoryFactory(
        slug="gbv-case-management", name_en="Case management", search_terms_en="boyfriend hits me"
    )
    helps["violence"] = [ServiceFactory(name_en=f"A violence help {letter}", categories=[violence]) for letter in "BA"]
    found = first_ids("boyfriend hits me fever", 4)
    assert kinds(helps, found) == ["violence", "medical", "violence", "medical"]


def test_a_word_of_no_need_counts_only_in_a_name_while_needs_take_turns(helps):
    """A description that says two of the other words typed does not come before the needs' services."""
    described = ServiceFactory(name_en="A place", description_en="Zeta and yotta", categories=[])
    found = first_ids("kid fever zeta yotta", 20)
    assert kinds(helps, found[:6]) == ["medical", "child", "medical", "child", "medical", "child"]
    assert described.pk in found[6:]


def test_needs_found_together_do_not_take_turns(helps):
    """A shelter whose description says both words has every word of the query: the search is not partial, and the
    needs do not take turns (their words are ranked as any words are)."""
    shelter = ServiceFactory(
        name_en="A shelter", description_en="Kids with a fever", categories=[helps["family law"][0].categories.first()]
    )
    with translation.override("en"):
        filterset = ServiceFilter(QueryDict("q=kids+fever"))
        found = [service.pk for service in filterset.qs[:20]]
        assert filterset.understood.needs == ()
    assert found == [shelter.pk]


def test_a_service_that_finds_more_of_the_words_comes_first(helps):
    """No service has all four words: the three that find two of them (a medical service named for kids, family law
    for the lawyer and the divorce) come before the turns of those that find one."""
    both = ServiceFactory(name_en="Zeta kid clinic", categories=[helps["medical"][0].categories.first()])
    family_law = {service.pk for service in helps["family law"]}
    assert set(first_ids("kid fever lawyer divorce", 3)) == {both.pk, *family_law}


def test_a_word_that_names_a_help_is_not_found_through_another_helps_terms(helps):
    """The word "kid" names child protection; family law's terms say "kids" too, and its services rank by it, but
    have found only the lawyer: they take their turns with the other helps' services instead of coming before them
    for finding two words ("divorce abusive husband no money": economic violence's terms say "money")."""
    both = ServiceFactory(name_en="Zeta kid clinic", categories=[helps["medical"][0].categories.first()])
    found = first_ids("kid fever lawyer", 4)
    assert found[0] == both.pk
    assert sorted(kinds(helps, found[1:])) == ["child", "family law", "medical"]


def test_needs_a_service_meets_together_do_not_take_turns(helps):
    """A lawyer for the kids: family law is legal aid, and its terms say "kids"."""
    with translation.override("en"):
        filterset = ServiceFilter(QueryDict("q=lawyer+kids"))
        found = [service.pk for service in filterset.qs[:2]]
        assert filterset.understood.needs == ()
    assert set(found) == {service.pk for service in helps["family law"]}


def test_a_name_typed_whole_still_comes_first(helps):
    named = ServiceFactory(name_en="Kid fever", categories=[])
    assert first_ids("kid fever", 1) == [named.pk]


QUERIES = [
    ("en", "q=my+kid+has+a+fever"),
    ("en", "q=kids+fever"),
    ("en", "q=fever+kids&country=CO"),
    ("en", "q=kid+fever"),
    ("en", "q=lawyer+kids"),
    ("en", "q=shelter+fever+kids"),
]


@pytest.mark.parametrize(("language", "query"), QUERIES)
@pytest.mark.parametrize("size", [1, 2, 4])
def test_the_shortcuts_give_the_pages_of_ranking_every_match(helps, language, query, size):
    assert_the_plain_way_gives_the_same_pages(language, query, size)


@pytest.mark.parametrize(("language", "query"), QUERIES)
@pytest.mark.parametrize("rows_per_id", [1, 50])
def test_the_shortcuts_give_the_same_pages_when_counted_up_to_the_limit(
    helps, monkeypatch, language, query, rows_per_id
):
    assert_the_same_pages_when_counted_up_to_the_limit(monkeypatch, language, query, rows_per_id)


def test_the_turns_are_taken_over_each_documents_rank_computed_once(helps):
    """The page's rows come from the statement that ranks each document once and takes the turns over its rows
    (``turns_rows``), with the ranks and order of ranking every match in one statement (``plain_way``)."""
    with translation.override("en"):
        index = ServiceFilter(QueryDict("q=my+kid+has+a+fever")).qs._index
        once = search.SHORTCUTS["turns_rows"](index, 0, None)
        second_page = search.SHORTCUTS["turns_rows"](index, 2, 5)
        with search.plain_way():
            plain = [tuple(row) for row in index.values_list("pk", "search_rank")]
    assert once == plain and second_page == plain[2:5]
    assert len({rank for _pk, rank in once}) == len(once)  # a place each: the turns


def shortcut_and_plain_rows(name: str, query: str, start: int, stop: int | None) -> tuple[list | None, list]:
    """Rows ``start`` to ``stop`` of ``query`` from the shortcut ``name`` (None where it does not apply), and the
    same rows of ranking every match."""
    with translation.override("en"):
        index = ServiceFilter(QueryDict(f"q={query}")).qs._index
        rows = search.SHORTCUTS[name](index, start, stop)
        with search.plain_way():
            plain = [tuple(row) for row in index.values_list("pk", "search_rank")[start:stop]]
    return rows, plain


def turns_rows(query: str, start: int, stop: int | None) -> tuple[list | None, list]:
    """The statement that ranks each document once and takes the turns (``turns_rows``), and ranking every match."""
    return shortcut_and_plain_rows("turns_rows", query, start, stop)


@pytest.mark.parametrize(
    ("start", "stop"),
    [(0, 1), (1, 2), (0, 2), (1, 3), (0, 4), (3, 7), (0, 50), (0, None)],
    ids=[
        "first",
        "page 2",
        "across two groups",
        "page 2 across two groups",
        "the last group",
        "page 2 of the last",
        "past the last row",
        "every row",
    ],
)
def test_the_turns_taken_among_the_groups_of_most_words_found_a_slice_reaches_are_those_of_every_match(
    helps, start, stop
):
    """Three of the four words (two in its name, one through its help), two (family law: the kids and the lawyer),
    one: a slice takes the turns among each need's first rows alone, with the rows and ranks of ranking every match;
    so does one reaching the last group, or past the last row."""
    ServiceFactory(name_en="Zeta kid lawyer clinic", categories=[helps["medical"][0].categories.first()])
    once, plain = turns_rows("kid+fever+lawyer+shelter", start, stop)
    assert plain and once == plain


@pytest.mark.parametrize(("start", "stop"), [(start, stop) for stop in range(1, 10) for start in range(stop)])
def test_a_slice_takes_the_turns_among_each_needs_first_rows_alone(helps, start, stop):
    """Medical care's three services, child protection's four, then the shelter (of no need, its description saying
    "kids"): every slice of the page is read from each need's first rows up to its end and the first of no need
    (``turns_rows``), the rows and ranks of ranking every match, whichever need runs out first."""
    with CaptureQueriesContext(connection) as queries:
        once, plain = turns_rows("my+kid+has+a+fever", start, stop)
    ranked = [query["sql"] for query in queries.captured_queries if "WITH ranked" in query["sql"]]
    assert once == plain
    assert len(ranked) == 1 and "AS first_2" in ranked[0]


def test_every_match_is_ranked_when_no_slice_is_asked(helps):
    with CaptureQueriesContext(connection) as queries:
        once, plain = turns_rows("my+kid+has+a+fever", 0, None)
    ranked = [query["sql"] for query in queries.captured_queries if "WITH ranked" in query["sql"]]
    assert once == plain and len(once) == 8
    assert len(ranked) == 1 and "first_" not in ranked[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement")
def test_on_postgresql_the_turns_ask_the_names_once(helps):
    """The statement that takes the turns asks the text index once for the documents with a word in their names
    (``_names_as_sets``): the shortcut those tests compare is taken."""
    with CaptureQueriesContext(connection) as queries:
        once, plain = turns_rows("kid+fever+lawyer+shelter", 0, 2)
    ranked = [query["sql"] for query in queries.captured_queries if "ROW_NUMBER()" in query["sql"]]
    assert once == plain
    assert any('AS names WHERE names."name_words" @@' in sql and "AS first_0" in sql for sql in ranked)


def test_every_match_ranked_in_sql_gives_the_same_order(helps):
    """The services' own ``values_list`` (ranked in SQL, each row's rank read from the documents) gives the pages'
    order."""
    with translation.override("en"):
        ranked = list(ServiceFilter(QueryDict("q=my+kid+has+a+fever")).qs.values_list("pk", flat=True))
    assert ranked == first_ids("my kid has a fever", 20)[: len(ranked)]


def test_every_match_ranked_in_sql_has_the_ranks_of_the_pages(helps):
    ServiceCategoryFactory(slug="housing", name_en="Housing")  # no service: none found
    with translation.override("en"):
        ranked = list(ServiceFilter(QueryDict("q=my+kid+has+a+fever")).qs.values_list("pk", "search_rank"))
        shown = [(service.pk, service.search_rank) for service in ServiceFilter(QueryDict("q=my+kid+has+a+fever")).qs]
        with search.plain_way():
            plain = list(ServiceFilter(QueryDict("q=my+kid+has+a+fever")).qs.values_list("pk", "search_rank"))
        housing = ServiceFilter(QueryDict("q=my+kid+has+a+fever&category=housing"))
        none_found = list(housing.qs.values_list("pk", "search_rank"))
    assert ranked == plain == shown
    assert none_found == []


def most_found_rows(query: str, start: int, stop: int) -> tuple[list | None, list]:
    """Ranked among the groups of most words found alone (``most_found_rows``), and ranking every match."""
    return shortcut_and_plain_rows("most_found_rows", query, start, stop)


@pytest.mark.parametrize(
    ("start", "stop"),
    [(0, 1), (1, 2), (0, 2), (1, 3)],
    ids=["first", "page 2", "across two groups", "page 2 across two groups"],
)
def test_while_needs_take_turns_only_the_groups_of_most_words_found_a_page_reaches_are_ranked(helps, start, stop):
    """Three of the four words (two in its name, one through its help), two (family law: the lawyer and the divorce),
    one: the slices reaching the first two groups are read from them alone, with the rows and ranks of ranking every
    match; those reaching the last group are not (``None``)."""
    ServiceFactory(name_en="Zeta kid lawyer clinic", categories=[helps["medical"][0].categories.first()])
    fewer, plain = most_found_rows("kid+fever+lawyer+divorce", start, stop)
    assert plain and fewer == plain
    assert most_found_rows("kid+fever+lawyer+divorce", 0, 50)[0] is None  # the last group: every match is ranked


def more_words_found():
    """A service with three words of "fever zebra garden quiet" (none is of medical care: no service has all four),
    two with two, and one more with one (medical care's services find one too)."""
    ServiceFactory(name_en="Zebra garden quiet house")
    for letter in "BA":
        ServiceFactory(name_en=f"Zebra garden {letter}")
    ServiceFactory(name_en="Open house", description_en="A quiet place")


@pytest.mark.parametrize(("start", "stop"), [(0, 1), (1, 2), (0, 2), (1, 3)])
def test_in_a_partial_search_only_the_groups_of_most_words_found_a_page_reaches_are_ranked(helps, start, stop):
    """The slices reaching the first two groups of a partial search (one type of help named: no turns) are read from
    them alone, with the rows and ranks of ranking every match."""
    more_words_found()
    fewer, plain = most_found_rows("fever+zebra+garden+quiet", start, stop)
    assert plain and fewer == plain
    assert most_found_rows("fever+zebra+garden+quiet", 0, 4)[0] is None


@pytest.mark.parametrize(
    ("language", "query"), [("en", "q=kid+fever+lawyer+shelter"), ("en", "q=fever+zebra+garden+quiet")]
)
@pytest.mark.parametrize("size", [1, 2, 3])
def test_pages_ranked_among_the_most_words_found_are_those_of_ranking_every_match(helps, language, query, size):
    ServiceFactory(name_en="Zeta kid lawyer clinic", categories=[helps["medical"][0].categories.first()])
    more_words_found()
    assert_the_plain_way_gives_the_same_pages(language, query, size)


@pytest.mark.parametrize(
    ("language", "query"),
    [("en", "q=kid+fever+lawyer+shelter"), ("en", "q=fever+zebra+garden+quiet"), ("en", "q=fever+zebra+garden")],
)
def test_pages_ranked_among_the_most_words_found_are_the_same_when_counted_up_to_the_limit(
    helps, monkeypatch, language, query
):
    """Each group's matches counted no further than the limit (three here) still tell which groups a page reaches."""
    ServiceFactory(name_en="Zeta kid lawyer clinic", categories=[helps["medical"][0].categories.first()])
    more_words_found()
    assert_the_same_pages_when_counted_up_to_the_limit(monkeypatch, language, query, 1)


@pytest.mark.parametrize(("start", "stop"), [(0, 1), (1, 2), (0, 2), (1, 3)])
def test_more_words_than_are_combined_are_counted_from_each_documents_words(helps, start, stop):
    """Five words (more than ``MOST_UNITS_COMBINED`` on SQLite): each document's words are counted from the rows of
    each word's query, with the same rows as ranking every match."""
    more_words_found()
    ServiceFactory(name_en="Zebra garden quiet house lane")
    fewer, plain = most_found_rows("fever+zebra+garden+quiet+lane", start, stop)
    assert plain and fewer == plain
    assert most_found_rows("fever+zebra+garden+quiet+lane", 0, 5)[0] is None


def units_found(document, units, *, names_only: bool) -> int:
    """How many of ``units`` (``understanding.found_units``) ``document`` has, read from its words as stored: one of a
    unit's forms starting a word of its text or names (``names_only``: of its names), or one of its facet words."""
    words = (document.names if names_only else f"{document.text} {document.names}").split()
    facets = set(document.facets.split())
    return sum(
        any(word.startswith(form) for word in words for form in forms) or bool(facets.intersection(facet_words))
        for forms, facet_words in units
    )


@pytest.mark.parametrize("query", ["fever+zebra+garden+quiet", "fever+zebra+garden+quiet+lane"])
@pytest.mark.parametrize("names_only", [False, True], ids=["text", "names only"])
@pytest.mark.parametrize("limit", [1, 2, 1000])
def test_the_matches_counted_by_words_found_are_those_that_have_them(
    helps, django_assert_num_queries, query, names_only, limit
):
    """The counts of the matches by words found (``found_counts``, one statement, for four words and for more than
    are combined) are those of each match's words as stored, capped at the limit, with whether a match has fewer:
    "zebra" starts "zebras", and medical care's services find "fever" through their category alone."""
    more_words_found()
    ServiceFactory(name_en="Zebras quiet corner lane")
    with translation.override("en"):
        index = ServiceFilter(QueryDict(f"q={query}")).qs._index
        units = search.understanding.found_units(index.search_understanding)
        with django_assert_num_queries(1):
            counted = search.backend(index.db).found_counts(index, units, limit, names_only=names_only)
    found = [units_found(document, units, names_only=names_only) for document in index.order_by()]
    expected = [
        (min(sum(number >= least for number in found), limit), any(number < least for number in found))
        for least in range(len(units) + 1)
    ]
    assert counted == expected
    assert len(set(found)) > 2
    medical = [document for document in index.order_by() if document.service_id in {s.pk for s in helps["medical"]}]
    assert medical and all("fever" not in document.text for document in medical)
    assert any(" zebras " in f" {document.names} " for document in index.order_by())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's counts")
def test_on_postgresql_whether_a_match_found_fewer_is_not_known_when_both_counts_reach_the_rows_counted(
    helps, monkeypatch
):
    """Each number of words found is counted up to ``FOUND_COUNTED_TO`` rows, from the most words down: two matches
    with two words or more and two with any reach it, so whether one found fewer than two is not known (None), and
    the matches with one or more are not counted."""
    more_words_found()
    monkeypatch.setattr(search.backend(connection.alias), "FOUND_COUNTED_TO", 2)
    with translation.override("en"):
        index = ServiceFilter(QueryDict("q=fever+zebra+garden+quiet")).qs._index
        units = search.understanding.found_units(index.search_understanding)
        counted = search.backend(index.db).found_counts(index, units, 1)
    assert counted == [(1, False), (1, None), (1, None), (1, True), (0, True)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's counts")
@pytest.mark.parametrize(("start", "stop"), [(0, 2), (1, 2)])
def test_on_postgresql_a_page_is_ranked_among_two_words_found_or_more_when_whether_one_found_fewer_is_not_known(
    helps, monkeypatch, start, stop
):
    """Counted up to two rows, the slice reaching the group of two words found or more does not know whether a match
    found fewer: it is still read from those matches alone (any two words together, asked of the text index), with
    the rows and ranks of ranking every match."""
    more_words_found()
    monkeypatch.setattr(search.backend(connection.alias), "FOUND_COUNTED_TO", 2)
    fewer, plain = most_found_rows("fever+zebra+garden+quiet", start, stop)
    assert plain and fewer == plain


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's condition")
def test_on_postgresql_a_partial_search_asks_every_concepts_categories_before_any_words(helps):
    """Checked row by row (a count of the matches with some words found), a match of a category is kept before its
    text's words are read from the TOAST: every concept's categories come before the first concept's words."""
    with translation.override("en"):
        index = ServiceFilter(QueryDict("q=fever+zebra+lawyer")).qs._index
    sql = str(index.order_by().values("pk").query)
    assert '"facet_words" @@' in sql
    assert sql.rindex('"facet_words" @@') < sql.index('"words" @@')


def test_a_page_whose_needs_take_turns_never_builds_the_rank_of_every_match(helps, monkeypatch):
    """The page reads the turns' parts (``turn_parts``) and the count the words' conditions: the rank of every match
    (``rank``, whose turns are ``taking_turns``) is never built, nor resolved (``understanding.Ranked``)."""
    built = []
    turns = search.understanding.taking_turns
    monkeypatch.setattr(
        search.understanding, "taking_turns", lambda *args, **kwargs: built.append(args) or turns(*args, **kwargs)
    )
    found, count = pages("en", "q=my+kid+has+a+fever", 20)
    assert count == len(found[0]) == 8
    assert built == []


@pytest.mark.parametrize("query", ["my kid has a fever", "fever kids lawyer", "child protection"])
def test_the_rank_a_statement_reads_is_the_rank_built_whole(helps, query):
    """Selected, the rank built when first read (``understanding.Ranked``) is written as the one built and resolved
    whole; filtered by (a window's, when needs take turns) and in a subquery whose aliases are renamed, it gives the
    same rows (Django resolves the whole one again there, and writes its conditions between brackets)."""
    from django.db.models import OuterRef, Subquery

    from services.models import Service

    with translation.override("en"):
        index = ServiceFilter(QueryDict(f"q={query.replace(' ', '+')}")).qs._index
        whole = index.annotate(search_rank=search.rank(index.search_understanding, db=index.db))

        def selected(documents):
            return documents.values_list("pk", "search_rank")

        def filtered(documents):
            return documents.filter(search_rank__gte=4).values_list("pk", flat=True)

        def in_a_subquery(documents):
            ranked = Subquery(documents.filter(pk=OuterRef("pk")).values("search_rank")[:1])
            return Service.objects.annotate(rank=ranked).order_by("pk").values_list("pk", "rank")

        assert selected(index).query.sql_with_params() == selected(whole).query.sql_with_params()
        for rows in (selected, filtered, in_a_subquery):
            assert sorted(rows(index)) == sorted(rows(whole))
        assert list(selected(index)) and list(filtered(index))
