"""Journeys through the work programme's pages in a real browser, with axe on every page."""

import csv
import datetime
import re

import pytest
from playwright.sync_api import expect

from heartbeat.portfolio.models import Project, Stage
from tests.portfolio.factories import ProjectFactory, ThemeFactory, complete_definition
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db(transaction=True)

HTMX = "**/htmx-2.min.js"


def save_button(page, name):
    # The form also starts with a hidden copy of its save button, for the Enter key.
    return page.locator("button.ds_button", has_text=name)


def test_a_project_lead_defines_a_project_and_the_programme_office_approves_it(
    browser, base_url, sign_in, axe, project_lead, programme_office
):
    ThemeFactory(name="Digital Services", slug="digital-services")
    SkillFactory(name="Delivery manager", slug="delivery-manager")
    council = project_lead.organisation

    lead = browser.new_context()
    page = lead.new_page()
    sign_in(page, project_lead)

    page.goto(f"{base_url}/projects/")
    axe(page)
    page.get_by_role("link", name="Propose a project").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose a project")
    axe(page)

    # A project from nothing: only the essentials first.
    page.get_by_label("Title").fill("Digital telecare")
    page.get_by_label("Theme").select_option(label="Digital Services")
    page.get_by_label("Summary").fill("Move every council's telecare to digital phone lines.")
    page.get_by_label("Lead organisation").select_option(label=council.name)
    save_button(page, "Propose project").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital telecare")
    expect(page.get_by_text("Digital telecare has been proposed.")).to_be_visible()
    axe(page)

    # The checklist holds the move back and says what is missing.
    expect(page.get_by_role("link", name="Mark as defined")).to_have_count(0)
    blocked = page.locator("#moves-blocked")
    expect(blocked).to_contain_text("Mark as defined: not yet, because the definition")
    expect(blocked).to_contain_text("anticipated product")
    expect(page.locator("#checklist-requirements")).to_contain_text("Missing")
    axe(page, "project page with the definition incomplete")
    assert Project.objects.get().stage == Stage.PROPOSED

    # Fill in the definition without htmx: adding a row reloads the whole form.
    page.route(HTMX, lambda route: route.abort())
    page.get_by_role("link", name="Edit the project").click()
    axe(page)
    page.locator("#id_scope_in-0-text").fill("Alarm receiving centres in every council")
    page.locator("#id_requirements-0-text").fill("Work with digital phone lines")
    page.get_by_role("button", name="Add another requirement").click()
    expect(page.locator("#id_requirements-1-text")).to_be_visible()
    # Focus is on the new row's first field after the reload.
    expect(page.locator("#id_requirements-1-text")).to_be_focused()
    # Everything typed before the reload is still there.
    expect(page.locator("#id_scope_in-0-text")).to_have_value(
        "Alarm receiving centres in every council"
    )
    expect(page.locator("#id_requirements-0-text")).to_have_value("Work with digital phone lines")
    axe(page, "edit form after adding a row")
    page.locator("#id_requirements-1-text").fill("Report every failed alarm call")
    page.locator("#id_requirements-1-priority").select_option("should")
    page.locator("#id_products-0-name").fill("Shared alarm receiving centre")
    page.locator("#id_products-0-product_type").select_option("platform")
    page.locator("#id_products-0-planned_date").fill("2026-11-26")
    page.locator("#id_benefits-0-text").fill("No failed alarm calls when lines go digital")
    page.locator("#id_resources-0-skill").select_option(label="Delivery manager")
    page.locator("#id_resources-0-level").select_option("practitioner")
    page.locator("#id_resources-0-people").fill("2")
    page.locator("#id_resources-0-days_per_month").fill("4")
    page.locator("#id_resources-0-start_month").fill("2026-04")
    page.locator("#id_resources-0-end_month").fill("2026-09")
    save_button(page, "Save changes").click()
    expect(page.get_by_text("Your changes to Digital telecare have been saved.")).to_be_visible()
    expect(page.locator("#checklist").locator("xpath=following-sibling::p[1]")).to_have_text(
        "The definition is complete."
    )
    expect(page.locator("#resources-table")).to_contain_text("April 2026 to September 2026")
    axe(page, "project page with a complete definition")
    page.unroute(HTMX)

    # Each move is confirmed on a page of its own.
    page.get_by_role("link", name="Mark as defined").click()
    axe(page, "confirming the move to defined")
    page.get_by_role("button", name="Yes, mark this project as defined").click()
    expect(page.get_by_text("Digital telecare is now defined.")).to_be_visible()
    # Approval is not the lead's to give.
    expect(page.get_by_role("link", name="Approve", exact=True)).to_have_count(0)
    axe(page, "project page once defined")
    lead.close()

    office = browser.new_context()
    page = office.new_page()
    sign_in(page, programme_office)
    page.goto(f"{base_url}/projects/digital-telecare/")
    axe(page)
    page.get_by_role("link", name="Approve", exact=True).click()
    page.get_by_role("button", name="Yes, approve this project").click()
    expect(page.get_by_text("Digital telecare is now approved.")).to_be_visible()
    log = page.locator("#transitions").locator("xpath=following-sibling::div[1]")
    expect(log).to_contain_text(programme_office.display_name)
    expect(log).to_contain_text(project_lead.display_name)
    axe(page, "project page once approved")
    office.close()

    project = Project.objects.get()
    assert project.stage == Stage.APPROVED
    assert [t.to_stage for t in project.transitions.order_by("at")] == ["defined", "approved"]
    assert project.requirements.count() == 2


