"""The public JSON API: shapes, the directory's filters and "near", pagination, languages and the safety rules."""

import json

import pytest

from services import search
from services.models import Service
from tests.factories import LocationFactory, ServiceFactory
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services import directory_data as data

pytestmark = pytest.mark.usefixtures("module_rows")


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, world=build_world)


def build_world():
    public = data.public_listing(age_min=18)
    public.categories.add(data.family_law())
    return {
        "public": public,
        "confidential": data.confidential_listing(),
        "city_only": data.city_only_listing(),
        "hotline": data.hotline(),
        "pending": data.pending_listing(),
        "paused": data.paused_listing(public.organisation),
    }


world = rows_fixture()


def get(client, url, **params):
    response = client.get(url, params)
    assert "Set-Cookie" not in response.headers, url
    assert not response.cookies, url
    return response


def names(response):
    return sorted(service["name"] for service in response.json()["results"])


def test_services_list_shape(client, world):
    response = get(client, "/api/v1/services/", lang="en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"count", "count_capped", "next", "previous", "results", "notes"}
    assert body["notes"] == []
    assert body["count"] == 4 and body["count_capped"] is False
    service = next(s for s in body["results"] if s["id"] == world["public"].pk)
    assert service["name"] == "Free legal advice"
    assert service["organisation"]["slug"] == world["public"].organisation.slug
    assert set(service["organisation"]) == {
        "slug",
        "name",
        "acronym",
        "kind",
        "website",
        "public_email",
        "public_phone",
    }
    assert service["categories"] == ["legal-aid", "family-law"] or set(service["categories"]) == {
        "legal-aid",
        "family-law",
    }
    assert service["languages"] == ["es"] and service["populations"] == ["women"]
    assert service["age_min"] == 18 and service["distance_km"] is None
    [location] = service["locations"]
    assert location["address"]["street_address"] == "Calle Pública 10 # 5-20"
    assert location["point"] == {"latitude": 4.6, "longitude": -74.07}
    assert [hours["weekday"] for hours in location["opening_hours"]] == [0, 1, 2, 3, 4]


def test_no_confidential_or_private_data_anywhere(client, world):
    organisation = world["public"].organisation
    urls = [
        "/api/v1/services/",
        f"/api/v1/services/{world['confidential'].pk}/",
        f"/api/v1/services/{world['city_only'].pk}/",
        "/api/v1/organisations/",
        f"/api/v1/organisations/{world['confidential'].organisation.slug}/",
        f"/api/v1/organisations/{organisation.slug}/",
        "/api/v1/services/?near={}&radius=50".format(world["public"].locations.get().city.pk),
    ]
    for url in urls:
        text = get(client, url).content.decode()
        for secret in (*data.SECRETS, organisation.contact_email, organisation.contact_name):
            assert secret not in text, (url, secret)


def test_confidential_location_has_no_address_and_city_only_its_city(client, world):
    confidential = get(client, f"/api/v1/services/{world['confidential'].pk}/").json()["locations"][0]
    assert confidential["address"] is None and confidential["point"] is None
    assert confidential["address_visibility"] == "confidential" and confidential["phone"] == "+5716019999"
    city_only = get(client, f"/api/v1/services/{world['city_only'].pk}/").json()["locations"][0]
    assert city_only["point"] is None
    assert city_only["address"] == {
        "city": "Medellín",
        "administrative_area": "Antioquia",
        "country": "Colombia",
        "country_code": "CO",
    }


def test_a_service_shows_only_its_own_organisations_locations(client, world):
    public = world["public"]
    public.locations.add(LocationFactory(name_es="Sede de otra organización"))  # linked by mistake
    for url in ("/api/v1/services/", f"/api/v1/services/{public.pk}/"):
        assert "Sede de otra organización" not in get(client, url).content.decode(), url
    [location] = get(client, f"/api/v1/services/{public.pk}/").json()["locations"]
    assert location["address"]["street_address"] == "Calle Pública 10 # 5-20"


def test_non_public_records_answer_404(client, world):
    assert get(client, f"/api/v1/services/{world['pending'].pk}/").status_code == 404
    assert get(client, f"/api/v1/services/{world['paused'].pk}/").status_code == 404
    assert get(client, f"/api/v1/organisations/{world['pending'].organisation.slug}/").status_code == 404
    assert get(client, "/api/v1/services/999999/").status_code == 404


def test_search_and_filters_are_the_directorys(client, world):
    assert names(get(client, "/api/v1/services/", q="acogida", lang="es")) == ["Casa de acogida"]
    assert names(get(client, "/api/v1/services/", category="shelter", lang="es")) == ["Casa de acogida"]
    # A main category includes its subcategories; the country filter takes any case.
    assert get(client, "/api/v1/services/", category="legal-aid", country="co").json()["count"] == 3
    assert names(get(client, "/api/v1/services/", mode="by_phone", lang="es")) == ["Línea de orientación"]
    assert names(get(client, "/api/v1/services/", reaches="co", lang="es")) == ["Línea de orientación"]
    # As forgiving as the pages: an unknown value is left out and explained.
    unknown = get(client, "/api/v1/services/", country="ZZ", lang="en").json()
    assert unknown["count"] == 4
    assert unknown["notes"] == ["We could not find the country “ZZ”, so we searched every country."]


def test_near_orders_by_distance_and_rounds_it(client, world):
    medellin = world["city_only"].locations.get().city
    response = get(client, "/api/v1/services/", lat=6.25, lon=-75.56, radius=200, lang="es")
    results = response.json()["results"]
    assert [service["name"] for service in results] == ["Apoyo psicosocial"]
    assert results[0]["distance_km"] in (0, 1, 2)  # from the city's centre, whole kilometres
    near_city = get(client, "/api/v1/services/", near=medellin.pk, radius=5).json()
    assert near_city["count"] == 1
    assert isinstance(near_city["results"][0]["distance_km"], int)


def test_pagination(client, world):
    for number in range(25):
        ServiceFactory(organisation=world["hotline"].organisation, name_es=f"Extra {number:02d}")
    first = get(client, "/api/v1/services/").json()
    assert first["count"] == 29 and len(first["results"]) == 20 and first["next"] and first["previous"] is None
    second = get(client, "/api/v1/services/", page=2).json()
    assert len(second["results"]) == 9 and second["next"] is None
    assert {s["id"] for s in first["results"]}.isdisjoint({s["id"] for s in second["results"]})
    assert len(get(client, "/api/v1/services/", page_size=5).json()["results"]) == 5
    assert get(client, "/api/v1/services/", page=99).status_code == 404


@pytest.mark.parametrize("place", [{}, {"lat": 6.25, "lon": -75.56, "radius": 200}])
def test_a_page_number_too_big_for_the_database_is_a_page_past_the_last(client, world, place):
    """Found by schemathesis: near a place, page 2**70 reached the database as an offset SQLite cannot hold."""
    for page in (2**70, 10**30):
        assert get(client, "/api/v1/services/", page=page, **place).status_code == 404
    response = client.get("/en/search/", {"page": 2**70, **place})
    assert response.status_code == 200 and 'class="result"' in response.content.decode()


def test_a_very_broad_search_counts_no_further_than_the_limit(client, world, monkeypatch):
    monkeypatch.setattr(search.CappedPaginator, "count_limit", 3)
    first = get(client, "/api/v1/services/", page_size=2).json()
    assert (first["count"], first["count_capped"], len(first["results"])) == (3, True, 2)
    second = get(client, "/api/v1/services/", page_size=2, page=2).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_content_language_from_lang_or_accept_language(client, world):
    url = f"/api/v1/services/{world['public'].pk}/"
    spanish = get(client, url, lang="es")
    assert spanish.json()["name"] == "Orientación jurídica gratuita" and spanish["Content-Language"] == "es"
    assert get(client, url, lang="en").json()["name"] == "Free legal advice"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["name"] == "Free legal advice"
    # Written only in Spanish: every language falls back to it.
    assert get(client, f"/api/v1/services/{world['city_only'].pk}/", lang="id").json()["name"] == "Apoyo psicosocial"


def test_organisations_categories_and_countries(client, world):
    organisations = get(client, "/api/v1/organisations/").json()
    assert organisations["count"] == 4
    organisation = get(client, f"/api/v1/organisations/{world['public'].organisation.slug}/").json()
    assert organisation["countries"] == ["CO"]
    assert [s["id"] for s in organisation["services"]] == [world["public"].pk]  # not the paused one
    categories = get(client, "/api/v1/categories/", lang="en").json()["results"]
    assert {"slug": "family-law", "parent": "legal-aid"}.items() <= next(
        c for c in categories if c["slug"] == "family-law"
    ).items()
    country = get(client, "/api/v1/countries/co/", lang="es").json()
    assert country["code"] == "CO" and country["emergency_number"] == "123"
    assert country["emergency_services"] == [
        {
            "kind": "emergency",
            "label": "Emergencias (policía, ambulancia, bomberos)",
            "phone": "123",
            "name": "",
            "hours": "",
            "open_24_7": True,
        }
    ]
    [helpline] = country["helplines"]
    assert helpline["phone"] == "+5716015555" and helpline["kind"] == "gbv"
    assert helpline["label"] == "Línea de ayuda por violencia basada en género"


NOT_FOUND = {
    "es": "No se encontró nada público en esta dirección.",
    "pt": "Nada público foi encontrado neste endereço.",
    "en": "Nothing public was found at this address.",
    "id": "Tidak ada data publik di alamat ini.",
}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_errors_speak_the_language_chosen_by_lang_or_accept_language(client, world, language):
    """As the content: ``?lang=`` first, else Accept-Language; DRF's own messages are English only."""
    pending = world["pending"]
    for url in (
        f"/api/v1/services/{pending.pk}/",  # not public
        "/api/v1/organisations/no-such-organisation/",
        "/api/v1/countries/zz/",
        "/api/v1/no-such-list/",  # an address the API does not have: JSON too, not the site's HTML page
    ):
        by_parameter = get(client, url, lang=language)
        by_header = client.get(url, HTTP_ACCEPT_LANGUAGE=f"{language};q=0.9")
        for response in (by_parameter, by_header):
            assert response.status_code == 404, url
            assert response["Content-Type"] == "application/json", url
            assert response.json() == {"detail": NOT_FOUND[language]}, url
            assert response["Content-Language"] == language


@pytest.mark.parametrize(
    ("language", "past_the_last", "read_only"),
    [
        ("es", "Esa página de resultados no existe", "La API solo permite leer: envíe solicitudes GET."),
        ("pt", "Essa página de resultados não existe", "A API só permite leitura: envie solicitações GET."),
        ("id", "Halaman hasil itu tidak ada", "API ini hanya untuk membaca: kirim permintaan GET."),
    ],
)
def test_a_page_past_the_last_and_a_write_are_refused_in_the_request_language(
    client, world, language, past_the_last, read_only
):
    page = get(client, "/api/v1/services/", page=99, lang=language)
    assert page.status_code == 404 and page.json()["detail"].startswith(past_the_last)
    write = client.post(f"/api/v1/services/?lang={language}", {})
    assert write.status_code == 405 and write.json() == {"detail": read_only}


def test_read_only(client, world):
    assert client.post("/api/v1/services/", {}).status_code == 405
    assert client.delete(f"/api/v1/services/{world['public'].pk}/").status_code == 405
    assert Service.objects.count() == 6


def test_schema_and_docs_load_nothing_from_another_host(client, db):
    schema = get(client, "/api/v1/schema/", format="json")
    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"]
    assert {"/api/v1/services/", "/api/v1/organisations/", "/api/v1/categories/", "/api/v1/countries/"} <= set(paths)
    docs = get(client, "/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui-bundle.js" in html and "/static/" in html
    assert "http://" not in html and "https://" not in html and "<script>" not in html and "<style" not in html
    script = get(client, "/api/v1/docs/", script="")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    assert "csrf" not in script.content.decode().lower()
