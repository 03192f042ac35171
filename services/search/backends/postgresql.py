"""PostgreSQL: a GIN index on ``words`` (a stored ``tsvector`` of ``text``: its words exactly, no parser, no
stemming), on ``facet_words`` (the same of ``facets``) and ``name_words``, queried with the words each query word
starts (``expand_words``, from ``SearchWord``: ``'apoyo' | 'apoyos'``), or a ``'word':*`` prefix term when they are
many. See docs/performance.md, "How the search is built".
"""

import contextlib
import itertools
import re
import threading
import time
from collections import defaultdict

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, F, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.db.models.sql.where import AND, OR, WhereNode

from services.models import SearchWord, ServiceSearchDocument

from ..facets import facet
from .levels import MOST_UNITS_COMBINED, levels

# A subquery the database keeps whole instead of merging it into the statement around it.
KEEP_WHOLE = "OFFSET 0"

# Created by migrations 0005_search_document_facets and 0008_search_facet_words; a rebuild drops it during the
# bulk insert and builds it again.
TEXT_INDEX = "services_search_words"
CREATE_TEXT_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {TEXT_INDEX} ON services_servicesearchdocument USING gin "
    "(words, facet_words, name_words)"
)

# A query word that starts more words than this is asked as a prefix (``'a':*``).
MAX_EXPANDED_WORDS = 40


