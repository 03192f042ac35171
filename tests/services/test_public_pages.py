"""The public directory's pages as a visitor sees them: what each shows, in every language, within a bounded
number of queries and a light page weight."""

import gzip
import io
import re

import pytest
from django.conf import settings
from django.template import loader
from django.urls import reverse
from django.utils import translation

from members.models import Country
from services import search
from tests.factories import ServiceFactory
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services import directory_data as data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, listings=data.one_listing_of_each_kind)


STATIC = settings.BASE_DIR / "static"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


listings = rows_fixture()


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def page_urls(listings):
    public = listings["public"]
    return [
        reverse("services:home"),
        reverse("services:search") + f"?q=legal&near={data.bogota().pk}",
        reverse("services:service-detail", args=[public.pk]),
        reverse("services:organisation-detail", args=[public.organisation.slug]),
        reverse("services:country-detail", args=["CO"]),
        reverse("services:referral-list") + f"?s={public.pk}",
        reverse("services:safety"),
    ]


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_every_public_page_renders_in_every_language(client, listings, language):
    with translation.override(language):
        urls = page_urls(listings)
        known = [translation.gettext("Services directory"), translation.gettext("Quick exit")]
        urls += [reverse("services:join"), reverse("services:report-listing") + f"?service={listings['public'].pk}"]
    if language != "en":
        assert known != ["Services directory", "Quick exit"], f"no {language} catalogue"
    for url in urls:
        assert url.startswith(f"/{language}/")
        html = get(client, url)
        assert f'<html lang="{language}">' in html, url
        for text in known:
            assert text in html, (url, text)


# The words a person would type for legal aid in each interface language.
LEGAL_AID_WORDS = {"es": "asesoria juridica", "pt": "assistencia juridica", "en": "legal aid", "id": "bantuan hukum"}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_search_works_in_each_language(client, listings, language):
    with translation.override(language):
        url = reverse("services:search")
    html = get(client, url + "?q=" + LEGAL_AID_WORDS[language].replace(" ", "+"))
    assert f"/{language}/services/{listings['public'].pk}/" in html


def test_home_has_the_search_box_country_choice_near_me_and_category_tiles(client, listings):
    data.shelter()
    html = get(client, reverse("services:home"))
    assert '<label for="id_q">What help do you need?</label>' in html
    assert '<select name="country" id="id_country">' in html
    assert 'name="near_me"' in html and "data-near-me" in html
    assert f'<option value="{data.bogota().pk}">Bogotá (Colombia)</option>' in html  # works without JavaScript
    assert 'href="/en/search/?category=legal-aid"' in html
    assert 'href="/en/search/?category=shelter"' in html


def test_home_shows_the_chosen_countrys_emergency_numbers_as_phone_links(client, listings):
    html = get(client, reverse("services:home") + "?country=co")
    assert 'href="tel:123"' in html
    assert 'href="tel:+5716015555"' in html  # the national helpline
    assert "Call 123 from any phone, it is free." in html


def test_home_picks_the_country_from_the_browsers_language_region(client, listings):
    assert 'href="tel:123"' in get(client, reverse("services:home"), HTTP_ACCEPT_LANGUAGE="es-CO,es;q=0.9")
    assert 'href="tel:123"' not in get(client, reverse("services:home"), HTTP_ACCEPT_LANGUAGE="de")


def test_results_show_every_field_of_a_listing(client, listings):
    public = listings["public"]
    html = get(client, reverse("services:search") + f"?near={data.bogota().pk}")
    article = html.split(f'id="service-{public.pk}"')[1].split("</article>")[0]
    assert f'href="/en/services/{public.pk}/"' in article and "Free legal advice" in article
    assert public.organisation.name_es in article
    assert "Legal aid" in article
    assert "Bogotá" in article
    assert "Distance: 12 km" in article
    assert 'href="tel:+5716010002"' in article
    assert "Free" in article
    assert "Spanish" in article  # language spoken
    assert "in person" in article
    assert "Sept. 14, 2026" in article  # last verified
    assert re.search(r"badge-(open|closed)", article)
    assert f"s={public.pk}" in article  # add to list
    assert "2 services found" in html


