"""Two people at the same moment, on two real database connections (PostgreSQL): the
rules hold and nothing is silently overwritten."""

import threading

import pytest
from django.db import connection

from heartbeat.core.exceptions import ApplicationError
from heartbeat.governance import services
from heartbeat.governance.inputs import DecisionInput
from heartbeat.governance.models import Decision
from heartbeat.portfolio.models import Project, Stage, StageTransition
from tests.governance.factories import BoardFactory, MeetingFactory, SeatFactory, approval_gate
from tests.portfolio.factories import ProjectFactory, complete_definition

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite lets one connection write at a time, so two writers never overlap; "
        "the race runs on PostgreSQL in CI",
    ),
]


def at_the_same_moment(*calls):
    """Run each call in its own thread and connection, started together; return what each
    returned or raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        from django.db import connections

        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_secretaries_approving_the_same_project_move_it_once():
    board = BoardFactory(name="Programme Board")
    first, second = SeatFactory(board=board).person, SeatFactory(board=board).person
    approval_gate(board)
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))
    meeting = MeetingFactory(board=board)

    def approve(person):
        return lambda: services.decision_record(
            actor=person,
            meeting=meeting,
            data=DecisionInput(
                title=f"Approve it ({person.pk})",
                outcome="approved",
                project_id=project.pk,
                gate_stage="approved",
            ),
        )

    results = at_the_same_moment(approve(first), approve(second))
    decisions = [r for r in results if isinstance(r, Decision)]
    refusals = [r for r in results if isinstance(r, ApplicationError)]
    assert len(decisions) == 1 and len(refusals) == 1, results
    assert refusals[0].code == "transition_not_allowed"
    assert Project.objects.get(pk=project.pk).stage == Stage.APPROVED
    assert StageTransition.objects.filter(project=project).count() == 1
    assert Decision.objects.get().transition is not None


def test_a_gate_given_to_another_board_while_a_decision_is_recorded():
    board = BoardFactory(name="Programme Board")
    secretary = SeatFactory(board=board).person
    approval_gate(board)
    other = BoardFactory(name="Partnership Board")
    office = SeatFactory(board=other, person__is_programme_office=True).person
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))
    meeting = MeetingFactory(board=board)
    results = at_the_same_moment(
        lambda: services.decision_record(
            actor=secretary,
            meeting=meeting,
            data=DecisionInput(
                title="Approve it",
                outcome="approved",
                project_id=project.pk,
                gate_stage="approved",
            ),
        ),
        lambda: services.gate_set(actor=office, stage="approved", board=other),
    )
    project.refresh_from_db()
    decision = Decision.objects.first()
    # Either the approval went through before the gate moved, or it was refused after:
    # never a move by a board that did not own the gate when the move was made.
    if project.stage == Stage.APPROVED:
        assert decision.transition is not None
    else:
        assert decision is None
        assert any(
            isinstance(r, ApplicationError) and r.code == "gate_wrong_board" for r in results
        )
