"""Text search and "near": the one module that knows how the directory's search index is built and read.

The index is denormalised on purpose (see DESIGN.md): one ``ServiceSearchDocument`` per service with the
normalised words of every language version of the service, its organisation, categories, cities and countries,
and one ``ServicePoint`` per service and location with the location's *search* point. ``services.signals`` keeps
both current when a listing changes; ``python manage.py rebuild_search_index`` rebuilds them after bulk loads.

One meaning on every database: a query word matches a document when one of the document's words starts with it.
Documents are stored as `` word word word `` (normalised, space-separated, spaces at both ends), so that meaning
is ``LIKE '% word%'``. The engines only make it fast:

- SQLite: an FTS5 table over ``text`` (external content, kept in step by triggers), queried with ``"word"*``
  prefix terms, AND-ed. Its tokenizer splits on the same characters ``normalise`` removes, so FTS5 words are
  exactly the document's words.
- PostgreSQL: a trigram GIN index on ``text`` that answers ``LIKE '% word%'`` itself.

Ranking is the same SQL on both: for each query word, 4 if it starts a word of a name (service, organisation,
acronym, category), 2 if it starts a word of a place (city, area, country), 1 otherwise (descriptions).
"""

import contextlib
import math
import threading
import unicodedata
from collections.abc import Iterable

from django.db import connections, transaction
from django.db.models import Case, F, FloatField, IntegerField, Prefetch, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from members.models import Location, Organisation
from services.models import Service, ServiceCategory, ServicePoint, ServiceSearchDocument

MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 10
# One-letter words ("a", "e", "y", "o" in Spanish and Portuguese) would match nearly every document and cannot
# use a trigram index; they are dropped from queries (documents keep them, so "a" in a longer word still counts).
MIN_WORD_LENGTH = 2
EARTH_RADIUS_KM = 6371.0088
INDEX_BATCH_SIZE = 500