class Matches(Func):
    """``document words @@ query``: true when the document has a word starting with each query word. The index
    answers it exactly (no recheck of the long text, as a trigram index needed)."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def _tsquery(query: str) -> Func:
    return Func(Value(query), template="%(expressions)s::tsquery", output_field=TextField())


def expand_words(connection, words: list[str]) -> dict[str, list[str]]:
    """For each query word, the words of the documents that start with it (``SearchWord``), in one statement: an
    empty list for a word that starts none; a word that starts more than ``MAX_EXPANDED_WORDS`` is left out (asked as
    a prefix)."""
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    # Query words are letters and digits only (``normalise``): no LIKE wildcard among them.
    one = f"(SELECT %s::integer, word FROM {table} WHERE word LIKE %s LIMIT {MAX_EXPANDED_WORDS + 1})"  # noqa: S608  # nosec B608
    found = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join([one] * len(words)),
            [value for index, word in enumerate(words) for value in (index, f"{word}%")],
        )
        for index, word in cursor.fetchall():
            found[index].append(word)
    return {word: sorted(found[index]) for index, word in enumerate(words) if len(found[index]) <= MAX_EXPANDED_WORDS}


def _any_form(group, expanded: dict[str, list[str]]) -> str:
    """A word in any of its forms: the words each form starts (``expand_words``), or the form as a prefix."""
    terms = []
    for form in group:
        words = expanded.get(form)
        if words:
            terms += [f"'{word}'" for word in words]
        elif words is not None:
            # No word of the index starts with it: asked as itself, which the text index answers at once. As a
            # prefix, PostgreSQL expects it in many rows and reads the table to find none (a typo).
            terms.append(f"'{form}'")
        else:
            terms.append(f"'{form}':*")
    return "(" + " | ".join(terms) + ")"


def match_concepts(queryset, concepts, *, document: str = "", partial: bool = False, expanded=None):
    """``queryset`` narrowed to rows whose document matches every concept (``partial``: any): its words in the
    text index (each in any of its forms) or one of its categories' facet words. ``expanded``: the forms' words
    looked up before (``expand_words``); those looked up now are added to it."""
    connection = connections[queryset.db]
    expanded = {} if expanded is None else expanded
    forms = sorted({form for concept in concepts for group in concept.forms for form in group} - set(expanded))
    if forms:
        found = expand_words(connection, forms)
        expanded.update({form: found.get(form) for form in forms})
    conditions, categories, texts = [], [], []
    for concept in concepts:
        text = " & ".join(_any_form(group, expanded) for group in concept.forms)
        matched = Q(Matches(F(f"{document}words"), _tsquery(text)))
        texts.append(matched)
        if concept.categories:
            facets = " | ".join(f"'{facet('category', pk)}'" for pk in sorted(concept.categories))
            # The categories first: a row checked one by one reads its text's words only when it has none of them
            # (they are long, out of line in the table's TOAST; the facet words are in the row).
            categories.append(Q(Matches(F(f"{document}facet_words"), _tsquery(facets))))
            matched = categories[-1] | matched
        conditions.append(matched)
    if partial:
        # Any concept: every concept's categories first, for the same reason.
        conditions = categories + texts
    condition = conditions[0]
    for matched in conditions[1:]:
        condition = (condition | matched) if partial else (condition & matched)
    return queryset.filter(condition)


def match_facets(queryset, words: list[str], *, document: str = ""):
    """``queryset`` narrowed to rows whose document has one of the facet ``words``."""
    query = " | ".join("'{}'".format(word.replace("'", "''")) for word in words)
    return queryset.filter(Matches(F(f"{document}facet_words"), _tsquery(query)))


def match_whole_name(queryset, word: str, *, document: str = ""):
    """``queryset`` narrowed to rows with ``word`` (``text.whole_name``: letters, digits and "=") among the words of
    their names."""
    return queryset.filter(Matches(F(f"{document}name_words"), _tsquery(f"'{word}'")))


def in_names(word_forms, *, document: str = "") -> Q:
    """Documents with one of ``word_forms`` starting a word of their names, asked of ``name_words``: the same words
    as ``names`` (which is compressed in the row, and read whole for each ``LIKE``)."""
    return Q(Matches(F(f"{document}name_words"), _tsquery(_any_form(word_forms, {}))))


def in_text(word_forms, *, document: str = "") -> Q:
    """Documents with one of ``word_forms`` starting a word of their text, asked of the text index once for all of
    them (``words``: the same words as ``text``, which a LIKE reads whole, out of line, for each row)."""
    found = ServiceSearchDocument.objects.filter(Matches(F("words"), _tsquery(_any_form(word_forms, {}))))
    return Q(**{f"{document}pk__in": found.values("pk")})


def of_facets(facet_words, *, document: str = "") -> Q:
    """Documents with one of ``facet_words`` (a category's, ``=category=4``), asked of ``facet_words``."""
    query = " | ".join("'{}'".format(word.replace("'", "''")) for word in facet_words)
    return Q(Matches(F(f"{document}facet_words"), _tsquery(query)))


def with_whole_name(word: str, *, document: str = "") -> Q:
    """Documents with ``word`` (``text.whole_name``: letters, digits and "=") among the words of their names."""
    return Q(Matches(F(f"{document}name_words"), _tsquery(f"'{word}'")))


def _matches_column(condition, column: str) -> bool:
    """Whether a WHERE condition is ``<column> @@ query`` (as ``filter(Matches(...))`` leaves it)."""
    matches = getattr(condition, "lhs", condition)
    if not isinstance(matches, Matches):
        return False
    target = getattr(matches.get_source_expressions()[0], "target", None)
    return getattr(target, "name", None) == column


def _concept_condition(condition) -> bool:
    """Whether a WHERE condition is one concept's (``match_concepts``): its words' condition, alone or OR its
    categories' facet words."""
    if _matches_column(condition, "words"):
        return True
    parts = getattr(condition, "children", ())
    return (
        getattr(condition, "connector", None) == "OR"
        and not condition.negated
        and sum(_matches_column(part, "words") for part in parts) == 1
        and all(_matches_column(part, "words") or _matches_column(part, "facet_words") for part in parts)
    )


def match_in_names(index, groups):
    """``index`` (narrowed by the words of ``groups``, each word's forms) narrowed to every word in a name. The
    concepts' conditions go (their words, or their categories): every word in a name is every word in the text too,
    and checking the text's words row by row (out of line, in the table's TOAST) costs more than the names'."""
    best = index.all()
    # Django has no public API to drop a condition: the text's, row by row, is what this shortcut saves.
    where = best.query.where
    if where.connector == "AND" and not where.negated:
        where.children = [child for child in where.children if not _concept_condition(child)]
    query = " & ".join(_any_form(group, {}) for group in groups)
    return best.filter(Matches(F("name_words"), _tsquery(query)))


def match_strong(index, groups, facet_words):
    """``index`` narrowed to the documents with a word of ``groups`` (each word's forms) starting a word of a name,
    or one of ``facet_words``."""
    names = " | ".join(_any_form(group, {}) for group in groups)
    condition = Q(Matches(F("name_words"), _tsquery(names)))
    if facet_words:
        facets = " | ".join("'{}'".format(word.replace("'", "''")) for word in facet_words)
        condition |= Q(Matches(F("facet_words"), _tsquery(facets)))
    return index.filter(condition)


def ids_from_matches(documents, stop: int, *, many: bool = False) -> list[int]:
    """The first ``stop`` ids of ``documents`` (a search by words, in a sort name's order), found from the text
    index and then sorted, ``many`` or not: in the sort index's order PostgreSQL would check each row's words, and
    a category's services lie together in name order, far from the start. The sort name is ordered as an expression
    (the same text, the same collation, so the same order), which the sort index cannot give."""
    return list(_sorted_by_expression(documents).values_list("pk", flat=True)[:stop])


def _sorted_by_expression(documents):
    """``documents`` in the same order, the sort name ordered as an expression (``ids_from_matches``)."""
    order = [
        Concat(F(term), Value(""), output_field=TextField()) if str(term).startswith("sort_name_") else term
        for term in documents.query.order_by
    ]
    return documents.order_by(*order)


def ids_of_categories(index, others, group, facet_words, stop: int, *, many: bool = False) -> list[int]:
    """The first ``stop`` ids of ``others``: ``index``'s documents with one of ``facet_words``, each of which
    matches its words (the concepts' conditions go), and no form of ``group`` in a name, asked of ``name_words``.
    With no other condition than the sort index holds, read as ``dense_ids`` (the first rows in name order first),
    else sorted (``ids_from_matches``)."""
    narrowed = index.all()
    # Django has no public API to drop a condition: as in ``match_in_names``.
    where = narrowed.query.where
    if where.connector != "AND" or where.negated:
        return ids_from_matches(others, stop)
    where.children = [child for child in where.children if not _concept_condition(child)]
    facets = " | ".join("'{}'".format(word.replace("'", "''")) for word in facet_words)
    names = _any_form(group, {})
    narrowed = narrowed.filter(Matches(F("facet_words"), _tsquery(facets))).exclude(
        Matches(F("name_words"), _tsquery(names))
    )
    return dense_ids(narrowed.order_by(*others.query.order_by), stop)


def ids_of_strong_matches(others, stop: int, *, many: bool = False) -> list[int]:
    """The first ``stop`` ids of ``others`` (one word's strong matches without it in a name, in a sort name's
    order), looked for as ``dense_ids`` does among the first ``DENSE_ROWS_PER_ID * stop`` rows of the sort index:
    each row's categories and names' words checked from the index, and only the rows with them checked in the
    table (the text's words), until the page is full. When those hold too few, the text index's matches are
    sorted, in the same statement (``ids_from_matches``)."""
    return _first_rows_else_sorted(others, stop, _first_rows_joined)


# Several words' matches tied at the top rank the named ones leave (``ranked_named_first``) are looked for among
# this many first rows of the sort index for each id asked: a category's services lie together in name order, often
# a few thousand rows from the start.
AT_RANK_ROWS_PER_ID = 150


def ranked_named_first(strong, named, stop: int, above: int) -> list[tuple]:
    """The first ``stop`` rows (id, rank) of ``strong`` (a search's strong matches, by relevance), ranked from
    ``named`` alone (those of them with a query word in a name, often far fewer) when its ``stop`` first rows all
    rank above ``above`` (what the others rank at most), else from them all, in the same statement. When the named
    ones above it are fewer, the rest of the slice is looked for among the first rows of the sort index
    (``_at_rank_first``) before every match is ranked."""
    named = named.all()
    # The concepts' conditions last: checked one row at a time, the names' words reject most rows without reading
    # the text's words from the TOAST (equal costs keep their order). No public API orders conditions.
    where = named.query.where
    if where.connector == "AND" and not where.negated:
        where.children.sort(key=_concept_condition)
    try:
        named_sql, named_params = named.values_list("pk", "search_rank")[:stop].query.sql_with_params()
        sql, params = strong.values_list("pk", "search_rank")[:stop].query.sql_with_params()
    except EmptyResultSet:
        return []
    at_rank = _at_rank_first(strong, stop, above)
    if at_rank is None:
        statement = (
            f"WITH named AS MATERIALIZED ({named_sql}) SELECT pk, search_rank, 0 FROM named UNION ALL "  # noqa: S608  # nosec B608
            f"SELECT pk, search_rank, 1 FROM ({sql}) AS strong "
            "WHERE (SELECT COUNT(*) FROM named WHERE search_rank > %s) < %s"
        )
        arguments = (*named_params, *params, above, stop)
    else:
        at_sql, at_params = at_rank
        # Each part is read only when those before it do not fill the slice (a CTE is read when first asked).
        statement = (
            f"WITH named AS MATERIALIZED ({named_sql}), above AS MATERIALIZED "  # noqa: S608  # nosec B608
            "(SELECT COUNT(*) AS found FROM named WHERE search_rank > %s), "
            f"at_rank AS MATERIALIZED ({at_sql}) "
            "SELECT pk, search_rank, 0 FROM named UNION ALL "
            "SELECT pk, search_rank, 2 FROM at_rank WHERE (SELECT found FROM above) < %s UNION ALL "
            f"SELECT pk, search_rank, 1 FROM ({sql}) AS strong WHERE (SELECT found FROM above) < %s "
            "AND (SELECT found FROM above) + (SELECT COUNT(*) FROM at_rank) < %s"
        )
        arguments = (*named_params, above, *at_params, stop, *params, stop, stop)
    with connections[strong.db].cursor() as cursor:
        cursor.execute(statement, arguments)
        rows = cursor.fetchall()
    # The named rows come first, in their order, then (only when they do not fill the slice above) the first at
    # ``above`` in name order, or (when those are too few) every one's.
    first = [(pk, rank) for pk, rank, part in rows if part == 0]
    if len(first) >= stop and first[-1][1] > above:
        return first
    higher = [(pk, rank) for pk, rank in first if rank > above]
    at = [(pk, rank) for pk, rank, part in rows if part == 2]
    if len(higher) + len(at) >= stop:
        return (higher + at)[:stop]
    return [(pk, rank) for pk, rank, part in rows if part == 1]


def _at_rank_first(strong, stop: int, rank: int) -> tuple[str, list] | None:
    """The statement of the first ``stop`` of ``strong`` (by relevance, then a sort name) that rank exactly ``rank``,
    in name order, looked for among the first ``AT_RANK_ROWS_PER_ID * stop`` rows of the sort index: the index's
    columns (names' and categories' words) checked first, the table's row read for those alone. Every document
    ranking more than ``rank`` must be among the ones read before it (``ranked_named_first``). None when the search
    is not ordered so, or the statement cannot be built."""
    order = [str(term) for term in strong.query.order_by]
    if len(order) != 3 or order[0] != "-search_rank" or not order[1].startswith("sort_name_") or order[2] != "pk":
        return None
    at = strong.filter(search_rank=rank).order_by(*order[1:])
    try:
        sql, params = at.values_list("pk", "search_rank")[:stop].query.sql_with_params()
    except EmptyResultSet:
        return None
    first_rows = _first_rows_joined(strong.db, sql, order[1])
    if first_rows is None:
        return None
    table = connections[strong.db].ops.quote_name(ServiceSearchDocument._meta.db_table)
    # The rank's parameters come before the FROM, the number of first rows read in it.
    before = sql[: sql.index(f"FROM {table} ")].count("%s")
    params = [*params[:before], AT_RANK_ROWS_PER_ID * stop, *params[before:]]
    return sql.replace(f"FROM {table} ", first_rows, 1), params


def _first_rows_joined(db: str, sql: str, sort_field: str) -> str | None:
    """A ``FROM`` for ``sql`` (a statement on the documents, in ``sort_field``'s order): the first rows of the sort
    index (a parameter says how many), each joined to its row for the columns the index does not hold. PostgreSQL
    knows they come in the order asked, checks the index's columns before the join and stops at the page's end.
    None when ``sql`` reads the documents' table more than once."""
    quote = connections[db].ops.quote_name
    table = quote(ServiceSearchDocument._meta.db_table)
    sort = quote(ServiceSearchDocument._meta.get_field(sort_field).column)
    if sql.count(f"FROM {table} ") != 1:
        return None
    columns = set(re.findall(rf'{re.escape(table)}\."(\w+)"', sql)) - _SORT_INDEX_COLUMNS - {sort_field}
    joined = ", ".join(
        [f"head.{sort}", "head.service_id", "head.is_public", "head.name_words", "head.facet_words"]
        + [f'document."{column}"' for column in sorted(columns)]
    )
    return (
        f"FROM (SELECT {joined} FROM (SELECT service_id, TRUE AS is_public, name_words, facet_words, {sort} "  # noqa: S608  # nosec B608
        f"FROM {table} WHERE is_public ORDER BY {sort}, service_id LIMIT %s) AS head "
        f"INNER JOIN {table} AS document ON document.service_id = head.service_id) AS {table} "
    )


def in_sort_order(documents):
    """PostgreSQL chooses the order itself."""
    return documents


def planned_without(queryset, *methods: str) -> list[tuple]:
    """The rows of ``queryset`` (a ``values_list``), planned without these scan methods (``seqscan``,
    ``indexscan``, ``bitmapscan``), for the few statements whose cost PostgreSQL cannot estimate (a row's words).
    The settings, the statement and the settings' reset go in one round trip (Django's client-side binding sends
    them as one query; an error rolls the settings back with it)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return []
    return _rows_planned_without(connections[queryset.db], methods, sql, params)


def _rows_planned_without(connection, methods, sql: str, params) -> list[tuple]:
    settings = "; ".join(f"SET enable_{method} = off" for method in methods)
    resets = "; ".join(f"RESET enable_{method}" for method in methods)
    with connection.cursor() as cursor:
        cursor.execute(f"{settings}; {sql}; {resets}", params)
        for _setting in methods:
            cursor.nextset()  # past each SET's result, to the statement's rows
        return cursor.fetchall()


def rows_ranked_once(db: str, sql: str, params) -> list[tuple]:
    """The rows of a statement that ranks every match once (``shortcuts.turns_rows``), planned from the text index:
    PostgreSQL expects most rows to match and reads the whole table, checking each row's words. The documents with a
    query word in their names are asked of the text index once (``_names_as_sets``)."""
    connection = connections[db]
    return _rows_planned_without(connection, ("seqscan", "indexscan"), _names_as_sets(connection, sql), params)


def _names_as_sets(connection, sql: str) -> str:
    """``sql`` (a statement on the documents) with each question its first ``SELECT`` asks of a row's names' words
    (``name_words @@ query``) asked of the text index once, as the set of the documents that answer it: the rank asks
    it of every match for every query word, and each ``@@`` decompressed the row's ``name_words`` again (reading them
    once, uncompressed, still cost more). Unchanged when that ``SELECT`` does not read the documents alone, with a
    ``WHERE``."""
    table = connection.ops.quote_name(ServiceSearchDocument._meta.db_table)
    start = sql.find(f"FROM {table} WHERE ")
    if start < 0:
        return sql
    asked = f'{table}."name_words" @@ %s::tsquery'
    # The table's name and the placeholder: the person's words stay parameters.
    among = (
        f'{table}."service_id" IN (SELECT names."service_id" FROM {table} AS names '  # noqa: S608  # nosec B608
        'WHERE names."name_words" @@ %s::tsquery)'
    )
    return sql[:start].replace(asked, among) + sql[start:]


def _together(documents) -> bool:
    """Whether ``documents`` must match two or more concepts (``match_concepts``) together."""
    where = documents.query.where
    return where.connector == "AND" and sum(_concept_condition(child) for child in where.children) > 1


def any_found(documents) -> bool:
    """Whether ``documents`` (a search by words) has a row (``any_found_of_both``)."""
    if not _together(documents):
        return documents.order_by().values("pk")[:1].exists()
    try:
        sql, params = documents.order_by().values("pk")[:1].query.sql_with_params()
    except EmptyResultSet:
        return False
    return bool(_rows_planned_without(connections[documents.db], ("seqscan", "indexscan"), sql, params))


def any_found_of_both(documents, other) -> tuple[bool, bool]:
    """Whether ``documents`` (a search by words) has a row, and whether ``other`` has one, in one statement. Words
    of two or more concepts are looked for together in the text index: PostgreSQL expects a row with all of them
    early in the table and reads it whole, checking each row's words, when none has (a partial search)."""
    sql, params = documents.order_by().values("pk").query.sql_with_params()
    other_sql, other_params = other.order_by().values("pk").query.sql_with_params()
    statement = f"SELECT EXISTS ({sql} LIMIT 1), EXISTS ({other_sql} LIMIT 1)"  # noqa: S608  # nosec B608
    if _together(documents):
        (found,) = _rows_planned_without(
            connections[documents.db], ("seqscan", "indexscan"), statement, (*params, *other_params)
        )
        return tuple(bool(value) for value in found)
    with connections[documents.db].cursor() as cursor:
        cursor.execute(statement, (*params, *other_params))
        return tuple(bool(value) for value in cursor.fetchone())


