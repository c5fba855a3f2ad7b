import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Attachments are written through the storage API into a folder of the test's own.
    settings.MEDIA_ROOT = str(tmp_path / "media")
