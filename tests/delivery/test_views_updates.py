"""The update pages as a project lead meets them: the form, drafts, submission, conflicts,
bad input and corrections."""

import datetime

import pytest
from django.urls import reverse

from heartbeat.delivery.cadence import latest_due_period, period_containing
from heartbeat.delivery.models import (
    HeartbeatUpdate,
    Milestone,
    MilestoneChange,
    RaidItem,
    UpdateStatus,
)
from tests.delivery.factories import make_update


@pytest.fixture
def lead_client(client_for, project_lead):
    return client_for(project_lead)


def _post_data(period, **fields):
    data = {
        "period": period.key,
        "confidence": "amber",
        "schedule": "amber",
        "cost": "green",
        "summary": "The framework is late; migrations start in January.",
        "achievements": "Tested devices on live digital lines.",
        "next_steps": "Award the framework.",
        "decisions_needed": "",
        "percent_complete": "45",
        "action": "submit",
    }
    data.update(fields)
    return data


def test_the_form_starts_from_the_last_update(lead_client, telecare, today):
    due = latest_due_period("monthly", 0, today)
    response = lead_client.get(reverse("delivery:update_new", args=[telecare.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    # The overdue period is offered first, and the last update's next steps become this
    # period's achievements.
    assert f'<option value="{due.key}" selected>' in html
    last = HeartbeatUpdate.objects.filter(project=telecare).order_by("-period_start").first()
    assert f">{last.next_steps}</textarea>" in html
    assert f"starts from your update for {last.period.label}" in html
    # Each confidence level's meaning is shown with its radio.
    assert "Successful delivery appears probable" in html
    # The panel: open risks, milestones due and staffing coverage.
    assert "R1 Analogue lines switched off early" in html
    assert "Framework awarded" in html
    assert 'id="panel-coverage"' in html


def test_a_lead_submits_an_update_with_a_slipped_milestone_and_a_new_risk(
    lead_client, telecare, today
):
    due = latest_due_period("monthly", 0, today)
    milestone = Milestone.objects.get(project=telecare, name="Framework awarded")
    later = milestone.forecast_date + datetime.timedelta(days=30)
    response = lead_client.post(
        reverse("delivery:update_new", args=[telecare.slug]),
        _post_data(
            due,
            **{
                f"milestone_{milestone.pk}": later.isoformat(),
                "milestone_reason": "The supplier's devices failed testing.",
                "risk_title": "Device stock runs short",
                "risk_likelihood": "3",
                "risk_impact": "4",
                "risk_owner": "Telecare service manager",
            },
        ),
    )
    update = HeartbeatUpdate.objects.get(project=telecare, period_start=due.start)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "delivery:update_detail", args=[telecare.slug, update.pk]
    )
    assert update.status == UpdateStatus.SUBMITTED
    milestone.refresh_from_db()
    assert milestone.forecast_date == later
    change = MilestoneChange.objects.get(milestone=milestone, field="forecast")
    assert change.update == update
    risk = RaidItem.objects.get(project=telecare, title="Device stock runs short")
    assert (risk.reference, risk.score, risk.owner) == ("R3", 12, "Telecare service manager")


def test_a_draft_is_saved_and_submitted_later(lead_client, telecare, today):
    due = latest_due_period("monthly", 0, today)
    url = reverse("delivery:update_new", args=[telecare.slug])
    response = lead_client.post(url, _post_data(due, action="draft", confidence="", summary=""))
    draft = HeartbeatUpdate.objects.get(project=telecare, status=UpdateStatus.DRAFT)
    assert response["Location"] == reverse("delivery:update_edit", args=[telecare.slug, draft.pk])
    # Opening the form for that period again carries on with the draft.
    again = lead_client.get(url + f"?period={due.key}")
    assert again["Location"] == response["Location"]
    edit = lead_client.get(response["Location"])
    assert "Delete this draft" in edit.content.decode()
    submitted = lead_client.post(response["Location"], _post_data(due, version=str(draft.version)))
    assert submitted.status_code == 302
    draft.refresh_from_db()
    assert draft.status == UpdateStatus.SUBMITTED


def test_a_draft_submitted_meanwhile_keeps_what_the_other_editor_wrote(
    lead_client, telecare, today
):
    due = latest_due_period("monthly", 0, today)
    url = reverse("delivery:update_new", args=[telecare.slug])
    edit_url = lead_client.post(url, _post_data(due, action="draft"))["Location"]
    draft = HeartbeatUpdate.objects.get(project=telecare, status=UpdateStatus.DRAFT)
    # Someone else submits the draft (another tab, or a colleague) ...
    submitted = lead_client.post(edit_url, _post_data(due, version=str(draft.version)))
    assert submitted.status_code == 302

    # ... while this person saves their own changes to the draft they opened earlier.
    response = lead_client.post(
        edit_url,
        _post_data(due, action="draft", summary="Mine, typed at length", version="1"),
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "There is a problem" in html
    assert "was submitted while you were editing the draft" in html
    correct = reverse("delivery:update_correct", args=[telecare.slug, draft.pk])
    assert f'href="{correct}"' in html
    assert ">Mine, typed at length</textarea>" in html
    draft.refresh_from_db()
    assert draft.status == UpdateStatus.SUBMITTED
    assert draft.summary == "The framework is late; migrations start in January."
    # Opening the edit page afterwards still leads to the submitted update.
    assert lead_client.get(edit_url).status_code == 302


def test_a_second_update_for_a_period_is_refused_with_a_link_to_the_first(
    lead_client, telecare, today
):
    due = latest_due_period("monthly", 0, today)
    first = make_update(telecare, due.start, today=today)
    response = lead_client.post(
        reverse("delivery:update_new", args=[telecare.slug]), _post_data(due, summary="Mine")
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "There is a problem" in html
    assert f'href="/projects/{telecare.slug}/updates/{first.pk}/"' in html
    assert "already submitted" in html
    # Nothing typed is lost.
    assert ">Mine</textarea>" in html
    assert HeartbeatUpdate.objects.filter(project=telecare, period_start=due.start).count() == 1


def test_the_form_says_so_when_the_period_is_already_in(lead_client, telecare, today):
    due = latest_due_period("monthly", 0, today)
    first = make_update(telecare, due.start, today=today)
    html = lead_client.get(
        reverse("delivery:update_new", args=[telecare.slug]) + f"?period={due.key}"
    ).content.decode()
    assert f'href="/projects/{telecare.slug}/updates/{first.pk}/"' in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"percent_complete": "101"}, "whole number from 0 to 100"),
        ({"percent_complete": "-5"}, "whole number from 0 to 100"),
        ({"confidence": "purple"}, "Select a valid choice"),
        ({"summary": ""}, "Enter a summary"),
        ({"summary": "x" * 2001}, "at most 2000 characters"),
        ({"risk_title": "A risk", "risk_likelihood": "6"}, "Select a valid choice"),
        ({"risk_title": "A risk", "risk_likelihood": "", "risk_impact": "3"}, "likelihood"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_lost(lead_client, telecare, today, fields, message):
    due = latest_due_period("monthly", 0, today)
    data = _post_data(due, achievements="Kept words", **fields)
    response = lead_client.post(reverse("delivery:update_new", args=[telecare.slug]), data)
    html = response.content.decode()
    assert response.status_code in (409, 422)
    assert "There is a problem" in html
    assert message in html
    assert ">Kept words</textarea>" in html
    assert not HeartbeatUpdate.objects.filter(project=telecare, period_start=due.start).exists()


def test_future_periods_are_not_offered_and_refused(lead_client, telecare, today):
    future = period_containing("monthly", today).next()
    html = lead_client.get(reverse("delivery:update_new", args=[telecare.slug])).content.decode()
    assert future.key not in html
    response = lead_client.post(
        reverse("delivery:update_new", args=[telecare.slug]), _post_data(future)
    )
    assert response.status_code == 422
    assert "Choose a period from the list" in response.content.decode()


def test_moving_a_milestone_without_a_reason_is_explained(lead_client, telecare, today):
    due = latest_due_period("monthly", 0, today)
    milestone = Milestone.objects.get(project=telecare, name="Framework awarded")
    response = lead_client.post(
        reverse("delivery:update_new", args=[telecare.slug]),
        _post_data(due, **{f"milestone_{milestone.pk}": "2027-06-30"}),
    )
    assert response.status_code == 422
    assert "Say why the milestones" in response.content.decode()
    assert not HeartbeatUpdate.objects.filter(project=telecare, period_start=due.start).exists()


def test_a_correction_keeps_both_versions_visible(lead_client, telecare, today):
    update = HeartbeatUpdate.objects.filter(project=telecare).order_by("-period_start").first()
    url = reverse("delivery:update_correct", args=[telecare.slug, update.pk])
    refused = lead_client.post(
        url, {"reason": "", "confidence": "red", "summary": "x", "percent_complete": "10"}
    )
    assert refused.status_code == 422
    response = lead_client.post(
        url,
        {
            "reason": "The migration figures were wrong.",
            "confidence": "amber_red",
            "summary": "Fewer alarms migrated than reported.",
            "percent_complete": "25",
        },
    )
    corrected = HeartbeatUpdate.objects.get(corrects=update)
    assert response["Location"] == reverse(
        "delivery:update_detail", args=[telecare.slug, corrected.pk]
    )
    html = lead_client.get(response["Location"]).content.decode()
    assert "Correction 1 (current)" in html
    assert "Original (corrected)" in html
    assert "The migration figures were wrong." in html
    assert "Fewer alarms migrated than reported." in html
    assert update.summary in html
    # Visitors see both versions too (the project is public).
    lead_client.logout()
    public = lead_client.get(reverse("delivery:update_detail", args=[telecare.slug, update.pk]))
    assert public.status_code == 200
    assert "Original (corrected)" in public.content.decode()


def test_drafts_are_not_shown_to_readers(client_for, member, project_lead, telecare, today):
    due = latest_due_period("monthly", 0, today)
    draft = make_update(
        telecare, due.start, submit=False, actor=project_lead, today=today, summary="Secret draft"
    )
    client = client_for(member)
    assert (
        client.get(reverse("delivery:update_detail", args=[telecare.slug, draft.pk])).status_code
        == 404
    )
    assert (
        "Secret draft"
        not in client.get(reverse("delivery:update_list", args=[telecare.slug])).content.decode()
    )
