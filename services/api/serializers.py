"""What the API shows. Locations are read only through ``public_address`` and ``public_point`` (DESIGN.md's one
gate): no serializer here names a location's raw street, postal code or coordinates, nor a private contact."""

import datetime
import functools

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from members.models import Country, Helpline, Location, OpeningHours, Organisation, time_zone
from services import capacity
from services.fields import Document
from services.models import ContactChannel, Service, ServiceCategory


class PublicAddressSerializer(serializers.Serializer):
    """The parts of an address that may be shown: all of them for a public location, the city alone for a
    city-only one. A confidential location has no address at all (``null``)."""

    street_address = serializers.CharField(required=False)
    postal_code = serializers.CharField(required=False)
    city = serializers.CharField()
    administrative_area = serializers.CharField()
    country = serializers.CharField()
    country_code = serializers.CharField()


class PointSerializer(serializers.Serializer):
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()


@extend_schema_field({"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "example": "09:00"})
class LocalTimeField(serializers.TimeField):
    """A time of day in the location's own time zone (HH:MM): it has no UTC offset."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class OpeningHoursSerializer(serializers.ModelSerializer):
    opens = LocalTimeField(read_only=True)
    closes = LocalTimeField(read_only=True, help_text="Earlier than opens: closes the next day.")

    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes"]


class ChannelSerializer(serializers.ModelSerializer):
    """A way to reach a service or a location; ``link`` opens it in one tap (``tel:``, ``sms:``, ``https://wa.me/``...)."""

    link = serializers.CharField(source="href", read_only=True, help_text="The one-tap link.")
    label = serializers.CharField(read_only=True, help_text="What the link says, in neutral words.")
    languages = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")

    class Meta:
        model = ContactChannel
        fields = ["kind", "address", "link", "label", "hours", "languages"]


def read_channels(services: list) -> None:
    """The channels of these services and of their locations, with their languages, in a fixed number of queries."""
    channels = Prefetch("channels", ContactChannel.objects.prefetch_related("languages"))
    services = [service for service in services if isinstance(service, models.Model)]
    prefetch_related_objects(services, channels)
    locations = [location for service in services for location in service.locations.all()]
    prefetch_related_objects(locations, channels)


class ClosureSerializer(serializers.Serializer):
    starts = serializers.DateField(help_text="The first day closed.")
    ends = serializers.DateField(help_text="The last day closed (included): it opens again the day after.")
    time_zone = serializers.CharField(help_text="The time zone the days are counted in.")
    note = serializers.CharField(help_text="A short public note, in the language asked for (or the best available).")
    closed_now = serializers.BooleanField(help_text="Whether today (in that time zone) is one of the closed days.")


class PlacesSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[*Service.Capacity.values, "call_to_ask"],
        help_text="Places now; call_to_ask when the last update is more than 72 hours old. Never a number.",
    )
    given = serializers.ChoiceField(choices=Service.Capacity.values, help_text="What the service said last.")
    updated_at = serializers.DateTimeField(help_text="When it said so.")


def closure_item(owner, zone_name: str) -> dict | None:
    """A location's or a service's temporary closure as the API gives it (``as_of`` sets ``closed_now``)."""
    if owner.closed_from is None:
        return None
    return {
        "starts": owner.closed_from.isoformat(),
        "ends": owner.closed_until.isoformat(),
        "time_zone": zone_name,
        "note": owner.closure_note or "",
        "closed_now": False,
    }


def _closure_as_of(closure: dict | None, moment: datetime.datetime) -> dict | None:
    if closure is None:
        return None
    today = moment.astimezone(time_zone(closure["time_zone"])).date()
    if datetime.date.fromisoformat(closure["ends"]) < today:
        return None  # it has ended: the API no longer carries it
    return {**closure, "closed_now": datetime.date.fromisoformat(closure["starts"]) <= today}


def as_of(item: dict, moment: datetime.datetime) -> dict:
    """A service's item with what depends on the moment read at ``moment``: its closures (an ended one dropped,
    ``closed_now``, ``closed_until``) and its places ("call to ask" when no longer current). An item is kept per
    process (``ServiceListSerializer``) and read again at each request's moment."""
    locations = item.get("locations") or []
    undated = item.get("temporary_closure") is None and item.get("places") is None
    if undated and not any(location.get("temporary_closure") for location in locations):
        return item
    item = dict(item)
    item["locations"] = [
        {**location, "temporary_closure": _closure_as_of(location.get("temporary_closure"), moment)}
        for location in locations
    ]
    own = item["temporary_closure"] = _closure_as_of(item.get("temporary_closure"), moment)
    last_days = [own["ends"]] if own and own["closed_now"] else []
    closed_places = [location["temporary_closure"] for location in item["locations"]]
    if closed_places and all(closure and closure["closed_now"] for closure in closed_places):
        last_days.append(min(closure["ends"] for closure in closed_places))
    item["closed_until"] = max(last_days, default=None)
    places = item.get("places")
    if places is not None:
        updated_at = datetime.datetime.fromisoformat(places["updated_at"].replace("Z", "+00:00"))
        state = capacity.state(places["given"], updated_at, moment)
        item["places"] = {**places, "status": "call_to_ask" if state == capacity.ASK else state}
    return item


def places_item(service) -> dict | None:
    """A service's places as the API gives them (``as_of`` reads "call to ask" for an update too old)."""
    if not service.capacity:
        return None
    updated_at = serializers.DateTimeField().to_representation(service.capacity_updated_at)
    return {"status": service.capacity, "given": service.capacity, "updated_at": updated_at}


class LocationSerializer(serializers.ModelSerializer):
    address = serializers.SerializerMethodField(help_text="Null for a confidential location.")
    point = serializers.SerializerMethodField(help_text="Only for locations with a public address.")
    opening_hours = OpeningHoursSerializer(many=True, read_only=True)
    channels = ChannelSerializer(many=True, read_only=True)
    temporary_closure = serializers.SerializerMethodField(help_text="Null unless closed now or soon.")

    class Meta:
        model = Location
        fields = [
            "id",
            "name",
            "address_visibility",
            "address",
            "point",
            "phone",
            "open_24_7",
            "hours_note",
            "wheelchair_accessible",
            "accessibility_notes",
            "opening_hours",
            "channels",
            "temporary_closure",
        ]

    @extend_schema_field(ClosureSerializer(allow_null=True))
    def get_temporary_closure(self, location):
        return closure_item(location, location.city.time_zone)

    @extend_schema_field(PublicAddressSerializer(allow_null=True))
    def get_address(self, location):
        return location.public_address or None

    @extend_schema_field(PointSerializer(allow_null=True))
    def get_point(self, location):
        point = location.public_point
        return {"latitude": point.latitude, "longitude": point.longitude} if point else None


class OwnLocationsSerializer(serializers.ListSerializer):
    """A service's locations, only those of its own organisation, whatever was linked by mistake. A list field
    rather than a method that builds a ``LocationSerializer`` per service: building one (its fields, and its opening
    hours' serializer and fields) cost more than serializing the locations."""

    def get_attribute(self, service):
        return [location for location in service.locations.all() if location.organisation_id == service.organisation_id]


class OrganisationSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name", "acronym", "kind", "website", "public_email", "public_phone"]


class ServiceListSerializer(serializers.ListSerializer):
    """A page of services. An item is the same for everyone who reads it in a language, but for its distance: each
    is kept per process (``services.card_cache``, kind ``api``: the page's ``PageCards``, which its paginator was
    given, ``services.api.pagination.ServicePagination``), and a service whose item is kept comes as a ``KeptCard``
    instead of its rows. Building an item from model instances was most of an API page's time."""

    def to_representation(self, data):
        page_items = getattr(getattr(self.context.get("view"), "paginator", None), "kept_items", None)
        items = []
        services = list(data.all() if isinstance(data, models.manager.BaseManager) else data)
        read_channels([service for service in services if getattr(service, "kept_card", None) is None])
        for service in services:
            kept = getattr(service, "kept_card", None)
            if kept is None:
                item = self.child.to_representation(service)
                if page_items is not None:
                    page_items.keep(service.pk, dict(item))
            else:
                item = as_of(dict(kept), self.child.moment)
                item["distance_km"] = self.child.get_distance_km(service)
            items.append(item)
        return items


class ServiceSerializer(serializers.ModelSerializer):
    organisation = OrganisationSummarySerializer(read_only=True)
    categories = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    populations = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    languages = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    locations = OwnLocationsSerializer(child=LocationSerializer(), read_only=True)
    channels = ChannelSerializer(many=True, read_only=True)
    documents_required = serializers.ListField(
        source="documents",
        child=serializers.ChoiceField(choices=Document.choices),
        allow_null=True,
        read_only=True,
        help_text="The documents people must bring: [] for none, null when the member has not said.",
    )
    distance_km = serializers.SerializerMethodField(
        help_text="Whole kilometres to the nearest location when searching near a place (0: less than 1 km); "
        "a confidential location counts from its city's centre."
    )
    temporary_closure = serializers.SerializerMethodField(
        help_text="The service's own temporary closure; null unless closed now or soon (each location has its own)."
    )
    closed_until = serializers.SerializerMethodField(
        help_text="The last day of the closure that closes the service today (its own, or every location's), or null."
    )
    places = serializers.SerializerMethodField(help_text="For services that fill up (shelters); null otherwise.")

    class Meta:
        model = Service
        list_serializer_class = ServiceListSerializer
        fields = [
            "id",
            "name",
            "description",
            "eligibility",
            "how_to_access",
            "organisation",
            "categories",
            "in_person",
            "by_phone",
            "online",
            "outreach",
            "populations",
            "age_min",
            "age_max",
            "languages",
            "cost",
            "referral_required",
            "documents_required",
            "appointment",
            "interpretation",
            "phone",
            "channels",
            "open_24_7",
            "last_verified_on",
            "locations",
            "temporary_closure",
            "closed_until",
            "places",
            "distance_km",
        ]

    @functools.cached_property
    def moment(self) -> datetime.datetime:
        return timezone.now()

    def to_representation(self, instance):
        return as_of(super().to_representation(instance), self.moment)

    @extend_schema_field(ClosureSerializer(allow_null=True))
    def get_temporary_closure(self, service):
        locations = list(service.locations.all())
        return closure_item(service, locations[0].city.time_zone if locations else "UTC")

    @extend_schema_field({"type": "string", "format": "date", "nullable": True})
    def get_closed_until(self, service):
        return None  # as_of reads it at the request's moment

    @extend_schema_field(PlacesSerializer(allow_null=True))
    def get_places(self, service):
        return places_item(service)

    @extend_schema_field({"type": "integer", "nullable": True, "minimum": 0})
    def get_distance_km(self, service) -> int | None:
        distance = getattr(service, "distance_km", None)
        return None if distance is None else round(distance) if distance >= 1 else 0


class ServiceSummarySerializer(serializers.ModelSerializer):
    """A service in its organisation's item: what a caseworker checks first, whether it is closed and whether it
    has places, read at the request's moment as in the service's own item."""

    closed_until = serializers.SerializerMethodField(
        help_text="The last day of the closure that closes the service today (its own, or every location's), or null."
    )
    places = serializers.SerializerMethodField(help_text="For services that fill up (shelters); null otherwise.")

    class Meta:
        model = Service
        fields = ["id", "name", "closed_until", "places"]

    @extend_schema_field({"type": "string", "format": "date", "nullable": True})
    def get_closed_until(self, service):
        return None  # read with the places at the request's moment, in to_representation

    @extend_schema_field(PlacesSerializer(allow_null=True))
    def get_places(self, service):
        return places_item(service)

    def to_representation(self, instance):
        locations = list(instance.locations.all())
        item = {
            **super().to_representation(instance),
            "temporary_closure": closure_item(instance, locations[0].city.time_zone if locations else "UTC"),
            "locations": [{"temporary_closure": closure_item(place, place.city.time_zone)} for place in locations],
        }
        item = as_of(item, self.context.setdefault("moment", timezone.now()))
        return {name: item[name] for name in self.Meta.fields}


class OrganisationSerializer(serializers.ModelSerializer):
    countries = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    services = serializers.SerializerMethodField(help_text="Its services on the public directory.")

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "acronym",
            "kind",
            "description",
            "website",
            "public_email",
            "public_phone",
            "countries",
            "last_verified_on",
            "services",
        ]

    @extend_schema_field(ServiceSummarySerializer(many=True))
    def get_services(self, organisation):
        return ServiceSummarySerializer(organisation.public_services, many=True).data


class CategorySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(read_only=True, allow_null=True, slug_field="slug")

    class Meta:
        model = ServiceCategory
        fields = ["slug", "name", "description", "parent", "order"]


class HelplineSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="get_kind_display", read_only=True, help_text="What it reaches, in words.")

    class Meta:
        model = Helpline
        fields = ["kind", "label", "phone", "name", "hours", "open_24_7"]


class LinesOfKinds(serializers.ListSerializer):
    """The country's lines of some kinds, in order, from the lines as loaded (prefetched)."""

    def __init__(self, *args, kinds, **kwargs):
        self.kinds = frozenset(kinds)
        super().__init__(*args, **kwargs)

    def get_attribute(self, country):
        return [line for line in country.helplines.all() if line.kind in self.kinds]


class CountrySerializer(serializers.ModelSerializer):
    emergency_number = serializers.CharField(
        read_only=True,
        help_text="The number to call in immediate danger: the emergency services' common number, else the police's.",
    )
    emergency_services = LinesOfKinds(
        child=HelplineSerializer(),
        kinds=Helpline.EMERGENCY_SERVICES,
        read_only=True,
        help_text="The emergency services' numbers, typed by what they reach (emergency, police, ambulance, fire).",
    )
    helplines = LinesOfKinds(
        child=HelplineSerializer(),
        kinds=(Helpline.Kind.GBV, Helpline.Kind.CHILD),
        read_only=True,
        help_text="National helplines, typed by what they reach (gbv, child).",
    )

    class Meta:
        model = Country
        fields = ["code", "name", "region", "emergency_number", "emergency_note", "emergency_services", "helplines"]
