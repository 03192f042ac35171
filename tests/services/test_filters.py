"""The directory's filters: each narrows the results, they combine, and a value that cannot be used is explained
and left out while the rest of the search still works."""

import contextlib
import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone, translation

from members.models import Organisation
from rssn.languages import best_translation
from services import cache as directory_cache
from services.filters import ServiceFilter
from services.models import Service
from tests.factories import (
    CityFactory,
    CountryFactory,
    LanguageFactory,
    LocationFactory,
    OrganisationFactory,
    PopulationFactory,
    ServiceFactory,
)
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services import directory_data as data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, listings=data.one_listing_of_each_kind)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def found(query: str) -> list[int]:
    return list(ServiceFilter(QueryDict(query)).qs.values_list("pk", flat=True))


def notes(query: str) -> list[str]:
    return ServiceFilter(QueryDict(query)).notes


listings = rows_fixture()


def test_no_parameters_lists_every_public_service_by_name(listings):
    ServiceFactory(organisation__status=Organisation.Status.SUSPENDED)
    ServiceFactory(status=Service.Status.PAUSED)
    names = [best_translation(Service.objects.get(pk=pk), "name").value.lower() for pk in found("")]
    assert names == sorted(names)
    assert names[0] == "advice line"  # English first, then its fallbacks: "Apoyo psicosocial" is only in Spanish
    assert set(found("")) == {listing.pk for listing in listings.values()}


def test_text_uses_the_search_engine(listings):
    # Both words in the name rank above one in the name and one in the description.
    assert found("q=orientacion+gratuita") == [listings["public"].pk, listings["hotline"].pk]
    assert found("q=refugio") == [listings["confidential"].pk]


def test_each_filterset_has_filters_of_its_own_whose_methods_are_its_own(listings):
    first, second = ServiceFilter(QueryDict("q=refugio")), ServiceFilter(QueryDict("q=orientacion+gratuita"))
    for filterset in (first, second):
        for name, declared in ServiceFilter.base_filters.items():
            copied = filterset.filters[name]
            assert copied is not declared and copied.parent is filterset
            if declared.method is not None:
                assert copied.filter.f is copied  # the named method is looked up on this filterset
    assert not hasattr(ServiceFilter.base_filters["q"], "parent")
    assert list(first.qs.values_list("pk", flat=True)) == [listings["confidential"].pk]
    assert list(second.qs.values_list("pk", flat=True)) == [listings["public"].pk, listings["hotline"].pk]


def test_each_form_has_choice_fields_of_its_own_that_share_the_unread_queryset(listings):
    first, second = ServiceFilter(QueryDict("category=nothing-1")), ServiceFilter(QueryDict("category=nothing-2"))
    assert first.is_valid() and second.is_valid()
    assert first.form.fields["category"].unknown == ["nothing-1"]
    assert second.form.fields["category"].unknown == ["nothing-2"]
    declared = type(first.form).base_fields
    for name in ("country", "city", "category", "population", "language", "reaches"):
        field = first.form.fields[name]
        assert field is not second.form.fields[name] and field is not declared[name]
        assert field.widget.choices.field is field  # its choices are its own, read from the cache
        assert field.queryset is declared[name].queryset  # never read: shared, not cloned for every form
    assert [value for value, _label in first.form.fields["country"].widget.choices][1:] == [
        country.code for country in directory_cache.countries()
    ]


def test_country_by_iso_code_in_any_case(listings):
    peru = CountryFactory(code="PE", name_en="Peru", latitude=-12.0, longitude=-77.0)
    lima = CityFactory(country=peru, name_en="Lima", latitude=-12.04, longitude=-77.04, time_zone="America/Lima")
    in_lima = ServiceFactory(locations=[LocationFactory(city=lima, latitude=-12.05, longitude=-77.03)])
    assert found("country=PE") == [in_lima.pk]
    assert found("country=pe") == [in_lima.pk]
    assert in_lima.pk not in found("country=CO")


