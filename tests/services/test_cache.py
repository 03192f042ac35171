"""Reference data and result cards are cached for everyone and forgotten on edit: the next page shows the change."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from members.models import Helpline, OpeningHours
from services import cache as directory_cache
from services import card_cache
from services.card_cache import PageCards
from services.models import Language, Service
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


def test_the_cities_to_search_near_are_those_of_public_services_each_once_by_country_and_name():
    colombia, bogota, medellin = data.colombia(), data.bogota(), data.medellin()
    ecuador = data.CountryFactory(code="EC", name_en="Ecuador", name_es="Ecuador", time_zones=["America/Guayaquil"])
    quito = data.CityFactory(country=ecuador, name_en="Quito", name_es="Quito", time_zone="America/Guayaquil")
    cali = data.CityFactory(country=colombia, name_en="Cali", name_es="Cali")
    pasto = data.CityFactory(country=colombia, name_en="Pasto", name_es="Pasto")
    member = data.OrganisationFactory(countries=[colombia, ecuador])
    for city in (quito, medellin, bogota):
        data.ServiceFactory(organisation=member, locations=[data.LocationFactory(organisation=member, city=city)])
    # Bogotá again: a second service, and one given at two places there.
    both = [data.LocationFactory(organisation=member, city=bogota) for _ in range(2)]
    data.ServiceFactory(organisation=member, locations=both)
    # Cali has only a paused service and an applicant's; Pasto a place with no service.
    data.ServiceFactory(
        organisation=member, status="paused", locations=[data.LocationFactory(organisation=member, city=cali)]
    )
    applicant = data.OrganisationFactory(pending=True, countries=[colombia])
    data.ServiceFactory(organisation=applicant, locations=[data.LocationFactory(organisation=applicant, city=cali)])
    data.LocationFactory(organisation=member, city=pasto)
    assert list(directory_cache.cities_with_services_queryset()) == [bogota, medellin, quito]


# Result cards: the markup that is the same for everyone is kept per process and language (services.card_cache);
# what depends on the person or the moment (the referral list, the distance, the open badge) is put in per page.

MONDAY_10_BOGOTA = datetime.datetime(2026, 11, 30, 15, 0, tzinfo=datetime.UTC)
SUNDAY_10_BOGOTA = datetime.datetime(2026, 11, 29, 15, 0, tzinfo=datetime.UTC)
SEARCH = "/en/search/?q="
OPEN, CLOSED = '<span class="badge badge-open">Open now</span>', '<span class="badge badge-closed">Closed now</span>'


def kept(language, service, kind="card"):
    return {pk: card.kept_card for pk, card in PageCards(kind, language).kept([service.pk]).items()}


def test_a_results_page_keeps_its_cards_and_the_next_reads_no_listing_rows(client, listing, django_assert_num_queries):
    assert not kept("en", listing)
    first = CaptureQueriesContext(connection)
    with first:
        cold = page(client, SEARCH)
    assert kept("en", listing) and not kept("es", listing)
    second = CaptureQueriesContext(connection)
    with second:
        warm = page(client, SEARCH)
    assert warm == cold
    assert len(second) < len(first)
    assert not any('"services_service"."description' in query["sql"] for query in second.captured_queries)


def test_a_kept_card_shows_an_edit_of_the_service_its_organisation_or_its_place_on_the_next_page(client, listing):
    page(client, SEARCH)
    listing.name_en = "Renamed legal advice"
    listing.save()
    assert "Renamed legal advice" in page(client, SEARCH)
    organisation = listing.organisation
    organisation.name_en = "Renamed organisation"
    organisation.save()
    assert "Renamed organisation" in page(client, SEARCH)
    location = listing.locations.get()
    location.phone = "+5716014242"
    location.save()
    listing.phone = ""
    listing.save()
    assert "tel:+5716014242" in page(client, SEARCH)


def test_a_kept_card_shows_new_opening_hours_and_links_on_the_next_page(client, listing):
    with mock.patch("django.utils.timezone.now", return_value=SUNDAY_10_BOGOTA):
        assert CLOSED in page(client, SEARCH)
        OpeningHours.objects.create(
            location=listing.locations.get(), weekday=6, opens=datetime.time(8), closes=datetime.time(12)
        )
        assert OPEN in page(client, SEARCH)
    shelter = data.shelter()
    listing.categories.add(shelter)
    assert "Shelter" in page(client, SEARCH)


def test_a_kept_card_reads_the_open_badge_at_each_pages_moment(client, listing):
    with mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA):
        assert OPEN in page(client, SEARCH)
    assert kept("en", listing)
    with mock.patch("django.utils.timezone.now", return_value=SUNDAY_10_BOGOTA):
        html = page(client, SEARCH)
    assert CLOSED in html and OPEN not in html


def test_a_kept_card_carries_nobodys_referral_list_and_each_pages_distance(client, listing):
    city = listing.locations.get().city
    page(client, SEARCH)
    mine = page(client, f"{SEARCH}&s={listing.pk}")
    assert "In your list" in mine and f"?s={listing.pk}" in mine
    other = page(client, SEARCH)
    assert "In your list" not in other and "Add to list" in other and "?s=" not in other.split("Add to list")[0][-300:]
    near_city = page(client, f"/en/search/?near={city.pk}&radius=25")  # its centre is 12 km from the address
    assert "Distance: 12 km" in near_city
    near_address = page(client, "/en/search/?lat=4.6&lon=-74.07&radius=25")
    assert "Distance: less than 1 km" in near_address and "12 km" not in near_address


def test_a_kept_card_is_in_one_language(client, listing):
    assert "Free legal advice" in page(client, SEARCH)
    html = page(client, "/es/search/?q=")
    assert "Orientación jurídica gratuita" in html and "Free legal advice" not in html


def test_a_kept_card_is_not_shown_once_its_listing_is_not_public(client, listing):
    assert "Free legal advice" in page(client, SEARCH)
    # A change that sends no signal: the search document still says public, the listing's own rule does not.
    Service.objects.filter(pk=listing.pk).update(status="paused")
    assert "Free legal advice" not in page(client, SEARCH)


def test_a_card_read_before_an_edit_is_not_kept(listing):
    before = PageCards("card", "en")  # a page that began before the edit
    directory_cache.invalidate_directory_cache()
    before.keep(listing.pk, "old markup")
    assert not kept("en", listing)
    PageCards("card", "en").keep(listing.pk, "new markup")
    assert kept("en", listing) == {listing.pk: "new markup"}


def test_a_card_kept_before_an_edit_is_not_read_after_it(listing):
    PageCards("card", "en").keep(listing.pk, "old markup")
    assert kept("en", listing)
    directory_cache.invalidate_directory_cache()
    assert not kept("en", listing)


def test_the_least_recently_shown_cards_go_first(monkeypatch):
    monkeypatch.setattr(card_cache, "_entries", card_cache.LRUCache(maxsize=2))
    cards = PageCards("card", "en")
    for pk in (1, 2):
        cards.keep(pk, f"card {pk}")
    assert {pk: card.kept_card for pk, card in cards.kept([1]).items()} == {1: "card 1"}  # 1 is now the most recent
    cards.keep(3, "card 3")
    assert {pk: card.kept_card for pk, card in cards.kept([1, 2, 3]).items()} == {1: "card 1", 3: "card 3"}


def test_cards_set_aside_are_not_found_inside_the_block_and_come_back_after_it(monkeypatch):
    monkeypatch.setattr(card_cache, "_entries", card_cache.LRUCache(maxsize=4))
    cards = PageCards("card", "en")
    cards.keep(1, "card 1")
    with card_cache.set_aside():
        assert not cards.kept([1])
        cards.keep(2, "card 2")
        assert list(cards.kept([1, 2])) == [2]
    assert {pk: card.kept_card for pk, card in cards.kept([1, 2]).items()} == {1: "card 1"}


def test_a_country_page_keeps_its_cards_and_shows_an_edit_on_the_next_page(client, listing):
    url = reverse("services:country-detail", args=[listing.locations.get().city.country.code])
    assert "Free legal advice" in page(client, url)
    assert kept("en", listing)
    listing.name_en = "Renamed on the country page"
    listing.save()
    assert "Renamed on the country page" in page(client, url)


def api(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.json()


API_SEARCH = "/api/v1/services/?q=legal"


def test_the_api_keeps_its_items_apart_from_the_cards_and_the_next_page_reads_no_listing_rows(client, listing):
    first = CaptureQueriesContext(connection)
    with first:
        cold = api(client, f"{API_SEARCH}&lang=en")
    assert kept("en", listing, "api") and not kept("en", listing)
    second = CaptureQueriesContext(connection)
    with second:
        warm = api(client, f"{API_SEARCH}&lang=en")
    assert warm == cold and warm["results"][0]["name"] == "Free legal advice"
    assert len(second) < len(first)
    assert not any('"services_service"."description' in query["sql"] for query in second.captured_queries)
    # The page's cards are not the API's items, nor is one language's item another's.
    assert "Free legal advice" in page(client, SEARCH)
    assert api(client, f"{API_SEARCH}&lang=es")["results"][0]["name"] == "Orientación jurídica gratuita"


def test_a_kept_api_item_shows_an_edit_on_the_next_page_and_each_pages_distance(client, listing):
    api(client, f"{API_SEARCH}&lang=en")
    listing.name_en = "Renamed legal advice"
    listing.save()
    location = listing.locations.get()
    OpeningHours.objects.create(location=location, weekday=6, opens=datetime.time(8), closes=datetime.time(12))
    item = api(client, f"{API_SEARCH}&lang=en")["results"][0]
    assert item["name"] == "Renamed legal advice" and item["distance_km"] is None
    assert {"weekday": 6, "opens": "08:00", "closes": "12:00"} in item["locations"][0]["opening_hours"]
    near_city = api(client, f"/api/v1/services/?near={location.city.pk}&radius=25&lang=en")
    near_address = api(client, "/api/v1/services/?lat=4.6&lon=-74.07&radius=25&lang=en")
    assert near_city["results"][0]["distance_km"] == 12 and near_address["results"][0]["distance_km"] == 0
    assert api(client, f"{API_SEARCH}&lang=en")["results"][0]["distance_km"] is None
    Service.objects.filter(pk=listing.pk).update(status="paused")  # no signal: the listing's own rule still holds
    assert api(client, f"{API_SEARCH}&lang=en")["results"] == []


def test_without_a_cache_nothing_kept_is_read_again(settings, listing):
    """dummy:// keeps nothing, so it cannot say what changed: each process must not keep anything either."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    country = listing.locations.get().city.country
    assert directory_cache.country(country.code).emergency_number == country.emergency_number
    line = country.emergency_line
    line.phone = "112"
    line.save()
    assert directory_cache.country(country.code).emergency_number == "112"
