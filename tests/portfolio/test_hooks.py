"""Apps above portfolio add checks and follow-ups to stage moves through portfolio.hooks."""

import pytest

from heartbeat.core.exceptions import ApplicationError
from heartbeat.portfolio import hooks, services
from heartbeat.portfolio.models import Project, Stage, StageTransition
from tests.portfolio.factories import ProjectFactory, complete_definition

pytestmark = pytest.mark.django_db


def test_a_check_can_refuse_a_move_and_nothing_changes(programme_office):
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))
    seen = {}

    def needs_a_decision(*, actor, project, move, reason, extra):
        seen.update(actor=actor, stage=project.stage, to=move.to_stage, extra=extra)
        if "decision" not in extra:
            raise ApplicationError("Record the board's decision first.", code="no_decision")

    with hooks.transition_checks.replaced({"decision": needs_a_decision}):  # noqa: SIM117
        with pytest.raises(ApplicationError) as error:
            services.project_transition(
                actor=programme_office, project=project, to_stage=Stage.APPROVED
            )
        assert error.value.code == "no_decision"
        assert Project.objects.get(pk=project.pk).stage == Stage.DEFINED
        assert not StageTransition.objects.filter(project=project).exists()

        services.project_transition(
            actor=programme_office,
            project=project,
            to_stage=Stage.APPROVED,
            extra={"decision": 7},
        )
    assert seen == {
        "actor": programme_office,
        "stage": Stage.DEFINED,
        "to": Stage.APPROVED,
        "extra": {"decision": 7},
    }
    assert Project.objects.get(pk=project.pk).stage == Stage.APPROVED


def test_listeners_hear_each_recorded_move_in_its_transaction(programme_office):
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))
    heard = []

    def listener(*, actor, transition, extra):
        heard.append((transition.from_stage, transition.to_stage, transition.pk is not None))

    def refuses(*, actor, transition, extra):
        raise ApplicationError("Something downstream refused.", code="refused")

    with hooks.transition_listeners.replaced({"listener": listener}):
        services.project_transition(
            actor=programme_office, project=project, to_stage=Stage.APPROVED
        )
    assert heard == [(Stage.DEFINED, Stage.APPROVED, True)]

    # A listener that fails rolls the whole move back.
    with (
        hooks.transition_listeners.replaced({"refuses": refuses}),
        pytest.raises(ApplicationError),
    ):
        services.project_transition(
            actor=programme_office, project=project, to_stage=Stage.RECRUITING
        )
    assert Project.objects.get(pk=project.pk).stage == Stage.APPROVED
    assert StageTransition.objects.filter(project=project).count() == 1
