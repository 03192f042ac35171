"""SQLite: an FTS5 table over the documents' ``text``, ``facets`` and ``names`` (external content, kept in step by
triggers, "=" and "_" letters so that facet words stay whole: "=mode=in_person"), queried with one MATCH:
``"word"*`` prefix terms and facet alternatives, AND-ed. Its tokenizer splits on the same characters
``text.normalise`` removes ("_" among them), so FTS5 words are exactly the document's words. See
docs/performance.md, "How the search is built".
"""

import contextlib
import itertools

from django.db import connections
from django.db.models import BooleanField, F, Q
from django.db.models.expressions import RawSQL

from ..facets import facet
from .levels import MOST_UNITS_COMBINED, levels

# A subquery the database keeps whole instead of merging it into the statement around it.
KEEP_WHOLE = "LIMIT -1 OFFSET 0"

FTS_MATCH = "SELECT rowid FROM services_search_fts WHERE services_search_fts MATCH %s"
FOUND_UNIT = "SELECT rowid AS id FROM services_search_fts WHERE services_search_fts MATCH %s"


class FtsMatch(RawSQL):
    """The ids of the documents matching every one of ``parts`` (FTS5 queries), in one FTS5 MATCH."""

    def __init__(self, parts):
        self.parts = tuple(parts)
        match = " AND ".join(f"({part})" for part in self.parts) if len(self.parts) > 1 else self.parts[0]
        # The SQL is a constant; the user's words reach SQLite only as the MATCH parameter.
        super().__init__(FTS_MATCH, (match,))  # noqa: S611  # nosec B611


def _fts_conditions(queryset) -> list:
    """The top-level conditions of ``queryset`` that are an FTS5 MATCH (``pk__in=FtsMatch(...)``)."""
    # Django has no public API to read or drop a condition: one FTS5 MATCH per statement is the measured shortcut.
    where = queryset.query.where
    if where.negated or where.connector != "AND":
        return []
    return [child for child in where.children if isinstance(getattr(child, "rhs", None), FtsMatch)]


def _match_fts(queryset, part: str, *, replacing: str = ""):
    """``queryset`` narrowed to the FTS5 query ``part``, AND-ed into the FTS5 condition it already has, if any
    (without its part ``replacing``): one FTS5 query intersects its words' lists itself, where separate conditions
    each built a list of thousands of ids for the database to intersect."""
    queryset = queryset.all()
    earlier = _fts_conditions(queryset)
    parts = [item for child in earlier for item in child.rhs.parts if item != replacing]
    where = queryset.query.where
    where.children = [child for child in where.children if not any(child is node for node in earlier)]
    return queryset.filter(pk__in=FtsMatch([*parts, part]))


def match_facets(queryset, words: list[str], *, document: str = ""):
    """``queryset`` narrowed to rows whose document has one of the facet ``words``."""
    return _match_fts(queryset, " OR ".join('"{}"'.format(word.replace('"', '""')) for word in words))


def _fts_string(word: str) -> str:
    return '"{}"'.format(word.replace('"', '""'))


def _fts_every_word(groups) -> str:
    """Each group's word as a prefix, in any of its forms: ``("abog"*) AND ("hamil"* OR "kehamilan"*)``."""
    return " AND ".join("(" + " OR ".join(f"{_fts_string(form)}*" for form in group) + ")" for group in groups)


def concepts_query(concepts, *, partial: bool = False) -> str:
    """The FTS5 query for documents matching every concept (``partial``: any): each has its words (as prefixes, in
    any of their forms) or the facet word of one of its categories: ``(("abog"*) OR "=category=5")``."""
    parts = []
    for concept in concepts:
        alternatives = [f"({_fts_every_word(concept.forms)})"]
        alternatives += [_fts_string(facet("category", pk)) for pk in sorted(concept.categories)]
        parts.append("(" + " OR ".join(alternatives) + ")")
    return (" OR " if partial else " AND ").join(parts)


def match_concepts(queryset, concepts, *, document: str = "", partial: bool = False, expanded=None):
    """``queryset`` narrowed to rows whose document matches every concept (``partial``: any)."""
    return _match_fts(queryset, concepts_query(concepts, partial=partial))


def _asked_once(column: str, alternatives, *, document: str = "") -> Q:
    """Documents with one of ``alternatives`` (FTS5 terms) in ``column`` of the FTS5 table, asked of it once for all
    the rows a statement reads (a rank asks it of every match, where a LIKE read each one's column whole)."""
    return Q(**{f"{document}pk__in": FtsMatch([f"{column} : ({' OR '.join(alternatives)})"])})


