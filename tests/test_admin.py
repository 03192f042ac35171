"""The staff admin: every page renders, filters and search work, rules hold, and no page calls another host."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from members.models import Helpline, Location, MembershipStatusChange, Organisation
from services.models import Service
from tests.factories import (
    CityFactory,
    CountryFactory,
    LanguageFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    PopulationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
    UserFactory,
)
from tests.module_rows import parametrize_module_rows, rows_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]

APPS = ("members", "services")

REGISTERED = sorted(
    ((model, model_admin) for model, model_admin in admin.site._registry.items() if model._meta.app_label in APPS),
    key=lambda item: item[0]._meta.label,
)
CORE_MODELS = (
    "members.Country",
    "members.City",
    "members.Organisation",
    "members.Location",
    "members.MembershipStatusChange",
    "services.ServiceCategory",
    "services.Population",
    "services.Language",
    "services.Service",
)
MODEL_IDS = [model._meta.label for model, _model_admin in REGISTERED]


def pytest_generate_tests(metafunc):
    parametrize_module_rows(metafunc, directory=build_directory, busy_directory=build_busy_directory)


def make_superuser():
    return UserFactory(username="staff", is_staff=True, is_superuser=True)


@pytest.fixture
def superuser():
    return make_superuser()


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def build_directory():
    """One of everything: a member with a location, opening hours, a service and a line of history."""
    superuser = make_superuser()
    country = CountryFactory()
    country.helplines.create(kind=Helpline.Kind.GBV, name_es="Línea Púrpura de Ejemplo", phone="155")
    organisation = OrganisationFactory(name_es="Casa de Ejemplo", acronym_es="CDE", countries=[country])
    location = LocationFactory(organisation=organisation, name_es="Sede Centro")
    OpeningHoursFactory(location=location)
    service = ServiceFactory(
        organisation=organisation,
        name_es="Acompañamiento psicosocial",
        locations=[location],
        categories=[ServiceCategoryFactory()],
    )
    service.populations.set([PopulationFactory()])
    service.languages.set([LanguageFactory()])
    MembershipStatusChange.objects.create(
        organisation=organisation,
        from_status=Organisation.Status.UNDER_REVIEW,
        to_status=Organisation.Status.APPROVED,
        changed_by=superuser,
        reason="Referencias verificadas con la red local.",
    )
    # A second country, city and category, and a pending member, so that every list filter has choices.
    peru = CountryFactory(code="PE", name_es="Perú", name_en="Peru", time_zones=["America/Lima"])
    lima = CityFactory(country=peru, name_es="Lima", name_en="Lima", time_zone="America/Lima")
    pending = OrganisationFactory(pending=True, kind=Organisation.Kind.COMMUNITY, countries=[peru])
    shelter = LocationFactory(organisation=pending, city=lima, confidential=True)
    counselling = ServiceCategoryFactory(slug="counselling", name_en="Counselling", name_es="Orientación")
    ServiceFactory(
        organisation=pending, locations=[shelter], categories=[counselling], status=Service.Status.PAUSED, cost="paid"
    )
    return {"organisation": organisation, "location": location, "service": service}


directory = rows_fixture()


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def any_object(model):
    return model._default_manager.order_by("pk").first()


# Every page renders ------------------------------------------------------------------------------------------------


def test_every_model_of_both_apps_is_in_the_admin():
    assert set(CORE_MODELS) <= set(MODEL_IDS)
    # Helplines and opening hours are edited inline, on their country's and their location's page.
    inline_models = {inline.model._meta.label for _model, model_admin in REGISTERED for inline in model_admin.inlines}
    assert {"members.Helpline", "members.OpeningHours"} <= inline_models


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=MODEL_IDS)
def test_changelist_add_and_change_pages_render(staff_client, directory, model, model_admin, rf, superuser):
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200

    request = rf.get("/")
    request.user = superuser
    add = staff_client.get(admin_url(model, "add"))
    assert add.status_code == (200 if model_admin.has_add_permission(request) else 403)

    obj = any_object(model)
    if obj is None:
        assert model._meta.label not in CORE_MODELS, f"the directory fixture has no {model._meta.label}"
        return
    # A page may hand over to another admin page (the applications queue opens the organisation's page).
    change = staff_client.get(admin_url(model, "change", obj.pk), follow=True)
    assert change.status_code == 200
    assert all(url.startswith(reverse("admin:index")) for url, _status in change.redirect_chain)


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=MODEL_IDS)
def test_changelist_search_and_every_filter_choice_render(staff_client, directory, model, model_admin):
    url = admin_url(model, "changelist")
    assert staff_client.get(url, {"q": "Ejemplo"}).status_code == 200

    page = staff_client.get(url).content.decode()
    sidebar = page[page.index('id="changelist-filter"') :]
    choices = set(re.findall(r'href="(\?[^"]+)"', sidebar))
    assert choices or not model_admin.list_filter
    for query in choices:
        response = staff_client.get(url + query.replace("&amp;", "&"))
        assert response.status_code == 200, query
        assert "?e=1" not in response.get("Location", ""), f"{query} is not an allowed lookup"


# Organisation page -----------------------------------------------------------------------------------------------


def test_organisation_page_shows_locations_services_and_status_history(staff_client, directory):
    page = staff_client.get(admin_url(Organisation, "change", directory["organisation"].pk)).content.decode()

    assert 'name="locations-TOTAL_FORMS"' in page
    assert "Sede Centro" in page
    assert 'name="services-TOTAL_FORMS"' in page
    assert "Acompañamiento psicosocial" in page
    # Each inline row links to the full page of its location or service.
    assert admin_url(type(directory["location"]), "change", directory["location"].pk) in page
    assert admin_url(Service, "change", directory["service"].pk) in page
    # The history, read-only: who, why.
    assert "Referencias verificadas con la red local." in page
    assert 'name="status_changes-0-reason"' not in page


def test_organisation_page_has_one_tab_per_language_and_explains_privacy(staff_client, directory):
    with translation.override("en"):
        page = staff_client.get(admin_url(Organisation, "change", directory["organisation"].pk)).content.decode()
    for suffix in ("es", "pt", "en", "ind"):
        assert f'name="name_{suffix}"' in page
    assert "tabbed_translation_fields.js" in page
    assert "The contact person is never shown publicly" in page


def test_status_is_read_only_on_the_change_form_and_editable_on_the_add_form(staff_client, directory):
    organisation = directory["organisation"]
    change_page = staff_client.get(admin_url(Organisation, "change", organisation.pk)).content.decode()
    add_page = staff_client.get(admin_url(Organisation, "add")).content.decode()
    assert 'name="status"' not in change_page
    assert 'name="status"' in add_page

    data = form_data(change_page)
    data["status"] = Organisation.Status.REJECTED
    data["contact_name"] = "Ana Cambio"
    response = staff_client.post(admin_url(Organisation, "change", organisation.pk), data)

    assert response.status_code == 302, error_list(response)
    organisation.refresh_from_db()
    assert organisation.contact_name == "Ana Cambio"
    assert organisation.status == Organisation.Status.APPROVED


def test_adding_an_organisation_records_its_initial_status(staff_client, superuser):
    country = CountryFactory()
    data = form_data(staff_client.get(admin_url(Organisation, "add")).content.decode())
    data.update(
        name_es="Red de Ejemplo",
        slug="red-de-ejemplo",
        kind=Organisation.Kind.COMMUNITY,
        countries=[country.pk],
        status=Organisation.Status.UNDER_REVIEW,
        contact_name="Luz Ejemplo",
        contact_email="luz@example.org",
    )
    response = staff_client.post(admin_url(Organisation, "add"), data)

    assert response.status_code == 302, error_list(response)
    organisation = Organisation.objects.get(slug="red-de-ejemplo")
    assert organisation.status == Organisation.Status.UNDER_REVIEW
    history = list(organisation.status_changes.all())
    assert [(line.from_status, line.to_status, line.changed_by) for line in history] == [
        ("", Organisation.Status.UNDER_REVIEW, superuser)
    ]


def test_approved_organisation_without_joining_date_is_a_form_error_not_a_crash(staff_client):
    country = CountryFactory()
    data = form_data(staff_client.get(admin_url(Organisation, "add")).content.decode())
    data.update(
        name_es="Red de Ejemplo",
        slug="red-de-ejemplo",
        kind=Organisation.Kind.NGO,
        countries=[country.pk],
        status=Organisation.Status.APPROVED,
        joined_on="",
        contact_name="Luz Ejemplo",
        contact_email="luz@example.org",
    )
    with translation.override("en"):
        response = staff_client.post(admin_url(Organisation, "add"), data)
    assert response.status_code == 200
    assert "joined_on" in response.context["adminform"].form.errors
    assert not Organisation.objects.filter(slug="red-de-ejemplo").exists()


def test_a_name_in_any_one_language_is_enough_but_one_is_needed(staff_client):
    country = CountryFactory()
    data = form_data(staff_client.get(admin_url(Organisation, "add")).content.decode())
    data.update(
        slug="rumah-contoh",
        kind=Organisation.Kind.NGO,
        countries=[country.pk],
        status=Organisation.Status.APPLIED,
        contact_name="Sari Contoh",
        contact_email="sari@example.org",
    )
    with translation.override("en"):
        nameless = staff_client.post(admin_url(Organisation, "add"), data)
    assert nameless.status_code == 200
    assert nameless.context["adminform"].form.errors == {"name_es": ["Write the name in at least one language."]}

    data["name_ind"] = "Rumah Contoh"  # Indonesian only: no English name needed.
    response = staff_client.post(admin_url(Organisation, "add"), data)
    assert response.status_code == 302, error_list(response)
    with translation.override("en"):
        assert Organisation.objects.get(slug="rumah-contoh").name == "Rumah Contoh"


def test_location_page_explains_confidential_addresses_and_lists_opening_hours(staff_client, directory):
    with translation.override("en"):
        page = staff_client.get(admin_url(Location, "change", directory["location"].pk)).content.decode()
    assert "Confidential: no address and no map point ever leave the server" in page
    assert 'name="opening_hours-TOTAL_FORMS"' in page
    assert 'name="opening_hours-0-weekday"' in page


def test_status_history_cannot_be_written_or_deleted_in_the_admin(staff_client, directory):
    line = MembershipStatusChange.objects.get(organisation=directory["organisation"])
    assert staff_client.get(admin_url(MembershipStatusChange, "add")).status_code == 403
    assert staff_client.post(admin_url(MembershipStatusChange, "delete", line.pk)).status_code == 403
    response = staff_client.post(admin_url(MembershipStatusChange, "change", line.pk), {"reason": "Rewritten."})
    assert response.status_code == 403
    line.refresh_from_db()
    assert line.reason == "Referencias verificadas con la red local."


# Service page ------------------------------------------------------------------------------------------------------


def test_service_cannot_use_another_organisations_location(staff_client, directory):
    service = directory["service"]
    elsewhere = LocationFactory(name_es="Sede de Otra Organización")
    data = form_data(staff_client.get(admin_url(Service, "change", service.pk)).content.decode())
    data["locations"] = [directory["location"].pk, elsewhere.pk]

    with translation.override("en"):
        response = staff_client.post(admin_url(Service, "change", service.pk), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["locations"]
    assert errors == [
        "Choose locations of Casa de Ejemplo only. These belong to another organisation: Sede de Otra Organización."
    ]
    assert list(service.locations.all()) == [directory["location"]]


def test_service_with_its_own_locations_saves(staff_client, directory):
    service = directory["service"]
    second = LocationFactory(organisation=directory["organisation"], name_es="Sede Norte")
    data = form_data(staff_client.get(admin_url(Service, "change", service.pk)).content.decode())
    data["locations"] = [directory["location"].pk, second.pk]

    response = staff_client.post(admin_url(Service, "change", service.pk), data)

    assert response.status_code == 302, error_list(response)
    assert set(service.locations.all()) == {directory["location"], second}


def test_service_without_a_delivery_mode_is_a_clear_form_error(staff_client, directory):
    service = directory["service"]
    data = form_data(staff_client.get(admin_url(Service, "change", service.pk)).content.decode())
    for field in ("in_person", "by_phone", "online", "outreach"):
        data.pop(field, None)
    with translation.override("en"):
        response = staff_client.post(admin_url(Service, "change", service.pk), data)
    assert response.status_code == 200
    assert "Tick at least one way the service is given" in str(response.context["adminform"].form.errors)


def test_service_changelist_filters_by_country_of_organisation_or_location(staff_client):
    peru = CountryFactory(code="PE", name_es="Perú", name_en="Peru", time_zones=["America/Lima"])
    lima = CityFactory(country=peru, name_es="Lima", name_en="Lima", time_zone="America/Lima")
    colombian = OrganisationFactory(countries=[CountryFactory()])
    # Works in Colombia, but has a service point in Lima.
    border_location = LocationFactory(organisation=colombian, city=lima)
    border_service = ServiceFactory(organisation=colombian, name_es="Atención en frontera", locations=[border_location])
    ServiceFactory(organisation=colombian, name_es="Atención en Bogotá")
    peruvian = ServiceFactory(organisation=OrganisationFactory(countries=[peru]), name_es="Servicio peruano")

    response = staff_client.get(admin_url(Service, "changelist"), {"country": "PE"})
    shown = set(response.context["cl"].result_list)
    assert shown == {border_service, peruvian}


# Missing translations --------------------------------------------------------------------------------------------


def test_missing_translation_filter_lists_listings_without_that_language(staff_client):
    spanish_only = OrganisationFactory(name_es="Solo en español")
    translated = OrganisationFactory(
        name_es="Traducida",
        name_en="Translated",
        name_pt="Traduzida",
        name_ind="Diterjemahkan",
        description_en="Support for survivors.",
        description_pt="Apoio a sobreviventes.",
        description_ind="Dukungan bagi penyintas.",
    )
    url = admin_url(Organisation, "changelist")

    english = set(staff_client.get(url, {"missing_translation": "en"}).context["cl"].result_list)
    indonesian = set(staff_client.get(url, {"missing_translation": "id"}).context["cl"].result_list)
    spanish = set(staff_client.get(url, {"missing_translation": "es"}).context["cl"].result_list)

    assert english == {spanish_only}
    assert indonesian == {spanish_only}
    assert spanish == set()
    assert translated not in english


def test_missing_translation_filter_reads_every_translated_field(staff_client):
    service = ServiceFactory(name_es="Asesoría", name_en="Counselling", name_pt="Aconselhamento", name_ind="Konseling")
    # Only the description (written in Spanish by the factory) lacks its translations.
    response = staff_client.get(admin_url(Service, "changelist"), {"missing_translation": "en"})
    assert list(response.context["cl"].result_list) == [service]
    service.description_en = service.description_pt = service.description_ind = "…"
    service.save()
    response = staff_client.get(admin_url(Service, "changelist"), {"missing_translation": "en"})
    assert list(response.context["cl"].result_list) == []


def test_translation_status_command_counts_per_model_and_language(capsys):
    OrganisationFactory(name_es="Solo en español")
    OrganisationFactory(
        name_es="Traducida",
        name_en="Translated",
        name_pt="Traduzida",
        name_ind="Diterjemahkan",
        description_en="Support.",
        description_pt="Apoio.",
        description_ind="Dukungan.",
    )
    call_command("translation_status", "--model", "organisation")
    lines = capsys.readouterr().out.splitlines()
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in lines if line.startswith("members.")}
    # records, complete, missing
    assert rows[("members.Organisation", "es")] == ["2", "2", "0"]
    assert rows[("members.Organisation", "en")] == ["2", "1", "1"]
    assert rows[("members.Organisation", "id")] == ["2", "1", "1"]
    assert {model for model, _language in rows} == {"members.Organisation"}


def test_translation_status_command_covers_every_translated_model_by_default(capsys):
    ServiceFactory()
    call_command("translation_status")
    out = capsys.readouterr().out
    for label in (
        "members.Country",
        "members.City",
        "members.Location",
        "services.Service",
        "services.ServiceCategory",
    ):
        assert label in out


def test_translation_status_command_rejects_an_unknown_model():
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("translation_status", "--model", "nothing")


# Survivor safety: no other host ----------------------------------------------------------------------------------

FOREIGN_REFERENCE = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//(?!testserver[/"'])""", re.I)


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=MODEL_IDS)
def test_admin_pages_reference_no_other_host(staff_client, directory, model, model_admin):
    pages = [admin_url(model, "changelist"), admin_url(model, "add")]
    if any_object(model) is not None:
        pages.append(admin_url(model, "change", any_object(model).pk))
    for url in pages:
        response = staff_client.get(url)
        if response.status_code == 403:
            continue
        page = response.content.decode()
        assert not FOREIGN_REFERENCE.search(page), (url, FOREIGN_REFERENCE.search(page).group(0))
        # Known CDNs by name, as whole host words (a random CSRF token may well contain the letters "cdn").
        assert not re.search(r"googleapis|\bcdn(?:js)?\.|jsdelivr|unpkg", page, re.I)


