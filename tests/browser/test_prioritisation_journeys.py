"""Prioritisation in a real browser, with axe on every page visited: the programme office
scores and publishes a round, and a member reads the ranking with its reasons and tries a
what-if, with htmx and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from heartbeat.portfolio.models import Stage
from heartbeat.prioritisation.models import Round, RoundEntry
from tests.portfolio.factories import ProjectFactory
from tests.prioritisation.factories import defaults, published_round

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 720}

# What the office types: (strategic fit, benefit value, effort, risk) and the reasons.
SCORES = {
    "Digital telecare": (5, 4, 4, 4),
    "Housing repairs online": (3, 4, 3, 3),
    "Parking permits online": (2, 3, 1, 2),
}


def no_sideways_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page is {widths[0]}px wide in a {widths[1]}px window"


@pytest.fixture
def programme(db, programme_office):
    defaults(programme_office)
    return {title: ProjectFactory(title=title, stage=Stage.RECRUITING) for title in SCORES}


def _score(page, title: str, values) -> None:
    page.get_by_role("link", name=f"Score {title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Score {title}")
    for legend, value in zip(
        ("Strategic fit", "Benefit value", "Effort", "Risk"), values, strict=True
    ):
        group = page.locator("fieldset.hb-row-group", has=page.locator("legend", has_text=legend))
        group.locator("label.ds_radio__label", has_text=re.compile(f"^{value}:")).click()
        group.get_by_label("Why this score").fill(f"{legend} is {value} for {title}: the evidence.")
    page.get_by_role("button", name="Save the scores").click()
    expect(page.get_by_text(f"The scores of {title} have been saved.")).to_be_visible()


def test_the_office_scores_and_publishes_and_a_member_reads_and_tries_a_what_if(
    browser, base_url, sign_in, axe, programme, programme_office, member
):
    office = browser.new_context().new_page()
    sign_in(office, programme_office)
    office.goto(f"{base_url}/priorities/")
    expect(office.locator("main")).to_contain_text("No scoring round has been published yet.")
    axe(office, "no ranking yet")
    office.get_by_role("link", name="Open or continue a scoring round").click()
    axe(office, "the rounds")
    office.get_by_role("button", name="Open a new round").click()
    expect(office.locator("#progress")).to_have_text("0 of 3")
    axe(office, "the draft round")

    # A score without its reason is refused, and nothing is lost.
    office.get_by_role("link", name="Score Digital telecare").click()
    axe(office, "the score form")
    fit = office.locator(
        "fieldset.hb-row-group", has=office.locator("legend", has_text="Strategic fit")
    )
    fit.locator("label.ds_radio__label", has_text=re.compile("^5:")).click()
    office.get_by_role("button", name="Save the scores").click()
    expect(office.locator(".ds_error-summary")).to_contain_text(
        "Write the rationale for the score of Strategic fit"
    )
    axe(office, "the score form with an error")
    office.go_back()
    office.goto(f"{base_url}/priorities/rounds/1/")
    for title, values in SCORES.items():
        _score(office, title, values)
        office.goto(f"{base_url}/priorities/rounds/1/")
    expect(office.locator("#progress")).to_have_text("3 of 3")
    office.get_by_role("link", name="Publish the round").click()
    axe(office, "the publish page")
    office.get_by_label("What changed in this round").fill("The first ranking of the programme.")
    office.get_by_role("button", name=re.compile("^Publish Round 1")).click()
    expect(office.get_by_text("is published. Members can read it now.")).to_be_visible()
    assert Round.objects.get().is_published

    # A member reads the ranking, its method and every reason.
    page = browser.new_context().new_page()
    sign_in(page, member)
    page.goto(f"{base_url}/priorities/")
    table = page.locator("#ranking-table")
    expect(table.locator("tbody tr").first).to_contain_text("Digital telecare")
    expect(page.locator("#criteria-table")).to_contain_text("Under 50 days of work")
    # Telecare: fit 5, benefit 4, demand 1 (no council), readiness 1 (2 of 7 definition items,
    # nothing staffed), effort 4 and risk 4 (higher is worse). Weighted:
    # 3(1) + 3(0.75) + 2(0) + 2(0) + 1(0.25) + 1(0.25) = 5.75; 100 x 5.75 / 12 = 47.9.
    expect(page.locator("#worked-sum")).to_have_text("100 × 5.75 ÷ 12 = 47.9")
    first = table.locator("tbody tr").first
    first.get_by_text("Scores and reasons").click()
    expect(first).to_contain_text("Strategic fit is 5 for Digital telecare: the evidence.")
    axe(page, "the ranking with reasons open")

    # A what-if, in place with htmx: weigh effort heavily and the least effort rises.
    ranking_url = page.url
    page.get_by_label("Effort").fill("30")
    page.get_by_role("button", name="Show the top ten with these weights").click()
    result = page.locator("#what-if-table")
    expect(result.locator("tbody tr").first).to_contain_text("Parking permits online")
    assert page.url == ranking_url  # swapped in place, nothing saved
    axe(page, "the what-if answer in place")
    page.get_by_label("Risk").fill("0")
    page.get_by_role("button", name="Show the top ten with these weights").click()
    expect(page.locator("#what-if-result")).to_contain_text("Risk: The weight must be more than 0")
    axe(page, "the what-if with an error")
    assert RoundEntry.objects.get(title="Parking permits online").rank == 3

    # The project page shows its rank.
    page.goto(f"{base_url}{programme['Parking permits online'].get_absolute_url()}")
    expect(page.locator("#rank-history-table")).to_contain_text("3 of 3")
    axe(page, "a project's rank history")


def test_the_what_if_works_without_javascript_and_on_a_phone(
    browser, base_url, sign_in, axe, programme, programme_office, member
):
    published_round(programme_office)
    plain = browser.new_context(java_script_enabled=False).new_page()
    sign_in(plain, member)
    plain.goto(f"{base_url}/priorities/")
    plain.get_by_label("Effort").fill("25")
    plain.get_by_role("button", name="Show the top ten with these weights").click()
    expect(plain).to_have_url(re.compile(r"/priorities/what-if/\?round=1&.*w-effort=25"))
    expect(plain.locator("#what-if-table")).to_be_visible()
    expect(plain.get_by_label("Effort")).to_have_value("25")
    plain.get_by_label("Effort").fill("lots")
    plain.get_by_role("button", name="Show the top ten with these weights").click()
    expect(plain.locator(".ds_question--error")).to_contain_text("Enter the weight as a number")
    answer = plain.url

    # The same pages with JavaScript on, at a phone's width, for axe.
    phone = browser.new_context(viewport=PHONE).new_page()
    sign_in(phone, member)
    for address in (f"{base_url}/priorities/", answer):
        phone.goto(address)
        no_sideways_scroll(phone)
        axe(phone, f"{address} on a phone")
