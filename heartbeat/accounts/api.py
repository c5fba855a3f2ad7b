"""Accounts API: who am I, and invitations for the programme office."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from heartbeat.accounts import permissions, selectors, services
from heartbeat.accounts.api_auth import required
from heartbeat.accounts.models import Invitation, InvitationStatus, Role, User
from heartbeat.core.exceptions import InvalidInput, PermissionDenied
from heartbeat.partnership.models import Organisation

router = Router(tags=["accounts"])

MEMBER = "member"


class OrganisationRef(Schema):
    slug: str
    name: str


class ErrorOut(Schema):
    code: str
    message: str


class MeOut(Schema):
    email: str
    full_name: str
    job_title: str
    organisation: OrganisationRef | None
    roles: list[str] = Field(
        description="Role codes: 'member' for everyone in an organisation, plus any of "
        + ", ".join(f"'{r}'" for r in Role.values)
    )
    role_labels: list[str]


class InvitationOut(Schema):
    id: int
    email: str
    full_name: str
    organisation: OrganisationRef
    roles: list[str]
    status: InvitationStatus
    invited_by: str | None
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None

    @staticmethod
    def resolve_status(obj: Invitation) -> str:
        return obj.status_code.value

    @staticmethod
    def resolve_invited_by(obj: Invitation) -> str | None:
        return obj.invited_by.email if obj.invited_by else None


class InvitationIn(Schema):
    email: str
    full_name: str
    organisation: str = Field(description="The organisation's slug, e.g. 'aberdeen-city'.")
    roles: list[Role] = Field(default_factory=list)


def _require_programme_office(user) -> None:
    if not permissions.can_view_invitations(user):
        raise PermissionDenied("Only the programme office can manage invitations.")


@router.get("/me", auth=required, response=MeOut, summary="The signed-in person")
def me(request):
    user: User = request.auth
    roles = ([MEMBER] if user.organisation_id else []) + list(user.roles)
    return {
        "email": user.email,
        "full_name": user.full_name,
        "job_title": user.job_title,
        "organisation": user.organisation,
        "roles": roles,
        "role_labels": user.role_labels,
    }


@router.get(
    "/invitations",
    auth=required,
    response={200: list[InvitationOut], 403: ErrorOut},
    summary="Invitations (programme office)",
)
@paginate
def invitation_list(request, status: InvitationStatus | None = None):
    _require_programme_office(request.auth)
    return selectors.invitation_list(status=status)


@router.post(
    "/invitations",
    auth=required,
    response={201: InvitationOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Invite a person (programme office)",
)
def invitation_create(request, payload: InvitationIn):
    _require_programme_office(request.auth)
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise InvalidInput(
            f"There is no organisation with the slug '{payload.organisation}'.",
            field="organisation",
        )
    invitation, _raw = services.invitation_create(
        actor=request.auth,
        email=payload.email,
        full_name=payload.full_name,
        organisation=organisation,
        roles=[role.value for role in payload.roles],
    )
    return Status(201, invitation)


@router.post(
    "/invitations/{invitation_id}/revoke",
    auth=required,
    response={200: InvitationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Revoke an invitation (programme office)",
)
def invitation_revoke(request, invitation_id: int):
    _require_programme_office(request.auth)
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    invitation = services.invitation_revoke(actor=request.auth, invitation=invitation)
    return invitation
