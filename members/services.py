"""Writes: every change of membership status and verification goes through a function here.

Each function is keyword-only, checks permission, runs in a transaction that locks the organisation row
(``select_for_update``) and re-reads the status under the lock, so two coordinators deciding at the same moment
cannot both succeed. It records who, when and why (``MembershipStatusChange`` and the simple-history row) and
e-mails the applicant in her language once the transaction is committed (``send_templated_email``).
"""

import datetime
import hashlib
import hmac
import ipaddress
import logging
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.formats import date_format
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user

from members import proposals, roles
from members.models import (
    City,
    CoordinatorAssignment,
    Country,
    Location,
    MembershipStatusChange,
    Organisation,
    OrganisationMember,
    ProposedChange,
    SpentToken,
    SubmissionThrottle,
)
from rssn.languages import localized_name, supported_language

logger = logging.getLogger(__name__)

Status = Organisation.Status

# The transition table: which statuses each decision may start from, and where it leads.
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "approve": (frozenset({Status.APPLIED, Status.UNDER_REVIEW}), Status.APPROVED),
    "reject": (frozenset({Status.APPLIED, Status.UNDER_REVIEW}), Status.REJECTED),
    # Repeatable: the coordinator may ask again after the applicant answered, or before she did.
    "request_changes": (frozenset({Status.APPLIED, Status.UNDER_REVIEW}), Status.UNDER_REVIEW),
    "suspend": (frozenset({Status.APPROVED}), Status.SUSPENDED),
    "reinstate": (frozenset({Status.SUSPENDED}), Status.APPROVED),
    "withdraw": (frozenset({Status.APPLIED, Status.UNDER_REVIEW, Status.APPROVED, Status.SUSPENDED}), Status.WITHDRAWN),
}
# What each decision did, as its line in the listing's change history says it.
DECIDED = {
    "approve": _("Membership approved."),
    "reject": _("Application rejected."),
    "request_changes": _("Changes to the application requested."),
    "suspend": _("Membership suspended."),
    "reinstate": _("Membership reinstated."),
    "withdraw": _("Membership withdrawn."),
}
# Why a decision cannot be made: a sentence for the decision, then one for where the membership stands (a verb
# or a status slotted into one frame does not agree in every language).
CANNOT_DECIDE = {
    "approve": _("%(organisation)s cannot be approved."),
    "reject": _("%(organisation)s cannot be rejected."),
    "request_changes": _("Changes cannot be requested from %(organisation)s."),
    "suspend": _("%(organisation)s cannot be suspended."),
    "reinstate": _("%(organisation)s cannot be reinstated."),
    "withdraw": _("The membership of %(organisation)s cannot be withdrawn."),
}
STANDING = {
    Status.APPLIED: _("Its application is waiting for a decision."),
    Status.UNDER_REVIEW: _("Its application is under review."),
    Status.APPROVED: _("It is already an approved member."),
    Status.SUSPENDED: _("Its membership is suspended."),
    Status.WITHDRAWN: _("Its membership was withdrawn."),
    Status.REJECTED: _("Its application was rejected."),
}

VERIFICATION_SALT = "members.verification-link"
STALE_AFTER = datetime.timedelta(days=183)


class IllegalTransition(ValidationError):
    """The organisation's status does not allow this decision (approve a withdrawn organisation, say)."""


def allowed_actions(status: str) -> list[str]:
    return [action for action, (sources, _target) in TRANSITIONS.items() if status in sources]


# E-mail -----------------------------------------------------------------------------------------------------------


def send_templated_email(
    *, template: str, to: Sequence[str], language: str, subject: str, context: dict, reply_to: Sequence[str] = ()
) -> None:
    """Send ``templates/members/email/<template>.txt`` + ``.html`` in ``language``. ``subject`` is a lazy string,
    translated in that language too.

    The message is written now, from the data as the transaction sees it, and leaves only once that transaction
    commits (``transaction.on_commit``; at once outside a transaction): a change rolled back, such as an approval
    inside a failed import, sends nothing. A failing mail server is logged, never undoes the change already made."""
    recipients = [address for address in to if address]
    if not recipients:
        return
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language}
        message = EmailMultiAlternatives(
            subject=str(subject),
            body=render_to_string(f"members/email/{template}.txt", context),
            to=recipients,
            reply_to=[address for address in reply_to if address],
        )
        message.attach_alternative(render_to_string(f"members/email/{template}.html", context), "text/html")
        message.extra_headers["Content-Language"] = language

    def send():
        try:
            message.send()
        except Exception:  # noqa: BLE001 - the decision is committed; staff can resend by hand.
            logger.exception("Could not send the %s e-mail to %s", template, recipients)

    transaction.on_commit(send)


def absolute_url(path: str) -> str:
    return getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/") + path


def _queue_url() -> str:
    try:
        return absolute_url(reverse("admin:members_application_changelist"))
    except NoReverseMatch:  # the admin is not installed
        return ""


