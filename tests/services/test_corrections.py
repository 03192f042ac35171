"""'Report wrong information' on a public listing, and the staff's queue of correction requests."""

import pytest
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from members.models import Organisation
from services.models import CorrectionRequest
from tests.factories import OrganisationFactory, ServiceFactory
from tests.members.conftest import started_seconds_ago

QUEUE = "/en/admin/services/correctionrequest/"


def report_url(**query) -> str:
    with override("en"):
        return reverse("services:report-listing") + "?" + "&".join(f"{key}={value}" for key, value in query.items())


@pytest.fixture
def service(colombia):
    return ServiceFactory(organisation=OrganisationFactory(countries=[colombia]))


def report(client, url, **data):
    return client.post(url, {"message": "The phone does not answer.", "started": started_seconds_ago(60), **data})


def test_report_about_a_service(client, service):
    url = report_url(service=service.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert service.name in page.content.decode()

    response = report(client, url, reporter_email="someone@example.net")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    correction = CorrectionRequest.objects.get()
    assert (correction.service, correction.organisation) == (service, service.organisation)
    assert correction.message == "The phone does not answer."
    assert correction.reporter_email == "someone@example.net"
    assert correction.status == CorrectionRequest.Status.OPEN


def test_report_about_an_organisation(client, service):
    assert report(client, report_url(organisation=service.organisation.pk)).status_code == 302
    correction = CorrectionRequest.objects.get()
    assert correction.organisation == service.organisation
    assert correction.service is None


@pytest.mark.parametrize("query", [{}, {"service": "abc"}, {"service": "999999"}, {"organisation": "999999"}])
def test_report_needs_an_existing_listing(client, db, query):
    assert client.get(report_url(**query)).status_code == 404


def test_a_listing_that_is_not_public_cannot_be_reported(client, colombia):
    pending = OrganisationFactory(pending=True, countries=[colombia])
    assert client.get(report_url(organisation=pending.pk)).status_code == 404
    assert client.get(report_url(service=ServiceFactory(organisation=pending).pk)).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": ""}, "This field is required."),
        ({"message": "x" * 2001}, "Ensure this value has at most 2000 characters (it has 2001)."),
        ({"reporter_email": "nobody@"}, "Enter a valid email address."),
        ({"homepage": "https://spam.example.com"}, "This form could not be sent."),
        ({"started": "just now"}, "This form was sent too quickly."),
    ],
)
def test_bad_reports_are_refused_with_a_message(client, service, data, message):
    if data.get("started") == "just now":
        data = {"started": started_seconds_ago(0)}
    response = report(client, report_url(service=service.pk), **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CorrectionRequest.objects.exists()


def test_reports_are_limited_per_client(client, service, settings):
    settings.SUBMISSION_LIMITS = {"report": 1}
    assert report(Client(), report_url(service=service.pk)).status_code == 302
    response = report(Client(), report_url(service=service.pk))
    assert "Too many forms were sent from your connection." in response.content.decode()
    assert CorrectionRequest.objects.count() == 1


def _queue_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_resolve_and_dismiss_from_the_queue(client, service, coordinator_co):
    report(client, report_url(service=service.pk), message="Wrong hours.")
    report(client, report_url(service=service.pk), message="Buy cheap watches.")
    useful, spam = CorrectionRequest.objects.order_by("pk")
    staff = _queue_client(coordinator_co)
    page = staff.get(QUEUE).content.decode()
    assert "Wrong hours." in page and "Buy cheap watches." in page

    staff.post(QUEUE, {"action": "resolve_corrections", helpers.ACTION_CHECKBOX_NAME: [useful.pk]})
    staff.post(QUEUE, {"action": "dismiss_corrections", helpers.ACTION_CHECKBOX_NAME: [spam.pk]})
    useful.refresh_from_db()
    spam.refresh_from_db()
    assert (useful.status, useful.handled_by) == (CorrectionRequest.Status.RESOLVED, coordinator_co)
    assert useful.handled_at is not None
    assert spam.status == CorrectionRequest.Status.DISMISSED
    assert "Wrong hours." not in staff.get(QUEUE).content.decode()  # the queue shows open requests
    assert "Wrong hours." in staff.get(QUEUE, {"status": "all"}).content.decode()


def test_a_handled_request_cannot_be_handled_again(client, service, editor):
    report(client, report_url(service=service.pk))
    correction = CorrectionRequest.objects.get()
    staff = _queue_client(editor)
    staff.post(QUEUE, {"action": "resolve_corrections", helpers.ACTION_CHECKBOX_NAME: [correction.pk]})
    response = staff.post(
        QUEUE + "?status=all",
        {"action": "dismiss_corrections", helpers.ACTION_CHECKBOX_NAME: [correction.pk]},
        follow=True,
    )
    assert any("already resolved" in str(m) for m in get_messages(response.wsgi_request))
    correction.refresh_from_db()
    assert correction.status == CorrectionRequest.Status.RESOLVED


def test_another_countrys_coordinator_does_not_see_the_request(client, service, coordinator_ec):
    report(client, report_url(service=service.pk), message="Wrong hours.")
    assert "Wrong hours." not in _queue_client(coordinator_ec).get(QUEUE).content.decode()


def test_the_organisation_must_be_public_at_report_time(client, service):
    Organisation.objects.filter(pk=service.organisation.pk).update(status=Organisation.Status.SUSPENDED)
    assert report(client, report_url(service=service.pk)).status_code == 404


def test_staff_find_a_request_by_the_listings_name_in_any_language(client, colombia, coordinator_co):
    organisation = OrganisationFactory(countries=[colombia], name_es="", name_ind="Yayasan Pelangi Contoh")
    listing = ServiceFactory(organisation=organisation, name_es="", name_pt="Apoio jurídico exemplar")
    report(client, report_url(service=listing.pk), message="Wrong hours.")
    staff = _queue_client(coordinator_co)
    assert "Wrong hours." in staff.get(QUEUE, {"q": "Pelangi"}).content.decode()
    assert "Wrong hours." in staff.get(QUEUE, {"q": "exemplar"}).content.decode()
    assert "Wrong hours." not in staff.get(QUEUE, {"q": "nowhere"}).content.decode()
