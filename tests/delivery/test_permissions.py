"""Who may do what: every delivery action against every role, this project's lead against
another project's, and the predicates themselves."""

import pytest
from django.urls import reverse

from heartbeat.delivery import permissions
from heartbeat.delivery.cadence import latest_due_period
from heartbeat.delivery.models import HighlightReport, Milestone, RaidItem
from tests.factories import UserFactory

ROLES = [
    "anonymous",
    "member",
    "organisation_lead",
    "project_lead",
    "other_project_lead",
    "board_member",
    "programme_office",
]
WRITERS = {"project_lead", "programme_office"}
SIGNED_IN = set(ROLES) - {"anonymous"}


@pytest.fixture
def other_project_lead(other_council):
    return UserFactory(organisation=other_council, email="lead@other.gov.uk", is_project_lead=True)


@pytest.fixture
def person(request, user_for_role):
    def _get(role):
        if role == "other_project_lead":
            return request.getfixturevalue("other_project_lead")
        return user_for_role(role)

    return _get


# Pages open to visitors answer a visitor's write with 403; the others send them to sign in.
PUBLIC_PAGES = {"add a milestone"}


def _expected(role, allowed: set, *, ok=200, action=""):
    if role in allowed:
        return ok
    if role == "anonymous" and action not in PUBLIC_PAGES:
        return 302
    return 403


def _actions(project, today):
    slug = project.slug
    due = latest_due_period("monthly", 0, today)
    milestone = Milestone.objects.get(project=project, name="Framework awarded")
    risk = RaidItem.objects.filter(project=project).order_by("number").first()
    return {
        # name: (method, url, data, allowed roles, status when allowed)
        "read updates": (
            "get",
            reverse("delivery:update_list", args=[slug]),
            None,
            set(ROLES),
            200,
        ),
        "read milestones": (
            "get",
            reverse("delivery:milestone_list", args=[slug]),
            None,
            set(ROLES),
            200,
        ),
        "read the dashboard": ("get", reverse("delivery:dashboard"), None, SIGNED_IN, 200),
        "read the RAID log": (
            "get",
            reverse("delivery:raid_log", args=[slug]),
            None,
            SIGNED_IN,
            200,
        ),
        "download the status report": (
            "get",
            reverse("delivery:status_report", args=[slug]),
            None,
            SIGNED_IN,
            200,
        ),
        "open the update form": (
            "get",
            reverse("delivery:update_new", args=[slug]),
            None,
            WRITERS,
            200,
        ),
        "submit an update": (
            "post",
            reverse("delivery:update_new", args=[slug]),
            {
                "period": due.key,
                "confidence": "green",
                "summary": "Fine",
                "percent_complete": "50",
                "action": "submit",
            },
            WRITERS,
            302,
        ),
        "add a milestone": (
            "post",
            reverse("delivery:milestone_list", args=[slug]),
            {"name": "New", "forecast_date": "2027-05-01", "status": "not_started"},
            WRITERS,
            302,
        ),
        "move a baseline": (
            "post",
            reverse("delivery:milestone_baseline", args=[slug, milestone.pk]),
            {"baseline_date": "2027-05-01", "reason": "Board agreed"},
            {"programme_office"},
            302,
        ),
        "log a risk": (
            "post",
            reverse("delivery:raid_new", args=[slug]) + "?kind=risk",
            {"kind": "risk", "title": "New risk", "likelihood": "2", "impact": "2"},
            WRITERS,
            302,
        ),
        "escalate a risk": (
            "post",
            reverse("delivery:raid_escalate", args=[slug, risk.pk]),
            {"note": "Please help"},
            WRITERS,
            302,
        ),
        "close a risk": (
            "post",
            reverse("delivery:raid_close", args=[slug, risk.pk]),
            {"note": "Gone"},
            WRITERS,
            302,
        ),
        "change the settings": (
            "post",
            reverse("delivery:settings"),
            {
                "cadence": "monthly",
                "due_day": "5",
                "scale": "five",
                "escalate_after_days": "7",
                "version": "1",
            },
            {"programme_office"},
            302,
        ),
        "set a project's cadence": (
            "post",
            reverse("delivery:project_cadence", args=[slug]),
            {"cadence": "fortnightly"},
            {"programme_office"},
            302,
        ),
        "ask for a highlight report": (
            "post",
            reverse("delivery:report_create"),
            {},
            SIGNED_IN,
            302,
        ),
    }


ACTIONS = [
    "read updates",
    "read milestones",
    "read the dashboard",
    "read the RAID log",
    "download the status report",
    "open the update form",
    "submit an update",
    "add a milestone",
    "move a baseline",
    "log a risk",
    "escalate a risk",
    "close a risk",
    "change the settings",
    "set a project's cadence",
    "ask for a highlight report",
]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client_for, person, telecare, today, role, action):
    method, url, data, allowed, ok = _actions(telecare, today)[action]
    client = client_for(person(role))
    response = getattr(client, method)(url, data or {})
    assert response.status_code == _expected(role, allowed, ok=ok, action=action), (role, action)


def test_hand_back_is_for_the_programme_office(client_for, person, telecare):
    risk = RaidItem.objects.filter(project=telecare).first()
    RaidItem.objects.filter(pk=risk.pk).update(escalated_at="2026-11-20T10:00:00Z")
    url = reverse("delivery:raid_hand_back", args=[telecare.slug, risk.pk])
    for role in ("member", "project_lead", "organisation_lead"):
        assert client_for(person(role)).post(url).status_code == 403
    assert client_for(person("programme_office")).post(url).status_code == 302
    risk.refresh_from_db()
    assert risk.escalated_at is None


def test_a_report_is_seen_by_who_asked_and_the_office(client_for, person, member):
    report = HighlightReport.objects.create(
        requested_by=member, requested_at="2026-12-01T10:00:00Z"
    )
    url = reverse("delivery:report_detail", args=[report.pk])
    assert client_for(person("member")).get(url).status_code == 200
    assert client_for(person("programme_office")).get(url).status_code == 200
    assert client_for(person("organisation_lead")).get(url).status_code == 404
    assert client_for(person("anonymous")).get(url).status_code == 302


def test_links_are_shown_only_to_those_who_can_use_them(client_for, person, telecare):
    page = telecare.get_absolute_url()
    lead_html = client_for(person("project_lead")).get(page).content.decode()
    assert "Write an update" in lead_html
    for role in ("member", "other_project_lead", "organisation_lead"):
        html = client_for(person(role)).get(page).content.decode()
        assert "Write an update" not in html
        assert "The RAID log" in html
    visitor = client_for(None).get(page).content.decode()
    assert "The RAID log" not in visitor
    assert "status report" not in visitor
    assert "Latest update" in visitor  # a public project's updates are public


@pytest.mark.parametrize("role", ROLES)
def test_predicates(person, telecare, role):
    user = person(role)
    assert permissions.can_view_updates(user, telecare) is True
    assert permissions.can_view_raid(user, telecare) is (role != "anonymous")
    assert permissions.can_report_on(user, telecare) is (role in WRITERS)
    assert permissions.can_manage_settings(user) is (role == "programme_office")
    assert permissions.can_change_baseline(user, telecare, has_baseline=True) is (
        role == "programme_office"
    )
    assert permissions.can_change_baseline(user, telecare, has_baseline=False) is (role in WRITERS)
