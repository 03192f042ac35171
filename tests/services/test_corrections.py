""" "Suggest an update" on a public listing, and the staff's queue of suggested updates."""

import pytest
from django.contrib.admin import helpers
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override

from members.models import Organisation
from services.models import CorrectionRequest
from services.services import correction_request_dismiss, correction_request_resolve
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory
from tests.members.conftest import started_seconds_ago

QUEUE = "/en/admin/services/correctionrequest/"


def report_url(**query) -> str:
    with override("en"):
        return reverse("services:report-listing") + "?" + "&".join(f"{key}={value}" for key, value in query.items())


@pytest.fixture
def service(colombia):
    return ServiceFactory(organisation=OrganisationFactory(countries=[colombia]))


def report(client, url, **data):
    return client.post(
        url, {"kind": "phone", "message": "The phone does not answer.", "started": started_seconds_ago(60), **data}
    )


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
    assert (correction.kind, correction.message) == (CorrectionRequest.Kind.PHONE, "The phone does not answer.")
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
        ({"kind": ""}, "Choose what is wrong."),
        ({"kind": "gone"}, "Select a valid choice. gone is not one of the available choices."),
        ({"kind": "other", "message": "  "}, "Say in a few words what is wrong."),
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


def correct_the_listing(staff: Client, service, phone="+57 600 0000199"):
    """Staff change the service's phone in the admin, typed as the public pages show numbers."""
    url = f"/en/admin/services/service/{service.pk}/change/"
    response = staff.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(item) for item in value] if isinstance(value, list | tuple) else value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    data = {key: value for key, value in data.items() if value is not False}
    data["phone"] = phone
    response = staff.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()


def dismiss(staff: Client, correction, reason: str, **query):
    return staff.post(
        QUEUE + ("?status=all" if query.get("all") else ""),
        {
            "action": "dismiss_corrections",
            helpers.ACTION_CHECKBOX_NAME: [correction.pk],
            **({"confirm": "yes", "reason": reason} if reason is not None else {}),
        },
        follow=True,
    )


def test_staff_resolve_after_correcting_the_listing_and_dismiss_with_a_reason(client, service, coordinator_co):
    report(client, report_url(service=service.pk), message="Wrong phone.")
    report(client, report_url(service=service.pk), message="Buy cheap watches.")
    useful, spam = CorrectionRequest.objects.order_by("pk")
    staff = _queue_client(coordinator_co)
    page = staff.get(QUEUE).content.decode()
    assert "Wrong phone." in page and "Buy cheap watches." in page

    # Resolving before the listing changed is refused: the wrong number would stay live.
    response = staff.post(
        QUEUE, {"action": "resolve_corrections", helpers.ACTION_CHECKBOX_NAME: [useful.pk]}, follow=True
    )
    assert any("has not changed since the report arrived" in str(m) for m in get_messages(response.wsgi_request))
    useful.refresh_from_db()
    assert useful.status == CorrectionRequest.Status.OPEN

    correct_the_listing(staff, service)
    assert service.phone == "+576000000199"
    staff.post(QUEUE, {"action": "resolve_corrections", helpers.ACTION_CHECKBOX_NAME: [useful.pk]})
    useful.refresh_from_db()
    assert (useful.status, useful.handled_by) == (CorrectionRequest.Status.RESOLVED, coordinator_co)
    assert useful.handled_at is not None
    line = service.history.get(history_id=useful.change_history_id)
    assert (useful.change_kind, line.phone) == ("service", "+576000000199")
    assert line.history_change_reason == f"Correction request {useful.pk}"  # the listing's history says why
    detail = staff.get(f"{QUEUE}{useful.pk}/change/").content.decode()
    assert f"/en/admin/services/service/{service.pk}/history/{line.history_id}/" in detail

    # Dismissing asks for the reason first.
    confirmation = dismiss(staff, spam, reason=None).content.decode()
    assert 'name="reason"' in confirmation
    assert "Say why each report is dismissed" in confirmation
    assert f'&rsaquo; <a href="{QUEUE}">' in confirmation  # the breadcrumbs lead back to the queue
    assert f"<li>{escape(str(spam))}</li>" in confirmation
    assert f'name="{helpers.ACTION_CHECKBOX_NAME}" value="{spam.pk}"' in confirmation
    spam.refresh_from_db()
    assert spam.status == CorrectionRequest.Status.OPEN
    assert 'name="reason"' in dismiss(staff, spam, reason="").content.decode()
    dismiss(staff, spam, reason="Spam.")
    spam.refresh_from_db()
    assert (spam.status, spam.note) == (CorrectionRequest.Status.DISMISSED, "Spam.")
    assert "Wrong phone." not in staff.get(QUEUE).content.decode()  # the queue shows open requests
    assert "Wrong phone." in staff.get(QUEUE, {"status": "all"}).content.decode()


