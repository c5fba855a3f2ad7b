"""Synthetic heartbeat updates, milestones and RAID logs for ``heartbeat generate`` (see
``heartbeat.generator.runner``).

Runs after the work programme's and recruitment's generators. Every project that has been
recruiting or in delivery reports on its cadence (most monthly, some fortnightly, a few
quarterly) from the first period after it started (or up to two and a half years ago, for a
project still going) until now, or until it was paused or
closed: about 5,000 updates per unit of scale (some corrected, a few active projects late with
their latest), with confidence that drifts up or down a level at a time. Approved projects
get milestones baselined at approval, a third of them slipped with their forecast history;
projects with history get about 2,000 RAID items per unit of scale, a third closed, a few
risks escalated. Everything is written with bulk inserts.
"""

from __future__ import annotations

import datetime
import random

from django.db.models import Min
from django.test.utils import override_settings
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from heartbeat.delivery.cadence import (
    Cadence,
    first_owed_period,
    latest_due_period,
)
from heartbeat.delivery.models import (
    DeliverySettings,
    HeartbeatUpdate,
    HighlightReport,
    Milestone,
    MilestoneChange,
    MilestoneStatus,
    OverdueNotice,
    Priority,
    ProjectCadence,
    Proximity,
    RaidItem,
    RaidKind,
    UpdateStatus,
)
from heartbeat.delivery.scales import ALL_LEVELS, ScaleCode
from heartbeat.generator.runner import BATCH_SIZE
from heartbeat.portfolio.models import Project, Stage, StageTransition

REPORTING = (Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED, Stage.CLOSED)
MILESTONE_STAGES = (Stage.APPROVED, *REPORTING)
CADENCE_WEIGHTS = {Cadence.MONTHLY: 35, Cadence.FORTNIGHTLY: 60, Cadence.QUARTERLY: 5}
HISTORY_MONTHS = 33
LATE_SHARE = 0.08  # active projects whose latest update is missing
GAP_SHARE = 0.02  # periods a project skipped
CORRECTION_SHARE = 0.03
RAID_PER_PROJECT = (8, 24)
RAID_KINDS = (
    [RaidKind.RISK] * 11
    + [RaidKind.ISSUE] * 4
    + [RaidKind.ASSUMPTION] * 3
    + [RaidKind.DEPENDENCY] * 2
)
CLOSED_SHARE = 0.33
ESCALATED_SHARE = 0.04
CODES = [level.code for level in ALL_LEVELS]  # best first

SUMMARIES = [
    "Work with the councils is on plan and the next release is in testing.",
    "Two councils joined this period; onboarding is taking longer than planned.",
    "The supplier's release slipped, so testing moved to next month.",
    "User research with residents is finished and the findings are being shared.",
    "Budget setting took staff away from the project for part of the period.",
    "The pilot went live in the first councils and early feedback is good.",
    "Procurement is under way; the evaluation panel meets next month.",
    "Data sharing agreements are signed by most councils; the rest are with legal teams.",
]
NEXT_STEPS = [
    "Complete testing with the pilot councils and plan the next wave.",
    "Agree the onboarding plan with the councils that joined.",
    "Publish the guidance and run the first community session.",
    "Finish the procurement evaluation and report to the board.",
    "Recruit the remaining roles from participating councils.",
]
DECISIONS = [
    "Agree to extend the pilot by two months.",
    "Approve the change to the project's scope.",
    "Agree the contingency draw for extra capacity.",
]
RISKS = [
    "Councils cannot release staff during budget setting",
    "The supplier's release slips again",
    "Funding for next year is not confirmed",
    "Data sharing agreements are not signed in time",
    "Key person leaves the project",
    "Legacy system cannot be integrated",
    "Residents do not take up the online service",
]
ISSUES = [
    "Test environment unavailable",
    "Two councils have paused their onboarding",
    "Security review findings to fix",
]
ASSUMPTIONS = ["Councils keep their budgets at this year's level", "The framework stays open"]
OWNERS = ["Head of Digital", "Service manager", "Project lead", "Programme manager"]
BODIES = ["Scottish Government", "Improvement Service", "Openreach", "COSLA", "NHS board"]
MILESTONE_NAMES = ["Discovery complete", "Alpha complete", "Beta live", "Live in every council"]
CHANGE_REASON = "Generated synthetic data"


