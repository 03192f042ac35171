"""An emergency edit shows at once in every process: two app servers (gunicorn, production settings, the default
cache) on one database, a location made confidential, and the next response of each carries no street.

The servers run as real processes on a database file of their own (a fresh SQLite file, migrated here): what is
tested is what each process keeps between requests, which no in-process test client can show.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from unittest import mock

import pytest

from rssn import gunicorn as gunicorn_settings
from tests.rssn.test_settings import PRODUCTION_ENV, PROJECT

STREET = "Carrera de la Prueba 12-34"
GUNICORN = Path(sys.executable).parent / "gunicorn"

SETUP = f"""
from tests.services import directory_data as data
listing = data.public_listing()
location = listing.locations.get()
location.street_address = {STREET!r}
location.save()
"""
SWITCH = f"""
from members.models import Location
location = Location.objects.get(street_address={STREET!r})
location.address_visibility = Location.AddressVisibility.CONFIDENTIAL
location.save()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(database: Path, **extra) -> dict:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key not in ("DEBUG", "CACHE_URL", "DATABASE_URL")
    }
    return {
        **clean,
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "GUNICORN_WORKERS": "1",
        "DJANGO_SETTINGS_MODULE": "rssn.settings",
        **extra,
    }


def manage(env: dict, *args: str) -> None:
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - a local test server
        return response.read().decode()


def wait_for(url: str, server: subprocess.Popen, log: Path, within: float = 120) -> None:
    """Until the server answers ``url``, for ``within`` seconds in all (each try waits a few seconds at most)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text()}")
        try:
            get(url, timeout=5)
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{url} did not answer within {within} s: {log.read_text()}")


@pytest.fixture
def database(tmp_path) -> Path:
    """A migrated database with one public listing, and the production default cache's table."""
    database = tmp_path / "directory.sqlite3"
    env = environment(database)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "shell", "-c", SETUP)
    return database


@pytest.mark.slow
@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed beside the interpreter")
def test_a_confidential_switch_shows_in_the_next_response_of_every_app_server(database, tmp_path):
    servers, urls, logs = [], [], []
    try:
        for number in range(2):
            port = free_port()
            env = environment(database, GUNICORN_BIND=f"127.0.0.1:{port}")
            # Its log goes to a file: a pipe nobody reads would stop the server once full.
            log = tmp_path / f"server-{number}.log"
            with log.open("w") as output:
                server = subprocess.Popen(  # noqa: S603 - fixed executable and arguments
                    [str(GUNICORN), "-c", "python:rssn.gunicorn", "rssn.wsgi"],
                    cwd=PROJECT,
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            servers.append(server)
            logs.append(log)
            urls.append(f"http://127.0.0.1:{port}/api/v1/services/")
        for url, server, log in zip(urls, servers, logs, strict=True):
            wait_for(url, server, log)
            # Each process has read the listing and keeps its API item (services.cache).
            for _request in range(3):
                assert STREET in get(url)

        manage(environment(database), "shell", "-c", SWITCH)

        for url in urls:
            body = get(url)
            assert STREET not in body, url
            assert json.loads(body)["results"], url  # still listed, without its address
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def test_production_refuses_several_workers_on_a_per_process_cache(tmp_path):
    env = environment(tmp_path / "none.sqlite3", CACHE_URL="locmem://", GUNICORN_WORKERS="2")
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", "check"], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "CACHE_URL is locmem://" in result.stderr
    one_worker = {**env, "GUNICORN_WORKERS": "1"}
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", "check"], cwd=PROJECT, env=one_worker, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("environment_name", "workers", "per_process", "refused", "warned"),
    [
        ("production", 2, True, True, False),
        ("production", 1, True, False, False),
        ("production", 4, False, False, False),
        ("development", 2, True, False, True),
    ],
)
def test_gunicorn_refuses_in_production_what_it_warns_of_elsewhere(
    monkeypatch, environment_name, workers, per_process, refused, warned
):
    """``-w`` on gunicorn's command line is checked too, not only GUNICORN_WORKERS."""
    monkeypatch.setenv("DJANGO_ENV", environment_name)
    monkeypatch.setattr(gunicorn_settings, "per_process_cache", lambda: per_process)
    server = mock.Mock()
    server.cfg.workers = workers
    if refused:
        with pytest.raises(SystemExit):
            gunicorn_settings.on_starting(server)
        assert server.log.error.called
    else:
        gunicorn_settings.on_starting(server)
    assert server.log.warning.called == warned


def test_the_cache_check_reads_the_sites_settings(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "x"}}
    assert gunicorn_settings.per_process_cache()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert not gunicorn_settings.per_process_cache()
