"""Reads: every public view, serializer and exporter starts from ``Service.objects.public()``.

Every method here is chainable and safe with any input. Text search and distances live in ``services.search``
(imported inside the methods: ``services.models`` imports this module).
"""

import datetime
import math
import zoneinfo

from django.core.cache import cache
from django.db import models
from django.db.models import F, FloatField, OuterRef, Prefetch, Q, Subquery

LOCATION_TIME_ZONES_CACHE_KEY = "services:location-time-zones"
LOCATION_TIME_ZONES_CACHE_SECONDS = 300
MAX_RADIUS_KM = 20_000


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
    reference rows (``services.cache``), reading only the link rows, the four link tables in one UNION query: a
    results page shows them for every service, and four prefetch queries per list were a third of its queries."""
    from members.models import Organisation
    from services import cache as directory_cache

    services = [service for service in services if isinstance(service, models.Model)]
    if not services:
        return
    model = type(services[0])
    links = [
        ("categories", model.categories, "servicecategory_id", directory_cache.categories),
        ("languages", model.languages, "language_id", directory_cache.languages),
        ("populations", model.populations, "population_id", directory_cache.populations),
    ]
    organisations = {service.organisation_id: service.organisation for service in services}
    service_ids = [service.pk for service in services]
    parts = [
        descriptor.through.objects.filter(service_id__in=service_ids)
        .annotate(kind=models.Value(index, output_field=models.IntegerField()))
        .values_list("kind", "service_id", column)
        for index, (_name, descriptor, column, _cached) in enumerate(links)
    ]
    parts.append(
        Organisation.countries.through.objects.filter(organisation_id__in=list(organisations))
        .annotate(kind=models.Value(3, output_field=models.IntegerField()))
        .values_list("kind", "organisation_id", "country_id")
    )
    found = {index: {} for index in range(4)}
    for index, owner, target in parts[0].using(services[0]._state.db).union(*parts[1:], all=True).order_by():
        found[index].setdefault(owner, []).append(target)
    for index, (name, _descriptor, _column, cached) in enumerate(links):
        by_pk = {item.pk: item for item in cached()}
        ordered = {item.pk: position for position, item in enumerate(cached())}
        for service in services:
            targets = sorted(found[index].get(service.pk, []), key=lambda pk: ordered.get(pk, 0))
            _prefill(service, name, [by_pk[pk] for pk in targets if pk in by_pk])
    countries = {country.pk: country for country in directory_cache.countries()}
    for organisation in organisations.values():
        targets = found[3].get(organisation.pk, [])
        _prefill(organisation, "countries", [countries[pk] for pk in targets if pk in countries])


def _prefill(instance, name: str, objects: list) -> None:
    """What ``prefetch_related`` leaves behind: ``instance.<name>.all()`` answers from ``objects``, no query. (The
    queryset is built directly: creating the related manager to ask it cost more than the rest of the page.)"""
    model = type(instance)._meta.get_field(name).related_model
    queryset = models.QuerySet(model=model)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = queryset  # a forward many-to-many's cache name is the field's name


class ServiceQuerySet(models.QuerySet):
    _reference_data = False

    def _clone(self):
        clone = super()._clone()
        clone._reference_data = self._reference_data
        return clone

    def _fetch_all(self):
        attach = self._reference_data and self._result_cache is None
        super()._fetch_all()
        if attach:
            attach_reference_data(self._result_cache)

    def narrow_slice(self, start: int, stop: int) -> list:
        """``list(self[start:stop])`` in two steps: the ids of the slice in order first (a narrow sort over every
        match: sorting whole rows, with descriptions in four languages, was most of a broad search's time), then the
        full rows of those ids alone, with the same related data; ``search_rank`` and ``distance_km`` are copied."""
        kept = [name for name in ("search_rank", "distance_km") if name in self.query.annotations]
        rows = list(self.values_list("pk", *kept)[start:stop])
        if not rows:
            return []
        full = self.model._default_manager.db_manager(self.db).filter(pk__in=[row[0] for row in rows])
        full.query.select_related = self.query.select_related
        full._prefetch_related_lookups = self._prefetch_related_lookups
        full._reference_data = self._reference_data
        by_pk = {service.pk: service for service in full}
        page = []
        for pk, *values in rows:
            service = by_pk[pk]
            for name, value in zip(kept, values, strict=True):
                setattr(service, name, value)
            page.append(service)
        return page

    def public(self):
        """Active services of approved members."""
        return self.filter(status="active", organisation__status="approved")

    def search(self, text: str):
        """Services matching every word of ``text`` in any language; annotates ``search_rank`` (higher is better:
        a word in a name, acronym or category counts 4, in a city or country 2, in a description 1). Does not
        order. Blank text keeps every service, with ``search_rank`` 0."""
        from services.search import filter_by_text

        return filter_by_text(self, text)

    def near(self, latitude: float, longitude: float, km: float):
        """Services with a location whose search point (the city's centre unless the address is public) is within
        ``km``; annotates ``distance_km`` to the nearest one. Does not order."""
        from services.models import ServicePoint
        from services.search import bounding_box, distance_km

        try:
            latitude, longitude, km = float(latitude), float(longitude), float(km)
        except (TypeError, ValueError):
            return self.none()
        if not all(map(math.isfinite, (latitude, longitude, km))) or abs(latitude) > 90 or abs(longitude) > 180:
            return self.none()
        km = min(max(km, 0.0), MAX_RADIUS_KM)
        # Distances are computed only for the points inside the bounding box, which an index finds.
        in_box = ServicePoint.objects.filter(bounding_box(latitude, longitude, km))
        nearest = (
            in_box.filter(service_id=OuterRef("pk"))
            .annotate(distance=distance_km(latitude, longitude))
            .order_by("distance")
            .values("distance")[:1]
        )
        within = in_box.annotate(distance=distance_km(latitude, longitude)).filter(distance__lte=km)
        return self.filter(pk__in=within.values("service_id")).annotate(
            distance_km=Subquery(nearest, output_field=FloatField())
        )

    def remote(self, country):
        """Services given by phone or online by organisations working in ``country`` (a Country or ISO code)."""
        from members.models import Organisation

        works_there = Organisation.countries.through.objects.filter(country__code=_country_code(country))
        return self.filter(Q(by_phone=True) | Q(online=True), organisation_id__in=works_there.values("organisation_id"))

    def in_country(self, country):
        """Services with a location in ``country``, or, having no location, of an organisation working there."""
        from members.models import Organisation
        from services.models import ServicePoint

        code = _country_code(country)
        # IN (...) rather than EXISTS: the database builds each set once instead of probing it per service.
        located_there = ServicePoint.objects.filter(country_code=code).values("service_id")
        located = ServicePoint.objects.values("service_id")
        works_there = Organisation.countries.through.objects.filter(country__code=code).values("organisation_id")
        return self.filter(Q(pk__in=located_there) | (~Q(pk__in=located) & Q(organisation_id__in=works_there)))

    def open_at(self, moment: datetime.datetime):
        """Services open at the aware ``moment``: always open, or a location open then in its own time zone
        (opening ranges that pass midnight included)."""
        from members.models import Location, OpeningHours

        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        # Zones whose local weekday and time are the same share one condition (fewer branches for every row).
        zones_at = {}
        for zone_name in location_time_zones():
            try:
                local = moment.astimezone(zoneinfo.ZoneInfo(zone_name))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
            zones_at.setdefault((local.weekday(), local.time().replace(microsecond=0, tzinfo=None)), []).append(
                zone_name
            )
        covers = Q(pk__in=[])
        for (weekday, now), zone_names in zones_at.items():
            same_day = Q(weekday=weekday, opens__lte=now) & (Q(closes__gt=now) | Q(closes__lt=F("opens")))
            from_yesterday = Q(weekday=(weekday - 1) % 7, closes__lt=F("opens"), closes__gt=now)
            covers |= Q(location__city__time_zone__in=zone_names) & (same_day | from_yesterday)
        open_locations = Location.objects.filter(
            Q(open_24_7=True) | Q(pk__in=OpeningHours.objects.filter(covers).values("location_id"))
        )
        service_links = self.model.locations.through.objects.filter(location__in=open_locations)
        return self.filter(Q(open_24_7=True) | Q(pk__in=service_links.values("service_id")))

    def with_listing_data(self):
        """Everything a results or detail page shows, in a fixed number of queries whatever the page size."""
        from members.models import Location

        queryset = self.select_related("organisation").prefetch_related(
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("city__country").prefetch_related("opening_hours"),
            ),
        )
        # Categories, languages, populations and the organisation's countries: see attach_reference_data.
        queryset._reference_data = True
        return queryset
