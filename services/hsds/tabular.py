"""The HSDS tabular data package: a folder with ``datapackage.json`` and one CSV per table, and back.

``flatten`` turns nested organizations (as ``services.hsds.export`` builds them) into rows per table;
``nest`` turns the tables of any HSDS package (ours or another system's) back into nested organizations, so the
import reads one shape only.
"""

import csv
import json
from collections import defaultdict
from pathlib import Path

# The HSDS 3.0 tables we write and read, with their columns in the specification's order.
TABLES: dict[str, tuple[str, ...]] = {
    "organizations": (
        "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
        "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id",
    ),
    "services": (
        "id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status",
        "interpretation_services", "application_process", "fees_description", "wait_time", "fees", "accreditations",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
        "last_modified",
    ),
    "locations": (
        "id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation",
        "latitude", "longitude", "external_identifier", "external_identifier_type",
    ),
    "service_at_location": ("id", "service_id", "location_id", "description"),
    "addresses": (
        "id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
        "country", "address_type",
    ),
    "phones": (
        "id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
        "extension", "type", "description",
    ),
    "schedules": (
        "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone",
        "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description",
        "opens_at", "closes_at", "schedule_link", "attending_type", "notes",
    ),
    "languages": ("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
    "cost_options": (
        "id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description",
    ),
    "required_documents": ("id", "service_id", "document", "uri"),
    "accessibility": ("id", "location_id", "description", "details", "url"),
    "contacts": (
        "id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title", "department",
        "email",
    ),
    "attributes": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    "taxonomies": ("id", "name", "description", "uri", "version"),
    "taxonomy_terms": (
        "id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri",
    ),
}  # fmt: skip
NUMBERS = {"latitude", "longitude", "minimum_age", "maximum_age", "amount", "extension", "year_incorporated",
           "timezone", "count", "interval"}  # fmt: skip
# Required by the specification even when empty (a city-only address has no street): read back as "".
KEEP_EMPTY = {"addresses": {"address_1", "city", "state_province", "postal_code", "country", "address_type"}}
# Where each nested list of a record goes: its table.
NESTED_TABLES = {
    "services": "services",
    "locations": "locations",
    "service_at_locations": "service_at_location",
    "addresses": "addresses",
    "phones": "phones",
    "schedules": "schedules",
    "languages": "languages",
    "cost_options": "cost_options",
    "required_documents": "required_documents",
    "accessibility": "accessibility",
    "contacts": "contacts",
    "attributes": "attributes",
}
# A child row names its parent in this column.
PARENT_COLUMNS = {
    "organizations": "organization_id",
    "services": "service_id",
    "locations": "location_id",
    "service_at_location": "service_at_location_id",
}


def flatten(organizations: list[dict]) -> dict[str, list[dict]]:
    """Rows per table; taxonomy terms and taxonomies once each, however many records use them."""
    tables: dict[str, dict[str, dict]] = {name: {} for name in TABLES}

    def add(table: str, record: dict, parent_table: str | None, parent_id: str | None):
        row = {column: record[column] for column in TABLES[table] if column in record}
        parent_column = PARENT_COLUMNS.get(parent_table or "")
        if parent_column and parent_column in TABLES[table] and not row.get(parent_column):
            row[parent_column] = parent_id
        if table == "attributes" and record.get("taxonomy_term"):
            term = record["taxonomy_term"]
            detail = term.get("taxonomy_detail")
            if detail:
                tables["taxonomies"][detail["id"]] = {c: detail[c] for c in TABLES["taxonomies"] if c in detail}
            tables["taxonomy_terms"][term["id"]] = {c: term[c] for c in TABLES["taxonomy_terms"] if c in term}
        tables[table][row["id"]] = row
        for key, child_table in NESTED_TABLES.items():
            for child in record.get(key) or []:
                add(child_table, child, table, record["id"])
        if table == "service_at_location" and record.get("location"):
            add("locations", record["location"], None, None)

    for organization in organizations:
        add("organizations", organization, None, None)
    return {name: list(rows.values()) for name, rows in tables.items()}


def datapackage(tables: dict[str, list[dict]]) -> dict:
    return {
        "name": "rssn-directory-hsds",
        "title": "RSSN Directory in Open Referral HSDS 3.0",
        "profile": "tabular-data-package",
        "version": "3.0",
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": column, "type": "number" if column in NUMBERS else "string"} for column in TABLES[name]
                    ],
                    "primaryKey": "id",
                },
            }
            for name in tables
        ],
    }


