"""The staff scope gate: every admin URL, for every role that must be refused, with a record of another country.

The URLs are read from the admin site itself, so a view added later (by a library or by us) is walked too: a
coordinator of Ecuador must be refused every page about a Colombian record and must read no Colombian secret on
any page; an editor must be refused the membership decisions, deleting, and the administrators' own tools.
"""

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from members import services
from members.models import (
    Application,
    City,
    CoordinatorAssignment,
    Country,
    Location,
    MembershipStatusChange,
    Organisation,
    OrganisationMember,
    ProposedChange,
)
from members.roles import COORDINATORS, EDITORS
from services.models import CorrectionRequest, Language, Population, Service, ServiceCategory
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
from tests.test_admin import form_data

pytestmark = pytest.mark.django_db

SECRET_STREET = "Calle Escondida 451 Interior 3"
SECRET_LATITUDE = "4.6123457"
PRIVATE_EMAIL = "privada.colombia@example.org"
PRIVATE_REASON = "Motivo privado de la suspensión"
PRIVATE_CORRECTION = "Mensaje privado sobre la casa"
APPLICANT = "Solicitud Reservada de Colombia"
SECRETS = (SECRET_STREET, SECRET_LATITUDE, PRIVATE_EMAIL, PRIVATE_REASON, PRIVATE_CORRECTION, APPLICANT)
# Names that must not even be listed to a coordinator of another country.
NAMES = ("Casa Reservada Colombia", "Refugio Reservado", "Acogida Reservada")

# The records whose scope is their countries (the organisation's): a coordinator sees them in her countries only.
COUNTRY_SCOPED = {
    Organisation,
    Application,
    Location,
    MembershipStatusChange,
    CorrectionRequest,
    Service,
    OrganisationMember,
    ProposedChange,
}
# The administrators' own tools: staff accounts, roles, second factors, login lockouts, coordinators' countries.
ADMINISTRATORS_ONLY = {
    "auth.user",
    "auth.group",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
    "members.coordinatorassignment",
}
# Site pages with no record in them, or that end the session being tested.
NOT_WALKED = {"logout", None}


