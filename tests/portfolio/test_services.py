import datetime
from dataclasses import replace
from decimal import Decimal

import pytest

from heartbeat.core.exceptions import (
    ApplicationError,
    Conflict,
    InvalidInput,
    PermissionDenied,
)
from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.inputs import (
    ProductInput,
    RequirementInput,
    ResourceInput,
    TextItemInput,
)
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
    Tag,
    Theme,
)
from heartbeat.skills.models import SkillLevel
from tests.factories import UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ResourceRequirementFactory,
    SubAreaFactory,
    ThemeFactory,
    complete_definition,
    project_input,
)
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return ThemeFactory(name="Digital Services")


@pytest.fixture
def skill():
    return SkillFactory(name="Delivery manager")


@pytest.fixture
def complete_input(theme, skill, council, project_lead):
    return project_input(theme, skill=skill, lead_organisation=council, project_lead=project_lead)


def _resource(skill, **changes):
    values = {
        "skill_id": skill.pk,
        "level": SkillLevel.WORKING,
        "people": 1,
        "days_per_month": Decimal("2"),
        "start_month": datetime.date(2026, 4, 1),
        "end_month": datetime.date(2026, 6, 1),
    }
    values.update(changes)
    return ResourceInput(**values)


# Creating ----------------------------------------------------------------------------------


def test_create_saves_the_project_and_its_definition(programme_office, complete_input):
    project = services.project_create(actor=programme_office, data=complete_input)

    project.refresh_from_db()
    assert project.slug == "digital-telecare"
    assert project.stage == Stage.PROPOSED
    assert project.version == 1
    assert project.created_by == programme_office
    assert project.estimated_cost == Decimal("250000")
    assert [s.text for s in project.scope_items.filter(kind="in")] == ["Alarm receiving centres"]
    assert [s.text for s in project.scope_items.filter(kind="out")] == ["Housing alarms"]
    assert [(r.text, r.priority, r.order) for r in project.requirements.all()] == [
        ("Digital alarms in every home", "must", 0),
        ("Shared procurement", "should", 1),
    ]
    assert project.products.get().planned_date == datetime.date(2026, 9, 1)
    assert project.expected_benefits.get().text == "Fewer failed alarm calls"
    resource = project.resource_requirements.get()
    assert (resource.people, resource.days_per_month) == (2, Decimal("2.5"))
    assert sorted(project.tags.values_list("slug", flat=True)) == ["health-and-care", "telecare"]
    # Creation is not a stage move.
    assert not project.transitions.exists()


def test_create_records_history_with_the_actor(programme_office, complete_input):
    project = services.project_create(actor=programme_office, data=complete_input)

    first = project.history.earliest("history_date")
    assert first.history_type == "+"
    assert first.history_user == programme_office
    row_history = Requirement.history.filter(project_id=project.pk)
    assert row_history.count() == 2
    assert {r.history_user for r in row_history} == {programme_office}


def test_create_stores_months_as_the_first_of_the_month(programme_office, theme, skill):
    data = project_input(
        theme,
        resources=[
            _resource(
                skill,
                start_month=datetime.date(2026, 4, 17),
                end_month=datetime.date(2026, 7, 30),
            )
        ],
    )
    project = services.project_create(actor=programme_office, data=data)

    resource = project.resource_requirements.get()
    assert (resource.start_month, resource.end_month) == (
        datetime.date(2026, 4, 1),
        datetime.date(2026, 7, 1),
    )


def test_create_makes_unique_slugs_from_the_title(programme_office, theme):
    slugs = [
        services.project_create(actor=programme_office, data=project_input(theme)).slug
        for _ in range(3)
    ]

    assert slugs == ["digital-telecare", "digital-telecare-2", "digital-telecare-3"]


def test_create_does_not_use_a_reserved_slug(programme_office, theme):
    project = services.project_create(
        actor=programme_office, data=project_input(theme, title="New")
    )

    assert project.slug == "new-2"