def staff_of_countries(countries: Iterable[Country]) -> dict[str, list[str]]:
    """The e-mail addresses of the coordinators of these countries, by the language each asked for (the first of
    her assignments among them); the administrators', in the site's language, when no one coordinates them."""
    User = get_user_model()
    assignments = (
        CoordinatorAssignment.objects.filter(
            country__in=list(countries), user__is_active=True, user__groups__name=roles.COORDINATORS
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )
    languages: dict[str, str] = {}
    for assignment in assignments:
        languages.setdefault(assignment.user.email, assignment.language)
    if not languages:
        admins = User.objects.filter(is_active=True, groups__name=roles.ADMINISTRATORS).exclude(email="")
        languages = {user.email: settings.LANGUAGE_CODE for user in admins}
    by_language: dict[str, list[str]] = {}
    for email, language in sorted(languages.items()):
        by_language.setdefault(language, []).append(email)
    return by_language


def notify_staff_of_countries(*, countries: Iterable[Country], template: str, subject: str, context: dict) -> None:
    """One e-mail per language to the staff of these countries (``staff_of_countries``), after the commit."""
    for language, emails in staff_of_countries(countries).items():
        send_templated_email(template=template, to=emails, language=language, subject=subject, context=context)


# History ----------------------------------------------------------------------------------------------------------


def membership_history_record(
    *,
    organisation: Organisation,
    from_status: str,
    to_status: str,
    by=None,
    reason: str = "",
    at: datetime.datetime | None = None,
) -> MembershipStatusChange:
    """Write one line of an organisation's membership history: every line is written here, whoever changes the
    status (an application, a decision, an import, the admin's add form, the demo). ``from_status`` is "" for the
    first line; ``by`` is None when the applicant or a system task made the change."""
    return MembershipStatusChange.objects.create(
        organisation=organisation,
        from_status=from_status,
        to_status=to_status,
        changed_by=by,
        reason=str(reason),
        changed_at=at or timezone.now(),
    )


# Applying ---------------------------------------------------------------------------------------------------------


@dataclass
class LocationInput:
    """A service point as the applicant typed it. ``city`` is chosen from the directory, or ``new_city_name``
    (in ``new_city_country``) is typed when her city is not listed yet."""

    name: str
    address_visibility: str
    city: City | None = None
    new_city_name: str = ""
    new_city_country: Country | None = None
    street_address: str = ""
    postal_code: str = ""
    phone: str = ""


def set_translated(instance, field_name: str, value: str, language: str) -> None:
    """Write ``value`` in the applicant's language; the other languages fall back to it until translated."""
    setattr(instance, localized_name(field_name, language), value)


def free_slug(name: str) -> str:
    """The first address part made from ``name`` that no organisation has yet: ``casa``, ``casa-2``, ``casa-3``..."""
    base = slugify(name)[:200] or "member"
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _insert_with_free_slug(organisation: Organisation, name: str) -> None:
    """Insert a new organisation. Another application of the same name, on another connection, may take its slug
    between the look and the insert: the insert then fails on the unique index, inside its own savepoint, and the
    next free slug is taken."""
    while True:
        try:
            with transaction.atomic():
                organisation.save()
            return
        except IntegrityError:
            if not Organisation.objects.filter(slug=organisation.slug).exists():
                raise  # another constraint: not ours to work around
            organisation.slug = free_slug(name)


def _city_for(location: LocationInput) -> City:
    if location.city is not None:
        return location.city
    # A city new to the directory starts at its country's centre: the coordinator corrects it before approving.
    country = location.new_city_country
    city = City.objects.filter(country=country, name__iexact=location.new_city_name).first()
    if city is None:
        # Proposed: public forms leave it out until the application is approved (membership_approve).
        city = City(
            country=country,
            latitude=country.latitude,
            longitude=country.longitude,
            time_zone=country.main_time_zone,
            proposed=True,
        )
        for code, _name in settings.LANGUAGES:
            set_translated(city, "name", location.new_city_name, code)
        city.name = location.new_city_name
        city.full_clean()
        city.save()
    return city


def membership_apply(
    *,
    name: str,
    kind: str,
    countries: Sequence[Country],
    contact_name: str,
    contact_email: str,
    locations: Sequence[LocationInput],
    language: str,
    acronym: str = "",
    description: str = "",
    website: str = "",
    public_email: str = "",
    public_phone: str = "",
    contact_phone: str = "",
) -> Organisation:
    """Create an application: the organisation (status applied, invisible to the public), its service points, the
    first line of its history. E-mails the applicant and the coordinators of its countries once the transaction
    commits. The services it offers are added by ``services.services.application_submit``, in the same
    transaction."""
    if not countries:
        raise ValidationError(_("Choose at least one country."))
    if not locations:
        raise ValidationError(_("Give at least one service point."))
    language = supported_language(language)

    with transaction.atomic():
        organisation = Organisation(
            kind=kind,
            website=website,
            public_email=public_email,
            public_phone=public_phone,
            contact_name=contact_name,
            contact_email=contact_email,
            contact_phone=contact_phone,
            contact_language=language,
            status=Status.APPLIED,
            status_changed_at=timezone.now(),
            slug=free_slug(name),
        )
        for field_name, value in (("name", name), ("acronym", acronym), ("description", description)):
            set_translated(organisation, field_name, value, language)
        organisation.full_clean(exclude=["countries"])
        _insert_with_free_slug(organisation, name)
        organisation.countries.set(countries)

        saved_locations = []
        for given in locations:
            location = Location(
                organisation=organisation,
                city=_city_for(given),
                street_address=given.street_address,
                postal_code=given.postal_code,
                address_visibility=given.address_visibility,
                phone=given.phone,
            )
            set_translated(location, "name", given.name, language)
            location.full_clean()
            location.save()
            saved_locations.append(location)

        membership_history_record(
            organisation=organisation, from_status="", to_status=Status.APPLIED, reason=gettext("Applied online.")
        )

    context = {"organisation": organisation, "locations": saved_locations}
    # The address was typed by whoever sent the form: nothing else she typed goes to it, so the form cannot be
    # used to send someone a text of one's choosing.
    send_templated_email(
        template="application_received",
        to=[organisation.contact_email],
        language=language,
        subject=_("We received your application to the Regional Safe Spaces Network"),
        context={},
    )
    notify_staff_of_countries(
        countries=countries,
        template="application_notification",
        subject=_("New membership application to review"),
        context={
            **context,
            "countries": list(countries),
            "queue_url": _queue_url(),
        },
    )
    return organisation


# Deciding ---------------------------------------------------------------------------------------------------------


DECISION_EMAILS = {
    "approve": ("membership_approved", _("Welcome to the Regional Safe Spaces Network")),
    "reject": ("membership_rejected", _("Your application to the Regional Safe Spaces Network")),
    "request_changes": ("membership_changes_requested", _("Your application: changes needed")),
    "suspend": ("membership_suspended", _("Your membership is suspended")),
    "reinstate": ("membership_reinstated", _("Your membership is active again")),
    "withdraw": ("membership_withdrawn", _("Your membership is withdrawn")),
}


def _decide(*, action: str, organisation: Organisation, by, reason: str = "", reason_required: bool = False):
    reason = (reason or "").strip()
    if reason_required and not reason:
        raise ValidationError(_("Give a reason: it is sent to the applicant."), code="reason_required")
    if not roles.can_decide_membership(by, organisation):
        raise PermissionDenied(
            _("You may not decide the membership of %(organisation)s.") % {"organisation": organisation}
        )
    sources, target = TRANSITIONS[action]
    today = timezone.localdate()

    with transaction.atomic():
        # Re-read the status under the row lock: a decision made a moment ago by someone else is seen here.
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.status not in sources:
            cannot = CANNOT_DECIDE[action] % {"organisation": locked}
            raise IllegalTransition(f"{cannot} {STANDING[locked.status]}", code="illegal_transition")
        previous = locked.status
        if target == Status.APPROVED:
            # The cities the applicant typed become cities of the directory with her listing.
            City.objects.filter(proposed=True, locations__organisation=locked).update(proposed=False)
        locked.status = target
        locked.status_changed_at = timezone.now()
        if target == Status.APPROVED:
            locked.joined_on = locked.joined_on or today
            if action == "approve":
                locked.last_verified_on = today
        locked._history_user = by
        locked._change_reason = str(DECIDED[action])
        locked.save(update_fields=["status", "status_changed_at", "joined_on", "last_verified_on", "updated_at"])
        if previous != target:  # asked again before the applicant answered: her listing's history has the line
            membership_history_record(organisation=locked, from_status=previous, to_status=target, by=by, reason=reason)

    for name in ("status", "status_changed_at", "joined_on", "last_verified_on"):
        setattr(organisation, name, getattr(locked, name))
    template, subject = DECISION_EMAILS[action]
    context = {"organisation": locked, "reason": reason}
    reply_to = []
    if action == "request_changes":
        # She answers by updating the application through its signed link; a reply reaches the coordinators.
        with translation.override(locked.contact_language):
            path = reverse("services:join-update", kwargs={"token": application_update_token(locked)})
        context.update(url=absolute_url(path), max_age_days=application_update_max_age().days)
        reply_to = [getattr(settings, "COORDINATION_EMAIL", "") or by.email]
    send_templated_email(
        template=template,
        to=[locked.contact_email],
        language=locked.contact_language,
        subject=subject,
        context=context,
        reply_to=reply_to,
    )
    return locked


def membership_approve(*, organisation: Organisation, by, note: str = "") -> Organisation:
    """Approve an application: the organisation and its active services become public."""
    return _decide(action="approve", organisation=organisation, by=by, reason=note)


def membership_reject(*, organisation: Organisation, by, reason: str) -> Organisation:
    return _decide(action="reject", organisation=organisation, by=by, reason=reason, reason_required=True)


def membership_request_changes(*, organisation: Organisation, by, message: str) -> Organisation:
    return _decide(action="request_changes", organisation=organisation, by=by, reason=message, reason_required=True)


def membership_suspend(*, organisation: Organisation, by, reason: str) -> Organisation:
    return _decide(action="suspend", organisation=organisation, by=by, reason=reason, reason_required=True)


def membership_reinstate(*, organisation: Organisation, by, note: str = "") -> Organisation:
    return _decide(action="reinstate", organisation=organisation, by=by, reason=note)


def membership_withdraw(*, organisation: Organisation, by, reason: str = "") -> Organisation:
    return _decide(action="withdraw", organisation=organisation, by=by, reason=reason)


# Keeping listings true --------------------------------------------------------------------------------------------


def listing_mark_verified(*, organisation: Organisation, by=None, on: datetime.date | None = None) -> Organisation:
    """Record that the listing is correct today: the organisation and its services. ``by`` is the staff member;
    ``None`` when the member's contact confirmed it herself through the signed link."""
    if by is not None and not (by.has_perm("members.change_organisation") and roles.in_scope(by, organisation)):
        raise PermissionDenied(
            _("You may not verify the listing of %(organisation)s.") % {"organisation": organisation}
        )
    on = on or timezone.localdate()
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        locked.last_verified_on = on
        locked._history_user = by
        locked._change_reason = gettext("Marked verified")
        locked.save(update_fields=["last_verified_on", "updated_at"])
        for service in locked.services.all():
            service.last_verified_on = on
            service._history_user = by
            service._change_reason = gettext("Marked verified")
            service.save(update_fields=["last_verified_on", "updated_at"])
    organisation.last_verified_on = on
    return locked


def stale_listings(*, today: datetime.date | None = None):
    """Approved listings not verified in the last six months."""
    today = today or timezone.localdate()
    return Organisation.objects.public().stale(before=today - STALE_AFTER)


def verification_token(organisation: Organisation) -> str:
    """A signed link's token; each one is different, so each can be spent once (``token_spend``)."""
    return signing.dumps(
        {"organisation": organisation.pk, "n": secrets.token_urlsafe(6)}, salt=VERIFICATION_SALT, compress=True
    )


def verification_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "VERIFICATION_LINK_MAX_AGE_DAYS", 30))