def any_found_each(searches) -> list[bool]:
    """Whether each of ``searches`` (each a search by one concept's words) has a row, in one statement."""
    parts, params = [], []
    for documents in searches:
        try:
            sql, part_params = documents.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            sql, part_params = "SELECT 1 WHERE FALSE", ()
        parts.append(f"EXISTS ({sql} LIMIT 1)")
        params += part_params
    with connections[searches[0].db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)  # noqa: S608  # nosec B608
        return [bool(value) for value in cursor.fetchone()]


def count_words(documents, limit: int) -> int:
    """How many rows ``documents`` (a search by words) has, counting no further than ``limit``, planned from the
    text index.

    With a LIMIT, PostgreSQL reads the table in order and checks each row's words, expecting to stop early (it
    cannot know what that costs); this statement stops at the limit (docs/performance.md, "Capped counts")."""
    try:
        sql, params = _distributed(documents).order_by().values("pk")[:limit].query.sql_with_params()
    except EmptyResultSet:
        return 0
    counted = f"SELECT COUNT(*) FROM ({sql}) AS counted"  # noqa: S608  # nosec B608
    return _rows_planned_without(connections[documents.db], ("seqscan", "indexscan"), counted, params)[0][0]


# Concepts' conditions are distributed (``_distributed``) into at most this many alternatives.
MAX_DISTRIBUTED = 8


