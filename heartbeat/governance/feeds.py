"""Board meetings as an iCalendar feed."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from heartbeat.governance.models import Meeting, MeetingStatus

CALENDAR_NAME = "Heartbeat board meetings"
# A meeting without an end time is shown as this long.
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def meetings_calendar(meetings: list[Meeting], *, site: str, host: str, full: bool) -> bytes:
    """One event per meeting. Visitors see when each board meets; signed-in members (``full``)
    see where, and the link to join."""
    calendar = Calendar()
    calendar.add("prodid", "-//Heartbeat//Board meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"board-meeting-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH)
        event.add("summary", f"{meeting.board.name} meeting")
        event.add(
            "status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED"
        )
        if full:
            where = meeting.place or ("Online" if meeting.link else "")
            if where:
                event.add("location", where)
            event.add("url", site + meeting.get_absolute_url())
            description = f"Agenda, papers and minutes: {site}{meeting.get_absolute_url()}"
            if meeting.link:
                description += f"\nJoin online: {meeting.link}"
            event.add("description", description)
        else:
            event.add("url", site + meeting.board.get_absolute_url())
        calendar.add_component(event)
    return calendar.to_ical()
