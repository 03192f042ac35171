"""HSDS 3.0 export and import: official schemas, public data only, stable ids, round trip, the spec's examples."""

import copy
import datetime
import functools
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from jsonschema import Draft202012Validator, FormatChecker

from members.models import City, Location, MembershipStatusChange, Organisation
from services.hsds import mapping
from services.hsds.export import export_organizations
from services.hsds.importer import Importer, load_records
from services.hsds.mapping import record_id
from services.hsds.tabular import nest, read_tables
from services.models import Service
from tests.factories import (
    ContactChannelFactory,
    CountryFactory,
    LanguageFactory,
    ServiceCategoryFactory,
    UserFactory,
)
from tests.module_rows import parametrize_module_rows, rows_fixture
from tests.services import directory_data as data

pytestmark = pytest.mark.usefixtures("module_rows")


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, directory=build_directory)


REFERENCE = Path(os.environ.get("HSDS_REFERENCE_DIR", settings.BASE_DIR.parent / "shared" / "hsds-3.0"))
needs_reference = pytest.mark.skipif(
    not (REFERENCE / "schema" / "compiled" / "organization.json").exists(),
    reason=f"HSDS 3.0 reference files not found in {REFERENCE} (set HSDS_REFERENCE_DIR)",
)


def _closed(node):
    """``additionalProperties: false`` on every object schema, as the specification validates its examples."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            node["additionalProperties"] = False
            for child in node["properties"].values():
                _closed(child)
        for key in ("items", "organization", "location", "taxonomy_term", "taxonomy_detail"):
            if isinstance(node.get(key), dict):
                _closed(node[key])
    return node


@functools.cache
def validator(name: str) -> Draft202012Validator:
    if not (REFERENCE / "schema" / "compiled" / f"{name}.json").exists():
        # Any test that validates skips where the third-party schemas are absent (a user's own clone), as
        # ``needs_reference`` says, even one whose marker was forgotten.
        pytest.skip(f"HSDS 3.0 reference files not found in {REFERENCE} (set HSDS_REFERENCE_DIR)")
    schema = json.loads((REFERENCE / "schema" / "compiled" / f"{name}.json").read_text(encoding="utf-8"))
    return Draft202012Validator(_closed(copy.deepcopy(schema)), format_checker=FormatChecker())


def assert_valid(name: str, record: dict):
    errors = sorted(validator(name).iter_errors(record), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def build_directory():
    """Public, confidential and city-only listings, a hotline, and what must never leave: a pending organisation,
    a paused service, the private contact."""
    public = data.public_listing(
        eligibility_en="Women over 18.",
        how_to_access_en="Call first.",
        age_min=18,
        age_max=99,
        referral_required=True,
    )
    public.categories.add(data.family_law())
    # Every kind of channel, on the service and on a location, with hours and languages.
    whatsapp = ContactChannelFactory(service=public, kind="whatsapp", address="+573001230001", hours_en="Mornings")
    sms = ContactChannelFactory(service=public, kind="sms", address="+573001230002", hours_en="Always", order=1)
    sms.languages.set([LanguageFactory(code="en", name_en="English")])
    for order, (kind, address) in enumerate(
        [
            ("phone", "+573001230003"),
            ("signal", "+573001230004"),
            ("telegram", "ayuda_segura"),
            ("email", "escribenos@example.org"),
            ("web_form", "https://example.org/contacto"),
        ],
        start=2,
    ):
        ContactChannelFactory(service=public, kind=kind, address=address, order=order)
    ContactChannelFactory(service=None, location=public.locations.first(), kind="whatsapp", address="+573001230005")
    assert whatsapp.pk
    # What it takes to get in: documents, walk in, interpretation, each location's wheelchair access.
    Service.objects.filter(pk=public.pk).update(documents_required="id,residence", appointment="walk_in")
    Location.objects.filter(pk=public.locations.first().pk).update(wheelchair_accessible=True)
    confidential = data.confidential_listing(documents_required="none", appointment="appointment", interpretation=False)
    Location.objects.filter(pk=confidential.locations.first().pk).update(wheelchair_accessible=False)
    city_only = data.city_only_listing(cost=Service.Cost.LOW_COST, interpretation=True)
    hotline = data.hotline(cost=None, referral_required=None)  # facts its member never gave
    pending = data.pending_listing()
    paused = data.paused_listing(public.organisation)
    return {
        "public": public,
        "confidential": confidential,
        "city_only": city_only,
        "hotline": hotline,
        "pending": pending,
        "paused": paused,
    }


directory = rows_fixture()


def by_id(organizations):
    return {organization["id"]: organization for organization in organizations}


def all_services(organizations):
    return {service["id"]: service for organization in organizations for service in organization.get("services", [])}


def all_locations(organizations):
    return {
        location["id"]: location for organization in organizations for location in organization.get("locations", [])
    }


# Export -----------------------------------------------------------------------------------------------------------


def test_channels_leave_as_typed_phones_and_as_contacts(directory):
    service = all_services(export_organizations(language="en"))[record_id(directory["public"])]
    phones = {phone["number"]: phone for phone in service["phones"]}
    assert phones["+573001230002"]["type"] == "text"
    assert phones["+573001230002"]["description"] == "Always"
    assert [language["code"] for language in phones["+573001230002"]["languages"]] == ["en"]
    assert phones["+573001230003"]["type"] == "voice"
    contacts = {contact["attributes"][0]["taxonomy_term"]["code"]: contact for contact in service["contacts"]}
    assert set(contacts) == {"whatsapp", "signal", "telegram", "email", "web_form"}
    assert contacts["whatsapp"]["attributes"][0]["value"] == "+573001230001"
    assert contacts["email"]["email"] == "escribenos@example.org"
    assert contacts["web_form"]["attributes"][0]["value"] == "https://example.org/contacto"


@needs_reference
def test_every_exported_organization_validates_against_the_official_schema(directory):
    organizations = export_organizations(language="en")
    assert len(organizations) == 4
    for organization in organizations:
        assert_valid("organization", organization)
        for service in organization.get("services", []):
            assert_valid("service", service)


def test_only_public_data_leaves(directory):
    text = json.dumps(export_organizations(language="en"), ensure_ascii=False)
    private_contact = "Ana Ejemplo"
    for secret in (*data.SECRETS, private_contact, directory["public"].organisation.contact_email):
        assert secret not in text


def test_confidential_location_has_no_address_nor_point_and_city_only_its_city(directory):
    locations = all_locations(export_organizations(language="en"))
    confidential = locations[mapping.record_id(directory["confidential"].locations.get())]
    assert "addresses" not in confidential and "latitude" not in confidential and "longitude" not in confidential
    assert confidential["phones"][0]["number"] == "+5716019999"
    city_only = locations[mapping.record_id(directory["city_only"].locations.get())]
    assert "latitude" not in city_only
    [address] = city_only["addresses"]
    assert (address["address_1"], address["postal_code"], address["city"], address["country"]) == (
        "",
        "",
        "Medellín",
        "CO",
    )
    public = locations[mapping.record_id(directory["public"].locations.get())]
    assert public["addresses"][0]["address_1"] == "Calle Pública 10 # 5-20"
    assert (public["latitude"], public["longitude"]) == (4.6, -74.07)
    assert [s["byday"] for s in public["schedules"]] == ["MO", "TU", "WE", "TH", "FR"]


def test_service_carries_categories_languages_costs_and_links(directory):
    service = all_services(export_organizations(language="en"))[mapping.record_id(directory["public"])]
    assert service["name"] == "Free legal advice"
    assert service["eligibility_description"] == "Women over 18."
    assert (service["minimum_age"], service["maximum_age"]) == (18, 99)
    assert service["languages"][0]["code"] == "es"
    assert service["cost_options"][0]["option"] == "free"
    terms = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in service["attributes"]}
    assert {("rssn-categories", "legal-aid"), ("rssn-categories", "family-law")} <= terms
    assert ("rssn-populations", "women") in terms
    assert ("rssn-service-features", "referral-required") in terms
    family = next(a["taxonomy_term"] for a in service["attributes"] if a["taxonomy_term"]["code"] == "family-law")
    assert family["parent_id"] == mapping.term_id("rssn-categories", "legal-aid")
    assert family["taxonomy_detail"]["name"] == "rssn-categories"
    location_id = mapping.record_id(directory["public"].locations.get())
    assert [link["location_id"] for link in service["service_at_locations"]] == [location_id]


def test_facts_nobody_gave_leave_and_come_back_as_unknown(directory, tmp_path):
    """No cost option and no referral code for a fact nobody gave, and "no referral needed" said when it was said:
    an import reads neither a missing cost as free nor a missing code as "no referral"."""
    services = all_services(export_organizations(language="en"))
    hotline = services[mapping.record_id(directory["hotline"])]
    assert "cost_options" not in hotline
    assert not {a["taxonomy_term"]["code"] for a in hotline["attributes"]} & {"referral-required", "no-referral-needed"}
    confidential = services[mapping.record_id(directory["confidential"])]
    assert "no-referral-needed" in {a["taxonomy_term"]["code"] for a in confidential["attributes"]}

    path = tmp_path / "directory.json"
    path.write_text(json.dumps(export_organizations(language="en")))
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    call_command("import_hsds", str(path))
    imported = {str(service.name): service for service in Service.objects.all()}
    hotline, shelter = imported[str(directory["hotline"].name)], imported[str(directory["confidential"].name)]
    assert (hotline.cost, hotline.referral_required) == (None, None)
    assert (shelter.cost, shelter.referral_required) == ("free", False)


def test_what_it_takes_to_get_in_leaves_as_required_documents_accessibility_and_features(directory):
    services = all_services(export_organizations(language="en"))
    public = services[mapping.record_id(directory["public"])]
    assert [document["document"] for document in public["required_documents"]] == [
        "Identity document",
        "Proof of residence",
    ]
    codes = {attribute["taxonomy_term"]["code"] for attribute in public["attributes"]}
    assert "walk-in" in codes and not codes & {"no-documents-needed", "interpretation-available"}
    shelter = services[mapping.record_id(directory["confidential"])]
    assert "required_documents" not in shelter
    codes = {attribute["taxonomy_term"]["code"] for attribute in shelter["attributes"]}
    assert {"no-documents-needed", "appointment-needed", "no-interpretation"} <= codes
    assert shelter["interpretation_services"] == "No interpretation"
    spanish = all_locations(export_organizations(language="es"))
    location = spanish[mapping.record_id(directory["public"].locations.first())]
    [wheelchair] = [item for item in location["accessibility"] if item.get("details")]
    assert wheelchair == {
        "id": wheelchair["id"],
        "location_id": location["id"],
        "description": "Accesible en silla de ruedas",
        "details": "wheelchair-accessible",
    }


def test_documents_of_another_system_are_read_by_name_or_left_unknown(directory, tmp_path, capsys):
    organizations = export_organizations(language="en")
    public = all_services(organizations)[mapping.record_id(directory["public"])]
    public["required_documents"] = [
        {"id": "f6ad7e69-b9c8-42ce-92db-92cedb4c05c1", "document": "Documento de identidad"},
        {"id": "f6ad7e69-b9c8-42ce-92db-92cedb4c05c2", "document": "migration_status"},
    ]
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(organizations))
    call_command("import_hsds", str(path))
    assert Service.objects.get(pk=directory["public"].pk).documents_required == "id,migration_status"
    public["required_documents"].append({"id": "f6ad7e69-b9c8-42ce-92db-92cedb4c05c3", "document": "Birth certificate"})
    path.write_text(json.dumps(organizations))
    call_command("import_hsds", str(path))
    assert Service.objects.get(pk=directory["public"].pk).documents_required is None  # ask the service
    assert "Birth certificate" in capsys.readouterr().out


def test_ids_are_stable_and_kept_from_an_import(directory):
    first = export_organizations(language="en")
    assert _without_modified(export_organizations(language="en")) == _without_modified(first)
    organisation = directory["public"].organisation
    Organisation.objects.filter(pk=organisation.pk).update(hsds_id="2f0e3a9e-8f47-4f0e-9d8e-6a1f1b0c0a01")
    assert "2f0e3a9e-8f47-4f0e-9d8e-6a1f1b0c0a01" in by_id(export_organizations(language="en"))


def test_one_language_per_export_with_fallback(directory):
    spanish = all_services(export_organizations(language="es"))
    english = all_services(export_organizations(language="en"))
    service_id = mapping.record_id(directory["city_only"])
    # Written only in Spanish: the English export falls back to it.
    assert english[service_id]["name"] == spanish[service_id]["name"] == "Apoyo psicosocial"
    public_id = mapping.record_id(directory["public"])
    assert (spanish[public_id]["name"], english[public_id]["name"]) == (
        "Orientación jurídica gratuita",
        "Free legal advice",
    )


def _without_modified(organizations):
    organizations = copy.deepcopy(organizations)
    for service in all_services(organizations).values():
        service.pop("last_modified", None)
    return organizations


@needs_reference
def test_csv_export_is_a_tabular_package_of_the_specification(directory, tmp_path):
    call_command("export_hsds", str(tmp_path / "package"), "--format", "csv")
    package = json.loads((tmp_path / "package" / "datapackage.json").read_text())
    official = json.loads((REFERENCE / "datapackage.json").read_text())
    official_columns = {r["path"]: [f["name"] for f in r["schema"]["fields"]] for r in official["resources"]}
    for resource in package["resources"]:
        header = (tmp_path / "package" / resource["path"]).read_text().splitlines()[0].split(",")
        assert header == official_columns[resource["path"]], resource["path"]
    organizations = nest(read_tables(tmp_path / "package"))
    assert _without_modified(organizations) != []
    for organization in organizations:
        assert_valid("organization", organization)
    assert sorted(by_id(organizations)) == sorted(by_id(export_organizations(language="en")))


# Import -----------------------------------------------------------------------------------------------------------


def _normalised(organizations):
    """The public data as a set-like structure: ids, texts and links, without modification times or order."""
    organizations = _without_modified(organizations)

    def sort(value):
        if isinstance(value, list):
            return sorted((sort(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
        if isinstance(value, dict):
            return {key: sort(item) for key, item in value.items()}
        return value

    return sort(organizations)


def test_round_trip_export_import_export_gives_the_same_public_data(directory, tmp_path):
    before = export_organizations(language="en")
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(before))
    # Empty the directory, keeping the lookups an empty installation has (countries, categories, populations).
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    City.objects.all().delete()
    superuser = UserFactory(username="admin", is_superuser=True, is_staff=True)
    call_command("import_hsds", str(path), "--approve", "--by", superuser.username)
    after = export_organizations(language="en")
    assert _normalised(after) == _normalised(before)


def test_import_twice_makes_no_duplicates_and_new_organisations_are_applications(directory, tmp_path):
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(export_organizations(language="en")))
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    call_command("import_hsds", str(path))
    counts = (Organisation.objects.count(), Location.objects.count(), Service.objects.count())
    call_command("import_hsds", str(path))
    assert (Organisation.objects.count(), Location.objects.count(), Service.objects.count()) == counts == (4, 3, 4)
    assert set(Organisation.objects.values_list("status", flat=True)) == {"applied"}
    assert MembershipStatusChange.objects.filter(to_status="applied", from_status="").count() == 4
    assert not Service.objects.public().exists()


def test_import_updates_by_id(directory, tmp_path):
    organizations = export_organizations(language="en")
    service_id = mapping.record_id(directory["public"])
    all_services(organizations)[service_id]["name"] = "Legal advice, renamed"
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(organizations))
    report = Importer(language="en").run(load_records(path))
    assert report.errors == []
    assert Service.objects.count() == 6
    directory["public"].refresh_from_db()
    assert directory["public"].name_en == "Legal advice, renamed"
    assert str(directory["public"].hsds_id) == service_id


def test_dry_run_saves_nothing(directory, tmp_path, capsys):
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(export_organizations(language="en")))
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    call_command("import_hsds", str(path), "--dry-run")
    assert "Dry run" in capsys.readouterr().out
    assert not Organisation.objects.exists()


def test_bad_record_is_reported_and_skipped_without_leftovers(directory, tmp_path, capsys):
    organizations = export_organizations(language="en")
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    bad = organizations[0]
    bad["services"] = bad.get("services", []) + [{"id": "not-a-uuid", "name": "Broken", "status": "active"}]
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(organizations))
    call_command("import_hsds", str(path))
    output = capsys.readouterr()
    assert "not-a-uuid: service.id: not a UUID" in output.err
    assert "skipped 1 organization(s)" in output.out
    assert not Organisation.objects.filter(hsds_id=bad["id"]).exists()
    assert not Location.objects.filter(hsds_id__in=[loc["id"] for loc in bad["locations"]]).exists()
    assert Organisation.objects.count() == len(organizations) - 1


def test_unknown_taxonomy_terms_are_reported(directory, tmp_path, capsys):
    organizations = export_organizations(language="en")
    service = next(iter(all_services(organizations).values()))
    term = {"id": "0c1f4d4e-7a1e-4b43-a0a6-5d4f5d8e0c11", "name": "Dog grooming", "description": "Dogs", "code": "dg1"}
    service["attributes"].append({"id": "0c1f4d4e-7a1e-4b43-a0a6-5d4f5d8e0c12", "taxonomy_term": term})
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(organizations))
    call_command("import_hsds", str(path))
    assert "Unknown taxonomy terms: no taxonomy: dg1" in capsys.readouterr().out


def test_terms_of_other_taxonomies_match_our_categories_by_name(db, tmp_path):
    CountryFactory()
    legal = ServiceCategoryFactory()
    record = {
        "id": "11111111-1111-4111-8111-111111111111",
        "name": "Org",
        "description": "",
        "attributes": [_country_attribute("CO")],
        "services": [
            {
                "id": "22222222-2222-4222-8222-222222222222",
                "name": "Help",
                "status": "active",
                "attributes": [
                    {
                        "id": "33333333-3333-4333-8333-333333333333",
                        "taxonomy_term": {"id": "44444444-4444-4444-8444-444444444444", "name": "Legal Aid",
                                          "description": "x", "taxonomy": "Open Eligibility"},
                    }
                ],
            }
        ],
    }  # fmt: skip
    report = Importer().run([record])
    assert report.errors == []
    assert list(Service.objects.get().categories.all()) == [legal]


def _country_attribute(code):
    return {
        "id": "55555555-5555-4555-8555-555555555555",
        "taxonomy_term": {"id": mapping.term_id(mapping.COUNTRIES, code), "name": code, "description": code,
                          "code": code, "taxonomy": mapping.COUNTRIES},
    }  # fmt: skip


@pytest.fixture
def us(db):
    return CountryFactory(
        code="US", name_en="United States", region="americas", time_zones=["America/New_York"], latitude=39.8,
        longitude=-98.6, emergency_number="911",
    )  # fmt: skip


@needs_reference
@pytest.mark.parametrize("example", ["organization_full.json", "service_full.json", "organization_list.json", "csv"])
def test_the_specifications_examples_import(us, example):
    CountryFactory()
    path = REFERENCE / "examples" / example
    report = Importer().run(load_records(path))
    assert report.errors == [], report.errors
    assert Organisation.objects.filter(status="applied").exists()
    if example != "organization_list.json":  # a list of organizations alone, without services or locations
        assert Service.objects.exists()
        assert Location.objects.filter(city__country=us).exists()


@needs_reference
def test_the_specifications_examples_validate_with_our_validator():
    """A check on the check: the closed schemas accept the specification's own full examples."""
    example = json.loads((REFERENCE / "examples" / "organization_full.json").read_text())
    assert_valid("organization", example)
    broken = {**example, "misspelt_field": "x"}
    assert list(validator("organization").iter_errors(broken))


