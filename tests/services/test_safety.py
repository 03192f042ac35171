"""Survivor safety on every public page: quick exit first, nothing loaded from another host, no cookie, no inline
script or style, confidential addresses and points never in any output, hidden listings never shown, neutral
titles and addresses, and the quick-exit script's behaviour (run under Node when it is installed)."""

import json
import math
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from members.models import Organisation
from members.services import verification_token
from services.models import Service
from tests.factories import OrganisationFactory, ServiceFactory
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services import directory_data as data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, world=build_world)


STATIC = Path(settings.BASE_DIR) / "static"
FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary"}
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "form": ["action"],
    "input": ["src", "formaction"],
    "button": ["formaction"],
}


class Page(HTMLParser):
    """What the tests read from a page: focusable controls in order, URLs, inline code, the title."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.focusable = []
        self.loaded = []
        self.links = []
        self.inline = []
        self.title = ""
        self._in = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self._in.append("data" if tag == "script" and attributes.get("type") == "application/json" else tag)
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.inline.append(f"<{tag} {name}=...>")
            if value and value.strip().lower().startswith("javascript:"):
                self.inline.append(f"<{tag} {name}=javascript:>")
        if tag == "style":
            self.inline.append("<style>")
        # A JSON data block (``json_script``) is never run: the map's data, not code.
        data_block = tag == "script" and attributes.get("type") == "application/json"
        if tag == "script" and not attributes.get("src") and not data_block:
            self.inline.append("<script> without src")
        for name in LOADING_ATTRIBUTES.get(tag, []):
            if tag == "link" and attributes.get("rel") == "alternate":
                continue
            if attributes.get(name):
                self.loaded.extend(part.strip().split(" ")[0] for part in attributes[name].split(","))
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        hidden = tag == "input" and attributes.get("type") == "hidden"
        if (tag in FOCUSABLE and not hidden and (tag != "a" or "href" in attributes)) or (
            attributes.get("tabindex") not in (None, "-1")
        ):
            self.focusable.append(attributes)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] in (tag, "data" if tag == "script" else tag):
            self._in.pop()

    def handle_data(self, text):
        if self._in and self._in[-1] == "title":
            self.title += text
        if self._in and self._in[-1] == "script" and text.strip():
            self.inline.append("<script> with a body")


def build_world():
    listings = {
        "public": data.public_listing(),
        "confidential": data.confidential_listing(),
        "city_only": data.city_only_listing(),
        "hotline": data.hotline(),
    }
    listings["public"].organisation.website = "https://fundacion.example.org/"
    listings["public"].organisation.save()
    hidden = {
        "pending": ServiceFactory(name_es="Zzpendiente servicio", organisation=OrganisationFactory(pending=True)),
        "suspended": ServiceFactory(
            name_es="Zzsuspendida servicio",
            organisation=OrganisationFactory(status=Organisation.Status.SUSPENDED),
        ),
        "rejected": ServiceFactory(
            name_es="Zzrechazada servicio",
            organisation=OrganisationFactory(status=Organisation.Status.REJECTED, joined_on=None),
        ),
        "paused": ServiceFactory(
            name_es="Zzpausado servicio",
            status=Service.Status.PAUSED,
            organisation=listings["public"].organisation,
            locations=list(listings["public"].locations.all()),
        ),
    }
    return listings, hidden


world = rows_fixture()


def every_filter_query(world) -> str:
    bogota = data.bogota()
    return (
        f"q=casa&country=CO&city={bogota.pk}&category=shelter&category=legal-aid&population=women&language=es"
        f"&mode=in_person&free=on&open_now=on&open_24_7=on&near={bogota.pk}&radius=50&sort=distance&page=1"
    )


def public_urls(world, language="es") -> list[str]:
    listings, _hidden = world
    bogota, medellin = data.bogota(), data.medellin()
    ids = ",".join(str(service.pk) for service in listings.values())
    with translation.override(language):
        urls = [
            reverse("services:home"),
            reverse("services:home") + "?country=CO",
            reverse("services:search"),
            reverse("services:search") + "?" + every_filter_query(world),
            reverse("services:search") + f"?near={bogota.pk}",
            reverse("services:search") + f"?near={medellin.pk}&radius=200",
            reverse("services:search") + "?lat=4.65&lon=-74.06&radius=5",
            reverse("services:search") + "?q=casa+acogida",
            reverse("services:search") + "?near_me=1",
            reverse("services:search") + "?view=map",
            reverse("services:search") + f"?near={medellin.pk}&radius=200&view=map",
            reverse("services:country-detail", args=["CO"]),
            reverse("services:referral-list") + f"?s={ids}",
            reverse("services:country-card"),
            reverse("services:country-card") + f"?country=CO&city={bogota.pk}",
            reverse("services:safety"),
            reverse("services:service-detail", args=[999999]),  # the 404 page
            # The public forms, and the pages after them: no cookie there either.
            reverse("services:join"),
            reverse("services:join-done"),
            reverse("services:report-listing") + f"?service={listings['public'].pk}",
            reverse("services:report-listing") + f"?organisation={listings['confidential'].organisation.pk}",
            reverse("services:report-listing-done"),
            reverse("services:verify", args=[verification_token(listings["confidential"].organisation)]),
            # The member area's anonymous pages: a cookie only once a member signs in.
            reverse("account:sign-in"),
            reverse("account:password-reset"),
            reverse("account:welcome", args=["MQ", "not-a-token"]),
        ]
        for service in listings.values():
            urls.append(reverse("services:service-detail", args=[service.pk]))
            urls.append(reverse("services:organisation-detail", args=[service.organisation.slug]))
    return urls


def test_quick_exit_is_the_first_control_after_the_skip_link_on_every_page(client, world):
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        focusable = Page(response.content.decode()).focusable
        assert focusable[0].get("href") == "#main", url
        assert focusable[1].get("id") == "quick-exit", url
        assert focusable[1].get("href") == settings.QUICK_EXIT_URL, url


def test_quick_exit_goes_where_the_setting_says(client, world, settings):
    settings.QUICK_EXIT_URL = "https://weather.example.com/today"
    page = Page(client.get(reverse("services:safety")).content.decode())
    assert page.focusable[1]["href"] == "https://weather.example.com/today"


def _host(url: str) -> str:
    return urlsplit(url).netloc


def test_no_page_loads_anything_from_another_host(client, world):
    allowed_links = {"", "testserver", _host(settings.QUICK_EXIT_URL), "www.openstreetmap.org", "fundacion.example.org"}
    allowed_links |= {"wa.me", "t.me"}  # share links: followed only when a person chooses to share
    for url in public_urls(world):
        page = Page(client.get(url).content.decode())
        assert page.loaded, url
        for address in page.loaded:
            assert _host(address) in ("", "testserver"), (url, address)
            assert not address.startswith("//"), (url, address)
        for address in page.links:
            assert _host(address) in allowed_links, (url, address)


def test_static_files_load_nothing_from_another_host():
    css = (STATIC / "css" / "site.css").read_text()
    assert "@import" not in css
    assert not re.search(r"url\(", css)
    for name in ("site.js", "exit-guard.js"):
        script = (STATIC / "js" / name).read_text()
        assert not re.search(r"https?://", script)
        assert "fetch(" not in script and "XMLHttpRequest" not in script


def test_the_maps_scripts_load_nothing_from_another_host():
    """The map's own scripts fetch only the basemap path the page gives them; the vendored library links nowhere
    that the map shows (Leaflet's attribution link is turned off)."""
    for name in ("js/map.js", "js/coverage.js", "css/map.css"):
        text = (STATIC / name).read_text()
        assert not re.search(r"https?://", text), name
        assert "XMLHttpRequest" not in text and "import(" not in text, name
    for name in ("js/map.js", "js/coverage.js"):
        fetched = re.findall(r"fetch\(([^,)]*)", (STATIC / name).read_text())
        assert fetched == ['element.getAttribute("data-basemap"'], name
    assert "setPrefix(false)" in (STATIC / "js" / "map.js").read_text()


def test_no_inline_script_style_or_event_handler(client, world):
    for url in public_urls(world):
        assert Page(client.get(url).content.decode()).inline == [], url


def test_no_cookie_while_browsing_anonymously(client, world):
    for url in public_urls(world):
        response = client.get(url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_no_cookie_when_sending_a_public_form(world):
    """The forms are sent, and answered, without any cookie, through a client that checks CSRF as browsers do."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    listings, _hidden = world
    for url in public_urls(world):
        if "/report/" in url and "?" in url or "/verify/" in url:
            response = client.post(url, {"message": "El teléfono ya no funciona.", "action": "correct"})
            assert response.status_code in (200, 302, 400), url  # answered: sent, or the form again with its errors
            assert not response.cookies, url
            assert "Set-Cookie" not in response.headers, url


def _secret_patterns():
    numbers = [f"{data.SECRET_LATITUDE}", f"{data.SECRET_LONGITUDE}"]
    for value in (data.SECRET_LATITUDE, data.SECRET_LONGITUDE):
        for decimals in (3, 4, 5, 6):
            numbers.append(f"{value:.{decimals}f}")
            numbers.append(f"{value:.{decimals}f}".replace(".", ","))
    return [data.SECRET_STREET, data.SECRET_POSTAL_CODE, "Carrera Secreta", *numbers]


def test_confidential_address_and_point_never_leave_the_server(client, world):
    for language in ("es", "en"):
        for url in public_urls(world, language):
            html = client.get(url).content.decode()
            for secret in _secret_patterns():
                assert secret not in html, (url, secret)


def test_confidential_location_is_contacted_by_phone_and_shown_without_a_place(client, world):
    listings, _hidden = world
    with translation.override("en"):
        html = client.get(reverse("services:service-detail", args=[listings["confidential"].pk])).content.decode()
    assert "The address is confidential" in html
    assert "tel:+5716019999" in html
    assert "openstreetmap" not in html


def _km(a, b):
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_confidential_distance_is_the_city_centres_rounded(client, world):
    listings, _hidden = world
    bogota = data.bogota()
    searched_from = (4.8, -74.07)
    from_centre = round(_km(searched_from, (bogota.latitude, bogota.longitude)))
    from_secret = round(_km(searched_from, (data.SECRET_LATITUDE, data.SECRET_LONGITUDE)))
    assert from_centre != from_secret
    with translation.override("en"):
        html = client.get(reverse("services:search") + "?lat=4.80&lon=-74.07").content.decode()
    article = html.split(f'id="service-{listings["confidential"].pk}"')[1].split("</article>")[0]
    assert f"Distance: {from_centre} km" in article
    assert not re.search(r"\d+[.,]\d+ km", html)


def test_city_only_location_shows_the_city_alone(client, world):
    listings, _hidden = world
    with translation.override("en"):
        html = client.get(reverse("services:service-detail", args=[listings["city_only"].pk])).content.decode()
        results = client.get(reverse("services:search") + "?q=psicosocial").content.decode()
    for page in (html, results):
        assert "Medellín" in page
        assert data.CITY_ONLY_STREET not in page
        assert "6.25" not in page and "-75.56" not in page
    assert "openstreetmap" not in html


def test_public_location_has_a_plain_map_link(client, world):
    listings, _hidden = world
    html = client.get(reverse("services:service-detail", args=[listings["public"].pk])).content.decode()
    assert 'href="https://www.openstreetmap.org/?mlat=4.60000&amp;mlon=-74.07000#map=17/4.60000/-74.07000"' in html
    assert "<iframe" not in html


def test_hidden_listings_answer_404_and_never_appear(client, world):
    listings, hidden = world
    for service in hidden.values():
        assert client.get(reverse("services:service-detail", args=[service.pk])).status_code == 404
        if service.organisation.status != Organisation.Status.APPROVED:
            slug = service.organisation.slug
            assert client.get(reverse("services:organisation-detail", args=[slug])).status_code == 404
    hidden_ids = ",".join(str(service.pk) for service in hidden.values())
    pages = [
        reverse("services:search"),
        reverse("services:search") + "?q=zz",
        reverse("services:search") + "?q=servicio",
        reverse("services:search") + f"?near={data.bogota().pk}&radius=200",
        reverse("services:country-detail", args=["CO"]),
        reverse("services:referral-list") + f"?s={hidden_ids}",
        reverse("services:organisation-detail", args=[listings["public"].organisation.slug]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        for service in hidden.values():
            assert service.name_es not in html, (url, service.name_es)
            assert f"/services/{service.pk}/" not in html, url


ALARMING = re.compile(r"violen|abus|gbv|gender|domestic|rape|assault|victim|femicid", re.IGNORECASE)


# A signed token in an address is random letters: "gbv" can happen in one, and says nothing to a reader.
SIGNED_TOKEN = re.compile(r"/verify/[^/]+/")


def test_titles_and_addresses_are_neutral(client, world):
    for url in public_urls(world, "en"):
        assert not ALARMING.search(SIGNED_TOKEN.sub("/verify/", url)), url
        title = Page(client.get(url).content.decode()).title
        assert "Services directory" in title, url
        assert not ALARMING.search(title), (url, title)


def test_referral_list_shows_the_confidential_service_by_phone_only(client, world):
    listings, _hidden = world
    url = reverse("services:referral-list") + f"?s={listings['confidential'].pk}"
    html = client.get(url).content.decode()
    assert "tel:+5716019999" in html
    assert data.SECRET_STREET not in html


# The quick-exit script, run under Node with a minimal stand-in for the browser.
HARNESS = r"""
// The page's two scripts in the order a page runs them: the guard in <head>, then site.js (deferred).
const sources = process.argv.slice(2).map((path) => require("fs").readFileSync(path, "utf8"));
function run(options, steps) {
  const listeners = {};
  const storage = Object.assign({}, options.storage || {});
  const replaced = [];
  const classes = [];
  const link = { id: "quick-exit", href: "https://exit.example.net/" };
  link.closest = (selector) => (selector === "#quick-exit" ? link : null);
  const on = (target) => (type, listener) => {
    (listeners[target + type] = listeners[target + type] || []).push(listener);
  };
  const style = { visibility: "", removeProperty: (name) => { style[name] = ""; } };
  const document = {
    documentElement: { classList: {
      add: (name) => classes.push(name),
      remove: (name) => { while (classes.includes(name)) { classes.splice(classes.indexOf(name), 1); } },
    }, style },
    getElementById: (id) => (id === "quick-exit" ? link : null),
    querySelector: (selector) => (selector === 'meta[name="quick-exit"]' ? { content: link.href } : null),
    querySelectorAll: () => [],
    addEventListener: on("document:"),
  };
  const window = {
    sessionStorage: {
      getItem: (key) => (key in storage ? storage[key] : null),
      setItem: (key, value) => { storage[key] = String(value); },
      removeItem: (key) => { delete storage[key]; },
    },
    location: { replace: (url) => replaced.push(url) },
    addEventListener: on("window:"),
    print: () => {},
  };
  const performance = { getEntriesByType: () => [{ type: options.navigation || "navigate" }] };
  window.performance = performance;
  for (const source of sources) {
    new Function("window", "document", "performance", "navigator", source)(window, document, performance, {});
  }
  let prevented = false;
  for (const step of steps) {
    const event = Object.assign({ preventDefault: () => { prevented = true; } }, step.event);
    if (step.event.target === "quick-exit") { event.target = link; }
    (listeners[step.on] || []).forEach((listener) => listener(event));
  }
  return { replaced, storage, prevented, classes, visibility: style.visibility };
}
const shift = { on: "document:keydown", event: { key: "Shift" } };
const letter = (key) => ({ on: "document:keydown", event: { key, shiftKey: true } });
const results = {
  fresh: run({}, []),
  click: run({}, [{ on: "document:click", event: { target: "quick-exit", button: 0 } }]),
  shift3: run({}, [shift, shift, shift]),
  typing: run({}, [shift, letter("A"), shift, letter("B"), shift, letter("C")]),
  held: run({}, [shift, { on: "document:keydown", event: { key: "Shift", repeat: true } },
                 { on: "document:keydown", event: { key: "Shift", repeat: true } }]),
  back: run({ storage: { "rssn-left": "1" }, navigation: "back_forward" }, []),
  cached: run({}, [{ on: "document:click", event: { target: "quick-exit", button: 0 } },
                   { on: "window:pageshow", event: { persisted: true } }]),
  typed: run({ storage: { "rssn-left": "1" }, navigation: "navigate" }, []),
  stored: run({}, [{ on: "window:pagehide", event: { persisted: true } }]),
  restored: run({}, [{ on: "window:pagehide", event: { persisted: true } },
                     { on: "window:pageshow", event: { persisted: true } }]),
};
process.stdout.write(JSON.stringify(results));
"""


@pytest.fixture(scope="module")
def script_runs(tmp_path_factory):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed: the quick-exit script is checked in a browser by hand")
    harness = tmp_path_factory.mktemp("js") / "harness.js"
    harness.write_text(HARNESS)
    output = subprocess.run(  # noqa: S603 - fixed arguments
        [node, str(harness), str(STATIC / "js" / "exit-guard.js"), str(STATIC / "js" / "site.js")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(output.stdout)


def test_quick_exit_script_leaves_with_replace_and_remembers_it(script_runs):
    assert script_runs["fresh"]["replaced"] == []
    click = script_runs["click"]
    assert click["replaced"] == ["https://exit.example.net/"] and click["prevented"]
    assert click["storage"] == {"rssn-left": "1"}


def test_shift_three_times_leaves_but_typing_capitals_does_not(script_runs):
    assert script_runs["shift3"]["replaced"] == ["https://exit.example.net/"]
    assert script_runs["typing"]["replaced"] == []
    assert script_runs["held"]["replaced"] == []


def test_back_after_quick_exit_leaves_again_at_once(script_runs):
    # Any page of the site reached again with Back (from the network or the back-forward cache) leaves at once,
    # so going back through two pages never shows the directory.
    assert script_runs["back"]["replaced"] == ["https://exit.example.net/"]
    assert "leaving" in script_runs["back"]["classes"]
    # Hidden by its own style too, whether or not the stylesheet has arrived.
    assert script_runs["back"]["visibility"] == "hidden"
    # Quick exit, then Back restores the page from the back-forward cache: it leaves again.
    assert script_runs["cached"]["replaced"] == ["https://exit.example.net/"] * 2
    # Typing the address again later in the same tab starts afresh.
    assert script_runs["typed"]["replaced"] == []
    assert script_runs["typed"]["storage"] == {}


def test_a_page_kept_for_back_is_stored_hidden_and_shown_once_checked(script_runs):
    assert script_runs["stored"]["classes"] == ["leaving"]
    assert script_runs["stored"]["visibility"] == "hidden"
    assert script_runs["restored"]["classes"] == [] and script_runs["restored"]["replaced"] == []
    assert script_runs["restored"]["visibility"] == ""


def test_the_safety_page_says_what_stays_in_the_browser(client, world):
    with translation.override("en"):
        html = client.get(reverse("services:safety")).content.decode()
    assert "The address of a search page includes the words and the place you searched for" in html
    assert "It does not keep copies of the pages with a form" in html
    assert "This site sets no cookies, not even when you send a form" in html