@pytest.fixture
def world():
    colombia = CountryFactory(code="CO", name_en="Colombia", name_es="Colombia")
    ecuador = CountryFactory(
        code="EC", name_en="Ecuador", name_es="Ecuador", time_zones=["America/Guayaquil"], latitude=-1.8
    )
    bogota = CityFactory(country=colombia)
    quito = CityFactory(country=ecuador, name_en="Quito", name_es="Quito", time_zone="America/Guayaquil")
    administrator = UserFactory(username="root", is_staff=True, is_superuser=True)

    casa = OrganisationFactory(name_es="Casa Reservada Colombia", countries=[colombia], contact_email=PRIVATE_EMAIL)
    shelter = LocationFactory(
        organisation=casa, name_es="Refugio Reservado", city=bogota, street_address=SECRET_STREET, latitude=4.6123457
    )
    # Made confidential after it was public: its history holds a public version.
    shelter.address_visibility = Location.AddressVisibility.CONFIDENTIAL
    shelter.save()
    OpeningHoursFactory(location=shelter)
    service = ServiceFactory(organisation=casa, name_es="Acogida Reservada", locations=[shelter])
    services.membership_suspend(organisation=casa, by=administrator, reason=PRIVATE_REASON)
    correction = CorrectionRequest.objects.create(organisation=casa, message=PRIVATE_CORRECTION)
    applicant = OrganisationFactory(pending=True, name_es=APPLICANT, countries=[colombia])
    casa_member = OrganisationMember.objects.create(
        user=UserFactory(username="miembro@casa.example.org", email=PRIVATE_EMAIL.replace("privada", "miembro")),
        organisation=casa,
    )
    # A proposal to move the confidential shelter: its address is as secret as the shelter's.
    proposal = ProposedChange.objects.create(
        organisation=casa,
        target_type=ContentType.objects.get_for_model(Location),
        target_id=shelter.pk,
        changes={"street_address": {"before": SECRET_STREET, "after": SECRET_STREET + " bis"}},
        confidential=True,
        proposed_by=casa_member.user,
    )

    own = OrganisationFactory(name_es="Fundación de Quito", countries=[ecuador])
    own_location = LocationFactory(organisation=own, city=quito, name_es="Sede Quito")
    own_service = ServiceFactory(organisation=own, locations=[own_location])

    coordinator = UserFactory(username="coordinator-ec", is_staff=True)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    CoordinatorAssignment.objects.create(user=coordinator, country=ecuador)
    editor = UserFactory(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    coordinator_co = UserFactory(username="coordinator-co", is_staff=True)
    coordinator_co.groups.add(Group.objects.get(name=COORDINATORS))
    assignment = CoordinatorAssignment.objects.create(user=coordinator_co, country=colombia)

    totp = TOTPDevice.objects.create(user=administrator, name="phone")
    static = StaticDevice.objects.create(user=administrator, name="backup")
    attempt = AccessAttempt.objects.create(
        username="root", ip_address="203.0.113.1", user_agent="x", failures_since_start=1
    )
    log = AccessLog.objects.create(username="root", ip_address="203.0.113.1", user_agent="x")
    failure = AccessFailureLog.objects.create(username="root", ip_address="203.0.113.1", user_agent="x")
    records = {
        Organisation: casa,
        Application: Application.objects.get(pk=applicant.pk),
        Location: shelter,
        MembershipStatusChange: MembershipStatusChange.objects.filter(organisation=casa).last(),
        CorrectionRequest: correction,
        Service: service,
        OrganisationMember: casa_member,
        ProposedChange: proposal,
        Country: colombia,
        City: bogota,
        ServiceCategory: ServiceCategoryFactory(),
        Population: PopulationFactory(),
        Language: LanguageFactory(),
        CoordinatorAssignment: assignment,
        Group: Group.objects.get(name=COORDINATORS),
        type(administrator): administrator,
        TOTPDevice: totp,
        StaticDevice: static,
        AccessAttempt: attempt,
        AccessLog: log,
        AccessFailureLog: failure,
    }
    return {
        "records": records,
        "coordinator": coordinator,
        "editor": editor,
        "own": {Organisation: own, Location: own_location, Service: own_service},
    }


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name


ADMIN_ROUTES = sorted(walk(admin.site.get_urls()), key=lambda route: route[0])
MODEL_ROUTE = re.compile(r"^\^?(?P<app>\w+)/(?P<model>\w+)/(?P<rest>.*)$")


def model_of(route: str):
    match = MODEL_ROUTE.match(route)
    if not match:
        return None
    for model in admin.site._registry:
        if (model._meta.app_label, model._meta.model_name) == (match["app"], match["model"]):
            return model
    return None


def history_id(record):
    history = getattr(type(record), "history", None)
    if history is None:
        return None
    return history.filter(id=record.pk).order_by("history_id").first().history_id


def url_for(route: str, record) -> str:
    """The route with the record's id (and one of its history records' ids) put in."""
    values = iter([record.pk, history_id(record)]) if record is not None else iter([])
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\((?:\?P<\w+>)?[^)]*\)", lambda _m: str(next(values)), route)
    route = re.sub(r"<(?:\w+:)?\w+>", lambda _m: str(record.pk), route)
    return reverse("admin:index") + route


def takes_a_record(route: str) -> bool:
    return bool(re.search(r"<(?:\w+:)?(object_id|pk|id)>|\(\[\^/\]\+\)", route))


def site_url(name: str, world) -> str:
    """A page of the site itself; "view on site" with a record of another country."""
    if name == "view_on_site":
        record = world["records"][Location]
        return reverse(name.join(("admin:", "")), args=[ContentType.objects.get_for_model(record).pk, record.pk])
    return reverse(f"admin:{name}", kwargs={"app_label": "members"} if name == "app_list" else None)


def harmful_post(world) -> dict:
    """What a POST that a view forgot to refuse would do harm with."""
    records = world["records"]
    return {
        "status": Organisation.Status.APPROVED,
        "address_visibility": Location.AddressVisibility.PUBLIC,
        "organisation": records[Organisation].pk,
        "action": "membership_reinstate",
        "_selected_action": [records[Organisation].pk, records[Application].pk],
        "index": "0",
        "post": "yes",
        "confirm": "1",
        "reason": "",
    }


