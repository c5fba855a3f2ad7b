"""The roadmap as an iCalendar feed: each product's planned or actual delivery date."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from heartbeat.roadmap.models import Product
from heartbeat.roadmap.quarters import quarter_end, quarter_label

CALENDAR_NAME = "Heartbeat product roadmap"


def roadmap_calendar(products: list[Product], *, site: str, host: str) -> bytes:
    """One all-day event per product: the day it was delivered, or else the last day of the
    quarter it is planned for (delivery "by" that day)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Heartbeat//Product roadmap//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = timezone.now()
    for product in products:
        if product.delivered_on is not None:
            day = product.delivered_on
            summary = f"Delivered: {product.name}"
            detail = f"{product.name} ({product.project.title}) was delivered."
        else:
            day = quarter_end(product.planned_quarter)
            summary = f"Due: {product.name}"
            detail = (
                f"{product.name} ({product.project.title}) is planned for "
                f"{quarter_label(product.planned_quarter)}: this is the quarter's last day."
            )
        event = Event()
        event.add("uid", f"roadmap-product-{product.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", f"{detail} Status: {product.get_status_display()}.")
        event.add("url", site + product.get_absolute_url())
        event.add("categories", [product.get_kind_display()])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
