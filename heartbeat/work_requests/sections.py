"""Work requests' section of the project page: the requests behind a project."""

from __future__ import annotations

from heartbeat.core.registry import Section
from heartbeat.work_requests import permissions, selectors


def project_requests(request, project) -> Section | None:
    """The councils' requests a project came from, for signed-in members, when it has any."""
    if not permissions.can_view_requests(request.user):
        return None
    requests = selectors.project_requests(project)
    if not requests:
        return None
    return Section(
        key="work-requests",
        title="Work requests behind this project",
        template="work_requests/partials/_project_requests.html",
        context={"work_requests": requests},
    )
