"""The demo governance: two boards, a year of their meetings whose decisions follow the
demo projects' stories, papers that open, and work waiting for the demo board member."""

import datetime

import pytest
from django.db import transaction
from django.test import RequestFactory, override_settings
from django.utils import timezone

from heartbeat.accounts.models import User
from heartbeat.core import registry
from heartbeat.demo.data import governance as demo_data
from heartbeat.demo.loader import DEMO_LOADERS, load_demo
from heartbeat.governance import selectors
from heartbeat.governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Board,
    BoardMembership,
    Decision,
    Meeting,
    StageGate,
)
from heartbeat.portfolio.models import StageTransition

LOADERS = [*DEMO_LOADERS]
YEAR_START = datetime.date(2025, 12, 1)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with (
        override_settings(MEDIA_ROOT=media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Board, BoardMembership, Meeting, AgendaItem, Attendance, Action, Decision)
    }


def test_the_loader_runs_last_of_the_apps():
    assert DEMO_LOADERS.index("heartbeat.demo.governance.load") > DEMO_LOADERS.index(
        "heartbeat.demo.roadmap.load"
    )


def test_loading_again_duplicates_nothing(demo, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    before = _counts()
    load_demo(LOADERS)
    assert _counts() == before


def test_two_boards_own_the_gates(demo, db):
    boards = {b.slug: b for b in Board.objects.all()}
    assert set(boards) == {"partnership-board", "programme-board"}
    assert dict(StageGate.objects.values_list("stage", "board__slug")) == {
        "approved": "programme-board",
        "closed": "partnership-board",
    }
    chair = BoardMembership.objects.current().get(board=boards["programme-board"], role="chair")
    assert chair.person.email == "board.member@dundeecity.example"


def test_a_year_of_meetings_with_minutes_attendance_and_agendas(demo, db):
    now = timezone.now()
    for slug, least in (("programme-board", 12), ("partnership-board", 4)):
        held = Meeting.objects.filter(board__slug=slug, starts_at__lt=now)
        assert held.count() >= least
        first = timezone.localdate(held.order_by("starts_at").first().starts_at)
        assert first >= YEAR_START
        assert all(m.minutes and m.status == "held" for m in held)
        assert all(m.attendance.filter(status="present").exists() for m in held)
        assert all(m.agenda_items.count() >= 3 for m in held)
        upcoming = Meeting.objects.get(board__slug=slug, starts_at__gte=now)
        assert upcoming.status == "scheduled" and not upcoming.minutes
        assert upcoming.agenda_items.exists()


def test_approvals_in_the_year_carry_the_boards_decision(demo, db):
    approvals = StageTransition.objects.filter(
        to_stage="approved", at__date__gte=YEAR_START
    ).select_related("project")
    assert approvals.count() >= 9
    for move in approvals:
        decision = move.gate_decision
        assert decision.meeting.board.slug == "programme-board"
        assert decision.outcome == "approved" and decision.gate_stage == "approved"
        assert decision.project_id == move.project_id
        assert decision.meeting.starts_at.date() <= move.at.date()


def test_decisions_are_varied_and_tied_to_their_subjects(demo, db):
    outcomes = set(Decision.objects.values_list("outcome", flat=True))
    assert outcomes == {"approved", "deferred", "rejected"}
    assert Decision.objects.filter(product__isnull=False).count() >= 3
    assert Decision.objects.filter(project__isnull=True, product__isnull=True).exists()
    assert all(d.meeting.starts_at < timezone.now() for d in Decision.objects.all())


def test_decisions_about_work_requests_follow_the_requests_stories(demo, db, client):
    decisions = Decision.objects.filter(work_request__isnull=False).select_related(
        "work_request", "meeting"
    )
    assert decisions.count() >= 2
    for decision in decisions:
        work_request = decision.work_request
        # Made after the request reached the state it is in, and fitting that state: a board
        # endorses an accepted request, and defers a view on one still under review.
        assert decision.meeting.starts_at >= work_request.state_changed_at
        expected = {"accepted": {"approved"}, "under_review": {"deferred"}}
        assert decision.outcome in expected[work_request.state], decision.title
        assert decision.project_id is None and decision.product_id is None
    # The request's page shows its decisions to a signed-in member.
    member = User.objects.filter(is_active=True, is_programme_office=False).first()
    client.force_login(member)
    first = decisions.first()
    page = client.get(first.work_request.get_absolute_url()).content.decode()
    assert first.title.replace("'", "&#39;") in page


def test_papers_open_as_pdfs(demo, db):
    papers = AgendaItem.objects.exclude(paper="")
    assert papers.count() == len(demo_data.PAPERS)
    for item in papers:
        with item.paper.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
        assert item.paper_name.endswith(".pdf")


def test_the_demo_board_member_has_decisions_and_actions_waiting(demo, db):
    graham = User.objects.get(email="board.member@dundeecity.example")
    request = RequestFactory().get("/")
    request.user = graham
    blocks = {b.key: b for b in registry.collect(registry.home_blocks, request)}
    awaiting = {a.project.slug for a in blocks["awaiting-decision"].context["awaiting"]}
    assert awaiting == {
        "eplanning-integration",
        "cloud-first-hosting-strategy",
        "data-sharing-agreements-toolkit",
    }
    assert blocks["your-actions"].count == 2
    latest = Meeting.objects.filter(board__slug="programme-board", starts_at__lt=timezone.now())
    detail = selectors.meeting_detail(graham, latest.order_by("-starts_at").first().pk)
    assert len(detail.carried) >= 2
    assert all(a.status == "open" or a.done_on for a in detail.carried)
