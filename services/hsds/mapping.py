"""How our models and HSDS 3.0 meet: stable ids, the taxonomies we publish, weekdays, costs.

Used by both the export and the import, so one change here changes both directions.
"""

import uuid

# Fixed for ever: changing it would change every exported id and break updates by id in other systems.
NAMESPACE = uuid.UUID("6f1c7f4e-2d0a-5b8e-9a57-52535341d001")

HSDS_VERSION = "3.0"

# Our taxonomies, published as HSDS taxonomies and linked through attributes. ``code`` is what import matches.
CATEGORIES = "rssn-categories"
POPULATIONS = "rssn-populations"
DELIVERY_MODES = "rssn-delivery-modes"
ORGANISATION_KINDS = "rssn-organisation-kinds"
SERVICE_FEATURES = "rssn-service-features"
CONTACT_CHANNELS = "rssn-contact-channels"
SCHEDULE_KINDS = "rssn-schedule-kinds"
PLACES = "rssn-places"
COUNTRIES = "ISO 3166-1 alpha-2"

TAXONOMY_DESCRIPTIONS = {
    CATEGORIES: "The RSSN Directory's types of help (main categories and their subcategories).",
    POPULATIONS: "The groups of people an RSSN Directory service is for.",
    DELIVERY_MODES: "How an RSSN Directory service is given: in person, by phone, online, outreach.",
    ORGANISATION_KINDS: "The kind of organisation of an RSSN Directory member.",
    SERVICE_FEATURES: "Further facts about an RSSN Directory service.",
    CONTACT_CHANNELS: "How an RSSN Directory service or location is reached: phone, SMS, WhatsApp, Signal, Telegram, "
    "e-mail, web form. On a contact, the attribute's value is the number, user name or address.",
    SCHEDULE_KINDS: "What an RSSN Directory schedule says, when it is not opening hours: temporary-closure, closed "
    "from valid_from to valid_to (both days included), its notes the public note.",
    PLACES: "Whether an RSSN Directory service that fills up (a shelter) has places: available, full, waiting_list. "
    "The attribute's value is when the service said so (ISO 8601); after 72 hours the directory says to call and ask.",
    COUNTRIES: "The countries an organisation works in, by ISO 3166-1 alpha-2 code.",
}
DELIVERY_MODE_FIELDS = ("in_person", "by_phone", "online", "outreach")
REFERRAL_REQUIRED = "referral-required"
# Said only when the member said so: a service with neither code has not said whether a referral is needed.
NO_REFERRAL_NEEDED = "no-referral-needed"

# What it takes to get in, beyond HSDS's own records (``required_documents`` for the documents asked for, a
# location's ``accessibility``): codes of ``SERVICE_FEATURES``, said only when the member said so.
NO_DOCUMENTS_NEEDED = "no-documents-needed"
APPOINTMENT_CODES = {"walk_in": "walk-in", "appointment": "appointment-needed"}
INTERPRETATION_CODES = {True: "interpretation-available", False: "no-interpretation"}
# A location's wheelchair access travels as an ``accessibility`` record whose ``details`` is one of these codes (its
# description says it in words); a record with other details is read as accessibility notes.
WHEELCHAIR_DETAILS = {True: "wheelchair-accessible", False: "not-wheelchair-accessible"}

# Channels HSDS has a field for: phones, typed with RFC 6350's types. The others travel as contacts, their kind and
# address in an attribute of ``CONTACT_CHANNELS``.
PHONE_CHANNEL_TYPES = {"phone": "voice", "sms": "text"}

# iCal weekday codes, Monday first like ``OpeningHours.weekday``.
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ALL_DAYS = ",".join(WEEKDAYS)
ALWAYS_OPENS, ALWAYS_CLOSES = "00:00", "23:59"
ALWAYS_OPEN_DESCRIPTION = "Open 24 hours, 7 days"

# HSDS 3.0 has no temporary closure: a schedule valid from its first to its last day, without opening times, marked
# by a ``SCHEDULE_KINDS`` attribute; a service closed on the day of the export also has this status.
TEMPORARY_CLOSURE = "temporary-closure"
TEMPORARY_CLOSURE_DESCRIPTION = "Temporarily closed"
TEMPORARILY_CLOSED_STATUS = "temporarily closed"

# ``Service.cost`` as an HSDS cost option's ``option`` (import also reads a zero amount as free); a service whose
# cost nobody gave has no cost option, and one without any is imported as not known.
COST_OPTIONS = ("free", "low_cost", "paid")


def stable_id(kind: str, key) -> str:
    """The HSDS id of one of our records: the same on every export, different for every kind and key."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def record_id(instance) -> str:
    """The id an organisation, location or service keeps in HSDS: the one it was imported with, if any."""
    if getattr(instance, "hsds_id", None):
        return str(instance.hsds_id)
    return stable_id(instance._meta.label_lower, instance.pk)


def child_id(parent_id: str, *parts) -> str:
    """The id of a record that lives inside another (a phone, a schedule, an address), derived from its parent's."""
    return stable_id(parent_id, ":".join(str(part) for part in parts))


def taxonomy_id(taxonomy: str) -> str:
    return stable_id("taxonomy", taxonomy)


def term_id(taxonomy: str, code: str) -> str:
    return stable_id(f"taxonomy-term:{taxonomy}", code)