def test_city(listings):
    medellin = data.medellin()
    assert found(f"city={medellin.pk}") == [listings["city_only"].pk]


def test_a_main_category_also_finds_its_subcategories(listings):
    family = ServiceFactory(name_es="Derecho de familia", categories=[data.family_law()])
    assert set(found("category=legal-aid")) == {
        listings["public"].pk,
        listings["city_only"].pk,
        listings["hotline"].pk,
        family.pk,
    }
    assert found("category=family-law") == [family.pk]
    assert set(found("category=family-law&category=shelter")) == {family.pk, listings["confidential"].pk}


def test_population_language_and_delivery_mode(listings):
    assert found("population=women") == [listings["public"].pk]
    assert found("language=es") == [listings["public"].pk]
    assert found("language=ES") == [listings["public"].pk]
    other = ServiceFactory(name_es="Atención en wayuunaiki")
    other.languages.add(LanguageFactory(code="guc", name_en="Wayuunaiki"))
    other.populations.add(PopulationFactory(code="indigenous", name_en="Indigenous peoples"))
    assert found("language=guc") == [other.pk]
    assert found("mode=by_phone") == [listings["hotline"].pk]


def test_free_only(listings):
    paid = ServiceFactory(cost=Service.Cost.PAID)
    assert paid.pk not in found("free=on")
    assert paid.pk in found("")


def test_open_now_uses_the_locations_own_time_zone(listings):
    # Monday 10:00 in Bogotá is 15:00 UTC; the public listing opens Monday to Friday 9–17 in Bogotá.
    monday_morning_in_bogota = datetime.datetime(2026, 11, 30, 15, 0, tzinfo=datetime.UTC)
    sunday = datetime.datetime(2026, 11, 29, 15, 0, tzinfo=datetime.UTC)
    location = listings["public"].locations.get()
    assert location.is_open_at(monday_morning_in_bogota)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: monday_morning_in_bogota)
        assert listings["public"].pk in found("open_now=on")
        patch.setattr(timezone, "now", lambda: sunday)
        open_sunday = found("open_now=on")
    assert listings["public"].pk not in open_sunday
    assert listings["confidential"].pk in open_sunday  # open 24/7
    assert listings["city_only"].pk not in open_sunday  # no hours given


def test_every_public_service_near_a_place_is_read_from_the_points_in_the_order_of_measuring_each_one(
    listings, monkeypatch
):
    """Near a place without words or filters, the nearest rows come from the public points grouped by service
    (``nearest_public_first``): the same rows, distances and order (distance, the page language's name, the id) as
    measuring each document's points."""
    from members.models import Location
    from services import search

    bogota = data.bogota()
    for number in range(24):
        confidential = LocationFactory(city=bogota, address_visibility=Location.AddressVisibility.CONFIDENTIAL)
        near_by = LocationFactory(city=bogota, latitude=4.712 + number / 2000, longitude=-74.07)
        ServiceFactory(
            name_es=f"Centro {number:02d}",
            name_en=f"Centre {23 - number:02d}" if number % 3 else "",  # another order in English, and fallbacks
            locations=[confidential, near_by] if number % 2 else [near_by],
        )
    paused = ServiceFactory(name_es="Centro en pausa", locations=[LocationFactory(city=bogota)])
    paused.status = Service.Status.PAUSED
    paused.save()

    def rows(language, start, fast):
        with translation.override(language), contextlib.ExitStack() as stack:
            if not fast:
                stack.enter_context(search.plain_way("nearest_public_first"))
            index = ServiceFilter(QueryDict(f"near={bogota.pk}&radius=32")).qs._index
            found_rows = search.nearest_first(index, start, start + 10)
            # The public points alone gave the rows, and said how many the small circle holds.
            assert (getattr(index, "nearest_total", None) is not None) == fast
        return found_rows

    for language in ("es", "en"):
        for start in (0, 10):
            fast, measured = rows(language, start, True), rows(language, start, False)
            assert [row[0] for row in fast] == [row[0] for row in measured]
            assert [row[1] for row in fast] == pytest.approx([row[1] for row in measured])
            assert paused.pk not in [row[0] for row in fast]
    assert rows("es", 0, True) != rows("en", 0, True)


