"""The RAID log: numbering, each kind's fields, bounds, closing, escalation."""

import pytest
from django.db import IntegrityError, transaction

from heartbeat.core.exceptions import Conflict, InvalidInput, PermissionDenied
from heartbeat.delivery.inputs import RaidInput
from heartbeat.delivery.models import RaidItem, RaidKind, RaidStatus
from heartbeat.delivery.services import (
    raid_item_close,
    raid_item_create,
    raid_item_deescalate,
    raid_item_escalate,
    raid_item_reopen,
    raid_item_update,
)
from tests.delivery.factories import active_project, make_item, make_risk
from tests.portfolio.factories import AnticipatedProductFactory, ProjectFactory


@pytest.fixture
def project(project_lead):
    return active_project(project_lead=project_lead)


def test_risks_are_scored_and_numbered_per_kind(project, project_lead):
    first = make_risk(project, actor=project_lead, likelihood=4, impact=5)
    second = make_risk(project, actor=project_lead, likelihood=2, impact=2)
    issue = make_item(project, RaidKind.ISSUE, actor=project_lead)
    first.refresh_from_db()
    assert (first.reference, first.score) == ("R1", 20)
    assert second.reference == "R2"
    assert issue.reference == "I1"
    assert make_risk(ProjectFactory(), likelihood=1, impact=1).reference == "R1"


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 3), (3, 0), (3, 9), (None, 3)])
def test_likelihood_and_impact_are_1_to_5(project, project_lead, likelihood, impact):
    with pytest.raises(InvalidInput) as error:
        make_risk(project, actor=project_lead, likelihood=likelihood, impact=impact)
    assert error.value.field in ("likelihood", "impact")
    assert not RaidItem.objects.exists()


def test_the_database_holds_the_scales(project):
    risk = make_risk(project)
    with pytest.raises(IntegrityError), transaction.atomic():
        RaidItem.objects.filter(pk=risk.pk).update(likelihood=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        RaidItem.objects.filter(pk=risk.pk).update(impact=None)


def test_a_project_cannot_depend_on_itself(project, project_lead):
    with pytest.raises(InvalidInput, match="cannot depend on itself") as error:
        make_item(
            project, RaidKind.DEPENDENCY, actor=project_lead, depends_on_project_id=project.pk
        )
    assert error.value.code == "self_dependency"
    own_product = AnticipatedProductFactory(project=project)
    with pytest.raises(InvalidInput, match="its own products"):
        make_item(
            project, RaidKind.DEPENDENCY, actor=project_lead, depends_on_product_id=own_product.pk
        )
    other = ProjectFactory(title="Shared data platform")
    item = make_item(
        project, RaidKind.DEPENDENCY, actor=project_lead, depends_on_project_id=other.pk
    )
    assert item.depends_on_project == other
    with pytest.raises(IntegrityError), transaction.atomic():
        RaidItem.objects.filter(pk=item.pk).update(depends_on_project=project)


def test_a_dependency_names_exactly_one_thing(project, project_lead):
    other = ProjectFactory()
    with pytest.raises(InvalidInput, match="one other project"):
        make_item(
            project,
            RaidKind.DEPENDENCY,
            actor=project_lead,
            depends_on_project_id=other.pk,
            outside_body="Openreach",
        )
    with pytest.raises(InvalidInput):
        raid_item_create(
            actor=project_lead,
            project=project,
            data=RaidInput(kind=RaidKind.DEPENDENCY, title="Nothing named"),
        )


def test_an_issue_needs_a_priority_and_closes_with_a_resolution(project, project_lead):
    with pytest.raises(InvalidInput) as error:
        make_item(project, RaidKind.ISSUE, actor=project_lead, priority="")
    assert error.value.field == "priority"
    issue = make_item(project, RaidKind.ISSUE, actor=project_lead)
    with pytest.raises(InvalidInput):
        raid_item_close(actor=project_lead, item=issue)
    closed = raid_item_close(actor=project_lead, item=issue, resolution="Supplier replaced")
    assert closed.status == RaidStatus.CLOSED
    assert RaidItem.objects.filter(pk=issue.pk, status="closed").exists()  # kept in the log


def test_closed_items_stay_and_can_be_reopened(project, project_lead):
    risk = make_risk(project, actor=project_lead)
    raid_item_close(actor=project_lead, item=risk, note="Passed")
    with pytest.raises(Conflict):
        raid_item_close(actor=project_lead, item=risk)
    reopened = raid_item_reopen(actor=project_lead, item=risk)
    assert reopened.status == RaidStatus.OPEN and reopened.closed_at is None


def test_a_risk_is_escalated_once_and_the_office_hands_it_back(
    project, project_lead, programme_office
):
    risk = make_risk(project, actor=project_lead)
    with pytest.raises(InvalidInput):
        raid_item_escalate(actor=project_lead, item=risk, note="")
    escalated = raid_item_escalate(actor=project_lead, item=risk, note="Needs a national contract")
    assert escalated.escalated_by == project_lead
    with pytest.raises(Conflict):
        raid_item_escalate(actor=project_lead, item=risk, note="Again")
    with pytest.raises(PermissionDenied):
        raid_item_deescalate(actor=project_lead, item=risk)
    assert raid_item_deescalate(actor=programme_office, item=risk).escalated_at is None
    issue = make_item(project, RaidKind.ISSUE)
    with pytest.raises(InvalidInput):
        raid_item_escalate(actor=project_lead, item=issue, note="Issues are not escalated here")


def test_changing_an_item_keeps_its_kind_and_checks_its_version(
    project, project_lead, programme_office
):
    risk = make_risk(project, actor=project_lead)
    raid_item_update(
        actor=programme_office,
        item=risk,
        data=RaidInput(kind="issue", title="Renamed", likelihood=5, impact=5),
        expected_version=1,
    )
    risk.refresh_from_db()
    assert (risk.kind, risk.title, risk.score) == ("risk", "Renamed", 25)
    with pytest.raises(Conflict):
        raid_item_update(
            actor=project_lead,
            item=risk,
            data=RaidInput(kind="risk", title="Mine", likelihood=1, impact=1),
            expected_version=1,
        )


def test_only_the_lead_or_the_office_keep_the_log(project, organisation_lead, member):
    for person in (organisation_lead, member):
        with pytest.raises(PermissionDenied):
            make_risk(project, actor=person)


def test_text_is_bounded(project, project_lead):
    with pytest.raises(InvalidInput, match="200 characters or fewer"):
        make_risk(project, actor=project_lead, title="x" * 201)
    with pytest.raises(InvalidInput, match="NUL"):
        make_risk(project, actor=project_lead, mitigation="\x00")
