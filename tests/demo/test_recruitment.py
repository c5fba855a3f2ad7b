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
