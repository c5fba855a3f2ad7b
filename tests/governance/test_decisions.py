"""The decision log and stage gates: a gated move needs the owning board's recorded approval,
from the services, the project page and the API alike; recording the approval makes the
move, and the two link to each other."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from heartbeat.accounts.services import api_token_create
from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.governance import services
from heartbeat.governance.inputs import DecisionInput
from heartbeat.governance.models import Decision, MeetingStatus, Outcome, StageGate
from heartbeat.portfolio import services as portfolio_services
from heartbeat.portfolio.models import Project, Stage, StageTransition
from tests.governance.factories import (
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    SeatFactory,
    approval_gate,
    upcoming,
)
from tests.portfolio.factories import ProjectFactory, complete_definition
from tests.roadmap.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme_board(board_member):
    board = BoardFactory(name="Programme Board")
    SeatFactory(board=board, person=board_member, role="secretary")
    approval_gate(board)
    return board


@pytest.fixture
def defined_project():
    return complete_definition(ProjectFactory(title="Digital telecare", stage=Stage.DEFINED))


def _approve(project, **changes) -> DecisionInput:
    values = {
        "title": f"Approve {project.title}",
        "outcome": Outcome.APPROVED,
        "project_id": project.pk,
        "gate_stage": Stage.APPROVED,
        "conditions": "Report benefits to the board each quarter.",
    }
    values.update(changes)
    return DecisionInput(**values)


def test_recording_the_boards_approval_moves_the_project_through_the_gate(
    board_member, programme_board, defined_project
):
    meeting = MeetingFactory(board=programme_board)
    decision = services.decision_record(
        actor=board_member, meeting=meeting, data=_approve(defined_project)
    )
    defined_project.refresh_from_db()
    assert defined_project.stage == Stage.APPROVED
    transition = StageTransition.objects.get(project=defined_project)
    assert decision.transition == transition
    assert transition.gate_decision == decision
    # The secretary is not the programme office, but the board's decision made the move.
    assert transition.actor == board_member
    assert transition.reason.startswith("Approved by the Programme Board on ")
    assert "Report benefits to the board each quarter." in transition.reason
    assert decision.recorded_by == board_member
    assert decision.board == programme_board


def test_a_gated_move_without_a_decision_is_refused_by_the_services(
    programme_office, programme_board, defined_project
):
    with pytest.raises(ApplicationError) as error:
        portfolio_services.project_transition(
            actor=programme_office, project=defined_project, to_stage=Stage.APPROVED
        )
    assert error.value.code == "gate_decision_required"
    assert "needs a recorded decision of the Programme Board" in error.value.message
    defined_project.refresh_from_db()
    assert defined_project.stage == Stage.DEFINED
    assert not StageTransition.objects.exists()


def test_the_project_page_refuses_a_gated_move_with_the_reason(
    client, programme_office, programme_board, defined_project
):
    client.force_login(programme_office)
    response = client.post(
        reverse("portfolio:project_move", args=[defined_project.slug]), {"to_stage": "approved"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "There is a problem" in page
    assert "needs a recorded decision of the Programme Board" in page
    assert Project.objects.get(pk=defined_project.pk).stage == Stage.DEFINED


def test_the_confirmation_page_says_which_board_must_approve_a_gated_move(
    client, programme_office, programme_board, defined_project
):
    client.force_login(programme_office)
    url = reverse("portfolio:project_move_confirm", args=[defined_project.slug, "approved"])
    page = client.get(url).content.decode()
    assert "The Programme Board owns the approval gate" in page
    # A move no gate guards says nothing of boards.
    StageGate.objects.all().delete()
    assert "owns the approval gate" not in client.get(url).content.decode()


def test_the_api_refuses_a_gated_move(client, programme_office, programme_board, defined_project):
    _, raw = api_token_create(actor=programme_office, name="Script")
    response = client.post(
        f"/api/v1/projects/{defined_project.slug}/transitions",
        data=json.dumps({"to_stage": "approved"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "gate_decision_required"
    assert Project.objects.get(pk=defined_project.pk).stage == Stage.DEFINED


def test_moves_without_a_gate_need_no_decision(programme_office, programme_board):
    project = complete_definition(ProjectFactory(stage=Stage.APPROVED))
    portfolio_services.project_transition(
        actor=programme_office, project=project, to_stage=Stage.RECRUITING
    )
    assert Project.objects.get(pk=project.pk).stage == Stage.RECRUITING


def test_a_decision_by_a_board_that_does_not_own_the_gate_is_refused(
    programme_board, defined_project
):
    partnership = BoardFactory(name="Partnership Board")
    other = SeatFactory(board=partnership).person
    meeting = MeetingFactory(board=partnership)
    with pytest.raises(ApplicationError) as error:
        services.decision_record(actor=other, meeting=meeting, data=_approve(defined_project))
    assert error.value.code == "gate_wrong_board"
    assert "The Programme Board owns the approval gate" in error.value.message
    assert not Decision.objects.exists()
    # Nor can such a decision be handed to the move directly.
    decision = DecisionFactory(meeting=meeting, project=defined_project, gate_stage=Stage.APPROVED)
    with pytest.raises(ApplicationError) as error:
        portfolio_services.project_transition(
            actor=None,
            project=defined_project,
            to_stage=Stage.APPROVED,
            extra={"decision": decision.pk},
        )
    assert error.value.code == "gate_wrong_board"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"outcome": Outcome.DEFERRED}, "decision_not_approval"),
        ({"gate_stage": ""}, "decision_other_gate"),
    ],
)
def test_only_an_approval_for_this_gate_passes_it(programme_board, defined_project, changes, code):
    values = {"outcome": Outcome.APPROVED, "gate_stage": Stage.APPROVED, **changes}
    decision = DecisionFactory(
        meeting=MeetingFactory(board=programme_board), project=defined_project, **values
    )
    with pytest.raises(ApplicationError) as error:
        portfolio_services.project_transition(
            actor=None,
            project=defined_project,
            to_stage=Stage.APPROVED,
            extra={"decision": decision.pk},
        )
    assert error.value.code == code


def test_a_decision_about_another_project_or_used_already_does_not_pass(
    programme_board, defined_project
):
    meeting = MeetingFactory(board=programme_board)
    elsewhere = DecisionFactory(
        meeting=meeting, project=ProjectFactory(), gate_stage=Stage.APPROVED
    )
    with pytest.raises(InvalidInput) as error:
        portfolio_services.project_transition(
            actor=None,
            project=defined_project,
            to_stage="approved",
            extra={"decision": elsewhere.pk},
        )
    assert error.value.code == "decision_other_subject"
    with pytest.raises(InvalidInput):
        portfolio_services.project_transition(
            actor=None, project=defined_project, to_stage="approved", extra={"decision": "x"}
        )


def test_deferred_and_rejected_decisions_are_logged_without_a_move(
    board_member, programme_board, defined_project
):
    meeting = MeetingFactory(board=programme_board)
    for outcome in (Outcome.DEFERRED, Outcome.REJECTED):
        decision = services.decision_record(
            actor=board_member,
            meeting=meeting,
            data=_approve(defined_project, outcome=outcome, title="Not yet"),
        )
        assert decision.transition is None
    assert Project.objects.get(pk=defined_project.pk).stage == Stage.DEFINED


def test_a_decision_needs_a_meeting_and_the_meeting_its_board(board_member, programme_board):
    with pytest.raises(InvalidInput) as error:
        services.decision_record(
            actor=board_member, meeting=None, data=DecisionInput(title="x", outcome="approved")
        )
    assert error.value.code == "decision_needs_meeting"
    assert error.value.field == "meeting"


@pytest.mark.parametrize(
    ("meeting", "code"),
    [("upcoming", "meeting_not_yet_held"), ("cancelled", "meeting_cancelled")],
)
def test_decisions_are_made_at_meetings_that_took_place(
    board_member, programme_board, defined_project, meeting, code
):
    if meeting == "upcoming":
        chosen = upcoming(board=programme_board)
    else:
        chosen = MeetingFactory(board=programme_board, status=MeetingStatus.CANCELLED)
    with pytest.raises(ApplicationError) as error:
        services.decision_record(actor=board_member, meeting=chosen, data=_approve(defined_project))
    assert error.value.code == code
    assert not Decision.objects.exists()


def test_an_approval_the_project_cannot_take_is_refused_and_not_logged(
    board_member, programme_board
):
    proposed = ProjectFactory(stage=Stage.PROPOSED)
    with pytest.raises(ApplicationError) as error:
        services.decision_record(
            actor=board_member,
            meeting=MeetingFactory(board=programme_board),
            data=_approve(proposed),
        )
    assert error.value.code == "transition_not_allowed"
    assert "is proposed" in error.value.message
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"conditions": "a\x00b"}, "conditions"),
        ({"outcome": "noted"}, "outcome"),
        ({"product_id": "product"}, "product"),
        ({"project_id": None}, "project"),
        ({"project_id": 987654}, "project"),
        ({"gate_stage": "paused"}, "gate_stage"),
    ],
)
def test_bad_decision_input(board_member, programme_board, defined_project, changes, field):
    if changes.get("product_id") == "product":
        changes["product_id"] = ProductFactory().pk
    with pytest.raises(InvalidInput) as error:
        services.decision_record(
            actor=board_member,
            meeting=MeetingFactory(board=programme_board),
            data=_approve(defined_project, **changes),
        )
    assert error.value.field == field
    assert not Decision.objects.exists()


def test_a_gate_that_is_not_set_cannot_be_decided(board_member, programme_board, defined_project):
    with pytest.raises(ApplicationError) as error:
        services.decision_record(
            actor=board_member,
            meeting=MeetingFactory(board=programme_board),
            data=_approve(defined_project, gate_stage=Stage.IN_DELIVERY),
        )
    assert error.value.code == "gate_not_set"


def test_board_members_record_only_their_own_boards_decisions(programme_board, defined_project):
    outsider = SeatFactory(board=BoardFactory(name="Partnership Board")).person
    with pytest.raises(PermissionDenied):
        services.decision_record(
            actor=outsider,
            meeting=MeetingFactory(board=programme_board),
            data=_approve(defined_project, gate_stage="", project_id=None),
        )


def test_the_programme_office_records_a_boards_decision_as_its_secretariat(
    programme_office, programme_board, defined_project
):
    decision = services.decision_record(
        actor=programme_office,
        meeting=MeetingFactory(board=programme_board),
        data=_approve(defined_project),
    )
    assert decision.transition.actor == programme_office


def test_decisions_about_products_and_the_programme(board_member, programme_board):
    product = ProductFactory()
    meeting = MeetingFactory(board=programme_board)
    about_product = services.decision_record(
        actor=board_member,
        meeting=meeting,
        data=DecisionInput(
            title="Endorse the toolkit for every council", outcome="approved", product_id=product.pk
        ),
    )
    general = services.decision_record(
        actor=board_member,
        meeting=meeting,
        data=DecisionInput(title="Agree the 2027-28 budget", outcome="approved"),
    )
    assert about_product.subject == product
    assert general.subject is None


def test_correcting_a_decision(board_member, programme_board, defined_project):
    meeting = MeetingFactory(board=programme_board)
    deferred = services.decision_record(
        actor=board_member,
        meeting=meeting,
        data=_approve(defined_project, outcome=Outcome.DEFERRED),
    )
    # Recorded wrongly: the board approved it. Correcting it makes the move then.
    corrected = services.decision_update(
        actor=board_member, decision=deferred, data=_approve(defined_project), expected_version=1
    )
    assert corrected.transition is not None
    assert Project.objects.get(pk=defined_project.pk).stage == Stage.APPROVED
    with pytest.raises(Conflict):
        services.decision_update(
            actor=board_member,
            decision=deferred,
            data=_approve(defined_project),
            expected_version=1,
        )
    # Its wording can still change; its outcome cannot, now that it moved the project.
    reworded = services.decision_update(
        actor=board_member,
        decision=corrected,
        data=_approve(defined_project, title="Approve Digital telecare for 2027-28"),
        expected_version=corrected.version,
    )
    assert reworded.title == "Approve Digital telecare for 2027-28"
    with pytest.raises(ApplicationError) as error:
        services.decision_update(
            actor=board_member,
            decision=reworded,
            data=_approve(defined_project, outcome=Outcome.REJECTED),
            expected_version=reworded.version,
        )
    assert error.value.code == "decision_moved_project"


def test_gates_are_set_by_the_programme_office(programme_office, board_member):
    board = BoardFactory(name="Partnership Board")
    gate = services.gate_set(
        actor=programme_office, stage=Stage.CLOSED, board=board, note="Closure"
    )
    assert (gate.stage, gate.board) == (Stage.CLOSED, board)
    with pytest.raises(PermissionDenied):
        services.gate_set(actor=board_member, stage=Stage.APPROVED, board=board)
    with pytest.raises(InvalidInput):
        services.gate_set(actor=programme_office, stage=Stage.PAUSED, board=board)
    retired = BoardFactory(name="Old Board", active=False)
    with pytest.raises(InvalidInput):
        services.gate_set(actor=programme_office, stage=Stage.APPROVED, board=retired)
    services.gate_remove(actor=programme_office, stage=Stage.CLOSED)
    assert not StageGate.objects.exists()


def test_a_gate_applies_to_every_move_into_its_stage(programme_office, board_member):
    board = BoardFactory(name="Programme Board")
    SeatFactory(board=board, person=board_member)
    services.gate_set(actor=programme_office, stage=Stage.IN_DELIVERY, board=board)
    project = complete_definition(ProjectFactory(stage=Stage.RECRUITING))
    with pytest.raises(ApplicationError) as refused:
        portfolio_services.project_transition(
            actor=programme_office, project=project, to_stage=Stage.IN_DELIVERY
        )
    assert refused.value.code == "gate_decision_required"
    decision = services.decision_record(
        actor=board_member,
        meeting=MeetingFactory(board=board),
        data=_approve(project, title="Start delivery", gate_stage=Stage.IN_DELIVERY),
    )
    assert decision.transition.to_stage == Stage.IN_DELIVERY
    assert decision.transition.at <= timezone.now() + datetime.timedelta(seconds=1)


def test_the_listener_links_only_a_decision_that_fits_the_move(programme_board, defined_project):
    from heartbeat.portfolio import hooks

    elsewhere = DecisionFactory(
        meeting=MeetingFactory(board=programme_board),
        project=ProjectFactory(),
        gate_stage=Stage.APPROVED,
    )
    with hooks.transition_checks.replaced({}):
        portfolio_services.project_transition(
            actor=None,
            project=defined_project,
            to_stage=Stage.APPROVED,
            extra={"decision": elsewhere.pk},
        )
    elsewhere.refresh_from_db()
    assert elsewhere.transition is None
