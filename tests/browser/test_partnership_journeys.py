import csv
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.demo.loader import load_demo
from heartbeat.partnership.models import Organisation
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_visitor_filters_organisations_opens_a_council_and_downloads_the_list(
    page, base_url, axe, tmp_path
):
    load_demo()
    page.goto(f"{base_url}/organisations/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisations")
    expect(page.get_by_role("heading", name="37 organisations")).to_be_visible()
    axe(page)

    page.get_by_label("Kind").select_option(label="Local authority")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"kind=local_authority"))
    expect(page.get_by_role("heading", name="32 organisations match your filters")).to_be_visible()
    expect(page.get_by_role("link", name="COSLA")).to_have_count(0)
    axe(page)

    page.get_by_role("link", name="Fife", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fife")
    expect(page.get_by_text("S12000047")).to_be_visible()
    expect(page.get_by_role("link", name="https://www.fife.gov.uk")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Decisions of Fife"))).to_be_visible()
    axe(page)

    page.go_back()
    page.wait_for_url(re.compile(r"kind=local_authority"))
    expect(page.get_by_label("Kind")).to_have_value("local_authority")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV file of these organisations").click()
    download = download_info.value
    assert download.suggested_filename == f"organisations-{timezone.localdate().isoformat()}.csv"
    path = tmp_path / "organisations.csv"
    download.save_as(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    expected = list(
        Organisation.objects.local_authorities().order_by("name").values_list("name", "gss_code")
    )
    assert [(row[0], row[3]) for row in rows[1:]] == expected
    assert len(rows) - 1 == 32


@pytest.mark.django_db(transaction=True)
def test_organisation_lead_signs_in_and_sees_their_people(
    page, base_url, axe, sign_in, organisation_lead
):
    UserFactory(
        organisation=organisation_lead.organisation,
        full_name="Euan Grant",
        job_title="Enterprise Architect",
    )
    page.goto(f"{base_url}/organisations/aberdeen-city/")
    expect(page.get_by_text("to see the people from Aberdeen City")).to_be_visible()
    axe(page)

    sign_in(page, organisation_lead)
    page.goto(f"{base_url}/organisations/aberdeen-city/")
    people = page.get_by_role("table", name="People from Aberdeen City")
    expect(people).to_be_visible()
    expect(people.get_by_role("rowheader", name="Euan Grant")).to_be_visible()
    expect(people.get_by_role("cell", name="Organisation lead, Member")).to_be_visible()
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    axe(page)


@pytest.mark.django_db(transaction=True)
def test_terms_page_has_a_chart_and_its_table(page, base_url, axe):
    load_demo()
    page.goto(f"{base_url}/terms/")
    expect(page.get_by_role("heading", name="2016 to 2019", exact=True)).to_be_visible()
    expect(page.get_by_text("1 October 2016 to 30 September 2019")).to_be_visible()
    chart = page.get_by_role("img", name="Organisations by decision, for each programme term")
    expect(chart).to_be_visible()
    table = page.get_by_role("table", name=re.compile(r"for each programme term \(table\)"))
    expect(table).to_be_visible()
    row = table.get_by_role("row", name=re.compile("^Extension 2019 to 2021"))
    expect(row.get_by_role("cell").nth(1)).to_have_text("32")
    growth = page.get_by_role("table", name=re.compile(r"by quarter \(table\)"))
    expect(growth.get_by_role("row", name=re.compile("^Oct to Dec 2016"))).to_contain_text("25")
    expect(growth.get_by_role("row", name=re.compile("^Jul to Sep 2019"))).to_contain_text("32")
    axe(page)


@pytest.mark.django_db(transaction=True)
def test_programme_office_corrects_an_organisation_and_sees_the_history(
    page, base_url, axe, sign_in, programme_office, council
):
    sign_in(page, programme_office)
    page.goto(f"{base_url}/organisations/aberdeen-city/")
    page.get_by_role("link", name="Change details of Aberdeen City").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Aberdeen City")
    axe(page)

    page.get_by_label("Website").fill("not a website")
    page.get_by_role("button", name="Save changes").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name="Enter a valid URL.")).to_be_visible()
    axe(page)

    page.get_by_label("Website").fill("https://www.aberdeencity.gov.uk")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Saved the changes to Aberdeen City.")).to_be_visible()
    history = page.get_by_role("table", name=re.compile("Changes to Aberdeen City"))
    expect(history).to_contain_text("https://www.aberdeencity.gov.uk")
    expect(history).to_contain_text(programme_office.display_name)
    axe(page)
