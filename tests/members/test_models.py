"""The member models: database constraints, validators, the public projection of a location, opening hours, the
fallback of translated fields and the membership history."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from members.models import (
    City,
    Country,
    Helpline,
    Location,
    MembershipStatusChange,
    OpeningHours,
    Organisation,
    Point,
)
from members.validators import validate_phone, validate_time_zones, validate_web_url
from tests.factories import (
    CityFactory,
    CountryFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    UserFactory,
    rejected_by_the_database,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
GBV = Helpline.Kind.GBV
BOGOTA = zoneinfo.ZoneInfo("America/Bogota")
# 30 November 2026 is a Monday.
MONDAY = datetime.date(2026, 11, 30)


# Constraints -------------------------------------------------------------------------------------------------------


def country_row(**overrides):
    values = {
        "code": "MX",
        "name_es": "México",
        "region": Country.Region.AMERICAS,
        "time_zones": ["America/Mexico_City"],
        "latitude": 19.4,
        "longitude": -99.1,
    }
    values.update(overrides)
    return lambda: Country.objects.create(**values)


@pytest.mark.parametrize(
    "overrides",
    [{"code": "mx"}, {"code": "M1"}, {"code": "M"}, {"latitude": 95}, {"latitude": -90.5}, {"longitude": 181}],
    ids=["lower-case code", "digit in code", "one letter", "latitude 95", "latitude -90.5", "longitude 181"],
)
def test_country_rejects_bad_codes_and_coordinates(overrides):
    assert rejected_by_the_database(country_row(**overrides))
    assert not rejected_by_the_database(country_row())


def test_country_code_is_unique():
    CountryFactory(code="MX")
    assert rejected_by_the_database(country_row(code="MX"))


def test_helpline_phone_is_unique_per_country():
    colombia, peru = CountryFactory(), CountryFactory(code="PE")
    Helpline.objects.create(country=colombia, kind=GBV, name_es="Línea 155", phone="155")
    assert rejected_by_the_database(lambda: Helpline.objects.create(country=colombia, kind=GBV, phone="155"))
    assert not rejected_by_the_database(lambda: Helpline.objects.create(country=peru, kind=GBV, phone="155"))


def test_a_line_says_what_it_reaches():
    colombia = CountryFactory()
    assert rejected_by_the_database(lambda: Helpline.objects.create(country=colombia, kind="", phone="155"))
    assert rejected_by_the_database(lambda: Helpline.objects.create(country=colombia, kind="taxi", phone="155"))


def test_city_name_is_unique_per_administrative_area():
    colombia = CountryFactory()
    CityFactory(country=colombia, name_es="San José", name_en=None, administrative_area="Caldas")

    def same_city(area):
        return lambda: City.objects.create(
            country=colombia,
            name_es="San José",
            administrative_area=area,
            latitude=5.0,
            longitude=-75.5,
            time_zone="America/Bogota",
        )

    assert rejected_by_the_database(same_city("Caldas"))
    assert not rejected_by_the_database(same_city("Guaviare"))


@pytest.mark.parametrize("latitude", [95, -91])
def test_city_rejects_impossible_coordinates(latitude):
    colombia = CountryFactory()
    assert rejected_by_the_database(
        lambda: City.objects.create(
            country=colombia, name_es="Nowhere", latitude=latitude, longitude=0, time_zone="America/Bogota"
        )
    )


def organisation_update(**changes):
    organisation = OrganisationFactory()
    return lambda: Organisation.objects.filter(pk=organisation.pk).update(**changes)


@pytest.mark.parametrize(
    "changes",
    [
        {"website": "ftp://files.example.org"},
        {"website": "javascript:alert(1)"},
        {"status": Organisation.Status.APPROVED, "joined_on": None},
        {"status": "bogus"},
    ],
    ids=["ftp website", "javascript website", "approved without joined_on", "unknown status"],
)
def test_organisation_rejects_bad_rows(changes):
    assert rejected_by_the_database(organisation_update(**changes))


@pytest.mark.parametrize(
    "changes",
    [
        {"website": "https://casa.example.org"},
        {"website": "http://casa.example.org"},
        {"website": ""},
        {"status": Organisation.Status.APPLIED, "joined_on": None},
    ],
)
def test_organisation_accepts_good_rows(changes):
    assert not rejected_by_the_database(organisation_update(**changes))


def test_organisation_slug_is_unique():
    OrganisationFactory(slug="casa-de-ejemplo")
    assert rejected_by_the_database(lambda: OrganisationFactory(slug="casa-de-ejemplo"))


def test_status_change_must_change_the_status():
    organisation = OrganisationFactory()
    assert rejected_by_the_database(
        lambda: MembershipStatusChange.objects.create(
            organisation=organisation, from_status="approved", to_status="approved"
        )
    )
    assert not rejected_by_the_database(
        lambda: MembershipStatusChange.objects.create(
            organisation=organisation, from_status="approved", to_status="suspended"
        )
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"latitude": 95, "longitude": 0},
        {"latitude": 0, "longitude": -190},
        {"latitude": 4.6, "longitude": None},
        {"latitude": None, "longitude": -74.07},
        {"address_visibility": "secret"},
    ],
    ids=["latitude 95", "longitude -190", "half a point (no longitude)", "half a point (no latitude)", "visibility"],
)
def test_location_rejects_bad_rows(changes):
    location = LocationFactory()
    assert rejected_by_the_database(lambda: Location.objects.filter(pk=location.pk).update(**changes))


def test_location_may_have_no_point():
    location = LocationFactory()
    assert not rejected_by_the_database(
        lambda: Location.objects.filter(pk=location.pk).update(latitude=None, longitude=None)
    )


@pytest.mark.parametrize(
    "values",
    [
        {"weekday": 7},
        {"weekday": -1},
        {"opens": datetime.time(9), "closes": datetime.time(9)},
    ],
    ids=["weekday 7", "weekday -1", "opens == closes"],
)
def test_opening_hours_reject_bad_rows(values):
    location = LocationFactory()
    row = {"weekday": 0, "opens": datetime.time(9), "closes": datetime.time(17), **values}
    assert rejected_by_the_database(lambda: OpeningHours.objects.create(location=location, **row))


def test_opening_hours_start_once_per_day():
    hours = OpeningHoursFactory(weekday=2, opens=datetime.time(9), closes=datetime.time(12))
    assert rejected_by_the_database(
        lambda: OpeningHours.objects.create(
            location=hours.location, weekday=2, opens=datetime.time(9), closes=datetime.time(13)
        )
    )
    assert not rejected_by_the_database(
        lambda: OpeningHours.objects.create(
            location=hours.location, weekday=2, opens=datetime.time(14), closes=datetime.time(18)
        )
    )


# Validators --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["+525555550100", "+5716010000", "911", "123", "155", "147"])
def test_phone_validator_accepts_e164_and_short_codes(number):
    validate_phone(number)


@pytest.mark.parametrize("number", ["555-1234", "+52 55 5555 0100", "5555550100", "+52", "1", "call us"])
def test_phone_validator_rejects_other_formats(number):
    with pytest.raises(ValidationError):
        validate_phone(number)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.org", "data:text/html,hi", "example"])
def test_web_address_validator_rejects_other_schemes(url):
    with pytest.raises(ValidationError):
        validate_web_url(url)


def test_web_address_validator_accepts_http_and_https():
    validate_web_url("https://casa.example.org/ayuda")
    validate_web_url("http://casa.example.org")


def test_time_zones_validator_needs_known_zones():
    validate_time_zones(["America/Bogota"])
    for bad in ([], ["Mars/Olympus"], "America/Bogota"):
        with pytest.raises(ValidationError):
            validate_time_zones(bad)


def test_model_validation_refuses_a_bad_phone_and_website():
    organisation = OrganisationFactory.build(public_phone="555-1234", website="ftp://files.example.org")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean(exclude=["countries"])
    assert {"public_phone", "website"} <= set(error.value.message_dict)


def test_public_location_needs_a_street_address():
    location = LocationFactory.build(street_address="", city=CityFactory(), organisation=OrganisationFactory())
    with pytest.raises(ValidationError) as error:
        location.full_clean()
    assert "street_address" in error.value.message_dict
    location.address_visibility = Location.AddressVisibility.CONFIDENTIAL
    location.full_clean()


# The public projection of a location --------------------------------------------------------------------------------


def test_public_location_shows_its_address_and_point():
    location = LocationFactory(street_address="Calle 10 # 5-20", postal_code="110311", latitude=4.6, longitude=-74.07)
    assert location.public_address == {
        "street_address": "Calle 10 # 5-20",
        "postal_code": "110311",
        "city": "Bogotá",
        "administrative_area": "Bogotá D.C.",
        "country": "Colombia",
        "country_code": "CO",
    }
    assert location.public_point == Point(4.6, -74.07)
    assert location.search_point == Point(4.6, -74.07)


def test_public_location_without_a_point_is_searched_from_its_city():
    location = LocationFactory(latitude=None, longitude=None)
    assert location.public_point is None
    assert location.search_point == location.city.point


def test_city_only_location_shows_the_city_alone():
    location = LocationFactory(city_only=True, street_address="Calle 10 # 5-20", latitude=4.6, longitude=-74.07)
    assert location.public_address == {
        "city": "Bogotá",
        "administrative_area": "Bogotá D.C.",
        "country": "Colombia",
        "country_code": "CO",
    }
    assert location.public_point is None
    assert location.search_point == Point(4.711, -74.0721)


def test_confidential_location_shows_nothing():
    location = LocationFactory(confidential=True, street_address="Calle Secreta 1", latitude=4.6, longitude=-74.07)
    assert location.public_address == {}
    assert location.public_point is None
    # Distances are computed from the city's centre, never from the real point.
    assert location.search_point == Point(4.711, -74.0721)
    assert location.is_confidential


# Opening hours -----------------------------------------------------------------------------------------------------


def at(day: datetime.date, hour: int, minute: int = 0, tz=BOGOTA) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)


def test_opening_hours_cover_their_day_and_time_only():
    hours = OpeningHours(weekday=OpeningHours.Weekday.MONDAY, opens=datetime.time(9), closes=datetime.time(17))
    assert hours.covers(at(MONDAY, 9))
    assert hours.covers(at(MONDAY, 16, 59))
    assert not hours.covers(at(MONDAY, 17))
    assert not hours.covers(at(MONDAY, 8, 59))
    assert not hours.covers(at(MONDAY + datetime.timedelta(days=1), 10))


def test_opening_hours_passing_midnight_cover_the_next_morning():
    friday = MONDAY + datetime.timedelta(days=4)
    saturday = friday + datetime.timedelta(days=1)
    hours = OpeningHours(weekday=OpeningHours.Weekday.FRIDAY, opens=datetime.time(22), closes=datetime.time(2))
    assert hours.passes_midnight
    assert hours.covers(at(friday, 23))
    assert hours.covers(at(saturday, 1, 30))
    assert not hours.covers(at(saturday, 2))
    assert not hours.covers(at(friday, 21))
    assert not hours.covers(at(saturday, 23))
    # Sunday night to Monday morning wraps the week.
    sunday_night = OpeningHours(weekday=OpeningHours.Weekday.SUNDAY, opens=datetime.time(20), closes=datetime.time(4))
    assert sunday_night.covers(at(MONDAY, 3))


def test_location_is_open_in_its_own_time_zone():
    location = LocationFactory()  # Bogotá, UTC−5
    OpeningHoursFactory(
        location=location, weekday=OpeningHours.Weekday.MONDAY, opens=datetime.time(9), closes=datetime.time(12)
    )
    # Monday 10:00 in Bogotá is 15:00 UTC: open.
    assert location.is_open_at(datetime.datetime(2026, 11, 30, 15, 0, tzinfo=UTC))
    # Monday 10:00 UTC is 05:00 in Bogotá: closed, although 10:00 is inside the range in UTC.
    assert not location.is_open_at(datetime.datetime(2026, 11, 30, 10, 0, tzinfo=UTC))


def test_location_is_closed_on_a_day_without_hours():
    location = LocationFactory()
    OpeningHoursFactory(location=location, weekday=OpeningHours.Weekday.MONDAY)
    sunday = MONDAY - datetime.timedelta(days=1)
    assert not location.is_open_at(at(sunday, 10))
    assert location.is_open_at(at(MONDAY, 10))


def test_location_open_24_7_is_always_open():
    location = LocationFactory(open_24_7=True)
    assert location.is_open_at(at(MONDAY, 3))
    assert location.is_open_at(at(MONDAY - datetime.timedelta(days=1), 23, 59))


def test_location_overnight_range_through_its_time_zone():
    location = LocationFactory()
    OpeningHoursFactory(
        location=location, weekday=OpeningHours.Weekday.FRIDAY, opens=datetime.time(22), closes=datetime.time(6)
    )
    saturday_utc = datetime.datetime(2026, 12, 5, 8, 0, tzinfo=UTC)  # Saturday 03:00 in Bogotá
    assert location.is_open_at(saturday_utc)
    assert not location.is_open_at(saturday_utc + datetime.timedelta(hours=4))  # Saturday 07:00 in Bogotá


# Translated fields -------------------------------------------------------------------------------------------------


def test_translated_name_falls_back_to_the_language_it_was_written_in():
    organisation = OrganisationFactory(name_es="Casa de las Mujeres", name_en=None, name_pt=None, name_ind=None)
    for language in ("es", "pt", "en", "id"):
        with translation.override(language):
            assert organisation.name == "Casa de las Mujeres", language


def test_translated_name_uses_the_active_language_when_written():
    organisation = OrganisationFactory(
        name_es="Casa de las Mujeres", name_en="Women's House", name_ind="Rumah Perempuan"
    )
    with translation.override("en"):
        assert organisation.name == "Women's House"
    with translation.override("id"):
        assert organisation.name == "Rumah Perempuan"
    with translation.override("pt"):
        # Portuguese readers get Spanish before English.
        assert organisation.name == "Casa de las Mujeres"


def test_location_and_city_fall_back_too():
    location = LocationFactory(name_es="Sede Centro", accessibility_notes_es="Rampa en la entrada.")
    with translation.override("id"):
        assert location.name == "Sede Centro"
        assert location.accessibility_notes == "Rampa en la entrada."
        assert location.city.name == "Bogotá"


# Readable names ----------------------------------------------------------------------------------------------------


def test_every_model_has_a_readable_name():
    with translation.override("en"):
        country = CountryFactory()
        city = CityFactory(country=country)
        organisation = OrganisationFactory(name_es="Casa de Ejemplo", acronym_es="CDE", countries=[country])
        location = LocationFactory(organisation=organisation, city=city, name_es="Sede Centro")
        hours = OpeningHoursFactory(location=location, weekday=0, opens=datetime.time(9), closes=datetime.time(17))
        helpline = Helpline.objects.create(country=country, kind=GBV, name_es="Línea Púrpura", phone="155")
        police = Helpline.objects.create(country=country, kind=Helpline.Kind.POLICE, phone="112")
        change = MembershipStatusChange.objects.create(organisation=organisation, from_status="", to_status="applied")

        assert str(country) == "Colombia (CO)"
        assert str(city) == "Bogotá, CO"
        assert str(organisation) == "Casa de Ejemplo (CDE)"
        assert str(OrganisationFactory(name_es="Sin Sigla", acronym_es="")) == "Sin Sigla"
        assert str(location) == "Sede Centro — Bogotá"
        assert str(hours) == "Monday 09:00–17:00"
        assert str(helpline) == "Helpline for gender-based violence: 155 (Línea Púrpura)"
        assert str(police) == "Police: 112"
        assert str(change) == "Casa de Ejemplo (CDE): — → Applied"


# Membership history ------------------------------------------------------------------------------------------------


def test_status_history_reads_in_time_order_with_who_and_why():
    coordinator = UserFactory(username="coordinator", is_staff=True)
    organisation = OrganisationFactory(pending=True)
    start = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    # Written out of order: the history still reads from the first change to the last.
    approved = MembershipStatusChange.objects.create(
        organisation=organisation,
        from_status="under_review",
        to_status="approved",
        changed_at=start + datetime.timedelta(days=10),
        changed_by=coordinator,
        reason="References checked.",
    )
    applied = MembershipStatusChange.objects.create(
        organisation=organisation, from_status="", to_status="applied", changed_at=start
    )
    review = MembershipStatusChange.objects.create(
        organisation=organisation,
        from_status="applied",
        to_status="under_review",
        changed_at=start + datetime.timedelta(days=2),
        changed_by=coordinator,
    )
    MembershipStatusChange.objects.create(
        organisation=OrganisationFactory(), from_status="", to_status="applied", changed_at=start
    )

    history = list(organisation.status_changes.all())
    assert history == [applied, review, approved]
    assert history[-1].changed_by == coordinator
    assert history[-1].reason == "References checked."
    assert history[0].changed_by is None  # the applicant applied


def test_deleting_a_user_who_changed_a_status_is_refused():
    from django.db.models import ProtectedError

    coordinator = UserFactory(username="coordinator")
    MembershipStatusChange.objects.create(
        organisation=OrganisationFactory(), from_status="applied", to_status="rejected", changed_by=coordinator
    )
    with pytest.raises(ProtectedError):
        coordinator.delete()


def test_public_organisations_are_the_approved_ones():
    approved = OrganisationFactory()
    OrganisationFactory(pending=True)
    OrganisationFactory(status=Organisation.Status.SUSPENDED)
    assert list(Organisation.objects.public()) == [approved]
    assert approved.is_public


# serialized_rollback: the database is emptied afterwards without recreating the content types, which a later test
# that restores the serialized database would insert again.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_countrys_emergency_number_migrates_to_a_typed_line_and_back():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("members", "0005_abuse_limits_proposed_cities")]
    after = [("members", "0007_country_emergency_number_to_lines")]
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        country = old.get_model("members", "Country").objects.create(
            code="MX", name="México", region="americas", latitude=19.4, longitude=-99.1, emergency_number="911"
        )
        old.get_model("members", "Helpline").objects.create(country=country, name="Línea Mujeres", phone="5556581111")
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        lines = {line.phone: line.kind for line in Helpline.objects.filter(country__code="MX")}
        assert lines == {"911": "emergency", "5556581111": "gbv"}
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        restored = executor.loader.project_state(before).apps.get_model("members", "Country").objects.get(code="MX")
        assert restored.emergency_number == "911"
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
