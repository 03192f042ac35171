"""Text search, filters and "near": the one module that knows how the directory's search index is built and read.

The index is denormalised on purpose (see DESIGN.md and docs/performance.md): one ``ServiceSearchDocument`` per
service with the normalised words of every language version of the service, its organisation, categories, cities
and countries, the name each page language sorts by, and facet words for the filters (``facet``); one
``ServicePoint`` per service and location with the location's *search* point; and ``OpeningSpan`` rows for "open
now". ``services.signals`` keeps them current when a listing changes; ``python manage.py rebuild_search_index``
rebuilds them after bulk loads. A results page finds its ids in this index alone, then reads those services.

One meaning on every database: a query word matches a document when one of the document's words starts with it.
Documents are stored as `` word word word `` (normalised, space-separated, spaces at both ends), so that meaning
is ``LIKE '% word%'``. The engines only make it fast:

- SQLite: an FTS5 table over ``text`` and ``facets`` (external content, kept in step by triggers, "=" a letter so
  facet words stay whole), queried with one MATCH: ``"word"*`` prefix terms and facet alternatives, AND-ed. Its
  tokenizer splits on the same characters ``normalise`` removes, so FTS5 words are exactly the document's words.
- PostgreSQL: a GIN index on ``words`` (a stored ``tsvector`` of ``text``: its words exactly, no parser, no
  stemming) and on ``facet_words`` (the same of ``facets``), queried with the words each query word starts
  (``expand_words``, from ``SearchWord``: ``'apoyo' | 'apoyos'``), or a ``'word':*`` prefix term when they are many.

Ranking is the same SQL on both: for each query word, 4 if it starts a word of a name (service, organisation,
acronym, category), 2 if it starts a word of a place (city, area, country), 1 otherwise (descriptions).
"""

import contextlib
import datetime
import itertools
import math
import re
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import connections, transaction
from django.db.models import BooleanField, Case, F, FloatField, Func, IntegerField, Q, TextField, Value, When
from django.db.models.base import ModelState
from django.db.models.expressions import RawSQL
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from members.models import City, Country, Location, OpeningHours, Organisation
from services.bulk import among, dropped_during, insert_instances, new_instance
from services.models import (
    OpeningSpan,
    SearchWord,
    Service,
    ServiceCategory,
    ServicePoint,
    ServiceSearchDocument,
)

MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 10
# One-letter words ("a", "e", "y", "o" in Spanish and Portuguese) would match nearly every document; they are
# dropped from queries (documents keep them, so "a" in a longer word still counts).
MIN_WORD_LENGTH = 2
EARTH_RADIUS_KM = 6371.0088
INDEX_BATCH_SIZE = 500
# Created by migrations 0005_search_document_facets and 0008_search_facet_words; rebuild_index drops it during the
# bulk insert and builds it again.
POSTGRESQL_TEXT_INDEX = "services_search_words"
POSTGRESQL_CREATE_TEXT_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {POSTGRESQL_TEXT_INDEX} ON services_servicesearchdocument USING gin "
    "(words, facet_words, name_words)"
)

