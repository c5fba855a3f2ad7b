"""Endpoints: pledges, listed, made, changed and withdrawn."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput, NotFound
from heartbeat.core.months import MAX_WORKING_DAYS, month_key, parse_month
from heartbeat.portfolio.models import ResourceRequirement, visible_projects_q
from heartbeat.recruitment import services
from heartbeat.recruitment.api.base import MAX_LIMIT, MONTH, ErrorOut, Ref, _ref, router
from heartbeat.recruitment.api.participation import _organisation
from heartbeat.recruitment.inputs import AdjustmentInput, PledgeInput
from heartbeat.recruitment.models import Pledge, PledgeStatus
from heartbeat.skills.models import Skill

# Pledges -------------------------------------------------------------------------------------


class AdjustmentIO(Schema):
    month: str = Field(description=MONTH)
    days: Decimal = Field(
        description="The days given that month instead: 0 or more, fewer than the usual",
        json_schema_extra={"minimum": 0, "maximum": MAX_WORKING_DAYS},
    )


class PledgeOut(Schema):
    id: int
    project: Ref
    requirement_id: int
    organisation: Ref
    person_id: int | None
    person_name: str | None
    capacity_label: str
    skill: Ref
    level: str
    days_per_month: Decimal
    start_month: str
    end_month: str
    adjustments: list[AdjustmentIO]
    total_days: Decimal
    notes: str
    status: PledgeStatus
    withdrawn_reason: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime


class PledgeFieldsIn(Schema):
    person_id: int | None = Field(None, description="A person of the pledging organisation")
    capacity_label: str = Field("", description="Who, when no person is named")
    skill: str | None = Field(None, description="The need's skill slug (the default)")
    level: str
    days_per_month: Decimal = Field(
        description="More than 0, and at most the working days in Scotland of each month (23 "
        "in the longest); a named person's pledges together stay within them too",
        json_schema_extra={"exclusiveMinimum": 0, "maximum": MAX_WORKING_DAYS},
    )
    start_month: str = Field(description=MONTH)
    end_month: str = Field(description=MONTH)
    adjustments: list[AdjustmentIO] = Field(
        default_factory=list, description="Planned reductions: days in a month instead"
    )
    notes: str = ""


class PledgeIn(PledgeFieldsIn):
    requirement_id: int = Field(description="The resource requirement (need) pledged against")
    organisation: str | None = Field(None, description="The organisation's slug; yours if left out")


class PledgeUpdateIn(PledgeFieldsIn):
    version: int = Field(
        description="The version you read; if the pledge changed since, the answer is 409 "
        "edit_conflict and nothing is saved."
    )


class WithdrawIn(Schema):
    reason: str
    version: int | None = None


class PledgeQuery(Schema):
    project: str = Field("", description="A project's slug")
    organisation: str = Field("", description="An organisation's slug")
    status: str = Field("", description="active, ended or withdrawn")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PledgePageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[PledgeOut]


def _pledge(p: Pledge) -> dict:
    return {
        "id": p.pk,
        "project": {"slug": p.requirement.project.slug, "name": p.requirement.project.title},
        "requirement_id": p.requirement_id,
        "organisation": _ref(p.organisation),
        "person_id": p.person_id,
        "person_name": p.person.display_name if p.person_id else None,
        "capacity_label": p.capacity_label,
        "skill": _ref(p.skill),
        "level": p.level,
        "days_per_month": p.days_per_month,
        "start_month": month_key(p.start_month),
        "end_month": month_key(p.end_month),
        "adjustments": [{"month": month_key(a.month), "days": a.days} for a in p.adjustments.all()],
        "total_days": p.total_days,
        "notes": p.notes,
        "status": p.status,
        "withdrawn_reason": p.withdrawn_reason,
        "version": p.version,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
    }


def _pledges(user):
    pledges = Pledge.objects.filter(visible_projects_q(user, "requirement__project__"))
    return (
        pledges.select_related("organisation", "person", "skill", "requirement__project")
        .prefetch_related("adjustments")
        .order_by("id")
    )


def _month(value: str, field: str) -> datetime.date:
    month = parse_month(value)
    if month is None:
        raise InvalidInput(f"Give the month as YYYY-MM, like 2026-07, not '{value}'.", field=field)
    return month


def _pledge_input(payload: PledgeFieldsIn) -> PledgeInput:
    skill_id = None
    if payload.skill:
        skill_id = Skill.objects.filter(slug=payload.skill).values_list("pk", flat=True).first()
        if skill_id is None:
            raise InvalidInput(f"There is no skill '{payload.skill}'.", field="skill")
    return PledgeInput(
        level=payload.level,
        days_per_month=payload.days_per_month,
        start_month=_month(payload.start_month, "start_month"),
        end_month=_month(payload.end_month, "end_month"),
        person_id=payload.person_id,
        capacity_label=payload.capacity_label,
        skill_id=skill_id,
        adjustments=[
            AdjustmentInput(month=_month(a.month, f"adjustments-{i}-month"), days=a.days)
            for i, a in enumerate(payload.adjustments)
        ],
        notes=payload.notes,
    )


@router.get(
    "/pledges",
    auth=required,
    response={200: PledgePageOut, 422: ErrorOut},
    summary="Pledges, filtered by project, organisation and status",
)
def pledge_list(request, params: Query[PledgeQuery]):
    pledges = _pledges(request.auth)
    if params.project:
        pledges = pledges.filter(requirement__project__slug=params.project)
    if params.organisation:
        pledges = pledges.filter(organisation__slug=params.organisation)
    if params.status:
        if params.status not in PledgeStatus.values:
            raise InvalidInput("status must be active, ended or withdrawn.", field="status")
        pledges = pledges.filter(status=params.status)
    return page_of(pledges, limit=params.limit, offset=params.offset, item=_pledge)


@router.get(
    "/pledges/{pledge_id}",
    auth=required,
    response={200: PledgeOut, 404: ErrorOut},
    summary="A pledge",
)
def pledge_get(request, pledge_id: int):
    return _pledge(get_object_or_404(_pledges(request.auth), pk=pledge_id))


@router.post(
    "/pledges",
    auth=required,
    response={201: PledgeOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Pledge a person or capacity against a need",
    description="An organisation lead pledges for their own organisation and its people "
    "only; the programme office for any. 422 for days that are not positive, months "
    "outside the need's period or a person of another organisation; 409 project_closed "
    "for a closed or cancelled project.",
)
def pledge_create(request, payload: PledgeIn):
    requirement = (
        ResourceRequirement.objects.visible_to(request.auth)
        .select_related("project", "skill")
        .filter(pk=payload.requirement_id)
        .first()
    )
    if requirement is None:
        raise NotFound(f"There is no need {payload.requirement_id}.")
    organisation = _organisation(request.auth, payload.organisation)
    pledge = services.pledge_create(
        actor=request.auth,
        requirement=requirement,
        organisation=organisation,
        data=_pledge_input(payload),
    )
    return Status(201, _pledge(_pledges(request.auth).get(pk=pledge.pk)))


@router.patch(
    "/pledges/{pledge_id}",
    auth=required,
    response={200: PledgeOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a pledge",
    description="Send the whole pledge with the `version` you read; 409 edit_conflict when "
    "someone changed it since.",
)
def pledge_update(request, pledge_id: int, payload: PledgeUpdateIn):
    pledge = get_object_or_404(_pledges(request.auth), pk=pledge_id)
    services.pledge_update(
        actor=request.auth,
        pledge=pledge,
        data=_pledge_input(payload),
        expected_version=payload.version,
    )
    return _pledge(_pledges(request.auth).get(pk=pledge.pk))


@router.post(
    "/pledges/{pledge_id}/withdraw",
    auth=required,
    response={200: PledgeOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Withdraw a pledge, with a reason",
)
def pledge_withdraw(request, pledge_id: int, payload: WithdrawIn):
    pledge = get_object_or_404(_pledges(request.auth), pk=pledge_id)
    services.pledge_withdraw(
        actor=request.auth, pledge=pledge, reason=payload.reason, expected_version=payload.version
    )
    return _pledge(_pledges(request.auth).get(pk=pledge.pk))
