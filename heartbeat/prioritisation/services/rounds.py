"""Opening a draft round and keeping it in step with the programme; discarding it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.formatting import uk_month
from heartbeat.portfolio.models import Project
from heartbeat.prioritisation import computed
from heartbeat.prioritisation.models import (
    Criterion,
    Method,
    Round,
    RoundCriterion,
    RoundEntry,
    Score,
)
from heartbeat.prioritisation.services.base import (
    BATCH_SIZE,
    draft_round,
    latest_published,
    office_only,
    person,
    refuse_published,
    round_conflict,
)
from heartbeat.work_requests.models import State as RequestState
from heartbeat.work_requests.models import WorkRequest
from heartbeat.work_requests.services import text

# Rounds: opening and keeping a draft in step -----------------------------------------------


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
    previous = latest_published(before=round_.number)
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


@transaction.atomic
def round_open(*, actor, name: str = "") -> Round:
    """Open a draft round over the open projects and the accepted requests still waiting for
    their project, starting from the latest published round's scores."""
    office_only(actor, "open a scoring round")
    draft = draft_round()
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
    round_ = Round(number=number, name=name, opened_by=person(actor))
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


def sync_draft_criteria(actor) -> None:
    draft = draft_round()
    if draft is not None:
        sync_criteria(draft)


def sync_criteria(round_: Round) -> list[RoundCriterion]:
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
    office_only(actor, "change a scoring round")
    current = Round.objects.select_for_update().get(pk=round_.pk)
    refuse_published(current)
    if expected_version is not None and current.version != expected_version:
        raise round_conflict(current)
    criteria = sync_criteria(current)
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
    recompute(current, criteria)
    current.version += 1
    current.save()
    return current


def recompute(round_: Round, criteria: list[RoundCriterion]) -> None:
    computed_ids = [rc.pk for rc in criteria if rc.is_computed]
    Score.objects.filter(criterion_id__in=computed_ids).delete()
    entries = list(
        RoundEntry.objects.filter(round=round_).only("id", "project_id", "work_request_id")
    )
    Score.objects.bulk_create(_computed_scores(entries, criteria), batch_size=BATCH_SIZE)


@transaction.atomic
def round_discard(*, actor, round_: Round) -> None:
    """Throw a draft round away, with its scores."""
    office_only(actor, "discard a scoring round")
    current = Round.objects.select_for_update().get(pk=round_.pk)
    refuse_published(current)
    current.delete()
