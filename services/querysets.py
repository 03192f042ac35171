"""Reads: every public view, serializer and exporter starts from ``Service.objects.public()``.

Every method here is chainable and safe with any input. The search's conditions and the reading of its pages are
the ``services.search`` package's (imported inside the methods: ``services.models`` imports this module, and the
package reads the models).
"""

import functools

from django.db import connections, models
from django.db.models.query import ModelIterable


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


def attach_card_channels(services: list) -> None:
    """Each service's ``card_channels``: its own contact channels, then its locations', in one plain query for the
    whole list (read by ``with_listing_data``), so a result card shows them as one-tap links without a query of its
    own (``services.cards``)."""
    from services.models import ContactChannel

    services = [
        service
        for service in services
        if isinstance(service, models.Model) and "locations" in getattr(service, "_prefetched_objects_cache", {})
    ]
    if not services:
        return
    db = services[0]._state.db
    service_ids = [service.pk for service in services]
    location_ids = sorted({location.pk for service in services for location in _prefetched(service, "locations")})
    quote = connections[db].ops.quote_name
    where = [f"{quote('service_id')} IN ({', '.join(['%s'] * len(service_ids))})"]
    if location_ids:
        where.append(f"{quote('location_id')} IN ({', '.join(['%s'] * len(location_ids))})")
    by_service, by_location = {}, {}
    for channel in _instances(ContactChannel, db, " OR ".join(where), [*service_ids, *location_ids], ("order", "id")):
        if channel.service_id is not None:
            by_service.setdefault(channel.service_id, []).append(channel)
        else:
            by_location.setdefault(channel.location_id, []).append(channel)
    for service in services:
        channels = list(by_service.get(service.pk, ()))
        for location in _prefetched(service, "locations"):
            channels += by_location.get(location.pk, ())
        service.card_channels = channels


def _prefetched(instance, name: str) -> list:
    return getattr(instance, "_prefetched_objects_cache", {}).get(name, ())


def _rows_of(model, db: str, column: str, ids: list, order: tuple[str, ...]) -> list:
    """The rows of ``model`` whose ``column`` is one of ``ids``, ordered by the columns ``order``, as instances."""
    if not ids:
        return []
    quote = connections[db].ops.quote_name
    where = f"{quote(column)} IN ({', '.join(['%s'] * len(ids))})"
    return _instances(model, db, where, ids, order)


