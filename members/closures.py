"""Temporary closures: whether a place or a service is closed on a day, read when a page is made, so a closure ends
by itself on the day after its last day, with no job to run.

Plain values only, no models (as ``members.opening``): a closure is a ``Period`` (its first and last day, both
closed, and the time zone its days are counted in). A service is closed when its own closure covers the day, or
when it has locations and each of them is closed that day; it reopens the day after the latest of those last days
that it needs (its own, else the earliest a location reopens).
"""

import datetime
import zoneinfo
from typing import NamedTuple


class Period(NamedTuple):
    starts: datetime.date
    ends: datetime.date
    zone: zoneinfo.ZoneInfo | datetime.tzinfo

    def covers(self, moment: datetime.datetime) -> bool:
        return self.starts <= moment.astimezone(self.zone).date() <= self.ends


def period(starts, ends, zone) -> Period | None:
    """The period of a row's ``closed_from`` and ``closed_until`` (None without dates)."""
    if starts is None or ends is None:
        return None
    return Period(starts, ends, zone)


def closed_until(own: Period | None, locations, moment: datetime.datetime) -> datetime.date | None:
    """The last day of the closure that closes a service at ``moment``, or None when it is not closed: its own
    closure, or every one of its ``locations`` (their periods, None for a location without one) closed."""
    last_days = []
    if own is not None and own.covers(moment):
        last_days.append(own.ends)
    locations = list(locations)
    if locations and all(place is not None and place.covers(moment) for place in locations):
        last_days.append(min(place.ends for place in locations))
    return max(last_days, default=None)


def is_closed(own: Period | None, moment: datetime.datetime) -> bool:
    return own is not None and own.covers(moment)


def ending_this_week(queryset, today: datetime.date):
    """The locations or services of ``queryset`` whose temporary closure ends this week: its last day is today or
    one of the next six days (the admin's "ending this week" filter and the coordinator's workbench). A location
    closed for good (``LocationQuerySet.current``) has nothing left to end."""
    ending = queryset.filter(closed_until__gte=today, closed_until__lte=today + datetime.timedelta(days=6))
    return ending.current() if hasattr(ending, "current") else ending
