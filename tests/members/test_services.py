"""Membership decisions: the transition table, permission, history, e-mail, and two deciders at once."""

import ast
import datetime
import threading
import time
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections, transaction
from django.utils import translation

from members import services
from members.models import MembershipStatusChange, Organisation
from services.models import Service
from tests.factories import OrganisationFactory, ServiceFactory

Status = Organisation.Status


@pytest.fixture
def application(colombia):
    organisation = OrganisationFactory(pending=True, countries=[colombia], contact_language="pt", last_verified_on=None)
    ServiceFactory(organisation=organisation)
    return organisation


def test_approve_makes_the_organisation_and_its_active_services_public(application, coordinator_co):
    assert not Organisation.objects.public().filter(pk=application.pk).exists()
    assert not Service.objects.public().filter(organisation=application).exists()

    services.membership_approve(organisation=application, by=coordinator_co)

    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert application.joined_on == datetime.date.today()
    assert application.last_verified_on == datetime.date.today()
    assert Organisation.objects.public().filter(pk=application.pk).exists()
    assert Service.objects.public().filter(organisation=application).count() == 1


def test_a_decision_is_recorded_with_who_when_why_and_in_history(application, coordinator_co):
    before = application.status_changed_at
    services.membership_reject(organisation=application, by=coordinator_co, reason="Not a GBV service.")

    change = MembershipStatusChange.objects.get(organisation=application)
    assert (change.from_status, change.to_status) == (Status.APPLIED, Status.REJECTED)
    assert change.changed_by == coordinator_co
    assert change.reason == "Not a GBV service."
    application.refresh_from_db()
    assert application.status_changed_at > before
    latest = application.history.latest()
    assert latest.status == Status.REJECTED
    assert latest.history_user == coordinator_co


def test_decision_email_goes_to_the_contact_in_her_language(
    application, coordinator_co, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_reject(organisation=application, by=coordinator_co, reason="Falta información.")

    (message,) = mail.outbox
    assert message.to == [application.contact_email]
    assert message.extra_headers["Content-Language"] == "pt"
    assert "Falta información." in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'lang="pt"' in html
    assert "Falta informaci" in html


def test_a_decision_undone_with_its_transaction_sends_no_email(
    application, coordinator_co, django_capture_on_commit_callbacks
):
    """An approval inside a larger change that fails (an import, say) is rolled back with it: the organisation is
    not welcomed to a membership it does not have."""
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        services.membership_approve(organisation=application, by=coordinator_co)
        raise RuntimeError("the rest of the change failed")

    application.refresh_from_db()
    assert application.status == Status.APPLIED
    assert mail.outbox == []


@pytest.mark.parametrize("decide", [services.membership_reject, services.membership_request_changes])
def test_reject_and_request_changes_need_a_reason(application, coordinator_co, decide):
    keyword = "reason" if decide is services.membership_reject else "message"
    with pytest.raises(ValidationError) as error:
        decide(organisation=application, by=coordinator_co, **{keyword: "  "})
    assert error.value.code == "reason_required"
    assert "Give a reason" in error.value.messages[0]
    application.refresh_from_db()
    assert application.status == Status.APPLIED


def test_request_changes_puts_the_application_under_review_and_tells_the_applicant(
    application, coordinator_co, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request_changes(organisation=application, by=coordinator_co, message="Add your hours.")
    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    assert "Add your hours." in mail.outbox[0].body
    services.membership_approve(organisation=application, by=coordinator_co)
    assert application.status == Status.APPROVED


def test_suspend_and_reinstate(application, coordinator_co):
    services.membership_approve(organisation=application, by=coordinator_co)
    joined = application.joined_on
    services.membership_suspend(organisation=application, by=coordinator_co, reason="Complaint under review.")
    assert not Organisation.objects.public().filter(pk=application.pk).exists()
    services.membership_reinstate(organisation=application, by=coordinator_co)
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert application.joined_on == joined
    assert [c.to_status for c in application.status_changes.all()] == [
        Status.APPROVED,
        Status.SUSPENDED,
        Status.APPROVED,
    ]


@pytest.mark.parametrize(
    ("status", "decide", "message"),
    [
        (Status.WITHDRAWN, services.membership_approve, "{} cannot be approved. Its membership was withdrawn."),
        (Status.REJECTED, services.membership_approve, "{} cannot be approved. Its application was rejected."),
        (Status.APPROVED, services.membership_approve, "{} cannot be approved. It is already an approved member."),
        (
            Status.APPLIED,
            services.membership_reinstate,
            "{} cannot be reinstated. Its application is waiting for a decision.",
        ),
        (
            Status.APPLIED,
            services.membership_suspend,
            "{} cannot be suspended. Its application is waiting for a decision.",
        ),
        (
            Status.REJECTED,
            services.membership_withdraw,
            "The membership of {} cannot be withdrawn. Its application was rejected.",
        ),
        (
            Status.WITHDRAWN,
            services.membership_withdraw,
            "The membership of {} cannot be withdrawn. Its membership was withdrawn.",
        ),
        (
            Status.APPROVED,
            services.membership_request_changes,
            "Changes cannot be requested from {}. It is already an approved member.",
        ),
    ],
)
def test_illegal_transition_is_refused_with_a_clear_message(
    colombia, administrator, status, decide, message, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(status=status, countries=[colombia])
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.IllegalTransition) as error:
        decide(organisation=organisation, by=administrator, **_reason_for(decide))
    assert error.value.messages == [message.format(organisation)]
    assert not MembershipStatusChange.objects.filter(organisation=organisation).exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es", "No se puede suspender a {}. Su solicitud está pendiente de una decisión."),
        ("pt", "Não é possível suspender {}. A solicitação aguarda uma decisão."),
        ("id", "{} tidak dapat ditangguhkan. Permohonannya masih menunggu keputusan."),
    ],
)
def test_an_illegal_transition_is_one_sentence_per_decision_in_every_language(
    colombia, administrator, language, message
):
    """Each decision has its own sentence: no translated verb or status slotted into one frame."""
    organisation = OrganisationFactory(status=Status.APPLIED, countries=[colombia])
    with translation.override(language), pytest.raises(services.IllegalTransition) as error:
        services.membership_suspend(organisation=organisation, by=administrator, reason="Motivo.")
    assert error.value.messages == [message.format(organisation)]


