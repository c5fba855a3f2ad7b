"""Endpoints: organisations taking part in a project."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project
from heartbeat.recruitment import services
from heartbeat.recruitment.api.base import ErrorOut, Ref, _ref, router
from heartbeat.recruitment.models import Participation, ParticipationRole, ParticipationStatus

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
