"""The coordinator's workbench: the admin branded as the directory, the start page's work waiting in her
countries (each count the length of the list its link opens), and the weekly digest e-mail."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from members.models import CoordinatorAssignment, ProposedChange
from services.models import CorrectionRequest
from services.services import coordinator_digest_send
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory

HEADERS = {
    "es": "Directorio RSSN: personal",
    "pt": "Diretório RSSN: equipe",
    "en": "RSSN Directory: staff",
    "id": "Direktori RSSN: staf",
}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_admin_is_branded_as_the_directory_in_each_language(client, db, coordinator_co, language):
    login = client.get(f"/{language}/admin/login/").content.decode()
    assert HEADERS[language] in login
    assert "Django" not in login.split("<body")[0] + login.split("</header>")[0]
    client.force_login(coordinator_co)
    start = client.get(f"/{language}/admin/").content.decode()
    assert HEADERS[language] in start
    assert "Django" not in start.split("<title>")[1].split("</title>")[0]
    assert "Django" not in start.split('id="site-name"')[1].split("</div>")[0]


@pytest.fixture
def work(colombia, ecuador):
    """Work waiting in Colombia (two of each kind) and in Ecuador (one of each)."""
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    for country, many in ((colombia, 2), (ecuador, 1)):
        for _ in range(many):
            OrganisationFactory(pending=True, countries=[country])
            member = OrganisationFactory(countries=[country], last_verified_on=long_ago)
            CorrectionRequest.objects.create(organisation=member, kind="phone")
            ProposedChange.objects.create(
                organisation=member,
                target_type=ContentType.objects.get_for_model(member),
                target_id=member.pk,
                changes={"website": {"before": "", "after": "https://example.org"}},
            )
    fresh = OrganisationFactory(countries=[colombia])  # verified recently: not waiting
    handled = CorrectionRequest.objects.create(organisation=fresh, kind="hours")
    CorrectionRequest.objects.filter(pk=handled.pk).update(status="dismissed", note="x", handled_at=timezone.now())
    ProposedChange.objects.create(  # decided: not waiting
        organisation=fresh,
        target_type=ContentType.objects.get_for_model(fresh),
        target_id=fresh.pk,
        changes={"website": {"before": "", "after": "https://example.org"}},
        status=ProposedChange.Status.APPROVED,
        decided_at=timezone.now(),
    )


def start_page_links(client, language="en"):
    page = client.get(f"/{language}/admin/")
    assert page.status_code == 200
    return page.context["waiting"], page.content.decode()


def test_a_coordinators_start_page_counts_the_work_in_her_countries_with_links_to_those_lists(
    client, work, coordinator_co
):
    client.force_login(coordinator_co)
    waiting, html = start_page_links(client)
    counts = {item.waiting.key: item.count for item in waiting}
    assert counts == {
        "applications": 2,
        "proposals": 2,
        "suggestions": 2,
        "unverified": 2,
        "closures_locations": 0,
        "closures_services": 0,
    }
    assert "2 proposed changes to review" in html
    assert "2 applications waiting for a decision" in html
    assert "2 suggested updates to read" in html
    assert "2 listings not verified for six months" in html
    for item in waiting:
        assert f'href="{item.url}"' in html.replace("&amp;", "&")
        listed = client.get(item.url)
        assert listed.status_code == 200, item.url
        assert listed.context["cl"].result_count == item.count, item.waiting.key


def test_an_editor_sees_the_whole_networks_work(client, work, editor):
    client.force_login(editor)
    waiting, _html = start_page_links(client)
    counts = {item.waiting.key: item.count for item in waiting}
    assert counts["suggestions"] == 3 and counts["unverified"] == 3 and counts["proposals"] == 3


def test_the_start_page_speaks_her_language(client, work, coordinator_co):
    client.force_login(coordinator_co)
    _waiting, html = start_page_links(client, "es")
    assert "2 solicitudes esperando una decisión" in html


DIGEST = {
    "es": "2 actualizaciones sugeridas por leer",
    "pt": "2 atualizações sugeridas para ler",
    "en": "2 suggested updates to read",
    "id": "2 usulan pembaruan untuk dibaca",
}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_weekly_digest_lists_her_countrys_work_in_the_language_of_her_assignment(
    work, coordinator_co, language, django_capture_on_commit_callbacks
):
    CoordinatorAssignment.objects.filter(user=coordinator_co).update(language=language)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_coordinator_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [message] = mail.outbox
    assert message.to == [coordinator_co.email]
    assert message.extra_headers["Content-Language"] == language
    assert DIGEST[language] in message.body
    assert "/admin/services/correctionrequest/" in message.body
    assert "/admin/members/organisation/?verification=stale" in message.body


def test_no_digest_when_nothing_waits_in_her_countries(colombia, coordinator_co, coordinator_ec, ecuador):
    CorrectionRequest.objects.create(organisation=OrganisationFactory(countries=[ecuador]), kind="moved")
    assert coordinator_digest_send(coordinator=coordinator_co) == []
    assert [item.count for item in coordinator_digest_send(coordinator=coordinator_ec)] == [1]


def test_the_digest_command_says_whom_it_would_write_to_and_sends_nothing_on_a_dry_run(
    work, coordinator_co, coordinator_ec, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_coordinator_digest", "--dry-run")
    out = capsys.readouterr().out
    assert "coordinator-co\tapplications 2, proposals 2, suggestions 2, unverified 2" in out
    assert "Would send the digest to 2 coordinator(s)." in out
    assert not mail.outbox


def test_closures_ending_this_week_are_counted_in_her_countries_and_linked_to_their_lists(
    client, colombia, ecuador, coordinator_co
):
    today = timezone.localdate()
    days = datetime.timedelta
    own = OrganisationFactory(countries=[colombia])
    for last_day in (today, today + days(6), today + days(7), today - days(1)):
        LocationFactory(organisation=own, closed_from=today - days(10), closed_until=last_day)
    # Closed for good (a removal approved): nothing left to end.
    LocationFactory(organisation=own, closed_from=today, closed_until=today + days(1), withdrawn_on=today)
    ServiceFactory(organisation=own, closed_from=today - days(3), closed_until=today + days(2))
    ServiceFactory(organisation=own)
    elsewhere = OrganisationFactory(countries=[ecuador])
    LocationFactory(organisation=elsewhere, closed_from=today, closed_until=today + days(1))
    client.force_login(coordinator_co)
    waiting, html = start_page_links(client)
    counts = {item.waiting.key: item for item in waiting}
    assert counts["closures_locations"].count == 2  # today and six days on; not next week, not ended
    assert counts["closures_services"].count == 1
    assert "2 service points whose temporary closure ends this week" in html
    for key in ("closures_locations", "closures_services"):
        listed = client.get(counts[key].url)
        assert listed.context["cl"].result_count == counts[key].count, key
