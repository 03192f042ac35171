"""Indonesian dates with the month written out, "5 Februari 2026": Django's abbreviation with a full stop
("5 Feb. 2026") is not how Indonesian shortens a month."""

from django.conf.locale.id.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, G.i"
