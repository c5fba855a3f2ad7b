"""Benefits reads: the register, a benefit, a project's benefits, the programme's economics
and a council's value statement, each in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import (
    Count,
    DecimalField,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
)
from django.shortcuts import get_object_or_404
from django.urls import reverse

from heartbeat.benefits import appraisal
from heartbeat.benefits.economics import ZERO, Appraisal
from heartbeat.benefits.models import (
    BeneficiaryScope,
    Benefit,
    BenefitStatus,
    Classification,
    Cost,
    Measurement,
    Nature,
    ProfileEntry,
)
from heartbeat.benefits.periods import period_label, year_label
from heartbeat.core.aggregates import JoinedText
from heartbeat.core.datacache import cached
from heartbeat.core.exceptions import InvalidInput
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, Theme

# Register ------------------------------------------------------------------------------------


@dataclass
class RegisterFilters:
    project: str = ""
    theme: str = ""
    classification: str = ""
    nature: str = ""
    status: str = ""
    organisation: str = ""
    q: str = ""

    def as_params(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}

    @property
    def is_filtered(self) -> bool:
        return bool(self.as_params())


def parse_register_filters(params) -> tuple[RegisterFilters, list[str]]:
    """Filters from the query string; anything not understood is dropped with a message."""
    filters, errors = RegisterFilters(), []
    for name, choices, label in (
        ("classification", Classification, "classification"),
        ("nature", Nature, "kind"),
        ("status", BenefitStatus, "status"),
    ):
        value = params.get(name, "")
        if value and value in choices.values:
            setattr(filters, name, value)
        elif value:
            errors.append(f"There is no {label} '{value[:40]}': showing every {label}.")
    for name in ("project", "theme", "organisation"):
        value = params.get(name, "")
        if value and "\x00" not in value and len(value) <= 160:
            setattr(filters, name, value)
    q = params.get("q", "")
    if "\x00" in q:
        errors.append("The search contains a character that cannot be searched for.")
    else:
        filters.q = q.strip()[:100]
    return filters, errors


def register(user, filters: RegisterFilters):
    benefits = Benefit.objects.visible_to(user).select_related("project", "project__theme", "owner")
    if filters.project:
        benefits = benefits.filter(project__slug=filters.project)
    if filters.theme:
        benefits = benefits.filter(project__theme__slug=filters.theme)
    if filters.classification:
        benefits = benefits.filter(classification=filters.classification)
    if filters.nature:
        benefits = benefits.filter(nature=filters.nature)
    if filters.status:
        benefits = benefits.filter(status=filters.status)
    if filters.organisation:
        benefits = benefits.filter(
            Q(beneficiary_scope=BeneficiaryScope.PARTNERSHIP)
            | Q(beneficiaries__slug=filters.organisation)
        ).distinct()
    if filters.q:
        benefits = benefits.filter(Q(title__icontains=filters.q) | Q(measure__icontains=filters.q))
    return benefits.order_by("project__title", "id")


def register_page_rows(rows) -> list[Benefit]:
    """A page of the register with each row's expected and realised totals (three queries)."""
    rows = list(rows)
    ids = [b.pk for b in rows]
    expected = dict(
        ProfileEntry.objects.filter(benefit_id__in=ids)
        .values("benefit_id")
        .annotate(total=Sum("value"))
        .values_list("benefit_id", "total")
        .order_by()
    )
    realised = dict(
        Measurement.objects.filter(benefit_id__in=ids, value__isnull=False)
        .values("benefit_id")
        .annotate(total=Sum("value"))
        .values_list("benefit_id", "total")
        .order_by()
    )
    for b in rows:
        b.expected_total = expected.get(b.pk)
        b.realised_total = realised.get(b.pk)
    return rows


def register_filter_options() -> dict:
    return {
        "themes": list(Theme.objects.values_list("slug", "name")),
        "organisations": list(
            Organisation.objects.active().local_authorities().values_list("slug", "name")
        ),
    }


REGISTER_HEADERS = [
    "Number",
    "Project",
    "Category",
    "Class",
    "Disbenefit",
    "Description",
    "Measure (KPI)",
    "Unit",
    "Baseline",
    "Baseline date",
    "Target",
    "Target date",
    "Owner",
    "Beneficiaries",
    "Full-year value",
    "Timescale",
    "Expected in total",
    "Realised to date",
    "Status",
]


