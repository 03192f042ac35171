"""Spreadsheets (CSV and Excel) of services for the admin (see ``members.resources`` for the rules).

A service names its organisation by slug, its categories by slug, its populations and languages by code and its
locations by id (the id column of the locations spreadsheet), each list separated by commas. Its contact channels
are one column, each channel as ``kind: number or address`` separated by semicolons (``whatsapp: +57 300 123 0001;
email: contacto@example.org``); a channel already on the service keeps its hours and languages, which are edited
on the service's page. Its documents are ``none`` or the documents' codes separated by commas (``id, residence,
migration_status``); empty, like every fact of what it takes to get in, means the member has not said.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from import_export import fields, widgets

from members.models import Location
from members.resources import CheckedResource, CodesWidget, organisation_key
from rssn.languages import in_every_language
from services.fields import NO_DOCUMENTS, Document, documents_value
from services.models import ContactChannel, Language, Population, Service, ServiceCategory, normalise_channel_address


class DocumentsWidget(widgets.Widget):
    """``none``, or documents' codes separated by commas (``id, residence``); empty: not said (None). Anything
    else is an error naming what the column takes."""

    def clean(self, value, row=None, **kwargs):
        codes = [code.strip().lower() for code in str(value or "").split(",")]
        try:
            return documents_value(codes)
        except ValueError:
            raise ValueError(
                gettext("Write “%(none)s” alone, or documents among %(documents)s, separated by commas.")
                % {"none": NO_DOCUMENTS, "documents": ", ".join(Document.values)}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return ", ".join(str(value).split(",")) if value else ""


class ChannelsWidget(widgets.Widget):
    """``whatsapp: +57 300 123 0001; sms: +57 300 123 0002`` ⇄ ``[("whatsapp", "+573001230001"), ...]``; a bad
    channel is an error naming it, and the whole row is refused."""

    separator = ";"

    def clean(self, value, row=None, **kwargs):
        found, problems = [], []
        for item in str(value or "").replace("\n", self.separator).split(self.separator):
            item = item.strip()
            if not item:
                continue
            kind, colon, address = item.partition(":")
            kind = kind.strip().lower().replace(" ", "_").replace("-", "_")
            if not colon or kind not in ContactChannel.Kind.values:
                problems.append(
                    gettext("“%(item)s”: write the kind, a colon and the address; the kinds are %(kinds)s.")
                    % {"item": item, "kinds": ", ".join(ContactChannel.Kind.values)}
                )
                continue
            try:
                found.append((kind, normalise_channel_address(kind, address)))
            except ValidationError as error:
                problems.append(
                    gettext("“%(item)s”: %(problem)s") % {"item": item, "problem": " ".join(error.messages)}
                )
        if problems:
            raise ValueError(" ".join(problems))
        return found

    def render(self, value, obj=None, **kwargs):
        return "; ".join(f"{channel.kind}: {channel.address}" for channel in value or [])


class ChannelsField(fields.Field):
    """The service's channels: read into ``instance.given_channels`` before the save (its errors are the row's, in
    the preview), written after it (``ServiceResource.after_save_instance``)."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.given_channels = self.clean(row, **kwargs)

    def get_value(self, instance):
        return list(instance.channels.all()) if instance.pk else []


def channels_replace(owner, given: list[tuple[str, str]]) -> None:
    """Make ``owner``'s channels those ``given``, in that order: one already there keeps its hours and languages."""
    existing = {(channel.kind, channel.address): channel for channel in owner.channels.all()}
    for order, key in enumerate(given):
        channel = existing.pop(key, None) or ContactChannel(service=owner, kind=key[0], address=key[1])
        if channel.pk is None or channel.order != order:
            channel.order = order
            channel.save()
    for channel in existing.values():
        channel.delete()


class ServiceResource(CheckedResource):
    organisation = fields.Field(attribute="organisation", column_name="organisation", widget=organisation_key())
    categories = fields.Field(
        attribute="categories", column_name="categories", widget=CodesWidget(ServiceCategory, field="slug")
    )
    locations = fields.Field(attribute="locations", column_name="locations", widget=CodesWidget(Location, field="pk"))
    populations = fields.Field(
        attribute="populations", column_name="populations", widget=CodesWidget(Population, field="code")
    )
    languages = fields.Field(attribute="languages", column_name="languages", widget=CodesWidget(Language, field="code"))
    channels = ChannelsField(attribute="channels", column_name="channels", widget=ChannelsWidget())
    documents_required = fields.Field(
        attribute="documents_required", column_name="documents_required", widget=DocumentsWidget()
    )

    class Meta:
        model = Service
        fields = (
            "id",
            "organisation",
            *in_every_language("name"),
            "status",
            "categories",
            *in_every_language("description"),
            "in_person",
            "by_phone",
            "online",
            "outreach",
            "locations",
            "phone",
            "channels",
            "open_24_7",
            *in_every_language("how_to_access"),
            "referral_required",
            "documents_required",
            "appointment",
            "interpretation",
            "cost",
            *in_every_language("eligibility"),
            "populations",
            "age_min",
            "age_max",
            "languages",
            "last_verified_on",
        )
        export_order = fields

    def export(self, queryset=None, **kwargs):
        if queryset is not None:
            queryset = queryset.select_related("organisation").prefetch_related(
                "categories", "locations", "populations", "languages", "channels"
            )
        return super().export(queryset=queryset, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if "channels" in row and original is not None and original.pk:
            current = [(channel.kind, channel.address) for channel in original.channels.all()]
            if getattr(instance, "given_channels", current) != current:
                return False
        return super().skip_row(instance, original, row, import_validation_errors=import_validation_errors)

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if hasattr(instance, "given_channels"):
            channels_replace(instance, instance.given_channels)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        foreign = instance.locations.exclude(organisation_id=instance.organisation_id)
        if foreign.exists():
            # Raised after saving inside the import's transaction: the whole import is rolled back and shown.
            raise ValueError(
                "Locations of another organisation: " + ", ".join(str(location.pk) for location in foreign)
            )