def test_resolving_or_dismissing_without_a_change_or_a_reason_is_refused_by_the_database_too(service, editor):
    correction = CorrectionRequest.objects.create(organisation=service.organisation, service=service, message="x")
    with pytest.raises(ValidationError):
        correction_request_dismiss(correction=correction, by=editor, note="  ")
    with pytest.raises(IntegrityError), transaction.atomic():
        CorrectionRequest.objects.filter(pk=correction.pk).update(status="resolved", handled_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        CorrectionRequest.objects.filter(pk=correction.pk).update(status="dismissed", handled_at=timezone.now())


def test_a_change_to_the_organisation_or_a_service_point_resolves_an_organisations_report(service, editor):
    correction = CorrectionRequest.objects.create(organisation=service.organisation, message="Moved.")
    location = LocationFactory(organisation=service.organisation)
    location.street_address = "Calle Nueva 1"
    location.save()
    correction_request_resolve(correction=correction, by=editor)
    assert correction.change_kind == "location"


def test_a_handled_request_cannot_be_handled_again(client, service, editor):
    report(client, report_url(service=service.pk))
    correction = CorrectionRequest.objects.get()
    staff = _queue_client(editor)
    correct_the_listing(staff, service)
    staff.post(QUEUE, {"action": "resolve_corrections", helpers.ACTION_CHECKBOX_NAME: [correction.pk]})
    response = dismiss(staff, correction, reason="Spam.", all=True)
    assert any("already resolved" in str(m) for m in get_messages(response.wsgi_request))
    correction.refresh_from_db()
    assert correction.status == CorrectionRequest.Status.RESOLVED


REPORTED = {
    "es": "Alguien informó que la ficha de",
    "pt": "Alguém informou que o cadastro de",
    "en": "Someone reported that the listing of",
    "id": "Seseorang melaporkan bahwa profil",
}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_countrys_coordinators_are_told_of_a_report_in_their_language(
    client, service, coordinator_co, coordinator_ec, language, django_capture_on_commit_callbacks
):
    coordinator_co.coordinator_assignments.update(language=language)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report(client, report_url(service=service.pk), message="The phone does not answer.")
    assert not mail.outbox  # sent only once the report is saved
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [[coordinator_co.email]]  # not Ecuador's coordinator
    message = mail.outbox[0]
    assert message.extra_headers["Content-Language"] == language
    assert REPORTED[language] in message.body
    correction = CorrectionRequest.objects.get()
    assert f"/admin/services/correctionrequest/{correction.pk}/change/" in message.body
    assert "The phone does not answer." not in message.body  # read in the queue, not spread by e-mail


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


# Structured suggestions ------------------------------------------------------------------------------------------

KINDS_ON_THE_FORM = {
    "es": ["El número de teléfono está mal", "Cerró definitivamente", "Otra cosa"],
    "pt": ["O número de telefone está errado", "Fechou definitivamente", "Outra coisa"],
    "en": ["The phone number is wrong", "It has closed for good", "Something else"],
    "id": ["Nomor teleponnya salah", "Sudah tutup permanen", "Hal lain"],
}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_form_asks_what_is_wrong_from_a_list_in_each_language(client, service, language):
    with override(language):
        url = reverse("services:report-listing") + f"?service={service.pk}"
    page = client.get(url).content.decode()
    assert page.count('type="radio" name="kind"') == len(CorrectionRequest.Kind.choices)
    for label in KINDS_ON_THE_FORM[language]:
        assert label in page
    assert 'name="message"' in page and "required" not in page.split('name="message"')[1].split(">")[0]
    assert not client.cookies


@pytest.mark.parametrize("kind", ["phone", "address", "hours", "closed", "moved"])
def test_a_suggestion_needs_no_details_but_something_else_does(client, service, kind):
    assert report(client, report_url(service=service.pk), kind=kind, message="").status_code == 302
    assert CorrectionRequest.objects.get().kind == kind


def test_a_refused_suggestion_keeps_what_was_typed_and_links_the_error(client, service):
    response = report(client, report_url(service=service.pk), kind="other", message="", reporter_email="a@example.net")
    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_message"' in page  # the error summary links to the field
    assert 'value="other" required id="id_kind_5" checked' in page
    assert 'value="a@example.net"' in page


def test_the_database_refuses_something_else_without_details(service):
    with pytest.raises(IntegrityError), transaction.atomic():
        CorrectionRequest.objects.create(organisation=service.organisation, kind="other", message="")
    with pytest.raises(IntegrityError), transaction.atomic():
        CorrectionRequest.objects.create(organisation=service.organisation, kind="gone", message="x")
    CorrectionRequest.objects.create(organisation=service.organisation, kind="closed", message="")
