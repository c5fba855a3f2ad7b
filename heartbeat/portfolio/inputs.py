"""What a person gives when they create or edit a project: plain data passed to services.

Pages build these from forms and formsets, the API from its schemas, importers and the
demo loader from their sources; the services check the rules and save them.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class RequirementInput:
    text: str
    priority: str = "must"  # must / should / could
    id: int | None = None


@dataclass
class ProductInput:
    name: str
    product_type: str
    description: str = ""
    planned_date: datetime.date | None = None
    id: int | None = None


@dataclass
class ResourceInput:
    skill_id: int
    level: str
    people: int
    days_per_month: Decimal
    start_month: datetime.date  # any day: stored as the first of its month
    end_month: datetime.date
    notes: str = ""
    id: int | None = None


@dataclass
class TextItemInput:
    """A scope line or an expected benefit."""

    text: str
    id: int | None = None


@dataclass
class ProjectInput:
    title: str
    theme_id: int
    summary: str
    slug: str = ""  # made from the title when empty
    sub_area_id: int | None = None
    problem: str = ""
    lead_organisation_id: int | None = None
    project_lead_id: int | None = None
    sponsor: str = ""
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    estimated_cost: Decimal | None = None
    visibility: str = "partnership"
    tags: list[str] = field(default_factory=list)
    scope_in: list[TextItemInput] = field(default_factory=list)
    scope_out: list[TextItemInput] = field(default_factory=list)
    requirements: list[RequirementInput] = field(default_factory=list)
    products: list[ProductInput] = field(default_factory=list)
    benefits: list[TextItemInput] = field(default_factory=list)
    resources: list[ResourceInput] = field(default_factory=list)
