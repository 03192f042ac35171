"""What a listed service shows on the public pages, worked out in Python and printed by templates:
``templates/includes/service_card.html`` (the result card) and the small includes in ``templates/includes/service/``
that the card, the service page and the referral list share.

A result card is rendered once per language and version and kept (``services.card_cache``); what differs from page
to page (the query that keeps the referral list, the distance, the open badge and the next opening or closing time
at the page's moment, and the list button) goes into the kept card's slots for each page. The referral list lives
in the address (``?s=1,2,3``): no cookie, nothing on the server.
"""

import copy
import datetime
import functools
import re
import secrets
from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

from django.template import Node
from django.template.defaulttags import querystring
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince

from members import closures, opening
from rssn.languages import best_translation, page_language
from services import cache as directory_cache
from services import capacity, display
from services.card_cache import KeptResults, PageCards, kept_include, kept_markup
from services.hours import next_change
from services.models import Service
from services.querysets import attach_card_channels

MAX_LIST_LENGTH = 50
CARD_TEMPLATE = "includes/service_card.html"
LIST_BUTTON_TEMPLATE = "includes/service/list_button.html"
BADGE_TEMPLATE = "includes/service/open_badge.html"
NOTICE_TEMPLATE = "includes/service/closure_notice.html"
PHONE_TEMPLATE = "includes/service/phone.html"
CHANNELS_TEMPLATE = "includes/service/channel_links.html"
CAPACITY_TEMPLATE = "includes/service/places.html"
CATEGORIES_TEMPLATE = "includes/service/categories.html"
PLACES_TEMPLATE = "includes/service/card_places.html"
COST_TEMPLATE = "includes/service/cost.html"
LANGUAGES_TEMPLATE = "includes/service/languages.html"
HOW_TEMPLATE = "includes/service/how.html"
ACCESS_TEMPLATE = "includes/service/access.html"
VERIFIED_TEMPLATE = "includes/service/last_verified.html"
OPENING_TEMPLATE = "includes/service/card_opening.html"
DISTANCE_TEMPLATE = "includes/service/distance.html"
SLOTS = ("list_query", "distance", "badge", "list_button", "notice", "capacity")
# Slots are marked with a token no listing can contain, so that a listing's text can never open one.
_TOKEN = secrets.token_hex(8)
_SLOT = re.compile(f"\x00{_TOKEN}:(\\w+)\x00")


def _marks(*names: str) -> dict[str, SafeString]:
    """Each slot's mark, printed as it is by a template (our own text: no listing's value in it)."""
    return {name: mark_safe(f"\x00{_TOKEN}:{name}\x00") for name in names}  # noqa: S308  # nosec B308 B703


_CARD_MARKS = _marks(*SLOTS)


def _slotted(template_name: str, context: dict) -> tuple[str, ...]:
    """The template rendered, split at its slots: text, slot name, text, ..."""
    return tuple(_SLOT.split(get_template(template_name).render(context)))


def _filled(parts: tuple[str, ...], values: dict) -> str:
    return "".join(values[part] if index % 2 else part for index, part in enumerate(parts))


def parse_list(value) -> list[int]:
    """The referral list of ``?s=``: distinct ids in order, at most ``MAX_LIST_LENGTH``."""
    ids = []
    for part in str(value or "")[:1000].split(","):
        part = part.strip()
        # ASCII digits only: str.isdigit() takes superscripts too ("¹"), which int() refuses.
        if part.isascii() and part.isdigit() and len(part) < 12 and int(part) not in ids:
            ids.append(int(part))
    return ids[:MAX_LIST_LENGTH]


def list_value(ids) -> str | None:
    """``s``'s value for these ids; None (no ``s``) for none."""
    return ",".join(str(pk) for pk in ids) or None


def referral_ids(request) -> list[int]:
    return parse_list(request.GET.get("s")) if request is not None else []


def list_only_query(request) -> str:
    """``?s=…`` alone, for links to other pages that keep the referral list."""
    ids = referral_ids(request)
    return f"?{urlencode({'s': list_value(ids)})}" if ids else ""


def list_change(ids: list[int], pk: int) -> dict:
    """What a service's list button does (``includes/service/list_button.html``): whether it is in the list, and
    ``s``'s value that removes it, or adds it (last, the oldest dropped beyond ``MAX_LIST_LENGTH``)."""
    in_list = pk in ids
    changed = [item for item in ids if item != pk] if in_list else [*ids, pk][-MAX_LIST_LENGTH:]
    return {"pk": pk, "in_list": in_list, "value": list_value(changed)}


