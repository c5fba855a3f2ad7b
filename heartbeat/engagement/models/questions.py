"""Questions to an event, their upvotes, moderation and answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.engagement.models import limits
from heartbeat.engagement.models.events import Event


class QuestionStatus(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    MERGED = "merged", "Merged into another question"


class QuestionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=QuestionStatus.APPROVED)

    def by_votes(self):
        return self.order_by("-vote_count", "created_at", "id")

    def answered(self):
        return self.filter(answered_at__isnull=False)


class Question(TimeStampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="event_questions"
    )
    text = models.TextField()
    # Anonymous to other members; the programme office always sees who asked.
    anonymous = models.BooleanField(default=False)
    status = models.CharField(
        max_length=12, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    rejection_reason = models.CharField(max_length=limits.REASON, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The number of votes, kept by the vote and merge services so lists sort without counting.
    vote_count = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()
    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-vote_count", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), limits.QUESTION) & ~Q(text=""),
                name="question_text_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("answer"), limits.ANSWER),
                name="question_answer_length",
            ),
            models.CheckConstraint(
                condition=~Q(status=QuestionStatus.REJECTED) | ~Q(rejection_reason=""),
                name="question_rejected_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(status=QuestionStatus.MERGED, merged_into__isnull=False)
                | (~Q(status=QuestionStatus.MERGED) & Q(merged_into__isnull=True)),
                name="question_merged_has_target",
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | (~Q(answer="") & Q(status="approved")),
                name="question_answered_is_approved",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "-vote_count"])]

    def __str__(self):
        return self.text[:80]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    def asked_during_event(self) -> bool:
        return self.created_at is not None and self.created_at >= self.event.starts_at


class Vote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "voter"], name="vote_once_per_person"),
        ]

    def __str__(self):
        return f"{self.voter} for question {self.question_id}"
