"""The first-level regions of the network's countries (states, departments, provinces), read from the basemap the
site serves (``static/map/basemap.json``, Natural Earth; see ``static/map/README.md``), and which one a city is in.

Pure: no models. A city is placed by its administrative area when that names one region of its country (``named``),
else by its centre inside a region's outline, else by the nearest outline within ``NEAREST_KM`` (the outlines are
simplified: a coastal city's centre can fall just outside them).
"""

import functools
import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

BASEMAP = "map/basemap.json"
NEAREST_KM = 50
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Region:
    code: str  # ISO 3166-2 where Natural Earth has it
    country_code: str
    names: dict[str, str]  # "n" (the usual name), and the page languages' own where they differ
    polygons: tuple = field(repr=False)  # each a tuple of rings (the outline, then its holes) of (lon, lat) points
    bbox: tuple[float, float, float, float] = field(repr=False)  # west, south, east, north

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["n"]

    def contains(self, latitude: float, longitude: float) -> bool:
        west, south, east, north = self.bbox
        if not (west <= longitude <= east and south <= latitude <= north):
            return False
        return any(_in_polygon(polygon, longitude, latitude) for polygon in self.polygons)

    def distance_km(self, latitude: float, longitude: float) -> float:
        """From the point to the nearest point of the outline (0 inside)."""
        if self.contains(latitude, longitude):
            return 0.0
        return min(
            _distance_to_segment_km(latitude, longitude, a, b)
            for polygon in self.polygons
            for ring in polygon
            for a, b in zip(ring, ring[1:], strict=False)
        )


def _in_polygon(rings, x: float, y: float) -> bool:
    """Even-odd rule over the outline and its holes."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def _distance_to_segment_km(latitude: float, longitude: float, a, b) -> float:
    """Flat approximation around the point, good to a few per cent within the 50 km it is used for."""
    scale = math.cos(math.radians(latitude))

    def local(point):
        return ((point[0] - longitude) * scale, point[1] - latitude)

    (ax, ay), (bx, by) = local(a), local(b)
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
    return math.hypot(ax + t * dx, ay + t * dy) * math.pi / 180 * EARTH_RADIUS_KM


def _decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (scale_x, scale_y), (translate_x, translate_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes) -> tuple:
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return tuple(points)


def _polygons(geometry: dict, arcs) -> tuple:
    if geometry["type"] == "Polygon":
        return (tuple(_ring(arcs, ring) for ring in geometry["arcs"]),)
    if geometry["type"] == "MultiPolygon":
        return tuple(tuple(_ring(arcs, ring) for ring in polygon) for polygon in geometry["arcs"])
    return ()


def basemap_path() -> Path:
    found = finders.find(BASEMAP)
    return Path(found) if found else Path(settings.STATIC_ROOT) / BASEMAP


@functools.cache
def all_regions() -> tuple[Region, ...]:
    """Every region of the basemap, read once per process (the file changes only with a new release)."""
    topology = json.loads(basemap_path().read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topology)
    regions = []
    for geometry in topology["objects"]["regions"]["geometries"]:
        properties = dict(geometry["properties"])
        polygons = _polygons(geometry, arcs)
        points = [point for polygon in polygons for ring in polygon for point in ring]
        bbox = (
            min(x for x, _y in points),
            min(y for _x, y in points),
            max(x for x, _y in points),
            max(y for _x, y in points),
        )
        code, country = properties.pop("code"), properties.pop("c")
        regions.append(Region(code, country, properties, polygons, bbox))
    return tuple(regions)


@functools.cache
def regions_of(country_code: str) -> tuple[Region, ...]:
    return tuple(region for region in all_regions() if region.country_code == country_code)


def comparable(name: str) -> str:
    """A name as it is compared: no accents, case or punctuation ("Bogotá, D.C." and "bogota dc" match)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


@functools.cache
def _by_name(country_code: str) -> dict[str, Region | None]:
    """Each comparable name of the country's regions, to its region (None when two regions share it)."""
    found: dict[str, Region | None] = {}
    for region in regions_of(country_code):
        for name in {comparable(name) for name in region.names.values()} | {comparable(region.code)}:
            found[name] = region if found.get(name, region) is region else None
    return found


def named(country_code: str, area: str) -> Region | None:
    """The one region of the country that ``area`` names: by its whole name, else the longest region name it
    contains as whole words ("Bogotá D.C." names Bogotá, "Wilayah Persekutuan Kuala Lumpur" Kuala Lumpur)."""
    wanted = comparable(area)
    if not wanted:
        return None
    names = _by_name(country_code)
    if wanted in names:
        return names[wanted]
    padded = f" {wanted} "
    contained = sorted(
        ((len(name), region) for name, region in names.items() if region is not None and f" {name} " in padded),
        key=lambda item: -item[0],
    )
    if not contained or (
        len(contained) > 1 and contained[1][0] == contained[0][0] and contained[1][1] is not contained[0][1]
    ):
        return None
    return contained[0][1]


@functools.lru_cache(maxsize=4096)
def region_of(country_code: str, latitude: float, longitude: float, area: str = "") -> Region | None:
    """The region of a city of ``country_code`` at that centre, whose administrative area is ``area``."""
    found = named(country_code, area)
    if found is not None:
        return found
    regions = regions_of(country_code)
    inside = [region for region in regions if region.contains(latitude, longitude)]
    if inside:
        return inside[0]
    near = [(region.distance_km(latitude, longitude), region.code, region) for region in regions]
    near = [item for item in near if item[0] <= NEAREST_KM]
    return min(near)[2] if near else None
