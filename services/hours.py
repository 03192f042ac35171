"""When a service next opens or closes, for "closes at 17:00" and "opens tomorrow at 8:00" beside the open badge.

Read from the same ``(time zone, ((weekday, opens, closes), ...))`` pairs per location as the open state
(``members.opening.fixed_state``), in each location's own time zone: a range whose closing time is earlier than its
opening time ends the next day (``members.opening.range_covers``).
"""

import datetime
from dataclasses import dataclass

from members.opening import range_covers

WEEK = 7


@dataclass(frozen=True)
class NextChange:
    """``closes``: open now, until ``at``; else it opens at ``at``, ``days`` days from today (0 today, 1 tomorrow)."""

    closes: bool
    at: datetime.datetime
    days: int

    # The location's own clock and calendar, as plain values: a template would turn an aware datetime into the
    # page's time zone.
    @property
    def time(self) -> datetime.time:
        return self.at.time()

    @property
    def day(self) -> datetime.date:
        return self.at.date()

    @property
    def shown(self) -> "ShownChange":
        """What a page prints of it. Two changes at the same moment in different time zones are equal, but say
        different times."""
        return ShownChange(self.closes, self.time, self.day, self.days)


@dataclass(frozen=True)
class ShownChange:
    """A ``NextChange`` on the location's clock and calendar (``includes/service/next_change.html``)."""

    closes: bool
    time: datetime.time
    day: datetime.date
    days: int


def _closing(weekday: int, opens: datetime.time, closes: datetime.time, local: datetime.datetime):
    day = local.date() if local.weekday() == weekday else local.date() - datetime.timedelta(days=1)
    if closes < opens:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, closes, tzinfo=local.tzinfo)


def _next_opening(ranges, local: datetime.datetime):
    for days in range(WEEK + 1):
        day = local.date() + datetime.timedelta(days=days)
        openings = sorted(
            datetime.datetime.combine(day, opens, tzinfo=local.tzinfo)
            for weekday, opens, _closes in ranges
            if weekday == day.weekday()
        )
        for opening in openings:
            if opening > local:
                return opening, days
    return None


def next_change(hours: tuple, moment: datetime.datetime) -> NextChange | None:
    """When the service closes (open now at a location) or next opens (the earliest of its locations); None when
    its hours say nothing within a week."""
    closings, openings = [], []
    for zone, ranges in hours:
        local = moment.astimezone(zone)
        covering = [opening for opening in ranges if range_covers(*opening, local)]
        if covering:
            closings.append(max(_closing(*opening, local) for opening in covering))
            continue
        found = _next_opening(ranges, local)
        if found is not None:
            openings.append(found)
    if closings:
        return NextChange(closes=True, at=max(closings), days=0)
    if openings:
        at, days = min(openings, key=lambda found: found[0])
        return NextChange(closes=False, at=at, days=days)
    return None
