"""Load the demo's heartbeat updates, milestones and RAID logs (see ``heartbeat.demo.loader``
and ``heartbeat.demo.data.delivery``).

Like the work programme's loader, this writes with the ORM rather than the services because
the demo tells a year of history: each update is dated a day or two around its due day, each
forecast change on the day it was made. It follows the services' rules otherwise (periods of
the project's cadence, one submitted update per period, corrections as new versions, risks
numbered per kind), and the tests check the result against them.

Idempotent: a project that already has updates, milestones or RAID items keeps what it has.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from heartbeat.delivery.cadence import Cadence, first_owed_period, period_starting
from heartbeat.delivery.models import (
    DeliverySettings,
    HeartbeatUpdate,
    Milestone,
    MilestoneChange,
    MilestoneStatus,
    RaidItem,
    UpdateStatus,
)
from heartbeat.delivery.scales import ScaleCode
from heartbeat.delivery.selectors.reporting import OWING_STAGES, with_reporting
from heartbeat.demo.data import delivery as demo_data
from heartbeat.demo.skills import programme_office_user
from heartbeat.portfolio.models import Project, StageTransition

CODES = {"G": "green", "AG": "amber_green", "A": "amber", "AR": "amber_red", "R": "red"}
# How each part of delivery is rated beside the overall confidence.
SCHEDULE = {"G": "green", "AG": "green", "A": "amber", "AR": "red", "R": "red"}
COST = {"G": "green", "AG": "green", "A": "green", "AR": "amber", "R": "amber"}
RESOURCES = {"G": "green", "AG": "amber", "A": "amber", "AR": "amber", "R": "red"}
SUBMITTED_AT = datetime.time(15, 30)


def _month(value: str) -> datetime.date:
    year, month = value.split("-")
    return datetime.date(int(year), int(month), 1)


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _moment(day: datetime.date, time=datetime.time(10, 0)) -> datetime.datetime:
    return min(timezone.make_aware(datetime.datetime.combine(day, time)), timezone.now())


def _figure(story: dict, step: int, steps: int):
    low, high = story["metric_range"]
    return round(low + (high - low) * step / max(steps - 1, 1))


def _chapter(story: dict, index: int) -> tuple[str, str]:
    summary, next_steps = story["chapters"][0][1:]
    for start, text, steps in story["chapters"]:
        if start <= index:
            summary, next_steps = text, steps
    return summary, next_steps


def _updates(project, story: dict, settings: DeliverySettings) -> int:
    """A year of monthly updates, from the first month the project owes."""
    lead = project.project_lead
    first = first_owed_period(Cadence.MONTHLY, timezone.localtime(project.active_since).date())
    codes = story["confidence"].split()
    months = [
        (index, _month(month), codes[index])
        for index, month in enumerate(demo_data.MONTHS)
        if codes[index] != "-" and _month(month) >= first.start
    ]
    start_percent, end_percent = story["percent"]
    previous_next_steps = ""
    rows = []
    for step, (index, month, code) in enumerate(months):
        period = period_starting(Cadence.MONTHLY, month)
        summary, next_steps = _chapter(story, index)
        figure = _figure(story, step, len(months))
        percent = round(
            start_percent + (end_percent - start_percent) * step / max(len(months) - 1, 1)
        )
        due = period.due_date(settings.due_day)
        # Most leads report a day or two early; a few a day late.
        submitted = due - datetime.timedelta(days=(index + project.pk) % 3)
        if (index + project.pk) % 7 == 0:
            submitted = due + datetime.timedelta(days=1)
        rows.append(
            HeartbeatUpdate(
                project=project,
                cadence=Cadence.MONTHLY,
                period_start=period.start,
                period_end=period.end,
                status=UpdateStatus.SUBMITTED,
                scale=ScaleCode.FIVE,
                confidence=CODES[code],
                schedule=SCHEDULE[code],
                cost=COST[code],
                resources=RESOURCES[code],
                benefits="green" if code in ("G", "AG") else "amber",
                risk="green" if code == "G" else ("amber" if code in ("AG", "A") else "red"),
                summary=f"{summary} {story['metric'].format(n=f'{figure:,}')}",
                achievements=previous_next_steps or "Set up the project's reporting.",
                next_steps=next_steps,
                decisions_needed=story["decisions"].get(index, ""),
                percent_complete=percent,
                author=lead,
                submitted_by=lead,
                submitted_at=_moment(submitted, SUBMITTED_AT),
            )
        )
        previous_next_steps = next_steps
    created = HeartbeatUpdate.objects.bulk_create(rows)
    # created_at is set to now by auto_now_add: give each its story's date.
    for update in created:
        HeartbeatUpdate.objects.filter(pk=update.pk).update(
            created_at=update.submitted_at, updated_at=update.submitted_at
        )
    if "correction" in story:
        _correct(project, story, created)
    return len(created)


def _correct(project, story, created) -> None:
    index, reason, changes = story["correction"]
    month = _month(demo_data.MONTHS[index])
    original = next((u for u in created if u.period_start == month), None)
    if original is None:
        return
    HeartbeatUpdate.objects.filter(pk=original.pk).update(status=UpdateStatus.CORRECTED)
    corrected_at = original.submitted_at + datetime.timedelta(days=4)
    correction = HeartbeatUpdate(
        project=project,
        cadence=original.cadence,
        period_start=original.period_start,
        period_end=original.period_end,
        status=UpdateStatus.SUBMITTED,
        correction_number=1,
        corrects=original,
        correction_reason=reason,
        scale=original.scale,
        confidence=original.confidence,
        schedule=changes.get("schedule", original.schedule),
        cost=original.cost,
        resources=original.resources,
        benefits=original.benefits,
        risk=original.risk,
        summary=original.summary + changes.get("summary_suffix", ""),
        achievements=original.achievements,
        next_steps=original.next_steps,
        decisions_needed=original.decisions_needed,
        percent_complete=original.percent_complete,
        author=original.author,
        submitted_by=original.submitted_by,
        submitted_at=corrected_at,
    )
    correction.save()
    HeartbeatUpdate.objects.filter(pk=correction.pk).update(
        created_at=corrected_at, updated_at=corrected_at
    )


def _approved_at(project) -> datetime.datetime:
    transition = (
        StageTransition.objects.filter(project=project, to_stage="approved").order_by("at").first()
    )
    return transition.at if transition else project.active_since


def _milestones(project, story: dict, office) -> int:
    lead = project.project_lead
    baselined_at = _approved_at(project)
    today = timezone.localdate()
    for order, (name, baseline, forecast, actual, moves) in enumerate(story["milestones"], 1):
        baseline_date = _date(baseline)
        actual_date = _date(actual) if actual else None
        slipped = _date(forecast) > baseline_date
        if actual_date is not None and actual_date <= today:
            status = MilestoneStatus.COMPLETE
        else:
            actual_date = None
            status = MilestoneStatus.AT_RISK if slipped else MilestoneStatus.ON_TRACK
        milestone = Milestone(
            project=project,
            name=name,
            baseline_date=baseline_date,
            baselined_at=baselined_at,
            forecast_date=_date(forecast),
            actual_date=actual_date,
            status=status,
            order=order,
        )
        milestone._history_user = lead
        milestone._history_date = baselined_at
        milestone.save()
        MilestoneChange.objects.create(
            milestone=milestone,
            field="baseline",
            old_date=None,
            new_date=baseline_date,
            reason="Baseline taken at approval",
            changed_by=office,
            changed_at=baselined_at,
        )
        old = baseline_date
        for moved_on, new, reason in moves:
            MilestoneChange.objects.create(
                milestone=milestone,
                field="forecast",
                old_date=old,
                new_date=_date(new),
                reason=reason,
                changed_by=lead,
                changed_at=_moment(_date(moved_on)),
            )
            old = _date(new)
        if actual_date is not None:
            MilestoneChange.objects.create(
                milestone=milestone,
                field="actual",
                old_date=None,
                new_date=actual_date,
                changed_by=lead,
                changed_at=_moment(actual_date, datetime.time(16, 0)),
            )
    return len(story["milestones"])


def _raid(project, story: dict, projects: dict) -> int:
    lead = project.project_lead
    numbers: dict[str, int] = {}
    for data in story["raid"]:
        kind = data["kind"]
        numbers[kind] = numbers.get(kind, 0) + 1
        raised_at = _moment(_date(data["raised"]))
        item = RaidItem(
            project=project,
            kind=kind,
            number=numbers[kind],
            title=data["title"],
            description=data.get("description", ""),
            owner=data.get("owner", ""),
            likelihood=data.get("likelihood"),
            impact=data.get("impact"),
            proximity=data.get("proximity", ""),
            mitigation=data.get("mitigation", ""),
            priority=data.get("priority", ""),
            resolution=data.get("resolution", ""),
            outside_body=data.get("outside_body", ""),
            needed_by=_date(data["needed_by"]) if data.get("needed_by") else None,
            depends_on_project=projects.get(data.get("depends_on", "")),
            raised_by=lead,
            raised_at=raised_at,
        )
        if "escalated" in data:
            on, note = data["escalated"]
            item.escalated_at = _moment(_date(on))
            item.escalated_by = lead
            item.escalation_note = note
        if "closed" in data:
            on, note = data["closed"]
            item.status = "closed"
            item.closed_at = _moment(_date(on), datetime.time(16, 0))
            item.closed_by = lead
            item.closure_note = note
        item._history_user = lead
        item._history_date = raised_at
        item.save()
    return len(story["raid"])


def load(context) -> None:
    office = programme_office_user()
    with transaction.atomic():
        settings, _ = DeliverySettings.objects.get_or_create(
            pk=1,
            defaults={
                "cadence": Cadence.MONTHLY,
                "due_day": 0,
                "scale": ScaleCode.FIVE,
                "escalate_after_days": 10,
                "updated_by": office,
            },
        )
        projects = {
            p.slug: p
            for p in with_reporting(Project.objects.all(), settings)
            .filter(
                slug__in=set(demo_data.STORIES)
                | {
                    d["depends_on"]
                    for s in demo_data.STORIES.values()
                    for d in s["raid"]
                    if "depends_on" in d
                }
            )
            .select_related("project_lead")
        }
        with_updates = set(HeartbeatUpdate.objects.values_list("project_id", flat=True))
        with_milestones = set(Milestone.objects.values_list("project_id", flat=True))
        with_raid = set(RaidItem.objects.values_list("project_id", flat=True))
        updates = milestones = items = 0
        for slug, story in demo_data.STORIES.items():
            project = projects.get(slug)
            if project is None or project.stage not in OWING_STAGES:
                continue
            if project.pk not in with_updates:
                updates += _updates(project, story, settings)
            if project.pk not in with_milestones:
                milestones += _milestones(project, story, office)
            if project.pk not in with_raid:
                items += _raid(project, story, projects)
    context.summary.append(
        f"Delivery: {updates} heartbeat updates, {milestones} milestones and {items} RAID "
        f"items added; {demo_data.OVERDUE_PROJECT} is overdue with its November update."
    )