def test_a_second_editor_sees_the_conflict_and_keeps_their_input(
    browser, base_url, sign_in, axe, project_lead, programme_office
):
    project = complete_definition(
        ProjectFactory(
            title="Office 365 federation",
            slug="office-365-federation",
            project_lead=project_lead,
            lead_organisation=project_lead.organisation,
        )
    )
    edit_url = f"{base_url}/projects/{project.slug}/edit/"

    first = browser.new_context().new_page()
    sign_in(first, project_lead)
    first.goto(edit_url)
    axe(first)

    second = browser.new_context().new_page()
    sign_in(second, programme_office)
    second.goto(edit_url)
    axe(second)

    # The second editor adds a benefit row with htmx: only that section changes.
    second.evaluate("window.stillTheSamePage = true")
    second.get_by_role("button", name="Add another benefit").click()
    expect(second.locator("#id_benefits-1-text")).to_be_visible()
    assert second.evaluate("window.stillTheSamePage") is True
    # Focus moves to the new row and the page's status line says what changed.
    expect(second.locator("#id_benefits-1-text")).to_be_focused()
    expect(second.locator("#rows-status")).to_have_text("Benefit 2 added.")
    # Removing it puts focus on the row before.
    second.get_by_role("button", name="Remove benefit 2").click()
    expect(second.locator("#id_benefits-1-text")).to_have_count(0)
    expect(second.locator("#id_benefits-0-text")).to_be_focused()
    expect(second.locator("#rows-status")).to_have_text("Benefit 2 removed.")
    second.get_by_role("button", name="Add another benefit").click()
    expect(second.locator("#id_benefits-1-text")).to_be_focused()
    second.locator("#id_benefits-1-text").fill("A shared address book for 13 councils")
    second.get_by_label("Sponsor").fill("Chief Executive, Fife Council")

    # The first editor saves first.
    first.get_by_label("Summary").fill("Federate Office 365 tenancies across councils.")
    save_button(first, "Save changes").click()
    expect(first.get_by_text("have been saved")).to_be_visible()

    save_button(second, "Save changes").click()
    summary = second.locator(".ds_error-summary")
    expect(summary).to_contain_text(f"{project_lead.display_name} saved this project")
    expect(second.locator("#conflict")).to_contain_text(
        "Federate Office 365 tenancies across councils."
    )
    expect(second.locator("#id_benefits-1-text")).to_have_value(
        "A shared address book for 13 councils"
    )
    expect(second.get_by_label("Sponsor")).to_have_value("Chief Executive, Fife Council")
    axe(second, "edit form showing a conflict")

    # Having seen their change, saving again keeps the second editor's input.
    save_button(second, "Save changes").click()
    expect(second.get_by_text("have been saved")).to_be_visible()
    axe(second)
    project.refresh_from_db()
    assert project.sponsor == "Chief Executive, Fife Council"
    assert project.version == 3
    assert "A shared address book for 13 councils" in {
        b.text for b in project.expected_benefits.all()
    }


