"""Memory given back to the system after a request that needed much of it."""

import pytest

from heartbeat.core import memory

pytestmark = pytest.mark.skipif(
    memory._trim is None, reason="malloc_trim is glibc's, and /proc Linux's"
)


@pytest.fixture(autouse=True)
def _fresh_baseline():
    memory._baseline.size = None
    yield
    memory._baseline.size = None


def test_the_heap_s_free_pages_go_back_after_a_large_request():
    memory.give_back()  # the first request sets the baseline
    blocks = [bytes(1024) for _ in range(120_000)]  # about 125 MB in the C heap
    pin = bytes(1024)  # above them: the heap's top cannot simply shrink
    del blocks
    grown = memory.resident_bytes()

    assert memory.give_back() is True

    assert memory.resident_bytes() < grown - 50 * 1024 * 1024
    assert pin == bytes(1024)


def test_a_small_request_gives_nothing_back(monkeypatch):
    trims = []
    monkeypatch.setattr(memory, "_trim", trims.append)
    sizes = iter([100, 100 + memory.GROWTH, 100 + memory.GROWTH + 1, 90])
    monkeypatch.setattr(memory, "resident_bytes", lambda: next(sizes))

    assert memory.give_back() is False  # the baseline: 100
    assert memory.give_back() is False  # grown by exactly GROWTH
    assert memory.give_back() is True  # by more: trimmed, and the new size is the baseline
    assert trims == [0]
    assert memory._baseline.size == 90


@pytest.mark.django_db
def test_every_request_that_ends_is_looked_at(client, monkeypatch):
    seen = []
    monkeypatch.setattr(memory, "resident_bytes", lambda: seen.append(1) or 100)

    client.get("/healthz")

    assert seen  # read by give_back alone
