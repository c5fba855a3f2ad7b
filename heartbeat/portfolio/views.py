"""The work programme's pages: programme, catalogue, project, its forms, moves and PDF."""

import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.forms.utils import ErrorDict, ErrorList
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from heartbeat.core import registry
from heartbeat.core.exceptions import ApplicationError, Conflict, PermissionDenied
from heartbeat.core.exports import EXPORT_FORMATS, dated_filename, export_response
from heartbeat.core.pagination import paginate
from heartbeat.portfolio import permissions, rules, selectors, services
from heartbeat.portfolio.forms import (
    FIELD_ALIASES,
    ROW_SECTIONS,
    SECTIONS_BY_PREFIX,
    CatalogueFilterForm,
    ProjectForm,
    build_formsets,
    project_initial,
    project_input,
    rows_initial,
    with_row_added,
    with_row_removed,
)
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.pdf import render_project_pdf

PER_PAGE = 25
# The project page shows the latest changes; a link shows them all.
HISTORY_ON_PAGE = 15
CATALOGUE_FORMATS = (*EXPORT_FORMATS, "json")

# The design system's tag colours, one per stage.
STAGE_COLOURS = {
    Stage.PROPOSED: "grey",
    Stage.DEFINED: "blue",
    Stage.APPROVED: "teal",
    Stage.RECRUITING: "purple",
    Stage.IN_DELIVERY: "green",
    Stage.CLOSED: "darkblue",
    Stage.PAUSED: "orange",
    Stage.CANCELLED: "red",
}


# Bar colours for the programme chart, in the design system's palette.
STAGE_CHART_COLOURS = {
    Stage.PROPOSED: "#5e5e5e",
    Stage.DEFINED: "#0065bd",
    Stage.APPROVED: "#00a8c6",
    Stage.RECRUITING: "#6e2c91",
    Stage.IN_DELIVERY: "#428542",
    Stage.CLOSED: "#002d54",
    Stage.PAUSED: "#e5682a",
    Stage.CANCELLED: "#d32205",
}


def _common(**context) -> dict:
    return {"stage_colours": STAGE_COLOURS, "stages": Stage, **context}


# Programme and catalogue -------------------------------------------------------------------


# The programme page lists this many projects under each theme; the catalogue has the rest.
PROJECTS_PER_THEME = 12


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
    page_obj = paginate(selectors.catalogue_page_rows(projects), request, PER_PAGE)
    form = CatalogueFilterForm(
        initial=filters.as_params(), options=selectors.catalogue_options(), user=request.user
    )
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


# Create and edit ---------------------------------------------------------------------------


def _quiet(form, formsets) -> None:
    """Show posted input without judging it (after adding or removing a row)."""
    form._errors = ErrorDict()
    for formset in formsets.values():
        formset._errors = []
        formset._non_form_errors = ErrorList()
        for row in formset.forms:
            row._errors = ErrorDict()


def _summary_errors(formsets) -> list[tuple[str, str]]:
    """Error summary entries for the rows, each linked to its field."""
    items = []
    for section in ROW_SECTIONS:
        formset = formsets[section.prefix]
        items.extend((e, f"#rows-{section.prefix}") for e in formset.non_form_errors())
        for index, row in enumerate(formset.forms):
            items.extend((e, f"#{section.prefix}-{index}") for e in row.non_field_errors())
            for bf in row:
                if bf.is_hidden:
                    items.extend((e, f"#{section.prefix}-{index}") for e in bf.errors)
                else:
                    items.extend((e, f"#{bf.id_for_label}") for e in bf.errors)
    return items


def _attach_error(error: ApplicationError, form, formsets, index_map) -> list[tuple[str, str]]:
    """Put a service's error on the field it names; return summary entries it needs itself."""
    field = error.field or ""
    parts = field.split("-")
    if len(parts) == 3 and parts[0] in formsets and parts[1].isdigit():
        prefix, number, name = parts[0], int(parts[1]), FIELD_ALIASES.get(parts[2], parts[2])
        rows = index_map.get(prefix, [])
        if number < len(rows):
            row = formsets[prefix].forms[rows[number]]
            if name in row.fields and not row.fields[name].widget.is_hidden:
                row.add_error(name, error.message)
            else:
                row.add_error(None, error.message)
            return []
        return [(error.message, f"#rows-{prefix}")]
    if field in formsets:
        return [(error.message, f"#rows-{field}")]
    name = FIELD_ALIASES.get(field, field)
    if name and name in form.fields and not form.fields[name].widget.is_hidden:
        form.add_error(name, error.message)
        return []
    return [(error.message, "#project-form")]