def test_translation_tabs_scripts_and_styles_are_served_by_the_site(staff_client, directory):
    page = staff_client.get(admin_url(Organisation, "change", directory["organisation"].pk)).content.decode()
    for asset in (
        settings.JQUERY_URL,
        settings.JQUERY_UI_URL,
        "modeltranslation/js/tabbed_translation_fields.js",
        "modeltranslation/css/tabbed_translation_fields.css",
    ):
        assert not asset.startswith(("//", "http")), asset
        assert finders.find(asset), f"{asset} is not among the static files"
    assert f"/static/{settings.JQUERY_UI_URL}" in page
    assert "/static/modeltranslation/css/tabbed_translation_fields.css" in page


def test_vendored_jquery_ui_keeps_its_licence():
    licence = finders.find("vendor/jquery-ui/LICENSE.txt")
    assert licence
    with open(licence, encoding="utf-8") as file:
        assert "Permission is hereby granted" in file.read()


# Query counts ----------------------------------------------------------------------------------------------------


def build_busy_directory():
    build_directory()
    peru = CountryFactory(code="PE")
    lima = CityFactory(country=peru, name_en="Lima")
    for number in range(8):
        organisation = OrganisationFactory(countries=[CountryFactory(), peru])
        location = LocationFactory(organisation=organisation, city=lima if number % 2 else CityFactory())
        ServiceFactory(organisation=organisation, locations=[location])
        MembershipStatusChange.objects.create(
            organisation=organisation,
            from_status="applied",
            to_status="approved",
            changed_at=datetime.datetime.now(datetime.UTC),
        )