def list_without(request, pk: int) -> str | None:
    """``s``'s value without the service (the referral list's "Remove from list")."""
    return list_value(item for item in referral_ids(request) if item != pk)


def public_places(locations) -> dict:
    """The distinct cities a card may name, and whether one of its addresses is confidential
    (``Location.public_address``), for a service's locations."""
    cities, confidential = [], False
    for location in locations:
        city = location.public_address.get("city")
        if city is None:
            confidential = True
        elif city not in cities:
            cities.append(city)
    return {"cities": cities, "confidential": confidential}


def contact_phone(service, locations=None):
    """The number to call: the service's own, else its first location's, else the organisation's."""
    if service.phone:
        return service.phone
    for location in service.locations.all() if locations is None else locations:
        if location.phone:
            return location.phone
    return service.organisation.public_phone


CARD_CHANNELS = 4


def card_channels(service, locations=None) -> list:
    """The ways to reach ``service`` its card links to: its own channels, then its locations', each kind and address
    once, at most ``CARD_CHANNELS`` (the service page lists them all). Read with the page's rows
    (``services.querysets.attach_reference_data``: ``card_channels``); a service read otherwise asks for them."""
    channels = getattr(service, "card_channels", None)
    if channels is None:
        channels = list(service.channels.all())
        for location in service.locations.all() if locations is None else locations:
            channels += location.channels.all()
    distinct = {}
    for channel in channels:
        distinct.setdefault((channel.kind, channel.address), channel)
    return list(distinct.values())[:CARD_CHANNELS]


def open_state(service, moment: datetime.datetime | None = None) -> str:
    """``"24_7"``, ``"open"``, ``"closed"``, ``"temporarily_closed"``, or ``""`` when the listing says nothing of its
    hours (``members.opening``, ``members.closures``)."""
    return listing_status(service, moment).open_state


@dataclass(frozen=True)
class Access:
    """What it takes to get in (``includes/service/access.html``): None for a fact nobody gave."""

    documents: tuple[str, ...] | None  # the documents' names; () for none
    referral_required: bool | None
    appointment: str | None
    has_locations: bool
    wheelchair_access: bool | None
    interpretation: bool | None


def access_facts(service, locations=None) -> Access:
    """``service``'s ``Access``, from its rows (``locations``: its locations, when read already)."""
    has_locations = bool(list(service.locations.all()) if locations is None else locations)
    return Access(
        None if service.documents is None else tuple(service.document_names),
        service.referral_required,
        service.appointment,
        has_locations,
        service.wheelchair_access if has_locations else None,
        service.interpretation,
    )


@dataclass(frozen=True)
class ClosureFacts:
    """A listing's temporary closures as its version holds them (``members.closures``), read at each page's moment:
    whether it is closed (and until when), the note to show, and its open state from the locations still open. The
    note is in the language of the page that read it (cards are kept per language)."""

    own: closures.Period | None
    own_note: object
    # Per location: its period (or None), its note, whether it is open 24/7, its ``(zone, ranges)`` hours.
    locations: tuple

    def closed_until(self, moment: datetime.datetime) -> datetime.date | None:
        return closures.closed_until(self.own, (place[0] for place in self.locations), moment)

    def notice(self, moment: datetime.datetime) -> dict | None:
        """What the listing says of its closure at ``moment``: closed now (``until``), or closed soon (``starts``),
        with its note; None when neither."""
        until = self.closed_until(moment)
        if until is not None:
            if closures.is_closed(self.own, moment):
                note = self.own_note
            else:
                note = next((place[1] for place in self.locations if place[1]), "")
            return {"until": until, "note": note, "reopens": until + datetime.timedelta(days=1)}
        if self.own is not None and self.own.starts > moment.astimezone(self.own.zone).date():
            return {"starts": self.own.starts, "until": self.own.ends, "note": self.own_note, "upcoming": True}
        return None

    def open_state(self, moment: datetime.datetime, open_24_7: bool) -> str | None:
        """The open state from the locations not closed at ``moment``, or None when none of them is closed (the
        listing's own state holds)."""
        if not any(place[0] is not None and place[0].covers(moment) for place in self.locations):
            return None
        still_open = [place for place in self.locations if place[0] is None or not place[0].covers(moment)]
        if open_24_7 or any(place[2] for place in still_open):
            return opening.OPEN_24_7
        hours = tuple(place[3] for place in still_open)
        if not any(ranges for _zone, ranges in hours):
            return opening.CLOSED
        return opening.state_at(hours, moment)


