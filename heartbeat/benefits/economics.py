"""The economics of a project, theme, council or the whole programme: pure functions of the
costs and monetised benefits by financial year, in Decimal arithmetic.

Method (HM Treasury Green Book):

- Flows are whole financial years. A year's net flow is its monetised benefits less its
  costs (disbenefits count as negative benefits; qualitative benefits have no money value
  and are left out).
- Net present value discounts each year's net flow to the base year:
  ``net / (1 + r) ** (year - base_year)``, with r the discount rate (3.5% a year by
  default, the Green Book's rate for the first 30 years).
- Simple payback counts years from the start of the first year with a cost or benefit until
  the cumulative net flow stops being negative, assuming flows spread evenly through each
  year: ``T + (-cumulative before T) / (net in T)``, where T is the first year whose
  cumulative net flow is zero or more. Discounted payback does the same with discounted
  flows. A flow that never turns positive within the years given never pays back (None).
- Return on investment is (benefits - costs) / costs; the benefit-cost ratio is benefits /
  costs. Both are None when there are no costs.

Rounding happens once, at the end: money to the nearest penny, percentages and ratios to
two decimal places, payback periods to one decimal place of a year, each half away from
zero (ROUND_HALF_UP).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

ZERO = Decimal("0")
PENNY = Decimal("0.01")
HUNDREDTH = Decimal("0.01")
TENTH = Decimal("0.1")
GREEN_BOOK_RATE = Decimal("3.5")


def money(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def discount_factor(year: int, base_year: int, rate_percent: Decimal) -> Decimal:
    """What £1 in ``year`` is worth in the base year at ``rate_percent`` a year."""
    return Decimal(1) / (Decimal(1) + Decimal(rate_percent) / 100) ** (year - base_year)


def _years(*flows: Mapping[int, Decimal]) -> list[int]:
    """Every year from the first with a flow to the last, gaps filled."""
    years = [year for flow in flows for year, value in flow.items() if value]
    if not years:
        return []
    return list(range(min(years), max(years) + 1))


def net_by_year(
    costs: Mapping[int, Decimal], benefits: Mapping[int, Decimal]
) -> dict[int, Decimal]:
    return {
        year: Decimal(benefits.get(year, ZERO)) - Decimal(costs.get(year, ZERO))
        for year in _years(costs, benefits)
    }


def npv(
    costs: Mapping[int, Decimal],
    benefits: Mapping[int, Decimal],
    *,
    rate: Decimal,
    base_year: int,
) -> Decimal:
    """Net present value in the base year's pounds, to the penny."""
    net = net_by_year(costs, benefits)
    return money(
        sum((value * discount_factor(year, base_year, rate) for year, value in net.items()), ZERO)
    )


def _payback(flows: list[Decimal]) -> Decimal | None:
    cumulative = ZERO
    for index, value in enumerate(flows):
        before = cumulative
        cumulative += value
        if cumulative >= 0:
            # ``before`` is negative here unless this is the first year, when it is 0.
            fraction = (-before) / value if value else ZERO
            return (Decimal(index) + fraction).quantize(TENTH, rounding=ROUND_HALF_UP)
    return None


def simple_payback(costs: Mapping[int, Decimal], benefits: Mapping[int, Decimal]) -> Decimal | None:
    """Years until the cumulative net flow stops being negative; None if it never does."""
    net = net_by_year(costs, benefits)
    if not net or not any(costs.values()):
        return None
    return _payback(list(net.values()))


def discounted_payback(
    costs: Mapping[int, Decimal],
    benefits: Mapping[int, Decimal],
    *,
    rate: Decimal,
    base_year: int,
) -> Decimal | None:
    """As simple payback, with each year's net flow discounted to the base year."""
    net = net_by_year(costs, benefits)
    if not net or not any(costs.values()):
        return None
    return _payback([value * discount_factor(year, base_year, rate) for year, value in net.items()])


def roi_percent(total_benefits: Decimal, total_costs: Decimal) -> Decimal | None:
    """Return on investment: (benefits - costs) / costs, as a percentage."""
    if not total_costs:
        return None
    return ((total_benefits - total_costs) * 100 / total_costs).quantize(
        HUNDREDTH, rounding=ROUND_HALF_UP
    )


def benefit_cost_ratio(total_benefits: Decimal, total_costs: Decimal) -> Decimal | None:
    if not total_costs:
        return None
    return (total_benefits / total_costs).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


@dataclass
class Appraisal:
    """The economics of one set of flows, as every page and export shows them. Each figure
    is worked out once, when first asked for; the flows are not changed afterwards."""

    costs_by_year: dict[int, Decimal]
    expected_by_year: dict[int, Decimal]
    realised_by_year: dict[int, Decimal]
    forecast_by_year: dict[int, Decimal]
    rate: Decimal
    base_year: int
    direct_cost: Decimal = ZERO
    in_kind_cost: Decimal = ZERO
    in_kind_days: Decimal = ZERO

    @cached_property
    def total_cost(self) -> Decimal:
        return money(sum(self.costs_by_year.values(), ZERO))

    @cached_property
    def expected(self) -> Decimal:
        return money(sum(self.expected_by_year.values(), ZERO))

    @cached_property
    def realised(self) -> Decimal:
        return money(sum(self.realised_by_year.values(), ZERO))

    @cached_property
    def forecast(self) -> Decimal:
        return money(sum(self.forecast_by_year.values(), ZERO))

    @cached_property
    def net_benefit(self) -> Decimal:
        return money(self.forecast - self.total_cost)

    @cached_property
    def bcr(self) -> Decimal | None:
        return benefit_cost_ratio(self.forecast, self.total_cost)

    @cached_property
    def roi(self) -> Decimal | None:
        return roi_percent(self.forecast, self.total_cost)

    @cached_property
    def npv(self) -> Decimal:
        return npv(
            self.costs_by_year, self.forecast_by_year, rate=self.rate, base_year=self.base_year
        )

    @cached_property
    def simple_payback(self) -> Decimal | None:
        return simple_payback(self.costs_by_year, self.forecast_by_year)

    @cached_property
    def discounted_payback(self) -> Decimal | None:
        return discounted_payback(
            self.costs_by_year, self.forecast_by_year, rate=self.rate, base_year=self.base_year
        )

    @cached_property
    def years(self) -> list[int]:
        return _years(
            self.costs_by_year, self.expected_by_year, self.realised_by_year, self.forecast_by_year
        )

    @cached_property
    def has_flows(self) -> bool:
        return bool(self.years)
