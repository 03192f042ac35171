"""Reading a search's page: the ids of the slice in order from the search documents (``slice_rows``), then the full
rows of those ids alone (``read_slices``), with the related data a card shows. Pages near a place read their count
with their rows (``slice_with_count``)."""

import copy

from django.db.models import Count, FloatField, OuterRef, Subquery, Window
from django.db.models.expressions import RawSQL

from .backends import backend
from .shortcuts import (
    best_rows,
    best_slice_with_count,
    carried_annotations,
    far_rows,
    measured_once,
    most_found_rows,
    nearest_first,
    open_slice_with_count,
    strong_rows,
    turns_rows,
)


class UnreadRow:
    """A service of a page whose rows were not read (``read_slices``): its id and, as a row would have them, its
    ``search_rank`` and ``distance_km``."""

    def __init__(self, pk: int):
        self.pk = pk


def _shown(part) -> int | None:
    """How many of a ``read_slices`` part's rows are shown (None: all)."""
    return part[3] if len(part) > 3 else None


def read_slices(parts, kept=None) -> list[list]:
    """``[queryset.narrow_slice(start, stop) for queryset, start, stop in parts]``, reading the full rows of every
    slice together: one query for the rows and one per kind of related data, whatever the number of slices (a page
    near a place shows two lists). The slices' querysets are of the same services with the same related data (the
    first's are read).

    A part may be ``(queryset, start, stop, shown)``: its rows after the first ``shown`` are only there to tell
    whether there are more, and are given as an ``UnreadRow``, their listing's rule checked but their rows not read.

    ``kept``: a callable given the ids shown, answering stand-ins for those whose rows need not be read (their
    result card is kept: ``services.card_cache.PageCards.kept``)."""
    sliced = [slice_rows(part[0], part[1], part[2]) for part in parts]
    first = parts[0][0]
    listing = first._listing
    if listing is None:
        listing = first.model._default_manager.db_manager(first.db).all()
        if first._reference_data:
            listing = listing.with_listing_data()
    return read_rows(
        listing, [(rows, names, _shown(part)) for part, (rows, names) in zip(parts, sliced, strict=True)], kept
    )


def read_rows(listing, parts, kept=None, public=None) -> list[list]:
    """The services of each part's rows, ``(rows, names, shown)``: rows ``(id, *values of the names)`` in order (as
    ``slice_rows`` gives them), read together through ``listing`` (a queryset of services, its own rule checked for
    every id: a service no longer listed is left out); those after the first ``shown`` (None: all) as an
    ``UnreadRow``, and those ``kept`` answers as their stand-in (``read_slices``). ``public``: when every row is
    kept, what says whether all their ids are still in the listing (``listing``'s rule, compiled once), asked
    instead of it; when it says no, the listing is read."""
    ids = list(dict.fromkeys(row[0] for rows, _names, _shown_rows in parts for row in rows))
    if not ids:
        return [[] for _part in parts]
    shown = {row[0] for rows, _names, shown_rows in parts for row in rows[:shown_rows]}
    probed = [pk for pk in ids if pk not in shown]
    by_pk = {}
    kept_rows = kept([pk for pk in ids if pk in shown]) if kept is not None else {}
    unread = [pk for pk in ids if pk in shown and pk not in kept_rows]
    if unread:
        # The listing carries the related data a page reads (``with_listing_data``).
        by_pk.update((service.pk, service) for service in listing.filter(pk__in=unread).order_by())
    if public is not None and not unread and not probed and public(list(kept_rows)):
        by_pk.update(kept_rows)
    elif kept_rows or probed:
        # The listing's own rule is checked for these too (their ids alone are read).
        listed = listing.filter(pk__in=[*kept_rows, *probed]).order_by().values_list("pk", flat=True)
        by_pk.update((pk, kept_rows.get(pk) or UnreadRow(pk)) for pk in listed)
    slices, placed = [], set()
    for rows, names, _shown_rows in parts:
        page = []
        for pk, *values in rows:
            service = by_pk.get(pk)
            if service is None:  # a document not yet brought up to date: the listing's own rule wins
                continue
            if pk in placed:  # in an earlier slice too: each slice shows its own rank and distance
                service = copy.copy(service)
            placed.add(pk)
            for name, value in zip(names, values, strict=True):
                setattr(service, name, value)
            page.append(service)
        slices.append(page)
    return slices


