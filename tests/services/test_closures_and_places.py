"""Temporary closures of locations and services, and places in services that fill up: the write functions member
accounts and staff share (``services.services``), what the public sees, and that both end by themselves."""

import datetime
import re
import sys
import threading
import zoneinfo
from unittest import mock
from urllib.parse import quote

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from members import closures
from members.models import Location, time_zone
from services import capacity, card_cache
from services.models import Service
from services.services import capacity_update, closure_end, closure_set
from tests.factories import (
    CityFactory,
    CountryFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    ServiceFactory,
)
from tests.services import directory_data as data

JAN_6 = datetime.date(2027, 1, 6)
DEC_20 = datetime.date(2026, 12, 20)


def closures_zone(name):
    return time_zone(name)


@pytest.fixture
def shelter(colombia, bogota):
    organisation = OrganisationFactory(countries=[colombia])
    location = LocationFactory(organisation=organisation, city=bogota, confidential=True)
    return ServiceFactory(organisation=organisation, locations=[location], name_en="Safe house", name_es="Casa refugio")


# The pure rules -----------------------------------------------------------------------------------------------------


def test_a_closure_covers_its_first_and_last_day_in_its_own_time_zone():
    zone = closures_zone("Asia/Jakarta")
    period = closures.Period(DEC_20, JAN_6, zone)
    # 6 January 23:30 in Jakarta is still closed; 7 January 00:30 there (17:30 UTC on the 6th) is open again.
    assert period.covers(datetime.datetime(2027, 1, 6, 23, 30, tzinfo=zone))
    assert not period.covers(datetime.datetime(2027, 1, 6, 17, 30, tzinfo=datetime.UTC))
    assert not period.covers(datetime.datetime(2026, 12, 19, 23, 0, tzinfo=zone))


def test_a_service_is_closed_by_its_own_closure_or_when_every_location_is():
    zone = closures_zone("America/Bogota")
    moment = datetime.datetime(2026, 12, 24, 12, tzinfo=zone)
    own = closures.Period(DEC_20, JAN_6, zone)
    assert closures.closed_until(own, [None], moment) == JAN_6
    one_closed = closures.Period(DEC_20, datetime.date(2026, 12, 31), zone)
    assert closures.closed_until(None, [one_closed, None], moment) is None
    both = [one_closed, closures.Period(DEC_20, JAN_6, zone)]
    assert closures.closed_until(None, both, moment) == datetime.date(2026, 12, 31)  # reopens where it can first
    assert closures.closed_until(None, [], moment) is None
    assert closures.closed_until(own, both, datetime.datetime(2027, 1, 7, 12, tzinfo=zone)) is None


def test_places_fall_back_to_call_and_ask_after_72_hours():
    given = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
    assert capacity.state("full", given, given + datetime.timedelta(hours=72)) == "full"
    assert capacity.state("full", given, given + datetime.timedelta(hours=72, seconds=1)) == capacity.ASK
    assert capacity.state("", None, given) == ""


# The write functions -------------------------------------------------------------------------------------------------


def test_staff_close_a_service_with_a_note_in_four_languages_and_the_history_says_who(shelter, coordinator_co):
    notes = {
        "en": "Closed for the holidays until 6 January",
        "es": "Cerrado por vacaciones hasta el 6 de enero",
        "pt": "Fechado para as festas até 6 de janeiro",
        "id": "Tutup selama liburan hingga 6 Januari",
    }
    closure_set(target=shelter, starts=DEC_20, ends=JAN_6, note=notes, by=coordinator_co)
    shelter.refresh_from_db()
    assert (shelter.closed_from, shelter.closed_until) == (DEC_20, JAN_6)
    assert shelter.closure_note_ind == notes["id"]
    assert shelter.closure_note_pt == notes["pt"]
    line = shelter.history.latest()
    assert line.history_user == coordinator_co
    assert line.history_change_reason == "Temporary closure set"
    assert line.closed_until == JAN_6

    closure_end(target=shelter, by=coordinator_co)
    shelter.refresh_from_db()
    assert shelter.closed_from is None and shelter.closed_until is None and shelter.closure_note_en == ""
    assert shelter.history.latest().history_change_reason == "Temporary closure ended"


