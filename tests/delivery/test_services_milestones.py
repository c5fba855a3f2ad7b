"""Milestones: baselines taken at approval, forecasts with history, actual dates, slippage."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from heartbeat.core.exceptions import Conflict, InvalidInput, PermissionDenied
from heartbeat.delivery.inputs import MilestoneInput
from heartbeat.delivery.models import Milestone, MilestoneChange, MilestoneStatus
from heartbeat.delivery.services import (
    milestone_create,
    milestone_from_product,
    milestone_move_forecasts,
    milestone_set_baseline,
    milestone_update,
    milestones_take_baseline,
)
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.services import project_transition
from tests.delivery.factories import TODAY, MilestoneFactory, active_project
from tests.factories import UserFactory
from tests.portfolio.factories import AnticipatedProductFactory, ProjectFactory, complete_definition

D = datetime.date


def data(**fields) -> MilestoneInput:
    values = {"name": "Framework awarded", "forecast_date": D(2027, 1, 29)}
    values.update(fields)
    return MilestoneInput(**values)


@pytest.fixture
def project(project_lead):
    return active_project(project_lead=project_lead)


def test_approval_baselines_milestones_and_makes_dated_products_milestones(
    project_lead, programme_office
):
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED, project_lead=project_lead))
    dated = AnticipatedProductFactory(
        project=project, name="Migration playbook", planned_date=D(2027, 3, 31)
    )
    early = milestone_create(
        actor=project_lead,
        project=project,
        data=data(name="Suppliers shortlisted", forecast_date=D(2027, 2, 1)),
    )
    assert early.baseline_date is None

    project_transition(actor=programme_office, project=project, to_stage=Stage.APPROVED)

    early.refresh_from_db()
    assert early.baseline_date == D(2027, 2, 1)
    assert early.baselined_at is not None
    from_product = Milestone.objects.get(product=dated)
    assert (from_product.name, from_product.baseline_date, from_product.forecast_date) == (
        "Migration playbook",
        D(2027, 3, 31),
        D(2027, 3, 31),
    )
    # The factory's undated product does not become a milestone.
    assert Milestone.objects.filter(project=project).count() == 2
    assert MilestoneChange.objects.filter(field="baseline", milestone__project=project).count() == 2


def test_a_failed_approval_takes_no_baseline(project_lead, programme_office):
    project = ProjectFactory(stage=Stage.DEFINED, project_lead=project_lead)
    milestone = milestone_create(actor=project_lead, project=project, data=data())
    # The project lead may not approve: the move is refused, so nothing is baselined.
    with pytest.raises(PermissionDenied):
        project_transition(actor=project_lead, project=project, to_stage=Stage.APPROVED)
    milestone.refresh_from_db()
    assert milestone.baseline_date is None


def test_moving_a_baselined_forecast_needs_a_reason_and_is_kept(project, project_lead):
    milestone = MilestoneFactory(
        project=project, baseline_date=D(2027, 1, 29), forecast_date=D(2027, 1, 29)
    )
    with pytest.raises(InvalidInput) as error:
        milestone_update(
            actor=project_lead,
            milestone=milestone,
            data=data(name=milestone.name, forecast_date=D(2027, 3, 1)),
            expected_version=1,
            today=TODAY,
        )
    assert error.value.field == "reason"
    moved = milestone_update(
        actor=project_lead,
        milestone=milestone,
        data=data(name=milestone.name, forecast_date=D(2027, 3, 1), reason="Supplier delay"),
        expected_version=1,
        today=TODAY,
    )
    assert moved.slippage_days == 31
    (change,) = MilestoneChange.objects.filter(milestone=milestone, field="forecast")
    assert (change.old_date, change.new_date, change.reason) == (
        D(2027, 1, 29),
        D(2027, 3, 1),
        "Supplier delay",
    )
    assert change.changed_by == project_lead


def test_actual_dates_cannot_be_in_the_future(project, project_lead):
    milestone = MilestoneFactory(project=project)
    with pytest.raises(InvalidInput, match="cannot be in the future") as error:
        milestone_update(
            actor=project_lead,
            milestone=milestone,
            data=data(
                name=milestone.name,
                forecast_date=milestone.forecast_date,
                actual_date=TODAY + datetime.timedelta(days=1),
            ),
            expected_version=1,
            today=TODAY,
        )
    assert error.value.field == "actual_date"
    done = milestone_update(
        actor=project_lead,
        milestone=milestone,
        data=data(name=milestone.name, forecast_date=milestone.forecast_date, actual_date=TODAY),
        expected_version=1,
        today=TODAY,
    )
    assert done.status == MilestoneStatus.COMPLETE


def test_complete_needs_an_actual_date_in_the_service_and_the_database(project, project_lead):
    milestone = MilestoneFactory(project=project)
    with pytest.raises(InvalidInput) as error:
        milestone_update(
            actor=project_lead,
            milestone=milestone,
            data=data(
                name=milestone.name,
                forecast_date=milestone.forecast_date,
                status=MilestoneStatus.COMPLETE,
            ),
            expected_version=1,
            today=TODAY,
        )
    assert error.value.field == "actual_date"
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.filter(pk=milestone.pk).update(status=MilestoneStatus.COMPLETE)


def test_a_stale_milestone_form_conflicts(project, project_lead, programme_office):
    milestone = MilestoneFactory(project=project)
    milestone_update(
        actor=programme_office,
        milestone=milestone,
        data=data(name="Renamed", forecast_date=milestone.forecast_date),
        expected_version=1,
        today=TODAY,
    )
    with pytest.raises(Conflict):
        milestone_update(
            actor=project_lead,
            milestone=milestone,
            data=data(name="Mine", forecast_date=milestone.forecast_date),
            expected_version=1,
            today=TODAY,
        )


def test_the_lead_sets_a_missing_baseline_and_only_the_office_moves_one(
    project, project_lead, programme_office
):
    milestone = MilestoneFactory(project=project)
    milestone_set_baseline(actor=project_lead, milestone=milestone, baseline_date=D(2027, 1, 15))
    with pytest.raises(PermissionDenied):
        milestone_set_baseline(
            actor=project_lead, milestone=milestone, baseline_date=D(2027, 2, 15), reason="Later"
        )
    with pytest.raises(InvalidInput):
        milestone_set_baseline(
            actor=programme_office, milestone=milestone, baseline_date=D(2027, 2, 15)
        )
    moved = milestone_set_baseline(
        actor=programme_office,
        milestone=milestone,
        baseline_date=D(2027, 2, 15),
        reason="Board re-baselined",
    )
    assert moved.baseline_date == D(2027, 2, 15)
    assert list(
        MilestoneChange.objects.filter(field="baseline").values_list("new_date", flat=True)
    ) == [D(2027, 2, 15), D(2027, 1, 15)]


def test_baselines_for_a_project_approved_before_its_milestones(project, project_lead):
    first = MilestoneFactory(project=project, forecast_date=D(2027, 1, 10))
    second = MilestoneFactory(project=project, forecast_date=D(2027, 4, 10))
    assert milestones_take_baseline(actor=project_lead, project=project) == 2
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.baseline_date, second.baseline_date) == (D(2027, 1, 10), D(2027, 4, 10))
    assert milestones_take_baseline(actor=project_lead, project=project) == 0


def test_baselines_wait_for_approval(project_lead):
    project = ProjectFactory(stage=Stage.PROPOSED, project_lead=project_lead)
    MilestoneFactory(project=project)
    with pytest.raises(InvalidInput):
        milestones_take_baseline(actor=project_lead, project=project)


def test_a_product_becomes_a_milestone_once(project, project_lead):
    product = AnticipatedProductFactory(
        project=project, name="Playbook", planned_date=D(2027, 5, 1)
    )
    milestone = milestone_from_product(actor=project_lead, product=product)
    assert (milestone.name, milestone.forecast_date, milestone.product) == (
        "Playbook",
        D(2027, 5, 1),
        product,
    )
    with pytest.raises(Conflict):
        milestone_from_product(actor=project_lead, product=product)
    undated = AnticipatedProductFactory(project=project, planned_date=None)
    with pytest.raises(InvalidInput, match="planned date"):
        milestone_from_product(actor=project_lead, product=undated)


def test_moving_forecasts_with_an_update_needs_a_reason(project, project_lead):
    milestone = MilestoneFactory(project=project, forecast_date=D(2027, 1, 29))
    with pytest.raises(InvalidInput) as error:
        milestone_move_forecasts(
            actor=project_lead, project=project, forecasts={milestone.pk: D(2027, 2, 26)}, reason=""
        )
    assert error.value.field == "milestone_reason"
    other = MilestoneFactory(project=ProjectFactory())
    with pytest.raises(InvalidInput):
        milestone_move_forecasts(
            actor=project_lead, project=project, forecasts={other.pk: D(2027, 2, 26)}, reason="x"
        )


def test_only_the_lead_or_the_office_keep_milestones(project, organisation_lead, member):
    for person in (organisation_lead, member, UserFactory(is_project_lead=True)):
        with pytest.raises(PermissionDenied):
            milestone_create(actor=person, project=project, data=data())


def test_dates_are_bounded(project, project_lead):
    with pytest.raises(InvalidInput, match="between 2000 and 2100"):
        milestone_create(
            actor=project_lead, project=project, data=data(forecast_date=D(2150, 1, 1))
        )
    with pytest.raises(InvalidInput, match="NUL"):
        milestone_create(actor=project_lead, project=project, data=data(name="A\x00B"))
