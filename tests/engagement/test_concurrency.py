"""Rules that must hold when two people (or two workers) act at the same moment, on
PostgreSQL with real connections. SQLite serialises every write transaction, so these
races cannot happen there: the tests are skipped on it."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.models import ScheduledRun
from heartbeat.engagement.models import (
    Digest,
    EmailFrequency,
    Follow,
    Notification,
    NotificationPreference,
    Registration,
    RegistrationStatus,
    Vote,
)
from heartbeat.engagement.services import events as event_services
from heartbeat.engagement.services import questions as question_services
from heartbeat.engagement.tasks import notify_stage_change, send_weekly_digests
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.services import project_transition
from tests.engagement.factories import EventFactory, QuestionFactory
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, complete_definition

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises write transactions: two at the same moment need PostgreSQL",
    ),
]


def at_once(*calls):
    """Run each call in its own thread and connection, released together; return what each
    returned or raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # the test inspects it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_registrations_for_the_last_place_give_one_place_and_one_wait(council):
    event = EventFactory(capacity=1)
    first, second = UserFactory(organisation=council), UserFactory(organisation=council)
    results = at_once(
        lambda: event_services.registration_create(actor=first, event=event),
        lambda: event_services.registration_create(actor=second, event=event),
    )
    assert not any(isinstance(r, Exception) for r in results), results
    assert sorted(r.status for r in results) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    ]
    assert Registration.objects.confirmed().count() == 1


def test_one_person_registering_twice_at_once_gets_one_registration(member):
    event = EventFactory()
    results = at_once(
        lambda: event_services.registration_create(actor=member, event=event),
        lambda: event_services.registration_create(actor=member, event=event),
    )
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(refused) == 1 and refused[0].code == "already_registered"
    assert Registration.objects.active().count() == 1


def test_two_cancellations_at_once_promote_two_different_people(council):
    event = EventFactory(capacity=2)
    people = [UserFactory(organisation=council) for _ in range(4)]
    for person in people:
        event_services.registration_create(actor=person, event=event)
    results = at_once(
        lambda: event_services.registration_cancel(actor=people[0], event=event),
        lambda: event_services.registration_cancel(actor=people[1], event=event),
    )
    assert not any(isinstance(r, Exception) for r in results), results
    confirmed = set(Registration.objects.confirmed().values_list("person_id", flat=True))
    assert confirmed == {people[2].pk, people[3].pk}


def test_two_votes_at_once_by_one_person_count_once(member):
    question = QuestionFactory()
    results = at_once(
        lambda: question_services.vote_add(actor=member, question=question),
        lambda: question_services.vote_add(actor=member, question=question),
    )
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(refused) == 1 and refused[0].code == "already_voted"
    question.refresh_from_db()
    assert question.vote_count == 1 == Vote.objects.count()


def test_votes_by_many_people_at_once_are_all_counted(council):
    question = QuestionFactory()
    voters = [UserFactory(organisation=council) for _ in range(4)]
    at_once(*(lambda v=v: question_services.vote_add(actor=v, question=question) for v in voters))
    question.refresh_from_db()
    assert question.vote_count == 4


def test_a_follower_receives_the_weekly_digest_exactly_once_with_two_workers(
    settings, member, programme_office, monkeypatch
):
    """The database queue, two `heartbeat worker` processes' worth of work at once, and the
    digest's task queued twice over: one email."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    project = complete_definition(
        ProjectFactory(title="Shared revenues and benefits", stage=Stage.RECRUITING)
    )
    Follow.objects.create(person=member, project=project)
    NotificationPreference.objects.create(person=member, email=EmailFrequency.WEEKLY)
    transition = project_transition(
        actor=programme_office, project=project, to_stage=Stage.IN_DELIVERY
    )
    # The stage change's fan-out went to the database queue: run it.
    call_command("worker", "--batch", "--no-schedule")
    assert Notification.objects.filter(recipient=member).count() == 1
    assert mail.outbox == []  # a weekly person gets no email straight away
    assert transition.pk

    # Queue an extra copy of this week's digest, as a second scheduler might have.
    from heartbeat.core.schedule import scheduled_jobs

    (job,) = [j for j in scheduled_jobs() if j.name == "engagement.weekly_digest"]
    due_at = job.last_due(timezone.now() + datetime.timedelta(days=7))
    monkeypatch.setattr(
        "heartbeat.core.schedule.timezone.now", lambda: due_at + datetime.timedelta(minutes=1)
    )
    send_weekly_digests.enqueue(due_at=due_at.isoformat())

    results = at_once(
        lambda: call_command("worker", "--batch"),
        lambda: call_command("worker", "--batch"),
    )
    assert not any(isinstance(r, Exception) for r in results), results
    # Both workers polled the schedule; the digest's due time was queued once...
    assert ScheduledRun.objects.filter(job="engagement.weekly_digest").count() == 1
    # ...and with the extra copy two digest tasks ran, yet one email went out.
    digests = [m for m in mail.outbox if "weekly Heartbeat digest" in m.subject]
    assert len(digests) == 1
    assert digests[0].to == [member.email]
    assert "Shared revenues and benefits moved to in delivery" in digests[0].body
    assert Digest.objects.count() == 1

    # A later run sends nothing new.
    call_command("worker", "--batch")
    assert len([m for m in mail.outbox if "digest" in m.subject]) == 1


def test_the_same_stage_change_fanned_out_twice_at_once_emails_once(member, programme_office):
    project = complete_definition(ProjectFactory(stage=Stage.RECRUITING))
    Follow.objects.create(person=member, project=project)
    transition = project_transition(
        actor=programme_office, project=project, to_stage=Stage.IN_DELIVERY
    )
    mail.outbox.clear()
    Notification.objects.all().delete()
    at_once(
        lambda: notify_stage_change.call(transition_id=transition.pk),
        lambda: notify_stage_change.call(transition_id=transition.pk),
    )
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
