"""Production security: the deploy check, headers on every kind of response, no caching of forms and staff
pages, `__Host-` cookies, staff sessions that end, login lockout and the admin's second factor."""

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.rssn.test_settings import PRODUCTION_ENV, PROJECT
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's
EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "object-src": "'none'",
}
TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE_CODE = re.compile(
    r"<script\b(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


def run_manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    import os

    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key != "DEBUG"}
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def csp(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy", "")
    parts = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def assert_security_headers(response, url):
    assert csp(response) == EXPECTED_CSP, url
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"], url
    # "same-origin" rather than "no-referrer": no other host ever learns where a visitor came from, and browsers
    # still send a real Origin on the site's own forms (with "no-referrer" it is "null" and Django's CSRF check
    # refuses every form).
    assert response.headers["Referrer-Policy"] == "same-origin", url
    assert response.headers["X-Content-Type-Options"] == "nosniff", url
    assert response.headers["X-Frame-Options"] == "DENY", url
    permissions = response.headers["Permissions-Policy"]
    assert "geolocation=(self)" in permissions, url
    assert "camera=()" in permissions and "microphone=()" in permissions, url


def no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


@pytest.fixture
def listing():
    return data.public_listing()


@pytest.fixture
def staff(db):
    return UserFactory(username="staff-member", is_staff=True, is_superuser=True)


# Production settings ----------------------------------------------------------------------------------------


def deploy_check(env: dict) -> subprocess.CompletedProcess:
    """``check --deploy`` of the production settings, whose database (db.example.org) does not exist here: every
    check but the models' and the database's, which since Django 6.1 ask the server its version (the suite's own
    settings run those in ``make test``)."""
    listed = run_manage("check", "--deploy", "--list-tags", env=env)
    assert listed.returncode == 0, listed.stderr
    tags = [tag for tag in listed.stdout.split() if tag not in {"models", "database"}]
    assert "security" in tags
    return run_manage("check", "--deploy", "--fail-level", "WARNING", *(f"--tag={tag}" for tag in tags), env=env)


def test_deploy_check_passes_in_production():
    result = deploy_check(PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_when_hsts_is_turned_off():
    result = deploy_check({**PRODUCTION_ENV, "SECURE_HSTS_SECONDS": "0"})
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout


def test_production_cookies_hsts_and_redirect():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_PATH, s.CSRF_COOKIE_PATH, s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_DOMAIN, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_PROXY_SSL_HEADER, s.ADMIN_REQUIRE_2FA, s.DEBUG)"
    )
    env = {**PRODUCTION_ENV, "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto", "DJANGO_SETTINGS_MODULE": "rssn.settings"}
    import os

    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key != "DEBUG"}
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], cwd=PROJECT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "/",
        "/",
        "None",
        "None",
        "True",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True",
        "False",
    ]


def test_production_refuses_debug():
    result = run_manage("check", env={**PRODUCTION_ENV, "DEBUG": "true"})
    assert result.returncode != 0
    assert "DEBUG must be off in production" in result.stderr


def test_ssl_redirect_and_hsts_behind_a_tls_proxy(client, settings, listing):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    home = reverse("services:home")
    plain = client.get(home)
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    proxied = client.get(home, headers={"X-Forwarded-Proto": "https"})
    assert proxied.status_code == 200
    assert proxied.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_password_rules_refuse_short_common_and_numeric_passwords(staff):
    for weak in ["Short1!", "password1234", "123456789012", "staff-member1"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user=staff)
    validate_password("a long passphrase nobody guesses", user=staff)


# Headers ----------------------------------------------------------------------------------------------------


def test_security_headers_on_public_pages_errors_and_static_files(client, listing):
    urls = [
        reverse("services:home"),
        reverse("services:search") + "?q=casa",
        reverse("services:service-detail", args=[listing.pk]),
        reverse("services:service-detail", args=[999999]),
        reverse("services:join"),
        reverse("services:report-listing") + f"?service={listing.pk}",
        "/",
    ]
    for url in urls:
        assert_security_headers(client.get(url), url)


