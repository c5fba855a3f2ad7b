"""Benefits pages as people meet them: forms with bad input, edit conflicts, the register's
spreadsheet, and the value statement's PDF and spreadsheet matching the page."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from heartbeat.benefits import sections
from heartbeat.benefits.models import BeneficiaryScope, Benefit, Cost, Measurement
from heartbeat.partnership.models import PARTNERSHIP_NAME
from heartbeat.portfolio.models import ExpectedBenefit
from tests.benefits.factories import BenefitFactory, CostFactory, MeasurementFactory, profile
from tests.portfolio.factories import ResourceRequirementFactory
from tests.recruitment.factories import make_pledge


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def filled(project, council, other_council, programme_office):
    shared = profile(
        BenefitFactory(
            project=project,
            title="Licence consolidation savings",
            beneficiary_scope=BeneficiaryScope.ORGANISATIONS,
        ),
        {2026: 40000, 2027: 60000},
    )
    shared.beneficiaries.set([council, other_council])
    MeasurementFactory(benefit=shared, organisation=council, value=Decimal("15000"))
    BenefitFactory(
        project=project, title="Resident satisfaction", nature="qualitative", monetised=False
    )
    CostFactory(project=project, organisation=council, amount=Decimal("30000"))
    requirement = ResourceRequirementFactory(
        project=project, start_month=datetime.date(2026, 4, 1), end_month=datetime.date(2026, 9, 1)
    )
    make_pledge(requirement, council, programme_office)
    return shared


# The register ----------------------------------------------------------------------------------


def test_the_register_lists_and_filters(client_for, member, filled):
    client = client_for(member)
    page = client.get(reverse("benefits:register")).content.decode()
    assert "Licence consolidation savings" in page and "Resident satisfaction" in page
    page = client.get(reverse("benefits:register"), {"nature": "qualitative"}).content.decode()
    assert "Resident satisfaction" in page and "Licence consolidation savings" not in page
    page = client.get(reverse("benefits:register"), {"status": "half-done"}).content.decode()
    assert "There is no status" in page


def test_the_register_spreadsheet_matches_the_page(client_for, member, filled):
    client = client_for(member)
    page = client.get(reverse("benefits:register")).content.decode()
    response = client.get(reverse("benefits:register"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][:4]) == ["Number", "Project", "Category", "Class"]
    assert {"Full-year value", "Timescale", "Owner", "Baseline", "Target", "Measure (KPI)"} <= set(
        rows[0]
    )
    headers = rows[0]
    by_number = {row[0]: dict(zip(headers, row, strict=True)) for row in rows[1:]}
    assert set(by_number) == {b.reference for b in Benefit.objects.all()}
    licence = by_number[filled.reference]
    assert licence["Category"] == "Cash-releasing"
    assert licence["Full-year value"] == 60000
    assert licence["Timescale"] == "2026-27 to 2027-28"
    assert licence["Realised to date"] == 15000
    # The page shows the same expected and realised totals.
    assert "£100,000" in page and "£15,000" in page
    assert filled.reference in page
    csv = client.get(reverse("benefits:register"), {"format": "csv"}).getvalue().decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Number,Project,Category,Class")


# Forms with bad input --------------------------------------------------------------------------


def benefit_form(project, **overrides):
    data = {
        "title": "Postage savings",
        "description": "",
        "classification": "cash_releasing",
        "nature": "quantitative",
        "monetised": "on",
        "measure": "Annual postage spend",
        "unit": "",
        "beneficiary_scope": "partnership",
        "granularity": "year",
        "drawn_granularity": "year",
        "status": "planned",
        "profile_0": "1000",
        "profile_1": "2000",
    }
    data.update(overrides)
    return data


def test_a_project_lead_adds_a_benefit_with_its_profile(client_for, project_lead, project):
    client = client_for(project_lead)
    response = client.post(
        reverse("benefits:benefit_create", args=[project.slug]), benefit_form(project)
    )
    benefit = Benefit.objects.get()
    assert response.status_code == 302
    assert response.url == benefit.get_absolute_url()
    assert list(benefit.profile.values_list("financial_year", "value")) == [
        (2026, Decimal("1000")),
        (2027, Decimal("2000")),
    ]


def test_a_non_numeric_profile_value_is_shown_in_the_error_summary(
    client_for, project_lead, project
):
    client = client_for(project_lead)
    response = client.post(
        reverse("benefits:benefit_create", args=[project.slug]),
        benefit_form(project, profile_1="two thousand"),
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_profile_1"' in html
    assert "Enter the value for 2027-28 (in pounds) as a number" in html
    # What was typed is kept.
    assert 'value="two thousand"' in html
    assert not Benefit.objects.exists()


def test_a_qualitative_benefit_in_pounds_is_refused_on_the_page(client_for, project_lead, project):
    client = client_for(project_lead)
    response = client.post(
        reverse("benefits:benefit_create", args=[project.slug]),
        benefit_form(project, nature="qualitative", profile_0="", profile_1=""),
    )
    assert response.status_code == 422
    assert "never given a money value" in response.content.decode()


def test_an_edit_conflict_keeps_both_versions_in_view(
    client_for, project_lead, programme_office, filled
):
    url = reverse("benefits:benefit_edit", args=[filled.pk])
    form = client_for(project_lead).get(url).content.decode()
    assert 'name="version" value="1"' in form
    Benefit.objects.filter(pk=filled.pk).update(title="Changed by the office", version=2)
    response = client_for(project_lead).post(
        url,
        benefit_form(
            filled.project, title="My wording", version="1", beneficiary_scope="partnership"
        ),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "The benefit as it is now saved" in html
    assert "Changed by the office" in html and 'value="My wording"' in html
    filled.refresh_from_db()
    assert filled.title == "Changed by the office"


def test_the_edit_form_shows_the_saved_dates_as_a_date_picker_reads_them(
    client_for, project_lead, filled
):
    Benefit.objects.filter(pk=filled.pk).update(
        baseline_date=datetime.date(2026, 4, 1), target_date=datetime.date(2028, 3, 31)
    )
    form = client_for(project_lead).get(reverse("benefits:benefit_edit", args=[filled.pk]))
    html = form.content.decode()
    # A date input shows only 2026-04-01; 01/04/2026 would show it empty, and saving the
    # form again would lose the date.
    assert re.search(
        r'type="date" id="id_baseline_date" name="baseline_date" value="2026-04-01"', html
    )
    assert re.search(r'type="date" id="id_target_date" name="target_date" value="2028-03-31"', html)
    assert "For example, 2026-04-01" in html


def test_a_negative_cost_is_refused_on_the_page(client_for, project_lead, project, council):
    response = client_for(project_lead).post(
        reverse("benefits:cost_create", args=[project.slug]),
        {
            "organisation": str(council.pk),
            "category": "supplier",
            "description": "Discovery",
            "amount": "-250",
            "financial_year": "2026-27",
        },
    )
    assert response.status_code == 422
    assert "A cost cannot be negative" in response.content.decode()
    assert not Cost.objects.exists()


def test_an_organisation_lead_can_only_choose_their_own_council(
    client_for, organisation_lead, other_council, filled
):
    url = reverse("benefits:measurement_create", args=[filled.pk])
    page = client_for(organisation_lead).get(url).content.decode()
    assert "Aberdeen City" in page and ">Angus<" not in page
    response = client_for(organisation_lead).post(
        url,
        {
            "organisation": str(other_council.pk),
            "period": "2026-27",
            "value": "10",
            "evidence": "Invoice",
        },
    )
    assert response.status_code == 422
    assert not Measurement.objects.filter(organisation=other_council).exists()


def test_a_discount_rate_outside_0_to_20_on_the_economics_page(client_for, member, filled):
    response = client_for(member).get(reverse("benefits:economics"), {"rate": "25"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "between 0% and 20%" in html
    assert "Net present value" in html  # the page still shows the figures at the set rate
    ok = client_for(member).get(reverse("benefits:economics"), {"rate": "0"})
    assert ok.status_code == 200
    assert "at 0.00% a year" in ok.content.decode()


def test_the_settings_page_refuses_a_rate_over_20(client_for, programme_office):
    response = client_for(programme_office).post(
        reverse("benefits:settings"),
        {
            "discount_rate": "35",
            "base_year": "2026",
            "years_after_end": "5",
            "day_rate_source": "",
            "version": "1",
            "rate_awareness": "200",
            "rate_working": "300",
            "rate_practitioner": "400",
            "rate_expert": "500",
        },
    )
    assert response.status_code == 422
    assert "between 0% and 20%" in response.content.decode()


# The value statement ---------------------------------------------------------------------------


def _page_figures(html: str) -> dict[str, str]:
    block = html.split('id="statement-figures"', 1)[1].split("</ol>", 1)[0]
    keys = re.findall(r'ds_summary-list__key">([^<]+)<', block)
    values = re.findall(r'ds_summary-list__answer">([^<]+)<', block)
    return dict(zip(keys, values, strict=True))


def test_the_value_statement_pdf_and_spreadsheet_match_the_page(
    client_for, member, council, filled
):
    from pypdf import PdfReader

    client = client_for(member)
    html = client.get(reverse("benefits:value_statement", args=[council.slug])).content.decode()
    figures = _page_figures(html)
    assert figures["Days contributed"] == "24.0 days"
    assert figures["In-kind value of those days"] == "£9,600.00"
    assert figures["Direct contributions"] == "£30,000.00"
    assert figures["Benefits realised to date"] == "£15,000.00"
    # 15,000 reported for 2026-27, half of 60,000 expected in 2027-28.
    assert figures["Benefits forecast"] == "£45,000.00"

    response = client.get(reverse("benefits:value_statement_pdf", args=[council.slug]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert PARTNERSHIP_NAME in text
    assert "3 December 2026" in text or re.search(r"\d{1,2} \w+ 20\d\d", text)
    for label, value in figures.items():
        assert f"{label} {value}" in text, label
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])  # tagged
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en-GB"
    fonts = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts and all("/FontFile2" in f or "/FontFile3" in f for f in fonts)

    response = client.get(reverse("benefits:value_statement_xlsx", args=[council.slug]))
    book = load_workbook(io.BytesIO(response.getvalue()))
    sheet = book["Value statement"]
    assert sheet["A1"].value == "Aberdeen City Council: value statement"
    assert sheet["A2"].value == PARTNERSHIP_NAME
    cells = {row[0]: row[1] for row in sheet.iter_rows(min_row=7, values_only=True) if row[0]}
    from heartbeat.benefits.documents import figure_text

    for label, shown in figures.items():
        value = cells[label]
        as_shown = figure_text(label, Decimal(str(value)) if not isinstance(value, str) else None)
        assert as_shown == shown, label
    projects = list(book["By project"].iter_rows(values_only=True))
    assert projects[1][0] == filled.project.title and projects[1][1] == 24.0


def test_the_statement_summary_loads_with_htmx(client_for, member, council, filled):
    response = client_for(member).get(
        reverse("benefits:value_statement", args=[council.slug]), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert 'id="statement-summary"' in html and "<html" not in html
    assert response["Vary"].count("HX-Request") == 1


# Other apps' pages ----------------------------------------------------------------------------


def test_the_project_page_links_to_its_benefits(client_for, member, project, filled):
    html = client_for(member).get(project.get_absolute_url()).content.decode()
    url = reverse("benefits:project_benefits", args=[project.slug])
    assert f'hx-get="{url}"' in html and f'href="{url}"' in html
    partial = client_for(member).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Licence consolidation savings" in partial and "<html" not in partial


def test_the_project_section_is_hidden_from_visitors(project):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert sections.project_benefits_section(request, project) is None


def test_the_organisation_lead_sees_their_value_statement_on_the_home_page(
    client_for, organisation_lead, member, council
):
    html = client_for(organisation_lead).get("/").content.decode()
    url = reverse("benefits:value_statement", args=[council.slug])
    assert "Aberdeen City&#39;s value statement" in html and f'href="{url}"' in html
    assert "value statement" not in client_for(member).get("/").content.decode()


def test_the_council_section(member, council):
    request = RequestFactory().get("/")
    request.user = member
    section = sections.value_statement_section(request, council)
    assert section.context["lazy_url"] == reverse("benefits:value_statement", args=[council.slug])


def test_bringing_in_the_definition_from_the_page(client_for, project_lead, project):
    ExpectedBenefit.objects.bulk_create(
        [ExpectedBenefit(project=project, text="Fewer failed alarm calls", order=1)]
    )
    client = client_for(project_lead)
    page = client.get(reverse("benefits:project_benefits", args=[project.slug])).content.decode()
    assert "Bring in 1 expected benefit from the definition" in page
    response = client.post(reverse("benefits:from_definition", args=[project.slug]))
    assert response.status_code == 302
    assert Benefit.objects.get().title == "Fewer failed alarm calls"


@pytest.mark.django_db(transaction=True)
def test_the_value_statement_pdf_is_kept_until_the_data_changes(
    client_for, member, council, filled
):
    from pypdf import PdfReader

    def text(response) -> str:
        reader = PdfReader(io.BytesIO(response.content))
        return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))

    client = client_for(member)
    url = reverse("benefits:value_statement_pdf", args=[council.slug])
    first = client.get(url)
    assert "Direct contributions £30,000.00" in text(first)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert not any("benefits_" in q["sql"] for q in queries.captured_queries)
    assert (
        again["Content-Disposition"] == f'attachment; filename="{council.slug}-value-statement.pdf"'
    )
    cost = Cost.objects.filter(organisation=council).first()
    cost.amount += 1000
    cost.save()
    assert "Direct contributions £31,000.00" in text(client.get(url))
    # A council that does not exist is still not found, kept or not.
    assert client.get(reverse("benefits:value_statement_pdf", args=["nowhere"])).status_code == 404
