# ruff: noqa: F811  (the member additions' fixtures, imported below, are the tests' arguments)
"""A member changes or withdraws what she proposed while it waits for a coordinator: a new location or service on
the form she sent it with, a change of a record on the record's own form; two members cannot overwrite each
other's version silently, and a proposal already decided cannot be changed any more."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import translation

from members import services as membership
from members.models import Location, OrganisationMember, ProposedChange
from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, UserFactory
from tests.services.test_member_additions import (  # noqa: F401
    NEW_LOCATION,
    NEW_SERVICE,
    REMOVED_SERVICE,
    add_location,
    add_service,
    ask_removal,
    decide,
    in_spanish,
    listing,
    member,
    member_client,
    public_outputs,
    spanish_pages,
)
from tests.services.test_member_area import PASSWORD, form_data, sign_in

pytestmark = pytest.mark.django_db

CORRECTED = "Refugio Amanecer Norte"


@pytest.fixture
def colleague_client(listing):
    """A second member of the same organisation, signed in."""
    user = UserFactory(username="joana@casa.example.org", email="joana@casa.example.org", is_staff=False)
    user.set_password(PASSWORD)
    user.save()
    OrganisationMember.objects.create(user=user, organisation=listing[0], language="es")
    client = Client()
    assert sign_in(client, user.email).status_code == 302
    return client


@pytest.fixture
def addition(member_client, listing):
    assert add_service(member_client, listing).status_code == 302
    return ProposedChange.objects.get()


def change_url(proposal):
    return reverse("account:proposal", args=[proposal.pk])


def withdraw_url(proposal):
    return reverse("account:proposal-withdraw", args=[proposal.pk])


def queue(client) -> str:
    """The coordinator's queue: the proposals waiting for her (the workbench's link)."""
    url = reverse("admin:members_proposedchange_changelist") + "?status__exact=pending"
    return client.get(url).content.decode()


def review(client, proposal) -> str:
    return client.get(reverse("admin:members_proposedchange_change", args=[proposal.pk])).content.decode()


# Listed on her home -------------------------------------------------------------------------------------------------


def test_her_waiting_proposals_are_listed_with_change_and_withdraw(member, member_client, listing, addition):
    service = listing[2]
    values = membership.proposal_values(listing[1])
    change = membership.proposal_submit(
        record=listing[1], values={**values, "phone": "+57 601 555 0199"},
        version=membership.proposal_version(listing[1]), by=member.user,
    )  # fmt: skip
    ask_removal(member_client, "service", service)
    removal = ProposedChange.objects.get(action=ProposedChange.Action.REMOVE)
    home = member_client.get(reverse("account:home")).content.decode()
    for proposal in (addition, change, removal):
        assert f'href="{withdraw_url(proposal)}"' in home
    assert f'href="{change_url(addition)}"' in home and f'href="{change_url(change)}"' in home
    assert f'href="{change_url(removal)}"' not in home  # a removal is withdrawn, or its reason sent again on its page
    # A change of a record is changed on the record's own form, which shows what she proposed.
    response = member_client.get(change_url(change))
    assert response.status_code == 302
    assert response["Location"] == reverse("account:edit", args=["location", listing[1].pk])
    assert "+57 601 555 0199" in member_client.get(response["Location"]).content.decode()


# Changing a waiting addition ----------------------------------------------------------------------------------------


def test_the_change_form_is_the_addition_filled_with_what_she_proposed(member_client, listing, addition):
    page = member_client.get(change_url(addition))
    assert page.status_code == 200
    html = page.content.decode()
    assert f'value="{NEW_SERVICE}"' in html
    assert "+573005550123" in html
    assert f'value="{listing[1].pk}"' in html and "checked" in html
    assert f'value="p{addition.pk}.1"' in html
    data = form_data(member_client, change_url(addition))
    assert data["name_es"] == NEW_SERVICE and data["locations"] == [str(listing[1].pk)]
    assert data["channels-0-kind"] == "whatsapp"


def test_saving_replaces_the_addition_keeps_it_waiting_and_the_coordinator_sees_the_new_version(
    client, member, member_client, listing, addition, coordinator_co
):
    url = change_url(addition)
    response = member_client.post(url, {**form_data(member_client, url), "name_es": CORRECTED})
    assert response.status_code == 302 and response["Location"] == reverse("account:home")
    proposal = ProposedChange.objects.get()
    assert proposal.pk == addition.pk and proposal.status == ProposedChange.Status.PENDING
    assert proposal.revision == 2 and proposal.action == ProposedChange.Action.ADD
    assert proposal.changes["name_es"] == {"before": None, "after": CORRECTED}
    assert proposal.changes["channels"]["after"][0]["address"] == "+573005550123"  # the rest as she left it
    assert not Service.objects.filter(name_es__startswith="Refugio").exists()
    assert CORRECTED not in public_outputs()
    assert CORRECTED in member_client.get(reverse("account:home")).content.decode()

    client.force_login(coordinator_co)
    assert CORRECTED in queue(client) and f"{NEW_SERVICE}<" not in queue(client)
    page = review(client, proposal)
    assert CORRECTED in page
    # The history keeps each version: who sent it, when, and what the replaced one proposed.
    assert in_spanish("Sent for review") in page
    assert in_spanish("New version sent (version %(revision)s)") % {"revision": 2} in page
    assert member.user.email in page and NEW_SERVICE in page
    assert [line.revision for line in proposal.history.order_by("history_id")] == [1, 2]
    assert proposal.history.latest("history_id").history_user == member.user

    assert decide(client, proposal, _approve="1").status_code == 302
    assert Service.objects.get(name_es=CORRECTED).organisation == listing[0]
    assert in_spanish("Approved") in review(client, proposal)


def test_a_new_location_changed_to_a_public_address_and_back_is_as_confidential_as_its_address(
    member_client, bogota, listing
):
    assert add_location(member_client, bogota).status_code == 302
    proposal = ProposedChange.objects.get()
    assert proposal.confidential
    url = change_url(proposal)
    assert member_client.post(url, {**form_data(member_client, url), "address_visibility": "public"}).status_code == 302
    proposal.refresh_from_db()
    assert not proposal.confidential and proposal.revision == 2
    assert member_client.post(url, {**form_data(member_client, url), "address_visibility": "city"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.confidential and not Location.objects.filter(name_es=NEW_LOCATION).exists()


def test_bad_input_on_the_change_form_saves_nothing(member_client, addition):
    url = change_url(addition)
    data = {**form_data(member_client, url), "name_es": "", "channels-0-address": ""}
    response = member_client.post(url, data)
    assert response.status_code == 200
    assert (
        "Give the number or address of this channel." in response.content.decode()
        or in_spanish("Give the number or address of this channel.") in response.content.decode()
    )
    addition.refresh_from_db()
    assert addition.revision == 1 and addition.changes["name_es"]["after"] == NEW_SERVICE


def test_two_members_cannot_overwrite_each_others_version_silently(member_client, colleague_client, addition):
    url = change_url(addition)
    hers = form_data(member_client, url)
    theirs = form_data(colleague_client, url)
    assert colleague_client.post(url, {**theirs, "name_es": "Refugio de Joana"}).status_code == 302
    response = member_client.post(url, {**hers, "name_es": CORRECTED})
    assert response.status_code == 200
    html = response.content.decode()
    assert in_spanish(str(membership.CHANGED_SINCE_SHOWN)) in html
    assert CORRECTED in html  # what she typed is kept on the page
    addition.refresh_from_db()
    assert addition.changes["name_es"]["after"] == "Refugio de Joana" and addition.revision == 2
    # Saving again after reading the message is her choice, made knowingly.
    assert f'value="p{addition.pk}.2"' in html
    again = member_client.post(url, {**form_data_from_response(html), "name_es": CORRECTED})
    assert again.status_code == 302
    addition.refresh_from_db()
    assert addition.changes["name_es"]["after"] == CORRECTED and addition.revision == 3


def form_data_from_response(html: str) -> dict:
    from tests.services.test_member_area import form_data_from

    return form_data_from(html)


# Withdrawing --------------------------------------------------------------------------------------------------------


def test_withdrawing_asks_first_without_javascript_and_leaves_the_queue(
    client, member, member_client, listing, addition, coordinator_co
):
    page = member_client.get(withdraw_url(addition))
    assert page.status_code == 200
    html = page.content.decode()
    assert (
        '<form method="post" class="withdraw-form">' in html
        and "<script" not in html.split("<main", 1)[-1].split("</main>")[0]
    )
    assert NEW_SERVICE in html
    assert ProposedChange.objects.get().status == ProposedChange.Status.PENDING  # opening the page changes nothing

    response = member_client.post(withdraw_url(addition), form_data(member_client, withdraw_url(addition)))
    assert response.status_code == 302 and response["Location"] == reverse("account:home")
    addition.refresh_from_db()
    assert addition.status == ProposedChange.Status.WITHDRAWN
    assert addition.decided_by == member.user and addition.decided_at is not None
    assert not Service.objects.filter(name_es=NEW_SERVICE).exists()
    home = member_client.get(reverse("account:home")).content.decode()
    assert f'href="{withdraw_url(addition)}"' not in home
    assert in_spanish("Withdrawn by the member") in home

    client.force_login(coordinator_co)
    assert NEW_SERVICE not in queue(client)
    assert ProposedChange.objects.pending().count() == 0
    page = review(client, addition)
    assert in_spanish("Withdrawn by the member") in page and 'name="_approve"' not in page
    response = decide(client, addition, _approve="1")
    assert response.status_code == 200
    assert in_spanish("The member withdrew this proposal: there is nothing to decide.") in response.content.decode()
    assert not Service.objects.filter(name_es=NEW_SERVICE).exists()


@pytest.mark.parametrize("action", ["change", "remove"])
def test_a_waiting_change_or_removal_is_withdrawn_and_the_record_stays_as_it_is(member, member_client, listing, action):
    service = listing[2]
    if action == "change":
        values = membership.proposal_values(service)
        membership.proposal_submit(
            record=service, values={**values, "name_es": "Otro nombre"}, version=membership.proposal_version(service),
            by=member.user,
        )  # fmt: skip
    else:
        ask_removal(member_client, "service", service)
    proposal = ProposedChange.objects.get()
    url = withdraw_url(proposal)
    assert member_client.post(url, form_data(member_client, url)).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.WITHDRAWN
    service.refresh_from_db()
    assert service.name_es == REMOVED_SERVICE and service.status == Service.Status.ACTIVE
    # The record may be changed again: a new proposal, not the withdrawn one.
    edit = reverse("account:edit", args=["service", service.pk])
    assert member_client.post(edit, {**form_data(member_client, edit), "name_es": "Nombre nuevo"}).status_code == 302
    assert ProposedChange.objects.pending().get().pk != proposal.pk


def test_a_withdrawal_of_a_version_she_has_not_seen_is_refused(member_client, colleague_client, addition):
    url = withdraw_url(addition)
    seen = form_data(member_client, url)
    change = change_url(addition)
    assert (
        colleague_client.post(change, {**form_data(colleague_client, change), "name_es": CORRECTED}).status_code == 302
    )
    response = member_client.post(url, seen)
    assert response.status_code == 200
    html = response.content.decode()
    assert in_spanish(str(membership.CHANGED_SINCE_SHOWN)) in html and CORRECTED in html
    assert ProposedChange.objects.get().status == ProposedChange.Status.PENDING
    assert member_client.post(url, form_data_from_response(html)).status_code == 302
    assert ProposedChange.objects.get().status == ProposedChange.Status.WITHDRAWN


# Already decided ----------------------------------------------------------------------------------------------------


def test_a_decided_addition_cannot_be_changed_or_withdrawn(client, member_client, addition, coordinator_co):
    url = change_url(addition)
    data = form_data(member_client, url)
    withdrawal = form_data(member_client, withdraw_url(addition))
    client.force_login(coordinator_co)
    assert decide(client, addition, _approve="1").status_code == 302
    addition.refresh_from_db()
    closed = membership.closed_message(addition)  # in Spanish, as the member's pages here
    assert closed.startswith("Una persona coordinadora aprobó esta propuesta el")

    page = member_client.get(url)
    assert page.status_code == 200 and closed in page.content.decode()
    assert 'name="name_es"' not in page.content.decode()
    response = member_client.post(url, {**data, "name_es": CORRECTED})
    assert response.status_code == 409
    assert closed in response.content.decode()
    assert in_spanish("Nothing of what you sent was saved.") in response.content.decode()
    response = member_client.post(withdraw_url(addition), withdrawal)
    assert response.status_code == 409 and closed in response.content.decode()
    addition.refresh_from_db()
    assert addition.status == ProposedChange.Status.APPROVED and addition.revision == 1
    assert Service.objects.filter(name_es=NEW_SERVICE).exists() and not Service.objects.filter(name_es=CORRECTED)
    home = member_client.get(reverse("account:home")).content.decode()
    assert f'href="{change_url(addition)}"' not in home and f'href="{withdraw_url(addition)}"' not in home


def test_a_change_saved_after_its_proposal_was_rejected_says_so(client, member, member_client, listing, coordinator_co):
    location = listing[1]
    edit = reverse("account:edit", args=["location", location.pk])
    assert member_client.post(edit, {**form_data(member_client, edit), "phone": "+57 601 555 0199"}).status_code == 302
    proposal = ProposedChange.objects.get()
    shown = form_data(member_client, edit)  # the form, with the waiting change, open in another tab
    client.force_login(coordinator_co)
    assert decide(client, proposal, _reject="1", reason="Número equivocado.").status_code == 302
    response = member_client.post(edit, {**shown, "phone": "+57 601 555 0100"})
    assert response.status_code == 200
    html = response.content.decode()
    proposal.refresh_from_db()
    assert "rechazó esta propuesta" in membership.closed_message(proposal)
    assert membership.closed_message(proposal) in html
    assert in_spanish("Nothing of what you sent was saved.") in html
    assert not ProposedChange.objects.pending().exists()
    with pytest.raises(membership.ProposalClosed):
        membership.proposal_withdraw(proposal=proposal, version=f"p{proposal.pk}.1", by=member.user)


# Scope --------------------------------------------------------------------------------------------------------------


def test_another_organisations_member_and_staff_cannot_reach_her_proposals(
    client, member_client, listing, addition, colombia, bogota, coordinator_co
):
    other = OrganisationFactory(countries=[colombia])
    LocationFactory(organisation=other, city=bogota)
    user = UserFactory(username="otra@otra.example.org", email="otra@otra.example.org", is_staff=False)
    user.set_password(PASSWORD)
    user.save()
    OrganisationMember.objects.create(user=user, organisation=other, language="es")
    stranger = Client()
    assert sign_in(stranger, user.email).status_code == 302
    data = form_data(member_client, change_url(addition))
    for url in (change_url(addition), withdraw_url(addition)):
        assert stranger.get(url).status_code == 404
        assert stranger.post(url, {**data, "name_es": "Intruso"}).status_code == 404
    # Staff have the admin, not the member area; not even a coordinator of the country may act as the member.
    client.force_login(coordinator_co)
    for url in (change_url(addition), withdraw_url(addition)):
        response = client.post(url, {**data, "name_es": "Intruso"})
        assert response.status_code == 302 and response["Location"] == reverse("account:sign-in")
    version = membership.proposal_edition(addition)
    for outsider in (user, coordinator_co):
        with pytest.raises(PermissionDenied):
            membership.proposal_revise(proposal=addition, values={"name_es": "Intruso"}, version=version, by=outsider)
        with pytest.raises(PermissionDenied):
            membership.proposal_withdraw(proposal=addition, version=version, by=outsider)
    addition.refresh_from_db()
    assert addition.status == ProposedChange.Status.PENDING and addition.revision == 1


def test_a_coordinator_of_another_country_cannot_read_the_history_of_a_changed_proposal(
    client, member_client, addition, coordinator_ec
):
    url = change_url(addition)
    member_client.post(url, {**form_data(member_client, url), "name_es": CORRECTED})
    client.force_login(coordinator_ec)
    assert client.get(reverse("admin:members_proposedchange_change", args=[addition.pk])).status_code == 403
    assert client.get(reverse("admin:members_proposedchange_history", args=[addition.pk])).status_code == 403
    assert CORRECTED not in queue(client)


# Languages ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_pages_speak_each_language(member_client, addition, language):
    with translation.override(language):
        withdraw, change, home = withdraw_url(addition), change_url(addition), reverse("account:home")
        title, button = translation.gettext("Withdraw your proposal"), translation.gettext("Withdraw")
        notice = translation.gettext(
            "A new record is sent for review: nothing of it is public until a coordinator approves it."
        )
    assert withdraw.startswith(f"/{language}/")
    assert title in member_client.get(withdraw).content.decode()
    assert f">{button}<" in member_client.get(home).content.decode()
    assert notice in member_client.get(change).content.decode()
    if language != "en":
        assert title != "Withdraw your proposal"


def test_changing_or_withdrawing_without_the_forms_token_is_refused(member_client, addition):
    """Both forms are POSTs a page of another site could send in her name: without the CSRF token, nothing."""
    checked = Client(enforce_csrf_checks=True)
    checked.cookies = member_client.cookies
    data = form_data(member_client, change_url(addition))
    data.pop("csrfmiddlewaretoken", None)
    version = membership.proposal_edition(addition)
    assert checked.post(change_url(addition), {**data, "name_es": "Intruso"}).status_code == 403
    assert checked.post(withdraw_url(addition), {"version": version}).status_code == 403
    addition.refresh_from_db()
    assert addition.status == ProposedChange.Status.PENDING and addition.revision == 1


@pytest.mark.parametrize("version", ["p¹.1", "p²³.1", "p.1", "p", "x1.1"])
def test_a_forms_version_that_is_no_proposals_is_a_conflict_not_an_error(member, member_client, listing, version):
    """The version comes back from her browser: digits other than ASCII ones ("¹", which ``str.isdigit`` takes and
    ``int`` refuses) or none are a version she was not shown, said as a conflict, and nothing is saved."""
    service = listing[2]
    values = {**membership.proposal_values(service), "name_es": "Otro nombre"}
    with pytest.raises(membership.ProposalConflict):
        membership.proposal_submit(record=service, values=values, version=version, by=member.user)
    edit = reverse("account:edit", args=["service", service.pk])
    sent = {**form_data(member_client, edit), "name_es": "Otro nombre", "version": version}
    assert member_client.post(edit, sent).status_code == 200
    assert not ProposedChange.objects.exists()
