"""Writes to prioritisation: the criteria, and rounds from opening to publishing.

Only the programme office acts here (``actor=None`` is Heartbeat itself: the demo loader).
Every function runs in a transaction; a published round refuses every change.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.core.formatting import uk_datetime, uk_month
from heartbeat.portfolio.models import Project, Stage
from heartbeat.prioritisation import computed, permissions, scoring
from heartbeat.prioritisation.defaults import DEFAULT_CRITERIA
from heartbeat.prioritisation.inputs import CriterionInput, ScoreInput
from heartbeat.prioritisation.models import (
    COMPUTED_METHODS,
    FROZEN_MESSAGE,
    MAX_DESCRIPTION,
    MAX_LEVEL,
    MAX_NAME,
    MAX_RATIONALE,
    MAX_SUMMARY,
    Criterion,
    Direction,
    Method,
    Round,
    RoundCriterion,
    RoundEntry,
    RoundFrozen,
    RoundState,
    Score,
)
from heartbeat.work_requests.models import State as RequestState
from heartbeat.work_requests.models import WorkRequest
from heartbeat.work_requests.services import text

BATCH_SIZE = 500


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _office(actor, what: str) -> None:
    if actor is not None:
        _require(permissions.can_score(actor), f"Only the programme office can {what}.")


def _person(actor):
    return actor if actor is not None and actor.is_authenticated else None


# Criteria ----------------------------------------------------------------------------------


def _weight(value) -> Decimal:
    try:
        return scoring.parse_weight(value)
    except ValueError as error:
        code = "weight_not_positive" if "more than 0:" in str(error) else None
        raise InvalidInput(str(error), code=code, field="weight") from None


def _clean_criterion(data: CriterionInput, current: Criterion | None) -> dict:
    values = {
        "name": text(
            data.name,
            field="name",
            max_length=MAX_NAME,
            missing="Enter the criterion's name.",
            name="The name",
        ),
        "description": text(
            data.description,
            field="description",
            max_length=MAX_DESCRIPTION,
            missing="Describe what the criterion measures.",
            name="The description",
        ),
        "weight": _weight(data.weight),
    }
    clash = Criterion.objects.filter(name__iexact=values["name"])
    if current is not None:
        clash = clash.exclude(pk=current.pk)
    if clash.exists():
        raise InvalidInput(f"There is already a criterion called {values['name']}.", field="name")
    computed_one = current is not None and current.method in COMPUTED_METHODS
    if data.direction not in Direction.values:
        raise InvalidInput("Choose whether a higher score is better or worse.", field="direction")
    if computed_one and data.direction != current.direction:
        raise InvalidInput(
            f"{current.name} is computed: a higher score is always better.", field="direction"
        )
    values["direction"] = data.direction
    if computed_one:
        # The levels of a computed criterion describe its stated bands: they stay as they are.
        levels = current.levels
    else:
        levels = list(data.levels or [])
        if len(levels) != 5:
            raise InvalidInput("Describe each of the five levels, 1 to 5.", field="level_1")
        levels = [
            text(
                level,
                field=f"level_{i}",
                max_length=MAX_LEVEL,
                missing=f"Describe what a score of {i} means.",
                name=f"What {i} means",
            )
            for i, level in enumerate(levels, start=1)
        ]
    for i, level in enumerate(levels, start=1):
        values[f"level_{i}"] = level
    try:
        values["order"] = int(data.order or 0)
    except (TypeError, ValueError):
        raise InvalidInput("Enter the order as a whole number.", field="order") from None
    if not 0 <= values["order"] <= 1000:
        raise InvalidInput("Enter the order as a whole number from 0 to 1,000.", field="order")
    values["active"] = bool(data.active)
    return values


def _save_criterion(criterion: Criterion, actor) -> None:
    criterion._history_user = _person(actor)
    criterion.save()


@transaction.atomic
def criterion_create(*, actor, data: CriterionInput) -> Criterion:
    """Add a criterion the programme office scores; a draft round takes it in at once."""
    _office(actor, "change the prioritisation criteria")
    values = _clean_criterion(data, None)
    slug = slugify(values["name"])[:100] or "criterion"
    if Criterion.objects.filter(slug=slug).exists():
        slug = f"{slug}-{Criterion.objects.count() + 1}"
    criterion = Criterion(slug=slug, method=Method.SCORED, **values)
    _save_criterion(criterion, actor)
    _sync_draft_criteria(actor)
    return criterion


def _criterion_conflict(current: Criterion) -> Conflict:
    last = current.history.select_related("history_user").first()
    who = last.history_user.display_name if last and last.history_user else "Someone else"
    return Conflict(
        f"{who} saved {current.name} on {uk_datetime(current.updated_at)}, after you opened it. "
        "Your changes have not been saved yet: check theirs, then save again to keep yours.",
        extra={"current_version": current.version},
    )


@transaction.atomic
def criterion_update(
    *, actor, criterion: Criterion, data: CriterionInput, expected_version: int | None
) -> Criterion:
    """Change a criterion's name, description, weight, direction, levels or order, or switch
    it off. Published rounds keep the criteria as they were; a draft round follows."""
    _office(actor, "change the prioritisation criteria")
    current = Criterion.objects.select_for_update().get(pk=criterion.pk)
    if expected_version is not None and current.version != expected_version:
        raise _criterion_conflict(current)
    values = _clean_criterion(data, current)
    if not values["active"] and not Criterion.objects.filter(active=True).exclude(pk=current.pk):
        raise InvalidInput("Keep at least one criterion switched on.", field="active")
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    _save_criterion(current, actor)
    _sync_draft_criteria(actor)
    return current


@transaction.atomic
def criteria_ensure_defaults(*, actor=None) -> list[Criterion]:
    """Create the default criteria that are missing (by slug); never change existing ones."""
    _office(actor, "set up the prioritisation criteria")
    existing = set(Criterion.objects.values_list("slug", flat=True))
    methods = set(Criterion.objects.exclude(method=Method.SCORED).values_list("method", flat=True))
    created = []
    for order, data in enumerate(DEFAULT_CRITERIA, start=1):
        if data["slug"] in existing or (
            data["method"] != Method.SCORED and data["method"] in methods
        ):
            continue
        levels = data["levels"]
        criterion = Criterion(
            slug=data["slug"],
            name=data["name"],
            description=data["description"],
            weight=data["weight"],
            direction=data["direction"],
            method=data["method"],
            order=order * 10,
            **{f"level_{i}": level for i, level in enumerate(levels, start=1)},
        )
        _save_criterion(criterion, actor)
        created.append(criterion)
    if created:
        _sync_draft_criteria(actor)
    return created


# Rounds: opening and keeping a draft in step -----------------------------------------------


def _draft() -> Round | None:
    return Round.objects.select_for_update().filter(state=RoundState.DRAFT).first()


def _latest_published(before: int | None = None) -> Round | None:
    rounds = Round.objects.published()
    if before is not None:
        rounds = rounds.filter(number__lt=before)
    return rounds.order_by("-number").first()


def round_criterion_from(round_: Round, criterion: Criterion) -> RoundCriterion:
    """A round's own copy of a criterion as it is now (unsaved)."""
    return RoundCriterion(
        round=round_,
        criterion=criterion,
        name=criterion.name,
        slug=criterion.slug,
        weight=criterion.weight,
        direction=criterion.direction,
        method=criterion.method,
        levels=criterion.levels,
        order=criterion.order,
    )


