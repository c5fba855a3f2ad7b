"""News articles: Markdown, tags, related projects and themes, scheduled publishing."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.engagement.models import limits
from heartbeat.portfolio.models import Visibility


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"


class ArticleTag(models.Model):
    name = models.CharField(max_length=limits.TAG, unique=True)
    slug = models.SlugField(max_length=limits.TAG + 10, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__lte=timezone.now())

    def visible_to(self, user):
        """Published articles: public ones for everyone, partnership-only ones for members."""
        articles = self.published()
        if user is not None and user.is_authenticated:
            return articles
        return articles.filter(visibility=Visibility.PUBLIC)

    def public(self):
        return self.published().filter(visibility=Visibility.PUBLIC)

    def due(self, now=None):
        """Scheduled articles whose time has come."""
        return self.filter(status=ArticleStatus.SCHEDULED, publish_at__lte=now or timezone.now())


class Article(TimeStampedModel):
    title = models.CharField(max_length=limits.TITLE)
    slug = models.SlugField(max_length=limits.SLUG, unique=True)
    summary = models.CharField(max_length=limits.SUMMARY, help_text="One or two sentences")
    body = models.TextField(help_text="Markdown")
    # The body rendered and cleaned when it is saved, so pages and feeds never render it.
    body_html = models.TextField(blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="articles"
    )
    status = models.CharField(
        max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    # When it goes (or went) out: set for scheduled and published articles.
    publish_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    tags = models.ManyToManyField(ArticleTag, blank=True, related_name="articles")
    projects = models.ManyToManyField("portfolio.Project", blank=True, related_name="articles")
    themes = models.ManyToManyField("portfolio.Theme", blank=True, related_name="articles")
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(m2m_fields=[tags, projects, themes])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-publish_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.SCHEDULED) | Q(publish_at__isnull=False),
                name="article_scheduled_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), limits.ARTICLE_BODY),
                name="article_body_length",
            ),
        ]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("engagement:article_detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED
