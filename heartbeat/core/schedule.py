"""Periodic jobs: a small registry of tasks that run on a schedule, queued by the worker.

``heartbeat worker`` calls :func:`enqueue_due_jobs` before each batch of tasks (and
``heartbeat schedule`` does it once, for cron). For every job it works out the most recent
time the job was due; if no :class:`~heartbeat.core.models.ScheduledRun` exists for that
job and time, it records one and queues the job's task, in one transaction. The unique
(job, due time) pair means several workers polling at once queue a job once per due time,
and a worker that was down queues only the latest missed run, not every one it missed.

A job runs either every ``interval`` (due times are whole multiples of it since the Unix
epoch, so they do not drift) or weekly on ``weekday`` at ``at`` in the site's time zone.
Times come from settings so a deployment sets them in the environment; see
docs/background-tasks.md.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # dotted path of a django-tasks Task; it is called with due_at (ISO 8601)
    interval: datetime.timedelta | None = None
    weekday: int | None = None  # 0 is Monday
    at: datetime.time | None = None  # local time of day for weekly jobs

    def __post_init__(self):
        if (self.interval is None) == (self.weekday is None):
            raise ValueError(f"{self.name}: give either an interval or a weekday and time.")
        if self.interval is not None and self.interval <= datetime.timedelta(0):
            raise ValueError(f"{self.name}: the interval must be positive.")
        if self.weekday is not None and not 0 <= self.weekday <= 6:
            raise ValueError(f"{self.name}: the weekday must be 0 (Monday) to 6 (Sunday).")

    def last_due(self, now: datetime.datetime) -> datetime.datetime:
        """The latest due time at or before ``now``."""
        if self.interval is not None:
            steps = (now - EPOCH) // self.interval
            return EPOCH + steps * self.interval
        local_now = timezone.localtime(now)
        at = self.at or datetime.time(0, 0)
        days_back = (local_now.weekday() - self.weekday) % 7
        day = local_now.date() - datetime.timedelta(days=days_back)
        due = timezone.make_aware(datetime.datetime.combine(day, at))
        if due > now:
            due = timezone.make_aware(
                datetime.datetime.combine(day - datetime.timedelta(days=7), at)
            )
        return due

    def describe(self) -> str:
        if self.interval is not None:
            return f"every {self.interval}"
        return (
            f"every {WEEKDAYS[self.weekday].capitalize()} at {(self.at or datetime.time()):%H:%M}"
        )


def setting(name: str, default: str) -> str:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return str(value)


def parse_weekday(value: str) -> int:
    text = value.strip().lower()
    if text.isdigit() and 0 <= int(text) <= 6:
        return int(text)
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(text[:3]) and len(text) >= 3:
            return index
    raise ValueError(f"Not a day of the week: {value!r} (use monday to sunday).")


def parse_time(value: str) -> datetime.time:
    try:
        return datetime.time.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"Not a time of day: {value!r} (use 24-hour HH:MM).") from None


def scheduled_jobs() -> list[Job]:
    """Every registered job, its times read from settings now (apps register a function
    returning their Job in ``AppConfig.ready``)."""
    from heartbeat.core.registry import scheduled_jobs as registered

    return [make() for make in registered]


def enqueue_due_jobs(
    now: datetime.datetime | None = None, jobs: list[Job] | None = None
) -> list[str]:
    """Queue each job whose latest due time has not been queued yet; return their names."""
    from heartbeat.core.models import ScheduledRun

    now = now or timezone.now()
    queued = []
    for job in scheduled_jobs() if jobs is None else jobs:
        due_at = job.last_due(now)
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, due_at=due_at, enqueued_at=now)
                # Queued in the same transaction: with the database backend the task row
                # and the run record are written together or not at all.
                result = import_string(job.task).enqueue(due_at=due_at.isoformat())
                run.task_id = str(result.id)[:64]
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # another worker queued this due time first
        queued.append(job.name)
    return queued
