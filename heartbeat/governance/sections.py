"""Governance's parts of other apps' pages: a project's gate history, the board decisions
about a work request, and the home page's blocks for board members and the owners of
actions."""

from django.urls import reverse

from heartbeat.core.registry import HomeBlock, HomeCard, Section
from heartbeat.governance import permissions, selectors
from heartbeat.work_requests.models import State as RequestState


def gates_section(request, project) -> Section | None:
    data = selectors.project_gates(request.user, project)
    if not data.decisions and not data.ungated_moves and not data.next_gates:
        return None
    return Section(
        key="gates",
        title="Stage gates and decisions",
        template="governance/partials/_project_gates.html",
        context={"gates": data},
    )


def request_decisions_section(request, work_request) -> Section | None:
    """The boards' decisions about a council's request, and for those who record decisions a
    way to record one (2 queries: the decisions, and the person's seats)."""
    user = request.user
    decisions = selectors.work_request_decisions(user, work_request)
    can_record = (
        permissions.can_act_for_any_board(user) and work_request.state != RequestState.DUPLICATE
    )
    if not decisions and not can_record:
        return None
    return Section(
        key="board-decisions",
        title="Board decisions",
        template="governance/partials/_request_decisions.html",
        context={
            "decisions": decisions,
            "can_record": can_record,
            "log_url": reverse("governance:decisions") + f"?work_request={work_request.pk}",
            "record_url": reverse("governance:decision_new") + f"?work_request={work_request.pk}",
        },
    )


def awaiting_block(request) -> HomeBlock | None:
    """A board member's projects awaiting their board's decision."""
    boards = permissions.boards_of(request.user)
    if not boards:
        return None
    total, awaiting = selectors.awaiting_decisions(
        request.user, board_ids=boards, limit=selectors.HOME_LIMIT
    )
    return HomeBlock(
        key="awaiting-decision",
        title="Awaiting your board's decision",
        template="governance/partials/_home_awaiting.html",
        context={"awaiting": awaiting, "total": total},
        count=total,
        link=reverse("governance:awaiting") + "?board=mine" if total else None,
        link_text=f"See all {total} projects awaiting a decision",
    )


def actions_block(request) -> HomeBlock | None:
    """The open actions a person owns, from any board's meetings."""
    user = request.user
    if not user.is_authenticated:
        return None
    total, actions = selectors.open_actions_of(user)
    if not total and not permissions.boards_of(user):
        return None
    return HomeBlock(
        key="your-actions",
        title="Your open actions",
        template="governance/partials/_home_actions.html",
        context={"actions": actions, "total": total},
        count=total,
        link=reverse("governance:actions") + "?owner=me" if total else None,
        link_text=f"See all {total} of your open actions",
    )


def governance_card(request) -> HomeCard:
    return HomeCard(
        title="Governance",
        url=reverse("governance:index"),
        summary="The partnership's boards, their meetings and the decision log.",
    )
