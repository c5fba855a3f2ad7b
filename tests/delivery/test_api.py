"""The delivery API: updates, milestones, the RAID log and the dashboard's figures."""

import json

import pytest

from heartbeat.delivery.cadence import latest_due_period
from heartbeat.delivery.models import HeartbeatUpdate, Milestone, RaidItem, UpdateStatus
from tests.delivery.factories import active_project, make_update
from tests.portfolio.factories import ProjectFactory


@pytest.fixture
def api(client_for):
    def _call(user, method, path, body=None):
        client = client_for(user)
        kwargs = {}
        if body is not None:
            kwargs = {"data": json.dumps(body), "content_type": "application/json"}
        return getattr(client, method)(f"/api/v1{path}", **kwargs)

    return _call


def _update_body(period, **fields):
    body = {
        "period_start": period.key,
        "confidence": "amber",
        "summary": "Migrations start in January.",
        "percent_complete": 50,
        "submit": True,
    }
    body.update(fields)
    return body


def test_updates_are_listed_with_every_version(api, telecare):
    response = api(None, "get", f"/projects/{telecare.slug}/updates")
    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 3
    first = body["items"][0]
    assert first["status"] == "submitted"
    assert first["confidence_label"] == "Amber"
    assert first["url"].startswith(f"/projects/{telecare.slug}/updates/")


def test_a_lead_posts_an_update_with_a_moved_milestone_and_a_new_risk(
    api, telecare, project_lead, today
):
    due = latest_due_period("monthly", 0, today)
    milestone = Milestone.objects.get(project=telecare, name="Framework awarded")
    response = api(
        project_lead,
        "post",
        f"/projects/{telecare.slug}/updates",
        _update_body(
            due,
            milestone_forecasts=[{"milestone": milestone.pk, "forecast_date": "2027-06-30"}],
            milestone_reason="Devices failed testing",
            new_risk={
                "kind": "risk",
                "title": "Device stock runs short",
                "likelihood": 3,
                "impact": 4,
            },
        ),
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "submitted"
    milestone.refresh_from_db()
    assert str(milestone.forecast_date) == "2027-06-30"
    assert RaidItem.objects.get(title="Device stock runs short").score == 12


def test_a_second_update_for_a_period_is_409_with_the_existing_one(
    api, telecare, project_lead, today
):
    due = latest_due_period("monthly", 0, today)
    first = make_update(telecare, due.start, today=today)
    response = api(project_lead, "post", f"/projects/{telecare.slug}/updates", _update_body(due))
    body = response.json()
    assert response.status_code == 409
    assert body["code"] == "update_exists"
    assert body["existing_id"] == first.pk
    assert body["existing_url"] == f"/projects/{telecare.slug}/updates/{first.pk}/"


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"percent_complete": 101}, 422, "invalid_input"),
        ({"percent_complete": -1}, 422, "invalid_input"),
        ({"summary": "Bad\u0000"}, 422, "invalid_input"),
        ({"summary": "x" * 2001}, 422, "invalid_input"),
        ({"period_start": "2099-01-01"}, 422, "future_period"),
        ({"period_start": "2150-01-01"}, 422, "invalid_input"),
        ({"confidence": "purple"}, 422, "invalid_input"),
        (
            {"new_risk": {"kind": "risk", "title": "x", "likelihood": 9, "impact": 2}},
            422,
            "invalid_input",
        ),
    ],
)
def test_bad_input_is_a_clear_error(api, telecare, project_lead, today, fields, status, code):
    due = latest_due_period("monthly", 0, today)
    response = api(
        project_lead, "post", f"/projects/{telecare.slug}/updates", _update_body(due, **fields)
    )
    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert not HeartbeatUpdate.objects.filter(project=telecare, period_start=due.start).exists()


def test_drafts_edits_and_corrections(api, telecare, project_lead, member, today):
    due = latest_due_period("monthly", 0, today)
    draft = api(
        project_lead, "post", f"/projects/{telecare.slug}/updates", _update_body(due, submit=False)
    ).json()
    assert draft["status"] == "draft"
    # Readers do not see drafts.
    assert api(member, "get", f"/updates/{draft['id']}").status_code == 404
    stale = api(
        project_lead,
        "put",
        f"/updates/{draft['id']}",
        {"version": 99, "summary": "x", "confidence": "green", "percent_complete": 1},
    )
    assert stale.status_code == 409
    submitted = api(
        project_lead,
        "put",
        f"/updates/{draft['id']}",
        {
            "version": draft["version"],
            "summary": "Done",
            "confidence": "green",
            "percent_complete": 60,
            "submit": True,
        },
    )
    assert submitted.json()["status"] == "submitted"
    corrected = api(
        project_lead,
        "post",
        f"/updates/{draft['id']}/corrections",
        {
            "reason": "Wrong figure",
            "summary": "Done, mostly",
            "confidence": "amber_green",
            "percent_complete": 55,
        },
    )
    assert corrected.status_code == 201
    assert corrected.json()["corrects"] == draft["id"]
    assert api(member, "get", f"/updates/{draft['id']}").json()["status"] == UpdateStatus.CORRECTED


