"""Prioritisation API: criteria, scoring rounds, scores, the published ranking, the what-if
and each project's rank history.

Signed-in members read published rounds; the programme office keeps the criteria and scores
drafts. The endpoints call the same selectors and services as the pages. Rounds are named by
number, criteria by slug, entries by id.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from pydantic import BaseModel, StringConstraints

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET
from heartbeat.core.exceptions import InvalidInput, NotFound, PermissionDenied
from heartbeat.portfolio.models import Project
from heartbeat.prioritisation import permissions, selectors, services
from heartbeat.prioritisation.forms import parse_what_if
from heartbeat.prioritisation.inputs import CriterionInput, ScoreInput
from heartbeat.prioritisation.models import (
    MAX_DESCRIPTION,
    MAX_LEVEL,
    MAX_NAME,
    MAX_RATIONALE,
    MAX_SUMMARY,
    Criterion,
    Direction,
    Method,
    Round,
    RoundEntry,
    RoundState,
)

router = Router(tags=["prioritisation"])

MAX_LIMIT = 200
NO_NUL = r"^[^\x00]*$"


def Text(max_length: int, min_length: int = 0):  # noqa: N802 - a type, named like one
    return Annotated[
        str, StringConstraints(max_length=max_length, min_length=min_length, pattern=NO_NUL)
    ]


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


# Criteria ----------------------------------------------------------------------------------


class CriterionOut(Schema):
    slug: str
    name: str
    description: str
    weight: Decimal
    direction: Direction
    method: Method
    levels: list[str] = Field(description="What a score of 1 to 5 means, in order")
    order: int
    active: bool
    version: int


class CriterionIn(Schema):
    name: Text(MAX_NAME, 1)
    description: Text(MAX_DESCRIPTION, 1)
    weight: Decimal = Field(gt=0, le=100, decimal_places=2, description="More than 0, at most 100")
    direction: Direction = Direction.HIGHER_IS_BETTER
    levels: list[Text(MAX_LEVEL, 1)] = Field(
        default_factory=list,
        max_length=5,
        description="Five descriptions, for 1 to 5 (kept as they are on computed criteria)",
    )
    order: int = Field(0, ge=0, le=1000)
    active: bool = True


class CriterionUpdateIn(CriterionIn):
    version: int = Field(description="The version you read (409 edit_conflict if it moved on)")


def _criterion(c: Criterion) -> dict:
    return {
        "slug": c.slug,
        "name": c.name,
        "description": c.description,
        "weight": c.weight,
        "direction": c.direction,
        "method": c.method,
        "levels": c.levels,
        "order": c.order,
        "active": c.active,
        "version": c.version,
    }


def _criterion_input(payload: CriterionIn) -> CriterionInput:
    return CriterionInput(
        name=payload.name,
        description=payload.description,
        weight=payload.weight,
        direction=payload.direction,
        levels=list(payload.levels),
        order=payload.order,
        active=payload.active,
    )


@router.get(
    "/criteria",
    auth=required,
    response={200: list[CriterionOut]},
    summary="The prioritisation criteria with their weights and scales",
)
def criteria_list(request):
    return [_criterion(c) for c in selectors.current_criteria()]


@router.post(
    "/criteria",
    auth=required,
    response={201: CriterionOut, 403: ErrorOut, 422: ErrorOut},
    summary="Add a criterion the programme office scores",
)
def criterion_create(request, payload: CriterionIn):
    criterion = services.criterion_create(actor=request.auth, data=_criterion_input(payload))
    return Status(201, _criterion(criterion))


@router.put(
    "/criteria/{slug}",
    auth=required,
    response={200: CriterionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a criterion (programme office)",
)
def criterion_update(request, slug: str, payload: CriterionUpdateIn):
    criterion = get_object_or_404(Criterion, slug=slug)
    updated = services.criterion_update(
        actor=request.auth,
        criterion=criterion,
        data=_criterion_input(payload),
        expected_version=payload.version,
    )
    return _criterion(updated)


# Rounds ------------------------------------------------------------------------------------


class RoundCriterionOut(Schema):
    slug: str
    name: str
    weight: Decimal
    direction: Direction
    method: Method
    levels: list[str]


class RoundOut(Schema):
    number: int
    name: str
    state: RoundState
    summary: str
    published_at: datetime.datetime | None
    ranked_count: int
    departures: list[dict]
    criteria: list[RoundCriterionOut]
    version: int
    url: str


class RoundOpenIn(BaseModel):
    # A plain model, not a ninja Schema: a Schema reads any value's attributes, so with
    # every field defaulted any JSON at all (a list, a number) would open a round.
    name: Text(150) = ""


class RoundPublishIn(Schema):
    version: int = Field(description="The version you read (409 edit_conflict if it moved on)")
    summary: Text(MAX_SUMMARY) = Field("", description="What changed in this round")


def _round(round_: Round) -> dict:
    return {
        "number": round_.number,
        "name": round_.name,
        "state": round_.state,
        "summary": round_.summary,
        "published_at": round_.published_at,
        "ranked_count": round_.ranked_count,
        "departures": round_.departures,
        "criteria": [
            {
                "slug": rc.slug,
                "name": rc.name,
                "weight": rc.weight,
                "direction": rc.direction,
                "method": rc.method,
                "levels": rc.levels,
            }
            for rc in selectors.criteria_of(round_)
        ],
        "version": round_.version,
        "url": round_.get_absolute_url(),
    }


def _office_round(user, number: int) -> Round:
    if not permissions.can_score(user):
        raise PermissionDenied("Only the programme office changes rounds.")
    return get_object_or_404(Round, number=number)


@router.get(
    "/rounds",
    auth=required,
    response={200: list[RoundOut]},
    summary="Scoring rounds, latest first (drafts for the programme office only)",
)
def round_list(request):
    return [_round(r) for r in selectors.rounds_for(request.auth)]


@router.post(
    "/rounds",
    auth=required,
    response={201: RoundOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Open a draft round (programme office)",
)
def round_open(request, payload: RoundOpenIn):
    round_ = services.round_open(actor=request.auth, name=payload.name)
    return Status(201, _round(round_))


@router.get(
    "/rounds/{number}",
    auth=required,
    response={200: RoundOut, 404: ErrorOut},
    summary="A round with its criteria as it used them",
)
def round_detail(request, number: int):
    return _round(selectors.round_for(request.auth, number))


@router.post(
    "/rounds/{number}/refresh",
    auth=required,
    response={200: RoundOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Bring a draft up to date with today's criteria, projects and records",
)
def round_refresh(request, number: int):
    round_ = services.round_refresh(actor=request.auth, round_=_office_round(request.auth, number))
    return _round(round_)


@router.post(
    "/rounds/{number}/publish",
    auth=required,
    response={200: RoundOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Publish a fully scored draft; it is frozen from then on",
)
def round_publish(request, number: int, payload: RoundPublishIn):
    round_ = services.round_publish(
        actor=request.auth,
        round_=_office_round(request.auth, number),
        expected_version=payload.version,
        summary=payload.summary,
    )
    return _round(round_)


@router.delete(
    "/rounds/{number}",
    auth=required,
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Discard a draft round",
)
def round_discard(request, number: int):
    services.round_discard(actor=request.auth, round_=_office_round(request.auth, number))
    return Status(204, None)


# Entries and scores ------------------------------------------------------------------------


class ScoreOut(Schema):
    criterion: str = Field(description="The criterion's slug")
    value: int
    rationale: str
    computed: bool


class EntryOut(Schema):
    id: int
    title: str
    kind: str = Field(description="project or request")
    project: str | None = Field(description="The project's slug")
    work_request: int | None = Field(description="The request's id")
    rank: int | None
    previous_rank: int | None
    weighted_score: Decimal | None
    movement: str
    scores: list[ScoreOut]
    version: int


class EntryPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[EntryOut]


class PageQuery(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ScoreIn(Schema):
    criterion: Text(110) = Field(description="The criterion's slug")
    value: int | None = Field(None, description="1 to 5; null with an empty rationale to clear")
    rationale: Text(MAX_RATIONALE) = ""


class ScoresIn(Schema):
    version: int = Field(description="The entry's version you read (409 if it moved on)")
    scores: list[ScoreIn] = Field(max_length=50)


def _entry(entry: RoundEntry, scores, slugs) -> dict:
    return {
        "id": entry.pk,
        "title": entry.title,
        "kind": "project" if entry.project_id else "request",
        "project": entry.project.slug if entry.project_id else None,
        "work_request": entry.work_request_id,
        "rank": entry.rank,
        "previous_rank": entry.previous_rank,
        "weighted_score": entry.weighted_score,
        "movement": entry.movement,
        "scores": [
            {
                "criterion": slugs[s.criterion_id],
                "value": s.value,
                "rationale": s.rationale,
                "computed": s.computed,
            }
            for s in scores
        ],
        "version": entry.version,
    }


def _entries_page(round_: Round, limit: int, offset: int) -> dict:
    criteria = selectors.criteria_of(round_)
    slugs = {rc.pk: rc.slug for rc in criteria}
    entries = selectors.ranking_entries(round_)
    count = entries.count()
    page = list(entries[offset : offset + limit])
    scores = selectors.scores_for(page)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": [_entry(e, scores.get(e.pk, {}).values(), slugs) for e in page],
    }


@router.get(
    "/rounds/{number}/entries",
    auth=required,
    response={200: EntryPageOut, 404: ErrorOut},
    summary="A round's entries in rank order (by title in a draft), with every score",
)
def entry_list(request, number: int, query: Query[PageQuery]):
    round_ = selectors.round_for(request.auth, number)
    return _entries_page(round_, query.limit, query.offset)


@router.get(
    "/rounds/{number}/entries/{entry_id}",
    auth=required,
    response={200: EntryOut, 404: ErrorOut},
    summary="One entry with its scores and their rationale",
)
def entry_detail(request, number: int, entry_id: int):
    round_ = selectors.round_for(request.auth, number)
    detail = selectors.entry_detail(round_, entry_id)
    slugs = {rc.pk: rc.slug for rc in detail.criteria}
    return _entry(detail.entry, detail.scores.values(), slugs)


@router.put(
    "/rounds/{number}/entries/{entry_id}/scores",
    auth=required,
    response={200: EntryOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Score an entry of a draft (programme office)",
    description="Each score needs its rationale. A published round answers 409 "
    "round_published: open a new round to change scores.",
)
def entry_scores(request, number: int, entry_id: int, payload: ScoresIn):
    round_ = _office_round(request.auth, number)
    entry = get_object_or_404(RoundEntry, round=round_, pk=entry_id)
    by_slug = {rc.slug: rc.pk for rc in selectors.criteria_of(round_)}
    inputs = []
    for i, item in enumerate(payload.scores):
        if item.criterion not in by_slug:
            raise InvalidInput(
                f"'{item.criterion}' is not a criterion of this round.", field=f"scores-{i}"
            )
        inputs.append(
            ScoreInput(
                criterion_id=by_slug[item.criterion], value=item.value, rationale=item.rationale
            )
        )
    services.scores_save(
        actor=request.auth, entry=entry, scores=inputs, expected_version=payload.version
    )
    return entry_detail(request, number, entry_id)


# Rankings ----------------------------------------------------------------------------------


class WhatIfRowOut(Schema):
    rank: int
    title: str
    weighted_score: Decimal
    published_rank: int | None
    entry_id: int


class WhatIfOut(Schema):
    round: int
    weights: dict[str, Decimal]
    top: list[WhatIfRowOut]
    leaving: list[str] = Field(description="Titles leaving the published top ten")


class WhatIfQuery(Schema):
    weights: str = Field(
        "",
        max_length=2000,
        description="Weights to try as slug:weight pairs joined by commas, e.g. "
        "'effort:3,risk:0.5'; criteria left out keep their weight",
    )
    round: int | None = Field(
        None, description="A published round's number; the latest if left out"
    )


def _latest(user) -> Round:
    round_ = selectors.latest_published()
    if round_ is None:
        raise NotFound("No round has been published yet.")
    return round_


@router.get(
    "/rankings/latest",
    auth=required,
    response={200: EntryPageOut, 404: ErrorOut},
    summary="The latest published ranking, with every score and its rationale",
)
def ranking_latest(request, query: Query[PageQuery]):
    return _entries_page(_latest(request.auth), query.limit, query.offset)


@router.get(
    "/rankings/what-if",
    auth=required,
    response={200: WhatIfOut, 404: ErrorOut, 422: ErrorOut},
    summary="The top ten with other weights; nothing is saved",
)
def ranking_what_if(request, query: Query[WhatIfQuery]):
    if query.round is not None:
        round_ = selectors.round_for(request.auth, query.round)
        if not round_.is_published:
            raise NotFound("That round is not published.")
    else:
        round_ = _latest(request.auth)
    criteria = selectors.criteria_of(round_)
    slugs = {rc.slug for rc in criteria}
    params = {}
    for part in filter(None, (p.strip() for p in query.weights.split(","))):
        slug, sep, value = part.partition(":")
        if not sep or slug.strip() not in slugs:
            raise InvalidInput(
                f"'{part}' is not slug:weight for a criterion of {round_.name} "
                f"({', '.join(sorted(slugs))}).",
                field="weights",
            )
        params[f"w-{slug.strip()}"] = value
    weights, _typed, errors = parse_what_if(params, criteria)
    if errors:
        raise InvalidInput("; ".join(message for message, _ in errors), field="weights")
    result = selectors.what_if(round_, criteria, weights)
    return {
        "round": round_.number,
        "weights": {rc.slug: weights[rc.pk] for rc in criteria},
        "top": [
            {
                "rank": row.rank,
                "title": row.entry.title,
                "weighted_score": Decimal(selectors.number(row.score, 4)),
                "published_rank": row.entry.rank,
                "entry_id": row.entry.pk,
            }
            for row in result.rows
        ],
        "leaving": [e.title for e in result.leaving],
    }


class RankOut(Schema):
    round: int
    round_name: str
    published_at: datetime.datetime | None
    rank: int | None
    of: int
    weighted_score: Decimal | None
    movement: str


@router.get(
    "/projects/{slug}/rank-history",
    auth=required,
    response={200: list[RankOut], 404: ErrorOut},
    summary="A project's rank in each published round, latest first",
)
def rank_history(request, slug: str):
    project = get_object_or_404(Project.objects.visible_to(request.auth), slug=slug)
    return [
        {
            "round": e.round.number,
            "round_name": e.round.name,
            "published_at": e.round.published_at,
            "rank": e.rank,
            "of": e.round.ranked_count,
            "weighted_score": e.weighted_score,
            "movement": e.movement,
        }
        for e in selectors.rank_history(project)
    ]
