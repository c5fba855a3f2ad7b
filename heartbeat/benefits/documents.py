"""A council's value statement as a tagged PDF (WeasyPrint, PDF/UA) and as a spreadsheet
(openpyxl) with the same figures as the page, and the register in the layout UK public
bodies use for benefits registers."""

from __future__ import annotations

import io
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone

from heartbeat.benefits.periods import year_label
from heartbeat.benefits.selectors import ValueStatement, statement_figures, value_statement
from heartbeat.core.datacache import cached
from heartbeat.core.formatting import money, uk_date
from heartbeat.partnership.models import PARTNERSHIP_NAME
from heartbeat.portfolio.models import visibilities_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def clean(value):
    """openpyxl refuses control characters; a leading = + - @ would run as a formula."""
    if isinstance(value, str):
        value = value.translate(_CONTROL)
        if value[:1] in ("=", "+", "-", "@"):
            value = "'" + value
    return value


def figure_text(label: str, value) -> str:
    """A headline figure as the page, the PDF and the spreadsheet write it."""
    if value is None:
        return (
            "Not applicable" if "ratio" in label or "investment" in label else "Does not pay back"
        )
    if label == "Days contributed":
        return f"{value:,.1f} days"
    if label == "Return on investment":
        return f"{value:,.2f}%"
    if label == "Benefit-cost ratio":
        return f"{value:,.2f}"
    if "payback" in label:
        return f"{value} years"
    return money(value, pence=True)


def statement_html(request, statement: ValueStatement) -> str:
    return render_to_string(
        "benefits/value_statement_pdf.html",
        {
            "statement": statement,
            "figures": [(k, figure_text(k, v)) for k, v in statement_figures(statement)],
            "partnership": PARTNERSHIP_NAME,
            "generated_on": timezone.localdate(),
            "year_label": year_label,
        },
        request=request,
    )


def statement_pdf(request, statement: ValueStatement) -> bytes:
    # WeasyPrint takes about a second to import: only the PDF pays for it.
    import weasyprint
    from weasyprint.urls import URLFetcher

    html = statement_html(request, statement)
    document = weasyprint.HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=["data"]))
    # Tagged for screen readers (PDF/UA-1), fonts embedded (WeasyPrint always embeds them).
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def kept_statement_pdf(request, slug: str) -> bytes:
    """The council's statement as a PDF, kept until the data changes (``core.datacache``),
    per council and day: drawing one takes the better part of a second, and every signed-in
    member sees the same statement. Raises Http404 for a council that does not exist."""
    return cached(
        "benefits.value-statement-pdf",
        (slug, visibilities_for(request.user)),
        lambda: statement_pdf(request, value_statement(request.user, slug)),
    )


def statement_xlsx(statement: ValueStatement) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Value statement"
    bold = Font(bold=True)
    org = statement.organisation
    sheet.append([clean(f"{org.official_name or org.name}: value statement")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([clean(PARTNERSHIP_NAME)])
    sheet.append([f"Produced on {uk_date(timezone.localdate())}"])
    s = statement.settings
    sheet.append(
        [
            f"Discount rate {s.discount_rate}% a year (HM Treasury Green Book), base year "
            f"{year_label(s.base_year)}. Money in pounds."
        ]
    )
    sheet.append([])
    sheet.append(["Figure", "Value"])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for label, value in statement_figures(statement):
        sheet.append([label, _number(value) if value is not None else figure_text(label, None)])
    projects = book.create_sheet("By project")
    projects.append(
        [
            "Project",
            "Days contributed",
            "In-kind value (£)",
            "Direct contributions (£)",
            "Benefits realised (£)",
            "Benefits forecast (£)",
            "Net benefit (£)",
        ]
    )
    for cell in projects[1]:
        cell.font = bold
    for row in statement.projects:
        a = row.appraisal
        projects.append(
            [
                clean(row.project.title),
                float(a.in_kind_days),
                float(a.in_kind_cost),
                float(a.direct_cost),
                float(a.realised),
                float(a.forecast),
                float(a.net_benefit),
            ]
        )
    received = book.create_sheet("Benefits received")
    received.append(
        ["Number", "Project", "Benefit", "Classification", "Kind", "Status", "Reported"]
    )
    for cell in received[1]:
        cell.font = bold
    for benefit in statement.received:
        reports = statement.reports.get(benefit.pk, [])
        received.append(
            [
                benefit.reference,
                clean(benefit.project.title),
                clean(benefit.title),
                benefit.get_classification_display(),
                benefit.get_nature_display(),
                benefit.get_status_display(),
                clean(
                    "; ".join(
                        (money(m.value, pence=True) if m.value is not None else m.narrative)
                        for m in reports
                    )
                ),
            ]
        )
    for ws in (sheet, projects, received):
        for column in ws.columns:
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            ws.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return "Not applicable" if value is None else value
