"""Board papers: the highlight report built in the background, read back as text (PDF) and
cells (XLSX) and compared with the dashboard's figures; the project status report."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from heartbeat.delivery.models import HighlightReport, ReportStatus
from heartbeat.delivery.selectors.dashboard import DashboardFilters, programme_dashboard
from tests.delivery.factories import active_project, make_risk, make_update
from tests.portfolio.factories import ThemeFactory


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def programme(telecare, today, project_lead):
    """A second theme with a green project, besides telecare (amber, overdue)."""
    theme = ThemeFactory(name="Digital Foundations")
    cyber = active_project(project_lead=project_lead, title="Cyber resilience", theme=theme)
    from heartbeat.delivery.cadence import latest_due_period

    due = latest_due_period("monthly", 0, today)
    make_update(
        cyber,
        due.start,
        today=today,
        confidence="green",
        summary="Cyber Essentials Plus for 20 councils.",
        decisions_needed="Agree the shared security operations centre's funding.",
    )
    make_risk(cyber, title="Ransomware attack on a council", likelihood=3, impact=5)
    return [telecare, cyber]


def _build(client, django_capture_on_commit_callbacks, data=None):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("delivery:report_create"), data or {})
    report = HighlightReport.objects.latest("requested_at")
    assert response["Location"] == reverse("delivery:report_detail", args=[report.pk])
    return report


def test_the_highlight_report_matches_the_dashboard(
    client_for, programme_office, programme, today, django_capture_on_commit_callbacks
):
    client = client_for(programme_office)
    report = _build(client, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert report.percent == 100

    page = client.get(reverse("delivery:report_detail", args=[report.pk])).content.decode()
    assert "The highlight report is ready." in page
    pdf = client.get(reverse("delivery:report_download", args=[report.pk, "pdf"]))
    xlsx = client.get(reverse("delivery:report_download", args=[report.pk, "xlsx"]))
    assert pdf["Content-Type"] == "application/pdf"

    figures = programme_dashboard(programme_office, DashboardFilters(), today=today)
    text = _pdf_text(pdf.content)
    assert "Programme highlight report" in text
    assert f"Active projects {figures.total}" in text
    assert f"Updates overdue {figures.overdue_count}" in text
    assert f"Milestones slipped {figures.milestones_slipped_count}" in text
    for theme, counts in figures.counts_by_theme:
        cells = " ".join(str(counts.get(code, 0)) for code, _ in figures.confidence_columns)
        assert f"{theme} {cells} {sum(counts.values())}" in text
    assert "Cyber resilience" in text and "Digital telecare" in text
    assert "Agree the shared security operations centre's funding." in text
    assert "R1 Ransomware attack on a council" in text or "Ransomware attack on a council" in text

    workbook = load_workbook(io.BytesIO(xlsx.getvalue()))
    summary = {
        row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True) if row and row[0]
    }
    assert summary["Active projects"] == figures.total
    assert summary["Updates overdue"] == figures.overdue_count
    assert summary["Milestones slipped"] == figures.milestones_slipped_count
    projects = list(workbook["Projects"].iter_rows(values_only=True))
    header, rows = projects[0], projects[1:]
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_title) == {line.title for line in figures.lines}
    assert by_title["Digital telecare"]["Confidence"] == "Amber"
    assert by_title["Cyber resilience"]["Confidence"] == "Green"
    assert by_title["Digital telecare"]["Overdue (days)"] >= 1
    trend = list(workbook["Trend"].iter_rows(values_only=True))
    assert [row[0] for row in trend[1:]] == [p.label for p in figures.trend_periods]


def test_a_filtered_report_has_only_those_projects(
    client_for, member, programme, django_capture_on_commit_callbacks
):
    client = client_for(member)
    report = _build(client, django_capture_on_commit_callbacks, {"confidence": "green"})
    assert report.filters == {"confidence": "green"}
    text = _pdf_text(
        client.get(reverse("delivery:report_download", args=[report.pk, "pdf"])).content
    )
    assert "Cyber resilience" in text
    assert "Digital telecare" not in text


def test_the_pdfs_are_tagged_and_embed_their_fonts(
    client_for, member, programme, django_capture_on_commit_callbacks
):
    client = client_for(member)
    report = _build(client, django_capture_on_commit_callbacks)
    for content in (
        client.get(reverse("delivery:report_download", args=[report.pk, "pdf"])).content,
        client.get(reverse("delivery:status_report", args=[programme[0].slug])).content,
    ):
        reader = PdfReader(io.BytesIO(content))
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, "not tagged"
        assert bool(root["/MarkInfo"]["/Marked"]) is True
        assert root["/Lang"] == "en-GB"
        fonts = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = (
                    font.get("/FontDescriptor")
                    or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                )
                descriptor = descriptor.get_object()
                assert any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                ), font
                fonts.add(str(font["/BaseFont"]))
        assert any("DejaVu" in name for name in fonts)


def test_the_progress_page_works_without_javascript(client_for, member):
    report = HighlightReport.objects.create(
        requested_by=member,
        requested_at="2026-12-03T09:00:00Z",
        status=ReportStatus.RUNNING,
        total=40,
        done=10,
    )
    client = client_for(member)
    html = client.get(reverse("delivery:report_detail", args=[report.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in html
    assert "25% done (10 of 40 steps)" in html
    assert "check again now" in html
    # Not ready: the download link sends people back to the progress page.
    response = client.get(reverse("delivery:report_download", args=[report.pk, "pdf"]))
    assert response.status_code == 302
    # htmx asks for the progress alone.
    partial = client.get(
        reverse("delivery:report_detail", args=[report.pk]), HTTP_HX_REQUEST="true"
    )
    assert "<html" not in partial.content.decode()
    assert 'hx-trigger="every 2s"' in partial.content.decode()
    assert (
        client.get(reverse("delivery:report_download", args=[report.pk, "doc"])).status_code == 404
    )


def test_the_status_report(client_for, member, telecare):
    response = client_for(member).get(reverse("delivery:status_report", args=[telecare.slug]))
    text = _pdf_text(response.content)
    assert "Digital telecare" in text
    assert "Delivery confidence: Amber" in text
    assert "R1 Analogue lines switched off early" in text
    assert "Framework awarded" in text
    assert re.search(r"update for \w+ \d{4} is \d+ days overdue", text)
