"""Recruitment's sections of a council's page (its hub) and of a person's page.

A council's page shows everyone the projects it leads and takes part in, and its pledges
and people's time by month (visitors: public projects only, and no names); its own people
and the programme office see its capacity against its pledges; its lead (and the programme
office) also sees the actions one click away, where it can help, and the pledges of people
who have left, to reassign or withdraw.
"""

from __future__ import annotations

from django.urls import reverse

from heartbeat.core.datacache import cached
from heartbeat.core.registry import Section, list_limit, rows_and_total
from heartbeat.portfolio.models import Stage
from heartbeat.recruitment import permissions
from heartbeat.recruitment.selectors import organisation as hub
from heartbeat.recruitment.selectors import person as people


def _stage_colours() -> dict:
    from heartbeat.portfolio.views import STAGE_COLOURS

    return STAGE_COLOURS


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def _office_query(request, organisation) -> str:
    """The programme office acts for any organisation: links name the one it acts for."""
    user = request.user
    if permissions.acts_for(user, organisation) and user.organisation_id != organisation.pk:
        return f"?organisation={organisation.slug}"
    return ""


# A council's page ---------------------------------------------------------------------------


def actions_section(request, organisation) -> Section | None:
    if not permissions.acts_for(request.user, organisation) or not organisation.active:
        return None
    query = _office_query(request, organisation)
    return Section(
        key="actions",
        title=f"Act for {organisation.name}",
        template="recruitment/hub/_actions.html",
        context={
            "capacity_url": reverse("recruitment:capacity_for", args=[organisation.slug])
            + "#declare",
            "join_url": reverse("recruitment:recruiting"),
            "help_url": reverse("recruitment:help") + query,
        },
    )


def projects_section(request, organisation) -> Section:
    user = request.user
    projects = hub.as_organisation_projects(
        hub.organisation_projects(user, organisation), organisation
    )
    return Section(
        key="projects",
        title="Projects it leads and takes part in",
        template="recruitment/hub/_projects.html",
        context={
            "rows": projects,
            "stage_colours": _stage_colours(),
            "can_act": permissions.acts_for(user, organisation) and organisation.active,
            "finished": (Stage.CLOSED, Stage.CANCELLED),
            "office_organisation": _office_query(request, organisation) != "",
        },
    )


def pledges_section(request, organisation) -> Section:
    user = request.user
    work = hub.work_for(request, organisation)
    months = hub.window(work.today)
    pledges = work.visible_pledges(user)
    names = _signed_in(user)
    by_month = work.pledged_by_month(pledges)
    return Section(
        key="pledges",
        title="Pledges and people's time by month",
        template="recruitment/hub/_pledges.html",
        context={
            "pledges": pledges,
            "show_names": names,
            "months": months,
            "people_time": work.people_time(user, months) if names else [],
            "totals": [by_month.get(m, hub.ZERO) for m in months],
            "can_change": permissions.acts_for(user, organisation),
        },
    )


def capacity_section(request, organisation) -> Section | None:
    user = request.user
    if not permissions.can_view_capacity(user, organisation):
        return None
    work = hub.work_for(request, organisation)
    months = work.capacity()
    return Section(
        key="capacity",
        title="Declared capacity against pledged days",
        template="recruitment/hub/_capacity.html",
        context={
            "months": months,
            "over": [m for m in months if m.over],
            "declarations": work.declarations,
            "can_declare": permissions.can_declare_capacity(user, organisation),
        },
    )


HELP_ROWS = 10


def help_section(request, organisation) -> Section | None:
    user = request.user
    if not permissions.can_see_where_to_help(user, organisation) or not organisation.active:
        return None
    limit = list_limit(request, HELP_ROWS)

    def work_out():
        needs, count = rows_and_total(hub.matching_needs(user, organisation), limit)
        return hub.help_matches(organisation, needs), count

    # The same for everyone signed in (visitors see public projects' needs only), kept
    # until the data changes (core.datacache).
    matches, count = cached(
        "recruitment.where-can-help", (organisation.pk, _signed_in(user), limit), work_out
    )
    return Section(
        key="help",
        title="Where this council can help",
        template="recruitment/hub/_help.html",
        context={
            "matches": matches,
            "count": count,
            "query": _office_query(request, organisation),
        },
    )


def reassign_section(request, organisation) -> Section | None:
    if not permissions.acts_for(request.user, organisation):
        return None
    work = hub.work_for(request, organisation)
    return Section(
        key="reassign",
        title="Pledges of people who have left",
        template="recruitment/hub/_reassign.html",
        context={"pledges": work.to_reassign()},
    )


# A person's page --------------------------------------------------------------------------


def _pledges_of(request, person):
    cache = request.__dict__.setdefault("_recruitment_person_pledges", {})
    if person.pk not in cache:
        cache[person.pk] = people.person_pledges(person)
    return cache[person.pk]


def load_section(request, person) -> Section:
    pledges = _pledges_of(request, person)
    months = hub.window()
    load = people.person_load(pledges, months)
    return Section(
        key="load",
        title="Pledged days by month",
        template="recruitment/hub/_person_load.html",
        context={"load": load},
    )


def person_pledges_section(request, person) -> Section:
    user = request.user
    return Section(
        key="pledges",
        title="Pledges",
        template="recruitment/hub/_person_pledges.html",
        context={
            "pledges": [
                (p, permissions.can_change_pledge(user, p)) for p in _pledges_of(request, person)
            ],
        },
    )
