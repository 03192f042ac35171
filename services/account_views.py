"""The member area (/<lang>/account/): a member of an organisation signs in, sees her listing and proposes changes
to it; a coordinator publishes them (``members.services.proposal_approve``). Temporary closures and places are
time-critical: she changes them at once, without review (``services.services.closure_set``, ``closure_end``,
``capacity_update``), and only by POST.

Anonymous pages here (sign in, password reset, the invitation's link) set no cookie, as every public page: their
forms are protected as the public forms are (``cookieless_form``: sent from this site's own page). A session cookie
is set only when a member signs in; from then on Django's CSRF check applies as in the admin. Sign-in counts
failures toward the same lockout as the staff sign-in (django-axes) and asks for the one-time code of a member who
set up two-step sign-in (django-otp, as staff).
"""

import datetime
from base64 import b32encode
from functools import wraps

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from members import proposals
from members import services as membership
from members.models import Location, Organisation, ProposedChange
from services import account_forms, cards
from services import services as listing_writes
from services.models import Service
from services.onboarding_views import _throttled, cookieless_form

RESET_SUBJECT = gettext_lazy("Set a new password for the RSSN Directory")


def member_required(view):
    """Pages for a signed-in member only: anyone else goes to the sign-in page (staff, too: they have the admin)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        member = membership.member_of(request.user)
        if member is None:
            return redirect("account:sign-in")
        request.member = member
        return view(request, *args, **kwargs)

    return checked


@cookieless_form
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if membership.member_of(request.user) is not None:
        return redirect("account:home")
    form = account_forms.MemberSignInForm(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user, backend="django.contrib.auth.backends.ModelBackend")
        if form.device is not None:
            otp_login(request, form.device)
        return redirect("account:home")
    return render(request, "services/account/sign_in.html", {"form": form})


@require_POST
def sign_out(request):
    logout(request)
    return redirect("account:sign-in")


@cookieless_form
@require_http_methods(["GET", "POST"])
def password_reset(request):
    form = account_forms.PasswordResetRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _throttled(request, "password-reset"):
            form.add_error(None, _("Too many forms were sent from your connection. Please try again in an hour."))
        else:
            member = (
                membership.OrganisationMember.objects.active()
                .filter(user__email__iexact=form.cleaned_data["email"])
                .select_related("user")
                .first()
            )
            if member is not None and member.user.has_usable_password():
                uid = urlsafe_base64_encode(force_bytes(member.user.pk))
                path = reverse(
                    "account:reset-confirm",
                    kwargs={"uidb64": uid, "token": default_token_generator.make_token(member.user)},
                )
                membership.send_templated_email(
                    template="member_password_reset",
                    to=[member.user.email],
                    language=get_language(),
                    subject=RESET_SUBJECT,
                    context={"url": membership.absolute_url(path), "minutes": _reset_minutes()},
                )
            # The same answer whether the address has an account or not.
            return render(request, "services/account/password_reset_sent.html")
    return render(request, "services/account/password_reset.html", {"form": form})


def _reset_minutes() -> int:
    from django.conf import settings

    return settings.PASSWORD_RESET_TIMEOUT // 60


def _user_from(uidb64: str):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    try:
        return User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist, UnicodeDecodeError):
        return None


def _set_password_page(request, member, *, welcome: bool):
    if member is None:
        return render(request, "services/account/link_invalid.html", status=404)
    form = account_forms.MemberSetPasswordForm(member.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        membership.member_set_password(member=member, password=form.cleaned_data["new_password1"])
        return render(request, "services/account/password_set.html")
    return render(request, "services/account/set_password.html", {"form": form, "welcome": welcome, "member": member})


@cookieless_form
@require_http_methods(["GET", "POST"])
def welcome(request, uidb64: str, token: str):
    """The invitation's link: set a first password. It works once (the token hashed the unusable password)."""
    return _set_password_page(request, membership.member_from_invitation(uidb64, token), welcome=True)


@cookieless_form
@require_http_methods(["GET", "POST"])
def reset_confirm(request, uidb64: str, token: str):
    user = _user_from(uidb64)
    member = membership.member_of(user) if user is not None and user.is_active else None
    if member is not None and not default_token_generator.check_token(user, token):
        member = None
    return _set_password_page(request, member, welcome=False)


@member_required
def home(request):
    organisation = request.member.organisation
    now = timezone.now()
    return render(
        request,
        "services/account/home.html",
        {
            "organisation": organisation,
            "locations": [
                {"record": location, "closure": _closure_shown(location)}
                for location in organisation.locations.current().select_related("city").order_by("name")
            ],
            "services": [
                {
                    "record": service,
                    "closure": _closure_shown(service),
                    "places": cards.places_shown(cards.places_facts(service), now),
                }
                for service in organisation.services.prefetch_related("locations__city").order_by("name")
            ],
            "waiting": ProposedChange.objects.pending().for_organisation(organisation),
            "decided": ProposedChange.objects.decided().for_organisation(organisation).order_by("-decided_at")[:20],
            "two_step": _two_step_on(request.user),
        },
    )


