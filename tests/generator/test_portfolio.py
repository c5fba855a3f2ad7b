"""The synthetic work programme for benchmarks: size, completeness and consistency."""

from collections import Counter

import pytest
from django.db.models import Count, F, Q

from heartbeat.accounts.models import User
from heartbeat.generator.runner import BENCH_USERS, generate_partnership
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
    SubArea,
    Theme,
    Visibility,
)
from heartbeat.portfolio.rules import missing_from_definition
from heartbeat.skills.catalogue import SKILLS
from heartbeat.skills.models import Skill

GENERATORS = [
    "heartbeat.generator.partnership.generate",
    "heartbeat.generator.portfolio.generate",
]
ROWS_PER_PROJECT = {
    ScopeItem: 3,
    Requirement: 4,
    AnticipatedProduct: 2,
    ExpectedBenefit: 3,
    ResourceRequirement: 2,
}


def _generate(scale: int, **options) -> dict[str, int]:
    return generate_partnership(scale=scale, generators=GENERATORS, **options)


@pytest.fixture
def scale_one(db):
    return _generate(1)


def test_scale_one_makes_about_200_projects_with_full_definitions(scale_one):
    projects = Project.objects.count()

    assert scale_one["projects"] == projects == 200
    for model, per_project in ROWS_PER_PROJECT.items():
        assert model.objects.count() == per_project * projects
    assert scale_one["definition rows"] == 14 * projects
    counts = Project.objects.annotate(
        scope_in=Count("scope_items", filter=Q(scope_items__kind="in"), distinct=True),
        scope_out=Count("scope_items", filter=Q(scope_items__kind="out"), distinct=True),
        resources=Count("resource_requirements", distinct=True),
    )
    assert {(p.scope_in, p.scope_out, p.resources) for p in counts} == {(2, 1, 2)}


def test_every_generated_definition_is_complete(scale_one):
    projects = Project.objects.prefetch_related(
        "scope_items", "requirements", "products", "expected_benefits", "resource_requirements"
    )

    assert all(missing_from_definition(p) == [] for p in projects)


def test_rows_are_within_their_project(scale_one):
    resources = ResourceRequirement.objects.select_related("project")
    products = AnticipatedProduct.objects.select_related("project")

    for resource in resources:
        project = resource.project
        assert resource.start_month.day == resource.end_month.day == 1
        assert project.planned_start.replace(day=1) <= resource.start_month
        assert resource.start_month <= resource.end_month <= project.planned_end
        assert resource.people >= 1 and resource.days_per_month > 0
    for product in products:
        assert product.project.planned_start <= product.planned_date
        assert product.planned_date <= product.project.planned_end


def test_stages_are_spread_and_most_projects_public(scale_one):
    stages = Counter(Project.objects.values_list("stage", flat=True))
    public = Project.objects.filter(visibility=Visibility.PUBLIC).count()

    assert set(stages) == set(Stage.values)
    assert stages[Stage.IN_DELIVERY] == max(stages.values())
    assert 0.6 <= public / 200 <= 0.8


def test_transitions_lead_to_each_project_stage(scale_one):
    projects = Project.objects.prefetch_related("transitions")

    for project in projects:
        transitions = sorted(project.transitions.all(), key=lambda t: (t.at, t.pk))
        stages = [Stage.PROPOSED, *(t.to_stage for t in transitions)]
        assert [t.from_stage for t in transitions] == stages[:-1]
        assert stages[-1] == project.stage
        assert project.version == len(stages)
        if transitions:
            assert project.stage_changed_at == transitions[-1].at
        if project.stage == Stage.PAUSED:
            assert project.paused_from == stages[-2]
        if project.stage in (Stage.PAUSED, Stage.CANCELLED):
            assert transitions[-1].reason
    assert StageTransition.objects.count() == scale_one["stage transitions"]


def test_project_leads_belong_to_their_lead_organisation(scale_one):
    mismatched = Project.objects.exclude(project_lead__organisation=F("lead_organisation"))
    bench_lead = User.objects.get(email=BENCH_USERS["project_lead"])

    assert not mismatched.exists()
    assert Project.objects.filter(project_lead=bench_lead).count() >= 5
    assert Project.history.filter(history_type="+").count() == 200


def test_themes_and_skills_come_from_the_demo_lists(scale_one):
    assert Theme.objects.count() == 3
    assert SubArea.objects.count() == 9
    assert Skill.objects.count() == len(SKILLS)
    assert all(Project.objects.filter(sub_area=area).exists() for area in SubArea.objects.all())


def test_scale_is_proportional(db):
    counts = _generate(2)

    assert counts["projects"] == Project.objects.count() == 400
    assert ResourceRequirement.objects.count() == 800


def test_generating_again_after_a_flush_replaces_the_projects(scale_one):
    again = _generate(1, flush=True, seed=2)

    assert again["projects"] == Project.objects.count() == 200
    assert Theme.objects.count() == 3
    assert Skill.objects.count() == len(SKILLS)
    assert Project.history.filter(history_type="+").count() == 200


def test_approved_projects_have_the_baseline_their_approval_took(scale_one):
    from heartbeat.portfolio.baseline import differences, snapshot
    from heartbeat.portfolio.models import ProjectBaseline

    approved = Project.objects.filter(transitions__to_stage=Stage.APPROVED).distinct()
    assert approved.exists()
    assert not approved.filter(baseline__isnull=True).exists()
    changed = ProjectBaseline.objects.filter(has_differences=True)
    assert 0 < changed.count() < approved.count()
    # The stored differences are what the definition now differs by.
    for baseline in ProjectBaseline.objects.select_related("project")[:20]:
        found = differences(baseline.definition, snapshot(baseline.project))
        assert [(d.key, d.action) for d in found] == [
            (d["key"], d["action"]) for d in baseline.differences
        ]
