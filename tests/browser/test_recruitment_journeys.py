"""Recruitment in a real browser, with axe on every page visited."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.core.formatting import uk_month
from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio.models import Stage
from heartbeat.recruitment.models import Pledge, PledgeStatus
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import make_pledge
from tests.skills.factories import SkillFactory, UserSkillFactory

pytestmark = pytest.mark.django_db(transaction=True)

START = first_of_month(timezone.localdate())
END = add_months(START, 11)  # twelve months, so a July and an August fall inside
JULY = next(add_months(START, i) for i in range(12) if add_months(START, i).month == 7)
AUGUST = add_months(JULY, 1)


@pytest.fixture
def recruiting_project(other_council):
    lead = UserFactory(
        organisation=other_council,
        full_name="Fiona Mackay",
        email="fiona.mackay@angus.gov.uk",
        is_project_lead=True,
    )
    project = ProjectFactory(
        title="Housing repairs online",
        slug="housing-repairs-online",
        stage=Stage.RECRUITING,
        lead_organisation=other_council,
        project_lead=lead,
        planned_start=START,
        planned_end=END + datetime.timedelta(days=27),
    )
    ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Service designer", slug="service-designer"),
        people=1,
        days_per_month=Decimal("4"),
        start_month=START,
        end_month=END,
    )
    return project


def test_a_council_lead_pledges_a_person_with_a_summer_reduction(
    browser, base_url, sign_in, axe, organisation_lead, council, recruiting_project
):
    colleague = UserFactory(organisation=council, full_name="Morag Reid", job_title="Designer")
    UserSkillFactory(user=colleague, skill=recruiting_project.resource_requirements.get().skill)
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)

    # Coverage before: nothing pledged.
    page.goto(f"{base_url}/projects/housing-repairs-online/")
    expect(page.locator("#coverage-percent")).to_have_text("0%")
    axe(page, "project page before the pledge")

    # The need shows up where the council can help, because of Morag's skills.
    page.goto(f"{base_url}/recruitment/where-we-can-help/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Where Aberdeen City can help")
    row = page.locator("#help-table tbody tr", has_text="Housing repairs online")
    expect(row).to_contain_text("Service designer (practitioner)")
    expect(row).to_contain_text("Morag Reid (practitioner)")
    axe(page)
    row.get_by_role("link", name="Pledge").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Pledge a service designer to Housing repairs online"
    )
    axe(page, "pledge form")
    # A mistake first: the error summary says what to fix.
    page.get_by_label("Person").select_option(label="Morag Reid, Designer")
    page.get_by_label("Days per month").fill("0")
    page.get_by_role("button", name="Pledge").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Days per month must be more than 0")
    axe(page, "pledge form with an error")

    page.get_by_label("Days per month").fill("4")
    page.get_by_label("Reduction 1: month").select_option(label=uk_month(JULY))
    page.get_by_label("Reduction 1: days that month").fill("2")
    page.get_by_label("Reduction 2: month").select_option(label=uk_month(AUGUST))
    page.get_by_label("Reduction 2: days that month").fill("2")
    page.get_by_role("button", name="Pledge").click()

    # Back on the project: 10 x 4 + 2 + 2 = 44 of 48 days, 91%.
    expect(page.get_by_text("Aberdeen City has pledged Morag Reid")).to_be_visible()
    expect(page.locator("#coverage-percent")).to_have_text("91%")
    heat_map = page.locator("#heat-map")
    expect(heat_map).to_contain_text("2.0 of 4.0")
    expect(heat_map).to_contain_text("4.0 of 4.0")
    expect(page.locator("#gaps-table")).to_contain_text(uk_month(JULY))
    expect(page.locator("#pledges-table")).to_contain_text("Morag Reid")
    expect(page.locator("#participants-table")).to_contain_text("Aberdeen City")
    axe(page, "project page after the pledge")

    pledge = Pledge.objects.get()
    assert pledge.total_days == Decimal("44")

    # The project lead's email has arrived.
    (email,) = mail.outbox
    assert email.to == ["fiona.mackay@angus.gov.uk"]
    assert email.subject == "New pledge: Aberdeen City for Housing repairs online"
    assert f"Planned reduction: 2 days in {uk_month(JULY)}" in email.body

    # The project lead sees the same coverage.
    lead_page = browser.new_context().new_page()
    sign_in(lead_page, recruiting_project.project_lead)
    lead_page.goto(f"{base_url}/projects/housing-repairs-online/#coverage")
    expect(lead_page.locator("#coverage-percent")).to_have_text("91%")
    axe(lead_page, "project page as its lead")


def test_a_council_lead_changes_then_withdraws_a_pledge_and_joins_a_project(
    browser,
    base_url,
    sign_in,
    axe,
    organisation_lead,
    council,
    recruiting_project,
    programme_office,
):
    requirement = recruiting_project.resource_requirements.get()
    pledge = make_pledge(
        requirement,
        council,
        programme_office,
        capacity_label="A designer from our team",
        start_month=START,
        end_month=END,
    )
    other = ProjectFactory(
        title="Digital inclusion", slug="digital-inclusion", stage=Stage.RECRUITING
    )
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)

    page.goto(f"{base_url}/recruitment/pledges/{pledge.pk}/")
    axe(page, "pledge page")
    page.get_by_role("link", name="Change the pledge").click()
    axe(page, "pledge edit form")
    page.get_by_label("Days per month").fill("3")
    page.get_by_role("button", name="Save the pledge").click()
    expect(page.get_by_text("The pledge has been changed.")).to_be_visible()
    expect(page.locator(".hb-history")).to_contain_text("Days per month")
    axe(page, "pledge page after a change")

    page.get_by_role("link", name="Withdraw the pledge").click()
    axe(page, "withdraw form")
    page.get_by_role("button", name="Withdraw the pledge").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Give a reason")
    page.get_by_label("Why is the pledge being withdrawn?").fill("Needed for budget setting")
    page.get_by_role("button", name="Withdraw the pledge").click()
    expect(page.locator("#coverage-percent")).to_have_text("0%")
    assert Pledge.objects.get().status == PledgeStatus.WITHDRAWN

    # Join another project from its page.
    page.goto(f"{base_url}/projects/{other.slug}/")
    page.get_by_role("button", name="Join the project").click()
    expect(page.get_by_text("Aberdeen City is now committed on Digital inclusion.")).to_be_visible()
    expect(page.locator("#participants-table")).to_contain_text("Committed")
    axe(page, "project page after joining")


def test_contributions_open_needs_capacity_and_skills_pages(
    browser, base_url, sign_in, axe, organisation_lead, council, recruiting_project
):
    make_pledge(
        recruiting_project.resource_requirements.get(),
        council,
        organisation_lead,
        start_month=START,
        end_month=END,
    )
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)

    # The contributions chart has its table, with the same numbers.
    page.goto(f"{base_url}/recruitment/contributions/")
    expect(page.get_by_role("img", name="Days pledged by organisation")).to_be_visible()
    table = page.locator("#contributions-days-table")
    expect(table.locator("tr", has_text="Aberdeen City")).to_contain_text("48")
    axe(page, "contributions")

    # Open needs, filtered by skill in the URL's parameters.
    page.goto(f"{base_url}/recruitment/needs/")
    page.get_by_label("Skill or role").select_option(label="Service designer")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(
        f"{base_url}/recruitment/needs/?skill=service-designer&level=&theme=&month=&sort="
    )
    axe(page, "open needs, filtered")

    page.goto(f"{base_url}/recruitment/recruiting/")
    expect(page.locator("#recruiting-table")).to_contain_text("Housing repairs online")
    axe(page, "recruiting projects")

    # Declare less capacity than pledged: the page warns.
    page.goto(f"{base_url}/recruitment/capacity/")
    page.get_by_label("Days per month").fill("2")
    page.get_by_label("First month").fill(f"{START:%Y-%m}")
    page.get_by_label("Last month").fill(f"{END:%Y-%m}")
    page.get_by_role("button", name="Declare capacity").click()
    expect(page.locator("#capacity-warning")).to_contain_text("more days are pledged than declared")
    axe(page, "capacity with a warning")

    page.goto(f"{base_url}/skills/mine/")
    page.get_by_label("Skill or role").select_option(label="Service designer")
    page.get_by_label("Level").select_option(label="Expert")
    page.get_by_role("button", name="Save the skill").click()
    expect(page.locator("#my-skills-table")).to_contain_text("Service designer")
    axe(page, "your skills")
