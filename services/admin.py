"""The staff side of the services: the category taxonomy, populations, languages, the services themselves and the
queue of suggested updates."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Func, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from members.admin import LocationAdmin, OrganisationAdmin, TranslatedAdmin, TranslatedTabularInline
from members.admin_decisions import ReasonForm, act_on_each
from members.admin_filters import ClosureEndingFilter, MissingTranslationFilter
from members.admin_scope import ScopedAdmin
from members.models import Country, Location, Organisation
from members.resources import SpreadsheetAdmin
from rssn.languages import in_every_language
from services import cards, services
from services.models import ContactChannel, CorrectionRequest, Language, Population, Service, ServiceCategory
from services.resources import ServiceResource

DELIVERY_MODES = ("in_person", "by_phone", "online", "outreach")


class ServiceFormChecks(forms.ModelForm):
    """Clear messages for the rules the database enforces anyway, shared by the service page and its inline."""

    def clean(self):
        cleaned_data = super().clean()
        if all(field in cleaned_data for field in DELIVERY_MODES) and not any(
            cleaned_data[field] for field in DELIVERY_MODES
        ):
            raise forms.ValidationError(
                _("Tick at least one way the service is given: in person, by phone, online or outreach."),
                code="no_delivery_mode",
            )
        age_min, age_max = cleaned_data.get("age_min"), cleaned_data.get("age_max")
        if age_min is not None and age_max is not None and age_min > age_max:
            self.add_error("age_max", _("The maximum age must not be below the minimum age."))
        return cleaned_data


class ServiceAdminForm(ServiceFormChecks):
    def clean(self):
        cleaned_data = super().clean()
        organisation = cleaned_data.get("organisation")
        locations = cleaned_data.get("locations")
        if organisation is not None and locations:
            foreign = [location for location in locations if location.organisation_id != organisation.pk]
            if foreign:
                self.add_error(
                    "locations",
                    forms.ValidationError(
                        _(
                            "Choose locations of %(organisation)s only. These belong to another organisation: "
                            "%(locations)s."
                        ),
                        code="location_of_other_organisation",
                        params={
                            "organisation": organisation.name,
                            "locations": ", ".join(location.name for location in foreign),
                        },
                    ),
                )
        closed = [location for location in locations or [] if location.withdrawn_on is not None]
        if closed:
            self.add_error(
                "locations",
                forms.ValidationError(
                    _("These locations are closed for good: %(locations)s."),
                    code="location_closed_for_good",
                    params={"locations": ", ".join(location.name for location in closed)},
                ),
            )
        return cleaned_data


# Filters ---------------------------------------------------------------------------------------------------------


class ServiceCountryFilter(admin.SimpleListFilter):
    """A service is in a country when its organisation works there or one of its locations is there."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return [(country.code, country.name) for country in Country.objects.order_by("code")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                Q(organisation__countries__code=self.value()) | Q(locations__city__country__code=self.value())
            ).distinct()
        return queryset


class DeliveryModeFilter(admin.SimpleListFilter):
    title = _("delivery mode")
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [(field, Service._meta.get_field(field).verbose_name) for field in DELIVERY_MODES]

    def queryset(self, request, queryset):
        if self.value() in DELIVERY_MODES:
            return queryset.filter(**{self.value(): True})
        return queryset


