"""A project's milestones: the list with its add form, a milestone's page, baselines."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, PermissionDenied
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.delivery import permissions, services
from heartbeat.delivery.forms import BaselineForm, MilestoneForm
from heartbeat.delivery.selectors import project as project_selectors
from heartbeat.delivery.services.milestones import APPROVED_STAGES
from heartbeat.delivery.views.common import (
    attach_error,
    error_status,
    project_breadcrumbs,
    reporting_project,
)
from heartbeat.portfolio.models import AnticipatedProduct

STATUS_COLOURS = {
    "not_started": "grey",
    "on_track": "green",
    "at_risk": "orange",
    "complete": "blue",
    "dropped": "grey",
}


def _list_context(request, project, *, form=None, summary_errors=(), status=200):
    milestones = project_selectors.project_milestones(project)
    can_report = permissions.can_report_on(request.user, project)
    products = []
    if can_report:
        products = list(
            AnticipatedProduct.objects.filter(project=project, milestones__isnull=True).order_by(
                "order", "pk"
            )
        )
    return render(
        request,
        "delivery/milestone_list.html",
        {
            "page_title": f"Milestones: {project.title}",
            "breadcrumbs": project_breadcrumbs(project, ("Milestones", None)),
            "project": project,
            "milestones": milestones,
            "can_report": can_report,
            "form": form if form is not None else (MilestoneForm() if can_report else None),
            "products": products,
            "unbaselined": [m for m in milestones if m.baseline_date is None and m.is_open],
            "approved": project.stage in APPROVED_STAGES,
            "status_colours": STATUS_COLOURS,
            "summary_errors": list(summary_errors),
            "today": timezone.localdate(),
        },
        status=status,
    )


def _export(project, milestones, fmt):
    headers = [
        "Milestone",
        "Status",
        "Baseline date",
        "Forecast date",
        "Actual date",
        "Slippage (days)",
        "From product",
        "Forecast changes",
    ]
    rows = [
        [
            m.name,
            m.get_status_display(),
            m.baseline_date,
            m.forecast_date,
            m.actual_date,
            m.slippage_days,
            m.product.name if m.product else "",
            len([c for c in m.changes.all() if c.field == "forecast"]),
        ]
        for m in milestones
    ]
    return export_response(
        fmt, filename=f"{project.slug}-milestones", headers=headers, rows=rows, title="Milestones"
    )


@kept_page
@login_not_required
def milestone_list(request, slug):
    project = project_selectors.project_for(request.user, slug)
    if request.method == "POST":
        project = reporting_project(request, slug)
        form = MilestoneForm(request.POST)
        if not form.is_valid():
            return _list_context(request, project, form=form, status=422)
        try:
            milestone = services.milestone_create(
                actor=request.user, project=project, data=form.to_input()
            )
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error
        except ApplicationError as error:
            summary = attach_error(form, error, anchor="#add-milestone")
            return _list_context(
                request, project, form=form, summary_errors=summary, status=error_status(error)
            )
        messages.success(request, f"{milestone.name} has been added.")
        return redirect(reverse("delivery:milestone_list", args=[project.slug]) + "#milestones")
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return _export(project, project_selectors.project_milestones(project), fmt)
    return _list_context(request, project)


@login_not_required
def milestone_edit(request, slug, pk):
    project = project_selectors.project_for(request.user, slug)
    milestone = project_selectors.milestone_for(request.user, project, pk)
    can_report = permissions.can_report_on(request.user, project)
    summary_errors, status = [], 200
    form = None
    if request.method == "POST":
        project = reporting_project(request, slug)
        form = MilestoneForm(request.POST)
        if form.is_valid():
            try:
                services.milestone_update(
                    actor=request.user,
                    milestone=milestone,
                    data=form.to_input(),
                    expected_version=form.cleaned_data.get("version") or 0,
                )
            except PermissionDenied as error:
                raise DjangoPermissionDenied(error.message) from error
            except ApplicationError as error:
                summary_errors = attach_error(form, error, anchor="#milestone-form")
                status = error_status(error)
            else:
                messages.success(request, f"{milestone.name} has been saved.")
                return redirect("delivery:milestone_edit", project.slug, milestone.pk)
        else:
            status = 422
    elif can_report:
        form = MilestoneForm(
            initial={
                "name": milestone.name,
                "description": milestone.description,
                "forecast_date": milestone.forecast_date,
                "status": milestone.status,
                "actual_date": milestone.actual_date,
                "version": milestone.version,
            }
        )
    baseline_form = None
    if permissions.can_change_baseline(
        request.user, project, has_baseline=milestone.baseline_date is not None
    ):
        baseline_form = BaselineForm(
            initial={"baseline_date": milestone.baseline_date or milestone.forecast_date}
        )
    return render(
        request,
        "delivery/milestone_detail.html",
        {
            "page_title": f"{milestone.name}: {project.title}",
            "breadcrumbs": project_breadcrumbs(
                project,
                ("Milestones", reverse("delivery:milestone_list", args=[project.slug])),
                (milestone.name, None),
            ),
            "project": project,
            "milestone": milestone,
            "form": form,
            "baseline_form": baseline_form,
            "summary_errors": summary_errors,
            "status_colours": STATUS_COLOURS,
        },
        status=status,
    )


@require_POST
def milestone_baseline(request, slug, pk):
    project = reporting_project(request, slug)
    milestone = project_selectors.milestone_for(request.user, project, pk)
    form = BaselineForm(request.POST)
    if form.is_valid():
        try:
            services.milestone_set_baseline(
                actor=request.user,
                milestone=milestone,
                baseline_date=form.cleaned_data["baseline_date"],
                reason=form.cleaned_data.get("reason") or "",
            )
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"The baseline of {milestone.name} has been set.")
    else:
        messages.error(request, next(iter(form.errors.values()))[0])
    return redirect("delivery:milestone_edit", project.slug, milestone.pk)


@require_POST
def milestones_baseline(request, slug):
    project = reporting_project(request, slug)
    try:
        count = services.milestones_take_baseline(actor=request.user, project=project)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"Baselines set for {count} milestone{'s' if count != 1 else ''}."
        )
    return redirect(reverse("delivery:milestone_list", args=[project.slug]) + "#milestones")


@require_POST
def milestone_from_product(request, slug):
    project = reporting_project(request, slug)
    try:
        product_id = int(request.POST.get("product", ""))
    except ValueError:
        product_id = 0
    product = get_object_or_404(AnticipatedProduct, pk=product_id, project=project)
    try:
        milestone = services.milestone_from_product(actor=request.user, product=product)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{milestone.name} is now a milestone.")
    return redirect(reverse("delivery:milestone_list", args=[project.slug]) + "#milestones")
