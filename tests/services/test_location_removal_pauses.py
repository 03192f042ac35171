# ruff: noqa: F811  (the member additions' fixtures, imported below, are the tests' arguments)
"""Removing a location leaves no service listed with no place: the coordinator's decision page names the services
given only in person whose only location it is, and approving pauses them (a line of their history says why, and
the member's e-mail says so in her language). Services reached by phone or online, by an outreach team, or at
another location stay as they are."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from members import services as membership
from members.models import ProposedChange
from services.models import Service
from tests.factories import LocationFactory, ServiceFactory
from tests.services.test_member_additions import (  # noqa: F401
    REMOVED_LOCATION,
    REMOVED_SERVICE,
    ask_removal,
    decide,
    in_spanish,
    listing,
    member,
    member_client,
    public_outputs,
    spanish_pages,
)

pytestmark = pytest.mark.django_db

PAUSED_HERE = "Refugio Solo Aquí"


@pytest.fixture
def services_at(listing, bogota):
    """Services at the location to be removed: one given only in person there (with the listing's own, two), and
    one of each kind that keeps a way to reach people."""
    organisation, location, _only_here = listing
    elsewhere = LocationFactory(organisation=organisation, city=bogota, name_es="Sede Norte")
    here = {"organisation": organisation, "locations": [location]}
    return {
        "only_here": ServiceFactory(**here, name_es=PAUSED_HERE),
        "by_phone": ServiceFactory(**here, name_es="Línea Acompaña", by_phone=True),
        "online": ServiceFactory(**here, name_es="Chat Amiga", in_person=False, online=True),
        "outreach": ServiceFactory(**here, name_es="Brigada Móvil", outreach=True),
        "two_places": ServiceFactory(
            organisation=organisation, name_es="Consulta Doble", locations=[location, elsewhere]
        ),
        "paused": ServiceFactory(**here, name_es="Taller Suspendido", status=Service.Status.PAUSED),
    }


def review(client, proposal):
    return client.get(reverse("admin:members_proposedchange_change", args=[proposal.pk]))


def test_the_decision_page_names_the_services_left_without_a_place(
    client, member_client, listing, services_at, coordinator_co
):
    ask_removal(member_client, "location", listing[1])
    proposal = ProposedChange.objects.get()
    client.force_login(coordinator_co)
    page = review(client, proposal)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="removal-effects"' in html
    effects = html.split('id="removal-effects"', 1)[1].split("</div>", 1)[0]
    assert REMOVED_SERVICE in effects and PAUSED_HERE in effects
    for kept in ("by_phone", "online", "outreach", "two_places", "paused"):
        assert services_at[kept].name_es not in effects
    assert reverse("admin:services_service_change", args=[services_at["only_here"].pk]) in effects
    label = in_spanish(
        "Approving also pauses these services: this location is their only place and they are given only in "
        "person, so they would show with no place to go. They leave the public directory (their history is "
        "kept) until they are given a place again."
    )
    assert label.startswith("Aprobar también") and label in effects


def test_a_removal_that_leaves_every_service_a_place_says_nothing_more(
    client, member_client, listing, bogota, coordinator_co
):
    organisation, location, service = listing
    service.locations.add(LocationFactory(organisation=organisation, city=bogota))
    ask_removal(member_client, "location", location)
    client.force_login(coordinator_co)
    assert 'id="removal-effects"' not in review(client, ProposedChange.objects.get()).content.decode()


def test_approving_pauses_them_with_a_history_line_and_tells_the_member_in_her_language(
    client, member, member_client, listing, services_at, coordinator_co, django_capture_on_commit_callbacks
):
    location = listing[1]
    ask_removal(member_client, "location", location)
    proposal = ProposedChange.objects.get()
    assert PAUSED_HERE in public_outputs(services_at["only_here"].pk)
    client.force_login(coordinator_co)
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(client, proposal, _approve="1").status_code == 302

    for service in (listing[2], services_at["only_here"]):
        service.refresh_from_db()
        assert service.status == Service.Status.PAUSED
        line = service.history.filter(status=Service.Status.PAUSED).earliest("history_id")
        assert line.history_user == coordinator_co
        assert REMOVED_LOCATION in line.history_change_reason and str(proposal.pk) in line.history_change_reason
        assert Client().get(reverse("services:service-detail", args=[service.pk])).status_code == 404
    for kept in ("by_phone", "online", "outreach", "two_places"):
        service = Service.objects.get(pk=services_at[kept].pk)
        assert service.status == Service.Status.ACTIVE, kept
    assert services_at["two_places"].locations.get().name_es == "Sede Norte"
    assert not Service.objects.filter(pk=services_at["by_phone"].pk, locations=location).exists()
    outputs = public_outputs()
    assert PAUSED_HERE not in outputs and "Línea Acompaña" in outputs and "Consulta Doble" in outputs

    [message] = mail.outbox
    assert message.to == [member.user.email] and message.extra_headers["Content-Language"] == "pt"
    with translation.override("pt"):
        sentence = translation.gettext(
            "The location it removed was the only place of these services, which are given only in person, so they "
            "were paused: they are no longer shown in the directory. To show one again, propose a place for it (or a "
            "way to reach it by phone or online) and ask your coordinator to list it again."
        )
    assert sentence.startswith("O local") and sentence in " ".join(message.body.split())
    assert PAUSED_HERE in message.body and REMOVED_SERVICE in message.body and "Línea Acompaña" not in message.body
    html = message.alternatives[0][0]
    assert f"<li>{PAUSED_HERE}</li>" in html

    # Her home says they are not shown, each with its page to give it a place again.
    home = member_client.get(reverse("account:home")).content.decode()
    assert home.count(in_spanish("not shown in the directory")) == 3  # the two paused now, and the one paused before


def test_an_approval_that_pauses_nothing_says_nothing_of_it(
    client, member, member_client, listing, bogota, coordinator_co, django_capture_on_commit_callbacks
):
    organisation, location, service = listing
    service.by_phone = True
    service.save()
    ask_removal(member_client, "location", location)
    client.force_login(coordinator_co)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, ProposedChange.objects.get(), _approve="1")
    service.refresh_from_db()
    assert service.status == Service.Status.ACTIVE and not service.locations.exists()
    assert "paused" not in mail.outbox[0].body and "pausad" not in mail.outbox[0].body


def test_a_coordinator_of_another_country_neither_sees_nor_pauses_them(
    client, member_client, listing, services_at, coordinator_ec
):
    ask_removal(member_client, "location", listing[1])
    proposal = ProposedChange.objects.get()
    client.force_login(coordinator_ec)
    page = review(client, proposal)
    assert page.status_code == 403 and PAUSED_HERE not in page.content.decode()
    assert decide(client, proposal, _approve="1").status_code == 403
    with pytest.raises(membership.PermissionDenied):
        membership.proposal_approve(proposal=proposal, by=coordinator_ec)
    assert Service.objects.get(pk=services_at["only_here"].pk).status == Service.Status.ACTIVE
    assert ProposedChange.objects.get().status == ProposedChange.Status.PENDING
