"""What a person gives when they keep a benefit, report a measurement or record a cost:
plain data the pages build from forms and the API from its schemas. Values stay as typed
(strings or numbers) so the services give the same message for a bad one on every path."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ProfileInput:
    period: datetime.date | str
    value: Any


@dataclass
class BenefitInput:
    title: str
    classification: str
    nature: str
    description: str = ""
    is_disbenefit: bool = False
    measure: str = ""
    unit: str = ""
    monetised: bool = False
    baseline_value: Any = None
    baseline_date: datetime.date | None = None
    target_value: Any = None
    target_date: datetime.date | None = None
    beneficiary_scope: str = "partnership"
    beneficiary_ids: list[int] = field(default_factory=list)
    owner_id: int | None = None
    granularity: str = "year"
    status: str = "identified"
    evidence: str = ""
    profile: list[ProfileInput] = field(default_factory=list)


@dataclass
class MeasurementInput:
    period: datetime.date | str
    value: Any = None
    narrative: str = ""
    evidence: str = ""


@dataclass
class CostInput:
    category: str
    description: str
    amount: Any
    financial_year: int | str
    organisation_id: int | None = None
