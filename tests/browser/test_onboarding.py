"""Joining the network in a browser, and a coordinator approving the application in the admin."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from members.forms import OrganisationApplicationForm
from members.models import CoordinatorAssignment, Organisation
from members.roles import COORDINATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

NEW_ORGANISATION = "Colectiva Ejemplo Amaranto"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(monkeypatch):
    """The form refuses answers sent within seconds of showing it; a test types faster than a person."""
    monkeypatch.setattr(OrganisationApplicationForm, "min_fill_seconds", 0)


def fill_the_join_form(page, directory):
    page.locator("#id_name").fill(NEW_ORGANISATION)
    page.locator("#id_kind").select_option(Organisation.Kind.NGO)
    page.locator("#id_public_phone").fill("+57 601 555 0100")
    page.locator(f"input[name=countries][value='{directory.country.pk}']").check()
    page.locator("#id_locations-0-name").fill("Sede Amaranto")
    page.locator("#id_locations-0-city").select_option(str(directory.legal_service.locations.get().city_id))
    page.locator("#id_locations-0-street_address").fill("Calle Ejemplo 1 # 2-3")
    page.locator("#id_services-0-name").fill("Acompañamiento amaranto")
    page.locator(f"input[name=services-0-categories][value='{directory.legal.pk}']").check()
    page.locator("input[name=services-0-cost][value=free]").check()
    page.locator("input[name=services-0-referral_required][value=yes]").check()
    page.locator("#id_contact_name").fill("Ana Ejemplo")
    page.locator("#id_contact_email").fill("ana@example.org")
    page.locator("#id_consent").check()


def apply_to_join(page, directory, language):
    page.goto(f"/{language}/join/")
    # Sent empty: the errors are announced and the fields marked, nothing is saved.
    page.locator("form[method=post] button[type=submit]").click()
    expect(page.locator(".errors[role=alert]")).to_be_visible()
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_contact_email")).to_have_attribute("aria-invalid", "true")
    assert Organisation.objects.count() == len(directory.organisations)

    fill_the_join_form(page, directory)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/join/thanks/"))
    return Organisation.objects.get(status=Organisation.Status.APPLIED)


@pytest.mark.parametrize("language", ["en", "es"])
def test_apply_to_join_with_errors_then_successfully(page, directory, language):
    organisation = apply_to_join(page, directory, language)

    assert str(organisation.name) == NEW_ORGANISATION
    assert list(organisation.countries.all()) == [directory.country]
    service = organisation.services.get()
    assert service.locations.get().street_address == "Calle Ejemplo 1 # 2-3"
    assert (service.cost, service.referral_required) == ("free", True)


@pytest.fixture
def coordinator(directory, role_groups):
    user = UserFactory(username="coordinator-co", is_staff=True, password=PASSWORD)
    user.groups.add(Group.objects.get(name=COORDINATORS))
    CoordinatorAssignment.objects.create(user=user, country=directory.country)
    return user


def log_in(page, language, user):
    page.goto(f"/{language}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/admin/$"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_coordinator_approves_and_search_finds_it(page, new_context, directory, coordinator, language):
    organisation = apply_to_join(page, directory, language)
    page.goto(f"/{language}/search/?q=amaranto")
    expect(page.locator("article.result")).to_have_count(0)

    staff = new_context().new_page()
    log_in(staff, language, coordinator)
    staff.goto(f"/{language}/admin/members/application/")
    row = staff.locator("#result_list tbody tr", has_text=NEW_ORGANISATION)
    row.locator("input.action-select").check()
    staff.locator("select[name=action]").select_option("membership_approve")
    staff.locator("button[name=index]").click()
    staff.locator("form:has(input[name=confirm]) [type=submit]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.APPROVED

    page.goto(f"/{language}/search/?q=amaranto")
    expect(page.locator("article.result .organisation")).to_have_text([NEW_ORGANISATION])
