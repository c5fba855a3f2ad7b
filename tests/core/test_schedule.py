"""The schedule: periodic jobs are queued once per due time, however many workers poll."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from heartbeat.core import registry, schedule
from heartbeat.core.models import ScheduledRun
from heartbeat.core.schedule import Job, enqueue_due_jobs, parse_time, parse_weekday
from heartbeat.recruitment.tasks import digest_job

ran: list[str] = []


@task()
def record_run(due_at: str) -> None:
    ran.append(due_at)


TEST_TASK = "tests.core.test_schedule.record_run"


def local(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture(autouse=True)
def _clear_runs():
    ran.clear()


def test_weekly_job_is_due_at_its_weekday_and_time():
    job = Job(name="digest", task=TEST_TASK, weekday=0, at=datetime.time(8, 0))
    # Thursday 26 November 2026: last due on Monday 23 November at 08:00.
    assert job.last_due(local(2026, 11, 26, 12, 0)) == local(2026, 11, 23, 8, 0)
    # Monday before eight: still the previous Monday.
    assert job.last_due(local(2026, 11, 30, 7, 59)) == local(2026, 11, 23, 8, 0)
    assert job.last_due(local(2026, 11, 30, 8, 0)) == local(2026, 11, 30, 8, 0)


def test_weekly_job_keeps_local_time_across_the_clock_change():
    job = Job(name="digest", task=TEST_TASK, weekday=0, at=datetime.time(8, 0))
    # British Summer Time ends on Sunday 25 October 2026; 08:00 stays 08:00 local.
    due = job.last_due(local(2026, 10, 26, 9, 0))
    assert timezone.localtime(due).hour == 8
    assert due.astimezone(datetime.UTC).hour == 8  # GMT
    summer = job.last_due(local(2026, 10, 19, 9, 0))
    assert summer.astimezone(datetime.UTC).hour == 7  # BST


def test_interval_job_slots_do_not_drift():
    job = Job(name="tick", task=TEST_TASK, interval=datetime.timedelta(minutes=15))
    assert job.last_due(local(2026, 11, 26, 10, 14)) == local(2026, 11, 26, 10, 0)
    assert job.last_due(local(2026, 11, 26, 10, 15)) == local(2026, 11, 26, 10, 15)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"interval": datetime.timedelta(hours=1), "weekday": 0},
        {"interval": datetime.timedelta(0)},
        {"weekday": 7},
    ],
)
def test_a_job_needs_one_sensible_schedule(kwargs):
    with pytest.raises(ValueError):
        Job(name="bad", task=TEST_TASK, **kwargs)


def test_the_digest_is_queued_once_a_week_however_often_workers_poll(db):
    job = Job(name="digest", task=TEST_TASK, weekday=0, at=datetime.time(8, 0))
    start = local(2026, 11, 23, 9, 0)  # a Monday, after the digest time
    # Two workers polling every 20 minutes for three weeks.
    now = start
    while now < start + datetime.timedelta(days=21):
        enqueue_due_jobs(now=now, jobs=[job])
        enqueue_due_jobs(now=now + datetime.timedelta(seconds=1), jobs=[job])
        now += datetime.timedelta(minutes=20)

    assert ran == [
        local(2026, 11, 23, 8, 0).isoformat(),
        local(2026, 11, 30, 8, 0).isoformat(),
        local(2026, 12, 7, 8, 0).isoformat(),
        local(2026, 12, 14, 8, 0).isoformat(),  # the polls end at 09:00 that Monday
    ]
    assert (
        list(ScheduledRun.objects.order_by("due_at").values_list("job", flat=True))
        == ["digest"] * 4
    )


def test_a_worker_that_was_down_queues_only_the_latest_missed_run(db):
    job = Job(name="digest", task=TEST_TASK, weekday=0, at=datetime.time(8, 0))
    enqueue_due_jobs(now=local(2026, 11, 2, 9, 0), jobs=[job])
    assert enqueue_due_jobs(now=local(2026, 11, 26, 9, 0), jobs=[job]) == ["digest"]
    assert ran[-1] == local(2026, 11, 23, 8, 0).isoformat()
    assert len(ran) == 2


def test_digest_schedule_comes_from_settings(settings):
    settings.HEARTBEAT_DIGEST_WEEKDAY = "friday"
    settings.HEARTBEAT_DIGEST_TIME = "16:30"
    job = digest_job()
    assert (job.weekday, job.at) == (4, datetime.time(16, 30))
    assert job.describe() == "every Friday at 16:30"


def test_digest_schedule_defaults_to_monday_morning(settings, monkeypatch):
    for name in ("HEARTBEAT_DIGEST_WEEKDAY", "HEARTBEAT_DIGEST_TIME"):
        if hasattr(settings, name):
            delattr(settings, name)
        monkeypatch.delenv(name, raising=False)
    job = digest_job()
    assert (job.weekday, job.at) == (0, datetime.time(8, 0))


@pytest.mark.parametrize("value", ["someday", "8", ""])
def test_bad_weekdays_are_refused(value):
    with pytest.raises(ValueError):
        parse_weekday(value)


@pytest.mark.parametrize(("value", "expected"), [("Mon", 0), ("sunday", 6), ("3", 3)])
def test_weekdays(value, expected):
    assert parse_weekday(value) == expected


def test_bad_times_are_refused():
    with pytest.raises(ValueError):
        parse_time("eight o'clock")


def test_schedule_command_queues_due_jobs_with_the_clock_mocked(db, monkeypatch, settings):
    settings.HEARTBEAT_DIGEST_WEEKDAY = "monday"
    settings.HEARTBEAT_DIGEST_TIME = "08:00"
    monkeypatch.setattr(schedule.timezone, "now", lambda: local(2026, 11, 30, 10, 0))

    with registry.scheduled_jobs.replaced({"tick": lambda: Job("tick", TEST_TASK, weekday=0)}):
        call_command("schedule")
        call_command("schedule")

    assert ran == [local(2026, 11, 30, 0, 0).isoformat()]


def test_schedule_command_lists_jobs(capsys, settings):
    settings.HEARTBEAT_DIGEST_WEEKDAY = "tuesday"
    settings.HEARTBEAT_DIGEST_TIME = "07:15"
    call_command("schedule", "--list")
    assert "recruitment.weekly_digest: every Tuesday at 07:15" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_worker_queues_due_jobs_then_runs_them(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(schedule.timezone, "now", lambda: local(2026, 11, 30, 10, 30))
    hourly = {"tick": lambda: Job("tick", TEST_TASK, interval=datetime.timedelta(hours=1))}

    with registry.scheduled_jobs.replaced(hourly):
        call_command("worker", "--batch")
        call_command("worker", "--batch")

    assert ran == [local(2026, 11, 30, 10, 0).isoformat()]
