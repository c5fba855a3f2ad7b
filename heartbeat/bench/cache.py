"""The shared cache the bench's gunicorn workers use, as production's (README: Redis).

With ``CACHE_URL`` set, the bench uses that server. Otherwise, when ``redis-server`` is
installed, it starts one of its own on a free port for the run and stops it after; without
either, the workers keep no figures between requests and the run says so.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

from heartbeat.bench.server import HOST, BenchError


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"redis-server stopped at once (exit {process.returncode})")
        with socket.socket() as sock:
            if sock.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.05)
    raise BenchError(f"redis-server did not answer on port {port} within {timeout:.0f} s")


@contextlib.contextmanager
def shared_cache(environ: dict[str, str]) -> Iterator[tuple[str | None, str]]:
    """Yield the cache address for the workers (or None) and a line saying which it is."""
    if environ.get("CACHE_URL"):
        yield environ["CACHE_URL"], f"Cache: {environ['CACHE_URL']} (CACHE_URL)"
        return
    binary = shutil.which("redis-server")
    if binary is None:
        yield None, "Cache: none (redis-server is not installed): every figure worked out afresh"
        return
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [binary, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process)
        yield f"redis://{HOST}:{port}/0", f"Cache: a Redis of the bench's own on port {port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
