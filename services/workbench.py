"""The coordinator's workbench: the work waiting in a staff member's countries, each a count and a link to the
admin list that shows exactly those records. The admin's start page shows it and ``send_coordinator_digest``
e-mails it weekly.

Each kind of work is one ``Waiting`` line in ``WAITING``: what it is called, the model whose admin list shows it,
the records (a queryset, narrowed to the staff member's countries by ``members.roles.scoped`` as that list is),
and the list's filter in its address.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext_lazy

from members import roles
from members.closures import ending_this_week
from members.models import Application, Location, Organisation, ProposedChange
from members.services import STALE_AFTER
from services.models import CorrectionRequest, Service


@dataclass(frozen=True)
class Waiting:
    key: str
    label: object  # ngettext_lazy(..., "count")
    model: type[Model]
    records: Callable[[datetime.date], QuerySet]
    query: dict

    def url(self) -> str:
        opts = self.model._meta
        path = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return f"{path}?{urlencode(self.query)}" if self.query else path


@dataclass(frozen=True)
class Count:
    waiting: Waiting
    count: int
    url: str

    @property
    def text(self) -> str:
        return self.waiting.label % {"count": self.count}


WAITING = [
    Waiting(
        "applications",
        ngettext_lazy(
            "%(count)d application waiting for a decision", "%(count)d applications waiting for a decision", "count"
        ),
        Application,
        lambda today: Application.objects.awaiting_decision(),
        {},
    ),
    Waiting(
        "proposals",
        ngettext_lazy("%(count)d proposed change to review", "%(count)d proposed changes to review", "count"),
        ProposedChange,
        lambda today: ProposedChange.objects.pending(),
        {"status__exact": ProposedChange.Status.PENDING},
    ),
    Waiting(
        "suggestions",
        ngettext_lazy("%(count)d suggested update to read", "%(count)d suggested updates to read", "count"),
        CorrectionRequest,
        lambda today: CorrectionRequest.objects.filter(status=CorrectionRequest.Status.OPEN),
        {},
    ),
    Waiting(
        "unverified",
        ngettext_lazy(
            "%(count)d listing not verified for six months", "%(count)d listings not verified for six months", "count"
        ),
        Organisation,
        lambda today: Organisation.objects.public().stale(before=today - STALE_AFTER),
        {"verification": "stale"},
    ),
    Waiting(
        "closures_locations",
        ngettext_lazy(
            "%(count)d service point whose temporary closure ends this week",
            "%(count)d service points whose temporary closure ends this week",
            "count",
        ),
        Location,
        lambda today: ending_this_week(Location.objects.all(), today),
        {"closure": "ending"},
    ),
    Waiting(
        "closures_services",
        ngettext_lazy(
            "%(count)d service whose temporary closure ends this week",
            "%(count)d services whose temporary closure ends this week",
            "count",
        ),
        Service,
        lambda today: ending_this_week(Service.objects.all(), today),
        {"closure": "ending"},
    ),
]


def waiting_for(user, *, today: datetime.date | None = None) -> list[Count]:
    """The work waiting for ``user`` in her countries (every country for administrators and editors): one count per
    kind of work whose list she may open."""
    today = today or timezone.localdate()
    counts = []
    for waiting in WAITING:
        opts = waiting.model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        count = roles.scoped(user, waiting.records(today)).count()
        counts.append(Count(waiting, count, waiting.url()))
    return counts