def _alternatives(condition) -> bool:
    """Whether a WHERE condition is an OR of conditions (a concept's categories or words, a strong match's name or
    categories)."""
    return getattr(condition, "connector", None) == OR and not condition.negated


def _distributed(documents):
    """``documents`` with its alternatives (each concept's categories OR its words, a strong match's name OR
    categories) distributed into one OR of ANDs, ``(a | b) & (c | d)`` as ``(a & c) | (a & d) | (b & c) | (b & d)``,
    the concepts' words in each: the same rows, and each alternative is one lookup of the text index, which
    intersects its words and facet words itself. Left as they are, PostgreSQL asks the index for one of them and
    checks the others row by row (a concept's words read from the table's TOAST), or ANDs the bitmaps of every
    category named. Unchanged when fewer than two conditions have alternatives, or the alternatives would be more
    than ``MAX_DISTRIBUTED``."""
    distributed = documents.all()
    where = distributed.query.where
    if where.connector != AND or where.negated:
        return documents
    spread = [child for child in where.children if _alternatives(child) or _concept_condition(child)]
    choices = [list(child.children) if _alternatives(child) else [child] for child in spread]
    alternatives = 1
    for choice in choices:
        alternatives *= len(choice)
    if sum(len(choice) > 1 for choice in choices) < 2 or alternatives > MAX_DISTRIBUTED:
        return documents
    # Django has no public API to rewrite a condition: these are replaced by the same rows' alternatives.
    where.children = [child for child in where.children if not any(child is other for other in spread)] + [
        WhereNode([WhereNode(list(parts), AND) for parts in itertools.product(*choices)], OR)
    ]
    return distributed


