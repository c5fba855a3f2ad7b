"""Follows and notifications: who hears of what, by email straight away or weekly, once."""

import datetime

import pytest
from django.core import mail, signing
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.engagement import notify
from heartbeat.engagement.models import (
    Digest,
    EmailDelivery,
    EmailFrequency,
    Follow,
    Notification,
    NotificationPreference,
)
from heartbeat.engagement.services import follows as services
from heartbeat.engagement.tasks import notify_stage_change, send_weekly_digests
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.services import project_transition
from tests.engagement.factories import EventFactory
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory, complete_definition

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(council):
    """A recruiting project whose definition is complete, so it may move into delivery."""
    return complete_definition(
        ProjectFactory(
            title="Digital telecare",
            slug="digital-telecare",
            stage=Stage.RECRUITING,
            theme=ThemeFactory(name="Digital Services", slug="digital-services"),
        )
    )


def choose(person, frequency):
    NotificationPreference.objects.update_or_create(person=person, defaults={"email": frequency})


def test_follow_and_unfollow(member, project):
    target = services.resolve_target(member, "project", project.slug)
    services.follow_add(actor=member, target=target)
    with pytest.raises(ApplicationError) as error:
        services.follow_add(actor=member, target=target)
    assert error.value.code == "already_following"
    services.follow_remove(actor=member, target=target)
    assert not Follow.objects.exists()
    with pytest.raises(ApplicationError):
        services.follow_remove(actor=member, target=target)


@pytest.mark.parametrize(
    ("kind", "slug"),
    [
        ("person", "x"),
        ("project", "no-such"),
        ("theme", ""),
        ("event", "a\x00b"),
        ("theme", "x" * 201),
    ],
)
def test_following_something_that_does_not_exist_is_refused(member, kind, slug):
    with pytest.raises(InvalidInput):
        services.resolve_target(member, kind, slug)


def test_a_partnership_project_cannot_be_followed_by_a_visitor(project):
    from django.contrib.auth.models import AnonymousUser

    project.visibility = "partnership"
    project.save()
    with pytest.raises(InvalidInput):
        services.resolve_target(AnonymousUser(), "project", project.slug)


def test_a_stage_change_notifies_followers_of_the_project_and_its_theme_after_commit(
    programme_office, member, other_organisation_lead, project, django_capture_on_commit_callbacks
):
    Follow.objects.create(person=member, project=project)
    Follow.objects.create(person=other_organisation_lead, theme=project.theme)
    Follow.objects.create(person=programme_office, project=project)  # the actor: not told
    choose(other_organisation_lead, EmailFrequency.WEEKLY)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        project_transition(actor=programme_office, project=project, to_stage=Stage.IN_DELIVERY)
    assert not Notification.objects.exists()  # nothing before the move commits
    for callback in callbacks:
        callback()

    notifications = Notification.objects.order_by("recipient__email")
    assert [n.recipient for n in notifications] == [other_organisation_lead, member]
    assert notifications[0].title == "Digital telecare moved to in delivery"
    assert notifications[0].link == "/projects/digital-telecare/"
    # The member gets an email straight away; the lead chose the weekly digest.
    (email,) = mail.outbox
    assert email.to == [member.email]
    assert email.subject == "Digital telecare moved to in delivery"


def test_the_same_cause_never_notifies_or_emails_twice(member, project, programme_office):
    Follow.objects.create(person=member, project=project)
    transition = project_transition(
        actor=programme_office, project=project, to_stage=Stage.IN_DELIVERY
    )
    notify_stage_change.call(transition_id=transition.pk)
    notify_stage_change.call(transition_id=transition.pk)
    assert Notification.objects.count() == 1
    assert EmailDelivery.objects.count() == 1
    assert len(mail.outbox) == 1


def test_people_who_chose_never_get_no_email_but_see_the_notification(
    member, project, programme_office
):
    Follow.objects.create(person=member, project=project)
    choose(member, EmailFrequency.NEVER)
    transition = project_transition(
        actor=programme_office, project=project, to_stage=Stage.IN_DELIVERY
    )
    notify_stage_change.call(transition_id=transition.pk)
    assert Notification.objects.filter(recipient=member).count() == 1
    assert mail.outbox == []


def make_notification(person, key, when=None, **fields):
    return Notification.objects.create(
        recipient=person,
        kind="news",
        key=key,
        title=f"News {key}",
        link="/news/",
        created_at=when or timezone.now(),
        **fields,
    )


def test_the_weekly_digest_lists_unread_notifications_once(member, organisation_lead):
    choose(member, EmailFrequency.WEEKLY)
    choose(organisation_lead, EmailFrequency.IMMEDIATE)
    due = timezone.now()
    make_notification(member, "news:1", due - datetime.timedelta(days=2))
    make_notification(member, "news:2", due - datetime.timedelta(days=1))
    make_notification(
        member, "news:3", due - datetime.timedelta(days=1), read_at=due
    )  # read already: not emailed
    make_notification(member, "news:4", due + datetime.timedelta(minutes=1))  # after the due time
    make_notification(organisation_lead, "news:5", due - datetime.timedelta(days=1))

    result = send_weekly_digests.call(due_at=due.isoformat())
    assert result == {"emails": 1, "notifications": 2}
    (email,) = mail.outbox
    assert email.to == [member.email]
    assert email.subject == "Your weekly Heartbeat digest: 2 notifications"
    assert "News news:1" in email.body and "News news:2" in email.body
    assert "news:3" not in email.body and "news:4" not in email.body
    assert email.extra_headers["List-Unsubscribe"].startswith("<http")

    # Run again for the same week, or the next: nothing is sent twice.
    assert send_weekly_digests.call(due_at=due.isoformat()) == {"emails": 0, "notifications": 0}
    later = due + datetime.timedelta(days=7)
    assert send_weekly_digests.call(due_at=later.isoformat()) == {
        "emails": 1,
        "notifications": 1,
    }  # only news:4, which came after the first digest
    assert Digest.objects.count() == 2
    assert len(mail.outbox) == 2


def test_every_email_carries_a_working_unsubscribe_link(client, member):
    token = notify.unsubscribe_token(member)
    url = f"/notifications/unsubscribe/{token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert member.email in page.content.decode()
    assert not NotificationPreference.objects.exists()  # looking changes nothing

    done = client.post(url)
    assert done.status_code == 200
    assert "You are unsubscribed" in done.content.decode()
    assert NotificationPreference.objects.get(person=member).email == EmailFrequency.NEVER


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("aa" if not t.endswith("aa") else "bb"),
        lambda t: signing.dumps({"u": 1}, salt="another.salt"),
        lambda t: "not-a-token",
    ],
)
def test_a_tampered_unsubscribe_link_is_refused_clearly(client, member, mangle):
    token = mangle(notify.unsubscribe_token(member))
    response = client.post(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 400
    assert "This unsubscribe link does not work" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_another_persons_token_names_only_them(member, organisation_lead):
    token = notify.unsubscribe_token(organisation_lead)
    assert notify.person_from_token(token) == organisation_lead


def test_marking_read(member):
    first = make_notification(member, "a")
    make_notification(member, "b")
    other = make_notification(UserFactory(), "c")
    services.notification_mark_read(actor=member, notification=first)
    assert Notification.objects.filter(recipient=member).unread().count() == 1
    with pytest.raises(ApplicationError):
        services.notification_mark_read(actor=member, notification=other)
    assert services.notifications_mark_all_read(actor=member) == 1


def test_event_followers_are_recorded_per_event(member):
    event = EventFactory()
    services.follow_add(actor=member, target=event)
    assert Follow.objects.get().kind == "event"
