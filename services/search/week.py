"""Seconds of the week, for "open now": opening ranges as [start, end) seconds from Monday 00:00.

Pure: imports no models.
"""

import datetime

SECONDS_PER_DAY = 86_400
SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY


def seconds_of_day(moment: datetime.time | datetime.datetime) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def second_of_week(local: datetime.datetime) -> int:
    """The second of the week of a local moment."""
    return local.weekday() * SECONDS_PER_DAY + seconds_of_day(local)


def opening_span_bounds(weekday: int, opens: datetime.time, closes: datetime.time) -> list[tuple[int, int]]:
    """An opening range as [start, end) seconds of the week: one range, or two when it passes Sunday midnight."""
    start = weekday * SECONDS_PER_DAY + seconds_of_day(opens)
    end = weekday * SECONDS_PER_DAY + seconds_of_day(closes) + (SECONDS_PER_DAY if closes < opens else 0)
    if end <= SECONDS_PER_WEEK:
        return [(start, end)]
    return [(start, SECONDS_PER_WEEK), (0, end - SECONDS_PER_WEEK)]
