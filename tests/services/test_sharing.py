"""Sharing without a trace: plain share links made on the server from a page's public address with a neutral text,
link previews that never say what the help is for, and the referral list's QR code."""

import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import qrcode

from services.sharing import qr_code, svg_path
from tests.services.directory_data import SECRET_STREET, confidential_listing, public_listing, shelter

pytestmark = pytest.mark.django_db

LANGUAGES = ["es", "pt", "en", "id"]
SHARE_TEXT = {
    "es": "Información de servicios",
    "pt": "Informações sobre serviços",
    "en": "Service information",
    "id": "Informasi layanan",
}
# Words a link preview must never show, in the four languages, compared without accents or case.
TELLING_WORDS = [
    # en
    "violence", "violent", "abuse", "abused", "shelter", "refuge", "rape", "assault", "domestic", "trafficking",
    "survivor", "survivors", "victim", "victims", "gender-based", "harassment", "femicide", "safe house",
    # es
    "violencia", "violento", "abuso", "maltrato", "refugio", "albergue", "acogida", "violacion", "agresion",
    "trata", "sobreviviente", "sobrevivientes", "victima", "victimas", "acoso", "feminicidio", "genero",
    # pt
    "violencia", "abrigo", "casa-abrigo", "estupro", "agressao", "trafico", "sobrevivente", "vitima", "vitimas",
    "assedio", "genero", "acolhimento",
    # id
    "kekerasan", "pelecehan", "perkosaan", "pemerkosaan", "rumah aman", "penampungan", "korban", "penyintas",
    "perdagangan orang", "kdrt", "rumah singgah",
]  # fmt: skip


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def telling_words_in(text: str) -> set[str]:
    text = plain(text)
    return {word for word in TELLING_WORDS if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)}