# A broad search's best results (every word in a name) are found in thousands of documents, and counting them up to
# the limit through the text index collects every one first. When PostgreSQL's statistics say they are common, a
# sample of the table is read first (``limit_in_a_sample``): if it already holds ``limit`` of them, so does the table.
SAMPLE_ROWS = 25_000
# A row of the sample (its names' words read from the row and checked) costs about as much as this many matches the
# text index collects (docs/performance.md, "Capped counts").
SAMPLE_ROW_COST = 4
STATISTICS_SECONDS = 5 * 60
_statistics: dict[str, tuple[float, dict, float]] = {}
_statistics_lock = threading.Lock()


def _word_shares(connection) -> tuple[dict[str, dict[str, float]], float]:
    """PostgreSQL's statistics of the documents (refreshed by ANALYZE): for ``name_words`` and ``facet_words``, the
    share of rows with each of their most common words; and the number of rows. Read once per process every
    ``STATISTICS_SECONDS``."""
    now = time.monotonic()
    with _statistics_lock:
        held = _statistics.get(connection.alias)
    if held is not None and now - held[0] < STATISTICS_SECONDS:
        return held[1], held[2]
    table = ServiceSearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, most_common_elems::text::text[], most_common_elem_freqs, "
            "(SELECT reltuples FROM pg_class WHERE oid = %s::regclass) "
            "FROM pg_stats WHERE schemaname = current_schema() AND tablename = %s "
            "AND attname IN ('name_words', 'facet_words')",
            [table, table],
        )
        found = cursor.fetchall()
    shares = {name: dict(zip(words or [], shares or [], strict=False)) for name, words, shares, _rows in found}
    rows = max((row[3] or 0 for row in found), default=0)
    with _statistics_lock:
        _statistics[connection.alias] = (now, shares, rows)
    return shares, rows


def limit_in_a_sample(documents, limit: int) -> bool:
    """Whether a sample of about ``SAMPLE_ROWS`` documents (the same pages each time) already holds ``limit`` of
    ``documents``, a search's best results, which the table then holds too (docs/performance.md, "Capped counts").
    Tried only when the statistics say that their words and filters are common enough to be found there, and the
    table large enough for it to cost less than counting through the text index; False otherwise."""
    connection = connections[documents.db]
    words = getattr(documents, "search_words", ())
    if not words:
        return False
    shares, rows = _word_shares(connection)
    names, facets = shares.get("name_words", {}), shares.get("facet_words", {})
    share = min(sum(value for name, value in names.items() if name.startswith(word)) for word in words)
    for group in getattr(documents, "facet_groups", ()):
        share *= min(1.0, sum(facets.get(word, 0.0) for word in group))
    # The sample reads about limit / share rows to find the limit; the text index collects every match, share *
    # rows. Worth it when the sample is large enough and its rows cost less than those matches.
    if share <= 0 or limit / share > SAMPLE_ROWS / 1.25 or SAMPLE_ROW_COST * limit / share > share * rows:
        return False
    sql, params = documents.order_by().values("pk")[:limit].query.sql_with_params()
    table = connection.ops.quote_name(ServiceSearchDocument._meta.db_table)
    if sql.count(f"FROM {table} ") != 1:
        return False
    percent = min(100.0, 100.0 * SAMPLE_ROWS / rows)
    # The sample's size is ours, not the person's; her words are parameters, as in the statement sampled.
    sql = sql.replace(f"FROM {table} ", f"FROM {table} TABLESAMPLE SYSTEM ({percent:.6f}) REPEATABLE (0) ", 1)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS sampled", params)  # noqa: S608  # nosec B608
        return cursor.fetchone()[0] >= limit


