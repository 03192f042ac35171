"""Proposed changes: the reads the coordinators' pages count with, and the database's invariants."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from members.models import ProposedChange
from tests.factories import CountryFactory, LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def propose(organisation, record=None, **fields):
    record = record or organisation
    return ProposedChange.objects.create(
        organisation=organisation,
        target_type=ContentType.objects.get_for_model(record),
        target_id=record.pk,
        changes={"phone": {"before": "", "after": "+57 601 555 0199"}},
        **fields,
    )


def test_pending_for_countries_counts_each_proposal_once_oldest_first():
    colombia = CountryFactory(code="CO")
    ecuador = CountryFactory(code="EC", name_en="Ecuador", name_es="Ecuador")
    peru = CountryFactory(code="PE", name_en="Peru", name_es="Perú")
    both = OrganisationFactory(countries=[colombia, ecuador])
    elsewhere = OrganisationFactory(countries=[peru])
    older = propose(both, proposed_at=timezone.now() - timezone.timedelta(days=2))
    newer = propose(both, LocationFactory(organisation=both))
    propose(elsewhere)
    propose(
        both,
        LocationFactory(organisation=both),
        status=ProposedChange.Status.APPROVED,
        decided_at=timezone.now(),
    )

    waiting = ProposedChange.objects.pending().for_countries([colombia, ecuador])

    assert list(waiting) == [older, newer]
    assert waiting.count() == 2
    assert list(ProposedChange.objects.for_countries([ecuador.pk]).pending()) == [older, newer]
    assert ProposedChange.objects.pending().for_countries([]).count() == 0


def test_one_proposal_waits_per_record():
    organisation = OrganisationFactory()
    propose(organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        propose(organisation)
    # A decided one does not count.
    ProposedChange.objects.update(status=ProposedChange.Status.APPROVED, decided_at=timezone.now())
    propose(organisation)


def test_a_rejection_has_a_reason_and_a_decision_a_time():
    organisation = OrganisationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        propose(organisation, status=ProposedChange.Status.REJECTED, decided_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        propose(organisation, status=ProposedChange.Status.APPROVED)
    propose(organisation, status=ProposedChange.Status.REJECTED, decided_at=timezone.now(), reason="Sin fuente")


def test_only_a_new_record_waits_without_one_and_a_change_is_what_existing_rows_are():
    organisation = OrganisationFactory()
    assert propose(organisation).action == ProposedChange.Action.CHANGE
    location_type = ContentType.objects.get_for_model(LocationFactory(organisation=organisation))
    new = {"organisation": organisation, "target_type": location_type, "target_id": None, "changes": {}}
    ProposedChange.objects.create(action=ProposedChange.Action.ADD, **new)
    ProposedChange.objects.create(action=ProposedChange.Action.ADD, **new)  # several new records may wait
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposedChange.objects.create(action=ProposedChange.Action.CHANGE, **new)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposedChange.objects.create(
            action=ProposedChange.Action.ADD, status=ProposedChange.Status.APPROVED, decided_at=timezone.now(), **new
        )
