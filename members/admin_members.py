"""Member accounts and their proposed changes in the admin, through the scope gate (``members.admin_scope``).

Staff invite a member from the account list's "add" page (``members.services.member_invite`` writes the account
and e-mails the link) and revoke access with an action. A proposed change opens as a before/after table of its
fields with "approve" and "reject (with a reason)": the decision is ``proposal_approve`` / ``proposal_reject``.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members import proposals, services
from members.admin_decisions import act_on_each
from members.admin_scope import ScopedAdmin, ScopedInline
from members.models import OrganisationMember, ProposedChange


class InvitationForm(forms.ModelForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)

    class Meta:
        model = OrganisationMember
        fields = ("organisation", "language")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email") and cleaned.get("organisation"):
            try:
                services.member_invite_check(organisation=cleaned["organisation"], email=cleaned["email"])
            except ValidationError as error:
                self.add_error("email", error)
        return cleaned


@admin.action(description=_("Revoke access of the selected member accounts"), permissions=["change"])
def revoke(modeladmin, request, queryset):
    act_on_each(
        modeladmin,
        request,
        queryset.filter(revoked_at__isnull=True),
        lambda member: services.member_revoke(member=member, by=request.user),
        lambda done: ngettext("%(count)d account revoked.", "%(count)d accounts revoked.", done) % {"count": done},
    )


@admin.register(OrganisationMember)
class OrganisationMemberAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ("email", "organisation", "language", "invited_at", "invited_by", "revoked_at")
    list_filter = ("organisation__countries", "revoked_at")
    list_select_related = ("user", "organisation", "invited_by")
    search_fields = ("user__email",)
    autocomplete_fields = ("organisation",)
    actions = [revoke]

    @admin.display(description=_("E-mail address"), ordering="user__email")
    def email(self, member):
        return member.user.email

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the account's proposals and decisions keep their author

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = InvitationForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("organisation", "email", "language")
        return ("organisation", "language", "invited_by", "invited_at", "revoked_at", "revoked_by")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("organisation", "invited_by", "invited_at", "revoked_at", "revoked_by")

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("language", settings.LANGUAGE_CODE)
        return initial

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        invited = services.member_invite(
            organisation=form.cleaned_data["organisation"],
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"],
            by=request.user,
        )
        obj.pk = invited.pk
        obj.user = invited.user


class OrganisationMemberInline(ScopedInline, admin.TabularInline):
    """The organisation's member accounts, on its page; invited from the link above the list."""

    model = OrganisationMember
    fk_name = "organisation"
    extra = 0
    can_delete = False
    fields = ("email", "language", "invited_at", "invited_by", "revoked_at")
    readonly_fields = fields
    verbose_name_plural = _("member accounts (invite from the member accounts' list)")

    @admin.display(description=_("E-mail address"))
    def email(self, member):
        return member.user.email

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ProposedChangeInline(ScopedInline, admin.TabularInline):
    """The listing's history of proposed changes: who proposed, who decided, when and why."""

    model = ProposedChange
    extra = 0
    can_delete = False
    fields = ("link", "status", "proposed_by", "proposed_at", "decided_by", "decided_at", "reason")
    readonly_fields = fields
    ordering = ("-proposed_at",)

    @admin.display(description=_("proposed change"))
    def link(self, proposal):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:members_proposedchange_change", args=[proposal.pk]),
            proposals.subject(proposal),
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the member when you reject)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
    )


@admin.register(ProposedChange)
class ProposedChangeAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ("target_name", "action", "organisation", "status", "proposed_by", "proposed_at", "decided_by")
    list_filter = ("status", "action", "organisation__countries")
    list_select_related = ("organisation", "proposed_by", "decided_by", "target_type")
    search_fields = ("organisation__name_es", "organisation__name_pt", "organisation__name_en")
    ordering = ("status", "proposed_at")

    @admin.display(description=_("record"))
    def target_name(self, proposal):
        if proposal.action == ProposedChange.Action.CHANGE:
            return f"{proposal.target_type.name}: {proposals.subject(proposal)}"
        return proposals.subject(proposal)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @staticmethod
    def _removal_effects(proposal):
        """What approving a waiting removal would also do (a location's services left without a place, paused)."""
        if proposal.status != ProposedChange.Status.PENDING or proposal.action != ProposedChange.Action.REMOVE:
            return []
        record = proposal.target
        if record is None:
            return []
        return [{"label": effect.label, "records": records} for effect, records in proposals.removal_effects(record)]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = self.get_object(request, unquote(object_id))  # refuses another country's proposal
        if proposal is None or not self.has_view_or_change_permission(request, proposal):
            raise PermissionDenied
        form = DecisionForm(request.POST or None)
        if request.method == "POST":
            if not services.can_decide_proposal(request.user, proposal):
                raise PermissionDenied
            if form.is_valid():
                try:
                    if "_approve" in request.POST:
                        services.proposal_approve(proposal=proposal, by=request.user)
                        self.message_user(request, _("The change is published."), messages.SUCCESS)
                    elif "_reject" in request.POST:
                        services.proposal_reject(proposal=proposal, by=request.user, reason=form.cleaned_data["reason"])
                        self.message_user(request, _("The change was rejected; the member is told why."))
                    else:
                        raise ValidationError(_("Choose approve or reject."))
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                else:
                    return redirect("admin:members_proposedchange_changelist")
        return TemplateResponse(
            request,
            "members/proposedchange_review.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Proposed change"),
                "proposal": proposal,
                "subject": proposals.subject(proposal),
                "rows": proposals.rows(proposal),
                "history": proposals.history(proposal),
                "effects": self._removal_effects(proposal),
                "form": form,
                "can_decide": proposal.status == ProposedChange.Status.PENDING
                and services.can_decide_proposal(request.user, proposal),
                "opts": self.model._meta,
                "original": proposal,
                "has_view_permission": True,
            },
        )
