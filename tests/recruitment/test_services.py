import datetime
from decimal import Decimal

import pytest

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.portfolio.models import Stage
from heartbeat.recruitment import services
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
    RequirementMonth,
)
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import (
    OrganisationCapacityFactory,
    ParticipationFactory,
    make_pledge,
    pledge_input,
)
from tests.skills.factories import SkillFactory

APRIL, MAY, JUNE = datetime.date(2026, 4, 1), datetime.date(2026, 5, 1), datetime.date(2026, 6, 1)
JULY, AUGUST = datetime.date(2026, 7, 1), datetime.date(2026, 8, 1)
SEPTEMBER = datetime.date(2026, 9, 1)


@pytest.fixture
def requirement(db):
    project = ProjectFactory(stage=Stage.RECRUITING)
    # 2 people x 4 days a month, April to September 2026.
    return ResourceRequirementFactory(project=project, people=2, days_per_month=Decimal("4"))


@pytest.fixture
def colleague(council):
    return UserFactory(organisation=council, full_name="Morag Reid")


def months_of(requirement):
    return dict(
        RequirementMonth.objects.filter(requirement=requirement).values_list(
            "month", "pledged_days"
        )
    )


# pledge_create ---------------------------------------------------------------------------


def test_pledge_a_named_person_with_a_summer_reduction(
    requirement, council, organisation_lead, colleague
):
    pledge = make_pledge(
        requirement,
        council,
        organisation_lead,
        person_id=colleague.pk,
        adjustments=[(JULY, 2), (AUGUST, 2)],
    )

    assert pledge.status == PledgeStatus.ACTIVE
    assert pledge.person == colleague
    assert pledge.skill == requirement.skill
    assert pledge.version == 1
    # 4 x 4 days (April, May, June, September) + 2 + 2 (July, August).
    assert pledge.total_days == Decimal("20")
    assert months_of(requirement) == {
        APRIL: Decimal("4"),
        MAY: Decimal("4"),
        JUNE: Decimal("4"),
        JULY: Decimal("2"),
        AUGUST: Decimal("2"),
        SEPTEMBER: Decimal("4"),
    }
    assert sorted(pledge.adjustments.values_list("month", flat=True)) == [JULY, AUGUST]
    assert pledge.history.first().history_user == organisation_lead


def test_pledging_commits_the_organisation_to_the_project(requirement, council, organisation_lead):
    make_pledge(requirement, council, organisation_lead)

    participation = Participation.objects.get(project=requirement.project, organisation=council)
    assert participation.status == ParticipationStatus.COMMITTED
    assert participation.role == ParticipationRole.PARTICIPANT


def test_unnamed_capacity_keeps_its_description(requirement, council, organisation_lead):
    pledge = make_pledge(
        requirement, council, organisation_lead, capacity_label="A developer from our team"
    )
    assert pledge.person is None
    assert pledge.who == "A developer from our team"


def test_months_are_stored_as_the_first_of_the_month(requirement, council, organisation_lead):
    pledge = make_pledge(
        requirement,
        council,
        organisation_lead,
        start_month=datetime.date(2026, 5, 17),
        end_month=datetime.date(2026, 6, 30),
    )
    assert (pledge.start_month, pledge.end_month) == (MAY, JUNE)


def test_the_programme_office_pledges_for_any_organisation(requirement, council, programme_office):
    pledge = make_pledge(requirement, council, programme_office)
    assert pledge.organisation == council


@pytest.mark.parametrize("days", ["0", "-1", "-0.5"])
def test_days_must_be_positive(requirement, council, organisation_lead, days):
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, days_per_month=Decimal(days))
    assert error.value.field == "days_per_month"
    assert error.value.code == "days_not_positive"
    assert error.value.status == 422
    assert not Pledge.objects.exists()


@pytest.mark.parametrize("days", ["23.5", "40", "2.25", "lots"])
def test_days_must_be_sensible(requirement, council, organisation_lead, days):
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, days_per_month=days)
    assert error.value.field == "days_per_month"


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (datetime.date(2026, 3, 1), JUNE, "start_month"),
        (APRIL, datetime.date(2026, 10, 1), "end_month"),
        (datetime.date(2027, 1, 1), datetime.date(2027, 2, 1), "end_month"),
    ],
)
def test_months_must_fall_within_the_requirement(
    requirement, council, organisation_lead, start, end, field
):
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, start_month=start, end_month=end)
    assert error.value.field == field
    assert error.value.code == "outside_period"
    assert "April 2026 to September 2026" in error.value.message


