"""Reads that are the same for every visitor, cached, and forgotten as soon as something they show is edited.

Cached here: reference data — countries with their helplines, the categories, populations and languages, and the
cities that have a public service; never a page or anything that depends on who asks (the result cards each
process keeps are in ``services.card_cache``, checked against ``version()``). Cached reference values are model
instances carrying every language's fields, so one entry serves all four languages. ``connect()`` (called by
``ServicesConfig.ready``) forgets them all (a new version) when a row they are built from is saved or deleted (at once
and when its transaction commits, ``forget_edited``), and
so does every change of a listing (``services.search.index_services``); bulk loads that send no signals call
``invalidate_directory_cache()`` themselves. Entries also expire after ``TIMEOUT``, in case a change bypassed both
(a raw SQL edit).
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save

TIMEOUT = 15 * 60  # also the longest a change made without signals (raw SQL) stays unseen
COUNTRIES_KEY = "directory:countries"
CATEGORIES_KEY = "directory:categories"
POPULATIONS_KEY = "directory:populations"
LANGUAGES_KEY = "directory:languages"
CITIES_KEY = "directory:cities-with-services"


# Unpickling the cached instances from the shared cache cost more than the rest of a home page, so each process
# also keeps them in memory, tagged with the version they were read at. The version lives in the shared cache: an
# edit in one process (a new version) makes every process read again.
VERSION_KEY = "directory:reference-version"
_in_process: dict[str, tuple[str, list]] = {}


def version() -> str:
    """The version of the cached reference data: it changes whenever one of its rows is edited."""
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, TIMEOUT)
        # A cache that keeps nothing (dummy://) has no version to share: a new one on every read, so that nothing a
        # process keeps is ever read again.
        token = cache.get(VERSION_KEY) or uuid.uuid4().hex
    return token


def version_of(request) -> str:
    """``version()``, read once per request (``request`` may be None: read each time): before the view, by
    ``VersionFirst``, so that what a page keeps under it (``{% keep %}``) is made from rows read after it."""
    if request is None:
        return version()
    held = getattr(request, "_directory_version", None)
    if held is None:
        held = request._directory_version = version()
    return held


class VersionFirst:
    """Reads the version of a page (``version_of``) before its view reads anything. Read after the view, an edit saved
    in between would give the page a version newer than its rows, and what it keeps under that version (an
    emergency number, ``{% keep %}``) would show the old rows to every later page until the next edit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            version_of(request)
        return self.get_response(request)


def _cached(key: str, read):
    current = version()
    held = _in_process.get(key)
    if held is not None and held[0] == current:
        return held[1]
    versioned_key = f"{key}:{current}"
    value = cache.get(versioned_key)
    if value is None:
        value = list(read())
        cache.set(versioned_key, value, TIMEOUT)
    _in_process[key] = (current, value)
    return value


def countries() -> list:
    """Every country with its helplines (in order), by name."""
    from members.models import Country, Helpline

    return _cached(
        COUNTRIES_KEY,
        lambda: Country.objects.prefetch_related(
            Prefetch("helplines", queryset=Helpline.objects.order_by("order", "pk"))
        ),
    )


def country(code: str):
    code = str(code or "").strip().upper()
    return next((item for item in countries() if item.code == code), None)


def categories() -> list:
    """Every category, main and sub, each with its parent loaded, in the taxonomy's order."""
    from services.models import ServiceCategory

    return _cached(CATEGORIES_KEY, lambda: ServiceCategory.objects.select_related("parent"))


def main_categories() -> list:
    return [category for category in categories() if category.parent_id is None]


def populations() -> list:
    from services.models import Population

    return _cached(POPULATIONS_KEY, lambda: Population.objects.all())


def languages() -> list:
    from services.models import Language

    return _cached(LANGUAGES_KEY, lambda: Language.objects.all())


def cities_with_services_queryset():
    """Cities where a public service has a location: the places a person can choose to search near."""
    from members.models import City, Location
    from services.models import Service

    public_services = Service.objects.public().values("pk")
    return (
        City.objects.filter(pk__in=Location.objects.filter(services__in=public_services).values("city"))
        .select_related("country")
        .order_by("country__name", "name")
    )


def cities_with_services() -> list:
    """The cities a person can search near (``cities_with_services_queryset``), with their country."""
    return _cached(CITIES_KEY, cities_with_services_queryset)


def invalidate_directory_cache(**kwargs) -> None:
    """Forget every cached read, in every process (a new version)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, TIMEOUT)


def forget_edited(using=None, **kwargs) -> None:
    """``invalidate_directory_cache`` for a row saved or deleted: at once, and again when its transaction commits. A
    cache outside the database (redis://) shows the first new version before the edit is committed, to pages that
    still read the rows before it and keep what they make under it (an emergency number, a card); the second one is
    never seen with those rows."""
    invalidate_directory_cache()
    transaction.on_commit(invalidate_directory_cache, using=using)


forget_cities = forget_edited


def connect() -> None:
    from members.models import City, Country, Helpline, Location, Organisation
    from services.models import Language, Population, Service, ServiceCategory

    for model in (Country, Helpline, City, ServiceCategory, Population, Language):
        uid = f"directory-cache:{model._meta.label_lower}"
        post_save.connect(forget_edited, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(forget_edited, sender=model, dispatch_uid=f"{uid}:delete")
    # Which cities have a public service changes with services, their organisation's status and their places.
    for model in (Service, Organisation, Location):
        uid = f"directory-cache:{model._meta.label_lower}"
        post_save.connect(forget_cities, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(forget_cities, sender=model, dispatch_uid=f"{uid}:delete")
    m2m_changed.connect(forget_cities, sender=Service.locations.through, dispatch_uid="directory-cache:locations")
