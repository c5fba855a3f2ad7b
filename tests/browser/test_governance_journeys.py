"""Governance in a real browser, with axe on every page visited: a board secretary records
a meeting with a decision approving a project, and the project moves through the gate; a
secretary records the board's decision about a council's work request from the request's
page."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from heartbeat.core.formatting import uk_date
from heartbeat.governance.models import AgendaItem, Decision, Meeting
from heartbeat.portfolio.models import Project, Stage, StageTransition, Visibility
from heartbeat.work_requests.models import State
from tests.governance.factories import (
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    SeatFactory,
    approval_gate,
)
from tests.portfolio.factories import ProjectFactory, complete_definition
from tests.work_requests.factories import WorkRequestFactory

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _papers_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def programme_board(board_member):
    board = BoardFactory(name="Programme Board", remit="Approves projects at the approval gate.")
    SeatFactory(board=board, person=board_member, role="secretary")
    approval_gate(board)
    return board


@pytest.fixture
def telecare():
    return complete_definition(
        ProjectFactory(
            title="Digital telecare",
            slug="digital-telecare",
            stage=Stage.DEFINED,
            visibility=Visibility.PUBLIC,
        )
    )


def test_a_secretary_records_a_meeting_whose_decision_moves_a_project_through_the_gate(
    browser, base_url, sign_in, axe, board_member, programme_board, telecare, tmp_path
):
    page = browser.new_context().new_page()
    sign_in(page, board_member)

    # The home page shows what awaits the secretary's board.
    page.goto(f"{base_url}/")
    expect(page.locator("#home-awaiting-list")).to_contain_text("Digital telecare")
    axe(page, "home page of a board member")

    # The board's page: add the meeting that took place yesterday.
    page.goto(f"{base_url}/governance/boards/{programme_board.slug}/")
    axe(page, "board page")
    page.get_by_role("link", name="Add a meeting").click()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Date").fill(yesterday.isoformat())
    # No start time yet: the error summary says what is missing.
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Enter the start time")
    axe(page, "meeting form with an error")
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time (optional)").fill("12:00")
    page.get_by_label("Place (optional)").fill("Verity House, Edinburgh")
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.get_by_text("The meeting has been added")).to_be_visible()
    axe(page, "new meeting page")
    meeting = Meeting.objects.get()

    # An agenda item with its paper.
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Title").fill("Digital telecare: approval")
    page.get_by_label("Presented by (optional)").fill("Alison Baird, Programme Manager")
    paper = tmp_path / "Digital telecare - approval paper.pdf"
    paper.write_bytes(PDF)
    page.get_by_label("Paper (optional)").set_input_files(str(paper))
    axe(page, "agenda item form")
    page.get_by_role("button", name="Save the item").click()
    expect(page.locator("#agenda-items")).to_contain_text("Digital telecare - approval paper.pdf")
    assert AgendaItem.objects.get().paper_name == "Digital telecare - approval paper.pdf"

    # Attendance.
    page.get_by_role("link", name="Record attendance").click()
    # The design system's radios are pressed by their labels, as people do.
    present = page.get_by_role("group", name=board_member.display_name)
    present.locator("label", has_text="Present").click()
    expect(present.get_by_label("Present")).to_be_checked()
    page.get_by_label("Others attending (optional)").fill("Alison Baird, Digital Office")
    axe(page, "attendance form")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator("#attendance")).to_be_visible()
    expect(page.get_by_text("Also attending: Alison Baird, Digital Office")).to_be_visible()

    # The decision: first without saying what was decided, then properly.
    page.get_by_role("link", name="Record a decision").click()
    axe(page, "decision form")
    page.get_by_label("Project").select_option(label="Digital telecare (defined)")
    page.get_by_label("Stage gate").select_option(label="Approved")
    page.get_by_role("group", name="Outcome").locator("label", has_text="Approved").click()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("This field is required")
    axe(page, "decision form with an error")
    assert Project.objects.get(pk=telecare.pk).stage == Stage.DEFINED
    page.get_by_label("What the board decided").fill("Approve Digital telecare")
    page.get_by_label("Conditions (optional)").fill("Report benefits to the board each quarter.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Digital telecare is now approved")).to_be_visible()
    expect(page.locator("#decisions-list")).to_contain_text("the project moved to approved")
    axe(page, "meeting page with its decision")

    # The project moved through the gate, and each links to the other.
    decision = Decision.objects.get()
    move = StageTransition.objects.get(project=telecare)
    assert decision.transition == move and move.to_stage == Stage.APPROVED
    assert move.actor == board_member
    page.get_by_role("link", name="Digital telecare", exact=True).first.click()
    expect(page.locator("p").filter(has_text="This project is")).to_contain_text("Approved")
    history = page.locator("#gate-history")
    expect(history).to_contain_text("Approve Digital telecare")
    expect(history).to_contain_text("Conditions: Report benefits to the board each quarter.")
    expect(history).to_contain_text("To approved on")
    axe(page, "project page with its gate history")
    history.get_by_role("link", name="Approve Digital telecare").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Approve Digital telecare")
    axe(page, "decision page")
    assert meeting.decisions.count() == 1


def test_a_gated_move_without_a_decision_is_explained_when_it_is_confirmed(
    browser, base_url, sign_in, axe, programme_office, programme_board, telecare
):
    page = browser.new_context().new_page()
    sign_in(page, programme_office)
    page.goto(f"{base_url}/projects/{telecare.slug}/")
    # The project page links each move to a page that confirms it; its button makes the move.
    page.get_by_role("link", name="Approve", exact=True).click()
    page.get_by_role("button", name="Yes, approve this project").click()
    summary = page.locator(".ds_error-summary")
    expect(summary).to_contain_text("needs a recorded decision of the Programme Board")
    axe(page, "approval confirmation refusing the move")
    assert Project.objects.get(pk=telecare.pk).stage == Stage.DEFINED


def test_the_public_decision_log_and_both_feeds_at_a_phone_width(
    browser, base_url, axe, programme_board, telecare
):
    meeting = MeetingFactory(board=programme_board)
    DecisionFactory(meeting=meeting, title="Approve Digital telecare", project=telecare)
    DecisionFactory(
        meeting=meeting,
        title="A partnership-only decision",
        project=ProjectFactory(visibility=Visibility.PARTNERSHIP),
    )
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/governance/decisions/")
    expect(page.locator("#decision-log")).to_contain_text("Approve Digital telecare")
    expect(page.locator("#decision-log")).not_to_contain_text("partnership-only")
    page.get_by_label("Outcome").select_option("deferred")
    page.get_by_role("button", name="Show decisions").click()
    expect(page.locator("#decision-count")).to_have_text("0 decisions match.")
    # Measuring and scanning need scripts: the same page at the same width, with them.
    phone = browser.new_context(viewport={"width": 320, "height": 640}).new_page()
    phone.goto(f"{base_url}/governance/decisions/")
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320
    axe(phone, "decision log at 320 px")
    for path in ("/governance/meetings.ics", "/roadmap/roadmap.ics"):
        response = page.request.get(f"{base_url}{path}")
        assert response.ok
        calendar = Calendar.from_ical(response.body())
        assert calendar["version"] == "2.0"
    meetings = Calendar.from_ical(page.request.get(f"{base_url}/governance/meetings.ics").body())
    assert [str(e["summary"]) for e in meetings.walk("VEVENT")] == ["Programme Board meeting"]


def test_a_secretary_records_the_boards_decision_about_a_work_request(
    browser, base_url, sign_in, axe, board_member, programme_board, telecare, council
):
    meeting = MeetingFactory(board=programme_board)
    berths = WorkRequestFactory(
        title="Booking and paying for pier and harbour berths",
        organisation=council,
        state=State.ACCEPTED,
    )
    page = browser.new_context().new_page()
    sign_in(page, board_member)

    # The request's page: no decision yet, and a way for the board to record one.
    page.goto(f"{base_url}{berths.get_absolute_url()}")
    expect(page.locator("#no-request-decisions")).to_be_visible()
    axe(page, "work request page before the board's decision")
    page.get_by_role("link", name="Record a board's decision about this request").click()
    expect(page.get_by_label("Or work request")).to_have_value(str(berths.pk))
    axe(page, "decision form about a work request")

    # Two subjects at once are explained, and what was typed is kept.
    page.get_by_label("Meeting").select_option(
        label=f"Programme Board, {uk_date(meeting.starts_at)}"
    )
    title = "Endorse scoping a shared berth booking service"
    page.get_by_label("What the board decided").fill(title)
    page.get_by_role("group", name="Outcome").locator("label", has_text="Approved").click()
    page.get_by_label("Project").select_option(label="Digital telecare (defined)")
    page.get_by_role("button", name="Record the decision").click()
    summary = page.locator(".ds_error-summary")
    expect(summary).to_contain_text("one project, one product or one work request")
    expect(page.get_by_label("What the board decided")).to_have_value(title)
    axe(page, "decision form refusing two subjects")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Or work request")).to_be_focused()
    page.get_by_label("Project").select_option(label="No project")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("The decision has been recorded in the log.")).to_be_visible()
    expect(page.locator("#decisions-list")).to_contain_text(
        f"About the work request {berths.reference}"
    )
    axe(page, "meeting page with a decision about a work request")
    decision = Decision.objects.get()
    assert decision.work_request == berths and decision.project is None
    assert Project.objects.get(pk=telecare.pk).stage == Stage.DEFINED

    # The request's page lists the decision, which links back to the request.
    page.get_by_role("link", name=f"{berths.reference}: {berths.title}").click()
    expect(page.locator("#request-decisions")).to_contain_text(title)
    axe(page, "work request page with the board's decision")
    page.locator("#request-decisions").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    axe(page, "decision page about a work request")
    expect(page.get_by_role("link", name=f"{berths.reference}: {berths.title}")).to_be_visible()

    # Visitors cannot see work requests, so neither do they see decisions about them.
    visitor = browser.new_context().new_page()
    visitor.goto(f"{base_url}/governance/decisions/")
    expect(visitor.locator("#decision-count")).to_have_text("0 decisions.")
    response = visitor.goto(f"{base_url}{decision.get_absolute_url()}")
    assert response.status == 404
