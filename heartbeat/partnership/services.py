"""Writes to the partnership's records: organisations, programme terms and memberships.

``actor`` is the person acting; ``None`` means Heartbeat itself (a management command such
as ``heartbeat demo`` or an importer), which is not subject to a person's permissions. The
actor is recorded in each record's history.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from heartbeat.core.exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from heartbeat.core.formatting import uk_date, uk_datetime
from heartbeat.partnership import permissions
from heartbeat.partnership.models import (
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    ProgrammeTerm,
)

ORGANISATION_FIELDS = (
    "name",
    "official_name",
    "slug",
    "short_code",
    "gss_code",
    "kind",
    "website",
    "active",
)
TERM_FIELDS = ("name", "start", "end", "description")


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _save(instance, actor) -> None:
    """Validate and save ``instance``, recording ``actor`` in its history."""
    try:
        instance.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise InvalidInput(messages[0], field=None if field == "__all__" else field) from error
    instance._history_user = actor
    instance.save()


def _apply(instance, data: dict[str, Any], allowed: tuple[str, ...]) -> list[str]:
    """Set the fields in ``data`` on ``instance``; return the names of those that changed."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise InvalidInput(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    changed = []
    for field, value in data.items():
        if getattr(instance, field) != value:
            setattr(instance, field, value)
            changed.append(field)
    return changed


def _check_gss_code(organisation: Organisation) -> None:
    if not organisation.gss_code:
        return
    holder = (
        Organisation.objects.filter(gss_code=organisation.gss_code)
        .exclude(pk=organisation.pk)
        .first()
    )
    if holder is not None:
        raise InvalidInput(
            f"{holder.name} already has the GSS code {organisation.gss_code}. "
            "Each organisation has its own code.",
            field="gss_code",
        )


@transaction.atomic
def organisation_create(
    *,
    actor,
    name: str,
    official_name: str,
    kind: str,
    slug: str = "",
    short_code: str = "",
    gss_code: str = "",
    website: str = "",
    active: bool = True,
) -> Organisation:
    """Add an organisation to the register."""
    if actor is not None:
        _require(
            permissions.can_edit_organisation(actor),
            "Only the programme office can add organisations.",
        )
    if kind not in OrganisationKind.values:
        raise InvalidInput(f"'{kind}' is not a kind of organisation.", field="kind")
    organisation = Organisation(
        name=name.strip(),
        official_name=official_name.strip(),
        slug=slug or slugify(name),
        short_code=short_code,
        gss_code=gss_code,
        kind=kind,
        website=website,
        active=active,
    )
    _check_gss_code(organisation)
    _save(organisation, actor)
    return organisation


@transaction.atomic
def organisation_update(
    *,
    actor,
    organisation: Organisation,
    data: dict[str, Any],
    expected_updated_at: datetime.datetime | None = None,
) -> Organisation:
    """Change an organisation's details; refuse if someone saved it since it was read.

    ``expected_updated_at`` is the ``updated_at`` the person saw. If the organisation was
    saved after that, nothing is written and ``Conflict`` says who changed it and when.
    Saving unchanged values writes nothing (and adds no history).
    """
    if actor is not None:
        _require(
            permissions.can_edit_organisation(actor),
            "Only the programme office can change an organisation's details.",
        )
    current = Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if current is None:
        raise NotFound("That organisation no longer exists.")
    if expected_updated_at is not None and current.updated_at != expected_updated_at:
        last = current.history.select_related("history_user").first()
        who = last.history_user.display_name if last and last.history_user else "someone"
        raise Conflict(
            f"{who} changed this organisation on {uk_datetime(current.updated_at)}, after you "
            "opened it. Your changes have not been saved. Check their changes below, then "
            "save again to keep yours.",
            extra={"updated_at": current.updated_at.isoformat()},
        )
    changed = _apply(current, data, ORGANISATION_FIELDS)
    if changed:
        if "gss_code" in changed:
            _check_gss_code(current)
        _save(current, actor)
    return current


@transaction.atomic
def programme_term_set(
    *,
    actor,
    slug: str,
    name: str,
    start: datetime.date,
    end: datetime.date,
    description: str = "",
) -> ProgrammeTerm:
    """Create the programme term with this slug, or bring it up to date."""
    if actor is not None:
        _require(
            permissions.can_manage_memberships(actor),
            "Only the programme office can define programme terms.",
        )
    term = ProgrammeTerm.objects.select_for_update().filter(slug=slug).first()
    data = {"name": name, "start": start, "end": end, "description": description}
    if term is None:
        term = ProgrammeTerm(slug=slug, **data)
        if end <= start:
            raise InvalidInput("A term must end after it starts.", field="end")
        _save(term, actor)
        return term
    if _apply(term, data, TERM_FIELDS):
        if term.end <= term.start:
            raise InvalidInput("A term must end after it starts.", field="end")
        _save(term, actor)
    return term


@transaction.atomic
def membership_set(
    *,
    actor,
    organisation: Organisation,
    term: ProgrammeTerm,
    status: str,
    date: datetime.date,
    note: str = "",
) -> Membership:
    """Record an organisation's decision about a programme term (one record per term)."""
    if actor is not None:
        _require(
            permissions.can_manage_memberships(actor),
            "Only the programme office can record membership decisions.",
        )
    if status not in MembershipStatus.values:
        raise InvalidInput(f"'{status}' is not a membership status.", field="status")
    # A decision can be recorded from a little before the term (signing up ahead of it)
    # until the term ends; a date after the end is a typing mistake.
    if date > term.end:
        raise InvalidInput(
            f"The date must be on or before the end of the term ({uk_date(term.end)}).",
            field="date",
        )
    membership = (
        Membership.objects.select_for_update().filter(organisation=organisation, term=term).first()
    )
    if membership is None:
        membership = Membership(
            organisation=organisation, term=term, status=status, date=date, note=note
        )
        _save(membership, actor)
        return membership
    if _apply(
        membership, {"status": status, "date": date, "note": note}, ("status", "date", "note")
    ):
        _save(membership, actor)
    return membership
