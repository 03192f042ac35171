"""An HSDS import never lowers confidentiality, names every record it cannot take, keeps each organisation whole,
and reports what it wrote: the same in a dry run as in the real one."""

import json

import pytest
from django.core.management import call_command

from members.models import Location, Organisation
from services.hsds import mapping
from services.hsds.export import export_organizations
from services.hsds.importer import Importer, load_records
from services.hsds.tabular import write_package
from services.models import Service
from tests.factories import CountryFactory, OrganisationFactory, ServiceFactory, UserFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

ORG = "11111111-1111-4111-8111-111111111111"
LOCATION = "66666666-6666-4666-8666-666666666666"


def write(tmp_path, records, name="file.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def run(tmp_path, records, *options, capsys):
    call_command("import_hsds", str(write(tmp_path, records)), *options)
    return capsys.readouterr()


def country_attribute(code="CO"):
    return {
        "id": "55555555-5555-4555-8555-555555555555",
        "taxonomy_term": {"id": mapping.term_id(mapping.COUNTRIES, code), "name": code, "code": code,
                          "taxonomy": mapping.COUNTRIES},
    }  # fmt: skip


def partner_record(location_id: str, *, street="Calle Publicada 1", organisation_id=ORG):
    if isinstance(location_id, Location):
        location_id, organisation_id = mapping.record_id(location_id), mapping.record_id(location_id.organisation)
    """A partner's feed sending a location with a street, a map point and a service."""
    return {
        "id": organisation_id,
        "name": "Casa de Acogida Ejemplo",
        "attributes": [country_attribute()],
        "locations": [
            {
                "id": location_id,
                "name": "Casa",
                "latitude": 4.7,
                "longitude": -74.1,
                "addresses": [{"id": "77777777-7777-4777-8777-777777777777", "address_1": street, "city": "Bogotá",
                               "country": "CO", "address_type": "physical"}],
            }
        ],
        "services": [{"id": "22222222-2222-4222-8222-222222222222", "name": "Acogida", "status": "active"}],
    }  # fmt: skip


@pytest.fixture
def confidential(db):
    """A shelter staff made confidential, with the street and point they keep for themselves."""
    return data.confidential_listing().locations.get()


# Confidentiality ---------------------------------------------------------------------------------------------------


def test_a_partner_feed_never_publishes_a_confidential_location(confidential, tmp_path, capsys):
    output = run(tmp_path, [partner_record(confidential)], capsys=capsys)
    confidential.refresh_from_db()
    assert confidential.address_visibility == Location.AddressVisibility.CONFIDENTIAL
    assert confidential.street_address == data.SECRET_STREET
    assert (confidential.latitude, confidential.longitude) == (data.SECRET_LATITUDE, data.SECRET_LONGITUDE)
    # The report names the location and what differs, never the address.
    kept = [line for line in output.out.splitlines() if line.startswith("Address kept")]
    assert len(kept) == 1 and mapping.record_id(confidential) in kept[0]
    assert "address visibility confidential in the directory, public in the file" in kept[0]
    assert data.SECRET_STREET not in output.out + output.err and "Calle Publicada" not in output.out
    assert "1 address(es) kept" in output.out


def test_reimporting_our_own_export_keeps_a_confidential_locations_street_and_point(confidential, tmp_path, capsys):
    UserFactory(username="boss", is_superuser=True, is_staff=True)
    output = run(tmp_path, export_organizations(language="en"), capsys=capsys)
    confidential.refresh_from_db()
    assert confidential.address_visibility == Location.AddressVisibility.CONFIDENTIAL
    assert confidential.street_address == data.SECRET_STREET
    assert confidential.postal_code == data.SECRET_POSTAL_CODE
    assert (confidential.latitude, confidential.longitude) == (data.SECRET_LATITUDE, data.SECRET_LONGITUDE)
    assert "0 address(es) changed; 0 address(es) kept" in output.out


def test_the_explicit_option_takes_the_files_address_and_names_each_location(confidential, tmp_path, capsys):
    output = run(tmp_path, [partner_record(confidential)], "--replace-addresses", capsys=capsys)
    confidential.refresh_from_db()
    assert confidential.address_visibility == Location.AddressVisibility.PUBLIC
    assert confidential.street_address == "Calle Publicada 1"
    changed = [line for line in output.out.splitlines() if line.startswith("Address changed")]
    assert len(changed) == 1 and mapping.record_id(confidential) in changed[0]


def test_a_file_that_hides_an_address_hides_it_here_too_and_keeps_our_street(db, tmp_path, capsys):
    public = data.public_listing().locations.get()
    street = public.street_address
    record = partner_record(mapping.record_id(public), organisation_id=mapping.record_id(public.organisation))
    del record["locations"][0]["addresses"]
    output = run(tmp_path, [record], capsys=capsys)
    public.refresh_from_db()
    assert public.address_visibility == Location.AddressVisibility.CONFIDENTIAL
    assert public.street_address == street
    assert "address visibility public → confidential, as in the file" in output.out


def test_a_new_location_takes_the_files_address(db, tmp_path):
    CountryFactory()
    report = Importer().run([partner_record(LOCATION)])
    assert report.errors == []
    assert Location.objects.get(hsds_id=LOCATION).address_visibility == Location.AddressVisibility.PUBLIC


# Records that cannot be imported -----------------------------------------------------------------------------------


def test_services_without_an_organization_id_are_errors_naming_each_one(db, tmp_path, capsys):
    """A tabular package with no organization_id column: the services belong to no one we know."""
    CountryFactory()
    individual = OrganisationFactory(kind=Organisation.Kind.INDIVIDUAL, name_es="Abogada Independiente")
    assert individual.hsds_id is None
    organizations = [partner_record(LOCATION)]
    services = organizations[0].pop("services")
    services.append({"id": "33333333-3333-4333-8333-333333333333", "name": "Emergency shelter – San Miguel",
                     "status": "active"})  # fmt: skip
    write_package(organizations, tmp_path / "package")
    # The services table, without its organization_id column.
    (tmp_path / "package" / "services.csv").write_text(
        "id,name,status\n" + "".join(f"{s['id']},{s['name']},active\n" for s in services), encoding="utf-8"
    )
    call_command("import_hsds", str(tmp_path / "package"))
    output = capsys.readouterr()
    for service in services:
        assert f"Skipped {service['id']}: service.organization_id: missing" in output.err
    assert not Service.objects.exists()
    assert not individual.services.exists()


def test_wrong_types_are_reported_by_record_and_field_without_a_traceback(db, tmp_path, capsys):
    CountryFactory()
    records = [
        {**partner_record(LOCATION), "phones": "+57 601 555 0100"},
        {**partner_record(LOCATION, organisation_id="99999999-9999-4999-8999-999999999999"), "name": ["Two", "names"]},
        {"id": "88888888-8888-4888-8888-888888888888", "name": "Org", "locations": [{"id": LOCATION,
         "latitude": {"lat": 1}}]},
    ]  # fmt: skip
    output = run(tmp_path, records, capsys=capsys)
    assert f"Skipped {ORG}: organization.phones: expected a list, found a text" in output.err
    assert "Skipped 99999999-9999-4999-8999-999999999999: organization.name: expected a text, found a list" in (
        output.err
    )
    assert f"Skipped {LOCATION}: organization.locations[0].latitude: expected a number, found an object" in output.err
    assert "Traceback" not in output.err + output.out
    assert not Organisation.objects.exists()
    assert "created 0 organisations, 0 locations, 0 services" in output.out


def test_an_organisation_is_imported_whole_or_not_at_all(db, tmp_path, capsys):
    """Services sent one by one, each carrying its organisation: a broken one keeps the whole organisation out."""
    CountryFactory()
    organization = partner_record(LOCATION)
    first, *_rest = organization.pop("services")
    second = {"id": "not-a-uuid", "name": "Broken", "status": "active"}
    output = run(tmp_path, [{**first, "organization": organization}, {**second, "organization": organization}],
                 capsys=capsys)  # fmt: skip
    assert "Skipped not-a-uuid: service.id: not a UUID" in output.err
    assert not Organisation.objects.exists() and not Service.objects.exists() and not Location.objects.exists()
    assert "skipped 1 organization(s)" in output.out


def test_the_summary_counts_what_was_written(db, tmp_path, capsys):
    CountryFactory()
    good = partner_record(LOCATION)
    broken = partner_record(
        "44444444-4444-4444-8444-444444444444", organisation_id="99999999-9999-4999-8999-999999999999"
    )
    broken["services"][0] = {"id": "55555555-5555-4555-8555-555555555556", "name": "Broken", "minimum_age": 300}
    output = run(tmp_path, [good, broken], capsys=capsys)
    assert "created 1 organisations, 1 locations, 1 services" in output.out
    assert (Organisation.objects.count(), Location.objects.count(), Service.objects.count()) == (1, 1, 1)


def test_a_dry_run_reports_what_the_real_run_does(db, tmp_path, capsys):
    """Later records see what earlier ones would have written: an organisation, then a service on its own that
    names it, then a broken one."""
    CountryFactory()
    organization = partner_record(LOCATION)
    alone = {"id": "33333333-3333-4333-8333-333333333333", "organization_id": ORG, "name": "Orientación",
             "status": "active"}  # fmt: skip
    stray = {"id": "44444444-4444-4444-8444-444444444444", "organization_id": "not-a-uuid", "name": "X",
             "status": "active"}  # fmt: skip
    records = [organization, alone, stray]
    dry = run(tmp_path, records, "--dry-run", capsys=capsys)
    assert not Organisation.objects.exists()
    real = run(tmp_path, records, capsys=capsys)
    assert dry.out.splitlines()[-1] == "Dry run, nothing saved: would have " + real.out.splitlines()[-1]
    assert dry.err == real.err
    assert Service.objects.filter(organisation__hsds_id=ORG).count() == 2


def test_a_service_on_its_own_may_name_one_of_our_organisations_by_its_exported_id(db, tmp_path):
    listing = ServiceFactory(organisation=OrganisationFactory(countries=[CountryFactory()]))
    record = {"id": "33333333-3333-4333-8333-333333333333", "name": "Nuevo", "status": "active",
              "organization_id": mapping.record_id(listing.organisation)}  # fmt: skip
    report = Importer().run(load_records(write(tmp_path, [record])))
    assert report.errors == []
    assert listing.organisation.services.count() == 2