def in_names(word_forms, *, document: str = "") -> Q:
    """Documents with one of ``word_forms`` starting a word of their names (the service's, the organisation's)."""
    return _asked_once("names", [f"{_fts_string(form)}*" for form in word_forms], document=document)


def in_text(word_forms, *, document: str = "") -> Q:
    """Documents with one of ``word_forms`` starting a word of their text."""
    return _asked_once("text", [f"{_fts_string(form)}*" for form in word_forms], document=document)


def of_facets(facet_words, *, document: str = "") -> Q:
    """Documents with one of ``facet_words`` (a category's, ``=category=4``)."""
    return _asked_once("facets", [_fts_string(word) for word in facet_words], document=document)


def with_whole_name(word: str, *, document: str = "") -> Q:
    """Documents with ``word`` (``text.whole_name``) among the words of their names."""
    return Q(**{f"{document}names__contains": f" {word} "})


def match_whole_name(queryset, word: str, *, document: str = ""):
    """``queryset`` narrowed to rows with ``word`` (``text.whole_name``) among the words of their names."""
    return _match_fts(queryset, f"names : {_fts_string(word)}")


def match_in_names(index, groups):
    """``index`` (narrowed by the words of ``groups``, each word's forms) narrowed to every word in a name: every
    word in a name is every word in the text too, so the text's condition goes."""
    understanding = getattr(index, "search_understanding", None)
    replacing = concepts_query(understanding.concepts) if understanding is not None else ""
    return _match_fts(index, f"names : ({_fts_every_word(groups)})", replacing=replacing)


def match_strong(index, groups, facet_words):
    """``index`` narrowed to the documents with a word of ``groups`` (each word's forms) starting a word of a name,
    or one of ``facet_words``."""
    forms = " OR ".join(f"{_fts_string(form)}*" for group in groups for form in group)
    alternatives = [f"names : ({forms})", *(_fts_string(word) for word in facet_words)]
    return _match_fts(index, " OR ".join(alternatives))


def ids_from_matches(documents, stop: int, *, many: bool = False) -> list[int]:
    """The first ``stop`` ids of ``documents`` (a search by words, in a sort name's order). ``many``: the matches are
    known to be many, so they are read in the sort index's order (``dense_ids``), where sorting them all cost more
    the more there are; reading in order costs at most one pass over the index."""
    if many:
        return dense_ids(documents, stop)
    return list(documents.values_list("pk", flat=True)[:stop])


def ids_of_strong_matches(others, stop: int, *, many: bool = False) -> list[int]:
    """The first ``stop`` ids of ``others`` (``ids_from_matches``)."""
    return ids_from_matches(others, stop, many=many)


def ids_of_categories(index, others, group, facet_words, stop: int, *, many: bool = False) -> list[int]:
    """The first ``stop`` ids of ``others``: ``index``'s documents with one of ``facet_words`` (which match its words)
    and no form of ``group`` in a name (``ids_from_matches``)."""
    return ids_from_matches(others, stop, many=many)


def ranked_named_first(strong, named, stop: int, above: int) -> list[tuple]:
    """The first ``stop`` rows (id, rank) of ``strong``, ranked: SQLite ranks them all (``named`` is for
    PostgreSQL's shortcut)."""
    return list(strong.values_list("pk", "search_rank")[:stop])


def in_sort_order(documents):
    """``documents`` read in the order of the sort index, the FTS5 condition checked row by row against its list of
    ids instead of choosing the rows: for dense matches the page is full after some dozen rows, where reading every
    match to sort them cost more (docs/performance.md, "Dense matches in name order")."""
    documents = documents.all()
    conditions = _fts_conditions(documents)
    where = documents.query.where
    where.children = [child for child in where.children if not any(child is node for node in conditions)]
    kept = len(where.children)
    meta = documents.model._meta
    column = f'"{meta.db_table}"."{meta.pk.column}"'
    for condition in conditions:
        # "+" keeps SQLite from looking the ids up by primary key (it would then sort every match).
        checked = RawSQL(f"+{column} IN ({FTS_MATCH})", condition.rhs.params, output_field=BooleanField())  # noqa: S611  # nosec B611
        documents = documents.filter(checked)
    # SQLite checks the conditions in their order: the ids first, from the index alone, so that a condition on a
    # column of the table (a name's words) reads the row of a match only.
    where = documents.query.where
    where.children = where.children[kept:] + where.children[:kept]
    return documents


