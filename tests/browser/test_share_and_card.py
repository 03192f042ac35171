"""Issue 23's journey in a real browser: find a service, its WhatsApp link, add it to the referral list, share the
list, print the country card; and the card printed by Chromium fits one A4 and one Letter page in each language."""

import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import LANGUAGES, screenshot
from tests.browser.test_journeys import name_in, search_for
from tests.factories import ContactChannelFactory

pytestmark = pytest.mark.browser


def pdf_pages(page, paper: str) -> int:
    """The pages of Chromium's print-to-PDF of ``page`` on ``paper``: the count of its page tree's root, the largest
    (a long document's tree has inner nodes, each counting its own pages)."""
    pdf = page.pdf(format=paper, print_background=False)
    counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)
    return max(int(first or second) for first, second in counts)


@pytest.mark.parametrize("language", ["en", "es"])
def test_find_share_and_print(page, new_context, directory, live_server, language):
    ContactChannelFactory(service=directory.legal_service, kind="whatsapp", address="+573001230001")
    legal = directory.legal_service

    # Find a service and add it to the referral list.
    search_for(page, language, "orientacion")
    page.locator(f"[data-list-add='{legal.pk}']").click()
    expect(page.locator(f"[data-list-remove='{legal.pk}']")).to_be_visible()

    # Its page offers WhatsApp as a wa.me link, and shares its own address.
    page.locator("article.result h3 a").first.click()
    page.wait_for_url(re.compile(rf"/{language}/services/{legal.pk}/"))
    expect(page.locator("a.channel-whatsapp").first).to_have_attribute("href", "https://wa.me/573001230001")
    share = page.locator("a[data-share=whatsapp]").get_attribute("href")
    assert share.startswith("https://wa.me/?text=")
    assert parse_qs(urlsplit(share).query)["text"][0].endswith(f"{live_server.url}/{language}/services/{legal.pk}/")

    # The list shares its address by plain links, with a QR code of it for paper.
    page.go_back()
    page.locator(".list-link a").click()
    page.wait_for_url(re.compile(rf"/{language}/list/\?s="))
    list_url = f"{live_server.url}/{language}/list/?s={legal.pk}"
    expect(page.locator("#share-link")).to_have_value(list_url)
    links = {kind: page.locator(f"a[data-share={kind}]").get_attribute("href") for kind in ("whatsapp", "telegram")}
    assert parse_qs(urlsplit(links["whatsapp"]).query)["text"][0].endswith(list_url)
    assert parse_qs(urlsplit(links["telegram"]).query)["url"] == [list_url]
    for kind in ("whatsapp", "sms", "telegram", "email"):
        expect(page.locator(f"a[data-share={kind}]")).to_have_attribute("rel", "noreferrer noopener")
    expect(page.locator("[data-copy-url]")).to_be_visible()  # the script shows it where the clipboard works
    page.emulate_media(media="print")
    expect(page.locator("svg.qr-code")).to_be_visible()
    expect(page.locator(".share-links")).to_be_hidden()
    page.emulate_media(media="screen")
    fresh = new_context().new_page()
    fresh.goto(list_url)
    expect(fresh.locator("article.referral h2")).to_have_text(name_in(language, legal))

    # The country card: chosen with the form, quick exit on screen only, one printed page.
    page.locator(".card-link a").click()
    page.locator("#id_country").select_option("CO")
    page.locator("#id_category").select_option("legal-aid")
    page.locator("#id_city").select_option(str(legal.locations.get().city.pk))
    page.locator("form.card-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/card/\?country=CO"))
    expect(page.locator(".card-service h4")).to_have_text(name_in(language, legal))
    expect(page.locator(".card-service a.channel-whatsapp")).to_be_visible()
    expect(page.locator(".card-service svg.qr-code")).to_be_visible()
    expect(page.locator("#quick-exit")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("#quick-exit")).to_be_hidden()
    expect(page.locator("form.card-form")).to_be_hidden()
    expect(page.locator(".card-service svg.qr-code")).to_be_visible()
    assert pdf_pages(page, "A4") == 1


def biggest_cards():
    """The demo's fullest cards: its city and type of help with the most services, its country with the most
    services (every type and city: the card shows its first ones), and its country with the most helplines."""
    from members.models import Country
    from services.models import Service

    by_city_type, by_country = Counter(), Counter()
    for service in Service.objects.public().prefetch_related("locations__city__country", "categories__parent"):
        cities = {location.city for location in service.locations.all()}
        for city in cities:
            by_country[city.country.code] += 1
            for category in service.categories.all():
                by_city_type[(city.country.code, (category.parent or category).slug, city.pk)] += 1
    (country, category, city), _count = by_city_type.most_common(1)[0]
    [(fullest_country, _count)] = by_country.most_common(1)
    most_lines = max(Country.objects.prefetch_related("helplines"), key=lambda item: len(item.helplines.all()))
    return [
        f"card/?country={country}&category={category}&city={city}",
        f"card/?country={fullest_country}",
        f"card/?country={most_lines.code}",
    ]


def test_the_demo_country_cards_print_on_one_page_in_every_language(page, new_context, live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    cards = biggest_cards()
    # The count is of pages: the whole search page of the demo is longer than one.
    page.goto("/en/search/")
    assert pdf_pages(page, "A4") > 1
    for language in LANGUAGES:
        for card in cards:
            page.goto(f"/{language}/{card}")
            expect(page.locator(".country-card")).to_be_visible()
            for paper in ("A4", "Letter"):
                assert pdf_pages(page, paper) == 1, (language, card, paper)
    printed = new_context().new_page()
    printed.emulate_media(media="print")
    for language in LANGUAGES:
        printed.goto(f"/{language}/{cards[1]}")
        screenshot(printed, f"country-card-{language}-print")
