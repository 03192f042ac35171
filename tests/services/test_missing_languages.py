"""Staff: the listings whose content lacks one of the four languages, field by field, for a coordinator's own
countries, with a link to edit each."""

import pytest
from django.urls import reverse
from django.utils import translation

from members.models import Organisation
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

TITLE = {
    "es": "Fichas a las que les falta un idioma",
    "pt": "Cadastros sem um dos idiomas",
    "en": "Listings missing a language",
    "id": "Profil yang belum lengkap bahasanya",
}
PORTUGUESE = {"es": "Portugués", "pt": "Português", "en": "Portuguese", "id": "Bahasa Portugis"}


def page_url(language: str = "en", query: str = "") -> str:
    with translation.override(language):
        return reverse("admin:missing_languages") + query


def complete(prefix: str) -> dict:
    return {f"{prefix}_{suffix}": f"{prefix} {suffix}" for suffix in ("es", "pt", "en", "ind")}


@pytest.fixture
def listings(colombia, ecuador, bogota, quito):
    """In Colombia: a service whose description lacks Portuguese and Indonesian, a service point without English,
    a complete service; in Ecuador, a service without Portuguese."""
    organisation = OrganisationFactory(
        countries=[colombia],
        name_es="Casa Bogotá",
        name_en="Casa Bogotá",
        name_pt="Casa Bogotá",
        name_ind="Casa Bogotá",
        description_es="",
        description_en="",
    )
    location = LocationFactory(
        organisation=organisation, city=bogota, name_es="Sede", name_pt="Sede", name_ind="Kantor"
    )
    lacking = ServiceFactory(
        organisation=organisation,
        **complete("name"),
        description_es="Asesoría.",
        description_en="Advice.",
        description_pt="",
        description_ind="",
        **complete("eligibility"),
        **complete("how_to_access"),
    )
    whole = ServiceFactory(
        organisation=organisation,
        **complete("name"),
        **complete("description"),
        **complete("eligibility"),
        **complete("how_to_access"),
    )
    elsewhere = OrganisationFactory(countries=[ecuador], name_es="Casa Quito")
    LocationFactory(organisation=elsewhere, city=quito)
    abroad = ServiceFactory(organisation=elsewhere, name_es="Apoyo en Quito")
    pending = OrganisationFactory(pending=True, countries=[colombia], name_es="Solicitud sin traducir")
    return {"location": location, "lacking": lacking, "whole": whole, "abroad": abroad, "pending": pending}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_a_coordinator_sees_each_field_missing_a_language_in_her_countries_with_a_link_to_edit_it(
    client, listings, coordinator_co, language
):
    client.force_login(coordinator_co)
    response = client.get(page_url(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert TITLE[language] in html
    rows = response.context["rows"]
    lacking, location = listings["lacking"], listings["location"]
    found = {(row.edit_url, row.field, row.languages) for row in rows}
    with translation.override(language):
        description = str(type(lacking)._meta.get_field("description").verbose_name)
        location_name = str(type(location)._meta.get_field("name").verbose_name)
        service_url = reverse("admin:services_service_change", args=[lacking.pk])
        location_url = reverse("admin:members_location_change", args=[location.pk])
    assert (service_url, description, ("pt", "id")) in found
    assert (location_url, location_name, ("en",)) in found
    assert f'href="{service_url}"' in html
    assert PORTUGUESE[language] in html
    # A complete listing, a field written in no language, another country and an application are not listed.
    assert not [row for row in rows if f"/{listings['whole'].pk}/" in row.edit_url and "service" in row.edit_url]
    assert not [row for row in rows if f"/{listings['abroad'].pk}/" in row.edit_url and "service" in row.edit_url]
    assert "Casa Quito" not in html and "Apoyo en Quito" not in html and "Solicitud sin traducir" not in html
    organisation_rows = [row for row in rows if "/organisation/" in row.edit_url]
    assert organisation_rows == []  # its description is written in no language: missing content, not a language


def test_one_language_at_a_time(client, listings, coordinator_co):
    client.force_login(coordinator_co)
    rows = client.get(page_url("en", "?language=en")).context["rows"]
    assert {row.languages for row in rows} == {("en",)}
    assert [row.edit_url for row in rows] == [reverse("admin:members_location_change", args=[listings["location"].pk])]


def test_every_country_for_an_editor_and_staff_only(client, listings, editor):
    client.force_login(editor)
    rows = client.get(page_url()).context["rows"]
    assert any(f"/{listings['abroad'].pk}/" in row.edit_url for row in rows)
    client.logout()
    assert client.get(page_url()).status_code == 302
    client.force_login(UserFactory(username="no-role", is_staff=True))
    assert client.get(page_url()).status_code == 403


def test_the_admin_home_links_to_it(client, listings, coordinator_co):
    client.force_login(coordinator_co)
    assert f'href="{page_url()}"' in client.get(reverse("admin:index")).content.decode()
    assert Organisation.objects.filter(status=Organisation.Status.APPROVED).count() == 2
