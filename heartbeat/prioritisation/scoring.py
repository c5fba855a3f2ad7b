"""The arithmetic of the published method, with no database in it.

Every score is on a scale of 1 to 5. A score is first turned into a share of the scale from 0
to 1: (score - 1) / 4 when higher is better, (5 - score) / 4 when higher is worse (so a 1 on
effort or risk counts as fully as a 5 on benefit). The weighted score is

    100 x (sum over the criteria of weight x share) / (sum of the weights)

which runs from 0 (the worst score on every criterion) to 100 (the best on every one).

Worked example with the default weights (strategic fit 3, benefit value 3, demand 2,
readiness 2, effort 1 and risk 1, so the weights add up to 12) and scores 4, 5, 3, 2, 4 and 2:
shares 0.75, 1, 0.5, 0.25, 0.25 (effort, higher is worse) and 0.75 (risk, higher is worse);
weighted 2.25 + 3 + 1 + 0.5 + 0.25 + 0.75 = 7.75; 100 x 7.75 / 12 = 64.6.

Ties are broken by this rule, in order: the higher share on the most heavily weighted
criterion (criteria of equal weight in their listed order), then on the next, and so on;
then the one that has waited longer (proposed or raised earlier); then the title, A to Z.

Arithmetic is exact (fractions), so two weighted scores tie only when they are truly equal.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

HIGHER_IS_WORSE = "higher_is_worse"
LOWEST, HIGHEST = 1, 5


MAX_WEIGHT = 100


def parse_weight(value) -> Decimal:
    """A weight as typed: a number more than 0 and at most 100, to two decimal places at
    most; ValueError says what is wrong."""
    try:
        weight = Decimal(str(value).strip())
    except (ArithmeticError, ValueError, TypeError):
        raise ValueError(
            f"Enter the weight as a number more than 0 and at most {MAX_WEIGHT}, like 2 or 1.5."
        ) from None
    if not weight.is_finite():
        raise ValueError(
            f"Enter the weight as a number more than 0 and at most {MAX_WEIGHT}, like 2 or 1.5."
        )
    if weight <= 0:
        raise ValueError(
            "The weight must be more than 0: a criterion that counts for nothing should be "
            "switched off instead."
        )
    if weight > MAX_WEIGHT:
        raise ValueError(f"The weight must be {MAX_WEIGHT} or less.")
    if weight != weight.quantize(Decimal("0.01")):
        raise ValueError("Give the weight to two decimal places at most.")
    return weight


def share(value: int, direction: str) -> Fraction:
    """A score as a share of the scale, 0 to 1, counting "higher is worse" the other way."""
    if not LOWEST <= value <= HIGHEST:
        raise ValueError(f"A score must be from {LOWEST} to {HIGHEST}, not {value}.")
    if direction == HIGHER_IS_WORSE:
        return Fraction(HIGHEST - value, HIGHEST - LOWEST)
    return Fraction(value - LOWEST, HIGHEST - LOWEST)


@dataclass(frozen=True)
class CriterionSpec:
    """What the arithmetic needs of a criterion."""

    key: Any
    weight: Decimal
    direction: str
    order: int = 0
    name: str = ""


def weighted_score(criteria: Sequence[CriterionSpec], values: dict[Any, int]) -> Fraction:
    """100 x sum(weight x share) / sum(weights), exactly, from 0 to 100."""
    total = sum((Fraction(c.weight) for c in criteria), Fraction(0))
    if total <= 0:
        raise ValueError("The weights must add up to more than 0.")
    weighted = sum(
        (Fraction(c.weight) * share(values[c.key], c.direction) for c in criteria), Fraction(0)
    )
    return 100 * weighted / total


def as_decimal(score: Fraction, places: int = 4) -> Decimal:
    """A weighted score as a decimal, rounded half up (stored to 4 places, shown to 1)."""
    exponent = Decimal(1).scaleb(-places)
    return (Decimal(score.numerator) / Decimal(score.denominator)).quantize(
        exponent, rounding=ROUND_HALF_UP
    )


def tie_break_order(criteria: Sequence[CriterionSpec]) -> list[CriterionSpec]:
    """Criteria from the most heavily weighted down; equal weights keep their listed order."""
    return sorted(criteria, key=lambda c: (-Fraction(c.weight), c.order))


@dataclass
class Candidate:
    key: Any
    title: str
    since: datetime.date
    values: dict[Any, int] = field(default_factory=dict)


@dataclass
class Ranked:
    candidate: Candidate
    score: Fraction
    rank: int


def rank(candidates: Iterable[Candidate], criteria: Sequence[CriterionSpec]) -> list[Ranked]:
    """Candidates in rank order (1 first) by weighted score and the stated tie-break rule."""
    order = tie_break_order(criteria)
    scored = [(c, weighted_score(criteria, c.values)) for c in candidates]

    def sort_key(item):
        candidate, score = item
        shares = tuple(-share(candidate.values[c.key], c.direction) for c in order)
        return (-score, shares, candidate.since, candidate.title.casefold(), str(candidate.key))

    scored.sort(key=sort_key)
    return [Ranked(candidate=c, score=s, rank=i) for i, (c, s) in enumerate(scored, start=1)]


# Demand and readiness ----------------------------------------------------------------------

# Councils taking part in a project or supporting its requests: (fewest, most, score).
DEMAND_BANDS: list[tuple[int, int | None, int]] = [
    (0, 1, 1),
    (2, 4, 2),
    (5, 9, 3),
    (10, 19, 4),
    (20, None, 5),
]


def demand_band_label(level: int) -> str:
    low, high, _ = next(band for band in DEMAND_BANDS if band[2] == level)
    if high is None:
        return f"{low} or more councils"
    if low == 0:
        return f"0 or {high} council"
    return f"{low} to {high} councils"


def demand_level(councils: int) -> int:
    """The demand score for a number of councils, by the stated bands."""
    if councils < 0:
        raise ValueError("A number of councils cannot be negative.")
    for low, high, level in DEMAND_BANDS:
        if councils >= low and (high is None or councils <= high):
            return level
    raise AssertionError("the bands cover every number")


# Readiness per cent (half the definition's completeness, half the staffing coverage):
# (at least, score), checked from the top.
READINESS_BANDS: list[tuple[int, int]] = [(80, 5), (60, 4), (40, 3), (20, 2), (0, 1)]


def readiness_percent(
    done: int, items: int, covered_days: Decimal, required_days: Decimal
) -> Fraction:
    """50 x (definition items done / items) + 50 x (covered days / required days, at most 1).

    A project with no resource requirements has nothing staffed: its coverage counts as 0.
    """
    definition = Fraction(done, items) if items else Fraction(0)
    coverage = Fraction(0)
    if required_days and required_days > 0:
        coverage = min(Fraction(covered_days) / Fraction(required_days), Fraction(1))
    return 50 * definition + 50 * coverage


def readiness_level(percent: Fraction) -> int:
    for at_least, level in READINESS_BANDS:
        if percent >= at_least:
            return level
    return 1


def readiness_band_label(level: int) -> str:
    bands = {lvl: low for low, lvl in READINESS_BANDS}
    low = bands[level]
    higher = [b for b in READINESS_BANDS if b[1] == level + 1]
    if not higher:
        return f"{low}% ready or more"
    return f"{low}% to under {higher[0][0]}% ready"
