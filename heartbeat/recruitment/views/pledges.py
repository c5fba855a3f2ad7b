"""Pledge forms: make, see, change and withdraw a pledge."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.formatting import uk_month
from heartbeat.core.keptpages import kept_page
from heartbeat.core.months import month_range
from heartbeat.portfolio.models import ResourceRequirement
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


def _load(people, requirement) -> list[tuple]:
    """Each person with the days they are already pledged in each month of the need, for
    the pledge form (2 queries)."""
    months = month_range(requirement.start_month, requirement.end_month)
    loads = selectors.people_load(people, months)
    return [(person, loads[person.pk]) for person in people]


def pledge_create(request, requirement_id: int):
    requirement = get_object_or_404(
        ResourceRequirement.objects.visible_to(request.user).select_related("project", "skill"),
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
    refusal = services.pledge_refusal(project)
    if refusal is not None:
        # Only a stale link leads here: the project page offers no pledge now.
        context["refusal"] = refusal
        return render(request, "recruitment/pledge_form.html", context, status=refusal.status)
    people = _people(organisation)
    context["load"] = _load(people, requirement)
    form = PledgeForm(
        request.POST or None,
        initial=PledgeForm.initial_for_need(requirement),
        requirement=requirement,
        people=people,
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


def _pledge_title(pledge) -> str:
    """Fife's pledge of Morag Reid to Housing repairs online: one pledge's own name."""
    return f"{pledge.organisation}'s pledge of {pledge.who} to {pledge.requirement.project.title}"


@kept_page
def pledge_detail(request, pk: int):
    pledge = selectors.pledge_detail(request.user, pk)
    project = pledge.requirement.project
    return render(
        request,
        "recruitment/pledge_detail.html",
        {
            "page_title": _pledge_title(pledge),
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
    people = _people(pledge.organisation)
    form = PledgeForm(
        request.POST or None,
        initial=PledgeForm.initial_for(pledge),
        requirement=requirement,
        people=people,
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
            "page_title": f"Change {_pledge_title(pledge)}",
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
            "load": _load(people, requirement),
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
            "page_title": f"Withdraw {_pledge_title(pledge)}",
            "breadcrumbs": [
                (pledge.requirement.project.title, pledge.requirement.project.get_absolute_url()),
                ("Pledge", reverse("recruitment:pledge_detail", args=[pledge.pk])),
                ("Withdraw", None),
            ],
            "pledge": pledge,
            "form": form,
            "summary": [
                ("Organisation", pledge.organisation.name),
                ("Who", pledge.who),
                ("Need", pledge.requirement.skill.name),
                ("Days a month", f"{pledge.days_per_month:g}"),
                ("Months", f"{uk_month(pledge.start_month)} to {uk_month(pledge.end_month)}"),
            ],
            "confirm_label": "Yes, withdraw the pledge",
            "back_url": reverse("recruitment:pledge_detail", args=[pledge.pk]),
        },
        status=422 if form.errors else 200,
    )
