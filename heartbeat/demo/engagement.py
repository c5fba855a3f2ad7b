"""Demo engagement: news, the Partnership Forum of 12 November 2019 with its questions,
votes and published response, the spring 2027 forum to come, follows and a few unread
notifications (see ``heartbeat.demo.loader``).

The past is recorded as it happened: articles with their publishing dates, the 2019 forum's
registrations, questions, votes and answers, which the services would refuse today because
the event is over. The forum to come goes through the services, as its members would.
Nothing here sends email: notifications are written directly.

Idempotent: articles and events are keyed on their slugs, questions on (event, text),
registrations and votes on (event or question, person), follows and notifications on their
natural keys; what is already there is left as it is.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.core.exceptions import ApplicationError
from heartbeat.demo.data import engagement as data
from heartbeat.engagement.markdown import render_markdown
from heartbeat.engagement.models import (
    Article,
    ArticleStatus,
    ArticleTag,
    Event,
    EventResponse,
    Follow,
    Notification,
    Question,
    QuestionStatus,
    Registration,
    RegistrationStatus,
    Vote,
)
from heartbeat.engagement.services import events as event_services
from heartbeat.engagement.services import questions as question_services
from heartbeat.portfolio.models import Project, Theme


def _aware(moment: datetime.datetime | None) -> datetime.datetime | None:
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


def _articles(people) -> int:
    author = people.get(data.PROGRAMME_OFFICE)
    projects = {p.slug: p for p in Project.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    created = 0
    for item in data.ARTICLES:
        if Article.objects.filter(slug=item["slug"]).exists():
            continue
        published = _aware(item.get("published"))
        article = Article.objects.create(
            slug=item["slug"],
            title=item["title"],
            summary=item["summary"],
            body=item["body"],
            body_html=render_markdown(item["body"]),
            author=author,
            status=ArticleStatus.PUBLISHED if published else ArticleStatus.SCHEDULED,
            publish_at=published or _aware(item.get("publish_at")),
            published_at=published,
            visibility=item.get("visibility", "public"),
        )
        article.tags.set(
            ArticleTag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
            for name in item["tags"]
        )
        article.projects.set(projects[s] for s in item["projects"] if s in projects)
        article.themes.set(themes[s] for s in item["themes"] if s in themes)
        created += 1
    return created


def _event(values: dict) -> Event:
    event = Event.objects.filter(slug=values["slug"]).first()
    if event is not None:
        return event
    return Event.objects.create(
        **{
            **values,
            "starts_at": _aware(values["starts_at"]),
            "ends_at": _aware(values["ends_at"]),
        },
        agenda_html=render_markdown(values["agenda"]),
    )


def _voters(people, asker, count: int) -> list:
    return [p for email, p in people.items() if p != asker][:count]


def _forum_2019(people) -> Event:
    event = _event(data.FORUM_2019)
    office = people.get(data.PROGRAMME_OFFICE)
    registered_at = data.at(2019, 10, 8, 9, 0)
    for index, email in enumerate(data.FORUM_2019_REGISTERED):
        person = people.get(email)
        if person and not Registration.objects.filter(event=event, person=person).exists():
            Registration.objects.create(
                event=event,
                person=person,
                status=RegistrationStatus.CONFIRMED,
                registered_at=registered_at + datetime.timedelta(hours=index * 5),
            )
    asked_at = data.at(2019, 11, 1, 9, 0)
    answered_at = data.at(2019, 11, 22, 16, 0)
    questions: list[Question] = []
    for index, item in enumerate(data.FORUM_2019_QUESTIONS):
        asker = people[item["asker"]]
        question = Question.objects.filter(event=event, text=item["text"]).first()
        if question is None:
            merged = "merged_into" in item
            rejected = "rejected" in item
            question = Question.objects.create(
                event=event,
                asker=asker,
                text=item["text"],
                anonymous=item.get("anonymous", False),
                status=(
                    QuestionStatus.MERGED
                    if merged
                    else QuestionStatus.REJECTED
                    if rejected
                    else QuestionStatus.APPROVED
                ),
                merged_into=questions[item["merged_into"]] if merged else None,
                rejection_reason=item.get("rejected", ""),
                moderated_by=office,
                moderated_at=asked_at + datetime.timedelta(days=3),
                answer=item.get("answer", ""),
                answered_at=answered_at if item.get("answer") else None,
                answered_by=office if item.get("answer") else None,
            )
            # Asked over the fortnight before the forum, and a few on the day.
            Question.objects.filter(pk=question.pk).update(
                created_at=asked_at + datetime.timedelta(hours=index * 31)
            )
        questions.append(question)
    for item, question in zip(data.FORUM_2019_QUESTIONS, questions, strict=True):
        target = questions[item["merged_into"]] if "merged_into" in item else question
        for voter in _voters(people, question.asker, item["votes"]):
            if voter != target.asker:
                Vote.objects.get_or_create(question=target, voter=voter)
    for question in questions:
        Question.objects.filter(pk=question.pk).update(vote_count=question.votes.count())
    if not EventResponse.objects.filter(event=event).exists():
        EventResponse.objects.create(
            event=event,
            body=data.FORUM_2019_RESPONSE,
            body_html=render_markdown(data.FORUM_2019_RESPONSE),
            published_at=data.at(2019, 11, 26, 9, 0),
            published_by=office,
        )
    return event


def _forum_2027(people) -> Event:
    event = Event.objects.filter(slug=data.FORUM_2027["slug"]).first()
    office = people.get(data.PROGRAMME_OFFICE)
    if event is None:
        from heartbeat.engagement.inputs import EventInput

        values = dict(data.FORUM_2027)
        slug = values.pop("slug")
        values["starts_at"], values["ends_at"] = (
            _aware(values["starts_at"]),
            _aware(values["ends_at"]),
        )
        event = event_services.event_create(actor=office, data=EventInput(**values, slug=slug))
    for email in data.FORUM_2027_REGISTERED:
        person = people.get(email)
        if person and not Registration.objects.active().filter(event=event, person=person):
            event_services.registration_create(actor=person, event=event)
    for item in data.FORUM_2027_QUESTIONS:
        asker = people[item["asker"]]
        question = Question.objects.filter(event=event, text=item["text"]).first()
        if question is None:
            question = question_services.question_ask(actor=asker, event=event, text_=item["text"])
            if item["approved"]:
                question_services.question_approve(actor=office, question=question)
        for voter in _voters(people, asker, item["votes"]):
            if not Vote.objects.filter(question=question, voter=voter).exists():
                try:
                    question_services.vote_add(actor=voter, question=question)
                except ApplicationError:
                    continue
    return event


def _follows_and_notifications(people) -> int:
    targets = {
        "project": {p.slug: p for p in Project.objects.all()},
        "theme": {t.slug: t for t in Theme.objects.all()},
        "event": {e.slug: e for e in Event.objects.all()},
    }
    for email, kind, slug in data.FOLLOWS:
        person, target = people.get(email), targets[kind].get(slug)
        if person and target:
            Follow.objects.get_or_create(person=person, **{kind: target})
    member = people.get("member@highland.example")
    if member is None:
        return 0
    now = timezone.now()
    notes = [
        (
            "news",
            "news:demo-telecare",
            "News: Digital telecare: over half of alarm users now on digital services",
            "/news/telecare-switchover-halfway/",
            now - datetime.timedelta(days=3),
        ),
        (
            "news",
            "news:demo-spring-forum",
            "News: The spring 2027 Partnership Forum: save the date",
            "/news/spring-forum-2027-announced/",
            now - datetime.timedelta(days=2),
        ),
    ]
    for kind, key, title, link, when in notes:
        Notification.objects.get_or_create(
            recipient=member,
            key=key,
            defaults={"kind": kind, "title": title, "link": link, "created_at": when},
        )
    return len(notes)


def load(context) -> None:
    User = get_user_model()
    people = {u.email: u for u in User.objects.filter(email__endswith=".example").order_by("pk")}
    if data.PROGRAMME_OFFICE not in people:
        context.summary.append("Engagement: skipped (the partnership's demo people are missing).")
        return
    articles = _articles(people)
    _forum_2019(people)
    _forum_2027(people)
    _follows_and_notifications(people)
    context.summary.append(
        f"Engagement: {Article.objects.count()} news articles ({articles} new), "
        f"{Event.objects.count()} events with {Question.objects.count()} questions, "
        "the November 2019 forum's published response."
    )
