"""Delivery's blocks of the home page: a project lead's updates due and overdue; for the
programme office, the projects whose updates are overdue and the risks escalated to it."""

from django.urls import reverse
from django.utils import timezone

from heartbeat.core.registry import HomeBlock, rows_and_total
from heartbeat.delivery.selectors.home import due_updates, escalated_risks
from heartbeat.portfolio.permissions import is_programme_office

SHOWN = 5


def updates_due_block(request) -> HomeBlock | None:
    user = request.user
    if not (user.is_authenticated and user.is_project_lead):
        return None
    lines = due_updates(user, today=timezone.localdate(), lead=user)
    if not lines:
        return None
    return HomeBlock(
        key="updates-due",
        title="Your updates due and overdue",
        template="delivery/partials/_home_updates_due.html",
        context={"lines": lines[:SHOWN], "mine": True},
        count=len(lines),
        link=reverse("delivery:due") + "?mine=1",
        link_text="See all your updates due",
    )


def overdue_block(request) -> HomeBlock | None:
    user = request.user
    if not is_programme_office(user):
        return None
    lines = due_updates(user, today=timezone.localdate(), include_due=False)
    return HomeBlock(
        key="overdue-updates",
        title="Projects with overdue updates",
        template="delivery/partials/_home_updates_due.html",
        context={"lines": lines[:SHOWN], "mine": False},
        count=len(lines),
        link=reverse("delivery:due"),
        link_text="See every late update",
    )


def escalated_risks_block(request) -> HomeBlock | None:
    user = request.user
    if not is_programme_office(user):
        return None
    shown, count = rows_and_total(escalated_risks(user), SHOWN)
    return HomeBlock(
        key="escalated-risks",
        title="Risks escalated to the programme",
        template="delivery/partials/_home_escalated_risks.html",
        context={"risks": shown},
        count=count,
        link=reverse("delivery:risks") + "?escalated=1",
        link_text="See every escalated risk",
    )
