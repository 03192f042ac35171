"""``load_reference``: the production reference data (countries, cities, taxonomy, populations, languages)."""

import io
import math
import re
import zoneinfo

import pytest
from babel import Locale
from django.core.management import call_command

from members.models import City, Country, Helpline
from members.reference import COUNTRIES
from services.models import Language, Population, ServiceCategory
from services.reference import LANGUAGE_CODES

SUFFIXES = ("es", "pt", "en", "ind")
NETWORK = {"US", "MX", "GT", "SV", "HN", "CR", "VE", "CO", "EC", "PE", "BR", "CL", "DO", "TT"}
ASIA = {"ID", "PH", "MY", "TH", "BD"}


@pytest.fixture
def reference(db):
    out = io.StringIO()
    call_command("load_reference", stdout=out)
    return out.getvalue()


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_countries_with_names_from_babel_in_the_four_languages(reference):
    assert set(Country.objects.values_list("code", flat=True)) == NETWORK | ASIA
    assert set(Country.objects.filter(region="asia_pacific").values_list("code", flat=True)) == ASIA
    brazil = Country.objects.get(code="BR")
    assert (brazil.name_es, brazil.name_pt, brazil.name_en, brazil.name_ind) == (
        "Brasil",
        "Brasil",
        "Brazil",
        "Brasil",
    )
    assert Country.objects.get(code="US").name_ind == Locale("id").territories["US"]
    for country in Country.objects.all():
        for suffix in SUFFIXES:
            assert getattr(country, f"name_{suffix}") and getattr(country, f"emergency_note_{suffix}")
        assert country.emergency_number in country.emergency_note_es
        country.full_clean()


def test_real_emergency_numbers_and_helplines(reference):
    numbers = {country.code: country.emergency_number for country in Country.objects.prefetch_related("helplines")}
    assert numbers["CO"] == "123" and numbers["BR"] == "190" and numbers["MX"] == "911" and numbers["ID"] == "112"
    helplines = {(helpline.country.code, helpline.phone) for helpline in Helpline.objects.select_related("country")}
    assert {("CO", "155"), ("PE", "100"), ("BR", "180"), ("CL", "1455"), ("ID", "129")} <= helplines
    for helpline in Helpline.objects.all():
        helpline.full_clean()
        assert helpline.open_24_7 and all(getattr(helpline, f"hours_{suffix}") for suffix in SUFFIXES)
        assert helpline.source and helpline.checked_on, helpline


def _kinds(code):
    return {line.phone: line.kind for line in Helpline.objects.filter(country__code=code)}


def test_each_number_is_typed_by_what_it_reaches(reference):
    """Brazil's 190 is the police alone: its ambulance is 192 and its fire brigade 193."""
    assert _kinds("BR") == {"190": "police", "192": "ambulance", "193": "fire", "180": "gbv", "100": "child"}
    assert _kinds("PE") == {"105": "police", "106": "ambulance", "116": "fire", "100": "gbv"}
    assert _kinds("CL") == {"133": "police", "131": "ambulance", "132": "fire", "1455": "gbv"}
    assert _kinds("CO") == {"123": "emergency", "155": "gbv", "141": "child"}
    assert _kinds("BD") == {"999": "emergency", "109": "gbv", "1098": "child"}
    brazil = Country.objects.get(code="BR")
    assert brazil.emergency_line.kind == "police"
    assert "190" in brazil.emergency_note_pt


def test_every_country_has_a_number_for_immediate_danger_first(reference):
    for country in Country.objects.prefetch_related("helplines"):
        first = country.helplines.all()[0]
        assert first.kind in ("emergency", "police") and first == country.emergency_line, country.code
        assert country.emergency_number in country.emergency_note_es


def test_the_readme_lists_every_number_not_confirmed_at_its_source():
    from pathlib import Path

    from django.conf import settings

    from members.reference import NOT_LISTED_UNTIL_CONFIRMED

    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    section = readme.split("### Emergency numbers to confirm")[1].split("\n## ")[0]
    unconfirmed = [(spec.code, line.phone) for spec in COUNTRIES for line in spec.lines if not line.confirmed]
    assert unconfirmed
    for code, phone in unconfirmed:
        assert f"{code} {phone}" in section, (code, phone)
    for code, numbers in NOT_LISTED_UNTIL_CONFIRMED.items():
        for number in numbers:
            assert f"{code} {number.split(',')[0]}" in section, (code, number)


def test_cities_are_real_places_in_their_country(reference):
    assert City.objects.count() >= 90
    for country in Country.objects.all():
        cities = list(country.cities.all())
        assert len(cities) >= 3, country.code
        for city in cities:
            city.full_clean()
            assert city.time_zone in country.time_zones, (city, city.time_zone)
            assert _km(city.latitude, city.longitude, country.latitude, country.longitude) < 3200, city
    for country in Country.objects.all():
        for time_zone in country.time_zones:
            zoneinfo.ZoneInfo(time_zone)


