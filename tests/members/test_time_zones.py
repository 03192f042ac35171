"""Time zones named as people in each place say them, in each interface language."""

import pytest

from members.reference import CITIES, COUNTRIES
from members.time_zones import ZONE_NAMES, time_zone_name

LANGUAGES = ("es", "pt", "en", "id")


@pytest.mark.parametrize(
    ("zone", "language", "name"),
    [
        ("Asia/Jakarta", "id", "WIB"),
        ("Asia/Pontianak", "id", "WIB"),
        ("Asia/Makassar", "id", "WITA"),
        ("Asia/Jayapura", "id", "WIT"),
        ("Asia/Jakarta", "es", "hora de Indonesia occidental (WIB)"),
        ("America/Bogota", "es", "hora de Colombia"),
        ("America/Sao_Paulo", "pt", "horário de Brasília"),
        ("America/Recife", "pt", "horário de Brasília"),
        ("America/Manaus", "pt", "horário do Amazonas"),
        ("America/Guatemala", "es", "hora de Guatemala"),  # CLDR says "hora central"
        ("America/Mexico_City", "es", "hora del centro de México"),
        ("America/New_York", "en", "Eastern Time"),
    ],
)
def test_zones_are_named_as_people_there_say_them(zone, language, name):
    assert time_zone_name(zone, language) == name


def test_every_zone_of_the_reference_data_has_a_name_in_every_language():
    zones = {zone for spec in COUNTRIES for zone in spec.time_zones}
    zones |= {city[4] for cities in CITIES.values() for city in cities}
    assert zones <= set(ZONE_NAMES), zones - set(ZONE_NAMES)
    for zone in zones:
        for language in LANGUAGES:
            assert ZONE_NAMES[zone][language], (zone, language)
            assert "/" not in ZONE_NAMES[zone][language], (zone, language)


def test_a_zone_outside_the_network_gets_its_common_name_and_an_unknown_one_its_own():
    assert time_zone_name("Europe/Madrid", "es").startswith("hora de")
    assert "/" not in time_zone_name("Europe/Madrid", "en")
    assert time_zone_name("Not/A_Zone", "es") == "Not/A_Zone"
