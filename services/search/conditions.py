"""The search's conditions on search documents (or on services, through ``document``, the path from a service to its
document): words, facet words, a place, "open now". ``services.querysets.DirectoryQuerySet`` chains them; each
returns a new queryset carrying what later steps need (``search_words``, ``facet_groups``, ``near_place``...).
"""

import datetime
import threading
import zoneinfo

from django.core.cache import cache
from django.db import connections
from django.db.models import BooleanField, Exists, F, FloatField, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.expressions import Expression
from django.utils.translation import get_language

from members import closures, opening
from members.models import City, Location, time_zone
from services import cache as directory_cache
from services import capacity
from services.models import OpeningSpan, Service, ServicePoint

from .backends import backend
from .facets import facet, facet_group
from .geometry import bounding_box, cells_around, distance_km, place
from .text import query_words
from .understanding import Ranked, Understanding, matching, rank, term_index
from .week import SECONDS_PER_DAY, second_of_week
from .words import concepts, stop_words

LOCATION_TIME_ZONES_CACHE_KEY = "services:location-time-zones"
LOCATION_TIME_ZONES_CACHE_SECONDS = 300


def location_time_zones() -> list[str]:
    """The time zones of the cities that have locations: a short list, cached (signals forget it on changes)."""
    zones = cache.get(LOCATION_TIME_ZONES_CACHE_KEY)
    if zones is None:
        zones = sorted(set(City.objects.filter(locations__isnull=False).order_by().values_list("time_zone", flat=True)))
        cache.set(LOCATION_TIME_ZONES_CACHE_KEY, zones, LOCATION_TIME_ZONES_CACHE_SECONDS)
    return zones


def by_text(queryset, text: str, *, query: str = "", understanding=None):
    """``queryset`` narrowed to rows matching what ``text`` asks for, annotated with ``search_rank``
    (``understanding``: for each query word, 4 in a name of the service or organisation, 3 through a category it
    names, 2 in a place, 1 elsewhere). Blank text keeps every row, with ``search_rank`` 0. ``understanding``: what
    the words were understood to mean against the public index (``understanding.understand``, as the search pages
    do); without it, the words' concepts in the active language, unchecked. ``query`` is no longer used: the
    words' expansions are kept with the understanding."""
    language = understanding.language if understanding is not None else (get_language() or "en").split("-")[0]
    words = query_words(text, stop_words(language))
    if not words:
        return queryset.annotate(search_rank=Value(0, output_field=IntegerField()))
    if understanding is None:
        understanding = Understanding(concepts(words, language, term_index()), language=language)
    if not understanding.concepts:
        return queryset.none().annotate(search_rank=Value(0, output_field=IntegerField()))
    queryset = matching(
        queryset, understanding.concepts, partial=understanding.any_concept, expanded=understanding.expanded
    )
    queryset = queryset.all()
    queryset.search_words = understanding.words
    queryset.search_understanding = understanding
    if queryset.document:
        return queryset.annotate(search_rank=rank(understanding, queryset.document, db=queryset.db))
    # On the documents themselves, the rank is built only for a statement that reads it.
    return queryset.annotate(search_rank=Ranked(understanding, db=queryset.db))


def by_facets(queryset, *alternatives: str):
    """``queryset`` narrowed to rows whose document has at least one of these facet words (none: no row)."""
    words = list(facet_group(alternatives))
    if not words:
        narrowed = queryset.none()
    else:
        narrowed = backend(queryset.db).match_facets(queryset, words, document=queryset.document)
    narrowed.facet_groups = (*queryset.facet_groups, tuple(words))
    return narrowed


def points_within(latitude: float, longitude: float, km: float, **conditions):
    """The ids (``service_id``) of services with a search point within ``km``, the points meeting ``conditions``:
    the bounding box first, which an index finds, then the distance."""
    in_box = ServicePoint.objects.filter(bounding_box(latitude, longitude, km), **conditions)
    return in_box.annotate(distance=distance_km(latitude, longitude)).filter(distance__lte=km).values("service_id")


