"""Accounts API: who am I, and invitations for the programme office."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from heartbeat.accounts import permissions, selectors, services
from heartbeat.accounts.api_auth import required
from heartbeat.accounts.models import REASON_MAX_LENGTH, Invitation, InvitationStatus, Role, User
from heartbeat.core.api.paging import MAX_OFFSET, page_of
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


# People administration ---------------------------------------------------------------------

MAX_LIMIT = 200
ROLE_FILTERS = [*Role.values, selectors.MEMBER]


class PersonOut(Schema):
    id: int
    full_name: str
    email: str | None = Field(
        description="Shown to the programme office, the person and their own organisation."
    )
    job_title: str
    organisation: OrganisationRef | None
    roles: list[str]
    role_labels: list[str]
    is_active: bool
    version: int = Field(description="Send it back with a change: 409 if it has moved on.")


class PersonPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[PersonOut]


class PeopleQuery(Schema):
    organisation: str = Field("", max_length=160, description="An organisation's slug")
    role: str = Field("", description="A role code, or 'member' for people with no other role")
    active: str = Field("yes", description="yes (the default), no, or all")
    q: str = Field("", max_length=100, description="Words of a name, email or job title")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ChangeIn(Schema):
    reason: str = Field(
        min_length=1,
        max_length=REASON_MAX_LENGTH,
        description="Why: kept in the person's history with who made the change.",
    )
    version: int = Field(ge=1, description="The version you read (409 if it has changed since).")


class RolesIn(ChangeIn):
    roles: list[Role] = Field(description="Every role they should have (member is implied).")


class MoveIn(ChangeIn):
    organisation: str = Field(max_length=160, description="The new organisation's slug.")


class HistoryEntryOut(Schema):
    when: datetime
    who: str
    what: str
    reason: str
    changes: list[dict[str, str]]


def _person_out(person: User, viewer) -> dict:
    roles = ([MEMBER] if person.organisation_id else []) + list(person.roles)
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "email": person.email if permissions.can_see_contact(viewer, person) else None,
        "job_title": person.job_title,
        "organisation": person.organisation,
        "roles": roles,
        "role_labels": person.role_labels,
        "is_active": person.is_active,
        "version": person.version,
    }


def _no_nul(value: str, field: str) -> str:
    if "\x00" in value:
        raise InvalidInput("The value contains a character that cannot be used.", field=field)
    return value


def _managed(request, person_id: int) -> User:
    if not permissions.can_manage_people(request.auth):
        raise PermissionDenied("Only the programme office can change people's accounts.")
    return selectors.person_get(viewer=request.auth, pk=person_id)


@router.get(
    "/people",
    auth=required,
    response={200: PersonPageOut, 403: ErrorOut, 422: ErrorOut},
    summary="People, filtered by organisation, role and account (programme office)",
)
def people_list(request, params: Query[PeopleQuery]):
    if not permissions.can_view_people_list(request.auth):
        raise PermissionDenied("Only the programme office can list everyone's accounts.")
    organisation = None
    if params.organisation:
        organisation = Organisation.objects.filter(slug=params.organisation).first()
        if organisation is None:
            raise InvalidInput(
                f"There is no organisation '{params.organisation[:40]}'.", field="organisation"
            )
    if params.role and params.role not in ROLE_FILTERS:
        raise InvalidInput(f"role must be one of {', '.join(ROLE_FILTERS)}.", field="role")
    if params.active not in ("yes", "no", "all"):
        raise InvalidInput("active must be yes, no or all.", field="active")
    filters = selectors.PeopleFilters(
        organisation=organisation,
        role=params.role,
        active=selectors.ACTIVE_CHOICES.get(params.active),
        q=_no_nul(params.q, "q"),
    )
    return page_of(
        selectors.people_list(filters),
        limit=params.limit,
        offset=params.offset,
        item=lambda person: _person_out(person, request.auth),
    )


@router.get(
    "/people/{person_id}",
    auth=required,
    response={200: PersonOut, 404: ErrorOut},
    summary="A person: organisation, roles and account",
)
def person_detail(request, person_id: int):
    return _person_out(selectors.person_get(viewer=request.auth, pk=person_id), request.auth)


@router.get(
    "/people/{person_id}/history",
    auth=required,
    response={200: list[HistoryEntryOut], 403: ErrorOut, 404: ErrorOut},
    summary="Changes to a person's account: when, who, what and why",
)
def person_history(request, person_id: int):
    person = selectors.person_get(viewer=request.auth, pk=person_id)
    if not permissions.can_see_person_history(request.auth, person):
        raise PermissionDenied("Only the programme office and the person see this history.")
    return [
        {
            "when": entry.when,
            "who": entry.who,
            "what": entry.what,
            "reason": entry.reason,
            "changes": [
                {"field": c.field, "before": c.before, "after": c.after} for c in entry.changes
            ],
        }
        for entry in selectors.person_history(person)
    ]


CHANGE_RESPONSES = {200: PersonOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


@router.put(
    "/people/{person_id}/roles",
    auth=required,
    response=CHANGE_RESPONSES,
    summary="Set a person's roles (programme office)",
)
def person_roles(request, person_id: int, payload: RolesIn):
    person = services.user_set_roles(
        actor=request.auth,
        user=_managed(request, person_id),
        roles=[role.value for role in payload.roles],
        reason=_no_nul(payload.reason, "reason"),
        expected_version=payload.version,
    )
    return _person_out(person, request.auth)


@router.post(
    "/people/{person_id}/move",
    auth=required,
    response=CHANGE_RESPONSES,
    summary="Move a person to another organisation (programme office)",
    description="Moving ends the organisation lead role; pledges stay with the organisation "
    "that made them, listed on its page for its lead to reassign.",
)
def person_move(request, person_id: int, payload: MoveIn):
    person = _managed(request, person_id)
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise InvalidInput(
            f"There is no organisation '{payload.organisation[:40]}'.", field="organisation"
        )
    person = services.person_move(
        actor=request.auth,
        person=person,
        organisation=organisation,
        reason=_no_nul(payload.reason, "reason"),
        expected_version=payload.version,
    )
    return _person_out(person, request.auth)


@router.post(
    "/people/{person_id}/deactivate",
    auth=required,
    response=CHANGE_RESPONSES,
    summary="Deactivate a leaver's account (programme office)",
    description="Nothing is deleted: the person's pledges are listed on their organisation's "
    "page for its lead to reassign or withdraw. 409 already_deactivated, own_account or "
    "last_programme_office.",
)
def person_deactivate(request, person_id: int, payload: ChangeIn):
    person = services.person_deactivate(
        actor=request.auth,
        person=_managed(request, person_id),
        reason=_no_nul(payload.reason, "reason"),
        expected_version=payload.version,
    )
    return _person_out(person, request.auth)


@router.post(
    "/people/{person_id}/reactivate",
    auth=required,
    response=CHANGE_RESPONSES,
    summary="Reactivate a deactivated account (programme office)",
)
def person_reactivate(request, person_id: int, payload: ChangeIn):
    person = services.person_reactivate(
        actor=request.auth,
        person=_managed(request, person_id),
        reason=_no_nul(payload.reason, "reason"),
        expected_version=payload.version,
    )
    return _person_out(person, request.auth)
