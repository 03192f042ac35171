"""Places in a service that fills up (a shelter): what the listing says now, read when a page is made.

A status given more than ``CURRENT_FOR`` ago is no longer shown as a fact: the directory says to call and ask
(``ASK``). Plain values only, no models.
"""

import datetime

CURRENT_FOR = datetime.timedelta(hours=72)
ASK = "ask"


def state(capacity: str, updated_at: datetime.datetime | None, moment: datetime.datetime) -> str:
    """``capacity`` while it is current, ``ASK`` once it is older than ``CURRENT_FOR``, ``""`` when the listing
    gives no places."""
    if not capacity or updated_at is None:
        return ""
    return capacity if moment - updated_at <= CURRENT_FOR else ASK


def current_since(moment: datetime.datetime) -> datetime.datetime:
    """The oldest update still current at ``moment`` (for the "places available" filter)."""
    return moment - CURRENT_FOR
