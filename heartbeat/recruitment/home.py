"""Recruitment's part of the home page: its card, and "your work" blocks for project leads,
organisation leads, the programme office and members."""

from django.urls import reverse

from heartbeat.accounts import visits
from heartbeat.accounts.home import (
    MEMBER,
    ORGANISATION_LEAD,
    PROGRAMME_OFFICE,
    PROJECT_LEAD,
    has_organisation,
    is_organisation_lead,
    is_programme_office,
    is_project_lead,
)
from heartbeat.core.registry import HomeBlock, HomeCard, full_list_url, list_limit, rows_and_count
from heartbeat.recruitment.selectors import organisation as hub
from heartbeat.recruitment.selectors import person as people


def open_needs_card(request) -> HomeCard:
    return HomeCard(
        title="Open needs",
        url=reverse("recruitment:open_needs"),
        summary=(
            "Where projects still need people and time, by skill and month, so councils can "
            "offer help."
        ),
    )


def _stage_colours() -> dict:
    from heartbeat.portfolio.views import STAGE_COLOURS

    return STAGE_COLOURS


def _head(rows: list, request) -> list:
    limit = list_limit(request)
    return rows if limit is None else rows[:limit]


# Project lead ------------------------------------------------------------------------------


def uncovered_needs_block(request) -> HomeBlock | None:
    """A project lead's needs still short of pledged days, from this month on."""
    user = request.user
    if not is_project_lead(user):
        return None
    needs, count = rows_and_count(people.uncovered_needs(user), request)
    return HomeBlock(
        key="uncovered-needs",
        title="Needs still uncovered on your projects",
        template="recruitment/home/_uncovered_needs.html",
        context={"needs": needs},
        count=count,
        link=full_list_url("uncovered-needs"),
        link_text="See every uncovered need on your projects",
        group=PROJECT_LEAD.label,
        empty="Every need of your approved projects has the days it asks for.",
    )


# Organisation lead -------------------------------------------------------------------------


def _own(request):
    user = request.user
    return user.organisation, hub.work_for(request, user.organisation)


def participations_block(request) -> HomeBlock | None:
    """An organisation lead's council: the projects it leads and takes part in."""
    if not is_organisation_lead(request.user):
        return None
    organisation = request.user.organisation
    projects, count = rows_and_count(hub.organisation_projects(request.user, organisation), request)
    return HomeBlock(
        key="council-projects",
        title=f"Projects {organisation.name} takes part in",
        template="recruitment/home/_council_projects.html",
        context={
            "rows": hub.as_organisation_projects(projects, organisation),
            "stage_colours": _stage_colours(),
        },
        count=count,
        link=organisation.get_absolute_url() + "#projects",
        link_text=f"See every project of {organisation.name}",
        group=ORGANISATION_LEAD.label,
        empty=f"{organisation.name} leads no project and takes part in none yet.",
    )


def pledges_block(request) -> HomeBlock | None:
    """An organisation lead's council's active pledges."""
    if not is_organisation_lead(request.user):
        return None
    organisation, work = _own(request)
    return HomeBlock(
        key="council-pledges",
        title=f"Pledges by {organisation.name}",
        template="recruitment/home/_pledges.html",
        context={"pledges": _head(work.pledges, request), "show_end": False},
        count=len(work.pledges),
        link=organisation.get_absolute_url() + "#pledges",
        link_text=f"See every pledge by {organisation.name}",
        group=ORGANISATION_LEAD.label,
        empty=f"{organisation.name} has no active pledges.",
    )


def over_capacity_block(request) -> HomeBlock | None:
    """Months in the next year when the council has pledged more days than it declared."""
    if not is_organisation_lead(request.user):
        return None
    organisation, work = _own(request)
    over = work.over_capacity()
    return HomeBlock(
        key="months-over-capacity",
        title="Months over declared capacity",
        template="recruitment/home/_over_capacity.html",
        context={"months": over},
        count=len(over),
        link=reverse("recruitment:capacity_for", args=[organisation.slug]),
        link_text=f"See {organisation.name}'s capacity month by month",
        group=ORGANISATION_LEAD.label,
        empty=(
            f"In the next {hub.WINDOW_MONTHS} months, {organisation.name} has pledged no more "
            "days than it declared."
            if work.declarations
            else f"{organisation.name} has not declared its capacity yet."
        ),
    )


