"""The answers of repeated broad searches, kept per process (``services.search.search_answers``): a search asked
again reads no statement but its services' public rule, and shows the same page as the plain way; an answer naming
a single service, a rare word or the browser's location is never kept; an edit, a paused service or an address made
confidential shows at once. On both databases."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Location
from services import search
from services.filters import ServiceFilter
from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, ServiceCategoryFactory, ServiceFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

SEARCHES = [
    "/es/search/?q=abogada",
    "/es/search/?q=abogada&page=2",
    "/es/search/?q=abogadda",  # corrected
    "/es/search/?q=necesito+una+abogada&country=CO&sort=name",
    "/es/search/?category=legal-aid",
    "/en/search/?q=legal",
]


@pytest.fixture
def broad(monkeypatch):
    """Answers of at least three services count as broad here."""
    monkeypatch.setattr(search.SearchAnswers, "broad", 3)
    search.search_answers.forget()
    yield
    search.search_answers.forget()


@pytest.fixture
def listings(broad):
    legal = ServiceCategoryFactory(search_terms_es="abogada")
    bogota = data.bogota()
    member = OrganisationFactory(countries=[bogota.country])
    located = LocationFactory(organisation=member, city=bogota, street_address="Calle Visible 12")
    services = [
        ServiceFactory(organisation=member, name_es=f"Consultorio {name}", categories=[legal], locations=[located])
        for name in ("Alba", "Brisa", "Ceiba", "Duna")
    ]
    ServiceFactory(organisation=member, name_es="Quetzalbirdo Norte", categories=[legal], locations=[located])
    return services


def fetched(client, url) -> tuple[str, int]:
    """The page's HTML and the statements it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("url", SEARCHES)
def test_a_repeated_broad_search_reads_only_its_services_rule_and_shows_the_plain_ways_page(client, listings, url):
    first, first_statements = fetched(client, url)
    assert search.search_answers.entries()
    again, statements = fetched(client, url)
    with search.plain_way():
        plain, _statements = fetched(client, url)
    assert again == first == plain
    assert statements == 1 < first_statements


def test_the_api_means_the_same_and_keeps_the_same_answers(client, listings):
    url = "/api/v1/services/?q=abogadda&lang=es&page_size=2"
    first = client.get(url).json()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).json()
    statements = len(queries)
    with search.plain_way():
        plain = client.get(url).json()
    assert again == first == plain
    assert statements == 1
    assert plain["count"] == 5 and len(plain["results"]) == 2 and plain["notes"]
    assert client.get("/api/v1/services/?q=abogada&page=last&page_size=2").json()["results"]
    for _twice in range(2):
        assert client.get("/api/v1/services/?q=abogada&page=9&page_size=2").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/es/search/?q=quetzalbirdo+norte",  # a service's name typed whole
        "/es/search/?q=abogada+zafrinovela",  # a word found nowhere, left out
        "/es/search/?q=consultorio+alba",  # one service
        "/es/search/?q=abogada&lat=4.60&lon=-74.08",  # the browser's own location
        "/es/search/?q=abogada&places=on",
    ],
)
def test_an_answer_naming_a_service_a_rare_word_or_a_place_is_never_kept(client, listings, url):
    _html, first = fetched(client, url)
    _html, again = fetched(client, url)
    assert not search.search_answers.entries()
    # Asked again, it runs its statements as the first time (the result cards alone are kept).
    assert again > 1


def test_an_answer_narrower_than_broad_is_never_kept(client, listings, monkeypatch):
    monkeypatch.setattr(search.SearchAnswers, "broad", 100)
    fetched(client, "/es/search/?q=abogada")
    fetched(client, "/es/search/?q=abogada")
    assert not search.search_answers.entries()


def test_a_paused_service_never_comes_out_of_a_kept_answer(client, listings):
    first, _statements = fetched(client, "/es/search/?q=abogada")
    assert "Consultorio Alba" in first
    # Paused without a signal (the version unchanged): the answer is still read through the public rule (twice when
    # its kept results are found with a service no longer public: they are not used).
    Service.objects.filter(pk=listings[0].pk).update(status=Service.Status.PAUSED)
    again, statements = fetched(client, "/es/search/?q=abogada")
    assert statements <= 2 and "Consultorio Alba" not in again and "Consultorio Brisa" in again
    # Paused as staff do: every kept answer is forgotten.
    listings[1].status = Service.Status.PAUSED
    listings[1].save()
    again, statements = fetched(client, "/es/search/?q=abogada")
    assert statements > 1 and "Consultorio Brisa" not in again and "Consultorio Ceiba" in again


def test_an_address_made_confidential_never_comes_out_of_a_kept_answer(client, listings):
    url = f"/api/v1/services/?q=abogada&near={data.bogota().pk}"
    assert "Calle Visible 12" in client.get(url).content.decode()
    assert "Calle Visible 12" in client.get(url).content.decode()
    assert search.search_answers.entries()
    location = Location.objects.get(street_address="Calle Visible 12")
    location.address_visibility = Location.AddressVisibility.CONFIDENTIAL
    location.save()
    for _twice in range(2):
        found = client.get(url).json()
        assert found["count"] == 5 and "Calle Visible 12" not in str(found)


def test_open_now_is_kept_per_minute(rf, listings, monkeypatch):
    request = rf.get("/es/search/", {"q": "abogada", "open_now": "on"})
    moments = iter(
        [datetime.datetime(2026, 12, 7, 10, 0, second, tzinfo=datetime.UTC) for second in (1, 59)]
        + [datetime.datetime(2026, 12, 7, 10, 1, 0, tzinfo=datetime.UTC)]
    )
    monkeypatch.setattr("django.utils.timezone.now", lambda: next(moments))
    parts = [ServiceFilter(request.GET, request=request).kept_answer_parts() for _moment in range(3)]
    assert parts[0] == parts[1] != parts[2]


def test_a_search_reads_what_decides_its_answer_once_and_decides_open_now_at_its_keys_minute(
    client, listings, monkeypatch
):
    moment = datetime.datetime(2026, 12, 7, 10, 0, 59, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    read = []
    original = ServiceFilter.kept_answer_parts
    monkeypatch.setattr(ServiceFilter, "kept_answer_parts", lambda self: read.append(self) or original(self))
    fetched(client, "/es/search/?q=abogada&open_now=on")
    assert len(read) == 1
    assert read[0].asked_at.minute == read[0].kept_answer_parts()[-1].minute == 0


def test_what_decides_an_answer_is_in_its_key(rf, listings):
    def key(params, page=1, size=20):
        parts = ServiceFilter(params, request=rf.get("/")).kept_answer_parts()
        return search.search_answers.search_key(parts, page, size)

    assert key({"q": "abogada"}) == key({"q": "abogada"})
    others = [
        key({"q": "abogada"}, page=2),
        key({"q": "abogada"}, size=10),
        key({"q": "abogada", "as_typed": "1"}),
        key({"q": "abogada", "sort": "name"}),
        key({"q": "abogada", "country": "CO"}),
        key({"q": "abogadas"}),
    ]
    assert len({key({"q": "abogada"}), *others}) == 1 + len(others)
    assert key({"q": "abogada", "lat": "4.6", "lon": "-74.1"}) is None
