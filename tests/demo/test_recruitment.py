"""The demo's recruitment: uneven participation, pledges with a summer dip, full and short
projects, people's skills and capacity, loaded again without duplicates."""

import datetime

import pytest
from django.db import transaction

from heartbeat.demo.loader import DEMO_LOADERS, load_demo
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, Stage
from heartbeat.recruitment import selectors
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    Pledge,
    PledgeAdjustment,
    RequirementMonth,
)
from heartbeat.skills.models import UserSkill

LOADERS = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
    "heartbeat.demo.recruitment.load",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {
        "participations": Participation.objects.count(),
        "participation history": Participation.history.count(),
        "pledges": Pledge.objects.count(),
        "pledge history": Pledge.history.count(),
        "adjustments": PledgeAdjustment.objects.count(),
        "months": RequirementMonth.objects.count(),
        "skills": UserSkill.objects.count(),
        "capacity": OrganisationCapacity.objects.count(),
    }


def test_the_loader_runs_after_the_work_programme():
    assert DEMO_LOADERS.index("heartbeat.demo.recruitment.load") > DEMO_LOADERS.index(
        "heartbeat.demo.portfolio.load"
    )


def test_loading_again_duplicates_nothing(demo, db):
    before = counts()
    context = load_demo(LOADERS)
    assert counts() == before
    assert before["pledges"] > 40
    assert any("Recruitment: 0 participations, 0 pledges" in line for line in context.summary)


def test_the_office_365_federation_had_13_organisations(demo, db):
    project = Project.objects.get(slug="office-365-federation")
    participants = Participation.objects.filter(project=project)
    assert participants.count() == 13
    assert participants.get(role="lead").organisation.name == "Glasgow City"
    # Not every council is in everything.
    busiest = max(
        Participation.objects.filter(organisation=o).count() for o in Organisation.objects.all()
    )
    assert busiest < Project.objects.count() / 2


def test_pledges_dip_in_the_summer(demo, db):
    summer = PledgeAdjustment.objects.all()
    assert summer.count() > 10
    assert {a.month.month for a in summer} == {7, 8}
    for adjustment in summer.select_related("pledge"):
        assert adjustment.days * 2 == adjustment.pledge.days_per_month.quantize(adjustment.days)


def test_some_projects_are_fully_staffed_and_some_have_gaps(demo, db):
    coverage = {
        slug: selectors.project_coverage(Project.objects.get(slug=slug)).percent
        for slug in ("intelligent-automation", "crm-and-bookings", "housing-repairs-online")
    }
    assert coverage["intelligent-automation"] == 100
    assert 40 < coverage["crm-and-bookings"] < 100
    assert coverage["housing-repairs-online"] < 20


def test_recruiting_projects_have_open_needs_and_interest(demo, db):
    recruiting = Project.objects.filter(stage=Stage.RECRUITING)
    assert Participation.objects.filter(project__in=recruiting, status="interested").exists()
    assert (
        len(selectors.recruiting_projects(None)) == recruiting.filter(visibility="public").count()
    )


def test_people_have_skills_that_match_open_needs(demo, db):
    fife = Organisation.objects.get(name="Fife")
    needs, _people, _pledged = selectors.where_to_help(None, fife)
    matches = selectors.help_matches(fife, needs, _people, _pledged)
    assert UserSkill.objects.filter(user__organisation=fife).count() >= 3
    assert any(m.need.project.slug == "housing-repairs-online" for m in matches)


def test_capacity_is_declared_and_one_council_is_over(demo, db):
    assert OrganisationCapacity.objects.count() == 7
    fife = Organisation.objects.get(name="Fife")
    view = selectors.organisation_capacity(fife, from_month=datetime.date(2026, 4, 1))
    assert view.months[0].declared == 36
    assert view.months[0].pledged == 39  # 12 + 8 + 10 + 6 + 3
    assert view.over_months


def test_participations_and_pledges_are_dated_on_their_story(demo, db):
    from django.utils import timezone

    from heartbeat.portfolio.models import StageTransition

    today = timezone.localdate()
    for project in Project.objects.filter(participations__isnull=False).distinct():
        moves = StageTransition.objects.filter(project=project)
        opened = (
            moves.filter(to_stage=Stage.RECRUITING).order_by("at").first()
            or moves.filter(to_stage=Stage.APPROVED).order_by("at").first()
        )
        for participation in Participation.objects.filter(project=project):
            since = participation.committed_on or participation.interested_on
            assert opened.at.date() <= since < today, (project.slug, since)
            assert participation.created_at.date() == since
            assert {r.history_date.date() for r in participation.history.all()} == {since}
        for pledge in Pledge.objects.filter(requirement__project=project):
            assert opened.at <= pledge.created_at, project.slug
            assert pledge.created_at.date() < today
            first = pledge.history.order_by("history_date").first()
            assert first.history_date == pledge.created_at


def test_closed_projects_have_the_councils_and_ended_pledges_that_delivered_them(demo, db):
    from heartbeat.recruitment.models import PledgeStatus

    closed = Project.objects.filter(stage=Stage.CLOSED)
    assert closed.count() >= 4
    for project in closed:
        closed_on = project.transitions.get(to_stage=Stage.CLOSED).at
        pledges = Pledge.objects.filter(requirement__project=project)
        assert Participation.objects.filter(project=project, status="active").exists()
        assert pledges.exists(), project.slug
        assert set(pledges.values_list("status", flat=True)) == {PledgeStatus.ENDED}
        for pledge in pledges:
            assert pledge.end_month <= closed_on.date()
            assert pledge.ended_at == closed_on
            assert pledge.history.filter(status=PledgeStatus.ACTIVE).exists()
        assert selectors.project_coverage(project).covered > 0


def test_projects_that_recruited_have_participants_led_by_their_lead_organisation(demo, db):
    recruited = Project.objects.filter(transitions__to_stage=Stage.RECRUITING).distinct()
    assert recruited.count() >= 15
    for project in recruited:
        lead = Participation.objects.filter(
            project=project, organisation=project.lead_organisation
        ).first()
        assert lead is not None, project.slug
        assert lead.role == "lead"


def test_a_paused_project_keeps_the_pledges_made_before_it_paused(demo, db):
    project = Project.objects.get(slug="council-tax-online-account")
    assert project.stage == Stage.PAUSED
    pledges = Pledge.objects.filter(requirement__project=project)
    assert pledges.count() == 2
    assert {p.status for p in pledges} == {"active"}
    paused_on = project.transitions.get(to_stage=Stage.PAUSED).at
    assert all(p.created_at < paused_on for p in pledges)


def test_approved_demo_projects_have_their_baseline(demo, db):
    for project in Project.objects.filter(transitions__to_stage=Stage.APPROVED).distinct():
        assert project.baseline is not None, project.slug
        approved = project.transitions.filter(to_stage=Stage.APPROVED).order_by("at").last()
        assert project.baseline.taken_at == approved.at
