"""Fixtures shared by every test: fast password hashing, an empty cache, English outside requests, two countries
with a city each, staff in each role, the rows a module writes once for many of its tests, and the migrations'
tests' way back and forth between schemas; the slow tests first within each of pytest-django's groups, and the
tests handed to the workers two at a time."""

import itertools

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import override_settings
from django.utils import translation

from members.models import CoordinatorAssignment
from members.roles import ADMINISTRATORS, COORDINATORS, EDITORS
from tests.factories import CityFactory, CountryFactory, ServiceCategoryFactory, UserFactory
from tests.module_rows import rows_for_the_module


def _django_group(item: pytest.Item) -> int:
    """The group pytest-django puts a test in: 0 with the database, 1 transactional, 2 without the database."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    transactional = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    if transactional or "transactional_db" in fixtures or "live_server" in fixtures:
        return 1
    return 0 if marker or "db" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests (generating a directory, migrating back and forth, starting servers) first within each run of
    tests of one of pytest-django's groups, as it and pytest's fixtures have just ordered them: each worker still runs
    its tests in the groups' order, and the run no longer ends with one worker alone on the slow ones."""
    runs = [list(run) for _, run in itertools.groupby(items, key=_django_group)]
    items[:] = [item for run in runs for item in sorted(run, key=lambda item: item.get_closest_marker("slow") is None)]


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With ``--dist load`` (make test), each worker is given the next tests two at a time once it has run its first
    share: xdist's own load scheduling queues up to a quarter of what is left on a worker, so the run could end with one
    worker alone on a queue of slow tests while the other had stopped."""
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadScheduling

    class ShortQueues(LoadScheduling):
        def check_schedule(self, node, duration: float = 0) -> None:
            # node2pending and pending are the scheduler's documented state, _send_tests its one way to hand out tests.
            queued = self.node2pending[node]
            if node.shutting_down:
                return
            if not self.pending:
                node.shutdown()
            elif len(queued) < 2:
                self._send_tests(node, 2 - len(queued))

    return ShortQueues(config, log)


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Passwords are hashed with MD5 in tests: the real hasher is slow on purpose, and creating and logging in staff
    is most of the time of the tests that do it. Never a production setting."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Every test starts with an empty cache, so cached reads from one test never leak into another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code run outside a request (forms, services, admin checks) speaks the source language, English, in tests.

    Requests still choose their language from the URL prefix, as in production; a test that needs another
    language outside a request says so with ``translation.override``.
    """
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def module_rows(request, django_db_setup, django_db_blocker):
    """The group of rows the test reads (tests/module_rows.py: its parameter is the function that writes them, or
    None), written once for the tests of the module that read it and rolled back after them."""
    yield from rows_for_the_module(django_db_blocker, request.param)


@pytest.fixture
def migrate():
    """``migrate(targets)`` moves the database to ``targets`` (``[(app, migration), ...]``) and gives the apps as
    those migrations leave them. After the test the database is back at the latest schema, not at the last targets:
    the tests that follow use the fields of every later migration. For transactional tests."""

    def to(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def colombia(db):
    return CountryFactory(code="CO", name_en="Colombia", name_es="Colombia")


@pytest.fixture
def ecuador(db):
    return CountryFactory(
        code="EC",
        name_en="Ecuador",
        name_es="Ecuador",
        time_zones=["America/Guayaquil"],
        latitude=-1.8,
        longitude=-78.2,
    )


@pytest.fixture
def bogota(colombia):
    return CityFactory(country=colombia)


@pytest.fixture
def quito(ecuador):
    return CityFactory(
        country=ecuador,
        name_en="Quito",
        name_es="Quito",
        administrative_area="Pichincha",
        latitude=-0.18,
        longitude=-78.47,
        time_zone="America/Guayaquil",
    )


@pytest.fixture
def legal_aid(db):
    return ServiceCategoryFactory()


def _staff(username: str, group: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def coordinator_co(colombia):
    user = _staff("coordinator-co", COORDINATORS)
    CoordinatorAssignment.objects.create(user=user, country=colombia)
    return user


@pytest.fixture
def coordinator_ec(ecuador):
    user = _staff("coordinator-ec", COORDINATORS)
    CoordinatorAssignment.objects.create(user=user, country=ecuador)
    return user


@pytest.fixture
def editor(db):
    return _staff("editor", EDITORS)


@pytest.fixture
def administrator(db):
    return _staff("administrator", ADMINISTRATORS)
