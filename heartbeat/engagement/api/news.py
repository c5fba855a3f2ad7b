"""Articles: read the news; the programme office writes, schedules and publishes it."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import NotFound
from heartbeat.engagement.api._common import MAX_LIMIT, ErrorOut, NoNul
from heartbeat.engagement.inputs import ArticleInput
from heartbeat.engagement.models import Article, limits
from heartbeat.engagement.selectors import news as selectors
from heartbeat.engagement.services import news as services

router = Router(tags=["news"])


class ArticleOut(Schema):
    slug: str
    title: str
    summary: str
    status: str
    visibility: str
    published_at: datetime.datetime | None
    publish_at: datetime.datetime | None
    tags: list[str]
    themes: list[str]
    url: str
    version: int


class ArticleDetailOut(ArticleOut):
    body: str
    body_html: str
    projects: list[str]


class ArticlePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ArticleOut]


class ArticleIn(NoNul):
    title: str = Field(max_length=limits.TITLE)
    summary: str = Field(max_length=limits.SUMMARY)
    body: str = Field(max_length=limits.ARTICLE_BODY, description="Markdown")
    visibility: str = Field("public", description="public or partnership")
    tags: list[str] = Field(default_factory=list, max_length=limits.TAGS_PER_ARTICLE)
    projects: list[str] = Field(default_factory=list, description="Project slugs")
    themes: list[str] = Field(default_factory=list, description="Theme slugs")
    action: str = Field("draft", description="draft, or publish (now, or at publish_at)")
    publish_at: datetime.datetime | None = None
    slug: str = Field("", max_length=limits.SLUG)


class ArticleUpdateIn(ArticleIn):
    version: int = Field(description="The version you read; 409 if it has changed since")


def _article(a: Article, detail: bool = False) -> dict:
    out = {
        "slug": a.slug,
        "title": a.title,
        "summary": a.summary,
        "status": a.status,
        "visibility": a.visibility,
        "published_at": a.published_at,
        "publish_at": a.publish_at,
        "tags": [t.name for t in a.tags.all()],
        "themes": [t.slug for t in a.themes.all()],
        "url": a.get_absolute_url(),
        "version": a.version,
    }
    if detail:
        out |= {
            "body": a.body,
            "body_html": a.body_html,
            "projects": [p.slug for p in a.projects.all()],
        }
    return out


def _input(payload: ArticleIn) -> ArticleInput:
    return ArticleInput(
        title=payload.title,
        summary=payload.summary,
        body=payload.body,
        visibility=payload.visibility,
        tags=payload.tags,
        project_slugs=payload.projects,
        theme_slugs=payload.themes,
        action=payload.action,
        publish_at=payload.publish_at,
        slug=payload.slug,
    )


class NewsFilter(NoNul):
    tag: str | None = Field(None, max_length=80)
    theme: str | None = Field(None, max_length=120)
    project: str | None = Field(None, max_length=120)
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@router.get("/articles", response=ArticlePage, summary="Published news, newest first")
def article_list(request, filters: Query[NewsFilter]):
    params = {k: v for k, v in filters.dict().items() if k in ("tag", "theme", "project") and v}
    parsed = selectors.parse_filters(request.auth, params)
    return page_of(
        selectors.article_list(request.auth, parsed),
        limit=filters.limit,
        offset=filters.offset,
        item=_article,
    )


@router.get(
    "/articles/{slug}", response={200: ArticleDetailOut, 404: ErrorOut}, summary="One article"
)
def article_detail(request, slug: str):
    article = selectors.article_detail(request.auth, slug)
    if article is None:
        raise NotFound("No such article, or you cannot read it.")
    return _article(article, detail=True)


@router.post(
    "/articles",
    auth=required,
    response={201: ArticleDetailOut, 403: ErrorOut, 422: ErrorOut},
    summary="Write an article (programme office)",
)
def article_create(request, payload: ArticleIn):
    article = services.article_create(actor=request.auth, data=_input(payload))
    return Status(201, _article(article, detail=True))


@router.put(
    "/articles/{slug}",
    auth=required,
    response={200: ArticleDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change, schedule or publish an article (programme office)",
)
def article_update(request, slug: str, payload: ArticleUpdateIn):
    from heartbeat.core.exceptions import PermissionDenied
    from heartbeat.engagement import permissions

    if not permissions.can_write_news(request.auth):
        raise PermissionDenied("Only the programme office edits news.")
    article = get_object_or_404(Article, slug=slug)
    article = services.article_update(
        actor=request.auth, article=article, data=_input(payload), version=payload.version
    )
    return _article(article, detail=True)
