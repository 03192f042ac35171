"""Limits on the public forms that hold: sliding windows, IPv6 networks, single-use tokens and links, pending
cities, no text of the sender's in the automatic e-mail, and proxies believed only when they are the proxies."""

import datetime
import logging
import subprocess
import sys
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import City, Organisation
from services.models import CorrectionRequest
from tests.factories import OrganisationFactory, ServiceFactory, UserFactory
from tests.members.conftest import started_seconds_ago

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def join_url(language="en"):
    from django.utils import translation

    with translation.override(language):
        return reverse("services:join")


def allowed_at(moment: datetime.datetime, address="203.0.113.7", limit=2) -> bool:
    with mock.patch("members.services.timezone.now", return_value=moment):
        return services.submission_allowed(scope="join", ip_address=address, limit=limit, window=HOUR)


# Windows and networks --------------------------------------------------------------------------------------------


def test_the_limit_is_a_sliding_hour_not_a_clock_hour():
    """Two just before 11:00 and two just after were four in a minute under clock hours."""
    before_eleven = datetime.datetime(2026, 12, 1, 10, 59, 30, tzinfo=datetime.UTC)
    assert allowed_at(before_eleven) and allowed_at(before_eleven + datetime.timedelta(seconds=10))
    assert not allowed_at(before_eleven + datetime.timedelta(seconds=50))  # 11:00:20
    assert not allowed_at(before_eleven + datetime.timedelta(minutes=59))
    # An hour after the first two, the window has slid past them.
    assert allowed_at(before_eleven + HOUR + datetime.timedelta(seconds=11))


def test_a_refused_submission_does_not_push_the_window():
    start = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)
    assert allowed_at(start, limit=1)
    for minutes in (10, 30, 50):
        assert not allowed_at(start + datetime.timedelta(minutes=minutes), limit=1)
    assert allowed_at(start + HOUR + datetime.timedelta(seconds=1), limit=1)


def test_an_ipv6_client_is_counted_by_its_64():
    now = timezone.now()
    assert allowed_at(now, "2001:db8:1:2::1", limit=1)
    assert not allowed_at(now, "2001:db8:1:2:ffff:ffff:ffff:9", limit=1)  # another address of the same line
    assert allowed_at(now, "2001:db8:1:3::1", limit=1)  # the next /64 is someone else
    assert allowed_at(now, "203.0.113.9", limit=1)
    assert not allowed_at(now, "::ffff:203.0.113.9", limit=1)  # the same IPv4 client, written as IPv6


