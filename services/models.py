"""What members offer: a small taxonomy of service categories, the services themselves, and the reports that a
listing is wrong."""

import datetime
import re

import phonenumbers
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members import closures
from members.fields import PhoneNumberField
from members.models import (
    PRIVATE,
    PUBLIC,
    Location,
    Organisation,
    TemporaryClosure,
    _hsds_id_field,
    closure_constraints,
    closure_index,
)
from members.validators import normalise_phone, validate_email_address, validate_phone, validate_web_url
from services.fields import DOCUMENTS_ERROR, DOCUMENTS_PATTERN, Document, DocumentsField, documents_value
from services.querysets import SearchDocumentQuerySet, ServiceQuerySet


def split_search_terms(text: str) -> list[str]:
    """The terms of a search terms field: separated by commas or line breaks, trimmed, each once, in order."""
    terms = (" ".join(term.split()) for term in re.split(r"[,;\n]", text or ""))
    return list(dict.fromkeys(term for term in terms if term))


def merged_search_terms(current: str, seeded_before: list[str] | None, seeded_now: list[str]) -> str:
    """The terms of ``current`` (what staff left in the field) with a newer seed merged in: the terms the seed added
    since ``seeded_before`` are appended, those it dropped are removed, and everything else staff wrote, added or
    removed stays as they left it. Without ``seeded_before`` (a database seeded before seeds were recorded), the
    seed's terms are added and none removed. Terms compare without regard to case or spacing. Returns ``current``
    itself when nothing changes."""
    key = str.casefold
    terms = split_search_terms(current)
    before = {key(term) for term in seeded_before or ()}
    now = {key(term) for term in seeded_now}
    have = {key(term) for term in terms}
    kept = [term for term in terms if key(term) not in before - now]
    added = [term for term in seeded_now if key(term) not in before | have]
    if len(kept) == len(terms) and not added:
        return current
    return ", ".join(kept + added)


