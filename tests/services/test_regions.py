"""Cities are placed in their first-level region from the site's own basemap (``services.regions``)."""

import pytest

from members.reference import CITIES, COUNTRIES
from services import regions


def test_every_network_country_has_its_regions_named_in_the_page_languages():
    for spec in COUNTRIES:
        found = regions.regions_of(spec.code)
        assert len(found) >= 2, spec.code
        assert len({region.code for region in found}) == len(found), spec.code
        assert all(region.name(language) for region in found for language in ("es", "pt", "en", "id"))
    assert regions.regions_of("CO")[0].name("es")
    assert {region.code for region in regions.regions_of("PH")} >= {"PH-00", "PH-07", "PH-11"}  # ISO regions


def test_every_reference_city_is_in_a_region_of_its_country():
    for code, cities in CITIES.items():
        for name, area, latitude, longitude, _zone in cities:
            region = regions.region_of(code, latitude, longitude, area)
            assert region is not None and region.country_code == code, name


@pytest.mark.parametrize(
    ("code", "latitude", "longitude", "area", "expected"),
    [
        # The administrative area names the region, whatever the simplified outlines say.
        ("CO", 4.711, -74.0721, "Bogotá D.C.", "CO-DC"),
        ("CO", 10.9685, -74.7813, "Atlántico", "CO-ATL"),
        ("MY", 3.139, 101.6869, "Wilayah Persekutuan Kuala Lumpur", "MY-14"),
        # No area, or one that names nothing: the centre inside an outline ...
        ("CO", 6.2442, -75.5812, "", "CO-ANT"),
        ("CO", 6.2442, -75.5812, "Departamento desconocido", "CO-ANT"),
        ("PH", 10.3157, 123.8854, "Cebu", "PH-07"),
        # ... or, on a coast the outline cuts, the nearest one.
        ("BR", -1.4558, -48.4902, "", "BR-PA"),
    ],
)
def test_a_city_is_placed_by_its_area_then_its_centre(code, latitude, longitude, area, expected):
    assert regions.region_of(code, latitude, longitude, area).code == expected


def test_a_point_far_from_every_region_of_its_country_is_in_none():
    assert regions.region_of("CO", 0.0, -30.0, "") is None
    assert regions.region_of("XX", 4.7, -74.1, "Bogotá") is None


def test_names_compare_without_accents_case_or_punctuation():
    assert regions.comparable("Bogotá, D.C.") == "bogota d c"
    assert regions.named("CO", "BOGOTA") == regions.named("CO", "Bogotá")
