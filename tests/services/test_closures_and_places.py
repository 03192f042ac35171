"""Temporary closures of locations and services, and places in services that fill up: the write functions member
accounts and staff share (``services.services``), what the public sees, and that both end by themselves."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from members import closures
from members.models import Location, time_zone
from services import capacity
from services.models import Service
from services.services import capacity_update, closure_end, closure_set
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

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
