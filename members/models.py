"""Members of the network: the countries they work in, the organisations themselves and their service points.

Public output never reads a location's raw address or coordinates: it goes through ``Location.public_address``
and ``Location.public_point`` (see DESIGN.md, "the public projection").
"""

import datetime
import functools
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members import closures, opening
from members.fields import PhoneNumberField
from members.querysets import (
    CityQuerySet,
    LocationQuerySet,
    OrganisationMemberQuerySet,
    OrganisationQuerySet,
    ProposedChangeQuerySet,
)
from members.validators import validate_time_zone, validate_time_zones, validate_web_url

PUBLIC = _("Public: shown on the directory.")
PRIVATE = _("Private: never shown on the public directory.")


@functools.cache
def time_zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone called ``name``, loaded once per process: ``ZoneInfo`` keeps only the eight last used, and a results
    page in a network of many zones read the others' files again, a dozen times per page."""
    return zoneinfo.ZoneInfo(name)


def _latitude_field(**kwargs):
    return models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)], **kwargs)


def _longitude_field(**kwargs):
    return models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)], **kwargs)


def _coordinate_constraints(prefix: str, *, nullable: bool):
    in_range = Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180)
    if nullable:
        in_range |= Q(latitude__isnull=True, longitude__isnull=True)
    return [models.CheckConstraint(condition=in_range, name=f"{prefix}_coordinates_valid")]


HSDS_ID_HELP = _("The record's id in Open Referral HSDS exchange files: set by the HSDS import, kept on export.")


def _hsds_id_field():
    return models.UUIDField(_("HSDS id"), null=True, blank=True, unique=True, editable=False, help_text=HSDS_ID_HELP)


