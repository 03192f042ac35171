"""Writes of the services app: the services an applicant offers, the reports that a listing is wrong and their
handling by staff.

As in ``members/services.py``: keyword-only functions that validate, check permission and run in a transaction.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from members import roles
from members.models import Organisation
from members.services import (
    IllegalTransition,
    absolute_url,
    membership_apply,
    send_templated_email,
    set_translated,
    verification_token,
)
from services.models import CorrectionRequest, Service

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
            service = Service(
                organisation=organisation,
                in_person=given.in_person,
                by_phone=given.by_phone,
                online=given.online,
                outreach=given.outreach,
                phone=given.phone,
                cost=given.cost or None,
                referral_required=given.referral_required,
                status=Service.Status.ACTIVE,
            )
            set_translated(service, "name", given.name, language)
            set_translated(service, "description", given.description, language)
            service.full_clean()
            service.save()
            service.categories.set(given.categories)
            if given.in_person:
                service.locations.set(locations)
    return organisation


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
    message: str,
    organisation: Organisation | None = None,
    service=None,
    reporter_email: str = "",
    source: str = CorrectionRequest.Source.PUBLIC,
) -> CorrectionRequest:
    if service is not None:
        organisation = service.organisation
    if organisation is None:
        raise ValidationError(_("Say which listing is wrong."))
    correction = CorrectionRequest(
        organisation=organisation,
        service=service,
        message=message.strip(),
        reporter_email=reporter_email,
        source=source,
    )
    correction.full_clean()
    correction.save()
    return correction


ALREADY_HANDLED = {
    CorrectionRequest.Status.RESOLVED: _("This correction request was already resolved."),
    CorrectionRequest.Status.DISMISSED: _("This correction request was already dismissed."),
}


def _handle_correction(*, correction: CorrectionRequest, by, status: str, note: str) -> CorrectionRequest:
    if not (by.has_perm("services.change_correctionrequest") and roles.in_scope(by, correction.organisation)):
        raise PermissionDenied(_("You may not handle this correction request."))
    with transaction.atomic():
        locked = CorrectionRequest.objects.select_for_update().get(pk=correction.pk)
        if locked.status != CorrectionRequest.Status.OPEN:
            raise IllegalTransition(ALREADY_HANDLED[locked.status], code="illegal_transition")
        locked.status = status
        locked.handled_by = by
        locked.handled_at = timezone.now()
        locked.note = note
        locked.save(update_fields=["status", "handled_by", "handled_at", "note"])
    correction.status, correction.handled_by, correction.handled_at = locked.status, by, locked.handled_at
    return locked


def correction_request_resolve(*, correction: CorrectionRequest, by, note: str = "") -> CorrectionRequest:
    """The listing was corrected (or found right)."""
    return _handle_correction(correction=correction, by=by, status=CorrectionRequest.Status.RESOLVED, note=note)


def correction_request_dismiss(*, correction: CorrectionRequest, by, note: str = "") -> CorrectionRequest:
    """The report was not useful (spam, or about something the directory does not list)."""
    return _handle_correction(correction=correction, by=by, status=CorrectionRequest.Status.DISMISSED, note=note)