def test_writes_need_the_lead_or_the_office(api, telecare, member, organisation_lead, today):
    due = latest_due_period("monthly", 0, today)
    assert (
        api(None, "post", f"/projects/{telecare.slug}/updates", _update_body(due)).status_code
        == 401
    )
    for person in (member, organisation_lead):
        response = api(person, "post", f"/projects/{telecare.slug}/updates", _update_body(due))
        assert response.status_code == 403
        assert response.json()["code"] == "permission_denied"


def test_milestones_api(api, telecare, project_lead, programme_office):
    listed = api(None, "get", f"/projects/{telecare.slug}/milestones").json()
    assert [m["name"] for m in listed] == ["Framework awarded", "Last alarm migrated"]
    assert listed[0]["slippage_days"] == 30
    created = api(
        project_lead,
        "post",
        f"/projects/{telecare.slug}/milestones",
        {"name": "Pilot complete", "forecast_date": "2027-02-26"},
    )
    assert created.status_code == 201
    milestone = created.json()
    future_actual = api(
        project_lead,
        "put",
        f"/milestones/{milestone['id']}",
        {
            "name": "Pilot complete",
            "forecast_date": "2027-02-26",
            "status": "complete",
            "actual_date": "2099-01-01",
            "version": milestone["version"],
        },
    )
    assert future_actual.status_code == 422
    assert "cannot be in the future" in future_actual.json()["message"]
    baseline = api(
        project_lead,
        "post",
        f"/milestones/{milestone['id']}/baseline",
        {"baseline_date": "2027-02-26"},
    )
    assert baseline.json()["baseline_date"] == "2027-02-26"
    moved = api(
        project_lead,
        "post",
        f"/milestones/{milestone['id']}/baseline",
        {"baseline_date": "2027-03-26", "reason": "Later"},
    )
    assert moved.status_code == 403
    rebaselined = api(
        programme_office,
        "post",
        f"/milestones/{milestone['id']}/baseline",
        {"baseline_date": "2027-03-26", "reason": "Board agreed"},
    )
    assert rebaselined.status_code == 200
    assert [c["field"] for c in rebaselined.json()["changes"]] == ["baseline", "baseline"]


def test_raid_api(api, telecare, project_lead, member):
    assert api(None, "get", f"/projects/{telecare.slug}/raid").status_code == 401
    risks = api(member, "get", f"/projects/{telecare.slug}/raid?kind=risk").json()
    assert [r["reference"] for r in risks] == ["R1", "R2"]
    assert risks[0]["score"] == 20
    self_dependency = api(
        project_lead,
        "post",
        f"/projects/{telecare.slug}/raid",
        {
            "kind": "dependency",
            "title": "Ourselves",
            "depends_on_project": telecare.slug,
        },
    )
    assert self_dependency.status_code == 422
    assert self_dependency.json()["code"] == "self_dependency"
    other = ProjectFactory(title="Shared data platform", slug="shared-data-platform")
    dependency = api(
        project_lead,
        "post",
        f"/projects/{telecare.slug}/raid",
        {
            "kind": "dependency",
            "title": "Data platform live",
            "depends_on_project": other.slug,
        },
    )
    assert dependency.status_code == 201
    assert dependency.json()["reference"] == "D1"
    off_scale = api(
        project_lead,
        "post",
        f"/projects/{telecare.slug}/raid",
        {"kind": "risk", "title": "x", "likelihood": 0, "impact": 6},
    )
    assert off_scale.status_code == 422
    risk_id = risks[0]["id"]
    escalated = api(project_lead, "post", f"/raid/{risk_id}/escalate", {"note": "Needs funding"})
    assert escalated.json()["escalated_at"] is not None
    closed = api(project_lead, "post", f"/raid/{risk_id}/close", {"note": "Handled"})
    assert closed.json()["status"] == "closed"
    assert api(member, "get", f"/projects/{telecare.slug}/raid?status=all").status_code == 200
    assert api(member, "post", f"/raid/{risk_id}/close", {}).status_code == 403


def test_partnership_projects_are_hidden_from_visitors(api, project_lead):
    hidden = active_project(project_lead=project_lead, visibility="partnership", slug="hidden")
    assert api(None, "get", "/projects/hidden/updates").status_code == 404
    assert api(None, "get", "/projects/hidden/milestones").status_code == 404
    assert api(project_lead, "get", "/projects/hidden/updates").status_code == 200
    assert hidden.pk


def test_dashboard_figures(api, telecare, member, today):
    assert api(None, "get", "/dashboard").status_code == 401
    body = api(member, "get", "/dashboard").json()
    assert body["active_projects"] == 1
    assert body["overdue_updates"] == 1
    assert body["counts_by_confidence"] == {"amber": 1}
    assert body["milestones_slipped"] == 1
    (line,) = body["projects"]
    assert line["slug"] == telecare.slug
    assert line["overdue_days"] >= 1
    assert [cell["confidence"] for cell in line["trend"]][-4:] == [
        "green",
        "amber_green",
        "amber",
        None,
    ]
    assert api(member, "get", "/dashboard?confidence=purple").status_code == 422
    assert api(member, "get", "/dashboard?confidence=green").json()["active_projects"] == 0