def test_a_location_can_be_closed_too(shelter, coordinator_co):
    location = shelter.locations.get()
    closure_set(target=location, starts=DEC_20, ends=JAN_6, note="Closed for repairs", by=coordinator_co)
    location = Location.objects.get(pk=location.pk)
    assert location.closure_note_en == "Closed for repairs"
    assert location.history.latest().history_user == coordinator_co


def test_a_closure_needs_ordered_days(shelter, coordinator_co):
    with pytest.raises(ValidationError) as error:
        closure_set(target=shelter, starts=JAN_6, ends=DEC_20, note="", by=coordinator_co)
    assert "closed_until" in error.value.message_dict
    shelter.refresh_from_db()
    assert shelter.closed_from is None


def test_the_database_refuses_a_closure_without_its_last_day_or_ending_before_it_starts(shelter):
    for values in ({"closed_from": DEC_20}, {"closed_from": JAN_6, "closed_until": DEC_20}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Service.objects.filter(pk=shelter.pk).update(**values)


def test_the_database_refuses_places_without_their_moment(shelter):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.filter(pk=shelter.pk).update(capacity="full")
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.filter(pk=shelter.pk).update(capacity="dozens", capacity_updated_at=timezone.now())


def test_staff_of_another_country_may_neither_close_nor_update_places(shelter, coordinator_ec):
    with pytest.raises(PermissionDenied):
        closure_set(target=shelter, starts=DEC_20, ends=JAN_6, note="x", by=coordinator_ec)
    with pytest.raises(PermissionDenied):
        capacity_update(service=shelter, status="full", by=coordinator_ec)
    shelter.refresh_from_db()
    assert shelter.closed_from is None and shelter.capacity == ""


def test_places_are_updated_in_one_step_with_their_moment_and_history(shelter, coordinator_co):
    moment = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        capacity_update(service=shelter, status=Service.Capacity.FULL, by=coordinator_co)
    shelter.refresh_from_db()
    assert (shelter.capacity, shelter.capacity_updated_at) == ("full", moment)
    line = shelter.history.order_by("-history_id").first()  # history_date is the frozen moment, before creation
    assert (line.capacity, line.history_user, line.history_change_reason) == ("full", coordinator_co, "Places updated")
    with pytest.raises(ValidationError):
        capacity_update(service=shelter, status="12 beds", by=coordinator_co)
    capacity_update(service=shelter, status="", by=coordinator_co)
    shelter.refresh_from_db()
    assert shelter.capacity == "" and shelter.capacity_updated_at is None


# What the public sees -----------------------------------------------------------------------------------------------

SEARCH = "/en/search/?q="
MONDAY_10_BOGOTA = datetime.datetime(2026, 11, 30, 15, 0, tzinfo=datetime.UTC)
WEDNESDAY_10_BOGOTA = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=datetime.UTC)
OPEN_NOW = '<span class="badge badge-open">Open now</span>'