def slice_rows(queryset, start: int, stop: int) -> tuple[list, list[str]]:
    """The slice's rows, ``(id, *values of the names)``, and the names: ``search_rank``, ``distance_km``. After
    ``from_index`` the ids come from the search documents alone."""
    index = queryset._index
    source = index if index is not None else queryset
    kept = carried_annotations(source)
    known = getattr(queryset, "_known_rows", None)
    if known is not None and known[0] == start and stop <= known[1]:
        return known[2][: stop - start], kept
    rows = best_rows(index, start, stop) if index is not None else None
    if rows is None and index is not None:
        rows = strong_rows(index, start, stop)
    if rows is None and index is not None:
        rows = far_rows(index, start, stop)
    if rows is None and index is not None:
        rows = most_found_rows(index, start, stop)
    if rows is None and index is not None:
        rows = turns_rows(index, start, stop)
    if rows is None and index is not None and index.dense_in_name_order:
        source = backend(source.db).in_sort_order(source)
    if rows is None:
        rows = list(source.values_list("pk", *kept)[start:stop])
    return rows, kept


def slice_with_count(queryset, start: int, stop: int, limit: int | None = None) -> tuple[list, int] | None:
    """Near a place: the slice's rows and the number of all the matches, in one statement (a window count): ordering
    by distance measures every match anyway, and counting them again took a second pass as long as the first. The
    rows are kept for the page's read (``slice_rows``). None for other searches, and when the rows were found close
    by (``nearest_first``), so that the count is made on its own (it stops at the limit). With words and filters,
    see ``best_slice_with_count``; open now, ``open_slice_with_count``."""
    index = queryset._index
    if index is None:
        return None
    if "distance_km" not in index.query.annotations:
        found = best_slice_with_count(index, start, stop, limit)
        if found is None:
            found = open_slice_with_count(index, start, stop, limit)
        if found is None:
            return None
        rows, total = found
        if rows is not None:
            queryset._known_rows = (start, stop, rows)
        return (rows, total) if total is not None else None
    if not index.search_words:
        # Without words, the nearest matches are most often close by: first look for the page there. The count then
        # stops at the limit, as other counts do. With words, counting costs as much as ordering every match: one
        # pass does both.
        nearest = nearest_first(index, start, stop)
        if nearest is not None:
            queryset._known_rows = (start, stop, nearest)
            # Every public service: when the small circle alone holds the limit, that is the count.
            total = getattr(index, "nearest_total", None)
            if limit is not None and total is not None and total >= limit:
                return nearest, total
            return None
    kept = carried_annotations(index)
    rows = measured_once(index, start, stop, kept)
    if rows is None:
        counted = index.annotate(found=Window(Count("pk")))
        rows = list(counted.values_list("pk", *kept, "found")[start:stop])
    total = rows[0][-1] if rows else None
    rows = [row[:-1] for row in rows]
    queryset._known_rows = (start, stop, rows)
    return rows, total


def in_index_order(queryset):
    """The services of ``queryset`` (after ``from_index``) as a plain queryset in the documents' order, with their
    ``search_rank`` and ``distance_km`` (for ``values()``; built only then, as it costs more to build than a page to
    read)."""
    index = queryset._index
    kept = carried_annotations(index)
    values = {
        name: Subquery(index.filter(pk=OuterRef("pk")).values(name)[:1], output_field=FloatField()) for name in kept
    }
    understanding = getattr(index, "search_understanding", None)
    if "search_rank" in kept and understanding is not None and understanding.needs:
        # Services taking turns: a row's rank is its place among the others (a window), not of its document alone.
        rows = turns_rows(index, 0, None)
        if rows is None:
            rows = index.values_list("pk", "search_rank")
        values["search_rank"] = _by_id(queryset.model, sorted((pk, found) for pk, found, *_others in rows))
    plain = queryset.annotate(**values)
    ordering = []
    for term in index.query.order_by:
        name = term.lstrip("-")
        if name.startswith("sort_name_"):
            term = term.replace(name, f"{queryset.document}{name}")
        ordering.append(term)
    plain = plain.order_by(*ordering)
    plain._index = None
    return plain


# The most ids ``_by_id`` looks a value up among in one CASE.
IDS_PER_CASE = 32


def _by_id(model, values: list[tuple[int, int]]) -> RawSQL:
    """The value of each row's id among ``values`` (``(id, value)`` integers, by id), as a CASE that halves them by id
    at each level: one WHEN per id made the database compare each row with every id, and Django took longer to build
    that many expressions than the database to answer."""
    if not values:
        return RawSQL("NULL", (), output_field=FloatField())  # noqa: S611  # nosec B611
    column = f'"{model._meta.db_table}"."{model._meta.pk.column}"'

    def case(part) -> str:
        if len(part) <= IDS_PER_CASE:
            return f"CASE {column} " + " ".join(f"WHEN {int(pk)} THEN {int(value)}" for pk, value in part) + " END"
        middle = len(part) // 2
        return f"CASE WHEN {column} < {int(part[middle][0])} THEN {case(part[:middle])} ELSE {case(part[middle:])} END"

    # Integers read from the database, written in the statement: nothing a person typed.
    return RawSQL(case(values), (), output_field=FloatField())  # noqa: S611  # nosec B611
