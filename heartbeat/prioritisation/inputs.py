"""What the programme office gives for criteria and scores: plain data passed to services."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class CriterionInput:
    name: str
    description: str
    weight: Decimal | str | None
    direction: str = "higher_is_better"
    levels: list[str] = field(default_factory=list)  # what 1 to 5 mean
    order: int = 0
    active: bool = True


@dataclass
class ScoreInput:
    criterion_id: int  # the round's criterion
    value: int | None
    rationale: str = ""
