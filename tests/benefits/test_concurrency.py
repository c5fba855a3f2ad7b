"""Two people at the same moment, on two real database connections: a report is saved once,
and two edits from the same version never silently overwrite each other."""

import threading

import pytest
from django.db import connection, connections

from heartbeat.benefits import services
from heartbeat.benefits.inputs import MeasurementInput
from heartbeat.benefits.models import Benefit, Measurement
from heartbeat.core.exceptions import ApplicationError
from tests.benefits.factories import benefit_input

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite serialises every write on one file lock, so two writers never meet; "
        "the race is tested on PostgreSQL (CI runs the suite on both)",
    ),
]


def _at_once(*calls):
    """Run the calls in threads released together; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # the outcome under test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_the_same_report_twice_at_once_is_saved_once(
    project, project_lead, organisation_lead, council
):
    benefit = services.benefit_create(actor=project_lead, project=project, data=benefit_input())

    def report():
        return services.measurement_record(
            actor=organisation_lead,
            benefit=Benefit.objects.get(pk=benefit.pk),
            organisation=council,
            data=MeasurementInput("2026-27", "100", evidence="Invoice"),
        )

    results = _at_once(report, report)
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1
    assert isinstance(errors[0], ApplicationError) and errors[0].code == "already_reported"
    assert Measurement.objects.count() == 1


def test_two_edits_from_one_version_at_once(project, project_lead, programme_office):
    benefit = services.benefit_create(actor=project_lead, project=project, data=benefit_input())

    def edit(actor, title):
        return lambda: services.benefit_update(
            actor=actor,
            benefit=Benefit.objects.get(pk=benefit.pk),
            data=benefit_input(title=title),
            expected_version=1,
        )

    results = _at_once(
        edit(project_lead, "Lead's wording"), edit(programme_office, "Office's wording")
    )
    saved = [r for r in results if isinstance(r, Benefit)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(saved) == 1 and len(refused) == 1
    assert refused[0].code == "edit_conflict"
    benefit.refresh_from_db()
    assert benefit.version == 2
    assert benefit.title == saved[0].title
