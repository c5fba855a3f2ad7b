"""The flows the economics are worked out from, read in a fixed number of grouped queries:
costs (direct, and in-kind days x the day rate of the pledge's level) and monetised
benefits (expected, realised and forecast) by financial year, for any slice of the
programme. Forecast is the realised value where a period has been reported, the expected
value otherwise. Disbenefits count as negative; qualitative benefits have no money value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, DecimalField, Exists, F, OuterRef, Q, Sum, Value, When

from heartbeat.benefits.economics import ZERO, Appraisal
from heartbeat.benefits.models import (
    AppraisalSettings,
    DayRate,
    InKindYear,
    Measurement,
    Nature,
    ProfileEntry,
)
from heartbeat.skills.models import SkillLevel

MONEY = DecimalField(max_digits=20, decimal_places=2)

# Illustrative day rates by skill level (not a published rate card), used for a level the
# table has no row for; the settings page says so and is where a partnership sets its own.
DEFAULT_DAY_RATES = {
    "awareness": Decimal("200"),
    "working": Decimal("300"),
    "practitioner": Decimal("400"),
    "expert": Decimal("500"),
}
FALLBACK_RATE = Decimal("0")

ILLUSTRATIVE_SOURCE = (
    "Illustrative defaults, not a published rate card: set your partnership's own rates "
    "(for example from councils' salary scales plus on-costs) on the appraisal settings page."
)


@dataclass
class Settings:
    discount_rate: Decimal
    base_year: int
    years_after_end: int
    day_rates: dict[str, Decimal]
    day_rate_source: str
    version: int

    def rate_rows(self) -> list[tuple[str, str, Decimal]]:
        return [
            (level, label, self.day_rates.get(level, FALLBACK_RATE))
            for level, label in SkillLevel.choices
        ]


def load_settings() -> Settings:
    """The appraisal settings and day rates (two queries). Reading never writes: with no
    settings row the model's stated defaults apply, and a level with no rate row takes its
    illustrative default."""
    row = AppraisalSettings.objects.order_by("pk").first() or AppraisalSettings()
    return Settings(
        discount_rate=row.discount_rate,
        base_year=row.base_year,
        years_after_end=row.years_after_end,
        day_rates={**DEFAULT_DAY_RATES, **dict(DayRate.objects.values_list("level", "rate"))},
        day_rate_source=row.day_rate_source or ILLUSTRATIVE_SOURCE,
        version=row.version,
    )


def _signed(value_field: str = "value", disbenefit: str = "benefit__is_disbenefit"):
    return Case(
        When(**{disbenefit: True}, then=-F(value_field)),
        default=F(value_field),
        output_field=MONEY,
    )


def _rate_case(settings: Settings):
    return Case(
        *[
            When(level=level, then=Value(settings.day_rates.get(level, FALLBACK_RATE)))
            for level in SkillLevel.values
        ],
        default=Value(FALLBACK_RATE),
        output_field=MONEY,
    )


@dataclass(slots=True)
class Flows:
    """Money by financial year for one slice: the makings of an Appraisal. (One for each
    of 20,000 projects at the largest scale: kept without an instance dictionary.)"""

    direct: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    in_kind: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    days: Decimal = ZERO
    expected: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    realised: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    forecast: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))

    def add(self, other: Flows) -> None:
        for name in ("direct", "in_kind", "expected", "realised", "forecast"):
            mine = getattr(self, name)
            for year, value in getattr(other, name).items():
                mine[year] += value
        self.days += other.days

    def appraisal(self, settings: Settings) -> Appraisal:
        costs: dict[int, Decimal] = defaultdict(Decimal)
        for source in (self.direct, self.in_kind):
            for year, value in source.items():
                costs[year] += value
        return Appraisal(
            costs_by_year=dict(costs),
            expected_by_year=dict(self.expected),
            realised_by_year=dict(self.realised),
            forecast_by_year=dict(self.forecast),
            rate=settings.discount_rate,
            base_year=settings.base_year,
            direct_cost=sum(self.direct.values(), ZERO),
            in_kind_cost=sum(self.in_kind.values(), ZERO),
            in_kind_days=self.days,
        )


# Rows read from the database at a time by the grouped queries below.
CHUNK = 2000


def flows_by_project(settings: Settings, projects: Q | None = None) -> dict[int, Flows]:
    """Every project's flows (four grouped queries). ``projects`` filters on the project,
    written as for a Project queryset, e.g. ``Q(theme_id=3)`` or ``Q(pk=7)``."""
    from heartbeat.benefits.models import Cost

    result: dict[int, Flows] = defaultdict(Flows)

    def scoped(prefix: str) -> Q:
        if projects is None:
            return Q()
        return Q(**{f"{prefix}__in": _project_ids_query(projects)})

    # Each grouped query is read a batch at a time, never held whole: at the largest scale
    # they are tens of thousands of rows each.
    for project_id, year, amount in (
        Cost.objects.filter(scoped("project"))
        .values("project_id", "financial_year")
        .annotate(total=Sum("amount"))
        .order_by()
        .values_list("project_id", "financial_year", "total")
        .iterator(chunk_size=CHUNK)
    ):
        result[project_id].direct[year] += amount
    for project_id, year, days, cost in (
        InKindYear.objects.filter(scoped("project"))
        .values("project_id", "financial_year")
        .annotate(
            days_total=Sum("days"), cost=Sum(F("days") * _rate_case(settings), output_field=MONEY)
        )
        .order_by()
        .values_list("project_id", "financial_year", "days_total", "cost")
        .iterator(chunk_size=CHUNK)
    ):
        flows = result[project_id]
        flows.in_kind[year] += cost or ZERO
        flows.days += days or ZERO
    monetised = Q(benefit__nature=Nature.QUANTITATIVE, benefit__monetised=True)
    reported = Measurement.objects.filter(
        benefit=OuterRef("benefit"), period_start=OuterRef("period_start")
    )
    for project_id, year, was_reported, amount in (
        ProfileEntry.objects.filter(monetised, scoped("benefit__project"))
        .annotate(reported=Exists(reported))
        .values("benefit__project_id", "financial_year", "reported")
        .annotate(total=Sum(_signed()))
        .order_by()
        .values_list("benefit__project_id", "financial_year", "reported", "total")
        .iterator(chunk_size=CHUNK)
    ):
        flows = result[project_id]
        flows.expected[year] += amount
        if not was_reported:
            flows.forecast[year] += amount
    for project_id, year, amount in (
        Measurement.objects.filter(monetised, scoped("benefit__project"), value__isnull=False)
        .values("benefit__project_id", "financial_year")
        .annotate(total=Sum(_signed()))
        .order_by()
        .values_list("benefit__project_id", "financial_year", "total")
        .iterator(chunk_size=CHUNK)
    ):
        flows = result[project_id]
        flows.realised[year] += amount
        flows.forecast[year] += amount
    return dict(result)


def _project_ids_query(projects: Q):
    from heartbeat.portfolio.models import Project

    return Project.objects.filter(projects).values("pk")


def combine(flows: dict, key: Callable[[int], object]) -> dict[object, Flows]:
    """Add up flows by a key of the project id (its theme, say)."""
    grouped: dict[object, Flows] = defaultdict(Flows)
    for project_id, project_flows in flows.items():
        grouped[key(project_id)].add(project_flows)
    return dict(grouped)


def total(flows: dict) -> Flows:
    whole = Flows()
    for project_flows in flows.values():
        whole.add(project_flows)
    return whole


def council_flows(settings: Settings, organisation) -> dict[int, Flows]:
    """What one council put into each project and what it received, by year (four queries).

    Put in: the direct costs it paid and its pledged days at the day rates. Received: what it
    reported receiving, and its equal share of the expected profile of benefits that name it
    among their beneficiaries for periods it has not reported. Benefits for the whole
    partnership are not divided between councils: only what a council reports counts.
    """
    from django.db.models import Count, IntegerField, Subquery

    from heartbeat.benefits.models import BeneficiaryScope, Benefit, Cost

    result: dict[int, Flows] = defaultdict(Flows)
    for row in (
        Cost.objects.filter(organisation=organisation)
        .values("project_id", "financial_year")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        result[row["project_id"]].direct[row["financial_year"]] += row["total"]
    for row in (
        InKindYear.objects.filter(organisation=organisation)
        .values("project_id", "financial_year")
        .annotate(
            days_total=Sum("days"), cost=Sum(F("days") * _rate_case(settings), output_field=MONEY)
        )
        .order_by()
    ):
        flows = result[row["project_id"]]
        flows.in_kind[row["financial_year"]] += row["cost"] or ZERO
        flows.days += row["days_total"] or ZERO
    monetised = Q(benefit__nature=Nature.QUANTITATIVE, benefit__monetised=True)
    through = Benefit.beneficiaries.through
    shares = (
        through.objects.filter(benefit_id=OuterRef("benefit_id"))
        .values("benefit_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    reported = Measurement.objects.filter(
        benefit=OuterRef("benefit"),
        period_start=OuterRef("period_start"),
        organisation=organisation,
    )
    for row in (
        ProfileEntry.objects.filter(
            monetised,
            benefit__beneficiary_scope=BeneficiaryScope.ORGANISATIONS,
            benefit__beneficiaries=organisation,
        )
        .annotate(
            shared_by=Subquery(shares, output_field=IntegerField()),
            reported=Exists(reported),
            signed=_signed(),
        )
        .values_list("benefit__project_id", "financial_year", "signed", "shared_by", "reported")
    ):
        project_id, year, value, shared_by, was_reported = row
        share = value / (shared_by or 1)
        flows = result[project_id]
        flows.expected[year] += share
        if not was_reported:
            flows.forecast[year] += share
    for row in (
        Measurement.objects.filter(monetised, organisation=organisation, value__isnull=False)
        .values("benefit__project_id", "financial_year")
        .annotate(total=Sum(_signed()))
        .order_by()
    ):
        flows = result[row["benefit__project_id"]]
        flows.realised[row["financial_year"]] += row["total"]
        flows.forecast[row["financial_year"]] += row["total"]
    return dict(result)


def contributions_and_receipts(settings: Settings) -> dict[int, tuple[Decimal, Decimal]]:
    """Each organisation's contribution (direct + in-kind) and what it reported receiving
    (three grouped queries), by organisation id."""
    from heartbeat.benefits.models import Cost

    found: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for organisation_id, amount in (
        Cost.objects.values("organisation_id")
        .annotate(total=Sum("amount"))
        .values_list("organisation_id", "total")
        .order_by()
    ):
        found[organisation_id][0] += amount
    for organisation_id, amount in (
        InKindYear.objects.values("organisation_id")
        .annotate(cost=Sum(F("days") * _rate_case(settings), output_field=MONEY))
        .values_list("organisation_id", "cost")
        .order_by()
    ):
        found[organisation_id][0] += amount or ZERO
    for organisation_id, amount in (
        Measurement.objects.filter(
            benefit__nature=Nature.QUANTITATIVE,
            benefit__monetised=True,
            organisation__isnull=False,
            value__isnull=False,
        )
        .values("organisation_id")
        .annotate(total=Sum(_signed()))
        .values_list("organisation_id", "total")
        .order_by()
    ):
        found[organisation_id][1] += amount
    return {key: (value[0], value[1]) for key, value in found.items()}
