"""The staff side of the members: countries and their helplines, cities, organisations and their locations.

Translated fields show as one tab per language (modeltranslation's tabbed admin; jQuery UI is served from
``static/vendor/``, never from a CDN). The membership status is never edited by hand on an existing organisation:
it changes through the named functions in ``members/services.py``, which record who, when and why.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from members import admin_decisions
from members.admin_decisions import DecisionPermission, VerificationFilter
from members.admin_filters import ClosureEndingFilter, MissingTranslationFilter, translated_field_names
from members.admin_members import OrganisationMemberInline, ProposedChangeInline
from members.admin_scope import ScopedAdmin, ScopedInline
from members.models import City, Country, Helpline, Location, MembershipStatusChange, OpeningHours, Organisation
from members.resources import LocationResource, OrganisationResource, SpreadsheetAdmin
from members.services import membership_history_record
from rssn.languages import in_every_language


def _require_one_language(form_class, model):
    """The form class, with a check that every required translated field is written in at least one language."""
    required = [field for field in translated_field_names(model) if not model._meta.get_field(field).blank]
    if not required:
        return form_class

    def clean(form):
        cleaned_data = super(checked, form).clean()
        for field in required:
            present = [name for name in in_every_language(field) if name in form.fields]
            if present and not any(cleaned_data.get(name) for name in present):
                form.add_error(
                    present[0],
                    _("Write the %(field)s in at least one language.")
                    % {"field": model._meta.get_field(field).verbose_name},
                )
        return cleaned_data

    checked = type(form_class.__name__, (form_class,), {"clean": clean, "__module__": __name__})
    return checked


class AnyLanguage:
    """Members write in their own language: a required text (a name) is needed in one language, any one.

    modeltranslation would make the default language's field (English) required, so a listing written only in
    Spanish or Indonesian could not be saved; the fallback languages show it to every reader anyway.
    """

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        if getattr(db_field, "translated_field", None) is not None:
            field.required = False

    def get_form(self, request, obj=None, **kwargs):
        return _require_one_language(super().get_form(request, obj, **kwargs), self.model)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = _require_one_language(formset.form, self.model)
        return formset


class TranslatedAdmin(AnyLanguage, TabbedTranslationAdmin):
    """A model page with one tab per language for its translated fields."""


class TranslatedTabularInline(ScopedInline, AnyLanguage, TranslationTabularInline):
    pass


# Countries and cities ------------------------------------------------------------------------------------------------


class HelplineInline(TranslatedTabularInline):
    model = Helpline
    extra = 0
    fields = ("kind", "phone", "name", "hours", "open_24_7", "order", "source", "checked_on")


@admin.register(Country)
class CountryAdmin(ScopedAdmin, TranslatedAdmin):
    list_display = ("name", "code", "region", "immediate_danger_number")
    list_filter = ("region",)
    search_fields = ("code", *in_every_language("name"))
    inlines = (HelplineInline,)
    fieldsets = (
        (None, {"fields": ("code", "name", "region", "time_zones", "latitude", "longitude")}),
        (
            _("Emergency information"),
            {
                "description": _(
                    "Public: shown to survivors on every page about this country, above its emergency numbers and "
                    "helplines. Each number is labelled by what it reaches: the first for emergencies, else for the "
                    "police, is the one to call in immediate danger."
                ),
                "fields": ("emergency_note",),
            },
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("helplines")

    @admin.display(description=_("number for immediate danger"))
    def immediate_danger_number(self, country):
        line = country.emergency_line
        return str(line) if line is not None else "—"


@admin.register(City)
class CityAdmin(ScopedAdmin, TranslatedAdmin):
    list_display = ("name", "administrative_area", "country", "time_zone", "proposed")
    list_filter = ("proposed", "country")
    list_select_related = ("country",)
    search_fields = ("administrative_area", "country__code", *in_every_language("name"))


# Organisations -------------------------------------------------------------------------------------------------------


class OrganisationAdminForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        # On an existing organisation the status is read-only, so it is not in the form: read it from the record.
        status = cleaned_data.get("status", self.instance.status)
        if status == Organisation.Status.APPROVED and not cleaned_data.get("joined_on"):
            self.add_error("joined_on", _("An approved member needs the date it joined the network."))
        return cleaned_data


class LocationInline(TranslatedTabularInline):
    model = Location
    extra = 0
    show_change_link = True
    fields = ("name", "city", "address_visibility", "street_address", "phone")
    autocomplete_fields = ("city",)
    verbose_name_plural = _("locations (open one to edit its address, map point and opening hours)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("city__country")


class MembershipStatusChangeInline(ScopedInline, admin.TabularInline):
    """The membership history: read-only, written only by the functions that change a status."""

    model = MembershipStatusChange
    extra = 0
    can_delete = False
    fields = ("changed_at", "from_status", "to_status", "changed_by", "reason")
    readonly_fields = fields
    ordering = ("-changed_at", "-pk")
    verbose_name_plural = _("membership history (who changed the status, when and why)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")


@admin.register(Organisation)
class OrganisationAdmin(ScopedAdmin, SpreadsheetAdmin, DecisionPermission, SimpleHistoryAdmin, TranslatedAdmin):
    # The membership changes only through the decisions, which record who, when and why.
    revert_keeps = ("status", "status_changed_at", "joined_on")
    form = OrganisationAdminForm
    # Spreadsheets: new organisations arrive as applications (members/resources.py).
    resource_classes = [OrganisationResource]
    list_display = ("name", "acronym", "kind", "status", "country_list", "last_verified_on")
    # The verification filter near the top: under the long list of categories it was some 3,000 px down.
    list_filter = (
        "status",
        VerificationFilter,
        "countries",
        "kind",
        MissingTranslationFilter,
        "is_demo",
        "services__categories",
    )
    search_fields = ("contact_email", *in_every_language("name", "acronym"))
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("countries",)
    # services/admin.py adds the services inline after the locations (members does not import services).
    inlines = [LocationInline, MembershipStatusChangeInline, OrganisationMemberInline, ProposedChangeInline]
    fieldsets = (
        (
            _("Public information"),
            {
                "description": _("Everything in this section is shown on the public directory once it is approved."),
                "fields": (
                    "name",
                    "acronym",
                    "slug",
                    "kind",
                    "description",
                    "countries",
                    "website",
                    "public_email",
                    "public_phone",
                ),
            },
        ),
        (
            _("Membership"),
            {
                "description": _(
                    "Only approved members are shown publicly. The status of an existing member changes through "
                    "the actions on the list of organisations, which record who changed it, when and why."
                ),
                "fields": ("status", "status_changed_at", "joined_on", "last_verified_on", "is_demo"),
            },
        ),
        (
            _("Private contact"),
            {
                "description": _(
                    "The contact person is never shown publicly: the network uses these details only to reach "
                    "the member."
                ),
                "fields": ("contact_name", "contact_email", "contact_phone", "contact_language"),
            },
        ),
        (_("Record"), {"classes": ("collapse",), "fields": ("created_at", "updated_at")}),
    )

    # The membership decisions call the functions in members/services.py, which record every change.
    actions = [
        admin_decisions.approve,
        admin_decisions.reject,
        admin_decisions.request_changes,
        admin_decisions.suspend,
        admin_decisions.reinstate,
        admin_decisions.withdraw,
        admin_decisions.mark_verified,
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["status_changed_at", "created_at", "updated_at"]
        if obj is not None:
            # The status of an existing organisation changes only through the actions above.
            readonly.insert(0, "status")
        return readonly

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description=_("countries"))
    def country_list(self, organisation):
        return ", ".join(country.code for country in organisation.countries.all())

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            # The first line of the history: the status staff gave the organisation when they entered it.
            membership_history_record(
                organisation=obj,
                from_status="",
                to_status=obj.status,
                at=obj.status_changed_at,
                by=request.user,
                reason=_("Entered in the admin."),
            )


@admin.register(MembershipStatusChange)
class MembershipStatusChangeAdmin(ScopedAdmin, admin.ModelAdmin):
    """The membership history of the organisations the user may see, for reading only."""

    list_display = ("organisation", "from_status", "to_status", "changed_at", "changed_by")
    list_filter = ("to_status", "from_status")
    list_select_related = ("organisation", "changed_by")
    search_fields = ("reason", *in_every_language("organisation__name"))
    date_hierarchy = "changed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Locations -----------------------------------------------------------------------------------------------------------


class OpeningHoursInline(ScopedInline, admin.TabularInline):
    model = OpeningHours
    extra = 0
    fields = ("weekday", "opens", "closes")
    verbose_name_plural = _("opening hours (a day without a line is a closed day)")


@admin.register(Location)
class LocationAdmin(ScopedAdmin, SpreadsheetAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    # A confidential address is never published again, nor a location closed for good opened again, by restoring an
    # older version.
    revert_keeps = ("address_visibility", "withdrawn_on")
    resource_classes = [LocationResource]
    list_display = ("name", "organisation", "city", "address_visibility", "phone")
    list_filter = (
        "address_visibility",
        "city__country",
        "organisation__status",
        ClosureEndingFilter,
        "withdrawn_on",  # closed for good: Django's date filter, with "No date" and "Has date"
        MissingTranslationFilter,
    )
    list_select_related = ("organisation", "city__country")
    search_fields = (
        "street_address",
        "postal_code",
        "phone",
        *in_every_language("name", "organisation__name", "city__name"),
    )
    autocomplete_fields = ("organisation", "city")
    inlines = (OpeningHoursInline,)
    fieldsets = (
        (None, {"fields": ("organisation", "name", "phone")}),
        (
            _("Address"),
            {
                "description": _(
                    "Address visibility decides what the public directory shows. Public: the street address and map "
                    "point. City only: the city, nothing more. Confidential: no address and no map point ever leave "
                    "the server; survivors contact the service by phone, and searches near a place use the city's "
                    "centre. Choose confidential for shelters and any place whose address could put someone at risk."
                ),
                "fields": (
                    "address_visibility",
                    "street_address",
                    "postal_code",
                    "city",
                    ("latitude", "longitude"),
                ),
            },
        ),
        (
            _("Opening and access"),
            {"fields": ("open_24_7", "hours_note", "wheelchair_accessible", "accessibility_notes")},
        ),
        (
            _("Temporary closure"),
            {
                "description": _(
                    "Public: from the first to the last day this location is closed, with a short note. The closure "
                    "ends by itself the day after its last day. A service given only here shows as closed too."
                ),
                "fields": (("closed_from", "closed_until"), "closure_note"),
            },
        ),
        (
            _("Closed for good"),
            {
                "description": _(
                    "A location closed for good is not shown on the public directory and cannot be chosen for a "
                    "service. Empty the date to open it again, then choose it again for its services."
                ),
                "fields": ("withdrawn_on",),
            },
        ),
    )
