"""In-kind staff time: the days each pledge gives in each financial year, kept in
``InKindYear`` so costs by project, council and year are one query.

The days come from recruitment's own arithmetic (``pledge_days_by_month``: the pledge's
days per month over its months, with planned reductions), so a change to how pledges count
flows through. An active pledge counts over all its months. A withdrawn pledge counts only
up to and including the month it was withdrawn; one withdrawn with no date recorded counts
nothing, since when it stopped is unknown.

The rows are rewritten whenever a pledge or one of its reductions is saved or deleted
(signal receivers in ``apps.py``), by the data generator and the demo loader after their
bulk inserts, and in full by ``heartbeat rebuild_in_kind`` after any write that bypassed
``save()`` (a bulk import).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from heartbeat.benefits.models import InKindYear
from heartbeat.benefits.periods import financial_year_of
from heartbeat.core.months import first_of_month
from heartbeat.recruitment.coverage import pledge_days_by_month
from heartbeat.recruitment.models import Pledge, PledgeAdjustment, PledgeStatus

BATCH = 2000
FIELDS = (
    "id",
    "start_month",
    "end_month",
    "days_per_month",
    "status",
    "withdrawn_at",
    "organisation_id",
    "level",
    "requirement__project_id",
)


def last_counted_month(status: str, withdrawn_at: datetime.datetime | None):
    """The last month a pledge counts in: None for no limit, a date, or False for none."""
    if status != PledgeStatus.WITHDRAWN:
        return None
    if withdrawn_at is None:
        return False
    return first_of_month(timezone.localtime(withdrawn_at).date())


def pledge_days_by_year(
    start_month: datetime.date,
    end_month: datetime.date,
    days_per_month: Decimal,
    adjustments: dict | None,
    *,
    status: str = PledgeStatus.ACTIVE,
    withdrawn_at: datetime.datetime | None = None,
) -> dict[int, Decimal]:
    """The days a pledge gives in each financial year it counts in."""
    last = last_counted_month(status, withdrawn_at)
    if last is False:
        return {}
    years: dict[int, Decimal] = defaultdict(Decimal)
    for month, days in pledge_days_by_month(
        start_month, end_month, days_per_month, adjustments
    ).items():
        if last is not None and month > last:
            continue
        years[financial_year_of(month)] += days
    return {year: days for year, days in years.items() if days}


def _rows(pledges: list[tuple], adjustments: dict[int, dict]) -> list[InKindYear]:
    rows = []
    for (
        pk,
        start,
        end,
        per_month,
        status,
        withdrawn_at,
        organisation_id,
        level,
        project_id,
    ) in pledges:
        years = pledge_days_by_year(
            start,
            end,
            per_month,
            adjustments.get(pk),
            status=status,
            withdrawn_at=withdrawn_at,
        )
        rows.extend(
            InKindYear(
                pledge_id=pk,
                project_id=project_id,
                organisation_id=organisation_id,
                level=level,
                financial_year=year,
                days=days,
            )
            for year, days in years.items()
        )
    return rows


def _adjustments(pledge_ids) -> dict[int, dict]:
    found: dict[int, dict] = defaultdict(dict)
    for pledge_id, month, days in PledgeAdjustment.objects.filter(
        pledge_id__in=pledge_ids
    ).values_list("pledge_id", "month", "days"):
        found[pledge_id][month] = days
    return found


def refresh_pledges(pledge_ids) -> None:
    """Rewrite the in-kind years of these pledges from their current state."""
    pledge_ids = list(pledge_ids)
    with transaction.atomic():
        InKindYear.objects.filter(pledge_id__in=pledge_ids).delete()
        pledges = list(Pledge.objects.filter(pk__in=pledge_ids).values_list(*FIELDS))
        InKindYear.objects.bulk_create(_rows(pledges, _adjustments(pledge_ids)))


def rebuild_all() -> int:
    """Rewrite every pledge's in-kind years; return how many rows there are."""
    total = 0
    with transaction.atomic():
        InKindYear.objects.all().delete()
        ids = list(Pledge.objects.order_by("pk").values_list("pk", flat=True))
        for offset in range(0, len(ids), BATCH):
            batch = ids[offset : offset + BATCH]
            pledges = list(Pledge.objects.filter(pk__in=batch).values_list(*FIELDS))
            rows = _rows(pledges, _adjustments(batch))
            InKindYear.objects.bulk_create(rows, batch_size=500)
            total += len(rows)
    return total
