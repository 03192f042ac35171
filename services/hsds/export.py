"""The public directory as HSDS 3.0 records: a list of organizations, each with its locations and services.

Everything starts from the public querysets (approved organisations, active services) and reads a location's
address and point only through ``Location.public_address`` and ``Location.public_point``: a confidential location
leaves with its name and phone but no address and no coordinates, a city-only one with its city alone. The private
contact person is never read. HSDS has no translated fields, so one export is in one language, each text taken in
that language or its fallbacks (``rssn.languages.best_translation``).
"""

import datetime

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from members import closures
from members.models import Location, Organisation
from rssn.languages import best_translation
from services.fields import NO_DOCUMENTS, Document
from services.hsds import mapping
from services.hsds.mapping import child_id, record_id, taxonomy_id, term_id
from services.models import ContactChannel, Service

# What the codes of what it takes to get in say, in the export's language, for readers of HSDS's free texts.
WHEELCHAIR_WORDS = {True: _("Wheelchair accessible"), False: _("Not wheelchair accessible")}
INTERPRETATION_WORDS = {True: _("Interpretation available"), False: _("No interpretation")}

CHANNELS = Prefetch("channels", ContactChannel.objects.prefetch_related("languages").order_by("order", "pk"))


def _compact(record: dict) -> dict:
    """Leave out empty optional values: HSDS readers treat a missing field and an empty one alike."""
    return {key: value for key, value in record.items() if value not in ("", None, [])}