def _aware(day: datetime.date, hour: int = 15) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _drift(code: str, rng: random.Random) -> str:
    index = CODES.index(code)
    roll = rng.random()
    if roll < 0.15:
        index = max(0, index - 1)
    elif roll < 0.3:
        index = min(len(CODES) - 1, index + 1)
    return CODES[index]


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """Create about 5,000 × ``scale`` updates, 2,000 × ``scale`` RAID items and milestones."""
    settings, _ = DeliverySettings.objects.get_or_create(
        pk=1, defaults={"cadence": Cadence.MONTHLY, "due_day": 0, "scale": ScaleCode.FIVE}
    )
    today = timezone.localdate()
    now = timezone.now()
    firsts = dict(
        StageTransition.objects.filter(to_stage__in=(Stage.RECRUITING, Stage.IN_DELIVERY))
        .values("project_id")
        .annotate(first=Min("at"))
        .values_list("project_id", "first")
    )
    approvals = dict(
        StageTransition.objects.filter(to_stage=Stage.APPROVED)
        .values("project_id")
        .annotate(first=Min("at"))
        .values_list("project_id", "first")
    )
    projects = list(
        Project.objects.filter(stage__in=MILESTONE_STAGES)
        .order_by("pk")
        .only("pk", "stage", "stage_changed_at", "project_lead_id", "planned_start", "planned_end")
    )
    history_start = today - datetime.timedelta(days=HISTORY_MONTHS * 30)
    cadences: list[ProjectCadence] = []
    updates: list[HeartbeatUpdate] = []
    corrections: list[tuple[int, str]] = []
    for project in projects:
        since = firsts.get(project.pk)
        if project.stage not in REPORTING or since is None:
            continue
        cadence = rng.choices(list(CADENCE_WEIGHTS), list(CADENCE_WEIGHTS.values()))[0]
        if cadence != settings.cadence:
            cadences.append(ProjectCadence(project=project, cadence=cadence))
        ended = project.stage in (Stage.CLOSED, Stage.PAUSED)
        last_day = timezone.localtime(project.stage_changed_at).date() if ended else today
        # Reporting starts when the project began recruiting or delivering, at its planned
        # start if that came first, and for a project still going at most HISTORY_MONTHS
        # ago: the history of a long-running programme, at the volume the benchmark needs.
        start = timezone.localtime(since).date()
        if project.planned_start is not None:
            start = min(start, project.planned_start)
        if not ended:
            start = min(start, history_start)
        period = first_owed_period(cadence, start)
        last = latest_due_period(cadence, settings.due_day, last_day)
        if not ended and rng.random() < LATE_SHARE:
            last = last.previous()
        code = rng.choice(CODES[:3])
        percent = rng.randint(0, 15)
        while period.start <= last.start:
            code = _drift(code, rng)
            percent = min(100, percent + rng.randint(0, 6))
            if rng.random() >= GAP_SHARE:
                due = period.due_date(settings.due_day)
                submitted = min(_aware(due - datetime.timedelta(days=rng.randint(-2, 3))), now)
                updates.append(
                    HeartbeatUpdate(
                        project_id=project.pk,
                        cadence=cadence,
                        period_start=period.start,
                        period_end=period.end,
                        status=UpdateStatus.SUBMITTED,
                        scale=ScaleCode.FIVE,
                        confidence=code,
                        schedule=rng.choice(["green", "amber", "red", ""]),
                        cost=rng.choice(["green", "green", "amber", ""]),
                        summary=rng.choice(SUMMARIES),
                        achievements=rng.choice(NEXT_STEPS),
                        next_steps=rng.choice(NEXT_STEPS),
                        decisions_needed=rng.choice(DECISIONS) if rng.random() < 0.1 else "",
                        percent_complete=percent,
                        author_id=project.project_lead_id,
                        submitted_by_id=project.project_lead_id,
                        submitted_at=submitted,
                    )
                )
                if rng.random() < CORRECTION_SHARE:
                    corrections.append((len(updates) - 1, rng.choice(CODES)))
            period = period.next()
    ProjectCadence.objects.bulk_create(cadences, batch_size=BATCH_SIZE)
    for index, _code in corrections:
        updates[index].status = UpdateStatus.CORRECTED
    updates = HeartbeatUpdate.objects.bulk_create(updates, batch_size=BATCH_SIZE)
    corrected = [
        HeartbeatUpdate(
            project_id=updates[index].project_id,
            cadence=updates[index].cadence,
            period_start=updates[index].period_start,
            period_end=updates[index].period_end,
            status=UpdateStatus.SUBMITTED,
            correction_number=1,
            corrects_id=updates[index].pk,
            correction_reason="The figures were updated after the report.",
            scale=ScaleCode.FIVE,
            confidence=code,
            summary=updates[index].summary,
            percent_complete=updates[index].percent_complete,
            author_id=updates[index].author_id,
            submitted_by_id=updates[index].submitted_by_id,
            submitted_at=min(updates[index].submitted_at + datetime.timedelta(days=3), now),
        )
        for index, code in corrections
    ]
    HeartbeatUpdate.objects.bulk_create(corrected, batch_size=BATCH_SIZE)
    milestones, changes = _milestones(projects, approvals, rng, today)
    items = _raid(projects, firsts, rng, now)
    return {
        "heartbeat updates": len(updates) + len(corrected),
        "milestones": milestones,
        "milestone changes": changes,
        "RAID items": items,
        "own cadences": len(cadences),
    }


