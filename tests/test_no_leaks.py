"""Nothing private leaves the server: plant a confidential address and point, a private contact person, a pending
organisation and a paused service, then read every public output — each page in each language, search with many
parameters, errors, the API and its schema, the HSDS export — and find none of them."""

import io
import json
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from members.models import Location, Organisation
from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

STREET = "Pasaje Zqwolvern 771-39"
POSTAL_CODE = "996633"
LATITUDE = 4.6123457
LONGITUDE = -74.0812345
CONTACT_NAME = "Xiomara Quendelbrot"
CONTACT_EMAIL = "xiomara.quendelbrot@example.net"
CONTACT_PHONE = "+57 300 555 0143"
PENDING_NAME = "Fundación Pendiente Vraxholm"
PAUSED_NAME = "Taller Pausado Glimberk"
LANGUAGES = ["es", "pt", "en", "id"]

SECRETS = [
    STREET,
    "Zqwolvern",
    POSTAL_CODE,
    # The point in any rendering: full, rounded to 3-4 places, with a decimal comma.
    "4.6123",
    "4,6123",
    "4.612",
    "4,612",
    "74.0812",
    "74,0812",
    "74.081",
    "74,081",
    CONTACT_NAME,
    "Quendelbrot",
    CONTACT_EMAIL,
    "3005550143",
    "300 555 0143",
    PENDING_NAME,
    "Vraxholm",
    PAUSED_NAME,
    "Glimberk",
]


@pytest.fixture
def planted():
    public = data.public_listing()
    organisation = public.organisation
    organisation.contact_name = CONTACT_NAME
    organisation.contact_email = CONTACT_EMAIL
    organisation.contact_phone = CONTACT_PHONE
    organisation.save()
    confidential_place = LocationFactory(
        organisation=organisation,
        city=data.bogota(),
        address_visibility=Location.AddressVisibility.CONFIDENTIAL,
        street_address=STREET,
        postal_code=POSTAL_CODE,
        latitude=LATITUDE,
        longitude=LONGITUDE,
        phone="+5716017777",
    )
    confidential = ServiceFactory(
        name_es="Casa refugio",
        name_en="Shelter house",
        organisation=organisation,
        locations=[confidential_place],
        categories=[data.shelter()],
    )
    pending = OrganisationFactory(name_es=PENDING_NAME, name_en=PENDING_NAME, pending=True)
    pending_service = ServiceFactory(name_es=f"Servicio de {PENDING_NAME}", organisation=pending)
    paused = ServiceFactory(
        name_es=PAUSED_NAME,
        name_en=PAUSED_NAME,
        status=Service.Status.PAUSED,
        organisation=organisation,
        locations=[confidential_place],
    )
    return {
        "public": public,
        "confidential": confidential,
        "pending": pending,
        "pending_service": pending_service,
        "paused": paused,
        "organisation": organisation,
    }


def search_queries(planted) -> list[str]:
    bogota = data.bogota()
    queries = [
        "",
        "q=casa",
        # Searching for part of a secret finds nothing that shows the rest of it.
        "q=Zqwolvern",
        "q=Vraxholm",
        "q=Glimberk",
        "q=Quendelbrot",
        "q=996633",
        f"near={bogota.pk}",
        f"near={bogota.pk}&radius=1&sort=distance",
        f"lat={LATITUDE}&lon={LONGITUDE}&radius=1&sort=distance",
        "lat=4.6123&lon=-74.0812&radius=2",
        (
            f"q=casa&country=CO&city={bogota.pk}&category=shelter&category=legal-aid&population=women&language=es"
            f"&mode=in_person&free=on&open_now=on&open_24_7=on&near={bogota.pk}&radius=50&sort=distance&page=1"
        ),
        "near_me=1",
        "page=2",
        "q=%00%27%22<script>",
    ]
    # The map view of each: its pins and the place searched near are data on the page.
    return queries + [f"{query}&view=map" if query else "view=map" for query in queries]


def public_urls(planted, language: str) -> list[str]:
    ids = [planted[key].pk for key in ("public", "confidential", "paused", "pending_service")]
    with translation.override(language):
        urls = [reverse("services:home"), reverse("services:home") + "?country=CO"]
        urls += [reverse(f"services:{name}") for name in ("safety", "about", "help", "what-to-expect")]
        urls += [reverse("services:search") + "?" + query for query in search_queries(planted)]
        for key in ("public", "confidential", "paused", "pending_service"):
            urls.append(reverse("services:service-detail", args=[planted[key].pk]))
            urls.append(reverse("services:report-listing") + f"?service={planted[key].pk}")
        for organisation in (planted["organisation"], planted["pending"]):
            urls.append(reverse("services:organisation-detail", args=[organisation.slug]))
            urls.append(reverse("services:report-listing") + f"?organisation={organisation.pk}")
        urls += [
            reverse("services:country-detail", args=["CO"]),
            reverse("services:referral-list") + "?s=" + ",".join(map(str, ids)),
            reverse("services:country-card") + "?country=CO",
            reverse("services:country-card") + f"?country=CO&city={data.bogota().pk}",
            reverse("services:join"),
            reverse("services:join-done"),
            reverse("services:report-listing-done"),
            reverse("services:verify", args=["not-a-valid-token"]),
            f"/{language}/no-such-page/",  # the 404 page
        ]
        urls.append(reverse("sitemap"))
    return urls


