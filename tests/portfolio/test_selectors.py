import datetime
from dataclasses import replace
from decimal import Decimal

import pytest
from django.db import connection
from django.http import Http404, QueryDict
from django.utils import timezone

from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.inputs import RequirementInput, ResourceInput, TextItemInput
from heartbeat.portfolio.models import Project, Stage, StageTransition, Tag, Visibility
from heartbeat.portfolio.rules import definition_checklist
from heartbeat.portfolio.selectors import catalogue
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import (
    AnticipatedProductFactory,
    ExpectedBenefitFactory,
    ProjectFactory,
    RequirementFactory,
    ResourceRequirementFactory,
    ScopeItemFactory,
    SubAreaFactory,
    ThemeFactory,
    complete_definition,
    project_input,
)
from tests.querybudget import assert_same_queries, queries_for
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db


def _filters(**params):
    filters, errors = selectors.parse_catalogue_filters(params)
    assert errors == []
    return filters


def _titles(user, **params):
    return [p.title for p in selectors.project_catalogue(user, _filters(**params))]


# Programme overview -------------------------------------------------------------------------


def test_programme_overview_groups_projects_by_theme_with_counts(member):
    leadership = ThemeFactory(name="Digital Leadership", order=1)
    services_theme = ThemeFactory(name="Digital Services", order=3)
    foundations = ThemeFactory(name="Digital Foundations", order=2)
    SubAreaFactory(theme=services_theme, name="Health and Care")
    ProjectFactory(theme=services_theme, title="Telecare", stage=Stage.IN_DELIVERY)
    ProjectFactory(theme=services_theme, title="CRM", stage=Stage.PROPOSED)
    ProjectFactory(theme=services_theme, title="Bookings", stage=Stage.PROPOSED)
    ProjectFactory(theme=leadership, title="Elected members", visibility=Visibility.PARTNERSHIP)

    overview = selectors.programme_overview(member)

    assert [o.theme for o in overview] == [leadership, foundations, services_theme]
    digital_services = overview[2]
    assert [p.title for p in digital_services.projects] == ["Bookings", "CRM", "Telecare"]
    assert [s.name for s in digital_services.sub_areas] == ["Health and Care"]
    assert digital_services.total == 3
    assert digital_services.counts_by_stage["proposed"] == 2
    assert digital_services.counts_by_stage["in_delivery"] == 1
    assert list(digital_services.counts_by_stage) == Stage.values
    assert overview[1].total == 0


def test_programme_overview_hides_partnership_projects_from_visitors():
    theme = ThemeFactory()
    ProjectFactory(theme=theme, title="Open", visibility=Visibility.PUBLIC)
    ProjectFactory(theme=theme, title="Members only", visibility=Visibility.PARTNERSHIP)

    overview = selectors.programme_overview(None)

    assert [p.title for p in overview[0].projects] == ["Open"]
    assert sum(overview[0].counts_by_stage.values()) == 1


def test_programme_overview_queries_do_not_grow(member):
    themes = [ThemeFactory(), ThemeFactory()]
    for theme in themes:
        SubAreaFactory(theme=theme)

    def make_rows(n):
        while Project.objects.count() < n:
            i = Project.objects.count()
            theme = themes[i % 2]
            ProjectFactory(theme=theme, sub_area=theme.sub_areas.first())

    def run():
        for item in selectors.programme_overview(member):
            _ = [s.name for s in item.sub_areas]
            _ = [(p.title, p.lead_organisation.name, p.sub_area.name) for p in item.projects]

    assert_same_queries(make_rows, run, budget=4)


def test_programme_overview_can_show_the_first_projects_of_each_theme(member):
    leadership, services_theme = ThemeFactory(order=1), ThemeFactory(order=2)
    for title in ["Echo", "Alpha", "Delta", "Bravo", "Charlie"]:
        ProjectFactory(theme=services_theme, title=title)
    ProjectFactory(theme=leadership, title="Members", stage=Stage.DEFINED)

    overview = selectors.programme_overview(member, projects_per_theme=2)

    assert [p.title for p in overview[1].projects] == ["Alpha", "Bravo"]
    assert overview[1].total == 5
    assert overview[1].counts_by_stage["proposed"] == 5
    assert [p.title for p in overview[0].projects] == ["Members"]
    assert overview[0].counts_by_stage["defined"] == 1


