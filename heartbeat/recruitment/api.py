"""Recruitment API: participation, pledges, coverage and open needs.

The endpoints call the same selectors and services as the pages, so they keep the same
rules and permissions. Projects and organisations are named by slug, months as 2026-07.
Pledges name people, so they are for signed-in callers; coverage and open needs follow the
project's visibility.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import page_of
from heartbeat.core.exceptions import ApplicationError, InvalidInput, NotFound
from heartbeat.core.months import month_key, parse_month
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, ResourceRequirement
from heartbeat.recruitment import selectors, services
from heartbeat.recruitment.inputs import AdjustmentInput, PledgeInput
from heartbeat.recruitment.models import (
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
)
from heartbeat.skills.models import Skill

router = Router(tags=["recruitment"])

MAX_LIMIT = 200
MONTH = "A month as YYYY-MM, e.g. 2026-07"


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


# Participation ------------------------------------------------------------------------------


class ParticipationOut(Schema):
    organisation: Ref
    status: ParticipationStatus
    role: ParticipationRole
    reason: str
    interested_on: datetime.date | None
    committed_on: datetime.date | None
    withdrawn_on: datetime.date | None


class ParticipationIn(Schema):
    organisation: str | None = Field(
        None, description="The organisation's slug; yours when left out"
    )
    status: str = Field(description="interested, committed, active or withdrawn")
    role: str = Field(ParticipationRole.PARTICIPANT, description="lead, participant or observer")
    reason: str = Field("", description="Required when withdrawing")


class ParticipationUpdateIn(Schema):
    status: str = Field(description="interested, committed, active or withdrawn")
    role: str | None = Field(
        None, description="lead, participant or observer; unchanged if left out"
    )
    reason: str = ""


def _ref(obj) -> dict:
    return {"slug": obj.slug, "name": obj.name}


def _participation(p: Participation) -> dict:
    return {
        "organisation": _ref(p.organisation),
        "status": p.status,
        "role": p.role,
        "reason": p.reason,
        "interested_on": p.interested_on,
        "committed_on": p.committed_on,
        "withdrawn_on": p.withdrawn_on,
    }


def _visible_project(user, slug: str) -> Project:
    return get_object_or_404(
        Project.objects.visible_to(user).select_related("lead_organisation"), slug=slug
    )


def _organisation(user, slug: str | None) -> Organisation:
    if not slug:
        if user.organisation_id is None:
            raise InvalidInput("Name the organisation by its slug.", field="organisation")
        return user.organisation
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise InvalidInput(f"There is no organisation '{slug}'.", field="organisation")
    return organisation


@router.get(
    "/projects/{slug}/participants",
    response={200: list[ParticipationOut], 404: ErrorOut},
    summary="Organisations taking part in a project",
)
def participant_list(request, slug: str):
    project = _visible_project(request.auth, slug)
    return [
        _participation(p)
        for p in Participation.objects.filter(project=project).select_related("organisation")
    ]


@router.post(
    "/projects/{slug}/participants",
    auth=required,
    response={201: ParticipationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Join a project, or express interest in it",
    description="An organisation lead acts for their own organisation; the programme office "
    "for any. 409 already_participating when the organisation already has a participation: "
    "change it with PATCH.",
)
def participant_create(request, slug: str, payload: ParticipationIn):
    project = _visible_project(request.auth, slug)
    organisation = _organisation(request.auth, payload.organisation)
    if Participation.objects.filter(project=project, organisation=organisation).exists():
        raise ApplicationError(
            f"{organisation} already has a participation in {project.title}: change it with "
            f"PATCH /api/v1/projects/{project.slug}/participants/{organisation.slug}.",
            code="already_participating",
            status=409,
        )
    participation = services.participation_set(
        actor=request.auth,
        project=project,
        organisation=organisation,
        status=payload.status,
        role=payload.role,
        reason=payload.reason,
    )
    return Status(201, _participation(participation))


@router.patch(
    "/projects/{slug}/participants/{organisation}",
    auth=required,
    response={200: ParticipationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change an organisation's participation: commit, become active or withdraw",
)
def participant_update(request, slug: str, organisation: str, payload: ParticipationUpdateIn):
    project = _visible_project(request.auth, slug)
    current = get_object_or_404(
        Participation.objects.select_related("organisation"),
        project=project,
        organisation__slug=organisation,
    )
    participation = services.participation_set(
        actor=request.auth,
        project=project,
        organisation=current.organisation,
        status=payload.status,
        role=payload.role or current.role,
        reason=payload.reason,
    )
    return _participation(participation)


# Pledges -------------------------------------------------------------------------------------


class AdjustmentIO(Schema):
    month: str = Field(description=MONTH)
    days: Decimal


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
    days_per_month: Decimal = Field(description="More than 0, at most 23")
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
    status: str = Field("", description="active or withdrawn")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


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
    # Every pledge endpoint needs a signed-in caller, who sees every project; the filter
    # stays for the day visibility narrows further.
    pledges = Pledge.objects.all()
    if not (user is not None and user.is_authenticated):
        pledges = pledges.filter(requirement__project__in=Project.objects.visible_to(user))
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
            raise InvalidInput("status must be active or withdrawn.", field="status")
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
        ResourceRequirement.objects.select_related("project", "skill")
        .filter(
            pk=payload.requirement_id,
            project__in=Project.objects.visible_to(request.auth),
        )
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


# Coverage and open needs -----------------------------------------------------------------------


class MonthCoverageOut(Schema):
    month: str
    required: Decimal
    pledged: Decimal
    covered: Decimal
    gap: Decimal


class NeedCoverageOut(Schema):
    requirement_id: int
    skill: Ref
    level: str
    people: int
    days_per_month: Decimal
    start_month: str
    end_month: str
    required: Decimal
    covered: Decimal
    largest_gap: Decimal
    percent: int | None
    months: list[MonthCoverageOut]


class CoverageOut(Schema):
    project: Ref
    percent: int | None = Field(description="Covered days over required days, rounded down")
    required: Decimal
    covered: Decimal
    shortfall: Decimal
    needs: list[NeedCoverageOut]


@router.get(
    "/projects/{slug}/coverage",
    response={200: CoverageOut, 404: ErrorOut},
    summary="A project's staffing coverage by need and month",
    description="Pledged days in a month count up to the days required that month.",
)
def project_coverage(request, slug: str):
    project = _visible_project(request.auth, slug)
    coverage = selectors.project_coverage(project)
    return {
        "project": {"slug": project.slug, "name": project.title},
        "percent": coverage.percent,
        "required": coverage.required,
        "covered": coverage.covered,
        "shortfall": coverage.shortfall,
        "needs": [
            {
                "requirement_id": n.requirement.pk,
                "skill": _ref(n.requirement.skill),
                "level": n.requirement.level,
                "people": n.requirement.people,
                "days_per_month": n.requirement.days_per_month,
                "start_month": month_key(n.requirement.start_month),
                "end_month": month_key(n.requirement.end_month),
                "required": n.required,
                "covered": n.covered,
                "largest_gap": n.largest_gap,
                "percent": n.percent,
                "months": [
                    {
                        "month": month_key(c.month),
                        "required": c.required,
                        "pledged": c.pledged,
                        "covered": c.covered,
                        "gap": c.gap,
                    }
                    for c in n.cells
                ],
            }
            for n in coverage.requirements
        ],
    }


class NeedQuery(Schema):
    skill: str = Field("", description="A skill's slug")
    level: str = Field("", description="awareness, working, practitioner or expert")
    theme: str = Field("", description="A theme's slug")
    month: str = Field("", description="Needs short of days in this month: " + MONTH)
    sort: str = Field("", description="gap (the default), shortfall, start or project")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class OpenNeedOut(Schema):
    requirement_id: int
    project: Ref
    theme: Ref
    skill: Ref
    level: str
    people: int
    days_per_month: Decimal
    start_month: str
    end_month: str
    months_open: int = Field(description="Months from this month to the need's end")
    required_days: Decimal
    pledged_days: Decimal = Field(description="Pledged days counted against the need")
    shortfall_days: Decimal
    largest_gap: Decimal


class OpenNeedPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[OpenNeedOut]


def _open_need(n) -> dict:
    return {
        "requirement_id": n.pk,
        "project": {"slug": n.project.slug, "name": n.project.title},
        "theme": _ref(n.project.theme),
        "skill": _ref(n.skill),
        "level": n.level,
        "people": n.people,
        "days_per_month": n.days_per_month,
        "start_month": month_key(n.start_month),
        "end_month": month_key(n.end_month),
        "months_open": n.months_open,
        "required_days": n.required_days,
        "pledged_days": n.covered_days,
        "shortfall_days": n.shortfall_days,
        "largest_gap": n.largest_gap,
    }


@router.get(
    "/open-needs",
    response={200: OpenNeedPageOut, 422: ErrorOut},
    summary="Needs not yet fully pledged, from this month on",
    description="The filters of the open-needs page. An unknown value is a 422.",
)
def open_need_list(request, params: Query[NeedQuery]):
    filters, errors = selectors.parse_need_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    needs = selectors.open_needs(request.auth, filters)
    return page_of(needs, limit=params.limit, offset=params.offset, item=_open_need)
