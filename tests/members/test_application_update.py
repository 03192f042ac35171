""" "Ask for changes" that leads somewhere: a signed link to update the application, as often as the coordinator
asks, Reply-To the coordinators' team, and the coordinator told what changed."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from members import services
from members.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

Status = Organisation.Status
UPDATE_LINK = re.compile(r"https?://[^\s\"<]+/join/update/[^\s\"<]+/")

ASKED = {
    "es": ("Actualice su solicitud aquí:", ""),
    "pt": ("Atualize seu pedido de adesão aqui:", ""),
    "en": ("Update your application here:", ""),
    "id": ("Perbarui permohonan Anda di sini:", ""),
}
UPDATED = {
    "es": "actualizó su solicitud después de su pedido de cambios.",
    "pt": "atualizou o pedido de adesão após a sua solicitação de alterações.",
    "en": "updated its application after your request for changes.",
    "id": "memperbarui permohonannya setelah Anda meminta perubahan.",
}


@pytest.fixture
def application(colombia):
    return OrganisationFactory(
        pending=True,
        countries=[colombia],
        contact_language="es",
        name_es="Casa Ejemplo",
        contact_email="ana@casa.example.org",
        public_phone="+576015550100",
    )


def ask(application, coordinator, message, callbacks) -> str:
    with callbacks(execute=True):
        services.membership_request_changes(organisation=application, by=coordinator, message=message)
    asked = mail.outbox[-1]
    return UPDATE_LINK.search(asked.body).group(0)


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_request_links_to_the_update_and_replies_reach_the_coordinators(
    application, coordinator_co, language, settings, django_capture_on_commit_callbacks
):
    settings.COORDINATION_EMAIL = "coordination@rssn.example.org"
    Organisation.objects.filter(pk=application.pk).update(contact_language=language)
    application.refresh_from_db()
    link = ask(application, coordinator_co, "Add your opening hours.", django_capture_on_commit_callbacks)
    asked = mail.outbox[-1]
    assert asked.to == ["ana@casa.example.org"]
    assert asked.reply_to == ["coordination@rssn.example.org"]
    here, _subject = ASKED[language]
    assert here in asked.body and "Add your opening hours." in asked.body
    assert f"/{language}/join/update/" in link


def test_without_a_team_address_replies_reach_the_coordinator_who_asked(
    application, coordinator_co, django_capture_on_commit_callbacks
):
    ask(application, coordinator_co, "Add your opening hours.", django_capture_on_commit_callbacks)
    assert mail.outbox[-1].reply_to == [coordinator_co.email]


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_applicant_updates_and_the_coordinator_sees_what_changed(
    application, coordinator_co, language, django_capture_on_commit_callbacks
):
    coordinator_co.coordinator_assignments.update(language=language)
    link = ask(application, coordinator_co, "Your phone is wrong.", django_capture_on_commit_callbacks)
    path = link.split("://", 1)[1].split("/", 1)[1]
    browser = Client()
    page = browser.get("/" + path)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="Casa Ejemplo"' in html and 'value="+576015550100"' in html

    form = {name: value or "" for name, value in services.application_values(application).items()}
    form.update(public_phone="+57 601 555 0199", note="Corrected the phone.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post("/" + path, form)
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == Status.APPLIED  # back in the queue, waiting for a decision
    assert application.public_phone == "+576015550199"
    latest = application.history.first()
    assert latest.public_phone == "+576015550199"
    assert latest.history_change_reason

    (told,) = mail.outbox
    assert told.to == [coordinator_co.email]
    assert told.extra_headers["Content-Language"] == language
    assert UPDATED[language] in told.body
    assert "+576015550100 → +576015550199" in told.body
    assert "Corrected the phone." in told.body


def test_changes_can_be_asked_again_and_each_link_then_updates(
    application, coordinator_co, django_capture_on_commit_callbacks
):
    first = ask(application, coordinator_co, "Your phone is wrong.", django_capture_on_commit_callbacks)
    second = ask(application, coordinator_co, "Also your website.", django_capture_on_commit_callbacks)
    assert first != second
    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    values = {name: value or "" for name, value in services.application_values(application).items()}
    services.application_update(organisation=application, values={**values, "website": "https://casa.example.org"})
    third = ask(application, coordinator_co, "And the e-mail.", django_capture_on_commit_callbacks)
    assert Client().get("/" + third.split("://", 1)[1].split("/", 1)[1]).status_code == 200


def test_the_link_works_only_while_changes_are_awaited(
    application, coordinator_co, django_capture_on_commit_callbacks, settings
):
    link = ask(application, coordinator_co, "Your phone is wrong.", django_capture_on_commit_callbacks)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert Client().get(path.replace("/update/", "/update/x")).status_code == 404
    services.membership_approve(organisation=application, by=coordinator_co)
    assert Client().get(path).status_code == 404

    Organisation.objects.filter(pk=application.pk).update(status=Status.UNDER_REVIEW, status_changed_at=timezone.now())
    assert Client().get(path).status_code == 200
    settings.VERIFICATION_LINK_MAX_AGE_DAYS = -1  # every link is past its age
    expired = Client().get(path)
    assert expired.status_code == 410
    assert "Los enlaces para actualizar una solicitud son válidos por un tiempo limitado." in expired.content.decode()


def test_a_refused_update_lists_its_errors_at_the_top_and_keeps_what_was_typed(
    application, coordinator_co, django_capture_on_commit_callbacks
):
    link = ask(application, coordinator_co, "Your phone is wrong.", django_capture_on_commit_callbacks)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    form = {name: value or "" for name, value in services.application_values(application).items()}
    form.update(public_phone="+57 601 555 0199", contact_email="not an address", note="Corrected the phone.")
    response = Client().post(path, form)
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index('class="errors error-summary" role="alert"')
    summary = html[start : html.index("</ul>", start)]
    assert 'href="#id_contact_email"' in summary  # the GOV.UK summary: each error a link to its field
    assert 'value="+57 601 555 0199"' in html and "Corrected the phone." in html
    application.refresh_from_db()
    assert application.public_phone == "+576015550100"
