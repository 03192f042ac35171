"""Spreadsheets in the admin: templates to download, a preview that shows every error before saving, imports that
respect the membership rules, and exports."""

import io
from unittest import mock

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from members.models import Location, MembershipStatusChange, Organisation
from members.resources import OrganisationResource
from members.roles import EDITORS
from services.models import ContactChannel, Service
from tests.factories import (
    CityFactory,
    CountryFactory,
    LocationFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    UserFactory,
)

CSV, XLSX = "0", "1"  # the positions of the formats in IMPORT_EXPORT_FORMATS
ORGANISATION_HEADER = "slug,name_es,kind,countries,status,contact_name,contact_email,public_email"


@pytest.fixture
def admin_user(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(db):
    """An editor (every country) who may also add organisations, but not decide membership."""
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="members",
            codename__in=["add_organisation", "change_organisation", "view_organisation"],
        )
    )
    return user


@pytest.fixture
def colombia(db):
    return CountryFactory()


def upload(client, model_path, content: str, *, name="rows.csv", file_format=CSV):
    """The import's first step: the preview (a dry run). Returns the response."""
    return client.post(
        f"/en/admin/{model_path}/import/",
        {"import_file": SimpleUploadedFile(name, content.encode()), "format": file_format},
    )


def confirm(client, model_path, preview):
    form = preview.context["confirm_form"]
    return client.post(f"/en/admin/{model_path}/process_import/", form.initial, follow=True)


