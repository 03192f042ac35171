"""Template helpers for the public directory: content languages, language links, distances, phones, the list, and
the cards of listed services (``ResultCards``)."""

import datetime
import functools
import html
from dataclasses import dataclass
from urllib.parse import urlencode

import phonenumbers
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from members.models import range_covers
from members.time_zones import time_zone_name
from rssn import languages
from rssn.languages import Translated, best_translation, page_language
from services import cache as directory_cache

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


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    return languages.language_links(request) if request is not None else []


@register.filter
def distance(km):
    """Rounded so nobody can locate a confidential service by searching from several points."""
    if isinstance(km, bool) or not isinstance(km, int | float):
        return ""
    if km < 1:
        return gettext("less than 1 km")
    return gettext("%(km)s km") % {"km": number_format(round(km))}


@register.filter
def zone_name(zone: str) -> str:
    """A time zone as the page's readers name it: "WIB", "hora de Colombia", "horário de Brasília"."""
    return time_zone_name(zone, page_language())


@register.filter
def tel_href(phone):
    return "tel:" + "".join(character for character in str(phone) if character.isdigit() or character == "+")


@register.filter
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


@register.filter
def map_url(point):
    """A plain link to the public point on OpenStreetMap; never an embedded map."""
    if point is None:
        return ""
    query = urlencode({"mlat": f"{point.latitude:.5f}", "mlon": f"{point.longitude:.5f}"})
    return f"https://www.openstreetmap.org/?{query}#map=17/{point.latitude:.5f}/{point.longitude:.5f}"


def related(instance, name: str) -> list:
    """``instance.<name>.all()`` as a list, read from what ``prefetch_related`` left without creating the related
    manager, which costs more than reading the list: results pages ask for a few hundred of them."""
    cache = getattr(instance, "_prefetched_objects_cache", {})
    if name in cache:
        return list(cache[name])
    return list(getattr(instance, name).all())


@register.simple_tag
def open_state(service, moment=None):
    """``"24_7"``, ``"open"``, ``"closed"``, or ``""`` when the listing says nothing about its hours.

    Read in each location's own time zone (as ``Location.is_open_at``).
    """
    fixed, hours = opening_of(service)
    return fixed if fixed is not None else open_state_at(hours, moment or timezone.now())


def opening_of(service) -> tuple[str | None, tuple]:
    """What a service's open state is read from: ``("24_7", ())`` or ``("", ())`` when it never changes, else
    ``(None, hours)``, ``hours`` a ``(time zone, ((weekday, opens, closes), ...))`` pair per location."""
    if service.open_24_7:
        return "24_7", ()
    locations = related(service, "locations")
    if any(location.open_24_7 for location in locations):
        return "24_7", ()
    hours = tuple(
        (
            location.time_zone,
            tuple((opening.weekday, opening.opens, opening.closes) for opening in related(location, "opening_hours")),
        )
        for location in locations
    )
    if not any(ranges for _zone, ranges in hours):
        return "", ()
    return None, hours


def open_state_at(hours: tuple, moment: datetime.datetime) -> str:
    """``"open"`` when one of the locations' ranges (``(weekday, opens, closes)``) covers ``moment`` in its time
    zone, else ``"closed"``."""
    for zone, ranges in hours:
        local = moment.astimezone(zone)
        if any(range_covers(*opening, local) for opening in ranges):
            return "open"
    return "closed"


@register.simple_tag
def public_places(service):
    """The distinct cities a result may name, and whether one of its addresses is confidential."""
    cities, confidential = [], False
    for location in related(service, "locations"):
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
    for location in related(service, "locations"):
        if location.phone:
            return location.phone
    return service.organisation.public_phone


# The referral list lives in the address (``?s=1,2,3``): no cookie, nothing on the server.


def parse_list(value) -> list[int]:
    ids = []
    for part in str(value or "")[:1000].split(","):
        part = part.strip()
        # ASCII digits only: str.isdigit() takes superscripts too ("¹"), which int() refuses.
        if part.isascii() and part.isdigit() and len(part) < 12 and int(part) not in ids:
            ids.append(int(part))
    return ids[:MAX_LIST_LENGTH]


# Stand-ins for a service's id and an organisation's slug in page links made once per page (``ResultCards``).
URL_STAND_IN_ID = 987654321
URL_STAND_IN_SLUG = "url-stand-in-slug"


