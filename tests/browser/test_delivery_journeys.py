"""Delivery in a real browser, with axe on every page visited: a project lead posts an
update with a slipped milestone and a new risk and the dashboard shows both; a correction
keeps both versions; bad input is explained and nothing typed is lost; a board asks for the
highlight report and downloads it; the dashboard at a phone's width."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.delivery.cadence import latest_due_period
from heartbeat.delivery.models import HeartbeatUpdate, Milestone, RaidItem
from tests.delivery.factories import build_telecare

pytestmark = pytest.mark.django_db(transaction=True)

_axe = Axe()


def axe_within(page, selector: str, context: str) -> None:
    """axe on one part of a page: delivery's section of a page other apps draw."""
    results = _axe.run(page, context=selector)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, (context, [(v["id"], [n.get("target") for n in v["nodes"]]) for v in bad])


@pytest.fixture
def telecare(project_lead):
    return build_telecare(project_lead, timezone.localdate())


def test_a_lead_posts_an_update_with_a_slipped_milestone_and_a_new_risk(
    browser, base_url, sign_in, axe, project_lead, programme_office, telecare
):
    today = timezone.localdate()
    due = latest_due_period("monthly", 0, today)
    milestone = Milestone.objects.get(project=telecare, name="Framework awarded")
    later = milestone.forecast_date + datetime.timedelta(days=21)

    page = browser.new_context().new_page()
    sign_in(page, project_lead)
    # The home page says the update is overdue and links to the form.
    expect(page.get_by_role("heading", name="Your updates due and overdue")).to_be_visible()
    axe(page, "project lead's home")
    page.get_by_role("link", name="write it for Digital telecare").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Write an update")
    expect(page.get_by_label("Period", exact=True)).to_have_value(due.key)
    # The form starts from the last update, and each level's meaning is beside it.
    expect(page.get_by_label("Achievements this period")).to_have_value(
        f"Next steps after {due.previous().label}."
    )
    confidence = page.get_by_role("group", name="Overall delivery confidence")
    expect(confidence.get_by_label("Amber", exact=True)).to_be_checked()
    expect(page.get_by_text("Successful delivery is in doubt")).to_be_visible()
    expect(page.locator("#panel-coverage")).to_be_visible()
    axe(page, "update form")

    confidence.locator("label", has_text="Amber/Red").click()
    page.get_by_label("Summary", exact=True).fill(
        "The framework award slipped; migrations move to February."
    )
    page.get_by_label("Percentage complete", exact=True).fill("48")
    page.get_by_label("Forecast for Framework awarded").fill(later.isoformat())
    page.get_by_label("Why have these dates moved?").fill("The supplier's devices failed tests.")
    page.get_by_label("New risk").fill("Device stock runs short in the winter")
    page.get_by_label("Likelihood", exact=True).select_option("4")
    page.get_by_label("Impact", exact=True).select_option("4")
    page.get_by_role("button", name="Submit the update").click()

    expect(page.locator(".ds_notification")).to_contain_text(
        f"Your update for {due.label} has been submitted."
    )
    expect(page.get_by_text("The framework award slipped")).to_be_visible()
    axe(page, "the update")
    assert RaidItem.objects.filter(project=telecare, title__startswith="Device stock").exists()

    # The programme office's dashboard shows the slipped milestone and the new risk.
    office = browser.new_context().new_page()
    sign_in(office, programme_office)
    office.goto(f"{base_url}/dashboard/")
    expect(office.locator("#milestones-slipped-table")).to_contain_text("Framework awarded")
    expect(office.locator("#milestones-slipped-table")).to_contain_text("51")  # 30 + 21 days
    expect(office.locator("#top-risks-table")).to_contain_text(
        "R3 Device stock runs short in the winter"
    )
    row = office.locator("#projects-table tbody tr", has_text="Digital telecare")
    expect(row).to_contain_text("Amber/Red")
    expect(row).to_contain_text("Up to date")
    expect(office.locator("#figure-overdue")).to_have_text("0")
    axe(office, "dashboard")

    # Filters live in the URL, so a filtered view can be shared.
    office.get_by_label("Latest confidence").select_option("green")
    office.get_by_role("button", name="Apply filters").click()
    expect(office).to_have_url(f"{base_url}/dashboard/?theme=&lead=&confidence=green")
    expect(office.locator("#figure-active")).to_have_text("0")
    axe(office, "filtered dashboard")


