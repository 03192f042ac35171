"""What a member may change in her services (``members.proposals`` holds the rules; registered at start-up by
``services.apps``)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from members import proposals
from members.models import Location
from rssn.languages import in_every_language
from services.models import ContactChannel, Service

CHANNEL_FIELDS = ("kind", "address", *in_every_language("hours"))


def read_channels(owner) -> list:
    """A service's or a location's contact channels, in their order."""
    if not owner.pk:
        return []
    return [{name: getattr(channel, name) for name in CHANNEL_FIELDS} for channel in owner.channels.all()]


def write_channels(owner, rows: list) -> None:
    """Replace a service's or a location's contact channels, each checked as the admin checks it (``clean``)."""
    owner_field = "service" if isinstance(owner, Service) else "location"
    owner.channels.all().delete()
    for order, row in enumerate(rows):
        texts = {name: row.get(name, "") for name in CHANNEL_FIELDS}
        channel = ContactChannel(order=order, **{owner_field: owner}, **texts)
        channel.full_clean()
        channel.save()


def show_channels(rows: list) -> str:
    """Channels as a coordinator reads them in the before/after table, one a line: the kind's name and the number
    as people read it."""
    kinds = dict(ContactChannel.Kind.choices)
    shown = []
    for row in rows or []:
        channel = ContactChannel(kind=row.get("kind", ""), address=row.get("address", ""))
        shown.append(f"{kinds.get(channel.kind, channel.kind)}: {channel.shown_address}")
    return "\n".join(shown)


CHANNELS = proposals.Part(_("contact channels"), read_channels, write_channels, show_channels)


def pause(service) -> None:
    """An approved removal pauses the service, as staff do: off the public directory, its record and history
    kept."""
    service.status = Service.Status.PAUSED
    service.save()


def left_without_place(location) -> list:
    """The active services that removing ``location`` leaves with no place at all: given only in person (not by
    phone, online or by an outreach team, which reach people without one) and at no other current location."""
    elsewhere = Location.objects.current().exclude(pk=location.pk).filter(services=OuterRef("pk"))
    services = location.services.filter(
        status=Service.Status.ACTIVE, in_person=True, by_phone=False, online=False, outreach=False
    )
    return list(services.exclude(Exists(elsewhere)).order_by("pk"))


def pause_without_place(location, services: list, *, by, proposal) -> None:
    """Pause the services a location's removal left with no place (``left_without_place``), each with a line of
    its history saying why: a public page with no place to go would send people nowhere."""
    for service in services:
        service.status = Service.Status.PAUSED
        service._history_user = by
        service._change_reason = gettext(
            "Paused: its only location, %(location)s, was closed for good (proposed change %(number)s approved)"
        ) % {"location": location, "number": proposal.pk}
        service.save()


def register() -> None:
    proposals.register(
        Service,
        [
            *proposals.translated("name", "description", "eligibility", "how_to_access"),
            "phone",
            "open_24_7",
            "in_person",
            "by_phone",
            "online",
            "outreach",
            "cost",
            "referral_required",
            "age_min",
            "age_max",
            "locations",
            "languages",
            "populations",
        ],
        {"channels": CHANNELS},
        to_add=["categories"],
        remove=pause,
    )
    proposals.add_part(Location, "channels", CHANNELS)
    proposals.add_removal_effect(
        Location,
        proposals.RemovalEffect(
            _(
                "Approving also pauses these services: this location is their only place and they are given only in "
                "person, so they would show with no place to go. They leave the public directory (their history is "
                "kept) until they are given a place again."
            ),
            left_without_place,
            pause_without_place,
        ),
    )
