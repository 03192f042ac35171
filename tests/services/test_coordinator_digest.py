"""The coordinator's weekly digest: each kind of work waiting with its count and an absolute link to the list that
shows it, in her language, country by country when she coordinates several, sent once the transaction commits and
only when something waits."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command

from members.models import CoordinatorAssignment
from services.services import coordinator_digest_send
from services.workbench import WAITING
from tests.factories import OrganisationFactory
from tests.services.test_workbench import work  # noqa: F401  (a fixture: the tests' argument)

LINE = re.compile(r"^- (?P<text>.+): (?P<url>\S+)$", re.M)


def _send(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_coordinator_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _lines(body: str) -> list[tuple[str, str]]:
    return [(line["text"], line["url"]) for line in LINE.finditer(body)]


def _result_count(client, url: str) -> int:
    parts = urlsplit(url)
    listed = client.get(f"{parts.path}?{parts.query}")
    assert listed.status_code == 200, url
    return listed.context["cl"].result_count


@pytest.mark.usefixtures("work")
def test_each_kind_waiting_has_its_count_and_an_absolute_link_in_her_language(
    client, coordinator_co, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://directory.example.org"
    CoordinatorAssignment.objects.filter(user=coordinator_co).update(language="es")
    _send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    lines = _lines(message.body)
    assert [text for text, _url in lines] == [
        "2 solicitudes esperando una decisión",
        "2 cambios propuestos por revisar",
        "2 actualizaciones sugeridas por leer",
        "2 fichas sin verificar desde hace seis meses",
    ]
    client.force_login(coordinator_co)
    for _text, url in lines:
        assert url.startswith("https://directory.example.org/es/admin/"), url
        assert _result_count(client, url) == 2, url
    html = message.alternatives[0][0]
    for _text, url in lines:
        assert f'href="{url.replace("&", "&amp;")}"' in html
    assert "Country by country" not in message.body and "Colombia" not in message.body  # one country: no sections


@pytest.mark.usefixtures("work")
def test_a_coordinator_of_several_countries_reads_the_work_country_by_country(
    client, coordinator_co, ecuador, django_capture_on_commit_callbacks
):
    CoordinatorAssignment.objects.filter(user=coordinator_co).update(language="en")  # her first country's
    CoordinatorAssignment.objects.create(user=coordinator_co, country=ecuador, language="es")
    _send(django_capture_on_commit_callbacks)
    [message] = mail.outbox
    body = message.body
    totals, per_country = body.split("Country by country:")
    assert "3 suggested updates to read" in totals  # two in Colombia, one in Ecuador
    colombia, ecuador_part = per_country.split("Colombia")[1].split("Ecuador")
    client.force_login(coordinator_co)
    for part, count in ((colombia, 2), (ecuador_part, 1)):
        lines = _lines(part)
        assert len(lines) == 4
        for text, url in lines:
            assert text.startswith(f"{count} "), text
            assert _result_count(client, url) == count, url
    assert "<h2>Colombia</h2>" in message.alternatives[0][0]


def test_every_kind_of_work_has_a_list_filter_for_one_country(client, colombia, administrator):
    """A filter the admin list does not offer sends it to its "?e=1" error address."""
    client.force_login(administrator)
    for waiting in WAITING:
        _inside, query = waiting.country(colombia)
        assert client.get(waiting.url(query)).status_code == 200, waiting.key  # not the admin's "?e=1" redirect


@pytest.mark.usefixtures("work")
def test_the_digest_leaves_only_once_the_transaction_commits(coordinator_co, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assert coordinator_digest_send(coordinator=coordinator_co)
        assert not mail.outbox
    assert len(callbacks) == 1 and not mail.outbox
    callbacks[0]()
    assert [message.to for message in mail.outbox] == [[coordinator_co.email]]


def test_nothing_is_sent_when_nothing_waits_in_her_countries(
    colombia, coordinator_co, ecuador, django_capture_on_commit_callbacks
):
    OrganisationFactory(pending=True, countries=[ecuador])  # another country's work
    _send(django_capture_on_commit_callbacks)
    assert not mail.outbox
    CoordinatorAssignment.objects.create(user=coordinator_co, country=ecuador)
    _send(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


@pytest.mark.usefixtures("work")
def test_her_start_page_also_lists_the_work_country_by_country(client, coordinator_co, ecuador):
    client.force_login(coordinator_co)
    assert client.get("/en/admin/").context["waiting_per_country"] == []  # one country: the totals are enough
    CoordinatorAssignment.objects.create(user=coordinator_co, country=ecuador)
    page = client.get("/en/admin/")
    html = page.content.decode().replace("&amp;", "&")
    per_country = {country.code: counts for country, counts in page.context["waiting_per_country"]}
    assert set(per_country) == {"CO", "EC"}
    assert "<caption>Ecuador</caption>" in html
    for code, expected in (("CO", 2), ("EC", 1)):
        for item in per_country[code]:
            assert item.count == expected and f'href="{item.url}"' in html
            assert _result_count(client, item.url) == expected, item.url
