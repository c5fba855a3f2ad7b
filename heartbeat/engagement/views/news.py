"""News pages: the list (filtered, exported), an article, writing and editing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import export_response
from heartbeat.core.formatting import uk_date
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.engagement import permissions
from heartbeat.engagement.forms import ArticleForm
from heartbeat.engagement.models import Article
from heartbeat.engagement.selectors import news as selectors
from heartbeat.engagement.selectors.notifications import is_following
from heartbeat.engagement.services import news as services
from heartbeat.engagement.views._common import require, show_error, status_for, wants_export
from heartbeat.portfolio.models import Project, Theme

PER_PAGE = 20


@kept_page
@login_not_required
def article_list(request):
    filters = selectors.parse_filters(request.user, request.GET)
    articles = selectors.article_list(request.user, filters)
    fmt = wants_export(request)
    if fmt:
        base = request.build_absolute_uri("/")[:-1]
        return export_response(
            fmt,
            filename="news",
            headers=["Title", "Published", "Summary", "Tags", "Themes", "Visibility", "Link"],
            rows=(
                [
                    a.title,
                    uk_date(a.published_at),
                    a.summary,
                    ", ".join(t.name for t in a.tags.all()),
                    ", ".join(t.name for t in a.themes.all()),
                    a.get_visibility_display(),
                    base + a.get_absolute_url(),
                ]
                for a in articles
            ),
            title="News",
        )
    can_write = permissions.can_write_news(request.user)
    return render(
        request,
        "engagement/article_list.html",
        {
            "page_title": "News",
            "breadcrumbs": [("Home", "/"), ("News", None)],
            "page_obj": paginate(articles, request, PER_PAGE),
            "filters": filters,
            "tags": selectors.tag_options(),
            "themes": Theme.objects.only("pk", "name", "slug"),
            "can_write": can_write,
            "unpublished": list(selectors.unpublished_articles(request.user)[:50])
            if can_write
            else [],
        },
    )


@kept_page
@login_not_required
def theme_news(request, slug: str):
    theme = get_object_or_404(Theme, slug=slug)
    filters = selectors.NewsFilters(theme=theme)
    return render(
        request,
        "engagement/theme_news.html",
        {
            "page_title": f"News about {theme.name}",
            "breadcrumbs": [
                ("Home", "/"),
                ("News", reverse("engagement:article_list")),
                (theme.name, None),
            ],
            "theme": theme,
            "page_obj": paginate(selectors.article_list(request.user, filters), request, PER_PAGE),
            "following": is_following(request.user, theme=theme),
        },
    )


@kept_page
@login_not_required
def article_detail(request, slug: str):
    article = selectors.article_detail(request.user, slug)
    if article is None:
        raise Http404
    return render(
        request,
        "engagement/article_detail.html",
        {
            "page_title": article.title,
            "breadcrumbs": [
                ("Home", "/"),
                ("News", reverse("engagement:article_list")),
                (article.title, None),
            ],
            "article": article,
            "can_edit": permissions.can_write_news(request.user),
        },
    )


def _form(request, *, article=None):
    projects = Project.objects.only("slug", "title").order_by("title")
    themes = Theme.objects.only("slug", "name")
    published = article is not None and article.is_published
    if request.method == "POST":
        return ArticleForm(request.POST, projects=projects, themes=themes, published=published)
    initial = (
        ArticleForm.initial_for(article) if article else {"visibility": "public", "action": "draft"}
    )
    return ArticleForm(initial=initial, projects=projects, themes=themes, published=published)


def article_create(request):
    require(permissions.can_write_news(request.user))
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_create(actor=request.user, data=form.to_input())
        except ApplicationError as error:
            show_error(form, error)
        else:
            messages.success(request, _saved_message(article))
            return redirect(article.get_absolute_url())
    return render(
        request,
        "engagement/article_form.html",
        {
            "page_title": "Write a news article",
            "breadcrumbs": [("Home", "/"), ("News", reverse("engagement:article_list"))],
            "form": form,
            "article": None,
        },
        status=status_for(form),
    )


def article_edit(request, slug: str):
    require(permissions.can_write_news(request.user))
    article = get_object_or_404(
        Article.objects.prefetch_related("tags", "projects", "themes"), slug=slug
    )
    form = _form(request, article=article)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_update(
                actor=request.user,
                article=article,
                data=form.to_input(),
                version=form.cleaned_data.get("version"),
            )
        except Conflict as error:
            show_error(form, error)
            conflict = Article.objects.get(pk=article.pk)
        except ApplicationError as error:
            show_error(form, error)
        else:
            messages.success(request, _saved_message(article))
            return redirect(article.get_absolute_url())
    return render(
        request,
        "engagement/article_form.html",
        {
            "page_title": f"Edit: {article.title}",
            "breadcrumbs": [
                ("Home", "/"),
                ("News", reverse("engagement:article_list")),
                (article.title, article.get_absolute_url()),
            ],
            "form": form,
            "article": article,
            "conflict": conflict,
        },
        status=409 if conflict else status_for(form),
    )


def _saved_message(article) -> str:
    from heartbeat.core.formatting import uk_datetime

    if article.status == "scheduled":
        return f"The article is scheduled to publish on {uk_datetime(article.publish_at)}."
    if article.status == "published":
        return "The article is published."
    return "The draft is saved."