def _milestones(projects, approvals, rng, today) -> tuple[int, int]:
    rows: list[Milestone] = []
    moves: list[tuple[int, datetime.date, datetime.date, datetime.datetime]] = []
    for project in projects:
        approved = approvals.get(project.pk)
        if approved is None:
            continue
        start = project.planned_start or timezone.localtime(approved).date()
        end = project.planned_end or start + datetime.timedelta(days=365)
        span = max((end - start).days, 60)
        for order, name in enumerate(MILESTONE_NAMES, start=1):
            baseline = start + datetime.timedelta(days=span * order // len(MILESTONE_NAMES))
            forecast = baseline
            if rng.random() < 0.33:
                forecast = baseline + datetime.timedelta(days=rng.randint(7, 120))
            complete = forecast < today and project.stage != Stage.APPROVED and rng.random() < 0.85
            milestone = Milestone(
                project_id=project.pk,
                name=name,
                baseline_date=baseline,
                baselined_at=approved,
                forecast_date=forecast,
                actual_date=forecast if complete else None,
                status=MilestoneStatus.COMPLETE
                if complete
                else (MilestoneStatus.AT_RISK if forecast > baseline else MilestoneStatus.ON_TRACK),
                order=order,
            )
            milestone._history_date = approved
            rows.append(milestone)
            moves.append((len(rows) - 1, baseline, forecast, approved))
    rows = bulk_create_with_history(
        rows, Milestone, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
    changes = []
    for index, baseline, forecast, approved in moves:
        changes.append(
            MilestoneChange(
                milestone=rows[index],
                field="baseline",
                old_date=None,
                new_date=baseline,
                reason="Baseline taken at approval",
                changed_at=approved,
            )
        )
        if forecast != baseline:
            changes.append(
                MilestoneChange(
                    milestone=rows[index],
                    field="forecast",
                    old_date=baseline,
                    new_date=forecast,
                    reason="Supplier and council capacity",
                    changed_at=approved + datetime.timedelta(days=30),
                )
            )
    MilestoneChange.objects.bulk_create(changes, batch_size=BATCH_SIZE)
    return len(rows), len(changes)


def _raid(projects, firsts, rng, now) -> int:
    rows: list[RaidItem] = []
    others = [p.pk for p in projects]
    for project in projects:
        since = firsts.get(project.pk)
        if project.stage not in REPORTING or since is None:
            continue
        numbers: dict[str, int] = {}
        for _ in range(rng.randint(*RAID_PER_PROJECT)):
            kind = rng.choice(RAID_KINDS)
            numbers[kind] = numbers.get(kind, 0) + 1
            raised = min(since + datetime.timedelta(days=rng.randint(0, 400)), now)
            closed = rng.random() < CLOSED_SHARE
            item = RaidItem(
                project_id=project.pk,
                kind=kind,
                number=numbers[kind],
                owner=rng.choice(OWNERS),
                raised_by_id=project.project_lead_id,
                raised_at=raised,
                status="closed" if closed else "open",
                closed_at=min(raised + datetime.timedelta(days=rng.randint(14, 200)), now)
                if closed
                else None,
            )
            if kind == RaidKind.RISK:
                item.title = rng.choice(RISKS)
                item.likelihood = rng.randint(1, 5)
                item.impact = rng.randint(1, 5)
                item.proximity = rng.choice(Proximity.values)
                item.mitigation = "Agreed with the councils involved; reviewed monthly."
                if not closed and rng.random() < ESCALATED_SHARE:
                    item.escalated_at = raised + datetime.timedelta(days=7)
                    item.escalation_note = "Needs a decision above the project."
            elif kind == RaidKind.ISSUE:
                item.title = rng.choice(ISSUES)
                item.priority = rng.choice(Priority.values)
                item.resolution = "Resolved with the supplier." if closed else ""
            elif kind == RaidKind.ASSUMPTION:
                item.title = rng.choice(ASSUMPTIONS)
            else:
                item.title = "Depends on another body"
                if rng.random() < 0.5 and len(others) > 1:
                    other = rng.choice(others)
                    if other != project.pk:
                        item.depends_on_project_id = other
                        item.title = "Depends on another project"
                if item.depends_on_project_id is None:
                    item.outside_body = rng.choice(BODIES)
            item._history_date = raised
            rows.append(item)
    bulk_create_with_history(
        rows, RaidItem, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
    return len(rows)


def flush(stdout) -> None:
    """Delete every update, milestone, RAID item, notice and report, and the settings."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        OverdueNotice.objects.all().delete()
        HighlightReport.objects.all().delete()
        MilestoneChange.objects.all().delete()
        Milestone.objects.all().delete()
        RaidItem.objects.all().delete()
        # Corrections refer to the versions they corrected: delete the newest first.
        numbers = sorted(
            set(HeartbeatUpdate.objects.values_list("correction_number", flat=True)), reverse=True
        )
        for number in numbers:
            HeartbeatUpdate.objects.filter(correction_number=number).delete()
        ProjectCadence.objects.all().delete()
    for model in (Milestone, RaidItem, ProjectCadence):
        model.history.all().delete()