def page(client, url, moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def listing(db):
    return data.public_listing()


def close_until_tuesday(target, by):
    closure_set(
        target=target,
        starts=datetime.date(2026, 11, 28),
        ends=datetime.date(2026, 12, 1),
        note={"en": "Closed for the staff retreat", "es": "Cerrado por la jornada del equipo"},
        by=by,
    )


def test_a_closed_service_says_closed_until_on_its_card_and_page_never_open_now(client, listing, administrator):
    assert OPEN_NOW in page(client, SEARCH, MONDAY_10_BOGOTA)
    close_until_tuesday(listing, administrator)
    for url in (SEARCH, f"/en/services/{listing.pk}/"):
        html = page(client, url, MONDAY_10_BOGOTA)
        assert "Closed until Dec. 1, 2026" in html
        assert "Closed for the staff retreat" in html
        assert OPEN_NOW not in html


def test_a_kept_card_stops_showing_a_closure_that_has_ended(client, listing, administrator):
    close_until_tuesday(listing, administrator)
    assert "Closed until" in page(client, SEARCH, MONDAY_10_BOGOTA)
    assert card_cache.PageCards("card", "en").kept([listing.pk])  # the same card is read on Wednesday
    html = page(client, SEARCH, WEDNESDAY_10_BOGOTA)
    assert "Closed until" not in html and "staff retreat" not in html
    assert OPEN_NOW in html


def test_the_service_page_announces_a_closure_to_come(client, listing, administrator):
    close_until_tuesday(listing, administrator)
    html = page(client, f"/en/services/{listing.pk}/", datetime.datetime(2026, 11, 20, 15, tzinfo=datetime.UTC))
    assert "Closed from Nov. 28, 2026 to Dec. 1, 2026." in html
    assert "Closed until" not in html
    # A card says only what holds today.
    assert "Closed from" not in page(client, SEARCH, datetime.datetime(2026, 11, 20, 15, tzinfo=datetime.UTC))


def card(client, listing, moment) -> str:
    """The listing's result card as a search shows it at ``moment``."""
    html = page(client, SEARCH, moment)
    return html[html.index(f'id="service-{listing.pk}"') :].split("</article>")[0]


FRIDAY_BEFORE_10_BOGOTA = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC)
SUNDAY_10_BOGOTA = datetime.datetime(2026, 11, 29, 15, 0, tzinfo=datetime.UTC)


def test_a_card_before_a_closure_shows_todays_hours_and_leaves_the_closure_to_the_service_page(
    client, listing, administrator
):
    close_until_tuesday(listing, administrator)
    html = card(client, listing, FRIDAY_BEFORE_10_BOGOTA)
    assert OPEN_NOW in html and "Closes at 5 p.m." in html
    assert "notice-closure" not in html and "Closed" not in html
    html = page(client, f"/en/services/{listing.pk}/", FRIDAY_BEFORE_10_BOGOTA)
    assert "Closed from Nov. 28, 2026 to Dec. 1, 2026." in html and OPEN_NOW in html


@pytest.mark.parametrize("moment", [MONDAY_10_BOGOTA, SUNDAY_10_BOGOTA], ids=["in its hours", "outside them"])
def test_a_card_closed_for_now_says_until_when_and_nothing_of_its_hours(client, listing, administrator, moment):
    close_until_tuesday(listing, administrator)
    html = card(client, listing, moment)
    assert '<span class="badge badge-closed">Closed until Dec. 1, 2026</span>' in html
    assert "Closed until Dec. 1, 2026. It opens again on Dec. 2, 2026." in html
    # Neither "Open now" nor the hours' next change: on Sunday they would say "Opens tomorrow", a closed day.
    assert OPEN_NOW not in html and "next-change" not in html and "Closed now" not in html


def test_a_closed_location_closes_a_service_given_only_there(client, listing, administrator):
    close_until_tuesday(listing.locations.get(), administrator)
    html = page(client, f"/en/services/{listing.pk}/", MONDAY_10_BOGOTA)
    # The service's notice, and its location's section.
    assert html.count("Closed until Dec. 1, 2026. It opens again on Dec. 2, 2026.") == 2
    assert OPEN_NOW not in html
    assert "Closed until" in page(client, SEARCH, MONDAY_10_BOGOTA)


def test_a_service_with_another_location_open_is_not_closed(client, listing, administrator):
    other = LocationFactory(organisation=listing.organisation, city=listing.locations.get().city, open_24_7=True)
    listing.locations.add(other)
    close_until_tuesday(listing.locations.exclude(pk=other.pk).get(), administrator)
    html = page(client, SEARCH, MONDAY_10_BOGOTA)
    assert 'id="service-' in html and "Open 24/7" in html
    assert "notice-closure" not in html


