"""Spreadsheets (CSV and Excel) of services for the admin (see ``members.resources`` for the rules).

A service names its organisation by slug, its categories by slug, its populations and languages by code and its
locations by id (the id column of the locations spreadsheet), each list separated by commas.
"""

from import_export import fields

from members.models import Location
from members.resources import CheckedResource, CodesWidget, organisation_key
from rssn.languages import in_every_language
from services.models import Language, Population, Service, ServiceCategory


class ServiceResource(CheckedResource):
    organisation = fields.Field(attribute="organisation", column_name="organisation", widget=organisation_key())
    categories = fields.Field(
        attribute="categories", column_name="categories", widget=CodesWidget(ServiceCategory, field="slug")
    )
    locations = fields.Field(attribute="locations", column_name="locations", widget=CodesWidget(Location, field="pk"))
    populations = fields.Field(
        attribute="populations", column_name="populations", widget=CodesWidget(Population, field="code")
    )
    languages = fields.Field(attribute="languages", column_name="languages", widget=CodesWidget(Language, field="code"))

    class Meta:
        model = Service
        fields = (
            "id",
            "organisation",
            *in_every_language("name"),
            "status",
            "categories",
            *in_every_language("description"),
            "in_person",
            "by_phone",
            "online",
            "outreach",
            "locations",
            "phone",
            "open_24_7",
            *in_every_language("how_to_access"),
            "referral_required",
            "cost",
            *in_every_language("eligibility"),
            "populations",
            "age_min",
            "age_max",
            "languages",
            "last_verified_on",
        )
        export_order = fields

    def export(self, queryset=None, **kwargs):
        if queryset is not None:
            queryset = queryset.select_related("organisation").prefetch_related(
                "categories", "locations", "populations", "languages"
            )
        return super().export(queryset=queryset, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        foreign = instance.locations.exclude(organisation_id=instance.organisation_id)
        if foreign.exists():
            # Raised after saving inside the import's transaction: the whole import is rolled back and shown.
            raise ValueError(
                "Locations of another organisation: " + ", ".join(str(location.pk) for location in foreign)
            )