# Letters that Unicode does not decompose into a base letter plus accent, folded by hand so that people who
# type without them still find the word.
_EXTRA_FOLDS = str.maketrans({"ø": "o", "đ": "d", "ð": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"})


_NOT_WORD = re.compile(r"[\W_]+")


def _is_accent(character: str) -> bool:
    return bool(unicodedata.combining(character))


class _AccentFolds(dict):
    """``str.translate`` table folding each non-ASCII character the first time it is seen: its NFKD decomposition
    without the combining marks (decomposition is per character, so this equals folding the whole text, and
    indexing 500,000 services spends its time here otherwise)."""

    def __missing__(self, code_point: int) -> str:
        character = chr(code_point)
        folded = "".join(
            ch for ch in unicodedata.normalize("NFKD", character) if ch.isascii() or not _is_accent(ch)
        ).translate(_EXTRA_FOLDS)
        self[code_point] = folded
        return folded


_ACCENT_FOLDS = _AccentFolds()


def normalise(text: str) -> str:
    """Accent-folded, lower-case words separated by single spaces; punctuation and symbols become spaces.

    Words are runs of letters and digits (Unicode categories L* and N*), as in SQLite's FTS5 ``unicode61``
    tokenizer, so both engines see the same words.
    """
    if not text:
        return ""
    text = str(text)
    if not text.isascii():
        text = text.translate(_ACCENT_FOLDS)
    return _NOT_WORD.sub(" ", text.casefold().translate(_EXTRA_FOLDS)).strip()


def query_words(text: str) -> list[str]:
    """The words of a query, as they are matched: normalised, at least two characters, at most ten, no repeats."""
    words = []
    for word in normalise(str(text or "")[: MAX_QUERY_CHARACTERS * 4])[:MAX_QUERY_CHARACTERS].split():
        if len(word) >= MIN_WORD_LENGTH and word not in words:
            words.append(word)
    return words[:MAX_QUERY_WORDS]


class _Words(dict):
    """The normalised words of each text, worked out once: an organisation's names and description, its categories'
    and its places' names recur in the document of each of its services (building the documents spent half its
    time normalising them again)."""

    def __missing__(self, text: str) -> list[str]:
        words = self[text] = normalise(text).split()
        return words


def _document_field(values: Iterable[str], words: _Words | None = None) -> str:
    """Normalised words of ``values``, each once, in order, with a space at both ends. (Normalising is per
    character and words never span two values, so each value's words are those of all of them joined.)"""
    words = _Words() if words is None else words
    found = dict.fromkeys(itertools.chain.from_iterable(words[value] for value in values if value))
    return f" {' '.join(found)} " if found else ""


def _localized(*fields: str) -> list[str]:
    return [build_localized_fieldname(field, language) for field in fields for language in AVAILABLE_LANGUAGES]


SERVICE_NAMES, SERVICE_BODY = _localized("name"), _localized("description", "eligibility", "how_to_access")
ORGANISATION_NAMES, ORGANISATION_BODY = _localized("name", "acronym"), _localized("description")
PLACE_NAMES, CATEGORY_NAMES = _localized("name"), _localized("name")


MODES = ["in_person", "by_phone", "online", "outreach"]
SERVICE_FACTS = ["cost", *MODES, "open_24_7"]
# Facets: words in a document's ``facets`` that say what the filters ask (``=country=co``, ``=category=12``...).
# They start with "=", which no query word can contain (``normalise`` keeps letters and digits only), so a search
# never matches them, and the text index covers them with the words: one index intersects a search's conditions.
# (A separate, short field: PostgreSQL may check a filter row by row, and reading the long text for that was slow.)
FACET_MARK = "="


def facet(kind: str, value="") -> str:
    """The facet word for ``kind`` and ``value``: ``facet("country", "CO") == "=country=co"``."""
    return f"{FACET_MARK}{kind}{FACET_MARK}{value}".lower() if value != "" else f"{FACET_MARK}{kind}"


SORT_NAME_LENGTH = ServiceSearchDocument._meta.get_field("sort_name_en").max_length


def sort_name_field(language: str) -> str:
    """The search document's field that orders services by name on a page in ``language``."""
    return build_localized_fieldname("sort_name", language if language in AVAILABLE_LANGUAGES else "en")


def _sort_names(service: dict) -> dict[str, str]:
    """For each page language, the service's name that page shows (the language's own, else its fallbacks'),
    lower-cased, for ordering by name."""
    from rssn.languages import localized_fields

    names = {}
    for language in AVAILABLE_LANGUAGES:
        in_order = (service[attribute] for _code, attribute in localized_fields("name", language))
        names[sort_name_field(language)] = next((name for name in in_order if name), "").lower()[:SORT_NAME_LENGTH]
    return names


def _values(row: dict, fields: list[str]) -> list[str]:
    return [row[field] or "" for field in fields]


# --- Building and keeping the index -------------------------------------------------------------------------------


def build_index_rows(service_ids, *, using: str = "default") -> tuple[list[ServiceSearchDocument], list[ServicePoint]]:
    """The search documents and points of these services (``index_rows``)."""
    documents, points = [], []
    for document, service_points in index_rows(service_ids, using=using):
        documents.append(document)
        points += service_points
    return documents, points


def index_rows(service_ids, *, using: str = "default") -> Iterator[tuple[ServiceSearchDocument, list[ServicePoint]]]:
    """Each service's search document and points. What they are made of is read now, with a fixed number of plain
    queries (model instances with every translated field cost ten times more when 50,000 services are rebuilt);
    each service's are made as the iterator is read, so that they can be written as they come
    (``services.bulk.BulkWriter``)."""
    db = using
    ids = list(service_ids)
    services = list(
        Service.objects.using(db)
        .filter(among("pk", ids))
        .order_by("pk")  # points are written in this order and their links': the same directory, the same ids
        .values("pk", "organisation_id", "status", *SERVICE_NAMES, *SERVICE_BODY, *SERVICE_FACTS)
    )
    organisation_ids = {service["organisation_id"] for service in services}
    organisations = {
        row["pk"]: row
        for row in Organisation.objects.using(db)
        .filter(among("pk", organisation_ids))
        .order_by()
        .values("pk", "status", *ORGANISATION_NAMES, *ORGANISATION_BODY)
    }
    organisation_countries = defaultdict(list)
    for organisation_id, country_id in (
        Organisation.countries.through.objects.using(db)
        .filter(among("organisation_id", organisation_ids))
        .values_list("organisation_id", "country_id")
    ):
        organisation_countries[organisation_id].append(country_id)
    service_categories, service_locations = defaultdict(list), defaultdict(list)
    for service_id, category_id in (
        Service.categories.through.objects.using(db)
        .filter(among("service_id", ids))
        .values_list("service_id", "servicecategory_id")
    ):
        service_categories[service_id].append(category_id)
    service_facets = defaultdict(list)
    for kind, descriptor, column in (
        ("population", Service.populations, "population_id"),
        ("language", Service.languages, "language_id"),
    ):
        for service_id, target in (
            descriptor.through.objects.using(db).filter(among("service_id", ids)).values_list("service_id", column)
        ):
            service_facets[service_id].append(facet(kind, target))
    location_links = Service.locations.through.objects.using(db).filter(among("service_id", ids))
    for service_id, location_id in location_links.order_by("pk").values_list("service_id", "location_id"):
        service_locations[service_id].append(location_id)
    locations = {
        row["pk"]: row
        for row in Location.objects.using(db)
        .filter(pk__in=location_links.values("location_id"))
        .order_by()
        .values("pk", "city_id", "latitude", "longitude", "address_visibility", "open_24_7")
    }
    cities = {
        row["pk"]: row
        for row in City.objects.using(db)
        .filter(pk__in={location["city_id"] for location in locations.values()})
        .order_by()
        .values("pk", "country_id", "latitude", "longitude", "administrative_area", *PLACE_NAMES)
    }
    # Countries and categories are a few hundred rows at most.
    countries = {row["pk"]: row for row in Country.objects.using(db).order_by().values("pk", "code", *PLACE_NAMES)}
    categories = {
        row["pk"]: row
        for row in ServiceCategory.objects.using(db).order_by().values("pk", "parent_id", *CATEGORY_NAMES)
    }

    def made():
        words = _Words()
        for service in services:
            organisation = organisations[service["organisation_id"]]
            names = [*_values(service, SERVICE_NAMES), *_values(organisation, ORGANISATION_NAMES)]
            for category_id in service_categories[service["pk"]]:
                category = categories[category_id]
                names += _values(category, CATEGORY_NAMES)
                if category["parent_id"]:
                    names += _values(categories[category["parent_id"]], CATEGORY_NAMES)
            places = []
            for location_id in service_locations[service["pk"]]:
                city = cities[locations[location_id]["city_id"]]
                places += [*_values(city, PLACE_NAMES), city["administrative_area"]]
                places += _values(countries[city["country_id"]], PLACE_NAMES)
            for country_id in organisation_countries[organisation["pk"]]:
                places += _values(countries[country_id], PLACE_NAMES)
            body = [*_values(service, SERVICE_BODY), *_values(organisation, ORGANISATION_BODY)]
            is_public = (
                service["status"] == Service.Status.ACTIVE and organisation["status"] == Organisation.Status.APPROVED
            )
            service_locations_rows = [locations[location_id] for location_id in service_locations[service["pk"]]]
            always_open = service["open_24_7"] or any(row["open_24_7"] for row in service_locations_rows)
            organisation_codes = {countries[pk]["code"] for pk in organisation_countries[organisation["pk"]]}
            located_codes = {countries[cities[row["city_id"]]["country_id"]]["code"] for row in service_locations_rows}
            facets = [
                *service_facets[service["pk"]],
                # Where it is given: its locations' countries, or its organisation's when it has none.
                *(facet("country", code) for code in (located_codes if service_locations_rows else organisation_codes)),
                *(facet("city", row["city_id"]) for row in service_locations_rows),
                *(facet("mode", mode) for mode in MODES if service[mode]),
                *([facet("cost", service["cost"])] if service["cost"] else []),
            ]
            if service["by_phone"] or service["online"]:  # phone and online services reach where the organisation works
                facets += [facet("reaches", code) for code in organisation_codes]
            for category_id in service_categories[service["pk"]]:
                facets += [facet("category", category_id)]
                if categories[category_id]["parent_id"]:
                    facets += [facet("category", categories[category_id]["parent_id"])]
            service_points = []
            for location_id in service_locations[service["pk"]]:
                row = locations[location_id]
                city = cities[row["city_id"]]
                service_points.append(
                    new_instance(
                        ServicePoint,
                        service_id=service["pk"],
                        location_id=location_id,
                        **_search_point(row, city),
                        country_code=countries[city["country_id"]]["code"],
                        is_public=is_public,
                    )
                )
            facets += [facet("cell", cell(point.latitude, point.longitude)) for point in service_points]
            document = new_instance(
                ServiceSearchDocument,
                service_id=service["pk"],
                is_public=is_public,
                names=_document_field(names, words),
                places=_document_field(places, words),
                text=_document_field([*names, *places, *body], words),
                facets=f" {' '.join(dict.fromkeys(facets))} " if facets else "",
                **_sort_names(service),
                always_open=always_open,
            )
            yield document, service_points

    return made()


def _search_point(location: dict, city: dict) -> dict:
    """The point distances are measured from, decided by ``Location.search_point`` itself (the one gate): the
    city's centre unless the address is public.

    The instances are shells (``__new__`` plus the fields the property reads): with modeltranslation's patched
    constructor, building real ones cost 180 µs per location, most of the time of a rebuild."""
    shell_city = City.__new__(City)
    shell_city.__dict__.update(id=city["pk"], latitude=city["latitude"], longitude=city["longitude"])
    shell = Location.__new__(Location)
    shell.__dict__.update(
        address_visibility=location["address_visibility"],
        latitude=location["latitude"],
        longitude=location["longitude"],
        city_id=city["pk"],
        _state=ModelState(),
    )
    shell._state.fields_cache["city"] = shell_city
    point = shell.search_point
    return {"latitude": point.latitude, "longitude": point.longitude}


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


def insert_documents(documents: Iterable[ServiceSearchDocument], *, using: str = "default", words: bool = True) -> None:
    """Insert new documents, each as it comes (``services.bulk.insert_instances``), then add their words
    (``_add_words``). The generated columns are not read back, as ``bulk_create`` would: they are only read by
    searches, the words of 50,000 documents are megabytes to send back for nothing, and a migration's rebuild (0006)
    runs before later migrations have added theirs."""
    inserted = []

    def kept():
        for document in documents:
            inserted.append(document)
            yield document

    insert_instances(ServiceSearchDocument, kept(), using=using)
    if words:
        _add_words(inserted, using=using)


def _add_words(documents, *, using: str) -> None:
    """PostgreSQL: the documents' words that ``SearchWord`` lacks are added (``expand_words``)."""
    connection = connections[using]
    if connection.vendor != "postgresql" or not documents:
        return
    words = set()
    for document in documents:
        words.update(document.text.split())
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (word) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",  # noqa: S608  # nosec B608
            [sorted(words)],
        )


def add_every_documents_words(*, using: str = "default") -> None:
    """PostgreSQL: ``SearchWord`` filled from every document at once (migration 0009)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    words, documents = (
        connection.ops.quote_name(model._meta.db_table) for model in (SearchWord, ServiceSearchDocument)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {words} (word) SELECT word FROM ts_stat('SELECT words FROM {documents}') "  # noqa: S608  # nosec B608
            "ON CONFLICT DO NOTHING"
        )


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
        insert_instances(ServicePoint, points)


SECONDS_PER_DAY = 86_400
SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY


def _seconds(moment: datetime.time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def opening_span_bounds(weekday: int, opens: datetime.time, closes: datetime.time) -> list[tuple[int, int]]:
    """An opening range as [start, end) seconds of the week: one range, or two when it passes Sunday midnight."""
    start = weekday * SECONDS_PER_DAY + _seconds(opens)
    end = weekday * SECONDS_PER_DAY + _seconds(closes) + (SECONDS_PER_DAY if closes < opens else 0)
    if end <= SECONDS_PER_WEEK:
        return [(start, end)]
    return [(start, SECONDS_PER_WEEK), (0, end - SECONDS_PER_WEEK)]


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
        insert_instances(OpeningSpan, spans, using=using)


def rebuild_index(*, using: str = "default", batch_size: int = 2000) -> int:
    """Rebuild every search document and point, then refresh the planner's statistics. Returns the count."""
    with transaction.atomic(using=using):
        ServicePoint.objects.using(using).all().delete()
        ServiceSearchDocument.objects.using(using).all().delete()
        # Words no document has any more go too (a migration's rebuild may run before 0009 made their table).
        words = SearchWord._meta.db_table in connections[using].introspection.table_names()
        if words:
            SearchWord.objects.using(using).all().delete()
        with _without_search_indexes(connections[using]):  # one build at the end: far faster than 50,000 updates
            ids = list(Service.objects.using(using).order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), batch_size):
                _insert_as_made(index_rows(ids[start : start + batch_size], using=using), using=using, words=words)
            index_opening_spans(Location.objects.using(using).values_list("pk", flat=True), using=using)
    analyse(using=using)
    return len(ids)


