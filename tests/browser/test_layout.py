"""The page never scrolls sideways: wide tables scroll inside their own box."""

import datetime

import pytest
from playwright.sync_api import expect

from heartbeat.portfolio.models import Stage
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_three_year_heat_map_scrolls_inside_its_box_not_the_page(page, base_url, axe):
    project = ProjectFactory(
        title="Shared data platform",
        stage=Stage.RECRUITING,
        planned_start=datetime.date(2026, 4, 1),
        planned_end=datetime.date(2029, 3, 31),
    )
    ResourceRequirementFactory(
        project=project,
        start_month=datetime.date(2026, 4, 1),
        end_month=datetime.date(2029, 3, 1),
    )
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(base_url + project.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "Shared data platform"

    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page is {widths[0]}px wide in a {widths[1]}px window"
    widest_table = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('table')].map(t => t.scrollWidth))"
    )
    assert widest_table > widths[1], "the test needs a table wider than the window"
    axe(page)


# Below 768 px the navigation is a menu ------------------------------------------------------

PHONE = {"width": 320, "height": 720}


def test_on_a_phone_the_menu_button_opens_the_navigation(browser, base_url, axe):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(base_url + "/")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    projects = page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects")
    expect(projects).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(projects).to_be_visible()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in"))
    axe(page, "the open menu at 320 px")
    projects.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Projects")


def test_on_a_phone_without_javascript_the_navigation_is_a_list(browser, base_url, axe):
    page = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(base_url + "/")
    navigation = page.get_by_role("navigation", name="Main")
    expect(navigation.get_by_role("link", name="Projects")).to_be_visible()
    expect(navigation.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1]


def test_on_a_wide_screen_the_navigation_shows_without_a_menu(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + "/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects")
    ).to_be_visible()


# Wide tables and the coverage grid ----------------------------------------------------------


def test_a_table_takes_keyboard_focus_only_while_it_scrolls(page, base_url, axe):
    for stage in Stage:
        ProjectFactory(title=f"A project {stage.label.lower()}", stage=stage)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + "/programme/")
    region = page.get_by_role("region", name="Projects in each theme by stage (table)")
    expect(region).to_be_visible()
    # At 1280 px the stage table fits: every column shows, and it is no tab stop.
    right = region.bounding_box()["x"] + region.bounding_box()["width"]
    for column in ("Paused", "Cancelled", "Total"):
        header = region.get_by_role("columnheader", name=column)
        box = header.bounding_box()
        assert box["x"] + box["width"] <= right + 1, f"{column} is cut off"
    expect(region).not_to_have_attribute("tabindex", "0")
    page.set_viewport_size(PHONE)
    expect(region).to_have_attribute("tabindex", "0")
    region.focus()
    page.keyboard.press("ArrowRight")
    # The arrow keys scroll it (smoothly, so wait for it to move).
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=5000)
    axe(page, "programme at 320 px")


def test_the_coverage_grid_shows_its_colours_and_keeps_its_row_headers_in_view(page, base_url, axe):
    project = ProjectFactory(
        title="Shared data platform",
        stage=Stage.RECRUITING,
        planned_start=datetime.date(2026, 4, 1),
        planned_end=datetime.date(2029, 3, 31),
    )
    ResourceRequirementFactory(
        project=project, start_month=datetime.date(2026, 4, 1), end_month=datetime.date(2029, 3, 1)
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + project.get_absolute_url())
    grid = page.get_by_role("region", name="Days pledged of days required, by need and month")
    # Every cell has the colour its key promises (nothing is pledged: "No days pledged").
    colours = page.evaluate(
        """() => {
          const cell = document.querySelector('#heat-map td.hb-heat--none');
          const swatch = document.querySelector('.hb-heat-swatch.hb-heat--none');
          return [getComputedStyle(cell).backgroundColor, getComputedStyle(swatch).backgroundColor];
        }"""
    )
    assert colours[0] == colours[1] != "rgb(255, 255, 255)"
    # The grid uses the page's width, then scrolls under its row headers.
    box = grid.bounding_box()
    main = page.locator("main").bounding_box()
    assert box["width"] >= main["width"] - 2
    row_header = grid.locator("tbody th").first
    before = row_header.bounding_box()["x"]
    grid.evaluate("box => { box.scrollLeft = 800; }")
    assert grid.evaluate("box => box.scrollLeft") > 0
    assert abs(row_header.bounding_box()["x"] - before) < 1
    # Its title sits above the scrolling box, so it does not scroll away either.
    title = page.locator("#heat-map-caption").bounding_box()
    assert abs(title["x"] - box["x"]) < 1
    axe(page, "coverage grid")
