"""Reads for moderation and single questions."""

from __future__ import annotations

from heartbeat.engagement.models import Question, QuestionStatus


def moderation_queue(event):
    """Questions awaiting moderation, oldest first, with who asked (the programme office
    always sees the asker)."""
    return (
        Question.objects.filter(event=event, status=QuestionStatus.PENDING)
        .select_related("asker", "asker__organisation")
        .order_by("created_at", "id")
    )


def merge_targets(event):
    """Approved questions a duplicate may be merged into."""
    return list(
        Question.objects.filter(event=event, status=QuestionStatus.APPROVED)
        .only("pk", "text", "vote_count")
        .by_votes()
    )


def moderated(event):
    """Rejected and merged questions, for the record."""
    return (
        Question.objects.filter(
            event=event, status__in=[QuestionStatus.REJECTED, QuestionStatus.MERGED]
        )
        .select_related("asker", "asker__organisation", "merged_into")
        .order_by("-moderated_at", "-id")
    )


def question_detail(event, pk: int) -> Question | None:
    return (
        Question.objects.filter(event=event, pk=pk)
        .select_related("asker", "asker__organisation", "merged_into", "event")
        .first()
    )


QUESTION_EXPORT_HEADERS = ["Question", "Votes", "Status", "Asked by", "Organisation", "Answer"]


def question_export_rows(questions, *, show_askers: bool):
    for q in questions:
        hidden = q.anonymous and not show_askers
        yield [
            q.text,
            q.vote_count,
            q.get_status_display(),
            "Anonymous" if hidden else q.asker.display_name,
            "" if hidden else str(q.asker.organisation or ""),
            q.answer,
        ]
