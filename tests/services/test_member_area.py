"""The member area (/<lang>/account/) and reviewed changes: a member of an organisation signs in, edits her
listing, and nothing of it is public until a coordinator of its countries approves it."""

import io
import json
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from members import services as membership
from members.models import Location, OrganisationMember, ProposedChange
from services.models import Service
from tests.factories import LanguageFactory, LocationFactory, OrganisationFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NEW_NAME = "Asesoría jurídica renovada"
SECRET_STREET = "Calle Oculta 77 Casa 2"


@pytest.fixture
def listing(colombia, bogota):
    organisation = OrganisationFactory(name_es="Casa Ejemplo", countries=[colombia])
    location = LocationFactory(organisation=organisation, city=bogota, name_es="Sede Centro")
    service = ServiceFactory(organisation=organisation, name_es="Asesoría jurídica", locations=[location])
    return organisation, location, service


@pytest.fixture
def member(listing):
    organisation = listing[0]
    user = UserFactory(username="marta@casa.example.org", email="marta@casa.example.org", is_staff=False)
    return OrganisationMember.objects.create(user=user, organisation=organisation, language="pt")


def sign_in(client, email, password=PASSWORD, code="", **headers):
    return client.post(
        reverse("account:sign-in"), {"username": email, "password": password, "otp_token": code}, headers=headers
    )


def edit_url(kind, record=None):
    return (
        reverse("account:organisation") if kind == "organisation" else reverse("account:edit", args=[kind, record.pk])
    )


