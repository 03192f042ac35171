"""Staff set closures and places in the admin, through the scope gate, and the listing's history says who."""

import datetime

import pytest
from django.urls import reverse

from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory


@pytest.fixture
def shelter(colombia, bogota):
    organisation = OrganisationFactory(countries=[colombia])
    location = LocationFactory(organisation=organisation, city=bogota, confidential=True)
    return ServiceFactory(organisation=organisation, locations=[location], name_en="Safe house")


def change_data(client, url) -> dict:
    """The change form's own values, as a browser would post them back."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list | tuple) or hasattr(value, "all"):
            data[name] = [getattr(item, "pk", item) for item in (value.all() if hasattr(value, "all") else value)]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = getattr(value, "pk", value)
    return data


def test_a_coordinator_closes_a_location_from_its_page_and_a_bad_range_keeps_what_she_typed(
    client, shelter, coordinator_co
):
    location = shelter.locations.get()
    client.force_login(coordinator_co)
    url = reverse("admin:members_location_change", args=[location.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Temporary closure" in page.content.decode()
    data = change_data(client, url)
    data.update(
        {
            "closed_from": "2026-12-20",
            "closed_until": "2026-12-10",
            "closure_note_en": "Closed for repairs",
            "opening_hours-TOTAL_FORMS": "0",
            "opening_hours-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The last day of the closure comes before its first day." in html
    assert "Closed for repairs" in html  # kept in the form
    data["closed_until"] = "2027-01-06"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    location.refresh_from_db()
    assert (location.closed_from, location.closed_until) == (datetime.date(2026, 12, 20), datetime.date(2027, 1, 6))
    assert location.history.latest().history_user == coordinator_co


def test_places_in_one_click_from_the_service_page_for_staff_of_its_country_only(
    client, shelter, coordinator_co, coordinator_ec
):
    url = reverse("admin:services_service_places", args=[shelter.pk])
    client.force_login(coordinator_ec)
    assert client.post(url, {"capacity": "full"}).status_code == 403
    client.force_login(coordinator_co)
    change = reverse("admin:services_service_change", args=[shelter.pk])
    assert url in client.get(change).content.decode()
    page = client.get(url).content.decode()
    assert 'value="full"' in page and 'value="available"' in page
    assert f'&rsaquo; <a href="{change}">' in page  # the breadcrumbs lead back to the service
    response = client.post(url, {"capacity": "full"})
    assert response.status_code == 302 and response["Location"] == change
    shelter.refresh_from_db()
    assert shelter.capacity == Service.Capacity.FULL
    line = shelter.history.latest()
    assert (line.history_user, line.history_change_reason) == (coordinator_co, "Places updated")
    assert "updated" in client.get(change).content.decode()
    response = client.post(url, {"capacity": "dozens"})
    assert response.status_code == 200
    assert "Choose whether places are available, full or a waiting list." in response.content.decode()


def test_places_for_several_services_at_once_from_the_list(client, shelter, coordinator_co):
    other = ServiceFactory(organisation=shelter.organisation)
    client.force_login(coordinator_co)
    response = client.post(
        reverse("admin:services_service_changelist"),
        {"action": "places_waiting_list", "_selected_action": [shelter.pk, other.pk]},
    )
    assert response.status_code == 302
    assert set(Service.objects.values_list("capacity", flat=True)) == {"waiting_list"}
