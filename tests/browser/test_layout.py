"""The page never scrolls sideways: wide tables scroll inside their own box."""

import datetime

import pytest

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
