"""Work requests in a real browser, with axe on every page visited: a council raises a request,
two other councils support it, the programme office accepts it into a new proposed project, and
the requester is told and sees the outcome."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from heartbeat.recruitment.models import Participation
from heartbeat.work_requests.models import State, WorkRequest
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ThemeFactory
from tests.work_requests.factories import PDF, docx_bytes

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 720}


def choose(page, label: str) -> None:
    """Pick a radio button by clicking its label, as a person does."""
    page.locator("label.ds_radio__label", has_text=re.compile(f"^{re.escape(label)}$")).click()


def no_sideways_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page is {widths[0]}px wide in a {widths[1]}px window"


@pytest.fixture
def people(db, council, member, other_council, other_organisation_lead, programme_office):
    ThemeFactory(name="Digital Services", slug="digital-services")
    fife = OrganisationFactory(name="Fife", official_name="Fife Council", slug="fife")
    fife_lead = UserFactory(
        organisation=fife,
        email="lead@fife.gov.uk",
        full_name="Iain Robertson",
        is_organisation_lead=True,
    )
    member.full_name = "Morag Reid"
    member.save()
    return {
        "requester": member,
        "angus": other_organisation_lead,
        "fife": fife_lead,
        "office": programme_office,
    }


def test_a_council_raises_a_request_others_support_and_the_office_accepts_it(
    browser, base_url, sign_in, axe, people, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path)
    pdf = tmp_path / "Options appraisal.pdf"
    pdf.write_bytes(PDF)
    disguised = tmp_path / "Business case.pdf"
    disguised.write_bytes(docx_bytes())

    # Aberdeen City's member raises the request.
    page = browser.new_context().new_page()
    sign_in(page, people["requester"])
    page.goto(f"{base_url}/requests/")
    axe(page, "the list, empty")
    page.get_by_role("link", name="Raise a work request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise a work request")
    axe(page, "the raise form")

    # A mistake first: no title, and a Word file named as a PDF.
    page.get_by_label("The problem").fill(
        "Residents can only book bulky uplifts by phone, in office hours."
    )
    page.get_by_label("Who is affected").fill("About 9,000 households a year.")
    page.get_by_label("The outcome you want").fill(
        "Residents book and pay for bulky uplifts online at any time."
    )
    page.get_by_label("Theme").select_option(label="Digital Services")
    choose(page, "High: Needed within six months")
    page.get_by_label("Rough benefit a year, in pounds").fill("42000")
    page.get_by_label("Attach a file (optional)").set_input_files(str(disguised))
    page.get_by_role("button", name="Send the request").click()
    summary = page.locator(".ds_error-summary")
    expect(summary).to_contain_text("Enter a title for the request.")
    expect(page.get_by_label("The problem")).to_have_value(
        "Residents can only book bulky uplifts by phone, in office hours."
    )
    axe(page, "the raise form with errors")
    page.get_by_label("Title").fill("Book bulky uplifts online")
    page.get_by_label("Attach a file (optional)").set_input_files(str(disguised))
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".ds_error-summary")).to_contain_text(
        "Business case.pdf is named as a PDF, but its content is a Word document."
    )
    assert not WorkRequest.objects.exists()
    page.get_by_label("Attach a file (optional)").set_input_files(str(pdf))
    page.get_by_role("button", name="Send the request").click()

    work_request = WorkRequest.objects.get()
    expect(
        page.get_by_text(
            f"Your request has been sent to the programme office as {work_request.reference}."
        )
    ).to_be_visible()
    expect(page.locator("#attachment-list")).to_contain_text("Options appraisal.pdf")
    expect(page.locator("#support-count")).to_contain_text("0 other councils support")
    axe(page, "the new request")
    request_url = page.url

    # Angus and Fife support it, each with their own need.
    for who, need in (
        ("angus", "Angus takes about 300 calls a month about special uplifts."),
        ("fife", "Fife wants the same for garden waste permits too."),
    ):
        supporter = browser.new_context().new_page()
        sign_in(supporter, people[who])
        supporter.goto(request_url)
        axe(supporter, f"the request, as {who}")
        supporter.get_by_role("button", name="Support this request").click()
        expect(supporter.locator(".ds_error-summary")).to_contain_text("Say in a line")
        axe(supporter, f"the support form with an error, as {who}")
        supporter.get_by_label("Your council's need").fill(need)
        supporter.get_by_role("button", name="Support this request").click()
        expect(supporter.locator("#supporters-table")).to_contain_text(need)
        supporter.context.close()
    page.goto(f"{base_url}/requests/")
    row = page.locator("#requests-table tbody tr", has_text="Book bulky uplifts online")
    expect(row.locator("[data-support-count]")).to_have_text("2")
    axe(page, "the list with the request")

    # The programme office triages it on a phone-sized screen: review, then accept.
    office = browser.new_context(viewport=PHONE).new_page()
    sign_in(office, people["office"])
    office.goto(f"{base_url}/")
    expect(office.locator("#triage-list")).to_contain_text("Book bulky uplifts online")
    axe(office, "the office's home page")
    office.get_by_role("link", name=re.compile("Book bulky uplifts online")).click()
    expect(office.locator("#support-count")).to_contain_text("2 other councils support")
    no_sideways_scroll(office)
    axe(office, "the request on a phone")
    office.get_by_role("link", name="Triage the request").click()
    axe(office, "the triage form")
    choose(office, "Start the review")
    office.get_by_role("button", name="Save the decision").click()
    expect(office.get_by_text(f"{work_request.reference} is now under review.")).to_be_visible()
    office.get_by_role("link", name="Triage the request").click()
    # Declining needs a reason.
    choose(office, "Decline")
    office.get_by_role("button", name="Save the decision").click()
    expect(office.locator(".ds_error-summary")).to_contain_text(
        "Give the reason for declining the request"
    )
    no_sideways_scroll(office)
    axe(office, "the triage form with an error, on a phone")
    choose(office, "Accept")
    choose(office, "Turn it into a new proposed project")
    expect(office.get_by_label("Title of the new project")).to_have_value(
        "Book bulky uplifts online"
    )
    office.get_by_role("button", name="Save the decision").click()
    expect(
        office.get_by_text("is now accepted. Its project is Book bulky uplifts online.")
    ).to_be_visible()
    axe(office, "the accepted request")

    work_request.refresh_from_db()
    project = work_request.project
    assert work_request.state == State.ACCEPTED
    assert project.stage == "proposed"
    interested = set(
        Participation.objects.filter(project=project).values_list("organisation__name", flat=True)
    )
    assert interested == {"Aberdeen City", "Angus", "Fife"}

    # The requester is told, and sees the outcome.
    told = [m for m in mail.outbox if m.to == [people["requester"].email]]
    assert [m.subject for m in told][-1] == (
        f"Your work request {work_request.reference} has been accepted"
    )
    assert f"/projects/{project.slug}/#participants" in told[-1].body
    assert {m.to[0] for m in mail.outbox if "accepted" in m.subject} == {
        people["requester"].email,
        people["angus"].email,
        people["fife"].email,
    }
    page.goto(request_url)
    expect(page.locator("#outcome")).to_contain_text("It is now part of the project")
    expect(page.locator("#triage-history")).to_contain_text("Accepted")
    axe(page, "the outcome, as the requester")
    page.locator("#outcome").get_by_role("link", name="Book bulky uplifts online").click()
    # The request's content carried over into the project's definition.
    expect(page.get_by_role("heading", level=1)).to_have_text("Book bulky uplifts online")
    expect(page.locator("main")).to_contain_text(
        "Residents can only book bulky uplifts by phone, in office hours."
    )
    expect(page.locator("#participants-table")).to_contain_text("Angus")
    expect(page.locator("#project-requests-table")).to_contain_text(work_request.reference)
    axe(page, "the new project")


def test_the_request_list_filters_and_works_without_javascript(
    browser, base_url, sign_in, axe, people
):
    from tests.work_requests.factories import SupportFactory, WorkRequestFactory

    theme = ThemeFactory(name="Digital Services", slug="digital-services")
    wanted = WorkRequestFactory(
        title="Garden waste permits online", theme=theme, urgency="critical"
    )
    SupportFactory(work_request=wanted)
    WorkRequestFactory(title="School lets", theme=theme, urgency="low")
    plain = browser.new_context(java_script_enabled=False, viewport=PHONE).new_page()
    sign_in(plain, people["fife"])
    plain.goto(f"{base_url}/requests/")
    plain.get_by_label("Urgency").select_option(label="Critical")
    plain.get_by_role("button", name="Apply filters").click()
    expect(plain).to_have_url(re.compile(r"urgency=critical"))
    expect(plain.locator("#results-count")).to_have_text(re.compile("1 request match your filters"))
    expect(plain.locator("#requests-table")).to_contain_text("Garden waste permits online")
    filtered = plain.url
    # axe runs in the page, so the same address is checked with JavaScript on.
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, people["fife"])
    page.goto(filtered)
    expect(page.locator("#requests-table")).to_contain_text("Garden waste permits online")
    no_sideways_scroll(page)
    axe(page, "the filtered list on a phone")