@contextlib.contextmanager
def _without_search_indexes(connection):
    """PostgreSQL: the search documents' secondary indexes (the text index and the sort indexes) are dropped inside
    the block and built again at its end, each as it was defined (a migration's rebuild runs before later
    migrations change them). Building an index once from the whole table is far faster than adding each new row to
    it: the four sort indexes hold the names' and facets' words, and at 100,000 organisations they are 1.6 GB that
    a load otherwise writes in random order through a few hundred megabytes of cache."""
    if connection.vendor != "postgresql":
        yield
        return
    table = ServiceSearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisunique ORDER BY c.relname",
            [table],
        )
        found = dict(cursor.fetchall())
    indexes = [(f"DROP INDEX {connection.ops.quote_name(name)}", definition) for name, definition in found.items()]
    if POSTGRESQL_TEXT_INDEX not in found:
        indexes.append((None, POSTGRESQL_CREATE_TEXT_INDEX))
    with dropped_during(connection, indexes):
        yield


@contextlib.contextmanager
def bulk_indexing(*, using: str = "default"):
    """For loads that add many services at once (``generate_directory``): inside the block, index the new services
    with ``index_new_services``; on PostgreSQL the search documents' text and sort indexes are dropped during the
    block and built once at its end (far faster than updating them row by row). The planner's statistics are
    refreshed at the end. Run it inside a transaction, so readers never see the table without its indexes."""
    with _without_search_indexes(connections[using]):
        yield
    analyse(using=using)


