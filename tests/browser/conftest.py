"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

They are marked ``browser`` and left out of the default run (``addopts`` in pyproject.toml); ``make test-browser``
runs them. Without the ``browser`` extras installed, this folder is not even collected.

Every browser context made here records each request the pages send and answers the quick exit's neutral site
itself (``NEUTRAL_URL``, never fetched from the network); the test fails if any request went to another host.
"""

import os
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

try:
    import playwright  # noqa: F401
except ImportError:  # `make test` without the browser extras: nothing here can run.
    collect_ignore_glob = ["test_*.py"]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Where the quick exit goes during these tests: routed to a local stub, so no request leaves the machine.
NEUTRAL_URL = "http://neutral.test/"
NEUTRAL_TITLE = "Neutral stub"
LANGUAGES = ["es", "pt", "en", "id"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def _allow_sync_orm_beside_playwright():
    """Playwright's sync API runs an event loop in the test's thread; Django refuses ORM calls there otherwise."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is needed at {CHROMIUM}: apt-get install -y chromium", pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url, "locale": "en-GB", "timezone_id": "America/Bogota"}


@pytest.fixture(autouse=True)
def _browser_settings(settings):
    settings.QUICK_EXIT_URL = NEUTRAL_URL


@pytest.fixture
def role_groups(transactional_db):
    """The staff roles' groups, made again by their migration's own function: the live server's tests empty the
    database after each test, so what migrations wrote is gone. (Serialized rollback cannot bring it back here:
    Playwright's greenlet sees another connection object than the one the test database was serialized on.)"""
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    migration = import_module("members.migrations.0003_role_groups")
    state = MigrationLoader(connection).project_state(("members", "0003_role_groups"))
    migration.create_groups(state.apps, None)
    # The later grants to the same groups: member accounts and proposed changes.
    grants = import_module("members.migrations.0014_member_roles_permissions")
    state = MigrationLoader(connection).project_state(("members", "0014_member_roles_permissions"))
    grants.grant(state.apps, None)


class RequestLog:
    """Every request a browser context sent, and the hosts allowed to receive them."""

    def __init__(self, live_server_url: str):
        self.allowed = urlsplit(live_server_url).netloc
        self.urls: list[str] = []

    def record(self, request):
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                continue
            if url.startswith(NEUTRAL_URL) or parts.netloc == self.allowed:
                continue
            out.append(url)
        return out


def _route(route):
    """The neutral site is answered locally; the live server is let through; anything else never leaves."""
    url = route.request.url
    if url.startswith(NEUTRAL_URL):
        route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body=f"<!doctype html><html lang='en'><title>{NEUTRAL_TITLE}</title><h1>Weather</h1></html>",
        )
    elif urlsplit(url).hostname in {"localhost", "127.0.0.1"} or urlsplit(url).scheme not in {"http", "https"}:
        route.continue_()
    else:
        route.abort()


def settle(page, timeout: float = 10.0) -> None:
    """Leave ``page`` for a blank one and wait until the live server has finished every request it was answering:
    a request still closing (Django's ``request_finished`` closes its connection) while the test's database is
    emptied left the in-memory SQLite database's tables locked."""
    page.goto("about:blank")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate() if thread.is_alive()
    ):
        time.sleep(0.05)


@pytest.fixture
def request_log(live_server):
    log = RequestLog(live_server.url)
    yield log
    assert log.foreign() == [], "requests left for another host"


def watch(context, log: RequestLog):
    context.on("request", log.record)
    context.route("**/*", _route)
    return context


@pytest.fixture
def context(context, request_log):
    """pytest-playwright's context, recorded and routed."""
    return watch(context, request_log)


@pytest.fixture
def new_context(browser, browser_context_args, request_log):
    """Another browser context (a fresh browser: no history, no storage), recorded and routed the same way."""
    made = []

    def make(**kwargs):
        made.append(watch(browser.new_context(**{**browser_context_args, **kwargs}), request_log))
        return made[-1]

    yield make
    for item in made:
        item.close()


def today_at(service):
    """Today where ``service``'s closure days are counted (its first location's time zone): between midnight UTC and
    midnight there, the machine's date is already the next day."""
    from django.utils import timezone

    return timezone.localdate(timezone=service.locations.first().time_zone)


def screenshot(page, name: str) -> None:
    """A full-page screenshot for people to look at (test-artifacts/screenshots/, kept by CI)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


class Directory:
    """The small directory the journeys read: three listings in Colombia, two in Bogotá at known distances."""

    def __init__(self):
        from tests.factories import LocationFactory, OrganisationFactory
        from tests.services import directory_data as data

        self.country = data.colombia()
        self.legal = data.legal_aid()
        self.shelter = data.shelter()
        # 6 km from the mocked position (4.60, -74.08) ...
        self.legal_service = data.public_listing(
            name_es="Orientación jurídica gratuita",
            name_en="Free legal advice",
            name_pt="Orientação jurídica gratuita",
            phone="+5716010002",
        )
        self.organisation = self.legal_service.organisation
        # ... 17 km from it ...
        north = LocationFactory(
            organisation=OrganisationFactory(name_es="Casa Ejemplo del Norte", slug="casa-ejemplo-del-norte"),
            city=data.bogota(),
            street_address="Calle 170 # 8-10",
            latitude=4.75,
            longitude=-74.04,
        )
        from tests.factories import ServiceFactory

        self.shelter_service = ServiceFactory(
            organisation=north.organisation,
            name_es="Acogida y atención psicológica",
            name_en="Shelter and psychological care",
            categories=[self.shelter],
            locations=[north],
            phone="+5716010003",
        )
        # ... and Medellín, far beyond any radius.
        self.far_service = data.city_only_listing(name_es="Apoyo psicosocial en Medellín", categories=[self.legal])

    @property
    def services(self):
        return [self.legal_service, self.shelter_service, self.far_service]

    @property
    def organisations(self):
        return [service.organisation for service in self.services]


@pytest.fixture
def directory(transactional_db):
    return Directory()


STAFF_PASSWORD = "correct horse battery staple"


@pytest.fixture
def coordinator(directory, role_groups):
    """The coordinator of the directory's country, who signs in with ``STAFF_PASSWORD`` (``log_in``)."""
    from django.contrib.auth.models import Group

    from members.models import CoordinatorAssignment
    from members.roles import COORDINATORS
    from tests.factories import UserFactory

    user = UserFactory(username="coordinator-co", is_staff=True, password=STAFF_PASSWORD)
    user.groups.add(Group.objects.get(name=COORDINATORS))
    CoordinatorAssignment.objects.create(user=user, country=directory.country)
    return user


def log_in(page, language, user):
    page.goto(f"/{language}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(STAFF_PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/admin/$"))
