"""The templates' ``url()``: Django's ``reverse``, remembered for plain arguments."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from heartbeat.core.jinja2env import _reverse, url


@pytest.fixture(autouse=True)
def _fresh_memory():
    _reverse.cache_clear()
    yield
    set_script_prefix("/")
    _reverse.cache_clear()


class Titled:
    """An argument whose text can change while it stays the same object."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


def test_gives_what_reverse_gives_and_remembers_it():
    first = url("portfolio:project_detail", "digital-telecare")
    again = url("portfolio:project_detail", slug="digital-telecare")

    assert first == reverse("portfolio:project_detail", args=["digital-telecare"])
    assert again == first
    assert url("portfolio:project_detail", "digital-telecare") == first
    assert _reverse.cache_info().hits == 1
    assert url("portfolio:project_list") == "/projects/"


def test_the_script_prefix_is_part_of_what_is_remembered():
    assert url("portfolio:project_list") == "/projects/"
    set_script_prefix("/heartbeat/")

    assert url("portfolio:project_list") == "/heartbeat/projects/"


def test_an_object_argument_is_reversed_afresh_each_time():
    project = Titled("telecare")
    assert url("portfolio:project_detail", project) == "/projects/telecare/"

    project.text = "digital-telecare"

    assert url("portfolio:project_detail", project) == "/projects/digital-telecare/"
    assert _reverse.cache_info().currsize == 0


def test_a_path_that_does_not_exist_is_still_an_error():
    with pytest.raises(NoReverseMatch):
        url("portfolio:project_detail", "not a slug")
    with pytest.raises(NoReverseMatch):
        url("portfolio:no_such_page")


def test_another_url_configuration_is_remembered_apart(settings):
    assert url("portfolio:project_list") == "/projects/"
    settings.ROOT_URLCONF = "tests.core.alternative_urls"

    assert url("portfolio:project_list") == "/elsewhere/projects/"