def organisation_from_verification_token(token: str) -> Organisation:
    """The organisation a verification link is for. Raises ``signing.SignatureExpired`` when the link is older than
    ``VERIFICATION_LINK_MAX_AGE_DAYS`` (default 30), ``signing.BadSignature`` when it was altered."""
    data = signing.loads(token, salt=VERIFICATION_SALT, max_age=verification_max_age())
    try:
        return Organisation.objects.get(pk=data["organisation"])
    except (Organisation.DoesNotExist, KeyError, TypeError) as error:
        raise signing.BadSignature("unknown organisation") from error


# Updating an application ------------------------------------------------------------------------------------------

APPLICATION_UPDATE_SALT = "members.application-update"
# What the applicant may change through the link, as the join form asked it.
APPLICATION_UPDATE_FIELDS = (
    "name",
    "acronym",
    "description",
    "website",
    "public_email",
    "public_phone",
    "contact_name",
    "contact_email",
    "contact_phone",
)
TRANSLATED_UPDATE_FIELDS = ("name", "description")


def application_update_token(organisation: Organisation) -> str:
    return signing.dumps(
        {"organisation": organisation.pk, "n": secrets.token_urlsafe(6)}, salt=APPLICATION_UPDATE_SALT, compress=True
    )


def application_update_max_age() -> datetime.timedelta:
    return verification_max_age()