def _eligible():
    """Open projects, and accepted requests still waiting for their project."""
    projects = list(Project.objects.open().only("id", "title", "created_at").order_by("id"))
    requests = list(
        WorkRequest.objects.filter(state=RequestState.ACCEPTED, project__isnull=True)
        .only("id", "title", "created_at")
        .order_by("id")
    )
    return projects, requests


def _new_entries(round_: Round, projects, requests, existing_keys=frozenset()) -> list[RoundEntry]:
    entries = [
        RoundEntry(round=round_, project=p, title=p.title, since=p.created_at.date())
        for p in projects
        if ("project", p.pk) not in existing_keys
    ]
    entries += [
        RoundEntry(round=round_, work_request=r, title=r.title[:200], since=r.created_at.date())
        for r in requests
        if ("request", r.pk) not in existing_keys
    ]
    return entries


def _carried_scores(round_: Round, entries: list[RoundEntry], criteria: list[RoundCriterion]):
    """The office's scores from the latest published round, for the same project or request
    and the same criterion: a new round starts from what was published."""
    previous = _latest_published(before=round_.number)
    if previous is None or not entries:
        return []
    by_criterion = {rc.criterion_id: rc for rc in criteria if not rc.is_computed}
    by_key = {entry.key: entry for entry in entries}
    scores = []
    now = timezone.now()
    rows = (
        Score.objects.filter(entry__round=previous, computed=False)
        .values_list(
            "entry__project_id",
            "entry__work_request_id",
            "criterion__criterion_id",
            "value",
            "rationale",
            "scored_by_id",
        )
        .iterator(chunk_size=2000)
    )
    for project_id, request_id, criterion_id, value, rationale, scored_by_id in rows:
        key = ("project", project_id) if project_id is not None else ("request", request_id)
        entry = by_key.get(key)
        criterion = by_criterion.get(criterion_id)
        if entry is None or criterion is None:
            continue
        scores.append(
            Score(
                entry=entry,
                criterion=criterion,
                value=value,
                rationale=rationale,
                scored_by_id=scored_by_id,
                scored_at=now,
            )
        )
    return scores