@pytest.mark.parametrize(
    ("language", "closed", "places", "age"),
    [
        ("es", "Cerrado hasta", "Hay plazas disponibles", "actualizado hace 3\xa0horas"),
        ("pt", "Fechado até", "Há vagas disponíveis", "atualizado há 3\xa0horas"),
        ("id", "Tutup hingga", "Tempat tersedia", "diperbarui 3\xa0jam"),
        ("en", "Closed until", "Places available", "updated 3\xa0hours ago"),
    ],
)
def test_closures_and_places_read_in_four_languages(client, listing, administrator, language, closed, places, age):
    close_until_tuesday(listing, administrator)
    with mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA - datetime.timedelta(hours=3)):
        capacity_update(service=listing, status="available", by=administrator)
    for url in (f"/{language}/search/?q=", f"/{language}/services/{listing.pk}/"):
        html = page(client, url, MONDAY_10_BOGOTA)
        assert closed in html and places in html and age in html, url


def test_places_show_their_age_and_fall_back_to_call_and_ask_after_72_hours(client, listing, administrator):
    given = MONDAY_10_BOGOTA
    with mock.patch("django.utils.timezone.now", return_value=given):
        capacity_update(service=listing, status="full", by=administrator)
    html = page(client, SEARCH, given + datetime.timedelta(hours=3))
    assert "Full" in html and "updated 3\xa0hours ago" in html
    for url in (SEARCH, f"/en/services/{listing.pk}/"):
        html = page(client, url, given + datetime.timedelta(hours=73))
        assert "Call to ask whether there are places" in html
        assert "updated" not in html.split("Call to ask")[1][:200]
        assert "badge-places-full" not in html


def test_places_of_a_confidential_shelter_say_nothing_of_its_address(client, administrator):
    shelter = data.confidential_listing()
    capacity_update(service=shelter, status="available", by=administrator)
    for url in (SEARCH, f"/en/services/{shelter.pk}/", f"/api/v1/services/{shelter.pk}/"):
        html = page(client, url, timezone.now())
        assert data.SECRET_STREET not in html and str(data.SECRET_LATITUDE) not in html
        assert "available" in html.lower()


# Search ---------------------------------------------------------------------------------------------------------------


def result_ids(client, url, moment) -> list[str]:
    html = page(client, url, moment)
    return re.findall(r'<article class="result" id="service-(\d+)"', html)


def test_open_now_leaves_out_a_service_closed_for_now_and_takes_it_back_after(client, listing, administrator):
    url = "/en/search/?q=&open_now=on"
    assert result_ids(client, url, MONDAY_10_BOGOTA) == [str(listing.pk)]
    close_until_tuesday(listing, administrator)
    assert result_ids(client, url, MONDAY_10_BOGOTA) == []
    assert result_ids(client, url, WEDNESDAY_10_BOGOTA) == [str(listing.pk)]


@pytest.mark.parametrize("typed", ["0", "¿?"])
def test_open_now_with_a_query_of_no_word_lists_the_open_services(client, listing, typed):
    """Nothing typed is a word the search can use: the open services are listed as with nothing typed (PostgreSQL
    counts them with their page, and once answered a server error here)."""
    always = data.hotline()
    listed = result_ids(client, "/en/search/?q=&open_now=on", MONDAY_10_BOGOTA)
    assert set(listed) == {str(listing.pk), str(always.pk)}
    assert result_ids(client, f"/en/search/?q={quote(typed)}&open_now=on", MONDAY_10_BOGOTA) == listed


def test_open_now_leaves_out_a_service_open_only_at_its_closed_location(client, listing, administrator):
    always = data.hotline()
    other = LocationFactory(organisation=listing.organisation, city=listing.locations.get().city)
    listing.locations.add(other)  # no hours there
    url = "/en/search/?q=&open_now=on"
    assert str(listing.pk) in result_ids(client, url, MONDAY_10_BOGOTA)
    close_until_tuesday(listing.locations.exclude(pk=other.pk).get(), administrator)
    found = result_ids(client, url, MONDAY_10_BOGOTA)
    assert str(listing.pk) not in found and str(always.pk) in found