def organisation_from_application_update_token(token: str) -> Organisation:
    """The application a "changes needed" link is for, while its changes are awaited. Raises
    ``signing.SignatureExpired`` after ``VERIFICATION_LINK_MAX_AGE_DAYS``, ``signing.BadSignature`` when it was
    altered or the application is no longer waiting for changes."""
    data = signing.loads(token, salt=APPLICATION_UPDATE_SALT, max_age=application_update_max_age())
    try:
        return Organisation.objects.get(pk=data["organisation"], status=Status.UNDER_REVIEW)
    except (Organisation.DoesNotExist, KeyError, TypeError) as error:
        raise signing.BadSignature("no application awaiting changes") from error


def application_values(organisation: Organisation) -> dict:
    """The application as the applicant wrote it (her language first), for the update form."""
    language = organisation.contact_language
    values = {name: getattr(organisation, name) for name in APPLICATION_UPDATE_FIELDS}
    for name in TRANSLATED_UPDATE_FIELDS:
        values[name] = getattr(organisation, localized_name(name, language), "") or values[name] or ""
    return values


# A service point's facts as the coordinator reads them in "what changed" (the city: chosen or typed).
LOCATION_FACTS = ("name", "city", "address_visibility", "street_address", "postal_code", "phone")


def application_location_values(organisation: Organisation) -> list[dict]:
    """The application's service points as the join form asked them (in the order given, her language first), for
    the update form. A city she typed (not yet in the directory's lists) is shown typed again."""
    language = organisation.contact_language
    values = []
    for location in organisation.locations.select_related("city__country").order_by("pk"):
        city = location.city
        values.append(
            {
                "name": getattr(location, localized_name("name", language), "") or location.name or "",
                "city": None if city.proposed else city.pk,
                "new_city_name": city.name if city.proposed else "",
                "new_city_country": city.country_id if city.proposed else None,
                "address_visibility": location.address_visibility,
                "street_address": location.street_address,
                "postal_code": location.postal_code,
                "phone": location.phone,
            }
        )
    return values


def location_facts(location: Location, language: str) -> dict:
    """``{fact: (value compared, value shown)}`` of a service point, for "what changed"."""
    name = getattr(location, localized_name("name", language), "") or location.name or ""
    return {
        "name": (name, name),
        "city": (location.city_id, location.city.name),
        # The choice's lazy label: the e-mail is written in each coordinator's language.
        "address_visibility": (
            location.address_visibility,
            dict(Location.AddressVisibility.choices).get(location.address_visibility, location.address_visibility),
        ),
        "street_address": (location.street_address, location.street_address),
        "postal_code": (location.postal_code, location.postal_code),
        "phone": (location.phone, location.phone),
    }


def fact_changes(part: str, number: int, model, before: dict | None, after: dict | None) -> list[dict]:
    """The lines of "what changed" for one service point or service (``part``, ``number`` on the form): a line per
    fact that changed, or one line when it was added or removed. ``before`` and ``after`` are ``*_facts`` dicts."""
    if before is None and after is None:
        return []
    if before is None or after is None:
        shown = (before or after)["name"][1]
        return [
            {
                "part": part,
                "number": number,
                "field": model._meta.verbose_name,
                "before": "" if before is None else shown,
                "after": "" if after is None else shown,
            }
        ]
    return [
        {
            "part": part,
            "number": number,
            "field": model._meta.get_field(name).verbose_name,
            "before": before[name][1],
            "after": after[name][1],
        }
        for name in before
        if before[name][0] != after[name][0]
    ]


def _locations_update(organisation: Organisation, locations: Sequence[LocationInput | None]) -> list[dict]:
    """The application's service points take ``locations``, position by position as the update form shows them
    (None: removed, or an extra form left empty); returns what changed."""
    language = organisation.contact_language
    existing = list(organisation.locations.select_related("city").order_by("pk"))
    if not any(locations):
        raise ValidationError(_("Give at least one service point."))
    changes = []
    for number in range(1, max(len(existing), len(locations)) + 1):
        location = existing[number - 1] if number <= len(existing) else None
        given = locations[number - 1] if number <= len(locations) else None
        before = location_facts(location, language) if location is not None else None
        if given is None:
            if location is not None:
                location._change_reason = gettext("Application updated by the applicant.")
                location.delete()
            after = None
        else:
            location = location or Location(organisation=organisation)
            location.city = _city_for(given)
            location.street_address = given.street_address
            location.postal_code = given.postal_code
            location.address_visibility = given.address_visibility
            location.phone = given.phone
            set_translated(location, "name", given.name, language)
            location.full_clean()
            location._change_reason = gettext("Application updated by the applicant.")
            location.save()
            after = location_facts(location, language)
        changes += fact_changes("location", number, Location, before, after)
    return changes


