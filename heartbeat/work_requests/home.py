"""Work requests' blocks of the home page: a council's open requests, and for the programme
office the requests waiting for triage."""

from __future__ import annotations

from django.urls import reverse

from heartbeat.core.jinja2env import build_query
from heartbeat.core.registry import HomeBlock
from heartbeat.work_requests import permissions, selectors


def own_requests_block(request) -> HomeBlock | None:
    """For an organisation lead or member: their organisation's requests still open."""
    user = request.user
    if not permissions.can_raise(user):
        return None
    organisation = user.organisation
    summary = selectors.organisation_open_requests(organisation)
    query = build_query({"organisation": organisation.slug, "state": "open"})
    return HomeBlock(
        key="own-requests",
        title=f"{organisation}'s open work requests",
        template="work_requests/partials/_home_own.html",
        context={"summary": summary, "organisation": organisation},
        count=summary.count,
        link=f"{reverse('work_requests:list')}?{query}",
        link_text=f"All of {organisation}'s open requests",
    )


def triage_block(request) -> HomeBlock | None:
    """For the programme office: requests waiting for a decision, oldest first."""
    if not permissions.can_triage(request.user):
        return None
    summary = selectors.awaiting_triage()
    return HomeBlock(
        key="triage",
        title="Work requests waiting for triage",
        template="work_requests/partials/_home_triage.html",
        context={"summary": summary},
        count=summary.count,
        link=f"{reverse('work_requests:list')}?{build_query({'state': 'open', 'sort': 'raised'})}",
        link_text="Every request still to be decided",
    )
