"""Reference data is cached for everyone and forgotten on edit: the next page shows the change."""

import pytest
from django.urls import reverse
from django.utils import translation

from members.models import Helpline
from services import cache as directory_cache
from services.models import Language
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def listing():
    return data.public_listing()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_reference_pages_read_no_reference_data_once_cached(client, listing, django_assert_max_num_queries):
    page(client, reverse("services:home"))
    with django_assert_max_num_queries(0):
        page(client, reverse("services:home"))


def test_a_renamed_category_shows_on_the_next_page(client, listing):
    category = listing.categories.get()
    main = category.parent or category
    url = reverse("services:search") + "?q="
    assert main.name_en in page(client, reverse("services:home"))
    assert category.name_en in page(client, url)  # now cached

    category.name_en = "Renamed help for the cache test"
    category.save()
    main.refresh_from_db()
    assert "Renamed help for the cache test" in page(client, url)
    main.name_en = "Renamed main category"
    main.save()
    assert "Renamed main category" in page(client, reverse("services:home"))


def test_an_edited_country_and_helpline_show_on_the_next_page(client, listing):
    country = listing.locations.get().city.country
    url = reverse("services:country-detail", args=[country.code])
    page(client, url)

    country.name_en = "Renamed Republic"
    country.save()
    helpline = Helpline.objects.filter(country=country).first()
    helpline.name_en = "Renamed helpline"
    helpline.save()
    html = page(client, url)
    assert "Renamed Republic" in html and "Renamed helpline" in html


def test_a_new_language_and_a_new_city_with_a_service_become_choices(client, listing):
    url = reverse("services:search")
    page(client, url)
    Language.objects.create(code="xh", name_en="Xhosa for the cache test")
    medellin = data.medellin()
    location = data.LocationFactory(city=medellin, organisation=listing.organisation)
    listing.locations.add(location)
    html = page(client, url)
    assert "Xhosa for the cache test" in html
    assert f'value="{medellin.pk}"' in html
    assert medellin in directory_cache.cities_with_services()


def test_a_paused_service_takes_its_city_off_the_choices(client, listing):
    city = listing.locations.get().city
    assert city in directory_cache.cities_with_services()
    listing.status = "paused"
    listing.save()
    assert city not in directory_cache.cities_with_services()