@pytest.mark.parametrize(
    ("decide", "history"),
    [
        (services.membership_approve, "Membership approved."),
        (services.membership_reject, "Application rejected."),
        (services.membership_request_changes, "Changes to the application requested."),
    ],
)
def test_the_change_history_says_what_each_decision_did(colombia, administrator, decide, history):
    organisation = OrganisationFactory(status=Status.APPLIED, countries=[colombia])
    decide(organisation=organisation, by=administrator, **_reason_for(decide))
    assert organisation.history.first().history_change_reason == history


def _reason_for(decide) -> dict:
    if decide is services.membership_request_changes:
        return {"message": "Please complete."}
    if decide in (services.membership_reject, services.membership_suspend):
        return {"reason": "Because."}
    return {}


def test_the_wrong_countrys_coordinator_is_refused(application, coordinator_ec):
    with pytest.raises(PermissionDenied):
        services.membership_approve(organisation=application, by=coordinator_ec)
    application.refresh_from_db()
    assert application.status == Status.APPLIED


def test_an_editor_is_refused(application, editor):
    with pytest.raises(PermissionDenied):
        services.membership_approve(organisation=application, by=editor)


def test_an_administrator_decides_in_every_country(application, administrator):
    services.membership_approve(organisation=application, by=administrator)
    assert application.status == Status.APPROVED


def test_a_stale_read_cannot_decide_twice(
    application, coordinator_co, administrator, django_capture_on_commit_callbacks
):
    """Two coordinators opened the same application; the second decides on what she saw, which has changed since.
    The function re-reads the status under the row lock and refuses."""
    seen_by_first = Organisation.objects.get(pk=application.pk)
    seen_by_second = Organisation.objects.get(pk=application.pk)

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_approve(organisation=seen_by_first, by=coordinator_co)
        assert seen_by_second.status == Status.APPLIED  # her copy is stale
        with pytest.raises(services.IllegalTransition):
            services.membership_reject(organisation=seen_by_second, by=administrator, reason="Too late.")

    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert MembershipStatusChange.objects.filter(organisation=application).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks across connections (PostgreSQL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coordinators_deciding_at_the_same_moment_on_postgresql(colombia, coordinator_co, administrator):
    """The first decision holds the row lock; the second, on another connection, waits for it, then sees the
    approved status and is refused. Without ``select_for_update`` the second would not wait and would succeed."""
    organisation = OrganisationFactory(pending=True, countries=[colombia])
    first_holds_lock, release_first = threading.Event(), threading.Event()
    results: dict[str, object] = {}
    create = MembershipStatusChange.objects.create

    def create_then_pause(**kwargs):
        change = create(**kwargs)
        if threading.current_thread().name == "first":
            first_holds_lock.set()
            release_first.wait(timeout=30)
        return change

    def run(name, decide):
        try:
            results[name] = decide(organisation=Organisation.objects.get(pk=organisation.pk))
        except Exception as error:  # noqa: BLE001 - the test inspects it
            results[name] = error
        finally:
            connections.close_all()

    with mock.patch.object(MembershipStatusChange.objects, "create", side_effect=create_then_pause):
        first = threading.Thread(
            name="first",
            target=run,
            args=(
                "first",
                lambda organisation: services.membership_approve(organisation=organisation, by=coordinator_co),
            ),
        )
        second = threading.Thread(
            name="second",
            target=run,
            args=(
                "second",
                lambda organisation: services.membership_reject(
                    organisation=organisation, by=administrator, reason="Not eligible."
                ),
            ),
        )
        first.start()
        assert first_holds_lock.wait(timeout=30)
        second.start()
        _wait_for_a_blocked_query()
        release_first.set()
        first.join(30)
        second.join(30)

    assert isinstance(results["first"], Organisation)
    assert isinstance(results["second"], services.IllegalTransition)
    organisation.refresh_from_db()
    assert organisation.status == Status.APPROVED
    assert MembershipStatusChange.objects.filter(organisation=organisation).count() == 1


def _wait_for_a_blocked_query(limit: int = 100) -> None:
    """Poll until another connection waits for a row lock (or give up, and let the assertions tell)."""
    for _attempt in range(limit):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)