class TemporaryClosure(models.Model):
    """A temporary closure of a location or a service (``members.closures``): closed from a day to a day, both
    included, with a short public note; it ends by itself on the day after ``closed_until``. Written by
    ``services.services.closure_set`` and ``closure_end``."""

    closed_from = models.DateField(
        _("temporarily closed from"), null=True, blank=True, help_text=_("Public: the first day it is closed.")
    )
    closed_until = models.DateField(
        _("temporarily closed until"),
        null=True,
        blank=True,
        help_text=_("Public: the last day it is closed (included). The closure ends by itself the day after."),
    )
    closure_note = models.CharField(
        _("closure notice"),
        max_length=160,
        blank=True,
        help_text=_("Public: a short note, for example 'Closed for the holidays until 6 January'."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.closed_from is None) != (self.closed_until is None):
            missing = "closed_until" if self.closed_until is None else "closed_from"
            raise ValidationError({missing: _("A temporary closure needs its first and its last day.")})
        if self.closed_from and self.closed_until and self.closed_until < self.closed_from:
            raise ValidationError({"closed_until": _("The last day of the closure comes before its first day.")})


def closure_index(prefix: str) -> models.Index:
    """The closures that may hold on a day are found from their last day ("open now" leaves them out); few rows
    have one, so the index holds only those."""
    return models.Index(fields=["closed_until"], condition=Q(closed_until__isnull=False), name=f"{prefix}_closed_until")


def closure_constraints(prefix: str) -> list:
    """Both days or neither, and the last not before the first, in the database too."""
    return [
        models.CheckConstraint(
            condition=Q(closed_from__isnull=True, closed_until__isnull=True)
            | Q(closed_from__isnull=False, closed_until__isnull=False, closed_until__gte=models.F("closed_from")),
            name=f"{prefix}_closure_days_ordered",
        )
    ]


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class MapPlace:
    """Where a location may be drawn on a map: its own point (``exact``), or its city, drawn as the city."""

    point: Point
    exact: bool


class Country(models.Model):
    class Region(models.TextChoices):
        AMERICAS = "americas", _("Americas")
        ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code in capitals, for example CO for Colombia."),
    )
    name = models.CharField(_("name"), max_length=100, help_text=PUBLIC)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    time_zones = models.JSONField(
        _("time zones"),
        default=list,
        validators=[validate_time_zones],
        help_text=_('IANA time zone names, the main one first, for example ["America/Bogota"].'),
    )
    latitude = _latitude_field(help_text=_("Centre point of the country, used to centre searches."))
    longitude = _longitude_field()
    emergency_note = models.TextField(
        _("note for survivors"),
        blank=True,
        help_text=_("Public: a short note shown with the emergency numbers, in plain words."),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"),
            *_coordinate_constraints("country", nullable=False),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def main_time_zone(self) -> str:
        return self.time_zones[0] if self.time_zones else "UTC"

    @property
    def emergency_line(self) -> "Helpline | None":
        """The number to call in immediate danger: the emergency services' common number, else the police's.
        Read from the country's lines as loaded (pages prefetch them)."""
        lines = list(self.helplines.all())
        for kind in (Helpline.Kind.EMERGENCY, Helpline.Kind.POLICE):
            for line in lines:
                if line.kind == kind:
                    return line
        return None

    @property
    def emergency_number(self) -> str:
        line = self.emergency_line
        return line.phone if line is not None else ""

    @property
    def first_helpline(self) -> "Helpline | None":
        """The first helpline for gender-based violence, shown beside the emergency number on every page."""
        return next((line for line in self.helplines.all() if line.kind == Helpline.Kind.GBV), None)


class Helpline(models.Model):
    """A national number people can call: an emergency service or a helpline, labelled by what it reaches."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", _("Emergencies (police, ambulance, fire)")
        POLICE = "police", _("Police")
        AMBULANCE = "ambulance", _("Ambulance")
        FIRE = "fire", _("Fire brigade")
        GBV = "gbv", _("Helpline for gender-based violence")
        CHILD = "child", _("Child helpline")

    EMERGENCY_SERVICES = (Kind.EMERGENCY, Kind.POLICE, Kind.AMBULANCE, Kind.FIRE)

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="helplines", verbose_name=_("country"))
    kind = models.CharField(
        _("what it reaches"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Public: the label shown with the number. A number that reaches only the police is “Police”."),
    )
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("Public: the line's own name, if it has one.")
    )
    phone = PhoneNumberField(_("phone"), max_length=20, help_text=PUBLIC)
    hours = models.CharField(
        _("hours"), max_length=150, blank=True, help_text=_("Public: when it answers, for example Mon–Fri 8:00–20:00.")
    )
    open_24_7 = models.BooleanField(_("open 24 hours, 7 days"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.CharField(
        _("official source"),
        max_length=300,
        blank=True,
        help_text=_("Private: the official page or document the number was checked against."),
    )
    checked_on = models.DateField(
        _("checked on"), null=True, blank=True, help_text=_("Private: when the number was last checked at its source.")
    )

    class Meta:
        verbose_name = _("emergency number or helpline")
        verbose_name_plural = _("emergency numbers and helplines")
        ordering = ["country", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["country", "phone"], name="helpline_unique_phone_per_country"),
            models.CheckConstraint(
                condition=Q(kind__in=["emergency", "police", "ambulance", "fire", "gbv", "child"]),
                name="helpline_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.phone}" + (f" ({self.name})" if self.name else "")

    @property
    def is_emergency_service(self) -> bool:
        return self.kind in self.EMERGENCY_SERVICES


class City(models.Model):
    """A place in the directory. Its centre stands in for confidential and city-only locations."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="cities", verbose_name=_("country"))
    name = models.CharField(_("name"), max_length=100, help_text=PUBLIC)
    administrative_area = models.CharField(
        _("administrative area"), max_length=100, blank=True, help_text=_("Public: state, department or province.")
    )
    latitude = _latitude_field(help_text=_("Centre of the city."))
    longitude = _longitude_field()
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    proposed = models.BooleanField(
        _("proposed by an applicant"),
        default=False,
        help_text=_(
            "Typed into the public join form: not offered in public forms until the application is approved. "
            "Check its name and centre."
        ),
    )

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["country__code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "name", "administrative_area"], name="city_unique_name_per_area"
            ),
            *_coordinate_constraints("city", nullable=False),
        ]

    def __str__(self):
        return f"{self.name}, {self.country.code}"

    @property
    def point(self) -> Point:
        return Point(self.latitude, self.longitude)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("Non-governmental organisation")
        COMMUNITY = "community", _("Community-based organisation")
        UN_AGENCY = "un_agency", _("UN agency")
        GOVERNMENT = "government", _("Government service")
        FAITH_BASED = "faith_based", _("Faith-based organisation")
        INDIVIDUAL = "individual", _("Individual practitioner")

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        UNDER_REVIEW = "under_review", _("Under review")
        APPROVED = "approved", _("Approved")
        SUSPENDED = "suspended", _("Suspended")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=200, help_text=PUBLIC)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, help_text=PUBLIC)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, help_text=_("Public: part of the page address."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True, help_text=PUBLIC)
    website = models.URLField(_("website"), blank=True, validators=[validate_web_url], help_text=PUBLIC)
    public_email = models.EmailField(_("public e-mail"), blank=True, help_text=PUBLIC)
    public_phone = PhoneNumberField(_("public phone"), max_length=20, blank=True, help_text=PUBLIC)
    countries = models.ManyToManyField(
        Country, related_name="organisations", verbose_name=_("countries it works in"), help_text=PUBLIC
    )

    status = models.CharField(
        _("membership status"),
        max_length=20,
        choices=Status.choices,
        default=Status.APPLIED,
        db_index=True,
        help_text=_("Only approved members are shown publicly. Change it with the actions, which keep a record."),
    )
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    joined_on = models.DateField(_("joined on"), null=True, blank=True, help_text=_("Date of first approval."))
    last_verified_on = models.DateField(
        _("last verified on"), null=True, blank=True, help_text=_("Public: when staff last confirmed the listing.")
    )

    contact_name = models.CharField(_("contact person"), max_length=150, help_text=PRIVATE)
    contact_email = models.EmailField(_("contact e-mail"), help_text=PRIVATE)
    contact_phone = PhoneNumberField(_("contact phone"), max_length=20, blank=True, help_text=PRIVATE)
    contact_language = models.CharField(
        _("contact's language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="es",
        help_text=_("Private: the language of the e-mails the network sends to the contact person."),
    )

    is_demo = models.BooleanField(
        _("demo record"), default=False, help_text=_("Fictional data loaded by load_demo, not a real member.")
    )
    hsds_id = _hsds_id_field()
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(website="") | Q(website__startswith="http://") | Q(website__startswith="https://"),
                name="organisation_website_http",
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(joined_on__isnull=False),
                name="organisation_approved_has_joined_on",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["applied", "under_review", "approved", "suspended", "withdrawn", "rejected"]),
                name="organisation_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "last_verified_on"], name="org_status_verified")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.APPROVED


