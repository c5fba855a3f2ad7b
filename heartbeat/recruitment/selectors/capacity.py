"""An organisation's declared capacity against its pledged days, and its pledges."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from heartbeat.core.months import add_months, first_of_month, month_range
from heartbeat.recruitment.coverage import ZERO, pledge_days_by_month
from heartbeat.recruitment.models import OrganisationCapacity, Pledge

# Organisation capacity ---------------------------------------------------------------------


@dataclass
class CapacityMonth:
    month: datetime.date
    declared: Decimal | None
    pledged: Decimal

    @property
    def remaining(self) -> Decimal | None:
        return None if self.declared is None else self.declared - self.pledged

    @property
    def over(self) -> bool:
        return self.declared is not None and self.pledged > self.declared


@dataclass
class CapacityView:
    organisation: object
    months: list[CapacityMonth]
    declarations: list[OrganisationCapacity]

    @property
    def over_months(self) -> list[CapacityMonth]:
        return [m for m in self.months if m.over]


def organisation_capacity(
    organisation, *, from_month: datetime.date | None = None, months: int = 12
) -> CapacityView:
    """Declared against pledged days for each of ``months`` months (3 queries)."""
    start = first_of_month(from_month or timezone.localdate())
    end = add_months(start, months - 1)
    declarations = list(
        OrganisationCapacity.objects.filter(organisation=organisation).select_related("declared_by")
    )
    pledged: dict[datetime.date, Decimal] = defaultdict(lambda: ZERO)
    pledges = (
        Pledge.objects.active()
        .filter(organisation=organisation, start_month__lte=end, end_month__gte=start)
        .prefetch_related("adjustments")
    )
    for pledge in pledges:
        adjustments = {a.month: a.days for a in pledge.adjustments.all()}
        days = pledge_days_by_month(
            pledge.start_month, pledge.end_month, pledge.days_per_month, adjustments
        )
        for month, value in days.items():
            pledged[month] += value
    rows = []
    for month in month_range(start, end):
        declared = next(
            (d.days_per_month for d in declarations if d.start_month <= month <= d.end_month),
            None,
        )
        rows.append(CapacityMonth(month=month, declared=declared, pledged=pledged[month]))
    return CapacityView(organisation=organisation, months=rows, declarations=declarations)


def own_pledges(organisation) -> list[Pledge]:
    """An organisation's pledges, active first, with their needs and projects (2 queries)."""
    return list(
        Pledge.objects.filter(organisation=organisation)
        .select_related("requirement__project", "requirement__skill", "person")
        .prefetch_related("adjustments")
        .order_by("status", "-start_month", "id")
    )