def test_create_refuses_a_slug_already_taken(programme_office, theme):
    ProjectFactory(slug="cyber-resilience")

    with pytest.raises(InvalidInput) as error:
        services.project_create(
            actor=programme_office, data=project_input(theme, slug="cyber-resilience")
        )

    assert error.value.code == "slug_taken"
    assert error.value.field == "slug"
    assert error.value.status == 422


@pytest.mark.parametrize("slug", ["Not A Slug", "new", "emoji-✓"])
def test_create_refuses_a_slug_that_cannot_be_a_web_address(programme_office, theme, slug):
    with pytest.raises(InvalidInput) as error:
        services.project_create(actor=programme_office, data=project_input(theme, slug=slug))

    assert error.value.field == "slug"


def test_create_uses_a_free_slug_that_is_given(programme_office, theme):
    project = services.project_create(
        actor=programme_office, data=project_input(theme, slug="telecare-2026")
    )

    assert project.slug == "telecare-2026"


def test_a_project_lead_who_proposes_a_project_leads_it(project_lead, theme):
    project = services.project_create(actor=project_lead, data=project_input(theme))

    assert project.project_lead == project_lead


def test_heartbeat_itself_may_create_projects(theme):
    project = services.project_create(actor=None, data=project_input(theme))

    assert project.created_by is None
    assert {h.history_user for h in project.history.all()} == {None}


def test_tags_are_shared_and_deduplicated(programme_office, theme):
    services.project_create(
        actor=programme_office, data=project_input(theme, tags=["Telecare", "telecare ", ""])
    )
    second = services.project_create(
        actor=programme_office, data=project_input(theme, title="Other", tags=["TELECARE"])
    )

    assert Tag.objects.count() == 1
    assert [t.name for t in second.tags.all()] == ["Telecare"]


def test_blank_text_rows_are_left_out(programme_office, theme):
    data = project_input(
        theme,
        scope_in=[TextItemInput(""), TextItemInput("Telecare"), TextItemInput("   ")],
        requirements=[RequirementInput("")],
        benefits=[TextItemInput("")],
        products=[ProductInput("", "service")],
    )

    project = services.project_create(actor=programme_office, data=data)

    assert [s.text for s in project.scope_items.all()] == ["Telecare"]
    assert not project.requirements.exists()
    assert not project.products.exists()


BAD_PROJECT_INPUT = [
    ({"title": ""}, "title", "Enter a title."),
    ({"title": "   "}, "title", "Enter a title."),
    ({"title": "x" * 201}, "title", None),
    ({"summary": ""}, "summary", None),
    ({"theme_id": 0}, "theme", None),
    (
        {"planned_start": datetime.date(2026, 4, 1), "planned_end": datetime.date(2026, 3, 31)},
        "planned_end",
        "The planned end must be on or after the planned start.",
    ),
    ({"estimated_cost": Decimal("-1")}, "estimated_cost", None),
    ({"estimated_cost": Decimal("12345678901234")}, "estimated_cost", None),
    ({"visibility": "secret"}, "visibility", None),
    ({"lead_organisation_id": 0}, "lead_organisation", None),
    ({"project_lead_id": 0}, "project_lead", None),
    ({"tags": ["x" * 61]}, "tags", None),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_PROJECT_INPUT)
def test_create_refuses_bad_project_fields(programme_office, theme, changes, field, message):
    with pytest.raises(InvalidInput) as error:
        services.project_create(actor=programme_office, data=project_input(theme, **changes))

    assert error.value.field == field
    assert error.value.status == 422
    assert error.value.code == "invalid_input"
    if message:
        assert error.value.message == message
    assert not Project.objects.exists()


def test_the_planned_end_may_be_the_planned_start(programme_office, theme):
    day = datetime.date(2026, 4, 1)
    project = services.project_create(
        actor=programme_office, data=project_input(theme, planned_start=day, planned_end=day)
    )

    assert project.planned_end == day


