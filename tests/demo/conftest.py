import pytest


@pytest.fixture(autouse=True)
def _on_a_laptop(settings):
    # The demo is for a laptop: DEBUG on, as `make demo` sets it. A test of a server sets
    # DEBUG off itself.
    settings.DEBUG = True
