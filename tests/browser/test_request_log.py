"""The guard every browser test relies on: a request to another host is caught, the neutral site is answered here."""

import pytest
from playwright.sync_api import Error

from tests.browser.conftest import NEUTRAL_TITLE, NEUTRAL_URL, RequestLog, watch

pytestmark = pytest.mark.browser


def test_a_request_to_another_host_is_recorded_and_never_sent(browser, browser_context_args, live_server, directory):
    log = RequestLog(live_server.url)
    context = watch(browser.new_context(**browser_context_args), log)
    page = context.new_page()
    page.goto("/en/")
    assert any(url.endswith("/static/js/site.js") for url in log.urls)
    assert log.foreign() == []

    page.goto(NEUTRAL_URL)
    assert page.title() == NEUTRAL_TITLE
    assert log.foreign() == []

    with pytest.raises(Error):
        page.goto("http://example.com/tracker.js")
    assert log.foreign() == ["http://example.com/tracker.js"]
    context.close()