def new_needs_block(request) -> HomeBlock | None:
    """Open needs new since the lead's last visit that match the skills of their people."""
    user = request.user
    if not is_organisation_lead(user):
        return None
    organisation = user.organisation
    since, returning = visits.new_since(user)
    needs, count = rows_and_count(hub.matching_needs(user, organisation, since=since), request)
    matches = hub.help_matches(organisation, needs)
    return HomeBlock(
        key="new-matching-needs",
        title="New open needs that match your people's skills",
        template="recruitment/home/_new_needs.html",
        context={"matches": matches, "since": since, "returning": returning},
        count=count,
        link=reverse("recruitment:help"),
        link_text=f"See every need {organisation.name} could help with",
        group=ORGANISATION_LEAD.label,
        empty=(
            "No new open need matches your people's skills since your last visit."
            if returning
            else "No open need added in the last two weeks matches your people's skills."
        ),
    )


def ending_soon_block(request) -> HomeBlock | None:
    """The council's pledges that end in the next 60 days: extend them or let them end."""
    if not is_organisation_lead(request.user):
        return None
    organisation, work = _own(request)
    ending = work.ending_soon()
    return HomeBlock(
        key="pledges-ending-soon",
        title=f"Pledges ending in the next {hub.ENDING_WITHIN_DAYS} days",
        template="recruitment/home/_pledges.html",
        context={"pledges": _head(ending, request), "show_end": True},
        count=len(ending),
        link=full_list_url("pledges-ending-soon"),
        link_text="See every pledge ending soon",
        group=ORGANISATION_LEAD.label,
        empty=f"No pledge by {organisation.name} ends in the next {hub.ENDING_WITHIN_DAYS} days.",
    )


def reassign_block(request) -> HomeBlock | None:
    """Pledges naming people who have left the council: to reassign or withdraw. Shown only
    when there are some."""
    if not is_organisation_lead(request.user):
        return None
    organisation, work = _own(request)
    pledges = work.to_reassign()
    if not pledges:
        return None
    return HomeBlock(
        key="pledges-to-reassign",
        title="Pledges of people who have left",
        template="recruitment/home/_reassign.html",
        context={"pledges": _head(pledges, request)},
        count=len(pledges),
        link=organisation.get_absolute_url() + "#reassign",
        link_text="Reassign or withdraw them",
        group=ORGANISATION_LEAD.label,
    )


# Programme office --------------------------------------------------------------------------


def councils_over_capacity_block(request) -> HomeBlock | None:
    if not is_programme_office(request.user):
        return None
    over = hub.councils_over_capacity()
    return HomeBlock(
        key="councils-over-capacity",
        title="Councils over capacity",
        template="recruitment/home/_councils_over_capacity.html",
        context={"councils": _head(over, request)},
        count=len(over),
        link=full_list_url("councils-over-capacity"),
        link_text="See every council over capacity",
        group=PROGRAMME_OFFICE.label,
        empty=f"No council has pledged more than it declared in the next {hub.WINDOW_MONTHS} "
        "months.",
    )


# Member ------------------------------------------------------------------------------------


def council_projects_block(request) -> HomeBlock | None:
    """Members: the projects their council leads and takes part in. An organisation lead sees
    the same list in their own group, so it is not repeated for them."""
    user = request.user
    if not has_organisation(user) or is_organisation_lead(user):
        return None
    organisation = user.organisation
    projects, count = rows_and_count(hub.organisation_projects(user, organisation), request)
    return HomeBlock(
        key="my-council-projects",
        title=f"Projects of {organisation.name}",
        template="recruitment/home/_council_projects.html",
        context={
            "rows": hub.as_organisation_projects(projects, organisation),
            "stage_colours": _stage_colours(),
        },
        count=count,
        link=organisation.get_absolute_url() + "#projects",
        link_text=f"See every project of {organisation.name}",
        group=MEMBER.label,
        empty=f"{organisation.name} leads no project and takes part in none yet.",
    )