def _computed_scores(entries: list[RoundEntry], criteria: list[RoundCriterion]) -> list[Score]:
    wanted = {rc.method: rc for rc in criteria if rc.is_computed}
    if not wanted or not entries:
        return []
    project_ids = [e.project_id for e in entries if e.project_id is not None]
    request_ids = [e.work_request_id for e in entries if e.work_request_id is not None]
    found = {}
    if Method.DEMAND in wanted:
        found[Method.DEMAND] = computed.demand(project_ids, request_ids)
    if Method.READINESS in wanted:
        found[Method.READINESS] = computed.readiness(project_ids, request_ids)
    now = timezone.now()
    return [
        Score(
            entry=entry,
            criterion=rc,
            value=found[method][entry.key].value,
            rationale=found[method][entry.key].rationale,
            computed=True,
            scored_at=now,
        )
        for method, rc in wanted.items()
        for entry in entries
    ]


def _conflict(current: Round) -> Conflict:
    return Conflict(
        f"{current.name} changed after you opened it: reload the page to see the latest, "
        "then try again.",
        extra={"current_version": current.version},
    )


def _refuse_published(round_: Round) -> None:
    if round_.state == RoundState.PUBLISHED:
        raise RoundFrozen(FROZEN_MESSAGE)


@transaction.atomic
def round_open(*, actor, name: str = "") -> Round:
    """Open a draft round over the open projects and the accepted requests still waiting for
    their project, starting from the latest published round's scores."""
    _office(actor, "open a scoring round")
    draft = _draft()
    if draft is not None:
        raise ApplicationError(
            f"{draft.name} is still a draft: publish or discard it before opening another.",
            code="draft_open",
            status=409,
        )
    criteria = list(Criterion.objects.filter(active=True))
    if not criteria:
        raise ApplicationError(
            "There are no criteria to score against: add one first.", code="no_criteria", status=409
        )
    number = (Round.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    name = (
        text(
            name,
            field="name",
            max_length=150,
            missing=None,
            name="The round's name",
        )
        or f"Round {number}, {uk_month(timezone.localdate())}"
    )
    round_ = Round(number=number, name=name, opened_by=_person(actor))
    try:
        with transaction.atomic():
            round_.save()
    except IntegrityError as error:
        # Two people opened a round at the same moment: the database kept one draft.
        raise ApplicationError(
            "Another round was opened just now: use that draft.", code="draft_open", status=409
        ) from error
    round_criteria = RoundCriterion.objects.bulk_create(
        [round_criterion_from(round_, c) for c in criteria]
    )
    projects, requests = _eligible()
    entries = RoundEntry.objects.bulk_create(
        _new_entries(round_, projects, requests), batch_size=BATCH_SIZE
    )
    scores = _carried_scores(round_, entries, round_criteria)
    scores += _computed_scores(entries, round_criteria)
    Score.objects.bulk_create(scores, batch_size=BATCH_SIZE)
    return round_


def _sync_draft_criteria(actor) -> None:
    draft = _draft()
    if draft is not None:
        _sync_criteria(draft)


def _sync_criteria(round_: Round) -> list[RoundCriterion]:
    """Bring a draft's criteria in line with the criteria switched on now."""
    active = {c.pk: c for c in Criterion.objects.filter(active=True)}
    current = {rc.criterion_id: rc for rc in RoundCriterion.objects.filter(round=round_)}
    gone = [rc.pk for cid, rc in current.items() if cid not in active]
    if gone:
        Score.objects.filter(criterion_id__in=gone).delete()
        RoundCriterion.objects.filter(pk__in=gone).delete()
    added = []
    for cid, criterion in active.items():
        fresh = round_criterion_from(round_, criterion)
        rc = current.get(cid)
        if rc is None:
            fresh.save()
            added.append(fresh)
            continue
        fields = ("name", "slug", "weight", "direction", "method", "levels", "order")
        if any(getattr(rc, f) != getattr(fresh, f) for f in fields):
            for f in fields:
                setattr(rc, f, getattr(fresh, f))
            rc.save()
    if added:
        entries = list(RoundEntry.objects.filter(round=round_))
        Score.objects.bulk_create(_computed_scores(entries, added), batch_size=BATCH_SIZE)
    return list(RoundCriterion.objects.filter(round=round_))


@transaction.atomic
def round_refresh(*, actor, round_: Round, expected_version: int | None = None) -> Round:
    """Bring a draft up to date: today's criteria, the projects and requests now open, and
    demand and readiness worked out again from today's records."""
    _office(actor, "change a scoring round")
    current = Round.objects.select_for_update().get(pk=round_.pk)
    _refuse_published(current)
    if expected_version is not None and current.version != expected_version:
        raise _conflict(current)
    criteria = _sync_criteria(current)
    projects, requests = _eligible()
    eligible = {("project", p.pk) for p in projects} | {("request", r.pk) for r in requests}
    entries = list(RoundEntry.objects.filter(round=current))
    leaving = [e.pk for e in entries if e.key not in eligible]
    if leaving:
        Score.objects.filter(entry_id__in=leaving).delete()
        RoundEntry.objects.filter(pk__in=leaving).delete()
    staying = {e.key for e in entries if e.pk not in set(leaving)}
    added = RoundEntry.objects.bulk_create(
        _new_entries(current, projects, requests, staying), batch_size=BATCH_SIZE
    )
    Score.objects.bulk_create(_carried_scores(current, added, criteria), batch_size=BATCH_SIZE)
    _recompute(current, criteria)
    current.version += 1
    current.save()
    return current


def _recompute(round_: Round, criteria: list[RoundCriterion]) -> None:
    computed_ids = [rc.pk for rc in criteria if rc.is_computed]
    Score.objects.filter(criterion_id__in=computed_ids).delete()
    entries = list(
        RoundEntry.objects.filter(round=round_).only("id", "project_id", "work_request_id")
    )
    Score.objects.bulk_create(_computed_scores(entries, criteria), batch_size=BATCH_SIZE)


@transaction.atomic
def round_discard(*, actor, round_: Round) -> None:
    """Throw a draft round away, with its scores."""
    _office(actor, "discard a scoring round")
    current = Round.objects.select_for_update().get(pk=round_.pk)
    _refuse_published(current)
    current.delete()


# Scores ------------------------------------------------------------------------------------


def _entry_conflict(entry: RoundEntry) -> Conflict:
    return Conflict(
        f"Someone saved the scores of {entry.title} after you opened them. Your scores have not "
        "been saved yet: check theirs, then save again to keep yours.",
        extra={"current_version": entry.version},
    )


def _score_value(value, name: str, field: str) -> int:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidInput(f"Choose a score from 1 to 5 for {name}.", field=field) from None
    if not number.is_finite():
        raise InvalidInput(f"Choose a score from 1 to 5 for {name}.", field=field)
    if number != number.to_integral_value() or not 1 <= number <= 5:
        raise InvalidInput(
            f"Scores run from 1 to 5 in whole numbers: choose one for {name}.",
            code="score_out_of_scale",
            field=field,
        )
    return int(number)


@transaction.atomic
def scores_save(
    *, actor, entry: RoundEntry, scores: list[ScoreInput], expected_version: int | None
) -> RoundEntry:
    """Save the programme office's scores of one entry, each with its rationale.

    A criterion given neither a score nor a rationale stays unscored (a score it had is
    removed); one given a score needs its rationale, and the other way round.
    """
    _office(actor, "score projects")
    current = RoundEntry.objects.select_for_update().select_related("round").get(pk=entry.pk)
    _refuse_published(current.round)
    if expected_version is not None and current.version != expected_version:
        raise _entry_conflict(current)
    criteria = {rc.pk: rc for rc in RoundCriterion.objects.filter(round=current.round)}
    existing = {s.criterion_id: s for s in Score.objects.filter(entry=current)}
    seen = set()
    now = timezone.now()
    for item in scores:
        rc = criteria.get(item.criterion_id)
        if rc is None:
            raise InvalidInput("That criterion is not part of this round.", field="criterion")
        field = f"score_{rc.pk}"
        if rc.pk in seen:
            raise InvalidInput(f"{rc.name} is given twice: give it once.", field=field)
        seen.add(rc.pk)
        if rc.is_computed:
            raise InvalidInput(
                f"{rc.name} is computed by Heartbeat from the programme's records: it is not "
                "typed in.",
                code="computed_criterion",
                field=field,
            )
        rationale = text(
            item.rationale,
            field=f"rationale_{rc.pk}",
            max_length=MAX_RATIONALE,
            missing=None,
            name=f"The rationale for {rc.name}",
        )
        blank_value = item.value is None or str(item.value).strip() == ""
        if blank_value and not rationale:
            if rc.pk in existing:
                existing[rc.pk].delete()
            continue
        if blank_value:
            raise InvalidInput(f"Choose a score from 1 to 5 for {rc.name}.", field=field)
        value = _score_value(item.value, rc.name, field)
        if not rationale:
            raise InvalidInput(
                f"Write the rationale for the score of {rc.name}: members read it beside the "
                "score.",
                code="rationale_missing",
                field=f"rationale_{rc.pk}",
            )
        score = existing.get(rc.pk) or Score(entry=current, criterion=rc)
        if score.pk is None or score.value != value or score.rationale != rationale:
            score.value = value
            score.rationale = rationale
            score.scored_by = _person(actor)
            score.scored_at = now
            score.save()
    current.version += 1
    current.save()
    return current


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
    _office(actor, "publish a scoring round")
    current = Round.objects.select_for_update().get(pk=round_.pk)
    _refuse_published(current)
    if expected_version is not None and current.version != expected_version:
        raise _conflict(current)
    summary = text(
        summary,
        field="summary",
        max_length=MAX_SUMMARY,
        missing=None,
        name="What changed in this round",
    )
    criteria = list(RoundCriterion.objects.filter(round=current))
    _recompute(current, criteria)
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

    previous = _latest_published(before=current.number)
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
    current.published_by = _person(actor)
    current.summary = summary
    current.ranked_count = len(entries)
    current.departures = departures
    current.version += 1
    current.save()
    return current
