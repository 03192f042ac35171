"""The smaller snags people met: the favicon and description every page lacked, the printed list without a date,
a card title hidden under the sticky bar, e-mail links to the wrong port, a filter lost at the bottom."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.factories import UserFactory
from tests.services import directory_data as data
from tests.services.test_public_pages import page_urls

pytestmark = pytest.mark.django_db

STATIC = settings.BASE_DIR / "static"


@pytest.fixture
def listings():
    return {
        "public": data.public_listing(),
        "confidential": data.confidential_listing(),
        "city_only": data.city_only_listing(),
        "hotline": data.hotline(),
    }


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_every_page_has_a_favicon_and_a_neutral_description_in_its_language(client, listings, language):
    """Lighthouse marked every page down for the favicon's 404 and the missing description."""
    with translation.override(language):
        urls = page_urls(listings) + [reverse("services:join")]
        description = translation.gettext(
            "Find support services near you: legal, health, psychosocial and more. Free to use, no account needed."
        )
    assert (STATIC / "favicon.svg").exists()
    for url in urls:
        html = client.get(url).content.decode()
        head = html.split("</head>", 1)[0]
        assert re.search(r'<link rel="icon" href="/static/favicon[^"]*\.svg" type="image/svg\+xml">', head), url
        found = re.search(r'<meta name="description" content="([^"]+)">', head)
        assert found and found.group(1) == description.replace("'", "&#x27;"), url


@pytest.mark.parametrize(
    ("language", "words"),
    [("es", "Lista hecha el"), ("pt", "Lista feita em"), ("en", "List made on"), ("id", "Daftar dibuat pada")],
)
def test_the_printed_referral_list_is_dated(client, listings, language, words):
    with translation.override(language):
        url = reverse("services:referral-list") + f"?s={listings['public'].pk}"
        today = date_format(timezone.localtime(), "DATE_FORMAT")
    html = client.get(url).content.decode()
    assert f"{words} {today}" in html


def test_a_card_reached_by_its_anchor_starts_below_the_sticky_quick_exit_bar():
    css = (STATIC / "css" / "site.css").read_text()
    assert '[id^="service-"], #main, #change-search { scroll-margin-top: 4rem; }' in css
    assert re.search(r"\.quick-exit \{\s*position: sticky; top: 0;", css)


def test_make_run_serves_and_links_e_mails_to_the_same_port():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    assert "SITE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)" in makefile


def test_the_not_verified_filter_is_near_the_top_of_the_organisations_list():
    data.public_listing()  # a category to filter by
    staff = Client()
    staff.force_login(UserFactory(username="staff", is_staff=True, is_superuser=True))
    html = staff.get("/en/admin/members/organisation/").content.decode()
    verification = html.index("Not verified in six months")
    assert verification < html.index("By kind")
    assert verification < html.index("By categories")