def _encoded(query, names) -> str:
    """``query``'s parameters ``names`` (all their values, in order), encoded as ``QueryDict.urlencode`` does."""
    part = query.copy()
    for name in list(part):
        if name not in names:
            del part[name]
    return part.urlencode()


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


@register.simple_tag(takes_context=True)
def list_button(context, service):
    """The list button of one service: "Add to list", or "In your list" and "Remove from list"."""
    in_list = service.pk in referral_ids(context)
    list_url = list_query_removing(context, service.pk) if in_list else list_query_adding(context, service.pk)
    return list_button_html(service.pk, in_list, list_url)


def list_button_html(pk: int, in_list: bool, list_url: str) -> SafeString:
    """The button that adds the service to the referral list, or says it is there and removes it. Written with an
    f-string, each value escaped: it is printed on every card."""
    href = f"{_escaped(list_url)}#service-{int(pk)}"
    # gettext outside the f-strings: xgettext (``make messages``) does not read inside them.
    if in_list:
        in_list_text, remove_text = _escaped(gettext("In your list")), _escaped(gettext("Remove from list"))
        html_text = (
            f'<p class="list-actions"><span class="in-list">{in_list_text}</span> '
            f'<a class="button-link secondary" href="{href}" data-list-remove="{int(pk)}">'
            f"{remove_text}</a></p>"
        )
    else:
        add_text = _escaped(gettext("Add to list"))
        html_text = (
            f'<p class="list-actions"><a class="button-link" href="{href}" data-list-add="{int(pk)}">{add_text}</a></p>'
        )
    return mark_safe(html_text)  # noqa: S308  # nosec B308 B703  # every value above is escaped


@register.simple_tag
def open_badge(state: str) -> SafeString:
    """The badge of an ``open_state``: "Open 24/7", "Open now" or "Closed now" (nothing for "")."""
    badge = {
        "24_7": ("badge-open", gettext("Open 24/7")),
        "open": ("badge-open", gettext("Open now")),
        "closed": ("badge-closed", gettext("Closed now")),
    }.get(state)
    return format_html('<span class="badge {}">{}</span>', *badge) if badge else SafeString("")


# Results: what each listed service shows, worked out in Python. A results page lists twenty services or more,
# each with a dozen facts; asked for in the template fact by fact (a tag per translated name, an include per part,
# the referral list parsed again for every link), they cost more than the search itself.


@dataclass(frozen=True)
class CardMarkup:
    """A result card's markup that is the same for everyone who reads it in one language (``ResultCards.markup``),
    kept per process (``services.cache.cards``). ``pieces`` go around what each page puts in: the query that keeps
    the referral list (after each of the two links), the distance, the open badge and the list button. Its places
    come from ``Location.public_address`` alone."""

    pk: int
    pieces: tuple[str, str, str, str, str, str]
    has_locations: bool
    # The open state when it never changes ("24_7", or "" when the listing says nothing of its hours), else None
    # and ``hours``, plain values (``opening_of``).
    open_state: str | None
    hours: tuple