class MembershipStatusChange(models.Model):
    """One line of an organisation's membership history: who changed the status, when and why."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("organisation")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Organisation.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Organisation.Status.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
        help_text=_("Empty when the applicant made the change (applying, withdrawing) or a system task did."),
    )
    reason = models.TextField(_("reason"), blank=True, help_text=PRIVATE)

    class Meta:
        verbose_name = _("membership status change")
        verbose_name_plural = _("membership status changes")
        ordering = ["organisation", "changed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_status=models.F("to_status")), name="status_change_changes"),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_from_status_display() or '—'} → {self.get_to_status_display()}"


class Location(TemporaryClosure):
    """A service point of an organisation."""

    class AddressVisibility(models.TextChoices):
        PUBLIC = "public", _("Public: full address and map point")
        CITY = "city", _("City only")
        CONFIDENTIAL = "confidential", _("Confidential: no address, contact by phone only")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="locations", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200, help_text=PUBLIC)
    street_address = models.CharField(
        _("street address"),
        max_length=255,
        blank=True,
        help_text=_("Shown only when the address visibility is public."),
    )
    postal_code = models.CharField(
        _("postal code"), max_length=20, blank=True, help_text=_("Shown only when the address visibility is public.")
    )
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="locations", verbose_name=_("city"))
    latitude = _latitude_field(null=True, blank=True, help_text=_("Shown only when the address visibility is public."))
    longitude = _longitude_field(null=True, blank=True)
    address_visibility = models.CharField(
        _("address visibility"),
        max_length=20,
        choices=AddressVisibility.choices,
        default=AddressVisibility.PUBLIC,
        help_text=_(
            "Confidential: the address and map point never leave the server; people contact the service by phone."
        ),
    )
    phone = PhoneNumberField(_("phone"), max_length=20, blank=True, help_text=PUBLIC)
    open_24_7 = models.BooleanField(_("open 24 hours, 7 days"), default=False, help_text=PUBLIC)
    hours_note = models.CharField(
        _("note on opening hours"), max_length=200, blank=True, help_text=_("Public: for example 'closed on holidays'.")
    )
    accessibility_notes = models.TextField(_("accessibility"), blank=True, help_text=PUBLIC)
    # Unknown is a value: empty until the member says, shown as "ask the service".
    wheelchair_accessible = models.BooleanField(
        _("wheelchair accessible"),
        null=True,
        blank=True,
        default=None,
        help_text=_(
            'Public: "Yes" when a wheelchair user can get in and move around (entrance, toilet); empty until the '
            "member says."
        ),
    )
    withdrawn_on = models.DateField(
        _("closed for good on"),
        null=True,
        blank=True,
        help_text=_(
            "Set when a removal is approved: the location leaves the public directory and its services, and keeps "
            "its history."
        ),
    )
    hsds_id = _hsds_id_field()

    objects = LocationQuerySet.as_manager()

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["organisation", "name"]
        constraints = [
            *_coordinate_constraints("location", nullable=True),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="location_point_complete",
            ),
            models.CheckConstraint(
                condition=Q(address_visibility__in=["public", "city", "confidential"]),
                name="location_address_visibility_valid",
            ),
            *closure_constraints("location"),
        ]
        indexes = [closure_index("location")]

    def __str__(self):
        return f"{self.name} — {self.city.name}"

    def clean(self):
        super().clean()
        if self.address_visibility == self.AddressVisibility.PUBLIC and not self.street_address:
            raise ValidationError({"street_address": _("A location with a public address needs its street address.")})

    @property
    def country(self) -> Country:
        return self.city.country

    @property
    def time_zone(self) -> zoneinfo.ZoneInfo:
        return time_zone(self.city.time_zone)

    @property
    def closure_period(self) -> closures.Period | None:
        """The temporary closure, its days counted in the location's time zone."""
        return closures.period(self.closed_from, self.closed_until, self.time_zone)

    @classmethod
    def shows_more(cls, visibility: str, than: str) -> bool:
        """Whether ``visibility`` shows more of an address than ``than``: public, then city only, then nothing."""
        order = list(cls.AddressVisibility.values)
        if visibility not in order or than not in order:
            return False  # not a visibility: the field's own validation says so
        return order.index(visibility) < order.index(than)

    @property
    def is_confidential(self) -> bool:
        return self.address_visibility == self.AddressVisibility.CONFIDENTIAL

    # The public projection. Templates, serializers and exporters read these, never the raw fields.
    @property
    def public_address(self) -> dict:
        """The parts of the address that may be shown: all of them, the city alone, or nothing."""
        if self.address_visibility == self.AddressVisibility.PUBLIC:
            return {
                "street_address": self.street_address,
                "postal_code": self.postal_code,
                "city": self.city.name,
                "administrative_area": self.city.administrative_area,
                "country": self.city.country.name,
                "country_code": self.city.country.code,
            }
        if self.address_visibility == self.AddressVisibility.CITY:
            return {
                "city": self.city.name,
                "administrative_area": self.city.administrative_area,
                "country": self.city.country.name,
                "country_code": self.city.country.code,
            }
        return {}

    @property
    def public_point(self) -> Point | None:
        """The map point that may be shown: the real one for public locations only."""
        if self.address_visibility == self.AddressVisibility.PUBLIC and self.latitude is not None:
            return Point(self.latitude, self.longitude)
        return None

    @property
    def public_map_place(self) -> MapPlace | None:
        """What a public map may draw: the point of a public address; the city (its centre, drawn as the city) of a
        city-only one, or of a public address without a point; nothing at all for a confidential one."""
        point = self.public_point
        if point is not None:
            return MapPlace(point, exact=True)
        if "city" in self.public_address:
            return MapPlace(self.city.point, exact=False)
        return None

    @property
    def search_point(self) -> Point:
        """The point distances are computed from: the city's centre unless the address is public."""
        return self.public_point or self.city.point

    def is_open_at(self, moment: datetime.datetime) -> bool:
        """Whether the location is open at ``moment`` (aware), read in the location's own time zone."""
        return opening.open_state(False, [self], moment) in (opening.OPEN_24_7, opening.OPEN)