def test_security_headers_on_admin_pages(client, staff, listing):
    anonymous_login = client.get(reverse("admin:login"))
    assert_security_headers(anonymous_login, "login")
    client.force_login(staff)
    for url in [
        reverse("admin:index"),
        reverse("admin:members_organisation_changelist"),
        reverse("admin:members_organisation_change", args=[listing.organisation.pk]),
        reverse("admin:services_service_change", args=[listing.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)


def test_security_headers_on_the_api(client, listing):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert_security_headers(response, "/api/v1/")


def test_public_templates_have_no_inline_script_style_or_handler():
    """The CSP forbids inline code; a template that had some would break silently in browsers."""
    offending = []
    for template in TEMPLATES.rglob("*.html"):
        if "email" in template.parts:  # e-mails are read in mail programs, not served under the CSP
            continue
        for match in INLINE_CODE.finditer(template.read_text()):
            offending.append(f"{template.relative_to(TEMPLATES)}: {match.group(0)}")
    assert offending == []


def test_admin_pages_need_no_inline_code_but_a_cosmetic_history_style(client, staff, listing):
    """The admin works under the strict CSP as it is: Django 5.2's admin, modeltranslation's tabs and django-otp
    ship their code as files. The only inline code is simple-history's ``style="border-top: 0"`` on the history
    page's paginator: the browser ignores it and draws a border, nothing else changes, so no relaxed policy."""
    client.force_login(staff)
    organisation = listing.organisation
    urls = [
        reverse("admin:index"),
        reverse("admin:members_organisation_changelist"),
        reverse("admin:members_organisation_add"),
        reverse("admin:members_organisation_change", args=[organisation.pk]),
        reverse("admin:services_service_change", args=[listing.pk]),
        reverse("admin:members_location_changelist"),
        reverse("admin:otp_totp_totpdevice_add"),
        reverse("admin:members_organisation_history", args=[organisation.pk]),
    ]
    for url in urls:
        found = {match.group(0).strip() for match in INLINE_CODE.finditer(client.get(url).content.decode())}
        assert found <= {"style="}, url
        if found:
            assert url.endswith("/history/"), url


# No caching of forms and staff pages --------------------------------------------------------------------------


def test_forms_are_never_stored_by_the_browser(client, listing):
    for url in [
        reverse("services:join"),
        reverse("services:report-listing") + f"?service={listing.pk}",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert no_store(response), url


def test_the_verification_page_is_never_stored(client, listing):
    from members import services

    token = services.verification_token(listing.organisation)
    response = client.get(reverse("services:verify", args=[token]))
    assert response.status_code == 200
    assert no_store(response)
    assert no_store(client.get(reverse("services:verify", args=["not-a-token"])))


def test_public_pages_without_a_form_stay_cacheable(client, listing):
    for url in [reverse("services:home"), reverse("services:service-detail", args=[listing.pk])]:
        response = client.get(url)
        assert not no_store(response), url
        assert "Cookie" not in response.headers.get("Vary", ""), url


def test_admin_and_staff_pages_are_never_stored(client, staff, listing):
    assert no_store(client.get(reverse("admin:login")))
    client.force_login(staff)
    for url in [
        reverse("admin:index"),
        reverse("admin:members_organisation_changelist"),
        reverse("services:home"),  # a public page seen by a signed-in staff member
    ]:
        assert no_store(client.get(url)), url


# Sessions -----------------------------------------------------------------------------------------------------


def test_anonymous_browsing_sets_no_cookie_and_touches_no_session(client, listing):
    for url in [
        reverse("services:home"),
        reverse("services:search") + "?q=casa&near=1",
        reverse("services:service-detail", args=[listing.pk]),
        reverse("services:safety"),
        reverse("services:service-detail", args=[999999]),
    ]:
        response = client.get(url)
        assert not response.cookies, url
    assert Session.objects.count() == 0


def test_staff_session_ends_with_the_browser_and_after_inactivity(client, staff):
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    session = Session.objects.get()
    assert session.expire_date <= timezone.now() + datetime.timedelta(minutes=30)
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    # 31 minutes without a request: the session is gone and the admin asks to log in again.
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_session_is_extended_while_it_is_used(client, staff):
    client.force_login(staff)
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=2))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    assert Session.objects.get().expire_date > timezone.now() + datetime.timedelta(minutes=29)


def test_a_browser_left_with_an_expired_session_browses_anonymously_again(client, staff, listing):
    """Saving the session on every request never brings an expired one back: the stale cookie is removed."""
    client.force_login(staff)
    Session.objects.all().delete()  # expired, and cleared by clearsessions
    response = client.get(reverse("services:service-detail", args=[listing.pk]))
    assert response.status_code == 200
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert Session.objects.count() == 0


# Lockout ------------------------------------------------------------------------------------------------------


def login(client, username, password, **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index"), **extra},
    )


def test_login_is_locked_after_repeated_failures(client, staff):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, staff.username, "wrong password!").status_code == 200
    locked = login(client, staff.username, "wrong password!")
    assert locked.status_code == 429
    # Even the right password is refused while the lockout lasts.
    assert login(client, staff.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_client_behind_the_proxy(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # the test client's address: the proxy
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": staff.username, "password": "wrong password!"},
            headers={"X-Forwarded-For": "203.0.113.9"},
        )
    locked = client.post(
        reverse("admin:login"),
        {"username": staff.username, "password": PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    assert locked.status_code == 429
    other_client = client.post(
        reverse("admin:login"),
        {"username": staff.username, "password": PASSWORD, "next": reverse("admin:index")},
        headers={"X-Forwarded-For": "198.51.100.4"},
    )
    assert other_client.status_code == 302


def test_a_successful_login_before_the_limit_works(client, staff):
    login(client, staff.username, "wrong password!")
    response = login(client, staff.username, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


# Two factors --------------------------------------------------------------------------------------------------


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def current_token(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def test_admin_asks_for_a_one_time_code_when_2fa_is_required(client, settings, staff, device):
    settings.ADMIN_REQUIRE_2FA = True
    page = client.get(reverse("admin:login"))
    assert 'name="otp_token"' in page.content.decode()
    # The password alone is not enough.
    response = login(client, staff.username, PASSWORD)
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302
    # Password and a wrong code: no.
    login(client, staff.username, PASSWORD, otp_token="000000")
    assert client.get(reverse("admin:index")).status_code == 302
    # django-otp throttles a device after a wrong code (1 s, then doubling): wait it out as a person would.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    # Password and the device's current code: in.
    response = login(client, staff.username, PASSWORD, otp_token=current_token(device))
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_session_without_the_second_factor_is_not_let_into_the_admin(client, settings, staff, device):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_without_2fa_in_development_the_password_is_enough(client, settings, staff):
    settings.ADMIN_REQUIRE_2FA = False
    page = client.get(reverse("admin:login"))
    assert 'name="otp_token"' not in page.content.decode()
    assert login(client, staff.username, PASSWORD).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_2fa_defaults_on_in_production_and_off_in_development():
    assert settings.ADMIN_REQUIRE_2FA is False  # tests run with development settings
    code = "import django; django.setup(); from django.conf import settings; print(settings.ADMIN_REQUIRE_2FA)"
    import os

    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key != "DEBUG"}
    clean.pop("ADMIN_REQUIRE_2FA", None)
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**clean, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "rssn.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "True", result.stderr


def test_a_query_with_too_many_parameters_answers_400_not_500(client):
    """Django refuses more than 1,000 fields; the log filter, reading the query to redact it, must not fail again."""
    query = "&".join(f"f{number}=x" for number in range(1001))
    for url in (reverse("services:search"), reverse("services:report-listing"), reverse("admin:login")):
        assert client.get(f"{url}?{query}").status_code == 400, url


def test_the_login_page_does_not_tell_a_right_password_from_a_wrong_one(client, settings, staff, device):
    settings.ADMIN_REQUIRE_2FA = True

    def answer(password, token=""):
        response = login(client, staff.username, password, otp_token=token)
        assert response.status_code == 200
        page = response.content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)

    wrong_password = answer("wrong password!")
    right_password_no_code = answer(PASSWORD)
    right_password_wrong_code = answer(PASSWORD, "000000")
    assert wrong_password == right_password_no_code == right_password_wrong_code
    assert "Enter a correct user name, password and one-time code." in wrong_password
    assert 'name="otp_device"' not in right_password_no_code


def test_wrong_codes_count_toward_the_lockout(client, settings, staff, device):
    settings.ADMIN_REQUIRE_2FA = True
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        device.throttle_reset()
        login(client, staff.username, PASSWORD, otp_token="000000")
    device.throttle_reset()
    locked = login(client, staff.username, PASSWORD, otp_token=current_token(device))
    assert locked.status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_backup_code_logs_in_once(client, settings, staff):
    from django_otp.plugins.otp_static.models import StaticDevice

    settings.ADMIN_REQUIRE_2FA = True
    backup = StaticDevice.objects.create(user=staff, name="backup")
    backup.token_set.create(token="ab2cd3ef")
    assert login(client, staff.username, PASSWORD, otp_token="ab2cd3ef").status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    assert login(client, staff.username, PASSWORD, otp_token="ab2cd3ef").status_code == 200


def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, staff, settings):
    """TRUSTED_PROXY_COUNT=1 and the app server reached directly: a new X-Forwarded-For on each try changes
    nothing, the lockout counts the real peer."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": staff.username, "password": "wrong password!"},
            headers={"X-Forwarded-For": f"203.0.113.{attempt + 1}"},
        )
    locked = client.post(
        reverse("admin:login"),
        {"username": staff.username, "password": PASSWORD},
        headers={"X-Forwarded-For": "198.51.100.77"},
    )
    assert locked.status_code == 429
