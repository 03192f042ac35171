"""Reads: every public view, serializer and exporter starts from ``Service.objects.public()``.

Every method here is chainable and safe with any input. Text search and distances live in ``services.search``
(imported inside the methods: ``services.models`` imports this module).
"""

import copy
import datetime
import functools
import math
import zoneinfo

from django.core.cache import cache
from django.db import connections, models
from django.db.models import Count, Exists, FloatField, Min, OuterRef, Q, Subquery, Window
from django.db.models.expressions import RawSQL
from django.db.models.query import ModelIterable

LOCATION_TIME_ZONES_CACHE_KEY = "services:location-time-zones"
LOCATION_TIME_ZONES_CACHE_SECONDS = 300
MAX_RADIUS_KM = 20_000
# Pages near a place are first looked for within a sixteenth of the radius, and no more than 2 km
# (``nearest_first``): a city's centre, where listings without a public address are measured from.
NEAREST_FIRST_SHARE = 16
NEAREST_FIRST_MAX_KM = 2


def _country_code(country) -> str:
    return str(getattr(country, "code", country) or "").strip().upper()


def location_time_zones() -> list[str]:
    """The time zones of the cities that have locations: a short list, cached (signals forget it on changes)."""
    zones = cache.get(LOCATION_TIME_ZONES_CACHE_KEY)
    if zones is None:
        from members.models import City

        zones = sorted(set(City.objects.filter(locations__isnull=False).order_by().values_list("time_zone", flat=True)))
        cache.set(LOCATION_TIME_ZONES_CACHE_KEY, zones, LOCATION_TIME_ZONES_CACHE_SECONDS)
    return zones


def attach_reference_data(services: list) -> None:
    """Fill each service's categories, languages and populations and its organisation's countries from the cached
    reference rows (``services.cache``), reading only the link rows, the link tables in one UNION query: a results
    page shows them for every service, and four prefetch queries per list were a third of its queries."""
    from members.models import Organisation
    from services import cache as directory_cache

    services = [service for service in services if isinstance(service, models.Model)]
    if not services:
        return
    model = type(services[0])
    links = [
        ("categories", directory_cache.categories),
        ("languages", directory_cache.languages),
        ("populations", directory_cache.populations),
    ]
    organisations = {service.organisation_id: service.organisation for service in services}
    service_ids = [service.pk for service in services]
    fields = [
        *((model._meta.get_field(name), service_ids) for name, _cached in links),
        (Organisation._meta.get_field("countries"), list(organisations)),
        (model._meta.get_field("locations"), service_ids),
    ]
    found = {index: {} for index in range(len(fields))}
    for index, owner, target in _link_rows(services[0]._state.db, fields):
        found[index].setdefault(owner, []).append(target)
    for index, (name, cached) in enumerate(links):
        by_pk = {item.pk: item for item in cached()}
        ordered = {item.pk: position for position, item in enumerate(cached())}
        for service in services:
            targets = sorted(found[index].get(service.pk, []), key=lambda pk: ordered.get(pk, 0))
            _prefill(service, name, [by_pk[pk] for pk in targets if pk in by_pk])
    countries = {country.pk: country for country in directory_cache.countries()}
    _attach_locations(services, found[4])
    _attach_cities(services, countries)
    for organisation in organisations.values():
        targets = found[3].get(organisation.pk, [])
        _prefill(organisation, "countries", [countries[pk] for pk in targets if pk in countries])


def _link_rows(db: str, fields: list) -> list[tuple]:
    """``(index, owner id, target id)`` for every link row of the many-to-many fields ``fields`` (``(field, owner
    ids)``, ``index`` its position) whose owner is one of the ids, in one UNION query written here: built as five
    querysets and their union, it took longer to compile than to answer."""
    connection = connections[db]
    quote = connection.ops.quote_name
    parts, params = [], []
    for index, (field, ids) in enumerate(fields):
        if not ids:
            continue
        through = field.remote_field.through._meta
        owner, target = field.m2m_column_name(), field.m2m_reverse_name()
        parts.append(
            f"SELECT {index}, {quote(owner)}, {quote(target)} FROM {quote(through.db_table)} "  # noqa: S608  # nosec B608
            f"WHERE {quote(owner)} IN ({', '.join(['%s'] * len(ids))})"
        )
        params.extend(ids)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _attach_locations(services: list, links: dict) -> None:
    """Each service's locations (``links``: service id to location ids) with their opening hours, in two plain
    queries, filled in as ``prefetch_related`` leaves them: Django's prefetch built a related manager and a filtered
    queryset for every service, which cost more than reading the rows (and building and compiling those two
    querysets, more than reading their rows: they are written here and read with ``raw()``)."""
    from members.models import Location, OpeningHours

    db = services[0]._state.db
    location_ids = sorted({pk for targets in links.values() for pk in targets})
    locations = {location.pk: location for location in _rows_of(Location, db, "id", location_ids, ("id",))}
    hours = {pk: [] for pk in locations}
    for row in _rows_of(OpeningHours, db, "location_id", list(locations), ("location_id", "weekday", "opens", "id")):
        hours[row.location_id].append(row)
    for location in locations.values():
        _prefill(location, "opening_hours", hours[location.pk])
    for service in services:
        _prefill(service, "locations", [locations[pk] for pk in sorted(links.get(service.pk, ())) if pk in locations])


