"""Reads for news pages, feeds and the project's news section."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from heartbeat.engagement import permissions
from heartbeat.engagement.models import Article, ArticleStatus, ArticleTag
from heartbeat.portfolio.models import Project, Theme


@dataclass
class NewsFilters:
    tag: ArticleTag | None = None
    theme: Theme | None = None
    project: Project | None = None

    def as_params(self) -> dict:
        return {
            "tag": self.tag.slug if self.tag else "",
            "theme": self.theme.slug if self.theme else "",
            "project": self.project.slug if self.project else "",
        }


def parse_filters(user, params) -> NewsFilters:
    """Filters from the query string; an unknown slug is ignored rather than an error."""
    filters = NewsFilters()
    params = {k: v for k, v in params.items() if isinstance(v, str) and "\x00" not in v}
    if slug := params.get("tag"):
        filters.tag = ArticleTag.objects.filter(slug=str(slug)[:80]).first()
    if slug := params.get("theme"):
        filters.theme = (
            Theme.objects.filter(slug=str(slug)[:120]).only("pk", "name", "slug").first()
        )
    if slug := params.get("project"):
        filters.project = (
            Project.objects.visible_to(user)
            .filter(slug=str(slug)[:120])
            .only("pk", "title", "slug")
            .first()
        )
    return filters


def _with_relations(queryset):
    return queryset.select_related("author").prefetch_related(
        Prefetch("tags", queryset=ArticleTag.objects.only("pk", "name", "slug")),
        Prefetch("themes", queryset=Theme.objects.only("pk", "name", "slug")),
    )


def article_list(user, filters: NewsFilters | None = None):
    """Published articles this person may read, newest first, filtered."""
    articles = Article.objects.visible_to(user)
    if filters is not None:
        if filters.tag:
            articles = articles.filter(tags=filters.tag)
        if filters.theme:
            articles = articles.filter(themes=filters.theme) | articles.filter(
                projects__theme=filters.theme
            )
        if filters.project:
            articles = articles.filter(projects=filters.project)
    return _with_relations(
        articles.distinct().defer("body", "body_html").order_by("-published_at", "-id")
    )


def unpublished_articles(user):
    """Drafts and scheduled articles, for the programme office."""
    if not permissions.can_write_news(user):
        return Article.objects.none()
    return Article.objects.exclude(status=ArticleStatus.PUBLISHED).defer("body", "body_html")


def article_detail(user, slug: str) -> Article | None:
    article = (
        Article.objects.select_related("author", "author__organisation")
        .prefetch_related(
            "tags",
            Prefetch("themes", queryset=Theme.objects.only("pk", "name", "slug")),
            Prefetch(
                "projects",
                queryset=Project.objects.visible_to(user).only("pk", "title", "slug"),
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if article is None or not permissions.can_view_article(user, article):
        return None
    return article


def feed_articles(*, theme: Theme | None = None, project: Project | None = None, limit=20):
    """The latest public articles for a feed: the site's, a theme's or a project's."""
    articles = Article.objects.public()
    if theme is not None:
        articles = articles.filter(themes=theme) | articles.filter(projects__theme=theme)
    if project is not None:
        articles = articles.filter(projects=project)
    return list(
        articles.distinct()
        .select_related("author")
        .prefetch_related("tags")
        .order_by("-published_at", "-id")[:limit]
    )


def project_news(user, project: Project, limit: int = 5) -> list[Article]:
    return list(
        Article.objects.visible_to(user)
        .filter(projects=project)
        .defer("body", "body_html")
        .order_by("-published_at", "-id")[:limit]
    )


def tag_options():
    return list(ArticleTag.objects.filter(articles__status=ArticleStatus.PUBLISHED).distinct())