class Page(HTMLParser):
    """The parts of a page a link preview or a share link is made of."""

    def __init__(self, html: str):
        super().__init__()
        self.title, self._in_title = "", False
        self.meta: dict[str, str] = {}
        self.share_links: dict[str, dict] = {}
        self.buttons: list[dict] = []
        self.svgs: list[dict] = []
        self.paths: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "a" and "data-share" in attrs:
            self.share_links[attrs["data-share"]] = attrs
        elif tag == "button":
            self.buttons.append(attrs)
        elif tag == "svg":
            self.svgs.append(attrs)
        elif tag == "path":
            self.paths.append(attrs["d"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def preview(self) -> dict[str, str]:
        """What link previews read: the title, the description and every Open Graph tag."""
        found = {"title": self.title, "description": self.meta.get("description", "")}
        found.update({key: value for key, value in self.meta.items() if key.startswith("og:")})
        return found


def page(client, url) -> Page:
    response = client.get(url)
    assert response.status_code == 200
    return Page(response.content.decode())


def telling_service():
    """A listing whose own words say what it is for, in every language."""
    return confidential_listing(
        name_es="Refugio para víctimas de violencia de género",
        name_pt="Casa-abrigo para vítimas de violência",
        name_en="Shelter for survivors of domestic violence",
        name_ind="Rumah aman korban kekerasan",
        categories=[shelter()],
    )


def test_the_words_are_found_where_they_are_said():
    assert telling_words_in("Casa-Abrigo para Vítimas de VIOLÊNCIA") == {
        "violencia",
        "abrigo",
        "casa-abrigo",
        "vitimas",
    }
    assert telling_words_in("Rumah Aman · Direktori layanan") == {"rumah aman"}
    assert telling_words_in("Information on services") == set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_link_previews_never_say_what_the_help_is_for(client, language):
    service = telling_service()
    urls = [
        f"/{language}/services/{service.pk}/",
        f"/{language}/organisations/{service.organisation.slug}/",
        f"/{language}/list/?s={service.pk}",
        f"/{language}/search/?q=violencia&category=shelter",
        f"/{language}/search/?q={quote(service.name_en)}",
        f"/{language}/",
    ]
    for url in urls:
        found = page(client, url)
        assert found.meta.get("og:title"), url
        assert found.meta.get("og:description"), url
        for part, text in found.preview().items():
            assert telling_words_in(text) == set(), (url, part, text)
    # The page itself still names the service.
    assert service.name_en in client.get(f"/en/services/{service.pk}/").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_service_page_shares_its_own_address_with_a_neutral_text(client, language):
    service = public_listing()
    # The visitor's referral list and search stay out of what is shared.
    found = page(client, f"/{language}/services/{service.pk}/?s=77,{service.pk}&q=violencia")
    address = f"http://testserver/{language}/services/{service.pk}/"
    text = SHARE_TEXT[language]

    links = found.share_links
    assert set(links) == {"whatsapp", "sms", "telegram", "email"}
    for link in links.values():
        assert link["rel"] == "noreferrer noopener"
    whatsapp = urlsplit(links["whatsapp"]["href"])
    assert (whatsapp.scheme, whatsapp.netloc, whatsapp.path) == ("https", "wa.me", "/")
    assert parse_qs(whatsapp.query) == {"text": [f"{text} {address}"]}
    telegram = urlsplit(links["telegram"]["href"])
    assert (telegram.netloc, telegram.path) == ("t.me", "/share/url")
    assert parse_qs(telegram.query) == {"url": [address], "text": [text]}
    assert links["sms"]["href"].startswith("sms:?&body=")
    assert parse_qs(links["sms"]["href"].removeprefix("sms:?&")) == {"body": [f"{text} {address}"]}
    email = urlsplit(links["email"]["href"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": [text], "body": [f"{text}\n{address}"]}
    assert "+" not in links["email"]["href"]  # spaces as %20: a mail app shows a "+" as it is

    # The share sheet and the copy button need the script: hidden until it shows them, with the same address.
    scripted = [button for button in found.buttons if "data-share-sheet" in button or "data-copy-url" in button]
    assert [button.get("data-share-url") or button.get("data-copy-url") for button in scripted] == [address] * 2


def test_nothing_is_requested_to_share(client):
    service = public_listing()
    html = client.get(f"/en/services/{service.pk}/").content.decode()
    # No image, script, frame or style from another site: only links a person may choose to follow.
    assert not re.search(r"<(img|script|iframe|link)[^>]+(src|href)=\"https?://(?!testserver)", html)
    assert "wa.me" in html


def test_the_referral_list_shares_the_list_of_its_public_services(client):
    listed = public_listing()
    other = public_listing(name_en="Second service")
    found = page(client, f"/en/list/?s={other.pk},999999,{listed.pk}&utm=x")
    address = f"http://testserver/en/list/?s={other.pk},{listed.pk}"
    assert parse_qs(urlsplit(found.share_links["whatsapp"]["href"]).query) == {
        "text": [f"Service information {address}"]
    }
    assert f'id="share-link" value="{address}"' in client.get(f"/en/list/?s={other.pk},{listed.pk}").content.decode()


def modules(path: str, size: int) -> list[list[bool]]:
    """The grid an SVG path of ``svg_path`` draws."""
    grid = [[False] * size for _ in range(size)]
    for x, y, run in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", path):
        for column in range(int(x), int(x) + int(run)):
            grid[int(y)][column] = True
    return grid


def expected_modules(text: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def test_a_qr_code_path_draws_every_dark_module_and_no_other():
    matrix = [[False, True, True, False], [True, False, False, True], [False] * 4, [True] * 4]
    assert svg_path(matrix) == "M1 0h2v1h-2zM0 1h1v1h-1zM3 1h1v1h-1zM0 3h4v1h-4z"
    made = qr_code("http://testserver/en/list/?s=1,2")
    assert modules(made.path, made.size) == expected_modules("http://testserver/en/list/?s=1,2")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_printable_list_has_a_qr_code_of_its_public_address_only(client, language):
    secret = confidential_listing()
    listed = public_listing()
    html = client.get(f"/{language}/list/?s={secret.pk},{listed.pk}").content.decode()
    found = Page(html)
    [svg] = [svg for svg in found.svgs if svg.get("class") == "qr-code"]
    assert svg["role"] == "img" and svg["aria-label"]
    size = int(svg["viewbox"].split()[-1])
    address = f"http://testserver/{language}/list/?s={secret.pk},{listed.pk}"
    drawn = modules(found.paths[-1], size)
    assert drawn == expected_modules(address)
    assert drawn != expected_modules(f"{address} {SECRET_STREET}")
    assert SECRET_STREET not in html
    # Made on the server: no script draws it, and it is printed.
    assert "<script" not in html.split('class="qr"')[1].split("</figure>")[0]


def test_an_empty_list_has_no_qr_code_and_nothing_to_share(client):
    html = client.get("/en/list/").content.decode()
    assert 'class="qr-code"' not in html
    assert "wa.me" not in html
