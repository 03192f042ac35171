# ruff: noqa: F811  (the member area's fixtures, imported below, are the tests' arguments)
"""A signed-in member changes her password and turns two-step sign-in off and on again; each needs what a session
alone does not give (her current password, a current code), so a session left open cannot take them over."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.services.test_member_area import PASSWORD, listing, member, sign_in  # noqa: F401

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "una clave nueva y larga 2026"


def _current_code(device) -> str:
    """The code her app shows now, usable at once (a failure just before makes django-otp wait a moment)."""
    device.refresh_from_db()
    device.last_t = -1
    device.throttling_failure_count = 0
    device.save()
    return f"{totp(device.bin_key):06d}"


@pytest.fixture
def device(member):
    """Her authenticator app, set up, and a backup-code device."""
    StaticDevice.objects.create(user=member.user, name="backup", confirmed=True)
    return TOTPDevice.objects.create(user=member.user, name="app", confirmed=True)


@pytest.fixture
def signed_in(client, member, device):
    assert sign_in(client, member.user.email, code=_current_code(device)).status_code == 302
    return client


# Changing the password ----------------------------------------------------------------------------------------------


def test_a_member_changes_her_password_with_the_current_one_and_stays_signed_in(client, member):
    other_session = Client()
    sign_in(other_session, member.user.email)
    sign_in(client, member.user.email)
    url = reverse("account:password-change")
    assert f'href="{url}"' in client.get(reverse("account:home")).content.decode()
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == reverse("account:home")
    home = client.get(reverse("account:home"))
    assert home.status_code == 200 and "Your password was changed." in home.content.decode()
    assert other_session.get(reverse("account:home"))["Location"] == reverse("account:sign-in")  # signed out there
    assert sign_in(Client(), member.user.email, PASSWORD).status_code == 200  # the old one no longer works
    assert sign_in(Client(), member.user.email, NEW_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("language", "wrong_current", "mismatch"),
    [
        ("en", "Your old password was entered incorrectly", "The two password fields didn"),
        ("es", "Su contraseña antigua es incorrecta", "Los dos campos de contraseña no coinciden"),
    ],
)
def test_a_wrong_current_password_or_two_different_new_ones_are_refused_in_her_language(
    client, member, language, wrong_current, mismatch
):
    sign_in(client, member.user.email)
    url = f"/{language}" + reverse("account:password-change")[3:]
    wrong = client.post(url, {"old_password": "not mine", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert wrong.status_code == 200 and wrong_current in wrong.content.decode()
    different = client.post(url, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": "other"})
    assert different.status_code == 200 and mismatch in different.content.decode()
    member.user.refresh_from_db()
    assert member.user.check_password(PASSWORD)


def test_only_a_member_changes_a_password_here(client, member, coordinator_co):
    url = reverse("account:password-change")
    assert client.get(url)["Location"] == reverse("account:sign-in")
    client.force_login(coordinator_co)
    data = {"old_password": "x", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    assert client.post(url, data)["Location"] == reverse("account:sign-in")


# Turning two-step sign-in off ---------------------------------------------------------------------------------------


def test_turning_two_step_sign_in_off_needs_her_password_and_a_current_code(signed_in, member, device):
    page = signed_in.get(reverse("account:two-step")).content.decode()
    assert "Turn off two-step sign-in" in page and f'action="{reverse("account:two-step-off")}"' in page
    url = reverse("account:two-step-off")
    refused = "Enter your current password and the code your authenticator app shows now."
    for data in (
        {"password": PASSWORD, "otp_token": "000000"},
        {"password": "not my password", "otp_token": _current_code(device)},
        {"password": PASSWORD, "otp_token": ""},
        {"password": "", "otp_token": _current_code(device)},
    ):
        response = signed_in.post(url, data)
        assert response.status_code == 200, data
        html = response.content.decode()
        assert refused in html or "This field is required." in html, data
        assert 'name="password"' in html and 'name="otp_token"' in html  # the form again, to try once more
        assert TOTPDevice.objects.filter(user=member.user).exists()
    assert signed_in.get(url).status_code == 405  # only a form sent changes it

    done = signed_in.post(url, {"password": PASSWORD, "otp_token": _current_code(device)})
    assert done.status_code == 302 and done["Location"] == reverse("account:home")
    assert not TOTPDevice.objects.filter(user=member.user).exists()
    assert not StaticDevice.objects.filter(user=member.user).exists()
    home = signed_in.get(reverse("account:home")).content.decode()
    assert "Two-step sign-in is off" in home and reverse("account:two-step") in home
    signed_in.post(reverse("account:sign-out"))
    assert sign_in(Client(), member.user.email).status_code == 302  # the password alone, now


def test_she_can_set_two_step_sign_in_up_again_after_turning_it_off(signed_in, member, device):
    signed_in.post(reverse("account:two-step-off"), {"password": PASSWORD, "otp_token": _current_code(device)})
    page = signed_in.get(reverse("account:two-step"))
    assert "<svg" in page.content.decode()
    again = TOTPDevice.objects.get(user=member.user, confirmed=False)
    assert signed_in.post(reverse("account:two-step"), {"otp_token": _current_code(again)}).status_code == 302
    again.refresh_from_db()
    assert again.confirmed and again.bin_key != device.bin_key  # a new key: the old app's codes are of no use
    assert sign_in(Client(), member.user.email).status_code == 200  # a code is needed again


def test_a_refusal_is_said_in_her_language(signed_in, device):
    response = signed_in.post("/es" + reverse("account:two-step-off")[3:], {"password": "x", "otp_token": "123456"})
    assert "Ingrese su contraseña actual y el código" in response.content.decode()


def test_a_wrong_password_here_counts_toward_the_sign_in_lockout(signed_in, member, device, settings):
    from axes.models import AccessAttempt

    url = reverse("account:two-step-off")
    signed_in.post(url, {"password": "guess one", "otp_token": "123456"})
    assert AccessAttempt.objects.filter(username=member.user.email).get().failures_since_start == 1


def test_without_two_step_sign_in_there_is_nothing_to_turn_off(client, member):
    sign_in(client, member.user.email)
    response = client.post(reverse("account:two-step-off"), {"password": PASSWORD, "otp_token": "123456"})
    assert response["Location"] == reverse("account:two-step")
    assert Client().post(reverse("account:two-step-off"))["Location"] == reverse("account:sign-in")
