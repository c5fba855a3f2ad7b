"""Delivery on other apps' pages: the project page's section and the home page's blocks."""

from django.urls import reverse

from heartbeat.core import registry
from heartbeat.delivery.services import raid_item_escalate
from tests.delivery.factories import active_project
from tests.factories import UserFactory


def test_the_project_page_shows_the_latest_update_trend_milestones_and_risks(
    client_for, member, telecare
):
    html = client_for(member).get(telecare.get_absolute_url()).content.decode()
    assert 'href="#delivery"' in html
    assert 'id="delivery-latest"' in html
    assert "Amber" in html
    assert 'id="delivery-overdue"' in html
    assert "Framework awarded" in html
    assert "30 days late" in html
    assert "R1 Analogue lines switched off early" in html
    assert 'class="hb-trend"' in html


def test_projects_not_yet_approved_have_no_delivery_section(client_for, member):
    project = active_project(stage="proposed")
    html = client_for(member).get(project.get_absolute_url()).content.decode()
    assert 'id="delivery"' not in html


def test_a_project_leads_home_shows_their_updates_due_and_overdue(
    client_for, project_lead, telecare
):
    html = client_for(project_lead).get(reverse("core:home")).content.decode()
    assert "Your updates due and overdue" in html
    assert "Digital telecare" in html
    assert "overdue" in html
    assert reverse("delivery:update_new", args=[telecare.slug]) in html


def test_a_lead_with_nothing_due_sees_no_block(client_for, telecare):
    idle = UserFactory(is_project_lead=True)
    html = client_for(idle).get(reverse("core:home")).content.decode()
    assert "Your updates due and overdue" not in html


def test_the_programme_offices_home_shows_overdue_projects_and_escalated_risks(
    client_for, programme_office, project_lead, telecare
):
    risk = telecare.raid_items.order_by("number").first()
    raid_item_escalate(actor=project_lead, item=risk, note="Needs a national conversation with BT")
    html = client_for(programme_office).get(reverse("core:home")).content.decode()
    assert "Projects with overdue updates" in html
    assert "Risks escalated to the programme" in html
    assert "R1 Analogue lines switched off early" in html


def test_members_and_visitors_get_no_delivery_blocks(client_for, member, telecare):
    for user in (member, None):
        html = client_for(user).get(reverse("core:home")).content.decode()
        assert "overdue updates" not in html
        assert "escalated" not in html.lower()


def test_delivery_registers_its_parts():
    assert "delivery" in registry.project_sections
    assert "delivery.updates_due" in registry.home_blocks
    assert "delivery.overdue_updates" in registry.scheduled_jobs
    from heartbeat.portfolio import hooks

    assert "delivery.baselines" in hooks.transition_listeners


def test_the_dashboard_is_in_the_navigation_for_members_only(client_for, member):
    assert "Dashboard" in [label for label, _ in registry.nav_items(member)]
    assert "Dashboard" not in [label for label, _ in registry.nav_items(None)]
