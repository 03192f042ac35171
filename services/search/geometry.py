"""Places and distances: a usable place, the box and the cells around it, the great-circle distance.

Pure: imports no models (the expressions here apply to any model with ``latitude`` and ``longitude``).
"""

import math

from django.db.models import F, FloatField, Func, Q

EARTH_RADIUS_KM = 6371.0088
MAX_RADIUS_KM = 20_000


def place(latitude, longitude, km) -> tuple[float, float, float] | None:
    """A usable place and radius, the radius kept between 0 and ``MAX_RADIUS_KM``; None when unusable."""
    try:
        latitude, longitude, km = float(latitude), float(longitude), float(km)
    except (TypeError, ValueError):
        return None
    if not all(map(math.isfinite, (latitude, longitude, km))) or abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return latitude, longitude, min(max(km, 0.0), MAX_RADIUS_KM)


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
    least = "LEAST"

    def __init__(self, latitude: float, longitude: float):
        super().__init__(F("latitude"), F("longitude"))
        self.point = (float(latitude), float(longitude))

    def as_sql(self, compiler, connection, least=None, **extra_context):
        (latitude, latitude_params), (longitude, longitude_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        phi = math.radians(self.point[0])
        least = least or self.least
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

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, least="MIN", **extra_context)


def distance_km(latitude: float, longitude: float) -> GreatCircleKm:
    """Great-circle (haversine) distance in km from the given point to the row's ``latitude``/``longitude``."""
    return GreatCircleKm(latitude, longitude)
