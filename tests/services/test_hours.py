""" "Closes at 17:00" and "opens tomorrow at 9:00" beside the open badge, read in the location's own time zone."""

import datetime
import zoneinfo
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import translation

from services.hours import next_change
from tests.services import directory_data as data

BOGOTA = zoneinfo.ZoneInfo("America/Bogota")
WEEKDAYS_9_TO_17 = ((BOGOTA, tuple((day, datetime.time(9), datetime.time(17)) for day in range(5))),)


# What a listing open Monday to Friday 9–17 says at 10:00 and at 18:00 on a Monday, in each language.
OPENING_TEXTS = [
    ("es", "Cierra a las 17:00", "Abre mañana a las 09:00"),
    ("pt", "Fecha às 17:00", "Abre amanhã às 09:00"),
    ("en", "Closes at 5 p.m.", "Opens tomorrow at 9 a.m."),
    ("id", "Tutup pukul 17.00", "Buka besok pukul 9.00"),
]


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """Bogotá time on a day of the week of 5–11 January 2026 (Monday 0)."""
    return datetime.datetime(2026, 1, 5 + day, hour, minute, tzinfo=BOGOTA)


@pytest.mark.parametrize(
    ("moment", "closes", "expected", "days"),
    [
        (at(0, 10), True, at(0, 17), 0),  # open: until five
        (at(0, 7), False, at(0, 9), 0),  # before opening: today
        (at(0, 18), False, at(1, 9), 1),  # after closing: tomorrow
        (at(4, 18), False, at(7, 9), 3),  # Friday evening: Monday
        (at(5, 12), False, at(7, 9), 2),  # Saturday: Monday
    ],
)
def test_when_it_next_closes_or_opens(moment, closes, expected, days):
    change = next_change(WEEKDAYS_9_TO_17, moment.astimezone(datetime.UTC))
    assert (change.closes, change.at, change.days) == (closes, expected, days)
    assert change.time == expected.time()


def test_a_range_past_midnight_closes_the_next_day():
    night = ((BOGOTA, ((4, datetime.time(20), datetime.time(2)),)),)
    change = next_change(night, at(5, 1))
    assert (change.closes, change.at) == (True, at(5, 2))


def test_no_hours_within_a_week_says_nothing():
    assert next_change(((BOGOTA, ()),), at(0, 10)) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "open_text", "closed_text"),
    OPENING_TEXTS,
)
def test_the_service_page_says_when_it_closes_or_opens(client, language, open_text, closed_text):
    service = data.public_listing()
    with translation.override(language):
        url = reverse("services:service-detail", args=[service.pk])
    with mock.patch("services.views.timezone.now", return_value=at(0, 10)):
        assert open_text in client.get(url).content.decode()
    with mock.patch("services.views.timezone.now", return_value=at(0, 18)):
        assert closed_text in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "open_text", "closed_text"),
    OPENING_TEXTS,
)
def test_a_result_card_says_when_it_closes_or_opens_though_the_card_is_kept(client, language, open_text, closed_text):
    """The card is rendered once and kept (services.card_cache); the time it closes or opens changes with the
    moment of each page, so it comes through the card's slot: the second page reads the kept card."""
    service = data.public_listing()
    with translation.override(language):
        url = reverse("services:search") + "?q="
    with mock.patch("services.views.timezone.now", return_value=at(0, 10)):
        html = client.get(url).content.decode()
    card = html[html.index(f'id="service-{service.pk}"') :]
    assert open_text in card
    assert closed_text not in card
    with (
        mock.patch("services.views.timezone.now", return_value=at(0, 18)),
        mock.patch("services.cards.card_markup", side_effect=AssertionError("the kept card was rendered again")),
    ):
        html = client.get(url).content.decode()
    card = html[html.index(f'id="service-{service.pk}"') :]
    assert closed_text in card
    assert open_text not in card


@pytest.mark.django_db
def test_a_card_of_a_service_open_day_and_night_says_no_closing_time(client):
    service = data.confidential_listing()
    with mock.patch("services.views.timezone.now", return_value=at(0, 10)):
        html = client.get("/en/search/?q=").content.decode()
    card = html[html.index(f'id="service-{service.pk}"') :]
    assert "Open 24/7" in card
    assert "next-change" not in card


@pytest.mark.django_db
def test_two_cards_closing_at_the_same_moment_in_two_time_zones_say_each_its_own_time(rf):
    """Bogotá closing at 17:00 and Mexico City at 16:00 close at the same moment: each card says its own clock."""
    from services.cards import ResultCards

    mexico = zoneinfo.ZoneInfo("America/Mexico_City")
    hours_mexico = ((mexico, tuple((day, datetime.time(8), datetime.time(16)) for day in range(5))),)
    moment = at(0, 10)
    in_bogota, in_mexico = next_change(WEEKDAYS_9_TO_17, moment), next_change(hours_mexico, moment)
    assert in_bogota == in_mexico  # the same moment
    with translation.override("es"):
        cards = ResultCards(rf.get("/es/search/"), now=moment)
        assert "Cierra a las 17:00" in cards._badge("open", in_bogota)
        assert "Cierra a las 16:00" in cards._badge("open", in_mexico)
