"""On a phone (360 × 780 px), the issue's journeys not walked elsewhere: a fact nobody gave reads "ask the service",
and a listing without the reader's language reads in its own. (Results first, the quick exit, the join form and
"ask for changes" at 360 px are in test_journeys.py and test_onboarding.py.)"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.services.test_unknown_facts import ASK, ASSUMED

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}


def fits_the_screen(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_on_a_phone_a_fact_nobody_gave_says_ask_the_service(page, directory, language):
    from tests.services import directory_data as data

    unknown = data.public_listing(
        name_es="Atención sin datos de costo", name_en="Support without cost facts", cost=None, referral_required=None
    )
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/search/")
    card = page.locator(f"#service-{unknown.pk}")
    cost, referral = ASK[language]
    expect(card.locator("dd", has_text=cost).first).to_be_visible()
    for assumed in ASSUMED[language]:
        expect(card.locator("dd", has_text=assumed)).to_have_count(0)
    fits_the_screen(page)

    card.locator("h3 a").click()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("dd", has_text=cost).first).to_be_visible()
    expect(page.locator("dd", has_text=referral).first).to_be_visible()
    fits_the_screen(page)
    screenshot(page, f"ask-the-service-360-{language}")


@pytest.mark.parametrize("language", ["en", "id"])
def test_on_a_phone_a_brazilian_listing_reads_in_portuguese_not_spanish(page, directory, language):
    """Written in Portuguese by its member, translated into Spanish only: an English or Indonesian reader gets the
    Portuguese text, marked as Portuguese, on the card and on its page."""
    from tests.factories import OrganisationFactory, ServiceFactory

    organisation = OrganisationFactory(
        contact_language="pt", name_es="", name_pt="Casa Exemplo", name_en="", slug="casa-exemplo"
    )
    service = ServiceFactory(
        organisation=organisation,
        name_es="Acogida",
        name_pt="Acolhimento",
        name_en="",
        name_ind="",
        locations=[directory.legal_service.locations.get()],
    )
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/search/")
    title = page.locator(f"#service-{service.pk} h3 a")
    expect(title).to_have_text("Acolhimento")
    expect(title).to_have_attribute("lang", "pt")
    fits_the_screen(page)

    title.click()
    expect(page.locator("h1")).to_have_text("Acolhimento")
    expect(page.locator("h1")).to_have_attribute("lang", "pt")
    expect(page.locator("html")).to_have_attribute("lang", language)
    fits_the_screen(page)
    screenshot(page, f"content-fallback-360-{language}")