def test_results_near_a_place_list_phone_and_online_services_in_their_own_section(client, listings):
    html = get(client, reverse("services:search") + f"?near={data.bogota().pk}")
    main, remote = html.split("Phone and online services covering Colombia")
    assert f'id="service-{listings["hotline"].pk}"' in remote
    assert f'id="service-{listings["hotline"].pk}"' not in main


def test_near_a_place_the_phone_and_online_list_is_short_and_links_to_all_of_them(client, listings):
    lines = [data.hotline(name_en=f"Line {number}", name_es=f"Línea {number}") for number in range(6)]
    html = get(client, reverse("services:search") + f"?near={data.bogota().pk}&sort=name")
    remote = html.split("Phone and online services covering Colombia")[1]
    assert remote.count('class="result"') == 5
    link = re.search(r'<a href="\?([^"]+)">All phone and online services covering Colombia</a>', remote)
    everything = get(client, reverse("services:search") + "?" + link.group(1).replace("&amp;", "&"))
    assert everything.count('class="result"') == 7  # the six lines and the advice line
    assert all(f'id="service-{line.pk}"' in everything for line in lines)
    assert "<li><span>By phone or online in Colombia</span>" in everything  # a filter chip, with its remove link
    assert '<input type="hidden" name="reaches" value="CO">' in everything  # kept when the form is sent again
    few = get(client, reverse("services:search") + f"?near={data.bogota().pk}&q=advice")
    assert "All phone and online services covering" not in few