class ResultCards:
    """Makes the cards of one page. What depends on the request alone (the page language, the referral list, the
    query string its links keep) is read once, and what repeats from card to card (category and language names,
    costs, the ways a service is given, the labels) is worked out once.

    The cards are printed in Python, not by a template: twenty cards of a dozen facts each, asked for variable by
    variable and label by label, were half of a results page's time. What is the same for everyone (``markup``) is
    kept for the next pages that show the service (``services.cache.cards``)."""

    def __init__(self, request, now: datetime.datetime | None = None):
        self.language = page_language()
        self.now = now or timezone.now()
        self.list_ids = parse_list(request.GET.get("s"))
        self.list_only_query = f"?{urlencode({'s': _list_value(self.list_ids)})}" if self.list_ids else ""
        # The add and remove links keep the query and its page with another ``s`` (as ``list_query_adding``): it is
        # set in place for each card, so it keeps its position or comes last, as in a fresh copy of the query.
        query = request.GET.copy()
        page = request.GET.get("page")
        if page in (None, ""):
            query.pop("page", None)
        else:
            query["page"] = page
        # The parameters before and after ``s``, encoded once: each card's links only put its own ``s`` between.
        names = list(query)
        position = names.index("s") if "s" in names else len(names)
        self._before_list = _encoded(query, names[:position])
        self._after_list = _encoded(query, names[position + 1 :])
        # Page links made once with a stand-in, then completed per card: reverse() was a third of a card's time.
        self._service_url = reverse("services:service-detail", args=[URL_STAND_IN_ID])
        self._organisation_url = reverse("services:organisation-detail", args=[URL_STAND_IN_SLUG])
        self._category_names = {}
        self._language_names = {}
        self._costs = {}
        self._delivery_modes = {}
        self._badges = {}
        self._dates = {}

    @functools.cached_property
    def _version(self) -> str:
        return directory_cache.version()

    def markup_of(self, service) -> CardMarkup:
        """The service's card markup: kept (``services.search.KeptCard``), or made from its rows and kept."""
        kept = getattr(service, "kept_card", None)
        if kept is not None:
            return kept
        markup = self.markup(service)
        read_at = getattr(service, "card_read_at", None)
        if read_at is not None:
            directory_cache.keep_card(self.language, service.pk, markup, read_at, self._version)
        return markup

    def markup(self, service) -> CardMarkup:
        """The card's markup: an ``article`` with the name, the organisation, the facts and the list button. Written
        with f-strings, each value escaped (``_escaped``, as ``format_html`` does): a dozen ``format_html`` calls per
        card were most of its time."""
        label, e = self.labels, _escaped
        organisation = service.organisation
        name = best_translation(service, "name", self.language)
        organisation_name = best_translation(organisation, "name", self.language)
        service_url = self._service_url.replace(str(URL_STAND_IN_ID), str(service.pk))
        organisation_url = self._organisation_url.replace(URL_STAND_IN_SLUG, organisation.slug)
        head = f'<article class="result" id="service-{service.pk}">\n<h3><a href="{e(service_url)}'
        middle = [f'"{_lang(name)}>{e(name)}</a>']
        if name.differs:
            middle.append(f'<span class="shown-in">{e(name.shown_in)}</span>')
        middle.append(f'</h3>\n<p class="organisation"><a href="{e(organisation_url)}')
        facts = [f'"{_lang(organisation_name)}>{e(organisation_name)}</a></p>\n<dl class="facts">\n']
        categories = [self._category_name(category) for category in related(service, "categories")]
        if categories:
            tags = ", ".join(f'<span class="tag"{_lang(name)}>{e(name)}</span>' for name in categories)
            facts.append(f"<dt>{label['type_of_help']}</dt><dd>{tags}</dd>")
        facts.append("\n")
        has_locations = bool(related(service, "locations"))
        after_distance = []
        if has_locations:
            places = public_places(service)
            cities = "".join(f"<li>{e(city)}</li>" for city in places["cities"])
            if places["confidential"]:
                cities += f"<li>{label['confidential']}</li>"
            facts.append(f'<dt>{label["where"]}</dt><dd><ul class="places">{cities}</ul>')
            after_distance.append("</dd>")
        elif service.by_phone or service.online:
            facts.append(f"<dt>{label['where']}</dt><dd>{label['by_phone_or_online']}</dd>")
        after_distance.append("\n")
        phone = contact_phone(service)
        if phone:
            after_distance.append(
                f'<dt>{label["phone"]}</dt><dd><a class="phone" href="{e(tel_href(phone))}">'
                f"{e(phone_display(phone))}</a></dd>"
            )
        after_distance.append(f"\n<dt>{label['cost']}</dt><dd>{e(self._cost(service))}</dd>\n")
        languages = ", ".join(self._language_name(language) for language in related(service, "languages"))
        if languages:
            after_distance.append(f"<dt>{label['languages']}</dt><dd>{e(languages)}</dd>")
        after_distance.append(f"\n<dt>{label['how']}</dt><dd>{e(self._delivery_mode_names(service))}</dd>\n")
        fixed_state, hours = opening_of(service)
        after_badge = []
        if fixed_state != "":
            after_distance.append(f"<dt>{label['opening']}</dt><dd>")
            after_badge.append("</dd>")
        after_badge.append("\n")
        last_verified_on = service.last_verified_on or organisation.last_verified_on
        if last_verified_on:
            after_badge.append(f"<dt>{label['last_verified']}</dt><dd>{self._date(last_verified_on)}</dd>")
        after_badge.append("\n</dl>\n")
        pieces = (head, "".join(middle), "".join(facts), "".join(after_distance), "".join(after_badge))
        return CardMarkup(service.pk, (*pieces, "\n</article>\n"), has_locations, fixed_state, hours)

    def html(self, markup: CardMarkup, distance_km=None) -> SafeString:
        """The card for this page: its markup around the query that keeps the referral list, the distance, the open
        badge at this page's moment and the list button."""
        head, middle, facts, after_distance, after_badge, tail = markup.pieces
        query = _escaped(self.list_only_query)
        distance_text = ""
        if markup.has_locations:
            km = distance(distance_km)
            if km:
                label = gettext("Distance: %(km)s") % {"km": escape(km)}  # outside the f-string: see above
                distance_text = f' <span class="distance">{label}</span>'
        state = markup.open_state
        if state is None:
            state = open_state_at(markup.hours, self.now)
        in_list = markup.pk in self.list_ids
        button = list_button_html(markup.pk, in_list, self._list_url(markup.pk, in_list))
        badge = self._open_badge(state) if state else ""
        # Every value in the pieces is escaped (``markup``); the badge, distance and button are escaped here.
        return mark_safe(  # noqa: S308  # nosec B308 B703
            f"{head}{query}{middle}{query}{facts}{distance_text}{after_distance}{badge}{after_badge}{button}{tail}"
        )

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        """The cards' labels, translated and escaped as ``{% translate %}`` prints them: once per page."""
        texts = {
            "type_of_help": gettext("Type of help"),
            "where": gettext("Where"),
            "confidential": gettext("Address confidential: contact by phone"),
            "by_phone_or_online": gettext("By phone or online"),
            "phone": gettext("Phone"),
            "cost": gettext("Cost"),
            "languages": gettext("Languages"),
            "how": gettext("How it is given"),
            "opening": gettext("Opening"),
            "last_verified": gettext("Last verified"),
        }
        return {key: conditional_escape(text) for key, text in texts.items()}

    def _open_badge(self, state: str) -> SafeString:
        if state not in self._badges:
            self._badges[state] = open_badge(state)
        return self._badges[state]

    def _date(self, day: datetime.date) -> str:
        if day not in self._dates:
            self._dates[day] = conditional_escape(date_format(day, "DATE_FORMAT"))
        return self._dates[day]

    def _category_name(self, category) -> Translated:
        if category.pk not in self._category_names:
            self._category_names[category.pk] = best_translation(category, "name", self.language)
        return self._category_names[category.pk]

    def _language_name(self, language) -> str:
        if language.pk not in self._language_names:
            self._language_names[language.pk] = str(language.name)
        return self._language_names[language.pk]

    def _cost(self, service) -> str:
        if service.cost not in self._costs:
            self._costs[service.cost] = service.get_cost_display()
        return self._costs[service.cost]

    def _delivery_mode_names(self, service) -> str:
        modes = (service.in_person, service.by_phone, service.online, service.outreach)
        if modes not in self._delivery_modes:
            self._delivery_modes[modes] = ", ".join(service.delivery_modes)
        return self._delivery_modes[modes]

    def _list_url(self, pk: int, in_list: bool) -> str:
        """The query with ``s`` changed to add or remove the service: in its place, or last when it was not there."""
        ids = [item for item in self.list_ids if item != pk] if in_list else [*self.list_ids, pk][-MAX_LIST_LENGTH:]
        listed = urlencode({"s": _list_value(ids)}) if ids else ""
        encoded = "&".join(part for part in (self._before_list, listed, self._after_list) if part)
        return f"?{encoded}"


@register.simple_tag(takes_context=True)
def result_cards(context, services) -> list[SafeString]:
    """``{% result_cards page as results %}``: each service's card, printed (``ResultCards.html``)."""
    cards = ResultCards(context["request"], context.get("now"))
    return [cards.html(cards.markup_of(service), getattr(service, "distance_km", None)) for service in services]


def _escaped(value) -> str:
    """``conditional_escape(value)`` without Django's check for lazy arguments around ``escape``, which cost more than
    the escaping (a page of cards escapes some 400 values); the same text."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _lang(text: Translated) -> SafeString:
    """`` lang="pt"`` when ``text`` is in another language than the page."""
    return format_html(' lang="{}"', text.language) if text.differs else SafeString("")
