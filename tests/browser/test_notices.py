"""Notices that arrive: a withdrawal reaches the project lead by email, with the reason,
through the database queue and the worker that `make run` starts beside the server."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from heartbeat.portfolio.models import Stage
from heartbeat.recruitment.models import Pledge, PledgeStatus
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import make_pledge

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "Our designer is needed for the council's budget consultation until March."


@pytest.fixture
def queued_tasks(settings):
    # Tasks wait in the database until a worker runs them, as with `make run`.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def test_the_project_lead_hears_of_a_withdrawal_with_its_reason(
    queued_tasks, browser, base_url, sign_in, axe, organisation_lead, council, other_council
):
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
    )
    requirement = ResourceRequirementFactory(project=project, days_per_month=Decimal("4"))
    pledge = make_pledge(
        requirement,
        council,
        organisation_lead,
        capacity_label="A service designer",
        start_month=requirement.start_month,
        end_month=requirement.end_month,
        days_per_month=Decimal("2"),
    )
    call_command("worker", "--batch", verbosity=0)  # the notice of the pledge itself
    mail.outbox.clear()

    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)
    page.goto(f"{base_url}/recruitment/pledges/{pledge.pk}/")
    page.get_by_role("link", name="Withdraw the pledge").click()
    page.get_by_label("Why is the pledge being withdrawn?").fill(REASON)
    page.get_by_role("button", name="Withdraw the pledge").click()
    expect(page.get_by_text("The pledge has been withdrawn.")).to_be_visible()
    assert Pledge.objects.get().status == PledgeStatus.WITHDRAWN

    # The notice waits in the queue until a worker runs it.
    assert mail.outbox == []
    call_command("worker", "--batch", verbosity=0)
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["fiona.mackay@angus.gov.uk"]
    assert "withdrawn" in notice.subject.lower()
    assert "Housing repairs online" in notice.subject
    assert f"Reason for withdrawing: {REASON}" in notice.body

    # The reason is on the project page too, beside the withdrawn pledge.
    lead_page = browser.new_context().new_page()
    sign_in(lead_page, lead)
    lead_page.goto(f"{base_url}/projects/housing-repairs-online/#coverage")
    row = lead_page.locator("#pledges-table tbody tr", has_text="Withdrawn")
    expect(row).to_contain_text(REASON)
    axe(lead_page, "project page with a withdrawn pledge")
