"""What the update, milestone and RAID services take: plain values from a form or the API."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class RaidInput:
    kind: str
    title: str
    description: str = ""
    owner: str = ""
    likelihood: int | None = None
    impact: int | None = None
    proximity: str = ""
    mitigation: str = ""
    priority: str = ""
    resolution: str = ""
    depends_on_project_id: int | None = None
    depends_on_product_id: int | None = None
    outside_body: str = ""
    needed_by: datetime.date | None = None


@dataclass
class UpdateInput:
    period_start: datetime.date | None = None
    confidence: str = ""
    schedule: str = ""
    cost: str = ""
    resources: str = ""
    benefits: str = ""
    risk: str = ""
    summary: str = ""
    achievements: str = ""
    next_steps: str = ""
    decisions_needed: str = ""
    percent_complete: int | None = None
    # Milestones moved with this update (id -> new forecast date) and why they moved.
    milestone_forecasts: dict[int, datetime.date] = field(default_factory=dict)
    milestone_reason: str = ""
    # A risk raised with this update.
    new_risk: RaidInput | None = None


@dataclass
class MilestoneInput:
    name: str
    forecast_date: datetime.date | None
    description: str = ""
    status: str = "not_started"
    actual_date: datetime.date | None = None
    reason: str = ""