def test_templates_download_as_csv_and_excel(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/en/admin/members/organisation/import-template/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="organisation-template.csv"'
    header = response.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:3] == ["slug", "name_es", "name_pt"]
    assert {"countries", "kind", "contact_email", "description_ind"} <= set(header)
    response = client.get("/en/admin/services/service/import-template/", {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert {"organisation", "categories", "locations", "languages", "in_person"} <= set(header)
    assert sheet.max_row == 1
    changelist = client.get("/en/admin/members/location/")
    assert b"/en/admin/members/location/import-template/?format=xlsx" in changelist.content


def test_preview_shows_every_error_and_saves_nothing(client, admin_user, colombia):
    client.force_login(admin_user)
    rows = "\n".join(
        [
            ORGANISATION_HEADER,
            "casa-uno,Casa Uno,ngo,ZZ,,Ana Ejemplo,ana@example.org,",
            "casa-dos,Casa Dos,not-a-kind,CO,,Bea Ejemplo,not-an-email,",
            "casa-tres,Casa Tres,ngo,CO,,Carla Ejemplo,carla@example.org,",
        ]
    )
    response = upload(client, "members/organisation", rows)
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    result = response.context["result"]
    errors = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(errors) == {1, 2}
    assert "Unknown: ZZ." in str(errors[1]["countries"])
    assert "kind" in errors[2] and "contact_email" in errors[2]
    html = response.content.decode()
    assert "Unknown: ZZ." in html and "not-a-kind" in html
    assert not Organisation.objects.exists()


def test_import_creates_applications_with_their_history(client, editor, colombia):
    client.force_login(editor)
    rows = f"{ORGANISATION_HEADER}\n,Casa Nueva,ngo,co,approved,Ana Ejemplo,ana@example.org,info@example.org\n"
    preview = upload(client, "members/organisation", rows)
    assert "confirm_form" in preview.context, preview.context["result"].invalid_rows
    assert not Organisation.objects.exists()
    confirm(client, "members/organisation", preview)
    organisation = Organisation.objects.get()
    # An editor may not decide membership: the row's "approved" is not taken.
    assert organisation.status == "applied" and organisation.slug == "casa-nueva"
    assert list(organisation.countries.values_list("code", flat=True)) == ["CO"]
    change = MembershipStatusChange.objects.get(organisation=organisation)
    assert (change.from_status, change.to_status, change.changed_by) == ("", "applied", editor)
    assert not Service.objects.public().exists()


def test_someone_who_decides_membership_may_import_approved_members(
    client, admin_user, colombia, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    rows = f"{ORGANISATION_HEADER}\ncasa-aprobada,Casa Aprobada,ngo,CO,approved,Ana Ejemplo,ana@example.org,\n"
    preview = upload(client, "members/organisation", rows)
    assert mail.outbox == []  # the preview decides nothing
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, "members/organisation", preview)
    organisation = Organisation.objects.get(slug="casa-aprobada")
    assert organisation.status == "approved" and organisation.joined_on is not None
    assert list(organisation.status_changes.values_list("from_status", "to_status")) == [
        ("", "applied"),
        ("applied", "approved"),
    ]
    (welcome,) = mail.outbox
    assert welcome.to == ["ana@example.org"]


def test_a_failed_import_is_undone_and_welcomes_no_one(
    client, admin_user, colombia, django_capture_on_commit_callbacks
):
    """The database refuses the second row: django-import-export rolls the whole import back, the approval of the
    first row with it, and the e-mail that would have welcomed that organisation is never sent."""
    client.force_login(admin_user)
    rows = (
        f"{ORGANISATION_HEADER}\n"
        "casa-uno,Casa Uno,ngo,CO,approved,Ana Ejemplo,ana@example.org,\n"
        "casa-dos,Casa Dos,ngo,CO,approved,Bea Ejemplo,bea@example.org,\n"
    )
    preview = upload(client, "members/organisation", rows)
    save_instance = OrganisationResource.save_instance

    def refuse_the_second_row(resource, instance, *args, **kwargs):
        if instance.slug == "casa-dos":
            raise DatabaseError("could not extend file: No space left on device")
        return save_instance(resource, instance, *args, **kwargs)

    with (
        mock.patch.object(OrganisationResource, "save_instance", refuse_the_second_row),
        django_capture_on_commit_callbacks(execute=True),
    ):
        confirm(client, "members/organisation", preview)
    assert not Organisation.objects.exists()
    assert mail.outbox == []


def test_an_existing_organisations_status_does_not_change_by_spreadsheet(client, admin_user, colombia):
    organisation = OrganisationFactory(slug="casa-vieja", pending=True)
    client.force_login(admin_user)
    rows = f"{ORGANISATION_HEADER}\ncasa-vieja,Casa Renombrada,ngo,CO,approved,Ana Ejemplo,ana@example.org,\n"
    confirm(client, "members/organisation", upload(client, "members/organisation", rows))
    organisation.refresh_from_db()
    assert organisation.name_es == "Casa Renombrada" and organisation.status == "applied"


def test_locations_and_services_import_with_readable_codes(client, admin_user, colombia):
    client.force_login(admin_user)
    organisation = OrganisationFactory(slug="casa", countries=[colombia])
    CityFactory(country=colombia)
    ServiceCategoryFactory()
    location_rows = (
        "organisation,name_es,address_visibility,street_address,city,phone\n"
        'casa,Sede Norte,public,Calle 100 # 10-10,"Bogotá, co",+5716010003\n'
        "casa,Sede Sur,public,Calle 1,Atlantis,\n"
    )
    preview = upload(client, "members/location", location_rows)
    [invalid] = preview.context["result"].invalid_rows
    assert "No city “Atlantis”" in str(invalid.error_dict) or "Write the city" in str(invalid.error_dict)
    confirm_ready = upload(client, "members/location", location_rows.rsplit("casa,Sede Sur", 1)[0])
    confirm(client, "members/location", confirm_ready)
    location = Location.objects.get(organisation=organisation)
    assert location.city.name == "Bogotá" and location.phone == "+5716010003"

    service_rows = (
        "organisation,name_es,categories,locations,in_person,by_phone,online,outreach,cost\n"
        f"casa,Asesoría,legal-aid,{location.pk},1,0,0,0,free\n"
        "casa,Sin modo,legal-aid,,0,0,0,0,free\n"
        "casa,Categoría rara,no-such-category,,1,0,0,0,free\n"
    )
    preview = upload(client, "services/service", service_rows)
    errors = {row.number: str(row.error_dict) for row in preview.context["result"].invalid_rows}
    assert set(errors) == {2, 3}
    assert "service_has_delivery_mode" in errors[2] or "delivery" in errors[2].lower()
    assert "Unknown: no-such-category." in errors[3]
    assert not Service.objects.exists()
    confirm(
        client,
        "services/service",
        upload(client, "services/service", service_rows.splitlines()[0] + "\n" + service_rows.splitlines()[1]),
    )
    service = Service.objects.get()
    assert list(service.locations.all()) == [location]
    assert list(service.categories.values_list("slug", flat=True)) == ["legal-aid"]


def test_excel_import(client, admin_user, colombia):
    client.force_login(admin_user)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(ORGANISATION_HEADER.split(","))
    sheet.append(["casa-excel", "Casa Excel", "community", "CO", "", "Ana Ejemplo", "ana@example.org", ""])
    content = io.BytesIO()
    workbook.save(content)
    preview = client.post(
        "/en/admin/members/organisation/import/",
        {"import_file": SimpleUploadedFile("rows.xlsx", content.getvalue()), "format": XLSX},
    )
    confirm(client, "members/organisation", preview)
    assert Organisation.objects.get().kind == "community"


def test_export_lists_the_records(client, admin_user):
    client.force_login(admin_user)
    location = LocationFactory(name_es="Sede Exportada")
    response = client.post("/en/admin/members/location/export/", {"format": CSV, "resource": "0"})
    if response.status_code != 200 or "Sede Exportada" not in response.content.decode("utf-8-sig"):
        # django-import-export 4 asks which fields to export: tick them all.
        fields = {f"locationresource_{name}": "on" for name in ("id", "organisation", "name_es", "city")}
        response = client.post("/en/admin/members/location/export/", {"format": CSV, "resource": "0", **fields})
    text = response.content.decode("utf-8-sig")
    assert "Sede Exportada" in text and location.organisation.slug in text


def test_a_spreadsheet_never_makes_a_locations_address_more_visible(client, admin_user, colombia):
    """Lowering confidentiality is done on the location's page, on purpose, never by a row in a file; hiding more
    is always allowed."""
    client.force_login(admin_user)
    organisation = OrganisationFactory(slug="casa", countries=[colombia])
    shelter = LocationFactory(organisation=organisation, confidential=True, street_address="Calle Reservada 9")
    office = LocationFactory(organisation=organisation, city=shelter.city, name_es="Oficina")
    header = "id,organisation,name_es,address_visibility,street_address,city\n"
    rows = (
        f'{shelter.pk},casa,Casa,public,Calle Reservada 9,"Bogotá, CO"\n'
        f'{office.pk},casa,Oficina,confidential,{office.street_address},"Bogotá, CO"\n'
    )
    preview = upload(client, "members/location", header + rows)
    [invalid] = preview.context["result"].invalid_rows
    assert invalid.number == 1
    assert "cannot make this location's address more visible" in str(invalid.error_dict["address_visibility"])
    shelter.refresh_from_db()
    assert shelter.address_visibility == Location.AddressVisibility.CONFIDENTIAL

    confirm(client, "members/location", upload(client, "members/location", header + rows.splitlines()[1]))
    office.refresh_from_db()
    assert office.address_visibility == Location.AddressVisibility.CONFIDENTIAL


def test_an_unknown_organisation_is_named_in_a_whole_sentence(client, admin_user, colombia):
    client.force_login(admin_user)
    CityFactory(country=colombia)
    rows = 'organisation,name_es,address_visibility,street_address,city,phone\nno-such-casa,Sede,city,,"Bogotá, CO",\n'
    preview = client.post(
        "/es/admin/members/location/import/",
        {"import_file": SimpleUploadedFile("rows.csv", rows.encode()), "format": CSV},
    )
    [invalid] = preview.context["result"].invalid_rows
    assert "Ninguna organización tiene el slug “no-such-casa”" in str(invalid.error_dict)


def test_service_channels_import_and_export_and_a_bad_one_is_named_by_row_and_column(client, admin_user, colombia):
    client.force_login(admin_user)
    OrganisationFactory(slug="casa", countries=[colombia])
    ServiceCategoryFactory()
    header = "organisation,name_es,categories,in_person,by_phone,online,outreach,cost,channels\n"
    rows = (
        header
        + 'casa,Escucha,legal-aid,1,0,0,0,free,"whatsapp: +57 300 123 0001; email: contacto@example.org"\n'
        + 'casa,Mal número,legal-aid,1,0,0,0,free,"whatsapp: 300 123 0002"\n'
        + 'casa,Mal tipo,legal-aid,1,0,0,0,free,"fax: +57 300 123 0003"\n'
    )
    preview = upload(client, "services/service", rows)
    errors = {row.number: row.error_dict for row in preview.context["result"].invalid_rows}
    assert set(errors) == {2, 3}
    assert "“whatsapp: 300 123 0002”: Enter a phone number with its country code" in str(errors[2]["channels"])
    assert "“fax: +57 300 123 0003”" in str(errors[3]["channels"])
    assert not Service.objects.exists() and not ContactChannel.objects.exists()  # nothing half-written

    confirm(client, "services/service", upload(client, "services/service", rows.split("casa,Mal número")[0]))
    service = Service.objects.get()
    assert [(c.kind, c.address) for c in service.channels.all()] == [
        ("whatsapp", "+573001230001"),
        ("email", "contacto@example.org"),
    ]
    whatsapp = service.channels.get(kind="whatsapp")
    whatsapp.hours_en = "Mornings"
    whatsapp.save()

    fields = {f"serviceresource_{name}": "on" for name in ("id", "name_es", "channels")}
    exported = client.post("/en/admin/services/service/export/", {"format": CSV, "resource": "0", **fields})
    body = exported.content.decode("utf-8-sig")
    assert "whatsapp: +573001230001; email: contacto@example.org" in body

    # A second import changes the list; the channel kept keeps its hours.
    again = header + 'casa,Escucha,legal-aid,1,0,0,0,free,"sms: +57 300 123 0009; whatsapp: +573001230001"\n'
    again = again.replace("organisation,", "id,organisation,").replace("casa,Escucha", f"{service.pk},casa,Escucha")
    confirm(client, "services/service", upload(client, "services/service", again))
    assert [(c.kind, c.address, c.hours_en or "") for c in service.channels.all()] == [
        ("sms", "+573001230009", ""),
        ("whatsapp", "+573001230001", "Mornings"),
    ]


def test_what_it_takes_to_get_in_imports_and_exports_and_a_bad_value_is_named_by_row_and_column(
    client, admin_user, colombia
):
    client.force_login(admin_user)
    OrganisationFactory(slug="casa", countries=[colombia])
    ServiceCategoryFactory()
    header = "organisation,name_es,categories,in_person,by_phone,online,outreach,cost,documents_required,appointment\n"
    rows = (
        header
        + 'casa,Papeles,legal-aid,1,0,0,0,free,"residence, ID",walk_in\n'
        + "casa,Sin papeles,legal-aid,1,0,0,0,free,none,\n"
        + 'casa,Mal documento,legal-aid,1,0,0,0,free,"none, passport",walk_in\n'
        + "casa,Mala cita,legal-aid,1,0,0,0,free,,tomorrow\n"
    )
    preview = upload(client, "services/service", rows)
    errors = {row.number: row.error_dict for row in preview.context["result"].invalid_rows}
    assert set(errors) == {3, 4}
    assert "Write “none” alone, or documents among id, residence, migration_status" in str(
        errors[3]["documents_required"]
    )
    assert "appointment" in errors[4]
    assert not Service.objects.exists()  # nothing half-written

    confirm(client, "services/service", upload(client, "services/service", rows.split("casa,Mal documento")[0]))
    papers, none = Service.objects.get(name_es="Papeles"), Service.objects.get(name_es="Sin papeles")
    assert (papers.documents_required, papers.appointment) == ("id,residence", "walk_in")
    assert (none.documents_required, none.appointment) == ("none", None)  # empty: not said
    fields = {f"serviceresource_{name}": "on" for name in ("id", "name_es", "documents_required", "appointment")}
    exported = client.post("/en/admin/services/service/export/", {"format": CSV, "resource": "0", **fields})
    body = exported.content.decode("utf-8-sig")
    assert f'{papers.pk},Papeles,"id, residence",walk_in' in body and f"{none.pk},Sin papeles,none," in body


def test_a_locations_wheelchair_access_imports_and_stays_unknown_when_empty(client, admin_user, colombia):
    client.force_login(admin_user)
    OrganisationFactory(slug="casa", countries=[colombia])
    CityFactory(name_es="Bogotá", country=colombia)
    header = "organisation,name_es,address_visibility,street_address,city,wheelchair_accessible\n"
    rows = header + 'casa,Sede A,public,Calle 1,"Bogotá, CO",1\n' + 'casa,Sede B,public,Calle 2,"Bogotá, CO",\n'
    preview = upload(client, "members/location", rows)
    assert not preview.context["result"].invalid_rows, preview.context["result"].invalid_rows[0].error_dict
    confirm(client, "members/location", preview)
    assert dict(Location.objects.values_list("name_es", "wheelchair_accessible")) == {"Sede A": True, "Sede B": None}
