import pytest

from tests.governance.factories import BoardFactory, MeetingFactory, SeatFactory


@pytest.fixture(autouse=True)
def _papers_in_a_temporary_folder(settings, tmp_path):
    # Uploaded papers go through the storage API into a folder of the test's own.
    settings.MEDIA_ROOT = tmp_path / "media"


# The board most tests use: the Programme Board, with the board member as its secretary.
# A file that needs a gate or another seat defines its own.
@pytest.fixture
def board(board_member):
    board = BoardFactory(name="Programme Board")
    SeatFactory(board=board, person=board_member, role="secretary")
    return board


@pytest.fixture
def meeting(board):
    return MeetingFactory(board=board)
