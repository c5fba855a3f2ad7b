"""Synthetic recruitment for benchmarks: size, rules and the derived coverage rows."""

from collections import defaultdict

import pytest
from django.db.models import F, Q

from heartbeat.generator.recruitment import STAGES
from heartbeat.generator.runner import generate_partnership
from heartbeat.portfolio.models import Project, Stage
from heartbeat.recruitment.coverage import pledge_days_by_month
from heartbeat.recruitment.models import (
    MAX_DAYS_PER_MONTH,
    Participation,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
    RequirementMonth,
)

GENERATORS = [
    "heartbeat.generator.partnership.generate",
    "heartbeat.generator.portfolio.generate",
    "heartbeat.generator.recruitment.generate",
]


@pytest.fixture
def scale_one(db):
    return generate_partnership(scale=1, generators=GENERATORS)


def test_about_ten_thousand_pledge_months_per_unit_of_scale(scale_one):
    assert 8_000 <= scale_one["pledge-months"] <= 12_000
    assert scale_one["pledges"] == Pledge.objects.count()
    assert scale_one["participations"] == Participation.objects.count()
    assert scale_one["planned reductions"] > 0


def test_pledges_keep_the_rules(scale_one):
    pledges = Pledge.objects.select_related("requirement__project")
    assert not pledges.exclude(requirement__project__stage__in=STAGES).exists()
    assert not pledges.filter(
        Q(start_month__lt=F("requirement__start_month"))
        | Q(end_month__gt=F("requirement__end_month"))
        | Q(days_per_month__lte=0)
        | Q(days_per_month__gt=MAX_DAYS_PER_MONTH)
    ).exists()
    named = pledges.filter(person__isnull=False).select_related("person")
    assert named.exists()
    assert all(p.person.organisation_id == p.organisation_id for p in named)
    # Every pledging organisation has joined the project.
    joined = set(
        Participation.objects.filter(
            status__in=(ParticipationStatus.COMMITTED, ParticipationStatus.ACTIVE)
        ).values_list("organisation_id", "project_id")
    )
    assert all((p.organisation_id, p.requirement.project_id) in joined for p in pledges)


def test_derived_months_are_those_the_services_keep(scale_one):
    from heartbeat.recruitment.services import refresh_requirement_months

    def stored():
        return {(r.requirement_id, r.month): r.pledged_days for r in RequirementMonth.objects.all()}

    generated = stored()
    refresh_requirement_months(Pledge.objects.values_list("requirement_id", flat=True).distinct())
    assert generated == stored()
    assert generated


def test_no_named_person_gives_more_than_a_month_s_working_days(scale_one):
    from heartbeat.core.months import working_days

    load = defaultdict(lambda: 0)
    for pledge in (
        Pledge.objects.counted().filter(person__isnull=False).prefetch_related("adjustments")
    ):
        adjustments = {a.month: a.days for a in pledge.adjustments.all()}
        for month, days in pledge_days_by_month(
            pledge.start_month, pledge.end_month, pledge.days_per_month, adjustments
        ).items():
            load[(pledge.person_id, month)] += days
    assert load
    assert all(days <= working_days(month) for (_, month), days in load.items())


def test_closed_projects_pledges_have_ended(scale_one):
    closed = Pledge.objects.filter(requirement__project__stage=Stage.CLOSED)
    assert closed.exists()
    assert not closed.filter(status=PledgeStatus.ACTIVE).exists()
    assert closed.filter(status=PledgeStatus.ENDED).exclude(ended_reason="").exists()


def test_projects_in_delivery_are_better_staffed_than_recruiting_ones(scale_one):
    from heartbeat.recruitment.selectors import project_coverage

    def average(stage):
        values = [
            project_coverage(p).percent
            for p in Project.objects.filter(stage=stage)[:15]
            if project_coverage(p).percent is not None
        ]
        return sum(values) / len(values)

    assert average(Stage.IN_DELIVERY) > average(Stage.RECRUITING)


def test_flush_removes_everything(scale_one):
    generate_partnership(scale=1, generators=GENERATORS, flush=True)
    assert Pledge.objects.count() > 0
    from heartbeat.generator.recruitment import flush

    flush(None)
    assert not Pledge.objects.exists()
    assert not RequirementMonth.objects.exists()
    assert not Participation.objects.exists()
    assert not Pledge.history.exists()


def test_benchmark_urls_answer_on_generated_data(scale_one, client):
    from heartbeat.accounts.models import User
    from heartbeat.bench.registry import BENCH_URLS
    from heartbeat.generator.runner import BENCH_USERS

    # Other apps' URLs look up their own generated records, which this test does not make:
    # keep fixed paths and the lookups of the registry's own module (recruitment's and the
    # work programme's) before resolving.
    ours = [
        u
        for u in BENCH_URLS
        if not callable(u.path) or u.path.__module__ == "heartbeat.bench.registry"
    ]
    ours = [
        u
        for u in ours
        if "recruitment" in u.resolve()
        or "coverage" in u.name
        or "pledges" in u.resolve()
        or "open-needs" in u.resolve()
    ]
    assert len(ours) >= 10
    office = User.objects.get(email=BENCH_USERS["programme_office"])
    for url in ours:
        client.logout()
        if url.signed_in:
            client.force_login(office, backend="heartbeat.accounts.backends.AccountsBackend")
        response = client.get(url.resolve())
        assert response.status_code == 200, url.name
