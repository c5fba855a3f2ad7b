import pytest


@pytest.fixture(autouse=True)
def _papers_in_a_temporary_folder(settings, tmp_path):
    # Uploaded papers go through the storage API into a folder of the test's own.
    settings.MEDIA_ROOT = tmp_path / "media"
