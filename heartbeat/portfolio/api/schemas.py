"""The projects API's schemas: what it answers and what it takes."""

import datetime
from decimal import Decimal

from ninja import Field, Schema

from heartbeat.core.api.paging import MAX_OFFSET
from heartbeat.core.months import MAX_WORKING_DAYS
from heartbeat.portfolio import selectors
from heartbeat.portfolio.api.base import MAX_LIMIT, PersonRef, Ref
from heartbeat.portfolio.models import Stage, Visibility


class ProjectSummaryOut(Schema):
    slug: str
    title: str
    summary: str
    theme: Ref
    sub_area: Ref | None
    stage: Stage
    stage_label: str
    visibility: Visibility
    lead_organisation: Ref | None
    project_lead: PersonRef | None
    sponsor: str
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    estimated_cost: Decimal | None
    tags: list[str]
    version: int
    updated_at: datetime.datetime
    url: str


class ProjectPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[ProjectSummaryOut]


class TextItemOut(Schema):
    id: int
    text: str


class RequirementOut(Schema):
    id: int
    text: str
    priority: str


class ProductOut(Schema):
    id: int
    name: str
    product_type: str
    description: str
    planned_date: datetime.date | None


class ResourceOut(Schema):
    id: int
    skill: Ref
    level: str
    people: int
    days_per_month: Decimal
    start_month: datetime.date
    end_month: datetime.date
    notes: str


class ChecklistItemOut(Schema):
    key: str
    label: str
    done: bool


class MoveOut(Schema):
    to_stage: Stage
    label: str
    reason_required: bool


class TransitionOut(Schema):
    from_stage: Stage
    to_stage: Stage
    actor: PersonRef | None
    reason: str
    at: datetime.datetime


class FieldChangeOut(Schema):
    field: str
    before: str
    after: str


class DifferenceOut(Schema):
    section: str = Field(
        description="project (dates and cost), scope, requirements, products, benefits or needs"
    )
    action: str = Field(description="added, removed or changed")
    subject: str
    changes: list[FieldChangeOut]
    changed_by: str
    changed_at: datetime.datetime | None


class BaselineOut(Schema):
    taken_at: datetime.datetime
    taken_by: str
    differences: list[DifferenceOut] = Field(
        description="How the definition differs from the one approved, with who changed it "
        "and when."
    )


class ProjectOut(ProjectSummaryOut):
    problem: str
    created_at: datetime.datetime
    scope_in: list[TextItemOut]
    scope_out: list[TextItemOut]
    requirements: list[RequirementOut]
    products: list[ProductOut]
    benefits: list[TextItemOut]
    resources: list[ResourceOut]
    definition_complete: bool
    checklist: list[ChecklistItemOut]
    allowed_moves: list[MoveOut] = Field(
        description="The stage moves the caller may make now (empty for visitors)."
    )
    transitions: list[TransitionOut]
    baseline: BaselineOut | None = Field(
        description="The definition as approved and what differs from it now; for signed-in "
        "members of the partnership, null before approval."
    )


class ThemeOut(Schema):
    slug: str
    name: str
    summary: str
    description: str
    order: int
    colour: str
    sub_areas: list[Ref]


# Input ------------------------------------------------------------------------------------


class CatalogueQuery(Schema):
    theme: str = Field("", description="A theme's slug")
    stage: str = Field("", description="A stage: " + ", ".join(Stage.values))
    lead: str = Field("", description="The lead organisation's slug, or its name or official name")
    skill: str = Field("", description="The slug of a skill the project needs")
    visibility: str = Field("", description="public or partnership")
    q: str = Field("", description="Words to search for")
    sort: str = Field("", description="One of " + ", ".join(v for v, _ in selectors.SORT_OPTIONS))
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class TextItemIn(Schema):
    text: str
    id: int | None = Field(None, description="The row's id, to change an existing row")


class RequirementIn(Schema):
    text: str
    priority: str = "must"
    id: int | None = None