def not_among(column: str, ids: str, db_type: str) -> str:
    """``column`` is none of ``ids`` (integers joined by commas), as one array constant: PostgreSQL plans a list of
    thousands of constants one by one, an array's text at once (docs/performance.md); it hashes either.
    ``db_type``: the column's."""
    return f"NOT ({column} = ANY ('{{{ids}}}'::{db_type}[]))"


# Whether a page read in name order checks each row it reads for a location open by its spans
# (``conditions.OpenBySpans``): otherwise PostgreSQL lists every open service first, for a page of 20 too.
CHECKS_OPEN_ROW_BY_ROW = True


# Whether open now's page is read with its count (``shortcuts.open_slice_with_count``).
COUNTS_OPEN_WITH_PAGE = True


# Whether ``best_with_count`` reads the best results' page and their count in one statement.
COUNTS_BEST_WITH_PAGE = True

# A partial search's matches are counted by the number of words they found, "k or more" asked of the text index as any
# k of the words together (``found_counts``, ``shortcuts.most_found_rows``).
COUNTS_FOUND = True


def best_with_count(counted) -> list | None:
    """The rows of ``counted`` (the best results' slice with a window count), planned from the text index."""
    return planned_without(counted, "indexscan", "seqscan")


# A page of matches known to be many in name order (``dense_ids``) is looked for among the first rows of the sort
# index, this many for each id asked; when they hold too few, the matches the text index finds are sorted.
DENSE_ROWS_PER_ID = 50
# The columns of the documents the sort index holds (with ``is_public``, which its rows all are).
_SORT_INDEX_COLUMNS = {"service_id", "is_public", "name_words", "facet_words"}


def dense_ids(documents, stop: int) -> list[int]:
    """The first ``stop`` ids of ``documents`` (a search's best results, by name): many, yet their names' words
    often put them together in name order, far from its start (every "Rumah aman ..." under r). So the first
    ``DENSE_ROWS_PER_ID * stop`` rows of the sort index are read and checked from the index alone (it holds the
    names' words), and only when they hold fewer than ``stop`` are the text index's matches sorted, in the same
    statement. The sort name is then ordered as an expression (``ids_from_matches``)."""
    return _first_rows_else_sorted(documents, stop, _first_rows_alone)


def _first_rows_alone(db: str, sql: str, sort_field: str) -> str | None:
    """A ``FROM`` for ``sql`` (a statement on the documents, in ``sort_field``'s order): the first rows of the sort
    index (a parameter says how many) with the only columns it holds. None when ``sql`` reads the documents' table
    more than once or reads a column the index does not hold."""
    quote = connections[db].ops.quote_name
    table = quote(ServiceSearchDocument._meta.db_table)
    sort = quote(ServiceSearchDocument._meta.get_field(sort_field).column)
    columns = set(re.findall(rf'{re.escape(table)}\."(\w+)"', sql)) - {sort_field}
    if sql.count(f"FROM {table} ") != 1 or not columns <= _SORT_INDEX_COLUMNS:
        return None
    return (
        f"FROM (SELECT service_id, TRUE AS is_public, name_words, facet_words, {sort} FROM {table} "  # noqa: S608  # nosec B608
        f"WHERE is_public ORDER BY {sort}, service_id LIMIT %s) AS {table} "
    )


def _first_rows_else_sorted(documents, stop: int, first_rows_from) -> list[int]:
    """The first ``stop`` ids of ``documents`` (in a sort name's order), looked for among the first
    ``DENSE_ROWS_PER_ID * stop`` rows of the sort index (read by the ``FROM`` that ``first_rows_from(db, sql,
    sort_field)`` makes, or None when it cannot), and only when those hold too few, the text index's matches
    sorted (``ids_from_matches``), in the same statement."""
    order = [str(term) for term in documents.query.order_by]
    if len(order) != 2 or not order[0].startswith("sort_name_") or order[1] != "pk":
        return ids_from_matches(documents, stop)
    try:
        sql, params = documents.values_list("pk")[:stop].query.sql_with_params()
        rest = _sorted_by_expression(_distributed(documents))
        rest_sql, rest_params = rest.values_list("pk")[:stop].query.sql_with_params()
    except EmptyResultSet:
        return []
    first_rows = first_rows_from(documents.db, sql, order[0])
    if first_rows is None:
        return ids_from_matches(documents, stop)
    connection = connections[documents.db]
    table = connection.ops.quote_name(ServiceSearchDocument._meta.db_table)
    head = sql.replace(f"FROM {table} ", first_rows, 1)
    statement = (
        f"WITH head AS MATERIALIZED ({head}) SELECT pk, 0 FROM head UNION ALL "  # noqa: S608  # nosec B608
        f"SELECT pk, 1 FROM ({rest_sql}) AS rest WHERE (SELECT COUNT(*) FROM head) < %s"
    )
    arguments = (DENSE_ROWS_PER_ID * stop, *params, *rest_params, stop)
    with connection.cursor() as cursor:
        cursor.execute(statement, arguments)
        rows = cursor.fetchall()
    # The head's rows come first, in their order, then (only when they are too few) the sorted matches.
    first = [pk for pk, part in rows if part == 0]
    return first if len(first) >= stop else [pk for pk, part in rows if part == 1]