def application_update(
    *,
    organisation: Organisation,
    values: dict,
    note: str = "",
    locations: Sequence[LocationInput | None] | None = None,
    also=None,
) -> list[dict]:
    """The applicant answers a request for changes: her application takes ``values`` (the fields of
    ``APPLICATION_UPDATE_FIELDS``) and, when given, ``locations`` (its service points, position by position as the
    update form shows them; None removes one), and returns to the queue as waiting for a decision. The change is a
    line of the listing's history; the coordinators of its countries get what changed, before and after.

    ``also(organisation)`` changes more of the application in the same transaction and returns its own lines of
    what changed: the services, which this app cannot import (``services.services.application_revise``).
    Returns the changes."""
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.status != Status.UNDER_REVIEW:
            raise IllegalTransition(STANDING[locked.status], code="illegal_transition")
        before = application_values(locked)
        for name in APPLICATION_UPDATE_FIELDS:
            if name in TRANSLATED_UPDATE_FIELDS:
                set_translated(locked, name, values[name], locked.contact_language)
            else:
                setattr(locked, name, values[name])
        locked.full_clean(exclude=["slug"])
        previous = locked.status
        locked.status = Status.APPLIED
        locked.status_changed_at = timezone.now()
        locked._change_reason = gettext("Application updated by the applicant.")
        locked.save()
        membership_history_record(
            organisation=locked, from_status=previous, to_status=Status.APPLIED, reason=note.strip()
        )
        after = application_values(locked)
        changes = [
            {"field": Organisation._meta.get_field(name).verbose_name, "before": before[name], "after": after[name]}
            for name in APPLICATION_UPDATE_FIELDS
            if before[name] != after[name]
        ]
        if locations is not None:
            changes += _locations_update(locked, locations)
        if also is not None:
            changes += also(locked)
    notify_staff_of_countries(
        countries=locked.countries.all(),
        template="application_updated",
        subject=_("An application was updated"),
        context={
            "organisation": locked,
            "changes": changes,
            "note": note.strip(),
            "url": absolute_url(reverse("admin:members_organisation_change", args=[locked.pk])),
        },
    )
    organisation.status, organisation.status_changed_at = locked.status, locked.status_changed_at
    return changes


# Abuse protection -------------------------------------------------------------------------------------------------


def client_network(ip_address: str) -> str:
    """What limits and lockouts count by: an IPv4 address, or the first address of the /64 an IPv6 one is in
    (a subscriber's line gets a whole /64 and may pick any address in it)."""
    try:
        ip = ipaddress.ip_address((ip_address or "").strip())
    except ValueError:
        return ip_address or ""
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def client_fingerprint(ip_address: str) -> str:
    """A keyed hash of the client's network: enough to count submissions, useless to find the person."""
    network = client_network(ip_address)
    return hmac.new(settings.SECRET_KEY.encode(), network.encode(), hashlib.sha256).hexdigest()


def submission_allowed(*, scope: str, ip_address: str, limit: int, window: datetime.timedelta) -> bool:
    """Count one submission of form ``scope`` from this client; False when it already sent ``limit`` in the last
    ``window`` (a sliding window: sending the limit just before a clock hour and again just after does not work).
    A refused submission is not counted. The client's row is locked while it is counted, so every app process
    counts the same."""
    now = timezone.now()
    since = now.timestamp() - window.total_seconds()
    client_hash = client_fingerprint(ip_address)
    with transaction.atomic():
        throttle, _created = SubmissionThrottle.objects.select_for_update().get_or_create(
            scope=scope, client_hash=client_hash, defaults={"last_sent_at": now}
        )
        recent = [moment for moment in throttle.sent_times if moment > since]
        allowed = len(recent) < limit
        if allowed:
            recent.append(now.timestamp())
        throttle.sent_times, throttle.last_sent_at = recent, now
        throttle.save(update_fields=["sent_times", "last_sent_at"])
    # Clients quiet for longer than the window are of no use: forget them.
    SubmissionThrottle.objects.filter(last_sent_at__lt=now - max(window, datetime.timedelta(days=1))).delete()
    return allowed


def _token_digest(token: str, purpose: str) -> str:
    return hashlib.sha256(f"{purpose}:{token}".encode()).hexdigest()


def token_spend(*, token: str, purpose: str, keep_for: datetime.timedelta) -> bool:
    """Spend a form's token or a link's: True the first time, False ever after (for ``keep_for``, as long as the
    token itself is accepted). Only a digest is stored."""
    now = timezone.now()
    SpentToken.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            SpentToken.objects.create(digest=_token_digest(token, purpose), expires_at=now + keep_for)
    except IntegrityError:
        return False
    return True


def token_spent(*, token: str, purpose: str) -> bool:
    return SpentToken.objects.filter(digest=_token_digest(token, purpose), expires_at__gte=timezone.now()).exists()


# Member accounts --------------------------------------------------------------------------------------------------


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """The invitation's link to set a first password: Django's signed token, with its own purpose and lifetime. It
    hashes the password and the last login, so it stops working once a password is set (single use)."""

    key_salt = "members.services.InvitationTokenGenerator"

    def check_token(self, user, token):
        """Django's check, with the invitation's own lifetime (``MEMBER_INVITATION_DAYS``)."""
        if not (user and token):
            return False
        try:
            timestamp_b36, _hash = token.split("-")
            timestamp = base36_to_int(timestamp_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return self._num_seconds(self._now()) - timestamp <= settings.MEMBER_INVITATION_DAYS * 24 * 60 * 60


invitation_tokens = InvitationTokenGenerator()


def can_manage_members(user, organisation: Organisation) -> bool:
    """Staff who may invite and revoke an organisation's members: administrators, and coordinators of one of its
    countries."""
    return user is not None and user.is_staff and roles.acts_for(user, organisation, "members.add_organisationmember")


def invitation_path(member: OrganisationMember) -> str:
    with translation.override(member.language):
        return reverse(
            "account:welcome",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(member.user.pk)),
                "token": invitation_tokens.make_token(member.user),
            },
        )


def member_invite_check(*, organisation: Organisation, email: str) -> None:
    """Refuse an address that cannot become a member of ``organisation``: a staff account's (staff never become
    members), or a member of another organisation's."""
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        return
    if user.is_staff or user.is_superuser:
        raise ValidationError(_("This address belongs to a staff account: staff cannot be members."))
    existing = getattr(user, "organisation_membership", None)
    if existing is not None and existing.organisation_id != organisation.pk:
        raise ValidationError(_("This address is already a member account of another organisation."))