# Taxonomies --------------------------------------------------------------------------------------------------------


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(ScopedAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    list_display = ("name", "parent", "slug", "order")
    list_filter = (("parent", admin.RelatedOnlyFieldListFilter), MissingTranslationFilter)
    list_select_related = ("parent",)
    search_fields = ("slug", *in_every_language("name"))
    prepopulated_fields = {"slug": ("name",)}
    fields = ("parent", "name", "slug", "description", "search_terms", "order")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Two levels only: a parent is a main category.
            kwargs["queryset"] = ServiceCategory.objects.filter(parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Population)
class PopulationAdmin(ScopedAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    list_display = ("name", "code", "order")
    list_filter = (MissingTranslationFilter,)
    search_fields = ("code", *in_every_language("name"))
    fields = ("name", "code", "search_terms", "order")


@admin.register(Language)
class LanguageAdmin(ScopedAdmin, TranslatedAdmin):
    list_display = ("name", "code")
    list_filter = (MissingTranslationFilter,)
    search_fields = ("code", *in_every_language("name"))


# Services ----------------------------------------------------------------------------------------------------------


class ContactChannelInline(TranslatedTabularInline):
    """A service's or a location's ways to be reached; the number or address is checked and stored as its link
    needs it (phone numbers in E.164)."""

    model = ContactChannel
    extra = 0
    fields = ("kind", "address", "hours", "languages", "order")
    autocomplete_fields = ("languages",)
    verbose_name_plural = _("contact channels (shown as one-tap links: call, WhatsApp, Signal, Telegram, SMS...)")


# Places (capacity): one step, without review --------------------------------------------------------------------


def _places_action(status: str, description):
    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset):
        updated = 0
        for service in queryset:
            services.capacity_update(service=service, status=status, by=request.user)
            updated += 1
        modeladmin.message_user(
            request,
            ngettext("%(count)d service updated.", "%(count)d services updated.", updated) % {"count": updated},
            messages.SUCCESS,
        )

    action.__name__ = f"places_{status or 'not_given'}"
    return action


@admin.register(Service)
class ServiceAdmin(ScopedAdmin, SpreadsheetAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    resource_classes = [ServiceResource]
    form = ServiceAdminForm
    list_display = ("name", "organisation", "status", "cost", "delivery", "places_now", "last_verified_on")
    actions = [
        _places_action(Service.Capacity.AVAILABLE, _("Places: available now")),
        _places_action(Service.Capacity.FULL, _("Places: full now")),
        _places_action(Service.Capacity.WAITING_LIST, _("Places: waiting list now")),
    ]
    list_filter = (
        "status",
        "categories",
        ServiceCountryFilter,
        "cost",
        DeliveryModeFilter,
        "referral_required",
        "appointment",
        ClosureEndingFilter,
        MissingTranslationFilter,
    )
    list_select_related = ("organisation",)
    search_fields = (*in_every_language("name", "organisation__name"), "organisation__acronym")
    autocomplete_fields = ("organisation", "locations")
    filter_horizontal = ("categories", "populations", "languages")
    readonly_fields = ("created_at", "updated_at", "places_now")
    inlines = (ContactChannelInline,)
    fieldsets = (
        (
            None,
            {
                "description": _("Everything on this page is public once the organisation is approved."),
                "fields": ("organisation", "name", "status", "categories", "description"),
            },
        ),
        (
            _("How people reach it"),
            {
                "fields": (
                    ("in_person", "by_phone", "online", "outreach"),
                    "locations",
                    "phone",
                    "open_24_7",
                    "how_to_access",
                    "cost",
                ),
            },
        ),
        (
            _("What it takes to get in"),
            {
                "description": _('Leave a fact empty until the member says: the directory shows "ask the service".'),
                "fields": ("documents_required", "referral_required", "appointment", "interpretation"),
            },
        ),
        (
            _("Who it is for"),
            {"fields": ("eligibility", "populations", ("age_min", "age_max"), "languages")},
        ),
        (
            _("Temporary closure"),
            {
                "description": _(
                    "Public: from the first to the last day the service is closed, with a short note. The closure ends "
                    "by itself the day after its last day. Close a single location from its own page."
                ),
                "fields": (("closed_from", "closed_until"), "closure_note"),
            },
        ),
        (_("Places"), {"fields": ("places_now",)}),
        (_("Record"), {"fields": ("last_verified_on", "created_at", "updated_at")}),
    )

    @admin.display(description=_("delivery"))
    def delivery(self, service):
        return ", ".join(service.delivery_modes)

    @admin.display(description=_("availability of places"))
    def places_now(self, service):
        """Its places as the public sees them now, and the buttons that change them in one click (``places_view``)."""
        if service.pk is None:
            return ""
        return render_to_string(
            "admin/services/service_places_now.html",
            {
                "places": cards.places_shown(cards.places_facts(service), timezone.now()),
                "url": reverse("admin:services_service_places", args=[service.pk]),
            },
        )

    def get_urls(self):
        places = path(
            "<path:object_id>/places/",
            self.admin_site.admin_view(self.places_view),
            name="services_service_places",
        )
        return [places, *super().get_urls()]

    def places_view(self, request, object_id):
        """Change a service's places in one click, without review (``services.capacity_update``): the buttons of the
        list and the service page post here; a GET shows the buttons alone."""
        service = self.get_object(request, object_id)
        if service is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, service):
            raise PermissionDenied
        back = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = ""
        back = back or reverse("admin:services_service_change", args=[service.pk])
        if request.method == "POST":
            try:
                services.capacity_update(service=service, status=request.POST.get("capacity", ""), by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request, _("Places of “%(service)s” updated.") % {"service": service.name}, messages.SUCCESS
                )
                return HttpResponseRedirect(back)
        return TemplateResponse(
            request,
            "admin/services/service_places.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Places of %(service)s") % {"service": service.name},
                "opts": self.opts,
                "original": service,
                "places_now": self.places_now(service),
            },
        )


