"""The programme page and the catalogue of projects, with its exports."""

import re

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from heartbeat.core.exports import dated_filename, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.portfolio import permissions, selectors
from heartbeat.portfolio.forms import CatalogueFilterForm
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.views.base import CATALOGUE_FORMATS, PER_PAGE, STAGE_CHART_COLOURS, _common

# Programme and catalogue -------------------------------------------------------------------


# The programme page lists this many projects under each theme; the catalogue has the rest.
PROJECTS_PER_THEME = 12


@kept_page
@login_not_required
def programme(request):
    themes = selectors.programme_overview(request.user, projects_per_theme=PROJECTS_PER_THEME)
    chart_series = [
        {
            "name": label,
            "values": [item.counts_by_stage[value] for item in themes],
            "colour": STAGE_CHART_COLOURS[value],
        }
        for value, label in Stage.choices
        if any(item.counts_by_stage[value] for item in themes)
    ]
    return render(
        request,
        "portfolio/programme.html",
        _common(
            page_title="Programme",
            themes=themes,
            chart_series=chart_series,
            stage_choices=Stage.choices,
            breadcrumbs=[("Home", reverse("core:home")), ("Programme", None)],
        ),
    )


def _json_key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.lower()).strip("_")


@kept_page
@login_not_required
def project_list(request):
    filters, errors = selectors.parse_catalogue_filters(request.GET)
    projects = selectors.project_catalogue(request.user, filters)
    fmt = request.GET.get("format", "")
    if fmt in CATALOGUE_FORMATS:
        headers, rows = selectors.catalogue_export_rows(projects)
        if fmt == "json":
            keys = [_json_key(h) for h in headers]
            # Django's encoder writes dates as 2026-11-26 and amounts as exact strings.
            data = [dict(zip(keys, row, strict=True)) for row in rows]
            response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
            response["Content-Disposition"] = (
                f'attachment; filename="{dated_filename("projects", "json")}"'
            )
            return response
        return export_response(
            fmt, filename="projects", headers=headers, rows=rows, title="Projects", request=request
        )
    if fmt:
        errors = [*errors, "Downloads come as CSV, XLSX or JSON: choose one of the links."]
    page_obj = paginate(
        selectors.catalogue_page_rows(projects, user=request.user, filters=filters),
        request,
        PER_PAGE,
    )
    options = selectors.catalogue_options()
    initial = filters.as_params()
    if options.lead_organisations is None and filters.lead:
        initial["lead"] = filters.lead_name  # the filter is a box for the name
    form = CatalogueFilterForm(initial=initial, options=options, user=request.user)
    context = _common(
        page_title="Projects",
        breadcrumbs=[("Home", reverse("core:home")), ("Projects", None)],
        form=form,
        page_obj=page_obj,
        projects=page_obj.object_list,
        filter_errors=errors,
        filtered=filters.is_filtered,
        can_create=permissions.can_create_project(request.user),
    )
    # htmx asks for the results only, except when restoring a page from its history.
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "portfolio/partials/_catalogue_results.html", context)
    else:
        response = render(request, "portfolio/project_list.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response
