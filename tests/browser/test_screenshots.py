"""Screenshots of the main pages on a phone (360 px) and a desktop (1280 px), saved to test-artifacts/screenshots/
for people to look at; the pages must fit the width (no sideways scrolling)."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (360, 740), "desktop": (1280, 800)}


def main_pages(directory, language):
    legal = directory.legal_service
    yield "home", f"/{language}/", None
    yield "results", f"/{language}/search/?q=orientacion&s={legal.pk}", None
    yield "near", f"/{language}/search/?lat=4.60&lon=-74.08", None
    yield "no-results", f"/{language}/search/?q=zzzzzz", None
    yield "service", f"/{language}/services/{legal.pk}/", None
    yield "organisation", f"/{language}/organisations/{legal.organisation.slug}/", None
    yield "country", f"/{language}/countries/CO/", None
    yield "referral-list", f"/{language}/list/?s={legal.pk},{directory.shelter_service.pk}", None
    yield "safety", f"/{language}/safety/", None
    yield "join", f"/{language}/join/", None
    yield "join-errors", f"/{language}/join/", "form[method=post] button[type=submit]"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("screen", WIDTHS)
def test_main_pages_fit_and_are_saved(new_context, directory, language, screen):
    width, height = WIDTHS[screen]
    page = new_context(viewport={"width": width, "height": height}).new_page()
    too_wide = []
    for name, url, submit in main_pages(directory, language):
        page.goto(url)
        if submit:
            page.locator(submit).click()
            page.wait_for_load_state()
        if page.evaluate("document.documentElement.scrollWidth") > width:
            too_wide.append(name)
        screenshot(page, f"{language}-{screen}-{name}")
    assert too_wide == []
