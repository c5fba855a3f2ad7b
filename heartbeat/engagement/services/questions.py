"""Questions to an event: ask, upvote, moderate, merge duplicates, answer; the response."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.engagement import permissions
from heartbeat.engagement.markdown import render_markdown
from heartbeat.engagement.models import (
    Event,
    EventResponse,
    Question,
    QuestionStatus,
    Vote,
    limits,
)
from heartbeat.engagement.services._common import check_version, require, save, text


def _on_commit_task(name: str, **kwargs) -> None:
    from heartbeat.engagement import tasks

    transaction.on_commit(lambda: getattr(tasks, name).enqueue(**kwargs))


@transaction.atomic
def question_ask(*, actor, event: Event, text_: str, anonymous: bool = False) -> Question:
    """Ask a question before or during an event; it shows once the programme office approves
    it."""
    require(permissions.can_ask(actor), "Sign in to ask a question.")
    current = Event.objects.select_for_update().get(pk=event.pk)
    if not current.accepts_questions():
        raise ApplicationError(
            f"{current.title} is closed to questions"
            + (": it has ended." if current.has_ended() else "."),
            code="questions_closed",
            status=409,
        )
    body = text(text_, field="text", label="Your question", limit=limits.QUESTION, required=True)
    question = Question(event=current, asker=actor, text=body, anonymous=bool(anonymous))
    save(question, actor)
    return question


def _locked(question: Question) -> Question:
    return Question.objects.select_for_update().select_related("event").get(pk=question.pk)


def _recount(question: Question) -> None:
    question.vote_count = Vote.objects.filter(question=question).count()


def vote_add(*, actor, question: Question) -> Question:
    """Upvote a question: one vote each, not for one's own, only approved questions."""
    require(permissions.is_member(actor), "Sign in to upvote questions.")
    with transaction.atomic():
        current = _locked(question)
        if current.asker_id == actor.pk:
            raise ApplicationError(
                "You cannot upvote your own question.", code="own_question", status=409
            )
        if current.status != QuestionStatus.APPROVED:
            raise ApplicationError(
                "Only approved questions can be upvoted.", code="not_approved", status=409
            )
        if current.event.has_ended():
            raise ApplicationError(
                "Voting has closed: the event has ended.", code="voting_closed", status=409
            )
        try:
            with transaction.atomic():
                Vote.objects.create(question=current, voter=actor)
        except IntegrityError:
            raise ApplicationError(
                "You have already upvoted this question: each person has one vote.",
                code="already_voted",
                status=409,
            ) from None
        _recount(current)
        current.save(update_fields=["vote_count", "updated_at"])
    return current


def vote_remove(*, actor, question: Question) -> Question:
    require(permissions.is_member(actor), "Sign in to change your vote.")
    with transaction.atomic():
        current = _locked(question)
        deleted, _ = Vote.objects.filter(question=current, voter=actor).delete()
        if not deleted:
            raise ApplicationError(
                "You have not upvoted this question.", code="not_voted", status=409
            )
        _recount(current)
        current.save(update_fields=["vote_count", "updated_at"])
    return current


def _moderate(actor, question: Question, version: int | None) -> Question:
    require(permissions.can_moderate(actor), "Only the programme office moderates questions.")
    current = _locked(question)
    check_version(current, version, "question")
    return current


def _stamp(current: Question, actor) -> None:
    current.moderated_by = actor
    current.moderated_at = timezone.now()
    current.version += 1
    save(current, actor)


@transaction.atomic
def question_approve(*, actor, question: Question, version: int | None = None) -> Question:
    current = _moderate(actor, question, version)
    if current.status == QuestionStatus.MERGED:
        raise ApplicationError(
            "This question was merged into another: it cannot be approved on its own.",
            code="question_merged",
            status=409,
        )
    current.status = QuestionStatus.APPROVED
    current.rejection_reason = ""
    _stamp(current, actor)
    return current


@transaction.atomic
def question_reject(
    *, actor, question: Question, reason: str, version: int | None = None
) -> Question:
    current = _moderate(actor, question, version)
    reason = text(reason, field="reason", label="The reason", limit=limits.REASON, required=True)
    if current.status == QuestionStatus.MERGED:
        raise ApplicationError(
            "This question was merged into another: it cannot be rejected.",
            code="question_merged",
            status=409,
        )
    if current.is_answered:
        raise ApplicationError(
            "This question has been answered: it cannot be rejected.",
            code="question_answered",
            status=409,
        )
    current.status = QuestionStatus.REJECTED
    current.rejection_reason = reason
    _stamp(current, actor)
    return current


