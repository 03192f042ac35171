"""A member adds a location or a service, or asks to remove one, as a proposed change: nothing of a new record
exists outside its proposal until a coordinator of the organisation's countries approves it, and a removal takes a
record off the public directory without deleting it."""

import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from members import services as membership
from members.models import Location, ProposedChange
from services.models import Service
from tests.factories import LocationFactory, OrganisationFactory, ServiceCategoryFactory, ServiceFactory, UserFactory
from tests.services.test_member_area import PASSWORD, form_data, form_data_from, sign_in

pytestmark = pytest.mark.django_db

NEW_SERVICE = "Refugio Amanecer"
NEW_LOCATION = "Casa Girasol"
NEW_STREET = "Carrera Escondida 12 Interior 4"
REMOVED_SERVICE = "Acompañamiento Lucero"
REMOVED_LOCATION = "Sede Mirador"


@pytest.fixture(autouse=True)
def spanish_pages():
    """The member area's addresses in Spanish, as the admin speaks to these tests' coordinators."""
    with translation.override("es"):
        yield


@pytest.fixture
def listing(colombia, bogota):
    organisation = OrganisationFactory(name_es="Casa Ejemplo", countries=[colombia])
    location = LocationFactory(organisation=organisation, city=bogota, name_es=REMOVED_LOCATION)
    service = ServiceFactory(organisation=organisation, name_es=REMOVED_SERVICE, locations=[location])
    return organisation, location, service


@pytest.fixture
def member(listing):
    from members.models import OrganisationMember

    user = UserFactory(username="marta@casa.example.org", email="marta@casa.example.org", is_staff=False)
    user.set_password(PASSWORD)
    user.save()
    return OrganisationMember.objects.create(user=user, organisation=listing[0], language="pt")


@pytest.fixture
def member_client(member):
    client = Client()
    assert sign_in(client, member.user.email).status_code == 302
    return client


def public_outputs(service_pk=None) -> str:
    """Everything anonymous visitors and machines can read: search, the API, the sitemap, the HSDS export, and
    the service's own page when there is one."""
    anonymous = Client()
    pages = [
        reverse("services:search") + "?q=Amanecer",
        reverse("services:search") + "?q=Girasol",
        reverse("services:search") + "?q=Lucero",
        "/api/v1/services/?q=Amanecer",
        "/api/v1/services/",
        "/sitemap.xml",
    ]
    if service_pk is not None:
        pages += [reverse("services:service-detail", args=[service_pk]), f"/api/v1/services/{service_pk}/"]
    out = io.StringIO()
    call_command("export_hsds", "-", stdout=out)
    return "".join(anonymous.get(page).content.decode() for page in pages) + out.getvalue()


def add_service(member_client, listing, **extra):
    url = reverse("account:add", args=["service"])
    data = {
        **form_data(member_client, url),
        "name_es": NEW_SERVICE,
        "description_es": "Acogida temporal para mujeres sobrevivientes.",
        "categories": [str(ServiceCategoryFactory().pk)],
        "locations": [str(listing[1].pk)],
        "channels-0-kind": "whatsapp",
        "channels-0-address": "+57 300 555 0123",
        **extra,
    }
    return member_client.post(url, data)


def add_location(member_client, bogota, **extra):
    url = reverse("account:add", args=["location"])
    data = {
        **form_data(member_client, url),
        "name_es": NEW_LOCATION,
        "city": str(bogota.pk),
        "street_address": NEW_STREET,
        "opening_hours-0-weekday": "1",
        "opening_hours-0-opens": "08:00",
        "opening_hours-0-closes": "16:00",
        **extra,
    }
    return member_client.post(url, data)


def in_spanish(text: str) -> str:
    """A text as these tests' pages show it: the member area at /es/, the admin in the coordinators' Spanish."""
    with translation.override("es"):
        return translation.gettext(text)


def decide(client, proposal, **data):
    return client.post(reverse("admin:members_proposedchange_change", args=[proposal.pk]), data)


# Adding -------------------------------------------------------------------------------------------------------------


def test_the_member_home_offers_to_add_and_remove(member_client, listing):
    html = member_client.get(reverse("account:home")).content.decode()
    assert reverse("account:add", args=["location"]) in html
    assert reverse("account:add", args=["service"]) in html
    assert reverse("account:remove", args=["location", listing[1].pk]) in html
    assert reverse("account:remove", args=["service", listing[2].pk]) in html


