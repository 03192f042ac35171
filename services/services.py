"""Writes of the services app: the services an applicant offers, the reports that a listing is wrong and their
handling by staff.

As in ``members/services.py``: keyword-only functions that validate, check permission and run in a transaction.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from members import roles
from members.models import Location, Organisation
from members.services import (
    IllegalTransition,
    LocationInput,
    absolute_url,
    application_update,
    fact_changes,
    member_of,
    membership_apply,
    notify_staff_of_countries,
    send_templated_email,
    set_translated,
    verification_token,
)
from rssn.languages import localized_name, supported_language
from services.fields import NO_DOCUMENTS, NO_DOCUMENTS_LABEL, Document
from services.models import CorrectionRequest, Service
from services.workbench import waiting_for, waiting_per_country

# Applying ---------------------------------------------------------------------------------------------------------


@dataclass
class ServiceInput:
    """A service as the applicant described it in the join form."""

    name: str
    categories: list = field(default_factory=list)
    description: str = ""
    in_person: bool = True
    by_phone: bool = False
    online: bool = False
    outreach: bool = False
    phone: str = ""
    cost: str | None = None
    referral_required: bool | None = None
    documents_required: str | None = None
    appointment: str | None = None


def application_submit(*, services: Sequence[ServiceInput], **application) -> Organisation:
    """Apply to join the network with the services offered: ``members.services.membership_apply`` (called with
    ``application``: the organisation, its service points, its history and the e-mails) and the services, active
    and given at every service point when in person, in one transaction."""
    if not services:
        raise ValidationError(_("Describe at least one service."))
    with transaction.atomic():
        organisation = membership_apply(**application)
        language = organisation.contact_language
        locations = list(organisation.locations.all())
        for given in services:
            service = Service(organisation=organisation, status=Service.Status.ACTIVE)
            _service_set(service, given, language)
            service.full_clean()
            service.save()
            service.categories.set(given.categories)
            if given.in_person:
                service.locations.set(locations)
    return organisation


def _service_set(service: Service, given: ServiceInput, language: str) -> None:
    service.in_person = given.in_person
    service.by_phone = given.by_phone
    service.online = given.online
    service.outreach = given.outreach
    service.phone = given.phone
    service.cost = given.cost or None
    service.referral_required = given.referral_required
    service.documents_required = given.documents_required
    service.appointment = given.appointment or None
    set_translated(service, "name", given.name, language)
    set_translated(service, "description", given.description, language)


def application_service_values(organisation: Organisation) -> list[dict]:
    """The application's services as the join form asked them (in the order given, her language first), for the
    update form."""
    language = organisation.contact_language
    values = []
    for service in organisation.services.prefetch_related("categories").order_by("pk"):
        values.append(
            {
                "name": getattr(service, localized_name("name", language), "") or service.name or "",
                "description": getattr(service, localized_name("description", language), "")
                or service.description
                or "",
                "categories": [category.pk for category in service.categories.all()],
                "in_person": service.in_person,
                "by_phone": service.by_phone,
                "online": service.online,
                "outreach": service.outreach,
                "phone": service.phone,
                "cost": service.cost or "",
                "referral_required": {True: "yes", False: "no"}.get(service.referral_required, ""),
                "documents_required": service.documents_required,
                "appointment": service.appointment or "",
            }
        )
    return values


YES_NO = {True: pgettext_lazy("a fact", "Yes"), False: pgettext_lazy("a fact", "No"), None: ""}


def service_facts(service: Service, language: str) -> dict:
    """``{fact: (value compared, value shown)}`` of a service, for "what changed"."""
    name = getattr(service, localized_name("name", language), "") or service.name or ""
    description = getattr(service, localized_name("description", language), "") or service.description or ""
    categories = sorted(service.categories.all(), key=lambda category: category.pk)
    facts = {
        "name": (name, name),
        "description": (description, description),
        "categories": (
            [category.pk for category in categories],
            ", ".join(str(category.name) for category in categories),
        ),
    }
    for flag in ("in_person", "by_phone", "online", "outreach"):
        facts[flag] = (getattr(service, flag), YES_NO[getattr(service, flag)])
    facts["phone"] = (service.phone, service.phone)
    # The choice's lazy label: the e-mail is written in each coordinator's language.
    facts["cost"] = (service.cost, dict(Service.Cost.choices).get(service.cost, "") if service.cost else "")
    facts["referral_required"] = (service.referral_required, YES_NO[service.referral_required])
    if service.documents_required == NO_DOCUMENTS:
        documents = [NO_DOCUMENTS_LABEL]
    else:
        documents = [Document(code).label for code in service.documents or ()]
    facts["documents_required"] = (service.documents_required, ", ".join(str(label) for label in documents))
    appointment = dict(Service.Appointment.choices).get(service.appointment, "") if service.appointment else ""
    facts["appointment"] = (service.appointment, appointment)
    return facts


def _services_update(organisation: Organisation, services: Sequence[ServiceInput | None]) -> list[dict]:
    """The application's services take ``services``, position by position as the update form shows them (None:
    removed, or an extra form left empty), each given at every service point when in person; returns what
    changed."""
    if not any(services):
        raise ValidationError(_("Describe at least one service."))
    language = organisation.contact_language
    existing = list(organisation.services.prefetch_related("categories").order_by("pk"))
    locations = list(organisation.locations.all())
    reason = gettext("Application updated by the applicant.")
    changes = []
    for number in range(1, max(len(existing), len(services)) + 1):
        service = existing[number - 1] if number <= len(existing) else None
        given = services[number - 1] if number <= len(services) else None
        before = service_facts(service, language) if service is not None else None
        if given is None:
            if service is not None:
                service._change_reason = reason
                service.delete()
            after = None
        else:
            service = service or Service(organisation=organisation, status=Service.Status.ACTIVE)
            _service_set(service, given, language)
            service.full_clean()
            service._change_reason = reason
            service.save()
            service.categories.set(given.categories)
            service.locations.set(locations if given.in_person else [])
            service = Service.objects.prefetch_related("categories").get(pk=service.pk)
            after = service_facts(service, language)
        changes += fact_changes("service", number, Service, before, after)
    return changes


def application_revise(
    *,
    organisation: Organisation,
    values: dict,
    locations: Sequence[LocationInput | None],
    services: Sequence[ServiceInput | None],
    note: str = "",
) -> list[dict]:
    """The applicant answers a request for changes with everything her application holds: its own fields
    (``values``), its service points and its services, each list position by position as the update form shows
    them (None removes one). One transaction; the coordinators get every change, before and after
    (``members.services.application_update``). Returns the changes."""
    return application_update(
        organisation=organisation,
        values=values,
        note=note,
        locations=locations,
        also=lambda locked: _services_update(locked, services),
    )


# Keeping listings true -------------------------------------------------------------------------------------------


def verification_reminder_send(*, organisation: Organisation) -> None:
    """E-mail the private contact a signed link to confirm or correct the listing."""
    with translation.override(organisation.contact_language):
        url = absolute_url(reverse("services:verify", kwargs={"token": verification_token(organisation)}))
    send_templated_email(
        template="verification_reminder",
        to=[organisation.contact_email],
        language=organisation.contact_language,
        subject=_("Is your listing in the RSSN directory still correct?"),
        context={
            "organisation": organisation,
            "url": url,
            "max_age_days": getattr(settings, "VERIFICATION_LINK_MAX_AGE_DAYS", 30),
        },
    )


# Correction requests ----------------------------------------------------------------------------------------------


def correction_request_create(
    *,
    kind: str = CorrectionRequest.Kind.OTHER,
    message: str = "",
    organisation: Organisation | None = None,
    service=None,
    reporter_email: str = "",
    source: str = CorrectionRequest.Source.PUBLIC,
) -> CorrectionRequest:
    """A suggested update: what is wrong (``kind``) and, optional but for "something else", the details."""
    if service is not None:
        organisation = service.organisation
    if organisation is None:
        raise ValidationError(_("Say which listing is wrong."))
    correction = CorrectionRequest(
        organisation=organisation,
        service=service,
        kind=kind,
        message=message.strip(),
        reporter_email=reporter_email,
        source=source,
    )
    correction.full_clean()
    correction.save()
    try:
        url = absolute_url(reverse("admin:services_correctionrequest_change", args=[correction.pk]))
    except NoReverseMatch:  # the admin is not installed
        url = ""
    # What the reporter typed goes to staff only, who read it in the queue: the e-mail says where, not what.
    notify_staff_of_countries(
        countries=organisation.countries.all(),
        template="correction_notification",
        subject=_("A listing was reported as wrong"),
        context={"organisation": organisation, "service": service, "url": url, "source": correction.source},
    )
    return correction


# The line of a forwarded suggestion's admin history, translated when the history is read.
FORWARDED = gettext_noop("forwarded to the member organisation")

ALREADY_HANDLED = {
    CorrectionRequest.Status.RESOLVED: _("This correction request was already resolved."),
    CorrectionRequest.Status.DISMISSED: _("This correction request was already dismissed."),
}


def listing_change_since(correction: CorrectionRequest):
    """The latest change to the reported listing made since the request arrived, as ``(kind, history line)``, or
    None: a line of the history of the service, else of the organisation or one of its service points."""
    histories = [
        ("organisation", Organisation.history.filter(id=correction.organisation_id)),
        ("location", Location.history.filter(organisation_id=correction.organisation_id)),
    ]
    if correction.service_id:
        histories.insert(0, ("service", Service.history.filter(id=correction.service_id)))
    changes = [
        (kind, line)
        for kind, lines in histories
        if (line := lines.filter(history_date__gte=correction.created_at).order_by("-history_date").first())
    ]
    return max(changes, key=lambda change: change[1].history_date, default=None)


def _handle_correction(*, correction: CorrectionRequest, by, status: str, note: str) -> CorrectionRequest:
    if not (by.has_perm("services.change_correctionrequest") and roles.in_scope(by, correction.organisation)):
        raise PermissionDenied(_("You may not handle this correction request."))
    with transaction.atomic():
        locked = CorrectionRequest.objects.select_for_update().get(pk=correction.pk)
        if locked.status != CorrectionRequest.Status.OPEN:
            raise IllegalTransition(ALREADY_HANDLED[locked.status], code="illegal_transition")
        fields = ["status", "handled_by", "handled_at", "note"]
        if status == CorrectionRequest.Status.RESOLVED:
            change = listing_change_since(locked)
            if change is None:
                raise ValidationError(
                    _(
                        "“%(listing)s” has not changed since the report arrived. Correct the listing first (the "
                        "change shows in its history), or dismiss the report with a reason."
                    ),
                    params={"listing": locked.service or locked.organisation},
                    code="listing_unchanged",
                )
            kind, line = change
            locked.change_kind, locked.change_history_id = kind, line.history_id
            fields += ["change_kind", "change_history_id"]
            if not line.history_change_reason:
                # The listing's history says which report the change answered.
                line.history_change_reason = f"Correction request {locked.pk}"
                line.save(update_fields=["history_change_reason"])
        elif not note.strip():
            raise ValidationError(_("Say why the report is dismissed."), code="reason_required")
        locked.status = status
        locked.handled_by = by
        locked.handled_at = timezone.now()
        locked.note = note.strip() or locked.note
        locked.save(update_fields=fields)
    correction.status, correction.handled_by, correction.handled_at = locked.status, by, locked.handled_at
    correction.change_kind, correction.change_history_id, correction.note = (
        locked.change_kind,
        locked.change_history_id,
        locked.note,
    )
    return locked


def correction_request_resolve(*, correction: CorrectionRequest, by, note: str = "") -> CorrectionRequest:
    """The listing was corrected: only after a change to it made since the report arrived, which the request then
    points to (and whose history line names the request)."""
    return _handle_correction(correction=correction, by=by, status=CorrectionRequest.Status.RESOLVED, note=note)


def correction_request_dismiss(*, correction: CorrectionRequest, by, note: str) -> CorrectionRequest:
    """The report was not useful (spam, about something the directory does not list, or the listing was right):
    ``note`` says why."""
    return _handle_correction(correction=correction, by=by, status=CorrectionRequest.Status.DISMISSED, note=note)


def organisation_recipients(organisation: Organisation) -> dict[str, list[str]]:
    """Who receives what the network sends a member organisation about its listing, by language: its private
    contact, in the contact's language, and its member accounts that may sign in, each in her own."""
    recipients: dict[str, tuple[str, str]] = {}  # by the address in lower case: each person once
    if organisation.contact_email:
        recipients[organisation.contact_email.lower()] = (organisation.contact_email, organisation.contact_language)
    for account in organisation.member_accounts.active().select_related("user").order_by("pk"):
        if account.user.email:
            recipients.setdefault(account.user.email.lower(), (account.user.email, account.language))
    by_language: dict[str, list[str]] = {}
    for email, language in recipients.values():
        by_language.setdefault(language, []).append(email)
    return by_language