def _closure_shown(target) -> dict | None:
    """``target``'s temporary closure while it is current or to come, for the member's home; None once it ended."""
    if target.closed_until is None or target.closed_until < _today_at(target):
        return None
    return {"starts": target.closed_from, "until": target.closed_until}


def _record(member, kind: str, pk: int | None):
    organisation = member.organisation
    if kind == "organisation":
        return Organisation.objects.get(pk=organisation.pk)
    model = _listing_model(kind)
    records = Location.objects.current() if model is Location else model._default_manager
    return get_object_or_404(records, pk=pk, organisation=organisation)


def _listing_model(kind: str):
    """The model of a location or a service page: the only records a member adds and removes."""
    model = account_forms.KINDS.get(kind)
    if model is None:
        raise Http404
    return model


def _submitted(form, formsets) -> dict:
    submitted = form.values()
    for name, formset in formsets.items():
        submitted[name] = [row for row in (each.row() for each in formset.forms) if row]
    return submitted


def _form_page(request, *, form, formsets, spec, title: str, record=None, waiting=None):
    return render(
        request,
        "services/account/edit.html",
        {"form": form, "formsets": formsets, "record": record, "title": title, "waiting": waiting,
         "has_errors": bool(form.errors) or any(formset.total_error_count() for formset in formsets.values()),
         "part_labels": {name: part.label for name, part in spec.parts.items()}},
    )  # fmt: skip


def _part_formsets(spec, data, values):
    return {
        name: account_forms.PART_FORMSETS[name](
            data, prefix=name, initial=account_forms.part_initial(name, values.get(name, []))
        )
        for name in spec.parts
    }


@member_required
@require_http_methods(["GET", "POST"])
def edit(request, kind: str, pk: int | None = None):
    member = request.member
    record = _record(member, kind, pk)
    model = type(record)
    spec = proposals.editable(model)
    form_class = account_forms.listing_form_class(model)
    values = membership.proposal_values(record)
    version = membership.proposal_version(record)
    shown = model._default_manager.get(pk=record.pk)  # the form's own copy: validating it changes its fields
    if request.method == "POST":
        form = form_class(request.POST, instance=shown, organisation=member.organisation)
        formsets = _part_formsets(spec, request.POST, values)
        if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
            submitted = _submitted(form, formsets)
            try:
                proposal = membership.proposal_submit(
                    record=record, values=submitted, version=form.cleaned_data["version"], by=request.user
                )
            except membership.ProposalConflict as conflict:
                form.add_error(None, conflict)
                data = request.POST.copy()
                data["version"] = version  # saving again now is her choice, made knowingly
                form.data = data
            else:
                if proposal is None:
                    messages.info(request, _("Nothing was changed, so nothing was sent for review."))
                else:
                    messages.success(
                        request,
                        _("Your change was saved and sent for review. It is published once a coordinator approves it."),
                    )
                return redirect("account:home")
    else:
        initial = {name: values.get(name) for name in spec.fields}
        initial["version"] = version
        form = form_class(instance=shown, initial=initial, organisation=member.organisation)
        formsets = _part_formsets(spec, None, values)
    waiting = ProposedChange.objects.pending().for_record(record).first()
    return _form_page(request, form=form, formsets=formsets, spec=spec, title=str(record), record=record,
                      waiting=waiting)  # fmt: skip


ADD_TITLES = {"location": gettext_lazy("Add a location"), "service": gettext_lazy("Add a service")}


@member_required
@require_http_methods(["GET", "POST"])
def add(request, kind: str):
    """A new location or service, on the same form as editing one: sent for review, created only when a
    coordinator approves it (``members.services.proposal_add``)."""
    model = _listing_model(kind)
    organisation = request.member.organisation
    spec = proposals.editable(model)
    form_class = account_forms.listing_form_class(model, adding=True)
    shown = model(organisation=organisation)
    if request.method == "POST":
        form = form_class(request.POST, instance=shown, organisation=organisation)
        formsets = _part_formsets(spec, request.POST, {})
        if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
            membership.proposal_add(
                organisation=organisation, model=model, values=_submitted(form, formsets), by=request.user
            )
            messages.success(
                request, _("Your addition was sent for review. It is published once a coordinator approves it.")
            )
            return redirect("account:home")
    else:
        form = form_class(instance=shown, initial=account_forms.new_record_initial(model), organisation=organisation)
        formsets = _part_formsets(spec, None, {})
    return _form_page(request, form=form, formsets=formsets, spec=spec, title=str(ADD_TITLES[kind]))


