"""The work programme's part of the home page: its cards, and "your work" blocks for
project leads, the programme office, board members and members."""

from django.urls import reverse

from heartbeat.accounts import visits
from heartbeat.accounts.home import (
    BOARD_MEMBER,
    MEMBER,
    PROGRAMME_OFFICE,
    PROJECT_LEAD,
    has_organisation,
    is_board_member,
    is_programme_office,
    is_project_lead,
    signed_in,
)
from heartbeat.core.datacache import cached
from heartbeat.core.formatting import uk_datetime
from heartbeat.core.registry import (
    HOME_ROWS,
    HomeBlock,
    HomeCard,
    full_list_url,
    list_limit,
    rows_and_count,
    rows_and_total,
)
from heartbeat.portfolio import hub
from heartbeat.portfolio.models import Project, Stage, visibilities_for


def _colours() -> dict:
    from heartbeat.portfolio.views import STAGE_COLOURS

    return STAGE_COLOURS


def programme_card(request) -> HomeCard:
    count = Project.objects.visible_to(request.user).open().count()
    return HomeCard(
        title="Work programme",
        url=reverse("portfolio:programme"),
        summary=(
            f"The themes of the programme and their {count} open "
            f"project{'' if count == 1 else 's'}, from proposals to delivery."
        ),
    )


def catalogue_card(request) -> HomeCard:
    return HomeCard(
        title="Find a project",
        url=reverse("portfolio:project_list"),
        summary=(
            "Search and filter every project by theme, stage, lead council and the skills it "
            "needs, and download the list."
        ),
    )


# Project lead ------------------------------------------------------------------------------


def my_projects_block(request) -> HomeBlock | None:
    """A project lead's open projects, their stage, and what each definition still lacks."""
    user = request.user
    if not is_project_lead(user):
        return None
    projects, count = rows_and_count(hub.projects_led_by(user), request)
    return HomeBlock(
        key="my-projects",
        title="Your projects",
        template="portfolio/home/_my_projects.html",
        context={
            "projects": [(p, hub.missing_labels(p)) for p in projects],
            "stage_colours": _colours(),
            "proposed": Stage.PROPOSED,
        },
        count=count,
        link=full_list_url("my-projects"),
        link_text="See all your projects",
        group=PROJECT_LEAD.label,
        empty="You lead no open projects. Projects you lead appear here with their stage.",
    )


# Programme office and board ----------------------------------------------------------------


def _awaiting(request, *, key: str, title: str, group: str, empty: str) -> HomeBlock:
    projects, count = rows_and_count(hub.awaiting_decision(request.user), request)
    return HomeBlock(
        key=key,
        title=title,
        template="portfolio/home/_awaiting_decision.html",
        context={"projects": projects},
        count=count,
        link=reverse("portfolio:project_list") + "?stage=defined&sort=updated",
        link_text="See every project awaiting approval",
        group=group,
        empty=empty,
    )


def awaiting_decision_block(request) -> HomeBlock | None:
    """Programme office: projects waiting for a stage decision (defined, awaiting approval)."""
    if not is_programme_office(request.user):
        return None
    return _awaiting(
        request,
        key="awaiting-decision",
        title="Projects waiting for a stage decision",
        group=PROGRAMME_OFFICE.label,
        empty="No project is waiting for approval.",
    )


def board_decisions_block(request) -> HomeBlock | None:
    """Board members: the decisions awaiting their board. Until boards and their agendas are
    recorded, the projects awaiting approval; the governance app draws this block instead by
    registering the same key."""
    if not is_board_member(request.user):
        return None
    return _awaiting(
        request,
        key="board-decisions",
        title="Decisions awaiting the board",
        group=BOARD_MEMBER.label,
        empty="No project is awaiting the board's approval.",
    )


def changed_since_approval_block(request) -> HomeBlock | None:
    """Programme office: approved projects whose definition changed after the approval."""
    if not is_programme_office(request.user):
        return None
    user, limit = request.user, list_limit(request, HOME_ROWS)
    # The same for the whole office (it sees every project): kept until the data changes.
    projects, count = cached(
        "portfolio.changed-since-approval",
        (visibilities_for(user), limit),
        lambda: rows_and_total(hub.changed_since_approval(user), limit),
    )
    return HomeBlock(
        key="changed-since-approval",
        title="Projects changed since approval",
        template="portfolio/home/_changed_since_approval.html",
        context={"projects": projects, "stage_colours": _colours()},
        count=count,
        link=full_list_url("changed-since-approval"),
        link_text="See every project changed since approval",
        group=PROGRAMME_OFFICE.label,
        empty="No approved project has changed since its approval.",
    )


# Member ------------------------------------------------------------------------------------


def new_since_block(request) -> HomeBlock | None:
    """What is new since the person's last visit: projects added and projects moving stage."""
    user = request.user
    if not signed_in(user):
        return None
    since, returning = visits.new_since(user)
    items, count = hub.new_since(user, since, list_limit(request))
    return HomeBlock(
        key="new-since-last-visit",
        title="New since your last visit" if returning else "New in the last two weeks",
        template="portfolio/home/_new_since.html",
        context={"items": items, "since": since, "returning": returning},
        count=count,
        link=full_list_url("new-since-last-visit"),
        link_text="See everything new",
        group=MEMBER.label if has_organisation(user) else "",
        empty=(
            "Nothing has changed in the work programme since your last visit, which ended "
            f"around {uk_datetime(since)}."
            if returning
            else "Nothing has changed in the work programme in the last two weeks."
        ),
    )