def _changes_since(project, version: int) -> list:
    """History entries of the saves made after the version a person's form was opened at."""
    first_later_save = (
        project.history.filter(version__gt=version)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    if first_later_save is None:
        return []
    return [e for e in selectors.project_history(project) if e.when >= first_later_save]


def _render_form(request, *, form, formsets, project=None, status=200, **extra):
    if project is None:
        title = "Propose a project"
        breadcrumbs = [
            ("Home", reverse("core:home")),
            ("Projects", reverse("portfolio:project_list")),
            (title, None),
        ]
    else:
        title = f"Edit {project.title}"
        breadcrumbs = [
            ("Home", reverse("core:home")),
            ("Projects", reverse("portfolio:project_list")),
            (project.title, project.get_absolute_url()),
            ("Edit", None),
        ]
    context = _common(
        page_title=title,
        breadcrumbs=breadcrumbs,
        form=form,
        formsets=formsets,
        row_sections=ROW_SECTIONS,
        project=project,
        action=request.path,
        **extra,
    )
    context.setdefault("summary_errors", [])
    return render(request, "portfolio/project_form.html", context, status=status)


def _row_action(request, *, project):
    """Add or remove a row and show the form again with everything typed so far."""
    data = request.POST
    prefix = None
    if add := data.get("add_row"):
        if add in SECTIONS_BY_PREFIX:
            prefix = add
            data = with_row_added(data, prefix)
    elif remove := data.get("remove_row"):
        head, _sep, number = remove.rpartition("-")
        if head in SECTIONS_BY_PREFIX and number.isdigit():
            prefix = head
            data = with_row_removed(data, prefix, int(number))
    form = ProjectForm(data, actor=request.user, project=project, editing=project is not None)
    formsets = build_formsets(data=data)
    _quiet(form, formsets)
    if request.htmx and prefix:
        return render(
            request,
            "portfolio/partials/_rows.html",
            {
                "section": SECTIONS_BY_PREFIX[prefix],
                "formset": formsets[prefix],
                "action": request.path,
            },
        )
    return _render_form(request, form=form, formsets=formsets, project=project)


def _save_project(request, *, project):
    if "add_row" in request.POST or "remove_row" in request.POST:
        return _row_action(request, project=project)
    data = request.POST
    form = ProjectForm(data, actor=request.user, project=project, editing=project is not None)
    formsets = build_formsets(data=data)
    valid = form.is_valid()
    valid = all(formset.is_valid() for formset in formsets.values()) and valid
    if not valid:
        return _render_form(
            request,
            form=form,
            formsets=formsets,
            project=project,
            summary_errors=_summary_errors(formsets),
            status=422,
        )
    project_data, index_map = project_input(form, formsets)
    try:
        if project is None:
            saved = services.project_create(actor=request.user, data=project_data)
        else:
            saved = services.project_update(
                actor=request.user,
                project=project,
                data=project_data,
                expected_version=form.cleaned_data["version"],
            )
    except PermissionDenied as error:
        raise DjangoPermissionDenied(error.message) from error
    except Conflict as error:
        opened_version = form.cleaned_data["version"]
        # Keep every word they typed; take the new version so saving again keeps theirs.
        data = data.copy()
        data["version"] = str(error.extra.get("current_version", ""))
        form = ProjectForm(data, actor=request.user, project=project, editing=True)
        formsets = build_formsets(data=data)
        _quiet(form, formsets)
        return _render_form(
            request,
            form=form,
            formsets=formsets,
            project=project,
            conflict=error,
            conflict_changes=_changes_since(project, opened_version),
            summary_errors=[(error.message, "#conflict")],
            status=409,
        )
    except ApplicationError as error:
        extra = _attach_error(error, form, formsets, index_map)
        return _render_form(
            request,
            form=form,
            formsets=formsets,
            project=project,
            summary_errors=_summary_errors(formsets) + extra,
            status=error.status if 400 <= error.status < 500 else 400,
        )
    if project is None:
        messages.success(request, f"{saved.title} has been proposed.")
    else:
        messages.success(request, f"Your changes to {saved.title} have been saved.")
    return redirect(saved.get_absolute_url())


def project_create(request):
    if not permissions.can_create_project(request.user):
        raise DjangoPermissionDenied(
            "Only the programme office, organisation leads and project leads can propose projects."
        )
    if request.method == "POST":
        return _save_project(request, project=None)
    form = ProjectForm(actor=request.user, editing=False)
    return _render_form(request, form=form, formsets=build_formsets())


def project_edit(request, slug):
    project = selectors.project_detail(request.user, slug)
    if not permissions.can_edit_project(request.user, project):
        raise DjangoPermissionDenied("Only the project's lead or the programme office can edit it.")
    if request.method == "POST":
        return _save_project(request, project=project)
    form = ProjectForm(
        initial=project_initial(project), actor=request.user, project=project, editing=True
    )
    formsets = build_formsets(initial=rows_initial(project))
    return _render_form(request, form=form, formsets=formsets, project=project)
