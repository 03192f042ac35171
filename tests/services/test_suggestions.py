"""The staff queue of suggested updates: grouped by listing, forwarded to the member organisation."""

import datetime

import pytest
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from members.models import OrganisationMember
from services.models import CorrectionRequest
from services.services import correction_requests_forward
from tests.factories import OrganisationFactory, ServiceFactory, UserFactory

QUEUE = "/en/admin/services/correctionrequest/"


@pytest.fixture
def casa(colombia):
    return OrganisationFactory(countries=[colombia], name_en="Casa Example", contact_language="pt")


def suggestion(organisation, *, service=None, kind="phone", message="", days_ago=0):
    return CorrectionRequest.objects.create(
        organisation=organisation,
        service=service,
        kind=kind,
        message=message,
        reporter_email="reporter@example.net",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def staff_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_queue_groups_suggestions_by_listing_newest_listing_first(colombia, casa, coordinator_co):
    shelter = ServiceFactory(organisation=casa, name_en="Shelter Example")
    other = OrganisationFactory(countries=[colombia])
    old_shelter = suggestion(casa, service=shelter, kind="hours", days_ago=9)
    organisation_itself = suggestion(casa, kind="moved", days_ago=5)
    elsewhere = suggestion(other, kind="closed", days_ago=3)
    new_shelter = suggestion(casa, service=shelter, kind="phone", days_ago=1)
    handled = suggestion(casa, service=shelter, kind="address", days_ago=0)
    CorrectionRequest.objects.filter(pk=handled.pk).update(status="dismissed", note="Spam.", handled_at=timezone.now())

    page = staff_client(coordinator_co).get(QUEUE)
    assert page.status_code == 200
    rows = list(page.context["cl"].result_list)
    # The shelter (newest open suggestion yesterday) first, both of its suggestions together, newest first.
    assert rows == [new_shelter, old_shelter, elsewhere, organisation_itself]
    assert [row.listing_open for row in rows] == [2, 2, 1, 1]
    html = page.content.decode()
    assert "Open suggestions for this listing" in html
    assert "It has moved to another place" in html


def test_forwarding_sends_one_email_per_organisation_in_its_language_and_records_it(
    casa, coordinator_co, django_capture_on_commit_callbacks
):
    shelter = ServiceFactory(organisation=casa, name_pt="Abrigo Exemplo")
    first = suggestion(casa, service=shelter, kind="phone", message="O número certo é +57 600 0000123.")
    second = suggestion(casa, kind="moved")
    staff = staff_client(coordinator_co)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            QUEUE,
            {"action": "forward_corrections", helpers.ACTION_CHECKBOX_NAME: [first.pk, second.pk]},
            follow=True,
        )
    assert any("forwarded to 1 organisation" in str(m) for m in get_messages(response.wsgi_request))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [casa.contact_email]
    assert message.extra_headers["Content-Language"] == "pt"
    assert message.reply_to == [coordinator_co.email]
    assert "Abrigo Exemplo" in message.body
    assert "O número de telefone está errado" in message.body  # what is wrong, in her language
    assert "Mudou-se para outro lugar" in message.body
    assert "O número certo é +57 600 0000123." in message.body
    assert "reporter@example.net" not in message.body  # never who suggested it
    for correction in (first, second):
        correction.refresh_from_db()
        assert (correction.forwarded_by, correction.status) == (coordinator_co, CorrectionRequest.Status.OPEN)
        assert correction.forwarded_at is not None
    waiting = suggestion(casa, kind="hours")
    not_yet = staff.get(QUEUE, {"forwarded": "no"}).context["cl"].result_list
    assert list(not_yet) == [waiting]
    history = staff.get(f"{QUEUE}{first.pk}/history/").content.decode()
    assert "forwarded to the member organisation" in history
    assert LogEntry.objects.filter(object_id=str(first.pk), user=coordinator_co).exists()


def test_a_suggestion_is_forwarded_once_and_only_while_open(casa, editor, django_capture_on_commit_callbacks):
    correction = suggestion(casa)
    with django_capture_on_commit_callbacks(execute=True):
        correction_requests_forward(organisation=casa, corrections=[correction], by=editor)
    with pytest.raises(ValidationError, match="already forwarded"):
        correction_requests_forward(organisation=casa, corrections=[correction], by=editor)
    dismissed = suggestion(casa)
    CorrectionRequest.objects.filter(pk=dismissed.pk).update(status="dismissed", note="x", handled_at=timezone.now())
    with pytest.raises(ValidationError, match="already dismissed"):
        correction_requests_forward(organisation=casa, corrections=[dismissed], by=editor)
    assert len(mail.outbox) == 1


def test_another_countrys_coordinator_cannot_forward(casa, coordinator_ec):
    correction = suggestion(casa)
    with pytest.raises(PermissionDenied):
        correction_requests_forward(organisation=casa, corrections=[correction], by=coordinator_ec)
    staff_client(coordinator_ec).post(
        QUEUE, {"action": "forward_corrections", helpers.ACTION_CHECKBOX_NAME: [correction.pk]}
    )
    correction.refresh_from_db()
    assert correction.forwarded_at is None
    assert not mail.outbox


def test_an_organisation_without_a_contact_email_is_refused_in_words(colombia, editor):
    silent = OrganisationFactory(countries=[colombia], contact_email="")
    correction = suggestion(silent)
    response = staff_client(editor).post(
        QUEUE, {"action": "forward_corrections", helpers.ACTION_CHECKBOX_NAME: [correction.pk]}, follow=True
    )
    assert any("has no contact e-mail" in str(m) for m in get_messages(response.wsgi_request))
    correction.refresh_from_db()
    assert correction.forwarded_at is None


def test_the_organisations_member_accounts_receive_it_too_each_in_her_language(
    casa, editor, django_capture_on_commit_callbacks
):
    OrganisationMember.objects.create(
        user=UserFactory(username="staff-id", email="staf@example.org"), organisation=casa, language="id"
    )
    OrganisationMember.objects.create(  # the contact's own account: one e-mail, not two
        user=UserFactory(username="contact", email=casa.contact_email.upper()), organisation=casa, language="es"
    )
    OrganisationMember.objects.create(
        user=UserFactory(username="gone", email="gone@example.org"),
        organisation=casa,
        language="en",
        revoked_at=timezone.now(),
        revoked_by=editor,
    )
    with django_capture_on_commit_callbacks(execute=True):
        correction_requests_forward(organisation=casa, corrections=[suggestion(casa, kind="closed")], by=editor)
    sent = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    assert sorted(sent) == ["id", "pt"]
    assert sent["pt"].to == [casa.contact_email]
    assert sent["id"].to == ["staf@example.org"]
    assert "Sudah tutup permanen" in sent["id"].body