def near(queryset, latitude: float, longitude: float, km: float):
    """Rows with a location whose search point (the city's centre unless the address is public) is within ``km``;
    annotates ``distance_km`` to the nearest one. Does not order."""
    found = place(latitude, longitude, km)
    if found is None:
        return queryset.none()
    latitude, longitude, km = found
    # Distances are computed only for the points inside the bounding box, which an index finds.
    in_box = ServicePoint.objects.filter(bounding_box(latitude, longitude, km))
    nearest = Subquery(
        in_box.filter(service_id=OuterRef("pk"))
        .annotate(distance=distance_km(latitude, longitude))
        .order_by("distance")
        .values("distance")[:1],
        output_field=FloatField(),
    )
    cells = cells_around(latitude, longitude, km) if queryset.search_words or queryset.faceted else None
    if cells is None:
        narrowed = queryset.filter(pk__in=points_within(latitude, longitude, km)).annotate(distance_km=nearest)
    else:
        # Narrowed by words or filters: the text index finds the documents in the cells around the place with
        # them, and only those are measured (docs/performance.md, "Near a place").
        cells_near = by_facets(queryset, *(facet("cell", number) for number in cells))
        cells_near.facet_groups = queryset.facet_groups  # the cells are not a filter's
        measured = cells_near.annotate(distance_km=nearest)
        narrowed = measured.filter(distance_km__lte=km)
        narrowed.near_measured = measured
    narrowed.near_place, narrowed.near_base = found, queryset
    return narrowed


def not_near(queryset, latitude: float, longitude: float, km: float):
    """Rows that ``near`` leaves out: no location within ``km`` (all rows when the place cannot be used).

    When the rows are many in name order (``dense_in_name_order``: a country's phone and online services and
    nothing else), each is checked from its own points (NOT EXISTS), and the first few in name order are found
    soon. Otherwise the points within the circle are listed once (NOT IN) and the rows the text index finds are
    checked against them (docs/performance.md, "Phone and online services beside a place")."""
    found = place(latitude, longitude, km)
    if found is None:
        return queryset.all()
    if queryset.dense_in_name_order:
        return queryset.exclude(Exists(points_within(*found).filter(service_id=OuterRef("pk"))))
    narrowed = queryset.exclude(pk__in=points_within(*found))
    narrowed.far_place, narrowed.far_base = found, queryset
    return narrowed


OPEN_STATES = (opening.OPEN, opening.OPEN_24_7)


class KeptAnswers:
    """A few answers kept in a process, by key, the oldest dropped first: shared by a threaded server's requests, the
    lock guards the dictionary, not the making (two threads may make the same answer at once, a database read
    each, rather than one waiting for the other's)."""

    def __init__(self, size: int):
        self.size = size
        self.answers: dict[tuple, object] = {}
        self.lock = threading.Lock()

    def get_or_make(self, key: tuple, make):
        with self.lock:
            found = self.answers.get(key)
        if found is None:
            found = make()
            with self.lock:
                while len(self.answers) >= self.size:
                    self.answers.pop(next(iter(self.answers)))
                self.answers[key] = found
        return found

    def forget(self) -> None:
        with self.lock:
            self.answers.clear()


# The services closures keep closed, per process and version of the directory (``services.cache.version`` changes
# with every edit of a listing). Which closures hold changes only at a local midnight, and every zone's midnight is
# on a quarter hour of UTC (their offsets and changes of offset are quarter hours; a test checks the time zone
# database): that part is kept per quarter hour of UTC; the opening spans of partly closed services change by the
# minute at the finest: their answer is kept per minute. A few entries each: the moments just asked.
kept_closures = KeptAnswers(8)


class WrittenIds:
    """A fixed set of ids written into statements as integers: the thousands of services closures keep closed,
    written once for every page of a minute. As parameters, each statement prepared and bound every one of them
    again (Django's lookup, then the driver's client-side binding): most of open now's time in Python."""

    def __init__(self, ids):
        self.ids = frozenset(ids)
        self.text = ",".join(str(int(pk)) for pk in sorted(self.ids))


class NotAmong(Expression):
    """The row's ``column`` is none of ``written``'s ids (``WrittenIds``), as the backend writes it best
    (``not_among``)."""

    conditional = True

    def __init__(self, column, written: WrittenIds):
        super().__init__(output_field=BooleanField())
        self.column, self.written = column, written

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        db_type = self.column.output_field.db_type(connection)
        return backend(connection.alias).not_among(sql, self.written.text, db_type), params


def closed_at(moment: datetime.datetime, db: str) -> WrittenIds:
    """The services a temporary closure keeps from being open at ``moment`` (``closed_by_closures``), kept for the
    pages of that minute and the closures of that quarter hour."""
    version = directory_cache.version()
    # In UTC: a moment written with another offset would start its quarter hour elsewhere.
    minute = moment.astimezone(datetime.UTC).replace(second=0, microsecond=0)
    quarter = minute.replace(minute=minute.minute - minute.minute % 15)
    day = kept_closures.get_or_make(("day", db, quarter, version), lambda: closures_of_the_day(quarter, db))
    return kept_closures.get_or_make(
        ("minute", db, minute, version), lambda: WrittenIds(closed_by_closures(minute, db, day))
    )


