"""What a person gives when they pledge: plain data passed to services.

Pages build these from forms, the API from its schemas, the demo loader from its data.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class AdjustmentInput:
    """A planned reduction: ``days`` in ``month`` instead of the usual days per month."""

    month: datetime.date
    days: Decimal


@dataclass
class PledgeInput:
    level: str
    days_per_month: Decimal
    start_month: datetime.date  # any day: stored as the first of its month
    end_month: datetime.date
    person_id: int | None = None  # a named person of the pledging organisation...
    capacity_label: str = ""  # ...or unnamed capacity, described
    skill_id: int | None = None  # the requirement's skill when not given
    adjustments: list[AdjustmentInput] = field(default_factory=list)
    notes: str = ""
