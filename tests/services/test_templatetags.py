"""Template helpers: the best available language of a content field, rounded distances, language links, the
referral list in the address."""

import datetime

import pytest
from django.utils import translation
from django.utils.html import escape

from members.models import Point
from rssn.languages import best_translation, language_order
from services.cards import open_state, parse_list
from services.display import distance, map_url, phone_display, tel_href
from tests.factories import LocationFactory, OpeningHoursFactory, ServiceFactory


def test_language_order_follows_the_fallback_setting():
    assert language_order("pt") == ["pt", "es", "en", "id"]
    assert language_order("id") == ["id", "en", "es", "pt"]


@pytest.mark.django_db
def test_best_translation_uses_the_page_language_then_its_fallbacks():
    service = ServiceFactory(name_es="Acompañamiento", name_en="Accompaniment", name_pt="", name_ind="Pendampingan")
    with translation.override("id"):
        name = best_translation(service, "name")
    assert (name.value, name.language, name.differs, name.shown_in) == ("Pendampingan", "id", False, "")
    with translation.override("pt"):
        name = best_translation(service, "name")
    assert (name.value, name.language, name.differs) == ("Acompañamiento", "es", True)
    with translation.override("en"):
        assert name.shown_in == "Shown in Spanish"
    with translation.override("en"):
        assert str(best_translation(service, "description")) == "Asesoría jurídica gratuita para sobrevivientes."
        assert best_translation(service, "eligibility").value == ""
        assert not best_translation(service, "eligibility")


@pytest.mark.django_db
def test_indonesian_content_is_read_from_the_ind_fields():
    service = ServiceFactory(name_es="", name_ind="Bantuan hukum gratis")
    with translation.override("en"):
        name = best_translation(service, "name")
    assert (name.value, name.language) == ("Bantuan hukum gratis", "id")
    with translation.override("en"):
        assert name.shown_in == "Shown in Indonesian"


@pytest.mark.parametrize(
    ("km", "shown"), [(0.0, "less than 1 km"), (0.97, "less than 1 km"), (1.4, "1 km"), (12.51, "13 km"), (None, "")]
)
def test_distances_are_rounded_to_whole_kilometres(km, shown):
    with translation.override("en"):
        assert distance(km) == shown


def test_distance_ignores_missing_values():
    assert distance("") == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("/es/search/?q=legal&country=CO", "/pt/search/?q=legal&country=CO"),
        ("/es/", "/pt/"),
        ("/es/services/4/", "/pt/services/4/"),
        ("/es/no-such-page/", "/pt/"),  # no address, hence no translation: the home page
    ],
)
def test_the_language_links_lead_to_the_same_page_in_each_language(client, page, expected):
    html = client.get(page).content.decode()
    assert f'<a href="{escape(expected)}" hreflang="pt" lang="pt"' in html
    assert f'<link rel="alternate" hreflang="pt" href="http://testserver{escape(expected)}">' in html


def test_referral_list_is_parsed_forgivingly():
    assert parse_list("3,1,3, 2,abc,-4,,99999999999999") == [3, 1, 2]
    assert parse_list(None) == []
    assert parse_list("¹,2,٣,²³") == [2]  # digits that are not ASCII are not ids (hypothesis found "¹")
    assert len(parse_list(",".join(str(number) for number in range(200)))) == 50


def test_phone_links_and_display():
    assert tel_href("+57 601 555 0100") == "tel:+576015550100"
    assert phone_display("+5716010002").startswith("+57 ")
    assert phone_display("not a phone") == "not a phone"


def test_map_url_is_a_plain_openstreetmap_link():
    assert map_url(Point(4.6, -74.07)) == (
        "https://www.openstreetmap.org/?mlat=4.60000&mlon=-74.07000#map=17/4.60000/-74.07000"
    )
    assert map_url(None) == ""


@pytest.mark.django_db
def test_open_state_reads_hours_in_the_locations_time_zone():
    location = LocationFactory()
    OpeningHoursFactory(location=location, weekday=0, opens=datetime.time(9), closes=datetime.time(17))
    service = ServiceFactory(locations=[location])
    monday_10_in_bogota = datetime.datetime(2026, 11, 30, 15, 0, tzinfo=datetime.UTC)
    monday_10_utc = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)  # 5:00 in Bogotá
    assert open_state(service, monday_10_in_bogota) == "open"
    assert open_state(service, monday_10_utc) == "closed"
    assert open_state(ServiceFactory(), monday_10_utc) == ""
    assert open_state(ServiceFactory(open_24_7=True), monday_10_utc) == "24_7"


@pytest.mark.django_db
def test_a_kept_block_is_rendered_once_per_language_values_and_version(colombia, ecuador):
    """``{% keep %}``: the parts of pages made of reference data alone (the home page, the footer...)."""
    from django.template import Context, Template, TemplateSyntaxError

    from services import cache as directory_cache

    block = Template(
        '{% load i18n directory %}{% keep "t" country %}{% translate "Search" %} {{ country.name }} {{ n }}'
        "{% endkeep %}"
    )

    def render(country, n, language="en"):
        with translation.override(language):
            return block.render(Context({"country": country, "n": n}))

    assert render(colombia, 1) == "Search Colombia 1"
    assert render(colombia, 2) == "Search Colombia 1"  # kept: ``n`` is not among its values
    assert render(ecuador, 2) == "Search Ecuador 2"
    assert render(colombia, 3, "es") == "Buscar Colombia 3"
    directory_cache.invalidate_directory_cache()  # an edit: a new version
    assert render(colombia, 4) == "Search Colombia 4"
    with pytest.raises(TemplateSyntaxError):
        Template("{% load directory %}{% keep name %}{% endkeep %}")