def register_export_rows(benefits) -> Iterator[list]:
    """The register in the layout UK public bodies use, read as it is written (one query at
    any size: the profile's totals, what was realised and the beneficiaries are subqueries
    of the same query)."""
    profile = ProfileEntry.objects.filter(benefit=OuterRef("pk")).order_by()
    by_year = profile.values("financial_year").annotate(total=Sum("value")).order_by("-total")
    realised = (
        Measurement.objects.filter(benefit=OuterRef("pk"), value__isnull=False)
        .order_by()
        .values("benefit")
        .annotate(total=Sum("value"))
        .values("total")
    )
    beneficiaries = JoinedText(
        Organisation.objects.filter(benefits_received=OuterRef("pk"))
        .order_by("name")
        .annotate(v=F("name"))
        .values("v")
    )
    money = DecimalField(max_digits=18, decimal_places=2)
    rows = benefits.annotate(
        expected=Subquery(
            profile.values("benefit").annotate(total=Sum("value")).values("total"),
            output_field=money,
        ),
        full_year=Subquery(by_year.values("total")[:1], output_field=money),
        first_year=Subquery(
            profile.values("benefit").annotate(year=Min("financial_year")).values("year")
        ),
        last_year=Subquery(
            profile.values("benefit").annotate(year=Max("financial_year")).values("year")
        ),
        realised=Subquery(realised, output_field=money),
        beneficiary_names=beneficiaries,
    ).values_list(
        "pk",
        "project__title",
        "classification",
        "nature",
        "is_disbenefit",
        "title",
        "description",
        "measure",
        "unit",
        "monetised",
        "baseline_value",
        "baseline_date",
        "target_value",
        "target_date",
        "owner__full_name",
        "owner__email",
        "beneficiary_scope",
        "beneficiary_names",
        "full_year",
        "first_year",
        "last_year",
        "expected",
        "realised",
        "status",
    )
    classifications = dict(Classification.choices)
    natures = dict(Nature.choices)
    statuses = dict(BenefitStatus.choices)
    for (
        pk,
        project,
        classification,
        nature,
        is_disbenefit,
        title,
        description,
        measure,
        unit,
        monetised,
        baseline_value,
        baseline_date,
        target_value,
        target_date,
        owner_name,
        owner_email,
        scope,
        names,
        full_year,
        first_year,
        last_year,
        expected,
        realised_total,
        status,
    ) in rows.iterator(chunk_size=2000):
        if first_year is None:
            timescale = ""
        elif first_year == last_year:
            timescale = year_label(first_year)
        else:
            timescale = f"{year_label(first_year)} to {year_label(last_year)}"
        yield [
            Benefit.reference_of(pk),
            project,
            classifications.get(classification, classification),
            natures.get(nature, nature),
            "Yes" if is_disbenefit else "No",
            f"{title}. {description}".strip() if description else title,
            measure,
            "£" if monetised else unit,
            baseline_value,
            baseline_date,
            target_value,
            target_date,
            owner_name or owner_email or "",
            "The whole partnership" if scope == BeneficiaryScope.PARTNERSHIP else (names or ""),
            full_year,
            timescale,
            expected,
            realised_total,
            statuses.get(status, status),
        ]


# A benefit -----------------------------------------------------------------------------------


@dataclass
class PeriodRow:
    period: object
    label: str
    expected: Decimal | None
    realised: Decimal | None
    reports: list = field(default_factory=list)

    @property
    def variance(self) -> Decimal | None:
        if self.expected is None or self.realised is None:
            return None
        return self.realised - self.expected

    @property
    def variance_percent(self) -> Decimal | None:
        if self.variance is None or not self.expected:
            return None
        return (self.variance * 100 / abs(self.expected)).quantize(Decimal("1"))


def benefit_detail(user, pk: int) -> Benefit:
    return get_object_or_404(
        Benefit.objects.visible_to(user)
        .select_related("project", "project__theme", "owner", "source", "project__project_lead")
        .prefetch_related(
            "beneficiaries",
            Prefetch("profile", queryset=ProfileEntry.objects.order_by("period_start")),
            Prefetch(
                "measurements",
                queryset=Measurement.objects.select_related("organisation", "reported_by").order_by(
                    "period_start", "organisation__name"
                ),
            ),
        ),
        pk=pk,
    )


def benefit_periods(benefit: Benefit) -> list[PeriodRow]:
    """Expected against realised, period by period, from the prefetched rows."""
    rows: dict = {}
    for entry in benefit.profile.all():
        rows[entry.period_start] = PeriodRow(
            entry.period_start,
            period_label(entry.period_start, benefit.granularity),
            entry.value,
            None,
        )
    for m in benefit.measurements.all():
        row = rows.get(m.period_start)
        if row is None:
            row = rows[m.period_start] = PeriodRow(
                m.period_start, period_label(m.period_start, benefit.granularity), None, None
            )
        row.reports.append(m)
        if m.value is not None:
            row.realised = (row.realised or ZERO) + m.value
    return [rows[key] for key in sorted(rows)]


def benefit_history(benefit: Benefit) -> list:
    return list(benefit.history.select_related("history_user").order_by("-history_date")[:20])


# A project's benefits ------------------------------------------------------------------------


