"""Benefits in a real browser, with axe on every page visited: a council lead reports a
benefit their council received and opens its value statement, whose PDF and spreadsheet
carry the same figures as the page."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from heartbeat.benefits.documents import figure_text
from heartbeat.benefits.models import BeneficiaryScope, Measurement
from heartbeat.partnership.models import PARTNERSHIP_NAME
from heartbeat.portfolio.models import Stage
from tests.benefits.factories import BenefitFactory, CostFactory, profile
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import make_pledge

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def licence_project(council, other_council, project_lead, programme_office):
    project = ProjectFactory(
        title="Licence consolidation",
        slug="licence-consolidation",
        lead_organisation=council,
        project_lead=project_lead,
        planned_start=datetime.date(2026, 4, 1),
        planned_end=datetime.date(2027, 3, 31),
        stage=Stage.RECRUITING,
    )
    benefit = profile(
        BenefitFactory(
            project=project,
            title="Licence consolidation savings",
            measure="Annual licence spend",
            beneficiary_scope=BeneficiaryScope.ORGANISATIONS,
        ),
        {2026: 40000, 2027: 60000},
    )
    benefit.beneficiaries.set([council, other_council])
    BenefitFactory(
        project=project, title="Residents' satisfaction", nature="qualitative", monetised=False
    )
    CostFactory(project=project, organisation=council, amount=Decimal("30000"))
    requirement = ResourceRequirementFactory(
        project=project, start_month=datetime.date(2026, 4, 1), end_month=datetime.date(2026, 9, 1)
    )
    make_pledge(requirement, council, programme_office)
    return project


def _figures(page) -> dict[str, str]:
    keys = page.locator("#statement-figures .ds_summary-list__key").all_inner_texts()
    values = page.locator("#statement-figures .ds_summary-list__answer").all_inner_texts()
    return dict(zip(keys, values, strict=True))


def test_a_council_lead_reports_a_benefit_and_opens_its_value_statement(
    browser, base_url, sign_in, axe, organisation_lead, council, licence_project
):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    sign_in(page, organisation_lead)

    # The home page block loads the council's summary.
    page.goto(f"{base_url}/")
    expect(page.locator("#statement-summary")).to_contain_text("Days contributed")
    axe(page, "home page with the value statement block")

    page.get_by_role("link", name="Benefits", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Benefits register")
    axe(page, "register")
    page.get_by_role("link", name="Licence consolidation savings").click()
    axe(page, "benefit")

    page.get_by_role("link", name="Report what was realised").click()
    expect(page.get_by_label("Who received it")).to_have_value(str(council.pk))
    page.get_by_label("Value realised").fill("twelve thousand")
    page.get_by_label("Evidence").fill("Licence invoice reconciliation, November 2026")
    page.get_by_role("button", name="Save the report").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("as a number")
    axe(page, "report form with an error")
    assert not Measurement.objects.exists()

    page.get_by_label("Value realised").fill("12500")
    page.get_by_role("button", name="Save the report").click()
    expect(page.locator("#reports-table")).to_contain_text("Aberdeen City")
    expect(page.locator("#reports-table")).to_contain_text("£12,500.00")
    axe(page, "benefit after the report")

    # The project's benefits and the programme's economics show it too.
    page.goto(f"{base_url}/benefits/projects/licence-consolidation/")
    expect(page.locator("#figures")).to_contain_text("£12,500.00")
    axe(page, "project benefits")
    page.goto(f"{base_url}/benefits/economics/")
    expect(page.locator("#programme-figures")).to_contain_text("£12,500.00")
    axe(page, "economics")

    page.goto(f"{base_url}/benefits/councils/{council.slug}/")
    figures = _figures(page)
    assert figures["Benefits realised to date"] == "£12,500.00"
    # Reported 12,500 for 2026-27 and half of 60,000 expected in 2027-28.
    assert figures["Benefits forecast"] == "£42,500.00"
    assert figures["Days contributed"] == "24.0 days"
    axe(page, "value statement")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Value statement as a PDF").click()
    from pypdf import PdfReader

    reader = PdfReader(download_info.value.path())
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert PARTNERSHIP_NAME in text
    for label, value in figures.items():
        assert f"{label} {value}" in text, label

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Value statement as a spreadsheet (XLSX)").click()
    book = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read()))  # noqa: SIM115
    cells = {
        row[0]: row[1]
        for row in book["Value statement"].iter_rows(min_row=7, values_only=True)
        if row[0]
    }
    for label, shown in figures.items():
        value = cells[label]
        assert figure_text(label, None if isinstance(value, str) else Decimal(str(value))) == shown

    # The same page at a phone's width.
    phone = browser.new_context(viewport={"width": 320, "height": 640}).new_page()
    sign_in(phone, organisation_lead)
    phone.goto(f"{base_url}/benefits/councils/{council.slug}/")
    expect(phone.locator("#statement-figures")).to_contain_text("£12,500.00")
    axe(phone, "value statement at 320 px")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    context.close()


def test_a_project_lead_adds_a_benefit_with_its_profile(
    browser, base_url, sign_in, axe, project_lead, licence_project
):
    page = browser.new_context().new_page()
    sign_in(page, project_lead)
    page.goto(f"{base_url}/benefits/projects/licence-consolidation/")
    page.get_by_role("link", name="Add a benefit").click()
    page.get_by_label("Title").fill("Staff time released by automation")
    page.locator("label", has_text="Non-cash-releasing (time or productivity)").click()
    page.get_by_label("Measure (KPI)").fill("Officer hours released")
    page.get_by_label("Expected in 2026-27").fill("-5")
    page.get_by_label("Expected in 2027-28").fill("next year")
    page.get_by_role("button", name="Save the benefit").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Enter the value for 2027-28")
    axe(page, "benefit form with an error")
    page.get_by_label("Expected in 2027-28").fill("18000")
    page.get_by_role("button", name="Save the benefit").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Staff time released by automation"
    )
    expect(page.locator("#variance-table")).to_contain_text("18,000.00")
    axe(page, "the new benefit")
