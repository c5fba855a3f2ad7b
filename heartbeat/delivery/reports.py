"""Board papers: the programme highlight report (PDF and XLSX) and a project's status report.

Both PDFs are tagged for screen readers (PDF/UA-1: a structure tree, the document's title
and language) and embed the fonts they use. The highlight report's PDF and XLSX are made
from the same ``Dashboard`` figures as the dashboard page.
"""

from __future__ import annotations

import datetime
import io
import re

from django.template.loader import render_to_string
from django.utils import timezone

from heartbeat.core.formatting import uk_date, uk_datetime
from heartbeat.delivery.scales import ALL_LEVELS, DIMENSIONS, level_for
from heartbeat.delivery.selectors.dashboard import NOT_REPORTED, Dashboard

PARTNERSHIP = "Digital Office for Scottish Local Government"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean(value):
    """Text a spreadsheet cell can hold: no control characters, no formula start."""
    if isinstance(value, str):
        value = _CONTROL.sub("", value)
        if value[:1] in ("=", "+", "-", "@"):
            return "'" + value
    return value


def _pdf(html: str) -> bytes:
    # WeasyPrint takes about a second to import: only requests that print pay for it.
    import weasyprint
    from weasyprint.urls import URLFetcher

    # Self-contained HTML: nothing outside it is fetched while printing.
    document = weasyprint.HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"]))
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def trend_text(line) -> str:
    return ", ".join(f"{cell.period.short_label}: {cell.text}" for cell in line.trend)


def dashboard_export_rows(dashboard: Dashboard) -> tuple[list[str], list[list]]:
    """One row per project, with the figures the dashboard shows (details filled)."""
    headers = [
        "Project",
        "Theme",
        "Lead organisation",
        "Stage",
        "Cadence",
        "Latest period",
        "Confidence",
        "Percent complete",
        "Trend (oldest to latest)",
        "Overdue (days)",
        "Staffing coverage (%)",
        "Milestones due in 60 days",
        "Milestones slipped",
        "Open risks",
        "Highest risk score",
        "Summary",
        "Decisions needed",
    ]
    rows = []
    for line in dashboard.lines:
        latest = line.latest
        level = line.level
        rows.append(
            [
                line.title,
                line.theme,
                line.lead_organisation,
                line.stage.replace("_", " "),
                line.reporting_cadence,
                latest_period_label(line),
                level.label if level else "No update yet",
                line.latest_percent,
                trend_text(line),
                line.status.overdue_days,
                line.coverage,
                line.milestones_due,
                line.milestones_slipped,
                line.open_risks,
                line.top_risk_score,
                latest.summary if latest else "",
                latest.decisions_needed if latest else "",
            ]
        )
    return headers, rows


def latest_period_label(line) -> str:
    if line.latest is not None:
        from heartbeat.delivery.cadence import Period

        latest = line.latest
        return Period(latest.period_start, latest.period_end, latest.cadence).label
    return ""


def _context(dashboard: Dashboard, generated_at: datetime.datetime) -> dict:
    return {
        "dashboard": dashboard,
        "generated_at": generated_at,
        "generated": uk_datetime(generated_at),
        "partnership": PARTNERSHIP,
        "levels": ALL_LEVELS,
        "columns": dashboard.confidence_columns,
        "not_reported": NOT_REPORTED,
        "level_for": level_for,
        "trend_text": trend_text,
        "latest_period_label": latest_period_label,
        "dimensions": DIMENSIONS,
    }


def highlight_html(dashboard: Dashboard, *, generated_at: datetime.datetime) -> str:
    return render_to_string("delivery/highlight_report_pdf.html", _context(dashboard, generated_at))


def highlight_pdf(dashboard: Dashboard, *, generated_at: datetime.datetime) -> bytes:
    return _pdf(highlight_html(dashboard, generated_at=generated_at))


