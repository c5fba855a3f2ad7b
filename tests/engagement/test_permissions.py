"""Who may do what, role by role: every engagement action through its page.

Each row: an action and the roles that may take it. Roles not listed are refused: a
visitor is sent to sign in, a signed-in person gets 403 (or 404 for what they may not
even see), and nothing changes.
"""

import datetime

import pytest
from django.utils import timezone

from heartbeat.engagement import notify
from heartbeat.engagement.models import (
    EventResponse,
    Follow,
    Question,
    QuestionStatus,
    Registration,
    Vote,
)
from heartbeat.engagement.services import events as event_services
from tests.conftest import ROLE_FIXTURES
from tests.engagement.factories import ArticleFactory, EventFactory, QuestionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNED_IN = {"member", "organisation_lead", "project_lead", "board_member", "programme_office"}
EVERYONE = {"anonymous", *SIGNED_IN}
OFFICE = {"programme_office"}


@pytest.fixture
def world(other_council):
    asker = UserFactory(organisation=other_council, full_name="Third Person")
    event = EventFactory(slug="forum", capacity=50)
    past = EventFactory(
        slug="past",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-3),
    )
    EventResponse.objects.create(event=past, body="Draft", body_html="<p>Draft</p>")
    return {
        "event": event,
        "asker": asker,
        "approved": QuestionFactory(event=event, asker=asker, text="Approved question"),
        "target": QuestionFactory(event=event, asker=asker, text="Merge target"),
        "pending": QuestionFactory(
            event=event, asker=asker, status=QuestionStatus.PENDING, text="Pending question"
        ),
        "members_article": ArticleFactory(slug="members", visibility="partnership"),
        "draft": ArticleFactory(slug="draft", status="draft", published_at=None, publish_at=None),
    }


def q(world, name):
    return world[name].pk


# (name, method, url, data, allowed roles, status when allowed, status when refused to a
#  signed-in person)
ACTIONS = [
    ("read the news", "get", lambda w: "/news/", None, EVERYONE, 200, None),
    ("read partnership news", "get", lambda w: "/news/members/", None, SIGNED_IN, 200, 404),
    ("read a draft", "get", lambda w: "/news/draft/", None, OFFICE, 200, 404),
    ("open the news form", "get", lambda w: "/news/new/", None, OFFICE, 200, 403),
    ("edit an article", "get", lambda w: "/news/draft/edit/", None, OFFICE, 200, 403),
    ("read the events", "get", lambda w: "/events/", None, EVERYONE, 200, None),
    ("read an event", "get", lambda w: "/events/forum/", None, EVERYONE, 200, None),
    (
        "download the invitation",
        "get",
        lambda w: "/events/forum/invitation.ics",
        None,
        EVERYONE,
        200,
        None,
    ),
    ("set up an event", "get", lambda w: "/events/new/", None, OFFICE, 200, 403),
    ("edit an event", "get", lambda w: "/events/forum/edit/", None, OFFICE, 200, 403),
    ("register", "post", lambda w: "/events/forum/register/", {}, SIGNED_IN, 302, None),
    (
        "see attendees",
        "get",
        lambda w: "/events/forum/attendees/",
        None,
        {"programme_office", "organisation_lead"},
        200,
        403,
    ),
    ("give views", "get", lambda w: "/events/forum/views/", None, SIGNED_IN, 200, None),
    (
        "read everyone's views",
        "get",
        lambda w: "/events/forum/views/results/",
        None,
        OFFICE,
        200,
        403,
    ),
    (
        "ask a question",
        "post",
        lambda w: "/events/forum/questions/ask/",
        {"text": "A new question"},
        SIGNED_IN,
        302,
        None,
    ),
    ("read the live view", "get", lambda w: "/events/forum/questions/", None, EVERYONE, 200, None),
    (
        "upvote",
        "post",
        lambda w: f"/events/forum/questions/{q(w, 'approved')}/vote/",
        {},
        SIGNED_IN,
        302,
        None,
    ),
    (
        "see a pending question",
        "get",
        lambda w: f"/events/forum/questions/{q(w, 'pending')}/",
        None,
        OFFICE,
        200,
        404,
    ),
    ("moderate", "get", lambda w: "/events/forum/questions/moderate/", None, OFFICE, 200, 403),
    (
        "approve",
        "post",
        lambda w: f"/events/forum/questions/{q(w, 'pending')}/approve/",
        {},
        OFFICE,
        302,
        403,
    ),
    (
        "reject",
        "post",
        lambda w: f"/events/forum/questions/{q(w, 'pending')}/reject/",
        {"reason": "Off topic"},
        OFFICE,
        302,
        403,
    ),
    (
        "merge",
        "post",
        lambda w: f"/events/forum/questions/{q(w, 'approved')}/merge/",
        lambda w: {"into": str(q(w, "target"))},
        OFFICE,
        302,
        403,
    ),
    (
        "answer",
        "post",
        lambda w: f"/events/forum/questions/{q(w, 'approved')}/answer/",
        {"answer": "Yes"},
        OFFICE,
        302,
        403,
    ),
    ("close questions", "post", lambda w: "/events/forum/questions/close/", {}, OFFICE, 302, 403),
    ("write the response", "get", lambda w: "/events/past/response/edit/", None, OFFICE, 200, 403),
    ("read a draft response", "get", lambda w: "/events/past/response/", None, OFFICE, 200, 404),
    ("read notifications", "get", lambda w: "/notifications/", None, SIGNED_IN, 200, None),
    ("choose emails", "get", lambda w: "/notifications/emails/", None, SIGNED_IN, 200, None),
    (
        "follow",
        "post",
        lambda w: "/notifications/follow/",
        {"kind": "event", "slug": "forum"},
        SIGNED_IN,
        302,
        None,
    ),
]