@dataclass
class ProjectBenefits:
    project: Project
    benefits: list[Benefit]
    costs: list[Cost]
    appraisal: Appraisal
    settings: appraisal.Settings
    in_kind_by_organisation: list[tuple[str, Decimal, Decimal]]

    @property
    def qualitative(self) -> list[Benefit]:
        return [b for b in self.benefits if not b.counts_in_economics]


def project_benefits(user, slug: str) -> ProjectBenefits:
    project = get_object_or_404(
        Project.objects.visible_to(user).select_related("theme", "project_lead"), slug=slug
    )
    settings = appraisal.load_settings()
    flows = appraisal.flows_by_project(settings, Q(pk=project.pk)).get(project.pk)
    benefits = list(
        Benefit.objects.visible_to(user)
        .filter(project=project)
        .select_related("owner")
        .prefetch_related(
            "beneficiaries",
            Prefetch("profile", queryset=ProfileEntry.objects.order_by("period_start")),
            Prefetch("measurements", queryset=Measurement.objects.order_by("period_start")),
        )
    )
    costs = list(
        Cost.objects.filter(project=project)
        .select_related("organisation")
        .order_by("financial_year", "organisation__name", "id")
    )
    for cost in costs:
        cost.project = project  # who may change a cost depends on its project
    in_kind = _in_kind_by_organisation(settings, project)
    return ProjectBenefits(
        project=project,
        benefits=benefits,
        costs=costs,
        appraisal=(flows or appraisal.Flows()).appraisal(settings),
        settings=settings,
        in_kind_by_organisation=in_kind,
    )


def _in_kind_by_organisation(settings, project) -> list[tuple[str, Decimal, Decimal]]:
    from django.db.models import F

    from heartbeat.benefits.models import InKindYear

    rows = (
        InKindYear.objects.filter(project=project)
        .values("organisation__name")
        .annotate(
            days_total=Sum("days"),
            cost=Sum(F("days") * appraisal._rate_case(settings), output_field=appraisal.MONEY),
        )
        .order_by("organisation__name")
    )
    return [(r["organisation__name"], r["days_total"], r["cost"] or ZERO) for r in rows]


# The programme's economics -------------------------------------------------------------------


@dataclass
class EconomicsRow:
    """A line of the economics: its appraisal is worked out when first read, so a page of
    projects costs the appraisals of that page, not of every project."""

    label: str
    url: str | None
    flows: appraisal.Flows
    settings: appraisal.Settings

    @cached_property
    def appraisal(self) -> Appraisal:
        return self.flows.appraisal(self.settings)


@dataclass
class ProgrammeEconomics:
    settings: appraisal.Settings
    programme: Appraisal
    themes: list[EconomicsRow]
    projects: list[EconomicsRow]
    by_classification: list[tuple[str, int, int, Decimal]]
    theme_classification: list[tuple[str, dict[str, Decimal]]]
    councils: list[tuple[Organisation, Decimal, Decimal]]
    qualitative_count: int


def parse_rate(value: str | None, default: Decimal) -> Decimal:
    """A discount rate from the query string (a what-if), 0 to 20; refuse anything else."""
    if value in (None, ""):
        return default
    try:
        rate = Decimal(value.strip().rstrip("%"))
    except Exception:
        raise InvalidInput(
            "Enter the discount rate as a number between 0 and 20, like 3.5",
            field="rate",
            code="discount_rate_out_of_range",
        ) from None
    if not rate.is_finite() or not Decimal(0) <= rate <= Decimal(20):
        raise InvalidInput(
            "The discount rate must be between 0% and 20% (the Green Book's is 3.5%)",
            field="rate",
            code="discount_rate_out_of_range",
        )
    return rate.quantize(Decimal("0.01"))


def programme_economics(settings: appraisal.Settings) -> ProgrammeEconomics:
    """The whole programme's economics under ``settings``, kept between requests until the
    data changes (``core.datacache``)."""
    return cached("benefits.economics", (repr(settings),), lambda: _programme_economics(settings))


