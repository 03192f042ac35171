"""The whole site with JavaScript turned off: every journey still works with plain links and forms."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from members.forms import OrganisationApplicationForm

pytestmark = pytest.mark.browser


@pytest.fixture
def page(new_context):
    return new_context(java_script_enabled=False).new_page()


@pytest.mark.parametrize("language", ["en", "es"])
def test_search_filter_service_list_and_join_without_javascript(page, directory, language, monkeypatch):
    with translation.override(language):
        legal, shelter = str(directory.legal_service.name), str(directory.shelter_service.name)
    page.goto(f"/{language}/")
    assert page.evaluate("1 + 1") == 2  # Playwright's own evaluation still works; the page's scripts do not.
    page.locator("form[role=search] #id_q").fill("psicologica")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/search/\?"))
    expect(page.locator("article.result h3 a")).to_have_text([shelter])

    # After a search the results come first; the form is folded under "Change search", and like the filter
    # panel, <details> opens without scripts.
    expect(page.locator("#id_q")).to_be_hidden()
    page.locator("#change-search > summary").click()
    page.locator("#id_q").fill("")
    page.locator("details.filter-panel > summary").click()
    page.locator("input[name=category][value=legal-aid]").check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"category=legal-aid"))
    expect(page.locator("article.result")).to_have_count(2)

    # Near a chosen city instead of the browser's location.
    page.goto(f"/{language}/")
    page.locator("[data-near-me]").click()
    page.wait_for_url(re.compile(r"near_me=1"))
    expect(page.locator("main .notes[role=status]").last).to_be_visible()

    page.goto(f"/{language}/search/")
    page.locator(f"[data-list-add='{directory.legal_service.pk}']").click()
    page.wait_for_url(re.compile(rf"s={directory.legal_service.pk}"))
    page.locator(f"#service-{directory.legal_service.pk} h3 a").click()
    expect(page.locator("h1")).to_have_text(legal)
    expect(page.locator("a.phone[href^='tel:']").first).to_be_visible()
    expect(page.locator(f"[data-list-remove='{directory.legal_service.pk}']")).to_be_visible()

    page.goto(f"/{language}/list/?s={directory.legal_service.pk},{directory.shelter_service.pk}")
    expect(page.locator("article.referral h2")).to_have_text([legal, shelter])
    expect(page.locator("#share-link")).to_be_visible()
    expect(page.locator("[data-print]")).to_be_hidden()  # the print button needs JavaScript; the browser's menu prints
    page.locator(f"#service-{directory.legal_service.pk} .no-print a").click()
    expect(page.locator("article.referral h2")).to_have_text([shelter])

    monkeypatch.setattr(OrganisationApplicationForm, "min_fill_seconds", 0)
    page.goto(f"/{language}/join/")
    page.locator("form[method=post] button[type=submit]").click()
    expect(page.locator(".errors[role=alert]")).to_be_visible()
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("language", ["en", "es"])
def test_quick_exit_is_a_plain_link_without_javascript(page, directory, language):
    page.goto(f"/{language}/search/")
    page.locator("#quick-exit").click()
    page.wait_for_url("http://neutral.test/")


def test_share_links_qr_code_and_country_card_without_javascript(page, directory):
    legal = directory.legal_service
    page.goto(f"/en/list/?s={legal.pk}")
    for kind in ("whatsapp", "sms", "telegram", "email"):
        expect(page.locator(f"a[data-share={kind}]")).to_be_visible()
    # The copy and share-sheet buttons need the script: hidden without it.
    expect(page.locator("[data-copy-url]")).to_be_hidden()
    expect(page.locator("[data-share-sheet]")).to_be_hidden()
    expect(page.locator("svg.qr-code")).to_be_visible()

    page.locator(".card-link a").click()
    page.locator("#id_country").select_option("CO")
    page.locator("#id_category").select_option("legal-aid")
    page.locator("form.card-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/en/card/\?country=CO&category=legal-aid"))
    expect(page.locator(".card-service svg.qr-code").first).to_be_visible()
    expect(page.locator(".card-service h4")).to_have_count(2)


def test_filtering_by_walk_in_at_360_px_without_javascript(new_context, directory):
    directory.legal_service.appointment = "walk_in"
    directory.legal_service.save()
    page = new_context(java_script_enabled=False, viewport={"width": 360, "height": 740}).new_page()
    page.goto("/en/search/")
    expect(page.locator("article.result")).to_have_count(3)
    page.locator("details.filter-panel > summary").click()
    walk_in = page.get_by_label("Walk in, no appointment", exact=True)
    walk_in.scroll_into_view_if_needed()
    expect(walk_in).to_be_in_viewport()
    walk_in.check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"walk_in=on"))
    expect(page.locator("article.result h3 a")).to_have_text([str(directory.legal_service.name)])
    expect(
        page.locator(f"#service-{directory.legal_service.pk} dd", has_text="Walk in, no appointment needed")
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