def _rows_of(model, db: str, column: str, ids: list, order: tuple[str, ...]) -> list:
    """The rows of ``model`` whose ``column`` is one of ``ids``, ordered by the columns ``order``, as instances."""
    if not ids:
        return []
    quote = connections[db].ops.quote_name
    placeholders = ", ".join(["%s"] * len(ids))
    sql = f"SELECT * FROM {quote(model._meta.db_table)} WHERE {quote(column)} IN ({placeholders}) "  # noqa: S608  # nosec B608
    sql += f"ORDER BY {', '.join(map(quote, order))}"
    return list(model.objects.db_manager(db).raw(sql, ids))


def _attach_cities(services: list, countries: dict) -> None:
    """Each prefetched location's city and its country, from the cached reference rows (read once for a city the
    cache does not hold yet): building them per location was a fifth of a page's reading."""
    from members.models import City
    from services import cache as directory_cache

    locations = [
        location
        for service in services
        for location in getattr(service, "_prefetched_objects_cache", {}).get("locations", ())
        if "city" not in location._state.fields_cache
    ]
    if not locations:
        return
    cities = {city.pk: city for city in directory_cache.cities_with_services()}
    missing = {location.city_id for location in locations} - set(cities)
    if missing:
        cities.update((city.pk, city) for city in City.objects.select_related("country").filter(pk__in=missing))
    for location in locations:
        city = cities[location.city_id]
        if "country" not in city._state.fields_cache and city.country_id in countries:
            city._state.fields_cache["country"] = countries[city.country_id]
        location._state.fields_cache["city"] = city


def _prefill(instance, name: str, objects: list) -> None:
    """What ``prefetch_related`` leaves behind: ``instance.<name>.all()`` answers from ``objects``, no query. (The
    queryset is made directly: creating the related manager to ask it cost more than the rest of the page; and its
    query is one shared per model, never changed, as building one per list cost more than filling the list.)"""
    queryset = models.QuerySet.__new__(models.QuerySet)
    queryset.__dict__.update(_prefilled_template(type(instance), name).__dict__)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = queryset  # a forward many-to-many's cache name is the field's name


@functools.cache
def _prefilled_template(model, name: str) -> models.QuerySet:
    return models.QuerySet(model=model._meta.get_field(name).related_model)


def _place(latitude, longitude, km) -> tuple[float, float, float] | None:
    """A usable place and radius, the radius kept between 0 and ``MAX_RADIUS_KM``; None when unusable."""
    try:
        latitude, longitude, km = float(latitude), float(longitude), float(km)
    except (TypeError, ValueError):
        return None
    if not all(map(math.isfinite, (latitude, longitude, km))) or abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return latitude, longitude, min(max(km, 0.0), MAX_RADIUS_KM)


def carried_annotations(queryset) -> list[str]:
    """The annotations a search gives its results (``search_rank``, ``distance_km``) that ``queryset`` has."""
    return [name for name in ("search_rank", "distance_km") if name in queryset.query.annotations]


