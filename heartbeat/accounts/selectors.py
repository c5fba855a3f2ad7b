"""Reads for the accounts pages and API: each returns what one screen needs."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Subquery
from django.db.models.functions import Lower

from heartbeat.accounts import permissions
from heartbeat.accounts.models import (
    ROLE_FIELDS,
    ApiToken,
    Invitation,
    InvitationStatus,
    Role,
    User,
)
from heartbeat.core.exceptions import ApplicationError, NotFound
from heartbeat.partnership.models import Organisation

ASK_FOR_NEW = "Ask the Digital Office for a new invitation."


def invitation_list(*, status: str | None = None) -> QuerySet[Invitation]:
    """Invitations, newest first, optionally with one status (pending, accepted, ...)."""
    invitations = Invitation.objects.select_related("organisation", "invited_by")
    if status:
        invitations = invitations.with_status(status)
    return invitations.order_by("-created_at", "-pk")


def invitation_get_usable(*, raw_token: str, for_update: bool = False) -> Invitation:
    """The invitation behind a link, if the link still works; otherwise say why not.

    An unknown link is 404; a link that was used, revoked or has expired is 410 (gone).
    """
    invitations = Invitation.objects.select_related("organisation")
    if for_update:
        invitations = invitations.select_for_update()
    invitation = invitations.filter(token_hash=Invitation.hash_token(raw_token)).first()
    if invitation is None:
        raise NotFound(
            "This invitation link is not valid. Check you copied all of it from the email, "
            "or ask the Digital Office for a new invitation.",
            code="invitation_not_found",
        )
    messages = {
        InvitationStatus.ACCEPTED: (
            "invitation_used",
            "This invitation link has already been used. If it was you, sign in with your "
            "email address and password; otherwise ask the Digital Office for a new invitation.",
        ),
        InvitationStatus.REVOKED: (
            "invitation_revoked",
            f"This invitation has been withdrawn. {ASK_FOR_NEW}",
        ),
        InvitationStatus.EXPIRED: (
            "invitation_expired",
            f"This invitation link has expired. {ASK_FOR_NEW}",
        ),
    }
    problem = messages.get(invitation.status_code)
    if problem:
        code, message = problem
        raise ApplicationError(message, code=code, status=410)
    return invitation


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """A person's own access tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def organisation_choices() -> QuerySet[Organisation]:
    """The organisations a person can be invited to."""
    return Organisation.objects.active().order_by(Lower("name"), "pk")


def user_with_organisation(*, user: User) -> User:
    return User.objects.select_related("organisation").get(pk=user.pk)


# People administration and people's pages -------------------------------------------------

ACTIVE_CHOICES = {"yes": True, "no": False}
MEMBER = "member"


@dataclass(frozen=True)
class PeopleFilters:
    organisation: Organisation | None = None
    role: str = ""  # a Role value, or "member" for people with no other role
    active: bool | None = True  # None: everyone
    q: str = ""


def people_list(filters: PeopleFilters | None = None) -> QuerySet[User]:
    """People matching ``filters``, by name (case-insensitive), with their organisation
    (one query, however many rows)."""
    filters = filters or PeopleFilters()
    people = User.objects.select_related("organisation")
    if filters.organisation is not None:
        people = people.filter(organisation=filters.organisation)
    if filters.role == MEMBER:
        people = people.filter(
            organisation__isnull=False, **dict.fromkeys(ROLE_FIELDS.values(), False)
        )
    elif filters.role:
        people = people.filter(**{ROLE_FIELDS[Role(filters.role)]: True})
    if filters.active is not None:
        people = people.filter(is_active=filters.active)
    for word in filters.q.split():
        people = people.filter(
            Q(full_name__icontains=word) | Q(email__icontains=word) | Q(job_title__icontains=word)
        )
    return people.order_by(Lower("full_name"), Lower("email"), "pk")


def person_get(*, viewer, pk: int) -> User:
    """The person with their organisation, if ``viewer`` may see them; NotFound otherwise,
    so a page never tells who exists (1 query)."""
    person = User.objects.select_related("organisation").filter(pk=pk).first()
    if person is None or not permissions.can_view_person(viewer, person):
        raise NotFound("There is no one at that address, or you cannot see them.")
    return person


@dataclass
class PersonChange:
    field: str
    before: str
    after: str


@dataclass
class PersonHistoryEntry:
    when: datetime.datetime
    who: str
    what: str
    reason: str
    changes: list[PersonChange] = field(default_factory=list)


# The fields of a person's history worth showing, with the names people know them by.
HISTORY_FIELDS = {
    "full_name": "Name",
    "email": "Email address",
    "job_title": "Job title",
    "organisation": "Organisation",
    **{field_name: Role(role).label for role, field_name in ROLE_FIELDS.items()},
    "is_active": "Account",
    "is_staff": "Can use the admin",
    "is_superuser": "Superuser",
}


def _shown(field_name: str, value, organisations: dict[int, str]) -> str:
    if field_name == "organisation":
        return organisations.get(value, "(none)") if value else "(none)"
    if field_name == "is_active":
        return "Active" if value else "Deactivated"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value) if value not in (None, "") else "(blank)"


def _what(changes: list[PersonChange], record) -> str:
    if record.history_type == "+":
        return "Account created"
    fields = {change.field for change in changes}
    if "Account" in fields:
        return "Reactivated" if record.is_active else "Deactivated"
    if "Organisation" in fields:
        return "Moved organisation"
    if fields & {Role(role).label for role in ROLE_FIELDS}:
        return "Roles changed"
    return "Details changed"


def person_history(person: User) -> list[PersonHistoryEntry]:
    """Every change to a person's account: when, who, what and why, newest first (2 queries)."""
    records = list(
        person.history.select_related("history_user").order_by("history_date", "history_id")
    )
    organisation_ids = {r.organisation_id for r in records if r.organisation_id}
    organisations = dict(
        Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "name")
    )
    entries = []
    previous = None
    for record in records:
        changes = []
        if previous is not None:
            for field_name, label in HISTORY_FIELDS.items():
                attribute = f"{field_name}_id" if field_name == "organisation" else field_name
                before, after = getattr(previous, attribute), getattr(record, attribute)
                if before != after:
                    changes.append(
                        PersonChange(
                            field=label,
                            before=_shown(field_name, before, organisations),
                            after=_shown(field_name, after, organisations),
                        )
                    )
        previous = record
        if record.history_type == "~" and not changes:
            continue
        user = record.history_user
        entries.append(
            PersonHistoryEntry(
                when=record.history_date,
                who=user.display_name if user else "Heartbeat (system)",
                what=_what(changes, record),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    entries.reverse()
    return entries


def deactivation(person: User):
    """The history record of a deactivated person's latest deactivation, or None (1 query)."""
    if person.is_active:
        return None
    last_active = (
        person.history.filter(is_active=True).order_by("-history_date").values("history_date")[:1]
    )
    records = person.history.filter(is_active=False).select_related("history_user")
    return (
        records.filter(history_date__gt=Subquery(last_active)).order_by("history_date").first()
        or records.order_by("history_date").first()
    )