def snapshot(world) -> dict:
    records = world["records"]
    location = Location.objects.get(pk=records[Location].pk)
    return {
        "organisation": Organisation.objects.filter(pk=records[Organisation].pk).values_list("status", flat=True)[0],
        "applicant": Organisation.objects.filter(pk=records[Application].pk).values_list("status", flat=True)[0],
        "location": (location.address_visibility, location.street_address, location.organisation_id),
        "service": Service.objects.filter(pk=records[Service].pk).values_list("organisation_id", flat=True)[0],
        "counts": {model._meta.label: model._default_manager.count() for model in records},
        "history": MembershipStatusChange.objects.count(),
        "proposals": list(ProposedChange.objects.values_list("status", "changes")),
        "members": list(OrganisationMember.objects.values_list("revoked_at", "user__is_active")),
    }


def no_secret(response, secrets, what):
    body = response.content.decode(errors="replace") + response.get("Location", "")
    found = [secret for secret in secrets if secret in body]
    assert not found, (what, response.status_code, found)


def test_every_registered_model_has_a_record_to_walk(world):
    assert set(admin.site._registry) <= set(world["records"]), "add a record of the new model to the world fixture"


@pytest.mark.slow
def test_a_coordinator_is_refused_every_admin_page_about_another_countrys_record(client, world):
    coordinator = world["coordinator"]
    before = snapshot(world)
    walked = 0
    for route, name in ADMIN_ROUTES:
        if name in NOT_WALKED:
            continue
        model = model_of(route)
        record = world["records"].get(model) if model else None
        url = url_for(route, record if takes_a_record(route) else None) if model else None
        if model is None:
            url = site_url(name, world)
        for method in ("get", "post"):
            client.force_login(coordinator)
            response = getattr(client, method)(url, harmful_post(world) if method == "post" else None)
            what = f"{method.upper()} {url} ({name})"
            assert response.status_code < 500, what
            no_secret(response, SECRETS + NAMES, what)
            if (
                model in COUNTRY_SCOPED
                and takes_a_record(route)
                or model is not None
                and model._meta.label_lower in ADMINISTRATORS_ONLY
            ):
                assert response.status_code == 403, what
            walked += 1
        assert snapshot(world) == before, f"{route} ({name}) changed something"
    assert walked > 200


def test_a_coordinator_reads_no_other_countrys_record_in_any_autocomplete(client, world):
    client.force_login(world["coordinator"])
    for model, model_admin in admin.site._registry.items():
        for field in (
            model_admin.get_autocomplete_fields(None) if hasattr(model_admin, "get_autocomplete_fields") else ()
        ):
            for term in ("", "Reservad", "Casa"):
                response = client.get(
                    reverse("admin:autocomplete"),
                    {"app_label": model._meta.app_label, "model_name": model._meta.model_name, "field_name": field,
                     "term": term},
                )  # fmt: skip
                no_secret(response, SECRETS + NAMES, f"{model._meta.label}.{field} {term!r}")


def test_a_coordinator_opens_every_page_about_her_own_countrys_records(client, world):
    """The refusals above are about the country, not a page that refuses everyone."""
    client.force_login(world["coordinator"])
    for model, record in world["own"].items():
        for route, name in ADMIN_ROUTES:
            if model_of(route) is not model or not takes_a_record(route) or name is None:
                continue
            if name.endswith("_delete"):
                continue  # coordinators never delete
            response = client.get(url_for(route, record))
            assert response.status_code == 200, (route, response.status_code)


def test_the_refusal_says_why(client, world):
    client.force_login(world["coordinator"])
    response = client.get(reverse("admin:members_location_change", args=[world["records"][Location].pk]))
    assert response.status_code == 403
    assert "not in the countries you coordinate" in response.content.decode()


DECIDING = re.compile(r"^members/application/")


