"""The staff coverage map: public services per country and region for a type of help and a population, the regions
with none, as a table and CSV, within the countries the person may see."""

import csv
import io
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from members.models import CoordinatorAssignment, Location
from members.roles import COORDINATORS, EDITORS
from services.models import Service
from tests.factories import (
    CityFactory,
    CountryFactory,
    LocationFactory,
    OrganisationFactory,
    PopulationFactory,
    ServiceFactory,
    UserFactory,
)
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db


def staff(username: str, group: str, *countries):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    for country in countries:
        CoordinatorAssignment.objects.create(user=user, country=country)
    return user


@pytest.fixture
def ecuador():
    return CountryFactory(code="EC", name_en="Ecuador", name_es="Ecuador", latitude=-1.8, longitude=-78.2)


@pytest.fixture
def directory(ecuador):
    """Legal aid in Bogotá (twice, one of them at a confidential address), in Medellín (for women only, and a
    family-law service: a subcategory), and in Quito; a paused one and a pending member's one in Cali; a hotline."""
    women = PopulationFactory(code="lgbtiq", name_en="LGBTIQ+ people")
    bogota_public = data.public_listing()
    bogota_confidential = data.confidential_listing(categories=[data.legal_aid()])
    medellin = data.city_only_listing(categories=[data.legal_aid()])
    medellin.populations.add(women)
    family = data.city_only_listing(name_es="Derecho de familia", categories=[data.family_law()])
    cali = CityFactory(
        country=data.colombia(), name_en="Cali", administrative_area="Valle del Cauca", latitude=3.45, longitude=-76.53
    )
    ServiceFactory(
        status=Service.Status.PAUSED,
        categories=[data.legal_aid()],
        locations=[LocationFactory(city=cali)],
    )
    pending = OrganisationFactory(pending=True)
    ServiceFactory(organisation=pending, categories=[data.legal_aid()], locations=[LocationFactory(city=cali)])
    quito = CityFactory(
        country=ecuador,
        name_en="Quito",
        administrative_area="Pichincha",
        latitude=-0.18,
        longitude=-78.47,
        time_zone="America/Guayaquil",
    )
    ServiceFactory(categories=[data.legal_aid()], locations=[LocationFactory(city=quito)])
    data.hotline(categories=[data.legal_aid()])
    return {"bogota": bogota_public, "confidential": bogota_confidential, "medellin": medellin, "family": family}


def page(client, query: str = "category=legal-aid", language: str = "en"):
    response = client.get(f"/{language}/admin/coverage/?{query}")
    assert response.status_code == 200, response.status_code
    return response


def regions_data(response) -> dict:
    found = re.search(r'id="coverage-data" type="application/json">(.*?)</script>', response.content.decode())
    return json.loads(found.group(1))


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_public_services_are_counted_per_region_with_the_gaps(client, directory):
    client.force_login(staff("editor", EDITORS))
    response = page(client)
    counted = {code: count for code, (count, _label) in regions_data(response)["regions"].items()}
    # Bogotá: the public and the confidential service; Antioquia: two city-only ones (one of a subcategory).
    assert counted["CO-DC"] == 2
    assert counted["CO-ANT"] == 2
    assert counted["EC-P"] == 1
    # The paused service and the pending member's are not public: Valle del Cauca has none.
    assert counted["CO-VAC"] == 0
    html = response.content.decode()
    gaps = re.search(r'<h2 id="coverage-CO">.*?<ul class="coverage-gaps">(.*?)</ul>', html, re.S).group(1)
    assert "Valle del Cauca" in gaps and "Antioquia" not in gaps
    assert "1 service by phone or online for the whole country." in html
    assert "4 services with a place in the country." in html


def test_a_population_narrows_the_count(client, directory):
    client.force_login(staff("editor", EDITORS))
    counted = regions_data(page(client, "category=legal-aid&population=lgbtiq"))["regions"]
    assert counted["CO-ANT"][0] == 1
    assert counted["CO-DC"][0] == 0


def test_the_table_and_the_gaps_download_as_csv(client, directory):
    client.force_login(staff("editor", EDITORS))
    response = client.get("/en/admin/coverage/?category=legal-aid&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Country code", "Country", "Region code", "Region", "Services"]
    assert ["CO", "Colombia", "CO-DC", "Bogotá", "2"] in rows
    gaps = csv_rows(client.get("/en/admin/coverage/?category=legal-aid&format=csv&rows=gaps"))
    assert all(row[4] == "0" for row in gaps[1:])
    assert any(row[2] == "CO-VAC" for row in gaps) and not any(row[2] == "CO-DC" for row in gaps)
    # Headers in the page's language.
    spanish = csv_rows(client.get("/es/admin/coverage/?category=legal-aid&format=csv"))
    assert spanish[0][0] != "Country code"


def test_the_download_links_keep_the_chosen_filters(client, directory):
    client.force_login(staff("editor", EDITORS))
    html = page(client, "category=legal-aid&rows=gaps").content.decode()
    assert 'href="?category=legal-aid&amp;format=csv" download' in html
    assert 'href="?category=legal-aid&amp;rows=gaps&amp;format=csv" download' in html


def test_a_coordinator_sees_only_her_countries(client, directory, ecuador):
    client.force_login(staff("coordinator-ec", COORDINATORS, ecuador))
    response = page(client)
    assert regions_data(response)["countries"] == ["EC"]
    assert "EC-P" in regions_data(response)["regions"]
    assert not any(code.startswith("CO-") for code in regions_data(response)["regions"])
    # Asking for another country is refused with the form's error, and the CSV holds nothing of it.
    refused = page(client, "category=legal-aid&country=CO").content.decode()
    assert "Select a valid choice" in refused
    rows = csv_rows(client.get("/en/admin/coverage/?category=legal-aid&format=csv"))
    assert {row[0] for row in rows[1:]} == {"EC"}


def test_staff_only(client, directory):
    response = client.get("/en/admin/coverage/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory(username="no-role", is_staff=True))
    assert client.get("/en/admin/coverage/").status_code == 403


def test_no_confidential_place_reaches_the_coverage_outputs(client, directory):
    client.force_login(staff("editor", EDITORS))
    outputs = [page(client).content.decode(), client.get("/en/admin/coverage/?format=csv").content.decode()]
    location = directory["confidential"].locations.get()
    assert location.address_visibility == Location.AddressVisibility.CONFIDENTIAL
    for text in outputs:
        for secret in (data.SECRET_STREET, data.SECRET_POSTAL_CODE, "4.6532", "74.0581"):
            assert secret not in text


def test_the_coverage_page_is_linked_from_the_admin_home(client, directory):
    client.force_login(staff("editor", EDITORS))
    assert reverse("admin:coverage") in client.get(reverse("admin:index")).content.decode()
