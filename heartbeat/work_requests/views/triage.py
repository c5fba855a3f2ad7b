"""Triage by the programme office, and giving an accepted request its project."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.portfolio.models import Project
from heartbeat.work_requests import permissions, rules, selectors, services
from heartbeat.work_requests.forms import (
    LinkProjectForm,
    TriageForm,
)
from heartbeat.work_requests.models import (
    State,
    WorkRequest,
)
from heartbeat.work_requests.views.base import (
    breadcrumbs,
    common,
    require,
    show_error,
)

# Triage ------------------------------------------------------------------------------------


def _triage_field(error: ApplicationError) -> str | None:
    """The triage form's field for a service's error (the new project's own errors come as
    new_<field>; those the form has no field for sit with the title)."""
    field = error.field or None
    if field and field.startswith("new_") and field not in ("new_title", "new_summary"):
        return "new_title"
    return field


def triage(request, pk: int):
    work_request = selectors.request_detail(request.user, pk)
    require(permissions.can_triage(request.user), "Only the programme office triages requests.")
    moves = rules.moves_from(work_request.state)
    projects = selectors.open_projects() if work_request.state == State.UNDER_REVIEW else []
    defaults = services.new_project_defaults(work_request)
    form = TriageForm(
        request.POST or None,
        initial={
            "version": work_request.version,
            "new_title": defaults.title,
            "new_summary": defaults.summary,
            "accept_as": "new",
        },
        moves=moves,
        projects=projects,
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        to_state = data["to_state"]
        kwargs = {}
        try:
            if to_state == State.DUPLICATE and data.get("duplicate_of"):
                original = WorkRequest.objects.filter(pk=data["duplicate_of"]).first()
                if original is None:
                    raise ApplicationError(
                        f"There is no request WR-{data['duplicate_of']:04d}.", field="duplicate_of"
                    )
                kwargs["duplicate_of"] = original
            if to_state == State.ACCEPTED:
                accept_as = data.get("accept_as") or ""
                if accept_as == "new":
                    kwargs["new_project"] = form.new_project()
                elif accept_as == "existing":
                    if not data.get("project"):
                        raise ApplicationError("Choose the project to link.", field="project")
                    kwargs["project"] = Project.objects.get(pk=data["project"])
                elif accept_as != "later":
                    raise ApplicationError(
                        "Choose how the request becomes a project.", field="accept_as"
                    )
            services.work_request_triage(
                actor=request.user,
                work_request=work_request,
                to_state=to_state,
                expected_version=data["version"],
                reason=data.get("reason", ""),
                **kwargs,
            )
        except Conflict as error:
            conflict = True
            form.data = form.data.copy()
            form.data["version"] = str(error.extra.get("current_version", ""))
            form.add_error(None, error.message)
        except ApplicationError as error:
            show_error(form, error, _triage_field(error))
        else:
            updated = WorkRequest.objects.select_related("project").get(pk=pk)
            message = f"{updated.reference} is now {updated.get_state_display().lower()}."
            if updated.project is not None:
                message += f" Its project is {updated.project.title}."
            messages.success(request, message)
            return redirect(updated.get_absolute_url())
    return render(
        request,
        "work_requests/triage.html",
        common(
            page_title=f"Triage {work_request.reference}",
            breadcrumbs=breadcrumbs(
                (work_request.reference, work_request.get_absolute_url()), ("Triage", None)
            ),
            work_request=work_request,
            form=form,
            moves=moves,
            conflict=conflict,
        ),
        status=(409 if conflict else 422) if form.errors else 200,
    )


def link_project(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    require(permissions.can_link_project(request.user, work_request))
    defaults = services.new_project_defaults(work_request)
    form = LinkProjectForm(
        request.POST or None,
        initial={
            "version": work_request.version,
            "new_title": defaults.title,
            "new_summary": defaults.summary,
            "accept_as": "new",
        },
        projects=selectors.open_projects(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["accept_as"] == "existing":
                if not data.get("project"):
                    raise ApplicationError("Choose the project to link.", field="project")
                kwargs = {"project": Project.objects.get(pk=data["project"])}
            else:
                kwargs = {"new_project": form.new_project()}
            services.work_request_link_project(
                actor=request.user,
                work_request=work_request,
                expected_version=data["version"],
                **kwargs,
            )
        except ApplicationError as error:
            show_error(form, error, _triage_field(error))
        else:
            messages.success(request, f"{work_request.reference} now has its project.")
            return redirect(work_request.get_absolute_url())
    return render(
        request,
        "work_requests/link_project.html",
        common(
            page_title=f"Give {work_request.reference} its project",
            breadcrumbs=breadcrumbs(
                (work_request.reference, work_request.get_absolute_url()), ("Project", None)
            ),
            work_request=work_request,
            form=form,
        ),
        status=422 if form.errors else 200,
    )
