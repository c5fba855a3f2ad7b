"""The roadmap in a real browser, with axe on every page visited: a council lead marks a
product adopted and the roadmap shows the new adoption rate; the roadmap reads as a table
at 320 px and filters without JavaScript."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from heartbeat.portfolio.models import Visibility
from heartbeat.roadmap.models import Adoption
from heartbeat.roadmap.quarters import quarter_of
from tests.factories import OrganisationFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory
from tests.roadmap.factories import AdoptionFactory, ProductFactory, live_product, make_member

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = timezone.localdate()


@pytest.fixture
def toolkit(council):
    """A live product that one of the partnership's four members has adopted."""
    make_member(council)
    others = [make_member(OrganisationFactory(name=name)) for name in ("Angus", "Fife", "Moray")]
    theme = ThemeFactory(name="Digital Leadership", slug="digital-leadership")
    product = live_product(
        name="Digital maturity assessment toolkit",
        slug="digital-maturity-assessment-toolkit",
        project=ProjectFactory(
            title="Digital maturity assessment",
            theme=theme,
            visibility=Visibility.PUBLIC,
            planned_start=None,
            planned_end=None,
        ),
        planned_quarter=quarter_of(TODAY),
        delivered_on=TODAY - datetime.timedelta(days=20),
    )
    AdoptionFactory(product=product, organisation=others[0], adopted_on=TODAY)
    return product


def test_a_council_lead_marks_a_product_adopted_and_the_roadmap_shows_the_new_rate(
    browser, base_url, sign_in, axe, organisation_lead, toolkit
):
    page = browser.new_context().new_page()
    sign_in(page, organisation_lead)

    page.goto(f"{base_url}/roadmap/")
    row = page.locator("#roadmap tbody tr", has_text="Digital Leadership")
    expect(row).to_contain_text("Adopted by 1 of 4 members (25%)")
    axe(page, "roadmap")

    row.get_by_role("link", name="Digital maturity assessment toolkit").click()
    expect(page.locator("#adoption-rate")).to_contain_text("1 of the partnership's 4 members")
    axe(page, "product page")
    page.get_by_role("link", name="Mark as adopted by Aberdeen City").click()
    axe(page, "adoption form")

    # A date before the product was delivered is explained, and the note is kept.
    page.get_by_label("Date adopted").fill(
        (toolkit.delivered_on - datetime.timedelta(days=1)).isoformat()
    )
    page.get_by_label("Note (optional)").fill("Every service completed the assessment.")
    page.get_by_role("button", name="Mark as adopted").click()
    expect(page.locator(".ds_error-summary")).to_contain_text("was delivered on")
    expect(page.get_by_label("Note (optional)")).to_have_value(
        "Every service completed the assessment."
    )
    axe(page, "adoption form with an error")

    page.get_by_label("Date adopted").fill(TODAY.isoformat())
    page.get_by_role("button", name="Mark as adopted").click()
    expect(
        page.get_by_text("Aberdeen City has adopted Digital maturity assessment toolkit")
    ).to_be_visible()
    expect(page.locator("#adoption-rate")).to_contain_text("2 of the partnership's 4 members")
    expect(page.locator("#adoption-table")).to_contain_text("Every service completed")
    axe(page, "product page after adoption")

    page.goto(f"{base_url}/roadmap/")
    expect(page.locator("#roadmap")).to_contain_text("Adopted by 2 of 4 members (50%)")
    page.goto(f"{base_url}/roadmap/adoption/")
    expect(page.locator("#council-adoption")).to_contain_text("Aberdeen City")
    axe(page, "adoption by council")
    assert Adoption.objects.filter(organisation=organisation_lead.organisation).exists()


def test_the_roadmap_reads_as_a_table_at_320_px_and_filters_without_javascript(
    browser, base_url, axe, toolkit
):
    ProductFactory(
        name="Repairs service patterns",
        project=ProjectFactory(
            theme=ThemeFactory(name="Digital Services", slug="digital-services"),
            visibility=Visibility.PUBLIC,
            planned_start=None,
            planned_end=None,
        ),
        planned_quarter=quarter_of(TODAY),
    )
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/roadmap/")
    expect(page.locator("#roadmap")).to_contain_text("Repairs service patterns")
    page.get_by_label("Theme").select_option("digital-leadership")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"theme=digital-leadership"))
    expect(page.locator("#roadmap")).to_contain_text("Digital maturity assessment toolkit")
    expect(page.locator("#roadmap")).not_to_contain_text("Repairs service patterns")

    phone = browser.new_context(viewport={"width": 320, "height": 640}).new_page()
    phone.goto(f"{base_url}/roadmap/?theme=digital-leadership")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 320
    # Each quarter of a theme reads with its own label when the table is stacked.
    label = phone.locator("#roadmap tbody td:not(.hb-roadmap__empty) .hb-roadmap__label").first
    expect(label).to_be_visible()
    axe(phone, "roadmap at 320 px")
    phone.goto(f"{base_url}/roadmap/changes/")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 320
    axe(phone, "what changed at 320 px")
