"""An organisation's declared capacity against its pledges."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.formatting import uk_month
from heartbeat.core.keptpages import kept_page
from heartbeat.core.months import parse_month
from heartbeat.partnership.models import Organisation
from heartbeat.recruitment import permissions, selectors, services
from heartbeat.recruitment.forms import CapacityForm
from heartbeat.recruitment.models import OrganisationCapacity
from heartbeat.recruitment.views.base import _require, _show_error

# Capacity ----------------------------------------------------------------------------------


@kept_page
def capacity(request, slug: str | None = None):
    user = request.user
    if slug is None:
        if user.organisation_id is None:
            raise Http404
        return redirect("recruitment:capacity_for", slug=user.organisation.slug)
    organisation = get_object_or_404(Organisation, slug=slug)
    _require(permissions.can_view_capacity(user, organisation))
    can_declare = permissions.can_declare_capacity(user, organisation)
    form = CapacityForm(request.POST or None) if can_declare else None
    if request.method == "POST":
        _require(can_declare)
        if form.is_valid():
            try:
                services.capacity_declare(
                    actor=user, organisation=organisation, **form.cleaned_data
                )
            except ApplicationError as error:
                _show_error(form, error)
            else:
                messages.success(request, "The capacity has been declared.")
                return redirect("recruitment:capacity_for", slug=organisation.slug)
    from_month = parse_month(request.GET.get("from", "")) or None
    view = selectors.organisation_capacity(organisation, from_month=from_month)
    return render(
        request,
        "recruitment/capacity.html",
        {
            "page_title": f"{organisation}: capacity for the partnership",
            "breadcrumbs": [("Home", "/"), ("Capacity", None)],
            "organisation": organisation,
            "view": view,
            "form": form,
            "can_declare": can_declare,
            "pledges": selectors.own_pledges(organisation),
        },
        status=422 if form is not None and form.errors else 200,
    )


def _declaration(request, slug: str, pk: int):
    """The declaration and its organisation, for those who may change it (404, then 403)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    capacity = get_object_or_404(
        OrganisationCapacity.objects.select_related("organisation"),
        organisation=organisation,
        pk=pk,
    )
    _require(permissions.can_view_capacity(request.user, organisation))
    _require(permissions.can_declare_capacity(request.user, organisation))
    return organisation, capacity


def _declaration_name(capacity) -> str:
    period = f"{uk_month(capacity.start_month)} to {uk_month(capacity.end_month)}"
    return f"{capacity.days_per_month:g} days a month, {period}"


def _breadcrumbs(organisation, last: str) -> list:
    return [
        ("Home", "/"),
        ("Capacity", reverse("recruitment:capacity_for", args=[organisation.slug])),
        (last, None),
    ]


def capacity_edit(request, slug: str, pk: int):
    """Change a declaration: its days, months or note (409 if someone changed it first)."""
    organisation, capacity = _declaration(request, slug, pk)
    form = CapacityForm(
        request.POST or None,
        initial={
            "days_per_month": capacity.days_per_month,
            "start_month": capacity.start_month.strftime("%Y-%m"),
            "end_month": capacity.end_month.strftime("%Y-%m"),
            "note": capacity.note,
            "version": capacity.version,
        },
        with_version=True,
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.capacity_update(
                actor=request.user, capacity=capacity, expected_version=version, **data
            )
        except Conflict as error:
            # Keep what the person typed; saving again applies it over the new version.
            conflict = True
            capacity.refresh_from_db()
            form.data = form.data.copy()
            form.data["version"] = str(error.extra.get("current_version", capacity.version))
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, "The declaration has been changed.")
            return redirect("recruitment:capacity_for", slug=organisation.slug)
    return render(
        request,
        "recruitment/capacity_edit.html",
        {
            "page_title": f"Change {organisation}'s declared capacity",
            "breadcrumbs": _breadcrumbs(organisation, "Change a declaration"),
            "organisation": organisation,
            "capacity": capacity,
            "conflict": conflict,
            "form": form,
        },
        status=(409 if conflict else 422) if form.errors else 200,
    )


def capacity_remove(request, slug: str, pk: int):
    """Remove a declaration, after a page of its own that asks to confirm."""
    organisation, capacity = _declaration(request, slug, pk)
    back = reverse("recruitment:capacity_for", args=[organisation.slug])
    errors = []
    if request.method == "POST":
        version = request.POST.get("version", "")
        try:
            services.capacity_remove(
                actor=request.user,
                capacity=capacity,
                expected_version=int(version) if version.isdigit() else None,
            )
        except ApplicationError as error:
            errors = [(error.message, "#confirm-form")]
            capacity.refresh_from_db()
        else:
            messages.success(request, "The declaration has been removed.")
            return redirect(back)
    return render(
        request,
        "confirm.html",
        {
            "page_title": f"Remove {organisation}'s declaration of {_declaration_name(capacity)}?",
            "breadcrumbs": _breadcrumbs(organisation, "Remove a declaration"),
            "summary": [
                ("Organisation", organisation.name),
                ("Days a month", f"{capacity.days_per_month:g}"),
                ("Months", f"{uk_month(capacity.start_month)} to {uk_month(capacity.end_month)}"),
                ("Note", capacity.note),
            ],
            "consequences": [
                f"{organisation} will have no declared capacity for these months, so its "
                "pledges there show as not declared.",
                "The declaration stays in the history of changes.",
            ],
            "summary_errors": errors,
            "hidden": {"version": capacity.version},
            "confirm_label": "Yes, remove the declaration",
            "back_url": back,
        },
        status=409 if errors else 200,
    )
