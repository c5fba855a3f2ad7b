"""The engagement pages as people use them, without JavaScript and with htmx."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from heartbeat.engagement.models import (
    Article,
    EventResponse,
    Follow,
    Notification,
    Question,
    QuestionStatus,
    Registration,
    RegistrationStatus,
)
from heartbeat.engagement.services import events as event_services
from tests.engagement.factories import ArticleFactory, EventFactory, QuestionFactory
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return response.content.decode()


# News --------------------------------------------------------------------------------------


def test_the_news_list_shows_public_news_to_visitors_and_more_to_members(client_for, member):
    ArticleFactory(title="Public launch")
    ArticleFactory(title="Members only briefing", visibility="partnership")
    ArticleFactory(title="Unpublished draft", status="draft", published_at=None, publish_at=None)
    public = text_of(client_for(None).get("/news/"))
    assert "Public launch" in public
    assert "Members only briefing" not in public
    assert "Unpublished draft" not in public
    members = text_of(client_for(member).get("/news/"))
    assert "Members only briefing" in members
    assert "Unpublished draft" not in members


def test_news_filters_by_tag_theme_and_project_in_the_url(client):
    theme = ThemeFactory(name="Digital Foundations", slug="digital-foundations")
    project = ProjectFactory(
        title="Cyber resilience", slug="cyber-resilience", theme=theme, visibility="public"
    )
    tagged = ArticleFactory(title="Tagged")
    tagged.tags.create(name="Cyber", slug="cyber")
    ArticleFactory(title="About the project", projects=[project])
    ArticleFactory(title="Unrelated")
    assert "Tagged" in text_of(client.get("/news/?tag=cyber"))
    assert "Unrelated" not in text_of(client.get("/news/?tag=cyber"))
    by_theme = text_of(client.get("/news/?theme=digital-foundations"))
    assert "About the project" in by_theme and "Unrelated" not in by_theme
    assert "About the project" in text_of(client.get("/news/?project=cyber-resilience"))
    # An unknown filter is ignored, not an error: the whole list shows.
    unknown = client.get("/news/?tag=no-such-tag")
    assert unknown.status_code == 200
    assert "Tagged" in text_of(unknown) and "Unrelated" in text_of(unknown)
    # A NUL byte, which no filter can hold, is refused with a clear message.
    refused = client.get("/news/?tag=no-such-tag\x00")
    assert refused.status_code == 400
    assert "cannot be stored" in refused.content.decode()


def test_the_news_list_exports(client):
    ArticleFactory(title="=Formula first")
    csv = client.get("/news/?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert "'=Formula first" in csv.getvalue().decode("utf-8-sig")
    xlsx = client.get("/news/?format=xlsx")
    assert xlsx.getvalue()[:2] == b"PK"


def test_an_article_page_shows_the_cleaned_body(client):
    article = ArticleFactory(title="Launch", body="Hi <script>alert(1)</script> **there**")
    article.body_html = __import__("heartbeat.engagement.markdown", fromlist=["x"]).render_markdown(
        article.body
    )
    article.save()
    page = text_of(client.get(article.get_absolute_url()))
    assert "<strong>there</strong>" in page
    assert "alert(1)" not in page


def test_drafts_are_hidden_from_members_and_shown_to_the_programme_office(
    client_for, member, programme_office
):
    draft = ArticleFactory(status="draft", published_at=None, publish_at=None)
    assert client_for(member).get(draft.get_absolute_url()).status_code == 404
    assert client_for(programme_office).get(draft.get_absolute_url()).status_code == 200


def test_writing_an_article_through_the_form(client_for, programme_office):
    client = client_for(programme_office)
    response = client.post(
        "/news/new/",
        {
            "title": "Partnership Forum dates",
            "summary": "The next forum is in the spring.",
            "body": "Book now.",
            "visibility": "public",
            "tags": "Partnership Forum, events",
            "action": "publish",
            "publish_at": "",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_published
    assert sorted(t.name for t in article.tags.all()) == ["Partnership Forum", "events"]


def test_a_bad_article_shows_the_error_summary_and_keeps_what_was_typed(
    client_for, programme_office
):
    response = client_for(programme_office).post(
        "/news/new/",
        {
            "title": "",
            "summary": "Kept summary",
            "body": "x" * 20_001,
            "visibility": "public",
            "action": "draft",
        },
    )
    assert response.status_code == 422
    page = text_of(response)
    assert "There is a problem" in page
    assert "Kept summary" in page
    assert not Article.objects.exists()


def test_scheduling_through_the_form(client_for, programme_office):
    later = timezone.localtime() + datetime.timedelta(days=2)
    client_for(programme_office).post(
        "/news/new/",
        {
            "title": "Later",
            "summary": "Soon.",
            "body": "Text.",
            "visibility": "public",
            "action": "publish",
            "publish_at": f"{later:%Y-%m-%dT%H:%M}",
        },
    )
    assert Article.objects.get().status == "scheduled"


def test_theme_news_page_and_follow_button(client_for, member):
    theme = ThemeFactory(name="Digital Leadership", slug="digital-leadership")
    client = client_for(member)
    page = text_of(client.get("/news/themes/digital-leadership/"))
    assert "News about Digital Leadership" in page
    assert 'name="csrfmiddlewaretoken"' in page.split('name="kind" value="theme"')[0][-400:]
    client.post(
        "/notifications/follow/",
        {"kind": "theme", "slug": theme.slug, "next": "/news/themes/digital-leadership/"},
    )
    assert Follow.objects.filter(person=member, theme=theme).exists()
    assert "Stop following" in text_of(client.get("/news/themes/digital-leadership/"))


def test_the_project_page_has_a_news_section_with_a_follow_button(client_for, member):
    project = ProjectFactory(title="Digital telecare", slug="digital-telecare", visibility="public")
    ArticleFactory(title="Telecare milestone", projects=[project])
    page = text_of(client_for(member).get("/projects/digital-telecare/"))
    assert "News and following" in page
    assert "Telecare milestone" in page
    assert 'name="kind" value="project"' in page


# Events ------------------------------------------------------------------------------------


def test_event_list_and_page_for_a_visitor(client):
    event = EventFactory(title="Partnership Forum, spring", slug="forum-spring")
    assert "Partnership Forum, spring" in text_of(client.get("/events/"))
    page = text_of(client.get(event.get_absolute_url()))
    assert "Sign in</a> to register" in page
    assert "Add to your calendar" in page


def test_registering_and_the_waiting_list_through_the_page(client_for, council):
    EventFactory(capacity=1, slug="forum")
    first, second = UserFactory(organisation=council), UserFactory(organisation=council)
    response = client_for(first).post("/events/forum/register/", follow=True)
    assert "You are registered for" in text_of(response)
    assert "Place confirmed" in text_of(response)
    client = client_for(second)
    page = text_of(client.get("/events/forum/"))
    assert "Join the waiting list" in page
    response = client.post("/events/forum/register/", follow=True)
    assert "you are on the waiting list" in text_of(response)
    # Registering again shows a clear message and changes nothing.
    response = client.post("/events/forum/register/", follow=True)
    assert "You are already registered" in text_of(response)
    assert Registration.objects.count() == 2


def test_cancelling_through_the_page_asks_first(client_for, member):
    event = EventFactory(slug="forum")
    event_services.registration_create(actor=member, event=event)
    client = client_for(member)
    assert "Cancel my registration" in text_of(client.get("/events/forum/cancel/"))
    assert Registration.objects.active().exists()
    client.post("/events/forum/cancel/")
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_attendees_page_and_export_for_an_organisation_lead(
    client_for, organisation_lead, member, other_council
):
    event = EventFactory(slug="forum")
    outsider = UserFactory(organisation=other_council, full_name="Outsider Person")
    event_services.registration_create(actor=member, event=event)
    event_services.registration_create(actor=outsider, event=event)
    client = client_for(organisation_lead)
    page = text_of(client.get("/events/forum/attendees/"))
    assert member.display_name in page
    assert "Outsider Person" not in page
    csv = client.get("/events/forum/attendees/?format=csv").getvalue().decode("utf-8-sig")
    assert member.email in csv and outsider.email not in csv


def test_creating_an_event_with_bad_dates_shows_the_error(client_for, programme_office):
    response = client_for(programme_office).post(
        "/events/new/",
        {
            "title": "Forum",
            "summary": "Meet.",
            "starts_at": "2026-12-10T10:00",
            "ends_at": "2026-12-10T09:00",
            "format": "online",
            "online_link": "https://meet.example.org",
            "capacity": "50",
        },
    )
    assert response.status_code == 422
    assert "The event must end after it starts" in text_of(response)


def test_views_form_needs_a_rating(client_for, member):
    event = EventFactory(slug="forum")
    response = client_for(member).post("/events/forum/views/", {"views": "Kept text"})
    assert response.status_code == 422
    assert "Choose how useful the event was" in text_of(response)
    assert "Kept text" in text_of(response)
    client_for(member).post("/events/forum/views/", {"rating": "5", "views": "Great"})
    assert event.feedback.get().rating == 5


# Questions ---------------------------------------------------------------------------------


def test_asking_from_the_event_page(client_for, member):
    EventFactory(slug="forum")
    client = client_for(member)
    response = client.post("/events/forum/questions/ask/", {"text": "", "anonymous": "on"})
    assert response.status_code == 422
    assert "Enter your question" in text_of(response)
    client.post("/events/forum/questions/ask/", {"text": "What about data?", "anonymous": "on"})
    question = Question.objects.get()
    assert question.anonymous and question.status == QuestionStatus.PENDING
    page = text_of(client.get("/events/forum/"))
    assert "Your questions not shown here" in page


def test_asking_a_closed_event_shows_why(client_for, member):
    EventFactory(
        slug="past",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    response = client_for(member).post("/events/past/questions/ask/", {"text": "Late?"})
    assert response.status_code == 422
    assert "closed to questions" in text_of(response)
    assert not Question.objects.exists()


def test_anonymous_questions_hide_the_asker_from_members_not_the_office(
    client_for, member, programme_office, council
):
    event = EventFactory(slug="forum")
    asker = UserFactory(organisation=council, full_name="Hidden Asker")
    QuestionFactory(event=event, asker=asker, anonymous=True, text="A sensitive question")
    member_page = text_of(client_for(member).get("/events/forum/questions/"))
    assert "A sensitive question" in member_page
    assert "Hidden Asker" not in member_page
    assert "Anonymous" in member_page
    office_page = text_of(client_for(programme_office).get("/events/forum/questions/"))
    assert "Hidden Asker" in office_page


def test_voting_without_javascript_and_with_htmx(client_for, member):
    event = EventFactory(slug="forum")
    question = QuestionFactory(event=event)
    client = client_for(member)
    response = client.post(
        f"/events/forum/questions/{question.pk}/vote/", {"next": "/events/forum/questions/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/events/forum/questions/"
    question.refresh_from_db()
    assert question.vote_count == 1
    # Voting twice: a clear message, nothing changed.
    response = client.post(f"/events/forum/questions/{question.pk}/vote/", follow=True)
    assert "already upvoted" in text_of(response)
    # With htmx: taking the vote back returns the refreshed list.
    response = client.post(
        f"/events/forum/questions/{question.pk}/vote/", {"undo": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="live-questions"' in text_of(response)
    assert "<html" not in text_of(response)
    question.refresh_from_db()
    assert question.vote_count == 0
    # A refused vote by htmx says why, in the list it swaps in.
    own = QuestionFactory(event=event, asker=member)
    response = client.post(f"/events/forum/questions/{own.pk}/vote/", HTTP_HX_REQUEST="true")
    assert 'id="vote-error"' in text_of(response)
    assert "You cannot upvote your own question" in text_of(response)


def test_the_live_view_sorts_by_votes_and_refreshes_by_htmx(client):
    event = EventFactory(slug="forum")
    QuestionFactory(event=event, text="Fewer votes", vote_count=1)
    QuestionFactory(event=event, text="More votes", vote_count=5)
    QuestionFactory(event=event, text="Waiting", status=QuestionStatus.PENDING)
    page = text_of(client.get("/events/forum/questions/"))
    assert page.index("More votes") < page.index("Fewer votes")
    assert "Waiting" not in page
    assert 'hx-trigger="every 15s"' in page
    assert "Refresh the list" in page  # without JavaScript
    partial = text_of(client.get("/events/forum/questions/", HTTP_HX_REQUEST="true"))
    assert partial.lstrip().startswith('<div id="live-questions"')


def test_moderation_through_the_pages(
    client_for, programme_office, member, council, django_capture_on_commit_callbacks
):
    event = EventFactory(slug="forum")
    client = client_for(programme_office)
    original = QuestionFactory(event=event, text="Original")
    pending = QuestionFactory(event=event, text="Pending", status=QuestionStatus.PENDING)
    dup = QuestionFactory(event=event, text="Duplicate", status=QuestionStatus.PENDING)
    assert "Pending" in text_of(client.get("/events/forum/questions/moderate/"))

    client.post(f"/events/forum/questions/{pending.pk}/approve/", {"version": "1"})
    pending.refresh_from_db()
    assert pending.status == QuestionStatus.APPROVED

    response = client.post(f"/events/forum/questions/{dup.pk}/reject/", {"reason": ""})
    assert response.status_code == 422
    assert "Enter the reason for rejecting" in text_of(response)

    client.post(
        f"/events/forum/questions/{dup.pk}/merge/", {"into": str(original.pk), "version": "1"}
    )
    dup.refresh_from_db()
    assert dup.merged_into == original

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/events/forum/questions/{original.pk}/answer/",
            {"answer": "Yes, by March.", "version": "1"},
        )
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.answer == "Yes, by March."
    assert Notification.objects.filter(kind="answer", recipient=dup.asker).exists()


def test_an_out_of_date_answer_form_shows_a_conflict(client_for, programme_office):
    event = EventFactory(slug="forum")
    question = QuestionFactory(event=event)
    client = client_for(programme_office)
    client.post(
        f"/events/forum/questions/{question.pk}/answer/", {"answer": "First", "version": "1"}
    )
    response = client.post(
        f"/events/forum/questions/{question.pk}/answer/", {"answer": "Second", "version": "1"}
    )
    assert response.status_code == 409
    assert "Someone else changed this question" in text_of(response)
    question.refresh_from_db()
    assert question.answer == "First"


def test_publishing_the_response_and_its_pdf(
    client_for, programme_office, member, django_capture_on_commit_callbacks
):
    event = EventFactory(
        slug="forum",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-4),
    )
    question = QuestionFactory(event=event, asker=member, text="Will there be funding?")
    office = client_for(programme_office)
    office.post(
        f"/events/forum/questions/{question.pk}/answer/", {"answer": "Yes.", "version": "1"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(
            "/events/forum/response/edit/", {"body": "## Thank you\n\nFor coming.", "publish": "1"}
        )
    assert response.status_code == 302
    assert EventResponse.objects.get().is_published
    page = text_of(client_for(None).get("/events/forum/response/"))
    assert "<h2>Thank you</h2>" in page
    assert f'href="/events/forum/questions/{question.pk}/"' in page
    assert Notification.objects.filter(recipient=member, kind="response").exists()
    assert any("published" in m.subject for m in mail.outbox)
    pdf = client_for(None).get("/events/forum/response.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_draft_response_is_for_the_programme_office_only(client_for, programme_office, member):
    event = EventFactory(slug="forum")
    EventResponse.objects.create(event=event, body="Draft", body_html="<p>Draft</p>")
    assert client_for(member).get("/events/forum/response/").status_code == 404
    assert client_for(member).get("/events/forum/response.pdf").status_code == 404
    assert client_for(programme_office).get("/events/forum/response/").status_code == 200


# Notifications -----------------------------------------------------------------------------


def test_the_header_loads_the_unread_count_without_a_query_of_its_own(client_for, member):
    for i in range(3):
        Notification.objects.create(
            recipient=member,
            kind="news",
            key=f"k{i}",
            title=f"N{i}",
            link="/news/",
            created_at=timezone.now(),
        )
    client = client_for(member)
    page = text_of(client.get("/"))
    assert 'href="/notifications/">Notifications<span hx-get="/notifications/count/"' in page
    count = text_of(client.get("/notifications/count/", HTTP_HX_REQUEST="true"))
    assert '<span class="ds_tag hb-header-count" id="unread-count">3</span>' in count
    assert "unread" in count
    Notification.objects.update(read_at=timezone.now())
    assert "hb-header-count" not in text_of(client.get("/notifications/count/"))
    # Visitors have no notifications link.
    assert "/notifications/" not in text_of(client_for(None).get("/news/"))


def test_opening_a_notification_marks_it_read_and_goes_to_it(client_for, member):
    notification = Notification.objects.create(
        recipient=member, kind="news", key="k", title="N", link="/news/", created_at=timezone.now()
    )
    client = client_for(member)
    response = client.post(f"/notifications/{notification.pk}/open/")
    assert response["Location"] == "/news/"
    notification.refresh_from_db()
    assert notification.is_read


def test_someone_elses_notification_cannot_be_opened(client_for, member):
    other = Notification.objects.create(
        recipient=UserFactory(),
        kind="news",
        key="k",
        title="N",
        link="/news/",
        created_at=timezone.now(),
    )
    assert client_for(member).post(f"/notifications/{other.pk}/open/").status_code == 404


def test_email_preferences_form(client_for, member):
    client = client_for(member)
    assert client.post("/notifications/emails/", {"email": "sometimes"}).status_code == 422
    client.post("/notifications/emails/", {"email": "weekly"})
    assert member.notification_preference.email == "weekly"


def test_following_page_lists_and_stops_follows(client_for, member):
    event = EventFactory(slug="forum", title="The forum")
    Follow.objects.create(person=member, event=event)
    client = client_for(member)
    assert "The forum" in text_of(client.get("/notifications/following/"))
    client.post("/notifications/follow/", {"kind": "event", "slug": "forum", "unfollow": "1"})
    assert not Follow.objects.exists()


def test_each_question_page_is_titled_by_its_question(client):
    event = EventFactory(slug="forum")
    first = QuestionFactory(event=event, text="Will the data be shared?")
    second = QuestionFactory(event=event, text="Will the data be shared?")
    titles = [
        re.search(
            r"<title>(.*?)</title>", client.get(f"/events/forum/questions/{q.pk}/").text, re.S
        )[1]
        for q in (first, second)
    ]
    assert titles[0].startswith(f"Question {first.pk}: Will the data be shared?")
    assert titles[0] != titles[1]