def test_create_refuses_a_sub_area_of_another_theme(programme_office, theme):
    elsewhere = SubAreaFactory(name="Learning and Teaching")

    with pytest.raises(InvalidInput) as error:
        services.project_create(
            actor=programme_office, data=project_input(theme, sub_area_id=elsewhere.pk)
        )

    assert error.value.field == "sub_area"


def test_create_accepts_a_sub_area_of_its_theme(programme_office, theme):
    sub_area = SubAreaFactory(theme=theme, name="Health and Care")

    project = services.project_create(
        actor=programme_office, data=project_input(theme, sub_area_id=sub_area.pk)
    )

    assert project.sub_area == sub_area


def test_create_refuses_a_deactivated_project_lead(programme_office, theme):
    gone = UserFactory(is_active=False)

    with pytest.raises(InvalidInput) as error:
        services.project_create(
            actor=programme_office, data=project_input(theme, project_lead_id=gone.pk)
        )

    assert error.value.field == "project_lead"


BAD_RESOURCES = [
    ({"people": 0}, "people"),
    ({"people": -2}, "people"),
    ({"people": "two"}, "people"),
    ({"people": 1.5}, "people"),
    ({"people": None}, "people"),
    ({"days_per_month": Decimal("0")}, "days_per_month"),
    ({"days_per_month": Decimal("-1.5")}, "days_per_month"),
    ({"days_per_month": Decimal("32")}, "days_per_month"),
    ({"days_per_month": Decimal("1.25")}, "days_per_month"),
    ({"days_per_month": "lots"}, "days_per_month"),
    ({"level": "guru"}, "level"),
    ({"skill_id": 0}, "skill"),
    ({"skill_id": None}, "skill"),
    (
        {"start_month": datetime.date(2026, 6, 1), "end_month": datetime.date(2026, 5, 31)},
        "end_month",
    ),
    ({"notes": "x" * 301}, "notes"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_RESOURCES)
def test_create_refuses_bad_resource_requirements(programme_office, theme, skill, changes, field):
    data = project_input(theme, resources=[_resource(skill), _resource(skill, **changes)])

    with pytest.raises(InvalidInput) as error:
        services.project_create(actor=programme_office, data=data)

    assert error.value.field == f"resources-1-{field}"
    assert not Project.objects.exists()
    assert not ResourceRequirement.objects.exists()


def test_create_refuses_an_inactive_skill(programme_office, theme):
    retired = SkillFactory(name="Mainframe operator", active=False)

    with pytest.raises(InvalidInput) as error:
        services.project_create(
            actor=programme_office, data=project_input(theme, resources=[_resource(retired)])
        )

    assert error.value.field == "resources-0-skill"
    assert error.value.message == "Choose a skill from the list."


def test_a_resource_may_take_a_single_month(programme_office, theme, skill):
    month = datetime.date(2026, 5, 1)
    project = services.project_create(
        actor=programme_office,
        data=project_input(theme, resources=[_resource(skill, start_month=month, end_month=month)]),
    )

    assert project.resource_requirements.get().end_month == month


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"requirements": [RequirementInput("Fine"), RequirementInput("x", "nice")]},
            "requirements-1-priority",
        ),
        ({"requirements": [RequirementInput("x" * 501)]}, "requirements-0-text"),
        ({"products": [ProductInput("Playbook", "poster")]}, "products-0-product_type"),
        ({"products": [ProductInput("", "service", description="Nameless")]}, "products-0-name"),
        ({"scope_in": [TextItemInput("x" * 501)]}, "scope_in-0-text"),
        ({"scope_out": [TextItemInput("x" * 501)]}, "scope_out-0-text"),
        ({"benefits": [TextItemInput("ok"), TextItemInput("x" * 501)]}, "benefits-1-text"),
        ({"scope_in": [TextItemInput("Borrowed", id=1)]}, "scope_in-0-id"),
    ],
)
def test_create_refuses_bad_definition_rows(programme_office, theme, changes, field):
    with pytest.raises(InvalidInput) as error:
        services.project_create(actor=programme_office, data=project_input(theme, **changes))

    assert error.value.field == field
    assert not Project.objects.exists()


