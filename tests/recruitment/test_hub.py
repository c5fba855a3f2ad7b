"""Recruitment's reads for a council's page, people's pages and the home page's blocks."""

import datetime
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone

from heartbeat.accounts import services as accounts_services
from heartbeat.core.months import add_months, first_of_month, working_days
from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.recruitment import home
from heartbeat.recruitment.models import Pledge, PledgeStatus
from heartbeat.recruitment.selectors import organisation as hub
from heartbeat.recruitment.selectors import person as people
from heartbeat.skills.models import SkillLevel
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.querybudget import assert_same_queries
from tests.recruitment.factories import (
    OrganisationCapacityFactory,
    ParticipationFactory,
    make_pledge,
)
from tests.skills.factories import SkillFactory, UserSkillFactory

pytestmark = pytest.mark.django_db

D = Decimal
DECEMBER = datetime.date(2026, 12, 1)


def month(offset: int) -> datetime.date:
    """A month counted from this one (the real clock's), as the pages see it."""
    return add_months(first_of_month(timezone.localdate()), offset)


def need(skill=None, *, start=0, end=5, stage=Stage.RECRUITING, days="4", people=1, **project):
    return ResourceRequirementFactory(
        project=ProjectFactory(stage=stage, **project),
        skill=skill or SkillFactory(),
        days_per_month=D(days),
        people=people,
        start_month=month(start),
        end_month=month(end),
    )


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def colleague(council):
    return UserFactory(organisation=council, full_name="Ailsa Grant")


# An organisation's work --------------------------------------------------------------------


def test_capacity_against_pledges_warns_of_the_months_over(council, organisation_lead, colleague):
    OrganisationCapacityFactory(
        organisation=council, days_per_month=D("5"), start_month=month(0), end_month=month(11)
    )
    make_pledge(
        need(start=0, end=2), council, organisation_lead,
        person_id=colleague.pk, days_per_month=D("4"), start_month=month(0), end_month=month(2),
    )  # fmt: skip
    make_pledge(
        need(start=1, end=1), council, organisation_lead,
        capacity_label="A developer", days_per_month=D("3"), start_month=month(1),
        end_month=month(1),
    )  # fmt: skip
    work = hub.organisation_work(council)
    capacity = work.capacity()
    assert len(capacity) == 12
    assert [(m.declared, m.pledged) for m in capacity[:4]] == [
        (D("5"), D("4")),
        (D("5"), D("7")),
        (D("5"), D("4")),
        (D("5"), D("0")),
    ]
    assert [m.month for m in work.over_capacity()] == [month(1)]


def test_pledges_that_have_ended_are_left_out(council, organisation_lead):
    ended = need(start=-6, end=-1)
    make_pledge(
        ended, council, organisation_lead, capacity_label="Someone",
        start_month=month(-6), end_month=month(-1),
    )  # fmt: skip
    assert hub.organisation_work(council).pledges == []


def test_pledges_ending_in_the_next_60_days(council, organisation_lead):
    made = {}
    for offset in (0, 1, 2):
        end = add_months(DECEMBER, offset)
        requirement = ResourceRequirementFactory(
            project=ProjectFactory(stage=Stage.RECRUITING), start_month=DECEMBER, end_month=end
        )
        made[offset] = make_pledge(
            requirement, council, organisation_lead,
            capacity_label=f"Ends {end:%B}", start_month=DECEMBER, end_month=end,
        )  # fmt: skip
    for today, expected in (
        (datetime.date(2026, 12, 3), {0, 1}),  # 31 December and 31 January are within 60 days
        (datetime.date(2026, 12, 1), {0}),  # 31 January is 61 days from 1 December
        (datetime.date(2026, 12, 31), {0, 1, 2}),  # 28 February is 59 days on
    ):
        work = hub.organisation_work(council, today=today)
        assert {p.pk for p in work.ending_soon()} == {made[e].pk for e in expected}


def test_leavers_and_movers_pledges_are_to_reassign(
    council, organisation_lead, programme_office, other_council
):
    leaver = UserFactory(organisation=council, full_name="Left Us")
    mover = UserFactory(organisation=council, full_name="Moved On")
    stayer = UserFactory(organisation=council, full_name="Still Here")
    pledges = {
        person.full_name: make_pledge(need(), council, organisation_lead, person_id=person.pk,
                                      start_month=month(0), end_month=month(5))
        for person in (leaver, mover, stayer)
    }  # fmt: skip
    accounts_services.person_deactivate(actor=programme_office, person=leaver, reason="Left")
    accounts_services.person_move(
        actor=programme_office, person=mover, organisation=other_council, reason="Moved"
    )
    to_reassign = hub.organisation_work(council).to_reassign()
    assert {p.pk for p in to_reassign} == {pledges["Left Us"].pk, pledges["Moved On"].pk}
    # Nothing was withdrawn or deleted on their account.
    assert Pledge.objects.filter(status=PledgeStatus.ACTIVE).count() == 3


