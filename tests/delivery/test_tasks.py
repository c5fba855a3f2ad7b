"""The overdue check: it marks missing updates after their due day, reminds the project
lead, escalates to the programme office after the set number of days, and never sends
anything twice, even with two workers on the real database queue."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from heartbeat.core.schedule import enqueue_due_jobs
from heartbeat.delivery.cadence import latest_due_period
from heartbeat.delivery.models import DeliverySettings, NoticeKind, OverdueNotice
from heartbeat.delivery.tasks import check_overdue_updates, overdue_job, send_overdue_notice
from heartbeat.portfolio.models import Stage
from tests.delivery.factories import active_project, make_update
from tests.factories import UserFactory


def _due_at(day: datetime.date) -> str:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))).isoformat()


@pytest.fixture
def late_project(council):
    lead = UserFactory(
        organisation=council,
        full_name="Fiona Mackay",
        email="fiona.mackay@aberdeencity.gov.uk",
        is_project_lead=True,
    )
    return active_project(
        project_lead=lead,
        title="Digital telecare",
        slug="digital-telecare",
        since=datetime.date(2025, 4, 1),
    )


def test_a_missing_update_is_marked_and_the_lead_reminded_once(
    late_project, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://heartbeat.example.org"
    today = datetime.date(2026, 12, 3)
    with django_capture_on_commit_callbacks(execute=True):
        result = check_overdue_updates.call(due_at=_due_at(today))
    assert result == {"reminders": 1, "escalations": 0}
    notice = OverdueNotice.objects.get()
    assert (notice.kind, notice.period_start, notice.due_date) == (
        NoticeKind.REMINDER,
        datetime.date(2026, 11, 1),
        datetime.date(2026, 11, 27),
    )
    assert notice.sent_at is not None
    assert notice.recipients == "fiona.mackay@aberdeencity.gov.uk"
    (email,) = mail.outbox
    assert email.to == ["fiona.mackay@aberdeencity.gov.uk"]
    assert email.subject == "Update overdue: Digital telecare, November 2026"
    assert "was due on 27 November 2026" in email.body
    assert (
        "https://heartbeat.example.org/projects/digital-telecare/updates/new/?period=2026-11-01"
        in email.body
    )
    # Running again sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert check_overdue_updates.call(due_at=_due_at(today)) == {
            "reminders": 0,
            "escalations": 0,
        }
    assert len(mail.outbox) == 1


def test_the_programme_office_is_told_after_the_set_days(
    late_project, programme_office, django_capture_on_commit_callbacks
):
    DeliverySettings.objects.create(pk=1, escalate_after_days=5)
    with django_capture_on_commit_callbacks(execute=True):
        check_overdue_updates.call(due_at=_due_at(datetime.date(2026, 12, 1)))  # 4 days late
    assert [n.kind for n in OverdueNotice.objects.all()] == [NoticeKind.REMINDER]
    with django_capture_on_commit_callbacks(execute=True):
        result = check_overdue_updates.call(due_at=_due_at(datetime.date(2026, 12, 2)))  # 5 days
    assert result == {"reminders": 0, "escalations": 1}
    escalation = mail.outbox[-1]
    assert escalation.to == [programme_office.email]
    assert escalation.subject == "Escalated: Digital telecare update for November 2026 is overdue"
    assert "5 days overdue" in escalation.body
    assert "Fiona Mackay (fiona.mackay@aberdeencity.gov.uk)" in escalation.body
    with django_capture_on_commit_callbacks(execute=True):
        check_overdue_updates.call(due_at=_due_at(datetime.date(2026, 12, 20)))
    assert len(mail.outbox) == 2


def test_nothing_is_owed_by_projects_that_reported_or_have_just_started(
    late_project, django_capture_on_commit_callbacks
):
    today = datetime.date(2026, 12, 3)
    make_update(late_project, datetime.date(2026, 11, 1), today=today)
    active_project(since=datetime.date(2026, 11, 10))  # owes from December
    active_project(stage=Stage.CLOSED, since=datetime.date(2025, 1, 1))
    active_project(stage=Stage.PAUSED, since=datetime.date(2025, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert check_overdue_updates.call(due_at=_due_at(today)) == {
            "reminders": 0,
            "escalations": 0,
        }
    # On November's due day, November's update is not overdue yet (October's is in).
    make_update(late_project, datetime.date(2026, 10, 1), today=today)
    with django_capture_on_commit_callbacks(execute=True):
        check_overdue_updates.call(due_at=_due_at(datetime.date(2026, 11, 27)))
    assert OverdueNotice.objects.count() == 0
    assert mail.outbox == []


def test_an_email_is_never_sent_twice(late_project, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        check_overdue_updates.call(due_at=_due_at(datetime.date(2026, 12, 3)))
    notice = OverdueNotice.objects.get()
    assert send_overdue_notice.call(notice_id=notice.pk) == 1
    assert send_overdue_notice.call(notice_id=notice.pk) == 0
    assert len(mail.outbox) == 1


def test_the_job_is_registered_and_its_interval_comes_from_the_settings(settings):
    from heartbeat.core.schedule import scheduled_jobs

    settings.HEARTBEAT_OVERDUE_CHECK_MINUTES = "30"
    job = overdue_job()
    assert job.interval == datetime.timedelta(minutes=30)
    assert "delivery.overdue_updates" in [j.name for j in scheduled_jobs()]


def _worker(errors):
    try:
        call_command("worker", "--batch", "--no-schedule")
    except Exception as error:  # reported by the test
        errors.append(error)
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_exactly_once_with_two_workers_on_the_database_queue(
    settings, late_project, programme_office
):
    """The real database backend: the check is queued twice (two schedulers, say), two
    workers run at once, and the lead gets one reminder; so does the office's escalation."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DeliverySettings.objects.create(pk=1, escalate_after_days=3)
    due_at = _due_at(datetime.date(2026, 12, 3))
    check_overdue_updates.enqueue(due_at=due_at)
    check_overdue_updates.enqueue(due_at=due_at)
    assert mail.outbox == []  # queued, not run

    errors: list = []
    workers = [threading.Thread(target=_worker, args=(errors,)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert not errors, errors
    # The emails were queued by whichever worker won; run anything left.
    call_command("worker", "--batch", "--no-schedule")

    assert sorted(OverdueNotice.objects.values_list("kind", flat=True)) == [
        "escalation",
        "reminder",
    ]
    reminders = [m for m in mail.outbox if m.subject.startswith("Update overdue")]
    escalations = [m for m in mail.outbox if m.subject.startswith("Escalated")]
    assert len(reminders) == 1
    assert reminders[0].to == [late_project.project_lead.email]
    assert len(escalations) == 1
    assert escalations[0].to == [programme_office.email]

    # The scheduler queues the check once per slot, however many workers poll.
    job = overdue_job()
    now = timezone.now()
    queued = enqueue_due_jobs(now=now, jobs=[job])
    assert queued == ["delivery.overdue_updates"]
    assert enqueue_due_jobs(now=now, jobs=[job]) == []
    call_command("worker", "--batch", "--no-schedule")
    assert len(mail.outbox) == 2


def test_the_latest_due_period_matches_the_cadence_module():
    assert latest_due_period("monthly", 0, datetime.date(2026, 12, 3)).start == datetime.date(
        2026, 11, 1
    )