def test_an_editor_is_refused_membership_decisions_deleting_and_the_administrators_tools(client, world):
    editor = world["editor"]
    before = snapshot(world)
    refused = 0
    for route, name in ADMIN_ROUTES:
        model = model_of(route)
        if model is None or name is None:
            continue
        must_refuse = (
            DECIDING.match(route.lstrip("^"))
            or name.endswith("_delete")
            or model._meta.label_lower in ADMINISTRATORS_ONLY
        )
        if not must_refuse:
            continue
        url = url_for(route, world["records"][model] if takes_a_record(route) else None)
        for method in ("get", "post"):
            client.force_login(editor)
            response = getattr(client, method)(url, harmful_post(world) if method == "post" else None)
            assert response.status_code == 403, f"{method.upper()} {url} ({name})"
            refused += 1
        assert snapshot(world) == before, f"{route} ({name}) changed something"
    # And the decisions offered as actions on the organisations' list are not hers either.
    client.force_login(editor)
    client.post(reverse("admin:members_organisation_changelist"), harmful_post(world))
    assert snapshot(world) == before
    assert refused > 50


def test_an_editors_revert_never_changes_the_membership_or_the_address_visibility(client, world):
    """The history form of an older version is a form like the change form: what it saves is checked the same."""
    client.force_login(world["editor"])
    records = world["records"]
    casa, shelter = records[Organisation], records[Location]
    for record in (casa, shelter):
        model = type(record)
        oldest = model.history.filter(id=record.pk).order_by("history_id").first()
        url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history",
            args=[record.pk, oldest.history_id],
        )
        page = client.get(url)
        assert page.status_code == 200
        data = form_data(page.content.decode())
        data.update(status=Organisation.Status.APPROVED, address_visibility=Location.AddressVisibility.PUBLIC)
        client.post(url, data)
    casa.refresh_from_db()
    shelter.refresh_from_db()
    assert casa.status == Organisation.Status.SUSPENDED
    assert list(casa.status_changes.values_list("to_status", flat=True)) == [Organisation.Status.SUSPENDED]
    assert shelter.address_visibility == Location.AddressVisibility.CONFIDENTIAL


# Foreign keys, countries, export --------------------------------------------------------------------------------


def test_a_coordinator_cannot_put_a_listing_under_another_countrys_organisation(client, world):
    """The organisation field accepts her countries' organisations only: a new service, a moved location or
    service under another country's member is refused in the form, and nothing is saved."""
    records, own = world["records"], world["own"]
    client.force_login(world["coordinator"])
    before = snapshot(world)

    for model, record in ((Location, own[Location]), (Service, own[Service])):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[record.pk])
        data = form_data(client.get(url).content.decode())
        data["organisation"] = str(records[Organisation].pk)
        if model is Service:
            data["locations"] = []
        response = client.post(url, data)
        assert response.status_code == 200, model  # the form again, with the error
        assert "organisation" in response.context["adminform"].form.errors
        assert type(record).objects.get(pk=record.pk).organisation_id == own[Organisation].pk

    add = reverse("admin:services_service_add")
    data = form_data(client.get(add).content.decode())
    data.update(organisation=str(records[Organisation].pk), name_es="Servicio Intruso", in_person="on", categories=[])
    response = client.post(add, data)
    assert response.status_code == 200
    assert "organisation" in response.context["adminform"].form.errors
    assert not Service.objects.filter(name_es="Servicio Intruso").exists()
    assert snapshot(world) == before


def test_a_coordinator_cannot_move_an_organisation_out_of_her_countries(client, world):
    own = world["own"][Organisation]
    colombia = world["records"][Country]
    client.force_login(world["coordinator"])
    url = reverse("admin:members_organisation_change", args=[own.pk])
    data = form_data(client.get(url).content.decode())
    data["countries"] = [str(colombia.pk)]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Keep at least one of the countries you coordinate." in str(response.context["adminform"].form.errors)
    assert list(own.countries.values_list("code", flat=True)) == ["EC"]


def test_a_coordinators_export_holds_her_countries_only(client, world):
    client.force_login(world["coordinator"])
    for model in (Organisation, Location, Service):
        name = model._meta.model_name
        fields = {f"{name}resource_{column}": "on" for column in ("id", "slug", "organisation", "name_es")}
        response = client.post(reverse(f"admin:{model._meta.app_label}_{name}_export"), {"format": "0", **fields})
        assert response["Content-Type"].startswith("text/csv"), model
        no_secret(response, SECRETS + NAMES, f"export of {model._meta.label}")
        own = world["own"][model]
        assert (own.slug if model is Organisation else own.name_es) in response.content.decode("utf-8-sig"), model


