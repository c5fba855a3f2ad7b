"""The council page and a person's page as data: the projects an organisation leads and takes
part in, its capacity against its pledges, the pledges of people who have left, and a
person's pledged days by month against the working days of each month. The same selectors
and permissions as the pages."""

from __future__ import annotations

from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from heartbeat.accounts.api_auth import required
from heartbeat.accounts.selectors import person_get
from heartbeat.core.exceptions import PermissionDenied
from heartbeat.core.months import month_key
from heartbeat.partnership.models import Organisation
from heartbeat.recruitment import permissions
from heartbeat.recruitment.selectors import organisation as hub
from heartbeat.recruitment.selectors import person as people

router = Router(tags=["council pages"])


class ErrorOut(Schema):
    code: str
    message: str


class Ref(Schema):
    slug: str
    name: str


class OrganisationProjectOut(Schema):
    project: Ref
    stage: str
    leads: bool = Field(description="The organisation is the project's lead organisation.")
    participation: str | None = Field(
        description="interested, committed or active; null if it only leads"
    )
    role: str = Field(description="lead, participant or observer")


class CapacityMonthOut(Schema):
    month: str
    declared: Decimal | None
    pledged: Decimal
    over: bool


class ReassignOut(Schema):
    pledge_id: int
    person_id: int
    person_name: str
    left: bool = Field(description="True: deactivated; false: moved to another organisation")
    project: Ref
    skill: str
    days_per_month: Decimal
    start_month: str
    end_month: str


class LoadProjectOut(Schema):
    project: Ref
    days: Decimal


class LoadMonthOut(Schema):
    month: str
    working_days: int
    pledged: Decimal
    over: bool = Field(description="More days pledged than the month's working days.")
    projects: list[LoadProjectOut]


def _organisation(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


@router.get(
    "/organisations/{slug}/projects",
    response={200: list[OrganisationProjectOut], 404: ErrorOut},
    summary="Projects an organisation leads and takes part in",
    description="Visitors see public projects only.",
)
def organisation_projects(request, slug: str):
    organisation = _organisation(slug)
    rows = hub.as_organisation_projects(
        hub.organisation_projects(request.auth, organisation), organisation
    )
    return [
        {
            "project": {"slug": r.project.slug, "name": r.project.title},
            "stage": r.project.stage,
            "leads": r.leads,
            "participation": r.status,
            "role": "lead" if r.leads else (r.role or ""),
        }
        for r in rows
    ]


@router.get(
    "/organisations/{slug}/capacity",
    auth=required,
    response={200: list[CapacityMonthOut], 403: ErrorOut, 404: ErrorOut},
    summary="An organisation's declared capacity against its pledges, for the next 12 months",
    description="For the organisation's own people and the programme office.",
)
def organisation_capacity(request, slug: str):
    organisation = _organisation(slug)
    if not permissions.can_view_capacity(request.auth, organisation):
        raise PermissionDenied("Only the organisation's own people and the programme office.")
    return [
        {
            "month": month_key(m.month),
            "declared": m.declared,
            "pledged": m.pledged,
            "over": m.over,
        }
        for m in hub.organisation_work(organisation).capacity()
    ]


@router.get(
    "/organisations/{slug}/pledges-to-reassign",
    auth=required,
    response={200: list[ReassignOut], 403: ErrorOut, 404: ErrorOut},
    summary="Pledges naming people who have left the organisation",
    description="For the organisation's lead and the programme office, who reassign or "
    "withdraw them (PATCH or withdraw the pledge).",
)
def pledges_to_reassign(request, slug: str):
    organisation = _organisation(slug)
    if not permissions.acts_for(request.auth, organisation):
        raise PermissionDenied("Only the organisation's lead and the programme office.")
    return [
        {
            "pledge_id": p.pk,
            "person_id": p.person_id,
            "person_name": p.person.display_name,
            "left": not p.person.is_active,
            "project": {"slug": p.requirement.project.slug, "name": p.requirement.project.title},
            "skill": p.skill.name,
            "days_per_month": p.days_per_month,
            "start_month": month_key(p.start_month),
            "end_month": month_key(p.end_month),
        }
        for p in hub.organisation_work(organisation).to_reassign()
    ]


@router.get(
    "/people/{person_id}/load",
    auth=required,
    response={200: list[LoadMonthOut], 404: ErrorOut},
    summary="A person's pledged days by month against each month's working days",
)
def person_load(request, person_id: int):
    person = person_get(viewer=request.auth, pk=person_id)
    load = people.person_load(people.person_pledges(person), hub.window())
    return [
        {
            "month": month_key(m.month),
            "working_days": m.working_days,
            "pledged": m.pledged,
            "over": m.over,
            "projects": [
                {"project": {"slug": p.slug, "name": p.title}, "days": days}
                for p, days in zip(load.projects, m.days, strict=True)
                if days
            ],
        }
        for m in load.months
    ]