@transaction.atomic
def question_merge(
    *, actor, question: Question, into: Question, version: int | None = None
) -> Question:
    """Merge a duplicate into another question of the same event. Its votes move across
    (a person who voted for both keeps one vote), and its asker hears the answer."""
    require(permissions.can_moderate(actor), "Only the programme office moderates questions.")
    # Lock both in id order so two merges the other way round cannot deadlock.
    locked = {
        q.pk: q
        for q in Question.objects.select_for_update()
        .select_related("event")
        .filter(pk__in=[question.pk, into.pk])
        .order_by("pk")
    }
    current, target = locked[question.pk], locked[into.pk]
    check_version(current, version, "question")
    if target.pk == current.pk:
        raise InvalidInput("A question cannot be merged into itself.", field="into")
    if target.event_id != current.event_id:
        raise InvalidInput("Merge into a question of the same event.", field="into")
    if target.status != QuestionStatus.APPROVED:
        raise InvalidInput("Merge into an approved question.", field="into")
    if current.status == QuestionStatus.MERGED:
        raise ApplicationError(
            "This question is already merged into another.", code="question_merged", status=409
        )
    if current.is_answered:
        raise ApplicationError(
            "This question has been answered: it cannot be merged.",
            code="question_answered",
            status=409,
        )
    voters_of_target = Vote.objects.filter(question=target).values("voter_id")
    moving = Vote.objects.filter(question=current).exclude(voter_id__in=voters_of_target)
    # The target's asker cannot vote for their own question, even by a merge.
    moving.filter(voter_id=target.asker_id).delete()
    moving.update(question=target)
    Vote.objects.filter(question=current).delete()
    # Questions merged into the duplicate follow it.
    Question.objects.filter(merged_into=current).update(merged_into=target)
    current.status = QuestionStatus.MERGED
    current.merged_into = target
    current.vote_count = 0
    _stamp(current, actor)
    _recount(target)
    target.save(update_fields=["vote_count", "updated_at"])
    return current


@transaction.atomic
def question_answer(
    *, actor, question: Question, answer: str, version: int | None = None
) -> Question:
    """Write (or correct) the answer to an approved question; its askers are told."""
    require(permissions.can_answer(actor), "Only the programme office answers questions.")
    current = _locked(question)
    check_version(current, version, "question")
    if current.status == QuestionStatus.PENDING:
        current.status = QuestionStatus.APPROVED
        current.moderated_by = actor
        current.moderated_at = timezone.now()
    if current.status != QuestionStatus.APPROVED:
        raise ApplicationError(
            f"A question that is {current.get_status_display().lower()} cannot be answered.",
            code="not_approved",
            status=409,
        )
    current.answer = text(
        answer, field="answer", label="The answer", limit=limits.ANSWER, required=True
    )
    first_time = current.answered_at is None
    current.answered_at = current.answered_at or timezone.now()
    current.answered_by = actor
    current.version += 1
    save(current, actor)
    if first_time:
        _on_commit_task("notify_question_answered", question_id=current.pk)
    return current


# The published response --------------------------------------------------------------------


@transaction.atomic
def response_save(
    *, actor, event: Event, body: str, publish: bool = False, version: int | None = None
) -> EventResponse:
    """Write the response to an event's questions; publishing it tells each asker whose
    question it answers."""
    require(
        permissions.can_publish_response(actor), "Only the programme office publishes the response."
    )
    current_event = Event.objects.select_for_update().get(pk=event.pk)
    response = EventResponse.objects.select_for_update().filter(event=current_event).first()
    if response is None:
        response = EventResponse(event=current_event)
    else:
        check_version(response, version, "response")
        response.version += 1
    response.body = text(
        body,
        field="body",
        label="The response",
        limit=limits.RESPONSE_BODY,
        required=True,
        strip=False,
    ).strip("\n")
    response.body_html = render_markdown(response.body)
    newly_published = False
    if publish and response.published_at is None:
        if not current_event.has_started():
            raise ApplicationError(
                "Publish the response after the event has started.",
                code="event_not_started",
                status=409,
            )
        if not current_event.questions.answered().exists():
            raise ApplicationError(
                "Answer at least one question before publishing the response.",
                code="nothing_answered",
                status=409,
            )
        response.published_at = timezone.now()
        response.published_by = actor
        newly_published = True
    save(response, actor)
    if newly_published:
        _on_commit_task("notify_response_published", response_id=response.pk)
    return response
