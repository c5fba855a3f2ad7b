"""Propose and edit a project: the form with its repeatable rows."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.forms.utils import ErrorDict, ErrorList
from django.shortcuts import redirect, render
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError, Conflict, PermissionDenied
from heartbeat.portfolio import permissions, selectors, services
from heartbeat.portfolio.forms import (
    FIELD_ALIASES,
    ROW_SECTIONS,
    SECTIONS_BY_PREFIX,
    ProjectForm,
    build_formsets,
    project_initial,
    project_input,
    rows_initial,
    with_row_added,
    with_row_removed,
)
from heartbeat.portfolio.views.base import _common

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


def _changes_since(project, version: int, user) -> list:
    """History entries of the saves made after the version a person's form was opened at."""
    first_later_save = (
        project.history.filter(version__gt=version)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    if first_later_save is None:
        return []
    return [e for e in selectors.project_history(project, user) if e.when >= first_later_save]


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


def _focus_after_row_change(section, formset, removed: int | None) -> dict:
    """Where focus goes after a row is added (the new row's first field) or removed (the
    row before it, or the section's heading), and the words that announce the change."""
    rows = formset.forms
    if removed is None:
        target = rows[-1] if rows else None
        message = f"{section.row_label} {len(rows)} added."
    else:
        target = rows[removed - 1] if 0 < removed <= len(rows) else None
        message = f"{section.row_label} {removed + 1} removed."
    fields = target.visible_fields() if target is not None else []
    if fields:
        fields[0].field.widget.attrs["autofocus"] = True
    return {"prefix": section.prefix, "focus_heading": not fields, "message": message}


def _row_action(request, *, project):
    """Add or remove a row and show the form again with everything typed so far."""
    data = request.POST
    prefix = None
    removed = None
    if add := data.get("add_row"):
        if add in SECTIONS_BY_PREFIX:
            prefix = add
            data = with_row_added(data, prefix)
    elif remove := data.get("remove_row"):
        head, _sep, number = remove.rpartition("-")
        if head in SECTIONS_BY_PREFIX and number.isdigit():
            prefix, removed = head, int(number)
            data = with_row_removed(data, prefix, removed)
    form = ProjectForm(data, actor=request.user, project=project, editing=project is not None)
    formsets = build_formsets(data=data)
    _quiet(form, formsets)
    change = None
    if prefix:
        change = _focus_after_row_change(SECTIONS_BY_PREFIX[prefix], formsets[prefix], removed)
    if request.htmx and prefix:
        return render(
            request,
            "portfolio/partials/_rows.html",
            {
                "section": SECTIONS_BY_PREFIX[prefix],
                "formset": formsets[prefix],
                "action": request.path,
                "row_change": change,
                "announce_out_of_band": True,
            },
        )
    return _render_form(request, form=form, formsets=formsets, project=project, row_change=change)


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
            conflict_changes=_changes_since(project, opened_version, request.user),
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
    # A new project is led by the proposer's organisation unless they choose another.
    organisation = request.user.organisation
    initial = {"lead_organisation": organisation.pk} if organisation and organisation.active else {}
    form = ProjectForm(initial=initial, actor=request.user, editing=False)
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
