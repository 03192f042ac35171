"""The results map in a real browser: pins by keyboard in the list's order, each named; the card of a chosen pin;
zoom and pan by keyboard; no request to another host and no location asked while it is used; 360 px; no script."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Counts every use of the browser's location: the map must never ask for it.
GEOLOCATION_SPY = """
window.__locationAsked = 0;
if (navigator.geolocation) {
  const count = () => { window.__locationAsked += 1; };
  navigator.geolocation.getCurrentPosition = count;
  navigator.geolocation.watchPosition = count;
}
"""
PIN_POSITIONS = "() => Array.from(document.querySelectorAll('[data-pin]')).map((el) => el.getBoundingClientRect().x)"


def names(directory, language):
    with translation.override(language):
        return {service.pk: str(service.name) for service in directory.services}


def open_map(page, query="sort=name"):
    page.add_init_script(GEOLOCATION_SPY)
    page.goto(f"/en/search/?{query}")
    page.locator("nav.views a", has_text="Map").click()
    page.wait_for_url(re.compile(r"view=map"))
    page.wait_for_selector("[data-pin]")
    page.wait_for_selector(".map-land", state="attached")  # the basemap, from this site


def test_the_pins_follow_the_list_by_keyboard_and_open_their_cards(page, directory, request_log):
    open_map(page)
    listed = [
        int(pk) for pk in page.locator("section article.result").evaluate_all("els => els.map((el) => el.id.slice(8))")
    ]
    service_names = names(directory, "en")
    # Zoomed out far enough that no two pins are grouped, each pin is one service.
    page.locator("#results-map").focus()
    for _ in range(2):
        page.keyboard.press("+")
        page.wait_for_timeout(400)
    labels = []
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.hasAttribute('data-pin')"):
        labels.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        page.keyboard.press("Tab")
    named = [next(pk for pk, name in service_names.items() if label.startswith(name)) for label in labels]
    assert named == [pk for pk in listed if pk in named]
    assert set(named) == set(service_names)
    assert any("only the city is published" in label for label in labels)

    # Back to the first pin; Enter shows its card under the map, with its distance and list button.
    page.locator("[data-pin]").first.focus()
    page.keyboard.press("Enter")
    card = page.locator("#map-selection article.result")
    expect(card).to_be_visible()
    expect(card.locator("h3 a")).to_have_text(service_names[named[0]])
    expect(card.locator("[data-list-add]")).to_be_visible()
    expect(page.locator("#map-selection")).to_be_focused()
    page.locator("#map-selection button", has_text="Back to the map").click()
    expect(page.locator("#map-selection")).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('data-pin')") == "0"

    assert page.evaluate("window.__locationAsked") == 0
    basemap = [url for url in request_log.urls if "basemap" in url]
    assert basemap and all(url.startswith(page.url.split("/en/")[0]) for url in basemap)


def test_the_map_zooms_and_pans_by_keyboard_without_a_request_elsewhere(page, directory, request_log):
    open_map(page, "near=&sort=name")
    page.locator("#results-map").focus()
    before = page.evaluate(PIN_POSITIONS)
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(500)
    panned = page.evaluate(PIN_POSITIONS)
    assert panned != before
    page.keyboard.press("-")
    page.wait_for_timeout(600)
    page.keyboard.press("+")
    page.keyboard.press("+")
    page.wait_for_timeout(600)
    # Grouped pins open by Enter: zoomed in on, or listed when they share a place.
    page.locator("[data-pin]").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(600)
    page.mouse.move(300, 300)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(600)
    assert page.evaluate("window.__locationAsked") == 0
    assert request_log.foreign() == []


def test_the_map_at_360_px(new_context, directory):
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    open_map(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator("#results-map").bounding_box()
    assert box["width"] <= 340 and box["height"] >= 300
    page.locator("[data-pin]").first.click()
    expect(page.locator("#map-selection")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_map_view_without_javascript_is_the_list(new_context, directory):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/en/search/?view=map")
    expect(page.locator("nav.views")).to_be_hidden()
    expect(page.locator("article.result")).to_have_count(3)
    # (Playwright turns scripts off after parsing, so <noscript> is not shown here as a browser without them shows it.)
    assert '<noscript><p class="notes">The map needs JavaScript.' in page.content()
    expect(page.locator("[data-map-area]")).to_be_hidden()


def test_the_coverage_map_loads_from_this_site(page, directory, request_log, role_groups, live_server):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    editor = UserFactory(username="map-editor", is_staff=True)
    editor.set_password("a-long-test-password-0123")
    editor.save()
    editor.groups.add(Group.objects.get(name="Editors"))
    page.goto("/en/admin/login/")
    page.fill("#id_username", "map-editor")
    page.fill("#id_password", "a-long-test-password-0123")
    page.click("input[type=submit]")
    page.goto("/en/admin/coverage/?category=legal-aid")
    page.wait_for_selector(".coverage-region", state="attached")
    assert page.locator("path.coverage-region.coverage-1").count() >= 1  # Bogotá's region
    assert page.locator("path.coverage-region.coverage-none").count() >= 1
    page.locator("#coverage-map").focus()
    page.keyboard.press("+")
    page.wait_for_timeout(500)
    assert request_log.foreign() == []