EFFECTS = {
    "register": lambda w: Registration.objects.exists(),
    "ask a question": lambda w: Question.objects.filter(text="A new question").exists(),
    "upvote": lambda w: Vote.objects.exists(),
    "approve": lambda w: Question.objects.get(pk=q(w, "pending")).status == "approved",
    "reject": lambda w: Question.objects.get(pk=q(w, "pending")).status == "rejected",
    "merge": lambda w: Question.objects.get(pk=q(w, "approved")).status == "merged",
    "answer": lambda w: Question.objects.get(pk=q(w, "approved")).answer == "Yes",
    "close questions": lambda w: (
        w["event"].__class__.objects.get(slug="forum").questions_closed_at is not None
    ),
    "follow": lambda w: Follow.objects.exists(),
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "ok", "refused"),
    ACTIONS,
    ids=[a[0] for a in ACTIONS],
)
def test_permission_matrix(
    client_for, user_for_role, world, role, name, method, url, data, allowed, ok, refused
):
    client = client_for(user_for_role(role))
    payload = data(world) if callable(data) else data
    response = (
        getattr(client, method)(url(world), payload) if method == "post" else client.get(url(world))
    )
    effect = EFFECTS.get(name)
    if role in allowed:
        assert response.status_code == ok, f"{role} should be able to {name}"
        if effect:
            assert effect(world), f"{name} by {role} changed nothing"
    else:
        if role == "anonymous" and refused != 404:
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/sign-in/")
        else:
            # What a person may not even see is "not found", signed in or not.
            assert response.status_code == refused, f"{role} should not be able to {name}"
        if effect:
            assert not effect(world), f"{name} by {role} was refused yet changed something"


def test_an_organisation_lead_sees_their_own_councils_attendees_not_anothers(
    client_for, organisation_lead, other_organisation_lead, member, other_council
):
    event = EventFactory(slug="forum")
    theirs = UserFactory(organisation=other_council, full_name="Angus Person")
    event_services.registration_create(actor=member, event=event)
    event_services.registration_create(actor=theirs, event=event)
    own = client_for(organisation_lead).get("/events/forum/attendees/").content.decode()
    assert member.display_name in own and "Angus Person" not in own
    other = client_for(other_organisation_lead).get("/events/forum/attendees/").content.decode()
    assert "Angus Person" in other and member.display_name not in other


def test_the_unsubscribe_link_works_for_a_visitor_and_names_only_its_person(client, member):
    token = notify.unsubscribe_token(member)
    assert client.get(f"/notifications/unsubscribe/{token}/").status_code == 200