def correction_requests_forward(*, organisation: Organisation, corrections: Sequence[CorrectionRequest], by) -> int:
    """Send open suggested updates of one organisation's listing to the organisation (``organisation_recipients``,
    one e-mail per language): for each, the listing, what is wrong and the details, never who suggested it. Each is
    marked forwarded, by whom and when, and the admin's history of each says so. Returns how many were forwarded."""
    if not (by.has_perm("services.change_correctionrequest") and roles.in_scope(by, organisation)):
        raise PermissionDenied(_("You may not handle this correction request."))
    recipients = organisation_recipients(organisation)
    if not recipients:
        raise ValidationError(
            _("%(organisation)s has no contact e-mail: the suggestions cannot be forwarded."),
            params={"organisation": organisation},
            code="no_recipient",
        )
    with transaction.atomic():
        locked = list(
            CorrectionRequest.objects.select_for_update()
            .filter(pk__in=[correction.pk for correction in corrections], organisation=organisation)
            .order_by("-created_at", "-pk")
        )
        if len(locked) != len(corrections):
            raise ValidationError(_("Forward the suggestions of one organisation at a time."), code="mixed")
        for correction in locked:
            if correction.status != CorrectionRequest.Status.OPEN:
                raise IllegalTransition(ALREADY_HANDLED[correction.status], code="illegal_transition")
            if correction.forwarded_at is not None:
                raise IllegalTransition(
                    _("This suggestion was already forwarded to %(organisation)s."),
                    params={"organisation": organisation},
                    code="already_forwarded",
                )
        now = timezone.now()
        CorrectionRequest.objects.filter(pk__in=[correction.pk for correction in locked]).update(
            forwarded_at=now, forwarded_by=by
        )
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=locked,
            action_flag=CHANGE,
            change_message=[{"changed": {"fields": [FORWARDED]}}],
        )
        for language, emails in recipients.items():
            send_templated_email(
                template="suggestions_forwarded",
                to=emails,
                language=language,
                subject=_("Suggested updates to your listing in the RSSN directory"),
                context={"organisation": organisation, "suggestions": locked},
                reply_to=[getattr(settings, "COORDINATION_EMAIL", "") or by.email],
            )
    for correction in corrections:
        correction.forwarded_at, correction.forwarded_by = now, by
    return len(locked)


