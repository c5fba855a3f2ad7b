"""The Atom feed of a project's submitted updates, read back with feedparser."""

import feedparser
from django.urls import reverse

from heartbeat.delivery.models import HeartbeatUpdate
from heartbeat.delivery.services import update_correct
from tests.delivery.factories import active_project, make_update, update_input


def test_the_feed_lists_submitted_updates_and_corrections(client, telecare, project_lead, today):
    latest = HeartbeatUpdate.objects.filter(project=telecare).order_by("-period_start").first()
    make_update(
        telecare,
        HeartbeatUpdate.objects.order_by("period_start").first().period.previous().start,
        submit=False,
        today=today,
        summary="A draft nobody should see",
    )
    corrected = update_correct(
        actor=project_lead,
        update=latest,
        data=update_input(latest.period_start, confidence="red", summary="Worse than we said."),
        reason="New figures",
        today=today,
    )
    response = client.get(reverse("delivery:update_feed", args=[telecare.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.bozo_exception
    assert feed.feed.title == "Heartbeat updates: Digital telecare"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == f"{latest.period.label}: Red (correction 1)"
    assert len(feed.entries) == 3  # two earlier updates and the correction; not the draft
    assert "Worse than we said." in feed.entries[0].summary
    assert "Corrected because: New figures" in feed.entries[0].summary
    assert feed.entries[0].link.endswith(f"/projects/{telecare.slug}/updates/{corrected.pk}/")
    assert all("A draft nobody should see" not in entry.summary for entry in feed.entries)


def test_a_partnership_projects_feed_is_for_members_only(client, client_for, member):
    project = active_project(visibility="partnership", slug="partnership-only")
    url = reverse("delivery:update_feed", args=[project.slug])
    assert client.get(url).status_code == 404
    assert client_for(member).get(url).status_code == 200
