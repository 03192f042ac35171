"""Result cards come from templates: one card (templates/includes/service_card.html) and the small includes it
shares with the service page and the referral list (templates/includes/service/)."""

import contextlib

import pytest
from django.conf import settings as django_settings
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import translation

from services import cards
from services.models import Service
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

SHARED = {
    "includes/service/phone.html",
    "includes/service/cost.html",
    "includes/service/how.html",
}


def rendered(client, url) -> tuple[str, set[str]]:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), {template.name for template in response.templates}


@contextlib.contextmanager
def templates_rendered():
    """The names of the templates rendered in the block, once for each rendering (a kept include read again is not
    rendered again)."""
    names = []

    def seen(sender, template, context, **kwargs):
        names.append(template.name)

    template_rendered.connect(seen)
    try:
        yield names
    finally:
        template_rendered.disconnect(seen)


def test_results_the_service_page_and_the_referral_list_print_the_same_includes(client):
    listing = data.public_listing()
    html, results = rendered(client, "/en/search/?q=")
    assert {"includes/service_card.html", "includes/service/list_button.html", *SHARED} <= results
    assert f'id="service-{listing.pk}"' in html
    _html, service_page = rendered(client, reverse("services:service-detail", args=[listing.pk]))
    assert {"includes/service/list_button.html", "includes/service/open_badge.html", *SHARED} <= service_page
    _html, referral_list = rendered(client, reverse("services:referral-list") + f"?s={listing.pk}")
    assert referral_list >= SHARED