def test_end_month_must_not_be_before_start(requirement, council, organisation_lead):
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, start_month=JUNE, end_month=MAY)
    assert error.value.field == "end_month"


def test_a_named_person_must_belong_to_the_pledging_organisation(
    requirement, council, other_council, organisation_lead
):
    stranger = UserFactory(organisation=other_council, full_name="Iain Stewart")
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, person_id=stranger.pk)
    assert error.value.code == "person_not_in_organisation"
    assert error.value.field == "person"
    assert "Iain Stewart is not in Aberdeen City" in error.value.message


def test_another_councils_lead_cannot_pledge_for_them(
    requirement, council, other_organisation_lead
):
    with pytest.raises(PermissionDenied) as error:
        make_pledge(requirement, council, other_organisation_lead)
    assert error.value.code == "not_your_organisation"
    assert error.value.status == 403
    assert "your own organisation" in error.value.message


@pytest.mark.parametrize("role", ["member", "project_lead", "board_member"])
def test_only_leads_and_the_programme_office_pledge(requirement, council, user_for_role, role):
    with pytest.raises(PermissionDenied):
        make_pledge(requirement, council, user_for_role(role))


@pytest.mark.parametrize("stage", [Stage.CLOSED, Stage.CANCELLED])
def test_no_pledges_on_closed_or_cancelled_projects(requirement, council, organisation_lead, stage):
    requirement.project.stage = stage
    requirement.project.save()
    with pytest.raises(ApplicationError) as error:
        make_pledge(requirement, council, organisation_lead)
    assert error.value.code == "project_closed"
    assert error.value.status == 409


def test_a_person_is_pledged_once_per_need(requirement, council, organisation_lead, colleague):
    make_pledge(requirement, council, organisation_lead, person_id=colleague.pk)
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, person_id=colleague.pk)
    assert error.value.code == "already_pledged"


def test_the_skill_must_be_the_needs(requirement, council, organisation_lead):
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, skill_id=SkillFactory().pk)
    assert error.value.field == "skill"


def test_level_must_be_known(requirement, council, organisation_lead):
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, level="guru")
    assert error.value.field == "level"


@pytest.mark.parametrize(
    ("adjustments", "field"),
    [
        ([(datetime.date(2026, 10, 1), 1)], "adjustments-0-month"),
        ([(JULY, 4)], "adjustments-0-days"),
        ([(JULY, 5)], "adjustments-0-days"),
        ([(JULY, -1)], "adjustments-0-days"),
        ([(JULY, 1), (JULY, 2)], "adjustments-1-month"),
    ],
)
def test_reductions_must_be_within_the_pledge_and_smaller(
    requirement, council, organisation_lead, adjustments, field
):
    with pytest.raises(InvalidInput) as error:
        make_pledge(requirement, council, organisation_lead, adjustments=adjustments)
    assert error.value.field == field


# pledge_update ---------------------------------------------------------------------------


def test_update_changes_days_and_reductions(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead, adjustments=[(JULY, 2)])

    updated = services.pledge_update(
        actor=organisation_lead,
        pledge=pledge,
        data=pledge_input(days_per_month=Decimal("3"), adjustments=[(AUGUST, 1)]),
        expected_version=1,
    )

    assert updated.version == 2
    assert updated.days_per_month == Decimal("3")
    assert updated.total_days == Decimal("16")  # 5 x 3 + 1
    assert list(updated.adjustments.values_list("month", "days")) == [(AUGUST, Decimal("1"))]
    assert months_of(requirement)[JULY] == Decimal("3")
    assert months_of(requirement)[AUGUST] == Decimal("1")
    assert updated.history.count() == 2


def test_update_with_a_stale_version_is_a_conflict(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)
    services.pledge_update(
        actor=organisation_lead, pledge=pledge, data=pledge_input(), expected_version=1
    )

    with pytest.raises(Conflict) as error:
        services.pledge_update(
            actor=organisation_lead,
            pledge=pledge,
            data=pledge_input(days_per_month=Decimal("1")),
            expected_version=1,
        )
    assert error.value.status == 409
    assert error.value.code == "edit_conflict"
    assert error.value.extra == {"current_version": 2}
    assert "after you opened it" in error.value.message
    pledge.refresh_from_db()
    assert pledge.days_per_month == Decimal("4")


def test_another_councils_lead_cannot_change_a_pledge(
    requirement, council, organisation_lead, other_organisation_lead
):
    pledge = make_pledge(requirement, council, organisation_lead)
    with pytest.raises(PermissionDenied):
        services.pledge_update(
            actor=other_organisation_lead, pledge=pledge, data=pledge_input(), expected_version=1
        )


