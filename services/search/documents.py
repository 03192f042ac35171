"""What a search document and a service's search points are made of, read from the listings.

One ``ServiceSearchDocument`` per service with the normalised words of every language version of the service, its
organisation, categories, cities and countries, the name each page language sorts by, and facet words for the
filters; one ``ServicePoint`` per service and location with the location's *search* point (``Location.search_point``,
the one gate). ``index_rows`` reads them with a fixed number of plain queries.
"""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models.base import ModelState
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from members.models import City, Country, Location, Organisation
from services.models import Service, ServiceCategory, ServicePoint, ServiceSearchDocument

from .access import access_facets
from .facets import MODES, SERVICE_FACTS, category_bits, facet
from .geometry import cell
from .reach import reach_facets
from .rows import among, new_instance
from .text import Words, document_field, whole_name
from .words import indexed_stems


def _localized(*fields: str) -> list[str]:
    return [build_localized_fieldname(field, language) for field in fields for language in AVAILABLE_LANGUAGES]


#: The language each translated field is written in (``name_ind``: Indonesian), for its words' stems.
FIELD_LANGUAGES = {
    build_localized_fieldname(field, language): language
    for field in ("name", "acronym", "description", "eligibility", "how_to_access")
    for language in AVAILABLE_LANGUAGES
}


SERVICE_NAMES, SERVICE_BODY = _localized("name"), _localized("description", "eligibility", "how_to_access")
ORGANISATION_NAMES, ORGANISATION_BODY = _localized("name", "acronym"), _localized("description")
PLACE_NAMES, CATEGORY_NAMES = _localized("name"), _localized("name")

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


class Stems(dict):
    """The stems a search document adds for a text written in a language (``words.indexed_stems``), worked out
    once per text and language, as ``text.Words`` keeps each text's words."""

    def __init__(self, words: Words):
        super().__init__()
        self.words = words

    def __missing__(self, key: tuple[str, str]) -> list[str]:
        text, language = key
        found = self[key] = indexed_stems(self.words[text], language)
        return found

    def of(self, row: dict, fields: list[str]) -> list[str]:
        """The stems of ``row``'s ``fields``, each in the language it is written in."""
        return [stem for field in fields if row[field] for stem in self[row[field], FIELD_LANGUAGES[field]]]


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
    each service's are made as the iterator is read (``indexing`` writes them in batches with ``bulk_create``)."""
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

    reach = reach_facets(ids, service_locations, using=db)
    access = access_facets(ids, service_locations, using=db)

    def made():
        words = Words()
        stems = Stems(words)
        for service in services:
            organisation = organisations[service["organisation_id"]]
            # Its own names: a word found there ranks first. Its categories' names are in the text, and a search
            # for one of them (or their search terms) finds the category's services by its facet word
            # (``understanding``), ranked after the services that carry the words in their own names.
            names = [*_values(service, SERVICE_NAMES), *_values(organisation, ORGANISATION_NAMES)]
            # The stems of the words of what is written in a language (not of places' names, proper names), each in
            # its field's language: "hamil" finds a listing that says "kehamilan" (``words.indexed_stems``).
            name_stems = [*stems.of(service, SERVICE_NAMES), *stems.of(organisation, ORGANISATION_NAMES)]
            category_names, other_stems = [], []
            for category_id in service_categories[service["pk"]]:
                category = categories[category_id]
                category_names += _values(category, CATEGORY_NAMES)
                other_stems += stems.of(category, CATEGORY_NAMES)
                if category["parent_id"]:
                    category_names += _values(categories[category["parent_id"]], CATEGORY_NAMES)
                    other_stems += stems.of(categories[category["parent_id"]], CATEGORY_NAMES)
            places = []
            for location_id in service_locations[service["pk"]]:
                city = cities[locations[location_id]["city_id"]]
                places += [*_values(city, PLACE_NAMES), city["administrative_area"]]
                places += _values(countries[city["country_id"]], PLACE_NAMES)
            for country_id in organisation_countries[organisation["pk"]]:
                places += _values(countries[country_id], PLACE_NAMES)
            body = [*_values(service, SERVICE_BODY), *_values(organisation, ORGANISATION_BODY)]
            other_stems += [*stems.of(service, SERVICE_BODY), *stems.of(organisation, ORGANISATION_BODY)]
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
                *(facet(*words) for words in reach.get(service["pk"], ())),
                *(facet(*words) for words in access.get(service["pk"], ())),
            ]
            if service["by_phone"] or service["online"]:  # phone and online services reach where the organisation works
                facets += [facet("reaches", code) for code in organisation_codes]
            category_ids = []
            for category_id in service_categories[service["pk"]]:
                category_ids += [category_id]
                if categories[category_id]["parent_id"]:
                    category_ids += [categories[category_id]["parent_id"]]
            facets += [facet("category", category_id) for category_id in category_ids]
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
                # Each of its names whole, as one word: a name typed whole comes first (``understanding.rank``).
                names=document_field(names, words, name_stems, whole=map(whole_name, filter(None, names))),
                places=document_field(places, words),
                text=document_field([*names, *category_names, *places, *body], words, [*name_stems, *other_stems]),
                facets=f" {' '.join(dict.fromkeys(facets))} " if facets else "",
                category_bits=category_bits(category_ids),
                **_sort_names(service),
                always_open=always_open,
            )
            yield document, service_points

    return made()


def _search_point(location: dict, city: dict) -> dict:
    """The point distances are measured from, decided by ``Location.search_point`` itself (the one gate): the
    city's centre unless the address is public.

    The instances are shells (``__new__`` plus the fields the property reads): with modeltranslation's patched
    constructor, building real ones was most of the time of a rebuild (docs/performance.md, "Indexing in bulk")."""
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
