"""The printable country card: a country's emergency numbers and its public services of a type of help in a city,
with their channels and a QR code of each service's page, from a form that works without JavaScript."""

import re

import pytest
from django.utils import translation

from services import views
from tests.factories import (
    CityFactory,
    ContactChannelFactory,
    CountryFactory,
    LocationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
)
from tests.services import directory_data as data
from tests.services.test_sharing import Page, expected_modules, modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings():
    public = data.public_listing()
    ContactChannelFactory(service=public, kind="whatsapp", address="+573001230001")
    return {
        "public": public,
        "confidential": data.confidential_listing(categories=[data.legal_aid()]),
        "other_city": data.city_only_listing(categories=[data.legal_aid()]),
        "other_type": data.public_listing(name_en="Family doctor", name_es="Médico familiar", categories=[]),
    }


def card_url(language="en", **parameters):
    query = "&".join(f"{key}={value}" for key, value in parameters.items())
    return f"/{language}/card/?{query}"


def card_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<li class="card-service" id="service-(\d+)">', html)]


def test_without_a_choice_the_page_is_the_form(client, listings):
    html = client.get("/en/card/").content.decode()
    assert '<form method="get" action="/en/card/"' in html
    assert 'class="country-card"' not in html
    # Cities grouped by their country, so the choice works without a script.
    assert re.search(r'<optgroup label="Colombia">\s*<option value="\d+">Bogotá</option>', html)


def test_the_card_has_the_emergency_numbers_and_the_matching_services(client, listings):
    bogota = listings["public"].locations.get().city
    html = client.get(card_url(country="CO", category="legal-aid", city=bogota.pk)).content.decode()
    assert "Legal aid in Bogotá, Colombia" in html
    assert 'href="tel:123"' in html and 'href="tel:+5716015555"' in html  # emergency number and helpline
    # Public services of that type with a place in that city, by name; not the other city's nor the other type's.
    assert card_ids(html) == [listings["public"].pk, listings["confidential"].pk]
    assert 'href="https://wa.me/573001230001"' in html
    assert "Calle Pública 10 # 5-20" in html
    assert data.SECRET_STREET not in html and data.SECRET_POSTAL_CODE not in html
    assert "The address is confidential" in html
    # Quick exit on screen (hidden in print by the style sheet), and the print button for the script to show.
    assert 'id="quick-exit"' in html and "data-print" in html


def test_each_service_has_a_qr_code_of_its_page(client, listings):
    html = client.get(card_url(country="CO", category="legal-aid")).content.decode()
    page = Page(html)
    svgs = [svg for svg in page.svgs if svg.get("class") == "qr-code"]
    pks = card_ids(html)
    assert len(svgs) == len(pks) == 3
    for svg, path, pk in zip(svgs, page.paths, pks, strict=True):
        size = int(svg["viewbox"].split()[-1])
        assert modules(path, size) == expected_modules(f"http://testserver/en/services/{pk}/")
        assert svg["aria-label"].startswith("QR code of the page of ")


def test_every_type_and_city_of_a_country(client, listings):
    html = client.get(card_url(country="CO")).content.decode()
    assert "Services in Colombia" in html
    assert set(card_ids(html)) == {service.pk for service in listings.values()}


def test_one_page_at_most_and_a_link_to_the_rest(client, listings, monkeypatch):
    monkeypatch.setattr(views, "CARD_SERVICES", 2)
    html = client.get(card_url(country="CO", category="legal-aid")).content.decode()
    assert len(card_ids(html)) == 2
    assert "1 more service matches: search the directory for it." in html
    assert 'href="/en/search/?country=CO&amp;category=legal-aid"' in html


def test_a_city_of_another_country_is_refused_with_the_choices_kept(client, listings):
    quito = CityFactory(
        country=CountryFactory(code="EC", name_en="Ecuador", name_es="Ecuador"), name_en="Quito", name_es="Quito"
    )
    LocationFactory(city=quito)
    ServiceFactory(locations=[LocationFactory(city=quito)], categories=[data.legal_aid()])
    with translation.override("es"):
        html = client.get(card_url("es", country="CO", category="legal-aid", city=quito.pk)).content.decode()
    assert 'class="country-card"' not in html
    assert "Quito no está en Colombia: elija una de sus ciudades, o todas las ciudades." in html
    assert 'href="#id_city"' in html  # the error summary links to the field
    assert 'value="CO" selected' in html and f'value="{quito.pk}" selected' in html
    assert 'value="legal-aid" selected' in html


def test_a_country_without_matching_services_still_gives_its_numbers(client, listings):
    html = client.get(card_url(country="CO", category="legal-aid", city="999999")).content.decode()
    assert 'class="country-card"' not in html  # an unknown city is an error, not an empty card
    ServiceCategoryFactory(slug="health", name_en="Health")
    html = client.get(card_url(country="CO", category="health")).content.decode()
    assert card_ids(html) == [] and 'href="tel:123"' in html
    assert "No service in the directory matches." in html


def test_the_search_and_the_referral_list_link_to_the_card(client, listings):
    search = client.get("/en/search/?country=CO").content.decode()
    assert 'href="/en/card/?country=CO"' in search
    bogota = listings["public"].locations.get().city
    near = client.get(f"/en/search/?near={bogota.pk}").content.decode()
    assert f'href="/en/card/?country=CO&amp;city={bogota.pk}"' in near
    referral = client.get(f"/en/list/?s={listings['public'].pk}").content.decode()
    assert 'href="/en/card/"' in referral


def test_the_card_is_read_in_a_fixed_number_of_queries(client, listings, django_assert_max_num_queries):
    url = card_url(country="CO")
    client.get(url)
    with django_assert_max_num_queries(14):
        client.get(url)