def test_a_designer_changes_a_card_in_its_template_alone(client, settings, tmp_path):
    data.public_listing()
    card = (django_settings.BASE_DIR / "templates" / "includes" / "service_card.html").read_text()
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "service_card.html").write_text(
        card.replace('<dl class="facts">', '<p class="designed">Redesigned</p>\n<dl class="facts">')
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    html, _templates = rendered(client, "/en/search/?q=")
    assert '<p class="designed">Redesigned</p>' in html


def test_a_listing_cannot_open_a_cards_slot():
    """What each page puts in a kept card (the list button, the distance...) goes into marked slots: a listing's own
    text that looks like a slot stays text."""
    listing = Service.objects.with_listing_data().get(pk=data.public_listing().pk)
    listing.name_en = "\x00list_button\x00 Legal advice"  # never saved: PostgreSQL refuses NUL in text
    markup = cards.card_markup(listing, "en")
    slots = [part for index, part in enumerate(markup.parts) if index % 2]
    assert slots.count("list_button") == 1
    assert any("list_button\x00 Legal advice" in part for index, part in enumerate(markup.parts) if not index % 2)


def test_the_list_button_adds_or_removes_and_keeps_the_rest_of_the_query():
    assert cards.list_change([4, 5], 6) == {"pk": 6, "in_list": False, "value": "4,5,6"}
    assert cards.list_change([4, 5], 4) == {"pk": 4, "in_list": True, "value": "5"}
    assert cards.list_change([4], 4)["value"] is None  # the last one removed: no ``s`` at all
    full = list(range(1, cards.MAX_LIST_LENGTH + 1))
    assert cards.list_change(full, 99)["value"].split(",")[-1] == "99"
    assert len(cards.list_change(full, 99)["value"].split(",")) == cards.MAX_LIST_LENGTH


def test_a_cards_shared_includes_are_rendered_once_per_language_and_values(client):
    """A card's cost, languages, how it is given, what it takes to get in and last verification are rendered from
    their includes with those values alone, and kept: two listings that say the same share one rendering."""
    first = data.public_listing(cost="free", documents_required="id", referral_required=False)
    second = data.public_listing(cost="free", documents_required="id", referral_required=False, name_en="Other")
    with templates_rendered() as rendered_names:
        html, _templates = rendered(client, "/en/search/?q=")
        html_again, _templates = rendered(client, "/en/search/?q=")
    assert rendered_names.count("includes/service/access.html") == 1
    assert rendered_names.count("includes/service/cost.html") == 1
    assert f'id="service-{first.pk}"' in html and f'id="service-{second.pk}"' in html
    assert html.count("<dt>Documents</dt><dd>Identity document</dd>") == 2
    assert html.count("No referral needed: you can call or go directly") == 2
    assert html_again == html
    spanish = client.get("/es/search/?q=").content.decode()
    assert spanish.count("<dt>Documentos</dt>") == 2


def test_a_kept_include_is_rendered_again_at_a_new_version():
    from services.card_cache import kept_include

    def cost(version, label="Free"):
        return kept_include(version, "includes/service/cost.html", ("free",), lambda: {"cost": label})

    with translation.override("en"):
        before = cost("v1")
        assert cost("v1") is before
        assert cost("v2") is not before
        assert cost("v2") == before
    with translation.override("es"):
        assert "<dt>Costo</dt>" in cost("v2", "Gratis")


def card_of(html: str, service) -> str:
    start = html.index(f'<article class="result" id="service-{service.pk}">')
    return html[start : html.index("</article>", start)]


def test_a_cards_kept_includes_are_found_by_the_values_that_decide_them(client):
    """A card's types of help, where it is given and what it takes to get in are kept per language for the row's
    own values (the categories, each location's visibility and city, its access facts): listings that share them
    share one rendering, and each card still says its own."""
    first = data.public_listing()
    second = data.public_listing(name_en="Other legal advice")
    ramp = data.public_listing(name_en="Legal advice with a ramp")
    ramp.locations.update(wheelchair_accessible=True)
    confidential = data.confidential_listing()
    city_only = data.city_only_listing(name_en="Psychosocial support")
    hotline = data.hotline()
    with templates_rendered() as rendered_names:
        html, _templates = rendered(client, "/en/search/?q=")
    # Legal aid (five listings) and the shelter.
    assert rendered_names.count("includes/service/categories.html") == 2
    # A public address in Bogotá (three listings), a confidential one there, Medellín, by phone.
    assert rendered_names.count("includes/service/card_places.html") == 4
    # Every listing gives the same number.
    assert rendered_names.count("includes/service/phone.html") == 1
    assert html.count('<a class="phone" href="tel:+5716010002">') == 6
    for listing in (first, second, ramp):
        card = card_of(html, listing)
        assert '<dt>Type of help</dt><dd><span class="tag">Legal aid</span></dd>' in card
        assert '<ul class="places"><li>Bogotá</li></ul>' in card
    assert "<dd>Wheelchair accessible</dd>" in card_of(html, ramp)
    assert "<dt>Wheelchair access</dt><dd>Ask the service</dd>" in card_of(html, first)
    assert "<li>Address confidential: contact by phone</li></ul>" in card_of(html, confidential)
    assert "Bogotá" not in card_of(html, confidential)
    assert '<span class="tag">Shelter</span>' in card_of(html, confidential)
    assert "<li>Medellín</li>" in card_of(html, city_only)
    assert "<dt>Where</dt><dd>By phone or online</dd>" in card_of(html, hotline)
    assert "Wheelchair access" not in card_of(html, hotline)


def test_what_pages_keep_asking_for_stays_when_the_kept_parts_are_full(monkeypatch):
    """The kept parts hold ``PARTS_PER_PROCESS`` at a time in two generations: a part asked for again since the last
    one began stays; a part nobody asked for since is made again."""
    from services import card_cache

    monkeypatch.setattr(card_cache, "PARTS_PER_PROCESS", 3)
    card_cache.forget()
    made = []

    def kept(name):
        return card_cache.kept_markup("v1", (name,), lambda: made.append(name) or name, "en")

    for name in ("navigation", "phone 1", "phone 2"):
        kept(name)
    kept("phone 3")  # a new generation begins with it
    kept("navigation")  # found in the older one, brought back
    kept("phone 4")
    kept("phone 5")  # another new generation: the one without "navigation" is dropped
    kept("navigation")
    kept("phone 1")
    assert made == ["navigation", "phone 1", "phone 2", "phone 3", "phone 4", "phone 5", "phone 1"]
    card_cache.forget()
