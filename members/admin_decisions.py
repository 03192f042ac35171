"""The staff's onboarding work in the admin: the queue of applications, the membership decisions as actions, the
"not verified in six months" filter and the coordinators' countries.

Every action calls a function in ``members/services.py``; its errors (an illegal transition, a country outside
the coordinator's scope) are shown as admin messages. Coordinators see only organisations working in their
countries (``members.roles``, through ``members.admin_scope``).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members import roles, services
from members.admin_scope import ScopedAdmin
from members.models import Application, CoordinatorAssignment, Organisation


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or str(_("You do not have permission to do this."))


def act_on_each(modeladmin, request, objects, act, done_message) -> None:
    """An action's work: ``act`` on each selected object. Each refusal (an illegal transition, an object outside the
    staff member's scope) is shown as an error; then one message counts what was done (``done_message(count)``)."""
    done = 0
    for item in objects:
        try:
            act(item)
        except (ValidationError, PermissionDenied) as error:
            modeladmin.message_user(request, _error_text(error), messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5, "cols": 80}))


class NoteForm(forms.Form):
    reason = forms.CharField(
        label=_("Note (optional)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ApprovalForm(NoteForm):
    invite_contact = forms.BooleanField(
        label=_("Invite each contact person to a member account"),
        required=False,
        initial=True,
        help_text=_(
            "They receive, in their language, a link to set a password for the member area, where they keep the "
            "listing up to date."
        ),
    )


DECISIONS = {
    # action: (service function, keyword for the text, whether the text is required, confirmation title, help)
    "approve": (
        services.membership_approve,
        "note",
        False,
        _("Approve these applications"),
        _("The organisations and their active services become public. The note, if any, is sent to them."),
    ),
    "reject": (
        services.membership_reject,
        "reason",
        True,
        _("Reject these applications"),
        _("The reason is sent to the applicant by e-mail, in their language."),
    ),
    "request_changes": (
        services.membership_request_changes,
        "message",
        True,
        _("Ask for changes to these applications"),
        _("Say what must change: the message is sent to the applicant."),
    ),
    "suspend": (
        services.membership_suspend,
        "reason",
        True,
        _("Suspend these members"),
        _("Their listings are hidden from the public directory until reinstated. The reason is sent to them."),
    ),
    "reinstate": (
        services.membership_reinstate,
        "note",
        False,
        _("Reinstate these members"),
        _("Their listings return to the public directory."),
    ),
    "withdraw": (
        services.membership_withdraw,
        "reason",
        False,
        _("Withdraw these memberships"),
        _("Their listings leave the public directory for good."),
    ),
}


def _decide(modeladmin, request, queryset, action: str):
    """Show the confirmation page with its text field; on confirmation, decide each selected organisation."""
    function, keyword, required, title, help_text = DECISIONS[action]
    form_class = ReasonForm if required else ApprovalForm if action == "approve" else NoteForm
    form = form_class(request.POST if "confirm" in request.POST else None)
    if not form.is_bound or not form.is_valid():
        return TemplateResponse(
            request,
            "members/admin_decision.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": title,
                "help_text": help_text,
                "form": form,
                "objects": queryset,
                "action": request.POST.get("action"),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "opts": modeladmin.model._meta,
                "media": modeladmin.media,
            },
        )
    invite = bool(form.cleaned_data.get("invite_contact"))

    def decide(organisation):
        function(organisation=organisation, by=request.user, **{keyword: form.cleaned_data["reason"]})
        if not invite:
            return
        try:
            services.member_invite(
                organisation=organisation,
                email=organisation.contact_email,
                language=organisation.contact_language,
                by=request.user,
            )
        except (ValidationError, PermissionDenied) as error:  # approved all the same; the invitation is said apart
            modeladmin.message_user(
                request,
                _("%(organisation)s: no member account: %(reason)s")
                % {"organisation": organisation, "reason": _error_text(error)},
                messages.WARNING,
            )

    act_on_each(
        modeladmin,
        request,
        queryset,
        decide,
        lambda done: (
            ngettext("%(count)d organisation updated.", "%(count)d organisations updated.", done) % {"count": done}
        ),
    )
    return None


def _action(name: str, description):
    def action(modeladmin, request, queryset):
        return _decide(modeladmin, request, queryset, name)

    action.__name__ = f"membership_{name}"
    action.short_description = description
    action.allowed_permissions = ("decide_membership",)
    return action


approve = _action("approve", _("Approve the selected applications"))
reject = _action("reject", _("Reject the selected applications (reason required)"))
request_changes = _action("request_changes", _("Ask for changes to the selected applications (message required)"))
suspend = _action("suspend", _("Suspend the selected members (reason required)"))
reinstate = _action("reinstate", _("Reinstate the selected suspended members"))
withdraw = _action("withdraw", _("Withdraw the selected memberships"))


@admin.action(description=_("Mark the selected listings verified today"), permissions=["change"])
def mark_verified(modeladmin, request, queryset):
    done = 0
    for organisation in queryset:
        try:
            services.listing_mark_verified(organisation=organisation, by=request.user)
        except PermissionDenied as error:
            modeladmin.message_user(request, _error_text(error), messages.ERROR)
        else:
            done += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d listing marked verified.", "%(count)d listings marked verified.", done) % {"count": done},
        messages.SUCCESS,
    )


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("stale", _("Not verified in six months"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            today = timezone.localdate()
            return queryset.filter(status=Organisation.Status.APPROVED).stale(before=today - services.STALE_AFTER)
        return queryset


class DecisionPermission:
    """The membership decisions (actions with ``allowed_permissions = ("decide_membership",)``) are offered to those
    who may decide; each decision checks the organisation's country again (``members.services``)."""

    def has_decide_membership_permission(self, request):
        return request.user.has_perm(roles.DECIDE_MEMBERSHIP)


@admin.register(Application)
class ApplicationAdmin(DecisionPermission, ScopedAdmin, admin.ModelAdmin):
    """The queue: applications awaiting a decision, oldest first. Open one to edit it as an organisation."""

    list_display = ("name_link", "kind", "status", "country_list", "created_at", "contact_email")
    list_filter = ("status", "countries", "kind")
    search_fields = ("contact_email", "name_es", "name_pt", "name_en", "name_ind")
    ordering = ("created_at", "pk")
    actions = [approve, reject, request_changes]
    list_display_links = None

    def get_queryset(self, request):
        return (
            super().get_queryset(request).awaiting_decision().order_by("created_at", "pk").prefetch_related("countries")
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        self.get_object(request, unquote(object_id))  # refuses another country's application
        return redirect("admin:members_organisation_change", object_id)

    @admin.display(description=_("name"), ordering="name")
    def name_link(self, application):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:members_organisation_change", args=[application.pk]), application
        )

    @admin.display(description=_("countries"))
    def country_list(self, application):
        return ", ".join(country.code for country in application.countries.all())


@admin.register(CoordinatorAssignment)
class CoordinatorAssignmentAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ("user", "country", "language")
    list_filter = ("country",)
    list_select_related = ("user", "country")
    autocomplete_fields = ("country",)
    search_fields = ("user__username", "user__email")