class Exporter:
    def __init__(self, *, language: str = "en", now: datetime.datetime | None = None):
        self.language = language
        self.now = now or timezone.now()

    def text(self, instance, field: str) -> str:
        return best_translation(instance, field, self.language).value

    # Taxonomies ------------------------------------------------------------------------------------------------

    def taxonomy(self, taxonomy: str) -> dict:
        return {
            "id": taxonomy_id(taxonomy),
            "name": taxonomy,
            "description": mapping.TAXONOMY_DESCRIPTIONS[taxonomy],
        }

    def term(self, taxonomy: str, code: str, name: str, description: str = "", parent_code: str = "") -> dict:
        return _compact(
            {
                "id": term_id(taxonomy, code),
                "code": code,
                "name": name,
                "description": description or name,
                "parent_id": term_id(taxonomy, parent_code) if parent_code else None,
                "taxonomy": taxonomy,
                "taxonomy_id": taxonomy_id(taxonomy),
                "taxonomy_detail": self.taxonomy(taxonomy),
                "language": self.language,
            }
        )

    def attribute(self, *, link_id: str, link_entity: str, term: dict) -> dict:
        return {
            "id": child_id(link_id, "attribute", term["taxonomy"], term["code"]),
            "link_id": link_id,
            "link_type": term["taxonomy"],
            "link_entity": link_entity,
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }

    def category_term(self, category) -> dict:
        return self.term(
            mapping.CATEGORIES,
            category.slug,
            self.text(category, "name"),
            self.text(category, "description"),
            parent_code=category.parent.slug if category.parent_id else "",
        )

    # Records ---------------------------------------------------------------------------------------------------

    def phone(self, parent_id: str, number: str, **links) -> list[dict]:
        if not number:
            return []
        return [{"id": child_id(parent_id, "phone"), **links, "number": number, "type": "voice"}]

    def channels(self, parent_id: str, owner, **links) -> tuple[list[dict], list[dict]]:
        """The channels of a service or location (``owner``): HSDS phones (phone and SMS, typed) and contacts (the
        rest, which HSDS has no field for), each with its kind as an attribute."""
        phones, contacts = [], []
        for channel in owner.channels.all():
            channel_id = child_id(parent_id, "channel", channel.kind, channel.address)
            term = self.term(mapping.CONTACT_CHANNELS, channel.kind, str(ContactChannel.Kind(channel.kind).label))
            attribute = self.attribute(link_id=channel_id, link_entity="phone", term=term)
            if channel.kind in mapping.PHONE_CHANNEL_TYPES:
                languages = [
                    {
                        "id": child_id(channel_id, "language", language.code),
                        "phone_id": channel_id,
                        "name": self.text(language, "name"),
                        "code": language.code,
                    }
                    for language in channel.languages.all()
                ]
                phone = {
                    "id": channel_id,
                    **links,
                    "number": channel.address,
                    "type": mapping.PHONE_CHANNEL_TYPES[channel.kind],
                    "description": self.text(channel, "hours"),
                    "languages": languages,
                    "attributes": [attribute],
                }
                phones.append(_compact(phone))
            else:
                attribute = attribute | {"link_entity": "contact", "value": channel.address}
                contact = {
                    "id": channel_id,
                    **links,
                    "name": str(ContactChannel.Kind(channel.kind).label),
                    "email": channel.address if channel.kind == ContactChannel.Kind.EMAIL else "",
                    "attributes": [attribute],
                }
                contacts.append(_compact(contact))
        return phones, contacts

    def always_open(self, parent_id: str, **links) -> dict:
        return {
            "id": child_id(parent_id, "always-open"),
            **links,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": mapping.ALL_DAYS,
            "opens_at": mapping.ALWAYS_OPENS,
            "closes_at": mapping.ALWAYS_CLOSES,
            "description": mapping.ALWAYS_OPEN_DESCRIPTION,
        }

    def closure(self, owner, period, parent_id: str, **links) -> list[dict]:
        """A temporary closure that has not ended, as a schedule (``mapping.TEMPORARY_CLOSURE``): none otherwise."""
        if period is None or period.ends < self.now.astimezone(period.zone).date():
            return []
        schedule_id = child_id(parent_id, "closure")
        term = self.term(mapping.SCHEDULE_KINDS, mapping.TEMPORARY_CLOSURE, mapping.TEMPORARY_CLOSURE_DESCRIPTION)
        return [
            _compact(
                {
                    "id": schedule_id,
                    **links,
                    "valid_from": period.starts.isoformat(),
                    "valid_to": period.ends.isoformat(),
                    "description": mapping.TEMPORARY_CLOSURE_DESCRIPTION,
                    "notes": self.text(owner, "closure_note"),
                    "attributes": [self.attribute(link_id=schedule_id, link_entity="schedule", term=term)],
                }
            )
        ]

    def location(self, location: Location, organisation_id: str) -> dict:
        location_id = record_id(location)
        address = location.public_address
        point = location.public_point
        addresses = []
        if address:
            addresses.append(
                {
                    "id": child_id(location_id, "address"),
                    "location_id": location_id,
                    "address_1": address.get("street_address", ""),
                    "city": address["city"],
                    "state_province": address.get("administrative_area", ""),
                    "postal_code": address.get("postal_code", ""),
                    "country": address["country_code"],
                    "address_type": "physical",
                }
            )
        schedules = []
        if location.open_24_7:
            schedules.append(self.always_open(location_id, location_id=location_id))
        for hours in location.opening_hours.all():
            schedules.append(
                {
                    "id": child_id(location_id, "schedule", hours.weekday, f"{hours.opens:%H:%M}"),
                    "location_id": location_id,
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": mapping.WEEKDAYS[hours.weekday],
                    "opens_at": f"{hours.opens:%H:%M}",
                    "closes_at": f"{hours.closes:%H:%M}",
                }
            )
        hours_note = self.text(location, "hours_note")
        if hours_note:
            schedules.append(
                {"id": child_id(location_id, "hours-note"), "location_id": location_id, "notes": hours_note}
            )
        schedules += self.closure(location, location.closure_period, location_id, location_id=location_id)
        accessibility = self.text(location, "accessibility_notes")
        accessibility_records = (
            [{"id": child_id(location_id, "accessibility"), "location_id": location_id, "description": accessibility}]
            if accessibility
            else []
        )
        if location.wheelchair_accessible is not None:
            accessible = location.wheelchair_accessible
            accessibility_records.append(
                {
                    "id": child_id(location_id, "wheelchair"),
                    "location_id": location_id,
                    "description": str(WHEELCHAIR_WORDS[accessible]),
                    "details": mapping.WHEELCHAIR_DETAILS[accessible],
                }
            )
        channel_phones, contacts = self.channels(location_id, location, location_id=location_id)
        return _compact(
            {
                "id": location_id,
                "location_type": "physical",
                "organization_id": organisation_id,
                "name": self.text(location, "name"),
                "latitude": point.latitude if point else None,
                "longitude": point.longitude if point else None,
                "addresses": addresses,
                "phones": self.phone(location_id, location.phone, location_id=location_id) + channel_phones,
                "contacts": contacts,
                "schedules": schedules,
                "accessibility": accessibility_records,
            }
        )

    def service(self, service: Service, organisation_id: str, location_ids: dict[int, str]) -> dict:
        service_id = record_id(service)
        attributes = [
            self.attribute(link_id=service_id, link_entity="service", term=self.category_term(category))
            for category in sorted(service.categories.all(), key=lambda category: category.slug)
        ]
        for population in sorted(service.populations.all(), key=lambda population: population.code):
            term = self.term(mapping.POPULATIONS, population.code, self.text(population, "name"))
            attributes.append(self.attribute(link_id=service_id, link_entity="service", term=term))
        for field in mapping.DELIVERY_MODE_FIELDS:
            if getattr(service, field):
                term = self.term(mapping.DELIVERY_MODES, field, str(Service._meta.get_field(field).verbose_name))
                attributes.append(self.attribute(link_id=service_id, link_entity="service", term=term))
        if service.referral_required is not None:
            code = mapping.REFERRAL_REQUIRED if service.referral_required else mapping.NO_REFERRAL_NEEDED
            needed = str(Service._meta.get_field("referral_required").verbose_name)
            name = needed if service.referral_required else "no referral needed"
            term = self.term(mapping.SERVICE_FEATURES, code, name)
            attributes.append(self.attribute(link_id=service_id, link_entity="service", term=term))
        if service.capacity:
            term = self.term(mapping.PLACES, service.capacity, str(service.get_capacity_display()))
            attribute = self.attribute(link_id=service_id, link_entity="service", term=term)
            attributes.append(attribute | {"value": service.capacity_updated_at.isoformat()})
        locations = list(service.locations.all())
        closure = self.closure(service, service.closure_period(locations), service_id, service_id=service_id)
        closed = closures.closed_until(
            service.closure_period(locations), [location.closure_period for location in locations], self.now
        )
        features = []
        if service.documents_required == NO_DOCUMENTS:
            features.append((mapping.NO_DOCUMENTS_NEEDED, "no documents needed"))
        if service.appointment:
            features.append((mapping.APPOINTMENT_CODES[service.appointment], service.appointment.replace("_", " ")))
        if service.interpretation is not None:
            code = mapping.INTERPRETATION_CODES[service.interpretation]
            features.append((code, code.replace("-", " ")))
        for code, name in features:
            term = self.term(mapping.SERVICE_FEATURES, code, name)
            attributes.append(self.attribute(link_id=service_id, link_entity="service", term=term))
        required_documents = [
            {
                "id": child_id(service_id, "document", code),
                "service_id": service_id,
                "document": str(Document(code).label),
            }
            for code in service.documents or ()
        ]
        at_locations = [
            {
                "id": child_id(service_id, "at", location_ids[location.pk]),
                "service_id": service_id,
                "location_id": location_ids[location.pk],
            }
            for location in sorted(service.locations.all(), key=lambda location: location.pk)
            if location.pk in location_ids
        ]
        cost_options = []
        if service.cost:
            cost = {
                "id": child_id(service_id, "cost"),
                "service_id": service_id,
                "option": service.cost,
                "amount_description": str(service.get_cost_display()),
            }
            if service.cost == Service.Cost.FREE:
                cost["amount"] = 0
            cost_options.append(cost)
        channel_phones, contacts = self.channels(service_id, service, service_id=service_id)
        return _compact(
            {
                "id": service_id,
                "organization_id": organisation_id,
                "name": self.text(service, "name"),
                "description": self.text(service, "description"),
                "status": "active" if closed is None else mapping.TEMPORARILY_CLOSED_STATUS,
                "application_process": self.text(service, "how_to_access"),
                "eligibility_description": self.text(service, "eligibility"),
                "minimum_age": service.age_min,
                "maximum_age": service.age_max,
                "assured_date": service.last_verified_on.isoformat() if service.last_verified_on else None,
                "last_modified": service.updated_at.isoformat(),
                "phones": self.phone(service_id, service.phone, service_id=service_id) + channel_phones,
                "contacts": contacts,
                "schedules": ([self.always_open(service_id, service_id=service_id)] if service.open_24_7 else [])
                + closure,
                "service_at_locations": at_locations,
                "languages": [
                    {
                        "id": child_id(service_id, "language", language.code),
                        "service_id": service_id,
                        "name": self.text(language, "name"),
                        "code": language.code,
                    }
                    for language in sorted(service.languages.all(), key=lambda language: language.code)
                ],
                "cost_options": cost_options,
                "required_documents": required_documents,
                "interpretation_services": str(INTERPRETATION_WORDS[service.interpretation])
                if service.interpretation is not None
                else "",
                "attributes": attributes,
            }
        )

    def organisation(self, organisation: Organisation, services) -> dict:
        organisation_id = record_id(organisation)
        locations = list(organisation.locations.all())
        location_ids = {location.pk: record_id(location) for location in locations}
        kind = self.term(mapping.ORGANISATION_KINDS, organisation.kind, str(organisation.get_kind_display()))
        attributes = [self.attribute(link_id=organisation_id, link_entity="organization", term=kind)]
        for country in sorted(organisation.countries.all(), key=lambda country: country.code):
            term = self.term(mapping.COUNTRIES, country.code, self.text(country, "name"))
            attributes.append(self.attribute(link_id=organisation_id, link_entity="organization", term=term))
        return _compact(
            {
                "id": organisation_id,
                "name": self.text(organisation, "name"),
                "alternate_name": self.text(organisation, "acronym"),
                "description": self.text(organisation, "description"),
                "email": organisation.public_email,
                "website": organisation.website,
                "phones": self.phone(organisation_id, organisation.public_phone, organization_id=organisation_id),
                "locations": [self.location(location, organisation_id) for location in locations],
                "services": [self.service(service, organisation_id, location_ids) for service in services],
                "attributes": attributes,
            }
        ) | {"description": self.text(organisation, "description")}

    def organizations(self) -> list[dict]:
        """Every approved organisation with its public services, in a stable order."""
        with translation.override(self.language):
            services_by_organisation: dict[int, list[Service]] = {}
            services = Service.objects.public().with_listing_data().order_by("organisation_id", "pk")
            services = list(services)
            prefetch_related_objects(services, CHANNELS)
            for service in services:
                services_by_organisation.setdefault(service.organisation_id, []).append(service)
            organisations = (
                Organisation.objects.public()
                .prefetch_related(
                    "countries",
                    Prefetch(
                        "locations",
                        queryset=Location.objects.current()
                        .select_related("city__country")
                        .prefetch_related("opening_hours", CHANNELS)
                        .order_by("pk"),
                    ),
                )
                .order_by("pk")
            )
            return [
                self.organisation(organisation, services_by_organisation.get(organisation.pk, []))
                for organisation in organisations
            ]


def export_organizations(*, language: str = "en") -> list[dict]:
    return Exporter(language=language).organizations()
