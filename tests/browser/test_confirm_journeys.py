"""Destructive actions and stage moves are confirmed on a page of their own, in a real
browser with axe on every page."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio.models import Project, Stage
from heartbeat.recruitment.models import Pledge, PledgeStatus
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


def test_a_council_lead_thinks_again_then_withdraws_a_pledge(
    browser, base_url, sign_in, axe, organisation_lead, council, programme_office
):
    project = ProjectFactory(
        title="Housing repairs online", slug="housing-repairs-online", stage=Stage.RECRUITING
    )
    need = ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Interaction designer", slug="interaction-designer"),
        days_per_month=Decimal("4"),
        start_month=START,
        end_month=END,
    )
    pledge = make_pledge(need, council, programme_office, start_month=START, end_month=END)
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)

    page.goto(f"{base_url}/recruitment/pledges/{pledge.pk}/")
    page.get_by_role("link", name="Withdraw the pledge").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Withdraw")
    axe(page, "withdrawal confirmation")
    page.get_by_role("link", name="No, go back").click()
    expect(page).to_have_url(f"{base_url}/recruitment/pledges/{pledge.pk}/")
    assert Pledge.objects.get().status == PledgeStatus.ACTIVE

    page.get_by_role("link", name="Withdraw the pledge").click()
    page.get_by_label("Why is the pledge being withdrawn?").fill("Needed for budget setting")
    page.get_by_role("button", name="Yes, withdraw the pledge").click()
    expect(page.get_by_text("The pledge has been withdrawn.")).to_be_visible()
    assert Pledge.objects.get().status == PledgeStatus.WITHDRAWN


def test_the_programme_office_approves_a_project_after_seeing_what_follows(
    browser, base_url, sign_in, axe, programme_office
):
    project = complete_definition(
        ProjectFactory(title="Digital telecare", slug="digital-telecare", stage=Stage.DEFINED)
    )
    page = browser.new_context().new_page()
    sign_in(page, programme_office)

    page.goto(f"{base_url}/projects/{project.slug}/")
    page.get_by_role("link", name="Approve", exact=True).click()
    expect(page.locator("#consequences")).to_contain_text("A baseline of the definition")
    axe(page, "approval confirmation")
    assert Project.objects.get(pk=project.pk).stage == Stage.DEFINED

    page.get_by_role("button", name="Yes, approve this project").click()
    expect(page.get_by_text("Digital telecare is now approved.")).to_be_visible()
    assert Project.objects.get(pk=project.pk).stage == Stage.APPROVED

    # Starting to recruit says that councils can then pledge.
    page.get_by_role("link", name="Start recruiting").click()
    expect(page.locator("#consequences")).to_contain_text("councils are asked to pledge")
    axe(page, "start recruiting confirmation")

    # Cancelling asks for a reason, at its field.
    page.goto(f"{base_url}/projects/{project.slug}/move/cancelled/")
    page.get_by_role("button", name="Yes, cancel this project").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("Enter a reason")
    axe(page, "cancel confirmation with an error")
    assert Project.objects.get(pk=project.pk).stage == Stage.APPROVED
