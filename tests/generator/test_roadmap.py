"""Synthetic roadmap and governance for benchmarks: sizes, the rules, and flushing."""

import pytest
from django.utils import timezone

from heartbeat.generator.runner import GENERATORS, generate_partnership
from heartbeat.governance.models import Board, Decision, Meeting, StageGate
from heartbeat.roadmap import rules
from heartbeat.roadmap.models import Adoption, Product, ProductStatus
from heartbeat.work_requests.models import WorkRequest

pytestmark = pytest.mark.django_db

THROUGH_GOVERNANCE = GENERATORS[: GENERATORS.index("heartbeat.generator.governance.generate") + 1]


@pytest.fixture
def scale_one(db):
    return generate_partnership(scale=1, generators=THROUGH_GOVERNANCE)


def test_the_generators_come_after_recruitment_in_order():
    names = [path.rsplit(".", 2)[-2] for path in GENERATORS]
    assert names.index("recruitment") < names.index("roadmap") < names.index("governance")


def test_products_and_adoption_keep_the_rules(scale_one):
    today = timezone.localdate()
    assert scale_one["products"] == Product.objects.count() >= 150
    assert scale_one["adoptions"] == Adoption.objects.count() > 0
    for product in Product.objects.select_related("project"):
        rules.check_planned_quarter(product.planned_quarter, product.project)
        rules.check_delivered(product.status, product.delivered_on, today=today)
    members = set(rules.member_organisations().values_list("pk", flat=True))
    for adoption in Adoption.objects.select_related("product"):
        assert adoption.organisation_id in members
        assert adoption.product.status == ProductStatus.LIVE
        rules.check_adopted_on(adoption.adopted_on, adoption.product, today=today)


def test_boards_meet_and_approvals_carry_decisions(scale_one):
    assert Board.objects.count() == 2
    gate = StageGate.objects.get(stage="approved")
    held = Meeting.objects.filter(board=gate.board, starts_at__lt=timezone.now())
    assert held.count() >= 12
    approvals = Decision.objects.filter(transition__isnull=False).select_related(
        "transition", "meeting"
    )
    assert approvals.exists()
    for decision in approvals:
        assert decision.meeting.board_id == gate.board_id
        assert decision.meeting.starts_at <= decision.transition.at
        assert decision.project_id == decision.transition.project_id
    assert Decision.objects.filter(outcome="deferred").exists()
    endorsed = Decision.objects.filter(work_request__isnull=False).select_related(
        "work_request", "meeting"
    )
    # Accepted requests a held meeting came after: a share of them are endorsed. (How many
    # there are depends on the work requests' generated dates.)
    last = held.order_by("-starts_at").first()
    eligible = WorkRequest.objects.filter(state="accepted", state_changed_at__lte=last.starts_at)
    assert endorsed.count() <= eligible.count()
    if eligible.count() >= 10:
        assert endorsed.exists()
    for decision in endorsed:
        assert decision.work_request.state == "accepted"
        assert decision.meeting.starts_at >= decision.work_request.state_changed_at
        assert decision.project_id is None and decision.meeting.board_id == gate.board_id


def test_flushing_and_generating_again(scale_one):
    again = generate_partnership(scale=1, generators=THROUGH_GOVERNANCE, flush=True)
    assert again["products"] == Product.objects.count()
    assert again["decisions"] == Decision.objects.count()
    assert Product.history.count() == Product.objects.count()


def test_the_bench_finds_its_pages_in_generated_data(scale_one, client):
    from heartbeat.accounts.models import User
    from heartbeat.bench.roadmap import URLS, meeting_page, product_page

    assert product_page().startswith("/roadmap/products/")
    assert meeting_page().startswith("/governance/meetings/")
    client.force_login(User.objects.get(email="bench-programme-office@example.org"))
    for url in URLS:
        assert client.get(url.resolve()).status_code == 200, url.name


def test_accepted_requests_are_endorsed_at_a_meeting_after_their_acceptance(monkeypatch, db):
    import datetime
    import random

    from heartbeat.generator import governance
    from tests.governance.factories import BoardFactory, MeetingFactory
    from tests.work_requests.factories import WorkRequestFactory

    monkeypatch.setattr(governance, "ENDORSED_SHARE", 1.0)
    now = timezone.now()
    board = BoardFactory(name="Programme Board")
    meetings = [
        MeetingFactory(board=board, starts_at=now - datetime.timedelta(days=days))
        for days in (90, 60, 30)
    ]
    accepted = WorkRequestFactory(
        state="accepted", state_changed_at=now - datetime.timedelta(days=45)
    )
    WorkRequestFactory(state="accepted", state_changed_at=now - datetime.timedelta(days=10))
    WorkRequestFactory(state="under_review")
    assert governance._decisions(meetings, board, now, random.Random(1)) == 1
    decision = Decision.objects.get()
    assert (decision.work_request, decision.meeting) == (accepted, meetings[2])
    assert decision.outcome == "approved" and decision.project_id is None