# The coordinator's weekly digest -----------------------------------------------------------------------------------


def digest_coordinators():
    """The coordinators who receive the digest: active, in the Coordinators group, with an e-mail and a country,
    each with the language of her first country assignment (as the other coordinator e-mails choose it)."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, groups__name=roles.COORDINATORS, coordinator_assignments__isnull=False)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def coordinator_digest_send(*, coordinator, today: datetime.date | None = None) -> list:
    """E-mail ``coordinator`` the work waiting in her countries (``services.workbench``), in the language of her
    first country assignment, only when something waits: each kind of work a count and a link to its list, and for a
    coordinator of several countries the same country by country. Returns what was counted as waiting (empty:
    nothing sent)."""
    assignment = coordinator.coordinator_assignments.order_by("pk").first()
    language = assignment.language if assignment else settings.LANGUAGE_CODE
    with translation.override(language):  # the texts and the links' addresses in her language
        waiting = [item for item in waiting_for(coordinator, today=today) if item.count]
        if not waiting:
            return []
        items = _digest_items(waiting)
        countries = [
            {"name": str(country.name), "items": _digest_items(counts)}
            for country, counts in waiting_per_country(coordinator, today=today)
        ]
        start = absolute_url(reverse("admin:index"))
    send_templated_email(
        template="coordinator_digest",
        to=[coordinator.email],
        language=language,
        subject=_("Work waiting in the RSSN directory"),
        context={"coordinator": coordinator, "items": items, "countries": countries, "start": start},
    )
    return waiting


def _digest_items(counts: list) -> list[dict]:
    return [{"text": str(item.text), "url": absolute_url(item.url)} for item in counts]


# Temporary closures and places -------------------------------------------------------------------------------------


def listing_editable_by(by, organisation) -> bool:
    """Whether ``by`` may change ``organisation``'s listing at once (closures and places, which are not reviewed):
    staff with the right to change it, in their countries, or an active member account of that organisation (never
    of another, never a revoked one: ``members.services.member_of``)."""
    if by is None or not (by.is_authenticated and by.is_active):
        return False
    member = member_of(by)
    if member is not None:
        return member.organisation_id == organisation.pk
    return by.has_perm("services.change_service") and roles.in_scope(by, organisation)


def _closure_target_checked(target, by):
    if not isinstance(target, Location | Service):
        raise TypeError("A temporary closure is of a location or a service.")
    if not listing_editable_by(by, target.organisation):
        raise PermissionDenied(_("You may not change this listing."))


def closure_set(*, target, starts, ends, note, by) -> Location | Service:
    """Close a location or a service from ``starts`` to ``ends`` (dates, both closed), with a short public ``note``:
    a mapping of language to text (the languages not given fall back as every translated field does), or one text in
    the active language. Replaces the target's closure, if it had one; recorded in its history with ``by``."""
    _closure_target_checked(target, by)
    notes = note if isinstance(note, dict) else {translation.get_language() or settings.LANGUAGE_CODE: note}
    with transaction.atomic():
        locked = type(target).objects.select_for_update().get(pk=target.pk)
        locked.closed_from, locked.closed_until = starts, ends
        for language, _name in settings.LANGUAGES:
            setattr(locked, localized_name("closure_note", language), "")
        for language, text in notes.items():
            setattr(locked, localized_name("closure_note", supported_language(language)), (text or "").strip())
        locked.full_clean()
        locked._history_user = by
        locked._change_reason = gettext("Temporary closure set")
        locked.save()
    _copy_closure(locked, target)
    return locked


