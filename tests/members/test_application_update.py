""" "Ask for changes" that leads somewhere: a signed link to update the application, as often as the coordinator
asks, Reply-To the coordinators' team, and the coordinator told what changed."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from members import services
from members.models import Location, Organisation
from services.models import Service
from services.services import application_service_values
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

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
def application(colombia, bogota, legal_aid):
    """An application as the join form makes it: one service point in Bogotá, one service given there."""
    organisation = OrganisationFactory(
        pending=True,
        countries=[colombia],
        contact_language="es",
        name_es="Casa Ejemplo",
        contact_email="ana@casa.example.org",
        public_phone="+576015550100",
    )
    location = LocationFactory(
        organisation=organisation, city=bogota, name_es="Sede Centro", street_address="Calle 10 # 5-20"
    )
    ServiceFactory(
        organisation=organisation,
        name_es="Orientación jurídica",
        categories=[legal_aid],
        locations=[location],
        phone="",
    )
    return organisation


# What the empty forms after them send as they come (a radio and a box ticked by default).
EMPTY_FORM = {"locations": {"address_visibility": "public"}, "services": {"in_person": True}}


def _formset(prefix: str, items: list[dict], extra: int) -> dict:
    """A formset's fields as a browser sends them: ticked boxes "on", unticked ones left out, the rest as text."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(items) + extra),
        f"{prefix}-INITIAL_FORMS": str(len(items)),
        f"{prefix}-MIN_NUM_FORMS": "1",
        f"{prefix}-MAX_NUM_FORMS": "10",
    }
    for number, item in enumerate([*items, *[EMPTY_FORM[prefix]] * extra]):
        for name, value in item.items():
            key = f"{prefix}-{number}-{name}"
            if value is True:
                data[key] = "on"
            elif isinstance(value, list):
                data[key] = [str(part) for part in value]
            elif value not in (None, False):
                data[key] = str(value)
    return data


def update_form(application, **changes) -> dict:
    """The update page's form as it comes, everything the application holds filled in, with ``changes``."""
    form = {name: value or "" for name, value in services.application_values(application).items()}
    form.update(_formset("locations", services.application_location_values(application), extra=1))
    form.update(_formset("services", application_service_values(application), extra=2))
    form.update(changes)
    return form


