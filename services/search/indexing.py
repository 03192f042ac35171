"""Keeping the index current: one service at a time (``index_services``, from ``services.signals``), in bulk
(``deferred_indexing``, ``bulk_indexing`` with ``index_new_services``) and from scratch (``rebuild_index``)."""

import contextlib
import threading
from collections.abc import Iterable, Iterator

from django.db import connections, transaction

from members.models import Location, OpeningHours
from services.models import OpeningSpan, SearchWord, Service, ServicePoint, ServiceSearchDocument

from .backends import backend
from .documents import build_index_rows, index_rows
from .rows import among, new_instance
from .week import opening_span_bounds

INDEX_BATCH_SIZE = 500
# Rows per INSERT statement (SQLite allows 999 parameters a statement; Django splits to fit).
INSERT_BATCH_SIZE = 1000

_deferred = threading.local()


@contextlib.contextmanager
def deferred_indexing():
    """Collect the services to re-index inside the block and index each once at the end (for bulk changes)."""
    outer = getattr(_deferred, "pending", None)
    if outer is not None:
        yield
        return
    _deferred.pending = set()
    try:
        yield
        pending = _deferred.pending
    finally:
        _deferred.pending = None
    index_services(pending)


def index_services(service_ids: Iterable[int]) -> None:
    """Bring the search documents and points of these services up to date (deleted services lose theirs)."""
    ids = sorted({int(pk) for pk in service_ids if pk is not None})
    if not ids:
        return
    pending = getattr(_deferred, "pending", None)
    if pending is not None:
        pending.update(ids)
        return
    for start in range(0, len(ids), INDEX_BATCH_SIZE):
        _index_batch(ids[start : start + INDEX_BATCH_SIZE])
    forget_kept_listings()


def forget_kept_listings() -> None:
    """What is cached of listings (the result cards' markup, ``services.cache``) is forgotten when they change: at
    once, and again when the change is committed, as a card read in between still showed the rows before it."""
    from services.cache import invalidate_directory_cache

    invalidate_directory_cache()
    transaction.on_commit(invalidate_directory_cache)


def _columns_missing(using: str) -> set[str]:
    """The columns of today's search documents that their table does not have yet."""
    connection = connections[using]
    with connection.cursor() as cursor:
        table = connection.introspection.get_table_description(cursor, ServiceSearchDocument._meta.db_table)
    present = {column.name for column in table}
    return {field.column for field in ServiceSearchDocument._meta.concrete_fields if not field.generated} - present


def insert_documents(documents: Iterable[ServiceSearchDocument], *, using: str = "default", words: bool = True) -> None:
    """Insert new documents (``bulk_create``), then add their words (``backend(using).add_words``). The callers
    deleted the documents they insert, or found none: with ``ignore_conflicts`` Django reads nothing back, neither the
    generated columns (megabytes of words sent back for nothing) nor those a migration's rebuild (0005) runs before."""
    inserted = list(documents)
    ServiceSearchDocument.objects.using(using).bulk_create(
        inserted, batch_size=INSERT_BATCH_SIZE, ignore_conflicts=True
    )
    if words:
        backend(using).add_words(inserted, using=using)


def _index_batch(ids: list[int]) -> None:
    documents, points = build_index_rows(ids)
    index_opening_spans(
        Service.locations.through.objects.filter(among("service_id", ids)).values_list("location_id", flat=True)
    )
    fields = [field.attname for field in ServiceSearchDocument._meta.concrete_fields if not field.generated]
    current = {row[0]: row for row in ServiceSearchDocument.objects.filter(among("pk", ids)).values_list(*fields)}
    changed = [d for d in documents if current.get(d.service_id) != tuple(getattr(d, name) for name in fields)]
    gone = set(current) - {d.service_id for d in documents}
    with transaction.atomic():
        # Delete and insert rather than update: the FTS5 triggers then see plain inserts and deletes.
        stale = gone | {d.service_id for d in changed if d.service_id in current}
        if stale:
            ServiceSearchDocument.objects.filter(pk__in=stale).delete()
        insert_documents(changed)
        ServicePoint.objects.filter(service_id__in=ids).delete()
        ServicePoint.objects.bulk_create(points, batch_size=INSERT_BATCH_SIZE)