class ServiceCategory(models.Model):
    """Two levels: main categories (no parent) and their subcategories."""

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("main category"),
        help_text=_("Empty for a main category."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, help_text=PUBLIC)
    description = models.TextField(_("description"), blank=True, help_text=PUBLIC)
    search_terms = models.TextField(
        _("search terms"),
        blank=True,
        help_text=_(
            "Public: the everyday, colloquial and professional words and short phrases people use for this help, "
            "separated by commas or on separate lines. A search for one of them finds this category's services "
            "(and its subcategories') on every language's pages."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The search terms as the reference data last seeded them, per language (``{"es": [...], ...}``): what
    # ``services.reference.load_taxonomy`` merges a newer seed against, so that staff's edits survive it.
    seeded_search_terms = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["order", "slug"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="category_not_own_parent"),
        ]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def search_term_list(self, language: str | None = None) -> list[str]:
        """The search terms in ``language`` (the field's suffix: es, pt, en, ind), else the active language's."""
        text = getattr(self, f"search_terms_{language}") if language else self.search_terms
        return split_search_terms(text)

    def clean(self):
        super().clean()
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": _("Choose a main category: the taxonomy has two levels only.")})
        if self.parent_id and self.pk and self.children.exists():
            raise ValidationError({"parent": _("A category with subcategories must stay a main category.")})


class Population(models.Model):
    """A group of people a service is for: women, LGBTIQ+ people, refugees and migrants..."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120, help_text=PUBLIC)
    search_terms = models.TextField(
        _("search terms"),
        blank=True,
        help_text=_(
            "Public: the words and short phrases people use for this group of people, separated by commas or on "
            "separate lines. A search that says one of them shows the services for this group, on every "
            "language's pages, and searches the rest of its words."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The search terms as the reference data last seeded them, per language, as ``ServiceCategory``'s.
    seeded_search_terms = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("population served")
        verbose_name_plural = _("populations served")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


class Language(models.Model):
    """A language a service is given in, by ISO 639 code (639-1 where one exists, else 639-3)."""

    code = models.CharField(
        _("ISO 639 code"),
        max_length=3,
        unique=True,
        help_text=_(
            "Two letters (ISO 639-1) where they exist, such as es or ht; otherwise three (ISO 639-3), such as guc."
        ),
    )
    name = models.CharField(_("name"), max_length=80, help_text=PUBLIC)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]
        constraints = [models.CheckConstraint(condition=Q(code__regex=r"^[a-z]{2,3}$"), name="language_code_iso639")]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Service(TemporaryClosure):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")

    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        LOW_COST = "low_cost", _("Low cost")
        PAID = "paid", _("Paid")
        # Unknown is a value: a cost nobody gave is None, shown as this, never a default that reads as a fact.
        __empty__ = _("Ask the service")

    class Capacity(models.TextChoices):
        AVAILABLE = "available", _("Places available")
        FULL = "full", _("Full")
        WAITING_LIST = "waiting_list", _("Waiting list")
        __empty__ = _("Not given (the service does not fill up)")

    class Appointment(models.TextChoices):
        WALK_IN = "walk_in", _("Walk in, no appointment needed")
        APPOINTMENT = "appointment", _("By appointment only")
        __empty__ = _("Ask the service")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services", verbose_name=_("organisation")
    )
    categories = models.ManyToManyField(
        ServiceCategory, related_name="services", verbose_name=_("categories"), help_text=PUBLIC
    )
    name = models.CharField(_("name"), max_length=200, help_text=PUBLIC)
    description = models.TextField(_("description"), blank=True, help_text=PUBLIC)
    eligibility = models.TextField(_("who can use it"), blank=True, help_text=PUBLIC)
    how_to_access = models.TextField(_("how to access"), blank=True, help_text=PUBLIC)
    locations = models.ManyToManyField(
        Location,
        related_name="services",
        blank=True,
        verbose_name=_("locations"),
        help_text=_("Where the service is given in person. Empty for phone or online services."),
    )

    in_person = models.BooleanField(_("in person"), default=True)
    by_phone = models.BooleanField(_("by phone"), default=False)
    online = models.BooleanField(_("online or messaging"), default=False)
    outreach = models.BooleanField(_("outreach (mobile team)"), default=False)

    populations = models.ManyToManyField(
        Population, related_name="services", blank=True, verbose_name=_("populations served"), help_text=PUBLIC
    )
    age_min = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)], help_text=PUBLIC
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)], help_text=PUBLIC
    )
    languages = models.ManyToManyField(
        Language, related_name="services", blank=True, verbose_name=_("languages spoken"), help_text=PUBLIC
    )
    cost = models.CharField(
        _("cost"),
        max_length=10,
        choices=Cost.choices,
        null=True,
        blank=True,
        default=None,
        help_text=_('Public: empty until the member says; shown as "ask the service".'),
    )
    referral_required = models.BooleanField(
        _("referral needed"),
        null=True,
        blank=True,
        default=None,
        help_text=_('Public: "No" means people can walk in or call directly; empty until the member says.'),
    )
    # What it takes to get in. Unknown is a value: None until the member says, shown as "ask the service".
    documents_required = DocumentsField(
        _("documents needed"),
        max_length=60,
        null=True,
        blank=True,
        default=None,
        help_text=_(
            'Public: "none", or the documents people must bring (several may be chosen); empty until the member says.'
        ),
    )
    appointment = models.CharField(
        _("walk in or appointment"),
        max_length=12,
        choices=Appointment.choices,
        null=True,
        blank=True,
        default=None,
        help_text=_('Public: empty until the member says; shown as "ask the service".'),
    )
    interpretation = models.BooleanField(
        _("interpretation available"),
        null=True,
        blank=True,
        default=None,
        help_text=_(
            "Public: whether an interpreter can be arranged for a language the staff do not speak; empty until the "
            "member says."
        ),
    )
    phone = PhoneNumberField(_("phone or hotline"), max_length=20, blank=True, help_text=PUBLIC)
    open_24_7 = models.BooleanField(
        _("available 24 hours, 7 days"),
        default=False,
        help_text=_("Public: for example a hotline that always answers."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.ACTIVE,
        db_index=True,
        help_text=_("Paused services are hidden from the public directory."),
    )
    last_verified_on = models.DateField(_("last verified on"), null=True, blank=True, help_text=PUBLIC)
    capacity = models.CharField(
        _("availability of places"),
        max_length=12,
        choices=Capacity.choices,
        blank=True,
        default="",
        help_text=_(
            "Public, for services that fill up (a shelter): whether places are available now. Shown with its age; "
            "after 72 hours without an update the directory says to call and ask. Never a number of residents."
        ),
    )
    capacity_updated_at = models.DateTimeField(_("places updated at"), null=True, blank=True, editable=False)
    hsds_id = _hsds_id_field()
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_min__lte=models.F("age_max")),
                name="service_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=(Q(age_min__isnull=True) | Q(age_min__lte=120))
                & (Q(age_max__isnull=True) | Q(age_max__lte=120)),
                name="service_age_range_plausible",
            ),
            models.CheckConstraint(
                condition=Q(in_person=True) | Q(by_phone=True) | Q(online=True) | Q(outreach=True),
                name="service_has_delivery_mode",
            ),
            models.CheckConstraint(condition=Q(status__in=["active", "paused"]), name="service_status_valid"),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__in=["free", "low_cost", "paid"]), name="service_cost_valid"
            ),
            # Places are given with the moment they were given, or not at all.
            models.CheckConstraint(
                condition=Q(capacity="", capacity_updated_at__isnull=True)
                | Q(capacity__in=["available", "full", "waiting_list"], capacity_updated_at__isnull=False),
                name="service_capacity_dated",
            ),
            *closure_constraints("service"),
            models.CheckConstraint(
                condition=Q(documents_required__isnull=True) | Q(documents_required__regex=DOCUMENTS_PATTERN),
                name="service_documents_valid",
            ),
            models.CheckConstraint(
                condition=Q(appointment__isnull=True) | Q(appointment__in=["walk_in", "appointment"]),
                name="service_appointment_valid",
            ),
        ]
        indexes = [closure_index("service")]

    def __str__(self):
        return f"{self.name} — {self.organisation.name}"

    @property
    def documents(self) -> list[str] | None:
        """The documents people must bring, by code (``Document``): [] for none, None when nobody said."""
        if self.documents_required is None:
            return None
        return [code for code in self.documents_required.split(",") if code in Document.values]

    @property
    def document_names(self) -> list[str]:
        """The documents people must bring, in words."""
        return [str(Document(code).label) for code in self.documents or ()]

    @property
    def wheelchair_access(self) -> bool | None:
        """Whether a wheelchair user can get in at one of its locations: True when one is accessible, False when
        every one is said not to be, None when it has none or one has not said."""
        said = [location.wheelchair_accessible for location in self.locations.all()]
        if any(said):
            return True
        if said and all(value is False for value in said):
            return False
        return None

    def clean(self):
        super().clean()
        if self.documents_required is not None:
            try:
                self.documents_required = documents_value(self.documents_required.split(","))
            except ValueError:
                raise ValidationError({"documents_required": DOCUMENTS_ERROR}) from None

    @property
    def delivery_modes(self) -> list[str]:
        """The names of the ways the service is given, for display."""
        fields = ("in_person", "by_phone", "online", "outreach")
        return [str(self._meta.get_field(field).verbose_name) for field in fields if getattr(self, field)]

    def closure_period(self, locations=None) -> closures.Period | None:
        """The service's own temporary closure, its days counted in its first location's time zone (else UTC)."""
        locations = list(self.locations.all()) if locations is None else list(locations)
        zone = locations[0].time_zone if locations else datetime.UTC
        return closures.period(self.closed_from, self.closed_until, zone)


class ContactChannel(models.Model):
    """One way to reach a service or a location: a phone line, a messaging app, an e-mail address or a web form,
    with its own hours and languages when they differ from the service's. Shown as a one-tap link (``href``) with a
    neutral label (``label``): the link says how, never what the service is about."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone call")
        WHATSAPP = "whatsapp", _("WhatsApp")
        SIGNAL = "signal", _("Signal")
        TELEGRAM = "telegram", _("Telegram")
        SMS = "sms", _("Text message (SMS)")
        EMAIL = "email", _("E-mail")
        WEB_FORM = "web_form", _("Web form")

    # Kinds a person can write to without speaking: "reachable by message".
    MESSAGING = frozenset({Kind.WHATSAPP, Kind.SIGNAL, Kind.TELEGRAM, Kind.SMS})
    # Kinds whose address is a phone number in E.164 (Telegram takes a number or a user name).
    NUMBERED = frozenset({Kind.PHONE, Kind.WHATSAPP, Kind.SIGNAL, Kind.SMS})

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="channels",
        verbose_name=_("service"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="channels",
        verbose_name=_("location"),
    )
    kind = models.CharField(_("channel"), max_length=10, choices=Kind.choices)
    address = models.CharField(
        _("number or address"),
        max_length=254,
        help_text=_(
            "Public. A phone number with its country code (+52 55 5555 0100) for phone, WhatsApp, Signal and SMS; "
            "a number or a user name for Telegram; an e-mail address; or the web form's address."
        ),
    )
    hours = models.CharField(
        _("hours"), max_length=200, blank=True, help_text=_("Public: for example 'Monday to Friday, 9:00 to 17:00'.")
    )
    languages = models.ManyToManyField(
        Language,
        related_name="channels",
        blank=True,
        verbose_name=_("languages"),
        help_text=_("Public: only when they differ from the service's."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False, location__isnull=True)
                | Q(service__isnull=True, location__isnull=False),
                name="channel_of_service_or_location",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["phone", "whatsapp", "signal", "telegram", "sms", "email", "web_form"]),
                name="channel_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.address}"

    def clean(self):
        super().clean()
        self.address = self.address.strip()
        try:
            self.address = normalise_channel_address(self.kind, self.address)
        except ValidationError as error:
            raise ValidationError({"address": error.messages}) from None

    @property
    def is_messaging(self) -> bool:
        return self.kind in self.MESSAGING

    @property
    def label(self) -> str:
        """What the link says: the way to reach, in neutral words."""
        return str(CHANNEL_LINK_LABELS[self.kind])

    @property
    def shown_address(self) -> str:
        """The number or address as people read it: a phone number grouped as in its country."""
        if self.address.startswith("+"):
            try:
                number = phonenumbers.parse(self.address)
            except phonenumbers.NumberParseException:
                return self.address
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if self.kind == self.Kind.TELEGRAM:
            return f"@{self.address}"
        return self.address

    @property
    def href(self) -> str:
        """The one-tap link: it opens the app or the dialler on the person's own device and sends nothing itself."""
        return channel_href(self.kind, self.address)


