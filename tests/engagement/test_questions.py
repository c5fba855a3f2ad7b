"""Questions: asking, one vote each, moderation, merging duplicates, answers, the response."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.engagement.models import Notification, Question, QuestionStatus, Vote, limits
from heartbeat.engagement.services import events as event_services
from heartbeat.engagement.services import questions as services
from tests.engagement.factories import EventFactory, QuestionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(title="Partnership Forum, winter")


def test_a_member_asks_a_question_that_waits_for_moderation(member, event):
    question = services.question_ask(actor=member, event=event, text_="  What is next?  ")
    assert question.text == "What is next?"
    assert question.status == QuestionStatus.PENDING


@pytest.mark.parametrize("text", ["", "   ", "x" * (limits.QUESTION + 1), "with a \x00 byte"])
def test_bad_questions_are_refused(member, event, text):
    with pytest.raises(InvalidInput) as error:
        services.question_ask(actor=member, event=event, text_=text)
    assert error.value.field == "text"
    assert not Question.objects.exists()


def test_questions_to_a_closed_event_are_refused(member, programme_office):
    ended = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=5),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    with pytest.raises(ApplicationError) as error:
        services.question_ask(actor=member, event=ended, text_="Too late?")
    assert error.value.code == "questions_closed"
    assert "it has ended" in error.value.message

    closing = EventFactory()
    event_services.event_close_questions(actor=programme_office, event=closing)
    with pytest.raises(ApplicationError) as error:
        services.question_ask(actor=member, event=closing, text_="Closed?")
    assert error.value.code == "questions_closed"
    assert not Question.objects.exists()


def test_questions_may_be_asked_during_the_event(member):
    live = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=2),
    )
    question = services.question_ask(actor=member, event=live, text_="Asked live")
    assert question.asked_during_event()


def test_one_vote_each(member, event):
    question = QuestionFactory(event=event)
    services.vote_add(actor=member, question=question)
    with pytest.raises(ApplicationError) as error:
        services.vote_add(actor=member, question=question)
    assert error.value.code == "already_voted"
    assert "one vote" in error.value.message
    question.refresh_from_db()
    assert question.vote_count == 1
    assert Vote.objects.count() == 1


def test_no_vote_for_ones_own_or_an_unapproved_question(member, event):
    own = QuestionFactory(event=event, asker=member)
    with pytest.raises(ApplicationError) as error:
        services.vote_add(actor=member, question=own)
    assert error.value.code == "own_question"
    pending = QuestionFactory(event=event, status=QuestionStatus.PENDING)
    with pytest.raises(ApplicationError) as error:
        services.vote_add(actor=member, question=pending)
    assert error.value.code == "not_approved"
    assert not Vote.objects.exists()


def test_a_vote_can_be_taken_back(member, event):
    question = QuestionFactory(event=event)
    services.vote_add(actor=member, question=question)
    assert services.vote_remove(actor=member, question=question).vote_count == 0
    with pytest.raises(ApplicationError):
        services.vote_remove(actor=member, question=question)


def test_moderation_approves_and_rejects_with_a_reason(programme_office, member, event):
    first = services.question_ask(actor=member, event=event, text_="First")
    second = services.question_ask(actor=member, event=event, text_="Second")
    services.question_approve(actor=programme_office, question=first)
    with pytest.raises(InvalidInput) as error:
        services.question_reject(actor=programme_office, question=second, reason=" ")
    assert error.value.field == "reason"
    services.question_reject(actor=programme_office, question=second, reason="Off topic")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == QuestionStatus.APPROVED
    assert (second.status, second.rejection_reason) == (QuestionStatus.REJECTED, "Off topic")


@pytest.mark.parametrize("role", ["member", "organisation_lead", "project_lead", "board_member"])
def test_only_the_programme_office_moderates(user_for_role, role, event):
    question = QuestionFactory(event=event, status=QuestionStatus.PENDING)
    actor = user_for_role(role)
    for attempt in (
        lambda: services.question_approve(actor=actor, question=question),
        lambda: services.question_reject(actor=actor, question=question, reason="No"),
        lambda: services.question_answer(actor=actor, question=question, answer="Yes"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    question.refresh_from_db()
    assert question.status == QuestionStatus.PENDING


def test_merging_a_duplicate_moves_its_votes_once_each(programme_office, council, event):
    original = QuestionFactory(event=event, text="When will telecare go digital?")
    duplicate = QuestionFactory(event=event, text="Telecare: analogue switch-off date?")
    both, only_dup, only_orig = (UserFactory(organisation=council) for _ in range(3))
    for voter in (both, only_orig):
        services.vote_add(actor=voter, question=original)
    for voter in (both, only_dup):
        services.vote_add(actor=voter, question=duplicate)
    # The original's asker voted for the duplicate: it cannot count for their own question.
    services.vote_add(actor=original.asker, question=duplicate)

    services.question_merge(actor=programme_office, question=duplicate, into=original)

    original.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.status == QuestionStatus.MERGED
    assert duplicate.merged_into == original
    assert duplicate.vote_count == 0
    assert set(original.votes.values_list("voter_id", flat=True)) == {
        both.pk,
        only_dup.pk,
        only_orig.pk,
    }
    assert original.vote_count == 3


@pytest.mark.parametrize("problem", ["itself", "other event", "not approved"])
def test_bad_merges_are_refused(programme_office, event, problem):
    duplicate = QuestionFactory(event=event)
    into = {
        "itself": duplicate,
        "other event": QuestionFactory(),
        "not approved": QuestionFactory(event=event, status=QuestionStatus.PENDING),
    }[problem]
    with pytest.raises(InvalidInput) as error:
        services.question_merge(actor=programme_office, question=duplicate, into=into)
    assert error.value.field == "into"
    duplicate.refresh_from_db()
    assert duplicate.status == QuestionStatus.APPROVED


def test_answering_tells_the_asker_and_the_askers_of_merged_duplicates(
    programme_office, member, council, event, django_capture_on_commit_callbacks
):
    question = services.question_ask(actor=member, event=event, text_="What about data?")
    other = UserFactory(organisation=council, email="other@aberdeencity.gov.uk")
    duplicate = services.question_ask(actor=other, event=event, text_="Data?")
    services.question_approve(actor=programme_office, question=question)
    services.question_merge(actor=programme_office, question=duplicate, into=question)

    with django_capture_on_commit_callbacks(execute=True):
        services.question_answer(
            actor=programme_office, question=question, answer="A data standard by March."
        )

    notified = set(Notification.objects.filter(kind="answer").values_list("recipient", flat=True))
    assert notified == {member.pk, other.pk}
    assert {tuple(m.to) for m in mail.outbox} == {(member.email,), (other.email,)}
    assert all("has been answered" in m.subject for m in mail.outbox)

    # Correcting the answer tells no one a second time.
    question.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.question_answer(
            actor=programme_office,
            question=question,
            answer="A data standard by April.",
            version=question.version,
        )
    assert len(mail.outbox) == 2


def test_an_answer_made_from_an_old_copy_conflicts(programme_office, event):
    question = QuestionFactory(event=event)
    services.question_answer(actor=programme_office, question=question, answer="One", version=1)
    with pytest.raises(Conflict):
        services.question_answer(actor=programme_office, question=question, answer="Two", version=1)
    question.refresh_from_db()
    assert question.answer == "One"


def test_a_rejected_or_answered_question_cannot_be_answered_or_rejected(programme_office, event):
    rejected = QuestionFactory(
        event=event,
        status=QuestionStatus.REJECTED,
        rejection_reason="Duplicate of an earlier forum's",
    )
    with pytest.raises(ApplicationError) as error:
        services.question_answer(actor=programme_office, question=rejected, answer="Yes")
    assert error.value.code == "not_approved"
    answered = QuestionFactory(event=event)
    services.question_answer(actor=programme_office, question=answered, answer="Yes")
    with pytest.raises(ApplicationError) as error:
        services.question_reject(actor=programme_office, question=answered, reason="No")
    assert error.value.code == "question_answered"


def test_publishing_the_response_tells_each_asker_and_the_followers(
    programme_office, member, other_organisation_lead, django_capture_on_commit_callbacks
):
    from heartbeat.engagement.models import Follow

    event = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-4),
    )
    Follow.objects.create(person=other_organisation_lead, event=event)
    answered = QuestionFactory(event=event, asker=member)
    QuestionFactory(event=event)  # approved, not answered: its asker is not told
    services.question_answer(actor=programme_office, question=answered, answer="Yes.")
    mail.outbox.clear()
    draft = services.response_save(actor=programme_office, event=event, body="Thank you.")
    assert not draft.is_published
    with django_capture_on_commit_callbacks(execute=True):
        response = services.response_save(
            actor=programme_office,
            event=event,
            body="Thank you all.",
            publish=True,
            version=draft.version,
        )
    assert response.is_published
    by_person = dict(
        Notification.objects.filter(kind="response").values_list("recipient_id", "title")
    )
    assert by_person == {
        member.pk: f"The response to {event.title} is published: it answers your question",
        other_organisation_lead.pk: f"The response to {event.title} is published",
    }


def test_a_response_needs_an_answered_question_and_a_started_event(programme_office):
    future = EventFactory()
    with pytest.raises(ApplicationError) as error:
        services.response_save(actor=programme_office, event=future, body="x", publish=True)
    assert error.value.code == "event_not_started"
    past = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    with pytest.raises(ApplicationError) as error:
        services.response_save(actor=programme_office, event=past, body="x", publish=True)
    assert error.value.code == "nothing_answered"