# Updating ----------------------------------------------------------------------------------


def _saved(actor, data):
    project = services.project_create(actor=actor, data=data)
    return selectors.project_detail(actor, project.slug)


def test_update_changes_fields_and_keeps_row_identity(programme_office, complete_input, skill):
    project = _saved(programme_office, complete_input)
    data = selectors.project_to_input(project)
    kept_requirement = data.requirements[0]
    kept_resource = data.resources[0]
    data.title = "Digital telecare for Scotland"
    data.requirements = [replace(kept_requirement, text="Digital alarms in all homes")]
    data.requirements.append(RequirementInput("Monitoring dashboard", "could"))
    data.resources = [replace(kept_resource, people=3)]
    data.benefits = []

    updated = services.project_update(
        actor=programme_office, project=project, data=data, expected_version=1
    )

    assert updated.version == 2
    assert updated.title == "Digital telecare for Scotland"
    assert updated.slug == "digital-telecare"
    requirements = list(updated.requirements.all())
    assert [(r.pk == kept_requirement.id, r.text) for r in requirements] == [
        (True, "Digital alarms in all homes"),
        (False, "Monitoring dashboard"),
    ]
    assert updated.resource_requirements.get().pk == kept_resource.id
    assert updated.resource_requirements.get().people == 3
    assert not updated.expected_benefits.exists()
    Project.objects.get(pk=project.pk)  # still there
    assert Requirement.history.filter(history_type="-").count() == 1  # "Shared procurement"


def test_update_moves_a_scope_row_between_in_and_out(programme_office, complete_input):
    project = _saved(programme_office, complete_input)
    data = selectors.project_to_input(project)
    moved = data.scope_in.pop()
    data.scope_out.append(moved)

    updated = services.project_update(
        actor=programme_office, project=project, data=data, expected_version=1
    )

    assert ScopeItem.objects.get(pk=moved.id).kind == ScopeItem.Kind.OUT
    assert updated.scope_items.filter(kind="out").count() == 2


def test_update_with_the_same_input_changes_no_rows(programme_office, complete_input):
    project = _saved(programme_office, complete_input)
    before = Requirement.history.count()

    services.project_update(
        actor=programme_office,
        project=project,
        data=selectors.project_to_input(project),
        expected_version=1,
    )

    assert Requirement.history.count() == before


def test_update_can_change_the_slug(programme_office, complete_input):
    project = _saved(programme_office, complete_input)
    ProjectFactory(slug="taken")
    data = selectors.project_to_input(project)

    with pytest.raises(InvalidInput) as error:
        services.project_update(
            actor=programme_office,
            project=project,
            data=replace(data, slug="taken"),
            expected_version=1,
        )
    assert error.value.code == "slug_taken"

    updated = services.project_update(
        actor=programme_office,
        project=project,
        data=replace(data, slug="telecare"),
        expected_version=1,
    )
    assert updated.slug == "telecare"


def test_update_refuses_rows_of_another_project(programme_office, complete_input):
    project = _saved(programme_office, complete_input)
    other = complete_definition(ProjectFactory())
    foreign = other.requirements.get()
    data = selectors.project_to_input(project)
    data.requirements.append(RequirementInput("Theirs", id=foreign.pk))

    with pytest.raises(InvalidInput) as error:
        services.project_update(
            actor=programme_office, project=project, data=data, expected_version=1
        )

    assert error.value.field == "requirements-2-id"
    foreign.refresh_from_db()
    assert foreign.project == other
    assert Project.objects.get(pk=project.pk).version == 1


def test_update_refuses_a_row_given_twice(programme_office, complete_input):
    project = _saved(programme_office, complete_input)
    data = selectors.project_to_input(project)
    data.benefits.append(data.benefits[0])

    with pytest.raises(InvalidInput) as error:
        services.project_update(
            actor=programme_office, project=project, data=data, expected_version=1
        )

    assert error.value.field == "benefits-1-id"


