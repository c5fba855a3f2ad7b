"""The roadmap as an iCalendar feed: each product's planned or actual delivery date.

The feed is written line by line as the products are read (RFC 5545: text escaped, lines
folded at 75 octets, CRLF line ends), so a roadmap of thousands of products costs one query
and little memory. ``icalendar`` reads it back in the tests.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils import timezone

from heartbeat.roadmap.models import ProductKind, ProductStatus
from heartbeat.roadmap.quarters import quarter_end, quarter_label

CALENDAR_NAME = "Heartbeat product roadmap"
# Events are sent in batches of about this many characters.
CHUNK = 64 * 1024


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 (3.3.11) says."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """The content line folded so that no line is longer than 75 octets."""
    if len(line) < 75 and line.isascii():
        return line
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if current and size + width >= 75:
            # Never part a backslash from the character it escapes.
            carried = current.pop() if len(current) > 1 and current[-1] == "\\" else None
            pieces.append("".join(current))
            current = [carried] if carried else []
            size = len(carried) if carried else 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _event(row: tuple, *, stamp: str, page: str, host: str, kinds: dict, statuses: dict) -> str:
    pk, name, slug, kind, status, planned_quarter, delivered_on, project = row
    if delivered_on is not None:
        day = delivered_on
        summary = f"Delivered: {name}"
        detail = f"{name} ({project}) was delivered."
    else:
        day = quarter_end(planned_quarter)
        summary = f"Due: {name}"
        detail = (
            f"{name} ({project}) is planned for "
            f"{quarter_label(planned_quarter)}: this is the quarter's last day."
        )
    following = day + datetime.timedelta(days=1)
    lines = (
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(summary)}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{following:%Y%m%d}",
        f"DTSTAMP:{stamp}",
        f"UID:{_text(f'roadmap-product-{pk}@{host}')}",
        f"CATEGORIES:{_text(kinds.get(kind, kind))}",
        f"DESCRIPTION:{_text(f'{detail} Status: {statuses.get(status, status)}.')}",
        "TRANSP:TRANSPARENT",
        f"URL:{page}{slug}/",
        "END:VEVENT",
    )
    return "".join(_fold(line) + "\r\n" for line in lines)


def roadmap_calendar(products: Iterable[tuple], *, site: str, host: str) -> Iterator[bytes]:
    """One all-day event per product: the day it was delivered, or else the last day of the
    quarter it is planned for (delivery "by" that day).

    ``products`` are rows of ``selectors.calendar_products``; the calendar comes in pieces.
    """
    stamp = f"{timezone.now().astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
    # Every product's page address differs only by its slug.
    page = site + reverse("roadmap:product_detail", args=["slug"]).removesuffix("slug/")
    kinds, statuses = dict(ProductKind.choices), dict(ProductStatus.choices)
    head = (
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Heartbeat//Product roadmap//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_text(CALENDAR_NAME)}",
    )
    chunk = "".join(line + "\r\n" for line in head)
    for row in products:
        chunk += _event(row, stamp=stamp, page=page, host=host, kinds=kinds, statuses=statuses)
        if len(chunk) >= CHUNK:
            yield chunk.encode("utf-8")
            chunk = ""
    yield (chunk + "END:VCALENDAR\r\n").encode("utf-8")