def member_invite(*, organisation: Organisation, email: str, language: str, by) -> OrganisationMember:
    """Give a person of ``organisation`` a member account (or give it back) and e-mail her, in ``language``, a link
    to set her password. A staff account is never made a member."""
    if not can_manage_members(by, organisation):
        raise PermissionDenied(_("You may not invite members of %(organisation)s.") % {"organisation": organisation})
    User = get_user_model()
    email = User.objects.normalize_email(email.strip()).lower()
    language = supported_language(language)
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email__iexact=email).first()
        member_invite_check(organisation=organisation, email=email)
        if user is None:
            user = User(username=email, email=email, is_staff=False, is_superuser=False)
            user.set_unusable_password()
            user.save()
        else:
            user.is_active = True
            user.save(update_fields=["is_active"])
        member, _created = OrganisationMember.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "language": language,
                "invited_by": by,
                "invited_at": timezone.now(),
                "revoked_at": None,
                "revoked_by": None,
            },
        )
        send_templated_email(
            template="member_invitation",
            to=[email],
            language=language,
            subject=_("Your account for the RSSN Directory"),
            context={
                "organisation": organisation,
                "url": absolute_url(invitation_path(member)),
                "days": settings.MEMBER_INVITATION_DAYS,
            },
        )
    return member


def member_from_invitation(uidb64: str, token: str) -> OrganisationMember | None:
    """The member an invitation link is for, when the link is right, unused, unexpired and not revoked."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist, UnicodeDecodeError):
        return None
    member = OrganisationMember.objects.active().filter(user=user).select_related("user", "organisation").first()
    if member is None or not invitation_tokens.check_token(user, token):
        return None
    return member


def member_set_password(*, member: OrganisationMember, password: str) -> None:
    """Set the member's password (the invitation's link stops working: its token hashed the old one)."""
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=member.user_id)
        user.set_password(password)
        user.save(update_fields=["password"])


def member_two_step_off(*, member: OrganisationMember) -> int:
    """Remove the member's second step of signing in (her authenticator apps and backup codes): she signs in with
    her password alone until she sets it up again. The caller has checked her password and a current code.
    Returns how many devices were removed."""
    with transaction.atomic():
        devices = list(devices_for_user(member.user, confirmed=None))
        for device in devices:
            device.delete()
    return len(devices)


def member_revoke(*, member: OrganisationMember, by) -> OrganisationMember:
    """End a member's access: she cannot sign in, her open sessions end at their next request, her links stop
    working. Her proposals waiting for review stay for the coordinators to decide."""
    if not can_manage_members(by, member.organisation):
        raise PermissionDenied(
            _("You may not revoke members of %(organisation)s.") % {"organisation": member.organisation}
        )
    with transaction.atomic():
        locked = OrganisationMember.objects.select_for_update().select_related("user").get(pk=member.pk)
        locked.revoked_at = timezone.now()
        locked.revoked_by = by
        locked.save(update_fields=["revoked_at", "revoked_by"])
        user = locked.user
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
    return locked


def member_of(user) -> OrganisationMember | None:
    """The active member account of a signed-in person, or None (staff and revoked members have none)."""
    if not (user.is_authenticated and user.is_active) or user.is_staff:
        return None
    member = getattr(user, "organisation_membership", None)
    return member if member is not None and member.revoked_at is None else None


# Proposed changes -------------------------------------------------------------------------------------------------


class ProposalConflict(ValidationError):
    """The record (or its proposal) changed since the member's form was shown."""


# Why a proposal cannot be changed or withdrawn any more: one sentence per way it ended.
CLOSED = {
    ProposedChange.Status.APPROVED: _(
        "A coordinator approved this proposal on %(date)s: it is published and can no longer be changed or "
        "withdrawn. To change the listing again, edit it from your listing."
    ),
    ProposedChange.Status.REJECTED: _(
        "A coordinator rejected this proposal on %(date)s: it can no longer be changed or withdrawn. Your listing "
        "shows why it was rejected; you can propose the change again."
    ),
    ProposedChange.Status.WITHDRAWN: _(
        "This proposal was withdrawn on %(date)s: it can no longer be changed. You can propose the change again "
        "from your listing."
    ),
}
NOTHING_SAVED = _("Nothing of what you sent was saved.")


def closed_message(proposal: ProposedChange) -> str:
    """Why a decided or withdrawn proposal cannot be changed any more, with its day."""
    when = date_format(timezone.localtime(proposal.decided_at), "DATE_FORMAT")
    return str(CLOSED[proposal.status]) % {"date": when}


class ProposalClosed(ProposalConflict):
    """The proposal was approved, rejected or withdrawn since the member's page showed it: it cannot be changed or
    withdrawn any more."""

    def __init__(self, proposal: ProposedChange):
        self.proposal = proposal
        super().__init__([closed_message(proposal), str(NOTHING_SAVED)], code="closed")


def proposal_edition(proposal: ProposedChange) -> str:
    """What a form showing a waiting proposal carries (its id and revision), as ``proposal_version`` does for a
    record: a save over another member's newer version of it is noticed."""
    return f"p{proposal.pk}.{proposal.revision}"


def proposal_version(record) -> str:
    """What a member's form carries to notice a save over another's: the waiting proposal's id and revision, or a
    fingerprint of the record's values when none waits."""
    waiting = ProposedChange.objects.pending().for_record(record).first()
    if waiting is not None:
        return proposal_edition(waiting)
    return "r" + proposals.version_of(proposals.current_values(record))


def proposal_values(record) -> dict:
    """The values a member's form starts from: the record's, with the waiting proposal's changes on top."""
    values = proposals.current_values(record)
    waiting = ProposedChange.objects.pending().for_record(record).first()
    if waiting is not None:
        values.update({name: change["after"] for name, change in waiting.changes.items()})
    return values