def closure_facts(service, locations, language: str) -> ClosureFacts | None:
    """The closures of ``service`` and its ``locations``; None when neither has one (most listings)."""
    if service.closed_from is None and not any(location.closed_from is not None for location in locations):
        return None
    places = tuple(
        (
            location.closure_period,
            best_translation(location, "closure_note", language) if location.closed_from else "",
            location.open_24_7,
            opening.location_hours(location),
        )
        for location in locations
    )
    own_note = best_translation(service, "closure_note", language) if service.closed_from else ""
    return ClosureFacts(service.closure_period(locations), own_note, places)


def places_facts(service) -> tuple | None:
    """``(capacity, updated_at)`` of a service that gives its places, else None."""
    return (service.capacity, service.capacity_updated_at) if service.capacity else None


@dataclass(frozen=True)
class ListingStatus:
    """What a listing says at a moment of being open, closed for a while, and its places (the service page and the
    cards print it through ``includes/service/``)."""

    open_state: str
    notice: dict | None
    places: dict | None

    @property
    def closed_until(self) -> datetime.date | None:
        return self.notice["until"] if self.notice and not self.notice.get("upcoming") else None


def places_shown(facts: tuple | None, moment: datetime.datetime) -> dict | None:
    """A service's places as a page shows them at ``moment`` (``includes/service/places.html``): the state, its
    label, and the age of the update; "call to ask" once it is no longer current (``services.capacity``)."""
    if facts is None:
        return None
    status, updated_at = facts
    state = capacity.state(status, updated_at, moment)
    label = "" if state == capacity.ASK else Service.Capacity(state).label
    return {"state": state, "label": label, "age": timesince(updated_at, moment, depth=1), "updated_at": updated_at}


def listing_status(service, moment: datetime.datetime | None = None) -> ListingStatus:
    """``service``'s open state, closure notice and places at ``moment`` (now)."""
    moment = moment or timezone.now()
    locations = list(service.locations.all())
    facts = closure_facts(service, locations, page_language())
    notice = facts.notice(moment) if facts is not None else None
    if notice is not None and not notice.get("upcoming"):
        state = TEMPORARILY_CLOSED
    else:
        state = (facts.open_state(moment, service.open_24_7) if facts is not None else None) or opening.open_state(
            service.open_24_7, locations, moment
        )
    return ListingStatus(state, notice, places_shown(places_facts(service), moment))


TEMPORARILY_CLOSED = "temporarily_closed"


def location_closure(location, moment: datetime.datetime | None = None) -> dict | None:
    """A location's own closure at ``moment`` (now), as ``ClosureFacts.notice`` says it, for its section of a page."""
    if location.closed_from is None:
        return None
    note = best_translation(location, "closure_note", page_language())
    return ClosureFacts(location.closure_period, note, ()).notice(moment or timezone.now())


@dataclass(frozen=True)
class CardMarkup:
    """A result card rendered for everyone who reads it in one language: the markup around its slots
    (``parts``: text, slot name, text, ...), what its open badge is read from (``members.opening.fixed_state``:
    a state that never changes, else None and the hours), and its closures and places, read at each page's
    moment so that a kept card never shows a closure that has ended or places no longer current."""

    pk: int
    parts: tuple[str, ...]
    open_state: str | None
    hours: tuple
    closure: ClosureFacts | None = None
    places: tuple | None = None
    open_24_7: bool = False


class PageLinks:
    """The addresses of service and organisation pages, reversed once with a stand-in and completed for each card:
    ``reverse()`` was the largest part of rendering a card."""

    STAND_IN_ID = 987654321
    STAND_IN_SLUG = "url-stand-in-slug"

    def __init__(self):
        self._service = reverse("services:service-detail", args=[self.STAND_IN_ID]).split(str(self.STAND_IN_ID))
        self._organisation = reverse("services:organisation-detail", args=[self.STAND_IN_SLUG]).split(
            self.STAND_IN_SLUG
        )

    def service(self, pk: int) -> str:
        return str(int(pk)).join(self._service)

    def organisation(self, slug: str) -> str:
        return slug.join(self._organisation)


def card_markup(service, language: str, links: PageLinks | None = None, version: str | None = None) -> CardMarkup:
    """Render ``service``'s card (``CARD_TEMPLATE``) with its slots marked and its includes kept at ``version`` (the
    page's version of the directory; read when not given)."""
    links = links or PageLinks()
    version = version or directory_cache.version()
    locations = list(service.locations.all())
    fixed, hours = opening.fixed_state(service.open_24_7, locations)
    context = {
        "service": service,
        "service_url": links.service(service.pk),
        "organisation_url": links.organisation(service.organisation.slug),
        "name": best_translation(service, "name", language),
        "organisation_name": best_translation(service.organisation, "name", language),
        "opening_known": fixed != opening.UNKNOWN,
        **_card_includes(service, locations, language, version),
        **_CARD_MARKS,
    }
    return CardMarkup(
        service.pk,
        _slotted(CARD_TEMPLATE, context),
        fixed,
        hours,
        closure_facts(service, locations, language),
        places_facts(service),
        service.open_24_7,
    )


