"""Pledges follow what they were made for (issue 7, points 3 and 6 to 10): the stages that
take them, the need's level, a person's working days, closing and pausing a project, and
changes to the need. Each rule at the service, and where a user meets it."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio import selectors as portfolio_selectors
from heartbeat.portfolio import services as portfolio_services
from heartbeat.portfolio.models import NEED_STAGES, Stage
from heartbeat.recruitment import selectors, services
from heartbeat.recruitment.models import ParticipationRole, Pledge, PledgeStatus, RequirementMonth
from heartbeat.skills.models import SkillLevel
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ResourceRequirementFactory,
    complete_definition,
)
from tests.portfolio.formdata import summary_links, text_of
from tests.portfolio.test_api import _as_payload
from tests.querybudget import assert_same_queries
from tests.recruitment.factories import make_pledge, open_need, pledge_input
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db

D = Decimal
API = "/api/v1"
JULY, AUGUST = datetime.date(2026, 7, 1), datetime.date(2026, 8, 1)


def _post(month_from="2026-04", month_to="2026-09", **fields):
    data = {
        "person": "",
        "capacity_label": "Developer from our digital team",
        "level": "practitioner",
        "days_per_month": "4",
        "start_month": month_from,
        "end_month": month_to,
        "notes": "",
        "version": "",
    }
    for i in range(4):
        data[f"adjustment_{i}_month"] = ""
        data[f"adjustment_{i}_days"] = ""
    data.update(fields)
    return data


# 3. One set of stages takes pledges ---------------------------------------------------------


@pytest.mark.parametrize("stage", Stage.values)
def test_pledges_are_taken_only_while_needs_are_open(stage, council, organisation_lead):
    requirement = ResourceRequirementFactory(
        project=ProjectFactory(stage=stage, paused_from=Stage.RECRUITING)
    )
    if stage in NEED_STAGES:
        assert make_pledge(requirement, council, organisation_lead).is_active
        return
    with pytest.raises(ApplicationError) as refused:
        make_pledge(requirement, council, organisation_lead)
    assert refused.value.status == 409
    assert (
        refused.value.code
        == {
            Stage.PROPOSED: "project_not_approved",
            Stage.DEFINED: "project_not_approved",
            Stage.PAUSED: "project_paused",
            Stage.CLOSED: "project_closed",
            Stage.CANCELLED: "project_closed",
        }[stage]
    )
    assert not Pledge.objects.exists()


@pytest.mark.parametrize("stage", Stage.values)
def test_the_project_page_offers_pledges_only_while_needs_are_open(
    client_for, organisation_lead, stage
):
    requirement = ResourceRequirementFactory(project=ProjectFactory(stage=stage))
    html = client_for(organisation_lead).get(requirement.project.get_absolute_url()).content
    pledge_url = reverse("recruitment:pledge_create", args=[requirement.pk])
    assert (pledge_url in html.decode()) == (stage in NEED_STAGES)


def test_the_api_refuses_a_pledge_to_a_paused_project(client_for, organisation_lead):
    requirement = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.PAUSED, paused_from=Stage.RECRUITING)
    )
    response = client_for(organisation_lead).post(
        f"{API}/pledges",
        {
            "requirement_id": requirement.pk,
            "level": "practitioner",
            "days_per_month": "4",
            "start_month": "2026-04",
            "end_month": "2026-09",
        },
        content_type="application/json",
    )
    assert (response.status_code, response.json()["code"]) == (409, "project_paused")


# 8. Levels are ordered ---------------------------------------------------------------------


def test_a_pledge_below_the_need_s_level_is_refused(council, organisation_lead):
    requirement = open_need(level=SkillLevel.PRACTITIONER)
    with pytest.raises(InvalidInput) as refused:
        make_pledge(requirement, council, organisation_lead, level=SkillLevel.WORKING)
    assert (refused.value.code, refused.value.field) == ("level_below_need", "level")
    assert "note on its part in the project" in refused.value.message
    assert make_pledge(requirement, council, organisation_lead, level=SkillLevel.EXPERT)


def test_the_pledge_form_says_why_a_lower_level_does_not_count(client_for, organisation_lead):
    requirement = open_need(level=SkillLevel.EXPERT)
    response = client_for(organisation_lead).post(
        reverse("recruitment:pledge_create", args=[requirement.pk]), _post(level="practitioner")
    )
    assert response.status_code == 422
    ((anchor, message),) = summary_links(response)
    assert anchor == "#id_level"
    assert message.startswith("This need is for expert level or above")


def test_coverage_counts_only_pledges_that_meet_the_need(council, organisation_lead):
    requirement = open_need(level=SkillLevel.PRACTITIONER)
    pledge = make_pledge(requirement, council, organisation_lead)
    assert selectors.project_coverage(requirement.project).covered == D(24)
    # A pledge recorded below the need's level (before the rule, or past the services).
    Pledge.objects.filter(pk=pledge.pk).update(level=SkillLevel.AWARENESS)
    services.refresh_requirement_months([requirement.pk])

    assert not RequirementMonth.objects.filter(requirement=requirement).exists()
    assert selectors.project_coverage(requirement.project).covered == 0
    section = selectors.project_recruitment(organisation_lead, requirement.project)
    assert section.coverage.covered == 0


# 9. A person's month has a limit ---------------------------------------------------------


def test_no_one_gives_more_than_a_month_s_working_days(council, organisation_lead):
    # July 2026 has 23 working days in Scotland; August 2026 has 20 (the summer holiday).
    requirement = open_need(start_month=JULY, end_month=AUGUST)
    with pytest.raises(InvalidInput) as refused:
        make_pledge(
            requirement,
            council,
            organisation_lead,
            days_per_month=D(21),
            start_month=JULY,
            end_month=AUGUST,
        )
    assert refused.value.code == "over_working_days"
    assert "August 2026 has 20 working days" in refused.value.message

    pledge = make_pledge(
        requirement,
        council,
        organisation_lead,
        days_per_month=D(21),
        start_month=JULY,
        end_month=AUGUST,
        adjustments=[(AUGUST, 20)],
    )
    assert pledge.total_days == D(41)


def test_a_named_person_s_pledges_across_projects_stay_within_the_month(council, organisation_lead):
    person = UserFactory(organisation=council, full_name="Ailsa Grant")
    first = open_need(
        project=ProjectFactory(stage=Stage.RECRUITING, title="Digital telecare"),
        start_month=JULY,
        end_month=JULY,
    )
    second = open_need(start_month=JULY, end_month=AUGUST)
    make_pledge(
        first,
        council,
        organisation_lead,
        person_id=person.pk,
        days_per_month=D(15),
        start_month=JULY,
        end_month=JULY,
    )
    with pytest.raises(InvalidInput) as refused:
        make_pledge(
            second,
            council,
            organisation_lead,
            person_id=person.pk,
            days_per_month=D(10),
            start_month=JULY,
            end_month=AUGUST,
        )
    assert refused.value.code == "person_over_working_days"
    assert "Ailsa Grant would give 25 days in July 2026" in refused.value.message
    assert "Digital telecare" in refused.value.message

    make_pledge(
        second,
        council,
        organisation_lead,
        person_id=person.pk,
        days_per_month=D(8),
        start_month=JULY,
        end_month=AUGUST,
    )
    load = {row.month: row for row in selectors.person_load(person, [JULY, AUGUST])}
    assert (load[JULY].pledged, load[JULY].working_days) == (D(23), 23)
    assert (load[AUGUST].pledged, load[AUGUST].remaining) == (D(8), D(12))


def test_changing_a_pledge_counts_the_person_s_other_pledges_not_its_own(
    council, organisation_lead
):
    person = UserFactory(organisation=council)
    requirement = open_need(start_month=JULY, end_month=JULY)
    pledge = make_pledge(
        requirement,
        council,
        organisation_lead,
        person_id=person.pk,
        days_per_month=D(20),
        start_month=JULY,
        end_month=JULY,
    )
    changed = services.pledge_update(
        actor=organisation_lead,
        pledge=pledge,
        data=pledge_input(
            person_id=person.pk, days_per_month=D(23), start_month=JULY, end_month=JULY
        ),
        expected_version=pledge.version,
    )
    assert changed.days_per_month == D(23)


def test_person_load_takes_two_queries_however_many_pledges(council, programme_office):
    person = UserFactory(organisation=council)
    months = [first_of_month(datetime.date(2026, 4, 1))]

    def make_rows(n):
        while Pledge.objects.filter(person=person).count() < n:
            make_pledge(
                open_need(days_per_month=D("0.5")),
                council,
                programme_office,
                person_id=person.pk,
                days_per_month=D("0.5"),
            )

    assert_same_queries(make_rows, lambda: selectors.person_load(person, months), budget=2)


def test_the_pledge_form_shows_each_person_s_load(client_for, council, organisation_lead):
    person = UserFactory(organisation=council, full_name="Ailsa Grant")
    make_pledge(
        open_need(start_month=JULY, end_month=JULY),
        council,
        organisation_lead,
        person_id=person.pk,
        days_per_month=D(15),
        start_month=JULY,
        end_month=JULY,
    )
    requirement = open_need(start_month=JULY, end_month=AUGUST)
    html = (
        client_for(organisation_lead)
        .get(reverse("recruitment:pledge_create", args=[requirement.pk]))
        .content.decode()
    )
    table = html[html.index('id="people-load"') : html.index("</table>", html.index("people-load"))]
    row = table[table.index("Ailsa Grant") :]
    assert "15.0 of 23" in row[: row.index("</tr>")]
    assert "0.0 of 20" in row[: row.index("</tr>")]


def test_a_need_asks_no_more_days_per_person_than_a_month_has(programme_office):
    project = complete_definition(ProjectFactory())
    data = portfolio_selectors.project_to_input(
        portfolio_selectors.project_detail(programme_office, project.slug)
    )
    data.resources = [
        replace(data.resources[0], days_per_month=D(21), start_month=JULY, end_month=AUGUST)
    ]
    with pytest.raises(InvalidInput) as refused:
        portfolio_services.project_update(
            actor=programme_office, project=project, data=data, expected_version=project.version
        )
    assert refused.value.field == "resources-0-days_per_month"
    assert "at most 20 days in August 2026" in refused.value.message


# 6. Closing, cancelling and pausing ----------------------------------------------------------


@pytest.fixture
def delivering(council, other_council, organisation_lead, other_organisation_lead):
    """A project in delivery with a pledge running since last summer and one due to start
    after this month."""
    this_month = first_of_month(timezone.localdate())
    project = complete_definition(ProjectFactory(stage=Stage.IN_DELIVERY, title="CRM"))
    requirement = project.resource_requirements.get()
    requirement.start_month = add_months(this_month, -5)
    requirement.end_month = add_months(this_month, 6)
    requirement.save()
    running = make_pledge(
        requirement,
        council,
        organisation_lead,
        start_month=requirement.start_month,
        end_month=requirement.end_month,
        adjustments=[(add_months(this_month, 2), 1)],
    )
    future = make_pledge(
        requirement,
        other_council,
        other_organisation_lead,
        start_month=add_months(this_month, 2),
        end_month=requirement.end_month,
    )
    return project, requirement, running, future, this_month


@pytest.mark.parametrize("to_stage", [Stage.CLOSED, Stage.CANCELLED])
def test_closing_or_cancelling_ends_the_pledges_that_month(
    delivering, programme_office, django_capture_on_commit_callbacks, to_stage, council
):
    project, requirement, running, future, this_month = delivering
    with django_capture_on_commit_callbacks(execute=True):
        portfolio_services.project_transition(
            actor=programme_office, project=project, to_stage=to_stage, reason="Done"
        )
    running.refresh_from_db()
    future.refresh_from_db()

    assert (running.status, running.end_month) == (PledgeStatus.ENDED, this_month)
    assert running.total_days == D(4) * 6  # five months before this one, and this one
    assert not running.adjustments.exists()  # the later reduction went with the months
    assert "CRM was" in running.ended_reason
    assert future.status == PledgeStatus.WITHDRAWN
    assert running.history.count() > 1  # its history is kept
    months = set(
        RequirementMonth.objects.filter(requirement=requirement).values_list("month", flat=True)
    )
    assert max(months) == this_month
    # Capacity stops counting after this month; contributions count what was given.
    view = selectors.organisation_capacity(council, from_month=this_month, months=2)
    assert [m.pledged for m in view.months] == [D(4), D(0)]
    contribution = next(c for c in selectors.contributions() if c.organisation_id == council.pk)
    assert contribution.days_pledged == D(24)
    # Both councils are told, after the move commits.
    assert {tuple(m.to) for m in mail.outbox} >= {
        ("lead@aberdeencity.gov.uk",),
        ("lead@angus.gov.uk",),
    }
    assert any(m.subject == "Pledges changed: CRM" for m in mail.outbox)


def test_nothing_is_sent_if_the_close_does_not_commit(
    delivering, programme_office, django_capture_on_commit_callbacks
):
    project = delivering[0]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        portfolio_services.project_transition(
            actor=programme_office, project=project, to_stage=Stage.CLOSED
        )
    assert mail.outbox == []
    assert callbacks


def test_a_paused_project_shows_its_pledges_as_paused(
    client_for, delivering, programme_office, organisation_lead, council
):
    project, requirement, running, *_ = delivering
    portfolio_services.project_transition(
        actor=programme_office, project=project, to_stage=Stage.PAUSED, reason="Budget review"
    )
    with pytest.raises(ApplicationError) as refused:
        make_pledge(requirement, council, organisation_lead)
    assert refused.value.code == "project_paused"
    running.refresh_from_db()
    assert running.status == PledgeStatus.ACTIVE  # kept, not ended

    text = text_of(client_for(organisation_lead).get(project.get_absolute_url()))
    assert "The project is paused: it takes no new pledges" in text
    html = client_for(organisation_lead).get(project.get_absolute_url()).content.decode()
    pledges = html[html.index('id="pledges-table"') :]
    assert ">Paused</strong>" in pledges[: pledges.index("</table>")]

    # A pledge can still be withdrawn while paused.
    services.pledge_withdraw(actor=organisation_lead, pledge=running, reason="Staff moved")


# 7. Changing a need with pledges ----------------------------------------------------------


@pytest.fixture
def pledged(council, other_council, organisation_lead, other_organisation_lead):
    requirement = open_need(
        start_month=datetime.date(2026, 4, 1), end_month=datetime.date(2026, 9, 1)
    )
    complete_definition(requirement.project)
    early = make_pledge(requirement, council, organisation_lead, adjustments=[(JULY, 2)])
    late = make_pledge(
        requirement,
        other_council,
        other_organisation_lead,
        start_month=JULY,
        end_month=datetime.date(2026, 9, 1),
    )
    return requirement, early, late


def _need_input(user, requirement, **changes):
    data = portfolio_selectors.project_to_input(
        portfolio_selectors.project_detail(user, requirement.project.slug)
    )
    data.resources = [
        replace(r, **changes) if r.id == requirement.pk else r for r in data.resources
    ]
    return data


def test_shortening_a_need_trims_its_pledges_and_tells_the_councils(
    pledged, programme_office, django_capture_on_commit_callbacks
):
    requirement, early, late = pledged
    project = requirement.project
    with django_capture_on_commit_callbacks(execute=True):
        portfolio_services.project_update(
            actor=programme_office,
            project=project,
            data=_need_input(programme_office, requirement, end_month=datetime.date(2026, 6, 1)),
            expected_version=project.version,
        )
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.start_month, early.end_month, early.total_days) == (
        datetime.date(2026, 4, 1),
        datetime.date(2026, 6, 1),
        D(12),
    )
    assert not early.adjustments.exists()
    assert late.status == PledgeStatus.WITHDRAWN
    assert "now runs April 2026 to June 2026" in late.withdrawn_reason
    assert selectors.project_coverage(project).pledged == D(12)
    assert {m.to[0] for m in mail.outbox} >= {"lead@aberdeencity.gov.uk", "lead@angus.gov.uk"}


@pytest.mark.parametrize("change", ["skill", "level"])
def test_a_pledged_need_keeps_its_skill_and_level(pledged, programme_office, change):
    requirement = pledged[0]
    changes = {"skill_id": SkillFactory().pk} if change == "skill" else {"level": SkillLevel.EXPERT}
    with pytest.raises(ApplicationError) as refused:
        portfolio_services.project_update(
            actor=programme_office,
            project=requirement.project,
            data=_need_input(programme_office, requirement, **changes),
            expected_version=requirement.project.version,
        )
    assert (refused.value.code, refused.value.status) == ("requirement_has_pledges", 409)
    assert f"its {change} cannot change" in refused.value.message
    requirement.refresh_from_db()
    assert requirement.level == SkillLevel.PRACTITIONER


def test_a_need_whose_pledges_were_withdrawn_may_change_level(
    pledged, programme_office, organisation_lead, other_organisation_lead
):
    requirement, early, late = pledged
    services.pledge_withdraw(actor=organisation_lead, pledge=early, reason="Left")
    services.pledge_withdraw(actor=other_organisation_lead, pledge=late, reason="Left")
    portfolio_services.project_update(
        actor=programme_office,
        project=requirement.project,
        data=_need_input(programme_office, requirement, level=SkillLevel.EXPERT),
        expected_version=requirement.project.version,
    )
    requirement.refresh_from_db()
    assert requirement.level == SkillLevel.EXPERT


def test_the_api_refuses_changing_a_pledged_need_s_level(client_for, pledged, programme_office):
    requirement = pledged[0]
    project = requirement.project
    client = client_for(programme_office)
    detail = client.get(f"{API}/projects/{project.slug}").json()
    # PUT takes every field: the project as read, with the pledged need's level changed.
    payload = _as_payload(
        detail,
        resources=[
            {
                **r,
                "skill": r["skill"]["slug"],
                "level": "expert" if r["id"] == requirement.pk else r["level"],
            }
            for r in detail["resources"]
        ],
    )
    response = client.put(
        f"{API}/projects/{project.slug}", payload, content_type="application/json"
    )
    assert (response.status_code, response.json()["code"]) == (409, "requirement_has_pledges")


def test_the_edit_page_says_why_a_pledged_need_cannot_change(client_for, pledged, programme_office):
    from tests.portfolio.formdata import edit_post

    requirement = pledged[0]
    project = requirement.project
    project.project_lead = programme_office
    project.save()
    data = edit_post(project)
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if key.endswith("-id") and key.startswith("resources") and value == str(requirement.pk)
    )
    data[f"resources-{index}-level"] = "expert"
    response = client_for(programme_office).post(
        reverse("portfolio:project_edit", args=[project.slug]), data
    )
    assert response.status_code == 409
    assert any("its level cannot change" in message for _, message in summary_links(response))


# Participation's default role is the service's -------------------------------------------


def test_the_default_participation_role_comes_from_the_service(
    organisation_lead, other_organisation_lead, council, other_council
):
    project = ProjectFactory(stage=Stage.RECRUITING, lead_organisation=council)
    lead = services.participation_set(
        actor=organisation_lead, project=project, organisation=council, status="interested"
    )
    other = services.participation_set(
        actor=other_organisation_lead,
        project=project,
        organisation=other_council,
        status="interested",
        role="observer",
    )
    assert (lead.role, other.role) == (ParticipationRole.LEAD, ParticipationRole.OBSERVER)
    # Leaving the role out keeps the one the organisation has.
    other = services.participation_set(
        actor=other_organisation_lead,
        project=project,
        organisation=other_council,
        status="committed",
    )
    assert other.role == ParticipationRole.OBSERVER
    newcomer = OrganisationFactory()
    assert services.default_participation_role(project, newcomer) == ParticipationRole.PARTICIPANT


def test_the_api_schema_states_the_same_bounds(client):
    schemas = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    for name in ("ResourceIn", "PledgeIn", "PledgeUpdateIn"):
        days = schemas[name]["properties"]["days_per_month"]
        assert (days["exclusiveMinimum"], days["maximum"]) == (0, 23), name


def test_the_pledge_form_bounds_days_as_the_service_does(client_for, organisation_lead):
    requirement = open_need()
    response = client_for(organisation_lead).post(
        reverse("recruitment:pledge_create", args=[requirement.pk]), _post(days_per_month="24")
    )
    assert response.status_code == 422
    assert (
        "#id_days_per_month",
        "The days per month can be 23 at most: no month has more working days in Scotland",
    ) in summary_links(response)