def test_open_now_reads_a_partly_closed_service_by_its_open_locations_alone(client, listing, administrator):
    """Open all day at its closed location only: its other location's hours decide (Monday 9-17 open, Sunday not)."""
    listing.locations.update(open_24_7=True)
    listing.save()  # its search document: always open
    other = LocationFactory(organisation=listing.organisation, city=listing.locations.get().city)
    for weekday in range(5):
        OpeningHoursFactory(location=other, weekday=weekday)
    listing.locations.add(other)
    close_until_tuesday(listing.locations.exclude(pk=other.pk).get(), administrator)
    url = "/en/search/?q=&open_now=on"
    assert str(listing.pk) in result_ids(client, url, MONDAY_10_BOGOTA)
    sunday = MONDAY_10_BOGOTA - datetime.timedelta(days=1)
    assert str(listing.pk) not in result_ids(client, url, sunday)
    close_until_tuesday(other, administrator)
    assert str(listing.pk) not in result_ids(client, url, MONDAY_10_BOGOTA)


def test_open_now_in_the_api_leaves_out_a_closed_service(client, listing, administrator):
    close_until_tuesday(listing, administrator)
    with mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA):
        items = client.get("/api/v1/services/?open_now=true").json()["results"]
    assert listing.pk not in [item["id"] for item in items]


QUARTER_HOUR = datetime.timedelta(minutes=15)


def _offset_changes(zone, after: datetime.datetime, before: datetime.datetime) -> datetime.datetime:
    """The first second from which ``zone``'s offset differs from its offset at ``after`` (one change in between)."""
    offset = after.astimezone(zone).utcoffset()
    while before - after > datetime.timedelta(seconds=1):
        middle = (after + (before - after) / 2).replace(microsecond=0)
        if middle.astimezone(zone).utcoffset() == offset:
            after = middle
        else:
            before = middle
    return before


def test_every_time_zones_date_changes_on_a_quarter_hour_of_utc():
    """Which closures hold is kept per quarter hour of UTC (``closed_at``): right only if no zone's date changes
    within one. A date changes at a local midnight, at an offset from UTC, or when the offset changes: in every zone
    of the time zone database, both are whole quarter hours (offsets read weekly over two years, each change found to
    the second)."""
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    for name in sorted(zoneinfo.available_timezones()):
        zone = zoneinfo.ZoneInfo(name)
        earlier = start
        for week in range(1, 2 * 53):
            moment = start + datetime.timedelta(weeks=week)
            offset = moment.astimezone(zone).utcoffset()
            assert offset % QUARTER_HOUR == datetime.timedelta(0), (name, offset)
            if offset != earlier.astimezone(zone).utcoffset():
                change = _offset_changes(zone, earlier, moment)
                assert (change - start) % QUARTER_HOUR == datetime.timedelta(0), (name, change)
            earlier = moment


