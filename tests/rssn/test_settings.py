"""Settings come from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-secret-for-the-test-only-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "directory.example.org",
    "DATABASE_URL": "postgres://rssn@db.example.org:5432/rssn",
}


def load_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key != "DEBUG"}
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)"
    )
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "rssn.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_development_needs_no_environment():
    result = load_settings({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True")


def test_production_starts_with_its_settings_and_without_debug():
    result = load_settings(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['directory.example.org']"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = load_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_a_malformed_boolean_is_refused_not_guessed():
    result = load_settings({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.parametrize(
    "url", ["https://tiles.example.com/world.pmtiles", "//tiles.example.com/w.pmtiles", "/\\x.pmtiles"]
)
def test_the_map_tiles_come_from_this_site_only(url):
    """A basemap loaded from another host would tell it where a person is looking."""
    result = load_settings({"MAP_TILES_URL": url})
    assert result.returncode != 0
    assert "MAP_TILES_URL" in result.stderr


def test_a_path_on_this_site_serves_the_map_tiles():
    assert load_settings({"MAP_TILES_URL": "/map/network.pmtiles"}).returncode == 0


def test_sqlite_writes_ahead_and_reads_its_file_through_a_memory_map(tmp_path):
    """WAL lets a page read while a command writes; the memory map spares a search a system call per row it reads."""
    code = (
        "import django; django.setup(); from django.db import connection; cursor = connection.cursor(); "
        "print(*(cursor.execute(f'PRAGMA {name}').fetchone()[0] for name in ('journal_mode', 'mmap_size')))"
    )
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key != "DEBUG"}
    environment = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "rssn.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=60
    )
    journal, mapped = result.stdout.split()
    assert journal == "wal" and int(mapped) >= 2**30