def test_approve_records_the_decision_in_the_history(directory, tmp_path):
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(export_organizations(language="en")))
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    admin = UserFactory(username="boss", is_superuser=True, is_staff=True)
    call_command("import_hsds", str(path), "--approve", "--by", "boss")
    assert set(Organisation.objects.values_list("status", flat=True)) == {"approved"}
    change = MembershipStatusChange.objects.filter(to_status="approved").first()
    assert change.changed_by == admin and change.from_status == "applied"


def test_import_creates_cities_with_the_addresses_coordinates(db):
    CountryFactory()
    record = {
        "id": "11111111-1111-4111-8111-111111111111",
        "name": "Org",
        "description": "",
        "locations": [
            {
                "id": "66666666-6666-4666-8666-666666666666",
                "location_type": "physical",
                "name": "Main office",
                "latitude": 3.45,
                "longitude": -76.53,
                "addresses": [{"id": "77777777-7777-4777-8777-777777777777", "address_1": "Calle 5 # 1-1",
                               "city": "Cali", "state_province": "Valle del Cauca", "postal_code": "760001",
                               "country": "co", "address_type": "physical"}],
                "schedules": [{"id": "88888888-8888-4888-8888-888888888888", "freq": "WEEKLY", "byday": "MO,WE",
                               "opens_at": "08:00", "closes_at": "12:30"}],
            }
        ],
    }  # fmt: skip
    report = Importer().run([record])
    assert report.errors == []
    city = City.objects.get(name_en="Cali")
    assert (city.latitude, city.longitude, city.administrative_area, city.country.code) == (
        3.45, -76.53, "Valle del Cauca", "CO",
    )  # fmt: skip
    location = Location.objects.get()
    assert location.address_visibility == "public" and location.latitude == 3.45
    assert [(h.weekday, h.opens, h.closes) for h in location.opening_hours.all()] == [
        (0, datetime.time(8), datetime.time(12, 30)),
        (2, datetime.time(8), datetime.time(12, 30)),
    ]


