"""Logs keep no search terms, coordinates or full IP addresses, and errors still say where they happened."""

import logging

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from rssn import gunicorn as gunicorn_settings
from rssn.logging import RedactingFilter, anonymise_ip, scrub
from services import views
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SEARCH = "/es/search/?q=refugio+secreto+zzq&near=4.6123,-74.0812&lat=4.6123&lon=-74.0812"


def test_ip_addresses_are_cut_to_their_network():
    assert anonymise_ip("203.0.113.77") == "203.0.113.0"
    assert anonymise_ip("2001:db8:85a3:1234:5678:8a2e:370:7334") == "2001:db8:85a3::"
    assert anonymise_ip("not an address") == "-"


def test_scrub_removes_queries_coordinates_and_addresses():
    line = f'203.0.113.77 "GET {SEARCH} HTTP/1.1" 200 from 2001:db8:85a3:1234::1 at 12:30:45, point 4,6123;-74,0812'
    clean = scrub(line)
    for secret in ["refugio", "zzq", "4.6123", "4,6123", "74.0812", "203.0.113.77", "1234"]:
        assert secret not in clean
    assert '"GET /es/search/ HTTP/1.1" 200' in clean
    assert "203.0.113.0" in clean and "2001:db8:85a3::" in clean and "12:30:45" in clean


def test_the_development_server_logs_a_search_without_its_query(caplog):
    """django.server logs the request line; the configured filter leaves the path alone."""
    caplog.set_level(logging.INFO, logger="django.server")
    logging.getLogger("django.server").info('"%s" %s %s', f"GET {SEARCH} HTTP/1.1", "200", "5120")
    [record] = [record for record in caplog.records if record.name == "django.server"]
    assert record.getMessage() == '"GET /es/search/ HTTP/1.1" 200 5120'


def search_pattern(patterns=None):
    """The URL pattern of the search page (it holds the view function itself)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if getattr(pattern, "name", None) == "search" and pattern.callback is views.search:
            return pattern
        found = search_pattern(pattern.url_patterns) if hasattr(pattern, "url_patterns") else None
        if found:
            return found
    return None


def test_an_error_in_a_search_is_logged_with_context_and_without_the_query(caplog, monkeypatch):
    def broken_search(request):
        raise ValueError(f"could not search for {request.GET.get('q')} near {request.GET.get('near')}")

    monkeypatch.setattr(search_pattern(), "callback", broken_search)

    client = Client(raise_request_exception=False, REMOTE_ADDR="198.51.100.23")
    response = client.get(SEARCH)
    assert response.status_code == 500
    [record] = [record for record in caplog.records if record.name == "django.request"]
    message = record.getMessage()
    text = message + (record.exc_text or "")
    for secret in ["refugio", "zzq", "4.6123", "74.0812", "198.51.100.23"]:
        assert secret not in text
    assert "Internal Server Error: /es/search/" in message
    assert "view=services:search method=GET path=/es/search/ user=- client=198.51.100.0" in message
    assert "ValueError" in record.exc_text
    assert record.request is None


def test_a_staff_members_error_names_her_id(caplog, monkeypatch):
    staff = UserFactory(is_staff=True)
    from django.test import RequestFactory

    http_request = RequestFactory().get(reverse("services:search") + "?q=zzq")
    http_request.user = staff
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Boom: %s", ("/es/search/?q=zzq",), None)
    record.request = http_request
    RedactingFilter().filter(record)
    assert f"user={staff.pk}" in record.getMessage()
    assert "zzq" not in record.getMessage()


def test_gunicorn_access_log_has_no_query_and_no_full_address():
    from types import SimpleNamespace

    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", gunicorn_settings.access_log_format)
    logger = gunicorn_settings.RedactingLogger(config)
    environ = {
        "REMOTE_ADDR": "203.0.113.77",
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/es/search/",
        "QUERY_STRING": "q=zzq&near=4.6123,-74.0812",
        "RAW_URI": SEARCH,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    request = SimpleNamespace(headers=[], method="GET", path="/es/search/", query="q=zzq", uri=SEARCH, version=(1, 1))
    response = SimpleNamespace(status="200 OK", headers=[], sent=512, response_length=512, status_code=200)
    import datetime

    atoms = logger.atoms(response, request, environ, datetime.timedelta(milliseconds=12))
    line = gunicorn_settings.access_log_format % atoms
    assert "zzq" not in line and "4.6123" not in line and "203.0.113.77" not in line
    assert line.startswith("203.0.113.0 ")
    assert '"GET /es/search/ HTTP/1.1" 200' in line
