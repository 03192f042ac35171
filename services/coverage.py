"""Where the network's public services are, and where they are missing: the coordinators' coverage map.

Counted from the public listings alone (``Service.objects.public()``), never from what anyone searched. A service
counts in each first-level region where it has a location, placed by the location's city (``services.regions``):
confidential locations count too, in their region, as no point or address is shown. Phone and online services are
counted apart, for the countries their organisations work in.
"""

import csv
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext

from members.models import City, Country
from services import regions
from services.models import Population, Service, ServiceCategory


@dataclass
class RegionRow:
    region: regions.Region | None  # None: cities no region could be found for
    name: str
    services: int


@dataclass
class CountryCoverage:
    country: Country
    rows: list[RegionRow] = field(default_factory=list)
    with_places: int = 0  # services with a location in the country
    remote: int = 0  # phone and online services of organisations working there

    @property
    def gaps(self) -> list[RegionRow]:
        return [row for row in self.rows if row.region is not None and not row.services]

    @property
    def unplaced(self) -> RegionRow | None:
        return next((row for row in self.rows if row.region is None), None)


def matching_services(*, category: ServiceCategory | None = None, population: Population | None = None):
    """The public services of a type of help (a main category includes its subcategories) and for a group."""
    services = Service.objects.public()
    if category is not None:
        services = services.filter(Q(categories=category) | Q(categories__parent=category))
    if population is not None:
        services = services.filter(populations=population)
    return services


def coverage(
    *,
    countries,
    category: ServiceCategory | None = None,
    population: Population | None = None,
    language: str = "en",
) -> list[CountryCoverage]:
    """Per country of ``countries``: the number of matching public services in each of its regions (every region,
    so those with none show), the services with a place there, and its phone and online services."""
    countries = list(countries)
    by_id = {country.pk: CountryCoverage(country) for country in countries}
    services = matching_services(category=category, population=population)
    links = set(
        Service.locations.through.objects.filter(
            service__in=services.values("pk"), location__city__country__in=list(by_id)
        ).values_list("service_id", "location__city_id")
    )
    cities = {
        city["pk"]: city
        for city in City.objects.filter(pk__in={city_id for _service, city_id in links}).values(
            "pk", "country_id", "country__code", "latitude", "longitude", "administrative_area"
        )
    }
    in_region: dict[tuple[int, str | None], set[int]] = {}
    in_country: dict[int, set[int]] = {}
    for service_id, city_id in links:
        city = cities[city_id]
        region = regions.region_of(
            city["country__code"], city["latitude"], city["longitude"], city["administrative_area"]
        )
        in_region.setdefault((city["country_id"], region.code if region else None), set()).add(service_id)
        in_country.setdefault(city["country_id"], set()).add(service_id)
    remote = (
        services.filter(Q(by_phone=True) | Q(online=True), organisation__countries__in=list(by_id))
        .values("organisation__countries")
        .annotate(count=Count("pk", distinct=True))
    )
    for row in remote:
        by_id[row["organisation__countries"]].remote = row["count"]
    for country_id, found in by_id.items():
        found.with_places = len(in_country.get(country_id, ()))
        found.rows = sorted(
            (
                RegionRow(region, region.name(language), len(in_region.get((country_id, region.code), ())))
                for region in regions.regions_of(found.country.code)
            ),
            key=lambda row: row.name.casefold(),
        )
        unplaced = in_region.get((country_id, None))
        if unplaced:
            found.rows.append(RegionRow(None, gettext("Region not known"), len(unplaced)))
    return [by_id[country.pk] for country in countries]


def safe_cell(value) -> str:
    """A spreadsheet cell that no spreadsheet reads as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(out, found: list[CountryCoverage], *, gaps_only: bool = False) -> None:
    writer = csv.writer(out)
    writer.writerow(
        [gettext("Country code"), gettext("Country"), gettext("Region code"), gettext("Region"), gettext("Services")]
    )
    for country in found:
        for row in country.gaps if gaps_only else country.rows:
            code = row.region.code if row.region else ""
            values = [country.country.code, country.country.name, code, row.name, row.services]
            writer.writerow([safe_cell(value) for value in values])