def test_open_24_7_counts_the_service_or_one_of_its_locations(listings):
    location_always_open = LocationFactory(open_24_7=True)
    at_location = ServiceFactory(locations=[location_always_open])
    assert set(found("open_24_7=1")) == {listings["confidential"].pk, listings["hotline"].pk, at_location.pk}


def test_near_a_city_orders_by_distance_within_the_radius(listings):
    bogota = data.bogota()
    assert found(f"near={bogota.pk}") == [listings["confidential"].pk, listings["public"].pk]
    # Medellín is about 240 km from Bogotá.
    assert listings["city_only"].pk not in found(f"near={bogota.pk}&radius=200")
    medellin = data.medellin()
    assert found(f"near={medellin.pk}&radius=5") == [listings["city_only"].pk]


def test_a_page_near_a_place_is_looked_for_close_by_first_and_is_the_same_page(listings):
    from members.models import Location
    from services import search
    from services.search import CappedPaginator

    bogota = data.bogota()
    for number in range(25):
        confidential = LocationFactory(city=bogota, address_visibility=Location.AddressVisibility.CONFIDENTIAL)
        ServiceFactory(name_es=f"Centro {number:02d}", locations=[confidential])  # measured from the city's centre
    filterset = ServiceFilter(QueryDict(f"near={bogota.pk}"))
    ordered = list(filterset.qs.values_list("pk", flat=True))  # every match measured and ordered in SQL
    assert len(ordered) == 27  # and the public listing, 12 km away, last
    index = filterset.qs._index
    assert [row[0] for row in search.nearest_first(index, 0, 20)] == ordered[:20]
    assert search.nearest_first(index, 20, 40) is None  # 26 at the centre: not enough for a second page
    paginator = CappedPaginator(filterset.qs.with_listing_data(), 20)
    assert [service.pk for service in paginator.page(1)] == ordered[:20]
    assert paginator.count == 27
    second = CappedPaginator(filterset.qs.with_listing_data(), 20)
    assert [service.pk for service in second.page(2)] == ordered[20:]


def test_a_count_near_a_place_is_of_its_public_services_each_counted_once(listings):
    from members.models import Location
    from services.search import CappedPaginator

    bogota = data.bogota()
    confidential = Location.AddressVisibility.CONFIDENTIAL
    for number in range(22):
        ServiceFactory(
            name_es=f"Centro {number:02d}", locations=[LocationFactory(city=bogota, address_visibility=confidential)]
        )
    two_places = [LocationFactory(city=bogota, address_visibility=confidential) for _place in range(2)]
    ServiceFactory(name_es="Dos sedes", locations=two_places)
    ServiceFactory(name_es="En pausa", status=Service.Status.PAUSED, locations=two_places)
    for _number in range(3):
        pending = OrganisationFactory(status=Organisation.Status.UNDER_REVIEW)
        ServiceFactory(organisation=pending, locations=[LocationFactory(organisation=pending, city=bogota)])
    filterset = ServiceFilter(QueryDict(f"near={bogota.pk}"))
    paginator = CappedPaginator(filterset.qs.with_listing_data(), 20)
    assert len(paginator.page(1)) == 20  # found close by: the count is made on its own
    assert paginator.count == 25 == len(filterset.qs.values_list("pk", flat=True))  # and the two listings


def test_near_me_is_rounded_to_about_a_kilometre(listings):
    filterset = ServiceFilter(QueryDict("lat=4.711234&lon=-74.072199"))
    assert (filterset.place.latitude, filterset.place.longitude) == (4.71, -74.07)
    assert filterset.place.country.code == "CO"
    assert filterset.sort_order == "distance"
    assert set(filterset.qs.values_list("pk", flat=True)) == {listings["confidential"].pk, listings["public"].pk}


