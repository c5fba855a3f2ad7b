"""The programme dashboard and its lists, the settings, and highlight reports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, PermissionDenied
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.delivery import permissions, services
from heartbeat.delivery.cadence import due_day_label
from heartbeat.delivery.config import programme_settings
from heartbeat.delivery.forms import SettingsForm
from heartbeat.delivery.models import HighlightReport, ReportStatus
from heartbeat.delivery.reports import dashboard_export_rows, status_report_pdf
from heartbeat.delivery.scales import ALL_LEVELS, RATING_COLOURS, SCALES, level_for
from heartbeat.delivery.selectors.dashboard import (
    CONFIDENCE_FILTERS,
    NOT_REPORTED,
    due_milestones,
    fill_details,
    filtered_projects,
    parse_dashboard_filters,
    programme_dashboard,
    programme_risks,
    slipped_milestones,
)
from heartbeat.delivery.selectors.home import due_updates
from heartbeat.delivery.selectors.project import project_delivery, project_for
from heartbeat.delivery.views.common import attach_error, project_breadcrumbs

PER_PAGE = 25
LIST_PER_PAGE = 50
# Chart fills for the confidence levels (the design system's palette), with the level's
# name beside each so colour is never the only cue.
LEVEL_FILLS = {
    "green": "#428542",
    "amber_green": "#8a7300",
    "amber": "#e5682a",
    "amber_red": "#a5005b",
    "red": "#d32205",
    NOT_REPORTED: "#5e5e5e",
}


def _home_crumbs(*trail):
    return [("Home", reverse("core:home")), *trail]


def _filter_context(dashboard, errors):
    return {
        "filters": dashboard.filters,
        "filter_errors": errors,
        "theme_options": [(t.slug, t.name) for t in dashboard.themes],
        "lead_options": dashboard.leads,
        "confidence_options": CONFIDENCE_FILTERS,
    }


@kept_page
def dashboard(request):
    filters, errors = parse_dashboard_filters(request.GET)
    today = timezone.localdate()
    data = programme_dashboard(request.user, filters, today=today)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        fill_details(data.lines, data.settings, today)
        headers, rows = dashboard_export_rows(data)
        return export_response(
            fmt,
            filename=f"programme-dashboard-{today.isoformat()}",
            headers=headers,
            rows=rows,
            title="Dashboard",
        )
    page_obj = paginate(data.lines, request, PER_PAGE)
    fill_details(list(page_obj.object_list), data.settings, today)
    columns = data.confidence_columns
    chart_by_theme = [
        {
            "name": label,
            "values": [counts.get(code, 0) for _theme, counts in data.counts_by_theme],
            "colour": LEVEL_FILLS[code],
        }
        for code, label in columns
        if any(counts.get(code, 0) for _theme, counts in data.counts_by_theme)
    ]
    trend_series = [
        {
            "name": level.label,
            "values": [counts.get(level.code, 0) for counts in data.trend_counts],
            "colour": LEVEL_FILLS[level.code],
        }
        for level in ALL_LEVELS
        if any(counts.get(level.code, 0) for counts in data.trend_counts)
    ]
    context = {
        "page_title": "Programme dashboard",
        "breadcrumbs": _home_crumbs(("Dashboard", None)),
        "dashboard": data,
        "page_obj": page_obj,
        "rows": page_obj.object_list,
        "chart_by_theme": chart_by_theme,
        "trend_series": trend_series,
        "columns": columns,
        "level_for": level_for,
        "due_day": due_day_label(data.settings.due_day),
        "can_manage": permissions.can_manage_settings(request.user),
        "can_report": permissions.can_request_report(request.user),
        **_filter_context(data, errors),
    }
    template = "delivery/dashboard.html"
    if request.htmx and not request.htmx.history_restore_request:
        template = "delivery/partials/_dashboard_results.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@kept_page
def due_list(request):
    today = timezone.localdate()
    mine = request.GET.get("mine") == "1" and request.user.is_project_lead
    lines = due_updates(request.user, today=today, lead=request.user if mine else None)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        headers = [
            "Project",
            "Lead organisation",
            "Project lead",
            "Period",
            "Due on",
            "Days overdue",
            "State",
        ]
        rows = [
            [
                line.project.title,
                line.project.lead_organisation_name,
                line.project.project_lead_name,
                line.status.next_due[0].label if line.status.next_due else "",
                line.status.next_due[1] if line.status.next_due else None,
                line.status.overdue_days,
                "Overdue" if line.overdue else "Due",
            ]
            for line in lines
        ]
        return export_response(
            fmt,
            filename=f"updates-due-{today.isoformat()}",
            headers=headers,
            rows=rows,
            title="Updates due",
        )
    page_obj = paginate(lines, request, LIST_PER_PAGE)
    return render(
        request,
        "delivery/due_list.html",
        {
            "page_title": "Your updates due and overdue" if mine else "Updates due and overdue",
            "breadcrumbs": _home_crumbs(
                ("Dashboard", reverse("delivery:dashboard")), ("Updates due", None)
            ),
            "page_obj": page_obj,
            "lines": page_obj.object_list,
            "mine": mine,
            "total": len(lines),
            "overdue_count": sum(1 for line in lines if line.overdue),
        },
    )


def _lines_for_lists(request):
    """The filtered projects, as a query of their ids (the lists need no more of them)."""
    filters, errors = parse_dashboard_filters(request.GET)
    settings = programme_settings()
    ids = filtered_projects(request.user, filters, settings).values("pk")
    return filters, errors, ids, timezone.localdate()


@kept_page
def risk_list(request):
    filters, errors, ids, today = _lines_for_lists(request)
    escalated = request.GET.get("escalated") == "1"
    risks = programme_risks(ids, escalated_only=escalated)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        headers = [
            "Project",
            "Reference",
            "Risk",
            "Likelihood",
            "Impact",
            "Score",
            "Proximity",
            "Owner",
            "Mitigation",
            "Escalated on",
            "Escalation note",
        ]
        rows = [
            [
                r.project.title,
                r.reference,
                r.title,
                r.likelihood,
                r.impact,
                r.score,
                r.get_proximity_display(),
                r.owner,
                r.mitigation,
                timezone.localtime(r.escalated_at).date() if r.escalated_at else None,
                r.escalation_note,
            ]
            for r in risks
        ]
        return export_response(
            fmt,
            filename=f"programme-risks-{today.isoformat()}",
            headers=headers,
            rows=rows,
            title="Programme risks",
        )
    page_obj = paginate(risks, request, LIST_PER_PAGE)
    return render(
        request,
        "delivery/risk_list.html",
        {
            "page_title": "Escalated risks" if escalated else "Programme risks",
            "breadcrumbs": _home_crumbs(
                ("Dashboard", reverse("delivery:dashboard")), ("Risks", None)
            ),
            "page_obj": page_obj,
            "risks": page_obj.object_list,
            "escalated": escalated,
            "filters": filters,
            "filter_errors": errors,
        },
    )


@kept_page
def milestone_list(request):
    filters, errors, ids, today = _lines_for_lists(request)
    show = request.GET.get("show", "due")
    if show not in ("due", "slipped"):
        show = "due"
    milestones = due_milestones(ids, today) if show == "due" else slipped_milestones(ids)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        headers = [
            "Project",
            "Milestone",
            "Status",
            "Baseline date",
            "Forecast date",
            "Slippage (days)",
        ]
        rows = [
            [
                m.project.title,
                m.name,
                m.get_status_display(),
                m.baseline_date,
                m.forecast_date,
                m.slippage_days,
            ]
            for m in milestones
        ]
        return export_response(
            fmt,
            filename=f"milestones-{show}-{today.isoformat()}",
            headers=headers,
            rows=rows,
            title="Milestones",
        )
    page_obj = paginate(milestones, request, LIST_PER_PAGE)
    return render(
        request,
        "delivery/programme_milestones.html",
        {
            "page_title": "Milestones due in the next 60 days"
            if show == "due"
            else "Milestones that have slipped",
            "breadcrumbs": _home_crumbs(
                ("Dashboard", reverse("delivery:dashboard")), ("Milestones", None)
            ),
            "page_obj": page_obj,
            "milestones": page_obj.object_list,
            "show": show,
            "today": today,
            "filters": filters,
            "filter_errors": errors,
        },
    )


def settings_view(request):
    if not permissions.can_manage_settings(request.user):
        raise DjangoPermissionDenied("Only the programme office can change the reporting settings.")
    current = programme_settings()
    summary, status = [], 200
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.settings_update(
                    actor=request.user,
                    cadence=data["cadence"],
                    due_day=data["due_day"],
                    scale=data["scale"],
                    escalate_after_days=data["escalate_after_days"],
                    expected_version=data["version"],
                )
            except PermissionDenied as error:
                raise DjangoPermissionDenied(error.message) from error
            except ApplicationError as error:
                summary = attach_error(form, error, anchor="#settings-form")
                status = error.status if 400 <= error.status < 500 else 400
            else:
                messages.success(request, "The reporting settings have been saved.")
                return redirect("delivery:settings")
        else:
            status = 422
    else:
        form = SettingsForm(
            initial={
                "cadence": current.cadence,
                "due_day": current.due_day,
                "scale": current.scale,
                "escalate_after_days": current.escalate_after_days,
                "version": current.version,
            }
        )
    return render(
        request,
        "delivery/settings.html",
        {
            "page_title": "Reporting settings",
            "breadcrumbs": _home_crumbs(
                ("Dashboard", reverse("delivery:dashboard")), ("Reporting settings", None)
            ),
            "form": form,
            "scales": SCALES,
            "summary_errors": summary,
        },
        status=status,
    )


@require_POST
def report_create(request):
    if not permissions.can_request_report(request.user):
        raise DjangoPermissionDenied("Sign in to ask for a highlight report.")
    filters, _errors = parse_dashboard_filters(request.POST)
    report = services.report_request(actor=request.user, filters=filters.as_params())
    return redirect("delivery:report_detail", report.pk)


def _report_for(request, pk) -> HighlightReport:
    report = get_object_or_404(HighlightReport.objects.defer("pdf", "xlsx"), pk=pk)
    if not permissions.can_view_report(request.user, report):
        raise Http404("No such report.")
    return report


@kept_page
def report_detail(request, pk):
    report = _report_for(request, pk)
    context = {
        "page_title": "Programme highlight report",
        "breadcrumbs": _home_crumbs(
            ("Dashboard", reverse("delivery:dashboard")), ("Highlight report", None)
        ),
        "report": report,
        "statuses": ReportStatus,
    }
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "delivery/partials/_report_progress.html", context)
    else:
        response = render(request, "delivery/report_detail.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def report_download(request, pk, fmt):
    if fmt not in ("pdf", "xlsx"):
        raise Http404("Reports come as PDF or XLSX.")
    report = _report_for(request, pk)
    if report.status != ReportStatus.DONE:
        messages.info(request, "The report is not ready yet.")
        return redirect("delivery:report_detail", report.pk)
    content = HighlightReport.objects.filter(pk=report.pk).values_list(fmt, flat=True).get()
    content_type = (
        "application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(bytes(content), content_type=content_type)
    stamp = timezone.localtime(report.requested_at).date().isoformat()
    disposition = "inline" if fmt == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="highlight-report-{stamp}.{fmt}"'
    return response


@kept_page
def status_report(request, slug):
    project = project_for(request.user, slug)
    if not permissions.can_view_status_report(request.user, project):
        raise Http404("No such project.")
    delivery = project_delivery(request.user, project, today=timezone.localdate())
    pdf = status_report_pdf(delivery)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{project.slug}-status-report.pdf"'
    return response


__all__ = ["RATING_COLOURS", "project_breadcrumbs"]
