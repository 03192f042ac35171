"""The measured shortcuts: each reads the same rows as the plain query would, in fewer steps for a kind of search
the benchmark showed slow. Each says when it applies and returns None otherwise, so the plain way runs; inside
``plain_way(name, ...)`` it always returns None (tests compare both ways). docs/performance.md names each one.
"""

import contextlib
import functools

from django.db import connections
from django.db.models import Count, Min, OuterRef, Subquery, Window

from services.models import ServicePoint, ServiceSearchDocument

from .backends import backend
from .conditions import OpenBySpans, points_within
from .documents import sort_name_field
from .facets import facet
from .geometry import bounding_box, distance_km
from .understanding import (
    FOUND_WITH_TURNS,
    PARTIAL_FOUND,
    RANK_CATEGORY,
    RANK_NAME,
    RANK_PLACE,
    RANK_TURNS,
    found_units,
    named,
    related_categories,
    strong_categories,
    turn_parts,
)
from .words import LONGEST_ABBREVIATION

# Pages near a place are first looked for within a sixteenth of the radius, and no more than 2 km
# (``nearest_first``): a city's centre, where listings without a public address are measured from.
NEAREST_FIRST_SHARE = 16
NEAREST_FIRST_MAX_KM = 2

SHORTCUTS: dict[str, object] = {}
_plain: set[str] = set()


