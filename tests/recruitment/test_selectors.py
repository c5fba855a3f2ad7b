"""Coverage arithmetic against hand-worked examples, filters, and query budgets."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.recruitment import selectors
from heartbeat.recruitment.coverage import band, percent
from heartbeat.recruitment.models import ParticipationStatus
from heartbeat.recruitment.services import pledge_withdraw
from heartbeat.skills.models import SkillLevel
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory, ThemeFactory
from tests.querybudget import assert_same_queries
from tests.recruitment.factories import (
    OrganisationCapacityFactory,
    ParticipationFactory,
    make_pledge,
    open_need,
)
from tests.skills.factories import SkillFactory, UserSkillFactory

D = Decimal
APRIL, MAY, JUNE = datetime.date(2026, 4, 1), datetime.date(2026, 5, 1), datetime.date(2026, 6, 1)
JULY, AUGUST = datetime.date(2026, 7, 1), datetime.date(2026, 8, 1)
SEPTEMBER = datetime.date(2026, 9, 1)
IN_APRIL = datetime.date(2026, 4, 15)


@pytest.fixture
def worked_example(council, other_council, organisation_lead, programme_office):
    """The example worked by hand in the comments below.

    Need: 2 people x 4 days a month, April to September 2026: 8 days a month, 48 in all.
    Aberdeen City: 4 days a month April to September, halved in July and August:
        4, 4, 4, 2, 2, 4.
    Angus: 6 days a month June to August only (a partial period): 6, 6, 6.
    Pledged by month: 4, 4, 10, 8, 8, 4 (38 days); June is over-pledged by 2.
    Covered (capped at 8): 4, 4, 8, 8, 8, 4 = 36 days of 48: 75%, 12 days short.
    Gaps: April 4, May 4, September 4; the largest gap is 4 days.
    """
    project = ProjectFactory(stage=Stage.RECRUITING, title="Digital telecare")
    requirement = ResourceRequirementFactory(
        project=project, people=2, days_per_month=D("4"), start_month=APRIL, end_month=SEPTEMBER
    )
    make_pledge(
        requirement,
        council,
        organisation_lead,
        days_per_month=D("4"),
        adjustments=[(JULY, 2), (AUGUST, 2)],
    )
    make_pledge(
        requirement,
        other_council,
        programme_office,
        days_per_month=D("6"),
        start_month=JUNE,
        end_month=AUGUST,
    )
    return requirement


def test_requirement_coverage_by_month_by_hand(worked_example):
    coverage = selectors.project_coverage(worked_example.project)
    (need,) = coverage.requirements

    assert [c.month for c in need.cells] == [APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER]
    assert [c.required for c in need.cells] == [D(8)] * 6
    assert [c.pledged for c in need.cells] == [D(4), D(4), D(10), D(8), D(8), D(4)]
    assert [c.covered for c in need.cells] == [D(4), D(4), D(8), D(8), D(8), D(4)]
    assert [c.band for c in need.cells] == ["part", "part", "full", "full", "full", "part"]
    assert (need.required, need.pledged, need.covered) == (D(48), D(38), D(36))
    assert need.shortfall == D(12)
    assert need.largest_gap == D(4)
    assert need.percent == 75
    assert coverage.percent == 75
    assert [(c.month, c.gap) for _, c in coverage.gaps()] == [
        (APRIL, D(4)),
        (MAY, D(4)),
        (SEPTEMBER, D(4)),
    ]


def test_database_coverage_matches_the_hand_worked_example(worked_example):
    from heartbeat.portfolio.models import ResourceRequirement

    need = selectors.with_coverage(ResourceRequirement.objects.filter(pk=worked_example.pk)).get()

    assert need.months_open == 6
    assert need.required_days == D(48)
    assert need.covered_days == D(36)
    assert need.shortfall_days == D(12)
    assert need.largest_gap == D(4)


def test_database_coverage_from_a_later_month(worked_example):
    """From July: 8 + 8 + 4 covered of 3 x 8 required; 4 short, largest gap 4 (September)."""
    from heartbeat.portfolio.models import ResourceRequirement

    need = selectors.with_coverage(
        ResourceRequirement.objects.filter(pk=worked_example.pk), from_month=JULY
    ).get()

    assert need.months_open == 3
    assert (need.required_days, need.covered_days, need.shortfall_days) == (D(24), D(20), D(4))
    assert need.largest_gap == D(4)


def test_a_month_without_pledges_is_the_largest_gap(council, organisation_lead):
    """1 person x 5 days, April to June; 5 days pledged in May only: April and June are
    whole gaps of 5 days; 5 of 15 covered (33%)."""
    from heartbeat.portfolio.models import ResourceRequirement

    requirement = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING),
        people=1,
        days_per_month=D("5"),
        start_month=APRIL,
        end_month=JUNE,
    )
    make_pledge(
        requirement, council, organisation_lead, days_per_month=D(5), start_month=MAY, end_month=MAY
    )

    need = selectors.with_coverage(ResourceRequirement.objects.filter(pk=requirement.pk)).get()
    assert (need.covered_days, need.shortfall_days, need.largest_gap) == (D(5), D(10), D(5))
    assert selectors.project_coverage(requirement.project).percent == 33


def test_withdrawn_pledges_do_not_count(worked_example, organisation_lead):
    pledge = worked_example.pledges.get(organisation__name="Aberdeen City")
    pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="Moved to another project")

    (need,) = selectors.project_coverage(worked_example.project).requirements
    # Angus alone: June, July, August at 6 of 8.
    assert [c.covered for c in need.cells] == [D(0), D(0), D(6), D(6), D(6), D(0)]
    assert need.percent == 37  # 18 / 48 = 37.5%, rounded down


def test_project_coverage_over_several_needs(worked_example, council, organisation_lead):
    """A second need, 1 x 2 days April to June, fully pledged: (36 + 6) / (48 + 6) = 77.7%."""
    second = ResourceRequirementFactory(
        project=worked_example.project,
        people=1,
        days_per_month=D("2"),
        start_month=APRIL,
        end_month=JUNE,
    )
    make_pledge(
        second, council, organisation_lead, days_per_month=D(2), start_month=APRIL, end_month=JUNE
    )

    coverage = selectors.project_coverage(worked_example.project)
    assert (coverage.required, coverage.covered) == (D(54), D(42))
    assert coverage.percent == 77
    assert coverage.months == [APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER]
    rows = coverage.heat_rows()
    assert rows[1][1][3] is None  # the second need has no cell in July


def test_percent_and_band_edges():
    assert percent(D(0), D(0)) is None
    assert percent(D("99.9"), D(100)) == 99
    assert band(D(0), D(8)) == "none"
    assert band(D("3.9"), D(8)) == "low"
    assert band(D(4), D(8)) == "part"
    assert band(D(8), D(8)) == "full"


# Open needs --------------------------------------------------------------------------------


def test_open_needs_lists_only_unfilled_needs_on_live_projects(
    worked_example, council, organisation_lead, member
):
    filled = ResourceRequirementFactory(
        project=worked_example.project, people=1, days_per_month=D(1)
    )
    make_pledge(filled, council, organisation_lead, days_per_month=D(1))
    proposed = ResourceRequirementFactory(project=ProjectFactory(stage=Stage.PROPOSED))
    closed = ResourceRequirementFactory(project=ProjectFactory(stage=Stage.CLOSED))
    finished = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.IN_DELIVERY),
        start_month=datetime.date(2025, 1, 1),
        end_month=datetime.date(2025, 6, 1),
    )

    needs = list(selectors.open_needs(member, today=IN_APRIL))

    assert [n.pk for n in needs] == [worked_example.pk]
    assert {filled.pk, proposed.pk, closed.pk, finished.pk}.isdisjoint(n.pk for n in needs)
    assert needs[0].shortfall_days == D(12)


def test_open_needs_count_from_this_month_on(worked_example, member):
    (need,) = selectors.open_needs(member, today=datetime.date(2026, 7, 20))
    assert need.shortfall_days == D(4)  # only September is short from July on


def test_open_needs_filters(member):
    theme = ThemeFactory(name="Digital Services")
    developer = SkillFactory(name="Developer")
    researcher = SkillFactory(name="User researcher")
    project = ProjectFactory(stage=Stage.RECRUITING, theme=theme)
    a = ResourceRequirementFactory(project=project, skill=developer, level=SkillLevel.EXPERT)
    b = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING),
        skill=researcher,
        level=SkillLevel.WORKING,
        start_month=AUGUST,
        end_month=SEPTEMBER,
    )

    def found(**params):
        filters, errors = selectors.parse_need_filters(params)
        assert errors == []
        return {n.pk for n in selectors.open_needs(member, filters, today=IN_APRIL)}

    assert found() == {a.pk, b.pk}
    assert found(skill="developer") == {a.pk}
    assert found(level="working") == {b.pk}
    assert found(theme="digital-services") == {a.pk}
    assert found(month="2026-05") == {a.pk}
    assert found(month="2026-08") == {a.pk, b.pk}
    assert found(month="2026-08", skill="user-researcher") == {b.pk}


def test_a_month_filter_leaves_out_months_already_covered(worked_example, member):
    filters, _ = selectors.parse_need_filters({"month": "2026-07"})
    assert list(selectors.open_needs(member, filters, today=IN_APRIL)) == []
    filters, _ = selectors.parse_need_filters({"month": "2026-09"})
    assert len(selectors.open_needs(member, filters, today=IN_APRIL)) == 1


def test_bad_filters_are_reported_and_dropped(db):
    filters, errors = selectors.parse_need_filters(
        {"skill": "wizard", "level": "guru", "theme": "nowhere", "month": "July", "sort": "x"}
    )
    assert filters == selectors.NeedFilters()
    assert len(errors) == 5


def test_visitors_see_needs_of_public_projects_only(member):
    public = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING, visibility=Visibility.PUBLIC)
    )
    private = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING, visibility=Visibility.PARTNERSHIP)
    )
    assert {n.pk for n in selectors.open_needs(AnonymousUser(), today=IN_APRIL)} == {public.pk}
    assert {n.pk for n in selectors.open_needs(member, today=IN_APRIL)} == {public.pk, private.pk}


def test_open_needs_sort_by_largest_gap(member):
    small = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING), days_per_month=D(2)
    )
    large = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING), days_per_month=D(9)
    )
    assert [n.pk for n in selectors.open_needs(member, today=IN_APRIL)] == [large.pk, small.pk]


def test_export_rows_match_the_list(worked_example, member):
    needs = selectors.open_needs(member, today=IN_APRIL)
    rows = list(selectors.need_export_rows(needs))
    assert len(rows[0]) == len(selectors.NEED_EXPORT_HEADERS)
    assert rows[0][:4] == [
        "Digital telecare",
        worked_example.project.theme.name,
        worked_example.skill.name,
        "Practitioner",
    ]
    # Required, pledged (what councils offered), covered (capped at the need), short, gap.
    assert rows[0][9:14] == [D(48), D(38), D(36), D(12), D(4)]
    assert selectors.NEED_EXPORT_HEADERS[10:12] == ["Days pledged", "Days covered"]


# Where my council can help -----------------------------------------------------------------


def test_where_to_help_matches_peoples_skills_and_past_pledges(
    council, organisation_lead, worked_example
):
    designer = SkillFactory(name="Service designer")
    UserSkillFactory(
        user=UserFactory(organisation=council, full_name="Ailsa Grant"),
        skill=designer,
        level=SkillLevel.EXPERT,
    )
    by_people = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING), skill=designer
    )
    by_pledge = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING), skill=worked_example.skill
    )
    ResourceRequirementFactory(project=ProjectFactory(stage=Stage.RECRUITING))  # no match

    needs, people, pledged = selectors.where_to_help(organisation_lead, council, today=IN_APRIL)
    matches = selectors.help_matches(council, needs, people, pledged)

    by_id = {m.need.pk: m for m in matches}
    assert set(by_id) == {by_people.pk, by_pledge.pk, worked_example.pk}
    assert [p.user.full_name for p in by_id[by_people.pk].people] == ["Ailsa Grant"]
    assert by_id[by_pledge.pk].pledged_before
    assert by_id[worked_example.pk].pledged_here
    assert not by_id[by_pledge.pk].pledged_here


# Recruiting projects -----------------------------------------------------------------------


def test_recruiting_projects_sorted_by_largest_gap(worked_example, member):
    bigger = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING, title="Cyber resilience"),
        people=3,
        days_per_month=D(5),
    )
    ResourceRequirementFactory(project=ProjectFactory(stage=Stage.IN_DELIVERY))

    gaps = selectors.recruiting_projects(member)

    assert [g.slug for g in gaps] == [bigger.project.slug, worked_example.project.slug]
    assert (gaps[0].largest_gap, gaps[0].percent) == (D(15), 0)
    assert (gaps[1].largest_gap, gaps[1].percent, gaps[1].shortfall) == (D(4), 75, D(12))
    by_coverage = selectors.recruiting_projects(member, sort="coverage")
    assert [g.title for g in by_coverage] == ["Cyber resilience", "Digital telecare"]
    by_title = selectors.recruiting_projects(member, sort="title")
    assert [g.title for g in by_title] == ["Cyber resilience", "Digital telecare"]
    assert gaps[1].url == worked_example.project.get_absolute_url()


# Contributions and capacity ----------------------------------------------------------------


def test_contributions_per_council(worked_example, council, other_council):
    ParticipationFactory(
        project=ProjectFactory(), organisation=council, status=ParticipationStatus.INTERESTED
    )
    rows = {r.name: r for r in selectors.contributions()}
    assert rows["Aberdeen City"].days_pledged == D(20)
    assert rows["Aberdeen City"].pledges == 1
    assert rows["Aberdeen City"].projects_joined == 1
    assert rows["Aberdeen City"].projects_interested == 1
    assert rows["Angus"].days_pledged == D(18)
    export = selectors.contribution_export_rows(list(rows.values()))
    assert ["Aberdeen City", D(20), 1, 1, 1, "/organisations/aberdeen-city/"] in export


def test_capacity_declared_against_pledged(worked_example, council):
    OrganisationCapacityFactory(
        organisation=council, days_per_month=D(3), start_month=APRIL, end_month=JUNE
    )
    view = selectors.organisation_capacity(council, from_month=APRIL, months=6)

    assert [(m.month, m.declared, m.pledged) for m in view.months] == [
        (APRIL, D(3), D(4)),
        (MAY, D(3), D(4)),
        (JUNE, D(3), D(4)),
        (JULY, None, D(2)),
        (AUGUST, None, D(2)),
        (SEPTEMBER, None, D(4)),
    ]
    assert [m.month for m in view.over_months] == [APRIL, MAY, JUNE]
    assert view.months[0].remaining == D(-1)


def test_pledge_history_is_readable(worked_example, organisation_lead):
    pledge = worked_example.pledges.get(organisation__name="Aberdeen City")
    pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="Moved on")
    history = selectors.pledge_history(pledge)
    assert history[0].description == "Changed the pledge"
    assert history[0].who == organisation_lead.display_name
    assert ("Status", "Active", "Withdrawn") in [
        (c.label, c.before, c.after) for c in history[0].changes
    ]
    assert history[-1].description == "Added the pledge"


# Query budgets -------------------------------------------------------------------------------


def test_project_section_queries_do_not_grow(programme_office):
    project = ProjectFactory(stage=Stage.RECRUITING)
    made = []

    def make_rows(n):
        while len(made) < n:
            organisation = OrganisationFactory()
            requirement = ResourceRequirementFactory(project=project)
            make_pledge(
                requirement,
                organisation,
                programme_office,
                person_id=UserFactory(organisation=organisation).pk,
                adjustments=[(JULY, 1)],
            )
            made.append(requirement)

    def run():
        data = selectors.project_recruitment(programme_office, project)
        for pledge in data.pledges:
            assert pledge.person.full_name
            assert pledge.organisation.name
            list(pledge.adjustments.all())
        for participation in data.participations:
            assert participation.organisation.name
        for requirement in data.coverage.requirements:
            assert requirement.requirement.skill.name
        assert data.coverage.percent is not None

    assert_same_queries(make_rows, run, budget=4)


def test_open_needs_queries_do_not_grow(member):
    def make_rows(n):
        from heartbeat.portfolio.models import ResourceRequirement

        while ResourceRequirement.objects.count() < n:
            ResourceRequirementFactory(project=ProjectFactory(stage=Stage.RECRUITING))

    def run():
        needs = selectors.open_needs(member, today=IN_APRIL)
        assert len(needs) > 0
        for need in needs[:25]:
            assert need.project.theme.name and need.skill.name

    assert_same_queries(make_rows, run, budget=4)


def test_contributions_queries_do_not_grow(programme_office):
    def make_rows(n):
        from heartbeat.partnership.models import Organisation

        while Organisation.objects.count() < n + 1:
            organisation = OrganisationFactory()
            make_pledge(open_need(), organisation, programme_office)

    assert_same_queries(make_rows, selectors.contributions, budget=4)


def test_recruiting_projects_queries_do_not_grow(member):
    def make_rows(n):
        from heartbeat.portfolio.models import Project

        while Project.objects.count() < n:
            ResourceRequirementFactory(project=ProjectFactory(stage=Stage.RECRUITING))

    def run():
        for gap in selectors.recruiting_projects(member):
            assert gap.theme

    assert_same_queries(make_rows, run, budget=1)


def test_the_project_section_agrees_with_the_stored_coverage(worked_example, member):
    from heartbeat.portfolio.selectors import project_detail

    project = project_detail(member, worked_example.project.slug)
    section = selectors.project_recruitment(member, project).coverage
    stored = selectors.project_coverage(worked_example.project)
    assert [c.pledged for c in section.requirements[0].cells] == [
        c.pledged for c in stored.requirements[0].cells
    ]
    assert section.percent == stored.percent == 75


def test_the_project_section_reuses_the_pages_requirements(worked_example, member):
    from heartbeat.portfolio.selectors import project_detail
    from tests.querybudget import queries_for

    project = project_detail(member, worked_example.project.slug)
    assert queries_for(lambda: selectors.project_recruitment(member, project)) == 3


def test_open_needs_agree_with_the_database_coverage(worked_example, council, programme_office):
    """The grouped query and Python give what ``with_coverage`` gives, need by need."""
    from heartbeat.portfolio.models import ResourceRequirement

    for days, start, end in [(1, APRIL, JUNE), (9, MAY, SEPTEMBER), (2, JULY, AUGUST)]:
        need = ResourceRequirementFactory(
            project=worked_example.project,
            people=2,
            days_per_month=D(days),
            start_month=APRIL,
            end_month=SEPTEMBER,
        )
        make_pledge(
            need,
            council,
            programme_office,
            days_per_month=D(days),
            start_month=start,
            end_month=end,
            adjustments=[(JULY, 0)] if start <= JULY <= end else [],
        )
    for today in (IN_APRIL, datetime.date(2026, 7, 3)):
        this_month = today.replace(day=1)
        expected = {
            n.pk: (n.months_open, n.required_days, n.covered_days, n.largest_gap)
            for n in selectors.with_coverage(
                ResourceRequirement.objects.all(), from_month=this_month
            )
            if n.shortfall_days > 0
        }
        found = {
            n.pk: (n.months_open, n.required_days, n.covered_days, n.largest_gap)
            for n in selectors.open_needs(None, today=today)
        }
        assert found == expected


def test_open_needs_see_every_change_at_once(worked_example, council, organisation_lead, member):
    """Figures are remembered between requests, but never past a change to the data."""
    (need,) = selectors.open_needs(member, today=IN_APRIL)
    assert need.shortfall_days == D(12)

    make_pledge(
        worked_example,
        council,
        organisation_lead,
        person_id=UserFactory(organisation=council).pk,
        days_per_month=D(4),
        start_month=APRIL,
        end_month=MAY,
    )
    (need,) = selectors.open_needs(member, today=IN_APRIL)
    assert need.shortfall_days == D(4)  # only September is short now

    worked_example.people = 3
    worked_example.save()  # as the admin would: no project save, but a history record
    (need,) = selectors.open_needs(member, today=IN_APRIL)
    assert need.required_days == D(72)

    worked_example.project.title = "Digital telecare everywhere"
    worked_example.project.save()
    assert selectors.open_needs(member, today=IN_APRIL)[0].project.title.endswith("everywhere")
    filters, _ = selectors.parse_need_filters({"sort": "project"})
    assert len(selectors.open_needs(member, filters, today=IN_APRIL)) == 1


def test_open_needs_follow_a_change_made_past_the_services_at_once(worked_example, member):
    """No figures are kept between reads: a project made partnership-only by a bulk update
    (no save, no history, no updated_at) leaves the visitors' list at once."""
    project = worked_example.project
    assert [n.pk for n in selectors.open_needs(AnonymousUser(), today=IN_APRIL)] == [
        worked_example.pk
    ]
    type(project).objects.filter(pk=project.pk).update(visibility=Visibility.PARTNERSHIP)
    assert list(selectors.open_needs(AnonymousUser(), today=IN_APRIL)) == []
    assert [n.pk for n in selectors.open_needs(member, today=IN_APRIL)] == [worked_example.pk]
    type(project).objects.filter(pk=project.pk).update(stage=Stage.PAUSED)
    assert list(selectors.open_needs(member, today=IN_APRIL)) == []


def test_open_needs_name_pledged_and_covered_days_apart(worked_example, member):
    (need,) = selectors.open_needs(member, today=IN_APRIL)
    # Councils offered 38 days; 36 of them count against the need (June is over-pledged).
    assert (need.required_days, need.pledged_days, need.covered_days) == (D(48), D(38), D(36))
    assert need.shortfall_days == D(12)
