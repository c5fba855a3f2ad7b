"""What the delivery API's modules share: the router, bounded text and dates, error
and person schemas, and the RAID input every writer of risks takes."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Router, Schema
from pydantic import AfterValidator

from heartbeat.core.exceptions import InvalidInput
from heartbeat.delivery.inputs import RaidInput
from heartbeat.delivery.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    OWNER_MAX,
    Priority,
    Proximity,
    RaidKind,
)
from heartbeat.delivery.selectors import project as project_selectors
from heartbeat.portfolio.models import Project

router = Router(tags=["delivery"])

MAX_LIMIT = 200


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def Text(max_length: int):  # noqa: N802 - a type factory, read like a type
    return Annotated[str, Field(max_length=max_length), AfterValidator(_no_nul)]


Day = Annotated[datetime.date, Field(ge=datetime.date(2000, 1, 1), le=datetime.date(2100, 12, 31))]


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None
    existing_id: int | None = None
    existing_url: str | None = None


class PersonRef(Schema):
    id: int
    name: str


def _person(user) -> dict | None:
    return {"id": user.pk, "name": user.display_name} if user is not None else None


def _project(user, slug: str) -> Project:
    return project_selectors.project_for(user, slug)


class RaidIn(Schema):
    kind: RaidKind
    title: Text(NAME_MAX)
    description: Text(DESCRIPTION_MAX) = ""
    owner: Text(OWNER_MAX) = ""
    likelihood: int | None = Field(None, description="Risks: 1 (very low) to 5 (very high)")
    impact: int | None = Field(None, description="Risks: 1 (very low) to 5 (very high)")
    proximity: Proximity | None = None
    mitigation: Text(DESCRIPTION_MAX) = ""
    priority: Priority | None = Field(None, description="Issues: high, medium or low")
    resolution: Text(DESCRIPTION_MAX) = ""
    depends_on_project: str | None = Field(None, description="Dependencies: a project's slug")
    depends_on_product: int | None = Field(None, description="Dependencies: a product's id")
    outside_body: Text(NAME_MAX) = ""
    needed_by: Day | None = None


def _raid_input(payload: RaidIn, kind: str | None = None) -> RaidInput:
    project_id = None
    if payload.depends_on_project:
        project_id = (
            Project.objects.filter(slug=payload.depends_on_project)
            .values_list("pk", flat=True)
            .first()
        )
        if project_id is None:
            raise InvalidInput(
                f"There is no project '{payload.depends_on_project}'.", field="depends_on_project"
            )
    return RaidInput(
        kind=kind or payload.kind,
        title=payload.title,
        description=payload.description,
        owner=payload.owner,
        likelihood=payload.likelihood,
        impact=payload.impact,
        proximity=payload.proximity or "",
        mitigation=payload.mitigation,
        priority=payload.priority or "",
        resolution=payload.resolution,
        depends_on_project_id=project_id,
        depends_on_product_id=payload.depends_on_product,
        outside_body=payload.outside_body,
        needed_by=payload.needed_by,
    )