def _card_includes(service, locations: list, language: str, version: str) -> dict[str, SafeString]:
    """A card's includes, each kept (``kept_include``) under the row's own values that decide it: most cards of a
    language share them, and finding one needs no more than those values."""
    active = translation.get_language()

    def kept(template_name: str, key: tuple, values) -> SafeString:
        return kept_include(version, template_name, key, values, active)

    categories = tuple(service.categories.all())
    languages = tuple(service.languages.all())
    phone = contact_phone(service, locations)
    channels = card_channels(service, locations)
    modes = tuple(service.delivery_modes)
    verified = service.last_verified_on or service.organisation.last_verified_on
    # What public_places reads of each location: its cities come from public_address alone, which these decide.
    places = tuple((location.address_visibility, location.city_id) for location in locations)
    access = (
        service.documents_required,
        service.referral_required,
        service.appointment,
        tuple(location.wheelchair_accessible for location in locations),
        service.interpretation,
    )
    return {
        "categories": kept(
            CATEGORIES_TEMPLATE,
            tuple(category.pk for category in categories),
            lambda: {"categories": [best_translation(category, "name", language) for category in categories]},
        ),
        "places": kept(
            PLACES_TEMPLATE,
            (places, service.by_phone, service.online),
            lambda: {
                "places": public_places(locations) if locations else None,
                "by_phone": service.by_phone,
                "online": service.online,
                "distance": _CARD_MARKS["distance"],
            },
        ),
        "phone": kept(PHONE_TEMPLATE, (str(phone),), lambda: {"phone": phone}) if phone else "",
        # A channel's link, label and address are its kind's and address's.
        "channels": kept(
            CHANNELS_TEMPLATE,
            tuple((channel.kind, channel.address) for channel in channels),
            lambda: {"channels": channels},
        )
        if channels
        else "",
        "cost": kept(COST_TEMPLATE, (service.cost,), lambda: {"cost": service.get_cost_display()}),
        "languages": kept(LANGUAGES_TEMPLATE, tuple(item.pk for item in languages), lambda: {"languages": languages}),
        "how": kept(HOW_TEMPLATE, modes, lambda: {"delivery_modes": modes}),
        "access": kept(ACCESS_TEMPLATE, access, lambda: {"access": access_facts(service, locations)}),
        "last_verified": kept(VERIFIED_TEMPLATE, (verified,), lambda: {"verified": verified}),
    }