def _own_proposal(member, pk: int) -> ProposedChange:
    """A proposal of the member's organisation (waiting or not); another organisation's is not found."""
    return get_object_or_404(
        ProposedChange.objects.select_related("target_type"), pk=pk, organisation=member.organisation
    )


def _closed_page(request, proposal):
    """A decided or withdrawn proposal's page: why it cannot be changed any more (409 to a form sent to it)."""
    sent = request.method == "POST"
    return render(
        request,
        "services/account/proposal_closed.html",
        {"proposal": proposal, "message": membership.closed_message(proposal), "sent": sent},
        status=409 if sent else 200,
    )


@member_required
@require_http_methods(["GET", "POST"])
def proposal_change(request, pk: int):
    """Change a waiting proposal: a new location or service on the form it was sent with, filled with what she
    proposed (``proposal_revise``); a change of a record on the record's own form, which shows it already; a
    removal's reason on the removal page. A decided or withdrawn proposal says it cannot be changed."""
    proposal = _own_proposal(request.member, pk)
    if proposal.status != ProposedChange.Status.PENDING:
        return _closed_page(request, proposal)
    kind = proposal.target_type.model
    if proposal.action != ProposedChange.Action.ADD:
        name = "account:remove" if proposal.action == ProposedChange.Action.REMOVE else "account:edit"
        if kind == "organisation":
            return redirect("account:organisation")
        return redirect(name, kind, proposal.target_id)
    model = _listing_model(kind)
    organisation = request.member.organisation
    spec = proposals.editable(model)
    form_class = account_forms.listing_form_class(model, adding=True)
    shown = model(organisation=organisation)
    values = {name: change["after"] for name, change in proposal.changes.items()}
    if request.method == "POST":
        form = form_class(request.POST, instance=shown, organisation=organisation)
        formsets = _part_formsets(spec, request.POST, values)
        if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
            try:
                membership.proposal_revise(
                    proposal=proposal,
                    values=_submitted(form, formsets),
                    version=form.cleaned_data["version"],
                    by=request.user,
                )
            except membership.ProposalClosed:
                proposal.refresh_from_db()
                return _closed_page(request, proposal)
            except membership.ProposalConflict as conflict:
                form.add_error(None, conflict)
                proposal.refresh_from_db()
                data = request.POST.copy()
                data["version"] = membership.proposal_edition(proposal)  # saving again now is her choice
                form.data = data
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your addition was changed and still waits for review. The coordinator sees the new version."),
                )
                return redirect("account:home")
    else:
        initial = {**account_forms.new_record_initial(model), **values}
        initial["version"] = membership.proposal_edition(proposal)
        form = form_class(instance=shown, initial=initial, organisation=organisation)
        formsets = _part_formsets(spec, None, values)
    title = proposals.subject(proposal)
    return _form_page(request, form=form, formsets=formsets, spec=spec, title=title[:1].upper() + title[1:],
                      waiting=proposal)  # fmt: skip