# Catalogue filters --------------------------------------------------------------------------


def test_parse_catalogue_filters_accepts_known_values():
    theme = ThemeFactory(name="Digital Services")
    council = OrganisationFactory(name="Fife")
    skill = SkillFactory(name="User researcher")
    params = QueryDict(
        f"theme={theme.slug}&stage=defined&lead={council.slug}&skill={skill.slug}"
        "&visibility=public&q=+telecare+&sort=-start&page=2"
    )

    filters, errors = selectors.parse_catalogue_filters(params)

    assert errors == []
    assert filters == selectors.CatalogueFilters(
        theme="digital-services",
        stage="defined",
        lead="fife",
        skill="user-researcher",
        visibility="public",
        q="telecare",
        sort="-start",
    )
    assert filters.is_filtered
    assert filters.as_params()["q"] == "telecare"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("theme", "nowhere"),
        ("stage", "finished"),
        ("lead", "atlantis"),
        ("skill", "wizardry"),
        ("visibility", "secret"),
        ("sort", "colour"),
        ("q", "x" * 201),
    ],
)
def test_parse_catalogue_filters_drops_bad_values(name, value):
    filters, errors = selectors.parse_catalogue_filters({name: value})

    assert len(errors) == 1
    assert filters == selectors.CatalogueFilters()


def test_parse_catalogue_filters_keeps_the_good_values_beside_a_bad_one():
    filters, errors = selectors.parse_catalogue_filters({"stage": "finished", "sort": "-title"})

    assert errors == ["'finished' is not a stage."]
    assert (filters.stage, filters.sort) == ("", "-title")


def test_no_filters_is_not_filtered():
    filters, errors = selectors.parse_catalogue_filters({})

    assert errors == []
    assert not filters.is_filtered
    assert filters.as_params() == {}


# Catalogue --------------------------------------------------------------------------------


def test_catalogue_shows_partnership_projects_to_members_only(member):
    ProjectFactory(title="Open", visibility=Visibility.PUBLIC)
    ProjectFactory(title="Members only", visibility=Visibility.PARTNERSHIP)

    assert _titles(None) == ["Open"]
    assert _titles(member) == ["Members only", "Open"]


def test_catalogue_filters_by_theme_stage_lead_and_visibility(member):
    services_theme = ThemeFactory(name="Digital Services")
    fife = OrganisationFactory(name="Fife")
    ProjectFactory(title="Alpha", theme=services_theme, lead_organisation=fife)
    ProjectFactory(title="Bravo", theme=services_theme, stage=Stage.DEFINED)
    ProjectFactory(title="Charlie", stage=Stage.DEFINED, visibility=Visibility.PARTNERSHIP)

    assert _titles(member, theme="digital-services") == ["Alpha", "Bravo"]
    assert _titles(member, stage="defined") == ["Bravo", "Charlie"]
    assert _titles(member, lead="fife") == ["Alpha"]
    assert _titles(member, visibility="partnership") == ["Charlie"]
    assert _titles(member, theme="digital-services", stage="defined") == ["Bravo"]


def test_catalogue_filters_by_skill_needed_once_per_project(member):
    researcher = SkillFactory(name="User researcher")
    alpha = ProjectFactory(title="Alpha")
    ResourceRequirementFactory(project=alpha, skill=researcher)
    ResourceRequirementFactory(project=alpha, skill=researcher)
    ResourceRequirementFactory(project=ProjectFactory(title="Bravo"))

    assert _titles(member, skill="user-researcher") == ["Alpha"]


