"""HSDS 3.0 records into the directory: organisations, their locations and services, created or updated by HSDS id.

An organisation with everything of it in the file (its own record, and services on their own that name it) is
one transaction: a record that cannot be imported is reported with its id, the field and the reason, and leaves
nothing of that organisation behind. Wrong types (a list where a text belongs) are such errors, found before
anything is written. The report counts what was written, and a dry run reports exactly what the real run would
do: it runs the whole file in one transaction it then rolls back, so later records see earlier ones.

Imports never lower confidentiality: an existing location keeps its address visibility, street, postal code, city
and map point unless ``replace_addresses`` is given; the report names each location whose address in the file
differs (never the address itself). New organisations arrive as applications (status "applied", with the first
line of their membership history), so nothing imported is public until staff approve it, or ``approve_by`` is
given and ``members.services.membership_approve`` approves it. Texts are written in the import's language; the
other languages fall back to them until translated.
"""

import datetime
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from members.models import City, Country, Location, OpeningHours, Organisation
from members.services import membership_history_record
from members.validators import normalise_phone
from rssn.languages import supported_language
from services.fields import NO_DOCUMENTS, Document, documents_value
from services.hsds import mapping, tabular
from services.models import ContactChannel, Language, Population, Service, ServiceCategory
from services.search import deferred_indexing

# The private contact is required by our model but never published: an imported organisation without one gets
# this address, and the report asks staff to replace it.
NO_CONTACT_EMAIL = "no-contact@example.invalid"
TIME = re.compile(r"^(\d{1,2}):(\d{2})")


class RecordError(Exception):
    """One record cannot be imported: ``field`` is the HSDS field at fault."""

    def __init__(self, record_id: str, field: str, reason: str):
        super().__init__(f"{record_id or '(no id)'}: {field}: {reason}")
        self.record_id, self.field, self.reason = record_id or "(no id)", field, reason


@dataclass
class Problem:
    record_id: str
    field: str
    reason: str

    def __str__(self):
        return f"{self.record_id}: {self.field}: {self.reason}"


def _counts() -> dict[str, int]:
    return {"organisations": 0, "locations": 0, "services": 0}


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=_counts)
    updated: dict[str, int] = field(default_factory=_counts)
    approved: int = 0
    skipped: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unknown_terms: set[str] = field(default_factory=set)
    # Existing locations whose address in the file differs from ours: changed (replace_addresses) or kept.
    addresses_changed: list[Problem] = field(default_factory=list)
    addresses_kept: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            "created " + ", ".join(f"{count} {kind}" for kind, count in self.created.items()),
            "updated " + ", ".join(f"{count} {kind}" for kind, count in self.updated.items()),
            f"approved {self.approved}",
            f"skipped {self.skipped} organization(s) with errors",
            f"{len(self.warnings)} warning(s)",
            f"{len(self.addresses_changed)} address(es) changed",
            f"{len(self.addresses_kept)} address(es) kept",
        ]
        return "; ".join(parts) + "."

    def add(self, other: "ImportReport") -> None:
        """Take in what one organisation's import wrote, once it is written."""
        for kind in self.created:
            self.created[kind] += other.created[kind]
            self.updated[kind] += other.updated[kind]
        self.approved += other.approved
        self.warnings += other.warnings
        self.unknown_terms |= other.unknown_terms
        self.addresses_changed += other.addresses_changed
        self.addresses_kept += other.addresses_kept


# Reading files ----------------------------------------------------------------------------------------------------


def load_records(path: Path) -> list[dict]:
    """The records of an HSDS JSON file (a list, one object, or an API page with ``contents``) or of a tabular data
    package (a folder, or its ``datapackage.json``), each one an organization or a service."""
    path = Path(path)
    if path.is_dir() or path.name == "datapackage.json":
        folder = path if path.is_dir() else path.parent
        return tabular.nest(tabular.read_tables(folder))
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ValueError("An HSDS file holds an object or a list of objects.")
    return data


def is_service(record: dict) -> bool:
    return "status" in record or "organization" in record or "service_at_locations" in record


