"""Keeping listings true: reminders with a signed link, and the page where the member confirms or corrects."""

import datetime
import time
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from members import services
from members.models import Organisation
from services.models import CorrectionRequest
from services.services import verification_reminder_send
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

OLD = datetime.date(2020, 1, 1)


@pytest.fixture
def stale(colombia):
    organisation = OrganisationFactory(
        countries=[colombia], last_verified_on=OLD, contact_language="id", name_es="Fundación Olvidada"
    )
    ServiceFactory(organisation=organisation, last_verified_on=OLD)
    LocationFactory(organisation=organisation, confidential=True, street_address="Calle Escondida 9")
    return organisation


def verify_url(organisation) -> str:
    with override("en"):
        return reverse("services:verify", kwargs={"token": services.verification_token(organisation)})


def test_reminders_go_to_stale_approved_listings_only(stale, colombia, django_capture_on_commit_callbacks):
    OrganisationFactory(countries=[colombia], last_verified_on=datetime.date.today())
    OrganisationFactory(countries=[colombia], pending=True, last_verified_on=None)
    OrganisationFactory(countries=[colombia], status=Organisation.Status.SUSPENDED, last_verified_on=OLD)
    never = OrganisationFactory(countries=[colombia], last_verified_on=None)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_verification_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(m.to[0] for m in mail.outbox) == sorted([stale.contact_email, never.contact_email])
    message = next(m for m in mail.outbox if m.to == [stale.contact_email])
    assert message.extra_headers["Content-Language"] == "id"
    assert "/id/verify/" in message.body
    assert "Fundación Olvidada" in message.body


def test_dry_run_sends_nothing(stale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_verification_reminders", "--dry-run", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []


def test_the_link_in_the_e_mail_opens_the_listing(client, stale, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://directory.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        verification_reminder_send(organisation=stale)
    link = next(word for word in mail.outbox[0].body.split() if "/verify/" in word)
    assert link.startswith("https://directory.example.org/id/verify/")
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fundación Olvidada" in content
    assert "Calle Escondida" not in content  # a confidential address stays on the server even here


def test_confirming_marks_the_listing_verified(client, stale):
    response = client.post(verify_url(stale), {"action": "confirm"})
    assert response.status_code == 200
    stale.refresh_from_db()
    assert stale.last_verified_on == datetime.date.today()
    assert stale.services.get().last_verified_on == datetime.date.today()
    assert stale.history.latest().history_user is None


def test_corrections_go_to_staff(client, stale):
    response = client.post(verify_url(stale), {"action": "correct", "message": "Nuevo teléfono: +57 601 555 0199"})
    assert response.status_code == 200
    correction = CorrectionRequest.objects.get()
    assert correction.organisation == stale
    assert correction.source == CorrectionRequest.Source.VERIFICATION
    assert correction.reporter_email == stale.contact_email
    assert correction.status == CorrectionRequest.Status.OPEN
    stale.refresh_from_db()
    assert stale.last_verified_on == OLD  # staff verify after correcting


def test_an_empty_correction_is_refused(client, stale):
    response = client.post(verify_url(stale), {"action": "correct", "message": ""})
    assert response.status_code == 400
    assert not CorrectionRequest.objects.exists()


def test_a_tampered_link_is_refused(client, stale):
    token = services.verification_token(stale)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("services:verify", kwargs={"token": tampered}))
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()
    other = signing.dumps({"organisation": stale.pk}, salt="another-purpose")
    assert client.get(reverse("services:verify", kwargs={"token": other})).status_code == 404
    assert client.post(reverse("services:verify", kwargs={"token": tampered}), {"action": "confirm"}).status_code == 404
    stale.refresh_from_db()
    assert stale.last_verified_on == OLD


def test_an_expired_link_is_refused(client, stale, settings):
    settings.VERIFICATION_LINK_MAX_AGE_DAYS = 30
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 31 * 24 * 3600):
        old_token = services.verification_token(stale)
    response = client.post(reverse("services:verify", kwargs={"token": old_token}), {"action": "confirm"})
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    stale.refresh_from_db()
    assert stale.last_verified_on == OLD


def test_a_link_still_within_its_age_works(client, stale):
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 29 * 24 * 3600):
        token = services.verification_token(stale)
    assert client.get(reverse("services:verify", kwargs={"token": token})).status_code == 200


def test_a_withdrawn_member_cannot_use_its_link(client, stale):
    Organisation.objects.filter(pk=stale.pk).update(status=Organisation.Status.WITHDRAWN)
    assert client.get(verify_url(stale)).status_code == 404
