"""A person's load: the days they are pledged in each month, against that month's working
days in Scotland (the most one person can give)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from heartbeat.core.months import working_days
from heartbeat.recruitment.coverage import ZERO, pledge_days_by_month
from heartbeat.recruitment.models import Pledge


@dataclass
class LoadItem:
    """One pledge's days in a month."""

    pledge: Pledge
    days: Decimal


@dataclass
class PersonMonth:
    month: datetime.date
    working_days: int
    items: list[LoadItem] = field(default_factory=list)

    @property
    def pledged(self) -> Decimal:
        return sum((item.days for item in self.items), ZERO)

    @property
    def remaining(self) -> Decimal:
        return Decimal(self.working_days) - self.pledged

    @property
    def over(self) -> bool:
        return self.pledged > self.working_days


def people_load(
    people, months: list[datetime.date], *, exclude_pledge_id: int | None = None
) -> dict[int, list[PersonMonth]]:
    """For each person (by id), each of ``months`` with the days their pledges across every
    need and project take in it: active pledges, and ended ones for the months they ran
    (2 queries, whatever the number of people, months or pledges)."""
    ids = [getattr(person, "pk", person) for person in people]
    loads = {
        person_id: {month: PersonMonth(month, working_days(month)) for month in months}
        for person_id in ids
    }
    if not ids or not months:
        return {person_id: list(by_month.values()) for person_id, by_month in loads.items()}
    pledges = (
        Pledge.objects.counted()
        .filter(person_id__in=ids, start_month__lte=max(months), end_month__gte=min(months))
        .select_related("requirement__project", "requirement__skill", "organisation")
        .prefetch_related("adjustments")
        .order_by("start_month", "pk")
    )
    if exclude_pledge_id is not None:
        pledges = pledges.exclude(pk=exclude_pledge_id)
    for pledge in pledges:
        days = pledge_days_by_month(
            pledge.start_month,
            pledge.end_month,
            pledge.days_per_month,
            {a.month: a.days for a in pledge.adjustments.all()},
        )
        for month, value in days.items():
            if month in loads[pledge.person_id] and value:
                loads[pledge.person_id][month].items.append(LoadItem(pledge, value))
    return {person_id: list(by_month.values()) for person_id, by_month in loads.items()}


def person_load(
    person, months: list[datetime.date], *, exclude_pledge_id: int | None = None
) -> list[PersonMonth]:
    """One person's load in each of ``months``, as ``people_load`` (2 queries): for their
    page and the pledge form."""
    return people_load([person], months, exclude_pledge_id=exclude_pledge_id)[
        getattr(person, "pk", person)
    ]
