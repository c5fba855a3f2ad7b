"""The engagement API: the same rules as the pages, errors as {code, message}."""

import datetime

import pytest
from django.utils import timezone

from heartbeat.accounts.models import ApiToken
from heartbeat.engagement.models import (
    Article,
    Follow,
    Notification,
    Question,
    QuestionStatus,
    Registration,
    Vote,
)
from tests.conftest import ROLE_FIXTURES
from tests.engagement.factories import ArticleFactory, EventFactory, QuestionFactory
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


def send(client, method, url, data=None, **headers):
    return getattr(client, method)(url, data, content_type="application/json", **headers)


def token_for(user) -> dict:
    raw, hashed = ApiToken.new_token()
    ApiToken.objects.create(user=user, name="script", token_hash=hashed, prefix=raw[:12])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


ARTICLE = {
    "title": "Forum dates announced",
    "summary": "The next forum is in March.",
    "body": "Book your place. <script>alert(1)</script>",
    "tags": ["Partnership Forum"],
    "action": "publish",
}


def test_articles_list_public_news_for_anyone(client):
    ArticleFactory(title="Public")
    ArticleFactory(title="Members", visibility="partnership")
    body = client.get(f"{API}/articles").json()
    assert [a["title"] for a in body["items"]] == ["Public"]
    assert body["count"] == 1


def test_the_programme_office_publishes_by_token(client, programme_office):
    response = send(client, "post", f"{API}/articles", ARTICLE, **token_for(programme_office))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "published"
    assert "<script" not in body["body_html"]
    assert client.get(f"{API}/articles/{body['slug']}").json()["title"] == ARTICLE["title"]


@pytest.mark.parametrize("role", ["member", "organisation_lead", "project_lead", "board_member"])
def test_others_cannot_write_news(client, user_for_role, role):
    response = send(client, "post", f"{API}/articles", ARTICLE, **token_for(user_for_role(role)))
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not Article.objects.exists()