def _instances(model, db: str, where: str, params: list, order: tuple[str, ...]) -> list:
    """The rows of ``model`` that ``where`` (SQL of its table's columns) finds, ordered by the columns ``order``, as
    instances made as the ORM makes them (``Model.from_db``, after each field's conversion from the database). The
    columns are named in the fields' order: a ``raw()`` query worked out again, for every list, which of its
    columns were which fields."""
    connection = connections[db]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    fields = model._meta.concrete_fields
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"SELECT {columns} FROM {table} WHERE {where} ORDER BY {', '.join(map(quote, order))}"  # noqa: S608  # nosec B608
    converters = []
    for position, field in enumerate(fields):
        column = field.get_col(model._meta.db_table)
        for converter in connection.ops.get_db_converters(column) + field.get_db_converters(connection):
            converters.append((position, converter, column))
    names = [field.attname for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    instances = []
    for row in rows:
        if converters:
            row = list(row)
            for position, converter, column in converters:
                row[position] = converter(row[position], column, connection)
        instances.append(model.from_db(db, names, row))
    return instances


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


class ChosenIds(models.Expression):
    """The ids of the documents a search chose (``ServiceQuerySet.from_index``), as a subquery written only with
    the statement that reads it (a count, ``values()``). A search's pages and counts read the documents themselves
    (``services.search``); made a subquery when the services were narrowed to it, the search's conditions and rank
    were worked out again for every search, as long as building them took."""

    output_field = models.BigIntegerField()

    def __init__(self, index):
        super().__init__()
        self.index = index

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return self  # resolved in ``as_sql``, against the statement it is written into

    def as_sql(self, compiler, connection):
        # As ``pk__in=index.values("pk")`` writes it: without the documents' order, the statement's own aliases.
        return compiler.compile(self.index.order_by().values("pk").resolve_expression(compiler.query))


class DirectoryQuerySet(models.QuerySet):
    """The search conditions, shared by services and their search documents (``ServiceSearchDocument``, whose
    primary key is the service's): ``document`` is the path from a row to its search document.

    On services, the conditions read the document through a join; on documents, the table itself, which is what the
    public search does (``ServiceFilter``): a broad search then never reads the wide service rows. What a condition
    leaves for the later steps of the search (its words, its place...) is carried by the clones."""

    document = ""
    # The query's words when the rows are narrowed by words (``search``): see ``services.search.count_up_to`` and
    # ``best_results``.
    search_words = ()
    # PostgreSQL: the text query those words became (``services.search.by_text``).
    search_query = ""
    # What the words were understood to mean (``services.search.Understanding``).
    search_understanding = None
    # The place (latitude, longitude, km) the rows are near, and the rows before ``near`` narrowed them.
    near_place = near_base = None
    # Near a place with words or filters: the same rows with ``distance_km`` but not yet narrowed to the circle.
    near_measured = None
    # After ``not_near`` listing the circle's points: the place and the rows before it.
    far_place = far_base = None
    # Set on a search ordered by name whose matches are known to be many among the names (read in name order).
    dense_in_name_order = False
    # The facet words the rows are narrowed by (``with_facets``), one tuple of alternatives per filter.
    facet_groups = ()
    # Set by ``public()`` on documents with no other condition: every public document.
    every_public = False

    def _clone(self):
        # Django has no public hook to carry a queryset's own attributes to its clones.
        clone = super()._clone()
        clone.search_words = self.search_words
        clone.search_query = self.search_query
        clone.search_understanding = self.search_understanding
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

    def search(self, text: str, query: str = "", understanding=None):
        """Rows matching what ``text`` asks for, in any language (``services.search.understand``); annotates
        ``search_rank`` (higher is better: a word in the service's or organisation's name counts 4, through one of
        its categories 3, in a city or country 2, in a description 1). Does not order. Blank text keeps every row,
        with ``search_rank`` 0. ``query``, ``understanding``: see ``services.search.by_text``."""
        from services.search import by_text

        return by_text(self, text, query=query, understanding=understanding)

    def near(self, latitude: float, longitude: float, km: float):
        """Rows with a location whose search point (the city's centre unless the address is public) is within
        ``km``; annotates ``distance_km`` to the nearest one. Does not order."""
        from services.search import near

        return near(self, latitude, longitude, km)

    def not_near(self, latitude: float, longitude: float, km: float):
        """Rows that ``near`` leaves out: no location within ``km`` (all rows when the place cannot be used)."""
        from services.search import not_near

        return not_near(self, latitude, longitude, km)

    def with_facets(self, *alternatives: str):
        """Rows with at least one of these facet words (``services.search.facet``), found by the text index."""
        from services.search import by_facets

        return by_facets(self, *alternatives)

    def remote(self, country):
        """Services given by phone or online by organisations working in ``country`` (a Country or ISO code)."""
        from services.search import country_code, facet

        return self.with_facets(facet("reaches", country_code(country)))

    def in_country(self, country):
        """Services with a location in ``country``, or, having no location, of an organisation working there."""
        from services.search import country_code, facet

        return self.with_facets(facet("country", country_code(country)))

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
        return self.filter(**{f"{self.document}always_open": True})

    def places_available_at(self, moment):
        """Services that said they have places available, recently enough to be current at ``moment``."""
        from services.search import places_available

        return places_available(self, moment)

    def open_at(self, moment):
        """Services open at the aware ``moment``: always open, or a location open then in its own time zone
        (opening ranges that pass midnight included)."""
        from services.search import open_at

        return open_at(self, moment)


class SearchDocumentQuerySet(DirectoryQuerySet):
    """Search documents: where the public search finds, filters, ranks and sorts (``ServiceFilter``)."""

    def public(self):
        queryset = self.filter(is_public__holds=True)  # the partial indexes' own term (models.Holds)
        queryset.every_public = not self.query.where and not self.query.is_empty()
        return queryset


class ServiceQuerySet(DirectoryQuerySet):
    document = "search_document__"
    _reference_data = False
    # Set by from_index: the search documents that choose and order these services, and the services before.
    _index = None
    _listing = None

    def _clone(self):
        # As above: the services' reading options are carried to the clones.
        clone = super()._clone()
        clone._reference_data = self._reference_data
        clone._index, clone._listing = self._index, self._listing
        return clone

    def _fetch_all(self):
        # Rows chosen by the search and the listing's related data are read in fewer queries than Django's own
        # iteration and prefetching would (docs/performance.md, "Reading a page"): no public hook exists for that.
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
        ``distance_km``; rows, pages and counts (``services.search``) read the documents for ids."""
        queryset = self.filter(pk__in=ChosenIds(index))
        queryset._index, queryset._listing = index, self
        return queryset

    def values(self, *fields, **expressions):
        if self._index is not None:
            from services.search import in_index_order

            return in_index_order(self).values(*fields, **expressions)
        return super().values(*fields, **expressions)

    def values_list(self, *fields, flat=False, named=False):
        if self._index is not None:
            from services.search import in_index_order

            return in_index_order(self).values_list(*fields, flat=flat, named=named)
        return super().values_list(*fields, flat=flat, named=named)

    def narrow_slice(self, start: int, stop: int) -> list:
        """``list(self[start:stop])`` in two steps: the ids of the slice in order first (a narrow sort over every
        match: sorting whole rows, with descriptions in four languages, was most of a broad search's time), then the
        full rows of those ids alone, with the same related data; ``search_rank`` and ``distance_km`` are copied.
        After ``from_index`` the ids come from the search documents alone."""
        from services.search import read_slices

        return read_slices([(self, start, stop)])[0]

    def public(self):
        """Active services of approved members."""
        return self.filter(status="active", organisation__status="approved")

    def with_listing_data(self):
        """Everything a results or detail page shows, in a fixed number of queries whatever the page size."""
        queryset = self.select_related("organisation")
        # Locations and their opening hours; categories, languages, populations, the organisation's countries and the
        # locations' cities and countries: see attach_reference_data.
        queryset._reference_data = True
        if queryset._listing is not None:  # chosen by a search: its rows are read from the listing
            queryset._listing = queryset._listing.with_listing_data()
        return queryset
