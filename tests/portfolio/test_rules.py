import pytest

from heartbeat.portfolio.models import Project, Stage
from heartbeat.portfolio.rules import (
    MOVES,
    definition_checklist,
    find_move,
    missing_from_definition,
    moves_from,
)
from tests.portfolio.factories import (
    AnticipatedProductFactory,
    ExpectedBenefitFactory,
    ProjectFactory,
    RequirementFactory,
    ResourceRequirementFactory,
    ScopeItemFactory,
    complete_definition,
)

P, D, A, R, I, C, X, Z = (  # noqa: E741
    Stage.PROPOSED,
    Stage.DEFINED,
    Stage.APPROVED,
    Stage.RECRUITING,
    Stage.IN_DELIVERY,
    Stage.CLOSED,
    Stage.PAUSED,
    Stage.CANCELLED,
)


@pytest.mark.parametrize(
    ("stage", "targets"),
    [
        (P, [D, X, Z]),
        (D, [A, P, X, Z]),
        (A, [R, D, X, Z]),  # back to defined to rework the definition
        (R, [I, A, X, Z]),  # back to approved: recruiting stops
        (I, [C, X, Z]),
        (C, [I]),
        (Z, [P]),
    ],
)
def test_moves_from_each_stage(stage, targets):
    assert [m.to_stage for m in moves_from(Project(stage=stage))] == targets


@pytest.mark.parametrize("paused_from", [P, D, A, R, I])
def test_a_paused_project_resumes_where_it_was_or_is_cancelled(paused_from):
    moves = moves_from(Project(stage=X, paused_from=paused_from))

    assert [(m.to_stage, m.label) for m in moves] == [(paused_from, "Resume"), (Z, "Cancel")]


def test_a_paused_project_without_its_earlier_stage_can_only_be_cancelled():
    assert [m.to_stage for m in moves_from(Project(stage=X))] == [Z]


def test_every_stage_has_an_entry():
    assert set(MOVES) == set(Stage.values)


@pytest.mark.parametrize(
    ("stage", "to_stage", "reason_required", "lead_may"),
    [
        (P, D, False, True),
        (D, P, False, True),
        (D, A, False, False),
        (A, R, False, False),
        (R, I, False, False),
        (I, C, False, False),
        (C, I, True, False),
        (Z, P, True, False),
        (I, X, True, False),
        (P, Z, True, False),
    ],
)
def test_find_move(stage, to_stage, reason_required, lead_may):
    move = find_move(Project(stage=stage), to_stage)

    assert (move.reason_required, move.lead_may) == (reason_required, lead_may)


@pytest.mark.parametrize(("stage", "to_stage"), [(P, A), (C, Z), (C, X), (Z, Z), (D, I)])
def test_find_move_is_none_when_the_stage_has_no_such_move(stage, to_stage):
    assert find_move(Project(stage=stage), to_stage) is None


@pytest.mark.django_db
def test_an_empty_definition_misses_everything_but_the_lead():
    project = ProjectFactory()

    assert [item.key for item in missing_from_definition(project)] == [
        "scope",
        "requirements",
        "products",
        "benefits",
        "resources",
    ]


@pytest.mark.django_db
def test_a_complete_definition_misses_nothing():
    project = complete_definition(ProjectFactory())

    assert missing_from_definition(project) == []
    assert all(item.done for item in definition_checklist(project))


@pytest.mark.django_db
def test_scope_out_alone_does_not_count_as_scope():
    project = complete_definition(ProjectFactory())
    project.scope_items.all().delete()
    ScopeItemFactory(project=project, kind="out")

    assert [item.key for item in missing_from_definition(project)] == ["scope"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "key"),
    [
        (ScopeItemFactory, "scope"),
        (RequirementFactory, "requirements"),
        (AnticipatedProductFactory, "products"),
        (ExpectedBenefitFactory, "benefits"),
        (ResourceRequirementFactory, "resources"),
    ],
)
def test_each_part_ticks_its_own_item(factory, key):
    project = ProjectFactory()

    factory(project=project)

    checklist = {item.key: item.done for item in definition_checklist(project)}
    assert checklist[key] is True
    assert sum(checklist.values()) == 3  # this part, the lead organisation, the project lead


@pytest.mark.django_db
def test_the_lead_organisation_and_project_lead_are_required():
    project = complete_definition(ProjectFactory(lead_organisation=None, project_lead=None))

    assert [item.key for item in missing_from_definition(project)] == [
        "lead_organisation",
        "project_lead",
    ]


@pytest.mark.parametrize(("stage", "back_to"), [(A, D), (R, A)])
def test_the_ways_back_need_a_reason_and_the_programme_office(stage, back_to):
    move = find_move(Project(stage=stage), back_to)
    assert move.back and move.reason_required and not move.lead_may