def closed_by_closures(moment: datetime.datetime, db: str = "default", day=None) -> set[int]:
    """The services a temporary closure keeps from being open at ``moment`` (``members.closures``), decided as the
    pages decide them: closed themselves, every location closed, or open by their hours only at a closed location
    (``day``: ``closures_of_the_day`` at that moment, when known)."""
    closed, partly = day if day is not None else closures_of_the_day(moment, db)
    if not partly:
        return set(closed)
    open_locations = locations_open_at(moment, set().union(*partly.values()), db)
    return closed | {service for service, open_here in partly.items() if not open_here & open_locations}


def closures_of_the_day(moment: datetime.datetime, db: str) -> tuple[frozenset[int], dict[int, frozenset[int]]]:
    """The services closed at ``moment`` by a closure (their own, or every location's), and the services partly
    closed (some location closed, none open all day) with their open locations, whose hours decide. Read from plain
    values: the closures that may hold that day (a day either side, for time zones) by their last day's index, and
    the links of the services concerned; during holidays they are thousands."""
    day = moment.astimezone(datetime.UTC).date()
    window = Q(closed_until__gte=day - datetime.timedelta(days=1), closed_from__lte=day + datetime.timedelta(days=1))
    closed_locations = {
        pk
        for pk, starts, ends, zone in Location.objects.using(db)
        .filter(window)
        .values_list("pk", "closed_from", "closed_until", "city__time_zone")
        if closures.Period(starts, ends, time_zone(zone)).covers(moment)
    }
    own = {
        pk: (starts, ends)
        for pk, starts, ends in Service.objects.using(db)
        .filter(window)
        .order_by()
        .values_list("pk", "closed_from", "closed_until")
    }
    if not closed_locations and not own:
        return frozenset(), {}
    links = Service.locations.through.objects.using(db)
    concerned = Q(service_id__in=list(own))
    if closed_locations:
        concerned |= Q(service_id__in=links.filter(location_id__in=closed_locations).values("service_id"))
    places = {}  # service: [(location, its zone, open all day)] in the locations' order (a service's "first")
    always = set()
    for service, location, zone, location_24_7, service_24_7 in (
        links.filter(concerned)
        .order_by("location__name", "location_id")
        .values_list("service_id", "location_id", "location__city__time_zone", "location__open_24_7",
                     "service__open_24_7")
    ):  # fmt: skip
        places.setdefault(service, []).append((location, zone, location_24_7))
        if service_24_7:
            always.add(service)
    closed, partly = set(), {}
    for service in own.keys() | places.keys():
        here = places.get(service, [])
        if service in own:
            zone = time_zone(here[0][1]) if here else datetime.UTC
            if closures.Period(*own[service], zone).covers(moment):
                closed.add(service)
                continue
        still_open = [(location, open_24_7) for location, _zone, open_24_7 in here if location not in closed_locations]
        if here and not still_open:
            closed.add(service)
        elif len(still_open) < len(here) and service not in always and not any(flag for _pk, flag in still_open):
            partly[service] = frozenset(location for location, _flag in still_open)
    return frozenset(closed), partly


def places_available(queryset, moment: datetime.datetime):
    """Services that said they have places available, less than ``services.capacity.CURRENT_FOR`` before
    ``moment``. Few services give places: their ids come from the services table, not the search documents."""
    given = Service.objects.filter(
        capacity=Service.Capacity.AVAILABLE, capacity_updated_at__gte=capacity.current_since(moment)
    )
    return queryset.filter(pk__in=given.values("pk"))


