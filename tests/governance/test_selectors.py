"""Governance's reads keep the same number of queries at 3 rows and at 30."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from heartbeat.core import registry
from heartbeat.governance import permissions, selectors
from heartbeat.governance.models import Action, AgendaItem, Attendance, Decision
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.selectors import project_detail
from tests.factories import UserFactory
from tests.governance.factories import (
    ActionFactory,
    AgendaItemFactory,
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    SeatFactory,
    approval_gate,
)
from tests.portfolio.factories import ProjectFactory
from tests.querybudget import assert_same_queries
from tests.roadmap.factories import ProductFactory

pytestmark = pytest.mark.django_db


def fresh(user, read):
    """Run ``read`` as on a new request: the person's seats are not remembered yet."""

    def run():
        permissions.forget_boards(user)
        return read()

    return run


@pytest.fixture
def board(board_member):
    board = BoardFactory(name="Programme Board")
    SeatFactory(board=board, person=board_member)
    approval_gate(board)
    return board


def test_the_decision_log_keeps_its_budget(member, board):
    meeting = MeetingFactory(board=board)

    def decisions(n):
        for i in range(Decision.objects.count(), n):
            subject = {"project": ProjectFactory()} if i % 2 else {"product": ProductFactory()}
            DecisionFactory(meeting=meeting, **subject)

    def page():
        list(selectors.decision_log(member)[:25])

    assert_same_queries(decisions, page, budget=1)
    assert_same_queries(
        decisions,
        lambda: selectors.decision_export_rows(selectors.decision_log(member), ""),
        sizes=(31, 60),
        budget=1,
    )


def test_a_meeting_page_keeps_its_budget(member, board):
    meeting = MeetingFactory(board=board)
    earlier = MeetingFactory(board=board, starts_at=meeting.starts_at - datetime.timedelta(days=30))

    def everything(n):
        for _ in range(AgendaItem.objects.count(), n):
            AgendaItemFactory(meeting=meeting)
            DecisionFactory(meeting=meeting, project=ProjectFactory())
            ActionFactory(meeting=meeting)
            ActionFactory(meeting=earlier)
            seat = SeatFactory(board=board)
            Attendance.objects.create(meeting=meeting, person=seat.person, status="present")

    assert_same_queries(
        everything, fresh(member, lambda: selectors.meeting_detail(member, meeting.pk)), budget=8
    )


def test_lists_keep_their_budget(member, board):
    def meetings(n):
        from heartbeat.governance.models import Meeting

        for _ in range(Meeting.objects.count(), n):
            meeting = MeetingFactory(board=board)
            ActionFactory(meeting=meeting, owner=member)
            DecisionFactory(meeting=meeting)

    assert_same_queries(meetings, lambda: list(selectors.meeting_list(member)[:25]), budget=1)
    assert_same_queries(
        meetings,
        lambda: selectors.action_export_rows(selectors.action_list(member)),
        sizes=(31, 60),
        budget=1,
    )
    assert_same_queries(meetings, selectors.board_list, sizes=(61, 90), budget=1)


def test_awaiting_decisions_keeps_its_budget(board_member, board):
    def projects(n):
        from heartbeat.portfolio.models import Project

        for i in range(Project.objects.count(), n):
            project = ProjectFactory(stage=Stage.DEFINED)
            if i % 2:
                DecisionFactory(
                    meeting=MeetingFactory(board=board),
                    project=project,
                    outcome="deferred",
                    gate_stage="approved",
                )

    assert_same_queries(
        projects,
        lambda: selectors.awaiting_decisions(board_member, board_ids={board.pk}, limit=5),
        budget=4,
    )


def test_the_project_section_keeps_its_budget(member, board):
    project = ProjectFactory(stage=Stage.DEFINED)

    def decisions(n):
        for _ in range(Decision.objects.count(), n):
            DecisionFactory(
                meeting=MeetingFactory(board=board),
                project=project,
                outcome="deferred",
                gate_stage="approved",
            )

    loaded = project_detail(member, project.slug)
    assert_same_queries(
        decisions, fresh(member, lambda: selectors.project_gates(member, loaded)), budget=3
    )


def test_the_home_blocks_keep_their_budget(board_member, board):
    def work(n):
        for _ in range(Action.objects.count(), n):
            ActionFactory(meeting=MeetingFactory(board=board), owner=board_member)
            ProjectFactory(stage=Stage.DEFINED)

    def home():
        request = RequestFactory().get("/")
        request.user = UserFactory._meta.model.objects.get(pk=board_member.pk)
        blocks = registry.collect(registry.home_blocks, request)
        registry.render_sections(
            request, [b for b in blocks if b.key in ("awaiting-decision", "your-actions")]
        )

    assert_same_queries(work, home)


def test_the_board_page_keeps_its_budget(member, board):
    def seats(n):
        for _ in range(board.memberships.count(), n):
            SeatFactory(board=board)
            MeetingFactory(board=board, starts_at=timezone.now() + datetime.timedelta(days=3))
            DecisionFactory(meeting=MeetingFactory(board=board))

    assert_same_queries(
        seats, fresh(member, lambda: selectors.board_detail(member, board.slug)), budget=8
    )


def test_the_whole_meeting_page_stays_under_twenty_queries(client, member, board):
    meeting = MeetingFactory(board=board)
    for _ in range(10):
        AgendaItemFactory(meeting=meeting)
        DecisionFactory(meeting=meeting, project=ProjectFactory())
        ActionFactory(meeting=meeting)
    client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(meeting.get_absolute_url()).status_code == 200
    assert len(queries.captured_queries) <= 20


def test_a_project_awaits_a_gate_when_its_move_is_due(board_member, board, programme_office):
    from heartbeat.governance import services as governance_services

    today = timezone.localdate()
    governance_services.gate_set(actor=programme_office, stage=Stage.CLOSED, board=board)
    defined = ProjectFactory(stage=Stage.DEFINED, title="Defined")
    ended = ProjectFactory(
        stage=Stage.IN_DELIVERY, title="Ended", planned_end=today - datetime.timedelta(days=1)
    )
    ProjectFactory(
        stage=Stage.IN_DELIVERY, title="Running", planned_end=today + datetime.timedelta(days=90)
    )
    ProjectFactory(stage=Stage.CLOSED, title="Closed")  # reopening is not awaited
    ProjectFactory(stage=Stage.PROPOSED, title="Proposed")
    total, pairs = selectors.awaiting_decisions(board_member, board_ids={board.pk})
    assert total == 2
    assert {(a.project.title, a.gate.stage) for a in pairs} == {
        (defined.title, Stage.APPROVED),
        (ended.title, Stage.CLOSED),
    }
    other = BoardFactory(name="Partnership Board")
    assert selectors.awaiting_decisions(board_member, board_ids={other.pk}) == (0, [])
