"""Factories for themes, skills and projects with their definitions."""

import datetime
from decimal import Decimal

import factory
from django.utils.text import slugify

from heartbeat.portfolio.inputs import (
    ProductInput,
    ProjectInput,
    RequirementInput,
    ResourceInput,
    TextItemInput,
)
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    SubArea,
    Theme,
    Visibility,
)
from heartbeat.skills.models import Skill, SkillLevel
from tests.factories import OrganisationFactory, UserFactory
from tests.skills.factories import SkillFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    summary = factory.LazyAttribute(lambda o: f"Work on {o.name.lower()}")
    order = factory.Sequence(int)


class SubAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubArea

    theme = factory.SubFactory(ThemeFactory)
    name = factory.Sequence(lambda n: f"Sub-area {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    theme = factory.SubFactory(ThemeFactory)
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}")
    lead_organisation = factory.SubFactory(OrganisationFactory)
    project_lead = factory.SubFactory(
        UserFactory, organisation=factory.SelfAttribute("..lead_organisation")
    )
    stage = Stage.PROPOSED
    visibility = Visibility.PUBLIC
    planned_start = datetime.date(2026, 4, 1)
    planned_end = datetime.date(2027, 3, 31)


class ScopeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScopeItem

    project = factory.SubFactory(ProjectFactory)
    kind = ScopeItem.Kind.IN
    text = factory.Sequence(lambda n: f"Scope item {n}")


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    project = factory.SubFactory(ProjectFactory)
    text = factory.Sequence(lambda n: f"Requirement {n}")
    priority = Requirement.Priority.MUST


class AnticipatedProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnticipatedProduct

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Product {n}")
    product_type = "service"


class ExpectedBenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpectedBenefit

    project = factory.SubFactory(ProjectFactory)
    text = factory.Sequence(lambda n: f"Benefit {n}")


class ResourceRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceRequirement

    project = factory.SubFactory(ProjectFactory)
    skill = factory.SubFactory(SkillFactory)
    level = SkillLevel.PRACTITIONER
    people = 1
    days_per_month = Decimal("4.0")
    start_month = datetime.date(2026, 4, 1)
    end_month = datetime.date(2026, 9, 1)


def complete_definition(project: Project) -> Project:
    """Give a project every part its definition needs to be marked as defined."""
    ScopeItemFactory(project=project)
    RequirementFactory(project=project)
    AnticipatedProductFactory(project=project)
    ExpectedBenefitFactory(project=project)
    ResourceRequirementFactory(project=project)
    return project


def project_input(
    theme: Theme,
    *,
    skill: Skill | None = None,
    lead_organisation=None,
    project_lead=None,
    **overrides,
) -> ProjectInput:
    """What a project form sends: a complete definition when a skill is given."""
    values = {
        "title": "Digital telecare",
        "theme_id": theme.pk,
        "summary": "Move councils' telecare from analogue to digital before the switch-off.",
        "problem": "Analogue lines are being withdrawn; alarms may fail silently.",
        "lead_organisation_id": lead_organisation.pk if lead_organisation else None,
        "project_lead_id": project_lead.pk if project_lead else None,
        "sponsor": "Chief Social Work Officer",
        "planned_start": datetime.date(2026, 4, 1),
        "planned_end": datetime.date(2027, 3, 31),
        "estimated_cost": Decimal("250000"),
        "visibility": Visibility.PUBLIC,
        "tags": ["Telecare", "Health and care"],
    }
    if skill is not None:
        values.update(
            scope_in=[TextItemInput("Alarm receiving centres")],
            scope_out=[TextItemInput("Housing alarms")],
            requirements=[
                RequirementInput("Digital alarms in every home", "must"),
                RequirementInput("Shared procurement", "should"),
            ],
            products=[
                ProductInput(
                    "Digital telecare playbook", "guidance", planned_date=datetime.date(2026, 9, 1)
                )
            ],
            benefits=[TextItemInput("Fewer failed alarm calls")],
            resources=[
                ResourceInput(
                    skill_id=skill.pk,
                    level=SkillLevel.PRACTITIONER,
                    people=2,
                    days_per_month=Decimal("2.5"),
                    start_month=datetime.date(2026, 4, 1),
                    end_month=datetime.date(2026, 12, 1),
                )
            ],
        )
    values.update(overrides)
    return ProjectInput(**values)