def index_new_services(service_ids, *, using: str = "default") -> None:
    """Index services that have no search document yet (just bulk-created): plain inserts, no comparison."""
    rows = index_rows(service_ids, using=using)
    links = Service.locations.through.objects.using(using).filter(among("service_id", service_ids))
    index_opening_spans(links.values_list("location_id", flat=True), using=using)
    _insert_as_made(rows, using=using)


def _insert_as_made(rows: Iterator, *, using: str, words: bool = True) -> None:
    """Insert the documents and points of ``rows`` (``index_rows``), each document written as soon as it is made:
    on PostgreSQL the server makes its words (the generated columns) meanwhile, on the other core (generating
    10,000 organisations spent a fifth of its time waiting for them)."""
    points = []

    def documents():
        for document, service_points in rows:
            points.extend(service_points)
            yield document

    insert_documents(documents(), using=using, words=words)
    insert_instances(ServicePoint, points, using=using)


def analyse(*, using: str = "default") -> None:
    """Refresh the query planner's statistics: after a bulk load SQLite chose a 200 times slower plan without."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO services_search_fts(services_search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            # This app's and the members app's tables only: a bare ANALYZE also analyses the cluster's shared
            # catalogues, and inside a bulk load's transaction that lock blocked every other database's ANALYZE.
            tables = directory_tables(connection)
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))


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


# --- Reading the index ----------------------------------------------------------------------------------------------


# A query word that starts more words than this is asked as a prefix (``'a':*``).
MAX_EXPANDED_WORDS = 40


def expand_words(connection, words: list[str]) -> dict[str, list[str]]:
    """PostgreSQL: for each query word, the words of the documents that start with it (``SearchWord``), in one
    statement; a word that starts more than ``MAX_EXPANDED_WORDS``, or none, is left out (asked as a prefix)."""
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    # Query words are letters and digits only (``normalise``): no LIKE wildcard among them.
    one = f"(SELECT %s::integer, word FROM {table} WHERE word LIKE %s LIMIT {MAX_EXPANDED_WORDS + 1})"  # noqa: S608  # nosec B608
    found = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join([one] * len(words)),
            [value for index, word in enumerate(words) for value in (index, f"{word}%")],
        )
        for index, word in cursor.fetchall():
            found[index].append(word)
    return {
        word: sorted(found[index]) for index, word in enumerate(words) if 0 < len(found[index]) <= MAX_EXPANDED_WORDS
    }


def _text_query(words: list[str], expanded: dict[str, list[str]] | None = None) -> str:
    """PostgreSQL's query for documents with a word starting with each of ``words``: ``'apoyo':* & 'legal':*``, or
    with the words that do (``expand_words``): ``('apoyo' | 'apoyos') & ...``. Words are letters and digits only
    (``normalise``), so quoting them is all the escaping needed."""
    expanded = expanded or {}
    terms = []
    for word in words:
        if word in expanded:
            terms.append("(" + " | ".join(f"'{other}'" for other in expanded[word]) + ")")
        else:
            terms.append(f"'{word}':*")
    return " & ".join(terms)


class Matches(Func):
    """``document words @@ query``: true when the document has a word starting with each query word. The index
    answers it exactly (no recheck of the long text, as a trigram index needed)."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def filter_by_text(queryset, text: str, *, document: str = "", query: str = ""):
    """``queryset`` narrowed to rows matching every word of ``text``, annotated with ``search_rank``. ``document``
    is the path from a row to its search document (empty on search documents, ``search_document__`` on
    services); both have the service's id as primary key. ``query``: on PostgreSQL, the query the same text became
    in an earlier search (its ``search_query``), so that its words are not looked up again."""
    words = query_words(text)
    if not words:
        return queryset.annotate(search_rank=Value(0, output_field=IntegerField()))
    if connections[queryset.db].vendor == "sqlite":
        queryset = _match_fts(queryset, _fts_words(words))
    else:
        # The stored words (a generated column): checking them row by row costs a few µs, where building them from
        # the text cost 30 µs, and PostgreSQL does check rows one by one when it starts from another condition.
        query = query or _text_query(words, expand_words(connections[queryset.db], words))
        queryset = queryset.filter(Matches(F(f"{document}words"), _tsquery(query)))
        queryset.search_query = query
    queryset = queryset._chain()
    queryset.search_words = tuple(words)
    rank = sum(
        (
            Case(
                When(**{f"{document}names__contains": f" {word}"}, then=Value(4)),
                When(**{f"{document}places__contains": f" {word}"}, then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
            for word in words
        ),
        start=Value(0, output_field=IntegerField()),
    )
    return queryset.annotate(search_rank=rank)


def filter_by_facets(queryset, alternatives, *, document: str = ""):
    """``queryset`` narrowed to rows whose document has at least one of these facet words (none: no row)."""
    words = sorted({word.lower() for word in alternatives})
    if not words:
        return queryset.none()
    if connections[queryset.db].vendor == "sqlite":
        return _match_fts(queryset, " OR ".join('"{}"'.format(word.replace('"', '""')) for word in words))
    query = " | ".join("'{}'".format(word.replace("'", "''")) for word in words)
    return queryset.filter(Matches(F(f"{document}facet_words"), _tsquery(query)))


FTS_MATCH = "SELECT rowid FROM services_search_fts WHERE services_search_fts MATCH %s"


class FtsMatch(RawSQL):
    """SQLite: the ids of the documents matching every one of ``parts`` (FTS5 queries), in one FTS5 MATCH."""

    def __init__(self, parts):
        self.parts = tuple(parts)
        match = " AND ".join(f"({part})" for part in self.parts) if len(self.parts) > 1 else self.parts[0]
        # The SQL is a constant; the user's words reach SQLite only as the MATCH parameter.
        super().__init__(FTS_MATCH, (match,))  # noqa: S611  # nosec B611


def _fts_words(words) -> str:
    """The FTS5 query for a word starting with each of ``words``: ``"apoyo"* "legal"*``."""
    return " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)


def _fts_conditions(queryset) -> list:
    """The top-level conditions of ``queryset`` that are an FTS5 MATCH (``pk__in=FtsMatch(...)``)."""
    where = queryset.query.where
    if where.negated or where.connector != "AND":
        return []
    return [child for child in where.children if isinstance(getattr(child, "rhs", None), FtsMatch)]


def _match_fts(queryset, part: str, *, replacing: str = ""):
    """SQLite: ``queryset`` narrowed to the FTS5 query ``part``, AND-ed into the FTS5 condition it already has, if
    any (without its part ``replacing``): one FTS5 query intersects its words' lists itself, where separate
    conditions each built a list of thousands of ids for the database to intersect."""
    queryset = queryset._chain()
    earlier = _fts_conditions(queryset)
    parts = [item for child in earlier for item in child.rhs.parts if item != replacing]
    where = queryset.query.where
    where.children = [child for child in where.children if not any(child is node for node in earlier)]
    return queryset.filter(pk__in=FtsMatch([*parts, part]))


def read_in_order(documents):
    """SQLite: ``documents`` read in the order of the sort index, the FTS5 condition checked row by row against its
    list of ids instead of choosing the rows. For dense matches (best results known to fill pages) the page is
    full after some dozen rows, where reading every match to sort them cost 16 ms at 10,000 organisations."""
    if connections[documents.db].vendor != "sqlite":
        return documents
    documents = documents._chain()
    conditions = _fts_conditions(documents)
    where = documents.query.where
    where.children = [child for child in where.children if not any(child is node for node in conditions)]
    meta = documents.model._meta
    column = f'"{meta.db_table}"."{meta.pk.column}"'
    for condition in conditions:
        # "+" keeps SQLite from looking the ids up by primary key (it would then sort every match).
        checked = RawSQL(f"+{column} IN ({FTS_MATCH})", condition.rhs.params, output_field=BooleanField())  # noqa: S611  # nosec B611
        documents = documents.filter(checked)
    return documents


def _tsquery(query: str) -> Func:
    return Func(Value(query), template="%(expressions)s::tsquery", output_field=TextField())


def best_results(index):
    """For a search ordered by relevance first (not by distance): the documents with the best possible rank, every
    query word starting a word of a name (4 per word), in the order that follows the rank (the name, then the id),
    and that rank; None for other orders. A broad search ("apoyo psicosocial", a category's name) has thousands of
    these: its first pages and its capped count come from them alone, read in name order from the sort index,
    instead of ranking every match first."""
    words = getattr(index, "search_words", ())
    order = list(index.query.order_by)
    if not words or not order or order[0] != "-search_rank" or "distance_km" in index.query.annotations:
        return None
    if connections[index.db].vendor == "sqlite":
        # Every word in a name is every word in the text too: the text's condition goes.
        terms = _fts_words(words)
        best = _match_fts(index, f"names : ({terms})", replacing=terms)
    else:
        # The words' condition goes: every word in a name is every word in the text too, and checking the text's
        # words row by row costs five times the names'.
        best = index._chain()
        where = best.query.where
        if where.connector == "AND" and not where.negated:
            where.children = [child for child in where.children if not _matches_column(child, "words")]
        query = getattr(index, "search_query", "") or _text_query(list(words))
        best = best.filter(Matches(F("name_words"), _tsquery(query)))
    return best.order_by(*order[1:]), 4 * len(words)


def _matches_column(condition, column: str) -> bool:
    """Whether a WHERE condition is ``<column> @@ query`` (as ``filter(Matches(...))`` leaves it)."""
    matches = getattr(condition, "lhs", condition)
    if not isinstance(matches, Matches):
        return False
    target = getattr(matches.get_source_expressions()[0], "target", None)
    return getattr(target, "name", None) == column


def count_up_to(queryset, limit: int = 1000) -> int:
    """How many rows ``queryset`` has, counting no further than ``limit`` (broad searches spend their time
    counting): show "more than 1000" when it returns ``limit``."""
    # Only the ids: the rank and distance annotations would otherwise be computed for every row counted. Results of
    # a search (``ServiceQuerySet.from_index``) are counted in the search documents alone.
    index = getattr(queryset, "_index", None)
    if index is not None:
        queryset = index
        best = best_results(index)
        # Their number may be known already, read with a page (ServiceQuerySet._best_slice_with_count).
        known = getattr(index, "best_total", None)
        if known is not None and known < limit:
            best = None
        if best is not None and (
            (known is not None and known >= limit)
            or limit_in_a_sample(best[0], limit)
            or best[0].order_by().values("pk")[:limit].count() >= limit
        ):
            index.best_fill_pages = True  # ServiceQuerySet.narrow_slice reads them in name order
            return limit
    always_open = _always_open_part(queryset)
    if always_open is not None and always_open.order_by().values("pk")[:limit].count() >= limit:
        return limit
    counted = queryset.order_by().values("pk")[:limit]
    connection = connections[queryset.db]
    near = "distance_km" in queryset.query.annotations
    base = getattr(queryset, "near_base", None)
    if near and base is not None and base.every_public and not queryset.query.is_empty():
        # Every public service near a place: its public points in the circle are counted, without the documents
        # (near Bogotá on PostgreSQL, 2 ms instead of 9: each point's document was read to check it is public).
        points = points_within(*queryset.near_place, is_public=True).using(queryset.db).distinct()
        return points[:limit].count()
    if connection.vendor == "postgresql" and getattr(queryset, "search_words", ()) and not near:
        # With a LIMIT, PostgreSQL reads the table in order and checks each row's words, expecting to stop early
        # (it cannot know what that costs: 30 ms for "saúde" at 10,000 organisations), and counted whole a broad
        # word costs 300 ms at 100,000. This one statement is planned from the text index, and stops at the limit
        # (2-4 ms at 10,000, 40-75 at 100,000). Near a place, PostgreSQL starts from the points in the circle.
        with planned_without(connection, "seqscan", "indexscan"):
            return counted.count()
    return counted.count()


# A broad search's best results (every word in a name) are found in thousands of documents, and counting them up to
# the limit through the text index collects every one first: 30-36 ms for "apoyo psicosocial" or "legal aid" at
# 100,000 organisations on PostgreSQL. When PostgreSQL's statistics say they are common, a sample of the table is
# read first (``limit_in_a_sample``): if it already holds ``limit`` of them, so does the table (4 ms).
SAMPLE_ROWS = 25_000
STATISTICS_SECONDS = 5 * 60
_statistics: dict[str, tuple[float, dict, float]] = {}
_statistics_lock = threading.Lock()


def _word_shares(connection) -> tuple[dict[str, dict[str, float]], float]:
    """PostgreSQL's statistics of the documents (refreshed by ANALYZE): for ``name_words`` and ``facet_words``, the
    share of rows with each of their most common words; and the number of rows. Read once per process every
    ``STATISTICS_SECONDS``."""
    now = time.monotonic()
    with _statistics_lock:
        held = _statistics.get(connection.alias)
    if held is not None and now - held[0] < STATISTICS_SECONDS:
        return held[1], held[2]
    table = ServiceSearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, most_common_elems::text::text[], most_common_elem_freqs, "
            "(SELECT reltuples FROM pg_class WHERE oid = %s::regclass) "
            "FROM pg_stats WHERE schemaname = current_schema() AND tablename = %s "
            "AND attname IN ('name_words', 'facet_words')",
            [table, table],
        )
        found = cursor.fetchall()
    shares = {name: dict(zip(words or [], shares or [], strict=False)) for name, words, shares, _rows in found}
    rows = max((row[3] or 0 for row in found), default=0)
    with _statistics_lock:
        _statistics[connection.alias] = (now, shares, rows)
    return shares, rows


def limit_in_a_sample(documents, limit: int) -> bool:
    """PostgreSQL: whether a sample of about ``SAMPLE_ROWS`` documents (the same pages each time) already holds
    ``limit`` of ``documents``, a search's best results, which the table then holds too. Tried only when the
    statistics say that their words and filters are common enough to be found there, and the table large enough
    for it to cost less than counting through the text index; False otherwise."""
    connection = connections[documents.db]
    words = getattr(documents, "search_words", ())
    if connection.vendor != "postgresql" or not words:
        return False
    shares, rows = _word_shares(connection)
    names, facets = shares.get("name_words", {}), shares.get("facet_words", {})
    share = min(sum(value for name, value in names.items() if name.startswith(word)) for word in words)
    for group in getattr(documents, "facet_groups", ()):
        share *= min(1.0, sum(facets.get(word, 0.0) for word in group))
    # The sample reads about limit / share rows to find the limit; the text index collects every match, share *
    # rows. Worth it when the sample is large enough and reads at most half as many (at 10,000 organisations,
    # never for the bench's searches: their matches are few enough to collect).
    if share <= 0 or limit / share > SAMPLE_ROWS / 1.25 or limit / share > share * rows / 2:
        return False
    sql, params = documents.order_by().values("pk")[:limit].query.sql_with_params()
    table = connection.ops.quote_name(ServiceSearchDocument._meta.db_table)
    if sql.count(f"FROM {table} ") != 1:
        return False
    percent = min(100.0, 100.0 * SAMPLE_ROWS / rows)
    # The sample's size is ours, not the person's; her words are parameters, as in the statement sampled.
    sql = sql.replace(f"FROM {table} ", f"FROM {table} TABLESAMPLE SYSTEM ({percent:.6f}) REPEATABLE (0) ", 1)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS sampled", params)  # noqa: S608  # nosec B608
        return cursor.fetchone()[0] >= limit


def _always_open_part(queryset):
    """For services open now (``DirectoryQuerySet.open_at``): the same query with the services always open alone, or
    None. Finding which locations are open reads the opening spans of every time zone and their services (9 ms at
    100,000 organisations, once per statement); when those always open already reach a count's limit, so do the
    open ones."""
    from services.models import OpeningSpan

    where = queryset.query.where
    if where.connector != "AND" or where.negated:
        return None
    for index, child in enumerate(where.children):
        parts = getattr(child, "children", ())
        if getattr(child, "connector", None) != "OR" or child.negated or len(parts) != 2:
            continue
        always, opened = parts
        target = getattr(getattr(always, "lhs", None), "target", None)
        if getattr(target, "name", None) == "always_open" and OpeningSpan._meta.db_table in getattr(
            getattr(opened, "rhs", None), "sql", ""
        ):
            part = queryset._chain()
            part.query.where.children[index] = always
            return part
    return None


@contextlib.contextmanager
def planned_without(connection, *methods: str):
    """PostgreSQL: the statements inside are planned without these scan methods (``seqscan``, ``indexscan``,
    ``bitmapscan``), for the few whose cost PostgreSQL cannot estimate (a row's words)."""
    with connection.cursor() as cursor:
        cursor.execute("; ".join(f"SET enable_{method} = off" for method in methods))
        try:
            yield
        finally:
            cursor.execute("; ".join(f"RESET enable_{method}" for method in methods))


def _box_edges(latitude: float, longitude: float, km: float) -> tuple[float, float, float | None, float | None]:
    """South, north, west and east edges of a box holding every point within ``km``; west and east go past ±180
    across the antimeridian, and are None when the box takes every longitude (it reaches a pole)."""
    angle = km / EARTH_RADIUS_KM
    delta_latitude = math.degrees(angle) + 1e-6
    south, north = latitude - delta_latitude, latitude + delta_latitude
    if south <= -90 or north >= 90:
        return south, north, None, None
    reach = math.sin(angle) / math.cos(math.radians(latitude))
    if reach >= 1:
        return south, north, None, None
    delta_longitude = math.degrees(math.asin(reach)) + 1e-6
    return south, north, longitude - delta_longitude, longitude + delta_longitude


def bounding_box(latitude: float, longitude: float, km: float) -> Q:
    """A condition on ``latitude``/``longitude`` that holds for every point within ``km`` (and some more),
    usable by an index. Crosses the antimeridian and the poles correctly."""
    south, north, west, east = _box_edges(latitude, longitude, km)
    condition = Q(latitude__gte=max(south, -90.0), latitude__lte=min(north, 90.0))
    if west is None:
        return condition
    if west < -180:
        return condition & (Q(longitude__gte=west + 360) | Q(longitude__lte=east))
    if east > 180:
        return condition & (Q(longitude__gte=west) | Q(longitude__lte=east - 360))
    return condition & Q(longitude__gte=west, longitude__lte=east)


# Coarse cells of latitude and longitude (half a degree: 55 km or less), a facet word for each cell a service has
# a search point in: near a place with words or filters, the text index is asked for the cells around the place too,
# so one index scan intersects the place, the words and the filters, and only the documents it finds are measured.
CELL_DEGREES = 0.5
_CELL_COLUMNS = round(360 / CELL_DEGREES)
# Beyond this many cells (a radius of more than about 300 km, or near a pole) the place is left to the points.
MAX_CELLS = 120


def cell(latitude: float, longitude: float) -> int:
    """The cell a point lies in: ``row * 1000 + column`` from the south pole and the antimeridian."""
    row = math.floor((latitude + 90) / CELL_DEGREES)
    column = math.floor((longitude + 180) / CELL_DEGREES) % _CELL_COLUMNS
    return row * 1000 + column


def cells_around(latitude: float, longitude: float, km: float) -> list[int] | None:
    """The cells that hold every point within ``km`` (those of its bounding box), crossing the antimeridian; None
    when the box reaches a pole or would take more than ``MAX_CELLS``."""
    south, north, west, east = _box_edges(latitude, longitude, km)
    if west is None:
        return None
    rows = range(math.floor((south + 90) / CELL_DEGREES), math.floor((north + 90) / CELL_DEGREES) + 1)
    first = math.floor((west + 180) / CELL_DEGREES)
    last = math.floor((east + 180) / CELL_DEGREES)
    columns = sorted({column % _CELL_COLUMNS for column in range(first, last + 1)})
    if len(rows) * len(columns) > MAX_CELLS:
        return None
    return [row * 1000 + column for row in rows for column in columns]


class GreatCircleKm(Func):
    """Great-circle (haversine) distance in km from a fixed point to the row's ``latitude``/``longitude``.

    One expression node with the point's values as parameters: written as a tree of Django functions it was some
    twenty nodes to copy, resolve and compile, three times per page near a place."""

    output_field = FloatField()

    def __init__(self, latitude: float, longitude: float):
        super().__init__(F("latitude"), F("longitude"))
        self.point = (float(latitude), float(longitude))

    def as_sql(self, compiler, connection, **extra_context):
        (latitude, latitude_params), (longitude, longitude_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        phi = math.radians(self.point[0])
        least = "MIN" if connection.vendor == "sqlite" else "LEAST"
        sql = (
            f"(%s * ASIN({least}(SQRT(POWER(SIN((RADIANS({latitude}) - %s) / 2.0), 2) + "
            f"%s * COS(RADIANS({latitude})) * POWER(SIN((RADIANS({longitude}) - %s) / 2.0), 2)), 1.0)))"
        )
        params = (
            2 * EARTH_RADIUS_KM,
            *latitude_params,
            phi,
            math.cos(phi),
            *latitude_params,
            *longitude_params,
            math.radians(self.point[1]),
        )
        return sql, params


def distance_km(latitude: float, longitude: float) -> GreatCircleKm:
    """Great-circle (haversine) distance in km from the given point to the row's ``latitude``/``longitude``."""
    return GreatCircleKm(latitude, longitude)


def points_within(latitude: float, longitude: float, km: float, **conditions):
    """The ids (``service_id``) of services with a search point within ``km``, the points meeting ``conditions``:
    the bounding box first, which an index finds, then the distance."""
    in_box = ServicePoint.objects.filter(bounding_box(latitude, longitude, km), **conditions)
    return in_box.annotate(distance=distance_km(latitude, longitude)).filter(distance__lte=km).values("service_id")
