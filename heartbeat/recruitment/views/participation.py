"""An organisation joins, commits to or withdraws from a project."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError
from heartbeat.portfolio.models import Project
from heartbeat.recruitment import permissions, selectors, services
from heartbeat.recruitment.forms import ParticipationForm
from heartbeat.recruitment.models import Participation, ParticipationRole, ParticipationStatus
from heartbeat.recruitment.views.base import (
    _acting_organisation,
    _organisations_for_office,
    _require,
    _show_error,
)

# Participation -----------------------------------------------------------------------------


def _project(request, slug: str) -> Project:
    return get_object_or_404(
        Project.objects.visible_to(request.user).select_related("lead_organisation"), slug=slug
    )


def participation(request, slug: str):
    project = _project(request, slug)
    organisation = _acting_organisation(request)
    _require(permissions.can_manage_participation(request.user, organisation))
    current = Participation.objects.filter(project=project, organisation=organisation).first()
    initial = {
        "status": current.status if current else "",
        "role": current.role
        if current
        else (
            ParticipationRole.LEAD
            if project.lead_organisation_id == organisation.pk
            else ParticipationRole.PARTICIPANT
        ),
    }
    data = request.POST if request.method == "POST" else None
    if data is not None and "role" not in data:
        # The quick buttons on the project page send only the status.
        data = data.copy()
        data["role"] = initial["role"]
    form = ParticipationForm(data, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.participation_set(
                actor=request.user, project=project, organisation=organisation, **form.cleaned_data
            )
        except ApplicationError as error:
            _show_error(form, error)
        else:
            status = ParticipationStatus(form.cleaned_data["status"]).label.lower()
            messages.success(request, f"{organisation} is now {status} on {project.title}.")
            return redirect(project.get_absolute_url() + "#participants")
    return render(
        request,
        "recruitment/participation_form.html",
        {
            "page_title": f"{organisation} and {project.title}",
            "breadcrumbs": [
                ("Projects", reverse("portfolio:project_list")),
                (project.title, project.get_absolute_url()),
                ("Participation", None),
            ],
            "project": project,
            "organisation": organisation,
            "current": current,
            "history": selectors.participation_history(current),
            "form": form,
            "organisations": _organisations_for_office(request),
        },
        status=422 if form.errors else 200,
    )