def test_client_networks():
    assert services.client_network("203.0.113.7") == "203.0.113.7"
    assert services.client_network("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::"
    assert services.client_network("::ffff:203.0.113.7") == "203.0.113.7"
    assert services.client_network("not an address") == "not an address"


# Single-use tokens ------------------------------------------------------------------------------------------------


def test_a_join_form_is_accepted_once(client, join_data):
    assert client.post(join_url(), join_data).status_code == 302
    again = client.post(join_url(), join_data)
    assert again.status_code == 400
    assert "This form was already sent." in again.content.decode()
    assert Organisation.objects.count() == 1
    # What she typed is kept, with a new token to send it again if she means to.
    assert "Casa Refugio Ejemplo" in again.content.decode()
    assert again.context["form"].data["started"] != join_data["started"]


def test_a_report_form_is_accepted_once(client):
    service = ServiceFactory()
    url = reverse("services:report-listing") + f"?service={service.pk}"
    data = {"kind": "phone", "message": "El número ya no contesta.", "homepage": "", "started": started_seconds_ago(60)}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 400
    assert CorrectionRequest.objects.count() == 1


def test_a_spent_token_is_forgotten_only_when_it_could_no_longer_be_used():
    assert services.token_spend(token="abc", purpose="form", keep_for=datetime.timedelta(days=1))
    assert not services.token_spend(token="abc", purpose="form", keep_for=datetime.timedelta(days=1))
    later = timezone.now() + datetime.timedelta(days=1, seconds=1)
    with mock.patch("members.services.timezone.now", return_value=later):
        assert services.token_spend(token="abc", purpose="form", keep_for=datetime.timedelta(days=1))


def test_a_verification_link_sends_one_correction(client):
    organisation = OrganisationFactory()
    url = reverse("services:verify", args=[services.verification_token(organisation)])
    first = client.post(url, {"action": "correct", "message": "Cambió el teléfono."})
    assert first.status_code == 200
    second = client.post(url, {"action": "correct", "message": "Otra cosa más."})
    assert second.status_code == 400
    assert "Corrections were already sent with this link." in second.content.decode()
    assert CorrectionRequest.objects.count() == 1
    # Confirming stays possible, and another reminder's link corrects again.
    assert client.post(url, {"action": "confirm"}).status_code == 200
    other = reverse("services:verify", args=[services.verification_token(organisation)])
    assert client.post(other, {"action": "correct", "message": "Otra cosa más."}).status_code == 200
    assert CorrectionRequest.objects.count() == 2


def test_a_verification_links_token_never_reaches_a_log(client, caplog):
    from rssn.logging import RedactingFormatter, scrub

    organisation = OrganisationFactory(status=Organisation.Status.REJECTED, joined_on=None)
    token = services.verification_token(organisation)
    assert token not in scrub(f'203.0.113.0 "GET /es/verify/{token}/ HTTP/1.1" 404')
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get(reverse("services:verify", args=[token]))
    lines = [RedactingFormatter().format(record) for record in caplog.records]
    assert lines and all(token not in line for line in lines)


def test_the_gunicorn_access_line_has_no_verification_token():
    from types import SimpleNamespace

    from gunicorn.config import Config

    from rssn import gunicorn as gunicorn_settings

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", gunicorn_settings.access_log_format)
    logger = gunicorn_settings.RedactingLogger(config)
    token = "eyJvcmdhbmlzYXRpb24iOjF9:1tV7Zk:abcdefghijk"
    path = f"/es/verify/{token}/"
    environ = {"REMOTE_ADDR": "203.0.113.7", "REQUEST_METHOD": "GET", "PATH_INFO": path, "RAW_URI": path,
               "SERVER_PROTOCOL": "HTTP/1.1"}  # fmt: skip
    request = SimpleNamespace(headers=[], method="GET", path=path, query="", uri=path, version=(1, 1))
    response = SimpleNamespace(status="200 OK", headers=[], sent=1, response_length=1, status_code=200)
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.access_log.addHandler(handler)
    logger.access(response, request, environ, datetime.timedelta(milliseconds=3))
    [line] = [record.getMessage() for record in records]
    assert '"GET /es/verify/[token]/ HTTP/1.1" 200' in line


# New cities and the automatic e-mail ----------------------------------------------------------------------------


def test_a_city_typed_in_the_join_form_is_offered_only_once_the_application_is_approved(client, join_data, colombia):
    data = {
        **join_data,
        "locations-0-city": "",
        "locations-0-new_city_name": "Ciudad Inventada Por Alguien",
        "locations-0-new_city_country": str(colombia.pk),
    }
    assert client.post(join_url(), data).status_code == 302
    city = City.objects.get(name_en="Ciudad Inventada Por Alguien")
    assert city.proposed
    assert "Ciudad Inventada Por Alguien" not in client.get(join_url()).content.decode()

    staff = UserFactory(username="boss", is_staff=True, is_superuser=True)
    services.membership_approve(organisation=Organisation.objects.get(), by=staff)
    city.refresh_from_db()
    assert not city.proposed
    assert "Ciudad Inventada Por Alguien" in client.get(join_url()).content.decode()


def test_a_proposed_city_cannot_be_chosen_by_its_id(client, join_data, colombia):
    city = City.objects.create(
        country=colombia, name_en="Propuesta", latitude=4.6, longitude=-74.1, time_zone="America/Bogota", proposed=True
    )
    response = client.post(join_url(), {**join_data, "locations-0-city": str(city.pk)})
    assert response.status_code == 400
    assert not Organisation.objects.exists()


def test_the_applicants_e_mail_has_none_of_her_text(client, join_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url(), {**join_data, "name": "Gana dinero fácil en www.spam.example"})
    [receipt] = [message for message in mail.outbox if message.to == [join_data["contact_email"]]]
    for part in (receipt.subject, receipt.body, receipt.alternatives[0][0]):
        assert "spam.example" not in part and join_data["contact_name"] not in part


# Proxies ---------------------------------------------------------------------------------------------------------


def test_a_forged_forwarded_for_from_a_direct_client_is_not_believed(client, join_data, settings):
    """TRUSTED_PROXY_COUNT=1, and someone reaches the app server directly, writing a new address each time."""
    settings.SUBMISSION_LIMITS = {"join": 1}
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    direct = {"REMOTE_ADDR": "198.51.100.23"}
    first = client.post(join_url(), join_data, HTTP_X_FORWARDED_FOR="203.0.113.1", **direct)
    assert first.status_code == 302
    again = {**join_data, "started": started_seconds_ago(60)}
    second = client.post(join_url(), again, HTTP_X_FORWARDED_FOR="203.0.113.2", **direct)
    assert second.status_code == 400
    assert "Too many forms were sent from your connection." in second.content.decode()


def start(env: dict) -> subprocess.CompletedProcess:
    """Load the settings in a process of its own, with this environment."""
    from tests.rssn.test_settings import PROJECT

    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT,
        env={"DJANGO_SETTINGS_MODULE": "rssn.settings", "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_trusting_forwarded_addresses_needs_the_proxies_addresses():
    refused = start({"TRUSTED_PROXY_COUNT": "1"})
    assert refused.returncode != 0
    assert "TRUSTED_PROXY_COUNT needs TRUSTED_PROXIES" in refused.stderr
    assert start({"TRUSTED_PROXY_COUNT": "1", "TRUSTED_PROXIES": "10.0.0.1, 192.0.2.0/24"}).returncode == 0
    misspelt = start({"TRUSTED_PROXY_COUNT": "1", "TRUSTED_PROXIES": "nginx"})
    assert "TRUSTED_PROXIES must list IP addresses or networks" in misspelt.stderr
