"""The project pages: programme, catalogue, project page, create and edit forms, moves."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from heartbeat.core import registry
from heartbeat.portfolio import services
from heartbeat.portfolio.inputs import ProjectInput
from heartbeat.portfolio.models import Project, Stage, StageTransition, Tag, Visibility
from heartbeat.portfolio.selectors import HistoryEntry, project_detail, project_to_input
from heartbeat.portfolio.views import HISTORY_ON_PAGE
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    RequirementFactory,
    ResourceRequirementFactory,
    ScopeItemFactory,
    SubAreaFactory,
    ThemeFactory,
    complete_definition,
)
from tests.portfolio.formdata import (
    complete_rows,
    edit_post,
    move,
    project_post,
    summary_links,
    text_of,
)
from tests.querybudget import assert_same_queries, count_queries
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return ThemeFactory(name="Digital Services", slug="digital-services")


@pytest.fixture
def skill():
    return SkillFactory(name="Delivery manager", slug="delivery-manager")


# The programme page --------------------------------------------------------------------------


def test_programme_shows_themes_with_their_projects_and_counts_by_stage(client, theme):
    other = ThemeFactory(name="Digital Foundations", slug="digital-foundations")
    ProjectFactory(title="Digital telecare", theme=theme, stage=Stage.DEFINED)
    ProjectFactory(title="CRM and bookings", theme=theme, stage=Stage.DEFINED)
    ProjectFactory(title="Cyber resilience", theme=other, stage=Stage.IN_DELIVERY)
    ProjectFactory(title="Secret plan", theme=theme, visibility=Visibility.PARTNERSHIP)

    response = client.get(reverse("portfolio:programme"))

    assert response.status_code == 200
    text = text_of(response)
    assert "Digital Services" in text and "Digital Foundations" in text
    assert "2 projects: 2 defined." in text
    assert "1 project: 1 in delivery." in text
    assert "Digital telecare" in text and "Cyber resilience" in text
    # Partnership-only projects are for signed-in members.
    assert "Secret plan" not in text
    assert 'id="projects-by-stage-table"' in response.content.decode()


def test_programme_shows_partnership_projects_to_members(client_for, member, theme):
    ProjectFactory(title="Secret plan", theme=theme, visibility=Visibility.PARTNERSHIP)
    response = client_for(member).get(reverse("portfolio:programme"))
    assert "Secret plan" in text_of(response)


def test_programme_lists_a_theme_s_first_projects_and_links_to_all_of_them(client, theme):
    from heartbeat.portfolio.views import PROJECTS_PER_THEME

    lead = UserFactory()
    for n in range(PROJECTS_PER_THEME + 3):
        ProjectFactory(
            title=f"Telecare pilot {n:02d}",
            theme=theme,
            lead_organisation=lead.organisation,
            project_lead=lead,
        )

    text = text_of(client.get(reverse("portfolio:programme")))

    total = PROJECTS_PER_THEME + 3
    assert f"{total} projects: {total} proposed." in text
    assert f"Showing {PROJECTS_PER_THEME} of {total} projects." in text
    assert f"Find and download all {total} Digital Services projects" in text
    assert "Telecare pilot 00" in text
    assert f"Telecare pilot {total - 1:02d}" not in text


# The catalogue -------------------------------------------------------------------------------


def test_catalogue_lists_projects_with_theme_stage_lead_and_dates(client, theme):
    project = ProjectFactory(
        title="Digital telecare",
        theme=theme,
        stage=Stage.APPROVED,
        planned_start=datetime.date(2026, 4, 1),
        planned_end=datetime.date(2026, 11, 26),
    )
    response = client.get(reverse("portfolio:project_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{project.get_absolute_url()}">Digital telecare</a>' in html
    assert '<strong class="ds_tag ds_tag--teal">Approved</strong>' in html
    text = text_of(response)
    assert project.lead_organisation.name in text
    assert "1 April 2026" in text and "26 November 2026" in text
    assert "1 project" in text
    for fmt in ("csv", "xlsx", "json"):
        assert f"?format={fmt}" in html


def test_catalogue_filters_by_url_parameters(client, theme):
    ProjectFactory(title="Digital telecare", theme=theme, stage=Stage.APPROVED)
    ProjectFactory(title="Cyber resilience", theme=theme, stage=Stage.PROPOSED)
    response = client.get(reverse("portfolio:project_list"), {"stage": "approved"})
    text = text_of(response)
    assert "Digital telecare" in text
    assert "Cyber resilience" not in text
    assert "1 project match your filters" in text
    # The filter form shows the filter in use.
    assert '<option value="approved" selected>' in response.content.decode()


def test_catalogue_search(client, theme):
    ProjectFactory(title="Digital telecare", theme=theme)
    ProjectFactory(title="Cyber resilience", theme=theme)
    text = text_of(client.get(reverse("portfolio:project_list"), {"q": "telecare"}))
    assert "Digital telecare" in text and "Cyber resilience" not in text


def test_catalogue_search_finds_the_lead_organisation_and_tags(client, theme):
    moray = OrganisationFactory(name="Moray")
    ProjectFactory(title="Digital telecare", theme=theme, lead_organisation=moray)
    cyber = ProjectFactory(title="Cyber resilience", theme=theme)
    cyber.tags.add(Tag.objects.create(name="Security", slug="security"))
    text = text_of(client.get(reverse("portfolio:project_list"), {"q": "moray"}))
    assert "Digital telecare" in text and "Cyber resilience" not in text
    text = text_of(client.get(reverse("portfolio:project_list"), {"q": "security"}))
    assert "Cyber resilience" in text and "Digital telecare" not in text


def test_catalogue_lead_filter_is_a_list_then_a_box_for_a_name(client, theme, monkeypatch):
    from heartbeat.portfolio.selectors import catalogue

    fife = OrganisationFactory(name="Fife", official_name="Fife Council")
    ProjectFactory(title="Digital telecare", theme=theme, lead_organisation=fife)
    ProjectFactory(title="Cyber resilience", theme=theme)
    url = reverse("portfolio:project_list")

    html = client.get(url, {"lead": "fife"}).content.decode()
    assert '<select class="ds_select" id="id_lead" name="lead"' in html
    assert '<option value="fife" selected>Fife</option>' in html

    monkeypatch.setattr(catalogue, "LEAD_OPTIONS_AT_MOST", 1)
    response = client.get(url, {"lead": "fife council"})
    html = response.content.decode()
    assert 'id="id_lead"' in html and "<select" not in html.split('id="id_lead"')[0][-200:]
    assert re.search(
        r'<input class="ds_input" type="text" id="id_lead" name="lead"[^>]* value="Fife"', html
    )
    assert "Its name, such as Fife or Fife Council" in html
    text = text_of(response)
    assert "Digital telecare" in text and "Cyber resilience" not in text
    # A link to the filter (a slug) shows the organisation's name in the box too.
    html = client.get(url, {"lead": "fife"}).content.decode()
    assert re.search(r'id="id_lead" name="lead"[^>]* value="Fife"', html)
    # A name that is not an organisation's is explained, and the list is not filtered.
    text = text_of(client.get(url, {"lead": "Fyfe"}))
    assert "There is no organisation 'Fyfe'." in text
    assert "Digital telecare" in text and "Cyber resilience" in text


def test_catalogue_reports_bad_filters_and_ignores_them(client, theme):
    ProjectFactory(title="Digital telecare", theme=theme, stage=Stage.APPROVED)
    ProjectFactory(title="Cyber resilience", theme=theme, stage=Stage.PROPOSED)
    response = client.get(
        reverse("portfolio:project_list"), {"stage": "sideways", "theme": "no-such-theme"}
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "Some filters were not used" in text
    assert "'sideways' is not a stage." in text
    assert "There is no theme 'no-such-theme'." in text
    assert "Digital telecare" in text and "Cyber resilience" in text


def test_catalogue_reports_an_unknown_download_format(client, theme):
    ProjectFactory(title="Digital telecare", theme=theme)
    response = client.get(reverse("portfolio:project_list"), {"format": "pdf"})
    assert response.status_code == 200
    assert "Downloads come as CSV, XLSX or JSON" in text_of(response)


def test_catalogue_paginates_25_a_page(client, theme):
    for n in range(30):
        ProjectFactory(title=f"Project {n:02d}", theme=theme)
    first = text_of(client.get(reverse("portfolio:project_list")))
    second = client.get(reverse("portfolio:project_list"), {"page": 2})
    assert "Project 00" in first and "Project 24" in first and "Project 25" not in first
    text = text_of(second)
    assert "Project 25" in text and "Project 29" in text and "Project 24" not in text
    assert "30 projects" in text


def test_catalogue_answers_htmx_with_the_results_only(client, theme):
    ProjectFactory(title="Digital telecare", theme=theme, stage=Stage.APPROVED)
    response = client.get(
        reverse("portfolio:project_list"), {"stage": "approved"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="catalogue-results">')
    assert "<html" not in html
    assert "Digital telecare" in html


def test_catalogue_query_count_does_not_grow_with_projects(client, theme):
    skill = SkillFactory()

    def make_rows(n):
        while Project.objects.count() < n:
            project = ProjectFactory(theme=theme, sub_area=SubAreaFactory(theme=theme))
            project.tags.create(name=f"tag {project.pk}", slug=f"tag-{project.pk}")
            ResourceRequirementFactory(project=project, skill=skill)

    assert_same_queries(make_rows, lambda: client.get(reverse("portfolio:project_list")), budget=6)


# The project page ----------------------------------------------------------------------------


def test_project_page_shows_overview_definition_resources_stage_and_history(
    client_for, project_lead, skill
):
    project = ProjectFactory(
        title="Digital telecare",
        project_lead=project_lead,
        lead_organisation=project_lead.organisation,
        estimated_cost=Decimal("250000"),
        sponsor="Chief Executive, Fife Council",
    )
    ScopeItemFactory(project=project, text="Alarm receiving centres")
    ScopeItemFactory(project=project, kind="out", text="Devices in people's homes")
    RequirementFactory(project=project, text="Digital phone lines", priority="should")
    ResourceRequirementFactory(
        project=project,
        skill=skill,
        people=2,
        days_per_month=Decimal("4"),
        start_month=datetime.date(2026, 4, 1),
        end_month=datetime.date(2026, 9, 1),
    )

    response = client_for(project_lead).get(project.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    for key in ("overview", "definition", "resources", "stage", "history", "checklist"):
        assert f'id="{key}"' in html
    text = text_of(response)
    assert "£250,000" in text and "Chief Executive, Fife Council" in text
    assert "Alarm receiving centres" in text and "Devices in people's homes" in text
    assert '<strong class="ds_tag ds_tag--teal">Should</strong> Digital phone lines' in html
    # Resources: 2 people x 4 days x 6 months.
    assert "April 2026 to September 2026" in text
    assert "48.0" in text
    # The checklist says what is missing.
    assert "needs 2 more things" in text
    assert 'id="checklist-products"><strong class="ds_tag ds_tag--red">Missing</strong>' in html
    assert 'id="checklist-scope"><strong class="ds_tag ds_tag--green">Done</strong>' in html
    # Each missing item links to the field of the edit form that fills it.
    edit = reverse("portfolio:project_edit", args=[project.slug])
    assert f'href="{edit}#rows-products"' in html
    # "Mark as defined" is not offered while the checklist is incomplete; approval is not
    # the lead's either.
    assert reverse("portfolio:project_move_confirm", args=[project.slug, "defined"]) not in html
    assert reverse("portfolio:project_move_confirm", args=[project.slug, "approved"]) not in html
    assert 'id="moves-blocked"' in html
    assert reverse("portfolio:project_pdf", args=[project.slug]) in html
    assert reverse("portfolio:project_edit", args=[project.slug]) in html


def test_project_page_history_shows_who_changed_what(client_for, programme_office, theme):
    project = services.project_create(
        actor=programme_office,
        data=ProjectInput(title="Digital telecare", theme_id=theme.pk, summary="Telecare"),
    )
    data = project_to_input(project)
    data.title = "Digital telecare for everyone"
    services.project_update(
        actor=programme_office, project=project, data=data, expected_version=project.version
    )
    response = client_for(programme_office).get(
        reverse("portfolio:project_history", args=[project.slug])
    )
    html = response.content.decode()
    assert "Changed the project" in html
    assert "<del>Digital telecare</del>" in html
    assert "<ins>Digital telecare for everyone</ins>" in html
    assert programme_office.display_name in text_of(response)


def test_project_page_links_to_its_history_and_htmx_loads_the_latest_changes(
    client_for, programme_office, theme
):
    project = services.project_create(
        actor=programme_office,
        data=ProjectInput(title="Digital telecare", theme_id=theme.pk, summary="Telecare"),
    )
    for n in range(HISTORY_ON_PAGE + 2):
        data = project_to_input(project)
        data.summary = f"Telecare, draft {n}"
        project = services.project_update(
            actor=programme_office, project=project, data=data, expected_version=project.version
        )
    client = client_for(programme_office)
    history_url = reverse("portfolio:project_history", args=[project.slug])

    page = client.get(project.get_absolute_url()).content.decode()
    assert f'href="{history_url}"' in page
    assert f'hx-get="{history_url}"' in page

    partial = client.get(history_url, headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert "<html" not in html
    assert html.count('class="hb-history__entry"') == HISTORY_ON_PAGE
    assert f"See all {HISTORY_ON_PAGE + 3} changes" in html

    full = client.get(history_url).content.decode()
    assert full.count('class="hb-history__entry"') == HISTORY_ON_PAGE + 3
    assert "History of Digital telecare" in full


def test_history_of_a_partnership_project_is_hidden_from_visitors(client):
    project = ProjectFactory(visibility=Visibility.PARTNERSHIP)
    response = client.get(reverse("portfolio:project_history", args=[project.slug]))
    assert response.status_code == 404


def test_visitors_see_only_public_history_without_names(
    client, theme, project_lead, programme_office
):
    project = services.project_create(
        actor=project_lead,
        data=ProjectInput(
            title="Digital telecare",
            theme_id=theme.pk,
            summary="Private pilot with Fife",
            project_lead_id=project_lead.pk,
            visibility=Visibility.PARTNERSHIP,
        ),
    )
    data = project_to_input(project)
    data.summary, data.visibility = "Telecare for every council", Visibility.PUBLIC
    project = services.project_update(
        actor=programme_office, project=project, data=data, expected_version=project.version
    )
    response = client.get(reverse("portfolio:project_history", args=[project.slug]))
    text = text_of(response)
    assert "Telecare for every council" in text
    assert "Private pilot" not in text
    assert "Created the project" not in text
    assert project_lead.display_name not in text
    assert programme_office.display_name not in text


def test_project_page_shows_the_stage_log(client_for, programme_office):
    project = complete_definition(ProjectFactory(title="Digital telecare"))
    services.project_transition(actor=programme_office, project=project, to_stage="defined")
    services.project_transition(
        actor=programme_office, project=project, to_stage="paused", reason="Waiting for funding"
    )
    text = text_of(client_for(programme_office).get(project.get_absolute_url()))
    assert "Waiting for funding" in text
    assert "Proposed Defined" in text and "Defined Paused" in text


def participants_section(request, project):
    """A section as another app would add it: its own template and context."""
    entry = HistoryEntry(
        when=datetime.datetime(2026, 11, 26, 14, 5, tzinfo=datetime.UTC),
        user=None,
        action="added",
        subject=f"Angus to {project.title}",
        changes=[],
    )
    return registry.Section(
        key="participants",
        title="Participants",
        template="portfolio/partials/_history_entries.html",
        context={"entries": [entry]},
    )


def test_project_page_renders_sections_other_apps_add(client, monkeypatch):
    project = ProjectFactory(title="Digital telecare")
    with registry.project_sections.replaced({"participants": participants_section}):
        response = client.get(project.get_absolute_url())
    html = response.content.decode()
    assert '<h2 class="ds_h2" id="participants">Participants</h2>' in html
    assert 'href="#participants">Participants</a>' in html
    assert "Added Angus to Digital telecare" in text_of(response)


@pytest.fixture
def project_with_rows(programme_office):
    """A project and a make_rows(n) that gives it n rows of every kind and n stage moves."""
    project = ProjectFactory(title="Digital telecare")
    skill = SkillFactory()

    def make_rows(n):
        while project.requirements.count() < n:
            RequirementFactory(project=project)
            ScopeItemFactory(project=project)
            ResourceRequirementFactory(project=project, skill=skill)
            StageTransition.objects.create(
                project=project,
                from_stage="proposed",
                to_stage="defined",
                actor=programme_office,
                at=datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC),
            )

    return project, make_rows


def test_project_page_query_count_does_not_grow_with_rows(
    client_for, programme_office, project_with_rows, monkeypatch
):
    # The page's own sections; other apps' sections have budgets of their own.
    project, make_rows = project_with_rows
    client = client_for(programme_office)
    with registry.project_sections.replaced({}):
        assert_same_queries(make_rows, lambda: client.get(project.get_absolute_url()), budget=21)


def test_project_page_with_every_registered_section_keeps_its_query_count(
    client_for, programme_office, project_with_rows
):
    project, make_rows = project_with_rows
    client = client_for(programme_office)
    assert_same_queries(make_rows, lambda: client.get(project.get_absolute_url()), budget=20)


def test_the_definition_and_tags_come_in_one_query_in_their_own_order(client_for, programme_office):
    project = ProjectFactory(title="Digital telecare")
    for order, text in ((2, "Second need"), (1, "First need")):
        RequirementFactory(project=project, order=order, text=text)
    ScopeItemFactory(project=project, kind="out", text="Housing repairs", order=1)
    ScopeItemFactory(project=project, kind="in", text="Telecare alarms", order=2)
    project.tags.add(Tag.objects.create(name="telecare", slug="telecare"))
    project.tags.add(Tag.objects.create(name="alarms", slug="alarms"))
    with count_queries() as queries:
        loaded = project_detail(programme_office, project.slug)
    assert len(queries.captured_queries) == 4
    with count_queries() as more:
        assert [r.text for r in loaded.requirements.all()] == ["First need", "Second need"]
        assert [s.text for s in loaded.scope_in] == ["Telecare alarms"]
        assert [s.text for s in loaded.scope_out] == ["Housing repairs"]
        assert [t.name for t in loaded.tags.all()] == ["alarms", "telecare"]
        assert loaded.requirements.all()[0].project is loaded
    assert not more.captured_queries


def test_partnership_project_is_not_found_for_visitors(client, theme):
    project = ProjectFactory(theme=theme, visibility=Visibility.PARTNERSHIP)
    assert client.get(project.get_absolute_url()).status_code == 404


# Creating a project --------------------------------------------------------------------------


def test_create_form_shows_a_blank_row_in_most_sections(client_for, project_lead, theme):
    response = client_for(project_lead).get(reverse("portfolio:project_create"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="requirements-TOTAL_FORMS" value="1"' in html
    assert 'name="scope_out-TOTAL_FORMS" value="0"' in html
    assert "Add another requirement" in html


def test_create_saves_the_project_and_its_definition(client_for, project_lead, theme, skill):
    data = project_post(
        theme=theme,
        rows=complete_rows(skill),
        lead_organisation=project_lead.organisation.pk,
        planned_start="2026-04-01",
        planned_end="2027-03-31",
        estimated_cost="120000",
        tags="social care, telecare",
    )
    response = client_for(project_lead).post(reverse("portfolio:project_create"), data)

    project = Project.objects.get(slug="digital-telecare")
    assert response.status_code == 302
    assert response.url == project.get_absolute_url()
    assert project.project_lead == project_lead  # the proposer leads it
    assert project.stage == Stage.PROPOSED
    assert sorted(t.name for t in project.tags.all()) == ["social care", "telecare"]
    resource = project.resource_requirements.get()
    assert resource.people == 2
    assert resource.start_month == datetime.date(2026, 4, 1)
    assert resource.end_month == datetime.date(2026, 9, 1)
    assert project.products.get().planned_date == datetime.date(2026, 11, 26)
    assert [s.kind for s in project.scope_items.all()] == ["in", "out"]


def test_create_skips_blank_rows(client_for, project_lead, theme):
    data = project_post(
        theme=theme,
        rows={
            "requirements": [{"text": "", "priority": "must"}, {"text": "SSO", "priority": "could"}]
        },
    )
    response = client_for(project_lead).post(reverse("portfolio:project_create"), data)
    assert response.status_code == 302
    assert [r.text for r in Project.objects.get().requirements.all()] == ["SSO"]


def test_create_with_errors_keeps_input_and_links_the_summary_to_fields(
    client_for, project_lead, theme, skill
):
    rows = complete_rows(skill)
    rows["resources"][0].update(people="0", end_month="2026-01")
    data = project_post(theme=theme, rows=rows, title="", summary="Keep this summary")

    response = client_for(project_lead).post(reverse("portfolio:project_create"), data)

    assert response.status_code == 422
    assert not Project.objects.exists()
    links = summary_links(response)
    assert ("#id_title", "Enter a title") in links
    assert ("#id_resources-0-people", "The number of people must be 1 or more") in links
    assert (
        "#id_resources-0-end_month",
        "The last month must be the same as or after the first",
    ) in links
    html = response.content.decode()
    assert "Keep this summary" in html
    assert 'value="Work with digital phone lines"' in html


def test_create_maps_service_errors_onto_the_row_that_caused_them(
    client_for, project_lead, theme, skill
):
    rows = complete_rows(skill)
    # A blank row first: the service counts only rows with content, the page all rows.
    blank = {"skill": "", "level": "working", "people": "1", "days_per_month": ""}
    blank |= {"start_month": "", "end_month": "", "notes": ""}
    # 21 days fit the form, but May 2026 has only 19 working days in Scotland.
    rows["resources"] = [blank, {**rows["resources"][0], "days_per_month": "21"}]
    response = client_for(project_lead).post(
        reverse("portfolio:project_create"), project_post(theme=theme, rows=rows)
    )
    assert response.status_code == 422
    assert (
        "#id_resources-1-days_per_month",
        "Each person can give at most 19 days in May 2026, the working days in Scotland that "
        "month: ask for more people, or fewer days each.",
    ) in summary_links(response)


def test_create_reports_a_slug_that_is_taken_on_the_slug_field(client_for, project_lead, theme):
    ProjectFactory(slug="digital-telecare")
    response = client_for(project_lead).post(
        reverse("portfolio:project_create"), project_post(theme=theme, slug="digital-telecare")
    )
    assert response.status_code == 422
    assert summary_links(response) == [
        (
            "#id_slug",
            "Another project already uses the web address 'digital-telecare': choose another.",
        )
    ]


def test_create_reports_an_end_before_the_start(client_for, project_lead, theme):
    response = client_for(project_lead).post(
        reverse("portfolio:project_create"),
        project_post(theme=theme, planned_start="2027-01-01", planned_end="2026-01-01"),
    )
    assert response.status_code == 422
    assert (
        "#id_planned_end",
        "The planned end must be on or after the planned start.",
    ) in summary_links(response)


def test_add_another_row_without_javascript_keeps_everything_typed(client_for, project_lead, theme):
    data = project_post(
        theme=theme,
        title="",
        summary="Half-written summary",
        rows={"requirements": [{"text": "Digital phone lines", "priority": "should"}]},
    )
    data["add_row"] = "requirements"

    response = client_for(project_lead).post(reverse("portfolio:project_create"), data)

    assert response.status_code == 200
    assert not Project.objects.exists()
    html = response.content.decode()
    assert 'name="requirements-TOTAL_FORMS" value="2"' in html
    assert 'name="requirements-1-text"' in html
    assert 'value="Digital phone lines"' in html
    assert "Half-written summary" in html
    # Adding a row is not a save: no complaints about the empty title yet.
    assert summary_links(response) == []


def test_remove_a_row_moves_the_later_rows_up(client_for, project_lead, theme):
    data = project_post(
        theme=theme,
        rows={"benefits": [{"text": "Fewer failed calls"}, {"text": "Lower line costs"}]},
    )
    data["remove_row"] = "benefits-0"

    response = client_for(project_lead).post(reverse("portfolio:project_create"), data)

    html = response.content.decode()
    assert 'name="benefits-TOTAL_FORMS" value="1"' in html
    assert 'name="benefits-0-text" value="Lower line costs"' in html
    assert "Fewer failed calls" not in html


def test_add_row_with_htmx_returns_only_that_section(client_for, project_lead, theme):
    data = project_post(theme=theme, rows={"products": [{"name": "Alarm platform"}]})
    data["add_row"] = "products"
    response = client_for(project_lead).post(
        reverse("portfolio:project_create"), data, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="hb-rows" id="rows-products">')
    assert "<html" not in html
    assert 'name="products-TOTAL_FORMS" value="2"' in html
    assert 'value="Alarm platform"' in html


# Editing a project ---------------------------------------------------------------------------


@pytest.fixture
def led_project(project_lead):
    return complete_definition(
        ProjectFactory(
            title="Digital telecare",
            project_lead=project_lead,
            lead_organisation=project_lead.organisation,
        )
    )


def test_edit_form_shows_the_project_and_its_rows(client_for, project_lead, led_project):
    response = client_for(project_lead).get(
        reverse("portfolio:project_edit", args=[led_project.slug])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="version" value="1"' in html
    requirement = led_project.requirements.get()
    assert f'name="requirements-0-id" value="{requirement.pk}"' in html
    assert 'name="resources-0-start_month" value="2026-04"' in html


def test_edit_saves_changes_and_keeps_row_identity(client_for, project_lead, led_project):
    requirement = led_project.requirements.get()
    data = edit_post(led_project, title="Digital telecare for all")
    data["requirements-0-text"] = "Work with digital phone lines"

    response = client_for(project_lead).post(
        reverse("portfolio:project_edit", args=[led_project.slug]), data
    )

    assert response.status_code == 302
    led_project.refresh_from_db()
    assert led_project.title == "Digital telecare for all"
    assert led_project.version == 2
    requirement.refresh_from_db()
    assert requirement.text == "Work with digital phone lines"


def test_edit_conflict_keeps_input_and_says_who_saved_and_what_changed(
    client_for, project_lead, programme_office, led_project
):
    opened = edit_post(led_project, summary="My careful new summary")
    # Someone else saves after the form was opened.
    theirs = project_to_input(project_detail(programme_office, led_project.slug))
    theirs.sponsor = "Chief Executive, Fife Council"
    services.project_update(
        actor=programme_office, project=led_project, data=theirs, expected_version=1
    )

    response = client_for(project_lead).post(
        reverse("portfolio:project_edit", args=[led_project.slug]), opened
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "My careful new summary" in html
    links = summary_links(response)
    assert links[0][0] == "#conflict"
    assert programme_office.display_name in links[0][1]
    assert "after you opened it" in links[0][1]
    # What they changed, from the history.
    assert "<ins>Chief Executive, Fife Council</ins>" in html
    # The form now carries the current version: saving again keeps this person's input.
    assert 'name="version" value="2"' in html
    led_project.refresh_from_db()
    assert led_project.summary != "My careful new summary"

    opened["version"] = "2"
    again = client_for(project_lead).post(
        reverse("portfolio:project_edit", args=[led_project.slug]), opened
    )
    assert again.status_code == 302
    led_project.refresh_from_db()
    assert led_project.summary == "My careful new summary"


# Moving a project between stages ------------------------------------------------------------


def test_an_incomplete_definition_blocks_marking_it_defined(client_for, project_lead):
    project = ProjectFactory(project_lead=project_lead, lead_organisation=project_lead.organisation)
    RequirementFactory(project=project)

    response = move(client_for(project_lead), project, "defined")

    assert response.status_code == 409
    links = summary_links(response)
    assert links[0][0] == "#definition-missing"
    assert "at least one anticipated product" in links[0][1]
    assert "at least one thing in scope" in links[0][1]
    # The refusal links each missing item to the field that fills it, and has no "Yes".
    html = response.content.decode()
    edit = reverse("portfolio:project_edit", args=[project.slug])
    assert f'href="{edit}#rows-scope_in"' in html
    assert f'href="{edit}#rows-products"' in html
    assert 'id="confirm-form"' not in html
    project.refresh_from_db()
    assert project.stage == Stage.PROPOSED


def test_lead_marks_a_complete_definition_defined(client_for, project_lead, led_project):
    client = client_for(project_lead)
    response = move(client, led_project, "defined")
    assert response.status_code == 302
    assert response.url == led_project.get_absolute_url() + "#stage"
    page = client.get(response.url)
    assert "Digital telecare is now defined." in text_of(page)
    led_project.refresh_from_db()
    assert led_project.stage == Stage.DEFINED


def test_lead_cannot_approve(client_for, project_lead, led_project):
    led_project.stage = Stage.DEFINED
    led_project.save()
    response = move(client_for(project_lead), led_project, "approved")
    assert response.status_code == 403
    assert "Only the programme office can approve this project." in text_of(response)


def test_a_move_that_needs_a_reason_says_so_at_the_reason_field(
    client_for, programme_office, led_project
):
    response = move(client_for(programme_office), led_project, "paused")
    assert response.status_code == 422
    links = summary_links(response)
    assert links[0][0] == "#id_reason"
    html = response.content.decode()
    assert 'id="id_reason-error"' in html
    assert "Enter a reason to pause this project" in html


def test_a_move_that_does_not_exist_is_refused(client_for, programme_office, led_project):
    response = move(client_for(programme_office), led_project, "closed")
    assert response.status_code == 409
    assert "A project in stage Proposed cannot move to Closed." in text_of(response)


def test_other_people_see_no_move_buttons(client_for, member, led_project):
    html = client_for(member).get(led_project.get_absolute_url()).content.decode()
    assert "/move/" not in html
    assert 'id="stage-moves"' not in html


def test_project_lead_choices_are_project_leads_and_people_of_the_lead_organisation(
    client_for, programme_office, led_project, other_council
):
    colleague = UserFactory(organisation=led_project.lead_organisation, full_name="Colleague")
    stranger = UserFactory(organisation=other_council, full_name="Stranger")
    html = (
        client_for(programme_office)
        .get(reverse("portfolio:project_edit", args=[led_project.slug]))
        .content.decode()
    )
    # By name as well as value: a user's id can be an organisation's id in another select.
    assert f'<option value="{colleague.pk}">Colleague (' in html
    assert f">{stranger.display_name}" not in html and "Stranger" not in html
    assert f'<option value="{led_project.project_lead_id}" selected>' in html


def test_create_form_draws_visibility_as_radios_with_partnership_chosen(client_for, project_lead):
    html = client_for(project_lead).get(reverse("portfolio:project_create")).content.decode()
    assert '<fieldset id="id_visibility"' in html
    assert 'name="visibility" value="partnership" checked' in html
    assert 'name="visibility" value="public">' in html


def test_catalogue_restoring_history_gets_the_whole_page(client, theme):
    ProjectFactory(title="Digital telecare", theme=theme)
    response = client.get(
        reverse("portfolio:project_list"),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_remove_row_with_htmx_returns_only_that_section(client_for, project_lead, theme):
    data = project_post(theme=theme, rows={"scope_in": [{"text": "One"}, {"text": "Two"}]})
    data["remove_row"] = "scope_in-1"
    response = client_for(project_lead).post(
        reverse("portfolio:project_create"), data, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="hb-rows" id="rows-scope_in">')
    assert 'name="scope_in-TOTAL_FORMS" value="1"' in html
    assert 'value="One"' in html and 'value="Two"' not in html


def test_edit_form_query_count_does_not_grow_with_rows(
    client_for, programme_office, project_with_rows
):
    project, make_rows = project_with_rows
    client = client_for(programme_office)
    url = reverse("portfolio:project_edit", args=[project.slug])
    assert_same_queries(make_rows, lambda: client.get(url), budget=15)


def test_a_retired_skill_stays_on_the_rows_that_have_it(client_for, programme_office):
    project = ProjectFactory()
    retired = SkillFactory(name="Mainframe operator", slug="mainframe-operator", active=False)
    ResourceRequirementFactory(project=project, skill=retired)
    SkillFactory(name="Retired elsewhere", slug="retired-elsewhere", active=False)
    html = (
        client_for(programme_office)
        .get(reverse("portfolio:project_edit", args=[project.slug]))
        .content.decode()
    )
    assert f'<option value="{retired.pk}" selected>Mainframe operator</option>' in html
    assert "Retired elsewhere" not in html


def test_history_page_runs_the_same_queries_for_3_and_30_changes(
    client_for, programme_office, theme
):
    project = services.project_create(
        actor=programme_office,
        data=ProjectInput(title="Digital telecare", theme_id=theme.pk, summary="Telecare"),
    )
    client = client_for(programme_office)
    url = reverse("portfolio:project_history", args=[project.slug])
    state = {"project": project, "changes": 1}

    def make_rows(n):
        while state["changes"] < n:
            current = state["project"]
            data = project_to_input(current)
            data.summary = f"Telecare, draft {state['changes']}"
            state["project"] = services.project_update(
                actor=programme_office,
                project=current,
                data=data,
                expected_version=current.version,
            )
            state["changes"] += 1

    assert_same_queries(make_rows, lambda: client.get(url), budget=20)


def _tag_named(html: str, name: str) -> str:
    match = re.search(rf'<(?:input|textarea|select)[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert match, f"no field named {name}"
    return match[0]


def test_after_add_another_the_new_rows_first_field_has_focus_and_the_change_is_told(
    client_for, project_lead, theme
):
    data = project_post(
        theme=theme, rows={"requirements": [{"text": "Digital phone lines", "priority": "must"}]}
    )
    data["add_row"] = "requirements"
    html = client_for(project_lead).post(reverse("portfolio:project_create"), data).text
    assert "autofocus" in _tag_named(html, "requirements-1-text")
    assert "autofocus" not in _tag_named(html, "requirements-0-text")
    assert html.count("autofocus") == 1
    assert re.search(r'role="status" id="rows-status">Requirement 2 added\.</p>', html)


def test_after_removing_the_first_row_the_sections_heading_has_focus(
    client_for, project_lead, theme
):
    data = project_post(theme=theme, rows={"benefits": [{"text": "A"}, {"text": "B"}]})
    data["remove_row"] = "benefits-0"
    html = client_for(project_lead).post(reverse("portfolio:project_create"), data).text
    assert re.search(r'<h3 class="ds_h3" id="rows-benefits-title" tabindex="-1" autofocus>', html)
    assert html.count("autofocus") == 1
    assert "Benefit 1 removed." in html


def test_after_removing_a_later_row_with_htmx_the_row_before_has_focus(
    client_for, project_lead, theme
):
    data = project_post(theme=theme, rows={"scope_in": [{"text": "One"}, {"text": "Two"}]})
    data["remove_row"] = "scope_in-1"
    html = (
        client_for(project_lead)
        .post(reverse("portfolio:project_create"), data, headers={"HX-Request": "true"})
        .text
    )
    assert "autofocus" in _tag_named(html, "scope_in-0-text")
    # The page's status line is filled out of band, outside the swapped block.
    assert re.search(
        r'role="status" id="rows-status" hx-swap-oob="innerHTML">In scope 2 removed\.</p>', html
    )