def test_mark_verified_updates_the_organisation_and_its_services(colombia, coordinator_co):
    organisation = OrganisationFactory(countries=[colombia], last_verified_on=datetime.date(2020, 1, 1))
    service = ServiceFactory(organisation=organisation, last_verified_on=datetime.date(2020, 1, 1))
    services.listing_mark_verified(organisation=organisation, by=coordinator_co)
    organisation.refresh_from_db()
    service.refresh_from_db()
    assert organisation.last_verified_on == service.last_verified_on == datetime.date.today()
    assert organisation.history.latest().history_user == coordinator_co


def test_mark_verified_outside_her_countries_is_refused(ecuador, coordinator_co):
    organisation = OrganisationFactory(countries=[ecuador], last_verified_on=None)
    with pytest.raises(PermissionDenied):
        services.listing_mark_verified(organisation=organisation, by=coordinator_co)


def test_throttle_counts_in_the_database_across_processes(db):
    """Each call stands for a request served by any app process: the count lives in the database, not memory."""
    window = datetime.timedelta(hours=1)
    allowed = [
        services.submission_allowed(scope="join", ip_address="203.0.113.7", limit=2, window=window) for _ in range(3)
    ]
    assert allowed == [True, True, False]
    assert services.submission_allowed(scope="join", ip_address="203.0.113.8", limit=2, window=window)
    assert services.submission_allowed(scope="report", ip_address="203.0.113.7", limit=2, window=window)


def test_throttle_never_stores_the_address(db):
    from members.models import SubmissionThrottle

    services.submission_allowed(scope="join", ip_address="203.0.113.7", limit=2, window=datetime.timedelta(hours=1))
    row = SubmissionThrottle.objects.get()
    assert "203.0.113.7" not in row.client_hash
    assert len(row.client_hash) == 64


WRITES = {"create", "bulk_create", "get_or_create", "update_or_create"}
# Benchmark-only: writes a synthetic network of 100,000 organisations in bulk, below the ORM.
BENCH_ONLY = {"bench/synthetic.py"}


def _writes_a_history_line(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    if isinstance(function, ast.Name):
        return function.id == "MembershipStatusChange"
    if not (isinstance(function, ast.Attribute) and function.attr in WRITES):
        return False
    manager = function.value
    if isinstance(manager, ast.Attribute) and manager.attr == "status_changes":
        return True
    return (
        isinstance(manager, ast.Attribute)
        and manager.attr == "objects"
        and isinstance(manager.value, ast.Name)
        and manager.value.id == "MembershipStatusChange"
    )


def test_every_history_line_is_written_by_membership_history_record():
    root = settings.BASE_DIR
    writers = []
    for app in ("members", "services", "demo", "rssn"):
        for path in sorted((root / app).rglob("*.py")):
            name = str(path.relative_to(root))
            if "/migrations/" in name or name in BENCH_ONLY:
                continue
            tree = ast.parse(path.read_text())
            for function in ast.walk(tree):
                if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    writers += [
                        f"{name}: {function.name}" for node in ast.walk(function) if _writes_a_history_line(node)
                    ]
    assert writers == ["members/services.py: membership_history_record"]
