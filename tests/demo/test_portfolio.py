"""The demo work programme and skills list: complete, consistent with the rules, idempotent."""

import datetime
from collections import Counter

import pytest
from django.db import transaction
from django.utils import timezone

from heartbeat.accounts.models import User
from heartbeat.demo.data import portfolio as demo_data
from heartbeat.demo.loader import DEMO_PASSWORD, load_demo
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    ProductType,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
    SubArea,
    Tag,
    Theme,
    Visibility,
)
from heartbeat.portfolio.rules import missing_from_definition
from heartbeat.skills.catalogue import FRAMEWORK_FAMILIES, SKILLS
from heartbeat.skills.models import Skill, SkillFamily, SkillLevel

LOADERS = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
]
COUNTED = [
    Project,
    ScopeItem,
    Requirement,
    AnticipatedProduct,
    ExpectedBenefit,
    ResourceRequirement,
    StageTransition,
    Theme,
    SubArea,
    Tag,
    Skill,
    User,
]


def _counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    for model in (Project, ResourceRequirement, Theme, Skill):
        counts[f"{model.__name__} history"] = model.history.count()
    return counts


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


@pytest.fixture
def projects(demo, db):
    return list(
        Project.objects.select_related("theme", "sub_area", "lead_organisation", "project_lead")
        .prefetch_related(
            "scope_items",
            "requirements",
            "products",
            "expected_benefits",
            "resource_requirements__skill",
            "transitions__actor",
            "tags",
        )
        .order_by("slug")
    )


def test_loading_again_duplicates_nothing(demo, db):
    before = _counts()

    context = load_demo(LOADERS)

    assert _counts() == before
    assert any("0 created, 31 already there" in line for line in context.summary)


def test_at_least_24_projects_in_every_stage(projects):
    stages = Counter(p.stage for p in projects)

    assert len(projects) >= 24
    assert set(stages) == set(Stage.values)
    assert stages[Stage.IN_DELIVERY] >= 4
    assert stages[Stage.RECRUITING] >= 4


def test_every_theme_and_sub_area_has_projects(projects):
    themes = Counter(p.theme.slug for p in projects)
    areas = Counter(p.sub_area_id for p in projects)

    assert set(themes) == {"digital-leadership", "digital-foundations", "digital-services"}
    assert min(themes.values()) >= 6
    assert all(areas[area.pk] for area in SubArea.objects.all())
    assert all(p.sub_area.theme_id == p.theme_id for p in projects)


def test_themes_have_descriptions_and_accessible_colours(demo, db):
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    themes = list(Theme.objects.all())

    assert [t.name for t in themes] == [
        "Digital Leadership",
        "Digital Foundations",
        "Digital Services",
    ]
    for theme in themes:
        assert len(theme.description) > 200
        # Against white: at least the 4.5:1 text contrast, so white text on it works too.
        assert 1.05 / (luminance(theme.colour) + 0.05) >= 4.5


def test_projects_at_or_beyond_defined_have_a_complete_definition(projects):
    defined = [p for p in projects if p.stage != Stage.PROPOSED]

    assert len(defined) >= 20
    for project in defined:
        assert missing_from_definition(project) == [], project.slug
        assert project.sponsor and project.planned_start and project.planned_end, project.slug
        assert project.estimated_cost and project.estimated_cost > 0, project.slug


def test_defined_projects_have_definitions_of_the_promised_size(projects):
    for project in (p for p in projects if p.stage != Stage.PROPOSED):
        scope = Counter(item.kind for item in project.scope_items.all())
        assert 2 <= scope["in"] <= 5, project.slug
        assert 1 <= scope["out"] <= 3, project.slug
        assert 2 <= len(project.requirements.all()) <= 6, project.slug
        assert 1 <= len(project.products.all()) <= 3, project.slug
        assert 1 <= len(project.expected_benefits.all()) <= 4, project.slug
        assert 1 <= len(project.resource_requirements.all()) <= 4, project.slug
        assert {r.priority for r in project.requirements.all()} >= {"must"}, project.slug


def test_some_proposals_are_still_incomplete(projects):
    proposed = [p for p in projects if p.stage == Stage.PROPOSED]

    assert any(missing_from_definition(p) for p in proposed)


def test_dates_and_resources_are_consistent(projects):
    for project in projects:
        if project.planned_start and project.planned_end:
            assert project.planned_start <= project.planned_end, project.slug
            assert 2024 <= project.planned_start.year <= 2028, project.slug
            assert project.planned_end.year <= 2028, project.slug
        first_month = project.planned_start.replace(day=1) if project.planned_start else None
        for resource in project.resource_requirements.all():
            assert resource.start_month.day == 1 and resource.end_month.day == 1
            assert resource.start_month <= resource.end_month, project.slug
            assert resource.start_month >= first_month, project.slug
            assert resource.end_month <= project.planned_end, project.slug
            assert resource.people >= 1 and resource.days_per_month > 0
            assert resource.level in SkillLevel.values
        for product in project.products.all():
            assert product.product_type in ProductType.values
            assert project.planned_start <= product.planned_date <= project.planned_end, (
                project.slug
            )


