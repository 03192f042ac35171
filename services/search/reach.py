"""What the search index and the filters read of how people reach a service: a messaging channel of its own or of
one of its locations (``ContactChannel.MESSAGING``).

The index asks for these in queries of their own (``reach_facets``), not in its main reads of the services and
locations: a migration's rebuild of the index runs with the tables as they were then, before the channels' table
existed, and finds none there.
"""

from django.db import DatabaseError, connections, transaction

from services.models import ContactChannel

from .rows import among

# Facet words (``services.search.facet``), one for each filter.
MESSAGE_FACET = ("reach", "message")


def reach_facets(service_ids, service_locations: dict, *, using: str = "default") -> dict[int, list[tuple[str, str]]]:
    """The reach facets of ``service_ids`` given at ``service_locations`` (service id to location ids), by service
    id, in a fixed number of queries. None at all in a database migrated back to before the channels' table (a
    savepoint keeps the transaction usable there)."""
    try:
        with transaction.atomic(using=using):
            return _reach_facets(list(service_ids), service_locations, using=using)
    except DatabaseError:
        if ContactChannel._meta.db_table in connections[using].introspection.table_names():
            raise
        return {}


def _reach_facets(ids: list[int], service_locations: dict, *, using: str) -> dict[int, list[tuple[str, str]]]:
    found = {pk: [] for pk in ids}
    location_ids = list({location_id for pk in ids for location_id in service_locations.get(pk, ())})
    messaging = ContactChannel.objects.using(using).filter(kind__in=ContactChannel.MESSAGING).order_by()
    by_message = set(messaging.filter(among("service_id", ids)).values_list("service_id", flat=True))
    if location_ids:
        located = set(messaging.filter(among("location_id", location_ids)).values_list("location_id", flat=True))
        by_message |= {pk for pk in ids if located.intersection(service_locations.get(pk, ()))}
    for pk in by_message:
        found[pk].append(MESSAGE_FACET)
    return found