def faceted_ids(ids_query) -> list[int]:
    """The ids of a search with filters: PostgreSQL takes the filters' matches for dense in name order too, and
    would walk the sort index."""
    return [pk for (pk,) in planned_without(ids_query, "indexscan", "seqscan")]


def analyse(connection, tables) -> None:
    """Refresh the planner's statistics of the directory's tables only (``tables(connection)``): a bare ANALYZE
    also analyses the cluster's shared catalogues, and inside a bulk load's transaction that lock blocked every
    other database's ANALYZE."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables(connection)))


@contextlib.contextmanager
def dropped_during(connection, objects):
    """Each ``(drop, create)`` pair's ``drop`` statement (if any) run as the block starts and its ``create``
    statement as it ends (a rebuild's indexes, built once rather than updated row by row). Foreign-key checks still
    queued run first each time: PostgreSQL refuses to build an index on a table while it has some. Run it inside a
    transaction: other sessions never see the tables without what was dropped."""
    objects = list(objects)

    def run(statements):
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for statement in statements:
                if statement:
                    cursor.execute(statement)

    run(drop for drop, _create in objects)
    yield
    run(create for _drop, create in objects)


@contextlib.contextmanager
def without_search_indexes(connection):
    """The search documents' secondary indexes (the text index and the sort indexes) are dropped inside the block
    and built again at its end, each as it was defined (a migration's rebuild runs before later migrations change
    them). Building an index once from the whole table is far faster than adding each new row to it."""
    table = ServiceSearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisunique ORDER BY c.relname",
            [table],
        )
        found = dict(cursor.fetchall())
    indexes = [(f"DROP INDEX {connection.ops.quote_name(name)}", definition) for name, definition in found.items()]
    if TEXT_INDEX not in found:
        indexes.append((None, CREATE_TEXT_INDEX))
    with dropped_during(connection, indexes):
        yield


def add_words(documents, *, using: str) -> None:
    """The documents' words that ``SearchWord`` lacks are added (``expand_words``)."""
    if not documents:
        return
    connection = connections[using]
    words = set()
    for document in documents:
        words.update(document.text.split())
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (word) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",  # noqa: S608  # nosec B608
            [sorted(words)],
        )


def add_every_documents_words(*, using: str = "default") -> None:
    """``SearchWord`` filled from every document at once (migration 0009)."""
    connection = connections[using]
    words, documents = (
        connection.ops.quote_name(model._meta.db_table) for model in (SearchWord, ServiceSearchDocument)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {words} (word) SELECT word FROM ts_stat('SELECT words FROM {documents}') "  # noqa: S608  # nosec B608
            "ON CONFLICT DO NOTHING"
        )


def _unit_queries(documents, units, names_only: bool) -> list[list[tuple[str, str]]]:
    """For each of ``units`` (``understanding.found_units``), the ``(column, query)`` alternatives of the documents
    that have it: one of its forms starting a word of their text, which holds their names (``names_only``: of their
    names), or one of its facet words, each asked of the text index. A form looked up already in the text's words
    (``Understanding.expanded``) is asked there as the words it starts; any other, and any in the names (as
    ``in_names`` asks them), as a prefix."""
    understanding = getattr(documents, "search_understanding", None)
    expanded = understanding.expanded if understanding is not None and not names_only else {}
    column = "name_words" if names_only else "words"
    queries = []
    for forms, facet_words in units:
        alternatives = [(column, _any_form(forms, expanded))]
        if facet_words:
            alternatives.append(
                ("facet_words", " | ".join("'{}'".format(word.replace("'", "''")) for word in facet_words))
            )
        queries.append(alternatives)
    return queries


def _unit_conditions(documents, units, names_only: bool, *, document: str | None = None) -> list[Q]:
    """The condition of each unit's documents (``_unit_queries``)."""
    document = documents.document if document is None else document
    conditions = []
    for alternatives in _unit_queries(documents, units, names_only):
        condition = Q()
        for column, query in alternatives:
            condition |= Q(Matches(F(f"{document}{column}"), _tsquery(query)))
        conditions.append(condition)
    return conditions


def _at_least(conditions: list[Q], least: int) -> Q:
    """Documents with ``least`` or more of ``conditions``: any ``least`` of them together, which the text index
    intersects and unites itself, reading only the rows it finds."""
    condition = Q()
    for chosen in itertools.combinations(conditions, least):
        together = Q()
        for unit in chosen:
            together &= unit
        condition |= together
    return condition


def _at_least_sql(units: list[tuple[str, list]], least: int) -> tuple[str, list]:
    """``_at_least`` for units' conditions written as ``(sql, params)``."""
    combinations = list(itertools.combinations(units, least))
    sql = " OR ".join("(" + " AND ".join(unit for unit, _params in chosen) + ")" for chosen in combinations)
    return f"({sql})", [param for chosen in combinations for _unit, params in chosen for param in params]


def _unit_sets(documents, units, names_only: bool) -> tuple[list[str], list]:
    """The statements of each unit's documents' ids (``_unit_conditions``), and their parameters."""
    statements, params = [], []
    for condition in _unit_conditions(documents, units, names_only, document=""):
        sql, unit_params = ServiceSearchDocument.objects.filter(condition).values("pk").query.sql_with_params()
        statements.append(sql)
        params += unit_params
    return statements, params