CHANNEL_LINK_LABELS = {
    ContactChannel.Kind.PHONE: _("Call"),
    ContactChannel.Kind.WHATSAPP: _("Write on WhatsApp"),
    ContactChannel.Kind.SIGNAL: _("Write on Signal"),
    ContactChannel.Kind.TELEGRAM: _("Write on Telegram"),
    ContactChannel.Kind.SMS: _("Send a text message"),
    ContactChannel.Kind.EMAIL: _("Send an e-mail"),
    ContactChannel.Kind.WEB_FORM: _("Open the contact form"),
}
TELEGRAM_USER = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{4,31})$")


def normalise_channel_address(kind: str, address: str) -> str:
    """``address`` as stored for a channel of ``kind``, or ValidationError in words a person can act on."""
    address = address.strip()
    if kind in ContactChannel.NUMBERED:
        if kind in (ContactChannel.Kind.PHONE, ContactChannel.Kind.SMS) and address.isdigit() and len(address) <= 6:
            validate_phone(address)  # a short national number, such as 147
            return address
        if not address.startswith("+"):
            raise ValidationError(
                _("Enter a phone number with its country code, for example +52 55 5555 0100."), code="invalid_phone"
            )
        return normalise_phone(address)
    if kind == ContactChannel.Kind.TELEGRAM:
        user = TELEGRAM_USER.match(address)
        if user:
            return user.group(1)
        if address.startswith("+"):
            return normalise_phone(address)
        raise ValidationError(
            _("Enter a Telegram user name (at least five letters, digits or _) or a number with its country code."),
            code="invalid_telegram",
        )
    if kind == ContactChannel.Kind.EMAIL:
        validate_email_address(address)
        return address
    if kind == ContactChannel.Kind.WEB_FORM:
        validate_web_url(address)
        return address
    return address


