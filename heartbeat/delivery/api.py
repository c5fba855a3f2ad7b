"""Delivery API: updates, milestones, the RAID log and the dashboard's figures.

The endpoints call the same selectors and services as the pages, so the same rules and
permissions hold. Projects are named by slug; updates, milestones and RAID items by id.
Every text input is bounded as in the forms and the database, and NUL bytes are refused.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import AfterValidator

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.delivery import permissions, services
from heartbeat.delivery.inputs import MilestoneInput, RaidInput, UpdateInput
from heartbeat.delivery.models import (
    DESCRIPTION_MAX,
    LONG_TEXT_MAX,
    NAME_MAX,
    OWNER_MAX,
    REASON_MAX,
    SUMMARY_MAX,
    HeartbeatUpdate,
    Milestone,
    MilestoneStatus,
    Priority,
    Proximity,
    RaidItem,
    RaidKind,
    UpdateStatus,
)
from heartbeat.delivery.scales import ALL_LEVELS, DIMENSIONS
from heartbeat.delivery.selectors import project as project_selectors
from heartbeat.delivery.selectors.dashboard import (
    CONFIDENCE_FILTERS,
    fill_details,
    parse_dashboard_filters,
    programme_dashboard,
)
from heartbeat.portfolio.models import Project

router = Router(tags=["delivery"])

MAX_LIMIT = 200


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def Text(max_length: int):  # noqa: N802 - a type factory, read like a type
    return Annotated[str, Field(max_length=max_length), AfterValidator(_no_nul)]


Day = Annotated[datetime.date, Field(ge=datetime.date(2000, 1, 1), le=datetime.date(2100, 12, 31))]


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None
    existing_id: int | None = None
    existing_url: str | None = None


class PersonRef(Schema):
    id: int
    name: str


def _person(user) -> dict | None:
    return {"id": user.pk, "name": user.display_name} if user is not None else None


def _project(user, slug: str) -> Project:
    return project_selectors.project_for(user, slug)


# Updates ----------------------------------------------------------------------------------


class UpdateOut(Schema):
    id: int
    project: str
    period_start: datetime.date
    period_end: datetime.date
    period_label: str
    cadence: str
    status: str
    correction_number: int
    corrects: int | None
    correction_reason: str
    scale: str
    confidence: str
    confidence_label: str
    schedule: str
    cost: str
    resources: str
    benefits: str
    risk: str
    summary: str
    achievements: str
    next_steps: str
    decisions_needed: str
    percent_complete: int | None
    submitted_at: datetime.datetime | None
    submitted_by: PersonRef | None
    version: int
    url: str


class UpdatePageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[UpdateOut]


def _update(update: HeartbeatUpdate) -> dict:
    level = update.level
    return {
        "id": update.pk,
        "project": update.project.slug,
        "period_start": update.period_start,
        "period_end": update.period_end,
        "period_label": update.period.label,
        "cadence": update.cadence,
        "status": update.status,
        "correction_number": update.correction_number,
        "corrects": update.corrects_id,
        "correction_reason": update.correction_reason,
        "scale": update.scale,
        "confidence": update.confidence,
        "confidence_label": level.label if level else "",
        **{name: getattr(update, name) for name, _ in DIMENSIONS},
        "summary": update.summary,
        "achievements": update.achievements,
        "next_steps": update.next_steps,
        "decisions_needed": update.decisions_needed,
        "percent_complete": update.percent_complete,
        "submitted_at": update.submitted_at,
        "submitted_by": _person(update.submitted_by),
        "version": update.version,
        "url": f"/projects/{update.project.slug}/updates/{update.pk}/",
    }


class MilestoneForecastIn(Schema):
    milestone: int = Field(description="The milestone's id")
    forecast_date: Day


class RaidIn(Schema):
    kind: RaidKind
    title: Text(NAME_MAX)
    description: Text(DESCRIPTION_MAX) = ""
    owner: Text(OWNER_MAX) = ""
    likelihood: int | None = Field(None, description="Risks: 1 (very low) to 5 (very high)")
    impact: int | None = Field(None, description="Risks: 1 (very low) to 5 (very high)")
    proximity: Proximity | None = None
    mitigation: Text(DESCRIPTION_MAX) = ""
    priority: Priority | None = Field(None, description="Issues: high, medium or low")
    resolution: Text(DESCRIPTION_MAX) = ""
    depends_on_project: str | None = Field(None, description="Dependencies: a project's slug")
    depends_on_product: int | None = Field(None, description="Dependencies: a product's id")
    outside_body: Text(NAME_MAX) = ""
    needed_by: Day | None = None


def _raid_input(payload: RaidIn, kind: str | None = None) -> RaidInput:
    project_id = None
    if payload.depends_on_project:
        project_id = (
            Project.objects.filter(slug=payload.depends_on_project)
            .values_list("pk", flat=True)
            .first()
        )
        if project_id is None:
            raise InvalidInput(
                f"There is no project '{payload.depends_on_project}'.", field="depends_on_project"
            )
    return RaidInput(
        kind=kind or payload.kind,
        title=payload.title,
        description=payload.description,
        owner=payload.owner,
        likelihood=payload.likelihood,
        impact=payload.impact,
        proximity=payload.proximity or "",
        mitigation=payload.mitigation,
        priority=payload.priority or "",
        resolution=payload.resolution,
        depends_on_project_id=project_id,
        depends_on_product_id=payload.depends_on_product,
        outside_body=payload.outside_body,
        needed_by=payload.needed_by,
    )


class UpdateContentIn(Schema):
    confidence: str = Field(
        "", description="On the programme's scale: " + ", ".join(level.code for level in ALL_LEVELS)
    )
    schedule: str = Field("", description="green, amber, red or empty")
    cost: str = ""
    resources: str = ""
    benefits: str = ""
    risk: str = ""
    summary: Text(SUMMARY_MAX) = ""
    achievements: Text(LONG_TEXT_MAX) = ""
    next_steps: Text(LONG_TEXT_MAX) = ""
    decisions_needed: Text(LONG_TEXT_MAX) = ""
    percent_complete: int | None = Field(None, ge=0, le=100)


class UpdateIn(UpdateContentIn):
    period_start: Day = Field(description="The first day of the period (of the project's cadence)")
    submit: bool = Field(False, description="Submit now; otherwise it is saved as a draft")
    milestone_forecasts: list[MilestoneForecastIn] = Field(default_factory=list, max_length=100)
    milestone_reason: Text(REASON_MAX) = ""
    new_risk: RaidIn | None = None


class DraftIn(UpdateContentIn):
    version: int = Field(description="The draft's version you read (409 if it changed since)")
    submit: bool = False


class CorrectionIn(UpdateContentIn):
    reason: Text(REASON_MAX) = Field(description="Why the update is corrected")


def _content(payload: UpdateContentIn) -> dict:
    return {
        "confidence": payload.confidence,
        **{name: getattr(payload, name) for name, _ in DIMENSIONS},
        "summary": payload.summary,
        "achievements": payload.achievements,
        "next_steps": payload.next_steps,
        "decisions_needed": payload.decisions_needed,
        "percent_complete": payload.percent_complete,
    }


class UpdateListQuery(Schema):
    drafts: bool = Field(
        False, description="Include drafts (for the project's lead and the office)"
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10_000_000)


def _updates(user, project: Project, drafts: bool):
    queryset = HeartbeatUpdate.objects.filter(project=project).select_related(
        "project", "submitted_by"
    )
    if not (drafts and permissions.can_report_on(user, project)):
        queryset = queryset.published()
    return queryset.order_by("-period_start", "-correction_number", "pk")


def _update_for(user, pk: int) -> HeartbeatUpdate:
    update = get_object_or_404(
        HeartbeatUpdate.objects.select_related("project", "submitted_by"), pk=pk
    )
    project = _project(user, update.project.slug)
    if update.status == UpdateStatus.DRAFT and not permissions.can_report_on(user, project):
        raise Http404("No such update.")
    return update


@router.get(
    "/projects/{slug}/updates",
    response={200: UpdatePageOut, 404: ErrorOut},
    summary="A project's updates, newest period first, every version",
)
def update_list(request, slug: str, params: Query[UpdateListQuery]):
    project = _project(request.auth, slug)
    return page_of(
        _updates(request.auth, project, params.drafts),
        limit=params.limit,
        offset=params.offset,
        item=_update,
    )


@router.post(
    "/projects/{slug}/updates",
    auth=required,
    response={201: UpdateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Write an update (a draft, or submitted)",
    description="409 update_exists (with existing_url) when the period already has a submitted "
    "update, 409 draft_exists when it has a draft, 422 future_period for a period that has not "
    "started.",
)
def update_create(request, slug: str, payload: UpdateIn):
    project = _project(request.auth, slug)
    data = UpdateInput(
        period_start=payload.period_start,
        milestone_forecasts={f.milestone: f.forecast_date for f in payload.milestone_forecasts},
        milestone_reason=payload.milestone_reason,
        new_risk=_raid_input(payload.new_risk) if payload.new_risk else None,
        **_content(payload),
    )
    update = services.update_save(
        actor=request.auth, project=project, data=data, submit=payload.submit
    )
    return Status(201, _update(update))


@router.get(
    "/updates/{update_id}",
    response={200: UpdateOut, 404: ErrorOut},
    summary="One version of an update",
)
def update_get(request, update_id: int):
    return _update(_update_for(request.auth, update_id))


@router.put(
    "/updates/{update_id}",
    auth=required,
    response={200: UpdateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a draft, and submit it if asked",
)
def update_edit(request, update_id: int, payload: DraftIn):
    draft = _update_for(request.auth, update_id)
    update = services.update_save(
        actor=request.auth,
        project=draft.project,
        data=UpdateInput(period_start=draft.period_start, **_content(payload)),
        submit=payload.submit,
        draft=draft,
        expected_version=payload.version,
    )
    return _update(update)


@router.post(
    "/updates/{update_id}/corrections",
    auth=required,
    response={201: UpdateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Correct a submitted update",
    description="The correction is a new version; the corrected one stays, marked corrected.",
)
def update_correct(request, update_id: int, payload: CorrectionIn):
    update = _update_for(request.auth, update_id)
    corrected = services.update_correct(
        actor=request.auth,
        update=update,
        data=UpdateInput(period_start=update.period_start, **_content(payload)),
        reason=payload.reason,
    )
    return Status(201, _update(corrected))


@router.delete(
    "/updates/{update_id}",
    auth=required,
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Delete a draft",
)
def update_delete(request, update_id: int):
    services.update_delete_draft(actor=request.auth, update=_update_for(request.auth, update_id))
    return Status(204, None)


# Milestones -------------------------------------------------------------------------------


class MilestoneChangeOut(Schema):
    field: str
    old_date: datetime.date | None
    new_date: datetime.date | None
    reason: str
    update: int | None
    changed_by: PersonRef | None
    changed_at: datetime.datetime


class MilestoneOut(Schema):
    id: int
    project: str
    name: str
    description: str
    status: str
    baseline_date: datetime.date | None
    forecast_date: datetime.date
    actual_date: datetime.date | None
    slippage_days: int | None
    product: int | None
    version: int
    changes: list[MilestoneChangeOut]


def _milestone(m: Milestone) -> dict:
    return {
        "id": m.pk,
        "project": m.project.slug,
        "name": m.name,
        "description": m.description,
        "status": m.status,
        "baseline_date": m.baseline_date,
        "forecast_date": m.forecast_date,
        "actual_date": m.actual_date,
        "slippage_days": m.slippage_days,
        "product": m.product_id,
        "version": m.version,
        "changes": [
            {
                "field": c.field,
                "old_date": c.old_date,
                "new_date": c.new_date,
                "reason": c.reason,
                "update": c.update_id,
                "changed_by": _person(c.changed_by),
                "changed_at": c.changed_at,
            }
            for c in m.changes.all()
        ],
    }


class MilestoneIn(Schema):
    name: Text(NAME_MAX)
    description: Text(DESCRIPTION_MAX) = ""
    forecast_date: Day
    status: MilestoneStatus = MilestoneStatus.NOT_STARTED
    actual_date: Day | None = None


class MilestoneChangeIn(MilestoneIn):
    reason: Text(REASON_MAX) = Field("", description="Needed when a baselined forecast moves")
    version: int = Field(description="The version you read (409 if it changed since)")


class BaselineIn(Schema):
    baseline_date: Day
    reason: Text(REASON_MAX) = ""


def _milestone_for(user, pk: int) -> Milestone:
    milestone = get_object_or_404(Milestone.objects.select_related("project"), pk=pk)
    project = _project(user, milestone.project.slug)
    return project_selectors.milestone_for(user, project, pk)


@router.get(
    "/projects/{slug}/milestones",
    response={200: list[MilestoneOut], 404: ErrorOut},
    summary="A project's milestones with their history of dates",
)
def milestone_list(request, slug: str):
    project = _project(request.auth, slug)
    milestones = project_selectors.project_milestones(project)
    for m in milestones:
        m.project = project
    return [_milestone(m) for m in milestones]


@router.post(
    "/projects/{slug}/milestones",
    auth=required,
    response={201: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Add a milestone",
)
def milestone_create(request, slug: str, payload: MilestoneIn):
    project = _project(request.auth, slug)
    milestone = services.milestone_create(
        actor=request.auth,
        project=project,
        data=MilestoneInput(
            name=payload.name,
            description=payload.description,
            forecast_date=payload.forecast_date,
            status=payload.status,
            actual_date=payload.actual_date,
        ),
    )
    return Status(201, _milestone(_milestone_for(request.auth, milestone.pk)))


@router.get(
    "/milestones/{milestone_id}",
    response={200: MilestoneOut, 404: ErrorOut},
    summary="A milestone with its history of dates",
)
def milestone_get(request, milestone_id: int):
    return _milestone(_milestone_for(request.auth, milestone_id))


@router.put(
    "/milestones/{milestone_id}",
    auth=required,
    response={200: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a milestone: its forecast (kept in its history), status or actual date",
)
def milestone_update(request, milestone_id: int, payload: MilestoneChangeIn):
    milestone = _milestone_for(request.auth, milestone_id)
    services.milestone_update(
        actor=request.auth,
        milestone=milestone,
        data=MilestoneInput(
            name=payload.name,
            description=payload.description,
            forecast_date=payload.forecast_date,
            status=payload.status,
            actual_date=payload.actual_date,
            reason=payload.reason,
        ),
        expected_version=payload.version,
    )
    return _milestone(_milestone_for(request.auth, milestone_id))


@router.post(
    "/milestones/{milestone_id}/baseline",
    auth=required,
    response={200: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Set a milestone's baseline (moving one is for the programme office)",
)
def milestone_baseline(request, milestone_id: int, payload: BaselineIn):
    milestone = _milestone_for(request.auth, milestone_id)
    services.milestone_set_baseline(
        actor=request.auth,
        milestone=milestone,
        baseline_date=payload.baseline_date,
        reason=payload.reason,
    )
    return _milestone(_milestone_for(request.auth, milestone_id))


# RAID log ---------------------------------------------------------------------------------


class RaidOut(Schema):
    id: int
    project: str
    reference: str
    kind: str
    title: str
    description: str
    owner: str
    status: str
    likelihood: int | None
    impact: int | None
    score: int | None
    proximity: str
    mitigation: str
    priority: str
    resolution: str
    depends_on_project: str | None
    depends_on_product: int | None
    outside_body: str
    needed_by: datetime.date | None
    escalated_at: datetime.datetime | None
    escalation_note: str
    raised_at: datetime.datetime
    closed_at: datetime.datetime | None
    closure_note: str
    version: int


def _raid(item: RaidItem) -> dict:
    return {
        "id": item.pk,
        "project": item.project.slug,
        "reference": item.reference,
        "kind": item.kind,
        "title": item.title,
        "description": item.description,
        "owner": item.owner,
        "status": item.status,
        "likelihood": item.likelihood,
        "impact": item.impact,
        "score": item.score,
        "proximity": item.proximity,
        "mitigation": item.mitigation,
        "priority": item.priority,
        "resolution": item.resolution,
        "depends_on_project": item.depends_on_project.slug if item.depends_on_project else None,
        "depends_on_product": item.depends_on_product_id,
        "outside_body": item.outside_body,
        "needed_by": item.needed_by,
        "escalated_at": item.escalated_at,
        "escalation_note": item.escalation_note,
        "raised_at": item.raised_at,
        "closed_at": item.closed_at,
        "closure_note": item.closure_note,
        "version": item.version,
    }


class RaidQuery(Schema):
    kind: str = Field("", description="risk, assumption, issue or dependency")
    status: str = Field("open", description="open, closed or all")


class RaidChangeIn(RaidIn):
    version: int = Field(description="The version you read (409 if it changed since)")


class NoteIn(Schema):
    note: Text(REASON_MAX) = ""
    resolution: Text(DESCRIPTION_MAX) = ""


def _raid_project(user, slug: str) -> Project:
    project = _project(user, slug)
    if not permissions.can_view_raid(user, project):
        raise Http404("No such project.")
    return project


def _raid_for(user, pk: int) -> RaidItem:
    item = get_object_or_404(RaidItem.objects.select_related("project"), pk=pk)
    project = _raid_project(user, item.project.slug)
    return project_selectors.raid_item_for(user, project, pk)


@router.get(
    "/projects/{slug}/raid",
    auth=required,
    response={200: list[RaidOut], 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="A project's RAID log (signed-in members)",
)
def raid_list(request, slug: str, params: Query[RaidQuery]):
    project = _raid_project(request.auth, slug)
    if params.kind and params.kind not in RaidKind.values:
        raise InvalidInput("kind is one of risk, assumption, issue or dependency.", field="kind")
    if params.status not in ("open", "closed", "all"):
        raise InvalidInput("status is one of open, closed or all.", field="status")
    items = project_selectors.raid_log(project, kind=params.kind, status=params.status)
    for item in items:
        item.project = project
    return [_raid(item) for item in items]


@router.post(
    "/projects/{slug}/raid",
    auth=required,
    response={201: RaidOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Log a risk, assumption, issue or dependency",
    description="422 self_dependency for a dependency on the project itself or its own product.",
)
def raid_create(request, slug: str, payload: RaidIn):
    project = _raid_project(request.auth, slug)
    item = services.raid_item_create(actor=request.auth, project=project, data=_raid_input(payload))
    return Status(201, _raid(_raid_for(request.auth, item.pk)))


@router.get(
    "/raid/{item_id}",
    auth=required,
    response={200: RaidOut, 401: ErrorOut, 404: ErrorOut},
    summary="One item of a RAID log",
)
def raid_get(request, item_id: int):
    return _raid(_raid_for(request.auth, item_id))


@router.put(
    "/raid/{item_id}",
    auth=required,
    response={200: RaidOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a RAID item (its kind stays)",
)
def raid_update(request, item_id: int, payload: RaidChangeIn):
    item = _raid_for(request.auth, item_id)
    services.raid_item_update(
        actor=request.auth,
        item=item,
        data=_raid_input(payload, kind=item.kind),
        expected_version=payload.version,
    )
    return _raid(_raid_for(request.auth, item_id))


@router.post(
    "/raid/{item_id}/close",
    auth=required,
    response={200: RaidOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Close an item (it stays in the log); an issue closes with its resolution",
)
def raid_close(request, item_id: int, payload: NoteIn):
    item = _raid_for(request.auth, item_id)
    services.raid_item_close(
        actor=request.auth, item=item, note=payload.note, resolution=payload.resolution
    )
    return _raid(_raid_for(request.auth, item_id))


@router.post(
    "/raid/{item_id}/escalate",
    auth=required,
    response={200: RaidOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Escalate an open risk to the programme (say what it is asked to do)",
)
def raid_escalate(request, item_id: int, payload: NoteIn):
    item = _raid_for(request.auth, item_id)
    services.raid_item_escalate(actor=request.auth, item=item, note=payload.note)
    return _raid(_raid_for(request.auth, item_id))


# The dashboard ----------------------------------------------------------------------------


class DashboardQuery(Schema):
    theme: str = Field("", description="A theme's slug", max_length=120)
    lead: str = Field("", description="The lead organisation's slug", max_length=120)
    confidence: str = Field(
        "", description="One of " + ", ".join(code for code, _ in CONFIDENCE_FILTERS)
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10_000_000)


class TrendCellOut(Schema):
    period_start: datetime.date
    period_label: str
    confidence: str | None
    owed: bool


class DashboardProjectOut(Schema):
    slug: str
    title: str
    theme: str
    lead_organisation: str
    cadence: str
    confidence: str
    confidence_label: str
    latest_period_start: datetime.date | None
    percent_complete: int | None
    trend: list[TrendCellOut]
    overdue_days: int | None
    coverage_percent: int | None
    milestones_due: int
    milestones_slipped: int
    open_risks: int
    top_risk_score: int | None


class PeriodCountsOut(Schema):
    period_start: datetime.date
    period_label: str
    counts: dict[str, int]


class ThemeCountsOut(Schema):
    theme: str
    counts: dict[str, int]


class DashboardOut(Schema):
    today: datetime.date
    filters: dict[str, str]
    cadence: str
    due_day: int
    scale: str
    active_projects: int
    overdue_updates: int
    milestones_due: int
    milestones_slipped: int
    escalated_risks: int
    counts_by_confidence: dict[str, int]
    counts_by_theme: list[ThemeCountsOut]
    trend: list[PeriodCountsOut]
    count: int
    limit: int
    offset: int
    projects: list[DashboardProjectOut]


def _line(line) -> dict:
    level = line.level
    return {
        "slug": line.slug,
        "title": line.title,
        "theme": line.theme,
        "lead_organisation": line.lead_organisation,
        "cadence": line.reporting_cadence,
        "confidence": line.latest_confidence,
        "confidence_label": level.label if level else "No update yet",
        "latest_period_start": line.latest_period_start,
        "percent_complete": line.latest_percent,
        "trend": [
            {
                "period_start": cell.period.start,
                "period_label": cell.period.label,
                "confidence": cell.level.code if cell.level else None,
                "owed": cell.owed,
            }
            for cell in line.trend
        ],
        "overdue_days": line.status.overdue_days,
        "coverage_percent": line.coverage,
        "milestones_due": line.milestones_due,
        "milestones_slipped": line.milestones_slipped,
        "open_risks": line.open_risks,
        "top_risk_score": line.top_risk_score,
    }


@router.get(
    "/dashboard",
    auth=required,
    response={200: DashboardOut, 401: ErrorOut, 422: ErrorOut},
    summary="The programme dashboard's figures",
    description="The same figures as /dashboard/: counts by confidence and theme, the trend "
    "over six periods, overdue updates, milestones due and slipped, escalated risks, and a "
    "page of projects (lowest confidence first) with their trend, coverage and counts.",
)
def dashboard(request, params: Query[DashboardQuery]):
    filters, errors = parse_dashboard_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors), field="confidence")
    today = timezone.localdate()
    data = programme_dashboard(request.auth, filters, today=today)
    page = data.lines[params.offset : params.offset + params.limit]
    fill_details(page, data.settings, today)
    return {
        "today": today,
        "filters": filters.as_params(),
        "cadence": data.settings.cadence,
        "due_day": data.settings.due_day,
        "scale": data.settings.scale,
        "active_projects": data.total,
        "overdue_updates": data.overdue_count,
        "milestones_due": data.milestones_due_count,
        "milestones_slipped": data.milestones_slipped_count,
        "escalated_risks": data.escalated_count,
        "counts_by_confidence": data.counts_by_confidence,
        "counts_by_theme": [
            {"theme": theme, "counts": counts} for theme, counts in data.counts_by_theme
        ],
        "trend": [
            {"period_start": period.start, "period_label": period.label, "counts": counts}
            for period, counts in zip(data.trend_periods, data.trend_counts, strict=True)
        ],
        "count": data.total,
        "limit": params.limit,
        "offset": params.offset,
        "projects": [_line(line) for line in page],
    }