def test_stories_follow_the_lifecycle(projects):
    office = User.objects.get(email="programme.office@digital-office.example")
    today = timezone.localdate()
    for project in projects:
        transitions = sorted(project.transitions.all(), key=lambda t: (t.at, t.id))
        stages = [Stage.PROPOSED, *(t.to_stage for t in transitions)]
        assert [t.from_stage for t in transitions] == stages[:-1], project.slug
        assert stages[-1] == project.stage, project.slug
        assert project.version == 1 + len(transitions), project.slug
        assert project.created_at <= (transitions[0].at if transitions else project.created_at)
        if transitions:
            assert project.stage_changed_at == transitions[-1].at, project.slug
            assert transitions[-1].at.date() <= today
        for transition in transitions:
            if transition.to_stage == Stage.DEFINED:
                assert transition.actor == project.project_lead, project.slug
            if transition.to_stage in (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY):
                assert transition.actor == office, project.slug
            if transition.to_stage in (Stage.PAUSED, Stage.CANCELLED):
                assert len(transition.reason) > 40, project.slug
        if project.stage == Stage.PAUSED:
            assert project.paused_from in (Stage.DEFINED, Stage.APPROVED, Stage.RECRUITING)
        else:
            assert project.paused_from == ""
        if project.stage in (Stage.IN_DELIVERY, Stage.CLOSED):
            delivery = next(t for t in transitions if t.to_stage == Stage.IN_DELIVERY)
            assert delivery.at.date() >= project.planned_start - datetime.timedelta(days=31)
        if project.stage == Stage.CLOSED:
            assert transitions[-1].at.date() >= project.planned_end, project.slug


def test_history_records_the_story_with_its_people_and_dates(projects):
    telecare = next(p for p in projects if p.slug == "digital-telecare")

    records = list(telecare.history.order_by("history_date", "history_id"))

    assert [r.stage for r in records if r.history_type == "+"] == [Stage.PROPOSED]
    assert records[0].history_user == telecare.project_lead
    assert records[0].history_date.date() == datetime.date(2024, 1, 15)
    assert records[-1].stage == Stage.IN_DELIVERY
    assert records[-1].history_date == telecare.stage_changed_at


def test_project_leads_belong_to_the_lead_organisation(projects):
    for project in projects:
        assert project.project_lead is not None, project.slug
        assert project.project_lead.organisation_id == project.lead_organisation_id, project.slug
        assert project.created_by == project.project_lead


def test_new_project_leads_sign_in_with_the_demo_password(demo, db):
    lead = User.objects.get(email="andrew.mckenzie@fife.example")

    assert lead.check_password(DEMO_PASSWORD)
    assert lead.is_project_lead
    assert lead.organisation.name == "Fife"


def test_the_demo_project_lead_leads_aberdeen_city_projects(projects):
    fiona = User.objects.get(email="project.lead@aberdeencity.example")

    led = [p for p in projects if p.project_lead == fiona]

    assert len(led) >= 3
    assert {p.stage for p in led} >= {Stage.PROPOSED, Stage.DEFINED}


def test_most_projects_are_public(projects):
    visibility = Counter(p.visibility for p in projects)

    assert visibility[Visibility.PUBLIC] > 2 * visibility[Visibility.PARTNERSHIP] > 0


def test_the_office_365_federation_had_13_organisations(projects):
    federation = next(p for p in projects if p.slug == "office-365-federation")

    assert federation.stage == Stage.CLOSED
    assert "Thirteen organisations" in federation.problem


def test_no_placeholder_text(projects):
    for project in projects:
        text = " ".join(
            [project.title, project.summary, project.problem]
            + [s.text for s in project.scope_items.all()]
            + [r.text for r in project.requirements.all()]
        ).lower()
        assert "lorem" not in text and "todo" not in text and "tbc" not in text, project.slug


def test_skills_cover_the_framework_families_and_council_roles(demo, db):
    skills = {skill.slug: skill for skill in Skill.objects.all()}
    families = Counter(skill.family for skill in skills.values())

    assert len(FRAMEWORK_FAMILIES) == 8
    assert set(families) == set(SkillFamily.values)
    assert all(families[family] >= 3 for family in SkillFamily.values)
    for slug in (
        "enterprise-architect",
        "technical-architect",
        "chief-digital-officer",
        "chief-data-officer",
        "data-engineer",
        "it-service-manager",
        "delivery-manager",
        "service-owner",
        "quality-assurance-test-analyst",
        "devops-engineer",
        "user-researcher",
        "accessibility-specialist",
        "subject-matter-expert",
        "service-manager",
        "procurement-officer",
        "information-governance-officer",
        "change-and-engagement-officer",
        "trainer",
    ):
        assert slug in skills
        assert skills[slug].active and skills[slug].description
    # User-centred design has the framework's graphic designer and technical writer, and
    # quality assurance testing uses the framework's name for its analyst.
    for slug, name in (
        ("graphic-designer", "Graphic designer"),
        ("technical-writer", "Technical writer"),
        ("quality-assurance-test-analyst", "Quality assurance testing (QAT) analyst"),
    ):
        assert skills[slug].name == name
    assert {skills["graphic-designer"].family, skills["technical-writer"].family} == {
        SkillFamily.USER_CENTRED_DESIGN
    }


def test_skills_data_has_unique_names_and_slugs():
    assert len({s["slug"] for s in SKILLS}) == len(SKILLS)
    assert len({s["name"].lower() for s in SKILLS}) == len(SKILLS)


def test_demo_data_uses_known_skills_and_organisations():
    from heartbeat.demo.data import partnership as partnership_demo_data

    skills = {s["slug"] for s in SKILLS}
    organisations = {c["name"] for c in partnership_demo_data.COUNCILS} | {
        partnership_demo_data.DIGITAL_OFFICE["name"]
    }
    for project in demo_data.PROJECTS:
        assert project["lead_organisation"] in organisations
        assert {r[0] for r in project["resources"]} <= skills, project["slug"]
    assert {p["organisation"] for p in demo_data.PROJECT_LEADS} <= organisations
    assert len({p["slug"] for p in demo_data.PROJECTS}) == len(demo_data.PROJECTS)
