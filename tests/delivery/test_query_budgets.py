"""Pages and endpoints cost the same number of queries at 3 projects as at 30."""

import datetime

import pytest
from django.urls import reverse

from heartbeat.core import registry
from heartbeat.delivery import home, sections
from heartbeat.delivery.cadence import latest_due_period
from heartbeat.delivery.models import HeartbeatUpdate, Milestone, RaidItem
from tests.delivery.factories import MilestoneFactory, active_project, make_risk, make_update
from tests.portfolio.factories import ResourceRequirementFactory, ThemeFactory
from tests.querybudget import assert_same_queries


@pytest.fixture
def grow(today, project_lead):
    """Add active projects, each with updates, milestones, risks and a need, up to n."""
    made = []
    themes = [ThemeFactory(name="Digital Services"), ThemeFactory(name="Digital Foundations")]
    due = latest_due_period("monthly", 0, today)

    def _make(n):
        while len(made) < n:
            index = len(made)
            project = active_project(
                project_lead=project_lead if index % 2 == 0 else None,
                theme=themes[index % 2],
                since=datetime.date(2025, 1, 1),
            )
            period = due if index % 3 else due.previous()
            for step in range(3):
                make_update(
                    project,
                    period.start,
                    today=today,
                    confidence=["green", "amber", "red"][(index + step) % 3],
                )
                period = period.previous()
            MilestoneFactory(
                project=project,
                baseline_date=today,
                forecast_date=today + datetime.timedelta(days=20),
            )
            make_risk(project, likelihood=1 + index % 5, impact=2)
            ResourceRequirementFactory(project=project)
            made.append(project)
        return made

    return _make


def test_dashboard(client_for, programme_office, grow):
    client = client_for(programme_office)

    def load():
        response = client.get(reverse("delivery:dashboard"))
        assert response.status_code == 200
        assert "Projects" in response.content.decode()

    counts = assert_same_queries(grow, load, budget=20)
    print("dashboard queries", counts)


def test_dashboard_filtered_and_api(client_for, programme_office, grow):
    client = client_for(programme_office)
    assert_same_queries(
        grow, lambda: client.get(reverse("delivery:dashboard") + "?confidence=amber"), budget=20
    )
    assert_same_queries(grow, lambda: client.get("/api/v1/dashboard"), budget=20)


def test_due_list_and_home(client_for, programme_office, project_lead, grow):
    office = client_for(programme_office)
    assert_same_queries(grow, lambda: office.get(reverse("delivery:due")), budget=20)
    assert_same_queries(grow, lambda: office.get(reverse("delivery:risks")), budget=20)
    assert_same_queries(grow, lambda: office.get(reverse("delivery:milestones")), budget=20)
    # The home page with delivery's blocks only: the other apps' blocks and cards have
    # budgets of their own, and the whole page, for every role, has the site's in
    # tests/core/test_home_page_budget.py. With every block it still must not grow.
    with (
        registry.home_blocks.replaced(
            {
                "delivery.updates_due": home.updates_due_block,
                "delivery.overdue": home.overdue_block,
                "delivery.escalated": home.escalated_risks_block,
            }
        ),
        registry.home_cards.replaced({}),
    ):
        for client in (office, client_for(project_lead)):
            assert_same_queries(grow, lambda client=client: client.get("/"), budget=10)
    assert_same_queries(grow, lambda: office.get(reverse("core:home")))


def test_project_pages_do_not_grow_with_its_records(client_for, project_lead, today):
    """One project with 3, then 30, updates, milestones and risks."""
    project = active_project(project_lead=project_lead, since=datetime.date(2020, 1, 1))
    made = {"n": 0}
    due = latest_due_period("monthly", 0, today)
    periods = [due]
    while len(periods) < 40:
        periods.append(periods[-1].previous())

    def _make(n):
        while made["n"] < n:
            i = made["n"]
            make_update(project, periods[i].start, today=today)
            MilestoneFactory(project=project, forecast_date=today + datetime.timedelta(days=i))
            make_risk(project, likelihood=1 + i % 5, impact=3)
            made["n"] += 1

    def _reset():
        made["n"] = 0
        HeartbeatUpdate.objects.filter(project=project).delete()
        Milestone.objects.filter(project=project).delete()
        RaidItem.objects.filter(project=project).delete()

    client = client_for(project_lead)
    page = project.get_absolute_url()

    def load_page():
        assert client.get(page).status_code == 200

    # The project page with delivery's section only: the page's own parts and the other
    # apps' sections have budgets of their own (tests/portfolio/test_views.py).
    with registry.project_sections.replaced({"delivery": sections.delivery_section}):
        print(page, assert_same_queries(_make, load_page, budget=20))
    # With every app's section, the page still costs the same however many records.
    _reset()
    print(page, "every section", assert_same_queries(_make, load_page))

    for url in (
        reverse("delivery:update_list", args=[project.slug]),
        reverse("delivery:update_new", args=[project.slug]),
        reverse("delivery:milestone_list", args=[project.slug]),
        reverse("delivery:raid_log", args=[project.slug]),
        f"/api/v1/projects/{project.slug}/updates",
        f"/api/v1/projects/{project.slug}/milestones",
        f"/api/v1/projects/{project.slug}/raid",
    ):
        _reset()

        def load(url=url):
            assert client.get(url).status_code == 200

        print(url, assert_same_queries(_make, load, budget=20))
