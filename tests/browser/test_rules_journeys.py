"""The rules of issue 7 as people meet them in a real browser, with axe on every page."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio import services as portfolio_services
from heartbeat.portfolio.models import Stage
from heartbeat.recruitment.models import Pledge
from tests.factories import UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ResourceRequirementFactory,
    complete_definition,
)
from tests.recruitment.factories import make_pledge
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db(transaction=True)

START = first_of_month(timezone.localdate())
END = add_months(START, 5)


@pytest.fixture
def recruiting(other_council):
    project = complete_definition(
        ProjectFactory(
            title="Housing repairs online",
            slug="housing-repairs-online",
            stage=Stage.RECRUITING,
            lead_organisation=other_council,
            planned_start=START,
            planned_end=END + datetime.timedelta(days=27),
        )
    )
    project.resource_requirements.all().delete()
    ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Service designer", slug="service-designer"),
        level="practitioner",
        people=1,
        days_per_month=Decimal("4"),
        start_month=START,
        end_month=END,
    )
    return project


def test_a_council_lead_sees_people_s_load_and_why_a_pledge_is_refused(
    browser, base_url, sign_in, axe, organisation_lead, council, recruiting
):
    busy = UserFactory(organisation=council, full_name="Morag Reid")
    other = complete_definition(ProjectFactory(stage=Stage.IN_DELIVERY, title="Digital telecare"))
    need = other.resource_requirements.get()
    need.start_month, need.end_month, need.days_per_month = START, END, Decimal("20")
    need.save()
    make_pledge(
        need,
        council,
        organisation_lead,
        person_id=busy.pk,
        days_per_month=Decimal("17"),
        start_month=START,
        end_month=START,
    )
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)
    page.goto(f"{base_url}/projects/housing-repairs-online/")
    page.locator("#needs-table").get_by_role("link", name="Pledge").click()

    # The form shows each person's month: Morag already gives 17 days this month.
    load = page.locator("#people-load tbody tr", has_text="Morag Reid")
    expect(load.locator("td").first).to_contain_text("17.0 of")
    axe(page, "pledge form with people's load")

    # A pledge below the need's level is refused, with what to do instead.
    page.get_by_label("Person").select_option(label="Morag Reid")
    page.get_by_label("Level").select_option("working")
    page.get_by_role("button", name="Pledge").click()
    expect(page.locator(".ds_error-summary")).to_contain_text(
        "This need is for practitioner level or above"
    )
    axe(page, "pledge refused for its level")

    # At the right level, Morag's month is full: the form says so, at the days.
    page.get_by_label("Level").select_option("practitioner")
    page.get_by_label("Days per month").fill("8")
    page.get_by_role("button", name="Pledge").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Morag Reid would give 25 days")
    axe(page, "pledge refused for the person's month")
    assert not Pledge.objects.filter(requirement__project=recruiting).exists()


def test_the_baseline_and_a_paused_project_as_a_member_sees_them(
    browser, base_url, sign_in, axe, programme_office, project_lead, member, recruiting
):
    project = recruiting
    project.stage = Stage.DEFINED
    project.project_lead = project_lead
    project.save()
    portfolio_services.project_transition(
        actor=programme_office, project=project, to_stage=Stage.APPROVED
    )
    page = browser.new_context().new_page()
    sign_in(page, project_lead)
    page.goto(f"{base_url}/projects/housing-repairs-online/edit/")
    page.get_by_label("Planned end").fill(f"{add_months(END, 3):%Y-%m-%d}")
    page.locator("button.ds_button", has_text="Save changes").click()
    expect(page.locator("#baseline")).to_have_text("Changes since approval")
    expect(page.locator("#baseline-differences")).to_contain_text("Changed the planned end")
    expect(page.locator("#baseline-differences")).to_contain_text(project_lead.display_name)
    axe(page, "project page with its baseline")

    # The programme office pauses it: the coverage section says pledges wait.
    portfolio_services.project_transition(
        actor=programme_office, project=project, to_stage=Stage.RECRUITING
    )
    portfolio_services.project_transition(
        actor=programme_office, project=project, to_stage=Stage.PAUSED, reason="Budget review"
    )
    page = browser.new_context().new_page()
    sign_in(page, member)
    page.goto(f"{base_url}/programme/")
    expect(page.get_by_text("Changed since approval")).to_be_visible()
    axe(page, "programme with a project changed since approval")
    page.goto(f"{base_url}/projects/housing-repairs-online/")
    expect(page.locator("#pledges-paused")).to_contain_text("takes no new pledges")
    axe(page, "paused project")
