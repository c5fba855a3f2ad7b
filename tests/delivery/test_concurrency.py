"""Two people at the same moment, on two real database connections (PostgreSQL).

SQLite runs one writer at a time, so two connections cannot race there: these tests skip on
SQLite, and CI runs them on PostgreSQL.
"""

import datetime
import threading

import pytest
from django.db import connection, connections

from heartbeat.core.exceptions import Conflict
from heartbeat.delivery.models import HeartbeatUpdate, RaidItem
from heartbeat.delivery.services import update_save
from tests.delivery.factories import active_project, make_risk, update_input

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite allows one writer at a time; the race needs PostgreSQL's connections.",
    ),
]

TODAY = datetime.date(2026, 12, 3)
NOVEMBER = datetime.date(2026, 11, 1)


def _at_once(*calls):
    """Run each call on its own connection, released together; return results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # the test inspects what each got
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_submissions_for_one_period_give_one_update_and_a_clear_conflict(project_lead):
    project = active_project(project_lead=project_lead)

    def submit(summary):
        return lambda: update_save(
            actor=project_lead,
            project=project,
            data=update_input(NOVEMBER, summary=summary),
            submit=True,
            today=TODAY,
        )

    for attempt in range(3):
        HeartbeatUpdate.objects.filter(project=project).delete()
        results = _at_once(submit(f"First {attempt}"), submit(f"Second {attempt}"))
        saved = [r for r in results if isinstance(r, HeartbeatUpdate)]
        conflicts = [r for r in results if isinstance(r, Conflict)]
        assert len(saved) == 1, results
        assert len(conflicts) == 1, results
        assert conflicts[0].code == "update_exists"
        assert conflicts[0].extra["existing_id"] == saved[0].pk
        assert HeartbeatUpdate.objects.filter(project=project, period_start=NOVEMBER).count() == 1


def test_two_risks_raised_at_once_get_different_numbers(project_lead):
    project = active_project(project_lead=project_lead)
    results = _at_once(
        lambda: make_risk(project, actor=project_lead, title="One"),
        lambda: make_risk(project, actor=project_lead, title="Two"),
    )
    assert all(isinstance(r, RaidItem) for r in results), results
    assert sorted(RaidItem.objects.filter(project=project).values_list("number", flat=True)) == [
        1,
        2,
    ]


def test_two_corrections_of_one_version_give_one_and_a_clear_conflict(project_lead):
    from heartbeat.delivery.services import update_correct

    project = active_project(project_lead=project_lead)
    original = update_save(
        actor=project_lead, project=project, data=update_input(NOVEMBER), submit=True, today=TODAY
    )

    def correct(summary):
        return lambda: update_correct(
            actor=project_lead,
            update=original,
            data=update_input(NOVEMBER, summary=summary),
            reason=f"Because {summary}",
            today=TODAY,
        )

    results = _at_once(correct("one"), correct("two"))
    corrections = [r for r in results if isinstance(r, HeartbeatUpdate)]
    conflicts = [r for r in results if isinstance(r, Conflict)]
    assert len(corrections) == 1 and len(conflicts) == 1, results
    assert conflicts[0].code == "already_corrected"
    assert HeartbeatUpdate.objects.filter(project=project).count() == 2
