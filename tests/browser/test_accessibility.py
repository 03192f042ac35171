"""axe-core on every kind of page, in every language: WCAG 2.0, 2.1 and 2.2 levels A and AA, target size too."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import LANGUAGES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def axe_violations(page) -> tuple[list[str], set[str]]:
    """The violations as readable lines, and the ids of the rules that ran."""
    response = Axe().run(page, options=AXE_OPTIONS).response
    lines = []
    for violation in response["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation['impact']}): {', '.join(map(str, node['target']))}")
    ran = {rule["id"] for kind in ("violations", "passes", "incomplete", "inapplicable") for rule in response[kind]}
    return lines, ran


def pages(directory, language):
    legal = directory.legal_service
    yield "home", f"/{language}/", None
    yield "results", f"/{language}/search/?q=orientacion", None
    yield "no results", f"/{language}/search/?q=zzzzzz", None
    yield "near a place", f"/{language}/search/?lat=4.60&lon=-74.08", None
    yield "results map", f"/{language}/search/?lat=4.60&lon=-74.08&radius=200&view=map", None
    yield "service", f"/{language}/services/{legal.pk}/", None
    yield "organisation", f"/{language}/organisations/{legal.organisation.slug}/", None
    yield "country", f"/{language}/countries/CO/", None
    yield "referral list", f"/{language}/list/?s={legal.pk},{directory.shelter_service.pk}", None
    yield "country card", f"/{language}/card/?country=CO", None
    yield "country card with errors", f"/{language}/card/?country=CO&city=999999", None
    yield "safety", f"/{language}/safety/", None
    yield "join", f"/{language}/join/", None
    yield "join with errors", f"/{language}/join/", "form[method=post] button[type=submit]"
    yield "admin login", f"/{language}/admin/login/", None


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violation_on_any_page(page, directory, language):
    found = {}
    for name, url, submit in pages(directory, language):
        page.goto(url)
        if "view=map" in url:
            page.wait_for_selector("[data-pin]")
            page.locator("[data-pin]").first.focus()
            # Enter on a group zooms in on it and focuses its first pin; on a pin it shows the card.
            for _ in range(4):
                page.keyboard.press("Enter")
                page.wait_for_timeout(500)
                if page.locator("#map-selection").is_visible():
                    break
        if submit:
            page.locator(submit).click()
            page.wait_for_load_state()
        violations, ran = axe_violations(page)
        assert "target-size" in ran
        if violations:
            found[name] = violations
    assert found == {}


PHONE_PAGES = ("home", "results", "service", "referral list", "join", "join with errors", "safety")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_axe_violation_on_a_phone(page, directory, language):
    """The public pages a person meets first, at 360 px (a small phone): axe-core finds no serious or critical
    violation (nor any other: every violation is listed)."""
    page.set_viewport_size({"width": 360, "height": 780})
    found = {}
    for name, url, submit in pages(directory, language):
        if name not in PHONE_PAGES:
            continue
        page.goto(url)
        if submit:
            page.locator(submit).click()
            page.wait_for_load_state()
        assert page.evaluate("document.documentElement.clientWidth") == 360
        violations, ran = axe_violations(page)
        assert "target-size" in ran
        if violations:
            found[name] = violations
    serious = {
        name: [line for line in lines if "(serious)" in line or "(critical)" in line] for name, lines in found.items()
    }
    assert {name: lines for name, lines in serious.items() if lines} == {}
    assert found == {}