def test_a_stale_version_conflicts_and_changes_nothing(
    programme_office, project_lead, theme, skill, council
):
    data = project_input(theme, skill=skill, lead_organisation=council, project_lead=project_lead)
    project = _saved(programme_office, data)
    first = selectors.project_to_input(project)
    first.summary = "The lead's summary."
    services.project_update(actor=project_lead, project=project, data=first, expected_version=1)
    history_before = Project.history.count()
    rows_before = list(Requirement.objects.values_list("pk", "text"))

    second = selectors.project_to_input(project)
    second.title = "The office's title"
    second.requirements = []
    with pytest.raises(Conflict) as error:
        services.project_update(
            actor=programme_office, project=project, data=second, expected_version=1
        )

    assert error.value.status == 409
    assert error.value.code == "edit_conflict"
    assert project_lead.display_name in error.value.message
    assert error.value.extra["current_version"] == 2
    stored = Project.objects.get(pk=project.pk)
    assert (stored.title, stored.summary, stored.version) == (
        "Digital telecare",
        "The lead's summary.",
        2,
    )
    assert Project.history.count() == history_before
    assert list(Requirement.objects.values_list("pk", "text")) == rows_before


def test_invalid_update_leaves_the_project_unchanged(programme_office, complete_input, skill):
    project = _saved(programme_office, complete_input)
    data = selectors.project_to_input(project)
    data.title = "Changed"
    data.requirements.append(RequirementInput("New one"))
    data.resources.append(_resource(skill, people=0))

    with pytest.raises(InvalidInput):
        services.project_update(
            actor=programme_office, project=project, data=data, expected_version=1
        )

    stored = Project.objects.get(pk=project.pk)
    assert (stored.title, stored.version) == ("Digital telecare", 1)
    assert stored.requirements.count() == 2


def test_an_empty_title_on_update_names_the_field(programme_office, complete_input):
    project = _saved(programme_office, complete_input)

    with pytest.raises(InvalidInput) as error:
        services.project_update(
            actor=programme_office,
            project=project,
            data=replace(selectors.project_to_input(project), title=""),
            expected_version=1,
        )

    assert error.value.field == "title"


def test_a_retired_skill_may_stay_on_its_row_but_not_be_chosen_again(
    programme_office, complete_input
):
    project = _saved(programme_office, complete_input)
    resource = project.resource_requirements.get()
    resource.skill.active = False
    resource.skill.save()
    data = selectors.project_to_input(project)
    data.resources[0].people = 4

    updated = services.project_update(
        actor=programme_office, project=project, data=data, expected_version=1
    )
    assert updated.resource_requirements.get().people == 4

    data = selectors.project_to_input(selectors.project_detail(programme_office, project.slug))
    data.resources.append(replace(data.resources[0], id=None))
    with pytest.raises(InvalidInput) as error:
        services.project_update(
            actor=programme_office, project=project, data=data, expected_version=2
        )
    assert error.value.field == "resources-1-skill"


def test_update_records_history_with_the_actor(
    programme_office, project_lead, council, theme, skill
):
    data = project_input(theme, skill=skill, lead_organisation=council, project_lead=project_lead)
    project = _saved(programme_office, data)
    data = selectors.project_to_input(project)
    data.sponsor = "Director of Health and Social Care"

    services.project_update(actor=project_lead, project=project, data=data, expected_version=1)

    latest = Project.history.filter(id=project.pk).latest("history_date")
    assert latest.history_user == project_lead
    assert latest.sponsor == "Director of Health and Social Care"


# Lifecycle ---------------------------------------------------------------------------------


def _move(actor, project, to_stage, reason=""):
    transition = services.project_transition(
        actor=actor, project=project, to_stage=to_stage, reason=reason
    )
    project.refresh_from_db()
    return transition