def test_people_time_names_people_except_for_visitors(council, organisation_lead, colleague):
    make_pledge(
        need(visibility=Visibility.PUBLIC), council, organisation_lead,
        person_id=colleague.pk, start_month=month(0), end_month=month(2),
    )  # fmt: skip
    make_pledge(
        need(visibility=Visibility.PARTNERSHIP), council, organisation_lead,
        capacity_label="A developer", start_month=month(0), end_month=month(0),
    )  # fmt: skip
    work = hub.organisation_work(council)
    months = hub.window()
    rows = dict(work.people_time(organisation_lead, months))
    assert rows["Ailsa Grant"][:4] == [D("4"), D("4"), D("4"), D("0")]
    assert rows["A developer"][:2] == [D("4"), D("0")]
    from django.contrib.auth.models import AnonymousUser

    assert len(work.visible_pledges(AnonymousUser())) == 1


# Projects it leads and takes part in -------------------------------------------------------


def test_projects_it_leads_and_takes_part_in(council, member):
    led = ProjectFactory(lead_organisation=council, title="Led here")
    joined = ProjectFactory(title="Joined")
    ParticipationFactory(organisation=council, project=joined, status="committed")
    interested = ProjectFactory(title="Interested", visibility=Visibility.PARTNERSHIP)
    ParticipationFactory(organisation=council, project=interested, status="interested")
    left = ProjectFactory(title="Left")
    ParticipationFactory(
        organisation=council, project=left, status="withdrawn", reason="No capacity"
    )
    closed = ProjectFactory(lead_organisation=council, title="A closed one", stage=Stage.CLOSED)
    rows = hub.as_organisation_projects(hub.organisation_projects(member, council), council)
    assert [r.project.title for r in rows] == ["Interested", "Joined", "Led here", "A closed one"]
    by_title = {r.project.title: r for r in rows}
    assert (
        by_title["Led here"].role_label == "Lead" and by_title["Led here"].status_label == "Leads"
    )
    assert by_title["Joined"].status_label == "Committed"
    from django.contrib.auth.models import AnonymousUser

    public = hub.organisation_projects(AnonymousUser(), council)
    assert "Interested" not in [p.title for p in public]
    assert led.pk and closed.pk


# Where it can help, and new needs ----------------------------------------------------------


def test_matching_needs_and_why(council, organisation_lead, colleague):
    designer = SkillFactory(name="Service designer")
    UserSkillFactory(user=colleague, skill=designer, level=SkillLevel.EXPERT)
    by_people = need(designer, title="Needs a designer")
    analyst = SkillFactory(name="Data analyst")
    pledged_need = need(analyst, title="Pledged to")
    make_pledge(
        pledged_need, council, organisation_lead, capacity_label="An analyst",
        start_month=month(0), end_month=month(5),
    )  # fmt: skip
    by_past_pledge = need(analyst, title="Same skill again")
    need(title="No match")
    need(designer, title="Proposed only", stage=Stage.PROPOSED)
    needs = list(hub.matching_needs(organisation_lead, council))
    matches = {m.need.project.title: m for m in hub.help_matches(council, needs)}
    assert set(matches) == {"Needs a designer", "Same skill again"}
    assert [p.user.full_name for p in matches["Needs a designer"].people] == ["Ailsa Grant"]
    assert matches["Same skill again"].pledged_before
    assert not matches["Same skill again"].pledged_here
    assert by_people.pk and by_past_pledge.pk


def test_pledged_to_needs_stay_in_where_it_can_help_while_days_are_short(
    council, organisation_lead
):
    analyst = SkillFactory(name="Data analyst")
    short = need(analyst, people=2, title="Two analysts")
    make_pledge(
        short, council, organisation_lead, capacity_label="One analyst",
        start_month=month(0), end_month=month(5),
    )  # fmt: skip
    rows = list(hub.matching_needs(organisation_lead, council))
    assert [(r.project.title, r.pledged_here) for r in rows] == [("Two analysts", True)]


def test_new_matching_needs_since_a_moment(council, organisation_lead, colleague):
    designer = SkillFactory(name="Service designer")
    UserSkillFactory(user=colleague, skill=designer)
    old = need(designer, title="Old need")
    since = timezone.now()
    new = need(designer, title="New need")
    found = list(hub.matching_needs(organisation_lead, council, since=since))
    assert [n.pk for n in found] == [new.pk]
    assert old.pk


