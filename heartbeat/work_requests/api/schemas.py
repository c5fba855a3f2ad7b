"""The shapes the work requests API reads and writes."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import StringConstraints

from heartbeat.core.api.paging import MAX_OFFSET
from heartbeat.work_requests import selectors
from heartbeat.work_requests.models import (
    MAX_AFFECTED,
    MAX_BENEFIT_NOTES,
    MAX_BENEFIT_VALUE,
    MAX_COMMENT,
    MAX_NEED,
    MAX_OUTCOME,
    MAX_PROBLEM,
    MAX_REASON,
    MAX_TITLE,
    State,
    Urgency,
)

MAX_LIMIT = 200
NO_NUL = r"^[^\x00]*$"


def Text(max_length: int):  # noqa: N802 - a type, named like one
    """A string of at most ``max_length`` characters without NUL bytes, as the database
    keeps it."""
    return Annotated[str, StringConstraints(max_length=max_length, pattern=NO_NUL)]


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


class SupportOut(Schema):
    organisation: Ref
    need: str
    supported_by: str | None
    moved_from: str | None = Field(description="The duplicate it moved across from, if any")
    created_at: datetime.datetime


class CommentOut(Schema):
    id: int
    author: str | None
    organisation: Ref | None
    body: str
    created_at: datetime.datetime


class AttachmentOut(Schema):
    id: int
    name: str
    kind: str
    size: int
    uploaded_at: datetime.datetime
    url: str


class StateChangeOut(Schema):
    from_state: State
    to_state: State
    note: str
    by: str | None
    at: datetime.datetime


class WorkRequestSummaryOut(Schema):
    id: int
    reference: str
    title: str
    organisation: Ref
    theme: Ref
    urgency: Urgency
    state: State
    support_count: int = Field(description="Organisations supporting the request")
    project: Ref | None
    created_at: datetime.datetime
    url: str


class WorkRequestOut(WorkRequestSummaryOut):
    problem: str
    affected: str
    outcome: str
    benefit_value: Decimal | None
    benefit_notes: str
    raised_by: str | None
    decline_reason: str
    duplicate_of: int | None
    state_changed_at: datetime.datetime | None
    version: int
    updated_at: datetime.datetime
    supports: list[SupportOut]
    attachments: list[AttachmentOut]
    state_changes: list[StateChangeOut]


class WorkRequestPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[WorkRequestSummaryOut]


class WorkRequestIn(Schema):
    title: Text(MAX_TITLE)
    problem: Text(MAX_PROBLEM)
    affected: Text(MAX_AFFECTED) = Field(description="Who is affected")
    outcome: Text(MAX_OUTCOME) = Field(description="The outcome wanted")
    theme: Text(110) = Field(description="A theme's slug")
    urgency: Urgency
    benefit_value: Decimal | None = Field(
        None, ge=0, le=MAX_BENEFIT_VALUE, decimal_places=2, description="Rough benefit a year, £"
    )
    benefit_notes: Text(MAX_BENEFIT_NOTES) = ""


class WorkRequestUpdateIn(WorkRequestIn):
    version: int = Field(
        description="The version you read; if the request changed since, the answer is 409 "
        "edit_conflict and nothing is saved."
    )


class SupportIn(Schema):
    need: Text(MAX_NEED) = Field(description="A line on the supporting organisation's own need")


class CommentIn(Schema):
    body: Text(MAX_COMMENT)


class NewProjectIn(Schema):
    title: Text(200) = Field("", description="The request's title when left out")
    summary: Text(400) = Field("", description="The start of the outcome wanted when left out")
    theme: Text(110) = Field("", description="A theme's slug; the request's when left out")


class TriageIn(Schema):
    to_state: State = Field(
        description="under_review (from submitted); accepted, declined or duplicate (from "
        "under_review)"
    )
    version: int = Field(description="The version you read (409 edit_conflict if it moved on)")
    reason: Text(MAX_REASON) = Field("", description="Required to decline")
    duplicate_of: int | None = Field(
        None, description="The original request's id, to mark a duplicate"
    )
    project: Text(120) | None = Field(
        None, description="To accept into an existing open project: its slug"
    )
    new_project: NewProjectIn | None = Field(
        None, description="To accept into a new proposed project made from the request"
    )


class LinkProjectIn(Schema):
    version: int
    project: Text(120) | None = None
    new_project: NewProjectIn | None = None


class RequestQuery(Schema):
    state: str = Field("", description="open, or a state: " + ", ".join(State.values))
    theme: str = Field("", description="A theme's slug")
    urgency: str = Field("", description="low, medium, high or critical")
    organisation: str = Field("", description="Raised or supported by this organisation (slug)")
    q: str = Field("", description="Words in the title or text, or a reference")
    sort: str = Field("", description=", ".join(selectors.SORTS))
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