def test_the_lead_cannot_mark_an_incomplete_definition_as_defined(project_lead, theme):
    project = services.project_create(actor=project_lead, data=project_input(theme))

    with pytest.raises(ApplicationError) as error:
        services.project_transition(actor=project_lead, project=project, to_stage=Stage.DEFINED)

    assert error.value.code == "definition_incomplete"
    assert error.value.status == 409
    assert error.value.extra["missing"] == [
        "scope",
        "requirements",
        "products",
        "benefits",
        "resources",
        "lead_organisation",
    ]
    assert "at least one requirement" in error.value.message
    project.refresh_from_db()
    assert project.stage == Stage.PROPOSED
    assert not StageTransition.objects.exists()


def test_the_checklist_names_only_what_is_missing(project_lead, council, theme, skill):
    data = project_input(theme, skill=skill, lead_organisation=council, benefits=[])
    project = services.project_create(actor=project_lead, data=data)

    with pytest.raises(ApplicationError) as error:
        services.project_transition(actor=project_lead, project=project, to_stage=Stage.DEFINED)

    assert error.value.extra["missing"] == ["benefits"]


def test_the_whole_lifecycle(programme_office, project_lead, council, theme, skill):
    data = project_input(theme, skill=skill, lead_organisation=council, project_lead=project_lead)
    project = services.project_create(actor=project_lead, data=data)

    defined = _move(project_lead, project, Stage.DEFINED)
    assert (defined.from_stage, defined.to_stage, defined.actor) == (
        Stage.PROPOSED,
        Stage.DEFINED,
        project_lead,
    )
    _move(programme_office, project, Stage.APPROVED)
    _move(programme_office, project, Stage.RECRUITING)
    _move(programme_office, project, Stage.IN_DELIVERY)
    _move(programme_office, project, Stage.PAUSED, "Waiting for the network upgrade")
    assert (project.stage, project.paused_from) == (Stage.PAUSED, Stage.IN_DELIVERY)
    _move(programme_office, project, Stage.IN_DELIVERY)
    assert (project.stage, project.paused_from) == (Stage.IN_DELIVERY, "")
    _move(programme_office, project, Stage.CLOSED)
    _move(programme_office, project, Stage.IN_DELIVERY, "Second phase agreed by the board")
    _move(programme_office, project, Stage.CANCELLED, "Funding withdrawn")
    _move(programme_office, project, Stage.PROPOSED, "New funding found")

    assert project.stage == Stage.PROPOSED
    assert project.version == 11
    log = list(project.transitions.order_by("at", "id").values_list("from_stage", "to_stage"))
    assert log == [
        ("proposed", "defined"),
        ("defined", "approved"),
        ("approved", "recruiting"),
        ("recruiting", "in_delivery"),
        ("in_delivery", "paused"),
        ("paused", "in_delivery"),
        ("in_delivery", "closed"),
        ("closed", "in_delivery"),
        ("in_delivery", "cancelled"),
        ("cancelled", "proposed"),
    ]
    reasons = [t.reason for t in project.transitions.order_by("at", "id") if t.reason]
    assert reasons == [
        "Waiting for the network upgrade",
        "Second phase agreed by the board",
        "Funding withdrawn",
        "New funding found",
    ]


def test_a_transition_records_when_and_bumps_the_version(programme_office):
    project = complete_definition(ProjectFactory())
    before = project.version

    transition = _move(programme_office, project, Stage.DEFINED)

    assert project.version == before + 1
    assert project.stage_changed_at == transition.at
    history = Project.history.filter(id=project.pk).latest("history_date")
    assert (history.stage, history.history_user) == (Stage.DEFINED, programme_office)


def test_the_lead_may_reopen_a_definition(project_lead):
    project = complete_definition(ProjectFactory(project_lead=project_lead))
    _move(project_lead, project, Stage.DEFINED)

    _move(project_lead, project, Stage.PROPOSED)

    assert project.stage == Stage.PROPOSED


def test_a_paused_project_may_be_cancelled_and_forgets_where_it_was(programme_office):
    project = ProjectFactory(stage=Stage.RECRUITING)
    _move(programme_office, project, Stage.PAUSED, "Council elections")

    _move(programme_office, project, Stage.CANCELLED, "No longer needed")

    assert (project.stage, project.paused_from) == (Stage.CANCELLED, "")