# The shape of a record as the import reads it: nested lists of objects, nested objects, numbers and texts (a text
# may be written as a number). A value of the wrong kind is an error naming its field, found before anything is
# written; fields the import does not read may hold anything.
LISTS = {
    "services", "locations", "service_at_locations", "addresses", "phones", "schedules", "languages", "cost_options",
    "accessibility", "contacts", "attributes", "required_documents",
}  # fmt: skip
OBJECTS = {"organization", "location", "taxonomy_term", "taxonomy_detail"}
NUMBERS = {"latitude", "longitude", "minimum_age", "maximum_age", "amount"}
TEXTS = {
    "id", "name", "alternate_name", "description", "email", "website", "status", "organization_id", "location_id",
    "number", "address_1", "address_2", "address_type", "city", "state_province", "postal_code", "country", "byday",
    "opens_at", "closes_at", "freq", "notes", "code", "taxonomy", "option", "application_process",
    "eligibility_description", "assured_date", "document", "details",
}  # fmt: skip


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def check_shape(record: dict, where: str, record_id: str = "") -> None:
    """Raise ``RecordError`` at the first field whose value is of the wrong kind, naming the field by its path
    (``organization.services[1].phones[0].number``) and the innermost record's id."""
    record_id = _text(record, "id") if isinstance(record.get("id"), str) else record_id
    for key, value in record.items():
        path = f"{where}.{key}"
        if value is None:
            continue
        if key in LISTS:
            if not isinstance(value, list):
                raise RecordError(record_id, path, f"expected a list, found {_kind_of(value)}")
            for number, item in enumerate(value):
                if not isinstance(item, dict):
                    raise RecordError(record_id, f"{path}[{number}]", f"expected an object, found {_kind_of(item)}")
                check_shape(item, f"{path}[{number}]", record_id)
        elif key in OBJECTS:
            if not isinstance(value, dict):
                raise RecordError(record_id, path, f"expected an object, found {_kind_of(value)}")
            check_shape(value, path, record_id)
        elif key in NUMBERS:
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                raise RecordError(record_id, path, f"expected a number, found {_kind_of(value)}")
        elif key in TEXTS and (isinstance(value, bool) or not isinstance(value, str | int | float)):
            raise RecordError(record_id, path, f"expected a text, found {_kind_of(value)}")


# Small readers ------------------------------------------------------------------------------------------------------


def _text(record: dict, key: str) -> str:
    value = record.get(key)
    return "" if value is None else str(value).strip()


def _uuid(record: dict, where: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(record.get("id")))
    except ValueError:
        raise RecordError(_text(record, "id"), f"{where}.id", "not a UUID") from None


def _terms(record: dict) -> list[dict]:
    return [
        attribute["taxonomy_term"] for attribute in record.get("attributes") or [] if attribute.get("taxonomy_term")
    ]


def _taxonomy_of(term: dict) -> str:
    return _text(term, "taxonomy") or _text(term.get("taxonomy_detail") or {}, "name")


def _codes(record: dict, taxonomy: str) -> list[str]:
    return [_text(term, "code") for term in _terms(record) if _taxonomy_of(term) == taxonomy and _text(term, "code")]


