"""The programme dashboard: every active project's confidence, trend and lateness, the
milestones and risks that need attention, and the counts a board asks for.

Built in a fixed number of queries whatever the number of projects: one for the filtered
projects (with their latest confidence), one for their reporting state, one each for the
page's trends, coverage and counts, and a few for the lists. The same figures feed the page,
the API, the highlight report's PDF and its XLSX.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce

from heartbeat.core.datacache import cached
from heartbeat.delivery.cadence import (
    Period,
    first_owed_period,
    recent_periods,
)
from heartbeat.delivery.config import programme_settings
from heartbeat.delivery.models import (
    OPEN_MILESTONE_STATUSES,
    DeliverySettings,
    HeartbeatUpdate,
    Milestone,
    RaidItem,
    RaidKind,
    RaidStatus,
    UpdateStatus,
)
from heartbeat.delivery.scales import ALL_LEVELS, Level, level_for
from heartbeat.delivery.selectors.programme import (
    MILESTONE_WINDOW_DAYS,
    TREND_PERIODS,
    _trend,
    due_milestones,
    programme_risks,
    slipped_milestones,
)
from heartbeat.delivery.selectors.reporting import (
    OWING_STAGES,
    ReportingStatus,
    reporting_statuses,
    with_reporting,
    with_submitted,
)
from heartbeat.portfolio.models import Project, ResourceRequirement, Theme, visibilities_for
from heartbeat.recruitment.coverage import percent as coverage_percent
from heartbeat.recruitment.selectors import with_coverage

LIST_LIMIT = 15
TOP_RISKS = 10
NOT_REPORTED = "not_reported"


@dataclass
class DashboardFilters:
    theme: str = ""
    lead: str = ""
    confidence: str = ""

    def as_params(self) -> dict:
        return {
            k: v
            for k, v in (
                ("theme", self.theme),
                ("lead", self.lead),
                ("confidence", self.confidence),
            )
            if v
        }

    @property
    def is_filtered(self) -> bool:
        return bool(self.as_params())


CONFIDENCE_FILTERS = [(level.code, level.label) for level in ALL_LEVELS] + [
    (NOT_REPORTED, "No update yet")
]


def parse_dashboard_filters(params) -> tuple[DashboardFilters, list[str]]:
    """Filters from the query string; an unknown value is dropped with a message."""
    errors = []

    def value(name: str) -> str:
        raw = params.get(name, "") or ""
        if "\x00" in raw or len(raw) > 120:
            errors.append(f"The {name} filter was not understood, so it is not applied.")
            return ""
        return raw.strip()

    filters = DashboardFilters(
        theme=value("theme"), lead=value("lead"), confidence=value("confidence")
    )
    if filters.confidence and filters.confidence not in dict(CONFIDENCE_FILTERS):
        errors.append("Choose a confidence level from the list.")
        filters.confidence = ""
    return filters, errors


@dataclass
class ProjectLine:
    """One active project as the dashboard lists it."""

    pk: int
    slug: str
    title: str
    stage: str
    theme_id: int
    theme: str
    theme_slug: str
    lead_organisation: str
    lead_slug: str
    reporting_cadence: str
    active_since: datetime.datetime | None
    latest_confidence: str
    latest_id: int | None = None
    latest_submitted: bool | None = None
    current_submitted: bool | None = None
    # Filled with the details of the rows shown.
    latest_period_start: datetime.date | None = None
    latest_percent: int | None = None
    status: ReportingStatus | None = None
    # Filled for the rows shown (a page, or a chunk of a report).
    trend: list[TrendCell] = field(default_factory=list)
    latest: HeartbeatUpdate | None = None
    coverage: int | None = None
    milestones_due: int = 0
    milestones_slipped: int = 0
    open_risks: int = 0
    top_risk_score: int | None = None

    @property
    def level(self) -> Level | None:
        return level_for(self.latest_confidence)

    @property
    def url(self) -> str:
        return f"/projects/{self.slug}/"

    @property
    def sort_key(self):
        level = self.level
        return (level.score if level else 0, self.title.lower())


@dataclass
class TrendCell:
    period: Period
    level: Level | None
    owed: bool

    @property
    def text(self) -> str:
        if self.level is not None:
            return self.level.label
        return "Missing" if self.owed else "Not due"


@dataclass
class Dashboard:
    settings: DeliverySettings
    today: datetime.date
    filters: DashboardFilters
    lines: list[ProjectLine]  # every filtered project, worst confidence first
    themes: list[Theme]
    leads: list[tuple[str, str]]
    counts_by_confidence: dict[str, int]
    counts_by_theme: list[tuple[str, dict[str, int]]]
    trend_periods: list[Period]
    trend_counts: list[dict[str, int]]
    overdue: list[ProjectLine]
    milestones_due: list[Milestone]
    milestones_due_count: int
    milestones_slipped: list[Milestone]
    milestones_slipped_count: int
    top_risks: list[RaidItem]
    escalated_count: int
    levels: tuple[Level, ...] = ALL_LEVELS

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    @property
    def confidence_columns(self) -> list[tuple[str, str]]:
        return [(level.code, level.label) for level in self.levels] + [
            (NOT_REPORTED, "No update yet")
        ]


def _latest(field_name: str):
    return Subquery(
        HeartbeatUpdate.objects.filter(project=OuterRef("pk"), status=UpdateStatus.SUBMITTED)
        .order_by("-period_start")
        .values(field_name)[:1]
    )


def active_projects(user, settings: DeliverySettings):
    """Projects that owe updates, visible to ``user``, annotated for the dashboard."""
    queryset = Project.objects.visible_to(user).filter(stage__in=OWING_STAGES)
    return with_reporting(queryset, settings).annotate(
        latest_confidence=_latest("confidence"),
        latest_id=_latest("pk"),
    )


def filtered_projects(user, filters: DashboardFilters, settings: DeliverySettings):
    """The active projects the filters select, annotated (a query, not yet run)."""
    queryset = active_projects(user, settings)
    if filters.theme:
        queryset = queryset.filter(theme__slug=filters.theme)
    if filters.lead:
        queryset = queryset.filter(lead_organisation__slug=filters.lead)
    if filters.confidence == NOT_REPORTED:
        queryset = queryset.filter(latest_confidence__isnull=True)
    elif filters.confidence:
        queryset = queryset.filter(latest_confidence=filters.confidence)
    return queryset.order_by()


LINE_FIELDS = (
    "pk",
    "slug",
    "title",
    "stage",
    "theme_id",
    "theme__name",
    "theme__slug",
    "lead_organisation__name",
    "lead_organisation__slug",
    "reporting_cadence",
    "active_since",
    "latest_confidence",
    "latest_id",
    "latest_submitted",
    "current_submitted",
)


def project_lines(user, filters: DashboardFilters, settings, today) -> list[ProjectLine]:
    """Every filtered active project with its reporting state (one query)."""
    queryset = with_submitted(filtered_projects(user, filters, settings), settings, today)
    lines = [
        ProjectLine(
            pk=row[0],
            slug=row[1],
            title=row[2],
            stage=row[3],
            theme_id=row[4],
            theme=row[5],
            theme_slug=row[6],
            lead_organisation=row[7] or "",
            lead_slug=row[8] or "",
            reporting_cadence=row[9],
            active_since=row[10],
            latest_confidence=row[11] or "",
            latest_id=row[12],
            latest_submitted=row[13],
            current_submitted=row[14],
        )
        for row in queryset.values_list(*LINE_FIELDS)
    ]
    statuses = reporting_statuses(lines, settings, today)
    for line in lines:
        line.status = statuses[line.pk]
    lines.sort(key=lambda line: line.sort_key)
    return lines


# Past this many projects, other queries take the filter as a subquery rather than a list.
ID_LIST_LIMIT = 100


def _ids(queryset, lines):
    if len(lines) <= ID_LIST_LIMIT:
        return [line.pk for line in lines]
    return queryset.values("pk")


def fill_details(
    lines: list[ProjectLine], settings: DeliverySettings, today: datetime.date
) -> None:
    """Give the lines shown their trend, latest update, coverage, milestone and risk counts
    (five queries, whatever the number of lines)."""
    if not lines:
        return
    ids = [line.pk for line in lines]
    periods_by_line = {
        line.pk: recent_periods(line.reporting_cadence, line.status.latest_due, TREND_PERIODS)
        for line in lines
    }
    # Each cadence's window, and each latest update even when it is older than its window.
    windows = Q(pk__in=[line.latest_id for line in lines if line.latest_id])
    for cadence in sorted({line.reporting_cadence for line in lines}):
        members = [line for line in lines if line.reporting_cadence == cadence]
        windows |= Q(
            status=UpdateStatus.SUBMITTED,
            project_id__in=[line.pk for line in members],
            period_start__gte=min(periods_by_line[line.pk][0].start for line in members),
        )
    updates: dict[int, dict[datetime.date, HeartbeatUpdate]] = defaultdict(dict)
    by_pk: dict[int, HeartbeatUpdate] = {}
    for update in HeartbeatUpdate.objects.filter(windows).only(
        "id",
        "project_id",
        "period_start",
        "period_end",
        "cadence",
        "confidence",
        "summary",
        "percent_complete",
        "decisions_needed",
        "submitted_at",
        "correction_number",
        "status",
        "scale",
    ):
        by_pk[update.pk] = update
        if update.status == UpdateStatus.SUBMITTED:
            updates[update.project_id][update.period_start] = update
    since = {}
    for line in lines:
        active = line.active_since.date() if line.active_since else today
        since[line.pk] = first_owed_period(line.reporting_cadence, active).start
        own = updates.get(line.pk, {})
        line.trend = [
            TrendCell(
                period=period,
                level=level_for(own[period.start].confidence) if period.start in own else None,
                owed=period.start >= since[line.pk],
            )
            for period in periods_by_line[line.pk]
        ]
        line.latest = by_pk.get(line.latest_id)
        if line.latest is not None:
            line.latest_period_start = line.latest.period_start
            line.latest_percent = line.latest.percent_complete
    coverage: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for project_id, required, covered in with_coverage(
        ResourceRequirement.objects.filter(project_id__in=ids)
    ).values_list("project_id", "required_days", "covered_days"):
        coverage[project_id][0] += required or 0
        coverage[project_id][1] += covered or 0
    horizon = today + datetime.timedelta(days=MILESTONE_WINDOW_DAYS)
    milestone_counts = {
        row["project_id"]: row
        for row in Milestone.objects.filter(project_id__in=ids)
        .values("project_id")
        .annotate(
            due=Count(
                "pk",
                filter=Q(status__in=OPEN_MILESTONE_STATUSES, forecast_date__lte=horizon),
            ),
            slipped=Count(
                "pk",
                filter=Q(status__in=OPEN_MILESTONE_STATUSES, forecast_date__gt=F("baseline_date")),
            ),
        )
        .order_by()
    }
    risk_counts = {
        row["project_id"]: row
        for row in RaidItem.objects.filter(
            project_id__in=ids, kind=RaidKind.RISK, status=RaidStatus.OPEN
        )
        .values("project_id")
        .annotate(n=Count("pk"), top=Coalesce(_max_score(), 0))
        .order_by()
    }
    for line in lines:
        required, covered = coverage.get(line.pk, (Decimal(0), Decimal(0)))
        line.coverage = coverage_percent(covered, required)
        counts = milestone_counts.get(line.pk, {})
        line.milestones_due = counts.get("due", 0)
        line.milestones_slipped = counts.get("slipped", 0)
        risks = risk_counts.get(line.pk, {})
        line.open_risks = risks.get("n", 0)
        line.top_risk_score = risks.get("top") or None


def _max_score():
    return Max("score")


def programme_dashboard(
    user,
    filters: DashboardFilters,
    *,
    today: datetime.date,
    settings: DeliverySettings | None = None,
) -> Dashboard:
    """Everything the dashboard shows except the details of the rows on the page (those
    come from ``fill_details`` for the page shown).

    Kept between requests for everyone who sees the same projects (``core.datacache``:
    never read after the data changed), unless the settings are given."""
    if settings is not None:
        return _programme_dashboard(user, filters, today=today, settings=settings)
    return cached(
        "delivery.dashboard",
        (visibilities_for(user), repr(filters), today),
        lambda: _programme_dashboard(user, filters, today=today, settings=programme_settings()),
    )


def _programme_dashboard(user, filters, *, today, settings) -> Dashboard:
    lines = project_lines(user, filters, settings, today)
    ids = _ids(filtered_projects(user, filters, settings), lines)
    themes = list(Theme.objects.order_by("order", "name"))
    leads = sorted(
        {(line.lead_slug, line.lead_organisation) for line in lines if line.lead_slug},
        key=lambda pair: pair[1].lower(),
    )
    counts_by_confidence = Counter(line.latest_confidence or NOT_REPORTED for line in lines)
    by_theme: dict[int, Counter] = defaultdict(Counter)
    for line in lines:
        by_theme[line.theme_id][line.latest_confidence or NOT_REPORTED] += 1
    counts_by_theme = [
        (theme.name, dict(by_theme[theme.pk])) for theme in themes if theme.pk in by_theme
    ]
    trend_periods, trend_counts = _trend(ids, settings, today)
    due = due_milestones(ids, today)
    slipped = slipped_milestones(ids)
    risks = programme_risks(ids)
    return Dashboard(
        settings=settings,
        today=today,
        filters=filters,
        lines=lines,
        themes=themes,
        leads=leads,
        counts_by_confidence=dict(counts_by_confidence),
        counts_by_theme=counts_by_theme,
        trend_periods=trend_periods,
        trend_counts=trend_counts,
        overdue=sorted(
            (line for line in lines if line.status.is_overdue),
            key=lambda line: (-(line.status.overdue_days or 0), line.title.lower()),
        ),
        milestones_due=list(due[:LIST_LIMIT]),
        milestones_due_count=due.count(),
        milestones_slipped=list(slipped[:LIST_LIMIT]),
        milestones_slipped_count=slipped.count(),
        top_risks=list(risks[:TOP_RISKS]),
        escalated_count=risks.filter(escalated_at__isnull=False).count(),
    )
