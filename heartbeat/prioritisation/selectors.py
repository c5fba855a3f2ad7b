"""Reads of prioritisation, each in a fixed number of queries whatever the number of entries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, Sum, Value, When
from django.http import Http404
from django.urls import reverse

from heartbeat.prioritisation import permissions, scoring
from heartbeat.prioritisation.models import (
    Criterion,
    Direction,
    Round,
    RoundCriterion,
    RoundEntry,
    RoundState,
    Score,
)

PER_PAGE = 50
TOP = 10


def number(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A number to at most ``places`` decimals, without trailing zeros: 0.75, 1, 64.6."""
    exponent = Decimal(1).scaleb(-places)
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{Decimal(value).quantize(exponent, rounding=ROUND_HALF_UP):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def entry_url(entry: RoundEntry) -> str:
    if entry.project_id is not None:
        return reverse("portfolio:project_detail", args=[entry.project.slug])
    return reverse("work_requests:detail", args=[entry.work_request_id])


def entry_page_url(entry: RoundEntry, round_number: int) -> str:
    return reverse("prioritisation:entry", args=[round_number, entry.pk])


# Rounds ------------------------------------------------------------------------------------


def latest_published() -> Round | None:
    return Round.objects.published().order_by("-number").first()


def round_for(user, number: int) -> Round:
    """The round, or 404 when there is none or ``user`` may not see it (a draft)."""
    round_ = Round.objects.filter(number=number).first()
    if round_ is None or not permissions.can_view_round(user, round_):
        raise Http404("No such round, or you cannot see it.")
    return round_


def rounds_for(user) -> list[Round]:
    rounds = Round.objects.all()
    if not permissions.can_score(user):
        rounds = rounds.published()
    return list(rounds.select_related("published_by").order_by("-number"))


def criteria_of(round_: Round) -> list[RoundCriterion]:
    return list(RoundCriterion.objects.filter(round=round_))


# The worked example --------------------------------------------------------------------------


@dataclass
class ExampleLine:
    criterion: RoundCriterion
    value: int
    share: Fraction
    weighted: Fraction

    @property
    def share_text(self) -> str:
        return number(self.share)

    @property
    def weighted_text(self) -> str:
        return number(self.weighted)

    @property
    def share_working(self) -> str:
        if self.criterion.direction == Direction.HIGHER_IS_WORSE:
            return f"(5 − {self.value}) ÷ 4"
        return f"({self.value} − 1) ÷ 4"


@dataclass
class WorkedExample:
    title: str
    lines: list[ExampleLine]

    @property
    def total_weight(self) -> Decimal:
        return sum((line.criterion.weight for line in self.lines), Decimal(0))

    @property
    def total_weighted(self) -> Fraction:
        return sum((line.weighted for line in self.lines), Fraction(0))

    @property
    def score(self) -> Fraction:
        return 100 * self.total_weighted / Fraction(self.total_weight)

    def text(self, value) -> str:
        return number(value)


def worked_example(title: str, criteria: list[RoundCriterion], values: dict[int, int]):
    if not criteria or any(rc.pk not in values for rc in criteria):
        return None
    lines = []
    for rc in criteria:
        share = scoring.share(values[rc.pk], rc.direction)
        lines.append(
            ExampleLine(
                criterion=rc, value=values[rc.pk], share=share, weighted=Fraction(rc.weight) * share
            )
        )
    return WorkedExample(title=title, lines=lines)


# The published ranking -----------------------------------------------------------------------


@dataclass
class RankingRow:
    entry: RoundEntry
    scores: dict[int, Score]
    url: str
    page_url: str


@dataclass
class Ranking:
    round: Round
    criteria: list[RoundCriterion]
    page_obj: object
    rows: list[RankingRow]
    previous: Round | None = None
    weight_changes: list[tuple[str, Decimal | None, Decimal | None]] = field(default_factory=list)
    example: WorkedExample | None = None


def _entries(round_: Round):
    return (
        RoundEntry.objects.filter(round=round_)
        .select_related("project", "work_request")
        .only(
            "id",
            "round_id",
            "title",
            "since",
            "weighted_score",
            "rank",
            "previous_rank",
            "movement",
            "version",
            "project_id",
            "work_request_id",
            "project__slug",
            "work_request__id",
        )
    )


def ranking_entries(round_: Round):
    """A round's entries in rank order, or by title in a draft (not yet ranked)."""
    order = ("rank", "id") if round_.is_published else ("title", "id")
    return _entries(round_).order_by(*order)


def scores_for(entries) -> dict[int, dict[int, Score]]:
    """The scores of ``entries`` by entry and criterion (1 query)."""
    return _scores_by_entry(e.pk for e in entries)


def _scores_by_entry(entry_ids) -> dict[int, dict[int, Score]]:
    scores: dict[int, dict[int, Score]] = defaultdict(dict)
    for score in Score.objects.filter(entry_id__in=list(entry_ids)).only(
        "entry_id", "criterion_id", "value", "rationale", "computed"
    ):
        scores[score.entry_id][score.criterion_id] = score
    return scores


def weight_changes(round_: Round, previous: Round | None, criteria) -> list[tuple]:
    """(name, weight before, weight now) for each criterion whose weight changed, joined or
    left since ``previous``."""
    if previous is None:
        return []
    before = {rc.criterion_id: rc for rc in RoundCriterion.objects.filter(round=previous)}
    now = {rc.criterion_id: rc for rc in criteria}
    changes = []
    for cid, rc in now.items():
        old = before.get(cid)
        if old is None:
            changes.append((rc.name, None, rc.weight))
        elif old.weight != rc.weight:
            changes.append((rc.name, old.weight, rc.weight))
    changes += [(rc.name, rc.weight, None) for cid, rc in before.items() if cid not in now]
    return changes


def ranking(round_: Round, page_number=1, per_page: int = PER_PAGE) -> Ranking:
    """A published round's ranking, one page of it, with every score and its rationale, what
    changed in the method since the round before, and the top entry worked through as the
    method's example (8 queries)."""
    criteria = criteria_of(round_)
    paginator = Paginator(_entries(round_).order_by("rank", "id"), per_page)
    page_obj = paginator.get_page(page_number)
    entries = list(page_obj.object_list)
    scores = _scores_by_entry(e.pk for e in entries)
    rows = [
        RankingRow(
            entry=e,
            scores=scores.get(e.pk, {}),
            url=entry_url(e),
            page_url=entry_page_url(e, round_.number),
        )
        for e in entries
    ]
    previous = (
        Round.objects.published().filter(number__lt=round_.number).order_by("-number").first()
    )
    example = None
    top = RoundEntry.objects.filter(round=round_, rank=1).only("id", "title").first()
    if top is not None:
        top_values = {
            cid: s.value
            for cid, s in (scores.get(top.pk) or _scores_by_entry([top.pk]).get(top.pk, {})).items()
        }
        example = worked_example(top.title, criteria, top_values)
    return Ranking(
        round=round_,
        criteria=criteria,
        page_obj=page_obj,
        rows=rows,
        previous=previous,
        weight_changes=weight_changes(round_, previous, criteria),
        example=example,
    )


EXPORT_HEADERS = ["Rank", "Title", "Kind", "Weighted score (0 to 100)", "Previous rank"]


def export_rows(round_: Round) -> tuple[list[str], list[list]]:
    """Every entry of a round with its scores and movement, for CSV and XLSX (3 queries)."""
    criteria = criteria_of(round_)
    entries = list(_entries(round_).order_by("rank", "title", "id"))
    values: dict[int, dict[int, int]] = defaultdict(dict)
    for entry_id, criterion_id, value in Score.objects.filter(entry__round=round_).values_list(
        "entry_id", "criterion_id", "value"
    ):
        values[entry_id][criterion_id] = value
    headers = [*EXPORT_HEADERS, *[f"{rc.name} (weight {number(rc.weight)})" for rc in criteria]]
    headers.append("Movement")
    rows = [
        [
            e.rank,
            e.title,
            e.kind_label,
            e.weighted_score,
            e.previous_rank,
            *[values[e.pk].get(rc.pk) for rc in criteria],
            e.movement,
        ]
        for e in entries
    ]
    return headers, rows


# One entry -----------------------------------------------------------------------------------


@dataclass
class EntryDetail:
    entry: RoundEntry
    criteria: list[RoundCriterion]
    scores: dict[int, Score]
    url: str
    example: WorkedExample | None


def entry_detail(round_: Round, entry_id: int) -> EntryDetail:
    """One entry with its scores and rationale, and its weighted score worked through
    (3 queries)."""
    entry = _entries(round_).filter(pk=entry_id).first()
    if entry is None:
        raise Http404("No such entry in this round.")
    criteria = criteria_of(round_)
    scores = {
        s.criterion_id: s for s in Score.objects.filter(entry=entry).select_related("scored_by")
    }
    example = worked_example(entry.title, criteria, {cid: s.value for cid, s in scores.items()})
    return EntryDetail(
        entry=entry, criteria=criteria, scores=scores, url=entry_url(entry), example=example
    )


# A draft round -----------------------------------------------------------------------------


@dataclass
class DraftRow:
    entry: RoundEntry
    scored: int
    url: str


def draft_entries(round_: Round, page_number=1, q: str = "", unscored_only: bool = False):
    """A page of a draft's entries by title, with how many typed criteria each has scored
    (3 queries), and the totals."""
    typed = RoundCriterion.objects.filter(round=round_, method="scored").count()
    entries = _entries(round_).annotate(scored=Count("scores", filter=Q(scores__computed=False)))
    if q:
        for word in q.split()[:10]:
            entries = entries.filter(title__icontains=word)
    if unscored_only:
        entries = entries.filter(scored__lt=typed)
    page_obj = Paginator(entries.order_by("title", "id"), PER_PAGE).get_page(page_number)
    rows = [DraftRow(entry=e, scored=e.scored, url=entry_url(e)) for e in page_obj.object_list]
    return page_obj, rows, typed


def draft_progress(round_: Round) -> tuple[int, int]:
    """(entries fully scored, entries) of a draft (2 queries)."""
    total_criteria = RoundCriterion.objects.filter(round=round_).count()
    counts = (
        RoundEntry.objects.filter(round=round_)
        .annotate(n=Count("scores"))
        .aggregate(
            done=Count("id", filter=Q(n__gte=total_criteria)),
            total=Count("id"),
        )
    )
    return counts["done"] or 0, counts["total"] or 0


# Rank history (the project page) -----------------------------------------------------------


def rank_history(project) -> list[RoundEntry]:
    """The project's rank in each published round, latest first (1 query)."""
    return list(
        RoundEntry.objects.filter(project=project, round__state=RoundState.PUBLISHED)
        .select_related("round")
        .only(
            "rank",
            "previous_rank",
            "weighted_score",
            "movement",
            "round__number",
            "round__name",
            "round__published_at",
            "round__ranked_count",
            "round__state",
        )
        .order_by("-round__number")
    )


# The what-if ------------------------------------------------------------------------------


@dataclass
class WhatIfRow:
    rank: int
    entry: RoundEntry
    score: Fraction
    url: str

    @property
    def published_rank(self) -> int | None:
        return self.entry.rank

    @property
    def change(self) -> int | None:
        if self.entry.rank is None:
            return None
        return self.entry.rank - self.rank

    @property
    def score_text(self) -> str:
        return number(self.score, 1)


@dataclass
class WhatIf:
    weights: dict[int, Decimal]
    rows: list[WhatIfRow]
    leaving: list[RoundEntry]

    @property
    def unchanged(self) -> bool:
        return not self.leaving and all(row.change == 0 for row in self.rows)


def what_if(round_: Round, criteria: list[RoundCriterion], weights: dict[int, Decimal]) -> WhatIf:
    """The top ten of a published round had the weights been ``weights``; nothing is saved.

    The database adds up each entry's weighted shares in whole numbers (weights in
    hundredths, shares in quarters), so the order is exact; the entries tied at the tenth
    place are then ranked by the stated tie-break rule (6 queries).
    """
    hundredths = {rc.pk: int(weights[rc.pk] * 100) for rc in criteria}
    quarters = Case(
        *[
            When(
                criterion_id=rc.pk,
                then=Value(hundredths[rc.pk])
                * (
                    Value(5) - F("value")
                    if rc.direction == Direction.HIGHER_IS_WORSE
                    else F("value") - Value(1)
                ),
            )
            for rc in criteria
        ],
        default=Value(0),
        output_field=IntegerField(),
    )
    sums = (
        Score.objects.filter(entry__round=round_, criterion__in=[rc.pk for rc in criteria])
        .values("entry_id")
        .annotate(total=Sum(quarters))
    )
    top = list(sums.order_by("-total", "entry_id").values_list("total", flat=True)[:TOP])
    if not top:
        return WhatIf(weights=weights, rows=[], leaving=[])
    candidate_ids = list(sums.filter(total__gte=top[-1]).values_list("entry_id", flat=True))
    entries = {e.pk: e for e in _entries(round_).filter(pk__in=candidate_ids)}
    values: dict[int, dict[int, int]] = defaultdict(dict)
    for entry_id, criterion_id, value in Score.objects.filter(
        entry_id__in=candidate_ids
    ).values_list("entry_id", "criterion_id", "value"):
        values[entry_id][criterion_id] = value
    specs = [
        scoring.CriterionSpec(
            key=rc.pk, weight=weights[rc.pk], direction=rc.direction, order=rc.order
        )
        for rc in criteria
    ]
    ranked = scoring.rank(
        [
            scoring.Candidate(key=e.pk, title=e.title, since=e.since, values=values[e.pk])
            for e in entries.values()
        ],
        specs,
    )[:TOP]
    rows = [
        WhatIfRow(
            rank=r.rank,
            entry=entries[r.candidate.key],
            score=r.score,
            url=entry_url(entries[r.candidate.key]),
        )
        for r in ranked
    ]
    shown = {row.entry.pk for row in rows}
    leaving = [
        e for e in _entries(round_).filter(rank__lte=TOP).order_by("rank") if e.pk not in shown
    ]
    return WhatIf(weights=weights, rows=rows, leaving=leaving)


def current_criteria() -> list[Criterion]:
    return list(Criterion.objects.all())