def test_remote_section_lists_phone_and_online_services_covering_the_country(listings):
    filterset = ServiceFilter(QueryDict(f"near={data.bogota().pk}"))
    assert list(filterset.remote_queryset()) == [listings["hotline"]]


def test_remote_section_leaves_out_the_services_with_a_place_within_the_radius(listings):
    """They are among the results near the place already; one whose place is beyond the radius is not."""
    bogota, medellin = data.bogota(), data.medellin()  # about 240 km apart
    inside = data.hotline(name_en="Inside line", name_es="Línea dentro")
    inside.locations.set([LocationFactory(organisation=inside.organisation, city=bogota)])
    beyond = data.hotline(name_en="Beyond line", name_es="Línea fuera")
    beyond.locations.set([LocationFactory(organisation=beyond.organisation, city=medellin, city_only=True)])
    for other in ("", "&free=on"):  # alone, they are many in name order; with a filter, found by the text index
        remote = set(ServiceFilter(QueryDict(f"near={bogota.pk}&radius=50{other}")).remote_queryset())
        assert remote == {listings["hotline"], beyond}
        assert inside in set(ServiceFilter(QueryDict(f"near={bogota.pk}&radius=50{other}")).qs)
        # The inside line's public address is about 12 km from the centre.
        nearer = set(ServiceFilter(QueryDict(f"near={bogota.pk}&radius=5{other}")).remote_queryset())
        assert nearer == {*remote, inside}


def test_remote_section_is_in_name_order_with_or_without_other_filters(listings):
    for name, cost in (
        ("Zeta line", Service.Cost.FREE),
        ("Alfa line", Service.Cost.PAID),
        ("Mu line", Service.Cost.FREE),
    ):
        data.hotline(name_en=name, name_es=name, cost=cost)
    expected = ["Advice line", "Alfa line", "Mu line", "Zeta line"]
    plain = ServiceFilter(QueryDict(f"near={data.bogota().pk}")).remote_queryset()
    assert plain._index.dense_in_name_order  # read in name order (SQLite), the matches being many
    assert [service.name_en for service in plain.narrow_slice(0, 10)] == expected
    filtered = ServiceFilter(QueryDict(f"near={data.bogota().pk}&free=on")).remote_queryset()
    assert not filtered._index.dense_in_name_order
    # Services are free unless they say otherwise: the advice line too.
    assert [service.name_en for service in filtered.narrow_slice(0, 10)] == ["Advice line", "Mu line", "Zeta line"]


def test_reaches_lists_the_phone_and_online_services_covering_a_country(listings):
    chat = data.hotline(name_en="Chat line", name_es="Chat de apoyo", by_phone=False, online=True)
    # An online service of an organisation working elsewhere does not cover Colombia.
    data.hotline(organisation=OrganisationFactory(countries=[CountryFactory(code="PE", name_en="Peru")]), online=True)
    assert found("reaches=co") == [listings["hotline"].pk, chat.pk]
    assert found("reaches=CO&q=chat") == [chat.pk]
    assert found("reaches=PE&country=CO") == []


def test_remote_query_is_the_same_search_without_the_place(listings):
    filterset = ServiceFilter(QueryDict(f"near={data.bogota().pk}&radius=50&q=line&free=on&sort=name&page=2"))
    assert QueryDict(filterset.remote_query()) == QueryDict("q=line&free=on&reaches=CO")
    assert ServiceFilter(QueryDict("q=line")).remote_query() == ""


def test_sort_by_name_with_a_place(listings):
    filterset = ServiceFilter(QueryDict(f"near={data.bogota().pk}&sort=name"))
    assert [service.name_en for service in filterset.qs] == ["Free legal advice", "Safe house"]


