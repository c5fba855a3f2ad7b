"""The settings, cadence, milestone and RAID pages: their rules and bad input."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from heartbeat.delivery.config import programme_settings
from heartbeat.delivery.models import Milestone, MilestoneChange, ProjectCadence, RaidItem


def _client(user):
    client = Client()
    client.force_login(user, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


@pytest.fixture
def office(programme_office):
    return _client(programme_office)


@pytest.fixture
def lead(project_lead):
    return _client(project_lead)


def _settings(**fields):
    data = {
        "cadence": "monthly",
        "due_day": "5",
        "scale": "three",
        "escalate_after_days": "7",
        "version": "1",
    }
    data.update(fields)
    return data


def test_the_office_changes_the_reporting_settings(office, telecare):
    response = office.post(reverse("delivery:settings"), _settings())
    assert response.status_code == 302
    settings = programme_settings()
    assert (settings.due_day, settings.scale, settings.escalate_after_days) == (5, "three", 7)
    # The update form now offers the three-point scale, with its meanings.
    html = office.get(reverse("delivery:update_new", args=[telecare.slug])).content.decode()
    assert "Three-point: Green, Amber, Red" in html
    assert "Amber/Green" not in html.split('id="id_confidence"')[1].split("</fieldset>")[0]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"escalate_after_days": "0"}, "from 1 to 90"),
        ({"escalate_after_days": "400"}, "from 1 to 90"),
        ({"due_day": "25"}, "Select a valid choice"),
        ({"cadence": "weekly"}, "Select a valid choice"),
    ],
)
def test_bad_settings_are_explained(office, fields, message):
    response = office.post(reverse("delivery:settings"), _settings(**fields))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert programme_settings().version == 1


def test_settings_someone_saved_since_conflict(office):
    office.post(reverse("delivery:settings"), _settings())
    response = office.post(reverse("delivery:settings"), _settings(due_day="3"))
    assert response.status_code == 409
    assert "after you opened them" in response.content.decode()
    assert programme_settings().due_day == 5


def test_a_projects_own_cadence(office, telecare, today):
    office.post(reverse("delivery:project_cadence", args=[telecare.slug]), {"cadence": "quarterly"})
    assert ProjectCadence.objects.get(project=telecare).cadence == "quarterly"
    html = office.get(reverse("delivery:update_list", args=[telecare.slug])).content.decode()
    assert "reports quarterly" in html
    office.post(reverse("delivery:project_cadence", args=[telecare.slug]), {"cadence": ""})
    assert not ProjectCadence.objects.filter(project=telecare).exists()


def test_moving_a_milestone_on_its_page(lead, telecare, today):
    milestone = Milestone.objects.get(project=telecare, name="Framework awarded")
    url = reverse("delivery:milestone_edit", args=[telecare.slug, milestone.pk])
    data = {
        "name": milestone.name,
        "forecast_date": "2027-05-28",
        "status": "at_risk",
        "version": str(milestone.version),
    }
    refused = lead.post(url, data)
    assert refused.status_code == 422
    assert "Say why the forecast date has moved" in refused.content.decode()
    future = lead.post(
        url,
        {
            **data,
            "reason": "Late",
            "status": "complete",
            "actual_date": (today + datetime.timedelta(days=5)).isoformat(),
        },
    )
    assert "cannot be in the future" in future.content.decode()
    moved = lead.post(url, {**data, "reason": "The supplier is late"})
    assert moved.status_code == 302
    html = lead.get(url).content.decode()
    assert "The supplier is late" in html
    assert MilestoneChange.objects.filter(milestone=milestone, field="forecast").count() == 1


def test_baselines_for_milestones_added_after_approval(lead, office, telecare):
    new = lead.post(
        reverse("delivery:milestone_list", args=[telecare.slug]),
        {"name": "Pilot complete", "forecast_date": "2027-04-30", "status": "not_started"},
    )
    assert new.status_code == 302
    milestone = Milestone.objects.get(name="Pilot complete")
    assert milestone.baseline_date is None
    html = lead.get(reverse("delivery:milestone_list", args=[telecare.slug])).content.decode()
    assert "Baseline them at their forecast dates" in html
    lead.post(reverse("delivery:milestones_baseline", args=[telecare.slug]))
    milestone.refresh_from_db()
    assert milestone.baseline_date == datetime.date(2027, 4, 30)
    # Moving it now is the office's.
    url = reverse("delivery:milestone_baseline", args=[telecare.slug, milestone.pk])
    assert lead.post(url, {"baseline_date": "2027-06-30", "reason": "Later"}).status_code == 403
    office.post(url, {"baseline_date": "2027-06-30", "reason": "Board agreed"})
    milestone.refresh_from_db()
    assert milestone.baseline_date == datetime.date(2027, 6, 30)


def test_products_become_milestones(lead, telecare):
    from tests.portfolio.factories import AnticipatedProductFactory

    product = AnticipatedProductFactory(
        project=telecare, name="Migration playbook", planned_date=datetime.date(2027, 3, 31)
    )
    html = lead.get(reverse("delivery:milestone_list", args=[telecare.slug])).content.decode()
    assert "Make it a milestone" in html
    lead.post(
        reverse("delivery:milestone_from_product", args=[telecare.slug]), {"product": product.pk}
    )
    assert Milestone.objects.get(product=product).forecast_date == datetime.date(2027, 3, 31)


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("risk", {"title": "x", "likelihood": "6", "impact": "3"}, "Select a valid choice"),
        (
            "risk",
            {"title": "x", "likelihood": "", "impact": "3"},
            "Choose the risk&#39;s likelihood",
        ),
        ("issue", {"title": "x", "priority": ""}, "Choose the issue&#39;s priority"),
        ("dependency", {"title": "x"}, "Say what the project depends on"),
        ("risk", {"title": "", "likelihood": "2", "impact": "3"}, "Enter a title"),
    ],
)
def test_raid_bad_input(lead, telecare, kind, data, message):
    before = RaidItem.objects.count()
    response = lead.post(
        reverse("delivery:raid_new", args=[telecare.slug]) + f"?kind={kind}", {"kind": kind, **data}
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert RaidItem.objects.count() == before


def test_a_dependency_on_the_project_itself_is_not_offered(lead, telecare):
    html = lead.get(
        reverse("delivery:raid_new", args=[telecare.slug]) + "?kind=dependency"
    ).content.decode()
    assert f'<option value="{telecare.pk}">' not in html
    response = lead.post(
        reverse("delivery:raid_new", args=[telecare.slug]) + "?kind=dependency",
        {"kind": "dependency", "title": "Ourselves", "depends_on_project": str(telecare.pk)},
    )
    assert response.status_code == 422
    assert not RaidItem.objects.filter(title="Ourselves").exists()


def test_closing_escalating_and_keeping_closed_items(lead, office, telecare):
    risk = RaidItem.objects.filter(project=telecare).order_by("number").first()
    esc = reverse("delivery:raid_escalate", args=[telecare.slug, risk.pk])
    assert lead.post(esc, {"note": ""}).status_code == 422
    lead.post(esc, {"note": "Needs the national contract"})
    risk.refresh_from_db()
    assert risk.escalated_at is not None
    lead.post(reverse("delivery:raid_close", args=[telecare.slug, risk.pk]), {"note": "Done"})
    log = lead.get(
        reverse("delivery:raid_log", args=[telecare.slug]) + "?status=all"
    ).content.decode()
    assert "R1 Analogue lines switched off early" in log
    assert "Closed" in log
    open_only = lead.get(reverse("delivery:raid_log", args=[telecare.slug])).content.decode()
    assert "R1 Analogue lines switched off early" not in open_only