def test_round_trip_through_the_tabular_package(directory, tmp_path):
    UserFactory(username="boss", is_superuser=True, is_staff=True)
    before = export_organizations(language="en")
    call_command("export_hsds", str(tmp_path / "package"), "--format", "csv")
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    City.objects.all().delete()
    call_command("import_hsds", str(tmp_path / "package" / "datapackage.json"), "--approve", "--by", "boss")
    assert _normalised(export_organizations(language="en")) == _normalised(before)


# Temporary closures and places ------------------------------------------------------------------------------------


@pytest.fixture
def closed_and_full(directory):
    """The public service closed from yesterday for a month, the city-only location closed from next week, and the
    confidential shelter full since an hour ago."""
    today = datetime.date.today()
    public, location = directory["public"], directory["city_only"].locations.get()
    Service.objects.filter(pk=public.pk).update(
        closed_from=today - datetime.timedelta(days=1),
        closed_until=today + datetime.timedelta(days=30),
        closure_note_en="Closed for the holidays",
    )
    Location.objects.filter(pk=location.pk).update(
        closed_from=today + datetime.timedelta(days=7),
        closed_until=today + datetime.timedelta(days=8),
        closure_note_en="Closed for repairs",
    )
    Service.objects.filter(pk=directory["confidential"].pk).update(
        capacity="full", capacity_updated_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
    )
    return directory