def shortcut(function):
    """Register a measured shortcut: it returns None, and the plain way runs, while ``plain_way`` names it."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        if _plain and function.__name__ in _plain:
            return None
        return function(*args, **kwargs)

    SHORTCUTS[function.__name__] = run
    return run


@contextlib.contextmanager
def plain_way(*names: str):
    """Inside the block, these shortcuts (all when no name is given) are not taken: the plain way answers."""
    unknown = set(names) - set(SHORTCUTS)
    if unknown:
        raise ValueError(f"No such shortcut: {', '.join(sorted(unknown))}")
    chosen = set(names or SHORTCUTS) - _plain
    _plain.update(chosen)
    try:
        yield
    finally:
        _plain.difference_update(chosen)


def carried_annotations(queryset) -> list[str]:
    """The annotations a search gives its results (``search_rank``, ``distance_km``) that ``queryset`` has."""
    return [name for name in ("search_rank", "distance_km") if name in queryset.query.annotations]


def kept_whole(name: str, queryset, order: list[str], kept: list[str]) -> tuple[str, list, dict[str, str], str]:
    """``WITH <name> (c0, c1...) AS (<queryset> OFFSET 0)``: its rows' id, ``kept`` annotations and what ``order``
    (names, "-" for descending) sorts by, in a subquery the database keeps whole (without the fence PostgreSQL and
    SQLite merge it into the statement around it). Returns that clause, its parameters, each column's alias, and
    ``order`` as an ORDER BY of the aliases."""
    names = [term.lstrip("-") for term in order]
    columns = list(dict.fromkeys(["pk", *kept, *names]))
    sql, params = queryset.values_list(*columns).query.sql_with_params()
    fence = backend(queryset.db).KEEP_WHOLE
    alias = {column: f"c{number}" for number, column in enumerate(columns)}
    ordering = ", ".join(
        f"{alias[column]} {'DESC' if term.startswith('-') else 'ASC'}"
        for term, column in zip(order, names, strict=True)
    )
    return f"WITH {name} ({', '.join(alias.values())}) AS ({sql} {fence})", list(params), alias, ordering


@shortcut
def best_results(index):
    """Best rank first: the documents where every query word is in a name (``understanding.named``: one of its forms
    starts a word of a name; a phrase that names types of help, alone, in a service of that help), 4 per word, and
    that rank; none for a partial search.
    A broad search's first pages and capped count come from them alone, read in name order, without ranking every
    match. docs/performance.md, "Best results first". None unless ordered by relevance first (not by distance)."""
    words = getattr(index, "search_words", ())
    understanding = getattr(index, "search_understanding", None)
    order = list(index.query.order_by)
    if not words or not order or order[0] != "-search_rank" or "distance_km" in index.query.annotations:
        return None
    if understanding is not None and (understanding.any_concept or understanding.ties):
        # Ranked by the number of words found, by turns of the needs, or by the help one phrase names first: no best
        # rank to read in name order.
        return None
    if understanding is not None and understanding.whole_name:
        return None  # a name typed whole comes before the rest of the best rank
    groups = understanding.forms if understanding is not None else tuple((word,) for word in words)
    return _best(index, understanding, groups).order_by(*order[1:]), 4 * len(groups)


def _best(index, understanding, groups):
    """The documents of ``index`` with every word of ``groups`` (each word's forms) in a name as
    ``understanding.named`` counts it (``best_results``)."""
    best = backend(index.db).match_in_names(index, groups)
    for concept in understanding.concepts if understanding is not None else ():
        if not concept.categories:
            continue
        if len(understanding.concepts) == 1:
            # In a service of the help the phrase names: its facet words, as a filter's (``limit_in_a_sample``).
            facets = tuple(facet("category", pk) for pk in sorted(concept.categories))
            narrowed = backend(index.db).match_facets(best, list(facets))
            narrowed.facet_groups = (*best.facet_groups, facets)
            best = narrowed
        else:
            # Beside other words, only a short word's names differ from its forms starting a word of them.
            for word, word_forms in zip(concept.words, concept.forms, strict=True):
                if len(word) <= LONGEST_ABBREVIATION:
                    best = best.filter(named(understanding, concept, word, word_forms, db=index.db))
    return best


@shortcut
def always_open_part(queryset):
    """Always open first: for services open now (``open_at``), the same query with the services always open alone.
    When those already reach a count's limit, so do the open ones, and no opening span is read.
    docs/performance.md, "Open now". None for other searches."""
    # Django has no public API to take one branch of a condition: the OR that ``open_at`` made is found and split.
    where = queryset.query.where
    if where.connector != "AND" or where.negated:
        return None
    for index, child in enumerate(where.children):
        parts = getattr(child, "children", ())
        if getattr(child, "connector", None) != "OR" or child.negated or len(parts) != 2:
            continue
        always, opened = parts
        target = getattr(getattr(always, "lhs", None), "target", None)
        if getattr(target, "name", None) == "always_open" and isinstance(getattr(opened, "lhs", None), OpenBySpans):
            part = queryset.all()
            part.query.where.children[index] = always
            return part
    return None


@shortcut
def open_slice_with_count(index, start: int, stop: int, limit: int | None):
    """Open now counted with its page: when the services always open do not reach the count's limit
    (``always_open_part``), the open ones are counted up to the limit, and when fewer, the page's slice is sorted
    from those same rows, in one statement (a window count over them), instead of a second pass in name order that,
    in a country at night, checks thousands of rows for each open one. docs/performance.md, "Open now". Returns
    ``(rows, total)`` or ``(None, limit)`` (the page is then read on its own); None for other searches (with words
    or near a place), on backends that do not (``COUNTS_OPEN_WITH_PAGE``), when the services always open reach the
    limit (``count_up_to`` then knows it), and past the last row."""
    engine = backend(index.db)
    order = list(index.query.order_by)
    if (
        not engine.COUNTS_OPEN_WITH_PAGE
        or limit is None
        or getattr(index, "search_words", ())
        or "distance_km" in index.query.annotations
        or not order
        or not all(isinstance(term, str) for term in order)
    ):
        return None
    always = always_open_part(index)
    if always is None:
        return None
    always_total = always.order_by().values("pk")[:limit].count()
    index.always_open_total = always_total
    if always_total >= limit:
        return None
    kept = carried_annotations(index)  # a query of no word still ranks its rows, all alike
    with_rows, params, alias, ordering = kept_whole("open_now", index.order_by()[:limit], order, kept)
    columns = ", ".join(alias[column] for column in ["pk", *kept])
    statement = (
        f"{with_rows} SELECT {columns}, COUNT(*) OVER () FROM open_now "  # noqa: S608  # nosec B608
        f"ORDER BY {ordering} LIMIT %s OFFSET %s"
    )
    with connections[index.db].cursor() as cursor:
        cursor.execute(statement, (*params, stop - start, start))
        rows = cursor.fetchall()
    if not rows and start > 0:
        return None  # past the last: the count is made on its own, and the paginator says so
    total = rows[0][-1] if rows else 0
    index.open_total = total  # ``count_up_to`` need not count again
    if total >= limit:
        return None, limit  # the first rows found, not the first in order: the page is read on its own
    return [row[:-1] for row in rows], total


def count_up_to(queryset, limit: int = 1000) -> int:
    """How many rows ``queryset`` has, counting no further than ``limit`` (broad searches spend their time
    counting): show "more than 1000" when it returns ``limit``. Results of a search (``from_index``) are counted in
    the search documents alone, trying the shortcuts that can tell the limit is reached first."""
    # Only the ids: the rank and distance annotations would otherwise be computed for every row counted.
    index = getattr(queryset, "_index", None)
    if index is not None:
        queryset = index
        best = best_results(index)
        # Their number may be known already, read with a page (``best_slice_with_count``).
        known = getattr(index, "best_total", None)
        if known is not None and known < limit:
            best = None
        if best is not None and (
            (known is not None and known >= limit)
            or backend(index.db).limit_in_a_sample(best[0], limit)
            or best[0].order_by().values("pk")[:limit].count() >= limit
        ):
            index.best_fill_pages = True  # ``best_rows`` reads them in name order
            return limit
    # Counted with the page (``open_slice_with_count``).
    if getattr(queryset, "always_open_total", 0) >= limit:
        return limit
    if getattr(queryset, "open_total", None) is not None:
        return min(queryset.open_total, limit)
    always_open = always_open_part(queryset)
    if always_open is not None and always_open.order_by().values("pk")[:limit].count() >= limit:
        return limit
    counted = queryset.order_by().values("pk")[:limit]
    near = "distance_km" in queryset.query.annotations
    counted_from_points = public_points_counted(queryset, limit)
    if counted_from_points is not None:
        return counted_from_points
    found = most_found_counts(queryset, limit) if getattr(queryset, "search_words", ()) and not near else None
    if found is not None:
        total = min(found[0][0], limit)
        queryset.many_matches = total >= limit
        return total
    if getattr(queryset, "search_words", ()) and not near:
        total = backend(queryset.db).count_words(queryset, limit)
        queryset.many_matches = total >= limit  # ``strong_rows`` may read a category's matches in name order
        return total
    return counted.count()


@shortcut
def public_points_counted(queryset, limit: int) -> int:
    """Every public service near a place: its public points in the circle are counted, without the documents (each
    point's document was read to check it is public). docs/performance.md, "Near a place".
    None for other searches."""
    base = getattr(queryset, "near_base", None)
    if "distance_km" not in queryset.query.annotations or base is None or not base.every_public:
        return None
    if queryset.query.is_empty():
        return None
    points = points_within(*queryset.near_place, is_public=True).using(queryset.db).distinct()
    return points[:limit].count()


@shortcut
def nearest_first(index, start: int, stop: int):
    """Nearest first: rows ``start`` to ``stop`` of a search ordered by distance, when they all lie in a small circle
    around the place (``NEAREST_FIRST_SHARE``, ``NEAREST_FIRST_MAX_KM``); no farther match is measured.
    docs/performance.md, "Near a place". None when the small circle holds too few or the order is not by distance."""
    if index.near_place is None or list(index.query.order_by)[:1] != ["distance_km"]:
        return None
    latitude, longitude, km = index.near_place
    # The same search near the same place within the small circle (``near`` comes last in a search).
    small = min(km / NEAREST_FIRST_SHARE, NEAREST_FIRST_MAX_KM)
    rows = nearest_public_first(index, latitude, longitude, small, start, stop)
    if rows is None:
        inner = index.near_base.near(latitude, longitude, small).order_by(*index.query.order_by)
        rows = list(inner.values_list("pk", *carried_annotations(index))[start:stop])
    return rows if len(rows) == stop - start else None


@shortcut
def nearest_public_first(index, latitude: float, longitude: float, km: float, start: int, stop: int):
    """Every public service near a place, nearest first: rows of the public points within ``km``, grouped by service
    with the nearest one's distance, then the name and the id, as ``near`` orders them (a big city's centre is
    shared by thousands of services). docs/performance.md, "Near a place".
    None for other searches."""
    order = list(index.query.order_by)
    if (
        index.model is not ServiceSearchDocument
        or not index.near_base.every_public
        or carried_annotations(index) != ["distance_km"]
        or len(order) != 3
        or not order[1].startswith("sort_name_")
        or order[2] != "pk"
    ):
        return None
    name = ServiceSearchDocument.objects.filter(pk=OuterRef("service_id")).values(order[1])[:1]
    points = (
        ServicePoint.objects.using(index.db)
        .filter(bounding_box(latitude, longitude, km), is_public=True)
        .annotate(distance=distance_km(latitude, longitude))
        .filter(distance__lte=km)
        .values("service_id")
        .annotate(nearest=Min("distance"), name=Subquery(name), found=Window(Count("service_id")))
        .order_by("nearest", "name", "service_id")
    )
    rows = list(points.values_list("service_id", "nearest", "found")[start:stop])
    # How many public services the small circle holds: as many at least are within the whole radius.
    index.nearest_total = rows[0][2] if rows else None
    return [row[:2] for row in rows]


@shortcut
def far_rows(index, start: int, stop: int | None) -> list[tuple] | None:
    """Far rows in order: rows of a ``not_near`` search that listed the circle's points, read in order from a subquery
    kept whole, each checked for a point within the circle as it comes, until the slice is full.
    docs/performance.md, "Phone and online services beside a place". None for other searches, and with no ``stop``."""
    base, order = index.far_base, list(index.query.order_by)
    if (
        base is None
        or stop is None
        or not order
        or not all(isinstance(term, str) for term in order)
        or list(base.query.annotations) != list(index.query.annotations)
    ):
        return None
    kept = carried_annotations(index)
    with_rows, params, alias, ordering = kept_whole("ordered", base.order_by(*order), order, kept)
    points_sql, points_params = points_within(*index.far_place).query.sql_with_params()
    # In a CASE, the point check stays a check per row: as a plain NOT EXISTS, it could be made a join.
    statement = (
        f"{with_rows} SELECT {', '.join(alias[name] for name in ['pk', *kept])} FROM ordered "  # noqa: S608  # nosec B608
        f"WHERE CASE WHEN EXISTS (SELECT 1 FROM ({points_sql}) AS near "
        f"WHERE near.service_id = ordered.{alias['pk']}) THEN 0 ELSE 1 END = 1 "
        f"ORDER BY {ordering} LIMIT %s OFFSET %s"
    )
    with connections[index.db].cursor() as cursor:
        cursor.execute(statement, (*params, *points_params, stop - start, start))
        return cursor.fetchall()


@shortcut
def measured_once(index, start: int, stop: int, kept: list[str]) -> list[tuple] | None:
    """Measured once: near a place with words or filters, rows ``start`` to ``stop`` with the number of all matches as
    their last value, each match's distance measured once in a subquery kept whole, instead of once for the circle
    and again for the order. docs/performance.md, "Near a place". None for other searches (``near_measured``)."""
    measured = index.near_measured
    order = list(index.query.order_by)
    if (
        measured is None
        or list(measured.query.annotations) != list(index.query.annotations)
        or not all(isinstance(term, str) for term in order)
    ):
        return None
    with_rows, params, alias, ordering = kept_whole("measured", measured.order_by(), order, kept)
    statement = (
        f"{with_rows} SELECT {', '.join(alias[name] for name in ['pk', *kept])}, COUNT(*) OVER () "  # noqa: S608  # nosec B608
        f"FROM measured WHERE {alias['distance_km']} <= %s ORDER BY {ordering} LIMIT %s OFFSET %s"
    )
    with connections[index.db].cursor() as cursor:
        cursor.execute(statement, (*params, index.near_place[2], stop - start, start))
        return cursor.fetchall()


@shortcut
def best_slice_with_count(index, start: int, stop: int, limit: int | None):
    """Best results counted with their page: words with filters, the best results' slice and their number in one
    statement (PostgreSQL; the page's statement reads every one of them to sort them, counting read them again).
    docs/performance.md, "Best results first". Returns ``(rows, total)``, ``(rows, None)`` or None."""
    engine = backend(index.db)
    if not engine.COUNTS_BEST_WITH_PAGE or not index.faceted or limit is None:
        return None
    best = best_results(index)
    if best is None:
        return None
    documents, rank = best
    counted = documents.annotate(found=Window(Count("pk"))).values_list("pk", "found")[start:stop]
    rows = engine.best_with_count(counted)
    if not rows and start > 0:
        return None  # past the last: the count is made on its own, and the paginator says so
    total = rows[0][1] if rows else 0
    index.best_total = total
    if start == 0 and len(rows) < stop:
        index.named_ids = (stop, [pk for pk, _found in rows])  # all of them: ``best_rows`` need not read them again
    page = [(pk, rank) for pk, _found in rows] if len(rows) == stop - start else None
    if total >= limit and page is not None:
        index.best_fill_pages = True
        return page, total
    return page, None


@shortcut
def best_rows(index, start: int, stop: int | None) -> list | None:
    """Best results fill the page: the slice's (id, rank) rows when the documents of the best rank fill it (they
    come first in the order, so no other match needs ranking); dense ones are read in name order.
    docs/performance.md, "Best results first". None otherwise."""
    best = best_results(index) if stop is not None else None
    if best is None:
        return None
    documents, rank = best
    named = getattr(index, "named_ids", None)
    if named is not None and named[0] == stop:
        return None  # fewer than ``stop``, read with the count (``best_slice_with_count``)
    ids_query = documents.values_list("pk", flat=True)[:stop]
    engine = backend(documents.db)
    # Thousands of documents have the best rank (the capped count found the cap among them alone): read in name
    # order from the sort index, the page is full after a few hundred. Not with filters: their matches are sparse in
    # name order, and sorting the matches the text index finds costs less.
    if getattr(index, "best_fill_pages", False) and not index.faceted:
        ids = engine.dense_ids(documents, stop)
    elif index.faceted:
        ids = engine.faceted_ids(ids_query)
    else:
        ids = engine.ids_from_matches(documents, stop)
    if len(ids) < stop:
        index.named_ids = (stop, ids)  # ``strong_rows`` starts from them
        return None
    return [(pk, rank) for pk in ids[start:stop]]


@shortcut
def strong_rows(index, start: int, stop: int | None) -> list | None:
    """Strong matches first: a search by relevance reads its page from the documents where a query word starts a word
    of a name or that are of a category a word names (``understanding.strong_categories``); every other match ranks
    ``RANK_PLACE`` at most per word, below them. docs/performance.md, "Strong matches first". None when they do not
    fill the slice, for a partial search, without words, and when ordered by distance first."""
    understanding = getattr(index, "search_understanding", None)
    order = list(index.query.order_by)
    if (
        stop is None
        or understanding is None
        or understanding.any_concept
        or understanding.ties
        or not understanding.concepts
        or not order
        or order[0] != "-search_rank"
        or "distance_km" in index.query.annotations
    ):
        return None
    groups = understanding.forms
    engine = backend(index.db)
    categories = [facet("category", pk) for pk in sorted(strong_categories(understanding))]
    strong = engine.match_strong(index, groups, categories)
    # Several words, or a name typed whole (it ranks above the other names): ranked among the strong matches.
    if len(groups) > 1 or getattr(understanding, "whole_name", ""):
        # A document with no query word in a name ranks RANK_CATEGORY at most per word: when the named ones alone
        # fill the slice above that, none of the others need ranking. Two words rank above it only with each in a
        # name or of a category of its own.
        named = engine.match_strong(index, groups, [])
        if len(groups) == 2:
            for concept in understanding.concepts:
                for word, word_forms in zip(concept.words, concept.forms, strict=True):
                    related = related_categories(understanding, concept, word)
                    named = engine.match_strong(named, (word_forms,), [facet("category", pk) for pk in sorted(related)])
        rows = engine.ranked_named_first(strong, named, stop, RANK_CATEGORY * len(groups))
        if len(rows) < stop or rows[-1][1] <= RANK_PLACE * len(groups):
            return None
        return rows[start:stop]
    # One word ranks RANK_NAME in a name (a phrase that names types of help: in a service of that help), else
    # RANK_CATEGORY through a category: the named ones, then the rest in name order, unranked.
    first = getattr(index, "named_ids", None)
    first = first[1] if first is not None and first[0] == stop else None
    if first is None:
        first = engine.ids_from_matches(_best(index, understanding, groups).order_by(*order[1:]), stop)
    rows = [(pk, RANK_NAME) for pk in first]
    if len(rows) < stop:
        (concept,) = understanding.concepts
        others = strong.exclude(engine.in_names(groups[0])).order_by(*order[1:])
        # A named category's matches, when the search counted up to the limit, are many.
        many = bool(categories) and getattr(index, "many_matches", False)
        if concept.categories:
            # Its strong categories are its own (``strong_categories``): being of one is matching the word. A
            # service of another help is of none of them: with the word in its names, it ranks below them.
            ids = engine.ids_of_categories(index, others, groups[0], categories, stop - len(rows), many=many)
        else:
            ids = engine.ids_of_strong_matches(others, stop - len(rows), many=many)
        rows += [(pk, RANK_CATEGORY) for pk in ids]
    return rows[start:stop] if len(rows) == stop else None


@shortcut
def turns_rows(index, start: int, stop: int | None) -> list[tuple] | None:
    """Ranked once, then turns: rows ``start`` to ``stop`` (None: to the last) of a search whose needs take turns
    (``understanding.taking_turns``), each document's words' rank, need and help computed once in a subquery kept
    whole (``understanding.turn_parts``), the turns taken over its rows by one window. Ranking every match writes the
    words' rank again in the window and in each need's place, and the database computed it that many times for every
    row. docs/performance.md, "Needs taking turns". None for other searches."""
    understanding = getattr(index, "search_understanding", None)
    order = list(index.query.order_by)
    if (
        understanding is None
        or not understanding.needs
        or "-search_rank" not in order
        or not all(isinstance(term, str) for term in order)
    ):
        return None
    kept = carried_annotations(index)
    parts = {f"turn_{part}": value for part, value in turn_parts(understanding, index.document, db=index.db).items()}
    name = sort_name_field(understanding.language)
    others = [term.lstrip("-") for term in order if term != "-search_rank"]
    columns = [*parts, *(column for column in kept if column != "search_rank"), name, *others]
    with_rows, params, alias, _ordering = kept_whole("ranked", index.order_by().annotate(**parts), [], columns)
    ranked, need, first, whole = (alias[part] for part in parts)
    count, found = len(understanding.needs), f"({ranked} / {FOUND_WITH_TURNS})"
    turn = (
        f"ROW_NUMBER() OVER (PARTITION BY {found}, {need} "
        f"ORDER BY {first} ASC, {ranked} DESC, {alias[name]} ASC, {alias['pk']} ASC)"
    )
    # The figures ``taking_turns`` adds up.
    turned = (
        f"{found} * {RANK_TURNS} + CASE WHEN {need} < {count} THEN {RANK_TURNS // 2} - {need} - {turn} * {count} "
        f"ELSE {ranked} - {found} * {FOUND_WITH_TURNS} END + {whole}"
    )
    ranks = {**alias, "search_rank": "turned"}
    terms = [f"{ranks[term.lstrip('-')]} {'DESC' if term.startswith('-') else 'ASC'}" for term in order]
    ordering = ", ".join(terms)
    rows = "ranked"
    if stop is not None and order[0] == "-search_rank" and not understanding.whole_name:
        # Each need's first rows: a row outranked by ``stop`` rows of its own need (more words found, or as many and
        # an earlier turn) is outranked by as many in the whole order, so each need's first ``stop`` rows in its turn
        # order, and the first ``stop`` of no need, hold the slice; the window numbers those few rows alone.
        # Aliases and integers only: the person's words are parameters.
        firsts = []
        for number in range(count + 1):
            # A need's turn order (the window's), and the order of the rows of no need.
            within = f"{first} ASC, {ranked} DESC, {alias[name]} ASC, {alias['pk']} ASC"
            if number == count:
                within = ", ".join([f"{ranked} DESC", *terms[1:]])
            firsts.append(
                f"SELECT * FROM (SELECT {', '.join(alias.values())} FROM ranked WHERE {need} = {number} "  # noqa: S608  # nosec B608
                f"ORDER BY {found} DESC, {within} LIMIT %s) AS first_{number}"
            )
            params.append(stop)
        with_rows += f", firsts AS ({' UNION ALL '.join(firsts)})"
        rows = "firsts"
    statement = (
        f"{with_rows} SELECT {', '.join(ranks[column] for column in ['pk', *kept])} "  # noqa: S608  # nosec B608
        f"FROM (SELECT {', '.join(alias.values())}, {turned} AS turned FROM {rows}) AS turns ORDER BY {ordering}"
    )
    if stop is not None:
        statement += " LIMIT %s OFFSET %s"
        params += [stop - start, start]
    return backend(index.db).rows_ranked_once(index.db, statement, params)


@shortcut
def most_found_counts(index, limit: int) -> list[tuple[int, bool | None]] | None:
    """A partial search's matches counted by the number of words each found (``understanding.found_units``): for each
    number from 0 to the number of words, how many matches found that many or more (counting no further than
    ``limit``) and whether a match found fewer (None: not known), in one statement that also gives their number
    (``count_up_to``) and what ``most_found_rows`` reads. docs/performance.md, "Most words found first". None for other
    searches and on backends that do not."""
    understanding = getattr(index, "search_understanding", None)
    order = list(index.query.order_by)
    if (
        understanding is None
        or not understanding.any_concept
        or understanding.ties
        or understanding.whole_name
        or not order
        or order[0] != "-search_rank"
        or "distance_km" in index.query.annotations
        or not all(isinstance(term, str) for term in order)
        or not backend(index.db).COUNTS_FOUND
    ):
        return None
    known = getattr(index, "found_counts", None)
    if known is None or known[3] < limit:
        # While needs take turns, a word is found only in a name or through a category (``words_rank``).
        names_only = bool(understanding.needs)
        units = found_units(understanding)
        counted = backend(index.db).found_counts(index, units, limit, names_only=names_only)
        known = index.found_counts = (units, names_only, counted, limit)
    return known[2]


@shortcut
def most_found_rows(index, start: int, stop: int | None) -> list[tuple] | None:
    """Most words found first: the rows ``start`` to ``stop`` of a partial search (needs taking turns or not) ranked
    among the matches of the groups of most words found the slice reaches (``most_found_counts``) alone.
    docs/performance.md, "Most words found first". None for other searches, when the slice reaches the group of
    fewest, and when its last row could be outranked by a match left out."""
    counted = most_found_counts(index, stop) if stop is not None else None
    if not counted:
        return None
    units, names_only, _counted, _limit = index.found_counts
    # The fewest words found by the matches of the groups the slice reaches: their number counts up to ``stop``.
    least = next((least for least in range(len(counted) - 1, 0, -1) if counted[least][0] >= stop), None)
    if least is None or counted[least][1] is False:
        return None
    if counted[least][1] is None and least < 2:
        # Not known whether a match found fewer (``found_counts``): any two words or more together are asked of the
        # text index, which reads only the rows it finds; one word alone is checked row by row, which costs more
        # than it saves where every match has one.
        return None
    fewer = backend(index.db).with_found(index, units, least, names_only=names_only)
    rows = turns_rows(fewer, start, stop)
    if rows is None:
        rows = list(fewer.values_list("pk", *carried_annotations(index))[start:stop])
    if len(rows) < stop - start:
        return None
    # A match left out found fewer than ``least`` words: it ranks below any that found ``least`` or more.
    if index.search_understanding.needs:
        enough = rows[-1][1] >= least * RANK_TURNS
    else:
        enough = rows[-1][1] > (least - 1) * (PARTIAL_FOUND + RANK_NAME)
    return rows if enough else None
