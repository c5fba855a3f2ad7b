"""Writes of people administration: the programme office changes a person's roles, moves them
to another organisation, deactivates a leaver and reactivates them.

Every change needs a reason, which the person's history keeps beside who made it and when.
Nothing is ever deleted: a leaver's account, history and pledges stay, and their pledges are
listed on their council's page for its lead to reassign or withdraw. Two people changing the
same person at once do not overwrite each other: each form carries the version it read.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from heartbeat.accounts import permissions
from heartbeat.accounts.models import REASON_MAX_LENGTH, ROLE_FIELDS, Role, User
from heartbeat.core.exceptions import (
    ApplicationError,
    Conflict,
    InvalidInput,
    PermissionDenied,
)
from heartbeat.core.formatting import uk_datetime
from heartbeat.partnership.models import Organisation

ONLY_THE_OFFICE = "Only the programme office can change people's accounts."


def clean_roles(roles: Iterable[str], field: str = "roles") -> list[str]:
    """The roles, checked, without repeats, in the order of the Role choices."""
    cleaned = []
    for role in roles or ():
        if role not in Role.values:
            raise InvalidInput(
                f"'{str(role)[:40]}' is not a role. Choose from the roles listed.", field=field
            )
        if role not in cleaned:
            cleaned.append(str(role))
    return [role for role in Role.values if role in cleaned]


def clean_reason(reason: str | None) -> str:
    """A reason for the history: required, one line of up to REASON_MAX_LENGTH characters."""
    reason = (reason or "").strip()
    if "\x00" in reason:
        raise InvalidInput("The reason contains a character that cannot be saved.", field="reason")
    if not reason:
        raise InvalidInput(
            "Enter the reason for the change: it is kept in the person's history.",
            field="reason",
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise InvalidInput(
            f"The reason must be {REASON_MAX_LENGTH} characters or fewer.", field="reason"
        )
    return reason


def _require_office(actor) -> None:
    if not permissions.can_manage_people(actor):
        raise PermissionDenied(ONLY_THE_OFFICE)


def _conflict(current: User) -> Conflict:
    latest = current.history.select_related("history_user").first()
    who = latest.history_user.display_name if latest and latest.history_user else "someone"
    when = uk_datetime(latest.history_date) if latest else "just now"
    return Conflict(
        f"{who} changed {current.display_name}'s account on {when}, after you opened this "
        "page. Check their account as it is now, then make your change again.",
        extra={"version": current.version},
    )


def _lock(person: User, expected_version: int | None) -> User:
    """The person's row, locked until the transaction ends, checked against the version the
    actor read."""
    current = User.objects.select_for_update().filter(pk=person.pk).first()
    if current is None:
        raise ApplicationError(
            "That person's account no longer exists.", code="not_found", status=404
        )
    if expected_version is not None and current.version != expected_version:
        raise _conflict(current)
    return current


def _lock_office(actor) -> list[int]:
    """Lock the rows of everyone active in the programme office, in one order, before the
    person being changed: two changes at once that could each take away one of the last two
    then wait for each other instead of both going through (or deadlocking). The actor must
    still be among them: a role taken away since their page loaded no longer acts."""
    office = list(
        User.objects.select_for_update()
        .filter(is_active=True, is_programme_office=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if actor.pk not in office:
        raise PermissionDenied(ONLY_THE_OFFICE)
    return office


def _keep_a_programme_office(person: User, office: list[int], *, leaving: bool) -> None:
    """Refuse to take away the last active programme office person: someone must be able to
    administer Heartbeat."""
    if not leaving or not (person.is_active and person.is_programme_office):
        return
    if not [pk for pk in office if pk != person.pk]:
        raise ApplicationError(
            f"{person.display_name} is the last active person in the programme office. Give "
            "someone else the programme office role first.",
            code="last_programme_office",
            status=409,
        )


def _save(person: User, *, actor, reason: str, fields: list[str]) -> User:
    person.version += 1
    person._history_user = actor
    person._change_reason = reason
    person.save(update_fields=[*fields, "version"])
    return person


@transaction.atomic
def user_set_roles(
    *,
    actor: User,
    user: User,
    roles: Iterable[str],
    reason: str,
    expected_version: int | None = None,
) -> User:
    """Give a person exactly these roles (everyone in an organisation is also a member)."""
    if not permissions.can_set_roles(actor, user):
        raise PermissionDenied("Only the programme office can change people's roles.")
    roles = clean_roles(roles)
    reason = clean_reason(reason)
    office = _lock_office(actor)
    current = _lock(user, expected_version)
    if actor.pk == current.pk and Role.PROGRAMME_OFFICE not in roles:
        raise ApplicationError(
            "You cannot remove your own programme office role. Ask a colleague in the "
            "programme office to do it.",
            field="roles",
        )
    _keep_a_programme_office(current, office, leaving=Role.PROGRAMME_OFFICE not in roles)
    changed = []
    for role, field in ROLE_FIELDS.items():
        wanted = role in roles
        if getattr(current, field) != wanted:
            setattr(current, field, wanted)
            changed.append(field)
    if not changed:
        raise InvalidInput(
            f"{current.display_name} already has exactly these roles: nothing has changed.",
            field="roles",
            code="no_change",
        )
    return _save(current, actor=actor, reason=reason, fields=changed)


@transaction.atomic
def person_move(
    *,
    actor: User,
    person: User,
    organisation: Organisation | None,
    reason: str,
    expected_version: int | None = None,
) -> User:
    """Move a person to another organisation (or give an account without one its first).

    An organisation lead leads their own organisation only, so the move ends that role;
    the programme office gives it again if they lead the new one. Their pledges stay with
    the organisation that made them, whose lead sees them to reassign.
    """
    _require_office(actor)
    reason = clean_reason(reason)
    _lock_office(actor)
    if organisation is None:
        raise InvalidInput("Choose the organisation to move them to.", field="organisation")
    organisation = Organisation.objects.filter(pk=organisation.pk).first()
    if organisation is None or not organisation.active:
        raise InvalidInput(
            "Choose an organisation that is an active member of the partnership.",
            field="organisation",
        )
    current = _lock(person, expected_version)
    if current.organisation_id == organisation.pk:
        raise InvalidInput(
            f"{current.display_name} already belongs to {organisation.name}.",
            field="organisation",
            code="no_change",
        )
    current.organisation = organisation
    fields = ["organisation"]
    if current.is_organisation_lead:
        current.is_organisation_lead = False
        fields.append("is_organisation_lead")
    return _save(current, actor=actor, reason=reason, fields=fields)


@transaction.atomic
def person_deactivate(
    *, actor: User, person: User, reason: str, expected_version: int | None = None
) -> User:
    """Deactivate a leaver: they can no longer sign in or use their tokens. Nothing is
    deleted; their pledges are listed for their council's lead to reassign or withdraw."""
    _require_office(actor)
    reason = clean_reason(reason)
    if actor.pk == person.pk:
        raise ApplicationError(
            "You cannot deactivate your own account. Ask a colleague in the programme office.",
            code="own_account",
            status=409,
        )
    office = _lock_office(actor)
    current = _lock(person, expected_version)
    if not current.is_active:
        raise ApplicationError(
            f"{current.display_name}'s account is already deactivated.",
            code="already_deactivated",
            status=409,
        )
    _keep_a_programme_office(current, office, leaving=True)
    current.is_active = False
    return _save(current, actor=actor, reason=reason, fields=["is_active"])


@transaction.atomic
def person_reactivate(
    *, actor: User, person: User, reason: str, expected_version: int | None = None
) -> User:
    """Let a deactivated person sign in again, with the roles and organisation they had."""
    _require_office(actor)
    reason = clean_reason(reason)
    _lock_office(actor)
    current = _lock(person, expected_version)
    if current.is_active:
        raise ApplicationError(
            f"{current.display_name}'s account is already active.",
            code="already_active",
            status=409,
        )
    current.is_active = True
    return _save(current, actor=actor, reason=reason, fields=["is_active"])