def test_where_it_can_help_costs_the_same_at_3_and_30_needs(council, organisation_lead, colleague):
    designer = SkillFactory(name="Service designer")
    UserSkillFactory(user=colleague, skill=designer)

    def make(n):
        while hub.ResourceRequirement.objects.count() < n:
            need(designer)

    def run():
        needs = list(hub.matching_needs(organisation_lead, council)[:10])
        hub.help_matches(council, needs)

    assert_same_queries(make, run, budget=2)


# The programme office: councils over capacity ----------------------------------------------


def test_councils_over_capacity(council, other_council, programme_office):
    quiet = OrganisationFactory(name="Quiet Council")
    for organisation in (council, other_council, quiet):
        OrganisationCapacityFactory(
            organisation=organisation, days_per_month=D("5"),
            start_month=month(0), end_month=month(11),
        )  # fmt: skip
    make_pledge(
        need(), council, programme_office, capacity_label="Busy",
        days_per_month=D("6"), start_month=month(0), end_month=month(1),
    )  # fmt: skip
    make_pledge(
        need(), other_council, programme_office, capacity_label="Busy",
        days_per_month=D("8"), start_month=month(2), end_month=month(2),
        adjustments=[],
    )  # fmt: skip
    make_pledge(
        need(), quiet, programme_office, capacity_label="Steady",
        days_per_month=D("5"), start_month=month(0), end_month=month(5),
    )  # fmt: skip
    over = hub.councils_over_capacity()
    assert [(o.name, [m.month for m in o.months]) for o in over] == [
        ("Aberdeen City", [month(0), month(1)]),
        ("Angus", [month(2)]),
    ]
    assert over[1].worst.pledged == D("8")


def test_councils_over_capacity_costs_three_queries_at_any_size(programme_office):
    def make(n):
        while hub.OrganisationCapacity.objects.count() < n:
            organisation = OrganisationFactory()
            OrganisationCapacityFactory(
                organisation=organisation, days_per_month=D("1"),
                start_month=month(0), end_month=month(11),
            )  # fmt: skip
            make_pledge(
                need(), organisation, programme_office, capacity_label="Someone",
                start_month=month(0), end_month=month(1), adjustments=[(month(1), "0.5")],
            )  # fmt: skip

    assert_same_queries(make, hub.councils_over_capacity, budget=3)


# A person's load ---------------------------------------------------------------------------


def test_a_persons_load_against_working_days_shows_double_booking(council, colleague):
    first = need(start=0, end=2, title="Telecare")
    second = need(start=0, end=1, title="School admissions")
    # Written directly, as a record changed after the rules were checked might be.
    for requirement, days in ((first, "15"), (second, "10")):
        Pledge.objects.create(
            organisation=council, requirement=requirement, person=colleague,
            skill=requirement.skill, level=requirement.level, days_per_month=D(days),
            start_month=requirement.start_month, end_month=requirement.end_month,
        )  # fmt: skip
    load = people.person_load(people.person_pledges(colleague), hub.window())
    assert [p.title for p in load.projects] == ["School admissions", "Telecare"]
    this = load.months[0]
    assert this.working_days == working_days(month(0))
    assert this.days == [D("10"), D("15")]
    assert this.pledged == D("25")
    assert this.over and this.over_by == D("25") - this.working_days
    assert [m.month for m in load.over] == [month(0), month(1)]
    assert not load.months[2].over and load.months[2].free == load.months[2].working_days - 15


def test_a_persons_pledges_take_two_queries_with_none_or_several(
    council, colleague, django_assert_num_queries
):
    with django_assert_num_queries(2):
        assert people.person_pledges(colleague) == []
    requirement = need(start=0, end=2, title="Telecare")
    pledge = Pledge.objects.create(
        organisation=council, requirement=requirement, person=colleague,
        skill=requirement.skill, level=requirement.level, days_per_month=D("10"),
        start_month=requirement.start_month, end_month=requirement.end_month,
    )  # fmt: skip
    pledge.adjustments.create(month=month(1), days=D("4"))
    with django_assert_num_queries(2):
        load = people.person_load(people.person_pledges(colleague), hub.window())
    assert [m.days for m in load.months[:3]] == [[D("10")], [D("4")], [D("10")]]


def test_december_2026_has_21_working_days_in_scotland():
    # 23 weekdays, less Christmas Day (Friday) and Boxing Day's substitute (Monday 28th).
    assert working_days(DECEMBER) == 21


# Home blocks -------------------------------------------------------------------------------


ROLES = ["member", "organisation_lead", "project_lead", "board_member", "programme_office"]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_recruitment_blocks(user_for_role, role):
    request = request_as(user_for_role(role))
    shown = {
        name
        for name, block in (
            ("uncovered", home.uncovered_needs_block),
            ("projects", home.participations_block),
            ("pledges", home.pledges_block),
            ("over", home.over_capacity_block),
            ("new needs", home.new_needs_block),
            ("ending", home.ending_soon_block),
            ("councils over", home.councils_over_capacity_block),
            ("my council", home.council_projects_block),
        )
        if block(request) is not None
    }
    expected = {
        "member": {"my council"},
        "organisation_lead": {"projects", "pledges", "over", "new needs", "ending"},
        "project_lead": {"uncovered", "my council"},
        "board_member": {"my council"},
        "programme_office": {"councils over", "my council"},
    }
    assert shown == expected[role]