def test_the_add_forms_are_the_edit_forms_and_a_new_address_starts_confidential(member_client):
    html = member_client.get(reverse("account:add", args=["location"])).content.decode()
    for suffix in ("es", "pt", "en", "ind"):
        assert f'name="name_{suffix}"' in html
    assert 'name="opening_hours-0-weekday"' in html
    assert '<option value="confidential" selected>' in html
    service_form = member_client.get(reverse("account:add", args=["service"])).content.decode()
    assert 'name="categories"' in service_form and 'name="channels-0-kind"' in service_form
    assert member_client.get(reverse("account:add", args=["organisation"])).status_code == 404


def test_a_new_service_is_public_only_after_a_coordinator_approves_it(
    client, member, member_client, listing, coordinator_co, django_capture_on_commit_callbacks
):
    services_before = Service.objects.count()
    response = add_service(member_client, listing)
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = ProposedChange.objects.get()
    assert proposal.action == ProposedChange.Action.ADD and proposal.target_id is None
    assert proposal.changes["name_es"] == {"before": None, "after": NEW_SERVICE}
    assert Service.objects.count() == services_before
    assert NEW_SERVICE not in public_outputs()
    assert NEW_SERVICE in member_client.get(reverse("account:home")).content.decode()  # waiting, for her

    client.force_login(coordinator_co)
    assert NEW_SERVICE in client.get(reverse("admin:members_proposedchange_changelist")).content.decode()
    page = client.get(reverse("admin:members_proposedchange_change", args=[proposal.pk])).content.decode()
    assert (
        in_spanish(
            "A new record: nothing of it exists on the directory yet. Approving creates it with the values below."
        )
        in page
    )
    assert NEW_SERVICE in page and "<td>—</td>" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(client, proposal, _approve="1").status_code == 302

    service = Service.objects.get(name_es=NEW_SERVICE)
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.APPROVED and proposal.target_id == service.pk
    assert service.organisation == listing[0] and service.status == Service.Status.ACTIVE
    assert list(service.locations.all()) == [listing[1]]
    assert [channel.kind for channel in service.channels.all()] == ["whatsapp"]
    assert service.last_verified_on == timezone.localdate()
    created = service.history.earliest("history_date")
    assert created.history_type == "+" and created.history_user == coordinator_co
    assert str(proposal.pk) in created.history_change_reason
    assert NEW_SERVICE in public_outputs(service.pk)
    assert [message.to for message in mail.outbox] == [[member.user.email]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "pt"


def test_a_new_location_stays_confidential_until_and_after_approval(
    client, member_client, listing, bogota, coordinator_co
):
    response = add_location(member_client, bogota)
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = ProposedChange.objects.get()
    assert proposal.confidential
    assert proposal.changes["address_visibility"]["after"] == Location.AddressVisibility.CONFIDENTIAL
    assert not Location.objects.filter(name_es=NEW_LOCATION).exists()
    assert NEW_LOCATION not in public_outputs() and NEW_STREET not in public_outputs()

    client.force_login(coordinator_co)
    page = client.get(reverse("admin:members_proposedchange_change", args=[proposal.pk])).content.decode()
    assert in_spanish("This change touches a confidential address: it stays as confidential as the address.") in page
    assert decide(client, proposal, _approve="1").status_code == 302
    location = Location.objects.get(name_es=NEW_LOCATION)
    assert location.organisation == listing[0] and location.is_confidential
    assert location.street_address == NEW_STREET
    assert [(row.weekday, row.opens.hour) for row in location.opening_hours.all()] == [(1, 8)]
    assert location.history.earliest("history_date").history_user == coordinator_co
    # Linked to a service, the location shows without its address.
    service = listing[2]
    service.locations.add(location)
    assert NEW_STREET not in public_outputs(service.pk)


def test_a_new_location_with_a_public_address_is_not_confidential(member_client, bogota):
    assert add_location(member_client, bogota, address_visibility="public").status_code == 302
    assert not ProposedChange.objects.get().confidential


def test_a_rejected_addition_creates_nothing_and_the_member_reads_why_in_her_language(
    client, member_client, listing, coordinator_co, django_capture_on_commit_callbacks
):
    add_service(member_client, listing)
    proposal = ProposedChange.objects.get()
    client.force_login(coordinator_co)
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(client, proposal, _reject="1", reason="Este serviço já está na lista.").status_code == 302
    assert not Service.objects.filter(name_es=NEW_SERVICE).exists()
    assert "Este serviço já está na lista." in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == "pt"
    assert mail.outbox[0].subject.endswith("Sua alteração no diretório não foi publicada")
    home = member_client.get(reverse("account:home")).content.decode()
    assert NEW_SERVICE in home and "Este serviço já está na lista." in home


def test_a_member_cannot_add_to_another_organisation(member, member_client, listing, colombia, bogota, quito):
    other = OrganisationFactory(countries=[colombia])
    other_location = LocationFactory(organisation=other, city=bogota)
    # Another organisation's location, or a city outside her countries, cannot be chosen.
    response = add_service(member_client, listing, locations=[str(other_location.pk)])
    assert response.status_code == 200 and not ProposedChange.objects.exists()
    response = add_location(member_client, quito, city=str(quito.pk))
    assert response.status_code == 200 and not ProposedChange.objects.exists()
    with pytest.raises(PermissionDenied):
        membership.proposal_add(organisation=other, model=Location, values={"name_es": "X"}, by=member.user)
    assert not ProposedChange.objects.exists()


# Removing -----------------------------------------------------------------------------------------------------------


def ask_removal(member_client, kind, record, reason="Cerró definitivamente en junio."):
    return member_client.post(reverse("account:remove", args=[kind, record.pk]), {"note": reason})


def test_a_removal_needs_a_reason(member_client, listing):
    response = ask_removal(member_client, "service", listing[2], reason="  ")
    assert response.status_code == 200 and in_spanish("This field is required.") in response.content.decode()
    assert not ProposedChange.objects.exists()


def test_an_approved_removal_pauses_the_service_and_keeps_its_history(
    client, member_client, listing, coordinator_co, django_capture_on_commit_callbacks
):
    service = listing[2]
    assert ask_removal(member_client, "service", service).status_code == 302
    proposal = ProposedChange.objects.get()
    assert proposal.action == ProposedChange.Action.REMOVE and proposal.target_id == service.pk
    assert REMOVED_SERVICE in public_outputs(service.pk)  # nothing changes before approval

    client.force_login(coordinator_co)
    page = client.get(reverse("admin:members_proposedchange_change", args=[proposal.pk])).content.decode()
    assert "Cerró definitivamente en junio." in page
    assert in_spanish("Removed from the public directory (its history is kept)") in page
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(client, proposal, _approve="1").status_code == 302
    service.refresh_from_db()
    assert service.status == Service.Status.PAUSED
    assert service.last_verified_on == timezone.localdate()
    line = service.history.filter(status=Service.Status.PAUSED).earliest("history_date")
    assert line.history_user == coordinator_co and str(proposal.pk) in line.history_change_reason
    assert REMOVED_SERVICE not in public_outputs()
    assert Client().get(reverse("services:service-detail", args=[service.pk])).status_code == 404
    assert in_spanish("not shown in the directory") in member_client.get(reverse("account:home")).content.decode()


def test_an_approved_removal_closes_the_location_for_good(client, member_client, listing, coordinator_co):
    _organisation, location, service = listing
    assert ask_removal(member_client, "location", location).status_code == 302
    proposal = ProposedChange.objects.get()
    assert REMOVED_LOCATION in public_outputs(service.pk)
    client.force_login(coordinator_co)
    assert decide(client, proposal, _approve="1").status_code == 302
    location.refresh_from_db()
    assert location.withdrawn_on == timezone.localdate()
    assert not service.locations.exists()
    assert location.history.latest("history_date").history_user == coordinator_co
    assert REMOVED_LOCATION not in public_outputs(service.pk)
    # Its only place gone, the in-person service is paused rather than shown with no place
    # (tests/services/test_location_removal_pauses.py).
    assert Service.objects.get(pk=service.pk).status == Service.Status.PAUSED
    home = member_client.get(reverse("account:home")).content.decode()
    assert reverse("account:edit", args=["location", location.pk]) not in home
    assert "Sede Mirador — Bogotá" in home  # in the decisions on her proposals
    assert member_client.get(reverse("account:edit", args=["location", location.pk])).status_code == 404
    assert member_client.get(reverse("account:add", args=["service"])).content.decode().count(REMOVED_LOCATION) == 0


def test_a_removal_replaces_a_waiting_change_and_an_edit_waits_for_the_removal(member, member_client, listing):
    service = listing[2]
    values = membership.proposal_values(service)
    membership.proposal_submit(
        record=service, values={**values, "name_es": "Otro nombre"}, version=membership.proposal_version(service),
        by=member.user,
    )  # fmt: skip
    page = member_client.get(reverse("account:remove", args=["service", service.pk])).content.decode()
    assert (
        in_spanish("A change to this record waits for review: the request to remove it replaces that change.") in page
    )
    assert ask_removal(member_client, "service", service).status_code == 302
    proposal = ProposedChange.objects.get()
    assert proposal.action == ProposedChange.Action.REMOVE and proposal.changes == {} and proposal.revision == 2
    url = reverse("account:edit", args=["service", service.pk])
    assert "pidió retirar este registro" in member_client.get(url).content.decode()  # "You asked on … to remove"
    response = member_client.post(url, {**form_data(member_client, url), "name_es": "Tercer nombre"})
    assert response.status_code == 200
    assert in_spanish(str(membership.REMOVAL_WAITS)) in response.content.decode()
    assert ProposedChange.objects.get().action == ProposedChange.Action.REMOVE


def test_a_member_cannot_remove_another_organisations_records(member, member_client, colombia, bogota):
    other = OrganisationFactory(countries=[colombia])
    location = LocationFactory(organisation=other, city=bogota)
    service = ServiceFactory(organisation=other)
    for kind, record in (("location", location), ("service", service)):
        url = reverse("account:remove", args=[kind, record.pk])
        assert member_client.get(url).status_code == 404
        assert member_client.post(url, {"note": "No existe."}).status_code == 404
    assert (
        member_client.post(reverse("account:remove", args=["organisation", other.pk]), {"note": "x"}).status_code == 404
    )
    with pytest.raises(PermissionDenied):
        membership.proposal_remove(record=service, reason="No existe.", by=member.user)
    assert not ProposedChange.objects.exists()


def test_a_coordinator_of_another_country_can_neither_see_nor_decide_additions_and_removals(
    client, member_client, listing, coordinator_ec
):
    add_service(member_client, listing)
    ask_removal(member_client, "service", listing[2])
    client.force_login(coordinator_ec)
    queue = client.get(reverse("admin:members_proposedchange_changelist")).content.decode()
    assert NEW_SERVICE not in queue and REMOVED_SERVICE not in queue
    for proposal in ProposedChange.objects.all():
        url = reverse("admin:members_proposedchange_change", args=[proposal.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"_approve": "1"}).status_code == 403
        with pytest.raises(PermissionDenied):
            membership.proposal_approve(proposal=proposal, by=coordinator_ec)
    assert ProposedChange.objects.pending().count() == 2
    assert not Service.objects.filter(name_es=NEW_SERVICE).exists()
    assert Service.objects.get(pk=listing[2].pk).status == Service.Status.ACTIVE


def test_a_location_closed_for_good_is_not_linked_again_by_an_earlier_proposal_or_by_staff(
    client, member_client, listing, coordinator_co
):
    _organisation, location, service = listing
    add_service(member_client, listing)  # proposes the new service at this location
    addition = ProposedChange.objects.get()
    ask_removal(member_client, "location", location)
    removal = ProposedChange.objects.exclude(pk=addition.pk).get()
    client.force_login(coordinator_co)
    assert decide(client, removal, _approve="1").status_code == 302
    assert decide(client, addition, _approve="1").status_code == 302
    assert not Service.objects.get(name_es=NEW_SERVICE).locations.exists()
    url = reverse("admin:services_service_change", args=[service.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = form_data_from(page.content.decode())
    response = client.post(url, {**data, "locations": [str(location.pk)]})
    refusal = in_spanish("These locations are closed for good: %(locations)s.") % {"locations": REMOVED_LOCATION}
    assert response.status_code == 200 and refusal in response.content.decode()
    assert not service.locations.exists()


def test_a_new_location_given_no_address_visibility_is_confidential(member, bogota, listing):
    proposal = membership.proposal_add(
        organisation=listing[0], model=Location, values={"name_es": NEW_LOCATION, "city": bogota.pk}, by=member.user
    )
    assert proposal.confidential
    assert proposal.changes["address_visibility"]["after"] == Location.AddressVisibility.CONFIDENTIAL


def test_restoring_an_older_version_does_not_open_a_location_closed_for_good(
    client, member_client, listing, coordinator_co
):
    location = listing[1]
    ask_removal(member_client, "location", location)
    client.force_login(coordinator_co)
    decide(client, ProposedChange.objects.get(), _approve="1")
    oldest = location.history.order_by("history_id").first()
    url = reverse("admin:members_location_simple_history", args=[location.pk, oldest.history_id])
    page = client.get(url)
    assert page.status_code == 200
    client.post(url, {**form_data_from(page.content.decode()), "withdrawn_on": ""})
    location.refresh_from_db()
    assert location.withdrawn_on == timezone.localdate()


def test_staff_list_the_locations_closed_for_good_and_the_others(client, member_client, listing, coordinator_co):
    location = listing[1]
    ask_removal(member_client, "location", location)
    client.force_login(coordinator_co)
    decide(client, ProposedChange.objects.get(), _approve="1")
    changelist = reverse("admin:members_location_changelist")
    closed = client.get(changelist, {"withdrawn_on__isnull": "False"}).context["cl"].result_list
    still_open = client.get(changelist, {"withdrawn_on__isnull": "True"}).context["cl"].result_list
    assert list(closed) == [location]
    assert location not in still_open
    assert "?withdrawn_on__isnull=False" in client.get(changelist).content.decode()  # offered as a filter