def test_a_closure_ending_at_midnight_in_kathmandu_stops_holding_at_that_moment(administrator):
    """Kathmandu is 5:45 ahead of UTC: its midnight is 18:15 UTC, a quarter hour of UTC but not an hour. A service
    closed until a day there is left out of open now until 18:15 UTC that evening exactly, whichever offset the moment
    is written with, though which closures hold is kept per quarter hour (asked at 18:00, then within it)."""
    from services.search import kept_closures

    nepal = CountryFactory(code="NP", name_en="Nepal", time_zones=["Asia/Kathmandu"], latitude=28.4, longitude=84.1)
    kathmandu = CityFactory(
        country=nepal, name_en="Kathmandu", latitude=27.7, longitude=85.3, time_zone="Asia/Kathmandu"
    )
    location = LocationFactory(city=kathmandu, open_24_7=True)
    service = ServiceFactory(organisation=location.organisation, locations=[location])
    close_until_tuesday(service, administrator)  # until 1 December, in Kathmandu's days

    def open_now(moment) -> bool:
        return service.pk in Service.objects.public().open_at(moment).values_list("pk", flat=True)

    quarter_before = datetime.datetime(2026, 12, 1, 18, 0, tzinfo=datetime.UTC)  # 23:45 on the last day there
    midnight = quarter_before + QUARTER_HOUR
    odd = datetime.timezone(datetime.timedelta(minutes=7))  # no zone's offset: its quarter hours are not UTC's
    for written in (datetime.UTC, zoneinfo.ZoneInfo("Asia/Kathmandu"), odd):
        kept_closures.forget()  # nothing kept from the moments written otherwise
        assert not open_now(quarter_before.astimezone(written)), written
        assert not open_now((midnight - datetime.timedelta(seconds=1)).astimezone(written)), written
        assert open_now(midnight.astimezone(written)), written
        assert open_now((midnight + datetime.timedelta(minutes=5)).astimezone(written)), written


def test_the_kept_closures_are_shared_safely_by_a_threaded_servers_requests():
    """A threaded server's requests keep and drop the kept answers at once (``KeptAnswers``, as ``kept_closures``):
    every read and write of them holds the lock, and the making (a database read) does not, so threads wait for no
    other's statement. Threads made to switch as often as they can then get, each, the answer to what they asked,
    with no error and no more than its size kept."""
    from services.search import KeptAnswers

    kept = KeptAnswers(8)

    class Guarded(dict):
        def _held(self):
            assert kept.lock.locked(), "the kept answers read or written without the lock"

        def get(self, *args):
            self._held()
            return super().get(*args)

        def pop(self, *args):
            self._held()
            return super().pop(*args)

        def __setitem__(self, key, value):
            self._held()
            super().__setitem__(key, value)

        def __iter__(self):
            self._held()
            return super().__iter__()

        def __len__(self):
            self._held()
            return super().__len__()

    def made(key):
        assert not kept.lock.locked(), "made while holding the lock"
        return key

    kept.answers = Guarded()
    for number in range(kept.size + 3):
        key = ("asked", number)
        assert kept.get_or_make(key, lambda key=key: made(key)) == key
    assert kept.get_or_make(("asked", 10), lambda: "made again") == ("asked", 10)  # kept
    assert kept.get_or_make(("asked", 0), lambda: "made again") == "made again"  # the oldest, dropped

    kept = KeptAnswers(8)
    errors = []

    def ask(number):
        try:
            for round_ in range(3000):
                key = ("asked", number, round_ % 3)
                assert kept.get_or_make(key, lambda key=key: key) == key
        except Exception as error:  # any error is what this test looks for
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=ask, args=(number,)) for number in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert len(kept.answers) <= kept.size


def test_places_available_filter_finds_current_places_only(client, listing, administrator):
    shelter = data.confidential_listing()
    full = data.city_only_listing()
    given = MONDAY_10_BOGOTA
    with mock.patch("django.utils.timezone.now", return_value=given):
        capacity_update(service=shelter, status="available", by=administrator)
        capacity_update(service=full, status="full", by=administrator)
    url = "/en/search/?q=&places=on"
    assert result_ids(client, url, given + datetime.timedelta(hours=1)) == [str(shelter.pk)]
    assert "With places available now" in page(client, url, given)
    assert result_ids(client, url, given + datetime.timedelta(hours=73)) == []
    with mock.patch("django.utils.timezone.now", return_value=given):
        items = client.get("/api/v1/services/?places=true").json()["results"]
    assert [item["id"] for item in items] == [shelter.pk]
    assert items[0]["places"]["status"] == "available"