def _from_matches(documents):
    """``(sql, params)`` of the ids of ``documents`` read from the FTS5 table's matches, each looked up in the
    documents, or None when it has no FTS5 condition. SQLite collects every id of an ``IN`` subquery before the
    first row: for a broad word, tens of thousands, where an existence check or a capped count needs a few.
    docs/performance.md, "Matches read as they come"."""
    documents = documents.all()
    conditions = _fts_conditions(documents)
    if len(conditions) != 1:
        return None
    where = documents.query.where
    where.children = [child for child in where.children if child is not conditions[0]]
    sql, params = documents.order_by().values(found_id=F("pk")).query.sql_with_params()
    # CROSS JOIN: the FTS5 table is read first, its matches as they come.
    return (
        f"SELECT found.found_id FROM services_search_fts CROSS JOIN ({sql}) AS found "  # noqa: S608  # nosec B608
        "ON found.found_id = services_search_fts.rowid WHERE services_search_fts MATCH %s",
        (*params, *conditions[0].rhs.params),
    )


def count_words(documents, limit: int) -> int:
    """How many rows ``documents`` (a search by words) has, counting no further than ``limit``."""
    found = _from_matches(documents)
    if found is None:
        return documents.order_by().values("pk")[:limit].count()
    sql, params = found
    with connections[documents.db].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT %s)", (*params, limit))  # noqa: S608  # nosec B608
        return cursor.fetchone()[0]


def any_found(documents) -> bool:
    """Whether ``documents`` (a search by words) has a row."""
    found = _from_matches(documents)
    if found is None:
        return documents.order_by().values("pk")[:1].exists()
    sql, params = found
    with connections[documents.db].cursor() as cursor:
        cursor.execute(f"{sql} LIMIT 1", params)
        return cursor.fetchone() is not None


def any_found_each(searches) -> list[bool]:
    """Whether each of ``searches`` (each a search by one concept's words) has a row: one FTS5 query each."""
    return [any_found(documents) for documents in searches]


def any_found_of_both(documents, other) -> tuple[bool, bool]:
    """Whether ``documents`` (a search by words) has a row, and whether ``other`` has one, in one statement."""
    found = _from_matches(documents)
    sql, params = found if found is not None else documents.order_by().values("pk").query.sql_with_params()
    other_sql, other_params = other.order_by().values("pk").query.sql_with_params()
    with connections[documents.db].cursor() as cursor:
        cursor.execute(f"SELECT EXISTS ({sql} LIMIT 1), EXISTS ({other_sql} LIMIT 1)", (*params, *other_params))  # noqa: S608  # nosec B608
        return tuple(bool(value) for value in cursor.fetchone())


