"""The admin works in a real browser under the site's strict Content-Security-Policy: no violation is reported on
its pages, and modeltranslation's language tabs (jQuery UI, from our own static files) are built."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import settle
from tests.factories import UserFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def listing(transactional_db):
    return data.public_listing()


def test_admin_pages_report_no_csp_violation(page, listing):
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    UserFactory(username="csp-admin", is_staff=True, is_superuser=True, password=PASSWORD)
    page.goto("/en/admin/login/")
    page.locator("#id_username").fill("csp-admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(re.compile(r"/en/admin/$"))

    organisation = listing.organisation
    page.goto(f"/en/admin/members/organisation/{organisation.pk}/change/")
    expect(page.locator(".ui-tabs").first).to_be_visible()  # the translation tabs were built by script
    found = {}
    for url in [
        "/en/admin/",
        "/en/admin/members/organisation/",
        f"/en/admin/members/organisation/{organisation.pk}/change/",
        f"/en/admin/services/service/{listing.pk}/change/",
        "/en/admin/members/location/add/",
        f"/en/admin/members/organisation/{organisation.pk}/history/",
    ]:
        violations.clear()
        page.goto(url)
        page.wait_for_load_state("load")
        found[url] = list(violations)
    settle(page)
    history = f"/en/admin/members/organisation/{organisation.pk}/history/"
    # simple-history's history page has one style attribute: the browser ignores it and draws a border.
    assert all(re.search(r"style-src", text) for text in found.pop(history)), history
    assert found == {url: [] for url in found}
