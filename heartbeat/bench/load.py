"""The load client: a separate process that sends GET requests to one path on loopback.

Run as ``python -m heartbeat.bench.load`` with a JSON spec on stdin; it prints the measured
latencies, statuses and ``X-Query-Count`` headers as JSON. Running apart from the server
and the orchestrator keeps its own work out of theirs. It uses ``http.client`` with one
keep-alive connection per thread (gunicorn's sync workers close each connection; the client
then reconnects, as a browser would), and stops at the request count or the time limit,
whichever comes first.
"""

from __future__ import annotations

import http.client
import itertools
import json
import sys
import threading
import time

from heartbeat.bench.report import count_rows

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
MAX_REQUESTS = 100_000
MAX_CONCURRENCY = 64
QUERY_COUNT_HEADER = "X-Query-Count"


def _check(spec: dict) -> None:
    if spec["host"] not in LOOPBACK:
        raise ValueError("The load client only talks to the loopback interface.")
    if not 0 < spec["requests"] <= MAX_REQUESTS:
        raise ValueError(f"requests must be between 1 and {MAX_REQUESTS}.")
    if not 0 < spec["concurrency"] <= MAX_CONCURRENCY:
        raise ValueError(f"concurrency must be between 1 and {MAX_CONCURRENCY}.")
    if not 0 < spec["time_limit"] <= 3600:
        raise ValueError("time_limit must be between 0 and 3600 seconds.")


_asked = itertools.count(1)


def _fresh(path: str) -> str:
    """``path`` with a ``fresh`` parameter no request of this process has sent."""
    return f"{path}{'&' if '?' in path else '?'}fresh={next(_asked)}"


def _load(
    spec: dict, total: int, deadline: float, rows: list[int] | None = None
) -> list[tuple[float, int, int | None]]:
    """Send ``total`` requests from ``concurrency`` threads; (ms, status, queries) each.
    With ``rows``, each answer's rows are counted into it (``report.count_rows``)."""
    lock = threading.Lock()
    remaining = [total]
    samples: list[tuple[float, int, int | None]] = []
    headers = {"User-Agent": "heartbeat-bench", "Accept": "*/*", **spec.get("headers", {})}

    def take() -> bool:
        with lock:
            if remaining[0] <= 0 or time.monotonic() > deadline:
                return False
            remaining[0] -= 1
            return True

    def worker() -> None:
        connection = http.client.HTTPConnection(spec["host"], spec["port"], timeout=30)
        try:
            while take():
                path = _fresh(spec["path"]) if spec.get("fresh") else spec["path"]
                started = time.perf_counter()
                try:
                    connection.request("GET", path, headers=headers)
                    response = connection.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException):
                    connection.close()
                    samples.append(((time.perf_counter() - started) * 1000, 0, None))
                    continue
                elapsed_ms = (time.perf_counter() - started) * 1000
                queries = response.getheader(QUERY_COUNT_HEADER)
                samples.append(
                    (elapsed_ms, response.status, int(queries) if queries is not None else None)
                )
                if rows is not None and response.status == 200:
                    rows.append(count_rows(spec["path"], body))
                if response.will_close:
                    connection.close()
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(spec["concurrency"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def run(spec: dict) -> dict:
    """Warm up, then load ``spec["path"]``; return what was measured.

    spec: host, port, path, requests, concurrency, time_limit (seconds), and optionally
    warmup (requests sent first and not measured), headers (such as Cookie), fresh (each
    request to an address of its own, see ``BenchURL.fresh``) and count_rows (count the
    rows of each file downloaded).
    """
    _check(spec)
    deadline = time.monotonic() + spec["time_limit"]
    if spec.get("warmup"):
        _load(spec, min(spec["warmup"], MAX_REQUESTS), deadline)
    started = time.perf_counter()
    rows: list[int] | None = [] if spec.get("count_rows") else None
    samples = _load(spec, spec["requests"], deadline, rows)
    elapsed = time.perf_counter() - started
    return {
        "path": spec["path"],
        "elapsed_s": elapsed,
        "latencies_ms": [sample[0] for sample in samples],
        "statuses": [sample[1] for sample in samples],
        "queries": [sample[2] for sample in samples],
        "timed_out": len(samples) < spec["requests"],
        "rows": max(rows) if rows else None,
    }


def main() -> None:
    json.dump(run(json.load(sys.stdin)), sys.stdout)


if __name__ == "__main__":
    main()