class ServiceInline(TranslatedTabularInline):
    """The organisation page lists its services; open one for everything else."""

    model = Service
    form = ServiceFormChecks
    extra = 0
    show_change_link = True
    fields = ("name", "status", "categories", "in_person", "by_phone", "online", "outreach", "cost")
    autocomplete_fields = ("categories",)


# Correction requests ----------------------------------------------------------------------------------------------


@admin.action(description=_("Resolve the selected suggestions"), permissions=["change"])
def resolve_corrections(modeladmin, request, queryset):
    _handle_corrections(modeladmin, request, queryset, services.correction_request_resolve)


@admin.action(description=_("Dismiss the selected suggestions (reason required)"), permissions=["change"])
def dismiss_corrections(modeladmin, request, queryset):
    """A confirmation page asks the reason first, as the membership decisions do."""
    form = ReasonForm(request.POST if "confirm" in request.POST else None)
    if not form.is_bound or not form.is_valid():
        return TemplateResponse(
            request,
            "admin/decision.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Dismiss these suggestions"),
                "help_text": _(
                    "Say why each report is dismissed: the listing was right, the report is spam, or the directory "
                    "does not list what it is about. Staff see the reason, no one else."
                ),
                "form": form,
                "objects": queryset,
                "action": request.POST.get("action"),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "opts": modeladmin.model._meta,
                "media": modeladmin.media,
            },
        )
    _handle_corrections(
        modeladmin, request, queryset, services.correction_request_dismiss, note=form.cleaned_data["reason"]
    )
    return None


def _handle_corrections(modeladmin, request, queryset, function, **arguments):
    act_on_each(
        modeladmin,
        request,
        queryset,
        lambda correction: function(correction=correction, by=request.user, **arguments),
        lambda done: (
            ngettext("%(count)d suggestion handled.", "%(count)d suggestions handled.", done) % {"count": done}
        ),
    )


