"""`make` installs from the lock files: each dependency in pyproject.toml must be pinned there, the browser tests'
extras too."""

import re
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def names(requirements: list[str]) -> set[str]:
    return {
        re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-") for requirement in requirements
    }


def versions(lock: str) -> dict[str, str]:
    text = (PROJECT / lock).read_text()
    pins = (line.split("==") for line in text.splitlines() if "==" in line)
    return {name.lower().replace("_", "-"): version.strip() for name, version in pins}


def pinned(lock: str) -> set[str]:
    return set(versions(lock))


@pytest.mark.parametrize(
    ("lock", "extras"),
    [
        ("requirements.lock", []),
        ("requirements-test.lock", ["test"]),
        ("requirements-browser.lock", ["test", "browser"]),
    ],
)
def test_every_dependency_is_pinned_in_the_lock(lock, extras):
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    wanted = names(project["dependencies"])
    for extra in extras:
        wanted |= names(project["optional-dependencies"][extra])
    missing = wanted - pinned(lock)
    assert not missing, f"run `make lock`: {sorted(missing)} not in {lock}"


def test_the_browser_lock_keeps_the_test_locks_versions():
    """`make install-browser` installs it over the test environment: it may add packages, never change one."""
    test, browser = versions("requirements-test.lock"), versions("requirements-browser.lock")
    assert {name: browser.get(name) for name in test} == test