def _time(value: str, record_id: str, where: str) -> datetime.time:
    match = TIME.match(value or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise RecordError(record_id, where, f"not a time: {value!r}")
    return datetime.time(int(match[1]), int(match[2]))


def _is_closure(schedule: dict) -> bool:
    """A temporary closure (``mapping.TEMPORARY_CLOSURE``), not opening hours."""
    return mapping.TEMPORARY_CLOSURE in _codes(schedule, mapping.SCHEDULE_KINDS)


def _is_always_open(schedule: dict) -> bool:
    days = {day.strip().upper() for day in _text(schedule, "byday").split(",") if day.strip()}
    return (
        days == set(mapping.WEEKDAYS)
        and _text(schedule, "opens_at")[:5] == mapping.ALWAYS_OPENS
        and _text(schedule, "closes_at")[:5] in (mapping.ALWAYS_CLOSES, "24:00")
    )


class Importer:
    def __init__(
        self,
        *,
        language: str = "en",
        dry_run: bool = False,
        approve_by=None,
        source: str = "",
        replace_addresses: bool = False,
    ):
        self.language = supported_language(language)
        self.dry_run = dry_run
        self.approve_by = approve_by
        self.source = source
        self.replace_addresses = replace_addresses
        self.report = ImportReport()
        self._group_report = self.report
        self._unclaimed: dict[type, dict[str, int]] = {}

    def existing(self, model, hsds_id: uuid.UUID):
        """The record with this HSDS id: one imported with it, or one of ours whose exported id it is (export gives
        records without an HSDS id a stable one, so a file exported here updates the same records)."""
        found = model.objects.filter(hsds_id=hsds_id).first()
        if found is not None:
            return found
        if model not in self._unclaimed:
            pks = model.objects.filter(hsds_id__isnull=True).values_list("pk", flat=True)
            self._unclaimed[model] = {mapping.stable_id(model._meta.label_lower, pk): pk for pk in pks}
        pk = self._unclaimed[model].get(str(hsds_id))
        found = model.objects.filter(pk=pk, hsds_id__isnull=True).first() if pk else None
        if found is not None:
            found.hsds_id = hsds_id
        return found

    # Entry point ---------------------------------------------------------------------------------------------------

    def run(self, records: list[dict]) -> ImportReport:
        groups = self.group(records)
        if self.dry_run:
            # One transaction for the whole file, rolled back at the end: each organisation sees what the ones
            # before it would have written, as in the real run.
            with transaction.atomic():
                self._run_groups(groups)
                transaction.set_rollback(True)
        else:
            self._run_groups(groups)
        return self.report

    def group(self, records: list) -> list[tuple[str, dict | None, list[dict]]]:
        """The file's records by organisation, in the file's order: (the organisation's id, its own record with
        the services that came with it, the services on their own that name it without carrying it)."""
        groups: dict[str, list] = {}
        for number, record in enumerate(records):
            if not isinstance(record, dict):
                groups[f"#{number}"] = [None, [], RecordError("", f"record[{number}]", "not an object")]
                continue
            organization = record
            if is_service(record) and record.get("organization") is not None:
                if not isinstance(record["organization"], dict):
                    problem = RecordError(_text(record, "id"), "service.organization", "expected an object")
                    groups[f"#{number}"] = [None, [], problem]
                    continue
                organization = dict(record["organization"])
                organization["services"] = [{key: value for key, value in record.items() if key != "organization"}]
            if is_service(organization):
                key = str(record.get("organization_id") or f"service {record.get('id')}")
                groups.setdefault(key, [None, [], None])[1].append(record)
                continue
            key = str(organization.get("id"))
            group = groups.setdefault(key, [None, [], None])
            if group[0] is None:
                group[0] = organization
            else:
                services = organization.get("services")
                group[0] = {**group[0], "services": [*(group[0].get("services") or []), *(services or [])]}
        return [(key, organization, alone, error) for key, (organization, alone, error) in groups.items()]

    def _run_groups(self, groups) -> None:
        for _key, organization, alone, error in groups:
            self._group_report = ImportReport()
            try:
                if error is not None:
                    raise error
                with transaction.atomic(), deferred_indexing():
                    self._import_group(organization, alone)
            except RecordError as problem:
                self._skip(problem)
            else:
                self.report.add(self._group_report)
        self._group_report = self.report

    def _import_group(self, organization: dict | None, alone: list[dict]) -> None:
        if organization is not None:
            check_shape(organization, "organization")
        for service in alone:
            check_shape(service, "service")
        try:
            if organization is not None:
                # Services on their own that name an organisation of the file join its services.
                organization = {**organization, "services": [*(organization.get("services") or []), *alone]}
                self.import_organisation(organization)
            else:
                for service in alone:
                    self.import_service_alone(service)
        except (TypeError, AttributeError, ValueError, KeyError) as error:
            # A shape the check above does not know: reported for the organisation, without a traceback.
            record_id = _text(organization or alone[0], "id") if (organization or alone) else ""
            raise RecordError(record_id, "record", f"unexpected data ({type(error).__name__})") from None

    def _skip(self, error: RecordError):
        self.report.skipped += 1
        self.report.errors.append(Problem(error.record_id, error.field, error.reason))

    def warn(self, record_id, field_name: str, reason: str):
        self._group_report.warnings.append(Problem(str(record_id), field_name, reason))

    def _count(self, kind: str, created: bool):
        (self._group_report.created if created else self._group_report.updated)[kind] += 1

    def _closure(self, owner, schedules: list[dict], record_id: str, where: str) -> None:
        """A location's or service's temporary closure from its closure schedule (``mapping.TEMPORARY_CLOSURE``);
        none without one."""
        found = next((schedule for schedule in schedules if _is_closure(schedule)), None)
        owner.closed_from = owner.closed_until = None
        self._set_text(owner, "closure_note", "")
        if found is None:
            return
        try:
            owner.closed_from = datetime.date.fromisoformat(_text(found, "valid_from")[:10])
            owner.closed_until = datetime.date.fromisoformat(_text(found, "valid_to")[:10])
        except ValueError:
            raise RecordError(
                record_id, f"{where}.schedules.valid_to", "a closure needs its first and last day"
            ) from None
        self._set_text(owner, "closure_note", _text(found, "notes")[:160])

    def _places(self, service, record: dict, record_id: str) -> None:
        """A service's places (``mapping.PLACES``), with when they were given; none without both."""
        service.capacity, service.capacity_updated_at = "", None
        for attribute in record.get("attributes") or []:
            term = attribute.get("taxonomy_term") or {}
            if _taxonomy_of(term) != mapping.PLACES or _text(term, "code") not in Service.Capacity.values:
                continue
            given = parse_datetime(_text(attribute, "value"))
            if given is None:
                self.warn(record_id, "service.attributes.value", "places without the time they were given: left out")
                continue
            if timezone.is_naive(given):
                given = timezone.make_aware(given, datetime.UTC)
            service.capacity, service.capacity_updated_at = _text(term, "code"), given

    def _set_text(self, instance, field_name: str, value: str, *, everywhere: bool = False):
        codes = [code for code, _name in settings.LANGUAGES] if everywhere else [self.language]
        for code in codes:
            setattr(instance, build_localized_fieldname(field_name, code), value)

    def _save(self, instance, record_id: str, where: str, exclude=()):
        try:
            instance.full_clean(exclude=list(exclude))
        except ValidationError as error:
            problems = error.message_dict if hasattr(error, "error_dict") else {"record": error.messages}
            name, messages = next(iter(problems.items()))
            raise RecordError(record_id, f"{where}.{name}", " ".join(messages)) from None
        instance.save()
        return instance

    def _phone(self, record: dict, record_id: str, where: str, region: str | None) -> str:
        # The first phone that is not one of our channels (``_channels``): the listing's own number.
        phones = [phone for phone in record.get("phones") or [] if not _codes(phone, mapping.CONTACT_CHANNELS)]
        if not phones:
            return ""
        number = _text(phones[0], "number").strip("\"' ")
        if not number:
            return ""
        if number.isdigit() and 2 <= len(number) <= 6:
            return number
        try:
            return normalise_phone(number, region)
        except ValidationError as error:
            raise RecordError(record_id, f"{where}.phones.number", " ".join(error.messages)) from None

    def _channels(self, record: dict, record_id: str, where: str, **owner) -> None:
        """Replace the channels of a service or location (``owner``) with those of ``record``: its phones and contacts
        that carry a ``CONTACT_CHANNELS`` attribute (a contact from elsewhere names a person: it is not imported)."""
        found = []
        for key in ("phones", "contacts"):
            for position, item in enumerate(record.get(key) or []):
                codes = _codes(item, mapping.CONTACT_CHANNELS)
                if not codes:
                    continue
                kind = codes[0]
                if kind not in ContactChannel.Kind.values:
                    raise RecordError(record_id, f"{where}.{key}.attributes", f"not a contact channel: {kind!r}")
                values = [
                    _text(attribute, "value")
                    for attribute in item.get("attributes") or []
                    if _taxonomy_of(attribute.get("taxonomy_term") or {}) == mapping.CONTACT_CHANNELS
                ]
                address = _text(item, "number") or _text(item, "email") or next(filter(None, values), "")
                channel = ContactChannel(kind=kind, address=address.strip(), order=len(found), **owner)
                self._set_text(channel, "hours", _text(item, "description")[:200])
                languages = self._languages(item, record_id) if key == "phones" else []
                found.append((channel, languages, f"{where}.{key}[{position}]"))
        ContactChannel.objects.filter(**owner).delete()
        for channel, languages, at in found:
            self._save(channel, record_id, at)
            channel.languages.set(languages)

    # Organisations ------------------------------------------------------------------------------------------------

    def import_organisation(self, record: dict) -> Organisation:
        hsds_id = _uuid(record, "organization")
        record_id = str(hsds_id)
        name = _text(record, "name")
        if not name:
            raise RecordError(record_id, "organization.name", "missing")
        organisation = self.existing(Organisation, hsds_id)
        created = organisation is None
        if created:
            contact = next((c for c in record.get("contacts") or [] if _text(c, "email")), {})
            organisation = Organisation(
                hsds_id=hsds_id,
                status=Organisation.Status.APPLIED,
                status_changed_at=timezone.now(),
                slug=self._unique_slug(name),
                contact_name=_text(contact, "name") or name[:150],
                contact_email=_text(contact, "email") or _text(record, "email") or NO_CONTACT_EMAIL,
                contact_language=self.language,
            )
            if organisation.contact_email == NO_CONTACT_EMAIL:
                self.warn(record_id, "organization.contacts", "no e-mail: give the member's contact in the admin")
        kinds = [code for code in _codes(record, mapping.ORGANISATION_KINDS) if code in Organisation.Kind.values]
        if kinds or created:
            organisation.kind = kinds[0] if kinds else Organisation.Kind.NGO
        self._set_text(organisation, "name", name)
        self._set_text(organisation, "acronym", _text(record, "alternate_name")[:30])
        self._set_text(organisation, "description", _text(record, "description"))
        organisation.website = _text(record, "website")
        organisation.public_email = _text(record, "email")
        countries = self._countries(record, record_id)
        region = countries[0].code if countries else None
        organisation.public_phone = self._phone(record, record_id, "organization", region)
        self._save(organisation, record_id, "organization", exclude=["countries"])
        if created:
            membership_history_record(
                organisation=organisation,
                from_status="",
                to_status=organisation.status,
                at=organisation.status_changed_at,
                reason=f"Imported from HSDS {self.source}".strip(),
            )
        self._count("organisations", created)

        locations = {}
        listed = list(record.get("locations") or [])
        for service in record.get("services") or []:
            for at_location in service.get("service_at_locations") or []:
                if at_location.get("location"):
                    listed.append(at_location["location"])
        for location_record in listed:
            location_id = _text(location_record, "id")
            if location_id not in locations:
                locations[location_id] = self.import_location(location_record, organisation, countries)
        location_countries = {location.city.country for location in locations.values()}
        organisation.countries.add(*countries, *location_countries)
        if not organisation.countries.exists():
            self.warn(record_id, "organization.attributes", "no country: add the countries it works in")

        for service_record in record.get("services") or []:
            self.import_service(service_record, organisation, locations, region)

        if created and self.approve_by is not None:
            self._approve(organisation)
        return organisation

    def _approve(self, organisation: Organisation):
        from members.services import membership_approve

        if not self.dry_run:
            membership_approve(organisation=organisation, by=self.approve_by, note=f"Imported from HSDS {self.source}")
        self._group_report.approved += 1

    def _unique_slug(self, name: str) -> str:
        base = slugify(name)[:200] or "member"
        slug, number = base, 2
        while Organisation.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def _countries(self, record: dict, record_id: str) -> list[Country]:
        countries = []
        for code in _codes(record, mapping.COUNTRIES):
            country = Country.objects.filter(code=code.upper()).first()
            if country is None:
                self.warn(record_id, "organization.attributes", f"unknown country {code!r}: left out")
            else:
                countries.append(country)
        return countries

    # Locations -----------------------------------------------------------------------------------------------------

    def _country(self, value: str, record_id: str) -> Country:
        value = value.strip()
        names = Q()
        for code, _name in settings.LANGUAGES:
            names |= Q(**{f"{build_localized_fieldname('name', code)}__iexact": value})
        country = Country.objects.filter(Q(code=value.upper()) | names).first() if value else None
        if country is None:
            raise RecordError(record_id, "location.addresses.country", f"unknown country {value!r}")
        return country

    def _city(self, address: dict, country: Country, point, record_id: str, *, create: bool = True) -> City | None:
        name = _text(address, "city")
        if not name:
            raise RecordError(record_id, "location.addresses.city", "missing")
        area = _text(address, "state_province")
        names = Q()
        for code, _name in settings.LANGUAGES:
            names |= Q(**{f"{build_localized_fieldname('name', code)}__iexact": name})
        cities = City.objects.filter(names, country=country)
        city = cities.filter(administrative_area__iexact=area).first() if area else None
        city = city or cities.first()
        if city is None and create:
            latitude, longitude = point or (country.latitude, country.longitude)
            city = City(
                country=country,
                administrative_area=area[:100],
                latitude=latitude,
                longitude=longitude,
                time_zone=country.main_time_zone,
            )
            self._set_text(city, "name", name[:100], everywhere=True)
            self._save(city, record_id, "location.addresses")
            if point is None:
                self.warn(record_id, "location.addresses.city", f"new city {name!r} placed at its country's centre")
        return city

    def _point(self, record: dict, record_id: str):
        latitude, longitude = record.get("latitude"), record.get("longitude")
        if latitude in (None, "") or longitude in (None, ""):
            return None
        try:
            latitude, longitude = float(latitude), float(longitude)
        except (TypeError, ValueError):
            raise RecordError(record_id, "location.latitude", "not a number") from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            self.warn(record_id, "location.latitude", "coordinates out of range: left out")
            return None
        return latitude, longitude

    def import_location(self, record: dict, organisation: Organisation, countries: list[Country]) -> Location:
        hsds_id = _uuid(record, "location")
        record_id = str(hsds_id)
        location = self.existing(Location, hsds_id)
        if location is not None and location.organisation_id != organisation.pk:
            raise RecordError(record_id, "location.organization_id", "the location belongs to another organisation")
        created = location is None
        location = location or Location(hsds_id=hsds_id, organisation=organisation)
        given = self._given_address(record, record_id, create_city=created or self.replace_addresses)
        if created or self.replace_addresses:
            differences = [] if created else self._differences(location, given)
            self._take_address(location, given)
            if location.city_id is None:
                location.city = self._fallback_city(organisation, countries, record_id)
            if differences:
                self._group_report.addresses_changed.append(Problem(record_id, "location", "; ".join(differences)))
        else:
            self._keep_address(location, given, record_id)
        name = _text(record, "name") or organisation.name
        self._set_text(location, "name", name[:200])
        region = location.city.country.code
        location.phone = self._phone(record, record_id, "location", region)
        wheelchair = {code: accessible for accessible, code in mapping.WHEELCHAIR_DETAILS.items()}
        notes, location.wheelchair_accessible = [], None
        for item in record.get("accessibility") or []:
            if _text(item, "details") in wheelchair:
                location.wheelchair_accessible = wheelchair[_text(item, "details")]
            else:
                notes.append(_text(item, "description"))
        self._set_text(location, "accessibility_notes", " ".join(notes).strip())
        schedules = record.get("schedules") or []
        location.open_24_7 = any(_is_always_open(schedule) for schedule in schedules)
        notes = [
            _text(s, "notes") or _text(s, "description")
            for s in schedules
            if not _is_always_open(s) and not _text(s, "opens_at") and not _is_closure(s)
        ]
        self._closure(location, schedules, record_id, "location")
        self._set_text(location, "hours_note", " ".join(note for note in notes if note)[:200])
        self._save(location, record_id, "location")
        self._channels(record, record_id, "location", location=location)
        location.opening_hours.all().delete()
        for hours in self._opening_hours(schedules, record_id):
            hours.location = location
            self._save(hours, record_id, "location.schedules")
        self._count("locations", created)
        return location

    # Addresses -----------------------------------------------------------------------------------------------------

    def _given_address(self, record: dict, record_id: str, *, create_city: bool) -> dict:
        """The address the file gives a location: a street makes it public, a city alone city-only, no address
        confidential. ``city`` is None when the file names none, or names one we do not have and may not create."""
        point = self._point(record, record_id)
        addresses = record.get("addresses") or []
        address = next((a for a in addresses if _text(a, "address_type") == "physical"), None) or (
            addresses[0] if addresses else None
        )
        confidential = {
            "address_visibility": Location.AddressVisibility.CONFIDENTIAL,
            "street_address": "",
            "postal_code": "",
            "latitude": None,
            "longitude": None,
            "city": None,
        }
        if address is None:
            return confidential
        country = self._country(_text(address, "country"), record_id)
        city = self._city(address, country, point, record_id, create=create_city)
        street = ", ".join(part for part in (_text(address, "address_1"), _text(address, "address_2")) if part)
        if street:
            latitude, longitude = point or (None, None)
            return {
                "address_visibility": Location.AddressVisibility.PUBLIC,
                "street_address": street[:255],
                "postal_code": _text(address, "postal_code")[:20],
                "latitude": latitude,
                "longitude": longitude,
                "city": city,
            }
        return {**confidential, "address_visibility": Location.AddressVisibility.CITY, "city": city}

    @staticmethod
    def _take_address(location: Location, given: dict) -> None:
        for name, value in given.items():
            if name == "city":
                if value is not None:
                    location.city = value
            else:
                setattr(location, name, value)

    @staticmethod
    def _differences(location: Location, given: dict) -> list[str]:
        """What of the public projection differs between our location and the file, in words that never repeat
        the address itself (the report is printed and may be logged)."""
        ours, theirs = location.address_visibility, given["address_visibility"]
        if ours != theirs:
            return [f"address visibility {ours} in the directory, {theirs} in the file"]
        if ours == Location.AddressVisibility.CONFIDENTIAL:
            return []  # the file cannot say more than that there is no public address
        differences = []
        if given["city"] is None or given["city"].pk != location.city_id:
            differences.append("city")
        if ours == Location.AddressVisibility.PUBLIC:
            if (given["street_address"], given["postal_code"]) != (location.street_address, location.postal_code):
                differences.append("street address")
            if (given["latitude"], given["longitude"]) != (location.latitude, location.longitude):
                differences.append("map point")
        return [f"{', '.join(differences)} differ{'s' if len(differences) == 1 else ''}"] if differences else []

    def _keep_address(self, location: Location, given: dict, record_id: str) -> None:
        """An existing location keeps its address. Only a file that hides more than we do is followed, and only
        for the visibility: the stored street and point stay, so nothing is lost and nothing published."""
        differences = self._differences(location, given)
        if not differences:
            return
        ours, theirs = location.address_visibility, given["address_visibility"]
        if Location.shows_more(ours, than=theirs):
            location.address_visibility = theirs
            self._group_report.addresses_changed.append(
                Problem(record_id, "location", f"address visibility {ours} → {theirs}, as in the file")
            )
            return
        self._group_report.addresses_kept.append(
            Problem(
                record_id, "location", "; ".join(differences) + ": kept ours (--replace-addresses takes the file's)"
            )
        )

    def _fallback_city(self, organisation, countries, record_id) -> City:
        city = City.objects.filter(locations__organisation=organisation).first()
        for country in countries:
            city = city or City.objects.filter(country=country).order_by("pk").first()
        if city is None and countries:
            country = countries[0]
            city = self._city({"city": country.name}, country, None, record_id)
        if city is None:
            raise RecordError(record_id, "location.addresses", "no address and no country to place the location in")
        self.warn(record_id, "location.addresses", f"no address: imported as confidential in {city.name}; check it")
        return city

    def _opening_hours(self, schedules: list[dict], record_id: str) -> list[OpeningHours]:
        hours = {}
        for schedule in schedules:
            if _is_always_open(schedule) or not _text(schedule, "opens_at") or not _text(schedule, "closes_at"):
                continue
            if _text(schedule, "freq") not in ("", "WEEKLY"):
                self.warn(record_id, "location.schedules.freq", "only weekly opening hours are imported")
                continue
            opens = _time(_text(schedule, "opens_at"), record_id, "location.schedules.opens_at")
            closes = _time(_text(schedule, "closes_at"), record_id, "location.schedules.closes_at")
            if opens == closes:
                continue
            days = [day.strip().upper()[-2:] for day in _text(schedule, "byday").split(",") if day.strip()]
            for day in days:
                if day in mapping.WEEKDAYS:
                    weekday = mapping.WEEKDAYS.index(day)
                    hours[(weekday, opens)] = OpeningHours(weekday=weekday, opens=opens, closes=closes)
        return [hours[key] for key in sorted(hours)]

    # Services -----------------------------------------------------------------------------------------------------

    def import_service_alone(self, record: dict):
        """A service on its own names its organisation by id: one imported before, or one of ours."""
        organization_id = _text(record, "organization_id")
        if not organization_id:
            raise RecordError(
                _text(record, "id"), "service.organization_id", "missing: name the service's organization"
            )
        try:
            organisation = self.existing(Organisation, uuid.UUID(organization_id))
        except ValueError:
            raise RecordError(_text(record, "id"), "service.organization_id", "not a UUID") from None
        if organisation is None:
            raise RecordError(_text(record, "id"), "service.organization_id", "unknown organization")
        locations = {mapping.record_id(location): location for location in organisation.locations.all()}
        for at_location in record.get("service_at_locations") or []:
            if at_location.get("location"):
                location = self.import_location(at_location["location"], organisation, [])
                locations[str(location.hsds_id)] = location
        region = organisation.countries.values_list("code", flat=True).first()
        self.import_service(record, organisation, locations, region)

    def import_service(self, record: dict, organisation: Organisation, locations: dict, region) -> Service:
        hsds_id = _uuid(record, "service")
        record_id = str(hsds_id)
        name = _text(record, "name")
        if not name:
            raise RecordError(record_id, "service.name", "missing")
        service = self.existing(Service, hsds_id)
        if service is not None and service.organisation_id != organisation.pk:
            raise RecordError(record_id, "service.organization_id", "the service belongs to another organisation")
        created = service is None
        service = service or Service(hsds_id=hsds_id, organisation=organisation)
        self._set_text(service, "name", name[:200])
        self._set_text(service, "description", _text(record, "description"))
        self._set_text(service, "eligibility", _text(record, "eligibility_description"))
        self._set_text(service, "how_to_access", _text(record, "application_process"))
        active = ("", "active", mapping.TEMPORARILY_CLOSED_STATUS)  # closed for a while: its closure says until when
        service.status = Service.Status.ACTIVE if _text(record, "status") in active else Service.Status.PAUSED
        self._closure(service, record.get("schedules") or [], record_id, "service")
        self._places(service, record, record_id)
        for ours, theirs in (("age_min", "minimum_age"), ("age_max", "maximum_age")):
            value = record.get(theirs)
            if value in (None, ""):
                setattr(service, ours, None)
            elif not isinstance(value, int | float) or not 0 <= value <= 120:
                raise RecordError(record_id, f"service.{theirs}", "not an age between 0 and 120")
            else:
                setattr(service, ours, int(value))
        assured = _text(record, "assured_date")
        try:
            service.last_verified_on = datetime.date.fromisoformat(assured[:10]) if assured else None
        except ValueError:
            raise RecordError(record_id, "service.assured_date", f"not a date: {assured!r}") from None
        service.phone = self._phone(record, record_id, "service", region)
        service.open_24_7 = any(_is_always_open(schedule) for schedule in record.get("schedules") or [])
        service.cost = self._cost(record)
        features = _codes(record, mapping.SERVICE_FEATURES)
        service.referral_required = (
            True if mapping.REFERRAL_REQUIRED in features else False if mapping.NO_REFERRAL_NEEDED in features else None
        )
        service.documents_required = self._documents(record, record_id, features)
        appointments = {code: value for value, code in mapping.APPOINTMENT_CODES.items()}
        service.appointment = next((appointments[code] for code in features if code in appointments), None)
        interpretation = {code: value for value, code in mapping.INTERPRETATION_CODES.items()}
        service.interpretation = next((interpretation[code] for code in features if code in interpretation), None)

        linked = []
        for at_location in record.get("service_at_locations") or []:
            location_id = _text(at_location, "location_id") or _text(at_location.get("location") or {}, "id")
            if location_id in locations:
                linked.append(locations[location_id])
            else:
                self.warn(record_id, "service.service_at_locations", f"unknown location {location_id!r}: left out")
        modes = set(_codes(record, mapping.DELIVERY_MODES)) & set(mapping.DELIVERY_MODE_FIELDS)
        if not modes:
            modes = {"in_person"} if linked or not service.phone else {"by_phone"}
        for mode in mapping.DELIVERY_MODE_FIELDS:
            setattr(service, mode, mode in modes)
        self._save(service, record_id, "service")
        service.locations.set(linked)
        service.categories.set(self._categories(record, record_id))
        service.populations.set(Population.objects.filter(code__in=_codes(record, mapping.POPULATIONS)).order_by("pk"))
        service.languages.set(self._languages(record, record_id))
        self._channels(record, record_id, "service", service=service)
        self._count("services", created)
        return service

    def _documents(self, record: dict, record_id: str, features: list[str]) -> str | None:
        """``required_documents`` as ours, matched by a document's code or its name in any of our languages; a
        document we have no name for makes the service's documents unknown ("ask the service"), with a warning, so
        that the directory never lists fewer documents than the service asks for."""
        documents = record.get("required_documents") or []
        if not documents:
            return NO_DOCUMENTS if mapping.NO_DOCUMENTS_NEEDED in features else None
        names = {}
        for code, label in Document.choices:
            names[code] = code
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    names[str(label).casefold()] = code
        codes = []
        for document in documents:
            text = _text(document, "document")
            code = names.get(text.strip().casefold())
            if code is None:
                self.warn(record_id, "service.required_documents", f"a document we cannot name: {text!r}")
                return None
            codes.append(code)
        return documents_value(codes)

    def _cost(self, record: dict) -> str | None:
        options = record.get("cost_options") or []
        if not options:
            return None
        option = _text(options[0], "option")
        if option in mapping.COST_OPTIONS:
            return option
        amounts = [item.get("amount") for item in options if isinstance(item.get("amount"), int | float)]
        return Service.Cost.FREE if amounts and not any(amounts) else Service.Cost.PAID

    def _categories(self, record: dict, record_id: str) -> list[ServiceCategory]:
        found = []
        for term in _terms(record):
            taxonomy = _taxonomy_of(term)
            if taxonomy in mapping.TAXONOMY_DESCRIPTIONS and taxonomy != mapping.CATEGORIES:
                continue  # one of our other taxonomies, read elsewhere
            code, name = _text(term, "code"), _text(term, "name")
            category = ServiceCategory.objects.filter(slug=code).first() if code else None
            if category is None and taxonomy != mapping.CATEGORIES:
                names = Q(slug=slugify(name)) if name else Q(pk__in=[])
                for language, _name in settings.LANGUAGES:
                    names |= Q(**{f"{build_localized_fieldname('name', language)}__iexact": name or code})
                category = ServiceCategory.objects.filter(names).order_by("pk").first()
            if category is None:
                label = f"{taxonomy or 'no taxonomy'}: {code or name or term.get('id')}"
                self._group_report.unknown_terms.add(label)
                self.warn(record_id, "service.attributes.taxonomy_term", f"unknown term {label}: left out")
            elif category not in found:
                found.append(category)
        return found

    def _languages(self, record: dict, record_id: str) -> list[Language]:
        languages = []
        for item in record.get("languages") or []:
            code = _text(item, "code").lower()
            if not re.fullmatch(r"[a-z]{2,3}", code):
                self.warn(record_id, "service.languages.code", f"not an ISO 639 code: {code!r}; left out")
                continue
            language = Language.objects.filter(code=code).first()
            if language is None:
                language = Language(code=code)
                self._set_text(language, "name", (_text(item, "name") or code)[:80], everywhere=True)
                self._save(language, record_id, "service.languages")
            languages.append(language)
        return languages


def import_hsds(path, *, language: str = "en", dry_run: bool = False, approve_by=None) -> ImportReport:
    return Importer(language=language, dry_run=dry_run, approve_by=approve_by, source=Path(path).name).run(
        load_records(Path(path))
    )