def rows_ranked_once(db: str, sql: str, params) -> list[tuple]:
    """The rows of a statement that ranks every match once (``shortcuts.turns_rows``)."""
    with connections[db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def limit_in_a_sample(documents, limit: int) -> bool:
    """SQLite has no table sample: counting goes on as usual."""
    return False


def not_among(column: str, ids: str, db_type: str) -> str:
    """``column`` is none of ``ids`` (integers joined by commas)."""
    return f"{column} NOT IN ({ids})"


# Whether a page read in name order checks each row it reads for a location open by its spans
# (``conditions.OpenBySpans``): SQLite lists the open services once faster than it checks rows one by one.
CHECKS_OPEN_ROW_BY_ROW = False


# Whether open now's page is read with its count (``shortcuts.open_slice_with_count``).
COUNTS_OPEN_WITH_PAGE = False


# Whether ``best_with_count`` reads the best results' page and their count in one statement.
COUNTS_BEST_WITH_PAGE = False

# A partial search's matches are counted by the number of words they found in the FTS5 table alone
# (``shortcuts.most_found_rows``).
COUNTS_FOUND = True


def best_with_count(counted) -> list:
    """The rows of ``counted`` (the best results' slice with a window count)."""
    return list(counted)


def dense_ids(documents, stop: int) -> list[int]:
    """The first ``stop`` ids of ``documents``, many in name order, read in the sort index's order."""
    return list(in_sort_order(documents).values_list("pk", flat=True)[:stop])


def faceted_ids(ids_query) -> list[int]:
    return list(ids_query)


def analyse(connection, tables) -> None:
    """Refresh the planner's statistics and merge the FTS5 index's segments (after a bulk load SQLite chose a far
    slower plan without)."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO services_search_fts(services_search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")


@contextlib.contextmanager
def without_search_indexes(connection):
    """SQLite keeps its indexes during a rebuild."""
    yield


def add_words(documents, *, using: str) -> None:
    """SQLite's FTS5 finds prefixes itself: no vocabulary table."""


def add_every_documents_words(*, using: str = "default") -> None:
    """SQLite's FTS5 finds prefixes itself: no vocabulary table."""


def _unit_queries(units, names_only: bool) -> list[str]:
    """For each of ``units`` (``understanding.found_units``), the FTS5 query of the documents that have it: one of
    its forms starting a word of their text or names (``names_only``: of their names), or one of its facet words."""
    columns = "names" if names_only else "{text names}"
    queries = []
    for forms, facet_words in units:
        alternatives = [f"{columns} : (" + " OR ".join(f"{_fts_string(form)}*" for form in forms) + ")"]
        alternatives += [_fts_string(word) for word in facet_words]
        queries.append(" OR ".join(alternatives))
    return queries


def _at_least(queries: list[str], least: int) -> str:
    """The FTS5 query of the documents matching ``least`` or more of ``queries``: any ``least`` of them together. The
    text index intersects and unites their lists itself, where counting each document's rows grouped every match."""
    return " OR ".join(
        "(" + " AND ".join(f"({query})" for query in chosen) + ")" for chosen in itertools.combinations(queries, least)
    )


def _with_query(documents, part: str = "", *, unless: str = ""):
    """``documents`` narrowed to the FTS5 query ``part`` AND-ed into the one it has (``_match_fts``); ``unless``: to
    the rows of the one it has that do not match that query (FTS5's NOT joins two queries)."""
    if not unless:
        return _match_fts(documents, part)
    narrowed = documents.all()
    conditions = _fts_conditions(narrowed)
    match = " AND ".join(f"({item})" for condition in conditions for item in condition.rhs.parts)
    where = narrowed.query.where
    where.children = [child for child in where.children if not any(child is node for node in conditions)]
    return narrowed.filter(pk__in=FtsMatch([f"({match}) NOT ({unless})"]))


def found_counts(documents, units, limit: int, *, names_only: bool = False) -> list[tuple[int, bool]]:
    """For each number ``least`` from 0 to the number of ``units`` (``understanding.found_units``): how many rows of
    ``documents`` have ``least`` of them or more, counting no further than ``limit``, and whether a row has fewer,
    in one statement. Each is asked of the text index (``_at_least``), its matches read as they come
    (``_from_matches``)."""
    queries = _unit_queries(units, names_only)
    if len(queries) > MOST_UNITS_COMBINED or len(_fts_conditions(documents)) != 1:
        return _grouped_found_counts(documents, queries, limit)
    columns, params = [], []
    for least in range(len(queries) + 1):
        counted = _with_query(documents, _at_least(queries, least)) if least else documents
        sql, counted_params = _from_matches(counted)
        columns.append(f"(SELECT COUNT(*) FROM ({sql} LIMIT %s))")  # noqa: S608  # nosec B608
        params += [*counted_params, limit]
        if least:
            sql, fewer_params = _from_matches(_with_query(documents, unless=_at_least(queries, least)))
            columns.append(f"EXISTS ({sql} LIMIT 1)")
            params += fewer_params
    with connections[documents.db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)  # noqa: S608  # nosec B608
        values = cursor.fetchone()
    return [(values[0], False), *((values[at], bool(values[at + 1])) for at in range(1, len(values), 2))]


def _grouped_found_counts(documents, queries: list[str], limit: int) -> list[tuple[int, bool]]:
    """``found_counts`` from each document's rows of each unit's query, grouped by document: how many rows have each
    number of units, in one statement on the FTS5 table and the rows' ids."""
    units_sql = " UNION ALL ".join(FOUND_UNIT for _query in queries)
    ids_sql, ids_params = documents.order_by().annotate(found_id=F("pk")).values("found_id").query.sql_with_params()
    # Each row's id once with 0, and once with 1 for each unit it has: its number is the sum, for the ids with a 0.
    statement = (
        f"SELECT n, COUNT(*) FROM (SELECT id, SUM(unit) AS n FROM (SELECT found_id AS id, 0 AS unit "  # noqa: S608  # nosec B608
        f"FROM ({ids_sql}) UNION ALL SELECT id, 1 FROM ({units_sql})) GROUP BY id HAVING MIN(unit) = 0) GROUP BY n"
    )
    with connections[documents.db].cursor() as cursor:
        cursor.execute(statement, (*ids_params, *queries))
        counted = dict(cursor.fetchall())
    return levels(counted, len(queries), limit)


def with_found(documents, units, least: int, *, names_only: bool = False):
    """``documents`` narrowed to the rows with ``least`` of ``units`` or more (``found_counts``)."""
    queries = _unit_queries(units, names_only)
    if len(queries) <= MOST_UNITS_COMBINED:
        return _with_query(documents, _at_least(queries, least))
    units_sql = " UNION ALL ".join(FOUND_UNIT for _query in queries)
    # The SQL is constants; the user's words reach SQLite only as the MATCH parameters.
    having = f"SELECT id FROM ({units_sql}) GROUP BY id HAVING COUNT(*) >= %s"  # noqa: S608  # nosec B608
    found = RawSQL(having, (*queries, least))  # noqa: S611  # nosec B611
    return documents.filter(**{f"{documents.document}pk__in": found})
