"""Downloads: the catalogue as CSV, XLSX and JSON (exactly the filtered list, every page),
and the printable project definition as PDF."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from heartbeat.portfolio import selectors
from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.portfolio.pdf import project_definition_html
from heartbeat.portfolio.views import _pdf_context
from tests.portfolio.factories import (
    ExpectedBenefitFactory,
    ProjectFactory,
    ResourceRequirementFactory,
    ScopeItemFactory,
    ThemeFactory,
    complete_definition,
)
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    """35 approved projects (more than a page) and some in other stages and themes."""
    services = ThemeFactory(name="Digital Services", slug="digital-services")
    foundations = ThemeFactory(name="Digital Foundations", slug="digital-foundations")
    for n in range(35):
        ProjectFactory(
            title=f"Approved {n:02d}",
            theme=services if n % 2 else foundations,
            stage=Stage.APPROVED,
            estimated_cost=Decimal("1000.50") * n,
        )
    for n in range(5):
        ProjectFactory(title=f"Proposed {n}", theme=services, stage=Stage.PROPOSED)
    ProjectFactory(
        title="Approved but private", stage=Stage.APPROVED, visibility=Visibility.PARTNERSHIP
    )


def page_titles(client, params) -> list[str]:
    """The project titles the catalogue shows for ``params``, across every page."""
    titles, page = [], 1
    while True:
        response = client.get(reverse("portfolio:project_list"), {**params, "page": page})
        html = response.content.decode()
        titles += re.findall(r'<th scope="row"><a class="ds_link" href="[^"]+">([^<]+)</a>', html)
        if 'aria-label="Next page"' not in html:
            return titles
        page += 1


def csv_rows(response) -> list[dict]:
    text = response.getvalue().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "params",
    [
        {"stage": "approved"},
        {"stage": "approved", "theme": "digital-services", "sort": "-title"},
        {"q": "Proposed"},
        {},
    ],
)
def test_csv_rows_equal_the_filtered_list_on_every_page(client, catalogue, params):
    shown = page_titles(client, params)
    response = client.get(reverse("portfolio:project_list"), {**params, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert f'filename="projects-{today}.csv"' in response["Content-Disposition"]
    assert [row["Title"] for row in csv_rows(response)] == shown


def test_export_of_approved_projects_has_only_those(client, catalogue):
    response = client.get(reverse("portfolio:project_list"), {"stage": "approved", "page": 2})
    assert response.status_code == 200
    exported = csv_rows(
        client.get(reverse("portfolio:project_list"), {"stage": "approved", "format": "csv"})
    )
    # All 35 public approved projects, not just the second page's 10.
    assert len(exported) == 35
    assert {row["Stage"] for row in exported} == {"Approved"}
    assert "Approved but private" not in {row["Title"] for row in exported}


def test_members_export_partnership_projects_too(client_for, member, catalogue):
    exported = csv_rows(
        client_for(member).get(
            reverse("portfolio:project_list"), {"stage": "approved", "format": "csv"}
        )
    )
    assert len(exported) == 36


def test_xlsx_has_the_same_rows(client, catalogue):
    params = {"stage": "approved", "theme": "digital-services"}
    shown = page_titles(client, params)
    response = client.get(reverse("portfolio:project_list"), {**params, "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    headers, body = rows[0], rows[1:]
    assert headers[0] == "Title"
    assert [row[0] for row in body] == shown
    assert len(body) == 17


def test_json_is_a_list_with_the_same_columns(client, catalogue):
    params = {"stage": "approved", "theme": "digital-foundations"}
    shown = page_titles(client, params)
    response = client.get(reverse("portfolio:project_list"), {**params, "format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert isinstance(data, list)
    assert [item["title"] for item in data] == shown
    headers, _ = selectors.catalogue_export_rows([])
    assert len(data[0]) == len(headers)
    assert data[0]["stage"] == "Approved"
    assert data[0]["planned_start"] == "2026-04-01"
    assert data[1]["estimated_cost"] == "2001.00"


def test_bad_filters_are_ignored_in_exports_too(client, catalogue):
    exported = csv_rows(
        client.get(reverse("portfolio:project_list"), {"stage": "nonsense", "format": "csv"})
    )
    assert len(exported) == 40


# The printable definition ------------------------------------------------------------------


@pytest.fixture
def defined_project():
    project = complete_definition(
        ProjectFactory(
            title="Office 365 federation",
            stage=Stage.DEFINED,
            estimated_cost=Decimal("85000"),
            planned_start=datetime.date(2026, 4, 1),
            planned_end=datetime.date(2026, 11, 26),
        )
    )
    ScopeItemFactory(project=project, kind="out", text="Moving councils' email")
    ExpectedBenefitFactory(project=project, text="One address book across councils")
    ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Technical architect", slug="technical-architect"),
        people=2,
        days_per_month=Decimal("3"),
    )
    return project


def test_definition_pdf_is_a_pdf(client, defined_project):
    response = client.get(reverse("portfolio:project_pdf", args=[defined_project.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="office-365-federation-definition.pdf"' in response["Content-Disposition"]
    assert len(response.content) > 5000


def test_definition_html_holds_every_section(defined_project, member):
    request = RequestFactory().get("/")
    request.user = member
    project = selectors.project_detail(member, defined_project.slug)
    html = project_definition_html(request, project, _pdf_context(project))
    for section in ("overview", "scope", "requirements", "products", "benefits"):
        assert f'<section id="{section}">' in html
    assert '<section id="resources">' in html and '<section id="checklist">' in html
    assert "<h1>Office 365 federation</h1>" in html
    assert "Defined" in html
    assert "£85,000" in html
    assert "1 April 2026 to 26 November 2026" in html
    assert "Moving councils&#39; email" in html
    assert "One address book across councils" in html
    assert "Technical architect" in html
    assert "April 2026 to September 2026" in html
    assert "Generated by Heartbeat on" in html
    assert defined_project.lead_organisation.name in html


def test_partnership_definition_is_not_found_for_visitors(client):
    project = ProjectFactory(visibility=Visibility.PARTNERSHIP)
    assert client.get(reverse("portfolio:project_pdf", args=[project.slug])).status_code == 404
