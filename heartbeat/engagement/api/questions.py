"""Questions and votes; moderation and answers for the programme office."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput, NotFound, PermissionDenied
from heartbeat.engagement import permissions
from heartbeat.engagement.api._common import MAX_LIMIT, ErrorOut, NoNul, PersonRef, person_ref
from heartbeat.engagement.models import Event, Question, QuestionStatus, limits
from heartbeat.engagement.selectors import events as event_selectors
from heartbeat.engagement.selectors import questions as selectors
from heartbeat.engagement.services import questions as services

router = Router(tags=["questions"])


class QuestionOut(Schema):
    id: int
    event: str
    text: str
    anonymous: bool
    asked_by: PersonRef | None = Field(description="Left out when anonymous to you")
    status: str
    rejection_reason: str
    merged_into: int | None
    votes: int
    voted: bool
    answer: str
    answered_at: datetime.datetime | None
    created_at: datetime.datetime
    version: int


class QuestionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[QuestionOut]


class QuestionIn(NoNul):
    text: str = Field(max_length=limits.QUESTION)
    anonymous: bool = False


class ModerationIn(NoNul):
    action: str = Field(description="approve, reject or merge")
    reason: str = Field("", max_length=limits.REASON, description="Required to reject")
    into: int | None = Field(None, description="The question to merge into")
    version: int | None = None


class AnswerIn(NoNul):
    answer: str = Field(max_length=limits.ANSWER)
    version: int | None = None


def _question(user, q: Question) -> dict:
    shown = permissions.can_see_asker(user, q)
    return {
        "id": q.pk,
        "event": q.event.slug,
        "text": q.text,
        "anonymous": q.anonymous,
        "asked_by": person_ref(q.asker) if shown else None,
        "status": q.status,
        "rejection_reason": q.rejection_reason,
        "merged_into": q.merged_into_id,
        "votes": q.vote_count,
        "voted": bool(getattr(q, "has_voted", False)),
        "answer": q.answer,
        "answered_at": q.answered_at,
        "created_at": q.created_at,
        "version": q.version,
    }


def _event(slug: str) -> Event:
    return get_object_or_404(Event, slug=slug)


def _visible_question(user, event: Event, pk: int) -> Question:
    question = selectors.question_detail(event, pk)
    if question is None or not permissions.can_view_question(user, question):
        raise NotFound("No such question, or you cannot see it.")
    return question


class QuestionFilter(Schema):
    status: str = Field(
        "approved", description="approved; pending, rejected or merged for the programme office"
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@router.get(
    "/events/{slug}/questions",
    response={200: QuestionPage, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="An event's questions, most votes first",
)
def question_list(request, slug: str, filters: Query[QuestionFilter]):
    event = _event(slug)
    if filters.status not in QuestionStatus.values:
        raise InvalidInput("status is approved, pending, rejected or merged.", field="status")
    if filters.status == QuestionStatus.APPROVED:
        questions = event_selectors.approved_questions(request.auth, event)
    elif permissions.can_moderate(request.auth):
        questions = (
            Question.objects.filter(event=event, status=filters.status)
            .select_related("asker__organisation")
            .by_votes()
        )
    else:
        raise PermissionDenied("Only the programme office sees questions that are not approved.")
    return page_of(
        questions.select_related("event"),
        limit=filters.limit,
        offset=filters.offset,
        item=lambda q: _question(request.auth, q),
    )


@router.post(
    "/events/{slug}/questions",
    auth=required,
    response={201: QuestionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Ask a question (shown once approved)",
    description="409 questions_closed when the event has ended or questions are closed.",
)
def question_ask(request, slug: str, payload: QuestionIn):
    question = services.question_ask(
        actor=request.auth, event=_event(slug), text_=payload.text, anonymous=payload.anonymous
    )
    return Status(201, _question(request.auth, question))


@router.get(
    "/events/{slug}/questions/{pk}",
    response={200: QuestionOut, 404: ErrorOut},
    summary="One question",
)
def question_detail(request, slug: str, pk: int):
    return _question(request.auth, _visible_question(request.auth, _event(slug), pk))


@router.post(
    "/events/{slug}/questions/{pk}/vote",
    auth=required,
    response={200: QuestionOut, 404: ErrorOut, 409: ErrorOut},
    summary="Upvote a question (one vote each)",
    description="409 already_voted for a second vote; 409 own_question for your own.",
)
def vote_add(request, slug: str, pk: int):
    question = services.vote_add(
        actor=request.auth, question=_visible_question(request.auth, _event(slug), pk)
    )
    question.has_voted = True
    return _question(request.auth, question)


@router.delete(
    "/events/{slug}/questions/{pk}/vote",
    auth=required,
    response={200: QuestionOut, 404: ErrorOut, 409: ErrorOut},
    summary="Take back your vote",
)
def vote_remove(request, slug: str, pk: int):
    question = services.vote_remove(
        actor=request.auth, question=_visible_question(request.auth, _event(slug), pk)
    )
    return _question(request.auth, question)


@router.post(
    "/events/{slug}/questions/{pk}/moderation",
    auth=required,
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Approve, reject (with a reason) or merge a question (programme office)",
)
def question_moderate(request, slug: str, pk: int, payload: ModerationIn):
    if not permissions.can_moderate(request.auth):
        raise PermissionDenied("Only the programme office moderates questions.")
    event = _event(slug)
    question = _visible_question(request.auth, event, pk)
    if payload.action == "approve":
        done = services.question_approve(
            actor=request.auth, question=question, version=payload.version
        )
    elif payload.action == "reject":
        done = services.question_reject(
            actor=request.auth, question=question, reason=payload.reason, version=payload.version
        )
    elif payload.action == "merge":
        into = Question.objects.filter(event=event, pk=payload.into or 0).first()
        if into is None:
            raise InvalidInput("Name the question of this event to merge into.", field="into")
        done = services.question_merge(
            actor=request.auth, question=question, into=into, version=payload.version
        )
    else:
        raise InvalidInput("action is approve, reject or merge.", field="action")
    return _question(request.auth, done)


@router.put(
    "/events/{slug}/questions/{pk}/answer",
    auth=required,
    response={200: QuestionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Answer a question (programme office); its askers are told",
)
def question_answer(request, slug: str, pk: int, payload: AnswerIn):
    if not permissions.can_answer(request.auth):
        raise PermissionDenied("Only the programme office answers questions.")
    question = _visible_question(request.auth, _event(slug), pk)
    done = services.question_answer(
        actor=request.auth, question=question, answer=payload.answer, version=payload.version
    )
    return _question(request.auth, done)
