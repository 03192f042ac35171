"""Whether a place is open at a moment: the one Python reading of opening hours (the search's "open now" filter asks
the database the same question, ``ServiceQuerySet.open_at``).

Plain values only, no models: a listing's hours are ``(time zone, ((weekday, opens, closes), ...))`` pairs, one per
location, each range read in its location's own time zone. A range whose closing time is earlier than its opening
passes midnight; a weekday without a range is a closed day.
"""

import datetime

OPEN_24_7 = "24_7"
OPEN = "open"
CLOSED = "closed"
UNKNOWN = ""  # the listing says nothing of its hours


def range_covers(weekday: int, opens: datetime.time, closes: datetime.time, local: datetime.datetime) -> bool:
    """Whether the opening range of ``weekday`` from ``opens`` to ``closes`` (the next day when earlier) covers the
    local moment."""
    now = local.time()
    if not closes < opens:  # not past midnight
        return local.weekday() == weekday and opens <= now < closes
    if local.weekday() == weekday and now >= opens:
        return True
    return local.weekday() == (weekday + 1) % 7 and now < closes


def location_hours(location) -> tuple:
    """A location's ``(time zone, ranges)`` pair, from its prefetched opening hours."""
    ranges = tuple((opening.weekday, opening.opens, opening.closes) for opening in location.opening_hours.all())
    return location.time_zone, ranges


def fixed_state(open_24_7: bool, locations) -> tuple[str | None, tuple]:
    """What a listing's open state is read from: ``(OPEN_24_7, ())`` or ``(UNKNOWN, ())`` when it never changes, else
    ``(None, hours)`` for ``state_at``. ``locations`` are model instances with their opening hours."""
    locations = list(locations)
    if open_24_7 or any(location.open_24_7 for location in locations):
        return OPEN_24_7, ()
    hours = tuple(location_hours(location) for location in locations)
    if not any(ranges for _zone, ranges in hours):
        return UNKNOWN, ()
    return None, hours


def state_at(hours: tuple, moment: datetime.datetime) -> str:
    """``OPEN`` when one of the locations' ranges covers ``moment`` (aware) in its time zone, else ``CLOSED``."""
    for zone, ranges in hours:
        local = moment.astimezone(zone)
        if any(range_covers(*opening, local) for opening in ranges):
            return OPEN
    return CLOSED


def open_state(open_24_7: bool, locations, moment: datetime.datetime) -> str:
    """``OPEN_24_7``, ``OPEN``, ``CLOSED`` or ``UNKNOWN`` for a service (its own flag and its locations) or one
    location (``open_24_7`` its own flag, ``locations`` itself alone) at ``moment``."""
    fixed, hours = fixed_state(open_24_7, locations)
    return fixed if fixed is not None else state_at(hours, moment)