def test_near_a_place_the_phone_and_online_service_that_only_says_there_are_more_is_not_read(client, listings):
    """The list beside results near a place reads one service more than it shows, to know whether to link to all of
    them: that one's rows are never read (only whether it is listed), so a page whose cards are kept reads no
    service's rows at all."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(6):
        data.hotline(name_en=f"Line {number}", name_es=f"Línea {number}")
    url = reverse("services:search") + f"?near={data.bogota().pk}&sort=name"
    first = get(client, url)  # the cards shown are kept
    with CaptureQueriesContext(connection) as queries:
        again = get(client, url)
    assert again == first
    assert "All phone and online services covering Colombia" in again
    assert not [query["sql"] for query in queries if query["sql"].startswith('SELECT "services_service"."id", ')]
    # Not listed any more (its document not yet brought up to date): no link to more.
    from services.models import Service

    sixth = Service.objects.filter(name_en="Line 4").get()  # "Advice line" and Lines 0-3 come first
    Service.objects.filter(pk=sixth.pk).update(status=Service.Status.PAUSED)
    assert "All phone and online services covering Colombia" not in get(client, url)


def test_open_24_7_badge(client, listings):
    html = get(client, reverse("services:search") + "?q=acogida")
    assert "Open 24/7" in html


def test_results_paginate_and_sort(client, listings):
    for number in range(25):
        ServiceFactory(name_es=f"Servicio adicional {number:02d}")
    html = get(client, reverse("services:search") + "?sort=name")
    assert "29 services found" in html
    assert "Page 1 of 2" in html
    assert 'href="?sort=name&amp;page=2"' in html
    assert '<a href="?sort=name" aria-current="true">Name</a>' in html
    assert '<a href="?sort=relevance">Relevance</a>' in html
    assert ">Distance</a>" not in html  # no place given
    second = get(client, reverse("services:search") + "?sort=name&page=2")
    assert second.count('class="result"') == 9
    assert "Page 1 of 2" in get(client, reverse("services:search") + "?page=abc")


def test_a_very_broad_search_counts_no_further_than_the_limit(client, listings, monkeypatch):
    monkeypatch.setattr(search.CappedPaginator, "count_limit", 3)
    html = get(client, reverse("services:search"))
    assert "At least 3 services found" in html
    assert html.count('class="result"') == 3


def test_a_country_page_counts_no_further_than_the_limit(client, listings, monkeypatch):
    assert "4 services</h2>" in get(client, reverse("services:country-detail", args=["CO"]))
    monkeypatch.setattr(search.CappedPaginator, "count_limit", 3)
    html = get(client, reverse("services:country-detail", args=["CO"]))
    assert "At least 3 services</h2>" in html
    assert html.count('class="result"') == 3


def test_near_me_without_javascript_offers_the_choice_of_a_city(client, listings):
    html = get(client, reverse("services:search") + "?near_me=1")
    assert "Choose a city under “Place”" in html
    assert f'<option value="{data.bogota().pk}">Bogotá, CO</option>' in html


@pytest.mark.parametrize(
    ("query", "explanation"),
    [
        ("radius=abc&near=1", "We could not use the radius “abc”; showing 25 km."),
        ("radius=9999", "We could not use the radius “9999”; showing 25 km."),
        ("lat=500&lon=20", "We could not use that place"),
        ("city=abc", "We could not find that city"),
        ("category=999", "We could not find the type of help “999”"),
        ("country=<script>", "We could not find the country “&lt;script&gt;”"),
        ("q=" + "x" * 10_000, "Your search was very long"),
        ("page=99999&sort=%00", "We could not use that order"),
    ],
)
def test_invalid_parameters_are_explained_not_an_error(client, listings, query, explanation):
    html = get(client, reverse("services:search") + "?" + query)
    assert explanation in html
    assert "<script>" not in html


def _chips(html) -> dict[str, tuple[str, str]]:
    """Each chip's words → (the address of its remove link, the link's accessible name)."""
    chips = html.split('class="active-filters"')[1].split("</ul>")[0]
    found = re.findall(r'<li><span>([^<]+)</span> <a href="([^"]+)" aria-label="([^"]+)"', chips)
    return {text: (href, label) for text, href, label in found}


def test_each_active_filter_has_a_remove_link(client, listings):
    html = get(client, reverse("services:search") + "?q=casa&free=on&category=shelter")
    assert _chips(html) == {
        "Words: casa": ("?free=on&amp;category=shelter", "Remove the filter “Words: casa”"),
        "Free only": ("?q=casa&amp;category=shelter", "Remove the filter “Free only”"),
        "Type of help: Shelter": ("?q=casa&amp;free=on", "Remove the filter “Type of help: Shelter”"),
    }
    assert '<span aria-hidden="true">×</span>' in html


def test_filter_chips_read_as_phrases_of_their_own_in_spanish(client, listings):
    """ "Por teléfono o en línea en Colombia ×", not "Quitar Por teléfono o en línea en: Colombia"."""
    with translation.override("es"):
        url = reverse("services:search") + "?reaches=CO&category=shelter"
    chips = _chips(get(client, url))
    assert chips["Por teléfono o en línea en Colombia"][1] == "Quitar el filtro “Por teléfono o en línea en Colombia”"
    assert chips["Tipo de ayuda: Casa refugio"][0] == "?reaches=CO"


@pytest.mark.parametrize(
    ("language", "caption"),
    [
        ("es", "Horario de atención (hora de Colombia)"),
        ("pt", "Horário de funcionamento (horário da Colômbia)"),
        ("id", "Jam buka (waktu Kolombia)"),
    ],
)
def test_opening_hours_name_the_time_zone_as_people_say_it(client, listings, language, caption):
    with translation.override(language):
        url = reverse("services:service-detail", args=[listings["public"].pk])
    html = get(client, url)
    assert caption in html
    assert "America/Bogota" not in html


def test_service_page(client, listings):
    public = listings["public"]
    html = get(client, reverse("services:service-detail", args=[public.pk]))
    assert "<h1>Free legal advice</h1>" in html
    assert "Opening hours (Colombia time)" in html
    assert "Monday" in html and "9 a.m.–5 p.m." in html
    assert "Calle Pública 10 # 5-20" in html
    assert "Open in a map" in html
    assert f'href="/en/report/?service={public.pk}">Suggest an update</a>' in html
    assert 'href="/en/join/"' in html
    assert "Sept. 14, 2026" in html
    assert re.search(r'<span class="badge badge-(open|closed)">(Open|Closed) now</span>', html)
    assert f'<a class="button-link" href="?s={public.pk}#service-{public.pk}" data-list-add="{public.pk}">' in html


def test_service_page_badge_and_list_button(client, listings):
    shelter = listings["confidential"]
    url = reverse("services:service-detail", args=[shelter.pk])
    assert '<span class="badge badge-open">Open 24/7</span>' in get(client, url)
    listed = get(client, url + f"?s={shelter.pk}")
    assert '<span class="in-list">In your list</span>' in listed
    assert f'href="?#service-{shelter.pk}" data-list-remove="{shelter.pk}">Remove from list</a>' in listed


def test_organisation_page(client, listings):
    public = listings["public"]
    html = get(client, reverse("services:organisation-detail", args=[public.organisation.slug]))
    assert public.organisation.name_es in html
    assert f'id="service-{public.pk}"' in html
    assert f'href="/en/report/?organisation={public.organisation.pk}"' in html


def test_country_page_has_its_services_and_emergency_information(client, listings):
    html = get(client, reverse("services:country-detail", args=["co"]))
    assert "<h1>Colombia</h1>" in html
    assert 'href="tel:123"' in html and 'href="tel:+5716015555"' in html
    for service in listings.values():
        assert f'id="service-{service.pk}"' in html
    assert client.get(reverse("services:country-detail", args=["ZZ"])).status_code == 404


def test_referral_list_lives_in_the_address_and_prints_full_contacts(client, listings):
    public, confidential = listings["public"], listings["confidential"]
    url = reverse("services:referral-list") + f"?s={confidential.pk},{public.pk},999999,abc"
    html = get(client, url)
    assert html.index(f'id="service-{confidential.pk}"') < html.index(f'id="service-{public.pk}"')
    assert "1 service in this list is no longer in the directory." in html
    # The link shared is the list of what is still listed, in the same order.
    assert f'value="http://testserver/en/list/?s={confidential.pk},{public.pk}"' in html
    assert "Calle Pública 10 # 5-20" in html and 'href="tel:+5716010001"' in html  # full public contact details
    assert "The address is confidential" in html


def test_add_to_list_keeps_the_search_and_the_list(client, listings):
    public, hotline = listings["public"], listings["hotline"]
    html = get(client, reverse("services:search") + f"?q=orientacion&s={hotline.pk}")
    assert f'href="?q=orientacion&amp;s={hotline.pk}%2C{public.pk}#service-{public.pk}"' in html
    assert f'href="/en/list/?s={hotline.pk}"' in html
    assert f'<input type="hidden" name="s" value="{hotline.pk}">' in html
    assert f'href="/en/services/{public.pk}/?s={hotline.pk}"' in html


def test_remove_from_list_keeps_the_search_and_the_rest_of_the_list(client, listings):
    public, hotline = listings["public"], listings["hotline"]
    html = get(client, reverse("services:search") + f"?s={public.pk}&q=orientacion&page=1")
    assert f'href="?q=orientacion&amp;page=1#service-{public.pk}" data-list-remove="{public.pk}"' in html
    assert f'href="?s={public.pk}%2C{hotline.pk}&amp;q=orientacion&amp;page=1#service-{hotline.pk}"' in html


def test_print_stylesheet_hides_controls():
    css = (STATIC / "css" / "site.css").read_text()
    print_rules = css.split("@media print")[1]
    assert ".quick-exit" in print_rules and "nav" in print_rules and "display: none" in print_rules


def test_print_stylesheet_keeps_the_demo_notice_on_paper():
    """A printed referral list or country card of the demo must not pass for real contact details."""
    css = (STATIC / "css" / "site.css").read_text()
    print_rules = css.split("@media print")[1].split("\n}\n")[0]
    hidden = [rule.split("{")[0] for rule in print_rules.split("}") if "display: none" in rule]
    assert hidden and not any(".demo-banner" in selectors for selectors in hidden)


def test_safety_page(client, listings):
    html = get(client, reverse("services:safety"))
    assert "it does not erase your browsing history" in html
    assert "Private browsing" in html and "Clearing your history" in html
    assert "Shared or monitored phones and computers" in html
    assert 'href="tel:123"' in html


def test_language_switcher_keeps_the_page_and_its_query(client, listings):
    with translation.override("es"):
        url = reverse("services:search") + "?q=legal&country=CO"
    html = get(client, url)
    for language in ("pt", "en", "id"):
        assert f'<a href="/{language}/search/?q=legal&amp;country=CO" hreflang="{language}"' in html
        assert (
            f'<link rel="alternate" hreflang="{language}" href="http://testserver/{language}/search/?q=legal&amp;country=CO">'
            in html
        )
    assert 'aria-current="true">español</a>' in html


def test_content_in_another_language_is_marked_with_lang_and_a_note(client, listings):
    only_spanish = ServiceFactory(name_es="Acompañamiento psicosocial", description_es="Solo en español.")
    html = get(client, reverse("services:service-detail", args=[only_spanish.pk]))
    assert '<h1 lang="es">Acompañamiento psicosocial</h1><span class="shown-in">Shown in Spanish</span>' in html
    assert '<div class="text" lang="es"><p>Solo en español.</p></div>' in html
    with translation.override("es"):
        spanish = get(client, reverse("services:service-detail", args=[only_spanish.pk]))
    assert "<h1>Acompañamiento psicosocial</h1>" in spanish
    assert 'class="shown-in"' not in spanish.split("<h1>")[1].split("</h1>")[0]


def test_404_page_keeps_the_quick_exit_and_the_layout(client, listings):
    response = client.get(reverse("services:service-detail", args=[999999]))
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html and 'id="quick-exit"' in html


def test_500_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert 'id="quick-exit"' in html and settings.QUICK_EXIT_URL in html


def _results(count):
    bogota = data.bogota()
    language = data.public_listing().languages.get()
    for number in range(count - 1):
        service = ServiceFactory(
            name_es=f"Servicio {number}", locations=[data.LocationFactory(city=bogota)], by_phone=bool(number % 2)
        )
        service.languages.add(language)


@pytest.mark.parametrize("count", [5, 40])
def test_results_page_makes_a_bounded_number_of_queries(client, django_assert_max_num_queries, count):
    _results(count)
    data.hotline()
    url = reverse("services:search") + f"?q=juridica&near={data.bogota().pk}&category=legal-aid&open_24_7=&sort=name"
    get(client, url)  # fills the cache of reference data (categories, countries, cities...), the same for everyone
    # The page's ids with the count of all matches, the phone and online services' ids, then the rows of both lists
    # together: services, locations, opening hours, the reference links. (The country's helplines are cached.)
    with django_assert_max_num_queries(6):
        html = get(client, url)
    assert html.count('class="result"') == min(count, 20) + 1  # a page of results and the hotline


def test_results_near_a_place_count_and_paginate(client):
    _results(25)
    url = reverse("services:search") + f"?near={data.bogota().pk}&sort=name"
    first = get(client, url)
    assert "25 services found" in first and "Page 1 of 2" in first
    second = get(client, url + "&page=2")
    assert "25 services found" in second and second.count('class="result"') == 5
    assert "Page 2 of 2" in get(client, url + "&page=99")  # past the end: the last page


def test_home_and_results_weigh_less_than_60_kb_compressed(client):
    _results(25)
    assets = sum(len(gzip.compress((STATIC / path).read_bytes())) for path in ("css/site.css", "js/site.js"))
    for url in (reverse("services:home"), reverse("services:search") + f"?near={data.bogota().pk}"):
        html = client.get(url).content
        assert len(gzip.compress(html)) + assets < 60 * 1024, url


def test_country_names_are_the_directorys(client, listings):
    Country.objects.filter(code="CO").update(name_en="Colombia")
    assert "Colombia" in get(client, reverse("services:home"))


def test_a_result_card_escapes_what_a_listing_says(client):
    from tests.factories import (
        CityFactory,
        CountryFactory,
        LanguageFactory,
        LocationFactory,
        OrganisationFactory,
        ServiceCategoryFactory,
    )

    country = CountryFactory(code="CO")
    city = CityFactory(country=country, name_en="<i>Villa</i> & Co", name_es="<i>Villa</i> & Co")
    organisation = OrganisationFactory(name_en='"Org" <b>&</b>', name_es='"Org" <b>&</b>')
    category = ServiceCategoryFactory(slug="odd", name_en="<u>Odd</u> & aid", name_es="<u>Odd</u> & aid")
    service = ServiceFactory(
        organisation=organisation,
        name_en="Help <script>alert(1)</script> & more",
        locations=[LocationFactory(organisation=organisation, city=city)],
    )
    service.categories.set([category])
    service.languages.set([LanguageFactory(code="xx", name_en="<em>Lang</em>", name_es="<em>Lang</em>")])
    html = get(client, reverse("services:search") + "?q=help")
    card = html[html.index(f'id="service-{service.pk}"') :]
    card = card[: card.index("</article>")]
    assert "Help &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in card
    assert "&quot;Org&quot; &lt;b&gt;&amp;&lt;/b&gt;" in card
    assert "&lt;u&gt;Odd&lt;/u&gt; &amp; aid" in card
    assert "&lt;i&gt;Villa&lt;/i&gt; &amp; Co" in card
    assert "&lt;em&gt;Lang&lt;/em&gt;" in card
    assert "<script>" not in card and "<b>" not in card and "<u>" not in card and "<i>" not in card


def test_emergency_numbers_are_each_labelled_by_what_they_reach(client, db):
    """Brazil's 190 reaches the police alone: no "police, ambulance" label sits on it."""
    from django.core.management import call_command

    call_command("load_reference", stdout=io.StringIO())
    with translation.override("pt"):
        html = get(client, reverse("services:country-detail", args=["BR"]))
    labelled = dict(re.findall(r'<dt>([^<]+)</dt>\s*<dd><a class="phone[^"]*" href="tel:(\d+)"', html))
    assert labelled == {
        "Polícia": "190",
        "Ambulância": "192",
        "Bombeiros": "193",
        "Linha de ajuda para violência baseada em gênero": "180",
        "Linha de ajuda para crianças e adolescentes": "100",
    }
    strip = html.split('class="emergency-strip"')[1].split("</aside>")[0]
    assert "<span>Polícia</span> <a" in strip and 'href="tel:190"' in strip and 'href="tel:180"' in strip
    assert "ambulância" not in strip.lower()


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_quick_exit_guard_runs_in_the_head_before_anything_is_drawn(client, listings, language, settings):
    """Back after a quick exit must not show the page for a moment: the check is a small blocking script in
    <head> (a file of the site, no inline code), before the stylesheet and the body; site.js stays deferred."""
    settings.QUICK_EXIT_URL = "https://neutral.example/"
    for url in page_urls(listings):
        with translation.override(language):
            html = get(client, url)
        head = html.split("</head>", 1)[0]
        guard = re.search(r'<script src="(/static/js/exit-guard[^"]*\.js)"></script>', head)
        assert guard, url
        assert head.index('<meta name="quick-exit" content="https://neutral.example/">') < guard.start()
        assert guard.start() < head.index('rel="stylesheet"')
        assert re.search(r'<script src="/static/js/site[^"]*\.js" defer></script>', head)
    script = (STATIC / "js" / "exit-guard.js").read_text()
    assert len(script.encode()) < 3000
    assert "rssn-left" in script and "location.replace" in script and "pagehide" in script
    assert "html.leaving body { visibility: hidden; }" in (STATIC / "css" / "site.css").read_text()