def test_a_correction_keeps_both_versions(browser, base_url, sign_in, axe, project_lead, telecare):
    latest = HeartbeatUpdate.objects.filter(project=telecare).order_by("-period_start").first()
    page = browser.new_context().new_page()
    sign_in(page, project_lead)
    page.goto(f"{base_url}{latest.get_absolute_url()}")
    axe(page, "an update")
    page.get_by_role("link", name="Correct this update").click()
    axe(page, "the correction form")
    # No reason: explained, and what was typed stays.
    page.get_by_label("Summary", exact=True).fill("Fewer alarms migrated than we reported.")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Enter the reason for the correction")
    expect(page.get_by_label("Summary", exact=True)).to_have_value(
        "Fewer alarms migrated than we reported."
    )
    axe(page, "the correction form with an error")
    page.get_by_label("Why are you correcting this update?").fill("We counted bookings.")
    page.get_by_role("button", name="Save the correction").click()

    expect(page.get_by_role("heading", name="Correction 1 (current)")).to_be_visible()
    expect(page.get_by_role("heading", name="Original (corrected)")).to_be_visible()
    expect(page.get_by_text("We counted bookings.")).to_be_visible()
    expect(page.get_by_text(latest.summary)).to_be_visible()
    axe(page, "both versions")


def test_bad_input_is_explained_and_nothing_is_lost(
    browser, base_url, sign_in, axe, project_lead, telecare
):
    page = browser.new_context().new_page()
    sign_in(page, project_lead)
    page.goto(f"{base_url}/projects/digital-telecare/updates/new/")
    page.get_by_label("Summary", exact=True).fill("Words I do not want to type again.")
    page.get_by_label("Percentage complete", exact=True).fill("150")
    page.get_by_role("button", name="Submit the update").click()
    summary = page.locator(".ds_error-summary")
    expect(summary).to_contain_text("whole number from 0 to 100")
    expect(page.get_by_label("Summary", exact=True)).to_have_value(
        "Words I do not want to type again."
    )
    axe(page, "update form with an error")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Percentage complete", exact=True)).to_be_focused()

    # A second update for a period already reported links to the first.
    due = latest_due_period("monthly", 0, timezone.localdate())
    page.get_by_label("Percentage complete", exact=True).fill("50")
    page.get_by_role("button", name="Submit the update").click()
    page.goto(f"{base_url}/projects/digital-telecare/updates/new/?period={due.key}")
    page.get_by_label("Period", exact=True).select_option(due.key)
    link = page.locator("#period-taken a")
    expect(link).to_contain_text("has already been submitted")
    axe(page, "update form for a period already in")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(due.label)

    # A risk off the scale and a dependency on the project itself are refused.
    page.goto(f"{base_url}/projects/digital-telecare/raid/new/?kind=dependency")
    axe(page, "new dependency")
    page.get_by_label("Title", exact=True).fill("Depends on ourselves")
    page.get_by_role("button", name="Add the dependency to the log").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Say what the project depends on")
    expect(page.get_by_label("Title", exact=True)).to_have_value("Depends on ourselves")


def test_a_board_report_is_prepared_and_offered(
    browser, base_url, sign_in, axe, board_member, telecare
):
    page = browser.new_context().new_page()
    sign_in(page, board_member)
    page.goto(f"{base_url}/dashboard/")
    page.get_by_role("button", name="Prepare the highlight report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme highlight report")
    # Without JavaScript the page refreshes itself; here the task has already run.
    page.reload()
    expect(page.get_by_text("The highlight report is ready.")).to_be_visible()
    axe(page, "report ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the figures (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    pdf_link = page.get_by_role("link", name="Download the highlight report (PDF)")
    response = page.request.get(base_url + pdf_link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"


@pytest.mark.parametrize("width", [1280, 320])
def test_the_dashboard_and_project_section_at_each_width(
    browser, base_url, sign_in, axe, member, telecare, width
):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    sign_in(page, member)
    page.goto(f"{base_url}/dashboard/")
    expect(page.locator("#figure-overdue")).to_have_text("1")
    axe(page, f"dashboard at {width}px")
    page.goto(f"{base_url}/projects/digital-telecare/")
    expect(page.locator("#delivery-overdue")).to_be_visible()
    if width == 1280:
        axe(page, f"project page at {width}px")
    else:
        # At 320px the project page's other sections have wide tables of their own
        # (resources, stage, needs) that their apps make scrollable; check delivery's.
        axe_within(page, 'section[aria-labelledby="delivery"]', f"delivery section at {width}px")
    page.goto(f"{base_url}/projects/digital-telecare/raid/")
    axe(page, f"RAID log at {width}px")
    page.goto(f"{base_url}/projects/digital-telecare/milestones/")
    axe(page, f"milestones at {width}px")
