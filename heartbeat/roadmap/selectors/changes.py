"""What changed on the roadmap since a date: products added, moved or delivered."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from heartbeat.core.formatting import uk_date
from heartbeat.roadmap.models import (
    DELIVERED_STATUSES,
    Product,
)
from heartbeat.roadmap.quarters import (
    quarter_label,
)

# What changed since a date -----------------------------------------------------------------

ADDED, MOVED, DELIVERED = "added", "moved", "delivered"
CHANGE_LABELS = {ADDED: "Added", MOVED: "Moved", DELIVERED: "Delivered"}
_FIELDS = ("id", "history_id", "history_type", "history_date", "planned_quarter", "status")


@dataclass
class Change:
    kind: str
    product: Product
    on: datetime.date
    before: datetime.date | None = None  # moved: from this quarter...
    after: datetime.date | None = None  # ...to this one

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self.kind]

    @property
    def description(self) -> str:
        if self.kind == MOVED:
            return (
                f"From {quarter_label(self.before, 'not scheduled')} to "
                f"{quarter_label(self.after, 'not scheduled')}"
            )
        if self.kind == DELIVERED:
            return f"Delivered on {uk_date(self.product.delivered_on)}"
        return f"Planned for {quarter_label(self.product.planned_quarter, 'no quarter yet')}"


def changes_since(user, since: datetime.date) -> list[Change]:
    """Products added, moved to another quarter or delivered since the start of ``since``,
    read from their history (3 queries), newest first."""
    moment = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    visible = Product.objects.visible_to(user)
    later = list(
        Product.history.filter(history_date__gte=moment, id__in=visible.values("pk"))
        .order_by("id", "history_date", "history_id")
        .values(*_FIELDS)
    )
    if not later:
        return []
    ids = {record["id"] for record in later}
    before: dict[int, dict] = {}
    for record in (
        Product.history.filter(id__in=ids, history_date__lt=moment)
        .order_by("id", "-history_date", "-history_id")
        .values(*_FIELDS)
    ):
        before.setdefault(record["id"], record)
    products = {
        p.pk: p for p in visible.filter(pk__in=ids).select_related("project", "project__theme")
    }
    records: dict[int, list[dict]] = defaultdict(list)
    for record in later:
        records[record["id"]].append(record)
    changes: list[Change] = []
    for pk, history in records.items():
        product = products.get(pk)
        if product is None:  # removed since
            continue
        start = before.get(pk)
        added = start is None
        if added:
            changes.append(Change(ADDED, product, timezone.localdate(history[0]["history_date"])))
        elif start["planned_quarter"] != product.planned_quarter:
            previous, moved_at = start["planned_quarter"], history[-1]["history_date"]
            for record in history:
                if record["planned_quarter"] != previous:
                    moved_at = record["history_date"]
                previous = record["planned_quarter"]
            changes.append(
                Change(
                    MOVED,
                    product,
                    timezone.localdate(moved_at),
                    before=start["planned_quarter"],
                    after=product.planned_quarter,
                )
            )
        was_delivered = start is not None and start["status"] in DELIVERED_STATUSES
        if product.status in DELIVERED_STATUSES and not was_delivered:
            delivered_at = next(
                (r["history_date"] for r in history if r["status"] in DELIVERED_STATUSES),
                history[-1]["history_date"],
            )
            changes.append(Change(DELIVERED, product, timezone.localdate(delivered_at)))
    changes.sort(key=lambda c: (c.on, c.product.name), reverse=True)
    return changes


CHANGE_EXPORT_HEADERS = ("Date", "Change", "Product", "Project", "Details")


def change_export_rows(changes: list[Change]) -> list[list]:
    return [
        [c.on, c.label, c.product.name, c.product.project.title, c.description] for c in changes
    ]
