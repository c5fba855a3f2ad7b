"""Engagement in a real browser, with axe-core on every page visited: a member registers,
asks and upvotes; the programme office moderates, merges, answers and publishes the
response; the asker is told. Also the live view without JavaScript and at phone width."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.engagement.models import (
    EventResponse,
    Notification,
    Question,
    QuestionStatus,
    Registration,
    RegistrationStatus,
)
from tests.engagement.factories import ArticleFactory, EventFactory, QuestionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def forum():
    return EventFactory(
        title="Partnership Forum, spring 2027",
        slug="forum-spring-2027",
        starts_at=timezone.now() + datetime.timedelta(days=20),
        ends_at=timezone.now() + datetime.timedelta(days=20, hours=5),
        capacity=40,
    )


def test_a_member_registers_asks_a_question_and_upvotes_another(
    browser, base_url, sign_in, axe, member, other_council, forum
):
    other = QuestionFactory(
        event=forum,
        asker=UserFactory(organisation=other_council, full_name="Iain Stewart"),
        text="How will councils share the cost of the new platform?",
    )
    page = browser.new_context().new_page()
    sign_in(page, member)

    page.goto(f"{base_url}/events/")
    axe(page, "events list")
    page.get_by_role("link", name="Partnership Forum, spring 2027").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnership Forum, spring 2027")
    axe(page, "event page before registering")

    page.get_by_role("button", name="Register").click()
    expect(page.locator("#registration-status")).to_contain_text("Place confirmed")
    assert Registration.objects.get(person=member).status == RegistrationStatus.CONFIRMED
    axe(page, "event page after registering")

    # A question with nothing in it: the error summary says so, linked to the field.
    page.get_by_role("button", name="Send your question").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Enter your question")
    axe(page, "question form with an error")
    page.get_by_label("Your question").fill("Will the forum papers be published beforehand?")
    page.locator("label[for=id_anonymous]").click()
    page.get_by_role("button", name="Send your question").click()
    expect(page.locator("#my-questions")).to_contain_text(
        "Will the forum papers be published beforehand?"
    )
    question = Question.objects.get(asker=member)
    assert question.anonymous and question.status == QuestionStatus.PENDING

    # Upvote the other question from the live view (htmx swaps the list in place).
    page.goto(f"{base_url}/events/forum-spring-2027/questions/")
    axe(page, "live view")
    item = page.locator(f"#question-{other.pk}")
    item.get_by_role("button", name="Upvote").click()
    expect(item.locator(f"#votes-{other.pk}")).to_have_text("1 vote")
    expect(
        page.locator(f"#question-{other.pk}").get_by_role("button", name="Upvoted")
    ).to_be_visible()
    other.refresh_from_db()
    assert other.vote_count == 1
    axe(page, "live view after voting")


def test_the_office_moderates_merges_answers_and_publishes_and_the_asker_is_told(
    browser, base_url, sign_in, axe, programme_office, member, other_council
):
    event = EventFactory(
        title="Partnership Forum, autumn",
        slug="forum-autumn",
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        ends_at=timezone.now() + datetime.timedelta(hours=2),
    )
    original = QuestionFactory(
        event=event,
        asker=member,
        status=QuestionStatus.PENDING,
        text="When will the telecare switchover be complete?",
    )
    duplicate = QuestionFactory(
        event=event,
        asker=UserFactory(organisation=other_council),
        status=QuestionStatus.PENDING,
        text="Telecare: when does the switchover finish?",
    )
    page = browser.new_context().new_page()
    sign_in(page, programme_office)

    page.goto(f"{base_url}/events/forum-autumn/questions/moderate/")
    axe(page, "moderation queue")
    page.locator(f"#pending-{original.pk}").get_by_role("button", name="Approve").click()
    expect(page.locator(".ds_notification")).to_contain_text("The question is approved")
    page.locator(f"#pending-{duplicate.pk}").get_by_role(
        "link", name="Reject, merge or answer"
    ).click()
    axe(page, "question page for moderation")
    page.get_by_label("Merge into").select_option(str(original.pk))
    page.get_by_role("button", name="Merge as a duplicate").click()
    expect(page.locator(".ds_notification")).to_contain_text("merged")
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == original.pk

    page.goto(f"{base_url}/events/forum-autumn/questions/{original.pk}/")
    page.get_by_label("Answer").fill("All councils will have moved by the end of 2027.")
    page.get_by_role("button", name="Answer").click()
    expect(page.locator("#answer")).to_be_visible()
    axe(page, "answered question")

    page.goto(f"{base_url}/events/forum-autumn/response/edit/")
    axe(page, "response form")
    page.get_by_label("The response").fill(
        "## Thank you\n\nHere are the answers to your questions."
    )
    page.get_by_role("button", name="Publish the response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Response to Partnership Forum, autumn"
    )
    expect(page.locator(f"#question-{original.pk}")).to_contain_text("All councils will have moved")
    axe(page, "published response")
    assert EventResponse.objects.get().is_published

    # The asker is told: a notification with the count in their header.
    assert Notification.objects.filter(recipient=member, kind="answer").exists()
    assert Notification.objects.filter(recipient=member, kind="response").exists()
    asker = browser.new_context().new_page()
    sign_in(asker, member)
    asker.goto(f"{base_url}/")
    expect(asker.locator("#unread-count")).to_have_text("2")
    asker.get_by_role("link", name="Notifications").first.click()
    expect(asker.locator("#notifications")).to_contain_text(
        "Your question to Partnership Forum, autumn has been answered"
    )
    axe(asker, "the asker's notifications")
    asker.locator("#notifications li", has_text="response").get_by_role(
        "button", name="Open"
    ).click()
    expect(asker.get_by_role("heading", level=1)).to_have_text(
        "Response to Partnership Forum, autumn"
    )


def test_voting_and_registering_work_without_javascript_and_at_phone_width(
    browser, base_url, sign_in, axe, member, other_council, forum
):
    question = QuestionFactory(event=forum, asker=UserFactory(organisation=other_council))
    # Without JavaScript: plain forms and redirects do everything.
    page = browser.new_context(java_script_enabled=False).new_page()
    sign_in(page, member)
    page.goto(f"{base_url}/events/forum-spring-2027/")
    page.get_by_role("button", name="Register").click()
    expect(page.locator("#registration-status")).to_contain_text("Place confirmed")
    page.goto(f"{base_url}/events/forum-spring-2027/questions/")
    page.locator(f"#question-{question.pk}").get_by_role("button", name="Upvote").click()
    expect(page.locator(f"#votes-{question.pk}")).to_have_text("1 vote")
    expect(page.get_by_role("link", name="Refresh the list")).to_be_visible()

    # At a 320 px phone (axe needs JavaScript to run): no serious problems, no sideways scroll.
    phone = browser.new_context(viewport={"width": 320, "height": 740}).new_page()
    sign_in(phone, member)
    for path in ("/events/forum-spring-2027/", "/events/forum-spring-2027/questions/", "/news/"):
        phone.goto(f"{base_url}{path}")
        axe(phone, f"{path} at 320px")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_news_pages_and_following_a_theme(browser, base_url, sign_in, axe, member):
    from tests.portfolio.factories import ThemeFactory

    theme = ThemeFactory(name="Digital Foundations", slug="digital-foundations")
    ArticleFactory(
        title="Cyber resilience centre opens",
        themes=[theme],
        body="## What it does\n\nIt watches over councils' networks.",
    )
    page = browser.new_context().new_page()
    sign_in(page, member)
    page.goto(f"{base_url}/news/")
    axe(page, "news list")
    page.get_by_role("link", name="Cyber resilience centre opens").click()
    expect(page.locator("#article-body h2")).to_have_text("What it does")
    axe(page, "article")
    page.get_by_role("link", name="Digital Foundations").click()
    page.get_by_role("button", name="Follow").click()
    expect(page.locator(".ds_notification")).to_contain_text("You follow Digital Foundations")
    axe(page, "theme news, following")
    page.goto(f"{base_url}/notifications/following/")
    expect(page.locator("#follows")).to_contain_text("Digital Foundations")
    axe(page, "following")
    page.goto(f"{base_url}/notifications/emails/")
    page.get_by_text("Once a week, in a digest").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".ds_notification")).to_contain_text("Your email choice is saved")
    axe(page, "email choice")