def form_data(client, url) -> dict:
    """The form's fields as the page shows them (what a browser would send back unchanged)."""
    html = client.get(url).content.decode()
    data = {}
    for tag in re.findall(r"<(?:input|textarea|select)[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or name.group(1) == "csrfmiddlewaretoken":
            continue
        name = name.group(1)
        if tag.startswith("<textarea"):
            body = re.search(re.escape(tag) + r"(.*?)</textarea>", html, re.S)
            data[name] = body.group(1).strip("\n") if body else ""
        elif tag.startswith("<select"):
            block = re.search(re.escape(tag) + r"(.*?)</select>", html, re.S).group(1)
            chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', block)
            data[name] = chosen[0] if chosen else ""
        elif 'type="checkbox"' in tag:
            if "checked" in tag:
                value = re.search(r'value="([^"]*)"', tag)
                data.setdefault(name, []).append(value.group(1) if value else "on")
        else:
            value = re.search(r'value="([^"]*)"', tag)
            data[name] = value.group(1) if value else ""
    import html as html_lib

    return {
        key: [html_lib.unescape(item) for item in value] if isinstance(value, list) else html_lib.unescape(value)
        for key, value in data.items()
    }


# Signing in ---------------------------------------------------------------------------------------------------------


def test_the_sign_in_page_sets_no_cookie_until_a_member_signs_in(client, member):
    redirected = client.get(reverse("account:home"))
    assert redirected["Location"] == reverse("account:sign-in") and not redirected.cookies
    response = client.get(reverse("account:sign-in"))
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    failed = sign_in(client, member.user.email, "wrong password!")
    assert failed.status_code == 200 and not failed.cookies
    assert "Enter a correct e-mail address and password" in failed.content.decode()
    response = sign_in(client, member.user.email)
    assert response.status_code == 302 and response["Location"] == reverse("account:home")
    assert settings.SESSION_COOKIE_NAME in response.cookies
    home = client.get(reverse("account:home"))
    assert home.status_code == 200
    assert "Casa Ejemplo" in home.content.decode()
    assert "no-store" in home["Cache-Control"]


def test_sign_in_from_another_site_is_refused(client, member):
    response = sign_in(client, member.user.email, **{"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_sign_in_is_locked_after_repeated_failures_as_staff_login_is(client, member):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, member.user.email, "wrong password!").status_code == 200
    assert sign_in(client, member.user.email, "wrong password!").status_code == 429
    assert sign_in(client, member.user.email).status_code == 429  # even the right password
    assert "_auth_user_id" not in client.session


def test_the_member_session_ends_with_the_browser_and_after_inactivity(client, member):
    sign_in(client, member.user.email)
    cookie = client.get(reverse("account:home")).cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    assert client.get(reverse("account:home"))["Location"] == reverse("account:sign-in")


def test_staff_cannot_use_the_member_area_and_members_never_reach_the_admin(client, member, coordinator_co):
    assert sign_in(client, coordinator_co.username).status_code == 200  # refused: staff use the admin
    assert "_auth_user_id" not in client.session
    sign_in(client, member.user.email)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    assert not member.user.is_staff


def test_two_step_sign_in_for_members(client, member):
    sign_in(client, member.user.email)
    page = client.get(reverse("account:two-step"))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=member.user)
    wrong = client.post(reverse("account:two-step"), {"otp_token": "000000"})
    assert "This code is not right" in wrong.content.decode()
    TOTPDevice.objects.update(throttling_failure_count=0)  # a failure makes the next try wait a second
    code = f"{totp(device.bin_key):06d}"
    assert client.post(reverse("account:two-step"), {"otp_token": code}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    client.post(reverse("account:sign-out"))
    other = Client()
    assert sign_in(other, member.user.email).status_code == 200  # the password alone is not enough now
    assert "_auth_user_id" not in other.session
    device.refresh_from_db()
    device.last_t = -1
    device.throttling_failure_count = 0
    device.save()
    assert sign_in(other, member.user.email, code=f"{totp(device.bin_key):06d}").status_code == 302


def test_a_revoked_member_is_signed_out_and_cannot_sign_in(client, member, coordinator_co):
    sign_in(client, member.user.email)
    membership.member_revoke(member=member, by=coordinator_co)
    assert client.get(reverse("account:home"))["Location"] == reverse("account:sign-in")
    assert sign_in(Client(), member.user.email).status_code == 200  # refused


def test_sign_out(client, member):
    sign_in(client, member.user.email)
    client.post(reverse("account:sign-out"))
    assert client.get(reverse("account:home"))["Location"] == reverse("account:sign-in")


# Passwords ----------------------------------------------------------------------------------------------------------


def test_password_reset_sends_a_single_use_link_and_says_the_same_for_unknown_addresses(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account:password-reset"), {"email": "nadie@example.org"})
    assert response.status_code == 200 and not mail.outbox and not response.cookies
    answer = response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account:password-reset"), {"email": member.user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/account/password/\S+/", mail.outbox[0].body).group(0)
    path = link.split("8000", 1)[-1]
    assert client.get(path).status_code == 200
    new = "otra clave muy larga 2026"
    assert client.post(path, {"new_password1": new, "new_password2": new}).status_code == 200
    member.user.refresh_from_db()
    assert member.user.check_password(new)
    assert client.get(path).status_code == 404  # used once
    assert "This link no longer works" in client.get(path).content.decode()
    assert "If this address belongs to a member account" in answer


# The listing's pages --------------------------------------------------------------------------------------------


def test_the_four_language_versions_are_side_by_side_and_the_missing_ones_marked(client, member, listing):
    sign_in(client, member.user.email)
    html = client.get(edit_url("service", listing[2])).content.decode()
    for suffix in ("es", "pt", "en", "ind"):
        assert f'name="name_{suffix}"' in html
    names = html[html.index('name="name_es"') - 600 : html.index('name="name_ind"')]
    assert names.count('class="missing"') == 3  # pt, en and id have no name yet
    assert 'lang="pt"' in html


def test_a_member_opens_only_her_organisation(client, member, listing, colombia, bogota):
    other = OrganisationFactory(countries=[colombia])
    other_service = ServiceFactory(organisation=other)
    other_location = LocationFactory(organisation=other, city=bogota, confidential=True, street_address=SECRET_STREET)
    sign_in(client, member.user.email)
    assert client.get(edit_url("service", other_service)).status_code == 404
    response = client.get(edit_url("location", other_location))
    assert response.status_code == 404 and SECRET_STREET not in response.content.decode()
    assert client.get(reverse("account:edit", args=["country", colombia.pk])).status_code == 404


def propose_service_name(client, service, name=NEW_NAME, **extra):
    url = edit_url("service", service)
    data = {**form_data(client, url), "name_es": name, **extra}
    return client.post(url, data)


def test_a_members_edit_is_saved_as_a_proposal_and_nothing_is_public_before_approval(client, member, listing):
    organisation, _location, service = listing
    sign_in(client, member.user.email)
    response = propose_service_name(client, service)
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = ProposedChange.objects.get()
    assert proposal.status == ProposedChange.Status.PENDING and proposal.proposed_by == member.user
    assert proposal.changes == {"name_es": {"before": "Asesoría jurídica", "after": NEW_NAME}}
    service.refresh_from_db()
    assert service.name_es == "Asesoría jurídica"
    anonymous = Client()
    for url in (
        reverse("services:service-detail", args=[service.pk]),
        reverse("services:organisation-detail", args=[organisation.slug]),
        reverse("services:search") + "?q=renovada",
        f"/api/v1/services/{service.pk}/",
        "/api/v1/services/?q=renovada",
    ):
        assert NEW_NAME not in anonymous.get(url).content.decode(), url
    out = io.StringIO()
    call_command("export_hsds", "-", stdout=out)
    assert NEW_NAME not in out.getvalue()


def test_a_second_edit_continues_the_waiting_proposal(client, member, listing):
    service = listing[2]
    sign_in(client, member.user.email)
    propose_service_name(client, service)
    propose_service_name(client, service, name="Otro nombre")
    proposal = ProposedChange.objects.get()
    assert proposal.revision == 2 and proposal.changes["name_es"]["after"] == "Otro nombre"


def test_two_members_cannot_overwrite_each_other_silently(member, listing):
    service = listing[2]
    colleague_user = UserFactory(username="ana@casa.example.org", email="ana@casa.example.org")
    OrganisationMember.objects.create(user=colleague_user, organisation=member.organisation)
    first, second = Client(), Client()
    sign_in(first, member.user.email)
    sign_in(second, colleague_user.email)
    url = edit_url("service", service)
    first_form, second_form = form_data(first, url), form_data(second, url)
    assert first.post(url, {**first_form, "name_es": NEW_NAME}).status_code == 302
    response = second.post(url, {**second_form, "description_es": "Texto largo que escribió Ana"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved a change to this page while you were editing it" in html
    assert "Texto largo que escribió Ana" in html  # nothing she typed is lost
    proposal = ProposedChange.objects.get()
    assert proposal.revision == 1 and "description_es" not in proposal.changes
    # Sending again, knowingly, continues the proposal.
    again = form_data_from(html)
    assert second.post(url, again).status_code == 302
    assert ProposedChange.objects.get().revision == 2


def form_data_from(html: str) -> dict:
    class Page:
        def get(self, url):
            return type("R", (), {"content": html.encode()})()

    return form_data(Page(), "")


def test_bad_input_is_said_clearly_and_nothing_typed_is_lost(client, member, listing):
    location = listing[1]
    sign_in(client, member.user.email)
    url = edit_url("location", location)
    data = {**form_data(client, url), "hours_note_es": "Cerrado los festivos", "opening_hours-0-weekday": "1"}
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give the day, the opening and the closing time" in html
    assert "Cerrado los festivos" in html
    assert not ProposedChange.objects.exists()


@pytest.mark.parametrize(("kind", "prefix", "most"), [("location", "opening_hours", 50), ("service", "channels", 20)])
def test_a_forged_number_of_rows_is_refused_without_building_them(client, member, listing, kind, prefix, most):
    """A count of rows no page shows is refused with a clear error, what was typed kept, and builds no more rows
    than the page shows at most (Django's default: a thousand more)."""
    record = listing[1] if kind == "location" else listing[2]
    sign_in(client, member.user.email)
    url = edit_url(kind, record)
    note = "hours_note_es" if kind == "location" else "description_es"
    data = {**form_data(client, url), note: "Cerrado los festivos", f"{prefix}-TOTAL_FORMS": "99999999999999999999"}
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Please submit at most {most} forms." in html
    assert "Cerrado los festivos" in html
    assert len(response.context["formsets"][prefix].forms) <= most
    assert not ProposedChange.objects.exists()


def test_opening_hours_languages_populations_and_channels_are_proposed_too(client, member, listing):
    _organisation, location, service = listing
    language = LanguageFactory()
    sign_in(client, member.user.email)
    url = edit_url("location", location)
    data = {
        **form_data(client, url),
        "opening_hours-0-weekday": "2",
        "opening_hours-0-opens": "09:00",
        "opening_hours-0-closes": "17:00",
    }
    assert client.post(url, data).status_code == 302
    url = edit_url("service", service)
    data = {
        **form_data(client, url),
        "languages": [str(language.pk)],
        "channels-0-kind": "whatsapp",
        "channels-0-address": "+57 300 555 0123",
    }
    assert client.post(url, data).status_code == 302, client.post(url, data).content.decode()[:2000]
    hours = ProposedChange.objects.for_record(location).get()
    assert hours.changes["opening_hours"]["after"] == [[2, "09:00", "17:00"]]
    changes = ProposedChange.objects.for_record(service).get().changes
    assert changes["languages"]["after"] == [language.pk]
    assert changes["channels"]["after"][0]["kind"] == "whatsapp"
    assert changes["channels"]["after"][0]["address"].startswith("+57300")


# Review -------------------------------------------------------------------------------------------------------------


def test_a_coordinator_sees_before_and_after_and_approval_publishes(
    client, member, listing, coordinator_co, django_capture_on_commit_callbacks
):
    _organisation, _location, service = listing
    member_client = Client()
    sign_in(member_client, member.user.email)
    propose_service_name(member_client, service)
    proposal = ProposedChange.objects.get()
    client.force_login(coordinator_co)
    page = client.get(reverse("admin:members_proposedchange_change", args=[proposal.pk])).content.decode()
    assert "Asesoría jurídica" in page and NEW_NAME in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:members_proposedchange_change", args=[proposal.pk]), {"_approve": "1"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.APPROVED and proposal.decided_by == coordinator_co
    service.refresh_from_db()
    assert service.name_es == NEW_NAME
    assert service.last_verified_on == timezone.localdate()
    assert service.organisation.last_verified_on == timezone.localdate()
    record = service.history.filter(name_es=NEW_NAME).order_by("history_date").first()
    assert record.history_user == coordinator_co and str(proposal.pk) in record.history_change_reason
    assert NEW_NAME in Client().get(reverse("services:service-detail", args=[service.pk])).content.decode()
    assert [message.to for message in mail.outbox] == [[member.user.email]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "pt"  # her language
    # The listing's history on the organisation's page shows the decision, who and when.
    history = client.get(reverse("admin:members_organisation_change", args=[service.organisation.pk]))
    assert "coordinator-co" in history.content.decode()


def test_rejection_needs_a_reason_which_the_member_reads_in_her_language(
    client, member, listing, coordinator_co, django_capture_on_commit_callbacks
):
    service = listing[2]
    member_client = Client()
    sign_in(member_client, member.user.email)
    propose_service_name(member_client, service)
    proposal = ProposedChange.objects.get()
    client.force_login(coordinator_co)
    url = reverse("admin:members_proposedchange_change", args=[proposal.pk])
    response = client.post(url, {"_reject": "1", "reason": ""})
    assert response.status_code == 200 and "Say why the change is not published" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        rejected = client.post(url, {"_reject": "1", "reason": "O nome não corresponde ao registro."})
    assert rejected.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.REJECTED
    service.refresh_from_db()
    assert service.name_es == "Asesoría jurídica"
    assert "O nome não corresponde ao registro." in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == "pt"
    assert "O nome não corresponde" in member_client.get(reverse("account:home")).content.decode()


def test_a_coordinator_of_another_country_can_neither_see_nor_decide(client, member, listing, coordinator_ec):
    member_client = Client()
    sign_in(member_client, member.user.email)
    propose_service_name(member_client, listing[2])
    proposal = ProposedChange.objects.get()
    client.force_login(coordinator_ec)
    url = reverse("admin:members_proposedchange_change", args=[proposal.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"_approve": "1"}).status_code == 403
    assert NEW_NAME not in client.get(reverse("admin:members_proposedchange_changelist")).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.PENDING


def test_approval_is_refused_when_the_listing_changed_since(member, listing, coordinator_co):
    service = listing[2]
    values = membership.proposal_values(service)
    proposal = membership.proposal_submit(
        record=service, values={**values, "name_es": NEW_NAME}, version=membership.proposal_version(service),
        by=member.user,
    )  # fmt: skip
    Service.objects.filter(pk=service.pk).update(name_es="Cambiado por el personal")
    with pytest.raises(Exception, match="changed since this proposal"):
        membership.proposal_approve(proposal=proposal, by=coordinator_co)
    service.refresh_from_db()
    assert service.name_es == "Cambiado por el personal"


def test_a_proposed_address_stays_as_confidential_as_the_address(client, member, listing, coordinator_co):
    _organisation, location, service = listing
    Location.objects.filter(pk=location.pk).update(address_visibility=Location.AddressVisibility.CONFIDENTIAL)
    location.refresh_from_db()
    member_client = Client()
    sign_in(member_client, member.user.email)
    url = edit_url("location", location)
    response = member_client.post(url, {**form_data(member_client, url), "street_address": SECRET_STREET})
    assert response.status_code == 302
    proposal = ProposedChange.objects.get()
    assert proposal.confidential
    anonymous = Client()
    public = [
        reverse("services:service-detail", args=[service.pk]),
        reverse("services:search") + "?q=Oculta",
        f"/api/v1/services/{service.pk}/",
    ]
    for page in public:
        assert SECRET_STREET not in anonymous.get(page).content.decode(), page
    client.force_login(coordinator_co)
    client.post(reverse("admin:members_proposedchange_change", args=[proposal.pk]), {"_approve": "1"})
    location.refresh_from_db()
    assert location.street_address == SECRET_STREET and location.is_confidential
    for page in public:
        assert SECRET_STREET not in anonymous.get(page).content.decode(), page
    out = io.StringIO()
    call_command("export_hsds", "-", stdout=out)
    assert SECRET_STREET not in out.getvalue()
    assert SECRET_STREET not in "".join(message.body for message in mail.outbox)


# Invitations --------------------------------------------------------------------------------------------------------


def test_staff_invite_from_the_admin_and_the_link_sets_a_password_once(
    client, listing, coordinator_co, django_capture_on_commit_callbacks
):
    organisation = listing[0]
    client.force_login(coordinator_co)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:members_organisationmember_add"),
            {"organisation": organisation.pk, "email": "Nueva@Casa.example.org", "language": "id"},
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    member = OrganisationMember.objects.get()
    assert member.user.email == "nueva@casa.example.org" and not member.user.is_staff
    assert not member.user.has_usable_password()
    message = mail.outbox[0]
    assert message.to == ["nueva@casa.example.org"] and message.extra_headers["Content-Language"] == "id"
    link = re.search(r"https?://\S+/welcome/\S+/", message.body).group(0)
    path = link.split("8000", 1)[-1]
    assert path.startswith("/id/account/welcome/")
    anonymous = Client()
    page = anonymous.get(path)
    assert page.status_code == 200 and not page.cookies
    password = "kata sandi yang panjang 2026"
    done = anonymous.post(path, {"new_password1": password, "new_password2": password})
    assert done.status_code == 200 and not done.cookies
    assert anonymous.get(path).status_code == 404  # single use
    assert anonymous.post(path, {"new_password1": "x" * 20, "new_password2": "x" * 20}).status_code == 404
    assert sign_in(anonymous, "nueva@casa.example.org", password).status_code == 302
    # The organisation's admin page lists its member accounts.
    assert (
        "nueva@casa.example.org"
        in client.get(reverse("admin:members_organisation_change", args=[organisation.pk])).content.decode()
    )


def test_an_invitation_expires(listing, coordinator_co, settings, monkeypatch):
    member = membership.member_invite(
        organisation=listing[0], email="x@casa.example.org", language="es", by=coordinator_co
    )
    uid, token = membership.invitation_path(member).rstrip("/").split("/")[-2:]
    assert membership.member_from_invitation(uid, token) == member
    later = membership.invitation_tokens._now() + timezone.timedelta(days=settings.MEMBER_INVITATION_DAYS, hours=1)
    monkeypatch.setattr(membership.invitation_tokens, "_now", lambda: later)
    assert membership.member_from_invitation(uid, token) is None
    assert membership.member_from_invitation(uid, token[:-2] + "00") is None


def test_only_staff_of_the_organisations_countries_invite_and_never_a_staff_account(
    listing, coordinator_ec, coordinator_co, editor
):
    from django.core.exceptions import PermissionDenied, ValidationError

    organisation = listing[0]
    with pytest.raises(PermissionDenied):
        membership.member_invite(organisation=organisation, email="a@example.org", language="es", by=coordinator_ec)
    with pytest.raises(PermissionDenied):
        membership.member_invite(organisation=organisation, email="a@example.org", language="es", by=editor)
    with pytest.raises(ValidationError):
        membership.member_invite(organisation=organisation, email=editor.email, language="es", by=coordinator_co)
    assert not get_user_model().objects.filter(email="a@example.org").exists()


def test_staff_revoke_access_from_the_admin(client, member, coordinator_co):
    client.force_login(coordinator_co)
    response = client.post(
        reverse("admin:members_organisationmember_changelist"),
        {"action": "revoke", "_selected_action": [member.pk]},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.revoked_at is not None and member.revoked_by == coordinator_co
    assert not member.user.is_active


def test_the_api_and_the_public_pages_know_nothing_of_member_accounts(member, listing):
    body = Client().get(f"/api/v1/services/{listing[2].pk}/").content.decode()
    assert member.user.email not in body
    assert "marta@" not in json.dumps(json.loads(body))


def test_a_proposal_for_a_record_deleted_since_cannot_be_approved(client, member, listing, coordinator_co):
    _organisation, location, service = listing
    values = membership.proposal_values(location)
    proposal = membership.proposal_submit(
        record=location, values={**values, "phone": "+57 601 555 0188"}, version=membership.proposal_version(location),
        by=member.user,
    )  # fmt: skip
    service.locations.clear()
    location.delete()
    client.force_login(coordinator_co)
    url = reverse("admin:members_proposedchange_change", args=[proposal.pk])
    response = client.post(url, {"_approve": "1"})
    assert response.status_code == 200 and "no longer exists" in response.content.decode()
    assert client.post(url, {"_reject": "1", "reason": "La sede cerró."}).status_code == 302