def test_relevance_puts_name_matches_first(listings):
    described = ServiceFactory(name_es="Atención integral", description_es="Incluye casa de acogida temporal.")
    ranked = found("q=acogida")
    assert ranked.index(listings["confidential"].pk) < ranked.index(described.pk)


@pytest.mark.parametrize(
    ("query", "expected_note"),
    [
        ("radius=abc", "We could not use the radius “abc”; showing 25 km."),
        ("radius=9999", "We could not use the radius “9999”; showing 25 km."),
        ("country=ZZ", "We could not find the country “ZZ”, so we searched every country."),
        ("city=999999", "We could not find that city, so we searched every city."),
        ("city=abc", "We could not find that city, so we searched every city."),
        ("category=no-such-thing", "We could not find the type of help “no-such-thing”, so we left it out."),
        ("language=xx", "We could not find the language “xx”, so we searched every language."),
        ("population=nobody", "We could not find that group of people, so we searched services for everyone."),
        ("mode=teleport", "We could not use that way of giving help, so we searched every way."),
        (
            "reaches=zz",
            "We could not find the country “zz”, so we did not limit the search to phone and online services.",
        ),
        ("lat=500&lon=10", "We could not use that place, so we did not search near a place."),
        ("lat=abc&lon=def", "We could not use that place, so we did not search near a place."),
        ("lat=4.6", "We could not use that place, so we did not search near a place."),
        ("near=99999999999999999999", "We could not use that place, so we did not search near a place."),
        ("sort=random", "We could not use that order, so we used the usual one."),
        ("sort=distance", "Sorting by distance needs a place: choose a city or use your location."),
        ("q=" + "legal+" * 2_000, "Your search was very long, so we used only its first 200 characters."),
    ],
)
def test_unusable_values_are_explained_and_left_out(listings, query, expected_note):
    assert expected_note in notes(query)
    assert len(found(query + "&category=legal-aid")) >= 1


def test_the_rest_of_the_search_still_works_around_a_bad_value(listings):
    assert found("category=legal-aid&category=nonsense&radius=abc&mode=by_phone") == [listings["hotline"].pk]


def test_active_filters_each_have_a_removal_query(listings):
    bogota = data.bogota()
    filterset = ServiceFilter(
        QueryDict(f"q=orientacion&category=legal-aid&category=shelter&free=on&near={bogota.pk}&radius=50&page=2&s=1,2")
    )
    removals = {active["text"]: QueryDict(active["query"]) for active in filterset.active_filters}
    without_search = removals["Words: orientacion"]
    assert "q" not in without_search and without_search.getlist("category") == ["legal-aid", "shelter"]
    without_shelter = removals["Type of help: Shelter"]
    assert without_shelter.getlist("category") == ["legal-aid"]
    without_place = removals["Within 50 km of Bogotá"]
    assert "near" not in without_place and "radius" not in without_place and without_place["q"] == "orientacion"
    assert all("page" not in query for query in removals.values())
    assert all(query["s"] == "1,2" for query in removals.values())
    assert "Free only" in removals
    labels = {active["text"]: active["remove_label"] for active in filterset.active_filters}
    assert labels["Type of help: Shelter"] == "Remove the filter “Type of help: Shelter”"


@pytest.mark.parametrize(
    ("language", "chips"),
    [
        ("es", {"Por teléfono o en línea en Colombia", "Para mujeres", "En Colombia"}),
        ("pt", {"Por telefone ou on-line: Colômbia", "Para mulheres", "País: Colômbia"}),
        ("id", {"Melalui telepon atau daring di Kolombia", "Untuk perempuan", "Di Kolombia"}),
        ("en", {"By phone or online in Colombia", "For women", "In Colombia"}),
    ],
)
def test_each_filter_chip_is_a_phrase_of_its_own_in_every_language(listings, language, chips):
    """Not a label and a value glued together ("Quitar Para: Mujeres"): each filter has its own words."""
    from services.models import Population

    Population.objects.update_or_create(
        code="women",
        defaults={"name_es": "Mujeres", "name_pt": "Mulheres", "name_en": "Women", "name_ind": "Perempuan"},
    )
    colombia = data.colombia()
    colombia.name_pt, colombia.name_ind = "Colômbia", "Kolombia"
    colombia.save()
    with translation.override(language):
        query = QueryDict("reaches=CO&population=women&country=CO")
        active = ServiceFilter(query).active_filters
    assert {chip["text"] for chip in active} == chips


