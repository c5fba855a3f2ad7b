"""The demo's work requests and scoring rounds: every state, real councils, two published
rounds with movement, loaded again without duplicates."""

import pytest
from django.db import transaction
from django.db.models import F

from heartbeat.demo.data.prioritisation import ROUND_1_ENTRIES
from heartbeat.demo.loader import DEMO_LOADERS, load_demo
from heartbeat.partnership.models import OrganisationKind
from heartbeat.prioritisation.models import Round, RoundEntry, Score
from heartbeat.recruitment.models import Participation
from heartbeat.work_requests.models import Comment, State, Support, WorkRequest

LOADERS = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
    "heartbeat.demo.recruitment.load",
    "heartbeat.demo.work_requests.load",
    "heartbeat.demo.prioritisation.load",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


def test_the_loaders_run_in_the_layers_order():
    assert DEMO_LOADERS.index("heartbeat.demo.work_requests.load") > DEMO_LOADERS.index(
        "heartbeat.demo.recruitment.load"
    )
    assert DEMO_LOADERS.index("heartbeat.demo.prioritisation.load") > DEMO_LOADERS.index(
        "heartbeat.demo.work_requests.load"
    )


def test_about_twenty_requests_in_every_state_from_real_councils(demo, db):
    requests = list(WorkRequest.objects.select_related("organisation"))
    assert 18 <= len(requests) <= 24
    assert {r.state for r in requests} == set(State.values)
    assert all(r.organisation.kind == OrganisationKind.LOCAL_AUTHORITY for r in requests)
    assert all(r.organisation.gss_code.startswith("S12") for r in requests)
    assert len({r.organisation_id for r in requests}) >= 15
    for r in requests:
        text = " ".join([r.title, r.problem, r.affected, r.outcome]).lower()
        assert "lorem" not in text and "ipsum" not in text


def test_accepted_requests_became_projects_with_their_councils_interested(demo, db):
    levy = WorkRequest.objects.get(title__startswith="Visitor levy")
    assert levy.state == State.ACCEPTED
    assert levy.project.title == "Visitor levy returns and payments"
    assert levy.problem in levy.project.problem
    interested = set(
        Participation.objects.filter(project=levy.project).values_list(
            "organisation__name", flat=True
        )
    )
    assert interested == {"City of Edinburgh", "Glasgow City", "Highland", "Aberdeen City"}
    waiting = WorkRequest.objects.filter(state=State.ACCEPTED, project__isnull=True)
    assert waiting.count() == 1


def test_duplicates_handed_over_their_supporters(demo, db):
    duplicate = WorkRequest.objects.get(title="Renewing short-term let licences")
    original = duplicate.duplicate_of
    assert original.title.startswith("Short-term let licence")
    supporters = set(original.supports.values_list("organisation__name", flat=True))
    assert {"East Renfrewshire", "Renfrewshire"} <= supporters
    assert not duplicate.supports.exists()


def test_every_date_is_in_the_past_and_in_order(demo, db):
    for r in WorkRequest.objects.prefetch_related("state_changes"):
        moments = [r.created_at, *[c.at for c in r.state_changes.all()]]
        assert moments == sorted(moments), r.title


def test_two_published_rounds_with_movement_and_reasons(demo, db):
    first, second = Round.objects.order_by("number")
    assert first.is_published and second.is_published
    assert first.published_at < second.published_at
    assert RoundEntry.objects.filter(round=first).count() == len(ROUND_1_ENTRIES)
    entries = RoundEntry.objects.filter(round=second)
    assert entries.filter(previous_rank__isnull=True).count() == 9  # new in Round 2
    assert entries.exclude(previous_rank=None).exclude(previous_rank=F("rank")).exists()
    assert all(e.movement for e in entries)
    assert not Score.objects.filter(rationale="").exists()
    # Every typed score has a reason written for that project.
    assert Score.objects.filter(computed=False).values("rationale").distinct().count() > 80


def test_loading_again_duplicates_nothing(demo, db):
    before = (
        WorkRequest.objects.count(),
        Support.objects.count(),
        Comment.objects.count(),
        Round.objects.count(),
        Score.objects.count(),
    )
    load_demo(LOADERS)
    after = (
        WorkRequest.objects.count(),
        Support.objects.count(),
        Comment.objects.count(),
        Round.objects.count(),
        Score.objects.count(),
    )
    assert after == before
