"""`make` installs from the lock files: each dependency in pyproject.toml must be pinned there."""

import re
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def names(requirements: list[str]) -> set[str]:
    return {
        re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-") for requirement in requirements
    }


def pinned(lock: str) -> set[str]:
    text = (PROJECT / lock).read_text()
    return {line.split("==")[0].lower().replace("_", "-") for line in text.splitlines() if "==" in line}


@pytest.mark.parametrize(("lock", "extras"), [("requirements.lock", []), ("requirements-test.lock", ["test"])])
def test_every_dependency_is_pinned_in_the_lock(lock, extras):
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    wanted = names(project["dependencies"])
    for extra in extras:
        wanted |= names(project["optional-dependencies"][extra])
    missing = wanted - pinned(lock)
    assert not missing, f"run `make lock`: {sorted(missing)} not in {lock}"