def test_catalogue_search_matches_title_summary_and_problem(member):
    ProjectFactory(title="Digital telecare", summary="Alarms")
    ProjectFactory(title="CRM", summary="A shared telecare record")
    ProjectFactory(title="Bookings", problem="Telecare visits are booked by phone")
    ProjectFactory(title="Cyber resilience", summary="Security")

    assert sorted(_titles(member, q="telecare", sort="title")) == [
        "Bookings",
        "CRM",
        "Digital telecare",
    ]
    assert _titles(member, q="digital telecare") == ["Digital telecare"]
    assert _titles(member, q="blockchain") == []


def test_catalogue_search_on_this_database(member):
    # PostgreSQL's full-text search stems words and reads scope and requirements; the
    # simpler match on SQLite looks for the words in the title, summary and problem.
    scoped = ProjectFactory(title="Data and intelligence", summary="Shared data")
    ScopeItemFactory(project=scoped, text="Benchmarking of council services")
    RequirementFactory(project=ProjectFactory(title="Office 365"), text="Federated calendars")

    if connection.vendor == "postgresql":
        assert _titles(member, q="benchmark") == ["Data and intelligence"]
        assert _titles(member, q="calendar") == ["Office 365"]
        assert _titles(member, q="intelligent") == ["Data and intelligence"]
    else:
        assert _titles(member, q="benchmark") == []
        assert _titles(member, q="intell") == ["Data and intelligence"]


def test_catalogue_search_covers_the_lead_organisation_and_tags(member):
    """On both databases: the lead organisation's name and the tags are searched as well as
    the text, and words may be found in different places."""
    fife = OrganisationFactory(name="Fife", official_name="Fife Council")
    telecare = ProjectFactory(title="Digital telecare", lead_organisation=fife)
    crm = ProjectFactory(title="CRM and bookings", summary="One record of contact")
    crm.tags.add(Tag.objects.create(name="Customer service", slug="customer-service"))
    ProjectFactory(title="Cyber resilience", summary="Security for every council")

    assert _titles(member, q="Fife") == ["Digital telecare"]
    assert _titles(member, q="customer") == ["CRM and bookings"]
    assert _titles(member, q="fife telecare") == ["Digital telecare"]
    assert _titles(member, q="Fife cyber") == []
    assert telecare.lead_organisation == fife


def test_catalogue_search_ranks_title_matches_first_on_postgresql(member):
    ProjectFactory(title="Automation playbook", summary="Intelligent automation guidance")
    ProjectFactory(title="Robotic process", problem="Automation of repetitive work")

    titles = _titles(member, q="automation")

    assert sorted(titles) == ["Automation playbook", "Robotic process"]
    if connection.vendor == "postgresql":
        assert titles[0] == "Automation playbook"


def test_catalogue_sorts(member):
    ProjectFactory(title="Bravo", stage=Stage.CLOSED, planned_start=datetime.date(2026, 1, 1))
    ProjectFactory(title="Alpha", stage=Stage.APPROVED, planned_start=None)
    ProjectFactory(title="Charlie", stage=Stage.PROPOSED, planned_start=datetime.date(2025, 1, 1))
    now = timezone.now()
    for i, title in enumerate(["Charlie", "Alpha", "Bravo"]):
        Project.objects.filter(title=title).update(updated_at=now + datetime.timedelta(hours=i))

    assert _titles(member) == ["Alpha", "Bravo", "Charlie"]
    assert _titles(member, sort="title") == ["Alpha", "Bravo", "Charlie"]
    assert _titles(member, sort="-title") == ["Charlie", "Bravo", "Alpha"]
    assert _titles(member, sort="stage") == ["Charlie", "Alpha", "Bravo"]
    assert _titles(member, sort="start") == ["Charlie", "Bravo", "Alpha"]
    assert _titles(member, sort="-start") == ["Bravo", "Charlie", "Alpha"]
    assert _titles(member, sort="updated") == ["Charlie", "Alpha", "Bravo"]
    assert _titles(member, sort="-updated") == ["Bravo", "Alpha", "Charlie"]