def test_taxonomy_has_two_levels_in_the_four_languages(reference):
    mains = ServiceCategory.objects.filter(parent__isnull=True)
    assert 10 <= mains.count() <= 14
    for main in mains:
        assert 1 <= main.children.count() <= 4, main.slug
        assert not ServiceCategory.objects.filter(parent__in=main.children.all()).exists()
    expected = {
        "safe-shelter",
        "psychosocial-support",
        "medical-care",
        "legal-aid",
        "case-management",
        "helpline",
        "child-protection",
        "cash-basic-needs",
        "livelihoods",
        "information-orientation",
        "sexual-reproductive-health",
    }
    assert expected <= set(mains.values_list("slug", flat=True))
    assert ServiceCategory.objects.get(slug="clinical-management-of-rape").parent.slug == "medical-care"
    for category in ServiceCategory.objects.all():
        category.full_clean()
        for suffix in SUFFIXES:
            assert getattr(category, f"name_{suffix}") and getattr(category, f"description_{suffix}"), category.slug


def test_populations_and_languages(reference):
    assert Population.objects.count() >= 10
    assert {"women", "lgbtiq", "refugees-migrants", "indigenous-peoples"} <= set(
        Population.objects.values_list("code", flat=True)
    )
    codes = set(Language.objects.values_list("code", flat=True))
    assert {"es", "pt", "en", "id", "ht", "qu", "guc", "tl", "rhg", "my", "bn", "ay", "gn"} <= codes
    quechua = Language.objects.get(code="qu")
    assert quechua.name_es == Locale("es").languages["qu"]
    assert Language.objects.get(code="ht").name_en == "Haitian Creole"
    assert Language.objects.get(code="guc").name_es.startswith("wayuu")  # CLDR has no Spanish name: ours
    for item in [*Population.objects.all(), *Language.objects.all()]:
        item.full_clean()
        assert all(getattr(item, f"name_{suffix}") for suffix in SUFFIXES), item


def test_loading_again_restores_edits_and_adds_nothing(reference):
    counts = [model.objects.count() for model in (Country, Helpline, City, ServiceCategory, Population, Language)]
    ServiceCategory.objects.filter(slug="legal-aid").update(name_es="Cambiado")
    Helpline.objects.filter(country__code="CO", phone="123").update(kind="police")
    call_command("load_reference", stdout=io.StringIO())
    assert [model.objects.count() for model in (Country, Helpline, City, ServiceCategory, Population, Language)] == (
        counts
    )
    assert ServiceCategory.objects.get(slug="legal-aid").name_es == "Asesoría jurídica"
    assert Helpline.objects.get(country__code="CO", phone="123").kind == "emergency"
    assert "19 countries" in reference


def test_every_spec_has_cities_and_language_codes_are_iso_639():
    from members.reference import CITIES

    assert {spec.code for spec in COUNTRIES} == set(CITIES)
    assert all(2 <= len(code) <= 3 and code.isalpha() and code.islower() for code in LANGUAGE_CODES)


def _category(slug):
    return ServiceCategory.objects.get(slug=slug)


def test_shelters_are_called_as_practitioners_call_them(reference):
    shelter = _category("safe-shelter")
    assert (shelter.name_es, shelter.name_pt, shelter.name_ind) == ("Albergue seguro", "Abrigo seguro", "Rumah aman")
    assert _category("clinical-management-of-rape").name_es == "Manejo clínico de la violación"
    assert _category("helpline").name_pt == "Linha de ajuda"
    assert _category("cash-assistance").name_pt == "Transferência monetária"


def test_shelter_search_finds_every_shelter_in_every_language(reference):
    from services.models import Service
    from tests.factories import ServiceFactory

    shelters = {
        ServiceFactory(name_es="Casa Amaranto", description_es="", categories=[_category(slug)]).pk
        for slug in ("safe-shelter", "emergency-shelter", "transitional-housing")
    }
    ServiceFactory(name_es="Orientación", description_es="", categories=[_category("legal-aid")])
    for words in ("albergue", "abrigo", "rumah aman", "shelter"):
        found = set(Service.objects.public().search(words).values_list("pk", flat=True))
        assert found == shelters, words


def test_hiv_prophylaxis_says_72_hours_is_the_limit(reference):
    rape_care = _category("clinical-management-of-rape")
    limit = {"es": "a más tardar 72 horas", "pt": "no máximo 72 horas", "en": "within 72 hours at the latest"}
    for suffix, words in {**limit, "ind": "paling lambat 72 jam"}.items():
        assert words in getattr(rape_care, f"description_{suffix}")


def test_descriptions_name_the_survivor_without_assuming_a_gender(reference):
    assumed = re.compile(
        r"\b(la sobreviviente|las sobrevivientes|a sobrevivente|as sobreviventes|her|she|"
        r"psicóloga o consejera|psicóloga ou conselheira|personas que las apoyan)\b",
        re.IGNORECASE,
    )
    for category in ServiceCategory.objects.all():
        for suffix in SUFFIXES:
            text = getattr(category, f"description_{suffix}")
            assert not assumed.search(text), (category.slug, suffix, assumed.search(text))
    counselling = _category("individual-counselling")
    assert "una psicóloga o un psicólogo" in counselling.description_es
    assert "psicóloga ou psicólogo" in counselling.description_pt


def test_bangladesh_helpline_109_is_for_women_and_children(reference):
    helpline = Helpline.objects.get(country__code="BD", phone="109")
    assert "niñez" in helpline.name_es and "niñas" not in helpline.name_es
    assert "Children" in helpline.name_en and "crianças" in helpline.name_pt and "Anak" in helpline.name_ind