def test_writing_news_needs_authentication(client):
    response = send(client, "post", f"{API}/articles", ARTICLE)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "x" * 201},
        {"body": "x" * 20_001},
        {"summary": "nul \x00 byte"},
        {"tags": [f"t{i}" for i in range(11)]},
        {"visibility": "secret"},
        {"projects": ["no-such-project"]},
    ],
)
def test_bad_articles_are_refused_with_json(client, programme_office, changes):
    response = send(
        client, "post", f"{API}/articles", {**ARTICLE, **changes}, **token_for(programme_office)
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["message"]
    assert not Article.objects.exists()


def test_editing_an_article_from_an_old_version_conflicts(client, programme_office):
    headers = token_for(programme_office)
    slug = send(client, "post", f"{API}/articles", ARTICLE, **headers).json()["slug"]
    first = send(
        client,
        "put",
        f"{API}/articles/{slug}",
        {**ARTICLE, "title": "One", "version": 1},
        **headers,
    )
    assert first.status_code == 200
    second = send(
        client,
        "put",
        f"{API}/articles/{slug}",
        {**ARTICLE, "title": "Two", "version": 1},
        **headers,
    )
    assert second.status_code == 409
    assert second.json()["code"] == "edit_conflict"
    assert Article.objects.get().title == "One"


def test_events_and_registration(client, member, council):
    event = EventFactory(slug="forum", capacity=1)
    assert client.get(f"{API}/events").json()[0]["slug"] == "forum"
    headers = token_for(member)
    created = send(client, "post", f"{API}/events/forum/registration", **headers)
    assert created.status_code == 201
    assert created.json()["status"] == "confirmed"
    again = send(client, "post", f"{API}/events/forum/registration", **headers)
    assert again.status_code == 409
    assert again.json()["code"] == "already_registered"
    other = UserFactory(organisation=council)
    waiting = send(client, "post", f"{API}/events/forum/registration", **token_for(other))
    assert waiting.json()["status"] == "waiting"
    cancelled = send(client, "delete", f"{API}/events/forum/registration", **headers)
    assert cancelled.json()["status"] == "cancelled"
    assert Registration.objects.get(person=other).status == "confirmed"
    assert event.registrations.active().count() == 1


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_who_sees_the_registrations(client, user_for_role, role, member, other_council):
    EventFactory(slug="forum")
    for person in (member, UserFactory(organisation=other_council)):
        send(client, "post", f"{API}/events/forum/registration", **token_for(person))
    user = user_for_role(role)
    headers = token_for(user) if user else {}
    response = client.get(f"{API}/events/forum/registrations", **headers)
    expected = {"anonymous": 401, "programme_office": 200, "organisation_lead": 200}
    assert response.status_code == expected.get(role, 403)
    if role == "programme_office":
        assert len(response.json()) == 2
    if role == "organisation_lead":
        assert [r["person"]["name"] for r in response.json()] == [member.display_name]


def test_creating_an_event_with_bad_input(client, programme_office):
    payload = {
        "title": "Forum",
        "summary": "Meet",
        "starts_at": "2027-03-18T10:00:00Z",
        "ends_at": "2027-03-18T09:00:00Z",
        "format": "online",
        "capacity": 10,
        "online_link": "https://meet.example.org",
    }
    response = send(client, "post", f"{API}/events", payload, **token_for(programme_office))
    assert response.status_code == 422
    assert response.json()["field"] == "ends_at"
    response = send(
        client, "post", f"{API}/events", {**payload, "capacity": 0}, **token_for(programme_office)
    )
    assert response.status_code == 422


def test_questions_votes_and_moderation(client, member, programme_office, council):
    event = EventFactory(slug="forum")
    headers = token_for(member)
    asked = send(
        client,
        "post",
        f"{API}/events/forum/questions",
        {"text": "What next?", "anonymous": True},
        **headers,
    )
    assert asked.status_code == 201
    question_id = asked.json()["id"]
    # Pending questions are not listed publicly.
    assert client.get(f"{API}/events/forum/questions").json()["count"] == 0
    office = token_for(programme_office)
    pending = client.get(f"{API}/events/forum/questions?status=pending", **office).json()
    assert pending["items"][0]["asked_by"]["name"] == member.display_name
    assert client.get(f"{API}/events/forum/questions?status=pending", **headers).status_code == 403

    approved = send(
        client,
        "post",
        f"{API}/events/forum/questions/{question_id}/moderation",
        {"action": "approve"},
        **office,
    )
    assert approved.json()["status"] == "approved"
    listed = client.get(f"{API}/events/forum/questions").json()["items"][0]
    assert listed["asked_by"] is None  # anonymous to everyone but the office

    voter = token_for(UserFactory(organisation=council))
    url = f"{API}/events/forum/questions/{question_id}/vote"
    assert send(client, "post", url, **voter).json()["votes"] == 1
    twice = send(client, "post", url, **voter)
    assert twice.status_code == 409 and twice.json()["code"] == "already_voted"
    own = send(client, "post", url, **headers)
    assert own.status_code == 409 and own.json()["code"] == "own_question"

    answered = send(
        client,
        "put",
        f"{API}/events/forum/questions/{question_id}/answer",
        {"answer": "In March."},
        **office,
    )
    assert answered.json()["answer"] == "In March."
    assert (
        send(
            client,
            "put",
            f"{API}/events/forum/questions/{question_id}/answer",
            {"answer": "No"},
            **headers,
        ).status_code
        == 403
    )
    assert Question.objects.get().answer == "In March."
    assert event.questions.count() == 1


def test_merging_and_rejecting_by_api(client, programme_office):
    event = EventFactory(slug="forum")
    target, duplicate, off_topic = (QuestionFactory(event=event) for _ in range(3))
    Vote.objects.create(question=duplicate, voter=UserFactory())
    duplicate.vote_count = 1
    duplicate.save()
    office = token_for(programme_office)
    base = f"{API}/events/forum/questions"
    merged = send(
        client,
        "post",
        f"{base}/{duplicate.pk}/moderation",
        {"action": "merge", "into": target.pk},
        **office,
    )
    assert merged.json()["merged_into"] == target.pk
    assert Question.objects.get(pk=target.pk).vote_count == 1
    no_reason = send(
        client, "post", f"{base}/{off_topic.pk}/moderation", {"action": "reject"}, **office
    )
    assert no_reason.status_code == 422
    bad_action = send(
        client, "post", f"{base}/{off_topic.pk}/moderation", {"action": "delete"}, **office
    )
    assert bad_action.status_code == 422
    assert Question.objects.get(pk=off_topic.pk).status == QuestionStatus.APPROVED


def test_questions_to_a_closed_event_by_api(client, member):
    EventFactory(
        slug="past",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    response = send(
        client, "post", f"{API}/events/past/questions", {"text": "Late"}, **token_for(member)
    )
    assert response.status_code == 409
    assert response.json()["code"] == "questions_closed"


def test_oversized_and_nul_questions_by_api(client, member):
    EventFactory(slug="forum")
    for text in ("x" * 1001, "a \x00 b"):
        response = send(
            client, "post", f"{API}/events/forum/questions", {"text": text}, **token_for(member)
        )
        assert response.status_code == 422
    assert not Question.objects.exists()


def test_follows_notifications_and_preferences(client, member):
    project = ProjectFactory(slug="telecare", visibility="public")
    headers = token_for(member)
    created = send(
        client, "post", f"{API}/follows", {"kind": "project", "slug": "telecare"}, **headers
    )
    assert created.status_code == 201
    assert (
        send(
            client, "post", f"{API}/follows", {"kind": "project", "slug": "telecare"}, **headers
        ).status_code
        == 409
    )
    assert client.get(f"{API}/follows", **headers).json()[0]["name"] == project.title
    assert send(client, "delete", f"{API}/follows/project/telecare", **headers).status_code == 204
    assert not Follow.objects.exists()

    notification = Notification.objects.create(
        recipient=member,
        kind="news",
        key="k",
        title="News",
        link="/news/",
        created_at=timezone.now(),
    )
    Notification.objects.create(
        recipient=UserFactory(),
        kind="news",
        key="k",
        title="Theirs",
        link="/",
        created_at=timezone.now(),
    )
    listed = client.get(f"{API}/notifications", **headers).json()
    assert (listed["count"], listed["unread"]) == (1, 1)
    read = send(client, "post", f"{API}/notifications/{notification.pk}/read", **headers)
    assert read.json()["read_at"] is not None
    other = Notification.objects.exclude(recipient=member).get()
    assert (
        send(client, "post", f"{API}/notifications/{other.pk}/read", **headers).status_code == 404
    )

    assert client.get(f"{API}/notification-preferences", **headers).json() == {"email": "immediate"}
    assert send(
        client, "put", f"{API}/notification-preferences", {"email": "weekly"}, **headers
    ).json() == {"email": "weekly"}
    bad = send(client, "put", f"{API}/notification-preferences", {"email": "hourly"}, **headers)
    assert bad.status_code == 422


def test_notifications_need_authentication(client):
    assert client.get(f"{API}/notifications").status_code == 401
    assert client.get(f"{API}/follows").status_code == 401


def test_nul_bytes_in_query_parameters_and_paths_are_refused(client, member):
    response = client.get(f"{API}/articles?tag=a%00b")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    # No address holds a NUL byte: the site-wide guard answers that there is no such one.
    response = send(client, "delete", f"{API}/follows/project/a%00b", **token_for(member))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