def write_package(organizations: list[dict], folder: Path) -> list[Path]:
    """Write the package into ``folder`` (created if needed); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = flatten(organizations)
    written = []
    for name, rows in tables.items():
        path = folder / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=TABLES[name], extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({key: "" if value is None else value for key, value in row.items()})
        written.append(path)
    descriptor = folder / "datapackage.json"
    descriptor.write_text(json.dumps(datapackage(tables), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [descriptor, *written]


def _number(value: str):
    try:
        number = float(value)
    except ValueError:
        return value  # left as text: the import reports it
    return int(number) if number.is_integer() else number


def read_tables(folder: Path) -> dict[str, list[dict]]:
    """Every table of the package we understand; empty cells left out, numbers read as numbers."""
    tables = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        rows = []
        if path.exists():
            with path.open(newline="", encoding="utf-8-sig") as handle:
                for row in csv.DictReader(handle):
                    rows.append(
                        {
                            key: (_number(value) if key in NUMBERS else value)
                            for key, value in row.items()
                            if key and (value not in ("", None) or key in KEEP_EMPTY.get(name, ()))
                        }
                    )
        tables[name] = rows
    return tables


def nest(tables: dict[str, list[dict]]) -> list[dict]:
    """Organizations with their services, locations and the rest nested, as the JSON form has them.

    A service whose organization is not in the package is returned on its own (the import looks its organization
    up by id). A row linked to several records (a phone with a location and a service) goes to each of them.
    """
    terms = {row["id"]: dict(row) for row in tables.get("taxonomy_terms", [])}
    taxonomies = {row["id"]: row for row in tables.get("taxonomies", [])}
    for term in terms.values():
        if term.get("taxonomy_id") in taxonomies:
            term["taxonomy_detail"] = taxonomies[term["taxonomy_id"]]

    records: dict[str, dict] = {}
    organizations = [dict(row) for row in tables.get("organizations", [])]
    services = [dict(row) for row in tables.get("services", [])]
    locations = [dict(row) for row in tables.get("locations", [])]
    at_locations = [dict(row) for row in tables.get("service_at_location", [])]
    for record in (*organizations, *services, *locations, *at_locations):
        records[record["id"]] = record

    def attach(rows, key, parent_columns):
        for row in rows:
            for column in parent_columns:
                parent = records.get(row.get(column))
                if parent is not None:
                    parent.setdefault(key, []).append(row)

    by_organization = defaultdict(list)
    for location in locations:
        by_organization[location.get("organization_id")].append(location)
    for record in at_locations:
        location = records.get(record.get("location_id"))
        if location is not None and location.get("organization_id") not in records:
            record["location"] = location  # a location no organization lists travels with its service
    attach(at_locations, "service_at_locations", ["service_id"])
    attach(tables.get("addresses", []), "addresses", ["location_id"])
    attach(tables.get("accessibility", []), "accessibility", ["location_id"])
    attach(tables.get("phones", []), "phones", ["service_id", "location_id", "organization_id"])
    # Phones, contacts and schedules have their own languages and attributes (a contact channel's kind, a temporary
    # closure).
    for row in (*tables.get("phones", []), *tables.get("contacts", []), *tables.get("schedules", [])):
        records.setdefault(row["id"], row)
    attach(tables.get("schedules", []), "schedules", ["service_id", "location_id", "service_at_location_id"])
    attach(tables.get("languages", []), "languages", ["service_id", "location_id", "phone_id"])
    attach(tables.get("cost_options", []), "cost_options", ["service_id"])
    attach(tables.get("required_documents", []), "required_documents", ["service_id"])
    attach(tables.get("contacts", []), "contacts", ["organization_id", "service_id", "location_id"])
    attributes = []
    for row in tables.get("attributes", []):
        attribute = dict(row)
        if attribute.get("taxonomy_term_id") in terms:
            attribute["taxonomy_term"] = terms[attribute["taxonomy_term_id"]]
        attributes.append(attribute)
    attach(attributes, "attributes", ["link_id"])

    organization_ids = {organization["id"] for organization in organizations}
    for organization in organizations:
        organization["locations"] = by_organization.get(organization["id"], [])
        organization["services"] = [s for s in services if s.get("organization_id") == organization["id"]]
    orphans = [service for service in services if service.get("organization_id") not in organization_ids]
    return [*organizations, *orphans]