def test_a_withdrawn_pledge_cannot_be_changed(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)
    services.pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="Moved on")
    with pytest.raises(ApplicationError) as error:
        services.pledge_update(
            actor=organisation_lead, pledge=pledge, data=pledge_input(), expected_version=2
        )
    assert error.value.code == "pledge_withdrawn"


def test_update_on_a_closed_project_is_refused(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)
    requirement.project.stage = Stage.CLOSED
    requirement.project.save()
    with pytest.raises(ApplicationError) as error:
        services.pledge_update(
            actor=organisation_lead, pledge=pledge, data=pledge_input(), expected_version=1
        )
    assert error.value.code == "project_closed"


# pledge_withdraw -------------------------------------------------------------------------


def test_withdraw_keeps_the_pledge_and_its_history(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)

    services.pledge_withdraw(
        actor=organisation_lead, pledge=pledge, reason="Needed on budget setting"
    )

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.WITHDRAWN
    assert pledge.withdrawn_reason == "Needed on budget setting"
    assert pledge.withdrawn_at is not None
    assert pledge.version == 2
    assert [h.status for h in pledge.history.order_by("history_date")] == [
        "active",
        "withdrawn",
    ]
    assert months_of(requirement) == {}


def test_withdraw_needs_a_reason(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)
    with pytest.raises(InvalidInput) as error:
        services.pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="   ")
    assert error.value.field == "reason"
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.ACTIVE


def test_withdraw_twice_is_refused(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)
    services.pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="Moved on")
    with pytest.raises(ApplicationError) as error:
        services.pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="Again")
    assert error.value.code == "pledge_withdrawn"


def test_withdraw_with_a_stale_version_is_a_conflict(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)
    services.pledge_update(
        actor=organisation_lead, pledge=pledge, data=pledge_input(), expected_version=1
    )
    with pytest.raises(Conflict):
        services.pledge_withdraw(
            actor=organisation_lead, pledge=pledge, reason="Moved on", expected_version=1
        )


def test_another_councils_lead_cannot_withdraw(
    requirement, council, organisation_lead, other_organisation_lead
):
    pledge = make_pledge(requirement, council, organisation_lead)
    with pytest.raises(PermissionDenied):
        services.pledge_withdraw(actor=other_organisation_lead, pledge=pledge, reason="No")


# participation_set -----------------------------------------------------------------------


@pytest.fixture
def project(db):
    return ProjectFactory(stage=Stage.RECRUITING)


def test_interest_then_commitment_then_active(project, council, organisation_lead):
    services.participation_set(
        actor=organisation_lead, project=project, organisation=council, status="interested"
    )
    services.participation_set(
        actor=organisation_lead, project=project, organisation=council, status="committed"
    )
    participation = services.participation_set(
        actor=organisation_lead, project=project, organisation=council, status="active"
    )
    assert participation.status == ParticipationStatus.ACTIVE
    assert participation.interested_on is not None
    assert participation.committed_on is not None
    assert participation.history.count() == 3


def test_active_needs_a_commitment_first(project, council, organisation_lead):
    with pytest.raises(ApplicationError) as error:
        services.participation_set(
            actor=organisation_lead, project=project, organisation=council, status="active"
        )
    assert error.value.code == "commit_first"


def test_withdrawing_needs_a_reason(project, council, organisation_lead):
    ParticipationFactory(project=project, organisation=council)
    with pytest.raises(InvalidInput) as error:
        services.participation_set(
            actor=organisation_lead, project=project, organisation=council, status="withdrawn"
        )
    assert error.value.field == "reason"


def test_withdrawing_without_taking_part_is_refused(project, council, organisation_lead):
    with pytest.raises(ApplicationError) as error:
        services.participation_set(
            actor=organisation_lead,
            project=project,
            organisation=council,
            status="withdrawn",
            reason="No capacity",
        )
    assert error.value.code == "not_participating"


def test_withdrawing_withdraws_the_organisations_pledges(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)

    services.participation_set(
        actor=organisation_lead,
        project=requirement.project,
        organisation=council,
        status="withdrawn",
        reason="Budget cuts",
    )

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.WITHDRAWN
    assert "Budget cuts" in pledge.withdrawn_reason
    assert months_of(requirement) == {}
    participation = Participation.objects.get(organisation=council, project=requirement.project)
    assert participation.reason == "Budget cuts"
    assert participation.withdrawn_on is not None


