"""Ranking a fully scored round by the published method, and freezing it."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError
from heartbeat.portfolio.models import Project, Stage
from heartbeat.prioritisation import scoring
from heartbeat.prioritisation.models import (
    MAX_SUMMARY,
    Round,
    RoundCriterion,
    RoundEntry,
    RoundState,
    Score,
)
from heartbeat.prioritisation.services.base import (
    BATCH_SIZE,
    latest_published,
    office_only,
    person,
    refuse_published,
    round_conflict,
)
from heartbeat.prioritisation.services.rounds import (
    recompute,
)
from heartbeat.work_requests.models import WorkRequest
from heartbeat.work_requests.services import text

# Publishing --------------------------------------------------------------------------------


def specs(criteria: list[RoundCriterion]) -> list[scoring.CriterionSpec]:
    return [
        scoring.CriterionSpec(
            key=rc.pk, weight=rc.weight, direction=rc.direction, order=rc.order, name=rc.name
        )
        for rc in criteria
    ]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def movement_text(
    rank: int,
    previous_rank: int | None,
    changes: list[tuple[str, int, int]],
    previous_name: str,
    weights_changed: bool = False,
) -> str:
    """Why an entry moved since the last published round, in a sentence or two."""
    if previous_rank is None:
        return f"New: not ranked in {previous_name}."
    places = previous_rank - rank
    if places > 0:
        head = f"Up {places} place{'s' if places != 1 else ''} (from {_ordinal(previous_rank)})"
    elif places < 0:
        head = f"Down {-places} place{'s' if places != -1 else ''} (from {_ordinal(previous_rank)})"
    else:
        head = "Same place"
    reasons = [f"{name} {old} to {new}" for name, old, new in changes]
    if weights_changed and (places or changes):
        reasons.append("the weights changed")
    if reasons:
        return f"{head}: {'; '.join(reasons)}."
    if places:
        return (
            f"{head}: its own scores did not change; others' scores changed, or entries "
            "joined or left the ranking."
        )
    return "No change."


def _departure_reason(entry: RoundEntry, projects: dict, requests: dict) -> str:
    if entry.project_id is not None:
        project = projects.get(entry.project_id)
        if project is None:
            return "The project no longer exists."
        if project.stage == Stage.PAUSED:
            return "The project is paused."
        return f"The project is {project.get_stage_display().lower()}."
    request = requests.get(entry.work_request_id)
    if request is not None and request.project_id is not None:
        return f"The request became part of the project {request.project.title}."
    return "The request is no longer waiting for a project."


@transaction.atomic
def round_publish(
    *,
    actor,
    round_: Round,
    expected_version: int | None,
    summary: str = "",
    published_at: datetime.datetime | None = None,
) -> Round:
    """Rank a fully scored draft by the published method and publish it, frozen from then on.

    Demand and readiness are worked out again from today's records first. Each entry's
    movement since the last published round is written down with its reasons.
    ``published_at`` records a round published in the past (the demo loader); pages and the
    API never pass it.
    """
    office_only(actor, "publish a scoring round")
    current = Round.objects.select_for_update().get(pk=round_.pk)
    refuse_published(current)
    if expected_version is not None and current.version != expected_version:
        raise round_conflict(current)
    summary = text(
        summary,
        field="summary",
        max_length=MAX_SUMMARY,
        missing=None,
        name="What changed in this round",
    )
    criteria = list(RoundCriterion.objects.filter(round=current))
    recompute(current, criteria)
    entries = list(RoundEntry.objects.filter(round=current))
    if not entries:
        raise ApplicationError(
            "The round has nothing to rank: there are no open projects or accepted requests.",
            code="round_empty",
            status=409,
        )
    values: dict[int, dict[int, int]] = defaultdict(dict)
    for entry_id, criterion_id, value in Score.objects.filter(entry__round=current).values_list(
        "entry_id", "criterion_id", "value"
    ):
        values[entry_id][criterion_id] = value
    unscored = [e for e in entries if len(values[e.pk]) < len(criteria)]
    if unscored:
        names = ", ".join(e.title for e in sorted(unscored, key=lambda e: e.title)[:5])
        more = f" and {len(unscored) - 5} more" if len(unscored) > 5 else ""
        raise ApplicationError(
            f"{len(unscored)} {'entry still needs' if len(unscored) == 1 else 'entries still need'}"
            f" a score on every criterion before the round can be published: {names}{more}.",
            code="round_not_fully_scored",
            status=409,
            extra={"unscored": [e.pk for e in unscored]},
        )
    candidates = [
        scoring.Candidate(key=e.pk, title=e.title, since=e.since, values=values[e.pk])
        for e in entries
    ]
    ranked = scoring.rank(candidates, specs(criteria))
    by_id = {e.pk: e for e in entries}

    previous = latest_published(before=current.number)
    previous_entries: dict = {}
    previous_values: dict = defaultdict(dict)
    weights_changed = False
    if previous is not None:
        before_weights = dict(
            RoundCriterion.objects.filter(round=previous).values_list("criterion_id", "weight")
        )
        weights_changed = before_weights != {rc.criterion_id: rc.weight for rc in criteria}
        previous_entries = {e.key: e for e in RoundEntry.objects.filter(round=previous)}
        for entry_id, criterion_id, value in Score.objects.filter(
            entry__round=previous
        ).values_list("entry_id", "criterion__criterion_id", "value"):
            previous_values[entry_id][criterion_id] = value
    for item in ranked:
        entry = by_id[item.candidate.key]
        entry.weighted_score = scoring.as_decimal(item.score)
        entry.rank = item.rank
        before = previous_entries.get(entry.key)
        entry.previous_rank = before.rank if before is not None else None
        changes = []
        if before is not None:
            for rc in criteria:
                old = previous_values[before.pk].get(rc.criterion_id)
                new = values[entry.pk][rc.pk]
                if old is not None and old != new:
                    changes.append((rc.name, old, new))
        entry.movement = (
            movement_text(item.rank, entry.previous_rank, changes, previous.name, weights_changed)
            if previous is not None
            else ""
        )
    RoundEntry.objects.bulk_update(
        entries, ["weighted_score", "rank", "previous_rank", "movement"], batch_size=BATCH_SIZE
    )
    departures = []
    if previous is not None:
        keys = {e.key for e in entries}
        gone = [e for key, e in previous_entries.items() if key not in keys]
        projects = {
            p.pk: p
            for p in Project.objects.filter(pk__in=[e.project_id for e in gone if e.project_id])
        }
        requests = {
            r.pk: r
            for r in WorkRequest.objects.filter(
                pk__in=[e.work_request_id for e in gone if e.work_request_id]
            ).select_related("project")
        }
        departures = [
            {
                "title": e.title,
                "previous_rank": e.rank,
                "reason": _departure_reason(e, projects, requests),
            }
            for e in sorted(gone, key=lambda e: e.rank or 0)
        ]
    current.state = RoundState.PUBLISHED
    current.published_at = published_at or timezone.now()
    current.published_by = person(actor)
    current.summary = summary
    current.ranked_count = len(entries)
    current.departures = departures
    current.version += 1
    current.save()
    return current
