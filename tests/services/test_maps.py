"""The results map (``?view=map``): the same search and list, plus the page's places drawn from the public
projection; its code is loaded on that view only."""

import json
import re

import pytest

from members.models import Location
from tests.factories import LocationFactory, ServiceFactory
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services import directory_data as data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, listings=build_listings)


MAP_ASSETS = ("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css", "js/map.js", "topojson-client")


def map_data(response) -> dict:
    found = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', response.content.decode())
    assert found, "no map data on the page"
    return json.loads(found.group(1))


def build_listings():
    return {
        "public": data.public_listing(),
        "confidential": data.confidential_listing(),
        "city_only": data.city_only_listing(name_en="Psychosocial support"),
        "hotline": data.hotline(),
    }


listings = rows_fixture()


def search(client, query: str, language: str = "en"):
    response = client.get(f"/{language}/search/?{query}")
    assert response.status_code == 200
    return response


def test_the_list_loads_no_map_code(client, listings):
    html = search(client, "q=").content.decode()
    assert not any(asset in html for asset in MAP_ASSETS)
    assert 'id="map-data"' not in html


def test_the_map_view_loads_the_map_code_from_this_site(client, listings):
    html = search(client, "view=map").content.decode()
    for asset in MAP_ASSETS:
        assert f"/static/{asset}" in html or asset in html
    assert "protomaps-leaflet" not in html  # only with street-level tiles configured
    assert 'data-basemap="/static/map/basemap.json"' in html


def test_a_public_address_is_a_point_a_city_only_one_its_city_and_a_confidential_one_nothing(client, listings):
    drawn = map_data(search(client, "view=map&sort=name"))
    by_service = {pin["service"]: pin for pin in drawn["pins"]}
    public, city_only = listings["public"], listings["city_only"]
    assert by_service[public.pk] == {"service": public.pk, "lat": 4.6, "lon": -74.07, "exact": True, "city": "Bogotá"}
    medellin = city_only.locations.get().city
    assert by_service[city_only.pk] == {
        "service": city_only.pk,
        "lat": round(medellin.latitude, 2),
        "lon": round(medellin.longitude, 2),
        "exact": False,
        "city": "Medellín",
    }
    assert listings["confidential"].pk not in by_service
    assert listings["hotline"].pk not in by_service
    # The city-only location's own point (6.25, -75.56) is never drawn.
    assert all(pin["lat"] != 6.25 for pin in drawn["pins"])
    assert {city["name"] for city in drawn["cities"]} == {"Bogotá", "Medellín"}


def test_the_pins_follow_the_list(client, listings):
    response = search(client, "view=map&sort=name")
    order = [int(pk) for pk in re.findall(r'<article class="result" id="service-(\d+)"', response.content.decode())]
    pins = [pin["service"] for pin in map_data(response)["pins"]]
    assert pins == [pk for pk in order if pk in pins]
    assert len(pins) == 2


def test_a_service_with_two_places_has_two_pins_in_its_place_in_the_list(client, listings):
    second = LocationFactory(
        organisation=listings["public"].organisation, city=data.medellin(), latitude=6.2, longitude=-75.6
    )
    listings["public"].locations.add(second)
    pins = map_data(search(client, "view=map&sort=name"))["pins"]
    assert [pin["service"] for pin in pins].count(listings["public"].pk) == 2


def test_the_map_says_how_many_services_of_the_page_it_shows(client, listings):
    html = search(client, "view=map").content.decode()
    assert "2 of the 4 services on this page are on the map" in html


def test_a_page_with_nothing_to_draw_says_so(client, listings):
    html = search(client, f"view=map&q=refugio&category={data.shelter().slug}").content.decode()
    assert "None of the services on this page can be shown on the map" in html


def test_the_map_view_keeps_the_search_the_list_and_the_page(client, listings):
    ServiceFactory.create_batch(25, organisation=listings["public"].organisation, name_en="Extra service")
    html = search(client, "view=map&q=service&page=2&s=1").content.decode()
    assert '<input type="hidden" name="view" value="map">' in html
    assert re.search(r'rel="prev"', html) and "view=map" in re.search(r'href="([^"]*)" rel="prev"', html).group(1)
    # The views' links keep the query and its page; only the view changes.
    views = re.search(r'<nav class="views".*?</nav>', html, re.S).group(0)
    assert 'href="?q=service&amp;page=2&amp;s=1"' in views
    assert 'href="?view=map&amp;q=service&amp;page=2&amp;s=1" aria-current="page"' in views


def test_the_map_switch_is_offered_only_to_browsers_with_javascript(client, listings):
    html = search(client, "q=").content.decode()
    assert re.search(r'<nav class="views"[^>]*data-needs-script hidden>', html)
    assert "The map needs JavaScript" in search(client, "view=map").content.decode()


def test_the_place_searched_near_is_drawn_with_its_radius(client, listings):
    drawn = map_data(search(client, f"view=map&near={data.bogota().pk}&radius=30"))
    assert drawn["place"] == {"lat": 4.71, "lon": -74.07, "radius_km": 30}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_map_speaks_the_page_language(client, listings, language):
    english = json.loads(
        re.search(
            r'id="map-texts" type="application/json">(.*?)</script>', search(client, "view=map").content.decode()
        ).group(1)
    )
    html = search(client, "view=map", language).content.decode()
    texts = json.loads(re.search(r'id="map-texts" type="application/json">(.*?)</script>', html).group(1))
    assert set(texts) == set(english)
    if language != "en":
        assert texts["zoom_in"] != english["zoom_in"]
        assert texts["pin_city"] != english["pin_city"]
    assert all("%(name)s" in texts[key] for key in ("pin", "pin_city", "places"))


def test_street_level_tiles_are_used_when_the_site_serves_them(client, listings, settings):
    settings.MAP_TILES_URL = "/map/network.pmtiles"
    html = search(client, "view=map").content.decode()
    assert 'data-tiles="/map/network.pmtiles"' in html
    assert "vendor/protomaps-leaflet/protomaps-leaflet.js" in html


def test_the_public_map_place_of_each_visibility():
    public = LocationFactory(city=data.bogota(), latitude=4.61, longitude=-74.08)
    assert (public.public_map_place.exact, public.public_map_place.point.latitude) == (True, 4.61)
    without_point = LocationFactory(city=data.bogota(), latitude=None, longitude=None)
    assert without_point.public_map_place.exact is False
    assert without_point.public_map_place.point == without_point.city.point
    city_only = LocationFactory(
        city=data.bogota(), address_visibility=Location.AddressVisibility.CITY, latitude=4.62, longitude=-74.1
    )
    assert city_only.public_map_place.point == city_only.city.point
    confidential = LocationFactory(
        city=data.bogota(), address_visibility=Location.AddressVisibility.CONFIDENTIAL, latitude=4.63, longitude=-74.1
    )
    assert confidential.public_map_place is None
