"""An organisation's declared capacity against its pledges."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.months import parse_month
from heartbeat.partnership.models import Organisation
from heartbeat.recruitment import permissions, selectors, services
from heartbeat.recruitment.forms import CapacityForm
from heartbeat.recruitment.models import OrganisationCapacity
from heartbeat.recruitment.views.base import _require, _show_error

# Capacity ----------------------------------------------------------------------------------


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


@require_POST
def capacity_remove(request, slug: str, pk: int):
    organisation = get_object_or_404(Organisation, slug=slug)
    capacity = get_object_or_404(OrganisationCapacity, organisation=organisation, pk=pk)
    _require(permissions.can_declare_capacity(request.user, organisation))
    services.capacity_remove(actor=request.user, capacity=capacity)
    messages.success(request, "The declaration has been removed.")
    return redirect("recruitment:capacity_for", slug=organisation.slug)
