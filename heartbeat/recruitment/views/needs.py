"""Open needs, where my council can help, recruiting projects and contributions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.exports import export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import RowsById, paginate
from heartbeat.portfolio.models import Theme
from heartbeat.recruitment import permissions, selectors
from heartbeat.recruitment.forms import NeedFilterForm
from heartbeat.recruitment.views.base import (
    CHART_COLOUR,
    CHART_COLOUR_2,
    CHART_LIMIT,
    PER_PAGE,
    _acting_organisation,
    _organisations_for_office,
    _require,
    _wants_export,
)
from heartbeat.skills.models import Skill, UserSkill

# Open needs --------------------------------------------------------------------------------


@kept_page
@login_not_required
def open_needs(request):
    filters, filter_errors = selectors.parse_need_filters(request.GET)
    today = timezone.localdate()
    needs = selectors.open_needs(request.user, filters, today=today)
    fmt = _wants_export(request)
    if fmt:
        return export_response(
            fmt,
            filename="open-needs",
            headers=selectors.NEED_EXPORT_HEADERS,
            rows=selectors.need_export_rows(needs),
            title="Open needs",
            request=request,
        )
    form = NeedFilterForm(
        initial=filters.as_params(),
        skills=Skill.objects.active().only("slug", "name"),
        themes=Theme.objects.only("slug", "name"),
        today=today,
        chosen_month=filters.month,
    )
    return render(
        request,
        "recruitment/open_needs.html",
        {
            "page_title": "Open needs",
            "breadcrumbs": [("Home", "/"), ("Open needs", None)],
            "form": form,
            "filter_errors": filter_errors,
            "page_obj": paginate(RowsById(needs, keep="recruitment.open-needs"), request, PER_PAGE),
            "filters": filters,
        },
    )


@kept_page
def where_to_help(request):
    organisation = _acting_organisation(request)
    _require(permissions.can_see_where_to_help(request.user, organisation))
    filters, filter_errors = selectors.parse_need_filters(request.GET)
    needs, people, pledged = selectors.where_to_help(request.user, organisation, filters)
    page_obj = paginate(RowsById(needs, keep="recruitment.where-to-help"), request, PER_PAGE)
    return render(
        request,
        "recruitment/where_to_help.html",
        {
            "page_title": f"Where {organisation} can help",
            "breadcrumbs": [("Home", "/"), ("Open needs", reverse("recruitment:open_needs"))],
            "organisation": organisation,
            "page_obj": page_obj,
            "matches": selectors.help_matches(organisation, page_obj.object_list, people, pledged),
            "filter_errors": filter_errors,
            "organisations": _organisations_for_office(request),
            "has_skills": UserSkill.objects.filter(user__organisation=organisation).exists(),
        },
    )


@kept_page
@login_not_required
def recruiting_projects(request):
    sort = request.GET.get("sort", "gap")
    if sort not in selectors.PROJECT_SORTS:
        sort = "gap"
    gaps = selectors.recruiting_projects(request.user, sort)
    return render(
        request,
        "recruitment/recruiting_projects.html",
        {
            "page_title": "Recruiting projects",
            "breadcrumbs": [("Home", "/"), ("Recruiting projects", None)],
            "page_obj": paginate(gaps, request, PER_PAGE),
            "sort": sort,
            "sorts": [
                ("gap", "Largest gap"),
                ("shortfall", "Most days short"),
                ("coverage", "Lowest coverage"),
                ("title", "Title"),
            ],
        },
    )


@kept_page
def contributions(request):
    _require(permissions.can_view_contributions(request.user))
    rows = selectors.contributions()
    fmt = _wants_export(request)
    if fmt:
        return export_response(
            fmt,
            filename="contributions",
            headers=selectors.CONTRIBUTION_EXPORT_HEADERS,
            rows=selectors.contribution_export_rows(rows),
            title="Contributions",
            request=request,
        )
    # A chart of hundreds of bars helps no one: chart the biggest contributors; the full
    # table and the exports list everyone.
    charted = sorted(rows, key=lambda r: (-r.days_pledged, -r.projects_joined, r.name))
    charted = sorted(charted[:CHART_LIMIT], key=lambda r: r.name)
    return render(
        request,
        "recruitment/contributions.html",
        {
            "page_title": "Contributions by organisation",
            "breadcrumbs": [("Home", "/"), ("Contributions", None)],
            "rows": rows,
            "charted_all": len(charted) == len(rows),
            "chart_limit": CHART_LIMIT,
            "categories": [r.name for r in charted],
            "days_series": [
                {
                    "name": "Days pledged",
                    "values": [float(r.days_pledged) for r in charted],
                    "colour": CHART_COLOUR,
                }
            ],
            "projects_series": [
                {
                    "name": "Projects joined",
                    "values": [r.projects_joined for r in charted],
                    "colour": CHART_COLOUR_2,
                }
            ],
            "table_rows": [
                [r.name, r.days_pledged, r.pledges, r.projects_joined, r.projects_interested]
                for r in rows
            ],
            "total_days": sum(r.days_pledged for r in rows),
            "total_joined": sum(r.projects_joined for r in rows),
        },
    )