def read_slices(parts) -> list[list]:
    """``[queryset.narrow_slice(start, stop) for queryset, start, stop in parts]``, reading the full rows of every
    slice together: one query for the rows and one per kind of related data, whatever the number of slices (a page
    near a place shows two lists). The slices' querysets are of the same services with the same related data (the
    first's are read).

    A part may be ``(queryset, start, stop, shown)``: its rows after the first ``shown`` are only there to tell
    whether there are more, and are given as a ``KeptCard`` without a card, their listing's rule checked but their
    rows not read (the sixth phone and online service beside results near a place, never shown, so never kept:
    its rows and related data were read again on every such page, four queries)."""
    sliced = [(part[0], *part[0]._slice_rows(part[1], part[2])) for part in parts]
    ids = list(dict.fromkeys(row[0] for _queryset, rows, _kept in sliced for row in rows))
    if not ids:
        return [[] for _part in parts]
    shown = {
        row[0] for part, (_queryset, rows, _kept) in zip(parts, sliced, strict=True) for row in rows[: _shown(part)]
    }
    probed = [pk for pk in ids if pk not in shown]
    first = parts[0][0]
    listing = first._listing if first._listing is not None else first.model._default_manager.db_manager(first.db)
    by_pk, kept_cards, read_at = {}, {}, None
    if first._for_cards:
        from rssn.languages import page_language
        from services import cache as directory_cache

        # read_at: the version before the rows are read (see services.cache.keep_card)
        kept_cards, read_at = directory_cache.cards(
            page_language(), [pk for pk in ids if pk in shown], first._for_cards
        )
    unread = [pk for pk in ids if pk in shown and pk not in kept_cards]
    if unread:
        full = listing.filter(pk__in=unread).order_by()
        full.query.select_related = first.query.select_related
        full._prefetch_related_lookups = first._prefetch_related_lookups
        full._reference_data = first._reference_data
        for service in full:
            service.card_read_at = read_at
            by_pk[service.pk] = service
    if kept_cards or probed:
        # The listing's own rule is checked for these too (their ids alone are read).
        listed = listing.filter(pk__in=[*kept_cards, *probed]).order_by().values_list("pk", flat=True)
        by_pk.update((pk, KeptCard(pk, kept_cards.get(pk))) for pk in listed)
    slices, placed = [], set()
    for _queryset, rows, kept in sliced:
        page = []
        for pk, *values in rows:
            service = by_pk.get(pk)
            if service is None:  # a document not yet brought up to date: the listing's own rule wins
                continue
            if pk in placed:  # in an earlier slice too: each slice shows its own rank and distance
                service = copy.copy(service)
            placed.add(pk)
            for name, value in zip(kept, values, strict=True):
                setattr(service, name, value)
            page.append(service)
        slices.append(page)
    return slices


def _kept_whole(name: str, queryset, order: list[str], kept: list[str]) -> tuple[str, list, dict[str, str], str]:
    """``WITH <name> (c0, c1...) AS (<queryset> OFFSET 0)``: its rows' id, ``kept`` annotations and what ``order``
    (names, "-" for descending) sorts by, in a subquery the database keeps whole (``OFFSET 0``, on SQLite ``LIMIT -1
    OFFSET 0``: without it PostgreSQL and SQLite merge it into the statement around it). Returns that clause, its
    parameters, each column's alias, and ``order`` as an ORDER BY of the aliases."""
    names = [term.lstrip("-") for term in order]
    columns = list(dict.fromkeys(["pk", *kept, *names]))
    sql, params = queryset.values_list(*columns).query.sql_with_params()
    fence = "LIMIT -1 OFFSET 0" if connections[queryset.db].vendor == "sqlite" else "OFFSET 0"
    alias = {column: f"c{number}" for number, column in enumerate(columns)}
    ordering = ", ".join(
        f"{alias[column]} {'DESC' if term.startswith('-') else 'ASC'}"
        for term, column in zip(order, names, strict=True)
    )
    return f"WITH {name} ({', '.join(alias.values())}) AS ({sql} {fence})", list(params), alias, ordering


def _shown(part) -> int | None:
    """How many of a ``read_slices`` part's rows are shown (None: all)."""
    return part[3] if len(part) > 3 else None


