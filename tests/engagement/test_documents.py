"""The documents engagement writes: Atom feeds, the iCalendar invitation and the response
PDF, each read back with a parser of its format."""

import datetime
import io

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from heartbeat.engagement.models import EventResponse
from heartbeat.engagement.services import questions as question_services
from tests.engagement.factories import ArticleFactory, EventFactory, QuestionFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    theme = ThemeFactory(name="Digital Services", slug="digital-services")
    other_theme = ThemeFactory(name="Digital Leadership", slug="digital-leadership")
    project = ProjectFactory(
        title="Digital telecare", slug="digital-telecare", theme=theme, visibility="public"
    )
    first = ArticleFactory(
        title="Telecare goes digital",
        projects=[project],
        published_at=timezone.now() - datetime.timedelta(days=2),
        body="Safe <script>alert(1)</script> **news**",
    )
    first.tags.create(name="telecare", slug="telecare")
    ArticleFactory(title="Leadership programme", themes=[other_theme])
    ArticleFactory(title="Members only", visibility="partnership", projects=[project])
    ArticleFactory(title="Not yet", status="draft", published_at=None, publish_at=None)
    return {"theme": theme, "project": project}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_site_feed_is_valid_atom_with_public_published_news(client, news):
    feed = parse(client, "/news/feed/")
    assert feed.feed.title == "Heartbeat news"
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Leadership programme", "Telecare goes digital"]
    entry = feed.entries[1]
    assert entry.link == "http://testserver/news/telecare-goes-digital/"
    assert entry.id.startswith("tag:heartbeat,2019:article:")
    assert [t.term for t in entry.tags] == ["telecare"]
    assert "<strong>news</strong>" in entry.summary
    assert "alert(1)" not in entry.summary


def test_a_theme_feed_has_its_articles_and_its_projects_articles(client, news):
    feed = parse(client, "/news/themes/digital-services/feed/")
    assert feed.feed.title == "Heartbeat news: Digital Services"
    assert [e.title for e in feed.entries] == ["Telecare goes digital"]


def test_a_project_feed(client, news):
    feed = parse(client, "/news/projects/digital-telecare/feed/")
    assert [e.title for e in feed.entries] == ["Telecare goes digital"]


def test_feeds_of_unknown_or_partnership_only_things_are_not_found(client, news):
    ProjectFactory(slug="private-work", visibility="partnership")
    assert client.get("/news/themes/no-such-theme/feed/").status_code == 404
    assert client.get("/news/projects/private-work/feed/").status_code == 404


def test_the_invitation_parses_as_icalendar(client, settings):
    settings.SITE_URL = "https://heartbeat.example.org"
    event = EventFactory(
        title="Partnership Forum, spring",
        slug="forum-spring",
        starts_at=timezone.make_aware(datetime.datetime(2027, 3, 18, 10, 0)),
        ends_at=timezone.make_aware(datetime.datetime(2027, 3, 18, 15, 30)),
        place="Perth Concert Hall",
    )
    response = client.get("/events/forum-spring/invitation.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="forum-spring.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Partnership Forum, spring"
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert str(entry["LOCATION"]) == "Perth Concert Hall and online"
    assert str(entry["UID"]) == f"event-{event.pk}@heartbeat.example.org"
    assert "https://meet.example.org/forum" in str(entry["DESCRIPTION"])
    assert str(entry["URL"]) == "http://testserver/events/forum-spring/"


def test_the_response_pdf_is_tagged_with_fonts_embedded_and_links_each_answer(
    client, programme_office
):
    event = EventFactory(
        slug="forum",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-3),
    )
    answered = [
        QuestionFactory(event=event, text="When will the data standard be agreed?"),
        QuestionFactory(event=event, text="How do councils join the telecare work?"),
    ]
    for question in answered:
        question_services.question_answer(
            actor=programme_office, question=question, answer="Answered at the forum."
        )
    question_services.response_save(
        actor=programme_office,
        event=event,
        body="## Thank you\n\nThe forum's answers.",
        publish=True,
    )
    assert EventResponse.objects.get().is_published

    reader = PdfReader(io.BytesIO(client.get("/events/forum/response.pdf").content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    # Declared PDF/UA-1 in its XMP metadata.
    metadata = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in metadata
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Response to" in text and "The forum's answers." in text
    links = set()
    fonts = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                links.add(str(action["/URI"]))
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()
            for descendant in descriptor.get("/DescendantFonts", [descriptor]):
                info = descendant.get_object().get("/FontDescriptor")
                if info is not None:
                    info = info.get_object()
                    embedded = any(k in info for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                    fonts.add((str(info["/FontName"]), embedded))
    for question in answered:
        assert f"http://127.0.0.1:8000/events/forum/questions/{question.pk}/" in links
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("Roboto" in name for name, _ in fonts)
