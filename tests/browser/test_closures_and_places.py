"""A shelter's places and a service's temporary closure, changed by staff in the admin and read by the public at
once: the search's cards, its "places available" and "open now" filters. Members change them from their own area,
through the same service functions (test_member_area.py)."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot, today_at

pytestmark = pytest.mark.browser

SHELTER = "Shelter and psychological care"


def shelter_card(page):
    return page.locator("article.result", has_text=SHELTER)


def test_a_shelter_marked_full_shows_full_in_search_and_leaves_the_places_filter(
    page, new_context, directory, coordinator
):
    staff = new_context().new_page()
    log_in(staff, "en", coordinator)
    staff.goto(f"/en/admin/services/service/{directory.shelter_service.pk}/change/")
    staff.get_by_role("link", name="Update places").click()
    staff.get_by_role("button", name="Places available", exact=True).click()
    staff.wait_for_url(re.compile(rf"/services/service/{directory.shelter_service.pk}/change/$"))
    expect(staff.locator(".places-now")).to_contain_text("Places available")

    page.goto("/en/search/?q=&places=on")
    expect(page.locator("article.result")).to_have_count(1)
    expect(shelter_card(page)).to_contain_text("Places available")

    # Full, in one click on the places page; the search says so at once, with the update's age.
    staff.goto(f"/en/admin/services/service/{directory.shelter_service.pk}/places/")
    staff.get_by_role("button", name="Full", exact=True).click()
    page.goto("/en/search/?q=")
    expect(shelter_card(page).locator(".badge-places-full")).to_have_text("Full")
    expect(shelter_card(page)).to_contain_text(re.compile(r"updated \d+\s+(second|minute)s? ago"))
    screenshot(page, "places-full-en")
    page.goto("/en/search/?q=&places=on")
    expect(page.locator("article.result")).to_have_count(0)


def test_a_closed_service_says_closed_until_and_leaves_open_now(page, new_context, directory, coordinator):
    directory.legal_service.open_24_7 = True  # open at any moment the test runs, until it is closed
    directory.legal_service.save()
    page.goto("/en/search/?q=&open_now=on")
    expect(page.locator("article.result", has_text="Free legal advice")).to_have_count(1)

    staff = new_context().new_page()
    log_in(staff, "en", coordinator)
    staff.goto(f"/en/admin/services/service/{directory.legal_service.pk}/change/")
    today = today_at(directory.legal_service)
    last = today + datetime.timedelta(days=10)
    staff.locator("#id_closed_from").fill(today.isoformat())
    staff.locator("#id_closed_until").fill(last.isoformat())
    staff.locator("#id_closure_note_en").fill("Closed for the holidays")
    staff.locator("input[name=_continue]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()

    page.goto("/en/search/?q=")
    card = page.locator("article.result", has_text="Free legal advice")
    expect(card.locator(".notice-closure")).to_contain_text("Closed until")
    expect(card.locator(".notice-closure")).to_contain_text("Closed for the holidays")
    expect(card).not_to_contain_text("Open now")
    screenshot(page, "closed-until-en")
    page.goto("/en/search/?q=&open_now=on")
    expect(page.locator("article.result", has_text="Free legal advice")).to_have_count(0)