def link_path(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


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

    form = update_form(application, public_phone="+57 601 555 0199", note="Corrected the phone.")
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
    form = update_form(
        application, public_phone="+57 601 555 0199", contact_email="not an address", note="Corrected the phone."
    )
    response = Client().post(path, form)
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index('class="errors error-summary" role="alert"')
    summary = html[start : html.index("</ul>", start)]
    assert 'href="#id_contact_email"' in summary  # the GOV.UK summary: each error a link to its field
    assert 'value="+57 601 555 0199"' in html and "Corrected the phone." in html
    application.refresh_from_db()
    assert application.public_phone == "+576015550100"


UPDATED_PLACE = {
    "es": ("Punto de atención 1 · ", "Servicio 2 · "),
    "pt": ("Ponto de atendimento 1 · ", "Serviço 2 · "),
    "en": ("Service point 1 · ", "Service 2 · "),
    "id": ("Lokasi layanan 1 · ", "Layanan 2 · "),
}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_applicant_updates_her_service_points_and_services_and_the_coordinator_sees_each_change(
    application, coordinator_co, legal_aid, language, django_capture_on_commit_callbacks
):
    """The link updates everything the application holds: a service point changed, a service changed and another
    added, each change before and after in the coordinator's e-mail."""
    coordinator_co.coordinator_assignments.update(language=language)
    path = link_path(ask(application, coordinator_co, "Your address is wrong.", django_capture_on_commit_callbacks))
    html = Client().get(path).content.decode()
    assert 'value="Sede Centro"' in html and 'value="Orientación jurídica"' in html
    assert 'name="locations-0-DELETE"' in html and 'name="locations-1-DELETE"' not in html

    form = update_form(
        application,
        **{
            "locations-0-street_address": "Carrera 7 # 12-40",
            "locations-0-address_visibility": Location.AddressVisibility.CITY,
            "services-0-cost": Service.Cost.LOW_COST,
            "services-1-name": "Línea de apoyo",
            "services-1-categories": [str(legal_aid.pk)],
            "services-1-by_phone": "on",
            "services-1-phone": "+57 601 555 0177",
            "services-1-cost": Service.Cost.FREE,
            "services-1-referral_required": "no",
        },
    )
    del form["services-1-in_person"]  # by phone only
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(path, form)
    assert response.status_code == 200, response.content.decode()

    (location,) = application.locations.all()
    assert (location.street_address, location.address_visibility) == (
        "Carrera 7 # 12-40",
        Location.AddressVisibility.CITY,
    )
    first, added = application.services.order_by("pk")
    assert first.cost == Service.Cost.LOW_COST
    assert (added.name_es, added.phone, added.by_phone, added.in_person) == (
        "Línea de apoyo",
        "+576015550177",
        True,
        False,
    )
    assert list(added.locations.all()) == []  # not in person: at no service point
    assert list(first.locations.all()) == [location]
    assert location.history.first().history_change_reason

    (told,) = mail.outbox
    point, service = UPDATED_PLACE[language]
    assert "Calle 10 # 5-20 → Carrera 7 # 12-40" in told.body
    assert point in told.body
    assert service in told.body and "Línea de apoyo" in told.body
    assert told.body.count(" → ") == 4  # street, visibility, cost, the new service
    low_cost = {"es": "Bajo costo", "pt": "Baixo custo", "en": "Low cost", "id": "Biaya rendah"}[language]
    assert f" → {low_cost}" in told.body  # in the coordinator's language, whichever the applicant's


def test_a_service_point_and_a_service_can_be_removed_but_not_the_last(
    application, coordinator_co, bogota, legal_aid, django_capture_on_commit_callbacks
):
    second = LocationFactory(organisation=application, city=bogota, name_es="Sede Norte")
    ServiceFactory(organisation=application, name_es="Acogida", categories=[legal_aid], locations=[second])
    path = link_path(ask(application, coordinator_co, "Remove the north.", django_capture_on_commit_callbacks))

    everything_removed = update_form(
        application, **{"locations-0-DELETE": "on", "locations-1-DELETE": "on", "services-0-DELETE": "on"}
    )
    everything_removed["services-1-DELETE"] = "on"
    refused = Client().post(path, everything_removed)
    assert refused.status_code == 400
    assert "Describa al menos un punto de atención." in refused.content.decode()
    assert application.locations.count() == 2 and application.services.count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        done = Client().post(path, update_form(application, **{"locations-1-DELETE": "on", "services-1-DELETE": "on"}))
    assert done.status_code == 200
    assert [location.name_es for location in application.locations.all()] == ["Sede Centro"]
    assert [service.name_es for service in application.services.all()] == ["Orientación jurídica"]


def test_a_refused_service_point_or_service_is_in_the_summary_and_everything_typed_is_kept(
    application, coordinator_co, django_capture_on_commit_callbacks
):
    path = link_path(ask(application, coordinator_co, "Your phone is wrong.", django_capture_on_commit_callbacks))
    form = update_form(
        application,
        name="Casa Ejemplo Nueva",
        **{
            "locations-0-street_address": "",  # a public address needs its street
            "locations-0-postal_code": "110999",
            "services-0-name": "Orientación jurídica y psicológica",
            "services-0-cost": "",
        },
    )
    response = Client().post(path, form)
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index('class="errors error-summary" role="alert"')
    summary = html[start : html.index("</ul>", start)]
    assert 'href="#id_locations-0-street_address"' in summary
    assert 'href="#id_services-0-cost_0"' in summary
    for kept in ('value="Casa Ejemplo Nueva"', 'value="110999"', 'value="Orientación jurídica y psicológica"'):
        assert kept in html
    application.refresh_from_db()
    assert application.name_es == "Casa Ejemplo"
    assert application.locations.get().postal_code == "110311"
