"""What recruitment does when a project or one of its needs changes: registered in
``RecruitmentConfig.ready`` with portfolio's hooks, so portfolio never imports recruitment.

- A project closed or cancelled ends its active pledges at the end of that month (a pledge
  that had not begun is withdrawn); the councils are told after commit.
- A need councils have pledged to keeps its skill and level, and is never removed: its
  pledges stay on record (409 requirement_has_pledges).
- A need whose period is shortened trims its pledges to fit; the councils are told.
"""

from __future__ import annotations

from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.formatting import uk_date, uk_month
from heartbeat.core.months import first_of_month
from heartbeat.portfolio.models import NEED_STAGES, ResourceRequirement, Stage
from heartbeat.recruitment.models import Pledge, PledgeStatus
from heartbeat.recruitment.services.pledges import (
    notify_councils,
    pledge_end,
    pledge_trim,
    refresh_requirement_months,
)

FINISHING_STAGES = (Stage.CLOSED, Stage.CANCELLED)


def end_pledges_of_finished_project(*, actor, transition, extra) -> None:
    """Transition listener: when a project closes or is cancelled, its active pledges end
    with that month (history kept); capacity and contributions stop counting them after."""
    if transition.to_stage not in FINISHING_STAGES:
        return
    project = transition.project
    last_month = first_of_month(timezone.localdate(transition.at))
    verb = "closed" if transition.to_stage == Stage.CLOSED else "cancelled"
    reason = f"{project.title} was {verb} on {uk_date(timezone.localdate(transition.at))}."
    # The project is locked by the stage move; needs before pledges, as pledge writes do.
    needs = list(ResourceRequirement.objects.select_for_update().filter(project=project))
    pledges = list(
        Pledge.objects.select_for_update(of=("self",))
        .active()
        .filter(requirement__project=project)
        .prefetch_related("adjustments")
    )
    for pledge in pledges:
        pledge_end(pledge, actor=actor, last_month=last_month, reason=reason)
    if pledges:
        refresh_requirement_months([need.pk for need in needs])
        notify_councils(
            [pledge.pk for pledge in pledges],
            f"{reason} Its pledges count until the end of {uk_month(last_month)}.",
        )


def _need_name(requirement) -> str:
    return f"{requirement.skill} ({requirement.get_level_display().lower()})"


def refuse_changing_pledged_need(*, actor, requirement, after) -> None:
    """Need check: a need with active pledges keeps its skill and level; a need with any
    pledge on record (active, ended or withdrawn) is never removed."""
    pledges = Pledge.objects.filter(requirement=requirement)
    active = pledges.filter(status=PledgeStatus.ACTIVE).exists()
    if after is None:
        if active:
            raise ApplicationError(
                f"Councils have pledged people to {_need_name(requirement)}: keep that need, "
                "or ask them to withdraw their pledges first.",
                code="requirement_has_pledges",
                status=409,
            )
        if pledges.exists():
            raise ApplicationError(
                f"Councils pledged people to {_need_name(requirement)} before; their pledges "
                "stay on record, so the need stays too. Shorten its period instead if it is "
                "no longer needed.",
                code="requirement_has_pledges",
                status=409,
            )
        return
    changed_skill = after["skill_id"] != requirement.skill_id
    changed_level = after["level"] != requirement.level
    if (changed_skill or changed_level) and active:
        what = "skill" if changed_skill else "level"
        raise ApplicationError(
            f"Councils have pledged people to {_need_name(requirement)}: its {what} cannot "
            "change while their pledges stand. Add a new need instead, or ask them to "
            "withdraw first.",
            code="requirement_has_pledges",
            status=409,
        )


def trim_pledges_to_need(*, actor, requirement, before) -> None:
    """Need listener: a need whose period was shortened trims its active pledges to fit
    (a pledge left with no months is withdrawn) and tells the councils."""
    start, end = requirement.start_month, requirement.end_month
    if start <= before["start_month"] and end >= before["end_month"]:
        return
    ResourceRequirement.objects.select_for_update().filter(pk=requirement.pk).first()
    period = f"{uk_month(start)} to {uk_month(end)}"
    reason = f"The need for a {requirement.skill} on {requirement.project} now runs {period}."
    changed = [
        pledge
        for pledge in Pledge.objects.select_for_update(of=("self",))
        .active()
        .filter(requirement=requirement)
        .prefetch_related("adjustments")
        if pledge_trim(pledge, actor=actor, start=start, end=end, reason=reason)
    ]
    if changed:
        refresh_requirement_months([requirement.pk])
        notify_councils([pledge.pk for pledge in changed], reason)


def transition_note(*, project, move) -> list[str]:
    """Transition note: what a stage move means for councils' pledges (1 query at most)."""
    to, now = move.to_stage, project.stage
    notes = []
    if to == Stage.RECRUITING:
        needs = ResourceRequirement.objects.filter(project=project).count()
        notes.append(
            f"The project is listed among those recruiting, and councils are asked to pledge "
            f"people and time against its {needs} need{'' if needs == 1 else 's'}."
        )
    elif to in NEED_STAGES and now not in NEED_STAGES:
        notes.append("Councils can pledge people and time against the project's needs.")
    elif to in FINISHING_STAGES:
        pledges = Pledge.objects.active().filter(requirement__project=project).count()
        if pledges:
            notes.append(
                f"Its {pledges} active pledge{'' if pledges == 1 else 's'} end at the end of "
                "this month, and the councils that made them are told."
            )
    elif now in NEED_STAGES and to not in NEED_STAGES:
        notes.append("Councils can make no new pledges. Pledges already made stay on record.")
    return notes
