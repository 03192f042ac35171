"""What the search index and the filters read of what it takes to get in to a service: no documents needed, no
referral needed, walk in, a wheelchair-accessible location (``Service.documents_required``, ``referral_required``,
``appointment``; ``Location.wheelchair_accessible``). Only what the member said counts: a fact nobody gave is no
facet, so "walk in" never finds a service that has not said.

The index asks for these in queries of their own (``access_facets``), not in its main reads of the services and
locations: a migration's rebuild of the index runs with the tables as they were then, before these columns existed,
and finds none there.
"""

from django.db import DatabaseError, connections, transaction

from members.models import Location
from services.fields import NO_DOCUMENTS
from services.models import Service

from .rows import among

# Facet words (``services.search.facet``), one for each filter.
NO_DOCUMENTS_FACET = ("access", "no_documents")
NO_REFERRAL_FACET = ("access", "no_referral")
WALK_IN_FACET = ("access", "walk_in")
WHEELCHAIR_FACET = ("access", "wheelchair")

COLUMNS = {
    Service._meta.db_table: ("documents_required", "appointment"),
    Location._meta.db_table: ("wheelchair_accessible",),
}


def access_facets(service_ids, service_locations: dict, *, using: str = "default") -> dict[int, list[tuple]]:
    """The access facets of ``service_ids`` given at ``service_locations`` (service id to location ids), by service
    id, in two queries. None at all in a database migrated back to before these columns (a savepoint keeps the
    transaction usable there)."""
    try:
        with transaction.atomic(using=using):
            return _access_facets(list(service_ids), service_locations, using=using)
    except DatabaseError:
        if _columns_exist(using):
            raise
        return {}


def _columns_exist(using: str) -> bool:
    connection = connections[using]
    with connection.cursor() as cursor:
        for table, columns in COLUMNS.items():
            present = {column.name for column in connection.introspection.get_table_description(cursor, table)}
            if not set(columns) <= present:
                return False
    return True


def _access_facets(ids: list[int], service_locations: dict, *, using: str) -> dict[int, list[tuple]]:
    found = {pk: [] for pk in ids}
    rows = (
        Service.objects.using(using)
        .filter(among("pk", ids))
        .order_by()
        .values_list("pk", "documents_required", "referral_required", "appointment")
    )
    for pk, documents, referral, appointment in rows:
        if documents == NO_DOCUMENTS:
            found[pk].append(NO_DOCUMENTS_FACET)
        if referral is False:
            found[pk].append(NO_REFERRAL_FACET)
        if appointment == Service.Appointment.WALK_IN:
            found[pk].append(WALK_IN_FACET)
    location_ids = list({location_id for pk in ids for location_id in service_locations.get(pk, ())})
    if location_ids:
        accessible = set(
            Location.objects.using(using)
            .filter(among("pk", location_ids), wheelchair_accessible=True)
            .order_by()
            .values_list("pk", flat=True)
        )
        for pk in ids:
            if accessible.intersection(service_locations.get(pk, ())):
                found[pk].append(WHEELCHAIR_FACET)
    return found
