"""Pledge forms: make, see, change and withdraw a pledge."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.portfolio.models import Project, ResourceRequirement
from heartbeat.portfolio.permissions import is_programme_office
from heartbeat.recruitment import permissions, selectors, services
from heartbeat.recruitment.forms import PledgeForm, WithdrawForm
from heartbeat.recruitment.views.base import (
    _acting_organisation,
    _organisations_for_office,
    _require,
    _show_error,
)

# Pledges -----------------------------------------------------------------------------------


def _people(organisation):
    from heartbeat.accounts.models import User

    return list(
        User.objects.filter(organisation=organisation, is_active=True).only(
            "pk", "full_name", "email", "job_title"
        )
    )


def pledge_create(request, requirement_id: int):
    requirement = get_object_or_404(
        ResourceRequirement.objects.select_related("project", "skill").filter(
            project__in=Project.objects.visible_to(request.user)
        ),
        pk=requirement_id,
    )
    project = requirement.project
    user = request.user
    _require(permissions.can_act_for_an_organisation(user))
    organisation = _acting_organisation(request)
    context = {
        "page_title": f"Pledge a {requirement.skill.name.lower()} to {project.title}",
        "breadcrumbs": [
            ("Projects", reverse("portfolio:project_list")),
            (project.title, project.get_absolute_url()),
            ("Pledge", None),
        ],
        "project": project,
        "requirement": requirement,
        "organisations": _organisations_for_office(request),
        "organisation": organisation,
    }
    if is_programme_office(user) and not (
        request.GET.get("organisation") or request.POST.get("organisation")
    ):
        # The programme office first chooses which organisation it pledges for.
        return render(request, "recruitment/pledge_choose_organisation.html", context)
    _require(permissions.can_pledge(user, organisation))
    form = PledgeForm(
        request.POST or None,
        initial=PledgeForm.initial_for_need(requirement),
        requirement=requirement,
        people=_people(organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pledge = services.pledge_create(
                actor=user, requirement=requirement, organisation=organisation, data=form.to_input()
            )
        except ApplicationError as error:
            _show_error(form, error, form.field_for(error.field))
        else:
            messages.success(
                request, f"{organisation} has pledged {pledge.who} to {project.title}. Thank you."
            )
            return redirect(project.get_absolute_url() + "#coverage")
    context["form"] = form
    return render(
        request, "recruitment/pledge_form.html", context, status=422 if form.errors else 200
    )


def pledge_detail(request, pk: int):
    pledge = selectors.pledge_detail(request.user, pk)
    project = pledge.requirement.project
    return render(
        request,
        "recruitment/pledge_detail.html",
        {
            "page_title": f"Pledge by {pledge.organisation}",
            "breadcrumbs": [
                ("Projects", reverse("portfolio:project_list")),
                (project.title, project.get_absolute_url()),
                ("Pledge", None),
            ],
            "pledge": pledge,
            "project": project,
            "history": selectors.pledge_history(pledge),
            "can_change": permissions.can_change_pledge(request.user, pledge),
        },
    )


def pledge_edit(request, pk: int):
    pledge = selectors.pledge_detail(request.user, pk)
    _require(permissions.can_change_pledge(request.user, pledge))
    requirement, project = pledge.requirement, pledge.requirement.project
    form = PledgeForm(
        request.POST or None,
        initial=PledgeForm.initial_for(pledge),
        requirement=requirement,
        people=_people(pledge.organisation),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_update(
                actor=request.user,
                pledge=pledge,
                data=form.to_input(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except Conflict as error:
            # Keep what the person typed; show the saved pledge beside it.
            conflict = selectors.pledge_detail(request.user, pk)
            form.data = form.data.copy()
            form.data["version"] = str(conflict.version)
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error, form.field_for(error.field))
        else:
            messages.success(request, "The pledge has been changed.")
            return redirect("recruitment:pledge_detail", pk=pledge.pk)
    return render(
        request,
        "recruitment/pledge_form.html",
        {
            "page_title": "Change the pledge",
            "breadcrumbs": [
                (project.title, project.get_absolute_url()),
                ("Pledge", reverse("recruitment:pledge_detail", args=[pledge.pk])),
                ("Change", None),
            ],
            "project": project,
            "requirement": requirement,
            "organisation": pledge.organisation,
            "pledge": pledge,
            "conflict": conflict,
            "form": form,
        },
        status=(409 if conflict else 422) if form.errors else 200,
    )


def pledge_withdraw(request, pk: int):
    pledge = selectors.pledge_detail(request.user, pk)
    _require(permissions.can_change_pledge(request.user, pledge))
    form = WithdrawForm(request.POST or None, initial={"version": pledge.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_withdraw(
                actor=request.user,
                pledge=pledge,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, "The pledge has been withdrawn. It stays on record.")
            return redirect(pledge.requirement.project.get_absolute_url() + "#coverage")
    return render(
        request,
        "recruitment/pledge_withdraw.html",
        {
            "page_title": "Withdraw the pledge",
            "breadcrumbs": [
                (pledge.requirement.project.title, pledge.requirement.project.get_absolute_url()),
                ("Pledge", reverse("recruitment:pledge_detail", args=[pledge.pk])),
                ("Withdraw", None),
            ],
            "pledge": pledge,
            "form": form,
        },
        status=422 if form.errors else 200,
    )
