"""Spreadsheets (CSV and Excel) of organisations and locations for the admin, with django-import-export.

Staff download a template, fill it in, and see a preview with every error of every row before anything is saved.
Columns use codes people can type: an organisation by its slug, countries by ISO code, a city as "Bogotá, CO".
Translated texts have one column per language (``name_es``, ``name_pt``, ``name_en``, ``name_ind``).

Membership rules hold here too: a new organisation arrives as an application with the first line of its history,
unless the row asks for "approved" and the person importing may decide membership, in which case
``members.services.membership_approve`` approves it (and records it). An existing organisation's status never
changes through a spreadsheet: the admin's actions change it. Nor does a row make an existing location's address
more visible: that is done on the location's page.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from modeltranslation.utils import build_localized_fieldname

from members import roles
from members.models import City, Country, Location, Organisation
from members.services import free_slug, membership_approve, membership_history_record
from rssn.languages import in_every_language

IMPORTED_REASON = _("Imported from a spreadsheet.")
MORE_VISIBLE = _(
    "A spreadsheet cannot make this location's address more visible than it is: change the address visibility on "
    "the location's page."
)


class CodesWidget(widgets.ManyToManyWidget):
    """Codes separated by commas (``CO, EC``); an unknown code is an error shown in the preview, not dropped."""

    def clean(self, value, row=None, **kwargs):
        codes = [code.strip() for code in str(value or "").split(self.separator) if code.strip()]
        if not codes:
            return self.model.objects.none()
        found = self.model.objects.filter(**{f"{self.field}__in": codes})
        known = {str(getattr(item, self.field)) for item in found}
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValueError(gettext("Unknown: %(codes)s.") % {"codes": ", ".join(unknown)})
        return found


class CountryCodesWidget(CodesWidget):
    def clean(self, value, row=None, **kwargs):
        return super().clean(str(value or "").upper(), row, **kwargs)


class KeyWidget(widgets.ForeignKeyWidget):
    """A related record by a code; an unknown code is reported in words: ``unknown``, a whole sentence with
    ``%(value)s`` (a model's name slotted into one frame does not agree in every language)."""

    def __init__(self, model, *, unknown, **kwargs):
        super().__init__(model, **kwargs)
        self.unknown = unknown

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(str(self.unknown) % {"value": value}) from None


UNKNOWN_ORGANISATION = _("No organisation has the slug “%(value)s”: copy it from the organisation's page address.")


def organisation_key() -> KeyWidget:
    """The ``organisation`` column of locations and services: the organisation's slug."""
    return KeyWidget(Organisation, field="slug", unknown=UNKNOWN_ORGANISATION)


class CityWidget(widgets.ForeignKeyWidget):
    """A city as "name, country code" (``Bogotá, CO``), its name in any language."""

    def __init__(self, **kwargs):
        super().__init__(City, **kwargs)

    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        if not value:
            return None
        name, _comma, code = value.rpartition(",")
        if not name:
            raise ValueError(gettext("Write the city with its country code, for example “Bogotá, CO”."))
        names = Q()
        for language, _label in settings.LANGUAGES:
            names |= Q(**{f"{build_localized_fieldname('name', language)}__iexact": name.strip()})
        city = City.objects.filter(names, country__code=code.strip().upper()).first()
        if city is None:
            raise ValueError(gettext("No city “%(value)s”: add it under Cities first.") % {"value": value})
        return city

    def render(self, value, obj=None, **kwargs):
        return f"{value.name}, {value.country.code}" if value else ""


class CheckedResource(resources.ModelResource):
    """Checks the many-to-many columns with the others, so the preview lists their errors with every other error
    (django-import-export reads them only while saving, where one bad code would stop the preview at that row)."""

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if field.attribute and field.column_name in row and isinstance(field.widget, widgets.ManyToManyWidget):
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors.setdefault(field.attribute, []).append(ValidationError(str(error)))
        if errors:
            raise ValidationError(errors)


class OrganisationResource(CheckedResource):
    countries = fields.Field(
        attribute="countries", column_name="countries", widget=CountryCodesWidget(Country, field="code")
    )

    def export(self, queryset=None, **kwargs):
        if queryset is not None:
            queryset = queryset.prefetch_related("countries")
        return super().export(queryset=queryset, **kwargs)

    class Meta:
        model = Organisation
        import_id_fields = ("slug",)
        fields = (
            "slug",
            *in_every_language("name", "acronym"),
            "kind",
            *in_every_language("description"),
            "website",
            "public_email",
            "public_phone",
            "countries",
            "status",
            "last_verified_on",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_language",
        )
        export_order = fields

    def before_import_row(self, row, **kwargs):
        # A new organisation without a slug gets one from its name.
        if not str(row.get("slug") or "").strip():
            name = next((str(row.get(column) or "") for column in in_every_language("name") if row.get(column)), "")
            row["slug"] = free_slug(name)

    def import_instance(self, instance, row, **kwargs):
        new = instance.pk is None
        status_before = instance.status
        super().import_instance(instance, row, **kwargs)
        if not new:
            instance.status = status_before  # changed only by the admin's actions, which record it
            return
        user = kwargs.get("user")
        instance._approve_after_import = instance.status == Organisation.Status.APPROVED and bool(
            user is not None and user.has_perm(roles.DECIDE_MEMBERSHIP)
        )
        instance._imported_new = True
        instance.status = Organisation.Status.APPLIED
        instance.status_changed_at = timezone.now()
        instance.joined_on = None

    def after_save_instance(self, instance, row, **kwargs):
        if getattr(instance, "_imported_new", False):
            user = kwargs.get("user")
            membership_history_record(
                organisation=instance,
                from_status="",
                to_status=instance.status,
                at=instance.status_changed_at,
                by=user if getattr(user, "is_authenticated", False) else None,
                reason=IMPORTED_REASON,
            )

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        # After the countries are saved: a coordinator may approve only in her countries.
        if getattr(instance, "_approve_after_import", False) and not self._is_dry_run(kwargs):
            membership_approve(organisation=instance, by=kwargs.get("user"), note=str(IMPORTED_REASON))


class LocationResource(CheckedResource):
    organisation = fields.Field(attribute="organisation", column_name="organisation", widget=organisation_key())
    city = fields.Field(attribute="city", column_name="city", widget=CityWidget())

    class Meta:
        model = Location
        fields = (
            "id",
            "organisation",
            *in_every_language("name"),
            "address_visibility",
            "street_address",
            "postal_code",
            "city",
            "latitude",
            "longitude",
            "phone",
            "open_24_7",
            *in_every_language("hours_note"),
            "wheelchair_accessible",
            *in_every_language("accessibility_notes"),
        )
        export_order = fields

    def export(self, queryset=None, **kwargs):
        if queryset is not None:
            queryset = queryset.select_related("organisation", "city__country")
        return super().export(queryset=queryset, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        """A row may hide an existing location's address more, never show more of it: that is decided on the
        location's page, on purpose, not by a line of a file."""
        before = instance.address_visibility if instance.pk else None
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if before is not None and Location.shows_more(instance.address_visibility, than=before):
            errors.setdefault("address_visibility", []).append(ValidationError(MORE_VISIBLE))
        if errors:
            raise ValidationError(errors)


class SpreadsheetAdmin(ImportExportMixin):
    """Import and export as CSV or Excel, with a preview of every error, and an empty template to fill in."""

    import_export_change_list_template = "admin/spreadsheet_change_list.html"
    formats = [base_formats.CSV, base_formats.XLSX]
    template_formats = {"csv": base_formats.CSV, "xlsx": base_formats.XLSX}

    def has_import_permission(self, request):
        # A coordinator's scope is her countries; a spreadsheet could name any organisation, so imports are for
        # administrators and editors.
        return super().has_import_permission(request) and not roles.is_country_scoped(request.user)

    def get_urls(self):
        name = "{}_{}_import_template".format(*self.get_model_info())
        template = path("import-template/", self.admin_site.admin_view(self.import_template_view), name=name)
        return [template, *super().get_urls()]

    def import_template_view(self, request):
        """The import's columns and no rows, as CSV (``?format=csv``) or Excel (``?format=xlsx``)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        extension = request.GET.get("format", "csv")
        file_format = self.template_formats.get(extension, base_formats.CSV)()
        resource = self.get_import_resource_classes(request)[0](**self.get_import_resource_kwargs(request))
        dataset = resource.export(queryset=self.model.objects.none())
        response = HttpResponse(file_format.export_data(dataset), content_type=file_format.get_content_type())
        filename = f"{self.model._meta.model_name}-template.{file_format.get_extension()}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