def test_only_the_lead_organisation_takes_the_lead_role(project, council, organisation_lead):
    with pytest.raises(InvalidInput) as error:
        services.participation_set(
            actor=organisation_lead,
            project=project,
            organisation=council,
            status="committed",
            role="lead",
        )
    assert error.value.field == "role"

    project.lead_organisation = council
    project.save()
    participation = services.participation_set(
        actor=organisation_lead,
        project=project,
        organisation=council,
        status="committed",
        role="lead",
    )
    assert participation.role == ParticipationRole.LEAD


def test_joining_a_closed_project_is_refused(project, council, organisation_lead):
    project.stage = Stage.CLOSED
    project.save()
    with pytest.raises(ApplicationError) as error:
        services.participation_set(
            actor=organisation_lead, project=project, organisation=council, status="interested"
        )
    assert error.value.code == "project_closed"


def test_another_councils_lead_cannot_join_for_them(project, council, other_organisation_lead):
    with pytest.raises(PermissionDenied):
        services.participation_set(
            actor=other_organisation_lead, project=project, organisation=council, status="committed"
        )


@pytest.mark.parametrize(("status", "role"), [("maybe", "participant"), ("committed", "boss")])
def test_participation_values_must_be_known(project, council, organisation_lead, status, role):
    with pytest.raises(InvalidInput):
        services.participation_set(
            actor=organisation_lead, project=project, organisation=council, status=status, role=role
        )


# capacity --------------------------------------------------------------------------------


def test_declare_capacity(council, organisation_lead):
    capacity = services.capacity_declare(
        actor=organisation_lead,
        organisation=council,
        days_per_month="15",
        start_month=datetime.date(2026, 4, 12),
        end_month=datetime.date(2027, 3, 31),
    )
    assert capacity.start_month == APRIL
    assert capacity.end_month == datetime.date(2027, 3, 1)
    assert capacity.days_per_month == Decimal("15")


def test_capacity_periods_must_not_overlap(council, organisation_lead):
    OrganisationCapacityFactory(organisation=council)
    with pytest.raises(InvalidInput) as error:
        services.capacity_declare(
            actor=organisation_lead,
            organisation=council,
            days_per_month=10,
            start_month=datetime.date(2027, 1, 1),
            end_month=datetime.date(2027, 6, 1),
        )
    assert error.value.code == "capacity_overlap"


@pytest.mark.parametrize(
    ("days", "start", "end", "field"),
    [
        ("-1", APRIL, MAY, "days_per_month"),
        ("ten", APRIL, MAY, "days_per_month"),
        ("5", MAY, APRIL, "end_month"),
        ("5", None, APRIL, "start_month"),
    ],
)
def test_capacity_bad_input(council, organisation_lead, days, start, end, field):
    with pytest.raises(InvalidInput) as error:
        services.capacity_declare(
            actor=organisation_lead,
            organisation=council,
            days_per_month=days,
            start_month=start,
            end_month=end,
        )
    assert error.value.field == field


def test_a_capacity_note_too_long_is_refused_not_cut(council, organisation_lead):
    declare = {
        "actor": organisation_lead,
        "organisation": council,
        "days_per_month": "5",
        "start_month": APRIL,
        "end_month": MAY,
    }
    with pytest.raises(InvalidInput) as error:
        services.capacity_declare(**declare, note="x" * 301)
    assert (error.value.code, error.value.field) == ("note_too_long", "note")
    assert not OrganisationCapacity.objects.exists()
    capacity = services.capacity_declare(**declare, note="  " + "y" * 300 + "  ")
    assert capacity.note == "y" * 300
    with pytest.raises(InvalidInput):
        services.capacity_update(
            actor=organisation_lead,
            capacity=capacity,
            days_per_month="6",
            start_month=APRIL,
            end_month=MAY,
            note="z" * 400,
        )
    capacity.refresh_from_db()
    assert (capacity.note, capacity.days_per_month) == ("y" * 300, Decimal("5"))


def test_capacity_is_declared_for_ones_own_organisation(council, other_organisation_lead):
    with pytest.raises(PermissionDenied):
        services.capacity_declare(
            actor=other_organisation_lead,
            organisation=council,
            days_per_month=5,
            start_month=APRIL,
            end_month=MAY,
        )


def test_remove_capacity(council, organisation_lead, other_organisation_lead):
    capacity = OrganisationCapacityFactory(organisation=council)
    with pytest.raises(PermissionDenied):
        services.capacity_remove(actor=other_organisation_lead, capacity=capacity)
    services.capacity_remove(actor=organisation_lead, capacity=capacity)
    assert not OrganisationCapacity.objects.exists()
