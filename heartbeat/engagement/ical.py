"""An iCalendar invitation for an event, to add it to a calendar."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from heartbeat.engagement.markdown import plain_text


def event_calendar(event, url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Heartbeat//Partnership events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = CalendarEvent()
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "heartbeat"
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    description = [event.summary]
    if event.online_link:
        description.append(f"Join online: {event.online_link}")
    if event.agenda:
        description += ["", "Agenda:", plain_text(event.agenda, limit=2000)]
    description += ["", url]
    entry.add("description", "\n".join(description))
    entry.add("location", event.where)
    entry.add("url", url)
    entry.add("sequence", event.version)
    calendar.add_component(entry)
    return calendar.to_ical()