def test_catalogue_queries_do_not_grow(member):
    def make_rows(n):
        while Project.objects.count() < n:
            project = ProjectFactory(sub_area=SubAreaFactory())
            project.tags.create(name=f"Tag {project.pk}", slug=f"tag-{project.pk}")

    def run():
        projects = selectors.project_catalogue(member, _filters(sort="stage", q="project"))
        headers, rows = selectors.catalogue_export_rows(projects)
        assert len(rows) == projects.count()

    assert_same_queries(make_rows, run, budget=4)


def test_catalogue_export_rows():
    theme = ThemeFactory(name="Digital Services")
    project = ProjectFactory(
        title="Digital telecare",
        theme=theme,
        sub_area=SubAreaFactory(theme=theme, name="Health and Care"),
        estimated_cost=Decimal("1200.50"),
        sponsor="Chief Executive",
    )
    project.tags.create(name="Telecare", slug="telecare")

    headers, rows = selectors.catalogue_export_rows(selectors.project_catalogue(None, _filters()))

    assert headers[:5] == ["Title", "Slug", "Theme", "Sub-area", "Stage"]
    row = dict(zip(headers, rows[0], strict=True))
    assert row["Title"] == "Digital telecare"
    assert row["Theme"] == "Digital Services"
    assert row["Sub-area"] == "Health and Care"
    assert row["Stage"] == "Proposed"
    assert row["Visibility"] == "Public"
    assert row["Lead organisation"] == project.lead_organisation.name
    assert row["Project lead"] == project.project_lead.display_name
    assert row["Planned start"] == datetime.date(2026, 4, 1)
    assert row["Estimated cost (£)"] == Decimal("1200.50")
    assert row["Tags"] == "Telecare"


def test_catalogue_options(member):
    ThemeFactory(name="Digital Services")
    SkillFactory(name="Retired", active=False)
    SkillFactory(name="Service designer")
    project = ProjectFactory()

    options = selectors.catalogue_options()

    assert [name for _, name in options.skills] == ["Service designer"]
    assert options.lead_organisations == [
        (project.lead_organisation.slug, project.lead_organisation.name)
    ]
    assert [name for _, name in options.themes] == ["Digital Services", project.theme.name]
    assert options.stages[0] == ("proposed", "Proposed")
    assert ("-updated", "Recently updated") in options.sorts


def test_past_so_many_lead_organisations_the_filter_takes_a_name(monkeypatch):
    for name in ["Fife", "Angus", "Moray"]:
        ProjectFactory(lead_organisation=OrganisationFactory(name=name))
    monkeypatch.setattr(catalogue, "LEAD_OPTIONS_AT_MOST", 3)
    assert [name for _, name in selectors.catalogue_options().lead_organisations] == [
        "Angus",
        "Fife",
        "Moray",
    ]

    monkeypatch.setattr(catalogue, "LEAD_OPTIONS_AT_MOST", 2)

    assert selectors.catalogue_options().lead_organisations is None


@pytest.mark.parametrize("typed", ["fife", "Fife", "FIFE", "fife council", "Fife Council"])
def test_the_lead_filter_takes_a_slug_a_name_or_an_official_name(typed):
    fife = OrganisationFactory(name="Fife", official_name="Fife Council")
    ProjectFactory(title="Telecare", lead_organisation=fife)
    ProjectFactory(title="Bookings")

    filters, errors = selectors.parse_catalogue_filters({"lead": typed})

    assert errors == []
    assert (filters.lead, filters.lead_name) == ("fife", "Fife")
    assert filters.as_params() == {"lead": "fife"}
    assert [p.title for p in selectors.project_catalogue(None, filters)] == ["Telecare"]


def test_a_slug_wins_over_another_organisation_s_name():
    OrganisationFactory(name="Angus", slug="highland")
    OrganisationFactory(name="Highland", slug="the-highland-council")

    filters, _ = selectors.parse_catalogue_filters({"lead": "highland"})

    assert (filters.lead, filters.lead_name) == ("highland", "Angus")


