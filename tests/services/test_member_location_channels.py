# ruff: noqa: F811  (the member area's fixtures, imported above, are the tests' arguments)
"""A member proposes her location's contact channels (phone, WhatsApp, Signal, Telegram, e-mail...): checked as the
admin checks them, shown to the coordinator before and after, and on the public result cards once approved."""

import pytest
from django.test import Client
from django.urls import reverse

from members.models import ProposedChange
from services.models import ContactChannel
from tests.factories import ContactChannelFactory
from tests.services.test_member_area import edit_url, form_data, listing, member, sign_in  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_location_page_offers_its_contact_channels_as_they_are(client, member, listing):
    location = listing[1]
    ContactChannelFactory(service=None, location=location, kind="signal", address="+573001230009")
    sign_in(client, member.user.email)
    data = form_data(client, edit_url("location", location))
    assert data["channels-0-kind"] == "signal" and data["channels-0-address"] == "+573001230009"
    assert data["channels-1-kind"] == ""  # room for a new one


def test_a_location_channel_is_proposed_approved_and_then_on_the_public_card(
    client, member, listing, coordinator_co, django_capture_on_commit_callbacks
):
    _organisation, location, service = listing
    member_client = Client()
    sign_in(member_client, member.user.email)
    url = edit_url("location", location)
    data = {**form_data(member_client, url), "channels-0-kind": "whatsapp", "channels-0-address": "+57 300 555 0123"}
    assert member_client.post(url, data).status_code == 302
    proposal = ProposedChange.objects.for_record(location).get()
    assert proposal.changes["channels"]["before"] == []
    assert proposal.changes["channels"]["after"][0]["address"] == "+573005550123"  # stored as the admin stores it
    assert not ContactChannel.objects.exists()  # nothing public before approval
    search = reverse("services:search") + "?q=jurídica"
    assert "wa.me/573005550123" not in Client().get(search).content.decode()

    client.force_login(coordinator_co)
    decision = reverse("admin:members_proposedchange_change", args=[proposal.pk])
    page = client.get(decision).content.decode()
    row = page[page.index("Contact channels") :]
    row = row[: row.index("</tr>")]
    assert "—" in row and "WhatsApp: +57 300 5550123" in row  # before and after, side by side
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(decision, {"_approve": "1"}).status_code == 302

    channel = ContactChannel.objects.get()
    assert channel.location == location and channel.service is None
    html = Client().get(search).content.decode()
    card = html[html.index(f'id="service-{service.pk}"') :]
    card = card[: card.index("</article>")]
    assert 'href="https://wa.me/573005550123"' in card and "Write on WhatsApp" in card


def test_a_location_channel_is_removed_by_a_proposal_too(client, member, listing, coordinator_co):
    location = listing[1]
    ContactChannelFactory(service=None, location=location, kind="email", address="sede@casa.example.org")
    member_client = Client()
    sign_in(member_client, member.user.email)
    url = edit_url("location", location)
    data = {**form_data(member_client, url), "channels-0-kind": "", "channels-0-address": ""}
    assert member_client.post(url, data).status_code == 302
    proposal = ProposedChange.objects.get()
    client.force_login(coordinator_co)
    client.post(reverse("admin:members_proposedchange_change", args=[proposal.pk]), {"_approve": "1"})
    assert not ContactChannel.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter a phone number with its country code, for example +52 55 5555 0100."),
        ("es", "Ingrese un número de teléfono con su código de país"),
    ],
)
def test_an_invalid_number_is_refused_in_her_language_and_what_she_typed_stays(
    client, member, listing, language, message
):
    location = listing[1]
    sign_in(client, member.user.email)
    url = f"/{language}" + edit_url("location", location)[3:]
    data = {
        **form_data(client, url),
        "hours_note_es": "Atención con cita",
        "channels-0-kind": "signal",
        "channels-0-address": "300 555 0123",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="300 555 0123"' in html and "Atención con cita" in html
    assert not ProposedChange.objects.exists()