@member_required
@require_http_methods(["GET", "POST"])
def proposal_withdraw(request, pk: int):
    """Withdraw a waiting proposal, after a page that says what it proposed (a form, no script): it leaves the
    coordinators' queue and nothing of it is published (``proposal_withdraw``)."""
    proposal = _own_proposal(request.member, pk)
    if proposal.status != ProposedChange.Status.PENDING:
        return _closed_page(request, proposal)
    errors = []
    if request.method == "POST":
        try:
            membership.proposal_withdraw(proposal=proposal, version=request.POST.get("version", ""), by=request.user)
        except membership.ProposalClosed:
            proposal.refresh_from_db()
            return _closed_page(request, proposal)
        except membership.ProposalConflict as conflict:
            errors = conflict.messages
            proposal.refresh_from_db()
        else:
            messages.success(request, _("Your proposal was withdrawn: nothing of it is published."))
            return redirect("account:home")
    return render(
        request,
        "services/account/proposal_withdraw.html",
        {
            "proposal": proposal,
            "rows": proposals.rows(proposal),
            "version": membership.proposal_edition(proposal),
            "errors": errors,
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def remove(request, kind: str, pk: int):
    """Ask, with a reason, to take a location or a service off the directory for good (``proposal_remove``)."""
    _listing_model(kind)
    record = _record(request.member, kind, pk)
    form = account_forms.RemovalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            membership.proposal_remove(record=record, reason=form.cleaned_data["note"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your request was sent for review. The record is removed once a coordinator approves it.")
            )
            return redirect("account:home")
    return render(
        request,
        "services/account/remove.html",
        {
            "record": record,
            "kind": kind,
            "form": form,
            "waiting": ProposedChange.objects.pending().for_record(record).first(),
            "services_here": record.services.order_by("name") if kind == "location" else None,
        },
    )


def _qr_svg(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    return qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")


@member_required
@require_http_methods(["GET", "POST"])
def two_step(request):
    """Set up two-step sign-in: an authenticator app's codes (TOTP, as the staff's), confirmed by a first code."""
    if _two_step_on(request.user):
        return _two_step_on_page(request, account_forms.TwoStepOffForm(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=_("Authenticator app"), confirmed=False)
    form = account_forms.TwoStepConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-step sign-in is on: from now on, sign in with a code from your app."))
            return redirect("account:home")
        form.add_error("otp_token", _("This code is not right. Enter the code your app shows now."))
    return render(
        request,
        "services/account/two_step.html",
        {"form": form, "qr": _qr_svg(device.config_url), "key": b32encode(device.bin_key).decode()},
    )


def _two_step_on(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _two_step_on_page(request, off_form):
    return render(request, "services/account/two_step.html", {"done": True, "off_form": off_form})


@member_required
@require_POST
def two_step_off(request):
    """Turn two-step sign-in off, with her current password and a code her app shows now; she may set it up again."""
    if not _two_step_on(request.user):
        return redirect("account:two-step")
    form = account_forms.TwoStepOffForm(request, request.POST)
    if form.is_valid():
        membership.member_two_step_off(member=request.member)
        messages.success(
            request, _("Two-step sign-in is off: you sign in with your password alone. You can set it up again.")
        )
        return redirect("account:home")
    return _two_step_on_page(request, form)


@member_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    """Change her password while signed in: the current one, then the new one twice. She stays signed in here; her
    other sessions end (Django's session check follows the password)."""
    form = account_forms.MemberPasswordChangeForm(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        membership.member_set_password(member=request.member, password=form.cleaned_data["new_password1"])
        request.user.refresh_from_db(fields=["password"])
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Your password was changed."))
        return redirect("account:home")
    return render(request, "services/account/password_change.html", {"form": form})


# Closures and places: public at once, without review -------------------------------------------------------------


def _closable(member, kind: str, pk: int):
    """A location or a service of the member's organisation; anything else is not found (as another's)."""
    model = {"location": Location, "service": Service}.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model, pk=pk, organisation=member.organisation)


def _today_at(target) -> datetime.date:
    """Today where ``target``'s closure days are counted: the location's time zone, a service's first location's
    (else UTC), as ``closure_period`` counts them."""
    if isinstance(target, Location):
        zone = target.time_zone
    else:
        first = next(iter(target.locations.all()), None)
        zone = first.time_zone if first is not None else datetime.UTC
    return timezone.localdate(timezone=zone)


@member_required
@require_http_methods(["GET", "POST"])
def closure(request, kind: str, pk: int):
    """Mark a location or a service closed for a while: from a day to a day, with a short public note."""
    target = _closable(request.member, kind, pk)
    today = _today_at(target)
    if request.method == "POST":
        form = account_forms.ClosureForm(request.POST, today=today)
        if form.is_valid():
            try:
                listing_writes.closure_set(
                    target=target,
                    starts=form.cleaned_data["closed_from"],
                    ends=form.cleaned_data["closed_until"],
                    note=form.notes(),
                    by=request.user,
                )
            except ValidationError as error:
                found = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
                for field, errors in found.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("“%(listing)s” is marked closed from %(first)s to %(last)s. The directory shows it now.")
                    % {
                        "listing": target.name,
                        "first": formats.date_format(target.closed_from, "DATE_FORMAT"),
                        "last": formats.date_format(target.closed_until, "DATE_FORMAT"),
                    },
                )
                return redirect("account:home")
    else:
        form = account_forms.ClosureForm(initial=account_forms.ClosureForm.initial_of(target), today=today)
    return render(
        request,
        "services/account/closure.html",
        {"form": form, "target": target, "kind": kind, "closed": target.closed_until is not None},
    )


@member_required
@require_POST
def closure_end(request, kind: str, pk: int):
    """End a location's or a service's temporary closure now."""
    target = _closable(request.member, kind, pk)
    listing_writes.closure_end(target=target, by=request.user)
    messages.success(request, _("“%(listing)s” is no longer marked closed.") % {"listing": target.name})
    return redirect("account:home")


@member_required
@require_http_methods(["GET", "POST"])
def places(request, pk: int):
    """Say in one tap whether a service has places now: available, full or a waiting list (or stop giving them)."""
    service = _closable(request.member, "service", pk)
    if request.method == "POST":
        try:
            listing_writes.capacity_update(service=service, status=request.POST.get("capacity", ""), by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Places of “%(service)s” updated.") % {"service": service.name})
            return redirect("account:home")
    return render(
        request,
        "services/account/places.html",
        {"service": service, "places": cards.places_shown(cards.places_facts(service), timezone.now())},
    )
