"""Sharing a page without a trace, and QR codes for paper.

The share links are plain links made here from the page's own public address and a neutral text: nothing is asked
of another site while the page loads, and the person decides whether to follow one. QR codes are made here too, by
the ``qrcode`` library, and drawn by ``includes/qr_code.html`` as an inline SVG path: no image is requested.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

import qrcode
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from services.cards import list_value

# What a shared link says about itself: nothing about what the directory is for.
SHARE_TEXT = _("Service information")


def _query(**parameters) -> str:
    # Spaces as %20, not "+": mail and SMS apps show a "+" as it is.
    return urlencode(parameters, quote_via=quote)


@dataclass(frozen=True)
class Share:
    """A page's public address with the links that share it (``includes/share.html``)."""

    url: str
    text: str

    @property
    def message(self) -> str:
        return f"{self.text} {self.url}"

    @property
    def whatsapp(self) -> str:
        return f"https://wa.me/?{_query(text=self.message)}"

    @property
    def telegram(self) -> str:
        return f"https://t.me/share/url?{_query(url=self.url, text=self.text)}"

    @property
    def sms(self) -> str:
        # "?&body=" is read by both Android's and iOS's messaging apps.
        return f"sms:?&{_query(body=self.message)}"

    @property
    def email(self) -> str:
        body = f"{self.text}\n{self.url}"
        return f"mailto:?{_query(subject=self.text, body=body)}"


def share(request, path: str) -> Share:
    """The links sharing the site's page at ``path`` (a path and query made by ``reverse``, never the request's own
    query string, which may hold a search or a referral list)."""
    return Share(url=request.build_absolute_uri(path), text=str(SHARE_TEXT))


def service_share(request, service) -> Share:
    return share(request, reverse("services:service-detail", args=[service.pk]))


def referral_list_share(request, services) -> Share:
    """The referral list of these services, in their order: only their ids travel in its address."""
    value = list_value([service.pk for service in services])
    path = reverse("services:referral-list")
    # Digits and commas only: kept readable, as the list's own links write it.
    return share(request, f"{path}?s={value}" if value else path)


@dataclass(frozen=True)
class QRCode:
    """A QR code as one SVG path on a ``size`` × ``size`` grid of modules, the quiet zone included."""

    size: int
    path: str


def qr_code(text: str) -> QRCode:
    """The QR code of ``text`` (medium error correction: it still reads when a printed page is creased)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return QRCode(size=code.modules_count + 2 * code.border, path=svg_path(code.get_matrix()))


def svg_path(matrix: list[list[bool]]) -> str:
    """An SVG path drawing the dark modules of ``matrix``, one rectangle per horizontal run."""
    parts = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    return "".join(parts)