# Letters that Unicode does not decompose into a base letter plus accent, folded by hand so that people who
# type without them still find the word (and PostgreSQL's C-locale trigram parser sees ASCII).
_EXTRA_FOLDS = str.maketrans({"ø": "o", "đ": "d", "ð": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"})


def normalise(text: str) -> str:
    """Accent-folded, lower-case words separated by single spaces; punctuation and symbols become spaces.

    Letters and digits (Unicode categories L*, N* and private use) make up words, as in SQLite's FTS5
    ``unicode61`` tokenizer, so both engines see the same words.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().translate(_EXTRA_FOLDS)
    kept = "".join(
        ch if unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co" else " " for ch in folded
    )
    return " ".join(kept.split())


def query_words(text: str) -> list[str]:
    """The words of a query, as they are matched: normalised, at least two characters, at most ten, no repeats."""
    words = []
    for word in normalise(str(text or "")[: MAX_QUERY_CHARACTERS * 4])[:MAX_QUERY_CHARACTERS].split():
        if len(word) >= MIN_WORD_LENGTH and word not in words:
            words.append(word)
    return words[:MAX_QUERY_WORDS]


def _document_field(values: Iterable[str]) -> str:
    """Normalised words of ``values``, each once, in order, with a space at both ends."""
    words = dict.fromkeys(normalise(" ".join(value for value in values if value)).split())
    return f" {' '.join(words)} " if words else ""


def _translations(instance, *fields: str) -> list[str]:
    return [
        getattr(instance, build_localized_fieldname(field, language), "") or ""
        for field in fields
        for language in AVAILABLE_LANGUAGES
    ]


# --- Building and keeping the index -------------------------------------------------------------------------------


def _services_to_index(service_ids):
    return (
        Service.objects.filter(pk__in=service_ids)
        .select_related("organisation")
        .prefetch_related(
            "organisation__countries",
            Prefetch("categories", queryset=ServiceCategory.objects.select_related("parent")),
            Prefetch("locations", queryset=Location.objects.select_related("city__country").order_by()),
        )
        .order_by()
    )


def build_document(service: Service) -> tuple[ServiceSearchDocument, list[ServicePoint]]:
    """The search document and points of a service whose relations are prefetched (see ``_services_to_index``)."""
    organisation = service.organisation
    categories = list(service.categories.all())
    locations = list(service.locations.all())
    names = [
        *_translations(service, "name"),
        *_translations(organisation, "name", "acronym"),
        *(name for category in categories for name in _translations(category, "name")),
        *(name for category in categories if category.parent_id for name in _translations(category.parent, "name")),
    ]
    places = []
    for location in locations:
        places += [*_translations(location.city, "name"), location.city.administrative_area]
        places += _translations(location.city.country, "name")
    for country in organisation.countries.all():
        places += _translations(country, "name")
    body = [
        *_translations(service, "description", "eligibility", "how_to_access"),
        *_translations(organisation, "description"),
    ]
    is_public = service.status == Service.Status.ACTIVE and organisation.status == Organisation.Status.APPROVED
    document = ServiceSearchDocument(
        service_id=service.pk,
        is_public=is_public,
        names=_document_field(names),
        places=_document_field(places),
        text=_document_field([*names, *places, *body]),
    )
    points = []
    for location in locations:
        point = location.search_point
        points.append(
            ServicePoint(
                service_id=service.pk,
                location_id=location.pk,
                latitude=point.latitude,
                longitude=point.longitude,
                country_code=location.city.country.code,
                is_public=is_public,
            )
        )
    return document, points


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


def _index_batch(ids: list[int]) -> None:
    documents, points = [], []
    for service in _services_to_index(ids):
        document, service_points = build_document(service)
        documents.append(document)
        points += service_points
    current = {
        row[0]: row[1:]
        for row in ServiceSearchDocument.objects.filter(pk__in=ids).values_list(
            "service_id", "is_public", "names", "places", "text"
        )
    }
    changed = [d for d in documents if current.get(d.service_id) != (d.is_public, d.names, d.places, d.text)]
    gone = set(current) - {d.service_id for d in documents}
    with transaction.atomic():
        # Delete and insert rather than update: the FTS5 triggers then see plain inserts and deletes.
        stale = gone | {d.service_id for d in changed if d.service_id in current}
        if stale:
            ServiceSearchDocument.objects.filter(pk__in=stale).delete()
        ServiceSearchDocument.objects.bulk_create(changed)
        ServicePoint.objects.filter(service_id__in=ids).delete()
        ServicePoint.objects.bulk_create(points)


def rebuild_index(*, using: str = "default", batch_size: int = 2000) -> int:
    """Rebuild every search document and point, then refresh the planner's statistics. Returns the count."""
    with transaction.atomic(using=using):
        ServicePoint.objects.using(using).all().delete()
        ServiceSearchDocument.objects.using(using).all().delete()
        ids = list(Service.objects.using(using).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            documents, points = [], []
            for service in _services_to_index(ids[start : start + batch_size]).using(using):
                document, service_points = build_document(service)
                documents.append(document)
                points += service_points
            ServiceSearchDocument.objects.using(using).bulk_create(documents, batch_size=500)
            ServicePoint.objects.using(using).bulk_create(points, batch_size=500)
    analyse(using=using)
    return len(ids)


def analyse(*, using: str = "default") -> None:
    """Refresh the query planner's statistics: after a bulk load SQLite chose a 200 times slower plan without."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO services_search_fts(services_search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


# --- Reading the index ----------------------------------------------------------------------------------------------


def filter_by_text(queryset, text: str):
    """``queryset`` narrowed to services matching every word of ``text``, annotated with ``search_rank``."""
    words = query_words(text)
    if not words:
        return queryset.annotate(search_rank=Value(0, output_field=IntegerField()))
    if connections[queryset.db].vendor == "sqlite":
        match = " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
        queryset = queryset.filter(
            pk__in=RawSQL("SELECT rowid FROM services_search_fts WHERE services_search_fts MATCH %s", (match,))
        )
    else:
        for word in words:
            queryset = queryset.filter(search_document__text__contains=f" {word}")
    rank = sum(
        (
            Case(
                When(search_document__names__contains=f" {word}", then=Value(4)),
                When(search_document__places__contains=f" {word}", then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
            for word in words
        ),
        start=Value(0, output_field=IntegerField()),
    )
    return queryset.annotate(search_rank=rank)


def count_up_to(queryset, limit: int = 1000) -> int:
    """How many rows ``queryset`` has, counting no further than ``limit`` (broad searches spend their time
    counting): show "more than 1000" when it returns ``limit``."""
    return queryset.order_by()[:limit].count()


def bounding_box(latitude: float, longitude: float, km: float) -> Q:
    """A condition on ``latitude``/``longitude`` that holds for every point within ``km`` (and some more),
    usable by an index. Crosses the antimeridian and the poles correctly."""
    angle = km / EARTH_RADIUS_KM
    delta_latitude = math.degrees(angle) + 1e-6
    south, north = latitude - delta_latitude, latitude + delta_latitude
    condition = Q(latitude__gte=max(south, -90.0), latitude__lte=min(north, 90.0))
    if south <= -90 or north >= 90:
        return condition
    reach = math.sin(angle) / math.cos(math.radians(latitude))
    if reach >= 1:
        return condition
    delta_longitude = math.degrees(math.asin(reach)) + 1e-6
    west, east = longitude - delta_longitude, longitude + delta_longitude
    if west < -180:
        return condition & (Q(longitude__gte=west + 360) | Q(longitude__lte=east))
    if east > 180:
        return condition & (Q(longitude__gte=west) | Q(longitude__lte=east - 360))
    return condition & Q(longitude__gte=west, longitude__lte=east)


def distance_km(latitude: float, longitude: float):
    """Great-circle (haversine) distance in km from the given point to the row's ``latitude``/``longitude``."""
    phi = math.radians(latitude)
    half_dlat = (Radians(F("latitude")) - Value(phi)) / Value(2.0)
    half_dlon = (Radians(F("longitude")) - Value(math.radians(longitude))) / Value(2.0)
    haversine = Power(Sin(half_dlat), 2) + Value(math.cos(phi)) * Cos(Radians(F("latitude"))) * Power(Sin(half_dlon), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Least(Sqrt(haversine), Value(1.0)), output_field=FloatField())


def points_near(latitude: float, longitude: float, km: float):
    """Service points inside the bounding box of the circle (not yet cut to the circle itself)."""
    return ServicePoint.objects.filter(bounding_box(latitude, longitude, km))
