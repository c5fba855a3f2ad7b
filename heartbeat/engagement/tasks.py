"""Background work for engagement: the fan-out of notifications, emails, the weekly digest
and scheduled publishing. Tasks take ids and load what they need when they run."""

from __future__ import annotations

import datetime
import logging

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from heartbeat.engagement import notify
from heartbeat.engagement.models import NotificationKind

logger = logging.getLogger(__name__)


def _project_followers(project) -> set[int]:
    from heartbeat.engagement.models import Follow

    return set(
        Follow.objects.filter(Q(project=project) | Q(theme_id=project.theme_id)).values_list(
            "person_id", flat=True
        )
    )


@task()
def notify_stage_change(transition_id: int, actor_id: int | None = None) -> int:
    """Tell the followers of a project (and of its theme) that it moved stage."""
    from heartbeat.portfolio.models import Stage, StageTransition

    transition = StageTransition.objects.select_related("project").filter(pk=transition_id).first()
    if transition is None:
        return 0
    project = transition.project
    to_stage = Stage(transition.to_stage).label if transition.to_stage in Stage.values else ""
    from_stage = Stage(transition.from_stage).label if transition.from_stage in Stage.values else ""
    people = notify.notify(
        _project_followers(project),
        kind=NotificationKind.STAGE,
        key=f"stage:{transition.pk}",
        title=f"{project.title} moved to {to_stage.lower()}",
        body=f"From {from_stage.lower()} to {to_stage.lower()}."
        + (f" Reason: {transition.reason}" if transition.reason else ""),
        link=project.get_absolute_url(),
        exclude=actor_id,
    )
    return len(people)


@task()
def notify_update_submitted(update_id: int, actor_id: int | None = None) -> int:
    """Tell the followers of a project (and of its theme) that its heartbeat update for a
    period is in, or has been corrected. A draft tells no one; nor does a version that a
    correction has replaced by the time this runs (the correction tells them instead)."""
    from heartbeat.delivery.models import HeartbeatUpdate, UpdateStatus

    update = HeartbeatUpdate.objects.select_related("project").filter(pk=update_id).first()
    if update is None or update.status != UpdateStatus.SUBMITTED:
        return 0
    project = update.project
    period = update.period.label
    if update.corrects_id:
        title = f"{project.title}: the update for {period} was corrected"
        body = f"Reason: {update.correction_reason}" if update.correction_reason else ""
    else:
        title = f"{project.title}: new heartbeat update for {period}"
        body = ""
    level = update.level
    summary = " ".join(
        part for part in (f"Confidence: {level.label}." if level else "", update.summary) if part
    )
    people = notify.notify(
        _project_followers(project),
        kind=NotificationKind.UPDATE,
        key=f"update:{update.pk}",
        title=title,
        body=" ".join(part for part in (summary, body) if part),
        link=update.get_absolute_url(),
        exclude=actor_id,
    )
    return len(people)


@task()
def notify_article_published(article_id: int) -> int:
    """Tell the followers of an article's projects and themes that it is out."""
    from heartbeat.engagement.models import Article, Follow

    article = Article.objects.filter(pk=article_id).first()
    if article is None or not article.is_published:
        return 0
    project_ids = list(article.projects.values_list("pk", flat=True))
    theme_ids = list(article.themes.values_list("pk", flat=True))
    followers = Follow.objects.filter(
        Q(project_id__in=project_ids)
        | Q(theme_id__in=theme_ids)
        | Q(theme_id__in=article.projects.values("theme_id"))
    ).values_list("person_id", flat=True)
    people = notify.notify(
        followers,
        kind=NotificationKind.NEWS,
        key=f"news:{article.pk}",
        title=f"News: {article.title}",
        body=article.summary,
        link=article.get_absolute_url(),
        exclude=article.author_id,
    )
    return len(people)