class DirectoryQuerySet(models.QuerySet):
    """The search conditions, shared by services and their search documents (``ServiceSearchDocument``, whose
    primary key is the service's): ``document`` is the path from a row to its search document.

    On services, the conditions read the document through a join; on documents, the table itself, which is what the
    public search does (``ServiceFilter``): a broad search then never reads the wide service rows."""

    document = ""
    # The query's words when the rows are narrowed by words (``search``): see ``services.search.count_up_to`` and
    # ``best_results``.
    search_words = ()
    # PostgreSQL: the text query those words became (``services.search.filter_by_text``).
    search_query = ""
    # The place (latitude, longitude, km) the rows are near, and the rows before ``near`` narrowed them.
    near_place = near_base = None
    # Near a place with words or filters: the same rows with ``distance_km`` but not yet narrowed to the circle
    # (``ServiceQuerySet._measured_once``).
    near_measured = None
    # After ``not_near`` listing the circle's points: the place and the rows before it (``far_rows``).
    far_place = far_base = None
    # Set on a search ordered by name whose matches are known to be many among the names (``read_in_order``).
    dense_in_name_order = False
    # The facet words the rows are narrowed by (``with_facets``), one tuple of alternatives per filter.
    facet_groups = ()
    # Set by ``public()`` on documents with no other condition: every public document.
    every_public = False

    def _clone(self):
        clone = super()._clone()
        clone.search_words = self.search_words
        clone.search_query = self.search_query
        clone.facet_groups = self.facet_groups
        clone.near_place, clone.near_base = self.near_place, self.near_base
        clone.near_measured = self.near_measured
        clone.far_place, clone.far_base = self.far_place, self.far_base
        clone.dense_in_name_order = self.dense_in_name_order
        clone.every_public = self.every_public
        return clone

    @property
    def faceted(self) -> bool:
        """Whether the rows are narrowed by facet words: the filters' share of rows is unknown."""
        return bool(self.facet_groups)

    def _filter_or_exclude(self, negate, args, kwargs):
        # Any further condition: no longer every public row, and no longer only ``near`` the place (which sets
        # ``near_place`` after its own condition).
        clone = super()._filter_or_exclude(negate, args, kwargs)
        clone.every_public = False
        clone.near_place = clone.near_base = clone.near_measured = None
        clone.far_place = clone.far_base = None
        return clone

    def _on_document(self, **conditions) -> Q:
        return Q(**{f"{self.document}{name}": value for name, value in conditions.items()})

    def search(self, text: str, query: str = ""):
        """Rows matching every word of ``text`` in any language; annotates ``search_rank`` (higher is better: a word
        in a name, acronym or category counts 4, in a city or country 2, in a description 1). Does not order. Blank
        text keeps every row, with ``search_rank`` 0. ``query``: see ``services.search.filter_by_text``."""
        from services.search import filter_by_text

        return filter_by_text(self, text, document=self.document, query=query)

    def near(self, latitude: float, longitude: float, km: float):
        """Rows with a location whose search point (the city's centre unless the address is public) is within
        ``km``; annotates ``distance_km`` to the nearest one. Does not order."""
        from services.models import ServicePoint
        from services.search import bounding_box, cells_around, distance_km, facet, points_within

        place = _place(latitude, longitude, km)
        if place is None:
            return self.none()
        latitude, longitude, km = place
        # Distances are computed only for the points inside the bounding box, which an index finds.
        in_box = ServicePoint.objects.filter(bounding_box(latitude, longitude, km))
        nearest = Subquery(
            in_box.filter(service_id=OuterRef("pk"))
            .annotate(distance=distance_km(latitude, longitude))
            .order_by("distance")
            .values("distance")[:1],
            output_field=FloatField(),
        )
        cells = cells_around(latitude, longitude, km) if self.search_words or self.faceted else None
        if cells is None:
            queryset = self.filter(pk__in=points_within(latitude, longitude, km)).annotate(distance_km=nearest)
        else:
            # Narrowed by words or filters: the text index finds the documents in the cells around the place with
            # them, and only those are measured (from the points, starting with the place's thousands of
            # documents, each was read to check its words: 300 ms near Bogotá at 100,000 organisations).
            cells_near = self.with_facets(*(facet("cell", number) for number in cells))
            cells_near.facet_groups = self.facet_groups  # the cells are not a filter's
            measured = cells_near.annotate(distance_km=nearest)
            queryset = measured.filter(distance_km__lte=km)
            queryset.near_measured = measured
        queryset.near_place, queryset.near_base = place, self
        return queryset

    def nearest_first(self, start: int, stop: int):
        """Rows ``start`` to ``stop`` of a search ordered by distance from its place, when they all lie in a small
        circle around it (``NEAREST_FIRST_SHARE``, ``NEAREST_FIRST_MAX_KM``): they are then the nearest, and no
        farther match needs measuring. None when the small circle holds too few (or the order is not by distance
        first)."""
        if self.near_place is None or list(self.query.order_by)[:1] != ["distance_km"]:
            return None
        latitude, longitude, km = self.near_place
        # The same search near the same place within the small circle (``near`` comes last in a search).
        small = min(km / NEAREST_FIRST_SHARE, NEAREST_FIRST_MAX_KM)
        rows = self._nearest_public_first(latitude, longitude, small, start, stop)
        if rows is None:
            inner = self.near_base.near(latitude, longitude, small).order_by(*self.query.order_by)
            rows = list(inner.values_list("pk", *carried_annotations(self))[start:stop])
        return rows if len(rows) == stop - start else None

    def _nearest_public_first(self, latitude: float, longitude: float, km: float, start: int, stop: int):
        """Every public service near a place, nearest first: rows ``start`` to ``stop`` of the public points within
        ``km``, grouped by service with the nearest one's distance, then the name and the id, as ``near`` orders
        them. In a big city's centre thousands of services share its point (confidential and city-only locations):
        measuring each service's points again, per document, took 20 ms at 100,000 organisations. None for other
        searches."""
        from services.models import ServicePoint, ServiceSearchDocument
        from services.search import bounding_box, distance_km

        order = list(self.query.order_by)
        if (
            self.model is not ServiceSearchDocument
            or not self.near_base.every_public
            or carried_annotations(self) != ["distance_km"]
            or len(order) != 3
            or not order[1].startswith("sort_name_")
            or order[2] != "pk"
        ):
            return None
        name = ServiceSearchDocument.objects.filter(pk=OuterRef("service_id")).values(order[1])[:1]
        points = (
            ServicePoint.objects.using(self.db)
            .filter(bounding_box(latitude, longitude, km), is_public=True)
            .annotate(distance=distance_km(latitude, longitude))
            .filter(distance__lte=km)
            .values("service_id")
            .annotate(nearest=Min("distance"), name=Subquery(name), found=Window(Count("service_id")))
            .order_by("nearest", "name", "service_id")
        )
        rows = list(points.values_list("service_id", "nearest", "found")[start:stop])
        # How many public services the small circle holds: as many at least are within the whole radius.
        self.nearest_total = rows[0][2] if rows else None
        return [row[:2] for row in rows]

    def not_near(self, latitude: float, longitude: float, km: float):
        """Rows that ``near`` leaves out: no location within ``km`` (all rows when the place cannot be used).

        When the rows are many in name order (``dense_in_name_order``: a country's phone and online services and
        nothing else), each is checked from its own points (NOT EXISTS), and the first few in name order are found
        soon. Otherwise the points within the circle are listed once (NOT IN) and the rows the text index finds are
        checked against them. (Near Bogotá at 100,000 organisations on PostgreSQL, the first six of Colombia's
        phone and online services took 45 ms with NOT IN and 5 with NOT EXISTS; with "apoyo", a category and "free"
        near Mexico City, NOT EXISTS made PostgreSQL walk 50,000 names in order for them, 930 ms, NOT IN 80.)"""
        from services.search import points_within

        place = _place(latitude, longitude, km)
        if place is None:
            return self.all()
        if self.dense_in_name_order:
            return self.exclude(Exists(points_within(*place).filter(service_id=OuterRef("pk"))))
        queryset = self.exclude(pk__in=points_within(*place))
        queryset.far_place, queryset.far_base = place, self
        return queryset

    def far_rows(self, start: int, stop: int | None) -> list[tuple] | None:
        """Rows ``start`` to ``stop``, ``(id, *carried annotations)``, of rows that ``not_near`` left out by listing
        the circle's points: the rows before it, in order, in a subquery the database keeps whole (``OFFSET 0``),
        each checked for a point within the circle as it comes, until the slice is full. Listing the points took
        longer than the rest (15,423 within 50 km of Bogotá at 100,000 organisations, 11 ms), and the first few rows
        in order are most often far (a country's phone and online services). None for other searches, and for every
        row (no ``stop``)."""
        from services.search import points_within

        base, order = self.far_base, list(self.query.order_by)
        if (
            base is None
            or stop is None
            or not order
            or not all(isinstance(term, str) for term in order)
            or list(base.query.annotations) != list(self.query.annotations)
        ):
            return None
        kept = carried_annotations(self)
        with_rows, params, alias, ordering = _kept_whole("ordered", base.order_by(*order), order, kept)
        points_sql, points_params = points_within(*self.far_place).query.sql_with_params()
        # In a CASE, the point check stays a check per row: as a plain NOT EXISTS, it could be made a join.
        statement = (
            f"{with_rows} SELECT {', '.join(alias[name] for name in ['pk', *kept])} FROM ordered "  # noqa: S608  # nosec B608
            f"WHERE CASE WHEN EXISTS (SELECT 1 FROM ({points_sql}) AS near "
            f"WHERE near.service_id = ordered.{alias['pk']}) THEN 0 ELSE 1 END = 1 "
            f"ORDER BY {ordering} LIMIT %s OFFSET %s"
        )
        with connections[self.db].cursor() as cursor:
            cursor.execute(statement, (*params, *points_params, stop - start, start))
            return cursor.fetchall()

    def with_facets(self, *alternatives: str):
        """Rows with at least one of these facet words (``services.search.facet``), found by the text index."""
        from services.search import filter_by_facets

        queryset = filter_by_facets(self, alternatives, document=self.document)
        queryset.facet_groups = (*self.facet_groups, tuple(sorted({word.lower() for word in alternatives})))
        return queryset

    def remote(self, country):
        """Services given by phone or online by organisations working in ``country`` (a Country or ISO code)."""
        from services.search import facet

        return self.with_facets(facet("reaches", _country_code(country)))

    def in_country(self, country):
        """Services with a location in ``country``, or, having no location, of an organisation working there."""
        from services.search import facet

        return self.with_facets(facet("country", _country_code(country)))

    def in_city(self, city):
        """Services with a location in ``city``."""
        from services.search import facet

        return self.with_facets(facet("city", getattr(city, "pk", city)))

    def in_categories(self, categories):
        """Services in any of ``categories`` (a main category includes its subcategories)."""
        from services.search import facet

        return self.with_facets(*(facet("category", getattr(category, "pk", category)) for category in categories))

    def for_population(self, population):
        from services.search import facet

        return self.with_facets(facet("population", getattr(population, "pk", population)))

    def speaking(self, language):
        from services.search import facet

        return self.with_facets(facet("language", getattr(language, "pk", language)))

    def given(self, mode: str):
        """Services given in this way: ``in_person``, ``by_phone``, ``online`` or ``outreach``."""
        from services.search import facet

        return self.with_facets(facet("mode", mode))

    def free(self):
        from services.search import facet

        return self.with_facets(facet("cost", "free"))

    def open_all_hours(self):
        """Services always available: 24 hours, 7 days, or at a location that is."""
        return self.filter(self._on_document(always_open=True))

    def open_at(self, moment: datetime.datetime):
        """Services open at the aware ``moment``: always open, or a location open then in its own time zone
        (opening ranges that pass midnight included)."""
        from members.models import time_zone
        from services.models import OpeningSpan, Service
        from services.search import SECONDS_PER_DAY

        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        # Zones whose local weekday and time are the same share one condition (fewer branches for every row).
        zones_at = {}
        for zone_name in location_time_zones():
            try:
                local = moment.astimezone(time_zone(zone_name))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
            second = local.weekday() * SECONDS_PER_DAY + local.hour * 3600 + local.minute * 60 + local.second
            zones_at.setdefault(second, []).append(zone_name)
        # Spans last less than a day, so each zone's search is a range of a day in the (zone, start) index. Written
        # as SQL directly: as a tree of Django lookups (four per group of zones, some thirty groups) it took longer to
        # compile, twice per page, than the database took to answer.
        quote = connections[self.db].ops.quote_name
        span, link = OpeningSpan._meta, Service.locations.through._meta
        zone, start, end, location = (
            quote(span.get_field(name).column) for name in ("time_zone", "start", "end", "location")
        )
        conditions, params = [], []
        for second, zone_names in zones_at.items():
            places = ", ".join(["%s"] * len(zone_names))
            conditions.append(f"({zone} IN ({places}) AND {start} <= %s AND {start} > %s AND {end} > %s)")
            params += [*zone_names, second, second - SECONDS_PER_DAY, second]
        if not conditions:
            return self.filter(self._on_document(always_open=True))
        # Table and column names come from the models; every value is a parameter.
        sql = (
            f"SELECT {quote(link.get_field('service').column)} FROM {quote(link.db_table)} "  # noqa: S608  # nosec B608
            f"WHERE {quote(link.get_field('location').column)} IN "
            f"(SELECT {location} FROM {quote(span.db_table)} WHERE {' OR '.join(conditions)})"
        )
        open_services = RawSQL(sql, params)  # noqa: S611  # nosec B611
        return self.filter(self._on_document(always_open=True) | Q(pk__in=open_services))


