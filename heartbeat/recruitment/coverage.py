"""Coverage arithmetic: required days against pledged days, per requirement and month.

Required days in a month are people x days per person per month, for each month of the
requirement's period. Pledged days are the sum over active pledges of their days per month,
or the planned reduction's days in a month that has one. A month's covered days are the
pledged days capped at the required days (pledging more for one month does not fill
another), and a project's coverage is its covered days over its required days.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from heartbeat.core.months import month_range
from heartbeat.skills.models import SKILL_LEVEL_ORDER

ZERO = Decimal("0")


def pledge_days_by_month(
    start_month: datetime.date,
    end_month: datetime.date,
    days_per_month: Decimal,
    adjustments: Mapping[datetime.date, Decimal] | None = None,
) -> dict[datetime.date, Decimal]:
    """The days a pledge gives in each month of its period, after planned reductions."""
    adjustments = adjustments or {}
    return {
        month: Decimal(adjustments.get(month, days_per_month))
        for month in month_range(start_month, end_month)
    }


def pledge_total_days(start_month, end_month, days_per_month, adjustments=None) -> Decimal:
    return sum(
        pledge_days_by_month(start_month, end_month, days_per_month, adjustments).values(), ZERO
    )


def percent(part: Decimal, whole: Decimal) -> int | None:
    """A whole-number percentage, rounded down so 99.6% never reads as fully covered."""
    if not whole:
        return None
    return int(part * 100 // whole)


# How a cell of the heat map is shown: a CSS class and the words that say the same.
COVERAGE_BANDS = (
    ("none", "No days pledged"),
    ("low", "Less than half covered"),
    ("part", "Half or more covered"),
    ("full", "Fully covered"),
)


def band(covered: Decimal, required: Decimal) -> str:
    if required <= 0 or covered >= required:
        return "full"
    if covered <= 0:
        return "none"
    if covered * 2 < required:
        return "low"
    return "part"


@dataclass
class MonthCell:
    month: datetime.date
    required: Decimal
    pledged: Decimal

    @property
    def covered(self) -> Decimal:
        return min(self.pledged, self.required)

    @property
    def gap(self) -> Decimal:
        return self.required - self.covered

    @property
    def band(self) -> str:
        return band(self.covered, self.required)


@dataclass
class RequirementCoverage:
    requirement: object
    cells: list[MonthCell]

    @property
    def required(self) -> Decimal:
        return sum((c.required for c in self.cells), ZERO)

    @property
    def pledged(self) -> Decimal:
        return sum((c.pledged for c in self.cells), ZERO)

    @property
    def covered(self) -> Decimal:
        return sum((c.covered for c in self.cells), ZERO)

    @property
    def shortfall(self) -> Decimal:
        return self.required - self.covered

    @property
    def largest_gap(self) -> Decimal:
        return max((c.gap for c in self.cells), default=ZERO)

    @property
    def percent(self) -> int | None:
        return percent(self.covered, self.required)

    def cell_for(self, month: datetime.date) -> MonthCell | None:
        for cell in self.cells:
            if cell.month == month:
                return cell
        return None


@dataclass
class ProjectCoverage:
    requirements: list[RequirementCoverage] = field(default_factory=list)

    @property
    def months(self) -> list[datetime.date]:
        months = {cell.month for r in self.requirements for cell in r.cells}
        return sorted(months)

    @property
    def required(self) -> Decimal:
        return sum((r.required for r in self.requirements), ZERO)

    @property
    def pledged(self) -> Decimal:
        """What councils offered, whether or not a month needed it all."""
        return sum((r.pledged for r in self.requirements), ZERO)

    @property
    def covered(self) -> Decimal:
        """Pledged days capped at each month's need: what the headline counts."""
        return sum((r.covered for r in self.requirements), ZERO)

    @property
    def shortfall(self) -> Decimal:
        return self.required - self.covered

    @property
    def percent(self) -> int | None:
        return percent(self.covered, self.required)

    @property
    def largest_gap(self) -> Decimal:
        return max((r.largest_gap for r in self.requirements), default=ZERO)

    def gaps(self) -> list[tuple[RequirementCoverage, MonthCell]]:
        """Every requirement-month short of days, in month order."""
        found = [(r, c) for r in self.requirements for c in r.cells if c.gap > 0]
        return sorted(found, key=lambda pair: (pair[1].month, -pair[1].gap))

    def heat_rows(self) -> list[tuple[RequirementCoverage, list[MonthCell | None]]]:
        months = self.months
        return [(r, [r.cell_for(m) for m in months]) for r in self.requirements]


def requirement_coverage(
    requirement, pledged_by_month: Mapping[datetime.date, Decimal]
) -> RequirementCoverage:
    """Cells for each month of the requirement's period from the pledged days by month."""
    per_month = requirement.people * requirement.days_per_month
    cells = [
        MonthCell(month=month, required=per_month, pledged=pledged_by_month.get(month, ZERO))
        for month in month_range(requirement.start_month, requirement.end_month)
    ]
    return RequirementCoverage(requirement=requirement, cells=cells)


def sum_by_month(
    per_pledge: Iterable[Mapping[datetime.date, Decimal]],
) -> dict[datetime.date, Decimal]:
    totals: dict[datetime.date, Decimal] = {}
    for months in per_pledge:
        for month, days in months.items():
            totals[month] = totals.get(month, ZERO) + days
    return totals


def meets_need(skill_id: int, level: str, requirement) -> bool:
    """Whether a pledge at this skill and level counts towards ``requirement``: the same
    skill, at the need's level or above (awareness < working < practitioner < expert)."""
    return skill_id == requirement.skill_id and SKILL_LEVEL_ORDER.get(
        level, -1
    ) >= SKILL_LEVEL_ORDER.get(requirement.level, 0)


def pledged_by_need(
    pledges: Iterable, needs: Mapping[int, object], adjustments: Mapping | None = None
) -> dict[int, dict]:
    """Days pledged to each need (by id) in each month, over the pledges that count towards
    it: active, or ended for the months they ran, at the need's skill and at its level or
    above, after planned reductions. The one sum behind the stored coverage months and a
    project's heat map. Reductions come from ``adjustments`` (pledge id to {month: days})
    when given, else from each pledge's prefetched ``adjustments``."""
    from heartbeat.recruitment.models import COUNTED_STATUSES

    per_need: dict[int, list] = {}
    for pledge in pledges:
        need = needs.get(pledge.requirement_id)
        if need is None or pledge.status not in COUNTED_STATUSES:
            continue
        if not meets_need(pledge.skill_id, pledge.level, need):
            continue
        per_need.setdefault(pledge.requirement_id, []).append(
            pledge_days_by_month(
                pledge.start_month,
                pledge.end_month,
                pledge.days_per_month,
                adjustments.get(pledge.pk, {})
                if adjustments is not None
                else {a.month: a.days for a in pledge.adjustments.all()},
            )
        )
    return {need_id: sum_by_month(months) for need_id, months in per_need.items()}
