"""The bench's shared cache: the one named, one of its own, or none (said in the output)."""

import shutil
import socket

import pytest

from heartbeat.bench import cache as bench_cache


def test_a_named_cache_is_used_as_it_is():
    with bench_cache.shared_cache({"CACHE_URL": "redis://cache.internal:6379/3"}) as (url, line):
        assert url == "redis://cache.internal:6379/3"
        assert "CACHE_URL" in line


def test_without_redis_the_run_says_no_figures_are_kept(monkeypatch):
    monkeypatch.setattr(bench_cache.shutil, "which", lambda name: None)
    with bench_cache.shared_cache({}) as (url, line):
        assert url is None
        assert line.startswith("Cache: none")


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server not installed")
def test_a_redis_of_its_own_answers_during_the_run_and_stops_after():
    import redis

    with bench_cache.shared_cache({}) as (url, line):
        assert url.startswith("redis://127.0.0.1:")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        assert str(port) in line
        client = redis.Redis.from_url(url)
        assert client.ping() is True
        client.close()
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0