class ProductIn(Schema):
    name: str
    product_type: str = Field(description="service, platform, framework, guidance, data, ...")
    description: str = ""
    planned_date: datetime.date | None = None
    id: int | None = None


class ResourceIn(Schema):
    skill: str = Field(description="The skill's slug, from GET /skills")
    level: str = "working"
    people: int = 1
    days_per_month: Decimal = Field(
        description="Days per person per month: more than 0, and at most the working days "
        "in Scotland of each month of the period (23 in the longest)",
        json_schema_extra={"exclusiveMinimum": 0, "maximum": MAX_WORKING_DAYS},
    )
    start_month: datetime.date = Field(description="Any day of the first month")
    end_month: datetime.date = Field(description="Any day of the last month")
    notes: str = ""
    id: int | None = None


class ProjectIn(Schema):
    title: str
    theme: str = Field(description="The theme's slug, from GET /themes")
    summary: str
    slug: str = Field("", description="Made from the title when empty")
    sub_area: str | None = Field(None, description="The slug of a sub-area of the theme")
    problem: str = ""
    lead_organisation: str | None = Field(None, description="The organisation's slug")
    project_lead: int | None = Field(None, description="The id of the person who leads it")
    sponsor: str = ""
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    estimated_cost: Decimal | None = None
    visibility: Visibility = Visibility.PARTNERSHIP
    tags: list[str] = Field(default_factory=list)
    scope_in: list[TextItemIn] = Field(default_factory=list)
    scope_out: list[TextItemIn] = Field(default_factory=list)
    requirements: list[RequirementIn] = Field(default_factory=list)
    products: list[ProductIn] = Field(default_factory=list)
    benefits: list[TextItemIn] = Field(default_factory=list)
    resources: list[ResourceIn] = Field(default_factory=list)


VERSION_DESCRIPTION = (
    "The version you read; if someone saved the project since, the answer is 409 "
    "edit_conflict and nothing is saved."
)


class ProjectUpdateIn(Schema):
    """The whole project: every field is required, so nothing is emptied by leaving it out
    (send null or an empty list to empty a field on purpose; PATCH changes only some)."""

    title: str
    theme: str = Field(description="The theme's slug, from GET /themes")
    summary: str
    slug: str
    sub_area: str | None = Field(description="The slug of a sub-area of the theme, or null")
    problem: str
    lead_organisation: str | None = Field(description="The organisation's slug, or null")
    project_lead: int | None = Field(description="The id of the person who leads it, or null")
    sponsor: str
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    estimated_cost: Decimal | None
    visibility: Visibility
    tags: list[str]
    scope_in: list[TextItemIn]
    scope_out: list[TextItemIn]
    requirements: list[RequirementIn]
    products: list[ProductIn]
    benefits: list[TextItemIn]
    resources: list[ResourceIn]
    version: int = Field(description=VERSION_DESCRIPTION)


class ProjectPatchIn(Schema):
    """Only the fields sent change. A list sent replaces the whole list, as in PUT: rows with
    an ``id`` change that row, rows without one are added, rows left out are removed."""

    title: str | None = None
    theme: str | None = Field(None, description="The theme's slug, from GET /themes")
    summary: str | None = None
    slug: str | None = None
    sub_area: str | None = Field(None, description="The slug of a sub-area of the theme")
    problem: str | None = None
    lead_organisation: str | None = Field(None, description="The organisation's slug")
    project_lead: int | None = Field(None, description="The id of the person who leads it")
    sponsor: str | None = None
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    estimated_cost: Decimal | None = None
    visibility: Visibility | None = None
    tags: list[str] | None = None
    scope_in: list[TextItemIn] | None = None
    scope_out: list[TextItemIn] | None = None
    requirements: list[RequirementIn] | None = None
    products: list[ProductIn] | None = None
    benefits: list[TextItemIn] | None = None
    resources: list[ResourceIn] | None = None
    version: int = Field(description=VERSION_DESCRIPTION)


class TransitionIn(Schema):
    to_stage: str = Field(description="The stage to move to: " + ", ".join(Stage.values))
    reason: str = ""
