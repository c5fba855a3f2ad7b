"""Synthetic news, events, questions, votes, follows and notifications for ``heartbeat
generate`` (see ``heartbeat.generator.runner``).

Runs after the work programme's generator. Per unit of scale: 50 news articles over the last
three years (a tenth for members only, a few scheduled), two past events and one to come,
each with registrations and questions, and 50 questions (500 at scale 10) with about ten
votes each on the benchmark's own forum, ``bench-forum``, which is yet to happen. About a
tenth of people follow a project or a theme; the bench programme-office user has 100
notifications per unit of scale. Everything is written with bulk inserts.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from heartbeat.accounts.models import User
from heartbeat.engagement.markdown import render_markdown
from heartbeat.engagement.models import (
    Article,
    ArticleStatus,
    ArticleTag,
    Event,
    EventFeedback,
    EventFormat,
    EventResponse,
    Follow,
    Notification,
    NotificationKind,
    Question,
    QuestionStatus,
    Registration,
    RegistrationStatus,
    Vote,
)
from heartbeat.engagement.models.limits import MAX_CAPACITY
from heartbeat.generator.runner import BATCH_SIZE, BENCH_USERS
from heartbeat.portfolio.models import Project, Theme

BENCH_EVENT = "bench-forum"
ARTICLES_PER_SCALE = 50
QUESTIONS_PER_SCALE = 50
NOTIFICATIONS_PER_SCALE = 100
TAGS = [
    "Partnership Forum",
    "telecare",
    "cyber security",
    "data standards",
    "social care",
    "housing",
    "education",
    "digital skills",
    "procurement",
    "cloud",
    "connectivity",
    "customer service",
    "waste",
    "planning",
    "benefits",
    "delivery model",
    "programme",
    "user research",
    "accessibility",
    "open data",
]
SUBJECTS = [
    "councils share a new approach to {t}",
    "progress on {t} across the partnership",
    "lessons from a year of {t}",
    "what the Partnership Forum said about {t}",
    "a shared product for {t} reaches more councils",
]
BODY = """The partnership's work on {t} moved forward this month.

## What happened

* Councils agreed a common approach and shared their plans.
* The project team published its latest update.

## What comes next

