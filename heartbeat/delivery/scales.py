"""Delivery confidence scales and dimension ratings.

Two scales: the five-point scale (Green, Amber/Green, Amber, Amber/Red, Red), Heartbeat's
default, and the three-point Red, Amber, Green scale that UK major-project assurance has used
since 2023. Each update keeps the scale it was written on, so changing the programme's scale
never changes what an earlier update said. Every level has a score (5 best, 1 worst) so
updates on either scale can be sorted and compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    meaning: str
    score: int
    colour: str  # the design system's tag colour


@dataclass(frozen=True)
class Scale:
    code: str
    label: str
    levels: tuple[Level, ...]

    def level(self, code: str) -> Level | None:
        return next((level for level in self.levels if level.code == code), None)

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(level.code, level.label) for level in self.levels]


GREEN = Level(
    "green",
    "Green",
    "Successful delivery on time, to budget and to quality appears highly likely, and no "
    "major issues appear to threaten it.",
    5,
    "green",
)
AMBER_GREEN = Level(
    "amber_green",
    "Amber/Green",
    "Successful delivery appears probable, but constant attention is needed to stop risks "
    "becoming major issues.",
    4,
    "yellow",
)
AMBER = Level(
    "amber",
    "Amber",
    "Successful delivery appears feasible, but significant issues already need management "
    "attention; they appear resolvable if addressed promptly.",
    3,
    "orange",
)
AMBER_RED = Level(
    "amber_red",
    "Amber/Red",
    "Successful delivery is in doubt: major risks or issues are apparent in several key "
    "areas, and urgent action is needed.",
    2,
    "pink",
)
RED = Level(
    "red",
    "Red",
    "Successful delivery appears unachievable: major issues with scope, schedule, budget, "
    "quality or benefits do not appear manageable. The project may need re-scoping or its "
    "viability reassessing.",
    1,
    "red",
)


class ScaleCode(models.TextChoices):
    FIVE = "five", "Five-point: Green, Amber/Green, Amber, Amber/Red, Red"
    THREE = "three", "Three-point: Green, Amber, Red"


SCALES: dict[str, Scale] = {
    ScaleCode.FIVE: Scale(
        ScaleCode.FIVE, ScaleCode.FIVE.label, (GREEN, AMBER_GREEN, AMBER, AMBER_RED, RED)
    ),
    ScaleCode.THREE: Scale(ScaleCode.THREE, ScaleCode.THREE.label, (GREEN, AMBER, RED)),
}

# Every level of either scale, best first: the columns of the dashboard's counts.
ALL_LEVELS: tuple[Level, ...] = (GREEN, AMBER_GREEN, AMBER, AMBER_RED, RED)
LEVELS_BY_CODE: dict[str, Level] = {level.code: level for level in ALL_LEVELS}
CONFIDENCE_CODES = tuple(LEVELS_BY_CODE)


def level_for(code: str | None) -> Level | None:
    return LEVELS_BY_CODE.get(code or "")


def scale_for(code: str) -> Scale:
    return SCALES.get(code) or SCALES[ScaleCode.FIVE]


class Rating(models.TextChoices):
    """A dimension's rating (schedule, cost, resources, benefits, risk)."""

    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


RATING_COLOURS = {"green": "green", "amber": "orange", "red": "red"}

DIMENSIONS: tuple[tuple[str, str], ...] = (
    ("schedule", "Schedule"),
    ("cost", "Cost"),
    ("resources", "Resources"),
    ("benefits", "Benefits"),
    ("risk", "Risk"),
)
