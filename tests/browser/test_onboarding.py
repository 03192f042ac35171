"""Joining the network in a browser, and a coordinator approving the application in the admin."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.forms import OrganisationApplicationForm
from members.models import Organisation
from tests.browser.conftest import log_in, screenshot

pytestmark = pytest.mark.browser

NEW_ORGANISATION = "Colectiva Ejemplo Amaranto"


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


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_on_a_phone_the_join_form_lists_its_errors_at_the_top_and_keeps_what_was_typed(page, directory, language):
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"/{language}/join/")
    page.locator("#id_name").fill(NEW_ORGANISATION)
    page.locator("form[method=post] button[type=submit]").click()

    summary = page.locator(".error-summary[role=alert]")
    expect(summary).to_be_visible()
    assert summary.bounding_box()["y"] < 780  # on the first screen after sending
    expect(page.locator("#id_name")).to_have_value(NEW_ORGANISATION)
    body = summary.inner_text()
    for django_wording in ("submit at least 1 form", "envíe 1 formulario", "envie 1 formulário"):
        assert django_wording not in body
    summary.locator("a[href='#id_contact_email']").click()
    assert page.evaluate("location.hash") == "#id_contact_email"
    screenshot(page, f"join-errors-360-{language}")

    # Service 2 stays folded; the subcategories of a main category open when asked.
    expect(page.locator("#id_services-1-name")).to_be_hidden()
    fill_the_join_form(page, directory)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/join/thanks/"))


@pytest.mark.parametrize("language", ["es", "id"])
def test_asked_for_changes_the_applicant_updates_her_application_on_a_phone(
    page, new_context, directory, coordinator, language
):
    organisation = apply_to_join(page, directory, language)
    staff = new_context().new_page()
    log_in(staff, language, coordinator)
    staff.goto(f"/{language}/admin/members/application/")
    row = staff.locator("#result_list tbody tr", has_text=NEW_ORGANISATION)
    row.locator("input.action-select").check()
    staff.locator("select[name=action]").select_option("membership_request_changes")
    staff.locator("button[name=index]").click()
    staff.locator("textarea[name=reason]").fill("El teléfono público no responde.")
    staff.locator("form:has(input[name=confirm]) [type=submit]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()

    asked = next(message for message in reversed(mail.outbox) if message.to == ["ana@example.org"])
    assert asked.reply_to == [coordinator.email]
    link = re.search(r"https?://\S+/join/update/\S+/", asked.body).group(0)
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto("/" + link.split("://", 1)[1].split("/", 1)[1])
    expect(page.locator("#id_name")).to_have_value(NEW_ORGANISATION)
    # Everything the application holds is there to change: its service point and its service too.
    expect(page.locator("#id_locations-0-street_address")).to_have_value("Calle Ejemplo 1 # 2-3")
    expect(page.locator("#id_services-0-name")).to_have_value("Acompañamiento amaranto")
    page.locator("#id_public_phone").fill("+57 601 555 0199")
    page.locator("#id_locations-0-street_address").fill("")
    page.locator("input[name=services-0-referral_required][value=no]").check()
    page.locator("form[method=post] button[type=submit]").click()
    # A public address without its street is refused: listed at the top, the rest kept.
    summary = page.locator(".error-summary[role=alert]")
    expect(summary).to_be_visible()
    assert summary.bounding_box()["y"] < 780
    summary.locator("a[href='#id_locations-0-street_address']").click()
    expect(page.locator("#id_public_phone")).to_have_value("+57 601 555 0199")
    expect(page.locator("input[name=services-0-referral_required][value=no]")).to_be_checked()
    page.locator("#id_locations-0-street_address").fill("Carrera Ejemplo 9 # 8-7")
    page.locator("form[method=post] button[type=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, f"application-updated-360-{language}")
    organisation.refresh_from_db()
    assert (organisation.status, organisation.public_phone) == (Organisation.Status.APPLIED, "+576015550199")
    assert organisation.locations.get().street_address == "Carrera Ejemplo 9 # 8-7"
    assert organisation.services.get().referral_required is False
    told = [message for message in mail.outbox if message.to == [coordinator.email]]
    assert "+576015550100 → +576015550199" in told[-1].body
    assert "Calle Ejemplo 1 # 2-3 → Carrera Ejemplo 9 # 8-7" in told[-1].body
