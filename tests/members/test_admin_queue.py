"""The whole path through HTTP: apply, see it in the queue, decide as the right coordinator, see it public."""

import datetime

import pytest
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from members.models import MembershipStatusChange, Organisation
from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

QUEUE = "/en/admin/members/application/"
ORGANISATIONS = "/en/admin/members/organisation/"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def act(client, url, action, organisations, **extra):
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [o.pk for o in organisations], **extra}
    return client.post(url, data, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def applied(client, join_data):
    assert client.post("/es/join/", join_data).status_code == 302
    return Organisation.objects.get()


def test_apply_queue_approve_public(applied, coordinator_co, django_capture_on_commit_callbacks):
    staff = logged_in(coordinator_co)
    queue = staff.get(QUEUE)
    assert queue.status_code == 200
    assert "Casa Refugio Ejemplo" in queue.content.decode()

    confirmation = staff.post(QUEUE, {"action": "membership_approve", helpers.ACTION_CHECKBOX_NAME: [applied.pk]})
    assert confirmation.status_code == 200
    assert "Approve these applications" in confirmation.content.decode()
    assert f"<li>{applied} — Applied</li>" in confirmation.content.decode()
    assert f'name="{helpers.ACTION_CHECKBOX_NAME}" value="{applied.pk}"' in confirmation.content.decode()
    applied.refresh_from_db()
    assert applied.status == Organisation.Status.APPLIED  # nothing happens before the confirmation

    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff, QUEUE, "membership_approve", [applied], confirm="yes", reason="Bienvenidas.")
    assert "1 organisation updated." in messages_of(response)
    applied.refresh_from_db()
    assert applied.status == Organisation.Status.APPROVED
    assert Organisation.objects.public().filter(pk=applied.pk).exists()
    assert Service.objects.public().filter(organisation=applied).count() == 1
    assert "Casa Refugio Ejemplo" not in staff.get(QUEUE).content.decode()  # it left the queue

    (message,) = mail.outbox
    assert message.to == ["marta@casa.example.org"]
    assert message.extra_headers["Content-Language"] == "es"
    assert "Bienvenidas." in message.body

    page = Client().get(reverse("services:organisation-detail", kwargs={"slug": applied.slug}))
    assert page.status_code == 200
    assert "Casa Refugio Ejemplo" in page.content.decode()
    assert "Calle Secreta" not in page.content.decode()


def test_a_pending_application_is_not_public(applied):
    assert Client().get(reverse("services:organisation-detail", kwargs={"slug": applied.slug})).status_code == 404


def test_reject_needs_a_reason_on_the_confirmation_page(applied, coordinator_co, django_capture_on_commit_callbacks):
    staff = logged_in(coordinator_co)
    response = act(staff, QUEUE, "membership_reject", [applied], confirm="yes", reason="")
    assert "This field is required." in response.content.decode()
    applied.refresh_from_db()
    assert applied.status == Organisation.Status.APPLIED

    with django_capture_on_commit_callbacks(execute=True):
        act(staff, QUEUE, "membership_reject", [applied], confirm="yes", reason="No GBV services offered.")
    applied.refresh_from_db()
    assert applied.status == Organisation.Status.REJECTED
    change = applied.status_changes.last()
    assert (change.changed_by, change.reason) == (coordinator_co, "No GBV services offered.")
    assert "No GBV services offered." in mail.outbox[0].body
    assert not Organisation.objects.public().exists()


def test_ask_for_changes(applied, coordinator_co, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            logged_in(coordinator_co),
            QUEUE,
            "membership_request_changes",
            [applied],
            confirm="yes",
            reason="Add hours.",
        )
    assert "1 organisation updated." in messages_of(response)
    applied.refresh_from_db()
    assert applied.status == Organisation.Status.UNDER_REVIEW
    assert "Add hours." in mail.outbox[0].body


def test_the_wrong_countrys_coordinator_neither_sees_nor_decides(
    applied, coordinator_ec, django_capture_on_commit_callbacks
):
    staff = logged_in(coordinator_ec)
    assert "Casa Refugio Ejemplo" not in staff.get(QUEUE).content.decode()
    assert staff.get(f"{ORGANISATIONS}{applied.pk}/change/").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        act(staff, QUEUE, "membership_approve", [applied], confirm="yes", reason="")
    applied.refresh_from_db()
    assert applied.status == Organisation.Status.APPLIED
    assert mail.outbox == []


def test_an_editor_cannot_decide(applied, editor):
    staff = logged_in(editor)
    assert staff.get(QUEUE).status_code == 403
    listing = staff.get(ORGANISATIONS)
    assert listing.status_code == 200
    assert "membership_approve" not in listing.content.decode()
    act(staff, ORGANISATIONS, "membership_approve", [applied], confirm="yes", reason="")
    applied.refresh_from_db()
    assert applied.status == Organisation.Status.APPLIED


def test_an_editor_can_edit_listings_but_not_delete(applied, editor):
    assert editor.has_perm("members.change_organisation")
    assert editor.has_perm("services.change_service")
    assert not editor.has_perm("members.delete_organisation")
    assert not editor.has_perm("members.decide_membership")


