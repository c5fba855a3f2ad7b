"""News services and scheduled publishing."""

import datetime

import pytest
from django.utils import timezone

from heartbeat.core.exceptions import Conflict, InvalidInput, PermissionDenied
from heartbeat.engagement.inputs import ArticleInput
from heartbeat.engagement.models import Article, ArticleStatus, Follow, Notification, limits
from heartbeat.engagement.services import news as services
from heartbeat.engagement.tasks import publish_due_articles
from tests.engagement.factories import ArticleFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def article_input(**changes) -> ArticleInput:
    values = {
        "title": "A new delivery model",
        "summary": "The partnership starts its new way of working.",
        "body": "## What changes\n\nEvery project **beats** monthly.",
        "tags": ["delivery model", "Partnership Forum"],
    }
    return ArticleInput(**{**values, **changes})


def test_the_programme_office_publishes_an_article_now(programme_office):
    article = services.article_create(actor=programme_office, data=article_input(action="publish"))
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_at is not None
    assert article.slug == "a-new-delivery-model"
    assert "<h2>What changes</h2>" in article.body_html
    assert sorted(t.name for t in article.tags.all()) == ["Partnership Forum", "delivery model"]
    assert Article.objects.visible_to(None).filter(pk=article.pk).exists()


def test_a_draft_is_not_published(programme_office):
    article = services.article_create(actor=programme_office, data=article_input())
    assert article.status == ArticleStatus.DRAFT
    assert not Article.objects.visible_to(programme_office).filter(pk=article.pk).exists()


@pytest.mark.parametrize("action", ["draft", "publish"])
@pytest.mark.parametrize(
    "when",
    [
        datetime.datetime(
            370, 4, 11, 9, 24, tzinfo=datetime.timezone(datetime.timedelta(hours=19))
        ),
        datetime.datetime(2101, 1, 1, tzinfo=datetime.UTC),
        datetime.datetime(2027, 1, 1, 9, 0),  # no time zone
    ],
)
def test_a_publishing_time_out_of_range_or_without_a_zone_is_refused(
    programme_office, action, when
):
    with pytest.raises(InvalidInput) as error:
        services.article_create(
            actor=programme_office, data=article_input(action=action, publish_at=when)
        )
    assert error.value.field == "publish_at"
    assert not Article.objects.exists()


def test_a_publishing_time_is_kept_in_utc(programme_office):
    when = datetime.datetime(
        2027, 1, 1, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=14))
    )
    article = services.article_create(actor=programme_office, data=article_input(publish_at=when))
    article.refresh_from_db()
    assert article.publish_at == when
    assert article.publish_at.utcoffset() == datetime.timedelta(0)


@pytest.mark.parametrize("role", ["member", "organisation_lead", "project_lead", "board_member"])
def test_only_the_programme_office_writes_news(user_for_role, role):
    with pytest.raises(PermissionDenied):
        services.article_create(actor=user_for_role(role), data=article_input())
    assert not Article.objects.exists()


def test_unsafe_html_in_an_article_is_stripped(programme_office):
    article = services.article_create(
        actor=programme_office,
        data=article_input(body="Hello <script>steal()</script><img src=x onerror=alert(1)>"),
    )
    assert "<script" not in article.body_html
    assert "steal()" not in article.body_html
    assert "onerror" not in article.body_html
    assert "Hello" in article.body_html


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "x" * (limits.TITLE + 1)}, "title"),
        ({"title": "  "}, "title"),
        ({"body": "x" * (limits.ARTICLE_BODY + 1)}, "body"),
        ({"summary": "Null \x00 byte"}, "summary"),
        ({"tags": [f"tag {i}" for i in range(limits.TAGS_PER_ARTICLE + 1)]}, "tags"),
        ({"project_slugs": ["no-such-project"]}, "projects"),
        ({"visibility": "secret"}, "visibility"),
    ],
)
def test_bad_input_is_refused_with_the_field(programme_office, changes, field):
    with pytest.raises(InvalidInput) as error:
        services.article_create(actor=programme_office, data=article_input(**changes))
    assert error.value.field == field
    assert not Article.objects.exists()


def test_an_article_for_later_is_scheduled_and_published_by_the_worker(
    programme_office, django_capture_on_commit_callbacks
):
    when = timezone.now() + datetime.timedelta(hours=2)
    article = services.article_create(
        actor=programme_office, data=article_input(action="publish", publish_at=when)
    )
    assert article.status == ArticleStatus.SCHEDULED
    assert not Article.objects.visible_to(None).exists()

    assert services.articles_publish_due(now=timezone.now()) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.articles_publish_due(now=when + datetime.timedelta(minutes=1)) == [
            article.pk
        ]
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_at == when
    # A second worker finds nothing left to publish.
    assert services.articles_publish_due(now=when + datetime.timedelta(minutes=2)) == []


def test_the_publishing_task_publishes_what_is_due(programme_office):
    ArticleFactory(
        status=ArticleStatus.SCHEDULED,
        publish_at=timezone.now() - datetime.timedelta(minutes=1),
        published_at=None,
    )
    assert publish_due_articles.call() == 1
    assert Article.objects.get().status == ArticleStatus.PUBLISHED


def test_publishing_notifies_the_followers_of_related_projects_and_themes(
    programme_office, member, other_organisation_lead, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(name="Digital Foundations")
    project = ProjectFactory(title="Cyber resilience", theme=theme)
    Follow.objects.create(person=member, project=project)
    Follow.objects.create(person=other_organisation_lead, theme=theme)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_create(
            actor=programme_office,
            data=article_input(action="publish", project_slugs=[project.slug]),
        )
    notified = set(Notification.objects.values_list("recipient__email", flat=True))
    assert notified == {member.email, other_organisation_lead.email}
    assert Notification.objects.first().kind == "news"


def test_two_people_editing_an_article_do_not_overwrite_each_other(programme_office):
    article = services.article_create(actor=programme_office, data=article_input())
    services.article_update(
        actor=programme_office, article=article, data=article_input(title="First"), version=1
    )
    with pytest.raises(Conflict):
        services.article_update(
            actor=programme_office, article=article, data=article_input(title="Second"), version=1
        )
    article.refresh_from_db()
    assert article.title == "First"


def test_a_published_article_stays_published_when_edited(programme_office):
    article = services.article_create(actor=programme_office, data=article_input(action="publish"))
    article = services.article_update(
        actor=programme_office,
        article=article,
        data=article_input(title="Corrected", action="draft"),
        version=article.version,
    )
    assert article.status == ArticleStatus.PUBLISHED
    assert article.title == "Corrected"