def closure_end(*, target, by) -> Location | Service:
    """End a location's or a service's temporary closure now (it would also end by itself after its last day)."""
    _closure_target_checked(target, by)
    with transaction.atomic():
        locked = type(target).objects.select_for_update().get(pk=target.pk)
        locked.closed_from = locked.closed_until = None
        for language, _name in settings.LANGUAGES:
            setattr(locked, localized_name("closure_note", language), "")
        locked._history_user = by
        locked._change_reason = gettext("Temporary closure ended")
        locked.save()
    _copy_closure(locked, target)
    return locked


def _copy_closure(source, target) -> None:
    for name in (
        "closed_from",
        "closed_until",
        *(localized_name("closure_note", code) for code, _n in settings.LANGUAGES),
    ):
        setattr(target, name, getattr(source, name))


def capacity_update(*, service: Service, status: str, by) -> Service:
    """Say whether a service that fills up has places now (``Service.Capacity``; ``""`` to stop giving places): at
    once, without review, since it is time-critical; the moment is kept, and shown with it. Recorded in the
    service's history with ``by``."""
    if not listing_editable_by(by, service.organisation):
        raise PermissionDenied(_("You may not change this listing."))
    if status not in {"", *Service.Capacity.values}:
        raise ValidationError({"capacity": _("Choose whether places are available, full or a waiting list.")})
    with transaction.atomic():
        locked = Service.objects.select_for_update().get(pk=service.pk)
        locked.capacity = status
        locked.capacity_updated_at = timezone.now() if status else None
        locked._history_user = by
        locked._change_reason = gettext("Places updated")
        locked.save(update_fields=["capacity", "capacity_updated_at", "updated_at"])
    service.capacity, service.capacity_updated_at = locked.capacity, locked.capacity_updated_at
    return locked
