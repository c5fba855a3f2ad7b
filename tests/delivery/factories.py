"""Delivery records for tests. Updates are written through the services, so every rule
(periods, the one-submitted-per-period constraint) holds for them as for people's."""

import datetime

import factory
from django.utils import timezone

from heartbeat.delivery.cadence import Cadence, period_containing
from heartbeat.delivery.inputs import RaidInput, UpdateInput
from heartbeat.delivery.models import Milestone, RaidKind
from heartbeat.delivery.services import raid_item_create, update_save
from heartbeat.portfolio.models import Stage, StageTransition
from tests.portfolio.factories import ProjectFactory

TODAY = datetime.date(2026, 12, 3)


def active_project(*, since=datetime.date(2025, 4, 1), stage=Stage.IN_DELIVERY, **fields):
    """A project recruiting or in delivery since ``since`` (its stage transition says so)."""
    project = ProjectFactory(stage=stage, **fields)
    StageTransition.objects.create(
        project=project,
        from_stage=Stage.APPROVED,
        to_stage=Stage.RECRUITING if stage != Stage.IN_DELIVERY else Stage.IN_DELIVERY,
        at=timezone.make_aware(datetime.datetime.combine(since, datetime.time(10))),
    )
    return project


def month(year: int, number: int) -> datetime.date:
    return datetime.date(year, number, 1)


def update_input(period_start, **fields) -> UpdateInput:
    values = {
        "period_start": period_start,
        "confidence": "green",
        "summary": "Councils are testing digital alarms on live lines.",
        "achievements": "Framework lots awarded.",
        "next_steps": "Migrate the first thousand alarms.",
        "percent_complete": 40,
    }
    values.update(fields)
    return UpdateInput(**values)


def make_update(project, period_start, *, submit=True, actor=None, today=TODAY, **fields):
    return update_save(
        actor=actor,
        project=project,
        data=update_input(period_start, **fields),
        submit=submit,
        today=today,
    )


def months_back(count: int, today=TODAY) -> list[datetime.date]:
    """The first days of the ``count`` months before ``today``'s, oldest first."""
    current = period_containing(Cadence.MONTHLY, today)
    periods = [current.previous()]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return [p.start for p in reversed(periods)]


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Milestone {n}")
    forecast_date = datetime.date(2027, 1, 29)
    order = factory.Sequence(int)


def make_risk(
    project, *, likelihood=3, impact=4, actor=None, title="Suppliers miss dates", **fields
):
    return raid_item_create(
        actor=actor,
        project=project,
        data=RaidInput(
            kind=RaidKind.RISK, title=title, likelihood=likelihood, impact=impact, **fields
        ),
    )


def make_item(project, kind, *, actor=None, **fields):
    values = {"title": f"A {kind}"}
    if kind == RaidKind.ISSUE:
        values["priority"] = "high"
    if kind == RaidKind.DEPENDENCY and not any(
        k in fields for k in ("depends_on_project_id", "depends_on_product_id")
    ):
        values["outside_body"] = "Openreach"
    values.update(fields)
    return raid_item_create(actor=actor, project=project, data=RaidInput(kind=kind, **values))


def build_telecare(project_lead, today):
    """Digital telecare: in delivery since April 2025, reporting monthly, its last three
    updates green, amber/green and amber, and the latest due one missing (overdue); two
    milestones (one 30 days late against its baseline), two risks and a resource need."""
    from heartbeat.delivery.cadence import latest_due_period
    from heartbeat.delivery.models import HeartbeatUpdate
    from tests.portfolio.factories import ResourceRequirementFactory

    project = active_project(
        project_lead=project_lead,
        title="Digital telecare",
        slug="digital-telecare",
        since=datetime.date(2025, 4, 1),
    )
    period = latest_due_period("monthly", 0, today).previous()
    for index, confidence in enumerate(["green", "amber_green", "amber"]):
        start = period
        for _ in range(2 - index):
            start = start.previous()
        make_update(
            project,
            start.start,
            today=today,
            confidence=confidence,
            summary=f"Summary for {start.label}.",
            next_steps=f"Next steps after {start.label}.",
            percent_complete=30 + index * 10,
        )
    MilestoneFactory(
        project=project,
        name="Framework awarded",
        baseline_date=today + datetime.timedelta(days=10),
        forecast_date=today + datetime.timedelta(days=40),
    )
    MilestoneFactory(
        project=project,
        name="Last alarm migrated",
        baseline_date=today + datetime.timedelta(days=200),
        forecast_date=today + datetime.timedelta(days=200),
    )
    make_risk(project, title="Analogue lines switched off early", likelihood=4, impact=5)
    make_risk(project, title="Alarm receiving centre capacity", likelihood=2, impact=3)
    ResourceRequirementFactory(project=project)
    assert HeartbeatUpdate.objects.filter(project=project).count() == 3
    return project