def test_a_lead_that_names_no_organisation_is_refused_and_dropped():
    OrganisationFactory(name="Fife")

    filters, errors = selectors.parse_catalogue_filters({"lead": "Fife Counci"})

    assert errors == ["There is no organisation 'Fife Counci'."]
    assert (filters.lead, filters.lead_name) == ("", "")


@pytest.mark.django_db(transaction=True)
def test_catalogue_options_are_read_once_until_the_data_changes(django_assert_num_queries):
    ThemeFactory(name="Digital Services")
    ProjectFactory()
    first = selectors.catalogue_options()
    with django_assert_num_queries(0):
        kept = selectors.catalogue_options()
    assert kept == first
    assert kept.themes[0] == first.themes[0]
    ThemeFactory(name="Workforce")
    assert "Workforce" in [name for _, name in selectors.catalogue_options().themes]


# Project page -----------------------------------------------------------------------------


def test_project_detail_is_404_for_visitors_on_partnership_projects(member):
    project = ProjectFactory(visibility=Visibility.PARTNERSHIP)

    with pytest.raises(Http404):
        selectors.project_detail(None, project.slug)
    assert selectors.project_detail(member, project.slug) == project
    with pytest.raises(Http404):
        selectors.project_detail(member, "no-such-project")


def test_project_detail_splits_scope(member):
    project = ProjectFactory()
    ScopeItemFactory(project=project, text="In", kind="in")
    ScopeItemFactory(project=project, text="Out", kind="out")

    detail = selectors.project_detail(member, project.slug)

    assert [s.text for s in detail.scope_in] == ["In"]
    assert [s.text for s in detail.scope_out] == ["Out"]


def test_project_detail_queries_do_not_grow_with_definition_rows(programme_office):
    project = ProjectFactory()
    project.tags.create(name="Cyber", slug="cyber")

    def make_rows(n):
        while project.requirements.count() < n:
            ScopeItemFactory(project=project)
            ScopeItemFactory(project=project, kind="out")
            RequirementFactory(project=project)
            AnticipatedProductFactory(project=project)
            ExpectedBenefitFactory(project=project)
            ResourceRequirementFactory(project=project)
            StageTransition.objects.create(
                project=project,
                from_stage="proposed",
                to_stage="paused",
                actor=programme_office,
                at=timezone.now(),
            )

    def run():
        detail = selectors.project_detail(programme_office, project.slug)
        _ = (detail.theme.name, detail.lead_organisation.name, detail.project_lead.display_name)
        _ = [r.skill.name for r in detail.resource_requirements.all()]
        _ = [t.actor.display_name for t in detail.transitions.all()]
        _ = [p.name for p in detail.products.all()]
        _ = [b.text for b in detail.expected_benefits.all()]
        _ = [t.name for t in detail.tags.all()]
        _ = definition_checklist(detail)
        _ = selectors.allowed_moves(programme_office, detail)
        _ = selectors.project_to_input(detail)

    assert_same_queries(make_rows, run, budget=8)


def test_allowed_moves_depend_on_the_person(programme_office, project_lead, member):
    project = ProjectFactory(project_lead=project_lead)

    def targets(user):
        return [m.to_stage for m in selectors.allowed_moves(user, project)]

    assert targets(programme_office) == [Stage.DEFINED, Stage.PAUSED, Stage.CANCELLED]
    assert targets(project_lead) == [Stage.DEFINED]
    assert targets(member) == []
    assert targets(None) == []


def test_project_to_input_round_trips(programme_office):
    skill = SkillFactory()
    project = services.project_create(
        actor=programme_office, data=project_input(ThemeFactory(), skill=skill)
    )
    detail = selectors.project_detail(programme_office, project.slug)

    data = selectors.project_to_input(detail)

    assert data.title == "Digital telecare"
    assert [r.text for r in data.requirements] == [
        "Digital alarms in every home",
        "Shared procurement",
    ]
    assert all(r.id for r in data.requirements)
    assert data.resources[0].skill_id == skill.pk
    assert sorted(data.tags) == ["Health and care", "Telecare"]


