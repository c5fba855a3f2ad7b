"""A project's history: loaded into the project page by htmx, and on a page of its own."""

import pytest

from heartbeat.portfolio import services
from heartbeat.portfolio.inputs import ProjectInput
from heartbeat.portfolio.selectors import project_to_input
from tests.portfolio.factories import ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_history_appears_on_the_project_page_and_on_its_own_page(
    page, base_url, axe, sign_in, programme_office
):
    theme = ThemeFactory(name="Digital Services")
    project = services.project_create(
        actor=programme_office,
        data=ProjectInput(
            title="Digital telecare", theme_id=theme.pk, summary="Telecare", visibility="public"
        ),
    )
    data = project_to_input(project)
    data.title = "Digital telecare for everyone"
    project = services.project_update(
        actor=programme_office, project=project, data=data, expected_version=project.version
    )

    sign_in(page, programme_office)
    page.goto(base_url + project.get_absolute_url())
    page.locator("#history").scroll_into_view_if_needed()
    entries = page.locator("#history-entries .hb-history__entry")
    entries.first.wait_for()
    assert "Digital telecare for everyone" in page.locator("#history-entries").inner_text()
    axe(page)

    page.goto(base_url + project.get_absolute_url() + "history/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "History of Digital telecare for everyone"
    )
    assert page.locator("ins", has_text="Digital telecare for everyone").count() >= 1
    axe(page)
