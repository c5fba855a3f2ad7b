"""Atom feeds of public news: the whole site's, each theme's and each project's."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from heartbeat.engagement.selectors.news import feed_articles
from heartbeat.portfolio.models import Project, Theme


class SiteFeed(Feed):
    feed_type = Atom1Feed
    # Feeds are public: the login middleware leaves views with this attribute alone.
    login_required = False
    title = "Heartbeat news"
    subtitle = "News of the partnership's digital work programme."
    author_name = "The Digital Office"

    def link(self, obj=None):
        return reverse("engagement:article_list")

    def feed_url(self, obj=None):
        return reverse("engagement:feed")

    def items(self, obj=None):
        return feed_articles()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return item.author.display_name if item.author_id else "The Digital Office"

    def item_categories(self, item):
        return [t.name for t in item.tags.all()]

    def item_guid(self, item):
        return f"tag:heartbeat,2019:article:{item.pk}"

    item_guid_is_permalink = False


class ThemeFeed(SiteFeed):
    def get_object(self, request, slug):
        theme = Theme.objects.filter(slug=slug).first()
        if theme is None:
            raise Http404
        return theme

    def title(self, obj):
        return f"Heartbeat news: {obj.name}"

    def subtitle(self, obj):
        return obj.summary

    def link(self, obj):
        return reverse("engagement:theme_news", args=[obj.slug])

    def feed_url(self, obj):
        return reverse("engagement:theme_feed", args=[obj.slug])

    def items(self, obj):
        return feed_articles(theme=obj)


class ProjectFeed(SiteFeed):
    def get_object(self, request, slug):
        # Feeds are read without signing in: only public projects have one.
        project = Project.objects.visible_to(None).filter(slug=slug).first()
        if project is None:
            raise Http404
        return project

    def title(self, obj):
        return f"Heartbeat news: {obj.title}"

    def subtitle(self, obj):
        return obj.summary

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_url(self, obj):
        return reverse("engagement:project_feed", args=[obj.slug])

    def items(self, obj):
        return feed_articles(project=obj)