def test_near_a_place_the_count_comes_with_the_page_when_the_small_circle_holds_the_limit(listings, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from members.models import Location
    from services import search

    bogota = data.bogota()
    for number in range(25):
        confidential = LocationFactory(city=bogota, address_visibility=Location.AddressVisibility.CONFIDENTIAL)
        ServiceFactory(name_es=f"Centro {number:02d}", locations=[confidential])  # measured from the city's centre

    def page(limit):
        monkeypatch.setattr(search.CappedPaginator, "count_limit", limit)
        paginator = search.CappedPaginator(ServiceFilter(QueryDict(f"near={bogota.pk}")).qs.with_listing_data(), 10)
        with CaptureQueriesContext(connection) as queries:
            pks = [service.pk for service in paginator.page(1)]
            count = paginator.count
        return pks, count, [query["sql"] for query in queries if "COUNT(" in query["sql"]]

    ordered = page(1000)[0]
    pks, count, counts = page(20)  # 26 at the centre: at least 20 within the radius
    assert (pks, count) == (ordered, 20) and len(counts) == 1  # the page's own statement counted them
    pks, count, counts = page(1000)  # 27 in all: counted on its own
    assert (pks, count) == (ordered, 27) and len(counts) == 2


@pytest.mark.parametrize(
    "query",
    [
        "q=legal",
        "q=casa+acogida&free=on",
        "q=Casa+legal+3",
        "category=shelter&country=CO",
        "near=BOGOTA",
        "near=BOGOTA&q=casa&sort=name",
        "near=BOGOTA&radius=200&sort=relevance&q=orientacion",
        "open_now=on",
        "open_24_7=on&sort=name",
    ],
)
def test_every_page_and_count_is_the_same_with_the_shortcuts_or_the_plain_way(listings, query):
    """``services.search.plain_way()`` turns every measured shortcut off: the pages, their order, their counts and
    the phone and online list beside them are the same either way."""
    from members.models import Location
    from services import search

    bogota, confidential = data.bogota(), Location.AddressVisibility.CONFIDENTIAL
    for number in range(7):  # enough for pages of two, the best results filling some
        ServiceFactory(
            name_es=f"Casa legal {number}",
            description_es="Orientación y acogida.",
            cost=Service.Cost.FREE,
            # Measured from the city's centre: the page near it is found in the small circle first.
            locations=[LocationFactory(city=bogota, address_visibility=confidential)] if number % 3 else [],
        )
    query = query.replace("BOGOTA", str(bogota.pk))

    def read():
        filterset = ServiceFilter(QueryDict(query))
        found = search.search(filterset, 1, 2, remote=5)
        pages = [[service.pk for service in found.page]]
        pages += [[s.pk for s in search.CappedPaginator(ServiceFilter(QueryDict(query)).qs, 2).get_page(2)]]
        return pages, found.page.paginator.count, [service.pk for service in found.remote], found.more_remote

    fast = read()
    with search.plain_way():
        plain = read()
    assert fast == plain
    assert fast[1] > 0 or query.startswith("open_")


def test_the_plain_way_names_only_shortcuts_that_exist():
    from services import search

    assert {"best_results", "best_rows", "nearest_first", "far_rows", "always_open_part"} <= set(search.SHORTCUTS)
    with pytest.raises(ValueError, match="No such shortcut"), search.plain_way("no_such_shortcut"):
        pass