class SearchDocumentQuerySet(DirectoryQuerySet):
    """Search documents: where the public search finds, filters, ranks and sorts (``ServiceFilter``)."""

    def public(self):
        queryset = self.filter(is_public=True)
        queryset.every_public = not self.query.where and not self.query.is_empty()
        return queryset


class KeptCard:
    """A service of a page whose result card (or API item) is kept (``services.cache.cards``), instead of its rows: its
    id, the card and, as a row would have them, its ``search_rank`` and ``distance_km``. Only pages that ask
    (``for_cards``)."""

    def __init__(self, pk: int, card):
        self.pk = pk
        self.kept_card = card


class ServiceQuerySet(DirectoryQuerySet):
    document = "search_document__"
    _reference_data = False
    # Set by from_index: the search documents that choose and order these services, and the services before.
    _index = None
    _listing = None
    # Set by for_cards: the kind of kept card the rows are read for (in the page's language).
    _for_cards = ""

    def _clone(self):
        clone = super()._clone()
        clone._reference_data = self._reference_data
        clone._index, clone._listing = self._index, self._listing
        clone._for_cards = self._for_cards
        return clone

    def for_cards(self, kind: str = "card"):
        """Rows read for result cards (``services.templatetags.directory.ResultCards``; ``kind="api"``: the API's
        items, ``services.api.serializers.ServiceListSerializer``): pages (``read_slices``) give a ``KeptCard`` for a
        service whose card of that kind is kept in the page's language, and read only the others' rows."""
        queryset = self._chain()
        queryset._for_cards = kind
        return queryset

    def _fetch_all(self):
        if self._result_cache is None and self._index is not None and self._iterable_class is ModelIterable:
            # Chosen and ordered by the search documents: read as pages are (the slice asked, if any).
            self._result_cache = self.narrow_slice(self.query.low_mark, self.query.high_mark)
            return
        attach = self._reference_data and self._result_cache is None
        super()._fetch_all()
        if attach:
            attach_reference_data(self._result_cache)

    def from_index(self, index):
        """These services, chosen and ordered by a search over their documents (a ``SearchDocumentQuerySet``,
        filtered, annotated and ordered). Iterating gives the rows in the documents' order, with ``search_rank`` and
        ``distance_km``; rows, pages and counts (``narrow_slice``, ``count_up_to``) read the documents for ids."""
        queryset = self.filter(pk__in=index.values("pk"))
        queryset._index, queryset._listing = index, self
        return queryset

    def _in_index_order(self):
        """The same services as a plain queryset in the documents' order, with their ``search_rank`` and
        ``distance_km`` (for ``values()``; built only then, as it costs more to build than a page to read)."""
        index = self._index
        kept = carried_annotations(index)
        queryset = self.annotate(
            **{
                name: Subquery(index.filter(pk=OuterRef("pk")).values(name)[:1], output_field=FloatField())
                for name in kept
            }
        )
        ordering = []
        for term in index.query.order_by:
            name = term.lstrip("-")
            if name.startswith("sort_name_"):
                term = term.replace(name, f"{self.document}{name}")
            ordering.append(term)
        queryset = queryset.order_by(*ordering)
        queryset._index = None
        return queryset

    def values(self, *fields, **expressions):
        if self._index is not None:
            return self._in_index_order().values(*fields, **expressions)
        return super().values(*fields, **expressions)

    def values_list(self, *fields, flat=False, named=False):
        if self._index is not None:
            return self._in_index_order().values_list(*fields, flat=flat, named=named)
        return super().values_list(*fields, flat=flat, named=named)

    def narrow_slice(self, start: int, stop: int) -> list:
        """``list(self[start:stop])`` in two steps: the ids of the slice in order first (a narrow sort over every
        match: sorting whole rows, with descriptions in four languages, was most of a broad search's time), then the
        full rows of those ids alone, with the same related data; ``search_rank`` and ``distance_km`` are copied.
        After ``from_index`` the ids come from the search documents alone."""
        return read_slices([(self, start, stop)])[0]

    def _slice_rows(self, start: int, stop: int) -> tuple[list, list[str]]:
        """The slice's rows, ``(id, *values of the names)``, and the names: ``search_rank``, ``distance_km``."""
        source = self._index if self._index is not None else self
        kept = carried_annotations(source)
        known = getattr(self, "_known_rows", None)
        if known is not None and known[0] == start and stop <= known[1]:
            return known[2][: stop - start], kept
        rows = self._best_rows(start, stop) if self._index is not None else None
        if rows is None and self._index is not None:
            rows = self._index.far_rows(start, stop)
        if rows is None and self._index is not None and self._index.dense_in_name_order:
            from services.search import read_in_order

            source = read_in_order(source)
        if rows is None:
            rows = list(source.values_list("pk", *kept)[start:stop])
        return rows, kept

    def slice_with_count(self, start: int, stop: int, limit: int | None = None) -> tuple[list, int] | None:
        """Near a place: the slice's rows and the number of all the matches, in one statement (a window count):
        ordering by distance measures every match anyway, and counting them again took a second pass as long as
        the first. The rows are kept for the page's read (``_slice_rows``). None for other searches, and when the
        rows were found close by (``nearest_first``), so that the count is made on its own (it stops at the limit).
        With words and filters on PostgreSQL, see ``_best_slice_with_count``."""
        if self._index is None:
            return None
        if "distance_km" not in self._index.query.annotations:
            return self._best_slice_with_count(start, stop, limit)
        if not self._index.search_words:
            # Without words, the nearest matches are most often close by: first look for the page there. The count
            # then stops at the limit, as other counts do (near the busiest city of 100,000 organisations, ordering
            # every match measured 15,000 points). With words, counting costs as much as ordering every match: one
            # pass does both.
            nearest = self._index.nearest_first(start, stop)
            if nearest is not None:
                self._known_rows = (start, stop, nearest)
                # Every public service: when the small circle alone holds the limit, that is the count.
                total = getattr(self._index, "nearest_total", None)
                if limit is not None and total is not None and total >= limit:
                    return nearest, total
                return None
        kept = carried_annotations(self._index)
        rows = self._measured_once(start, stop, kept)
        if rows is None:
            counted = self._index.annotate(found=Window(Count("pk")))
            rows = list(counted.values_list("pk", *kept, "found")[start:stop])
        total = rows[0][-1] if rows else None
        rows = [row[:-1] for row in rows]
        self._known_rows = (start, stop, rows)
        return rows, total

    def _measured_once(self, start: int, stop: int, kept: list[str]) -> list[tuple] | None:
        """Near a place with words or filters: rows ``start`` to ``stop`` with the number of all the matches as their
        last value, each match's distance measured once. In one query, the database measured every document the
        text index found around the place twice, for the circle and again for the order (PostgreSQL and SQLite
        alike: near Bogotá at 100,000 organisations, 2,000 documents, 10 of 27 ms). Here they are measured in a
        subquery the database keeps whole (``OFFSET 0``), and the circle, the count and the order apply to its rows.
        None when the search is not of that kind (``near_measured``)."""
        index = self._index
        measured = index.near_measured
        order = list(index.query.order_by)
        if (
            measured is None
            or list(measured.query.annotations) != list(index.query.annotations)
            or not all(isinstance(term, str) for term in order)
        ):
            return None
        with_rows, params, alias, ordering = _kept_whole("measured", measured.order_by(), order, kept)
        statement = (
            f"{with_rows} SELECT {', '.join(alias[name] for name in ['pk', *kept])}, COUNT(*) OVER () "  # noqa: S608  # nosec B608
            f"FROM measured WHERE {alias['distance_km']} <= %s ORDER BY {ordering} LIMIT %s OFFSET %s"
        )
        with connections[index.db].cursor() as cursor:
            cursor.execute(statement, (*params, index.near_place[2], stop - start, start))
            return cursor.fetchall()

    def _best_slice_with_count(self, start: int, stop: int, limit: int | None) -> tuple[list, int] | None:
        """PostgreSQL, words with filters: the best results' slice and their number in one statement. Their matches
        are sparse in name order, so the page's statement reads every one of them from the text index to sort them
        (``_best_rows``), and counting them first read the same index a second time (10-14 ms each at 100,000
        organisations). When they reach ``limit``, that is the count (``services.search.count_up_to``); otherwise
        their number spares ``count_up_to`` counting them again, and the rows are the page's if they fill it."""
        from services.search import best_results, planned_without

        connection = connections[self._index.db]
        if connection.vendor != "postgresql" or not self._index.faceted or limit is None:
            return None
        best = best_results(self._index)
        if best is None:
            return None
        documents, rank = best
        counted = documents.annotate(found=Window(Count("pk"))).values_list("pk", "found")[start:stop]
        with planned_without(connection, "indexscan", "seqscan"):
            rows = list(counted)
        if not rows and start > 0:
            return None  # past the last: the count is made on its own, and the paginator says so
        total = rows[0][1] if rows else 0
        self._index.best_total = total
        if len(rows) == stop - start:
            self._known_rows = (start, stop, [(pk, rank) for pk, _found in rows])
        if total >= limit and len(rows) == stop - start:
            self._index.best_fill_pages = True
            return self._known_rows[2], total
        return None

    def _best_rows(self, start: int, stop: int | None) -> list | None:
        """The slice's (id, rank) rows when the documents of the best rank fill it (``services.search.best_results``):
        they come first in the order, so no other match needs ranking; None otherwise."""
        from services.search import best_results

        best = best_results(self._index) if stop is not None else None
        if best is None:
            return None
        documents, rank = best
        ids_query = documents.values_list("pk", flat=True)[:stop]
        connection = connections[documents.db]
        # Thousands of documents have the best rank (the capped count found the cap among them alone): read in name
        # order from the sort index, the page is full after a few hundred. Not with filters: their matches are
        # sparse in name order (with a country, a category and "free", 50,000 rows read for twenty at 100,000
        # organisations on PostgreSQL, 140 ms, where sorting the matches the text index finds took 28 ms).
        dense = getattr(self._index, "best_fill_pages", False) and not self._index.faceted
        if dense and connection.vendor == "postgresql":
            # PostgreSQL, taking two common words for independent, expects a few hundred and reads them all to sort
            # them (300 ms at 100,000 organisations).
            from services.search import planned_without

            with planned_without(connection, "bitmapscan", "seqscan"):
                ids = list(ids_query)
        elif dense:
            from services.search import read_in_order

            ids = list(read_in_order(documents).values_list("pk", flat=True)[:stop])
        elif connection.vendor == "postgresql" and self._index.faceted:
            # PostgreSQL takes the filters' matches for dense in name order too, and walks the sort index.
            from services.search import planned_without

            with planned_without(connection, "indexscan", "seqscan"):
                ids = list(ids_query)
        else:
            ids = list(ids_query)
        if len(ids) < stop:
            return None
        return [(pk, rank) for pk in ids[start:stop]]

    def public(self):
        """Active services of approved members."""
        return self.filter(status="active", organisation__status="approved")

    def with_listing_data(self):
        """Everything a results or detail page shows, in a fixed number of queries whatever the page size."""
        queryset = self.select_related("organisation")
        # Locations and their opening hours; categories, languages, populations, the organisation's countries and the
        # locations' cities and countries: see attach_reference_data.
        queryset._reference_data = True
        return queryset