busy_directory = rows_fixture()


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=MODEL_IDS)
def test_changelist_queries_do_not_grow_with_the_rows(
    staff_client, busy_directory, model, model_admin, django_assert_max_num_queries
):
    # Ten, and the session saved again on every staff request (three queries in a test: the update in a savepoint).
    with django_assert_max_num_queries(13):
        assert staff_client.get(admin_url(model, "changelist")).status_code == 200


# Helpers ---------------------------------------------------------------------------------------------------------


class _FormReader(HTMLParser):
    """Collects what a browser would submit from the page's main form."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._textarea_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.setdefault(name, []).append(attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._textarea_text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._textarea_text.append(data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data[self._textarea] = ["".join(self._textarea_text).removeprefix("\n")]
            self._textarea = None


def form_data(page: str) -> dict:
    reader = _FormReader()
    reader.feed(page)
    data = {}
    for name, values in reader.data.items():
        if "__prefix__" in name or name == "csrfmiddlewaretoken":
            continue
        data[name] = values if len(values) != 1 else values[0]
    return data


def error_list(response) -> str:
    context = getattr(response, "context", None)
    if not context or "adminform" not in context:
        return f"status {response.status_code}"
    errors = [context["adminform"].form.errors]
    errors += [inline.formset.errors for inline in context.get("inline_admin_formsets", [])]
    return repr(errors)


def test_service_channels_are_entered_on_its_page_checked_and_kept_in_history(staff_client, directory):
    service = directory["service"]
    url = admin_url(Service, "change", service.pk)
    data = form_data(staff_client.get(url).content.decode())
    data.update({"channels-TOTAL_FORMS": "1", "channels-0-kind": "whatsapp", "channels-0-address": "300 123 0001"})
    data["channels-0-order"] = "0"
    with translation.override("en"):
        response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Enter a phone number with its country code" in error_list(response)
    assert not service.channels.exists()

    data["channels-0-address"] = "+57 300 123 0001"
    response = staff_client.post(url, data)
    assert response.status_code == 302, error_list(response)
    channel = service.channels.get()
    assert (channel.kind, channel.address) == ("whatsapp", "+573001230001")  # stored in E.164
    assert channel.history.count() == 1


def test_location_channels_are_entered_on_its_page(staff_client, directory):
    location = directory["location"]
    url = admin_url(Location, "change", location.pk)
    data = form_data(staff_client.get(url).content.decode())
    data.update({"channels-TOTAL_FORMS": "1", "channels-0-kind": "telegram", "channels-0-address": "@sede_centro"})
    data["channels-0-order"] = "0"
    response = staff_client.post(url, data)
    assert response.status_code == 302, error_list(response)
    assert location.channels.get().href == "https://t.me/sede_centro"


def test_what_it_takes_to_get_in_is_entered_as_boxes_checked_and_kept_in_history(staff_client, directory):
    service = directory["service"]
    url = admin_url(Service, "change", service.pk)
    page = staff_client.get(url).content.decode()
    assert 'type="checkbox" name="documents_required" value="none"' in page
    data = form_data(page)
    data.update({"documents_required": ["none", "id"], "appointment": "walk_in", "interpretation": "true"})
    with translation.override("en"):
        response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Choose “No documents needed” alone" in error_list(response)
    service.refresh_from_db()
    assert service.documents_required is None

    data["documents_required"] = ["migration_status", "id"]
    response = staff_client.post(url, data)
    assert response.status_code == 302, error_list(response)
    service.refresh_from_db()
    assert (service.documents_required, service.appointment, service.interpretation) == (
        "id,migration_status",
        "walk_in",
        True,
    )
    assert service.history.first().documents_required == "id,migration_status"
    page = staff_client.get(url).content.decode()
    assert 'name="documents_required" value="id" id="id_documents_required_1" checked' in page.replace("\n", "")


def test_a_locations_wheelchair_access_is_entered_on_its_page(staff_client, directory):
    location = directory["location"]
    url = admin_url(Location, "change", location.pk)
    data = form_data(staff_client.get(url).content.decode())
    data["wheelchair_accessible"] = "false"
    response = staff_client.post(url, data)
    assert response.status_code == 302, error_list(response)
    location.refresh_from_db()
    assert location.wheelchair_accessible is False
    assert location.history.first().wheelchair_accessible is False
