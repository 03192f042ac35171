"""How values read on the public pages: distances, time zones, phone numbers and map links."""

import functools
from urllib.parse import urlencode

import phonenumbers
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext

from members.time_zones import time_zone_name
from rssn.languages import page_language


def quick_exit_url() -> str:
    """From settings directly, so even the 500 page (rendered without context) has a working quick exit."""
    return settings.QUICK_EXIT_URL


def distance(km) -> str:
    """Rounded so nobody can locate a confidential service by searching from several points."""
    if isinstance(km, bool) or not isinstance(km, int | float):
        return ""
    if km < 1:
        return gettext("less than 1 km")
    return gettext("%(km)s km") % {"km": number_format(round(km))}


def zone_name(zone: str) -> str:
    """A time zone as the page's readers name it: "WIB", "hora de Colombia", "horário de Brasília"."""
    return time_zone_name(zone, page_language())


def tel_href(phone) -> str:
    return "tel:" + "".join(character for character in str(phone) if character.isdigit() or character == "+")


def phone_display(phone):
    shown = _international_format(str(phone))
    return phone if shown is None else shown


@functools.lru_cache(maxsize=4096)
def _international_format(phone: str) -> str | None:
    """Parsing a number costs more than the rest of its result; the same numbers come back on every page."""
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def map_url(point) -> str:
    """A plain link to the public point on OpenStreetMap; never an embedded map."""
    if point is None:
        return ""
    query = urlencode({"mlat": f"{point.latitude:.5f}", "mlon": f"{point.longitude:.5f}"})
    return f"https://www.openstreetmap.org/?{query}#map=17/{point.latitude:.5f}/{point.longitude:.5f}"