# History ------------------------------------------------------------------------------------


def test_project_history_reads_as_changes(programme_office, project_lead):
    theme = ThemeFactory(name="Digital Services")
    other_theme = ThemeFactory(name="Digital Foundations")
    skill = SkillFactory(name="Delivery manager")
    project = services.project_create(
        actor=programme_office, data=project_input(theme, skill=skill, project_lead=project_lead)
    )
    Project.history.filter(id=project.pk).update(
        history_date=timezone.now() - datetime.timedelta(minutes=5)
    )
    detail = selectors.project_detail(programme_office, project.slug)
    data = selectors.project_to_input(detail)
    data = replace(
        data,
        theme_id=other_theme.pk,
        estimated_cost=Decimal("300000"),
        tags=["Telecare"],
        requirements=[replace(data.requirements[0], priority="should")],
        benefits=[*data.benefits, TextItemInput("Safer homes")],
    )
    services.project_update(
        actor=project_lead, project=detail, data=data, expected_version=detail.version
    )

    entries = selectors.project_history(project, programme_office)

    descriptions = [e.description for e in entries]
    assert descriptions[-1] == "Created the project"
    assert entries[-1].who == programme_office.display_name
    changed = next(e for e in entries if e.description == "Changed the project")
    assert changed.who == project_lead.display_name
    assert {(c.label, c.before, c.after) for c in changed.changes} == {
        ("Theme", "Digital Services", "Digital Foundations"),
        ("Estimated cost", "£250,000", "£300,000"),
        ("Tags", "Health and care, Telecare", "Telecare"),
    }
    assert "Removed requirement “Shared procurement”" in descriptions
    assert "Added expected benefit “Safer homes”" in descriptions
    priority = next(e for e in entries if e.description.startswith("Changed requirement"))
    assert [(c.label, c.before, c.after) for c in priority.changes] == [
        ("Priority", "Must", "Should")
    ]
    added = next(e for e in entries if e.description.startswith("Added resource requirement"))
    assert ("From", "", "April 2026") in [(c.label, c.before, c.after) for c in added.changes]
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)


def test_project_history_shows_stage_moves(programme_office):
    project = complete_definition(ProjectFactory())
    services.project_transition(actor=programme_office, project=project, to_stage="defined")

    entries = selectors.project_history(project, programme_office)

    assert entries[0].description == "Changed the project"
    assert [(c.label, c.before, c.after) for c in entries[0].changes] == [
        ("Stage", "Proposed", "Defined")
    ]
    assert entries[0].user == programme_office


def test_project_history_queries_do_not_grow(programme_office):
    skill = SkillFactory()
    project = services.project_create(actor=programme_office, data=project_input(ThemeFactory()))

    def make_rows(n):
        current = Project.objects.get(pk=project.pk)
        data = selectors.project_to_input(selectors.project_detail(programme_office, current.slug))
        while len(data.requirements) < n:
            i = len(data.requirements)
            data.requirements.append(RequirementInput(f"Requirement {i}"))
            data.scope_in.append(TextItemInput(f"Scope {i}"))
            data.benefits.append(TextItemInput(f"Benefit {i}"))
            data.resources.append(
                ResourceInput(
                    skill_id=skill.pk,
                    level="working",
                    people=1,
                    days_per_month=Decimal(i % 10 + 1),
                    start_month=datetime.date(2026, 4, 1),
                    end_month=datetime.date(2026, 5, 1),
                )
            )
        data.title = f"Telecare with {n}"
        data.lead_organisation_id = OrganisationFactory().pk
        data.project_lead_id = UserFactory(is_project_lead=True).pk
        services.project_update(
            actor=programme_office, project=current, data=data, expected_version=current.version
        )

    def run():
        entries = selectors.project_history(project, programme_office)
        _ = [(e.who, e.description, e.changes) for e in entries]

    assert_same_queries(make_rows, run, budget=12)