def api_urls(planted) -> list[str]:
    organisation, pending = planted["organisation"], planted["pending"]
    urls = [reverse("api:api-root"), reverse("api:schema"), reverse("api:schema") + "?format=json", reverse("api:docs")]
    urls += [
        reverse("api:service-list"),
        reverse("api:service-list") + f"?near={data.bogota().pk}&sort=distance",
        reverse("api:service-list") + f"?lat={LATITUDE}&lon={LONGITUDE}&radius=1",
        reverse("api:service-list") + "?q=Zqwolvern",
        reverse("api:organisation-list"),
        reverse("api:category-list"),
        reverse("api:country-list"),
        reverse("api:country-detail", args=["CO"]),
        reverse("api:organisation-detail", args=[organisation.slug]),
        reverse("api:organisation-detail", args=[pending.slug]),
    ]
    for key in ("public", "confidential", "paused", "pending_service"):
        urls.append(reverse("api:service-detail", args=[planted[key].pk]))
    for language in LANGUAGES:
        urls.append(reverse("api:service-list") + f"?lang={language}")
        urls.append(reverse("api:organisation-list") + f"?lang={language}")
    return urls


def leaks(text: str, url: str = "") -> list[str]:
    """The secrets in ``text``, except those the request itself carried: a page may repeat what was typed."""
    typed = unquote_plus(url).lower()
    return [secret for secret in SECRETS if secret.lower() in text.lower() and secret.lower() not in typed]


def test_the_planted_secrets_are_in_the_database(planted):
    """The test below could not fail if the secrets were not there to find."""
    assert Location.objects.filter(street_address=STREET, latitude=LATITUDE).exists()
    assert Organisation.objects.filter(contact_email=CONTACT_EMAIL).exists()
    assert not Organisation.objects.public().filter(name_es=PENDING_NAME).exists()
    assert not Service.objects.public().filter(name_es=PAUSED_NAME).exists()
    assert Service.objects.public().filter(pk=planted["confidential"].pk).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_page_shows_a_secret(client, planted, language):
    seen = 0
    for url in public_urls(planted, language):
        response = client.get(url)
        assert response.status_code < 500, url
        text = response.content.decode() + " ".join(f"{key}: {value}" for key, value in response.headers.items())
        assert leaks(text, url) == [], url
        seen += response.status_code == 200
    assert seen >= 20  # the pages were really rendered, not all 404s


def test_the_confidential_service_is_listed_without_its_place(client, planted):
    """Public listings of the confidential service exist (so the search above did reach it)."""
    response = client.get(reverse("services:service-detail", args=[planted["confidential"].pk]))
    assert response.status_code == 200
    assert "Casa refugio" in response.content.decode() or "Shelter house" in response.content.decode()


def test_no_api_output_shows_a_secret(client, planted):
    for url in api_urls(planted):
        response = client.get(url)
        assert response.status_code < 500, url
        assert leaks(response.content.decode(), url) == [], url
    listing = client.get(reverse("api:service-detail", args=[planted["confidential"].pk]))
    assert listing.status_code == 200  # the confidential service is published, without its place


def test_the_hsds_export_shows_no_secret(planted, tmp_path):
    for language in LANGUAGES:
        out = io.StringIO()
        call_command("export_hsds", "-", "--language", language, stdout=out)
        text = out.getvalue()
        assert "Shelter house" in text or "Casa refugio" in text
        assert leaks(text) == [], language
        json.loads(text)
    folder = tmp_path / "hsds"
    call_command("export_hsds", str(folder), "--format", "csv", stdout=io.StringIO())
    files = list(Path(folder).rglob("*"))
    assert any(path.suffix == ".csv" for path in files)
    for path in files:
        if path.is_file():
            assert leaks(path.read_text(encoding="utf-8")) == [], path.name


def test_the_map_outputs_show_no_secret(client, planted, settings):
    """The results map's data (pins, cities, the place) and the staff coverage page and CSV: a confidential location
    is counted in its region but its street and point are nowhere. (The basemap is a static file: no listing in it.)"""
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    settings.MAP_TILES_URL = "/map/network.pmtiles"
    bogota = data.bogota()
    for query in ("view=map", f"view=map&near={bogota.pk}&radius=1", f"view=map&lat={LATITUDE}&lon={LONGITUDE}"):
        url = reverse("services:search") + "?" + query
        response = client.get(url)
        assert 'id="map-data"' in response.content.decode()
        assert leaks(response.content.decode(), url) == [], url
    editor = UserFactory(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    for query in ("", "?format=csv", "?format=csv&rows=gaps", f"?category={data.shelter().slug}"):
        response = client.get(reverse("admin:coverage") + query)
        assert response.status_code == 200
        assert leaks(response.content.decode()) == [], query