def index_opening_spans(location_ids, *, using: str = "default") -> None:
    """Bring the opening spans (``OpeningSpan``, for "open now") of these locations up to date."""
    ids = sorted(set(location_ids))
    for start in range(0, len(ids), INDEX_BATCH_SIZE):
        batch = ids[start : start + INDEX_BATCH_SIZE]
        hours = OpeningHours.objects.using(using).filter(among("location_id", batch)).order_by()
        spans = [
            new_instance(OpeningSpan, location_id=location_id, time_zone=time_zone, start=span_start, end=span_end)
            for location_id, time_zone, weekday, opens, closes in hours.values_list(
                "location_id", "location__city__time_zone", "weekday", "opens", "closes"
            )
            for span_start, span_end in opening_span_bounds(weekday, opens, closes)
        ]
        OpeningSpan.objects.using(using).filter(among("location_id", batch)).delete()
        OpeningSpan.objects.using(using).bulk_create(spans, batch_size=INSERT_BATCH_SIZE)


def rebuild_index(*, using: str = "default", batch_size: int = 2000) -> int:
    """Rebuild every search document and point, then refresh the planner's statistics. Returns the count: 0, and
    nothing done, while the documents' table lacks a column of today's model (a migration's rebuild running before
    the migration that adds it, which rebuilds the index itself)."""
    if _columns_missing(using):
        return 0
    with transaction.atomic(using=using):
        ServicePoint.objects.using(using).all().delete()
        ServiceSearchDocument.objects.using(using).all().delete()
        # Words no document has any more go too (a migration's rebuild may run before 0009 made their table).
        words = SearchWord._meta.db_table in connections[using].introspection.table_names()
        if words:
            SearchWord.objects.using(using).all().delete()
        # One build of the indexes at the end: far faster than an update per row.
        with backend(using).without_search_indexes(connections[using]):
            ids = list(Service.objects.using(using).order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), batch_size):
                _insert_as_made(index_rows(ids[start : start + batch_size], using=using), using=using, words=words)
            index_opening_spans(Location.objects.using(using).values_list("pk", flat=True), using=using)
    analyse(using=using)
    return len(ids)


@contextlib.contextmanager
def bulk_indexing(*, using: str = "default"):
    """For loads that add many services at once (``generate_directory``): inside the block, index the new services
    with ``index_new_services``; on PostgreSQL the search documents' text and sort indexes are dropped during the
    block and built once at its end (far faster than updating them row by row). The planner's statistics are
    refreshed at the end. Run it inside a transaction, so readers never see the table without its indexes."""
    with backend(using).without_search_indexes(connections[using]):
        yield
    analyse(using=using)


def index_new_services(service_ids, *, using: str = "default") -> None:
    """Index services that have no search document yet (just bulk-created): plain inserts, no comparison."""
    rows = index_rows(service_ids, using=using)
    links = Service.locations.through.objects.using(using).filter(among("service_id", service_ids))
    index_opening_spans(links.values_list("location_id", flat=True), using=using)
    _insert_as_made(rows, using=using)


def _insert_as_made(rows: Iterator, *, using: str, words: bool = True) -> None:
    """Insert the documents and points of ``rows`` (``index_rows``)."""
    points = []

    def documents():
        for document, service_points in rows:
            points.extend(service_points)
            yield document

    insert_documents(documents(), using=using, words=words)
    ServicePoint.objects.using(using).bulk_create(points, batch_size=INSERT_BATCH_SIZE)


def analyse(*, using: str = "default") -> None:
    """Refresh the query planner's statistics: after a bulk load SQLite chose a far slower plan without."""
    backend(using).analyse(connections[using], directory_tables)


def directory_tables(connection) -> list[str]:
    """The tables of the members and services apps that are in the database (a migration's rebuild runs before
    later migrations have made theirs)."""
    from django.apps import apps

    return sorted(
        {
            model._meta.db_table
            for app in ("members", "services")
            for model in apps.get_app_config(app).get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        & set(connection.introspection.table_names())
    )


def add_every_documents_words(*, using: str = "default") -> None:
    """PostgreSQL: ``SearchWord`` filled from every document at once (migration 0009); nothing on SQLite."""
    backend(using).add_every_documents_words(using=using)
