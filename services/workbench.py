"""The coordinator's workbench: the work waiting in a staff member's countries, each a count and a link to the
admin list that shows exactly those records. The admin's start page shows it and ``send_coordinator_digest``
e-mails it weekly.

Each kind of work is one ``Waiting`` line in ``WAITING``: what it is called, the model whose admin list shows it,
the records (a queryset, narrowed to the staff member's countries by ``members.roles.scoped`` as that list is),
and the list's filter in its address; ``country`` narrows the same to one country and says which filter of that
list shows it, so a coordinator of several countries reads her work per country (the weekly digest).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Model, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext_lazy

from members import roles
from members.closures import ending_this_week
from members.models import Application, Country, Location, Organisation, ProposedChange
from members.services import STALE_AFTER
from services.models import CorrectionRequest, Service


@dataclass(frozen=True)
class Waiting:
    key: str
    label: object  # ngettext_lazy(..., "count")
    model: type[Model]
    records: Callable[[datetime.date], QuerySet]
    query: dict
    # The records of one country, and the admin list's filter that shows them.
    country: Callable[[Country], tuple[Q, dict]]

    def url(self, query: dict | None = None) -> str:
        opts = self.model._meta
        path = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        query = {**self.query, **(query or {})}
        return f"{path}?{urlencode(query)}" if query else path


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
        lambda country: (Q(countries=country), {"countries__id__exact": country.pk}),
    ),
    Waiting(
        "proposals",
        ngettext_lazy("%(count)d proposed change to review", "%(count)d proposed changes to review", "count"),
        ProposedChange,
        lambda today: ProposedChange.objects.pending(),
        {"status__exact": ProposedChange.Status.PENDING},
        lambda country: (Q(organisation__countries=country), {"organisation__countries__id__exact": country.pk}),
    ),
    Waiting(
        "suggestions",
        ngettext_lazy("%(count)d suggested update to read", "%(count)d suggested updates to read", "count"),
        CorrectionRequest,
        lambda today: CorrectionRequest.objects.filter(status=CorrectionRequest.Status.OPEN),
        {},
        lambda country: (Q(organisation__countries=country), {"organisation__countries__id__exact": country.pk}),
    ),
    Waiting(
        "unverified",
        ngettext_lazy(
            "%(count)d listing not verified for six months", "%(count)d listings not verified for six months", "count"
        ),
        Organisation,
        lambda today: Organisation.objects.public().stale(before=today - STALE_AFTER),
        {"verification": "stale"},
        lambda country: (Q(countries=country), {"countries__id__exact": country.pk}),
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
        lambda country: (Q(city__country=country), {"city__country__id__exact": country.pk}),
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
        lambda country: (
            Q(organisation__countries=country) | Q(locations__city__country=country),
            {"country": country.code},
        ),
    ),
]


def waiting_for(user, *, today: datetime.date | None = None, country: Country | None = None) -> list[Count]:
    """The work waiting for ``user`` in her countries (every country for administrators and editors), or in one of
    them: one count per kind of work whose list she may open, with the address of that list (in the active
    language)."""
    today = today or timezone.localdate()
    counts = []
    for waiting in WAITING:
        opts = waiting.model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        records, query = roles.scoped(user, waiting.records(today)), {}
        if country is not None:
            inside, query = waiting.country(country)
            # By id, as the list's filter narrows it: a record in the country by two paths counts once.
            records = records.filter(pk__in=waiting.model._default_manager.filter(inside).values("pk"))
        counts.append(Count(waiting, records.count(), waiting.url(query)))
    return counts


def waiting_per_country(user, *, today: datetime.date | None = None) -> list[tuple[Country, list[Count]]]:
    """The work waiting for a coordinator of several countries, country by country (those with something
    waiting), each count linked to its list narrowed to that country. Empty for a coordinator of one country."""
    countries = Country.objects.filter(pk__in=roles.coordinated_country_ids(user))
    if len(countries) < 2:
        return []
    per_country = []
    for country in sorted(countries, key=lambda country: str(country.name)):
        counts = [item for item in waiting_for(user, today=today, country=country) if item.count]
        if counts:
            per_country.append((country, counts))
    return per_country