@task()
def notify_question_answered(question_id: int) -> int:
    """Tell the person who asked (and the askers of its merged duplicates) the answer."""
    from heartbeat.engagement.models import Question

    question = Question.objects.select_related("event").filter(pk=question_id).first()
    if question is None or not question.is_answered:
        return 0
    askers = {question.asker_id} | set(question.duplicates.values_list("asker_id", flat=True))
    people = notify.notify(
        askers,
        kind=NotificationKind.ANSWER,
        key=f"answer:{question.pk}",
        title=f"Your question to {question.event.title} has been answered",
        body=f"You asked: {question.text[:300]}",
        link=reverse("engagement:question_detail", args=[question.event.slug, question.pk]),
        exclude=question.answered_by_id,
    )
    return len(people)


@task()
def notify_response_published(response_id: int) -> int:
    """Tell each asker of an answered question, and the event's followers, that the
    response is published."""
    from heartbeat.engagement.models import EventResponse, Question

    response = EventResponse.objects.select_related("event").filter(pk=response_id).first()
    if response is None or not response.is_published:
        return 0
    event = response.event
    link = reverse("engagement:response", args=[event.slug])
    answered = Question.objects.filter(event=event).answered()
    askers = set(answered.values_list("asker_id", flat=True)) | set(
        Question.objects.filter(merged_into__in=answered).values_list("asker_id", flat=True)
    )
    notified = notify.notify(
        askers,
        kind=NotificationKind.RESPONSE,
        key=f"response:{response.pk}",
        title=f"The response to {event.title} is published: it answers your question",
        link=link,
        exclude=response.published_by_id,
    )
    followers = set(event.follows.values_list("person_id", flat=True)) - set(notified)
    notified += notify.notify(
        followers,
        kind=NotificationKind.RESPONSE,
        key=f"response:{response.pk}",
        title=f"The response to {event.title} is published",
        link=link,
        exclude=response.published_by_id,
    )
    return len(notified)


@task()
def notify_places_confirmed(registration_ids: list[int]) -> int:
    """Tell people moved up from a waiting list that they have a place."""
    from heartbeat.core.formatting import uk_datetime
    from heartbeat.engagement.models import Registration, RegistrationStatus

    count = 0
    for registration in Registration.objects.select_related("event").filter(
        pk__in=registration_ids, status=RegistrationStatus.CONFIRMED
    ):
        event = registration.event
        count += len(
            notify.notify(
                [registration.person_id],
                kind=NotificationKind.PLACE,
                key=f"place:{registration.pk}",
                title=f"You have a place at {event.title}",
                body=f"A place came free and you were next on the waiting list. The event "
                f"starts on {uk_datetime(event.starts_at)}.",
                link=event.get_absolute_url(),
            )
        )
    return count


@task()
def publish_due_articles(due_at: str | None = None) -> int:
    """Publish the scheduled articles whose time has come (queued every few minutes)."""
    from heartbeat.engagement.services.news import articles_publish_due

    return len(articles_publish_due(now=timezone.now()))


@task()
def send_weekly_digests(due_at: str | None = None) -> dict:
    """Email each person who chose a weekly digest their unread notifications, once."""
    when = datetime.datetime.fromisoformat(due_at) if due_at else timezone.now()
    emails = notifications = 0
    for person_id in notify.digest_recipients(when):
        listed = notify.send_digest(person_id, when)
        if listed:
            emails += 1
            notifications += listed
    logger.info("Notification digest due %s: %s emails", due_at, emails)
    return {"emails": emails, "notifications": notifications}


def publishing_job():
    from heartbeat.core.schedule import Job

    return Job(
        name="engagement.publish_scheduled",
        task="heartbeat.engagement.tasks.publish_due_articles",
        interval=datetime.timedelta(minutes=5),
    )


def digest_job():
    """The weekly digest of notifications, at the day and time the settings give."""
    from heartbeat.core.schedule import Job, parse_time, parse_weekday, setting

    return Job(
        name="engagement.weekly_digest",
        task="heartbeat.engagement.tasks.send_weekly_digests",
        weekday=parse_weekday(setting("HEARTBEAT_NOTIFICATION_DIGEST_WEEKDAY", "monday")),
        at=parse_time(setting("HEARTBEAT_NOTIFICATION_DIGEST_TIME", "08:00")),
    )
