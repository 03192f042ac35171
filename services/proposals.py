"""What a member may change in her services (``members.proposals`` holds the rules; registered at start-up by
``services.apps``)."""

from django.utils.translation import gettext_lazy as _

from members import proposals
from rssn.languages import in_every_language
from services.models import ContactChannel, Service

CHANNEL_FIELDS = ("kind", "address", *in_every_language("hours"))


def read_channels(service) -> list:
    if not service.pk:
        return []
    return [{name: getattr(channel, name) for name in CHANNEL_FIELDS} for channel in service.channels.all()]


def write_channels(service, rows: list) -> None:
    service.channels.all().delete()
    for order, row in enumerate(rows):
        channel = ContactChannel(service=service, order=order, **{name: row.get(name, "") for name in CHANNEL_FIELDS})
        channel.full_clean()
        channel.save()


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
        {"channels": proposals.Part(_("contact channels"), read_channels, write_channels)},
    )
