"""Synthetic scoring rounds for ``heartbeat generate`` (see ``heartbeat.generator.runner``).

Two published rounds over every open project and every accepted request still waiting for
its project (about 2,000 entries at scale 10), scored on the default criteria: the office's
scores at random with a short reason, demand and readiness worked out from the generated
records as Heartbeat always does. The later round changes a fifth of the scores, so the
ranking shows movement with its reasons. Ranks follow the published method exactly.
Everything is written with bulk inserts into draft rounds, which are then published.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from heartbeat.accounts.models import User
from heartbeat.generator.runner import BATCH_SIZE
from heartbeat.portfolio.models import Project
from heartbeat.prioritisation import computed, scoring, services
from heartbeat.prioritisation.models import (
    Criterion,
    Round,
    RoundCriterion,
    RoundEntry,
    RoundState,
    Score,
    unfrozen,
)
from heartbeat.work_requests.models import State, WorkRequest

CHANGED_SHARE = 0.2
REASONS = {
    1: "Little evidence for this yet.",
    2: "Some evidence, for a few councils.",
    3: "A clear case for several councils.",
    4: "A strong case across many councils.",
    5: "Compelling evidence across the partnership.",
}


def _entries_of(round_: Round, projects, requests) -> list[RoundEntry]:
    entries = [
        RoundEntry(round=round_, project_id=pk, title=title[:200], since=created.date())
        for pk, title, created in projects
    ]
    entries += [
        RoundEntry(round=round_, work_request_id=pk, title=title[:200], since=created.date())
        for pk, title, created in requests
    ]
    return RoundEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)


def _publish(
    round_: Round,
    criteria: list[RoundCriterion],
    entries: list[RoundEntry],
    values: dict[tuple, dict[int, int]],
    computed_scores: dict,
    previous: dict[tuple, tuple[int, dict[int, int]]] | None,
    previous_name: str,
    published_at: datetime.datetime,
    office,
) -> dict[tuple, tuple[int, dict[int, int]]]:
    """Score, rank and publish ``round_``; return each entry's rank and scores by key."""
    by_criterion = {rc.criterion_id: rc for rc in criteria}
    scores = []
    entry_values: dict[int, dict[int, int]] = {}
    for entry in entries:
        given = values[entry.key]
        row = {}
        for rc in criteria:
            if rc.is_computed:
                found = computed_scores[rc.method][entry.key]
                value, rationale, is_computed = found.value, found.rationale, True
            else:
                value = given[rc.criterion_id]
                rationale, is_computed = f"{rc.name}: {REASONS[value]}", False
            row[rc.pk] = value
            scores.append(
                Score(
                    entry=entry,
                    criterion=rc,
                    value=value,
                    rationale=rationale,
                    computed=is_computed,
                    scored_by=None if is_computed else office,
                    scored_at=published_at,
                )
            )
        entry_values[entry.pk] = row
    Score.objects.bulk_create(scores, batch_size=BATCH_SIZE)
    ranked = scoring.rank(
        [
            scoring.Candidate(key=e.pk, title=e.title, since=e.since, values=entry_values[e.pk])
            for e in entries
        ],
        services.specs(criteria),
    )
    by_id = {e.pk: e for e in entries}
    result = {}
    for item in ranked:
        entry = by_id[item.candidate.key]
        entry.weighted_score = scoring.as_decimal(item.score)
        entry.rank = item.rank
        before = (previous or {}).get(entry.key)
        as_criteria = {rc.criterion_id: entry_values[entry.pk][rc.pk] for rc in criteria}
        if previous is not None:
            entry.previous_rank = before[0] if before else None
            changes = []
            if before:
                for cid, new in as_criteria.items():
                    old = before[1].get(cid)
                    if old is not None and old != new:
                        changes.append((by_criterion[cid].name, old, new))
            entry.movement = services.movement_text(
                item.rank, entry.previous_rank, changes, previous_name
            )
        result[entry.key] = (item.rank, as_criteria)
    RoundEntry.objects.bulk_update(
        entries, ["weighted_score", "rank", "previous_rank", "movement"], batch_size=BATCH_SIZE
    )
    Round.objects.filter(pk=round_.pk).update(
        state=RoundState.PUBLISHED,
        published_at=published_at,
        published_by=office,
        ranked_count=len(entries),
    )
    return result


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """Two published rounds over the open projects and the accepted requests waiting for one."""
    services.criteria_ensure_defaults(actor=None)
    criteria = list(Criterion.objects.filter(active=True))
    office = User.objects.filter(is_programme_office=True).order_by("pk").first()
    projects = list(Project.objects.open().order_by("pk").values_list("pk", "title", "created_at"))
    requests = list(
        WorkRequest.objects.filter(state=State.ACCEPTED, project__isnull=True)
        .order_by("pk")
        .values_list("pk", "title", "created_at")
    )
    if not projects and not requests:
        return {"scoring rounds": 0, "round entries": 0, "scores": 0}
    project_ids = [pk for pk, _, _ in projects]
    request_ids = [pk for pk, _, _ in requests]
    computed_scores = {
        "demand": computed.demand(project_ids, request_ids),
        "readiness": computed.readiness(project_ids, request_ids),
    }
    typed = [c for c in criteria if not c.is_computed]
    keys = [("project", pk) for pk in project_ids] + [("request", pk) for pk in request_ids]
    first_values = {key: {c.pk: rng.randint(1, 5) for c in typed} for key in keys}
    second_values = {}
    for key, values in first_values.items():
        changed = dict(values)
        if rng.random() < CHANGED_SHARE:
            criterion = rng.choice(typed)
            changed[criterion.pk] = rng.randint(1, 5)
        second_values[key] = changed

    now = timezone.now()
    counts = {"scoring rounds": 0, "round entries": 0, "scores": 0}
    previous = None
    previous_name = ""
    for number, (values, published_at) in enumerate(
        [(first_values, now - datetime.timedelta(days=170)), (second_values, now)], start=1
    ):
        round_ = Round.objects.create(
            number=number, name=f"Round {number} (generated)", opened_by=office
        )
        round_criteria = RoundCriterion.objects.bulk_create(
            [services.round_criterion_from(round_, c) for c in criteria]
        )
        entries = _entries_of(round_, projects, requests)
        previous = _publish(
            round_,
            round_criteria,
            entries,
            values,
            computed_scores,
            previous,
            previous_name,
            published_at,
            office,
        )
        previous_name = round_.name
        counts["scoring rounds"] += 1
        counts["round entries"] += len(entries)
        counts["scores"] += len(entries) * len(round_criteria)
    return counts


def flush(stdout) -> None:
    """Delete every scoring round (published ones too: the generator made them)."""
    with unfrozen():
        Round.objects.all().delete()
