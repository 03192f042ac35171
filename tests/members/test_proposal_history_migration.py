"""Proposals made before proposals had a history get a first line of it: a waiting one shows who sent it and when,
on the coordinator's page, before any new version."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from members.models import Organisation
from tests.factories import OrganisationFactory, UserFactory

BEFORE = [("members", "0016_proposed_additions_and_removals")]
AFTER = [("members", "0017_proposal_withdrawn_and_versions")]

pytestmark = pytest.mark.slow


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_waiting_proposal_gets_its_first_line_of_history(migrate):
    organisation = OrganisationFactory()
    member = UserFactory(username="marta@casa.example.org", is_staff=False)
    content_type = ContentType.objects.get_for_model(Organisation)
    sent = timezone.now() - datetime.timedelta(days=3)
    old = migrate(BEFORE)
    ProposedChange = old.get_model("members", "ProposedChange")
    common = {"organisation_id": organisation.pk, "target_type_id": content_type.pk, "proposed_by_id": member.pk}
    waiting = ProposedChange.objects.create(
        **common, target_id=organisation.pk, changes={"website": {"before": "", "after": "https://a.example"}},
        proposed_at=sent, revision=2,
    )  # fmt: skip
    ProposedChange.objects.create(
        **common, target_id=organisation.pk, status="approved", decided_at=timezone.now(), proposed_at=sent
    )
    new = migrate(AFTER)
    [line] = new.get_model("members", "HistoricalProposedChange").objects.all()
    assert (line.id, line.history_type, line.history_user_id) == (waiting.pk, "+", member.pk)
    assert line.history_date == sent and line.revision == 2 and line.status == "pending"
    assert line.changes == {"website": {"before": "", "after": "https://a.example"}}