def channel_href(kind: str, address: str) -> str:
    if kind == ContactChannel.Kind.PHONE:
        return f"tel:{address}"
    if kind == ContactChannel.Kind.SMS:
        return f"sms:{address}"
    if kind == ContactChannel.Kind.WHATSAPP:
        return f"https://wa.me/{address.lstrip('+')}"
    if kind == ContactChannel.Kind.SIGNAL:
        return f"https://signal.me/#p/{address}"
    if kind == ContactChannel.Kind.TELEGRAM:
        return f"https://t.me/{address}"
    if kind == ContactChannel.Kind.EMAIL:
        return f"mailto:{address}"
    return address


class CorrectionRequest(models.Model):
    """A suggested update: someone told the network what is wrong with a listing (``kind``, with optional
    details). Staff forward it to the member organisation, then resolve or dismiss it."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("The phone number is wrong")
        ADDRESS = "address", _("The address is wrong")
        HOURS = "hours", _("The opening hours are wrong")
        CLOSED = "closed", _("It has closed for good")
        MOVED = "moved", _("It has moved to another place")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", _("Dismissed")

    class Source(models.TextChoices):
        PUBLIC = "public", _("Public report form")
        VERIFICATION = "verification", _("Verification by the member")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="correction_requests", verbose_name=_("organisation")
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="correction_requests",
        verbose_name=_("service"),
    )
    kind = models.CharField(_("what is wrong"), max_length=10, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    message = models.TextField(
        _("details"), max_length=2000, blank=True, help_text=_("Required when what is wrong is “something else”.")
    )
    reporter_email = models.EmailField(_("reporter's e-mail"), blank=True, help_text=PRIVATE)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.PUBLIC)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    note = models.TextField(
        _("staff note"), blank=True, help_text=_("Private: staff only. The reason, when the request is dismissed.")
    )
    # The change to the listing that resolved the request: a line of the listing's history (of the service, the
    # organisation or one of its service points, as ``change_kind`` says), made after the request arrived.
    change_kind = models.CharField(
        _("changed record"),
        max_length=20,
        blank=True,
        choices=[("service", _("service")), ("organisation", _("organisation")), ("location", _("service point"))],
    )
    change_history_id = models.PositiveIntegerField(_("history line of the change"), null=True, blank=True)
    # Staff sent it to the member organisation (``correction_requests_forward``); the admin's history says so too.
    forwarded_at = models.DateTimeField(_("forwarded to the member"), null=True, blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forwarded by"),
    )

    class Meta:
        verbose_name = _("suggested update")
        verbose_name_plural = _("suggested updates")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["open", "resolved", "dismissed"]), name="correction_status"),
            models.CheckConstraint(
                condition=Q(status="open") | Q(handled_at__isnull=False), name="correction_handled_has_time"
            ),
            models.CheckConstraint(
                condition=~Q(status="resolved") | (Q(change_history_id__isnull=False) & ~Q(change_kind="")),
                name="correction_resolved_by_a_change",
            ),
            models.CheckConstraint(condition=~Q(status="dismissed") | ~Q(note=""), name="correction_dismissed_why"),
            models.CheckConstraint(
                condition=Q(kind__in=["phone", "address", "hours", "closed", "moved", "other"]), name="correction_kind"
            ),
            models.CheckConstraint(condition=~Q(kind="other") | ~Q(message=""), name="correction_other_says_what"),
            models.CheckConstraint(
                condition=Q(forwarded_at__isnull=True) | Q(forwarded_by__isnull=False), name="correction_forwarded_by"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_kind_display()}"


class DocumentWords(models.Func):
    """A document's words as a PostgreSQL ``tsvector``, exactly as stored (no parser, no stemming), for the text
    index. SQLite has its own index (FTS5) and no ``tsvector``: there it is an empty string."""

    template = "array_to_tsvector(string_to_array(btrim(%(expressions)s), ' '))"
    output_field = models.TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return "''", []


class Holds(models.Lookup):
    """``is_public__holds=True``: the flag itself as the condition (``WHERE "is_public"``), as the partial indexes
    of the documents are written. Django 6.1 writes ``is_public=True`` as ``"is_public" = 1`` on SQLite, which those
    indexes do not match there (SQLite uses a partial index only for the very terms of its WHERE)."""

    lookup_name = "holds"

    def as_sql(self, compiler, connection):
        column, params = self.process_lhs(compiler, connection)
        return (column if self.rhs else f"NOT {column}"), params


class ServiceSearchDocument(models.Model):
    """The denormalised row search reads, one per service, kept current by ``services.signals``.

    A results page's ids are found, filtered, ranked and sorted in this table alone (``SearchDocumentQuerySet``), so
    a broad search never reads the wide service and organisation rows; only the page's twenty are read afterwards.

    Every text field holds normalised words (``services.search.normalise``) separated by single spaces, with a
    space before the first and after the last, so "a word starts with w" is ``LIKE '% w%'`` on any database.
    ``text`` is everything (names, places and descriptions); the text index is on it. ``names`` and ``places``
    are only read to rank the rows the index found. ``names`` and ``text`` end with the stems of their words that
    none of their words starts, after the word ``=stems`` (``services.search.text.STEMS_MARK``); ``names`` then
    each of its names whole as one word (``=name=rumah=aman=melati``, ``services.search.text.whole_name``).
    ``sort_name_<language>`` is the name a page in that language shows (``rssn.languages.language_order``),
    lower-cased. ``facets`` holds the words the filters ask for
    (``services.search.facet``: country, city, category, population, language, way of giving help, cost, and the
    countries a phone or online service reaches); the text index covers both, so one index scan answers a search
    with its filters. ``always_open`` (24 hours, 7 days, or at a location that is) is a column: "open now" ORs it
    with the open locations.
    """

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, primary_key=True, related_name="search_document", verbose_name=_("service")
    )
    # No index of its own: nine documents in ten are public, and PostgreSQL intersecting the text index with one
    # cost more than checking the flag on the rows found (the partial sort indexes below hold the public ones).
    is_public = models.BooleanField(_("public"), default=False)
    names = models.TextField(_("names"), blank=True)
    places = models.TextField(_("places"), blank=True)
    text = models.TextField(_("text"), blank=True)
    facets = models.TextField(_("filters"), blank=True)
    words = models.GeneratedField(
        expression=DocumentWords(models.F("text")), output_field=SearchVectorField(), db_persist=True
    )
    # The names' words alone: a search's best results (every word in a name) are found without ranking the rest.
    name_words = models.GeneratedField(
        expression=DocumentWords(models.F("names")), output_field=SearchVectorField(), db_persist=True
    )
    # The facets' words, stored: filters check them row by row without splitting the text (PostgreSQL), and the sort
    # indexes hold them, so a country page walks its names in the index alone.
    facet_words = models.GeneratedField(
        expression=DocumentWords(models.F("facets")), output_field=SearchVectorField(), db_persist=True
    )
    sort_name_es = models.CharField(_("name"), max_length=200, blank=True)
    sort_name_pt = models.CharField(_("name"), max_length=200, blank=True)
    sort_name_en = models.CharField(_("name"), max_length=200, blank=True)
    sort_name_ind = models.CharField(_("name"), max_length=200, blank=True)
    always_open = models.BooleanField(_("available 24 hours, 7 days"), default=False)
    # Its categories' ids below 63 as bits (``services.search.facets.category_bits``): what a rank asks of each row.
    # Nullable: a column SQLite adds without rebuilding the table and its triggers (migration 0028).
    category_bits = models.BigIntegerField(_("categories"), null=True, editable=False)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        # Partial: SQLite writes ``is_public = true`` as a bare column, which an index can't start with. On
        # PostgreSQL the names' and facets' words are in the index too (INCLUDE; SQLite has no such indexes and
        # leaves them out): a search's best results, or a country's services, read in name order are checked in the
        # index alone, without reading each row ("apoyo psicosocial" at 100,000 organisations: 49,543 rows before
        # the first; Brazil's first page in Portuguese order, 13,807 rows). Each index is about seven times larger.
        indexes = [
            models.Index(
                fields=[f"sort_name_{suffix}", "service"],
                condition=Q(is_public=True),
                include=["name_words", "facet_words"],
                name=f"search_sort_{suffix}",
            )
            for suffix in ("es", "pt", "en", "ind")
        ]
        # SQLite has one more, made by migration 0010 alone (on PostgreSQL it made a plan slower):
        # ``search_public_open`` on (service_id, always_open) of the public documents. The documents a search or
        # filter found are checked there for being public and always open, not in their wide rows, where those flags
        # come after the long text, and reading each found row's overflow pages was most of "open now"
        # (docs/performance.md, "Open now"). A migration that makes SQLite rebuild this table drops it: make it
        # again there (a test checks the plans use it). And per page language ``search_ranked_<language>`` (migration
        # 0030) on (service_id, is_public, category_bits, places, sort_name_<language>) of the public documents: what
        # ranking reads of every match, read from those narrow entries rather than the wide rows ("preciso de abrigo e
        # remedio pro meu filho" ranks about 9,000).

    def __str__(self):
        return str(self.service_id)


class AnyBit(models.Lookup):
    """``category_bits__any_bit=mask``: the column and ``mask`` share a bit (``(column & mask) <> 0``)."""

    lookup_name = "any_bit"

    def as_sql(self, compiler, connection):
        column, column_params = self.process_lhs(compiler, connection)
        mask, mask_params = self.process_rhs(compiler, connection)
        return f"({column} & {mask}) <> 0", [*column_params, *mask_params]


ServiceSearchDocument._meta.get_field("is_public").register_lookup(Holds)
ServiceSearchDocument._meta.get_field("category_bits").register_lookup(AnyBit)


class ServicePoint(models.Model):
    """Where a service may be found on a map, for "near": one row per service and location.

    The point is the location's *search* point (the city's centre unless the address is public), so a
    confidential location's real point is never read by a search.
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="points", verbose_name=_("service"))
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+", verbose_name=_("location"))
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    country_code = models.CharField(_("country"), max_length=2)
    is_public = models.BooleanField(_("public"), default=False)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        constraints = [models.UniqueConstraint(fields=["service", "location"], name="service_point_unique")]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="service_point_lat_lon"),
            models.Index(fields=["is_public", "latitude", "longitude"], name="service_point_public_lat_lon"),
            models.Index(fields=["country_code", "service"], name="service_point_country"),
        ]

    def __str__(self):
        return f"{self.service_id} @ {self.latitude:.3f}, {self.longitude:.3f}"


class SearchWord(models.Model):
    """Every word of the search documents' text, on PostgreSQL (``services.search`` adds them as it indexes): a
    query word is looked up here as the words it starts (``expand_words`` in the search's PostgreSQL backend), and
    the text index is asked for those exact words. The index answers a prefix by collecting every document with it
    before anything else, and exact words by skipping to the rarer ones'. A word no document has any more stays: it
    matches nothing, and ``rebuild_search_index`` drops it."""

    word = models.TextField(_("word"), primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word


class OpeningSpan(models.Model):
    """When a location is open, for "open now": one row per opening range, in seconds of the week in the location's
    own time zone (Monday 00:00 is 0). A range that passes midnight ends the next day; one that passes Sunday
    midnight is split in two. Ranges last less than a day, so a moment's search is a short range of an index."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+", verbose_name=_("location"))
    time_zone = models.CharField(_("time zone"), max_length=64)
    start = models.PositiveIntegerField(_("opens"))
    end = models.PositiveIntegerField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        indexes = [
            models.Index(fields=["time_zone", "start", "end", "location"], name="opening_span_zone_start"),
        ]

    def __str__(self):
        return f"{self.location_id}: {self.start}–{self.end} ({self.time_zone})"
