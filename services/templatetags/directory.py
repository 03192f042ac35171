"""Template helpers for the public directory: content languages, language links, distances, phones, the list."""

from urllib.parse import urlencode

import phonenumbers
from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext

from services.translated import best_translation

register = template.Library()

MAX_LIST_LENGTH = 50


@register.simple_tag
def translated(instance, field):
    """``{% translated service "name" as name %}``: the value in the best language, with ``lang`` and note."""
    return best_translation(instance, field)


@register.simple_tag
def quick_exit_url():
    """From settings directly, so even the 500 page (rendered without context) has a working quick exit."""
    return settings.QUICK_EXIT_URL


def switch_language(path: str, language: str) -> str:
    """The same page in another language: only the /xx/ prefix changes (page addresses are the same in all)."""
    codes = {code for code, _name in settings.LANGUAGES}
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in codes:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{language}/{rest}"
    return f"/{language}{path}"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One plain link per language to the current page and query, for the switcher and ``hreflang``."""
    request = context.get("request")
    if request is None:
        return []
    query = request.META.get("QUERY_STRING", "")
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = switch_language(request.path, code) + (f"?{query}" if query else "")
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return links


@register.filter
def distance(km):
    """Rounded so nobody can locate a confidential service by searching from several points."""
    if isinstance(km, bool) or not isinstance(km, int | float):
        return ""
    if km < 1:
        return gettext("less than 1 km")
    return gettext("%(km)s km") % {"km": number_format(round(km))}


@register.filter
def tel_href(phone):
    return "tel:" + "".join(character for character in str(phone) if character.isdigit() or character == "+")


@register.filter
def phone_display(phone):
    try:
        parsed = phonenumbers.parse(str(phone), None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.filter
def map_url(point):
    """A plain link to the public point on OpenStreetMap; never an embedded map."""
    if point is None:
        return ""
    query = urlencode({"mlat": f"{point.latitude:.5f}", "mlon": f"{point.longitude:.5f}"})
    return f"https://www.openstreetmap.org/?{query}#map=17/{point.latitude:.5f}/{point.longitude:.5f}"


@register.simple_tag
def open_state(service, moment=None):
    """``"24_7"``, ``"open"``, ``"closed"``, or ``""`` when the listing says nothing about its hours.

    Read in each location's own time zone (``Location.is_open_at``).
    """
    if service.open_24_7:
        return "24_7"
    locations = list(service.locations.all())
    if any(location.open_24_7 for location in locations):
        return "24_7"
    if not any(location.opening_hours.all() for location in locations):
        return ""
    moment = moment or timezone.now()
    return "open" if any(location.is_open_at(moment) for location in locations) else "closed"


@register.simple_tag
def public_places(service):
    """The distinct cities a result may name, and whether one of its addresses is confidential."""
    cities, confidential = [], False
    for location in service.locations.all():
        city = location.public_address.get("city")
        if city is None:
            confidential = True
        elif city not in cities:
            cities.append(city)
    return {"cities": cities, "confidential": confidential}


@register.simple_tag
def contact_phone(service):
    """The number to call: the service's own, else its first location's, else the organisation's."""
    if service.phone:
        return service.phone
    for location in service.locations.all():
        if location.phone:
            return location.phone
    return service.organisation.public_phone


# The referral list lives in the address (``?s=1,2,3``): no cookie, nothing on the server.


def parse_list(value) -> list[int]:
    ids = []
    for part in str(value or "")[:1000].split(","):
        part = part.strip()
        if part.isdigit() and len(part) < 12 and int(part) not in ids:
            ids.append(int(part))
    return ids[:MAX_LIST_LENGTH]


def _list_value(ids) -> str:
    return ",".join(str(pk) for pk in ids)


@register.simple_tag(takes_context=True)
def referral_ids(context):
    request = context.get("request")
    return parse_list(request.GET.get("s")) if request is not None else []


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (``None`` or ``""`` removes one); page resets."""
    request = context["request"]
    query = request.GET.copy()
    if "page" not in changes:
        query.pop("page", None)
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def list_query_adding(context, pk):
    """The current query string with the service added to the referral list."""
    ids = referral_ids(context)
    if pk not in ids:
        ids = [*ids, pk][-MAX_LIST_LENGTH:]
    return query_with(context, s=_list_value(ids), page=context["request"].GET.get("page"))


@register.simple_tag(takes_context=True)
def list_query_removing(context, pk):
    ids = [item for item in referral_ids(context) if item != pk]
    return query_with(context, s=_list_value(ids), page=context["request"].GET.get("page"))


@register.simple_tag(takes_context=True)
def list_only_query(context):
    """``?s=…`` alone, for links to other pages that keep the referral list."""
    ids = referral_ids(context)
    return f"?{urlencode({'s': _list_value(ids)})}" if ids else ""
