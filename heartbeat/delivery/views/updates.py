"""A project's updates: the history, one update with its versions, the form, corrections."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict, PermissionDenied
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.delivery import permissions, services
from heartbeat.delivery.cadence import Period, period_containing, period_starting
from heartbeat.delivery.forms import CadenceForm, CorrectionForm, UpdateForm
from heartbeat.delivery.models import UpdateStatus
from heartbeat.delivery.scales import DIMENSIONS, RATING_COLOURS, level_for, scale_for
from heartbeat.delivery.selectors import project as project_selectors
from heartbeat.delivery.views.common import (
    attach_error,
    error_status,
    project_breadcrumbs,
    reporting_project,
)
from heartbeat.recruitment.selectors import project_coverage

PERIODS_OFFERED = 6


def _common(**context) -> dict:
    return {
        "level_for": level_for,
        "rating_colours": RATING_COLOURS,
        "dimensions": DIMENSIONS,
        **context,
    }


def _export_rows(history) -> tuple[list[str], list[list]]:
    headers = [
        "Period",
        "Period start",
        "Version",
        "Status",
        "Confidence",
        "Percent complete",
        "Schedule",
        "Cost",
        "Resources",
        "Benefits",
        "Risk",
        "Summary",
        "Achievements",
        "Next steps",
        "Decisions needed",
        "Correction reason",
        "Submitted on",
        "Submitted by",
    ]
    rows = []
    for group in history:
        for update in group.versions:
            level = level_for(update.confidence)
            rows.append(
                [
                    group.period.label,
                    update.period_start,
                    "Original"
                    if update.correction_number == 0
                    else f"Correction {update.correction_number}",
                    update.get_status_display(),
                    level.label if level else "",
                    update.percent_complete,
                    *(getattr(update, name) for name, _ in DIMENSIONS),
                    update.summary,
                    update.achievements,
                    update.next_steps,
                    update.decisions_needed,
                    update.correction_reason,
                    timezone.localtime(update.submitted_at).replace(tzinfo=None)
                    if update.submitted_at
                    else None,
                    update.submitted_by.display_name if update.submitted_by else "",
                ]
            )
    return headers, rows


@kept_page
@login_not_required
def update_list(request, slug):
    project = project_selectors.project_for(request.user, slug)
    history = project_selectors.update_history(request.user, project)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        headers, rows = _export_rows(history)
        return export_response(
            fmt, filename=f"{project.slug}-updates", headers=headers, rows=rows, title="Updates"
        )
    today = timezone.localdate()
    delivery = project_selectors.project_delivery(request.user, project, today=today)
    can_report = permissions.can_report_on(request.user, project)
    cadence_form = None
    if permissions.can_set_project_cadence(request.user):
        cadence_form = CadenceForm(initial={"cadence": _own_cadence(project)})
    return render(
        request,
        "delivery/update_list.html",
        _common(
            page_title=f"Updates: {project.title}",
            breadcrumbs=project_breadcrumbs(project, ("Updates", None)),
            project=project,
            history=history,
            delivery=delivery,
            can_report=can_report and project.stage in services.updates.REPORTING_STAGES,
            cadence_form=cadence_form,
        ),
    )


def _own_cadence(project) -> str:
    from heartbeat.delivery.models import ProjectCadence

    return (
        ProjectCadence.objects.filter(project=project).values_list("cadence", flat=True).first()
        or ""
    )


@kept_page
@login_not_required
def update_detail(request, slug, pk):
    project = project_selectors.project_for(request.user, slug)
    update, versions = project_selectors.update_detail(request.user, project, pk)
    period = update.period
    return render(
        request,
        "delivery/update_detail.html",
        _common(
            page_title=f"Update for {period.label}: {project.title}",
            breadcrumbs=project_breadcrumbs(
                project,
                ("Updates", reverse("delivery:update_list", args=[project.slug])),
                (Period(update.period_start, update.period_end, update.cadence).label, None),
            ),
            project=project,
            update=update,
            period=Period(update.period_start, update.period_end, update.cadence),
            versions=versions,
            can_report=permissions.can_report_on(request.user, project),
        ),
    )


def _periods(project, today) -> list[Period]:
    """The periods offered: this one and the few before it, newest first."""
    cadence = project.reporting_cadence
    current = period_containing(cadence, today)
    periods = [current]
    while len(periods) < PERIODS_OFFERED:
        periods.append(periods[-1].previous())
    return periods


def _form_context(
    request,
    project,
    form,
    *,
    today,
    period=None,
    draft=None,
    status=200,
    summary_errors=(),
    last=None,
    conflict=None,
    delivery=None,
):
    delivery = delivery or project_selectors.project_delivery(request.user, project, today=today)
    coverage = project_coverage(project)
    title = "Write an update" if draft is None else "Edit the draft update"
    return render(
        request,
        "delivery/update_form.html",
        _common(
            page_title=f"{title}: {project.title}",
            heading=title,
            breadcrumbs=project_breadcrumbs(
                project,
                ("Updates", reverse("delivery:update_list", args=[project.slug])),
                (title, None),
            ),
            project=project,
            form=form,
            scale=form.scale,
            draft=draft,
            period=period,
            last=last,
            delivery=delivery,
            coverage=coverage,
            summary_errors=list(summary_errors),
            conflict=conflict,
            action=request.get_full_path(),
        ),
        status=status,
    )


def _initial_from(last) -> dict:
    """The form starts from the last update: its next steps become this period's
    achievements, to confirm or change."""
    if last is None:
        return {}
    initial = {
        "confidence": last.confidence if level_for(last.confidence) else "",
        "summary": last.summary,
        "achievements": last.next_steps,
        "percent_complete": last.percent_complete,
    }
    initial.update({name: getattr(last, name) for name, _ in DIMENSIONS})
    return initial


def _default_period(delivery, periods) -> Period:
    if delivery.status.is_overdue and delivery.status.latest_due in periods:
        return delivery.status.latest_due
    return periods[0]


@kept_page
def update_new(request, slug):
    project = reporting_project(request, slug)
    today = timezone.localdate()
    settings = project.delivery_settings
    scale = scale_for(settings.scale)
    periods = _periods(project, today)
    milestones = project_selectors.open_milestones(project)
    if request.method == "POST":
        form = UpdateForm(
            request.POST,
            scale=scale,
            periods=periods,
            milestones=milestones,
            drafting=_drafting(request),
        )
        return _save(request, project, form, today=today)
    requested = request.GET.get("period", "")
    period = None
    if requested:
        try:
            period = period_starting(
                project.reporting_cadence, datetime.date.fromisoformat(requested)
            )
        except ValueError:
            period = None
    delivery = project_selectors.project_delivery(request.user, project, today=today)
    if period is None or period not in periods:
        period = _default_period(delivery, periods)
    from heartbeat.delivery.models import HeartbeatUpdate

    existing = {
        u.status: u
        for u in HeartbeatUpdate.objects.filter(
            project=project,
            period_start=period.start,
            status__in=[UpdateStatus.DRAFT, UpdateStatus.SUBMITTED],
        )
    }
    if UpdateStatus.DRAFT in existing:
        messages.info(request, f"You have a draft update for {period.label}: carry on with it.")
        return redirect("delivery:update_edit", project.slug, existing[UpdateStatus.DRAFT].pk)
    last = project_selectors.last_submitted(project)
    initial = {"period": period.key, **_initial_from(last)}
    form = UpdateForm(initial=initial, scale=scale, periods=periods, milestones=milestones)
    conflict = None
    if UpdateStatus.SUBMITTED in existing:
        submitted = existing[UpdateStatus.SUBMITTED]
        conflict = (
            f"The update for {period.label} has already been submitted: open it to correct it, "
            "or choose another period.",
            reverse("delivery:update_detail", args=[project.slug, submitted.pk]),
        )
    return _form_context(
        request,
        project,
        form,
        today=today,
        period=period,
        last=last,
        conflict=conflict,
        delivery=delivery,
    )


def update_edit(request, slug, pk):
    project = reporting_project(request, slug)
    update, _versions = project_selectors.update_detail(request.user, project, pk)
    if update.status != UpdateStatus.DRAFT and request.method != "POST":
        messages.info(request, "That update has been submitted: correct it instead.")
        return redirect("delivery:update_detail", project.slug, update.pk)
    today = timezone.localdate()
    scale = scale_for(project.delivery_settings.scale)
    period = Period(update.period_start, update.period_end, update.cadence)
    milestones = project_selectors.open_milestones(project)
    if update.status != UpdateStatus.DRAFT:
        return _submitted_meanwhile(request, project, update, period, scale, milestones, today)
    if request.method == "POST":
        form = UpdateForm(
            request.POST,
            scale=scale,
            periods=[period],
            milestones=milestones,
            drafting=_drafting(request),
        )
        return _save(request, project, form, today=today, draft=update)
    initial = {
        "period": period.key,
        "confidence": update.confidence,
        "summary": update.summary,
        "achievements": update.achievements,
        "next_steps": update.next_steps,
        "decisions_needed": update.decisions_needed,
        "percent_complete": update.percent_complete,
        **{name: getattr(update, name) for name, _ in DIMENSIONS},
    }
    form = UpdateForm(initial=initial, scale=scale, periods=[period], milestones=milestones)
    return _form_context(
        request,
        project,
        form,
        today=today,
        period=period,
        draft=update,
        last=project_selectors.last_submitted(project, before=period.start),
    )


def _submitted_meanwhile(request, project, update, period, scale, milestones, today):
    """The draft was submitted (by someone else, or in another tab) while this person was
    editing it: nothing is saved over the submitted update, and what they wrote comes back
    to them with the way to add it, a correction."""
    form = UpdateForm(
        request.POST, scale=scale, periods=[period], milestones=milestones, drafting=True
    )
    form.is_valid()  # draws what they wrote, with any field errors
    correct = reverse("delivery:update_correct", args=[project.slug, update.pk])
    message = (
        f"The update for {period.label} was submitted while you were editing the draft, so "
        "your changes have not been saved. What you wrote is below: copy what you need into "
        "a correction of the submitted update."
    )
    return _form_context(
        request,
        project,
        form,
        today=today,
        period=period,
        draft=update,
        status=409,
        summary_errors=[(message, correct)],
        conflict=("Correct the submitted update", correct),
    )


def _drafting(request) -> bool:
    return request.POST.get("action") == "draft"


def _save(request, project, form, *, today, draft=None):
    submit = request.POST.get("action") == "submit"
    period = None
    if not form.is_valid():
        return _form_context(request, project, form, today=today, draft=draft, status=422)
    data = form.to_input()
    version = None
    if draft is not None:
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = None
    try:
        update = services.update_save(
            actor=request.user,
            project=project,
            data=data,
            submit=submit,
            draft=draft,
            expected_version=version,
            today=today,
        )
    except PermissionDenied as error:
        raise DjangoPermissionDenied(error.message) from error
    except ApplicationError as error:
        summary = attach_error(form, error, anchor="#update-form")
        return _form_context(
            request,
            project,
            form,
            today=today,
            period=period,
            draft=draft,
            status=error_status(error),
            summary_errors=summary,
        )
    label = Period(update.period_start, update.period_end, update.cadence).label
    if submit:
        messages.success(request, f"Your update for {label} has been submitted.")
        return redirect("delivery:update_detail", project.slug, update.pk)
    messages.success(request, f"Your draft update for {label} has been saved.")
    return redirect("delivery:update_edit", project.slug, update.pk)


def update_correct(request, slug, pk):
    project = reporting_project(request, slug)
    update, versions = project_selectors.update_detail(request.user, project, pk)
    period = Period(update.period_start, update.period_end, update.cadence)
    if update.status != UpdateStatus.SUBMITTED:
        current = next((v for v in versions if v.status == UpdateStatus.SUBMITTED), None)
        messages.info(request, "That version has been corrected already: correct the latest one.")
        return redirect("delivery:update_detail", project.slug, (current or update).pk)
    scale = scale_for(update.scale)
    summary_errors = []
    status = 200
    if request.method == "POST":
        form = CorrectionForm(request.POST, scale=scale)
        if form.is_valid():
            try:
                corrected = services.update_correct(
                    actor=request.user,
                    update=update,
                    data=form.to_input(update.period_start),
                    reason=form.cleaned_data["reason"],
                )
            except PermissionDenied as error:
                raise DjangoPermissionDenied(error.message) from error
            except ApplicationError as error:
                summary_errors = attach_error(form, error, anchor="#correction-form")
                status = error_status(error)
            else:
                messages.success(
                    request,
                    f"Your correction of the update for {period.label} "
                    "has been saved. The earlier version stays visible.",
                )
                return redirect("delivery:update_detail", project.slug, corrected.pk)
        else:
            status = 422
    else:
        initial = {
            "confidence": update.confidence,
            "summary": update.summary,
            "achievements": update.achievements,
            "next_steps": update.next_steps,
            "decisions_needed": update.decisions_needed,
            "percent_complete": update.percent_complete,
            **{name: getattr(update, name) for name, _ in DIMENSIONS},
        }
        form = CorrectionForm(initial=initial, scale=scale)
    return render(
        request,
        "delivery/update_correct.html",
        _common(
            page_title=f"Correct the update for {period.label}: {project.title}",
            breadcrumbs=project_breadcrumbs(
                project,
                ("Updates", reverse("delivery:update_list", args=[project.slug])),
                (period.label, update.get_absolute_url()),
                ("Correct", None),
            ),
            project=project,
            update=update,
            period=period,
            form=form,
            scale=scale,
            summary_errors=summary_errors,
        ),
        status=status,
    )


def update_delete(request, slug, pk):
    """Delete a draft, after a page that asks to confirm (works without JavaScript)."""
    project = reporting_project(request, slug)
    update, _ = project_selectors.update_detail(request.user, project, pk)
    period = Period(update.period_start, update.period_end, update.cadence)
    if update.status != UpdateStatus.DRAFT:
        messages.info(request, "Only drafts can be deleted.")
        return redirect("delivery:update_detail", project.slug, update.pk)
    if request.method == "POST":
        try:
            services.update_delete_draft(actor=request.user, update=update)
        except Conflict as error:
            messages.info(request, error.message)
            return redirect("delivery:update_detail", project.slug, update.pk)
        messages.success(request, f"The draft update for {period.label} has been deleted.")
        return redirect("delivery:update_list", project.slug)
    return render(
        request,
        "delivery/confirm.html",
        {
            "page_title": f"Delete the draft update for {period.label}?",
            "breadcrumbs": project_breadcrumbs(project, ("Delete draft", None)),
            "message": "The draft and everything written in it will be gone. Milestones moved "
            "and risks raised with it stay as they are.",
            "button": "Delete the draft",
            "cancel": reverse("delivery:update_edit", args=[project.slug, update.pk]),
        },
    )


@require_POST
def project_cadence(request, slug):
    project = project_selectors.project_for(request.user, slug)
    if not permissions.can_set_project_cadence(request.user):
        raise DjangoPermissionDenied("Only the programme office can change a project's cadence.")
    form = CadenceForm(request.POST)
    if form.is_valid():
        try:
            services.project_cadence_set(
                actor=request.user, project=project, cadence=form.cleaned_data["cadence"]
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"{project.title}'s reporting cadence has been saved.")
    else:
        messages.error(request, "Choose a cadence from the list.")
    return redirect(reverse("delivery:update_list", args=[project.slug]) + "#cadence")
