"""A service's page and a country's, kept per process (``services.card_cache.KeptPage``, ``services.search.listed``):
asked again they read no more than the listing's public rule and show what a page made anew shows, at every
minute; a paused service, an address made confidential or a query in the address shows at once, and nothing of
one request (a cookie, a token, a referral list, the host) is shown to another."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Location
from services import card_cache, search
from services.models import Service
from tests.factories import LocationFactory, OpeningHoursFactory, OrganisationFactory, ServiceFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

# A Monday: 16:59:30 and 17:00:10 in Bogotá (UTC-5), on either side of the closing time.
BEFORE_CLOSING = datetime.datetime(2026, 12, 7, 21, 59, 30, tzinfo=datetime.UTC)
AFTER_CLOSING = datetime.datetime(2026, 12, 7, 22, 0, 10, tzinfo=datetime.UTC)


@pytest.fixture
def listing():
    bogota = data.bogota()
    member = OrganisationFactory(countries=[bogota.country])
    location = LocationFactory(organisation=member, city=bogota, street_address="Calle Visible 12")
    OpeningHoursFactory(location=location, weekday=0, opens=datetime.time(9), closes=datetime.time(17))
    services = [
        ServiceFactory(organisation=member, name_es=f"Consultorio {name}", locations=[location])
        for name in ("Alba", "Brisa", "Ceiba")
    ]
    card_cache.forget()
    search.search_answers.forget()
    yield services[0]
    card_cache.forget()
    search.search_answers.forget()


def fetched(client, url, **headers) -> tuple[int, str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert not response.cookies
    return response.status_code, response.content.decode(), len(queries)


def made_anew(client, url, **headers) -> str:
    """The page as it is made from its rows, nothing kept."""
    card_cache.forget()
    search.search_answers.forget()
    return fetched(client, url, **headers)[1]


def test_a_service_page_asked_again_reads_only_its_public_rule(client, listing):
    url = f"/es/services/{listing.pk}/"
    status, first, first_statements = fetched(client, url)
    status, again, statements = fetched(client, url)
    assert status == 200 and again == first and statements == 1 < first_statements
    assert "csrfmiddlewaretoken" not in again
    assert again == made_anew(client, url)


def test_a_kept_service_page_shows_what_the_minute_shows(client, listing, monkeypatch):
    url = f"/es/services/{listing.pk}/"
    monkeypatch.setattr("django.utils.timezone.now", lambda: BEFORE_CLOSING)
    before = fetched(client, url)[1]
    assert fetched(client, url)[1] == before
    monkeypatch.setattr("django.utils.timezone.now", lambda: AFTER_CLOSING)
    after = fetched(client, url)[1]
    assert after != before
    assert after == made_anew(client, url)


def test_a_paused_service_page_is_never_shown_from_what_was_kept(client, listing):
    url = f"/es/services/{listing.pk}/"
    fetched(client, url)
    # Paused without a signal (the version unchanged): the public rule is still read.
    Service.objects.filter(pk=listing.pk).update(status=Service.Status.PAUSED)
    assert fetched(client, url)[0] == 404


def test_an_address_made_confidential_shows_at_once(client, listing):
    url = f"/es/services/{listing.pk}/"
    assert "Calle Visible 12" in fetched(client, url)[1]
    location = Location.objects.get(street_address="Calle Visible 12")
    location.address_visibility = Location.AddressVisibility.CONFIDENTIAL
    location.save()
    assert "Calle Visible 12" not in fetched(client, url)[1]


def test_a_page_with_a_query_the_host_or_places_is_made_for_its_request(client, listing):
    url = f"/es/services/{listing.pk}/"
    plain = fetched(client, url)[1]
    # A referral list in the address: the page says the service is on it.
    _status, listed, statements = fetched(client, f"{url}?s={listing.pk}")
    assert listed != plain and statements > 1
    assert listed == made_anew(client, f"{url}?s={listing.pk}")
    # Another host: the page's share links name it.
    fetched(client, url)
    other = fetched(client, url, HTTP_HOST="localhost")[1]
    assert "http://localhost/" in other and "http://testserver/" not in other
    # Places, which say how long ago they were updated: made each time.
    listing.capacity, listing.capacity_updated_at = Service.Capacity.AVAILABLE, BEFORE_CLOSING
    listing.save()
    fetched(client, url)
    assert fetched(client, url)[2] > 1


def test_a_country_page_asked_again_reads_only_its_services_rule(client, listing):
    url = "/es/countries/CO/"
    status, first, first_statements = fetched(client, url)
    status, again, statements = fetched(client, url)
    assert status == 200 and again == first and statements == 1 < first_statements
    assert again == made_anew(client, url)
    # Paused without a signal: left out all the same.
    Service.objects.filter(pk=listing.pk).update(status=Service.Status.PAUSED)
    assert "Consultorio Alba" not in fetched(client, url)[1]