class OpeningHours(models.Model):
    """One opening range on one weekday. A range whose closing time is earlier than its opening passes midnight;
    a weekday with no range is a closed day."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("location")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("Earlier than the opening time: closes the next day."))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["location", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__gte=0, weekday__lte=6), name="opening_hours_weekday"),
            models.CheckConstraint(condition=~Q(opens=models.F("closes")), name="opening_hours_not_empty"),
            models.UniqueConstraint(fields=["location", "weekday", "opens"], name="opening_hours_unique_start"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    @property
    def passes_midnight(self) -> bool:
        return self.closes < self.opens

    def covers(self, local: datetime.datetime) -> bool:
        """Whether this range covers the local (naive or aware, in the location's zone) moment."""
        return opening.range_covers(self.weekday, self.opens, self.closes, local)


class Application(Organisation):
    """Organisations seen as applications: the admin's queue of applications awaiting review."""

    class Meta:
        proxy = True
        verbose_name = _("application awaiting review")
        verbose_name_plural = _("applications awaiting review")
        permissions = [("decide_membership", _("Can decide membership (approve, reject, suspend...)"))]


class CoordinatorAssignment(models.Model):
    """A coordinator's country: she reviews and decides the applications of organisations working there."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinator_assignments",
        verbose_name=_("coordinator"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="coordinator_assignments", verbose_name=_("country")
    )
    language = models.CharField(
        _("language of the e-mails"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The e-mails about this country's applications and reports are written in this language."),
    )

    class Meta:
        verbose_name = _("coordinator assignment")
        verbose_name_plural = _("coordinator assignments")
        ordering = ["country", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "country"], name="coordinator_assignment_unique")]

    def __str__(self):
        return f"{self.user} — {self.country}"


class SubmissionThrottle(models.Model):
    """When one client last sent one public form: the times within the last window, counted by a sliding window
    (``members.services.submission_allowed``). One row per form and client, locked while it is counted, shared by
    every app process through the database. The client is a keyed hash of its network (its IPv4 address, or the
    /64 of an IPv6 one): the address itself is never stored."""

    scope = models.CharField(_("form"), max_length=30)
    client_hash = models.CharField(_("client hash"), max_length=64)
    sent_times = models.JSONField(_("times sent"), default=list, help_text=_("Seconds since 1970, oldest first."))
    last_sent_at = models.DateTimeField(_("last sent at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("submission throttle")
        verbose_name_plural = _("submission throttles")
        constraints = [models.UniqueConstraint(fields=["scope", "client_hash"], name="throttle_unique_client")]

    def __str__(self):
        return f"{self.scope} {self.client_hash[:8]}: {len(self.sent_times)}"


class SpentToken(models.Model):
    """A form token or verification link already used: each is accepted once (``members.services.token_spend``).
    Only a digest is kept, and only as long as the token itself could be accepted."""

    digest = models.CharField(_("digest"), max_length=64, unique=True)
    expires_at = models.DateTimeField(_("forgotten after"), db_index=True)

    class Meta:
        verbose_name = _("spent token")
        verbose_name_plural = _("spent tokens")

    def __str__(self):
        return f"{self.digest[:8]} {self.expires_at:%Y-%m-%d %H:%M}"


class OrganisationMember(models.Model):
    """A person of a member organisation (its own staff) with an account for the member area: she sees and
    proposes changes to her organisation's listing only, never reaches the admin (``is_staff`` stays off)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_membership",
        verbose_name=_("account"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="member_accounts", verbose_name=_("organisation")
    )
    language = models.CharField(
        _("language of the e-mails"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "Private: the invitation and the decisions on the proposals of this account are written in this language."
        ),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("access revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("access revoked by"),
    )

    objects = OrganisationMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member account")
        verbose_name_plural = _("member accounts")
        ordering = ["organisation", "user__email"]

    def __str__(self):
        return f"{self.user.email} — {self.organisation}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.user.is_active


class ProposedChange(models.Model):
    """A member's edit of her organisation's listing (the organisation, a location or a service), waiting for a
    coordinator of one of its countries: nothing of it is public before approval (``members.proposals``).

    ``changes`` maps each changed field to its value before and after, as JSON: ``{"phone": {"before": "...",
    "after": "..."}}``. ``revision`` grows with each save of a pending proposal, so that two people editing it
    cannot overwrite each other silently. ``confidential`` marks a proposal that touches the address of a
    location whose address is not public (before or after): it is shown only to staff in scope and to the
    organisation's members.

    ``action`` says what is proposed: a change of a record, a new record (its values as "after", "before" empty;
    ``target_id`` is set when it is approved and the record created), or the removal of a record (``note`` says
    why; approving takes it off the public directory without deleting it or its history).

    While it waits, its members may change it (a new ``changes``, the next ``revision``) or withdraw it: a
    withdrawn proposal is closed as a decided one is (``decided_by`` is the member who withdrew it), and kept. Its
    history (django-simple-history) holds each version: who sent it, changed it, withdrew or decided it, and when."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn by the member")

    class Action(models.TextChoices):
        CHANGE = "change", _("Change to a record")
        ADD = "add", _("New record")
        REMOVE = "remove", _("Removal of a record")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="proposed_changes", verbose_name=_("organisation")
    )
    action = models.CharField(_("what is proposed"), max_length=10, choices=Action.choices, default=Action.CHANGE)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind of record")
    )
    # Empty while a new record waits: it is created only when a coordinator approves it.
    target_id = models.PositiveBigIntegerField(_("record"), null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    changes = models.JSONField(_("changes"), default=dict)
    note = models.TextField(
        _("member's reason"), blank=True, help_text=_("Why the member asks to remove the record, for the coordinator.")
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    confidential = models.BooleanField(
        _("touches a confidential address"),
        default=False,
        help_text=_("The proposal changes the address of a location whose address is not public."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Private: sent to the member with a rejection."))

    objects = ProposedChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        ordering = ["-proposed_at", "-pk"]
        permissions = [("decide_proposedchange", _("Can approve or reject proposed changes"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected", "withdrawn"]),
                name="proposed_change_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False)),
                name="proposed_change_decided_when_decided",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""), name="proposed_change_rejection_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(action__in=["change", "add", "remove"]), name="proposed_change_action_valid"
            ),
            # Only a new record has none, and only until it is approved.
            models.CheckConstraint(
                condition=Q(target_id__isnull=False) | (Q(action="add") & ~Q(status="approved")),
                name="proposed_change_has_record_unless_new",
            ),
            # One proposal waits per record: a second edit continues it (checked by its revision).
            models.UniqueConstraint(
                fields=["target_type", "target_id"],
                condition=Q(status="pending"),
                name="proposed_change_one_pending_per_record",
            ),
        ]
        indexes = [models.Index(fields=["status", "proposed_at"], name="proposed_change_queue")]

    def __str__(self):
        return f"{self.organisation}: {self.target_type.name} {self.target_id or '+'} ({self.get_status_display()})"