def highlight_xlsx(dashboard: Dashboard, *, generated_at: datetime.datetime) -> bytes:
    """The highlight report's figures as a workbook: one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    summary = workbook.active
    summary.title = "Summary"
    summary.append(["Programme highlight report"])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append([PARTNERSHIP])
    summary.append(["Printed", uk_datetime(generated_at)])
    filters = dashboard.filters.as_params()
    summary.append(["Filters", ", ".join(f"{k}: {v}" for k, v in filters.items()) or "None"])
    summary.append(["Active projects", dashboard.total])
    summary.append(["Updates overdue", dashboard.overdue_count])
    summary.append(["Milestones due in the next 60 days", dashboard.milestones_due_count])
    summary.append(["Milestones slipped", dashboard.milestones_slipped_count])
    summary.append(["Risks escalated to the programme", dashboard.escalated_count])
    summary.append([])
    columns = dashboard.confidence_columns
    summary.append(["Projects by confidence", *[label for _code, label in columns], "Total"])
    summary.append(
        [
            "All themes",
            *[dashboard.counts_by_confidence.get(code, 0) for code, _label in columns],
            dashboard.total,
        ]
    )
    for theme, counts in dashboard.counts_by_theme:
        summary.append(
            [clean(theme), *[counts.get(code, 0) for code, _ in columns], sum(counts.values())]
        )

    trend = workbook.create_sheet("Trend")
    trend.append(["Period", *[level.label for level in ALL_LEVELS], "Total"])
    for period, counts in zip(dashboard.trend_periods, dashboard.trend_counts, strict=True):
        trend.append(
            [
                period.label,
                *[counts.get(level.code, 0) for level in ALL_LEVELS],
                sum(counts.values()),
            ]
        )

    projects = workbook.create_sheet("Projects")
    headers, rows = dashboard_export_rows(dashboard)
    projects.append(headers)
    for row in rows:
        projects.append([clean(v) for v in row])

    due = workbook.create_sheet("Milestones due")
    due.append(["Project", "Milestone", "Forecast date", "Baseline date", "Status"])
    for m in dashboard.milestones_due:
        due.append(
            [
                clean(m.project.title),
                clean(m.name),
                m.forecast_date,
                m.baseline_date,
                m.get_status_display(),
            ]
        )
    slipped = workbook.create_sheet("Milestones slipped")
    slipped.append(["Project", "Milestone", "Baseline date", "Forecast date", "Slippage (days)"])
    for m in dashboard.milestones_slipped:
        slipped.append(
            [
                clean(m.project.title),
                clean(m.name),
                m.baseline_date,
                m.forecast_date,
                m.slippage_days,
            ]
        )
    risks = workbook.create_sheet("Top risks")
    risks.append(
        [
            "Project",
            "Reference",
            "Risk",
            "Likelihood",
            "Impact",
            "Score",
            "Escalated",
            "Owner",
            "Mitigation",
        ]
    )
    for r in dashboard.top_risks:
        risks.append(
            [
                clean(r.project.title),
                r.reference,
                clean(r.title),
                r.likelihood,
                r.impact,
                r.score,
                "Yes" if r.escalated_at else "No",
                clean(r.owner),
                clean(r.mitigation),
            ]
        )
    overdue = workbook.create_sheet("Overdue updates")
    overdue.append(["Project", "Lead organisation", "Period", "Due on", "Days overdue"])
    for line in dashboard.overdue:
        overdue.append(
            [
                clean(line.title),
                clean(line.lead_organisation),
                line.status.latest_due.label,
                line.status.latest_due_date,
                line.status.overdue_days,
            ]
        )

    for sheet in workbook.worksheets:
        first = 1 if sheet.title != "Summary" else 11
        for cell in sheet[first]:
            cell.font = Font(bold=True)
        if sheet.title != "Summary":
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = sheet.dimensions
        for column in sheet.columns:
            for cell in column:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "d mmmm yyyy"
                elif isinstance(cell.value, str) and len(cell.value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def status_report_html(delivery) -> str:
    from heartbeat.delivery.cadence import Period

    latest = delivery.latest
    return render_to_string(
        "delivery/status_report_pdf.html",
        {
            "delivery": delivery,
            "project": delivery.project,
            "latest": latest,
            "latest_period": Period(latest.period_start, latest.period_end, latest.cadence)
            if latest
            else None,
            "generated": uk_datetime(timezone.now()),
            "partnership": PARTNERSHIP,
            "level_for": level_for,
            "dimensions": DIMENSIONS,
            "uk_date": uk_date,
        },
    )


def status_report_pdf(delivery) -> bytes:
    return _pdf(status_report_html(delivery))