def proposal_submit(*, record, values: dict, version: str, by) -> ProposedChange | None:
    """Save a member's edit of her listing as a proposed change (nothing public changes). A second edit of a record
    continues the proposal that waits for it. ``version`` is what her form was shown with (``proposal_version``):
    when the record or the waiting proposal changed since, nothing is saved and ``ProposalConflict`` says so.
    Returns the proposal, or None when the values are the record's own (a waiting proposal is then withdrawn)."""
    organisation = record if isinstance(record, Organisation) else record.organisation
    _check_member_of(by, organisation)
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=organisation.pk)  # one save at a time per listing
        if _removal_waits(record):
            raise ProposalConflict(REMOVAL_WAITS, code="removal-waits")
        closed = _closed_since_shown(version, organisation)
        if closed is not None:
            raise ProposalClosed(closed)
        if proposal_version(record) != version:
            raise ProposalConflict(
                _(
                    "Someone else saved a change to this page while you were editing it. Nothing of yours was "
                    "saved: what you typed is below. Check the page as it is now and save again."
                ),
                code="conflict",
            )
        changes = proposals.differences(record, values)
        waiting = ProposedChange.objects.select_for_update().pending().for_record(record).first()
        if not changes:
            if waiting is not None:  # back to the record's own values: nothing left to review
                waiting.status = ProposedChange.Status.WITHDRAWN
                waiting.decided_by = by
                waiting.decided_at = timezone.now()
                waiting._history_user = by
                waiting.save(update_fields=["status", "decided_by", "decided_at"])
            return None
        confidential = proposals.touches_confidential_address(record, changes)
        return _propose(record, organisation, waiting=waiting, by=by, changes=changes, confidential=confidential)


def _closed_since_shown(version: str, organisation: Organisation) -> ProposedChange | None:
    """The proposal a form was shown with (``version`` "p<id>.<revision>"), if it was decided or withdrawn since."""
    number = version[1:].split(".")[0] if version.startswith("p") else ""
    if not (number.isascii() and number.isdigit()):  # str.isdigit() takes "¹" too, which int() refuses
        return None
    return ProposedChange.objects.decided().filter(pk=int(number), organisation=organisation).first()


def _propose(record, organisation: Organisation, *, waiting: ProposedChange | None, by, **fields) -> ProposedChange:
    """Save a proposal for an existing record: a new one, or the one waiting for it continued (its revision grows,
    so that a form shown before notices)."""
    if waiting is None:
        waiting = ProposedChange(
            organisation=organisation,
            target_type=ContentType.objects.get_for_model(record),
            target_id=record.pk,
            proposed_by=by,
            **fields,
        )
        waiting._history_user = by
        waiting.save()
        return waiting
    return _continued(waiting, by, **fields)


def _continued(waiting: ProposedChange, by, **fields) -> ProposedChange:
    """Save the waiting proposal with ``fields`` as its next revision, proposed by ``by`` now."""
    for name, value in fields.items():
        setattr(waiting, name, value)
    waiting.revision += 1
    waiting.proposed_by = by
    waiting.proposed_at = timezone.now()
    waiting._history_user = by
    waiting.save()
    return waiting


REMOVAL_WAITS = _(
    "The removal of this record waits for a coordinator's decision: it cannot be changed until then. Nothing was saved."
)


def _check_member_of(user, organisation: Organisation) -> None:
    member = member_of(user)
    if member is None or member.organisation_id != organisation.pk:
        raise PermissionDenied(_("You may change only your own organisation's listing."))


def _removal_waits(record) -> bool:
    return ProposedChange.objects.pending().for_record(record).filter(action=ProposedChange.Action.REMOVE).exists()


def proposal_add(*, organisation: Organisation, model, values: dict, by) -> ProposedChange:
    """Save a member's new location or service as a proposed change. Nothing of it exists outside the proposal
    until a coordinator approves it: the record is created then (``proposal_approve``). A new location's proposal
    is confidential unless its address is to be public."""
    if not proposals.addable(model):
        raise PermissionDenied(_("A member may add only a location or a service."))
    _check_member_of(by, organisation)
    changes = proposals.additions(model, values)
    if not changes:
        raise ValidationError(_("Fill in the form: an empty record cannot be added."))
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        proposal = ProposedChange(
            organisation=organisation,
            action=ProposedChange.Action.ADD,
            target_type=ContentType.objects.get_for_model(model),
            target_id=None,
            changes=changes,
            confidential=proposals.touches_confidential_address(model(), changes),
            proposed_by=by,
        )
        proposal._history_user = by
        proposal.save()
        return proposal


def proposal_remove(*, record, reason: str, by) -> ProposedChange:
    """Ask to take a location or a service off the directory for good, with the member's reason. A change of the
    record that waits for review becomes this removal (a removed record's changes would never be seen). Approving
    it hides the record as staff would (``members.proposals``: a location is closed for good, a service paused);
    nothing is deleted."""
    if not proposals.addable(type(record)):
        raise PermissionDenied(_("A member may remove only a location or a service."))
    _check_member_of(by, record.organisation)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"note": _("Say why it should be removed: the coordinator reads it.")})
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=record.organisation_id)
        waiting = ProposedChange.objects.select_for_update().pending().for_record(record).first()
        return _propose(
            record,
            record.organisation,
            waiting=waiting,
            by=by,
            action=ProposedChange.Action.REMOVE,
            changes={},
            confidential=False,
            note=reason,
        )


CHANGED_SINCE_SHOWN = _(
    "Someone else changed this proposal while you were looking at it. Nothing of yours was saved: check it as it "
    "is now and send again."
)


def _locked_own_pending(proposal: ProposedChange, by, version: str) -> ProposedChange:
    """The proposal, locked, for one of its organisation's members: still waiting, and as her page showed it."""
    _check_member_of(by, proposal.organisation)
    Organisation.objects.select_for_update().get(pk=proposal.organisation_id)  # one save at a time per listing
    locked = ProposedChange.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != ProposedChange.Status.PENDING:
        raise ProposalClosed(locked)
    if proposal_edition(locked) != version:
        raise ProposalConflict(CHANGED_SINCE_SHOWN, code="conflict")
    return locked


