"""Keep the search index (``services.search``) current whenever something it reads changes.

Indexing happens at once, in the same transaction as the change, so what was saved is what is found, in tests
and in the shell alike. Bulk work wraps itself in ``services.search.deferred_indexing()`` to index each service
once at the end; ``bulk_create`` and ``QuerySet.update`` send no signals: run ``rebuild_search_index`` after them.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from members.models import City, Country, Location, OpeningHours, Organisation
from services import cache as directory_cache
from services.models import ContactChannel, Language, Population, Service, ServiceCategory
from services.search import LOCATION_TIME_ZONES_CACHE_KEY, index_services


def _ids(queryset) -> list[int]:
    return list(queryset.order_by().values_list("pk", flat=True).distinct())


def services_affected_by(instance) -> list[int]:
    """The services whose search document or points read ``instance``."""
    if isinstance(instance, Service):
        return [instance.pk]
    if isinstance(instance, Organisation):
        return _ids(Service.objects.filter(organisation=instance))
    if isinstance(instance, Location):
        return _ids(Service.objects.filter(locations=instance))
    if isinstance(instance, City):
        return _ids(Service.objects.filter(locations__city=instance))
    if isinstance(instance, Country):
        return _ids(Service.objects.filter(Q(locations__city__country=instance) | Q(organisation__countries=instance)))
    if isinstance(instance, OpeningHours):  # "open now" reads them (services.models.OpeningSpan)
        return _ids(Service.objects.filter(locations=instance.location_id))
    if isinstance(instance, Population | Language):  # the filters' facet words name them by id
        return _ids(Service.objects.filter(**{type(instance).__name__.lower() + "s": instance}))
    if isinstance(instance, ContactChannel):  # "reachable by message" reads them
        if instance.service_id is not None:
            return [instance.service_id]
        return _ids(Service.objects.filter(locations=instance.location_id))
    if isinstance(instance, ServiceCategory):
        return _ids(Service.objects.filter(Q(categories=instance) | Q(categories__parent=instance)))
    return []


WATCHED = (Service, Organisation, Location, OpeningHours, City, Country, ServiceCategory, ContactChannel)


def on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: related rows may not exist yet; run rebuild_search_index afterwards.
        return
    if sender in (City, Location):
        cache.delete(LOCATION_TIME_ZONES_CACHE_KEY)
    index_services(services_affected_by(instance))


def before_delete(sender, instance, **kwargs):
    # After the delete the links are gone; remember who was linked.
    instance._search_services_to_reindex = services_affected_by(instance)


def after_delete(sender, instance, **kwargs):
    if sender in (City, Location):
        cache.delete(LOCATION_TIME_ZONES_CACHE_KEY)
    ids = set(getattr(instance, "_search_services_to_reindex", []))
    if isinstance(instance, Service):
        ids.discard(instance.pk)  # its document went with it
    index_services(ids)


def on_service_links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Service.categories, locations, populations and languages, changed from either side."""
    if not reverse:
        if action.startswith("post_"):
            index_services([instance.pk])
        return
    if action == "pre_clear":
        instance._search_cleared_services = services_affected_by(instance)
    elif action == "post_clear":
        index_services(getattr(instance, "_search_cleared_services", []))
    elif action in ("post_add", "post_remove"):
        index_services(pk_set or [])


def on_organisation_countries_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Organisation.countries, changed from either side."""
    if not reverse:
        if action.startswith("post_"):
            index_services(services_affected_by(instance))
        return
    if action == "pre_clear":
        instance._search_cleared_services = _ids(Service.objects.filter(organisation__countries=instance))
    elif action == "post_clear":
        index_services(getattr(instance, "_search_cleared_services", []))
    elif action in ("post_add", "post_remove"):
        index_services(_ids(Service.objects.filter(organisation_id__in=pk_set or [])))


def connect() -> None:
    for model in WATCHED:
        uid = f"services.search:{model._meta.label_lower}"
        post_save.connect(on_save, sender=model, dispatch_uid=f"{uid}:save")
        pre_delete.connect(before_delete, sender=model, dispatch_uid=f"{uid}:pre_delete")
        post_delete.connect(after_delete, sender=model, dispatch_uid=f"{uid}:post_delete")
    links = (Service.categories.through, Service.locations.through, Service.populations.through)
    for through in (*links, Service.languages.through):
        m2m_changed.connect(on_service_links_changed, sender=through, dispatch_uid=f"services.search:{through}")
    # Pages and API items show a service's channels: a channel edited is a new version of the kept cards and items.
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(
            directory_cache.invalidate_directory_cache,
            sender=ContactChannel,
            dispatch_uid=f"directory-cache:channel:{name}",
        )
    m2m_changed.connect(
        directory_cache.invalidate_directory_cache,
        sender=ContactChannel.languages.through,
        dispatch_uid="directory-cache:channel-languages",
    )
    m2m_changed.connect(
        on_organisation_countries_changed,
        sender=Organisation.countries.through,
        dispatch_uid="services.search:organisation-countries",
    )