def test_project_history_without_a_person_names_heartbeat(member):
    project = ProjectFactory()

    entries = selectors.project_history(project, member)

    assert [(e.who, e.description) for e in entries] == [("Heartbeat", "Created the project")]
    assert queries_for(lambda: selectors.project_history(project, member)) <= 12


def test_catalogue_page_rows_load_only_the_table_s_columns(member):
    from heartbeat.portfolio.selectors import (
        CatalogueFilters,
        catalogue_page_rows,
        project_catalogue,
    )

    ProjectFactory(title="Digital telecare")
    rows = list(catalogue_page_rows(project_catalogue(member, CatalogueFilters())))
    assert [row.title for row in rows] == ["Digital telecare"]
    deferred = rows[0].get_deferred_fields()
    assert {"summary", "problem", "sponsor", "estimated_cost"} <= deferred
    assert "title" not in deferred and "slug" not in deferred


@pytest.fixture
def theme():
    return ThemeFactory(name="Digital Services")


def _history_story(theme, project_lead, programme_office):
    """A project written partnership-only, then made public, then changed while public."""
    project = services.project_create(
        actor=project_lead,
        data=project_input(
            theme,
            project_lead=project_lead,
            visibility=Visibility.PARTNERSHIP,
            summary="Private pilot with Fife",
        ),
    )
    data = replace(selectors.project_to_input(project), summary="Secret second draft")
    project = services.project_update(
        actor=project_lead, project=project, data=data, expected_version=project.version
    )
    data = replace(data, summary="Telecare for every council", visibility=Visibility.PUBLIC)
    project = services.project_update(
        actor=programme_office, project=project, data=data, expected_version=project.version
    )
    data = replace(data, summary="Digital telecare for every council")
    return services.project_update(
        actor=project_lead, project=project, data=data, expected_version=project.version
    )


def test_project_history_follows_visibility(theme, project_lead, programme_office, member):
    project = _history_story(theme, project_lead, programme_office)

    visitor = selectors.project_history(project, None)
    shown = [(e.description, [(c.label, c.before, c.after) for c in e.changes]) for e in visitor]
    assert shown == [
        (
            "Changed the project",
            [("Summary", "Telecare for every council", "Digital telecare for every council")],
        ),
        (
            "Changed the project",
            [("Summary", "", "Telecare for every council"), ("Visibility", "", "Public")],
        ),
    ]
    assert {e.who for e in visitor} == {""}
    assert all(e.user is None for e in visitor)
    text = repr(visitor)
    assert "Secret" not in text and "Private pilot" not in text

    # Members of the partnership see every change with its author.
    members = selectors.project_history(project, member)
    assert len(members) == 4
    assert members[-1].who == project_lead.display_name
    assert ("Summary", "Private pilot with Fife", "Secret second draft") in [
        (c.label, c.before, c.after) for c in members[2].changes
    ]


def test_project_history_hides_rows_removed_before_they_were_ever_public(
    theme, project_lead, programme_office, member
):
    skill = SkillFactory()
    project = services.project_create(
        actor=project_lead,
        data=project_input(
            theme, skill=skill, project_lead=project_lead, visibility=Visibility.PARTNERSHIP
        ),
    )
    data = selectors.project_to_input(selectors.project_detail(member, project.slug))
    data = replace(
        data,
        visibility=Visibility.PUBLIC,
        requirements=data.requirements[:1],
        benefits=[replace(data.benefits[0], text="Safer homes")],
    )
    services.project_update(
        actor=programme_office, project=project, data=data, expected_version=project.version
    )

    descriptions = [e.description for e in selectors.project_history(project, None)]
    assert "Removed requirement “Shared procurement”" not in descriptions
    assert "Changed expected benefit “Safer homes”" in descriptions
    assert not any("Fewer failed alarm calls" in d for d in descriptions)
    assert "Removed requirement “Shared procurement”" in [
        e.description for e in selectors.project_history(project, member)
    ]