def test_the_reassign_block_shows_only_when_there_is_something_to_reassign(
    council, organisation_lead, programme_office, colleague
):
    request = request_as(organisation_lead)
    make_pledge(
        need(), council, organisation_lead, person_id=colleague.pk,
        start_month=month(0), end_month=month(5),
    )  # fmt: skip
    assert home.reassign_block(request) is None
    accounts_services.person_deactivate(actor=programme_office, person=colleague, reason="Left")
    block = home.reassign_block(request_as(organisation_lead))
    assert block.count == 1
    assert block.link.endswith("#reassign")


def test_uncovered_needs_of_a_project_leads_projects(project_lead, council, organisation_lead):
    short = need(title="Short", project_lead=project_lead, people=2)
    covered = need(title="Covered", project_lead=project_lead)
    need(title="Someone else's")
    make_pledge(
        covered, council, organisation_lead, capacity_label="All of it",
        start_month=month(0), end_month=month(5),
    )  # fmt: skip
    block = home.uncovered_needs_block(request_as(project_lead))
    assert [n.project.title for n in block.context["needs"]] == ["Short"]
    assert block.count == 1
    assert short.pk


def _organisation_lead_data(council, organisation_lead, colleague, designer):
    def make(n):
        while Pledge.objects.filter(organisation=council).count() < n:
            index = Pledge.objects.count()
            requirement = need(designer, title=f"Design work {index}", lead_organisation=council)
            ParticipationFactory(organisation=council, project=ProjectFactory())
            make_pledge(
                requirement, council, organisation_lead, capacity_label=f"Person {index}",
                start_month=month(0), end_month=month(1), adjustments=[(month(1), "1")],
            )  # fmt: skip
            OrganisationCapacityFactory(
                organisation=council, days_per_month=D("1"),
                start_month=month(index), end_month=month(index),
            )  # fmt: skip

    return make


def test_the_organisation_leads_blocks_cost_the_same_at_3_and_30_rows(
    council, organisation_lead, colleague
):
    designer = SkillFactory(name="Service designer")
    UserSkillFactory(user=colleague, skill=designer)
    make = _organisation_lead_data(council, organisation_lead, colleague, designer)
    for block in (
        home.participations_block,
        home.pledges_block,
        home.over_capacity_block,
        home.new_needs_block,
        home.ending_soon_block,
        home.reassign_block,
    ):
        assert_same_queries(
            make, lambda block=block: block(request_as(organisation_lead)), budget=3
        )


def test_the_other_blocks_cost_the_same_at_3_and_30_rows(
    council, organisation_lead, project_lead, member
):
    def make(n):
        while ProjectFactory._meta.model.objects.count() < n:
            requirement = need(project_lead=project_lead, lead_organisation=council)
            ParticipationFactory(organisation=council, project=ProjectFactory())
            assert requirement.pk

    assert_same_queries(
        make, lambda: home.uncovered_needs_block(request_as(project_lead)), budget=1
    )
    assert_same_queries(make, lambda: home.council_projects_block(request_as(member)), budget=1)


@pytest.mark.django_db(transaction=True)
def test_an_organisations_work_is_kept_until_a_pledge_changes(council, organisation_lead):
    from tests.querybudget import queries_for

    first = make_pledge(
        need(start=0, end=2), council, organisation_lead, capacity_label="Analyst",
        start_month=month(0), end_month=month(2),
    )  # fmt: skip

    def read():
        found = {}

        def run():
            found["work"] = hub.organisation_work(council)

        return queries_for(run), {p.capacity_label for p in found["work"].pledges}

    assert read() == (3, {"Analyst"})
    assert read() == (0, {"Analyst"})
    work = hub.organisation_work(council)
    # Worked out once per pledge, whichever figure asks.
    assert work.pledged_by_month()[month(0)] == work.days_by_month(work.pledges[0])[month(0)]
    assert work.days_by_month(work.pledges[0]) is work.days_by_month(work.pledges[0])
    make_pledge(
        need(start=0, end=1), council, organisation_lead, capacity_label="Developer",
        start_month=month(0), end_month=month(1),
    )  # fmt: skip
    assert read() == (3, {"Analyst", "Developer"})
    Pledge.objects.filter(pk=first.pk).update(capacity_label="Lead analyst")
    assert read()[1] == {"Lead analyst", "Developer"}