Follow the project to hear of its next steps.
"""
QUESTION_TEXTS = [
    "How will councils share the cost of {t}?",
    "When will the work on {t} reach smaller councils?",
    "What support will there be for staff learning about {t}?",
    "How will the people who use our services shape the work on {t}?",
    "Which suppliers are involved in {t}, and how were they chosen?",
]


def _people() -> list[int]:
    return list(
        User.objects.filter(is_active=True, organisation__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _articles(scale, rng, now, office) -> int:
    ArticleTag.objects.bulk_create(
        [ArticleTag(name=name, slug=name.lower().replace(" ", "-")) for name in TAGS]
    )
    tags = list(ArticleTag.objects.order_by("pk"))
    projects = list(Project.objects.order_by("pk").values_list("pk", flat=True))
    themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
    articles = []
    topics = []
    for i in range(ARTICLES_PER_SCALE * scale):
        topic = rng.choice(TAGS)
        topics.append(topic)
        scheduled = i % 25 == 0
        when = (
            now + datetime.timedelta(days=rng.randint(1, 20))
            if scheduled
            else (
                now - datetime.timedelta(days=rng.randint(1, 3 * 365), minutes=rng.randint(0, 600))
            )
        )
        body = BODY.format(t=topic)
        title = rng.choice(SUBJECTS).format(t=topic)
        articles.append(
            Article(
                title=title[:1].upper() + title[1:],
                slug=f"news-{i + 1}",
                summary=f"News of the partnership's work on {topic}.",
                body=body,
                body_html=render_markdown(body),
                author_id=office,
                status=ArticleStatus.SCHEDULED if scheduled else ArticleStatus.PUBLISHED,
                publish_at=when,
                published_at=None if scheduled else when,
                visibility="partnership" if i % 10 == 9 else "public",
            )
        )
    articles = Article.objects.bulk_create(articles, batch_size=BATCH_SIZE)
    by_name = {t.name: t for t in tags}
    tag_links, project_links, theme_links = [], [], []
    for article, topic in zip(articles, topics, strict=True):
        chosen = {by_name[topic].pk, rng.choice(tags).pk}
        tag_links += [Article.tags.through(article_id=article.pk, articletag_id=t) for t in chosen]
        if projects:
            project_links += [
                Article.projects.through(article_id=article.pk, project_id=p)
                for p in rng.sample(projects, k=min(len(projects), rng.randint(0, 2)))
            ]
        if themes and rng.random() < 0.5:
            theme_links.append(
                Article.themes.through(article_id=article.pk, theme_id=rng.choice(themes))
            )
    for model, links in (
        (Article.tags.through, tag_links),
        (Article.projects.through, project_links),
        (Article.themes.through, theme_links),
    ):
        model.objects.bulk_create(links, batch_size=BATCH_SIZE)
    return len(articles)


def _event(slug, title, starts_at, capacity, i) -> Event:
    agenda = "1. Welcome\n2. Progress of the programme\n3. Workshops\n4. Your questions"
    return Event(
        slug=slug,
        title=title,
        summary="The partnership meets to hear what is happening, share views and ask questions.",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=5),
        format=[EventFormat.HYBRID, EventFormat.IN_PERSON, EventFormat.ONLINE][i % 3],
        place="" if i % 3 == 2 else f"Conference centre {i + 1}, Perth",
        online_link="" if i % 3 == 1 else f"https://events.example.org/forum-{i + 1}",
        agenda=agenda,
        agenda_html=render_markdown(agenda),
        capacity=capacity,
    )


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """News, events with registrations and questions, votes, follows and notifications."""
    people = _people()
    office = User.objects.filter(email=BENCH_USERS["programme_office"]).first()
    if not people or office is None:
        return {"articles": 0, "events": 0, "questions": 0}
    now = timezone.now().replace(second=0, microsecond=0)
    articles = _articles(scale, rng, now, office.pk)

    events = [
        _event(
            BENCH_EVENT,
            "Partnership Forum (benchmark)",
            now + datetime.timedelta(days=30),
            min(100 * scale, MAX_CAPACITY),
            0,
        )
    ]
    for i in range(2 * scale):
        starts = now - datetime.timedelta(days=120 * (i + 1))
        events.append(
            _event(
                f"forum-past-{i + 1}", f"Partnership Forum {i + 1}", starts, 60 + 10 * scale, i + 1
            )
        )
    for i in range(scale):
        starts = now + datetime.timedelta(days=60 + 30 * i)
        events.append(
            _event(f"forum-next-{i + 1}", f"Partnership Forum to come {i + 1}", starts, 80, i + 2)
        )
    events = Event.objects.bulk_create(events, batch_size=BATCH_SIZE)
    bench = events[0]

    registrations = []
    for event in events:
        taken = rng.sample(people, k=min(len(people), event.capacity + 5))
        for n, person in enumerate(taken):
            registrations.append(
                Registration(
                    event=event,
                    person_id=person,
                    status=RegistrationStatus.CONFIRMED
                    if n < event.capacity
                    else RegistrationStatus.WAITING,
                    registered_at=event.starts_at - datetime.timedelta(days=20, minutes=n),
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=BATCH_SIZE)

    questions = []
    for event in events:
        count = QUESTIONS_PER_SCALE * scale if event is bench else rng.randint(5, 15)
        past = event.starts_at < now
        for n in range(count):
            topic = rng.choice(TAGS)
            roll = rng.random()
            if event is bench and n < 2:
                # The benchmark's forum has a question waiting and one rejected at every
                # scale, so its moderation page runs the same queries at scale 1 and 10.
                roll = 0.0 if n == 0 else 0.12
            status = (
                QuestionStatus.PENDING
                if roll < 0.1 and not past
                else QuestionStatus.REJECTED
                if roll < 0.14
                else QuestionStatus.APPROVED
            )
            answered = past and status == QuestionStatus.APPROVED
            questions.append(
                Question(
                    event=event,
                    asker_id=rng.choice(people),
                    text=rng.choice(QUESTION_TEXTS).format(t=topic) + f" ({n + 1})",
                    anonymous=rng.random() < 0.2,
                    status=status,
                    rejection_reason="Not a question for the panel"
                    if status == QuestionStatus.REJECTED
                    else "",
                    moderated_by=office if status != QuestionStatus.PENDING else None,
                    moderated_at=event.starts_at - datetime.timedelta(days=1)
                    if status != QuestionStatus.PENDING
                    else None,
                    answer="The programme office answered this at the forum." if answered else "",
                    answered_at=event.ends_at if answered else None,
                    answered_by=office if answered else None,
                )
            )
    questions = Question.objects.bulk_create(questions, batch_size=BATCH_SIZE)

    votes = []
    for question in questions:
        if question.status != QuestionStatus.APPROVED:
            continue
        voters = rng.sample(people, k=min(len(people), rng.randint(0, 20)))
        mine = [Vote(question=question, voter_id=v) for v in voters if v != question.asker_id]
        votes.extend(mine)
        question.vote_count = len(mine)
    Vote.objects.bulk_create(votes, batch_size=BATCH_SIZE)
    Question.objects.bulk_update(questions, ["vote_count"], batch_size=BATCH_SIZE)

    EventResponse.objects.bulk_create(
        [
            EventResponse(
                event=e,
                body="Thank you for coming.",
                body_html="<p>Thank you for coming.</p>",
                published_at=e.ends_at + datetime.timedelta(days=10),
                published_by=office,
            )
            for e in events
            if e.ends_at < now
        ]
    )
    EventFeedback.objects.bulk_create(
        [
            EventFeedback(
                event=e,
                person_id=p,
                rating=rng.randint(2, 5),
                views="Useful to hear from other councils.",
            )
            for e in events
            if e.ends_at < now
            for p in rng.sample(people, k=min(len(people), 20))
        ],
        batch_size=BATCH_SIZE,
    )

    projects = list(Project.objects.order_by("pk").values_list("pk", flat=True))
    themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
    follows = []
    for person in rng.sample(people, k=len(people) // 10):
        chosen = rng.sample(projects, k=min(len(projects), rng.randint(1, 3)))
        follows.extend(Follow(person_id=person, project_id=project) for project in chosen)
        if themes and rng.random() < 0.3:
            follows.append(Follow(person_id=person, theme_id=rng.choice(themes)))
    follows.append(Follow(person_id=office.pk, event=bench))
    Follow.objects.bulk_create(follows, batch_size=BATCH_SIZE, ignore_conflicts=True)

    kinds = list(NotificationKind.values)
    notifications = [
        Notification(
            recipient_id=office.pk,
            kind=kinds[n % len(kinds)],
            key=f"generated:{n}",
            title=f"News: {rng.choice(SUBJECTS).format(t=rng.choice(TAGS))}",
            body="Something you follow has changed.",
            link="/news/",
            created_at=now - datetime.timedelta(hours=n),
            read_at=None if n % 3 else now,
        )
        for n in range(NOTIFICATIONS_PER_SCALE * scale)
    ]
    Notification.objects.bulk_create(notifications, batch_size=BATCH_SIZE)
    return {
        "articles": articles,
        "events": len(events),
        "questions": len(questions),
        "votes": len(votes),
        "registrations": len(registrations),
        "follows": len(follows),
        "notifications": len(notifications),
    }


def flush(stdout) -> None:
    """Delete every engagement record (questions before the people who asked them)."""
    from heartbeat.engagement.models import Digest, EmailDelivery, NotificationPreference

    for model in (EmailDelivery, Digest, Notification, NotificationPreference, Follow, Vote):
        model.objects.all().delete()
    Question.objects.filter(status=QuestionStatus.MERGED).delete()
    for model in (Question, EventFeedback, EventResponse, Registration, Event, Article, ArticleTag):
        model.objects.all().delete()