def test_the_api_carries_closures_and_places_and_forgets_an_ended_closure(client, listing, administrator):
    close_until_tuesday(listing, administrator)
    close_until_tuesday(listing.locations.get(), administrator)
    with mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA - datetime.timedelta(hours=80)):
        capacity_update(service=listing, status="waiting_list", by=administrator)
    for round_ in range(2):  # the second page reads the kept item
        with mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA):
            item = client.get("/api/v1/services/?lang=en").json()["results"][0]
        assert item["temporary_closure"] == {
            "starts": "2026-11-28",
            "ends": "2026-12-01",
            "time_zone": "America/Bogota",
            "note": "Closed for the staff retreat",
            "closed_now": True,
        }, round_
        assert item["locations"][0]["temporary_closure"]["closed_now"] is True
        assert item["closed_until"] == "2026-12-01"
        assert item["places"]["status"] == "call_to_ask" and item["places"]["given"] == "waiting_list"
    with mock.patch("django.utils.timezone.now", return_value=WEDNESDAY_10_BOGOTA):
        item = client.get("/api/v1/services/").json()["results"][0]
        detail = client.get(f"/api/v1/services/{listing.pk}/").json()
    for shown in (item, detail):
        assert shown["temporary_closure"] is None and shown["closed_until"] is None
        assert shown["locations"][0]["temporary_closure"] is None


def test_an_organisations_item_says_which_of_its_services_are_closed_or_have_places(client, listing, administrator):
    close_until_tuesday(listing.locations.get(), administrator)
    with mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA - datetime.timedelta(hours=2)):
        capacity_update(service=listing, status="full", by=administrator)
    url = f"/api/v1/organisations/{listing.organisation.slug}/"
    with mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA):
        (summary,) = client.get(url).json()["services"]
        (listed,) = [
            item
            for item in client.get("/api/v1/organisations/").json()["results"]
            if item["slug"] == listing.organisation.slug
        ]
    assert summary == listed["services"][0]
    assert summary["id"] == listing.pk and summary["closed_until"] == "2026-12-01"
    assert summary["places"]["status"] == "full"
    with mock.patch("django.utils.timezone.now", return_value=WEDNESDAY_10_BOGOTA + datetime.timedelta(days=3)):
        (summary,) = client.get(url).json()["services"]
    assert summary["closed_until"] is None and summary["places"]["status"] == "call_to_ask"


def test_a_results_page_with_closures_places_and_open_now_stays_within_12_queries(
    client, listing, administrator, django_assert_max_num_queries
):
    city = listing.locations.get().city
    for number in range(30):
        service = ServiceFactory(name_es=f"Servicio {number}", locations=[LocationFactory(city=city, open_24_7=True)])
        if number % 3 == 0:
            close_until_tuesday(service, administrator)
        if number % 3 == 1:
            close_until_tuesday(service.locations.get(), administrator)
        if number % 2:
            capacity_update(service=service, status="available", by=administrator)
    for url in (f"/en/search/?q=&near={city.pk}&open_now=on", "/en/search/?q=&places=on&open_now=on"):
        page(client, url, MONDAY_10_BOGOTA)  # fills the reference data's cache, the same for everyone
        with django_assert_max_num_queries(12), mock.patch("django.utils.timezone.now", return_value=MONDAY_10_BOGOTA):
            html = client.get(url).content.decode()
        assert "Closed until" not in html and 'class="result"' in html


def test_open_now_finds_the_closures_by_their_indexes_without_reading_every_service(client, listing, administrator):
    """The locations and the services closed about that day are each read by their closure index, as plain values:
    as one condition with OR across the services' locations, the statement read every service on both databases."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    close_until_tuesday(listing, administrator)
    with CaptureQueriesContext(connection) as queries:
        assert result_ids(client, "/en/search/?q=&open_now=on", MONDAY_10_BOGOTA) == []
    closures_read = [query["sql"] for query in queries if '"closed_until" >=' in query["sql"]]
    assert len(closures_read) == 2
    # Each by its own index (a plan on a test's few rows and statistics says nothing of 50,000 services).
    assert all(" OR " not in sql for sql in closures_read)
    assert {'FROM "members_location"' in sql for sql in closures_read} == {True, False}