def closure_schedules(record):
    return [
        schedule
        for schedule in record.get("schedules", [])
        if mapping.TEMPORARY_CLOSURE in json.dumps(schedule.get("attributes", []))
    ]


@needs_reference
def test_closures_and_places_leave_in_what_hsds_3_allows_and_validate(closed_and_full):
    organizations = export_organizations(language="en")
    for organization in organizations:
        assert_valid("organization", organization)
    services = all_services(organizations)
    public = services[record_id(closed_and_full["public"])]
    assert public["status"] == "temporarily closed"
    [closure] = closure_schedules(public)
    assert closure["valid_to"] == (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    assert closure["notes"] == "Closed for the holidays" and "opens_at" not in closure
    location = all_locations(organizations)[record_id(closed_and_full["city_only"].locations.get())]
    assert closure_schedules(location)[0]["notes"] == "Closed for repairs"
    assert services[record_id(closed_and_full["city_only"])]["status"] == "active"  # not closed yet
    shelter = services[record_id(closed_and_full["confidential"])]
    [places] = [a for a in shelter["attributes"] if a["taxonomy_term"]["taxonomy"] == mapping.PLACES]
    assert places["taxonomy_term"]["code"] == "full" and places["value"].startswith(str(datetime.date.today().year))


def test_an_ended_closure_does_not_leave(closed_and_full):
    Service.objects.filter(pk=closed_and_full["public"].pk).update(
        closed_from=datetime.date(2020, 1, 1), closed_until=datetime.date(2020, 1, 6)
    )
    public = all_services(export_organizations(language="en"))[record_id(closed_and_full["public"])]
    assert public["status"] == "active" and not closure_schedules(public)


@pytest.mark.parametrize("form", ["json", "csv"])
def test_closures_and_places_come_back_from_a_round_trip(closed_and_full, tmp_path, form):
    UserFactory(username="boss", is_superuser=True, is_staff=True)
    before = export_organizations(language="en")
    if form == "json":
        path = tmp_path / "directory.json"
        path.write_text(json.dumps(before))
    else:
        call_command("export_hsds", str(tmp_path / "package"), "--format", "csv")
        path = tmp_path / "package" / "datapackage.json"
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    City.objects.all().delete()
    call_command("import_hsds", str(path), "--approve", "--by", "boss")
    assert _normalised(export_organizations(language="en")) == _normalised(before)
    service = Service.objects.get(closure_note_en="Closed for the holidays")
    assert service.status == Service.Status.ACTIVE
    assert Location.objects.get(closure_note_en="Closed for repairs").closed_until is not None
    assert Service.objects.get(capacity="full").capacity_updated_at is not None
    assert not Location.objects.filter(hours_note_en__contains="Closed").exists()
