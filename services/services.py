"""Writes of the services app: the reports that a listing is wrong, and their handling by staff.

As in ``members/services.py``: keyword-only functions that check permission and change a status under a row lock.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members import roles
from members.models import Organisation
from members.services import IllegalTransition
from services.models import CorrectionRequest


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
