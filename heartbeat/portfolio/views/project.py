"""The project page, its history, its stage moves and its definition as a PDF."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from heartbeat.core import registry
from heartbeat.core.exceptions import ApplicationError
from heartbeat.portfolio import permissions, rules, selectors, services
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.pdf import render_project_pdf
from heartbeat.portfolio.views.base import HISTORY_ON_PAGE, _common

# The project page --------------------------------------------------------------------------


def _months(start: datetime.date, end: datetime.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def resource_rows(project) -> list[dict]:
    """Each resource requirement with its length in months and its total days."""
    rows = []
    for resource in project.resource_requirements.all():
        months = _months(resource.start_month, resource.end_month)
        rows.append(
            {
                "resource": resource,
                "months": months,
                "total_days": resource.people * resource.days_per_month * months,
            }
        )
    return rows


def _detail_context(request, project, **extra) -> dict:
    user = request.user
    checklist = rules.definition_checklist(project)
    moves = selectors.allowed_moves(user, project)
    resources = resource_rows(project)
    return _common(
        page_title=project.title,
        breadcrumbs=[
            ("Home", reverse("core:home")),
            ("Projects", reverse("portfolio:project_list")),
            (project.title, None),
        ],
        project=project,
        checklist=checklist,
        missing=[item for item in checklist if not item.done],
        moves=moves,
        resources=resources,
        total_days=sum(row["total_days"] for row in resources),
        rendered_sections=_rendered_sections(request, project),
        can_edit=permissions.can_edit_project(user, project),
        **extra,
    )


def _rendered_sections(request, project) -> list:
    """The sections other apps add, each drawn from its own template and context."""
    sections = registry.collect(registry.project_sections, request, project)
    return registry.render_sections(request, sections, project=project)


@login_not_required
def project_detail(request, slug):
    project = selectors.project_detail(request.user, slug)
    return render(request, "portfolio/project_detail.html", _detail_context(request, project))


@login_not_required
def project_history(request, slug):
    """Who changed what in a project and its definition, with before and after.

    The project page loads the latest changes from here with htmx (and links here without
    JavaScript), so the project page itself stays within its query budget.
    """
    project = selectors.project_heading(request.user, slug)
    history = selectors.project_history(project)
    if request.htmx and not request.htmx.history_restore_request:
        response = render(
            request,
            "portfolio/partials/_history_latest.html",
            {"project": project, "entries": history[:HISTORY_ON_PAGE], "total": len(history)},
        )
    else:
        response = render(
            request,
            "portfolio/project_history.html",
            _common(
                page_title=f"History of {project.title}",
                breadcrumbs=[
                    ("Home", reverse("core:home")),
                    ("Projects", reverse("portfolio:project_list")),
                    (project.title, project.get_absolute_url()),
                    ("History", None),
                ],
                project=project,
                entries=history,
            ),
        )
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_POST
def project_move(request, slug):
    project = selectors.project_detail(request.user, slug)
    to_stage = request.POST.get("to_stage", "")
    reason = request.POST.get("reason", "")
    try:
        services.project_transition(
            actor=request.user, project=project, to_stage=to_stage, reason=reason
        )
    except ApplicationError as error:
        if error.field == "reason":
            anchor = f"#reason-{to_stage}"
        elif error.code == "definition_incomplete":
            anchor = "#checklist"
        else:
            anchor = "#stage"
        context = _detail_context(
            request,
            project,
            move_error=error,
            move_errors=[(error.message, anchor)],
            move_to=to_stage,
            move_reason=reason,
        )
        return render(request, "portfolio/project_detail.html", context, status=error.status)
    label = Stage(to_stage).label.lower()
    messages.success(request, f"{project.title} is now {label}.")
    return redirect(project.get_absolute_url() + "#stage")


@login_not_required
def project_pdf(request, slug):
    project = selectors.project_detail(request.user, slug)
    pdf = render_project_pdf(request, project, _pdf_context(project))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{project.slug}-definition.pdf"'
    return response


def _pdf_context(project) -> dict:
    checklist = rules.definition_checklist(project)
    resources = resource_rows(project)
    return _common(
        project=project,
        checklist=checklist,
        resources=resources,
        total_days=sum(row["total_days"] for row in resources),
    )