def open_at(queryset, moment: datetime.datetime):
    """Services open at the aware ``moment``: always open, or a location open then in its own time zone (opening
    ranges that pass midnight included), and not kept closed by a temporary closure (``closed_by_closures``)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    closed = closed_at(moment, queryset.db)
    if closed.ids:
        queryset = queryset.filter(NotAmong(F("pk"), closed))
    always_open = Q(**{f"{queryset.document}always_open": True})
    spans = open_spans_sql(moment, queryset.db)
    if spans is None:
        return queryset.filter(always_open)
    return queryset.filter(always_open | Q(OpenBySpans(F("pk"), *spans)))


class OpenBySpans(Expression):
    """Whether the row's service has a location open by its opening spans (``open_spans_sql``), written in one of
    two ways as the statement reads its rows (docs/performance.md, "Open now"):

    - a page read in name order (sliced, ordered by a ``sort_name_*`` column first, which an index gives), where the
      backend says so (``CHECKS_OPEN_ROW_BY_ROW``): each row read is checked for a location and a span open, until
      the page is full (``EXISTS``, kept a check per row by the subquery fence: without it PostgreSQL lists every
      open service first, expecting to read every row);
    - otherwise (counts, a page with its count, other orders), the services at the open locations are listed once
      (``IN``): the rows checked are many, each would cost two index lookups.
    """

    conditional = True

    def __init__(self, service, spans_sql: str, params):
        super().__init__(output_field=BooleanField())
        self.service, self.spans_sql, self.params = service, spans_sql, list(params)

    def get_source_expressions(self):
        return [self.service]

    def set_source_expressions(self, expressions):
        (self.service,) = expressions

    def as_sql(self, compiler, connection):
        service, service_params = compiler.compile(self.service)
        quote = connection.ops.quote_name
        link = Service.locations.through._meta
        links, link_service, link_location = (
            quote(link.db_table),
            quote(link.get_field("service").column),
            quote(link.get_field("location").column),
        )
        spans = OpeningSpan._meta
        span_location = quote(spans.get_field("location").column)
        # Table and column names come from the models; every value is a parameter.
        if backend(connection.alias).CHECKS_OPEN_ROW_BY_ROW and _read_in_name_order(compiler.query):
            fence = backend(connection.alias).KEEP_WHOLE
            sql = (
                f"EXISTS (SELECT 1 FROM {links} open_link WHERE open_link.{link_service} = {service} "  # noqa: S608  # nosec B608
                f"AND EXISTS (SELECT 1 FROM {quote(spans.db_table)} open_span "
                f"WHERE open_span.{span_location} = open_link.{link_location} AND {self.spans_sql}) {fence})"
            )
        else:
            sql = (
                f"{service} IN (SELECT {link_service} FROM {links} WHERE {link_location} IN "  # noqa: S608  # nosec B608
                f"(SELECT {span_location} FROM {quote(spans.db_table)} WHERE {self.spans_sql}))"
            )
        return sql, [*service_params, *self.params]


def _read_in_name_order(query) -> bool:
    """Whether ``query`` reads a slice in name order (``sort_name_*`` first), and no more rows than it needs: a
    window (a count with the page) reads every one."""
    order = list(query.order_by)
    return bool(
        query.is_sliced
        and order
        and isinstance(order[0], str)
        and order[0].split("__")[-1].startswith("sort_name_")
        and not any(getattr(value, "contains_over_clause", False) for value in query.annotations.values())
    )


def open_spans_sql(moment: datetime.datetime, db: str) -> tuple[str, list] | None:
    """The condition on opening spans (their columns unqualified) of those open at ``moment``, with its parameters;
    None when no time zone is known. Spans last less than a day, so each zone's search is a range of a day in the
    (zone, start) index. Written as SQL directly: as a tree of Django lookups (four per group of zones, some thirty
    groups) it took longer to compile, twice per page, than the database took to answer."""
    # Zones whose local weekday and time are the same share one condition (fewer branches for every row).
    zones_at = {}
    for zone_name in location_time_zones():
        try:
            local = moment.astimezone(time_zone(zone_name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        zones_at.setdefault(second_of_week(local), []).append(zone_name)
    quote = connections[db].ops.quote_name
    span = OpeningSpan._meta
    zone, start, end = (quote(span.get_field(name).column) for name in ("time_zone", "start", "end"))
    conditions, params = [], []
    for second, zone_names in zones_at.items():
        places = ", ".join(["%s"] * len(zone_names))
        conditions.append(f"({zone} IN ({places}) AND {start} <= %s AND {start} > %s AND {end} > %s)")
        params += [*zone_names, second, second - SECONDS_PER_DAY, second]
    if not conditions:
        return None
    return f"({' OR '.join(conditions)})", params


def locations_open_at(moment: datetime.datetime, locations: set[int], db: str) -> set[int]:
    """Which of ``locations`` are open at ``moment`` by their opening spans."""
    spans = open_spans_sql(moment, db)
    if spans is None or not locations:
        return set()
    condition, params = spans
    quote = connections[db].ops.quote_name
    column = quote(OpeningSpan._meta.get_field("location").column)
    ids = sorted(locations)
    sql = (
        f"SELECT {column} FROM {quote(OpeningSpan._meta.db_table)} "  # noqa: S608  # nosec B608
        f"WHERE {condition} AND {column} IN ({', '.join(['%s'] * len(ids))})"
    )
    with connections[db].cursor() as cursor:
        cursor.execute(sql, [*params, *ids])
        return {row[0] for row in cursor.fetchall()}