def test_the_queue_is_oldest_first(colombia, coordinator_co):
    newer = OrganisationFactory(pending=True, countries=[colombia], name_es="Más nueva")
    older = OrganisationFactory(pending=True, countries=[colombia], name_es="Más antigua")
    Organisation.objects.filter(pk=older.pk).update(created_at=newer.created_at - datetime.timedelta(days=3))
    content = logged_in(coordinator_co).get(QUEUE).content.decode()
    assert content.index("Más antigua") < content.index("Más nueva")


def test_an_illegal_transition_is_shown_as_an_admin_message(colombia, administrator):
    withdrawn = OrganisationFactory(status=Organisation.Status.WITHDRAWN, countries=[colombia])
    response = act(logged_in(administrator), ORGANISATIONS, "membership_approve", [withdrawn], confirm="yes")
    assert f"{withdrawn} cannot be approved. Its membership was withdrawn." in messages_of(response)
    withdrawn.refresh_from_db()
    assert withdrawn.status == Organisation.Status.WITHDRAWN


def test_suspend_and_reinstate_from_the_organisation_list(colombia, coordinator_co):
    member = OrganisationFactory(countries=[colombia])
    staff = logged_in(coordinator_co)
    act(staff, ORGANISATIONS, "membership_suspend", [member], confirm="yes", reason="Complaint.")
    member.refresh_from_db()
    assert member.status == Organisation.Status.SUSPENDED
    act(staff, ORGANISATIONS, "membership_reinstate", [member], confirm="yes")
    member.refresh_from_db()
    assert member.status == Organisation.Status.APPROVED
    assert MembershipStatusChange.objects.filter(organisation=member).count() == 2


def test_a_coordinator_sees_only_organisations_in_her_countries(colombia, ecuador, coordinator_co):
    OrganisationFactory(countries=[colombia], name_es="Colombiana")
    OrganisationFactory(countries=[ecuador], name_es="Ecuatoriana")
    OrganisationFactory(countries=[colombia, ecuador], name_es="Binacional")
    content = logged_in(coordinator_co).get(ORGANISATIONS).content.decode()
    assert "Colombiana" in content
    assert "Binacional" in content
    assert "Ecuatoriana" not in content


def test_history_is_recorded_and_shown_in_the_admin(colombia, administrator):
    organisation = OrganisationFactory(countries=[colombia])
    service = ServiceFactory(organisation=organisation)
    staff = logged_in(administrator)
    organisation.name_es = "Nombre corregido"
    organisation.save()
    service.name_es = "Servicio corregido"
    service.save()
    assert organisation.history.count() == 2
    assert service.history.count() == 2
    page = staff.get(f"{ORGANISATIONS}{organisation.pk}/history/")
    assert page.status_code == 200
    assert "Nombre corregido" in page.content.decode()
    assert staff.get(f"/en/admin/services/service/{service.pk}/history/").status_code == 200
    location = LocationFactory(organisation=organisation)
    location.name_es = "Sede corregida"
    location.save()
    page = staff.get(f"/en/admin/members/location/{location.pk}/history/")
    assert page.status_code == 200
    assert location.history.count() == 2


def test_mark_verified_and_the_stale_filter(colombia, coordinator_co):
    stale = OrganisationFactory(
        countries=[colombia], name_es="Sin verificar", last_verified_on=datetime.date(2020, 1, 1)
    )
    OrganisationFactory(countries=[colombia], name_es="Reciente", last_verified_on=datetime.date.today())
    staff = logged_in(coordinator_co)
    content = staff.get(ORGANISATIONS, {"verification": "stale"}).content.decode()
    assert "Sin verificar" in content
    assert "Reciente" not in content

    response = act(staff, ORGANISATIONS, "mark_verified", [stale])
    assert "1 listing marked verified." in messages_of(response)
    stale.refresh_from_db()
    assert stale.last_verified_on == datetime.date.today()
    assert stale.history.latest().history_user == coordinator_co
    assert "Sin verificar" not in staff.get(ORGANISATIONS, {"verification": "stale"}).content.decode()


def test_approval_can_invite_the_contact_person_to_a_member_account(
    applied, coordinator_co, django_capture_on_commit_callbacks
):
    from members.models import OrganisationMember

    staff = logged_in(coordinator_co)
    confirmation = staff.post(QUEUE, {"action": "membership_approve", helpers.ACTION_CHECKBOX_NAME: [applied.pk]})
    assert "Invite each contact person to a member account" in confirmation.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        act(staff, QUEUE, "membership_approve", [applied], confirm="yes", reason="", invite_contact="on")
    member = OrganisationMember.objects.get()
    assert member.organisation == applied and member.user.email == "marta@casa.example.org"
    assert not member.user.is_staff
    invitation = [message for message in mail.outbox if "/account/welcome/" in message.body]
    assert len(invitation) == 1 and invitation[0].extra_headers["Content-Language"] == applied.contact_language