def test_a_visitor_filters_the_catalogue_and_downloads_exactly_that_list(page, base_url, axe):
    services = ThemeFactory(name="Digital Services", slug="digital-services")
    foundations = ThemeFactory(name="Digital Foundations", slug="digital-foundations")
    for n, (title, theme, stage) in enumerate(
        [
            ("Digital telecare", services, Stage.APPROVED),
            ("CRM and bookings", services, Stage.APPROVED),
            ("Intelligent automation", services, Stage.PROPOSED),
            ("Cyber resilience", foundations, Stage.APPROVED),
            ("Office 365 federation", foundations, Stage.IN_DELIVERY),
            ("Digital skills academy", services, Stage.APPROVED),
        ]
    ):
        ProjectFactory(
            title=title,
            theme=theme,
            stage=stage,
            planned_start=datetime.date(2026, 4 + n, 1),
        )

    page.goto(f"{base_url}/projects/")
    axe(page)
    page.get_by_label("Theme").select_option(label="Digital Services")
    page.get_by_label("Stage").select_option(label="Approved")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-count")).to_contain_text("3 projects match your filters")
    expect(page).to_have_url(re.compile(r"stage=approved"))
    axe(page, "filtered catalogue")

    shown = page.locator("#catalogue-table tbody th a").all_inner_texts()
    assert sorted(shown) == ["CRM and bookings", "Digital skills academy", "Digital telecare"]

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"^CSV")).click()
    path = download_info.value.path()
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["Title"] for row in rows] == shown
    assert {row["Stage"] for row in rows} == {"Approved"}
    assert {row["Theme"] for row in rows} == {"Digital Services"}


def test_with_many_lead_organisations_a_visitor_filters_by_typing_the_name(
    page, base_url, axe, monkeypatch
):
    from heartbeat.portfolio.selectors import catalogue
    from tests.factories import OrganisationFactory

    fife = OrganisationFactory(name="Fife", official_name="Fife Council")
    ProjectFactory(title="Digital telecare", lead_organisation=fife)
    ProjectFactory(title="Cyber resilience", lead_organisation=OrganisationFactory(name="Angus"))
    # Past this many, the filter is a box for a name rather than a list of them all.
    monkeypatch.setattr(catalogue, "LEAD_OPTIONS_AT_MOST", 1)

    page.goto(f"{base_url}/projects/")
    box = page.get_by_label("Lead organisation")
    expect(box).to_have_attribute("type", "text")
    box.fill("fife council")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-count")).to_contain_text("1 project")
    assert page.locator("#catalogue-table tbody th a").all_inner_texts() == ["Digital telecare"]
    expect(page).to_have_url(re.compile(r"lead=fife"))
    # The results were swapped in below the box as typed; the same address loaded afresh
    # (a link, a bookmark) shows the organisation's name in it.
    page.reload()
    expect(page.get_by_label("Lead organisation")).to_have_value("Fife")
    axe(page, "catalogue filtered by a typed lead organisation")

    page.get_by_label("Lead organisation").fill("Fyfe")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("body")).to_contain_text("There is no organisation 'Fyfe'.")
    axe(page, "catalogue with a lead organisation it does not know")