@pytest.mark.parametrize(
    ("stage", "to_stage"),
    [
        (Stage.PROPOSED, Stage.APPROVED),
        (Stage.PROPOSED, Stage.IN_DELIVERY),
        (Stage.DEFINED, Stage.RECRUITING),
        (Stage.APPROVED, Stage.CLOSED),
        (Stage.CLOSED, Stage.PAUSED),
        (Stage.CLOSED, Stage.CANCELLED),
        (Stage.CANCELLED, Stage.IN_DELIVERY),
        (Stage.IN_DELIVERY, Stage.IN_DELIVERY),
    ],
)
def test_moves_the_stage_does_not_allow(programme_office, stage, to_stage):
    project = ProjectFactory(stage=stage)

    with pytest.raises(ApplicationError) as error:
        services.project_transition(
            actor=programme_office, project=project, to_stage=to_stage, reason="Because"
        )

    assert error.value.code == "transition_not_allowed"
    assert error.value.status == 409
    assert "cannot move to" in error.value.message
    project.refresh_from_db()
    assert project.stage == stage


def test_an_unknown_stage_is_invalid_input(programme_office):
    project = ProjectFactory()

    with pytest.raises(InvalidInput) as error:
        services.project_transition(actor=programme_office, project=project, to_stage="done")

    assert error.value.field == "to_stage"


@pytest.mark.parametrize(
    ("stage", "to_stage"),
    [
        (Stage.IN_DELIVERY, Stage.PAUSED),
        (Stage.PROPOSED, Stage.CANCELLED),
        (Stage.CLOSED, Stage.IN_DELIVERY),
        (Stage.CANCELLED, Stage.PROPOSED),
    ],
)
def test_moves_that_need_a_reason(programme_office, stage, to_stage):
    project = ProjectFactory(stage=stage)

    with pytest.raises(InvalidInput) as error:
        services.project_transition(
            actor=programme_office, project=project, to_stage=to_stage, reason="   "
        )

    assert error.value.field == "reason"
    assert error.value.status == 422
    project.refresh_from_db()
    assert project.stage == stage


def test_the_lead_may_not_approve(project_lead):
    project = complete_definition(ProjectFactory(project_lead=project_lead, stage=Stage.DEFINED))

    with pytest.raises(PermissionDenied) as error:
        services.project_transition(actor=project_lead, project=project, to_stage=Stage.APPROVED)

    assert error.value.status == 403
    assert error.value.message == "Only the programme office can approve this project."


def test_another_project_lead_may_not_mark_it_defined(project_lead):
    project = complete_definition(ProjectFactory())

    with pytest.raises(PermissionDenied) as error:
        services.project_transition(actor=project_lead, project=project, to_stage=Stage.DEFINED)

    assert "project's lead or the programme office" in error.value.message


# Themes ------------------------------------------------------------------------------------


def test_theme_create_and_update(programme_office):
    theme = services.theme_create(
        actor=programme_office,
        name="Digital Leadership",
        summary="Leaders who can lead digital change.",
        colour="#5e3a87",
    )
    assert theme.slug == "digital-leadership"

    updated = services.theme_update(
        actor=programme_office, theme=theme, data={"order": 2, "colour": "#00838f"}
    )

    assert (updated.order, updated.colour) == (2, "#00838f")
    assert updated.history.latest("history_date").history_user == programme_office


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"summary": ""}, "summary"),
        ({"colour": "blue"}, "colour"),
        ({"name": "Digital Services"}, "name"),
    ],
)
def test_theme_create_refuses_bad_input(programme_office, theme, changes, field):
    values = {"name": "Digital Foundations", "summary": "Shared foundations.", **changes}

    with pytest.raises(InvalidInput) as error:
        services.theme_create(actor=programme_office, **values)

    assert error.value.field == field


def test_theme_update_refuses_unknown_fields(programme_office, theme):
    with pytest.raises(InvalidInput):
        services.theme_update(actor=programme_office, theme=theme, data={"id": 99})


