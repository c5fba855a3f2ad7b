"""The accounts app's part of the home page, and the role groups every app's blocks use.

Each app registers its "your work" blocks in its ``AppConfig.ready`` under one of these
groups, with an order inside the group's range, so a person with several roles sees one
heading per role, in the same order whichever apps are installed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from heartbeat.accounts import permissions
from heartbeat.core.registry import HomeBlock, rows_and_count


@dataclass(frozen=True)
class Group:
    label: str
    order: int  # blocks of this group register with orders from here to order + 99


PROJECT_LEAD = Group("Project lead", 100)
ORGANISATION_LEAD = Group("Organisation lead", 200)
PROGRAMME_OFFICE = Group("Programme office", 300)
BOARD_MEMBER = Group("Board member", 400)
MEMBER = Group("Member", 500)


def signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def has_organisation(user) -> bool:
    """Council pages and blocks are for people who belong to an organisation."""
    return signed_in(user) and user.organisation_id is not None


def is_project_lead(user) -> bool:
    return signed_in(user) and bool(user.is_project_lead)


def is_organisation_lead(user) -> bool:
    """An organisation lead of an organisation: without one, there is nothing to lead."""
    return has_organisation(user) and bool(user.is_organisation_lead)


def is_programme_office(user) -> bool:
    return signed_in(user) and bool(user.is_programme_office)


def is_board_member(user) -> bool:
    return signed_in(user) and bool(user.is_board_member)


def no_organisation_block(request) -> HomeBlock | None:
    """The prompt for an account that belongs to no organisation (such as the first one,
    made with createsuperuser): how to join one, since council pages need it."""
    user = request.user
    if not signed_in(user) or user.organisation_id is not None:
        return None
    can_move = permissions.can_manage_people(user)
    return HomeBlock(
        key="join-an-organisation",
        title="Join your organisation",
        template="accounts/partials/_home_no_organisation.html",
        context={"move_url": reverse("people:person_move", args=[user.pk]) if can_move else None},
    )


def invitations_block(request) -> HomeBlock | None:
    """Programme office: invitations sent and not yet accepted."""
    if not permissions.can_view_invitations(request.user):
        return None
    from heartbeat.accounts.models import Invitation

    pending = (
        Invitation.objects.usable().select_related("organisation").order_by("expires_at", "pk")
    )
    rows, count = rows_and_count(pending, request)
    return HomeBlock(
        key="invitations-pending",
        title="Invitations waiting to be accepted",
        template="accounts/partials/_home_invitations.html",
        context={"invitations": rows},
        count=count,
        link=reverse("accounts:invitation_list") + "?status=pending",
        link_text="See every pending invitation",
        group=PROGRAMME_OFFICE.label,
        empty="Everyone you invited has accepted, or their invitation has expired.",
    )