def test_the_membership_history_lists_her_countries_only(client, world):
    MembershipStatusChange.objects.create(
        organisation=world["own"][Organisation], from_status="", to_status="approved", reason="Motivo de Quito"
    )
    client.force_login(world["coordinator"])
    page = client.get(reverse("admin:members_membershipstatuschange_changelist")).content.decode()
    assert "Motivo de Quito" in page or "Fundación de Quito" in page
    assert "Casa Reservada Colombia" not in page


def test_every_page_and_inline_of_the_directory_goes_through_the_scope_gate():
    """One mixin for every admin of the directory's models, first in line so nothing before it reads around it."""
    from simple_history.admin import SimpleHistoryAdmin

    from members.admin_scope import ScopedAdmin, ScopedInline

    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("members", "services"):
            assert model._meta.label_lower in ADMINISTRATORS_ONLY, model
            continue
        mro = type(model_admin).__mro__
        assert ScopedAdmin in mro, model
        if SimpleHistoryAdmin in mro:
            assert mro.index(ScopedAdmin) < mro.index(SimpleHistoryAdmin), model
        for inline in model_admin.inlines:
            assert issubclass(inline, ScopedInline), inline


@pytest.mark.slow
def test_no_inline_builds_a_forged_number_of_forms(rf, db):
    """A staff account that sends a count of forms no page shows (a script's) gets them refused, not built: every
    inline of the directory's pages builds at most ``MOST_INLINE_ROWS`` forms, where Django's default builds two
    thousand."""
    from members.admin_scope import MOST_INLINE_ROWS

    request = rf.get("/")
    request.user = UserFactory(username="root", is_staff=True, is_superuser=True)
    checked = 0
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("members", "services"):
            continue  # the administrators' own tools (ADMINISTRATORS_ONLY)
        for inline in model_admin.get_inline_instances(request):
            formset = inline.get_formset(request)
            assert formset.absolute_max <= MOST_INLINE_ROWS, (model, inline)
            prefix = formset.get_default_prefix()
            data = {f"{prefix}-TOTAL_FORMS": "99999999999999999999", f"{prefix}-INITIAL_FORMS": "0"}
            built = formset(data, instance=model(), prefix=prefix)
            assert len(built.forms) <= MOST_INLINE_ROWS and not built.is_valid(), (model, inline)
            checked += 1
    assert checked >= 5


def test_a_staff_account_without_a_role_sees_no_listing(client, world):
    """The scope is closed by default: only administrators and editors see every country."""
    from django.contrib.auth.models import Permission

    someone = UserFactory(username="no-role", is_staff=True)
    someone.user_permissions.set(Permission.objects.filter(codename__in=["view_organisation", "view_location"]))
    client.force_login(someone)
    page = client.get(reverse("admin:members_organisation_changelist"))
    assert page.status_code == 200
    assert "Casa Reservada Colombia" not in page.content.decode()
    assert client.get(reverse("admin:members_location_change", args=[world["records"][Location].pk])).status_code == 403


def test_a_coordinator_corrects_the_position_of_a_city_of_her_country_only(client, colombia, ecuador):
    """The application e-mail tells her to move a new city from its country's centre: she can, in her countries."""
    coordinator = UserFactory(username="coordinator-ec", is_staff=True)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    CoordinatorAssignment.objects.create(user=coordinator, country=ecuador)
    quito = CityFactory(country=ecuador, name_en="Quito", name_es="Quito", time_zone="America/Guayaquil")
    bogota = CityFactory(country=colombia)
    client.force_login(coordinator)
    page = client.get(f"/en/admin/members/city/{quito.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(latitude="-0.18", longitude="-78.47")
    assert client.post(f"/en/admin/members/city/{quito.pk}/change/", data).status_code == 302
    quito.refresh_from_db()
    assert (float(quito.latitude), float(quito.longitude)) == (-0.18, -78.47)
    assert client.get(f"/en/admin/members/city/{bogota.pk}/change/").status_code == 403
    listed = client.get("/en/admin/members/city/").content.decode()
    assert f"/members/city/{quito.pk}/change/" in listed and f"/members/city/{bogota.pk}/change/" not in listed
