"""News: write, schedule and publish articles."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.core.exceptions import InvalidInput
from heartbeat.core.months import FIRST_YEAR, LAST_YEAR
from heartbeat.engagement import permissions
from heartbeat.engagement.inputs import ArticleInput
from heartbeat.engagement.markdown import render_markdown
from heartbeat.engagement.models import Article, ArticleStatus, ArticleTag, limits
from heartbeat.engagement.services._common import check_version, require, save, text, unique_slug
from heartbeat.portfolio.models import Project, Theme, Visibility

ACTIONS = ("draft", "publish")


def _tags(names: list[str]) -> list[ArticleTag]:
    cleaned: dict[str, str] = {}
    for name in names:
        name = text(name, field="tags", label="A tag", limit=limits.TAG)
        if name and slugify(name):
            cleaned.setdefault(slugify(name), name)
        elif name:
            raise InvalidInput(f"The tag '{name}' needs a letter or a number.", field="tags")
    if len(cleaned) > limits.TAGS_PER_ARTICLE:
        raise InvalidInput(
            f"Give at most {limits.TAGS_PER_ARTICLE} tags; there are {len(cleaned)}.", field="tags"
        )
    existing = {t.slug: t for t in ArticleTag.objects.filter(slug__in=cleaned)}
    tags = []
    for slug, name in cleaned.items():
        tag = existing.get(slug)
        if tag is None:
            tag, _ = ArticleTag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(tag)
    return tags


def _related(model, slugs: list[str], field: str, label: str) -> list:
    slugs = list(dict.fromkeys(s for s in slugs if s))
    found = {o.slug: o for o in model.objects.filter(slug__in=slugs)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise InvalidInput(f"There is no {label} '{missing[0]}'.", field=field)
    return [found[s] for s in slugs]


def _apply(article: Article, data: ArticleInput, *, now) -> tuple[list, list, list]:
    article.title = text(
        data.title, field="title", label="The title", limit=limits.TITLE, required=True
    )
    article.summary = text(
        data.summary, field="summary", label="The summary", limit=limits.SUMMARY, required=True
    )
    article.body = text(
        data.body,
        field="body",
        label="The article",
        limit=limits.ARTICLE_BODY,
        required=True,
        strip=False,
    ).strip("\n")
    if not article.body.strip():
        raise InvalidInput("Enter the article.", field="body")
    article.body_html = render_markdown(article.body)
    if data.visibility not in Visibility.values:
        raise InvalidInput("Choose public or partnership only.", field="visibility")
    article.visibility = data.visibility
    if data.action not in ACTIONS:
        raise InvalidInput("Choose to save a draft or to publish.", field="action")
    when = _publish_time(data.publish_at)
    if data.action == "draft":
        if article.status != ArticleStatus.PUBLISHED:
            article.status = ArticleStatus.DRAFT
            article.publish_at = when
    elif article.status != ArticleStatus.PUBLISHED:
        if when is not None and when > now:
            article.status = ArticleStatus.SCHEDULED
            article.publish_at = when
        else:
            article.status = ArticleStatus.PUBLISHED
            article.publish_at = when or now
            article.published_at = when or now
    tags = _tags(data.tags)
    projects = _related(Project, data.project_slugs, "projects", "project")
    themes = _related(Theme, data.theme_slugs, "themes", "theme")
    return tags, projects, themes


def _publish_time(when):
    """The publishing time, in UTC: with its time zone, between 2000 and 2100 (a database
    keeps no stranger offset or year)."""
    if when is None:
        return None
    if timezone.is_naive(when):
        raise InvalidInput("Give the publishing time with its time zone.", field="publish_at")
    if not FIRST_YEAR <= when.year <= LAST_YEAR or not (
        FIRST_YEAR <= when.astimezone(datetime.UTC).year <= LAST_YEAR
    ):
        raise InvalidInput(
            f"Give a publishing time between {FIRST_YEAR} and {LAST_YEAR}.", field="publish_at"
        )
    return when.astimezone(datetime.UTC)


def _after_publish(article: Article) -> None:
    from heartbeat.engagement import tasks

    transaction.on_commit(lambda: tasks.notify_article_published.enqueue(article_id=article.pk))


@transaction.atomic
def article_create(*, actor, data: ArticleInput) -> Article:
    """Write a news article: a draft, published now, or scheduled for later."""
    require(permissions.can_write_news(actor), "Only the programme office writes news.")
    now = timezone.now()
    article = Article(author=actor)
    tags, projects, themes = _apply(article, data, now=now)
    article.slug = unique_slug(
        Article,
        text(data.slug, field="slug", label="The web address", limit=limits.SLUG),
        article.title,
    )
    save(article, actor)
    article.tags.set(tags)
    article.projects.set(projects)
    article.themes.set(themes)
    if article.status == ArticleStatus.PUBLISHED:
        _after_publish(article)
    return article


@transaction.atomic
def article_update(*, actor, article: Article, data: ArticleInput, version: int | None) -> Article:
    """Change an article; a draft or scheduled one may be published or rescheduled."""
    require(permissions.can_write_news(actor), "Only the programme office edits news.")
    current = Article.objects.select_for_update().get(pk=article.pk)
    check_version(current, version, "article")
    was_published = current.status == ArticleStatus.PUBLISHED
    tags, projects, themes = _apply(current, data, now=timezone.now())
    if data.slug and data.slug != current.slug:
        current.slug = unique_slug(
            Article,
            text(data.slug, field="slug", label="The web address", limit=limits.SLUG),
            current.title,
            exclude_pk=current.pk,
        )
    current.version += 1
    save(current, actor)
    current.tags.set(tags)
    current.projects.set(projects)
    current.themes.set(themes)
    if current.status == ArticleStatus.PUBLISHED and not was_published:
        _after_publish(current)
    return current


def articles_publish_due(*, now=None) -> list[int]:
    """Publish every scheduled article whose time has come (the worker calls this); each
    is published once, however many workers run it at the same moment."""
    now = now or timezone.now()
    published = []
    for pk in list(Article.objects.due(now).values_list("pk", flat=True)):
        with transaction.atomic():
            article = Article.objects.select_for_update().filter(pk=pk).first()
            if article is None or article.status != ArticleStatus.SCHEDULED:
                continue  # another worker published it first
            if article.publish_at > now:
                continue  # rescheduled since
            article.status = ArticleStatus.PUBLISHED
            article.published_at = article.publish_at
            article.version += 1
            save(article, None)
            _after_publish(article)
            published.append(pk)
    return published
