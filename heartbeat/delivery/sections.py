"""Delivery's section of the project page: latest update, trend, milestones, open risks."""

from django.utils import timezone

from heartbeat.core.registry import Section
from heartbeat.delivery.selectors.project import project_delivery
from heartbeat.delivery.selectors.reporting import OWING_STAGES

SHOWN_STAGES = (*OWING_STAGES, "paused", "closed", "approved")


def delivery_section(request, project) -> Section | None:
    if project.stage not in SHOWN_STAGES:
        return None
    delivery = project_delivery(request.user, project, today=timezone.localdate())
    return Section(
        key="delivery",
        title="Delivery",
        template="delivery/partials/_project_section.html",
        context={"delivery": delivery},
    )