# Each number of units found is counted up to at least this many rows (``found_counts``), whatever the limit asked.
FOUND_COUNTED_TO = 1000


def found_counts(documents, units, limit: int, *, names_only: bool = False) -> list[tuple[int, bool | None]]:
    """For each number ``least`` from 0 to the number of ``units`` (``understanding.found_units``): how many rows of
    ``documents`` have ``least`` of them or more, counting no further than ``limit``, and whether a row is known to
    have fewer, in one statement planned from the text index. Each number is asked of the text index as any ``least``
    of the units together (``_at_least``), only the rows it finds read, up to ``FOUND_COUNTED_TO`` rows or the limit.
    A row has fewer when fewer rows have ``least`` than have any. When both reach that count, telling would read
    every match (tens of thousands, as ranking them all does): it is not known, None (``_fewer``). More units than
    ``MOST_UNITS_COMBINED``: each match's units are counted (``_found_of_each``)."""
    if len(units) > MOST_UNITS_COMBINED:
        return _found_of_each(documents, units, limit, names_only)
    counted_to = max(limit, FOUND_COUNTED_TO)
    # The matches with the columns the units ask, read by one subquery that PostgreSQL merges into each count's, so
    # that the text index answers the units' conditions and the matches' together: built once for every count.
    columns = {
        f"found_{column}": F(f"{documents.document}{column}") for column in ("words", "name_words", "facet_words")
    }
    try:
        sql, matches_params = (
            _distributed(documents).order_by().values(found_id=F("pk"), **columns).query.sql_with_params()
        )
    except EmptyResultSet:
        return [(0, False) for _least in range(len(units) + 1)]
    units_sql = [
        (
            "(" + " OR ".join(f"matches.found_{column} @@ %s::tsquery" for column, _query in alternatives) + ")",
            [query for _column, query in alternatives],
        )
        for alternatives in _unit_queries(documents, units, names_only)
    ]
    counts, params = [], []
    for least in range(len(units) + 1):
        found, found_params = _at_least_sql(units_sql, least) if least else ("TRUE", [])
        counts.append(
            f"(SELECT COUNT(*) FROM (SELECT matches.found_id FROM ({sql}) AS matches "  # noqa: S608  # nosec B608
            f"WHERE {found} LIMIT {int(counted_to)}) AS counted)"
        )
        params.append([*matches_params, *found_params])
    # From the most units down, each number read once (a subquery kept whole): when one reaches the count, so do
    # those of fewer, which are not counted (PostgreSQL runs a subquery of a CASE only when its branch is taken).
    most = len(units)
    parts, arguments = [f"(SELECT {counts[most]} AS c{most} {KEEP_WHOLE}) AS l{most}"], list(params[most])
    for least in range(most - 1, -1, -1):
        parts.append(
            f"CROSS JOIN LATERAL (SELECT CASE WHEN l{least + 1}.c{least + 1} >= %s THEN %s "
            f"ELSE {counts[least]} END AS c{least} {KEEP_WHOLE}) AS l{least}"
        )
        arguments += [counted_to, counted_to, *params[least]]
    numbers = ", ".join(f"c{least}" for least in range(most + 1))
    statement = f"SELECT {numbers} FROM {' '.join(parts)}"  # noqa: S608  # nosec B608
    values = _rows_planned_without(connections[documents.db], ("seqscan", "indexscan"), statement, arguments)[0]
    return [
        (min(values[0], limit), False),
        *((min(count, limit), _fewer(count, values[0], counted_to)) for count in values[1:]),
    ]


def _fewer(count: int, matches: int, counted_to: int) -> bool | None:
    """Whether a match found fewer units than the ``count`` matches that found enough, of ``matches`` in all, each
    counted up to ``counted_to``: None (not known) when both reach it."""
    if count < matches:
        return True
    return None if count >= counted_to else False


def _found_of_each(documents, units, limit: int, names_only: bool) -> list[tuple[int, bool]]:
    """``found_counts`` from each match's number of units: each unit's documents asked of the text index once, as a
    set each match's id is looked up in; the matches grouped by that number, in one statement."""
    try:
        sql, params = documents.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return [(0, False) for _least in range(len(units) + 1)]
    statements, unit_params = _unit_sets(documents, units, names_only)
    found = " + ".join(f"(matches.pk IN ({unit}))::integer" for unit in statements)
    statement = (
        f"SELECT found, COUNT(*) FROM (SELECT {found} AS found FROM ({sql}) AS matches) AS counted "  # noqa: S608  # nosec B608
        "GROUP BY found"
    )
    rows = _rows_planned_without(
        connections[documents.db], ("seqscan", "indexscan"), statement, [*unit_params, *params]
    )
    return levels(dict(rows), len(units), limit)


def with_found(documents, units, least: int, *, names_only: bool = False):
    """``documents`` narrowed to the rows with ``least`` of ``units`` or more (``found_counts``): any ``least`` of
    them together (``_at_least``), or for more units than ``MOST_UNITS_COMBINED``, the ids in ``least`` or more of
    the units' sets."""
    if len(units) <= MOST_UNITS_COMBINED:
        return documents.filter(_at_least(_unit_conditions(documents, units, names_only), least))
    statements, params = _unit_sets(documents, units, names_only)
    # The units' conditions with placeholders: the person's words are parameters.
    having = f"SELECT pk FROM ({' UNION ALL '.join(statements)}) AS units GROUP BY pk HAVING COUNT(*) >= %s"  # noqa: S608  # nosec B608
    found = RawSQL(having, (*params, least))  # noqa: S611  # nosec B611
    return documents.filter(**{f"{documents.document}pk__in": found})
