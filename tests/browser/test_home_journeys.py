"""Each role's home page, the council page as its own lead and as a visitor, and a leaver's
pledges handed on: in a real browser, with axe on every page visited."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.accounts.models import User
from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.recruitment.models import OrganisationCapacity, Pledge
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ResourceRequirementFactory,
    ScopeItemFactory,
    complete_definition,
)
from tests.recruitment.factories import (
    OrganisationCapacityFactory,
    ParticipationFactory,
    make_pledge,
)
from tests.skills.factories import SkillFactory, UserSkillFactory

pytestmark = pytest.mark.django_db(transaction=True)

START = first_of_month(timezone.localdate())
PHONE = {"width": 320, "height": 640}


def month(offset: int) -> datetime.date:
    return add_months(START, offset)


@pytest.fixture
def work(council, other_council, organisation_lead, project_lead, programme_office):
    """Aberdeen City leads a recruiting project that needs a designer and takes part in
    another; Ailsa Grant of Aberdeen City is pledged to it; a defined project awaits
    approval; Aberdeen City has declared less capacity than it pledges."""
    designer = SkillFactory(name="Service designer", slug="service-designer")
    ailsa = UserFactory(
        organisation=council, full_name="Ailsa Grant", email="ailsa.grant@aberdeencity.gov.uk"
    )
    morag = UserFactory(
        organisation=council, full_name="Morag Reid", email="morag.reid@aberdeencity.gov.uk"
    )
    UserSkillFactory(user=ailsa, skill=designer)
    UserSkillFactory(user=morag, skill=designer)
    telecare = ProjectFactory(
        title="Digital telecare",
        slug="digital-telecare",
        stage=Stage.RECRUITING,
        lead_organisation=council,
        project_lead=project_lead,
        visibility=Visibility.PUBLIC,
    )
    need = ResourceRequirementFactory(
        project=telecare,
        skill=designer,
        people=2,
        days_per_month=Decimal("4"),
        start_month=month(0),
        end_month=month(5),
    )
    make_pledge(
        need, council, organisation_lead, person_id=ailsa.pk,
        days_per_month=Decimal("4"), start_month=month(0), end_month=month(5),
    )  # fmt: skip
    records = ProjectFactory(
        title="Shared records", slug="shared-records", stage=Stage.RECRUITING,
        lead_organisation=other_council, visibility=Visibility.PARTNERSHIP,
    )  # fmt: skip
    ParticipationFactory(organisation=council, project=records, status="interested")
    ResourceRequirementFactory(
        project=ProjectFactory(title="Housing repairs online", stage=Stage.RECRUITING),
        skill=designer, start_month=month(0), end_month=month(5),
    )  # fmt: skip
    complete_definition(
        ProjectFactory(title="Cloud-first hosting", stage=Stage.DEFINED, project_lead=project_lead)
    )
    ScopeItemFactory(
        project=ProjectFactory(title="Generative AI guidance", project_lead=project_lead)
    )
    OrganisationCapacityFactory(
        organisation=council, days_per_month=Decimal("3"), start_month=month(0), end_month=month(5)
    )
    return {"ailsa": ailsa, "morag": morag, "need": need}


@pytest.mark.parametrize(
    ("role", "headings"),
    [
        ("programme_office", ["Programme office", "Projects waiting for a stage decision"]),
        ("organisation_lead", ["Organisation lead", "Projects Aberdeen City takes part in"]),
        (
            "project_lead",
            ["Project lead", "Your projects", "Needs still uncovered on your projects"],
        ),
        ("board_member", ["Board member", "Decisions awaiting the board"]),
        ("member", ["Member", "Projects of Aberdeen City", "New in the last two weeks"]),
    ],
)
def test_each_roles_home_page(browser, base_url, sign_in, axe, user_for_role, work, role, headings):
    user = user_for_role(role)
    page = browser.new_context().new_page()
    sign_in(page, user)
    page.goto(f"{base_url}/")
    for heading in headings:
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
    axe(page, f"home page, {role}")
    phone = browser.new_context(viewport=PHONE).new_page()
    sign_in(phone, user)
    phone.goto(f"{base_url}/")
    expect(phone.get_by_role("heading", name=headings[0]).first).to_be_visible()
    axe(phone, f"home page at 320 px, {role}")
    # Each block's count sits in its heading, and its link opens the full list.
    link = page.locator(".hb-home-block__link a").first
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith(base_url)
    axe(page, f"a full list from the home page, {role}")


def test_the_organisation_leads_home_page_shows_its_councils_work(
    browser, base_url, sign_in, axe, organisation_lead, work
):
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)
    page.goto(f"{base_url}/")
    block = page.locator("#council-pledges")
    expect(block.locator(".hb-count")).to_have_text("1")
    expect(block).to_contain_text("Ailsa Grant")
    expect(page.locator("#months-over-capacity")).to_contain_text("over by 1.0 days")
    expect(page.locator("#new-matching-needs")).to_contain_text("Housing repairs online")
    axe(page, "organisation lead's home page")


def test_the_council_page_as_its_own_lead(browser, base_url, sign_in, axe, organisation_lead, work):
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)
    page.goto(f"{base_url}/organisations/aberdeen-city/")
    expect(page.get_by_role("heading", name="Act for Aberdeen City")).to_be_visible()
    expect(page.locator("#hub-capacity-warning")).to_contain_text("more days are pledged")
    expect(page.locator("#hub-projects-table")).to_contain_text("Shared records")
    expect(page.locator("#hub-help-table")).to_contain_text("Housing repairs online")
    axe(page, "council page, its lead")

    # Join, one click away.
    page.locator("#hub-projects-table tr", has_text="Shared records").get_by_role(
        "button", name="Join"
    ).click()
    expect(page.locator(".ds_notification")).to_contain_text("is now committed on Shared records")
    page.goto(f"{base_url}/organisations/aberdeen-city/")
    expect(page.locator("#hub-projects-table tr", has_text="Shared records")).to_contain_text(
        "Committed"
    )

    # Declare capacity, one click away.
    page.get_by_role("link", name="Declare capacity").click()
    page.get_by_label("Days per month").fill("10")
    page.get_by_label("First month").fill(f"{month(6):%Y-%m}")
    page.get_by_label("Last month").fill(f"{month(11):%Y-%m}")
    page.get_by_role("button", name="Declare capacity").click()
    expect(page.locator(".ds_notification")).to_contain_text("The capacity has been declared")
    assert OrganisationCapacity.objects.filter(days_per_month=Decimal("10")).exists()
    axe(page, "capacity page after declaring")

    # Pledge, one click away.
    page.goto(f"{base_url}/organisations/aberdeen-city/")
    page.locator("#hub-help-table tr", has_text="Housing repairs online").get_by_role(
        "link", name="Pledge"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Housing repairs online")
    axe(page, "pledge form from the council page")


def test_the_council_page_as_a_visitor(browser, base_url, axe, work):
    for viewport, label in (({"width": 1280, "height": 900}, "desktop"), (PHONE, "phone")):
        page = browser.new_context(viewport=viewport).new_page()
        page.goto(f"{base_url}/organisations/aberdeen-city/")
        expect(page.locator("#hub-projects-table")).to_contain_text("Digital telecare")
        expect(page.locator("#projects")).not_to_contain_text("Shared records")
        expect(page.locator("#pledges")).to_contain_text("A named person")
        expect(page.locator("main")).not_to_contain_text("Ailsa Grant")
        expect(page.get_by_role("heading", name="Act for Aberdeen City")).to_have_count(0)
        axe(page, f"council page, visitor on a {label}")


def test_the_programme_office_deactivates_a_leaver_whose_pledges_are_then_reassigned(
    browser, base_url, sign_in, axe, programme_office, organisation_lead, work
):
    ailsa, morag = work["ailsa"], work["morag"]
    office = browser.new_context().new_page()
    sign_in(office, programme_office)
    office.goto(f"{base_url}/people/")
    axe(office, "people list")
    office.get_by_label("Organisation").select_option(label="Aberdeen City")
    office.get_by_role("button", name="Apply filters").click()
    office.get_by_role("link", name="Ailsa Grant").click()
    expect(office.get_by_role("heading", level=1)).to_have_text("Ailsa Grant")
    expect(office.locator("#load-table")).to_contain_text("Digital telecare")
    axe(office, "a person's page, programme office")
    office.get_by_role("link", name="Deactivate a leaver").click()
    expect(office.locator("main")).to_contain_text("Nothing is deleted")
    expect(office.locator("main")).to_contain_text("Digital telecare")
    axe(office, "deactivation form")
    # Without a reason: the error summary says what to do.
    office.get_by_role("button", name="Deactivate the account").click()
    expect(office.locator(".ds_error-summary")).to_contain_text("Enter the reason")
    axe(office, "deactivation form with an error")
    office.get_by_label("Why are you deactivating this account?").fill(
        "Left the council on 28 November 2026"
    )
    office.get_by_role("button", name="Deactivate the account").click()
    expect(office.locator(".ds_notification")).to_contain_text("has been deactivated")
    expect(office.locator("#deactivated")).to_contain_text("Left the council on 28 November 2026")
    expect(office.locator("#history-table")).to_contain_text("Deactivated")
    axe(office, "a leaver's page")
    assert not User.objects.get(pk=ailsa.pk).is_active
    assert Pledge.objects.get(person=ailsa).status == "active"

    # The council's lead sees the pledge to reassign, on their home page and their council's.
    lead = browser.new_context().new_page()
    sign_in(lead, organisation_lead)
    lead.goto(f"{base_url}/")
    expect(lead.locator("#pledges-to-reassign")).to_contain_text("Ailsa Grant")
    axe(lead, "home page with a pledge to reassign")
    lead.locator("#pledges-to-reassign").get_by_role(
        "link", name="Reassign or withdraw them"
    ).click()
    section = lead.locator("#reassign")
    expect(section).to_contain_text("Ailsa Grant")
    expect(section).to_contain_text("Account deactivated")
    axe(lead, "council page with a pledge to reassign")
    section.get_by_role("link", name="Reassign").first.click()
    lead.get_by_label("Person").select_option(label="Morag Reid")
    lead.get_by_role("button", name="Save the pledge").click()
    expect(lead.locator(".ds_notification")).to_contain_text("The pledge has been changed")
    assert Pledge.objects.get(requirement=work["need"]).person == morag
    lead.goto(f"{base_url}/organisations/aberdeen-city/")
    expect(lead.locator("#reassign")).to_contain_text("No pledge names someone who has left")
    axe(lead, "council page after reassigning")


def test_an_account_without_an_organisation_is_prompted_to_join(browser, base_url, axe, council):
    User.objects.create_superuser("admin@example.scot", DEFAULT_PASSWORD)
    admin = User.objects.get(email="admin@example.scot")
    page = browser.new_context().new_page()
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("Email address").fill(admin.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Join your organisation")).to_be_visible()
    axe(page, "home page without an organisation")
    page.get_by_role("link", name="Choose the organisation you work for").click()
    page.get_by_label("Organisation").select_option(label="Aberdeen City")
    page.get_by_label("Why are they moving?").fill("I work for Aberdeen City Council")
    axe(page, "choosing an organisation")
    page.get_by_role("button", name="Save their organisation").click()
    expect(page.locator(".ds_summary-list")).to_contain_text("Aberdeen City")
    page.goto(f"{base_url}/")
    expect(page.get_by_role("heading", name="Join your organisation")).to_have_count(0)


def test_the_council_page_and_a_persons_page_on_a_phone(
    browser, base_url, sign_in, axe, organisation_lead, work
):
    page = browser.new_context(viewport=PHONE).new_page()
    sign_in(page, organisation_lead)
    page.goto(f"{base_url}/organisations/aberdeen-city/")
    expect(page.get_by_role("heading", name="Act for Aberdeen City")).to_be_visible()
    axe(page, "council page at 320 px, its lead")
    page.goto(f"{base_url}/people/{work['ailsa'].pk}/")
    expect(page.locator("#load-table")).to_contain_text("Digital telecare")
    axe(page, "a person's page at 320 px")
    # The wide table scrolls inside its own box, which takes the keyboard's focus.
    page.locator(".hb-scroll-region").first.focus()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