def test_sub_area_create(programme_office, theme):
    sub_area = services.sub_area_create(actor=programme_office, theme=theme, name="Health and Care")

    assert (sub_area.slug, sub_area.theme) == ("health-and-care", theme)
    with pytest.raises(InvalidInput):
        services.sub_area_create(actor=programme_office, theme=theme, name="Health and Care")
    with pytest.raises(InvalidInput):
        services.sub_area_create(actor=programme_office, theme=theme, name="")


def test_themes_are_listed_in_order(programme_office):
    services.theme_create(actor=programme_office, name="B", summary="b", order=2)
    services.theme_create(actor=programme_office, name="A", summary="a", order=1)

    assert list(Theme.objects.values_list("name", flat=True)) == ["A", "B"]


def test_products_keep_their_planned_dates(programme_office, complete_input):
    project = services.project_create(actor=programme_office, data=complete_input)

    assert AnticipatedProduct.objects.get(project=project).product_type == "guidance"


# A need that councils have pledged to ------------------------------------------------------


def test_removing_a_need_with_active_pledges_is_refused_and_keeps_the_pledges(
    programme_office, organisation_lead
):
    from heartbeat.recruitment.models import Pledge
    from tests.recruitment.factories import make_pledge

    project = complete_definition(ProjectFactory(stage=Stage.RECRUITING))
    requirement = project.resource_requirements.get()
    make_pledge(requirement, organisation_lead.organisation, organisation_lead)
    data = selectors.project_to_input(selectors.project_detail(programme_office, project.slug))
    data.resources = []

    with pytest.raises(ApplicationError) as refused:
        services.project_update(
            actor=programme_office, project=project, data=data, expected_version=project.version
        )

    assert refused.value.code == "requirement_has_pledges"
    assert refused.value.status == 409
    assert str(requirement.skill) in refused.value.message
    assert Pledge.objects.filter(requirement=requirement).count() == 1
    project.refresh_from_db()
    assert project.resource_requirements.count() == 1


def test_a_need_whose_pledges_were_withdrawn_stays_with_them_on_record(
    programme_office, organisation_lead
):
    """The withdrawal page says a pledge stays on record: removing its need, even with
    every pledge withdrawn, is refused rather than deleting them with it."""
    from heartbeat.recruitment.models import Pledge
    from heartbeat.recruitment.services import pledge_withdraw
    from tests.recruitment.factories import make_pledge

    project = complete_definition(ProjectFactory(stage=Stage.RECRUITING))
    ResourceRequirementFactory(project=project)  # the definition stays complete without it
    requirement = project.resource_requirements.first()
    pledge = make_pledge(requirement, organisation_lead.organisation, organisation_lead)
    pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="Our analyst has left")
    data = selectors.project_to_input(selectors.project_detail(programme_office, project.slug))
    data.resources = [r for r in data.resources if r.id != requirement.pk]

    with pytest.raises(ApplicationError) as refused:
        services.project_update(
            actor=programme_office, project=project, data=data, expected_version=project.version
        )

    assert (refused.value.code, refused.value.status) == ("requirement_has_pledges", 409)
    assert "stay on record" in refused.value.message
    assert Pledge.objects.filter(pk=pledge.pk).exists()
    assert project.resource_requirements.count() == 2


def test_the_database_protects_pledges_from_a_cascade(organisation_lead):
    """Past the services (the admin, a script), deleting a pledged need or a project with
    participants is refused by the database's protection, and nothing is lost."""
    from django.db.models import ProtectedError

    from heartbeat.recruitment.models import Participation, Pledge
    from tests.recruitment.factories import make_pledge, open_need

    requirement = open_need()
    pledge = make_pledge(requirement, organisation_lead.organisation, organisation_lead)
    with pytest.raises(ProtectedError):
        requirement.delete()
    with pytest.raises(ProtectedError):
        requirement.project.delete()
    assert Pledge.objects.filter(pk=pledge.pk).exists()
    assert Participation.objects.filter(project=requirement.project).exists()