def proposal_revise(*, proposal: ProposedChange, values: dict, version: str, by) -> ProposedChange:
    """Replace what a waiting addition proposes (a member corrects her new location or service before a
    coordinator decides): it keeps waiting, with its next revision, and its history keeps the version it replaces.
    ``version`` is what her form was shown with (``proposal_edition``): ``ProposalConflict`` when another member
    changed it since, ``ProposalClosed`` when it was decided or withdrawn; nothing is saved then. A change of an
    existing record is revised on the record's own form (``proposal_submit``)."""
    if proposal.action != ProposedChange.Action.ADD:
        raise ValidationError(_("Only a new location or service is changed here; change a record on its own page."))
    model = proposal.target_type.model_class()
    changes = proposals.additions(model, values)
    if not changes:
        raise ValidationError(_("Fill in the form: an empty record cannot be added."))
    with transaction.atomic():
        locked = _locked_own_pending(proposal, by, version)
        return _continued(
            locked, by, changes=changes, confidential=proposals.touches_confidential_address(model(), changes)
        )


def proposal_withdraw(*, proposal: ProposedChange, version: str, by) -> ProposedChange:
    """Withdraw a waiting proposal (a change, an addition or a removal) at a member's request: it leaves the
    coordinators' queue, nothing of it is published, and it is kept, closed, in the listing's proposals with who
    withdrew it and when. ``version`` as for ``proposal_revise``: a version she has not seen is not withdrawn."""
    with transaction.atomic():
        locked = _locked_own_pending(proposal, by, version)
        locked.status = ProposedChange.Status.WITHDRAWN
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked._history_user = by
        locked.save(update_fields=["status", "decided_by", "decided_at"])
    return locked


def can_decide_proposal(user, proposal: ProposedChange) -> bool:
    """Administrators decide every proposal; coordinators those of organisations working in their countries."""
    return (
        user is not None
        and user.is_staff
        and roles.acts_for(user, proposal.organisation, "members.decide_proposedchange")
    )


def _locked_pending(proposal: ProposedChange, by) -> ProposedChange:
    if not can_decide_proposal(by, proposal):
        raise PermissionDenied(
            _("You may not decide proposals for %(organisation)s.") % {"organisation": proposal.organisation}
        )
    locked = ProposedChange.objects.select_for_update().select_related("organisation").get(pk=proposal.pk)
    if locked.status == ProposedChange.Status.WITHDRAWN:
        raise ValidationError(_("The member withdrew this proposal: there is nothing to decide."))
    if locked.status != ProposedChange.Status.PENDING:
        raise ValidationError(_("This proposal was already decided."))
    return locked


def _tell_proposer(proposal: ProposedChange, template: str, subject, **context) -> None:
    member = getattr(proposal.proposed_by, "organisation_membership", None) if proposal.proposed_by else None
    if member is None or not proposal.proposed_by.email:
        return
    send_templated_email(
        template=template,
        to=[proposal.proposed_by.email],
        language=member.language,
        subject=subject,
        context={"proposal": proposal, "organisation": proposal.organisation, "record": proposal.target, **context},
    )


def _existing_record(proposal: ProposedChange):
    record = proposal.target_type.model_class()._default_manager.select_for_update().filter(pk=proposal.target_id)
    record = record.first()
    if record is None:
        raise ValidationError(_("The record this proposal changes no longer exists: reject it with a reason."))
    return record


def _apply_change(proposal: ProposedChange, by) -> tuple:
    record = _existing_record(proposal)
    stale = proposals.stale_fields(record, proposal.changes)
    if stale:
        labels = ", ".join(proposals.field_label(type(record), name) for name in stale)
        raise ValidationError(
            _(
                "The listing changed since this proposal was made (%(fields)s): approving it would undo that "
                "change. Reject it with a reason and ask the member to propose again."
            )
            % {"fields": labels}
        )
    _sign(record, proposal, by)
    proposals.apply(record, proposal.changes)
    return record, []


def _apply_addition(proposal: ProposedChange, by) -> tuple:
    record = proposal.target_type.model_class()(organisation=proposal.organisation)
    _sign(record, proposal, by)
    proposals.apply(record, proposal.changes)
    return record, []


def _apply_removal(proposal: ProposedChange, by) -> tuple:
    """Take the record off the directory, then do what that does to other records (``proposals.removal_effects``,
    read before the record goes): returns the record and those other records."""
    record = _existing_record(proposal)
    effects = proposals.removal_effects(record)
    _sign(record, proposal, by)
    proposals.editable(type(record)).remove(record)
    affected = []
    for effect, records in effects:
        effect.apply(record, records, by=by, proposal=proposal)
        affected += records
    return record, affected


def _sign(record, proposal: ProposedChange, by) -> None:
    """The line of the record's history the approval writes: who, and which proposal."""
    record._history_user = by
    record._change_reason = gettext("Proposed change %(number)s approved") % {"number": proposal.pk}


APPLY = {
    ProposedChange.Action.CHANGE: _apply_change,
    ProposedChange.Action.ADD: _apply_addition,
    ProposedChange.Action.REMOVE: _apply_removal,
}


def proposal_approve(*, proposal: ProposedChange, by) -> ProposedChange:
    """Publish a proposed change: write it to the record, create the new record or take the removed one off the
    directory (its history says who approved it; a removed location's services left without a place are paused),
    confirm the listing verified today, tell the member (and which services were paused). A change is refused when
    a field it changes was changed by someone else since."""
    with transaction.atomic():
        locked = _locked_pending(proposal, by)
        record, paused = APPLY[locked.action](locked, by)
        locked.target_id = record.pk
        locked.status = ProposedChange.Status.APPROVED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked._history_user = by
        locked.save(update_fields=["target_id", "status", "decided_by", "decided_at"])
        listing_mark_verified(organisation=locked.organisation, by=by, on=timezone.localdate())
        _tell_proposer(locked, "proposal_approved", _("Your change to the directory was published"), paused=paused)
    return locked


def proposal_reject(*, proposal: ProposedChange, by, reason: str) -> ProposedChange:
    """Turn a proposed change down with a reason, sent to the member in her language. Nothing public changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the change is not published: the member reads it.")})
    with transaction.atomic():
        locked = _locked_pending(proposal, by)
        locked.status = ProposedChange.Status.REJECTED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.reason = reason
        locked._history_user = by
        locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        _tell_proposer(locked, "proposal_rejected", _("Your change to the directory was not published"))
    return locked
