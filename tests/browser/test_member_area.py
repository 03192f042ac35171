"""A member keeps her listing true in a browser: she signs in, edits a service, a coordinator approves the change
in the admin, and the public page shows it (issue 21)."""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from members.models import CoordinatorAssignment, OrganisationMember, ProposedChange
from members.roles import COORDINATORS
from tests.browser.conftest import screenshot
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
NEW_NAME = "Orientación jurídica renovada"


@pytest.fixture
def member(directory, role_groups):
    user = UserFactory(username="marta@casa.example.org", email="marta@casa.example.org", password=PASSWORD)
    return OrganisationMember.objects.create(user=user, organisation=directory.organisation, language="es")


@pytest.fixture
def coordinator(directory, role_groups):
    user = UserFactory(username="coordinator-co", is_staff=True, password=PASSWORD)
    user.groups.add(Group.objects.get(name=COORDINATORS))
    CoordinatorAssignment.objects.create(user=user, country=directory.country)
    return user


@pytest.mark.parametrize("language", ["es", "en"])
def test_member_edits_a_service_a_coordinator_approves_and_the_public_page_shows_it(
    page, new_context, directory, member, coordinator, language
):
    service = directory.legal_service
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"/{language}/account/sign-in/")
    assert page.context.cookies() == []  # no cookie before signing in
    page.locator("#id_username").fill(member.user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    page.locator(f"a[href='/{language}/account/service/{service.pk}/']").click()
    expect(page.locator("#id_name_es")).to_have_value(str(service.name_es))
    name = page.locator(f"#id_name_{language}")  # the version the public page in this language shows
    expect(page.locator(".language-versions .missing").first).to_be_visible()
    name.fill(NEW_NAME)
    screenshot(page, f"member-area-edit-{language}")
    page.locator("form.listing-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    expect(page.locator("[role=status]")).to_be_visible()
    assert ProposedChange.objects.pending().count() == 1

    visitor = new_context().new_page()
    visitor.goto(f"/{language}/services/{service.pk}/")
    expect(visitor.locator("h1")).not_to_have_text(NEW_NAME)

    staff = new_context().new_page()
    staff.goto(f"/{language}/admin/login/")
    staff.locator("#id_username").fill(coordinator.username)
    staff.locator("#id_password").fill(PASSWORD)
    staff.locator("#login-form [type=submit]").click()
    staff.wait_for_url(re.compile(rf"/{language}/admin/$"))
    staff.goto(f"/{language}/admin/members/proposedchange/")
    staff.locator("#result_list tbody tr a").first.click()
    expect(staff.locator("#proposal-changes")).to_contain_text(NEW_NAME)
    staff.locator("input[name=_approve]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()

    visitor.goto(f"/{language}/services/{service.pk}/")
    expect(visitor.locator("h1")).to_contain_text(NEW_NAME)


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_no_axe_violation_in_the_member_area(page, directory, member, language):
    from tests.browser.test_accessibility import axe_violations

    found = {}
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"/{language}/account/sign-in/")
    page.locator("form[method=post] button[type=submit]").click()  # empty: the errors
    page.wait_for_load_state()
    found["sign-in with errors"] = axe_violations(page)[0]
    page.locator("#id_username").fill(member.user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    location = directory.legal_service.locations.first()
    for name, url in [
        ("home", f"/{language}/account/"),
        ("organisation", f"/{language}/account/organisation/"),
        ("location", f"/{language}/account/location/{location.pk}/"),
        ("service", f"/{language}/account/service/{directory.legal_service.pk}/"),
        ("two-step", f"/{language}/account/two-step/"),
        ("password change", f"/{language}/account/password/change/"),
        ("password reset", f"/{language}/account/password/"),
    ]:
        page.goto(url)
        found[name] = axe_violations(page)[0]
    TOTPDevice.objects.create(user=member.user, name="app", confirmed=True)
    page.goto(f"/{language}/account/two-step/")
    page.locator("form[method=post] button[type=submit]").last.click()  # turning it off, empty: the errors
    page.wait_for_load_state()
    found["two-step off with errors"] = axe_violations(page)[0]
    assert {name: lines for name, lines in found.items() if lines} == {}