class ResultCards:
    """The cards of one page. What depends on the request alone (the referral list, the query its links keep, the
    moment) is read once, and the list button and the distance are rendered once, around slots; each card's markup
    is the kept one (``PageCards``) or rendered and kept."""

    def __init__(
        self,
        request,
        now: datetime.datetime | None = None,
        kept: PageCards | None = None,
        results: KeptResults | None = None,
    ):
        self.language = kept.language if kept is not None else page_language()
        self.results = results  # a results block being kept: the places are marked, and filled for each page
        self.active = translation.get_language()  # what the kept parts are kept under, read once
        self.now = now or timezone.now()
        self.kept = kept
        self.query = request.GET
        self.list_ids = referral_ids(request)
        self.list_query = conditional_escape(list_only_query(request))
        self._buttons = {
            in_list: self._kept_slotted(LIST_BUTTON_TEMPLATE, ("pk", "list_url"), in_list=in_list)
            for in_list in (False, True)
        }
        self._distance = self._kept_slotted(DISTANCE_TEMPLATE, ("km",))
        # The query with another ``s`` (Django's {% querystring %}), made once with a mark where each card's goes.
        mark = f"{_TOKEN}-list"
        self._list_url = querystring(None, self.query, s=mark).split(quote_plus(mark, safe=""))
        self._list_url_without = querystring(None, self.query, s=None)
        self._links = kept_markup(self.version, ("links",), PageLinks, self.active)

    @functools.cached_property
    def version(self) -> str:
        """The page's version of the directory (``PageCards.version``), for the includes kept with it."""
        return self.kept.version if self.kept is not None else directory_cache.version()

    def _kept_slotted(self, template_name: str, slots: tuple, **values) -> tuple[str, ...]:
        """``_slotted`` for a template of ``values`` and slots alone, kept per language (``kept_markup``)."""
        key = ("slotted", template_name, slots, *values.items())
        return kept_markup(
            self.version, key, lambda: _slotted(template_name, {**values, **_marks(*slots)}), self.active
        )

    def markup_of(self, service) -> CardMarkup:
        kept = getattr(service, "kept_card", None)
        if kept is not None:
            return kept
        markup = card_markup(service, self.language, self._links, self.version)
        if self.kept is not None:
            self.kept.keep(service.pk, markup)
        return markup

    def html(self, service) -> SafeString:
        """The service's card on this page: its markup with the slots filled."""
        markup = self.markup_of(service)
        notice = markup.closure.notice(self.now) if markup.closure is not None else None
        closed = notice is not None and not notice.get("upcoming")
        opening_change = None
        if closed:
            state = TEMPORARILY_CLOSED
        else:
            notice = None  # a card says only what holds today; the service page says what comes
            state = markup.closure.open_state(self.now, markup.open_24_7) if markup.closure is not None else None
            if state is None:
                if markup.open_state is not None:
                    state = markup.open_state
                else:
                    state = opening.state_at(markup.hours, self.now)
                    opening_change = next_change(markup.hours, self.now)
        km = display.distance(getattr(service, "distance_km", None))
        change = list_change(self.list_ids, markup.pk)
        value = change["value"]
        list_url = self._list_url_without if value is None else quote_plus(value, safe="").join(self._list_url)
        button = {"pk": str(int(markup.pk)), "list_url": conditional_escape(list_url)}
        slots = {
            "list_query": self.list_query,
            "distance": " " + _filled(self._distance, {"km": conditional_escape(km)}) if km else "",
            "badge": self._closed_badge(notice) if closed else self._badge(state, opening_change),
            "list_button": _filled(self._buttons[change["in_list"]], button),
            "notice": get_template(NOTICE_TEMPLATE).render({"notice": notice}) if closed else "",
            "capacity": self.results.mark_places(markup.places)
            if self.results is not None and markup.places is not None
            else self._places(markup.places),
        }
        # Every part is template output, escaped; the slot values are rendered or escaped above.
        return mark_safe(_filled(markup.parts, slots))  # noqa: S308  # nosec B308 B703

    def _closed_badge(self, notice: dict) -> str:
        return get_template(BADGE_TEMPLATE).render({"state": TEMPORARILY_CLOSED, "notice": notice})

    def _places(self, facts: tuple | None) -> str:
        return places_markup(facts, self.now, self.version, self.active)

    def _badge(self, state: str, change) -> str:
        """The open badge at the page's moment, and when the service next closes or opens ("Closes at 17:00")."""
        shown = change.shown if change is not None else None
        return kept_include(
            self.version, OPENING_TEMPLATE, (state, shown), lambda: {"state": state, "change": shown}, self.active
        )


def places_markup(facts: tuple | None, now: datetime.datetime, version: str, language: str) -> str:
    """A service's places at the page's moment ``now``, kept for what the include prints of them."""
    if facts is None:
        return ""
    shown = places_shown(facts, now)
    key = (shown["state"], shown["age"])  # its label is the state's
    return kept_include(version, CAPACITY_TEMPLATE, key, lambda: {"places": shown}, language)


class KeptResultsBlock(Node):
    """``{% keep_results %}...{% endkeep_results %}`` (``services.templatetags.directory.keep_results``): a search
    page's results, kept by the view's ``KeptResults`` (``kept_results`` in the context) when its answer is kept,
    rendered from the address with its values marked, then filled for each page."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        kept = context.get("kept_results")
        if kept is None or kept.key is None:
            return self.nodelist.render(context)
        if kept.parts is None:
            request = context.request
            masked = copy.copy(request)
            masked.GET = kept.masked
            # {% querystring %} reads the context's request; the cards, the request in it.
            context.request = masked
            try:
                with context.push(request=masked, marking_results=kept, **kept.masked_context):
                    kept.keep(self.nodelist.render(context))
            finally:
                context.request = request
        return kept.filled(lambda facts: places_markup(facts, kept.now, kept.version, kept.language))


def result_cards(context, services) -> list[SafeString]:
    """Each service's card, printed (``ResultCards.html``), with the page's kept cards (``kept_cards`` in the
    context, the ``PageCards`` its paginator was given) when it has them. The channels of the cards to render are
    read together (``attach_card_channels``): one query, none when every card is kept."""
    cards = ResultCards(
        context["request"], context.get("now"), context.get("kept_cards"), context.get("marking_results")
    )
    services = list(services)
    attach_card_channels([service for service in services if getattr(service, "kept_card", None) is None])
    return [cards.html(service) for service in services]