def _programme_economics(settings: appraisal.Settings) -> ProgrammeEconomics:
    flows = appraisal.flows_by_project(settings)
    projects = {
        pk: (title, slug, theme_id)
        for pk, title, slug, theme_id in Project.objects.filter(pk__in=list(flows)).values_list(
            "pk", "title", "slug", "theme_id"
        )
    }
    themes = list(Theme.objects.values_list("pk", "name", "slug"))
    by_theme = appraisal.combine(flows, lambda pk: projects[pk][2] if pk in projects else None)
    theme_rows = [
        EconomicsRow(name, None, by_theme[pk], settings)
        for pk, name, _slug in themes
        if pk in by_theme
    ]
    # One reverse() for every project's address.
    address = reverse("benefits:project_benefits", args=["-slug-"])
    project_rows = sorted(
        (
            EconomicsRow(
                projects[pk][0],
                address.replace("-slug-", projects[pk][1]),
                f,
                settings,
            )
            for pk, f in flows.items()
            if pk in projects
        ),
        key=lambda row: row.label.lower(),
    )
    # Counts and values by classification (qualitative benefits are counted, never valued).
    counts = {
        (row["classification"], row["nature"]): row["n"]
        for row in Benefit.objects.values("classification", "nature")
        .annotate(n=Count("pk"))
        .order_by()
    }
    valued: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for theme_id, classification, disbenefit, total in (
        ProfileEntry.objects.filter(benefit__nature=Nature.QUANTITATIVE, benefit__monetised=True)
        .values_list(
            "benefit__project__theme_id", "benefit__classification", "benefit__is_disbenefit"
        )
        .annotate(total=Sum("value"))
        .order_by()
    ):
        valued[(theme_id, classification)] += -total if disbenefit else total
    by_classification = [
        (
            label,
            counts.get((value, Nature.QUANTITATIVE), 0),
            counts.get((value, Nature.QUALITATIVE), 0),
            sum((v for (t, c), v in valued.items() if c == value), ZERO),
        )
        for value, label in Classification.choices
    ]
    theme_classification = [
        (name, {value: valued.get((pk, value), ZERO) for value in Classification.values})
        for pk, name, _slug in themes
    ]
    contributions = appraisal.contributions_and_receipts(settings)
    organisations = Organisation.objects.in_bulk(list(contributions))
    councils = sorted(
        (
            (organisations[pk], put_in, received)
            for pk, (put_in, received) in contributions.items()
            if pk in organisations
        ),
        key=lambda row: row[0].name,
    )
    qualitative = sum(n for (c, nature), n in counts.items() if nature == Nature.QUALITATIVE)
    return ProgrammeEconomics(
        settings=settings,
        programme=appraisal.total(flows).appraisal(settings),
        themes=theme_rows,
        projects=project_rows,
        by_classification=by_classification,
        theme_classification=theme_classification,
        councils=councils,
        qualitative_count=qualitative,
    )


def theme_economics(settings: appraisal.Settings, theme: Theme) -> Appraisal:
    flows = appraisal.flows_by_project(settings, Q(theme=theme))
    return appraisal.total(flows).appraisal(settings)


# A council's value statement -----------------------------------------------------------------


@dataclass
class StatementRow:
    project: Project
    appraisal: Appraisal


@dataclass
class ValueStatement:
    organisation: Organisation
    settings: appraisal.Settings
    total: Appraisal
    projects: list[StatementRow]
    received: list[Benefit]
    reports: dict[int, list[Measurement]]
    partnership_benefits: int

    @property
    def contributed(self) -> Decimal:
        return self.total.direct_cost + self.total.in_kind_cost


def value_statement(user, slug: str, settings: appraisal.Settings | None = None) -> ValueStatement:
    organisation = get_object_or_404(Organisation, slug=slug)
    settings = settings or appraisal.load_settings()
    flows = appraisal.council_flows(settings, organisation)
    projects = Project.objects.in_bulk(list(flows))
    rows = sorted(
        (
            StatementRow(projects[pk], f.appraisal(settings))
            for pk, f in flows.items()
            if pk in projects
        ),
        key=lambda row: row.project.title.lower(),
    )
    received = list(
        Benefit.objects.visible_to(user)
        .filter(Q(beneficiaries=organisation) | Q(measurements__organisation=organisation))
        .distinct()
        .select_related("project")
        .order_by("project__title", "id")
    )
    reports: dict[int, list[Measurement]] = defaultdict(list)
    for m in Measurement.objects.filter(organisation=organisation).order_by("period_start"):
        reports[m.benefit_id].append(m)
    partnership = Benefit.objects.filter(beneficiary_scope=BeneficiaryScope.PARTNERSHIP).count()
    return ValueStatement(
        organisation=organisation,
        settings=settings,
        total=appraisal.total(flows).appraisal(settings),
        projects=rows,
        received=received,
        reports=dict(reports),
        partnership_benefits=partnership,
    )


def statement_figures(statement: ValueStatement) -> list[tuple[str, object]]:
    """The headline figures, in the order the page, the PDF and the spreadsheet show them."""
    t = statement.total
    return [
        ("Days contributed", t.in_kind_days),
        ("In-kind value of those days", t.in_kind_cost),
        ("Direct contributions", t.direct_cost),
        ("Total contribution", statement.contributed),
        ("Benefits realised to date", t.realised),
        ("Benefits forecast", t.forecast),
        ("Net benefit", t.net_benefit),
        ("Return on investment", t.roi),
        ("Benefit-cost ratio", t.bcr),
        ("Net present value", t.npv),
        ("Simple payback (years)", t.simple_payback),
        ("Discounted payback (years)", t.discounted_payback),
    ]