CHANGE_SEARCH = {"es": "Cambiar la búsqueda", "pt": "Alterar a busca", "en": "Change search", "id": "Ubah pencarian"}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_after_a_search_the_results_come_first_and_the_form_is_one_tap_away(client, listings, language):
    """On a phone the form filled the first screen: after a search it folds under "Change search" (a <details>,
    no script needed), with the filters in use and the results right after it."""
    with translation.override(language):
        url = reverse("services:search")
    html = get(client, url + f"?q=legal&near={data.bogota().pk}")
    panel = re.search(r'<details class="search-panel" id="change-search">\s*<summary>([^<]*)</summary>', html)
    assert panel and panel.group(1) == CHANGE_SEARCH[language]
    form = html.index('<form class="search-form filters"')
    assert panel.start() < form < html.index("</details>") < html.index('id="results-title"')
    assert html.index('class="active-filters"') < html.index('id="results-title"')

    empty = get(client, url)  # nothing searched yet: the form is open, nothing to fold
    assert 'class="search-panel"' not in empty and '<form class="search-form filters"' in empty


def test_near_me_refused_says_so_at_the_top_and_lists_no_services(client, listings):
    """The location was refused: the explanation is above the form (open), and the whole network's services are
    not listed in its place."""
    html = get(client, reverse("services:search") + "?near_me=1")
    message = html.index("Choose a city under “Place”")
    assert message < html.index('<details class="search-panel" id="change-search" open>')
    assert message < html.index('<form class="search-form filters"')
    assert 'id="results-title"' not in html
    for service in listings.values():
        assert f'id="service-{service.pk}"' not in html
    # With other filters, their results are still listed under the message.
    assert 'id="results-title"' in get(client, reverse("services:search") + "?near_me=1&q=legal")
