"""A page with an error summary is titled "Error: ...", whichever app drew it."""

import re

import pytest
from django.urls import reverse

from heartbeat.portfolio.models import Project
from tests.portfolio.factories import ThemeFactory
from tests.portfolio.formdata import project_post

pytestmark = pytest.mark.django_db


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_a_form_with_errors_shows_all_of_them_at_once_under_an_error_title(
    client_for, programme_office
):
    theme = ThemeFactory()
    data = project_post(theme=theme, title="", planned_start="2027-03-01", planned_end="2026-04-01")

    response = client_for(programme_office).post(reverse("portfolio:project_create"), data)

    assert response.status_code == 422
    html = response.content.decode()
    assert _title(html).startswith("Error: ")
    summary = html[html.index('class="ds_error-summary"') :]
    # The empty title and the service's rule on the dates, in one summary.
    assert 'href="#id_title"' in summary
    assert "The planned end must be on or after the planned start." in summary
    assert not Project.objects.exists()


def test_a_page_without_errors_keeps_its_title(client_for, programme_office):
    response = client_for(programme_office).get(reverse("portfolio:project_create"))

    assert response.status_code == 200
    assert not _title(response.content.decode()).startswith("Error")


def test_the_title_is_prefixed_once(client_for, programme_office):
    data = project_post(theme=ThemeFactory(), title="", summary="")

    html = client_for(programme_office).post(reverse("portfolio:project_create"), data)
    html = html.content.decode()

    assert _title(html).count("Error: ") == 1
