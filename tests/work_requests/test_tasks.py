"""Emails about a request's triage: who hears, and what they read."""

import pytest
from django.core import mail

from heartbeat.work_requests import services
from heartbeat.work_requests.models import State
from heartbeat.work_requests.tasks import notify_request_change
from tests.factories import OrganisationFactory, UserFactory
from tests.work_requests.factories import SupportFactory, WorkRequestFactory

pytestmark = pytest.mark.django_db


def test_a_duplicate_tells_the_supporters_who_moved(
    programme_office, django_capture_on_commit_callbacks
):
    fife_lead = UserFactory(organisation=OrganisationFactory(name="Fife"), email="lead@fife.gov.uk")
    moray_person = UserFactory(
        organisation=OrganisationFactory(name="Moray"), email="it@moray.gov.uk"
    )
    original = WorkRequestFactory(title="Garden waste permits online")
    duplicate = WorkRequestFactory(
        organisation=fife_lead.organisation, raised_by=fife_lead, state=State.UNDER_REVIEW
    )
    SupportFactory(
        work_request=duplicate, organisation=moray_person.organisation, supported_by=moray_person
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.work_request_triage(
            actor=programme_office,
            work_request=duplicate,
            to_state="duplicate",
            duplicate_of=original,
        )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"lead@fife.gov.uk", "it@moray.gov.uk"}
    moray = by_address["it@moray.gov.uk"]
    assert (
        moray.subject
        == f"A request you support, {duplicate.reference}, has been marked as a duplicate"
    )
    assert (
        f"It asks for the same as {original.reference}: Garden waste permits online." in moray.body
    )
    assert f"/requests/{original.pk}/" in moray.body


def test_inactive_people_and_the_actor_are_not_emailed(
    programme_office, django_capture_on_commit_callbacks
):
    gone = UserFactory(is_active=False)
    work_request = WorkRequestFactory(organisation=gone.organisation, raised_by=gone)
    with django_capture_on_commit_callbacks(execute=True):
        services.work_request_triage(
            actor=programme_office, work_request=work_request, to_state="under_review"
        )
    assert mail.outbox == []


def test_a_missing_change_sends_nothing():
    assert notify_request_change.call(change_id=999999) == 0
