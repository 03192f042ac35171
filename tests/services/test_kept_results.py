"""The results of a repeated broad search, kept beside its answer (``services.card_cache.KeptResults``): asked again,
a page reads one statement (whether its services are all still public) and shows what a page made anew shows, at
every moment; a paused service (even paused without a signal) and an address made confidential show at once;
another language or host has results of its own; and what was typed is never in a kept block or its key, though the
page's links carry it. On both databases."""

import datetime
import pickle

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Location
from services import card_cache, search
from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, ServiceCategoryFactory, ServiceFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

# 40 seconds apart in one minute of UTC: the places updated at 10:00:30 are 1 minute old at the first, 2 at the second.
FIRST = datetime.datetime(2026, 12, 7, 10, 2, 10, tzinfo=datetime.UTC)
SECOND = datetime.datetime(2026, 12, 7, 10, 2, 50, tzinfo=datetime.UTC)
UPDATED = datetime.datetime(2026, 12, 7, 10, 0, 30, tzinfo=datetime.UTC)


@pytest.fixture
def listings(monkeypatch):
    """Five legal aid services in Bogotá at one public address, one of them with places; answers of at least three
    services count as broad."""
    monkeypatch.setattr(search.SearchAnswers, "broad", 3)
    monkeypatch.setattr("django.utils.timezone.now", lambda: FIRST)
    legal = ServiceCategoryFactory(search_terms_es="abogada", search_terms_en="lawyer")
    bogota = data.bogota()
    member = OrganisationFactory(countries=[bogota.country])
    located = LocationFactory(organisation=member, city=bogota, street_address="Calle Visible 12")
    services = [
        ServiceFactory(organisation=member, name_es=f"Consultorio {name}", categories=[legal], locations=[located])
        for name in ("Alba", "Brisa", "Ceiba", "Duna", "Estela")
    ]
    services[4].capacity, services[4].capacity_updated_at = Service.Capacity.AVAILABLE, UPDATED
    services[4].save()
    forget()
    yield services
    forget()


def forget():
    card_cache.forget()
    search.search_answers.forget()


def fetched(client, url, **headers) -> tuple[str, int]:
    """The page's HTML and the statements it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def made_anew(client, url, **headers) -> str:
    """The page made from its rows, nothing kept."""
    forget()
    with search.plain_way():
        return fetched(client, url, **headers)[0]


@pytest.mark.parametrize(
    "url",
    [
        "/es/search/?q=abogada",
        "/es/search/?q=abogada&page=2&sort=name",
        "/es/search/?q=abogadda",  # corrected
        "/es/search/?category=legal-aid&country=co&free=",
        "/es/search/?q=abogada&near={bogota}&radius=25",
        "/en/search/?q=lawyer&as_typed=1",
    ],
)
def test_a_repeated_search_shows_its_kept_results_and_reads_one_statement(client, listings, url, monkeypatch):
    url = url.format(bogota=data.bogota().pk)
    first, first_statements = fetched(client, url)
    assert card_cache.kept_results()
    again, statements = fetched(client, url)
    assert again == first == made_anew(client, url)
    assert statements == 1 < first_statements
    # The places say their age at each page's moment, in the same minute.
    fetched(client, url)
    monkeypatch.setattr("django.utils.timezone.now", lambda: SECOND)
    later, statements = fetched(client, url)
    assert statements == 1 and later == made_anew(client, url)
    if url.startswith("/es/"):
        assert "hace 1\xa0minuto<" in first and "hace 2\xa0minutos<" in later


def test_a_paused_service_never_comes_out_of_kept_results(client, listings):
    url = "/es/search/?q=abogada"
    fetched(client, url)
    assert "Consultorio Alba" in fetched(client, url)[0]
    # Paused without a signal (the version unchanged): whether every service is still public is read each time.
    Service.objects.filter(pk=listings[0].pk).update(status=Service.Status.PAUSED)
    for _twice in range(2):
        again, _statements = fetched(client, url)
        assert "Consultorio Alba" not in again and "Consultorio Brisa" in again
    # Paused as staff do: a new version, nothing kept before it is read.
    listings[1].status = Service.Status.PAUSED
    listings[1].save()
    again, _statements = fetched(client, url)
    assert "Consultorio Brisa" not in again and again == made_anew(client, url)


def test_an_address_made_confidential_never_comes_out_of_kept_results(client, listings):
    url = "/es/search/?q=abogada"
    fetched(client, url)
    kept, _statements = fetched(client, url)
    assert "Address confidential" not in kept and "Dirección confidencial" not in kept
    location = Location.objects.get(street_address="Calle Visible 12")
    location.address_visibility = Location.AddressVisibility.CONFIDENTIAL
    location.save()
    for _twice in range(2):
        again, _statements = fetched(client, url)
        assert again != kept and again == made_anew(client, url)
        fetched(client, url)


def test_another_language_or_host_has_results_of_its_own(client, listings):
    url = "/es/search/?q=abogada"
    fetched(client, url)
    spanish, _statements = fetched(client, url)
    other_host, _statements = fetched(client, url, HTTP_HOST="localhost")
    assert len(card_cache.kept_results()) == 2
    assert other_host == made_anew(client, url, HTTP_HOST="localhost")
    fetched(client, "/en/search/?q=abogada")
    english, statements = fetched(client, "/en/search/?q=abogada")
    assert statements == 1 and english != spanish and 'lang="en"' in english
    assert english == made_anew(client, "/en/search/?q=abogada")


def test_what_was_typed_is_never_in_kept_results_or_their_keys(client, listings, monkeypatch):
    monkeypatch.setattr(search.SearchAnswers, "broad", 1)
    # Typos, each corrected to "abogada": words of no listing.
    typed = ["abogadda", "abogadaa"]
    for word, url in zip(typed, ("/es/search/?q=abogadda&sort=name", "/es/search/?q=abogadaa&page=1"), strict=True):
        fetched(client, url)
        again, statements = fetched(client, url)
        # The page's links carry what was typed; the kept block holds a mark in its place.
        assert statements == 1 and again.count(f"?q={word}&amp;") >= 5
    kept = card_cache.kept_results()
    assert len(kept) == 2
    for key, value in kept:
        held = (repr(key) + repr(value)).casefold().encode() + pickle.dumps(value) + pickle.dumps(key)
        for word in typed:
            assert word.encode() not in held, word


def test_a_paused_service_never_comes_out_of_a_kept_api_page(client, listings):
    # The API keeps its answers and items, not blocks: whether they are all still public is one compiled statement.
    url = "/api/v1/services/?q=abogada&lang=es"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert "Consultorio Alba" in client.get(url).content.decode()
    assert len(queries) == 1
    Service.objects.filter(pk=listings[0].pk).update(status=Service.Status.PAUSED)
    for _twice in range(2):
        found = client.get(url).json()
        names = [item["name"] for item in found["results"]]
        assert "Consultorio Alba" not in names and "Consultorio Brisa" in names
