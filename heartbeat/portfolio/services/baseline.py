"""The approved baseline: taken when a project is approved, compared on every later edit."""

import datetime

from django.utils import timezone

from heartbeat.portfolio.baseline import Difference, carry_forward, differences, snapshot
from heartbeat.portfolio.models import Project, ProjectBaseline, StageTransition


def baseline_take(*, actor, project: Project, transition: StageTransition) -> ProjectBaseline:
    """Freeze the project's definition as its approved baseline (called on approval, inside
    the stage move's transaction)."""
    baseline = ProjectBaseline.objects.create(
        project=project,
        transition=transition,
        taken_at=transition.at,
        taken_by=actor if actor is not None and actor.is_authenticated else None,
        definition=snapshot(project),
    )
    Project.objects.filter(pk=project.pk).update(baseline=baseline)
    project.baseline = baseline
    return baseline


def baseline_refresh(
    *, actor, project: Project, when: datetime.datetime | None = None
) -> ProjectBaseline | None:
    """Work out again what differs from the project's baseline after an edit by ``actor``,
    keeping who made each earlier difference; None when the project has no baseline."""
    if project.baseline_id is None:
        return None
    baseline = ProjectBaseline.objects.select_for_update().get(pk=project.baseline_id)
    previous = [Difference.from_json(d) for d in baseline.differences]
    found = carry_forward(
        differences(baseline.definition, snapshot(project)),
        previous,
        by=actor if actor is not None and actor.is_authenticated else None,
        at=when or timezone.now(),
    )
    baseline.differences = [d.as_json() for d in found]
    baseline.has_differences = bool(found)
    baseline.differences_updated_at = when or timezone.now()
    baseline.save(update_fields=["differences", "has_differences", "differences_updated_at"])
    project.baseline = baseline
    return baseline
