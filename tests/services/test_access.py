"""What it takes to get in: the documents a service asks for, a referral, walk in or appointment, a wheelchair-
accessible location, interpretation. Unknown is a value (None, shown as "ask the service"); the filters find only
what the member said."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.html import escape

from services.fields import DocumentsFormField, documents_value
from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

FILTERS = ("no_documents", "no_referral", "walk_in", "wheelchair")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_documents_are_none_alone_or_the_documents_in_a_fixed_order():
    assert documents_value([]) is None  # nobody said
    assert documents_value(["none"]) == "none"
    assert documents_value(["migration_status", "id", "id"]) == "id,migration_status"
    for wrong in (["none", "id"], ["passport"]):
        with pytest.raises(ValueError):
            documents_value(wrong)
    field = DocumentsFormField()
    assert field.clean([]) is None
    assert field.clean(["residence", "id"]) == "id,residence"
    with pytest.raises(ValidationError) as error:
        field.clean(["none", "id"])
    assert "alone" in error.value.messages[0]


def test_the_database_refuses_documents_and_appointments_it_does_not_know():
    service = ServiceFactory()
    for field, value in (("documents_required", "passport"), ("documents_required", "none,id"), ("appointment", "x")):
        with pytest.raises(IntegrityError), transaction.atomic():
            Service.objects.filter(pk=service.pk).update(**{field: value})


def test_a_service_cleans_its_documents_or_says_what_is_wrong():
    service = ServiceFactory(documents_required="residence,id")
    service.full_clean()
    assert service.documents_required == "id,residence"
    assert service.documents == ["id", "residence"]
    service.documents_required = "none,id"
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "documents_required" in error.value.message_dict


def services_for_each_filter():
    member = OrganisationFactory()
    accessible = LocationFactory(organisation=member, wheelchair_accessible=True)
    inaccessible = LocationFactory(organisation=member, wheelchair_accessible=False)
    unknown_place = LocationFactory(organisation=member)
    return {
        "all_said": ServiceFactory(
            name_es="Todo dicho",
            organisation=member,
            documents_required="none",
            referral_required=False,
            appointment="walk_in",
            locations=[inaccessible, accessible],
        ),
        "asks": ServiceFactory(
            name_es="Pide papeles",
            organisation=member,
            documents_required="id,migration_status",
            referral_required=True,
            appointment="appointment",
            locations=[inaccessible],
        ),
        "unknown": ServiceFactory(
            name_es="Nada dicho",
            organisation=member,
            documents_required=None,
            referral_required=None,
            appointment=None,
            locations=[unknown_place],
        ),
    }


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_finds_what_the_member_said_on_the_pages_and_in_the_api(client, name):
    services = services_for_each_filter()
    found = {item["id"] for item in client.get("/api/v1/services/", {name: "true"}).json()["results"]}
    assert found == {services["all_said"].pk}
    html = client.get("/en/search/", {name: "on"}).content.decode()
    assert f'id="service-{services["all_said"].pk}"' in html
    assert f'id="service-{services["asks"].pk}"' not in html and f'id="service-{services["unknown"].pk}"' not in html
    assert f'<input type="checkbox" name="{name}" id="id_{name}" checked>' in html
    assert "Remove the filter" in html  # its chip


def test_the_filters_follow_edits_of_the_service_and_of_its_locations(client):
    location = LocationFactory()
    service = ServiceFactory(name_es="Cambia", documents_required=None, locations=[location])

    def found(name):
        return {item["id"] for item in client.get("/api/v1/services/", {name: "true"}).json()["results"]}

    assert service.pk not in found("wheelchair") | found("no_documents")
    location.wheelchair_accessible = True
    location.save()
    service.documents_required = "none"
    service.appointment = "walk_in"
    service.save()
    assert service.pk in found("wheelchair") & found("no_documents") & found("walk_in")


def test_filters_combine_and_the_page_stays_within_its_queries(client, django_assert_max_num_queries):
    services = services_for_each_filter()
    query = dict.fromkeys(FILTERS, "on")
    client.get("/en/search/", query)
    with django_assert_max_num_queries(12):
        html = client.get("/en/search/", query).content.decode()
    assert f'id="service-{services["all_said"].pk}"' in html and html.count('class="result"') == 1


@pytest.mark.parametrize(
    ("language", "ask", "none_needed", "walk_in"),
    [
        ("es", "Consulte al servicio", "No se necesitan documentos", "Sin cita: puede acudir directamente"),
        ("pt", "Consulte o serviço", "Não é preciso apresentar documentos", "Sem agendamento: pode ir diretamente"),
        ("en", "Ask the service", "No documents needed", "Walk in, no appointment needed"),
        ("id", "Tanyakan kepada layanan", "Tidak perlu dokumen", "Datang langsung, tanpa janji temu"),
    ],
)
def test_cards_and_the_service_page_say_it_in_plain_words(client, language, ask, none_needed, walk_in):
    services = services_for_each_filter()
    with translation.override(language):
        for url in (f"/{language}/search/", f"/{language}/services/{services['all_said'].pk}/"):
            html = client.get(url).content.decode()
            assert f"<dd>{escape(none_needed)}</dd>" in html, url
            assert f"<dd>{escape(walk_in)}</dd>" in html, url
        unknown = client.get(f"/{language}/services/{services['unknown'].pk}/").content.decode()
        assert unknown.count(f"<dd>{escape(ask)}</dd>") >= 4  # documents, appointment, wheelchair, interpretation


def test_documents_are_named_and_each_location_says_its_wheelchair_access(client):
    services = services_for_each_filter()
    html = client.get(f"/en/services/{services['asks'].pk}/").content.decode()
    assert "<dd>Identity document, Migration status papers</dd>" in html
    assert "<dd>By appointment only</dd>" in html
    assert "<dd>Not wheelchair accessible</dd>" in html
    html = client.get(f"/en/services/{services['all_said'].pk}/").content.decode()
    assert "<dd>Wheelchair accessible</dd>" in html  # one of its places is
    assert "<p>Not wheelchair accessible</p>" in html and "<p>Wheelchair accessible</p>" in html  # each place


def test_the_api_gives_what_it_takes_to_get_in(client):
    services = services_for_each_filter()
    item = client.get(f"/api/v1/services/{services['asks'].pk}/?lang=en").json()
    assert item["documents_required"] == ["id", "migration_status"]
    assert item["appointment"] == "appointment"
    assert item["interpretation"] is None
    assert item["locations"][0]["wheelchair_accessible"] is False
    unknown = client.get(f"/api/v1/services/{services['unknown'].pk}/?lang=en").json()
    assert unknown["documents_required"] is None
    all_said = client.get(f"/api/v1/services/{services['all_said'].pk}/?lang=en").json()
    assert all_said["documents_required"] == []
