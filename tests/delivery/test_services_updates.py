"""Writing updates: drafts, submission, one per period, no future periods, corrections."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.delivery import hooks
from heartbeat.delivery.cadence import Cadence
from heartbeat.delivery.models import HeartbeatUpdate, UpdateStatus
from heartbeat.delivery.services import (
    project_cadence_set,
    settings_update,
    update_correct,
    update_delete_draft,
    update_save,
)
from heartbeat.portfolio.models import Stage
from tests.delivery.factories import TODAY, active_project, make_update, month, update_input
from tests.factories import UserFactory

NOVEMBER, DECEMBER, JANUARY = month(2026, 11), month(2026, 12), month(2027, 1)


@pytest.fixture
def project(project_lead):
    return active_project(project_lead=project_lead, title="Digital telecare")


def test_the_project_lead_submits_an_update(project, project_lead):
    update = make_update(
        project, NOVEMBER, actor=project_lead, confidence="amber_green", schedule="amber"
    )
    update.refresh_from_db()
    assert update.status == UpdateStatus.SUBMITTED
    assert (update.period_start, update.period_end) == (NOVEMBER, datetime.date(2026, 11, 30))
    assert update.cadence == Cadence.MONTHLY
    assert update.scale == "five"
    assert update.confidence == "amber_green"
    assert update.schedule == "amber"
    assert update.submitted_by == project_lead
    assert update.submitted_at is not None
    assert update.correction_number == 0


def test_a_draft_may_be_unfinished_and_submitted_later(project, project_lead):
    draft = make_update(
        project,
        NOVEMBER,
        submit=False,
        actor=project_lead,
        confidence="",
        summary="",
        percent_complete=None,
    )
    assert draft.status == UpdateStatus.DRAFT
    submitted = update_save(
        actor=project_lead,
        project=project,
        data=update_input(NOVEMBER),
        submit=True,
        draft=draft,
        expected_version=1,
        today=TODAY,
    )
    assert submitted.pk == draft.pk
    assert submitted.status == UpdateStatus.SUBMITTED
    assert submitted.version == 2


def test_submitting_needs_confidence_summary_and_percent(project, project_lead):
    for fields, field in (
        ({"confidence": ""}, "confidence"),
        ({"summary": "  "}, "summary"),
        ({"percent_complete": None}, "percent_complete"),
    ):
        with pytest.raises(InvalidInput) as error:
            make_update(project, NOVEMBER, actor=project_lead, **fields)
        assert error.value.field == field
    assert not HeartbeatUpdate.objects.exists()


@pytest.mark.parametrize("percent", [-1, 101, 1000])
def test_percent_complete_is_0_to_100(project, project_lead, percent):
    with pytest.raises(InvalidInput, match="0 to 100") as error:
        make_update(project, NOVEMBER, actor=project_lead, percent_complete=percent)
    assert error.value.field == "percent_complete"


def test_the_database_holds_percent_and_confidence(project, project_lead):
    update = make_update(project, NOVEMBER, actor=project_lead)
    with pytest.raises(IntegrityError), transaction.atomic():
        HeartbeatUpdate.objects.filter(pk=update.pk).update(percent_complete=101)
    with pytest.raises(IntegrityError), transaction.atomic():
        HeartbeatUpdate.objects.filter(pk=update.pk).update(confidence="purple")


def test_confidence_must_be_on_the_programmes_scale(project, project_lead, programme_office):
    settings_update(
        actor=programme_office,
        cadence="monthly",
        due_day=0,
        scale="three",
        escalate_after_days=10,
        expected_version=1,
    )
    with pytest.raises(InvalidInput, match="Green, Amber, Red"):
        make_update(project, NOVEMBER, actor=project_lead, confidence="amber_green")
    update = make_update(project, NOVEMBER, actor=project_lead, confidence="amber")
    assert update.scale == "three"


def test_a_second_submitted_update_for_a_period_is_refused_with_a_link(project, project_lead):
    first = make_update(project, NOVEMBER, actor=project_lead)
    with pytest.raises(Conflict) as error:
        make_update(project, NOVEMBER, actor=project_lead, summary="A second go")
    assert error.value.code == "update_exists"
    assert "November 2026" in error.value.message
    assert error.value.extra["existing_url"] == f"/projects/{project.slug}/updates/{first.pk}/"
    assert HeartbeatUpdate.objects.count() == 1


def test_the_database_allows_one_submitted_update_per_period(project):
    first = make_update(project, NOVEMBER)
    duplicate = HeartbeatUpdate(
        project=project,
        cadence="monthly",
        period_start=NOVEMBER,
        period_end=first.period_end,
        status=UpdateStatus.SUBMITTED,
        scale="five",
        confidence="green",
        summary="x",
        percent_complete=1,
        submitted_at=first.submitted_at,
        correction_number=0,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_second_draft_for_a_period_is_refused(project, project_lead):
    draft = make_update(project, NOVEMBER, submit=False, actor=project_lead)
    with pytest.raises(Conflict) as error:
        make_update(project, NOVEMBER, submit=False, actor=project_lead)
    assert error.value.code == "draft_exists"
    assert error.value.extra["existing_url"].endswith(f"/updates/{draft.pk}/edit/")


def test_future_periods_are_refused(project, project_lead):
    with pytest.raises(InvalidInput) as error:
        make_update(project, JANUARY, actor=project_lead)
    assert error.value.code == "future_period"
    assert "January 2027 has not started yet" in error.value.message
    # This period is fine, even before its due day.
    assert make_update(project, DECEMBER, actor=project_lead).period_start == DECEMBER


def test_a_period_must_start_a_period_of_the_projects_cadence(
    project, project_lead, programme_office
):
    with pytest.raises(InvalidInput, match="not the start of a monthly reporting period"):
        make_update(project, datetime.date(2026, 11, 15), actor=project_lead)
    project_cadence_set(actor=programme_office, project=project, cadence=Cadence.QUARTERLY)
    with pytest.raises(InvalidInput, match="Q3 2026-27"):
        make_update(project, NOVEMBER, actor=project_lead)
    update = make_update(project, datetime.date(2026, 10, 1), actor=project_lead)
    assert (update.cadence, update.period_end) == ("quarterly", datetime.date(2026, 12, 31))


@pytest.mark.parametrize("stage", [Stage.PROPOSED, Stage.APPROVED, Stage.CLOSED])
def test_updates_are_for_projects_recruiting_or_in_delivery(project_lead, stage):
    project = active_project(project_lead=project_lead, stage=stage)
    with pytest.raises(ApplicationError) as error:
        make_update(project, NOVEMBER, actor=project_lead)
    assert error.value.code == "not_reporting"


def test_nul_bytes_and_overlong_text_are_refused(project, project_lead):
    with pytest.raises(InvalidInput, match="NUL"):
        make_update(project, NOVEMBER, actor=project_lead, summary="Bad\x00text")
    with pytest.raises(InvalidInput, match="2,000 characters or fewer"):
        make_update(project, NOVEMBER, actor=project_lead, summary="x" * 2001)
    with pytest.raises(InvalidInput) as error:
        make_update(project, NOVEMBER, actor=project_lead, schedule="purple")
    assert error.value.field == "schedule"


def test_only_the_lead_or_the_office_write_updates(
    project, organisation_lead, member, programme_office
):
    other_lead = UserFactory(is_project_lead=True)
    for person in (organisation_lead, member, other_lead):
        with pytest.raises(PermissionDenied):
            make_update(project, NOVEMBER, actor=person)
    assert make_update(project, NOVEMBER, actor=programme_office).submitted_by == programme_office


def test_editing_a_draft_someone_saved_since_conflicts(project, project_lead, programme_office):
    draft = make_update(project, NOVEMBER, submit=False, actor=project_lead)
    update_save(
        actor=programme_office,
        project=project,
        data=update_input(NOVEMBER, summary="Office"),
        submit=False,
        draft=draft,
        expected_version=1,
        today=TODAY,
    )
    with pytest.raises(Conflict):
        update_save(
            actor=project_lead,
            project=project,
            data=update_input(NOVEMBER),
            submit=False,
            draft=draft,
            expected_version=1,
            today=TODAY,
        )
    draft.refresh_from_db()
    assert draft.summary == "Office"


def test_a_correction_is_a_new_version_and_keeps_the_old(project, project_lead):
    original = make_update(
        project, NOVEMBER, actor=project_lead, confidence="green", summary="On track."
    )
    corrected = update_correct(
        actor=project_lead,
        update=original,
        data=update_input(NOVEMBER, confidence="amber", summary="Supplier slipped."),
        reason="The supplier told us after we reported.",
        today=TODAY,
    )
    original.refresh_from_db()
    assert original.status == UpdateStatus.CORRECTED
    assert (original.confidence, original.summary) == ("green", "On track.")
    assert corrected.status == UpdateStatus.SUBMITTED
    assert corrected.correction_number == 1
    assert corrected.corrects == original
    assert corrected.correction_reason == "The supplier told us after we reported."
    assert HeartbeatUpdate.objects.filter(project=project).count() == 2


def test_a_correction_needs_a_reason_and_the_latest_version(project, project_lead):
    original = make_update(project, NOVEMBER, actor=project_lead)
    with pytest.raises(InvalidInput) as error:
        update_correct(
            actor=project_lead,
            update=original,
            data=update_input(NOVEMBER),
            reason=" ",
            today=TODAY,
        )
    assert error.value.field == "reason"
    corrected = update_correct(
        actor=project_lead, update=original, data=update_input(NOVEMBER), reason="Typo", today=TODAY
    )
    with pytest.raises(Conflict) as error:
        update_correct(
            actor=project_lead,
            update=original,
            data=update_input(NOVEMBER),
            reason="Again",
            today=TODAY,
        )
    assert error.value.code == "already_corrected"
    assert error.value.extra["existing_id"] == corrected.pk


def test_the_database_requires_a_reason_for_a_correction(project):
    original = make_update(project, NOVEMBER)
    with pytest.raises(IntegrityError), transaction.atomic():
        HeartbeatUpdate.objects.filter(pk=original.pk).update(correction_number=1)


def test_a_draft_can_be_deleted_but_a_submitted_update_cannot(project, project_lead):
    draft = make_update(project, NOVEMBER, submit=False, actor=project_lead)
    update_delete_draft(actor=project_lead, update=draft)
    assert not HeartbeatUpdate.objects.exists()
    submitted = make_update(project, NOVEMBER, actor=project_lead)
    with pytest.raises(Conflict):
        update_delete_draft(actor=project_lead, update=submitted)


def test_listeners_hear_of_submissions_and_corrections_in_the_transaction(project, project_lead):
    heard = []

    def listener(*, update, actor):
        assert transaction.get_connection().in_atomic_block
        heard.append((update.pk, update.correction_number, actor))

    with hooks.update_submitted.replaced({"test": listener}):
        draft = make_update(project, NOVEMBER, submit=False, actor=project_lead)
        assert heard == []
        submitted = update_save(
            actor=project_lead,
            project=project,
            data=update_input(NOVEMBER),
            submit=True,
            draft=draft,
            expected_version=1,
            today=TODAY,
        )
        corrected = update_correct(
            actor=project_lead,
            update=submitted,
            data=update_input(NOVEMBER),
            reason="Typo",
            today=TODAY,
        )
    assert heard == [(submitted.pk, 0, project_lead), (corrected.pk, 1, project_lead)]


def test_a_listener_that_refuses_rolls_the_submission_back(project, project_lead):
    def refuse(*, update, actor):
        raise ApplicationError("No.")

    with hooks.update_submitted.replaced({"refuse": refuse}), pytest.raises(ApplicationError):
        make_update(project, NOVEMBER, actor=project_lead)
    assert not HeartbeatUpdate.objects.exists()
