"""Prioritisation's section of the project page: the project's rank in each published round."""

from __future__ import annotations

from heartbeat.core.registry import Section
from heartbeat.prioritisation import permissions, selectors


def rank_history(request, project) -> Section | None:
    """For signed-in members: where the project stood in each published round, and why."""
    if not permissions.can_view_ranking(request.user):
        return None
    return Section(
        key="priority",
        title="Priority ranking",
        template="prioritisation/partials/_project_rank_history.html",
        context={"history": selectors.rank_history(project), "number": selectors.number},
    )
