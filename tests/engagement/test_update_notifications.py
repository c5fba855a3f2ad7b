"""A project's followers hear of each heartbeat update submitted or corrected, once."""

import pytest
from django.core import mail

from heartbeat.delivery.models import HeartbeatUpdate
from heartbeat.delivery.services import update_correct, update_save
from heartbeat.engagement.models import (
    EmailDelivery,
    EmailFrequency,
    Follow,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from heartbeat.engagement.tasks import notify_update_submitted
from tests.delivery.factories import TODAY, active_project, make_update, month, update_input
from tests.factories import UserFactory
from tests.portfolio.factories import ThemeFactory

pytestmark = pytest.mark.django_db

NOVEMBER = month(2026, 11)


@pytest.fixture
def project(project_lead):
    return active_project(
        project_lead=project_lead,
        title="Digital telecare",
        slug="digital-telecare",
        theme=ThemeFactory(name="Digital Services", slug="digital-services"),
    )


@pytest.fixture
def followers(project, member, other_organisation_lead, project_lead):
    """A member follows the project, a lead elsewhere its theme (weekly emails), and the
    project's lead, who writes the update, follows it too."""
    Follow.objects.create(person=member, project=project)
    Follow.objects.create(person=other_organisation_lead, theme=project.theme)
    Follow.objects.create(person=project_lead, project=project)
    Follow.objects.create(person=UserFactory(), project=active_project())  # another project
    NotificationPreference.objects.create(
        person=other_organisation_lead, email=EmailFrequency.WEEKLY
    )
    return [member, other_organisation_lead]


def test_followers_of_the_project_and_its_theme_hear_of_a_submitted_update_after_commit(
    project, project_lead, followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        update = make_update(
            project, NOVEMBER, actor=project_lead, confidence="amber", summary="Alarms moved."
        )
    assert not Notification.objects.exists()  # nothing before the update commits
    for callback in callbacks:
        callback()

    notifications = list(Notification.objects.order_by("recipient__email"))
    assert {n.recipient for n in notifications} == set(followers)  # not the lead who wrote it
    for notification in notifications:
        assert notification.kind == NotificationKind.UPDATE
        assert notification.title == "Digital telecare: new heartbeat update for November 2026"
        assert "Alarms moved." in notification.body
        assert notification.link == update.get_absolute_url()
    # The member is emailed straight away; the lead elsewhere chose the weekly digest.
    (email,) = mail.outbox
    assert email.to == [followers[0].email]
    assert email.subject == "Digital telecare: new heartbeat update for November 2026"


def test_running_the_task_twice_notifies_and_emails_once(
    project, project_lead, followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        update = make_update(project, NOVEMBER, actor=project_lead)
    assert Notification.objects.count() == 2
    assert notify_update_submitted.call(update_id=update.pk, actor_id=project_lead.pk) == 2
    notify_update_submitted.call(update_id=update.pk)
    assert Notification.objects.filter(recipient__in=followers).count() == 2
    assert Notification.objects.count() == 3  # the lead, told by the run without an actor
    assert EmailDelivery.objects.count() == 2
    assert len(mail.outbox) == 2


def test_a_draft_notifies_nobody_until_it_is_submitted(
    project, project_lead, followers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = make_update(project, NOVEMBER, actor=project_lead, submit=False)
    assert not Notification.objects.exists()
    assert notify_update_submitted.call(update_id=draft.pk) == 0
    assert not Notification.objects.exists()
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        update_save(
            actor=project_lead,
            project=project,
            data=update_input(NOVEMBER),
            submit=True,
            draft=draft,
            today=TODAY,
        )
    assert Notification.objects.count() == 2


def test_a_correction_tells_the_followers_again_with_its_reason(
    project, project_lead, followers, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        update = make_update(project, NOVEMBER, actor=project_lead)
    with django_capture_on_commit_callbacks(execute=True):
        corrected = update_correct(
            actor=project_lead,
            update=update,
            data=update_input(NOVEMBER, summary="Alarms moved, one council later."),
            reason="The wrong council was named.",
            today=TODAY,
        )
    latest = Notification.objects.get(recipient=member, key=f"update:{corrected.pk}")
    assert latest.title == "Digital telecare: the update for November 2026 was corrected"
    assert "The wrong council was named." in latest.body
    assert Notification.objects.filter(recipient=member).count() == 2
    # A run for the replaced version, late, tells no one: the correction has.
    Notification.objects.filter(key=f"update:{update.pk}").delete()
    assert notify_update_submitted.call(update_id=update.pk) == 0
    assert not Notification.objects.filter(key=f"update:{update.pk}").exists()
    assert HeartbeatUpdate.objects.filter(project=project).count() == 2