class OpenFirstStatusFilter(admin.SimpleListFilter):
    """The queue opens on the open requests; the handled ones are a click away."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*CorrectionRequest.Status.choices, ("all", _("All"))]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or CorrectionRequest.Status.OPEN) == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or CorrectionRequest.Status.OPEN
        return queryset if value == "all" else queryset.filter(status=value)


@admin.action(description=_("Forward the selected suggestions to the member organisation"), permissions=["change"])
def forward_corrections(modeladmin, request, queryset):
    """One e-mail per organisation, with all of its selected suggestions."""
    by_organisation: dict[int, list] = {}
    for correction in queryset.select_related("organisation"):
        by_organisation.setdefault(correction.organisation_id, []).append(correction)
    act_on_each(
        modeladmin,
        request,
        by_organisation.values(),
        lambda corrections: services.correction_requests_forward(
            organisation=corrections[0].organisation, corrections=corrections, by=request.user
        ),
        lambda done: (
            ngettext(
                "The suggestions were forwarded to %(count)d organisation.",
                "The suggestions were forwarded to %(count)d organisations.",
                done,
            )
            % {"count": done}
        ),
    )


class ForwardedFilter(admin.SimpleListFilter):
    title = _("forwarded to the member")
    parameter_name = "forwarded"

    def lookups(self, request, model_admin):
        return [("no", _("Not yet")), ("yes", _("Yes"))]

    def queryset(self, request, queryset):
        if self.value() in ("no", "yes"):
            return queryset.filter(forwarded_at__isnull=self.value() == "no")
        return queryset


def _same_listing(status=CorrectionRequest.Status.OPEN):
    """The open suggestions about the same listing (the same service, or the organisation itself) as the outer row."""
    return CorrectionRequest.objects.alias(listing_service=Coalesce("service", Value(0))).filter(
        organisation=OuterRef("organisation"), listing_service=Coalesce(OuterRef("service"), Value(0)), status=status
    )


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(ScopedAdmin, admin.ModelAdmin):
    """The queue of suggested updates, grouped by listing: the listing with the newest open suggestion first, its
    suggestions together (newest first), each row saying how many open suggestions its listing has."""

    list_display = (
        "created_at",
        "organisation",
        "service",
        "listing_count",
        "kind",
        "short_message",
        "source",
        "status",
        "forwarded_at",
        "handled_by",
    )
    list_filter = (
        OpenFirstStatusFilter,
        "kind",
        ForwardedFilter,
        "source",
        "organisation__countries",
    )
    list_select_related = ("organisation", "service", "handled_by")
    search_fields = (
        "message",
        "reporter_email",
        *(f"organisation__name_{suffix}" for suffix in ("es", "pt", "en", "ind")),
        *(f"service__name_{suffix}" for suffix in ("es", "pt", "en", "ind")),
    )
    actions = [forward_corrections, resolve_corrections, dismiss_corrections]
    fields = (
        "organisation",
        "service",
        "kind",
        "message",
        "reporter_email",
        "source",
        "created_at",
        "status",
        "handled_by",
        "handled_at",
        "forwarded_at",
        "forwarded_by",
        "listing_links",
        "note",
    )
    # Only the staff note is written here; the status changes through the resolve and dismiss actions.
    readonly_fields = tuple(field for field in fields if field != "note")

    @admin.display(description=_("listing"))
    def listing_links(self, correction):
        """Where to correct the listing, and once resolved the line of its history that corrected it."""
        listing = correction.service or correction.organisation
        opts = listing._meta
        links = [
            (reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[listing.pk]), _("Correct the listing")),
            (reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[listing.pk]), _("Its history")),
        ]
        if correction.change_history_id:
            changed = {"service": Service, "organisation": Organisation, "location": Location}[correction.change_kind]
            line = changed.history.filter(history_id=correction.change_history_id).first()
            if line is not None:
                changed_opts = changed._meta
                url = reverse(
                    f"admin:{changed_opts.app_label}_{changed_opts.model_name}_simple_history",
                    args=[line.id, line.history_id],
                )
                links.append((url, _("The change that resolved it")))
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    def get_queryset(self, request):
        counted = _same_listing().order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
        return super().get_queryset(request).annotate(listing_open=Subquery(counted))

    def get_ordering(self, request):
        newest_open = Subquery(_same_listing().order_by("-created_at").values("created_at")[:1])
        return (
            Coalesce(newest_open, F("created_at")).desc(),
            F("organisation_id").asc(),
            Coalesce("service", Value(0)).asc(),
            F("created_at").desc(),
            F("pk").desc(),
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("open suggestions for this listing"), ordering="listing_open")
    def listing_count(self, correction):
        return correction.listing_open

    @admin.display(description=_("details"))
    def short_message(self, correction):
        return correction.message[:80]


# The organisation page shows its services after its locations. members/admin.py cannot import services (services
# depends on members, never the reverse), so the inline joins the organisation page from here.
OrganisationAdmin.inlines = [*OrganisationAdmin.inlines[:1], ServiceInline, *OrganisationAdmin.inlines[1:]]
# A location's own channels (a front desk's WhatsApp) join its page from here for the same reason.
LocationAdmin.inlines = (*LocationAdmin.inlines, ContactChannelInline)
