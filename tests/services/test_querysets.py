"""The public directory's reads: near a place, phone and online services of a country, open now, listing data."""

import datetime
import math

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from members.models import City
from services.models import Service, ServicePoint
from services.search import location_time_zones
from tests.factories import (
    CityFactory,
    CountryFactory,
    LanguageFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    PopulationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def haversine_km(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def service_at(latitude, longitude, city=None, **location_kwargs):
    location = LocationFactory(latitude=latitude, longitude=longitude, city=city or CityFactory(), **location_kwargs)
    return ServiceFactory(organisation=location.organisation, locations=[location])


def near(latitude, longitude, km):
    return Service.objects.public().near(latitude, longitude, km)


# --- Near -------------------------------------------------------------------------------------------------------------

BOGOTA_CENTRE = (4.711, -74.0721)


def test_near_keeps_services_within_the_radius_with_their_distance():
    close = service_at(4.75, -74.05)  # about 5 km
    middle = service_at(5.5, -74.0)  # about 88 km
    far = service_at(6.24, -75.58)  # Medellín, about 240 km
    results = {service.pk: service.distance_km for service in near(*BOGOTA_CENTRE, 100)}
    assert set(results) == {close.pk, middle.pk}
    assert results[close.pk] == pytest.approx(haversine_km(BOGOTA_CENTRE, (4.75, -74.05)), rel=1e-6)
    assert results[middle.pk] == pytest.approx(haversine_km(BOGOTA_CENTRE, (5.5, -74.0)), rel=1e-6)
    assert far.pk not in {service.pk for service in near(*BOGOTA_CENTRE, 200)}
    assert far.pk in {service.pk for service in near(*BOGOTA_CENTRE, 250)}
    assert set(near(*BOGOTA_CENTRE, 4).values_list("pk", flat=True)) == set()
    assert set(near(*BOGOTA_CENTRE, 10).values_list("pk", flat=True)) == {close.pk}


def test_near_orders_nearest_first_when_asked():
    far, close, middle = service_at(5.5, -74.0), service_at(4.72, -74.07), service_at(5.0, -74.0)
    ordered = list(near(*BOGOTA_CENTRE, 200).order_by("distance_km").values_list("pk", flat=True))
    assert ordered == [close.pk, middle.pk, far.pk]


def test_near_uses_the_nearest_location_of_a_service_once():
    city = CityFactory()
    organisation = OrganisationFactory()
    nearer = LocationFactory(organisation=organisation, city=city, latitude=4.72, longitude=-74.07)
    further = LocationFactory(organisation=organisation, city=city, latitude=5.2, longitude=-74.0)
    service = ServiceFactory(organisation=organisation, locations=[further, nearer])
    results = list(near(*BOGOTA_CENTRE, 100))
    assert [s.pk for s in results] == [service.pk]
    assert results[0].distance_km == pytest.approx(haversine_km(BOGOTA_CENTRE, (4.72, -74.07)), rel=1e-6)


def test_a_confidential_location_is_measured_from_its_city_centre():
    """Its real point, planted 100 km away from the centre, is never used, so searching from several points
    cannot locate it."""
    secret = (5.6, -73.6)
    service = service_at(*secret, confidential=True, street_address="Calle secreta 1")
    assert not ServicePoint.objects.filter(latitude=secret[0]).exists()
    assert list(near(*secret, 20)) == []
    origin = (4.8, -74.2)
    [result] = near(*origin, 50)
    assert result.pk == service.pk
    assert result.distance_km == pytest.approx(haversine_km(origin, BOGOTA_CENTRE), rel=1e-6)
    assert result.distance_km != pytest.approx(haversine_km(origin, secret), rel=1e-3)


def test_a_city_only_location_is_measured_from_its_city_centre():
    service = service_at(4.9, -74.3, city_only=True)
    [result] = near(*BOGOTA_CENTRE, 1)
    assert result.pk == service.pk
    assert result.distance_km == pytest.approx(0, abs=1e-6)


def test_moving_a_location_or_making_it_confidential_moves_its_search_point():
    service = service_at(5.5, -74.0)
    location = service.locations.get()
    assert list(near(*BOGOTA_CENTRE, 10)) == []
    location.address_visibility = location.AddressVisibility.CONFIDENTIAL
    location.save()
    assert [s.pk for s in near(*BOGOTA_CENTRE, 10)] == [service.pk]
    location.address_visibility = location.AddressVisibility.PUBLIC
    location.latitude, location.longitude = 4.7, -74.07
    location.save()
    assert [s.pk for s in near(*BOGOTA_CENTRE, 10)] == [service.pk]


def test_near_across_the_antimeridian():
    fiji = CountryFactory(code="FJ", name_en="Fiji", time_zones=["Pacific/Fiji"], latitude=-17.7, longitude=178.0)
    east = CityFactory(
        country=fiji,
        name_en="East",
        name_es="Este",
        administrative_area="",
        latitude=-17.0,
        longitude=179.9,
        time_zone="Pacific/Fiji",
    )
    west = CityFactory(
        country=fiji,
        name_en="West",
        name_es="Oeste",
        administrative_area="",
        latitude=-17.0,
        longitude=-179.9,
        time_zone="Pacific/Fiji",
    )
    a = service_at(-17.0, 179.9, city=east)
    b = service_at(-17.0, -179.9, city=west)
    assert {s.pk for s in near(-17.0, 179.95, 50)} == {a.pk, b.pk}
    assert {s.pk for s in near(-17.0, -179.95, 50)} == {a.pk, b.pk}


def test_near_without_locations_or_with_odd_numbers():
    ServiceFactory(in_person=False, by_phone=True)
    service_at(4.72, -74.07)
    assert list(near(*BOGOTA_CENTRE, 0)) == []
    assert list(near(float("nan"), 0, 10)) == []
    assert list(near(95, 0, 10)) == []
    assert len(near(*BOGOTA_CENTRE, 10**9)) == 1  # capped at the Earth's size
    assert len(near(89.99, 0, 200)) == 0


def test_near_never_returns_non_public_services():
    service_at(4.72, -74.07, organisation=OrganisationFactory(pending=True))
    assert list(near(*BOGOTA_CENTRE, 50)) == []


def test_near_combines_with_search():
    legal = service_at(4.72, -74.07)
    ServiceFactory(name_es="Refugio", description_es="", categories=[], locations=[legal.locations.get()])
    results = near(*BOGOTA_CENTRE, 50).search("legal aid")
    assert [s.pk for s in results] == [legal.pk]
    assert results[0].search_rank > 0 and results[0].distance_km > 0


# --- Remote and country -------------------------------------------------------------------------------------------


def test_remote_lists_phone_and_online_services_of_organisations_working_in_the_country():
    colombia = CountryFactory()
    peru = CountryFactory(code="PE", name_en="Peru", time_zones=["America/Lima"])
    hotline = ServiceFactory(in_person=False, by_phone=True)
    chat = ServiceFactory(in_person=False, online=True)
    ServiceFactory()  # in person only
    ServiceFactory(in_person=False, by_phone=True, organisation=OrganisationFactory(countries=[peru]))
    assert set(Service.objects.public().remote(colombia).values_list("pk", flat=True)) == {hotline.pk, chat.pk}
    assert set(Service.objects.public().remote("co").values_list("pk", flat=True)) == {hotline.pk, chat.pk}
    assert set(Service.objects.public().remote("XX")) == set()


def test_in_country_uses_locations_or_else_the_organisation_countries():
    colombia = CountryFactory()
    peru = CountryFactory(code="PE", name_en="Peru", time_zones=["America/Lima"], latitude=-12, longitude=-77)
    lima = CityFactory(country=peru, name_en="Lima", latitude=-12.05, longitude=-77.04, time_zone="America/Lima")
    in_bogota = service_at(4.6, -74.07)
    in_lima = service_at(-12.05, -77.04, city=lima)  # its organisation works in Colombia (the factory default)
    remote = ServiceFactory(in_person=False, by_phone=True)
    assert set(Service.objects.in_country(colombia).values_list("pk", flat=True)) == {in_bogota.pk, remote.pk}
    assert set(Service.objects.in_country("PE").values_list("pk", flat=True)) == {in_lima.pk}


# --- Open at ------------------------------------------------------------------------------------------------------

MONDAY = datetime.date(2026, 11, 30)


def at_utc(day, hour, minute=0):
    return datetime.datetime.combine(MONDAY + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=UTC)


@pytest.fixture
def jakarta():
    indonesia = CountryFactory(code="ID", name_en="Indonesia", time_zones=["Asia/Jakarta"], latitude=-2, longitude=118)
    return CityFactory(country=indonesia, name_en="Jakarta", latitude=-6.2, longitude=106.8, time_zone="Asia/Jakarta")


def open_ids(moment):
    return set(Service.objects.public().open_at(moment).values_list("pk", flat=True))


def test_open_at_reads_each_location_in_its_own_time_zone(jakarta):
    bogota_service = service_at(4.6, -74.07)
    OpeningHoursFactory(location=bogota_service.locations.get(), weekday=0, opens="09:00", closes="17:00")
    jakarta_service = service_at(-6.2, 106.8, city=jakarta)
    OpeningHoursFactory(location=jakarta_service.locations.get(), weekday=0, opens="09:00", closes="17:00")
    # Monday 03:00 UTC: 10:00 in Jakarta, Sunday 22:00 in Bogotá.
    assert open_ids(at_utc(0, 3)) == {jakarta_service.pk}
    # Monday 15:00 UTC: 10:00 in Bogotá, 22:00 in Jakarta.
    assert open_ids(at_utc(0, 15)) == {bogota_service.pk}
    # Closing time is exclusive, opening time inclusive.
    assert open_ids(at_utc(0, 14)) == {bogota_service.pk}
    assert open_ids(at_utc(0, 22)) == set()
    # The same moment in another time zone's notation gives the same answer.
    assert open_ids(at_utc(0, 15).astimezone(datetime.timezone(datetime.timedelta(hours=7)))) == {bogota_service.pk}


def test_open_at_ranges_passing_midnight(jakarta):
    night = service_at(-6.2, 106.8, city=jakarta)
    OpeningHoursFactory(location=night.locations.get(), weekday=0, opens="20:00", closes="02:00")
    assert open_ids(at_utc(0, 12, 59)) == set()  # Monday 19:59 in Jakarta
    assert open_ids(at_utc(0, 13)) == {night.pk}  # Monday 20:00
    assert open_ids(at_utc(0, 18, 30)) == {night.pk}  # Tuesday 01:30, from Monday's range
    assert open_ids(at_utc(0, 19)) == set()  # Tuesday 02:00
    assert open_ids(at_utc(1, 13)) == set()  # Tuesday 20:00: no range on Tuesday


def test_open_at_sunday_range_passing_midnight_into_monday():
    late = service_at(4.6, -74.07)
    OpeningHoursFactory(location=late.locations.get(), weekday=6, opens="22:00", closes="06:00")
    assert open_ids(at_utc(0, 10)) == {late.pk}  # Monday 05:00 in Bogotá
    assert open_ids(at_utc(0, 11)) == set()  # Monday 06:00


def test_open_at_always_open_services_and_locations():
    hotline = ServiceFactory(in_person=False, by_phone=True, open_24_7=True)
    shelter = service_at(4.6, -74.07, open_24_7=True)
    service_at(4.6, -74.07)  # no hours: closed
    assert open_ids(at_utc(2, 3)) == {hotline.pk, shelter.pk}


def test_open_at_sees_a_time_zone_added_after_the_list_was_cached(jakarta):
    service_at(4.6, -74.07)
    assert location_time_zones() == ["America/Bogota"]
    night = service_at(-6.2, 106.8, city=jakarta)
    OpeningHoursFactory(location=night.locations.get(), weekday=0, opens="09:00", closes="17:00")
    assert open_ids(at_utc(0, 3)) == {night.pk}
    assert City.objects.count() == 2


def test_open_at_never_returns_non_public_services():
    service = service_at(4.6, -74.07, open_24_7=True)
    service.status = Service.Status.PAUSED
    service.save()
    assert open_ids(at_utc(0, 15)) == set()


def test_open_at_pages_in_name_order_check_their_rows_one_by_one_with_the_same_rows_as_the_list():
    """A page in name order checks each row it reads for a location open by its spans (PostgreSQL: ``EXISTS``, kept
    a check per row), where counts and other orders list the open services once (``IN``): the same rows either way,
    a location of several services, another of several spans, a closed one and one open all day among them."""
    from django.test.utils import CaptureQueriesContext

    from services.models import ServiceSearchDocument

    bogota = CityFactory()
    shared = LocationFactory(city=bogota)
    OpeningHoursFactory(location=shared, weekday=0, opens="09:00", closes="12:00")
    OpeningHoursFactory(location=shared, weekday=0, opens="14:00", closes="18:00")
    services = [ServiceFactory(name_es=f"Servicio {number:02d}", locations=[shared]) for number in range(4)]
    closed = LocationFactory(city=bogota)
    OpeningHoursFactory(location=closed, weekday=1, opens="09:00", closes="17:00")
    services += [ServiceFactory(name_es=f"Servicio {number:02d}", locations=[closed]) for number in range(4, 7)]
    services.append(ServiceFactory(name_es="Servicio 07", locations=[closed, shared]))
    services.append(ServiceFactory(name_es="Servicio 08", locations=[LocationFactory(city=bogota, open_24_7=True)]))
    for moment in (at_utc(0, 15), at_utc(0, 17, 30), at_utc(1, 15)):  # Monday 10:00, 12:30; Tuesday 10:00 in Bogotá
        documents = ServiceSearchDocument.objects.public().open_at(moment).order_by("sort_name_es", "pk")
        listed = list(documents.values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as queries:
            pages = [list(documents.values_list("pk", flat=True)[start : start + 2]) for start in range(0, 10, 2)]
        assert [pk for page in pages for pk in page] == listed
        assert listed == sorted(listed, key=lambda pk: next(s.name_es for s in services if s.pk == pk))
        per_row = connection.vendor == "postgresql"
        assert all(("EXISTS" in query["sql"]) == per_row for query in queries)
    assert set(listed) == {services[number].pk for number in (4, 5, 6, 7, 8)}  # Tuesday: the other location


@pytest.mark.parametrize("limit", [3, 1000], ids=["open ones beyond the limit", "below it"])
def test_open_now_counted_with_its_page_reads_the_plain_ways_pages_and_counts(monkeypatch, limit):
    """When the services always open do not reach the count's limit, open now counts the open ones up to it and, when
    fewer, sorts the page from them in the same statement (``open_slice_with_count``, on PostgreSQL): every page and
    count is the plain way's, below the limit and beyond it (the page then read on its own)."""
    from unittest import mock

    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from services import search
    from services.filters import ServiceFilter

    monkeypatch.setattr(search.CappedPaginator, "count_limit", limit)
    bogota = CityFactory()
    for number in range(2):
        ServiceFactory(name_en=f"Always {number}", locations=[LocationFactory(city=bogota, open_24_7=True)])
    for number in range(7):
        location = LocationFactory(city=bogota)
        OpeningHoursFactory(location=location, weekday=0 if number < 5 else 1, opens="09:00", closes="17:00")
        ServiceFactory(name_en=f"Hours {number}", locations=[location])

    def read():
        pages, statements = [], []
        for number in range(1, 6):
            paginator = search.CappedPaginator(ServiceFilter(QueryDict("open_now=on")).qs, 2)
            with CaptureQueriesContext(connection) as queries:
                page = paginator.get_page(number)
                pages.append(([service.pk for service in page], paginator.count))
            statements.append([query["sql"] for query in queries])
        return pages, statements

    with mock.patch("django.utils.timezone.now", return_value=at_utc(0, 15)):  # Monday 10:00 in Bogotá
        fast, statements = read()
        with search.plain_way():
            plain = read()[0]
    assert fast == plain
    assert {count for _pks, count in fast} == {min(7, limit)}
    if connection.vendor == "postgresql" and limit > 7:
        first = statements[0]
        assert sum("OVER ()" in sql for sql in first) == 1  # the page with the count
        assert sum(sql.startswith("SELECT COUNT(*)") for sql in first) == 1  # the services always open


# --- Listing data -------------------------------------------------------------------------------------------------


def make_listing(n):
    parent = ServiceCategoryFactory(slug="protection", name_en="Protection")
    category = ServiceCategoryFactory(slug=f"legal-{n}", name_en=f"Legal {n}", parent=parent)
    location = LocationFactory()
    OpeningHoursFactory(location=location)
    service = ServiceFactory(organisation=location.organisation, locations=[location], categories=[category])
    service.languages.add(LanguageFactory())
    service.populations.add(PopulationFactory())


def read_everything(services):
    for service in services:
        str(service.organisation)
        [str(country) for country in service.organisation.countries.all()]
        [str(category) for category in service.categories.all()]
        [str(language) for language in service.languages.all()]
        [str(population) for population in service.populations.all()]
        for location in service.locations.all():
            location.public_address  # noqa: B018
            location.search_point  # noqa: B018
            [str(hours) for hours in location.opening_hours.all()]


def warm_reference_cache():
    """Categories, languages, populations and countries come from ``services.cache`` once it is filled."""
    read_everything(Service.objects.public().with_listing_data()[:1])


@pytest.mark.parametrize("count", [1, 20])
def test_with_listing_data_costs_a_fixed_number_of_queries(count, django_assert_max_num_queries):
    for n in range(count):
        make_listing(n)
    warm_reference_cache()
    # The services, their locations, the locations' opening hours, and the four link tables in one query.
    with django_assert_max_num_queries(4):
        read_everything(Service.objects.public().with_listing_data().order_by("pk")[:20])


def test_with_listing_data_reads_locations_hours_and_channels_as_the_orm_reads_them():
    from members.models import Location, OpeningHours
    from services.models import ContactChannel
    from services.querysets import attach_card_channels
    from tests.factories import ContactChannelFactory

    for n in range(3):
        make_listing(n)
    service = Service.objects.order_by("pk").first()
    ContactChannelFactory(service=service)
    ContactChannelFactory(service=None, location=service.locations.get())

    def values(instance):
        return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}

    services = list(Service.objects.public().with_listing_data().order_by("pk"))
    attach_card_channels(services)
    for read in services:
        locations = list(read.locations.all())
        assert [values(location) for location in locations] == [
            values(location) for location in Location.objects.filter(services=read).order_by("pk")
        ]
        for location in locations:
            assert not location._state.adding and location._state.db == "default"
            assert [values(hours) for hours in location.opening_hours.all()] == [
                values(hours)
                for hours in OpeningHours.objects.filter(location=location).order_by("weekday", "opens", "pk")
            ]
        channels = ContactChannel.objects.order_by("order", "pk")
        expected = [*channels.filter(service=read), *channels.filter(location__in=locations)]
        assert [values(channel) for channel in read.card_channels] == [values(channel) for channel in expected]
    assert any(read.card_channels for read in services)


@pytest.mark.parametrize("query", ["q=legal", "q=legal&sort=name", "q=legal&near={city}&radius=200", "country=CO"])
def test_a_searchs_services_counted_and_listed_the_plain_way_are_those_its_pages_read(query):
    """The services a search chose (``from_index``) are narrowed to the documents' ids only in the statements that
    read them the plain way (a count, ``values_list``): the same services as the pages read from the documents."""
    from django.http import QueryDict

    from services import search
    from services.filters import ServiceFilter

    for n in range(4):
        make_listing(n)
    city = Service.objects.first().locations.get().city
    services = ServiceFilter(QueryDict(query.format(city=city.pk))).qs
    paginator = search.CappedPaginator(services, 2)
    paged = [service.pk for number in paginator.page_range for service in paginator.get_page(number)]
    assert paged
    assert services.count() == len(paged)
    assert list(services.values_list("pk", flat=True)) == paged
    assert sorted(services.order_by("pk").values_list("pk", flat=True)) == sorted(paged)


def test_with_listing_data_combines_with_search_and_near(django_assert_max_num_queries):
    for n in range(5):
        make_listing(n)
    warm_reference_cache()
    # PostgreSQL looks the query word up among the documents' words first (services.search.expand_words).
    with django_assert_max_num_queries(5 if connection.vendor == "postgresql" else 4):
        results = (
            Service.objects.public()
            .search("legal")
            .near(4.6, -74.07, 50)
            .with_listing_data()
            .order_by("-search_rank", "distance_km", "pk")[:20]
        )
        read_everything(results)
        assert len(results) == 5


# --- Near, with words or filters: the cells around the place --------------------------------------------------------


def point_at(origin, km, bearing_degrees):
    """The point ``km`` from ``origin`` in the direction ``bearing_degrees`` (on the same sphere as the search)."""
    latitude, longitude = map(math.radians, origin)
    angle, bearing = km / 6371.0088, math.radians(bearing_degrees)
    end_latitude = math.asin(
        math.sin(latitude) * math.cos(angle) + math.cos(latitude) * math.sin(angle) * math.cos(bearing)
    )
    end_longitude = longitude + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(latitude),
        math.cos(angle) - math.sin(latitude) * math.sin(end_latitude),
    )
    return math.degrees(end_latitude), (math.degrees(end_longitude) + 540) % 360 - 180


@given(
    latitude=st.floats(-85, 85),
    longitude=st.floats(-180, 180),
    km=st.floats(0.5, 400),
    share=st.floats(0, 0.999),
    bearing=st.floats(0, 360),
)
@settings(max_examples=300, deadline=None)
def test_the_cells_around_a_place_hold_every_point_within_the_radius(latitude, longitude, km, share, bearing):
    from services.search import MAX_CELLS, cell, cells_around

    cells = cells_around(latitude, longitude, km)
    if cells is None:  # a pole or too many cells: the search uses the points alone
        return
    assert len(cells) <= MAX_CELLS and len(set(cells)) == len(cells)
    assert cell(*point_at((latitude, longitude), km * share, bearing)) in cells


def test_cells_across_the_antimeridian_and_none_near_a_pole():
    from services.search import cell, cells_around

    assert cell(-17.0, 179.9) in cells_around(-17.0, -179.95, 50)
    assert cell(-17.0, -179.9) in cells_around(-17.0, 179.95, 50)
    assert cell(0, 180) == cell(0, -180)
    assert cells_around(89.9, 0, 50) is None
    assert cells_around(*BOGOTA_CENTRE, 2000) is None


def test_a_document_has_the_cell_of_each_search_point_never_of_a_confidential_address():
    from services.models import ServiceSearchDocument
    from services.search import cell, facet

    secret = (5.6, -73.6)  # the city is Bogotá, its centre about 100 km away
    hidden = service_at(*secret, confidential=True, street_address="Calle secreta 1")
    shown = service_at(-12.05, -77.04)
    cells = {
        service.pk: {word for word in ServiceSearchDocument.objects.get(pk=service.pk).facets.split() if "cell" in word}
        for service in (hidden, shown)
    }
    assert cells[hidden.pk] == {facet("cell", cell(*BOGOTA_CENTRE))} != {facet("cell", cell(*secret))}
    assert cells[shown.pk] == {facet("cell", cell(-12.05, -77.04))}


@pytest.mark.parametrize("km", [1, 30, 60, 300])
def test_near_with_words_or_filters_finds_what_the_points_alone_find(km):
    """Near a place with words or filters the text index narrows by cells first: the same services, distances and
    order as measuring every point, at the cells' edges (every 0.5 degrees) and across the antimeridian too."""
    population = PopulationFactory()
    places = [(4.5 + 0.1 * step, -74.6 + 0.13 * step) for step in range(12)]  # across the edges near 4.5° and -74.5°
    places += [(4.49999, -74.50001), (4.50001, -74.49999), (-17.0, 179.99), (-17.0, -179.99)]
    for latitude, longitude in places:
        service = service_at(latitude, longitude)
        service.populations.add(population)
    for origin in [(4.5, -74.5), BOGOTA_CENTRE, (-17.0, 179.999), (-17.0, -179.999)]:
        measured = list(
            near(*origin, km)
            .filter(search_document__facets__contains="=population=")
            .order_by("distance_km", "pk")
            .values_list("pk", "distance_km")
        )
        by_words = list(
            Service.objects.public()
            .search("legal")
            .near(*origin, km)
            .order_by("distance_km", "pk")
            .values_list("pk", "distance_km")
        )
        by_filter = list(
            Service.objects.public()
            .for_population(population)
            .near(*origin, km)
            .order_by("distance_km", "pk")
            .values_list("pk", "distance_km")
        )
        assert by_words == measured and by_filter == measured, origin
        expected = sorted(pk for pk, _km in measured)
        within = sorted(
            service.pk
            for service in Service.objects.public()
            if any(haversine_km(origin, (point.latitude, point.longitude)) <= km for point in service.points.all())
        )
        assert expected == within, origin


@pytest.mark.parametrize("sort", ["distance", "relevance", "name"])
def test_a_page_near_a_place_with_words_measures_each_match_once_and_is_the_page_of_measuring_every_match(sort):
    """Near a place with words or filters, a page and the number of all the matches come from one statement that
    measures each match's distance once (``ServiceQuerySet._measured_once``): the same pages and count as ordering
    every match, ties and matches just outside the circle included."""
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from services.filters import ServiceFilter
    from services.search import CappedPaginator

    population = PopulationFactory()
    bogota = CityFactory()
    places = [(4.711, -74.0721)] * 3 + [(4.711 + 0.02 * step, -74.0721 - 0.015 * step) for step in range(1, 12)]
    for number, (latitude, longitude) in enumerate(places):  # 0 to 30 km; 10 km apart on their own
        words = {"name_es": f"Asesoría legal {number:02d}"} if number % 3 else {"description_es": "Asesoría legal."}
        service = service_at(latitude, longitude, city=bogota, **({} if number < 3 else {"street_address": "Calle"}))
        Service.objects.filter(pk=service.pk).update(**words)
        service.refresh_from_db()
        service.save()
        service.populations.add(population)
    service_at(4.72, -74.07, city=bogota).populations.add(population)  # no word
    service_at(4.711, -74.0721, city=bogota)  # not for the population
    query = QueryDict(f"near={bogota.pk}&radius=20&q=legal&population={population.code}&sort={sort}")
    ordered = list(ServiceFilter(query).qs.values_list("pk", flat=True))  # every match measured and ordered
    assert 6 < len(ordered) < len(places)  # some just outside the radius, within the cells around it
    for number in range(1, 4):
        paginator = CappedPaginator(ServiceFilter(query).qs.with_listing_data(), 4)
        with CaptureQueriesContext(connection) as queries:
            shown = [service.pk for service in paginator.page(number)]
        assert shown == ordered[(number - 1) * 4 : number * 4]
        assert paginator.count == len(ordered)
        (page,) = [query["sql"] for query in queries if "OVER ()" in query["sql"]]
        assert page.count("ASIN(") == 1  # each match measured once


def test_open_now_is_counted_from_the_services_always_open_when_they_reach_the_limit():
    """``count_up_to`` tries the always-open services alone first (no opening hours read): when they reach the
    limit, so do the open ones; otherwise every open one is counted."""
    from django.test.utils import CaptureQueriesContext

    from services.models import ServiceSearchDocument
    from services.search import count_up_to

    always = [service_at(4.6, -74.07, open_24_7=True) for _number in range(3)]
    by_hours = [service_at(4.6, -74.07) for _number in range(2)]
    for service in by_hours:
        OpeningHoursFactory(location=service.locations.get(), weekday=0, opens="09:00", closes="17:00")
    service_at(4.6, -74.07)  # never open
    moment = at_utc(0, 15)  # Monday 10:00 in Bogotá
    assert open_ids(moment) == {service.pk for service in always + by_hours}

    def count(limit):
        documents = ServiceSearchDocument.objects.public().open_at(moment)
        with CaptureQueriesContext(connection) as queries:
            counted = count_up_to(documents, limit)
        return counted, [query["sql"] for query in queries]

    counted, statements = count(3)
    assert counted == 3 and len(statements) == 1 and "openingspan" not in statements[0]
    counted, statements = count(4)  # three always open: the open ones are counted too
    assert counted == 4 and len(statements) == 2 and "openingspan" in statements[1]
    assert count(10)[0] == 5


def test_the_phone_and_online_list_near_a_place_checks_its_rows_in_order_until_the_slice_is_full():
    """Beside results near a place with words or filters, the phone and online services with no location in the
    circle are found by checking the matches in name order, one by one (``far_rows``), not by listing every point in
    the circle first: the same rows, page by page."""
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from services.filters import ServiceFilter
    from tests.services import directory_data as data

    bogota, medellin = data.bogota(), data.medellin()
    lines = []
    for number in range(8):
        line = data.hotline(name_en=f"Quarvilo line {number:02d}", name_es=f"Línea quarvilo {number:02d}")
        if number in (1, 4, 5):  # in the circle: among the results
            line.locations.add(
                LocationFactory(organisation=line.organisation, city=bogota, latitude=4.7, longitude=-74.07)
            )
        if number in (2, 6):  # far from it
            line.locations.add(
                LocationFactory(organisation=line.organisation, city=medellin, latitude=6.2442, longitude=-75.5812)
            )
        line.save()
        lines.append(line)
    data.hotline(name_en="Listening line", name_es="Línea de escucha")  # without the (made-up) word
    with translation.override("en"):
        filterset = ServiceFilter(QueryDict(f"near={bogota.pk}&radius=25&q=quarvilo"))
        remote = filterset.remote_queryset()
        expected = [lines[number].pk for number in (0, 2, 3, 6, 7)]
        assert [service.pk for service in filterset.qs] == [lines[number].pk for number in (1, 4, 5)]
        for start in (0, 2, 4):
            with CaptureQueriesContext(connection) as queries:
                shown = [service.pk for service in remote.narrow_slice(start, start + 2)]
            assert shown == expected[start : start + 2]
            assert "CASE WHEN EXISTS" in queries.captured_queries[0]["sql"]
