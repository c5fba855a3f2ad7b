"""Targets, statistics, verdicts and the printed table of a benchmark run.

The targets (issue 15, on top of the foundation's), at scale 10 and 100 on PostgreSQL with
2 gunicorn workers: each URL's throughput a share of the floor's (the cheapest Django
response, measured in the same run, so that a busy machine does not move the bar): HTML
list and detail pages 15% with p95 under 50 ms, API reads 25%, dashboards 10% (p95 under
150 ms) and exports of a page-sized result 5%; a whole register as a file (``bulk``) drawn
in under 2 seconds for each 20,000 rows, one request at a time; no page above 20 queries
and none whose count grows with the data; each gunicorn worker under 250 MB after the run.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

TARGET_P95_MS: dict[str, float | None] = {
    "list": 50.0,
    "detail": 50.0,
    "api": 100.0,
    "dashboard": 150.0,
    "export": None,
    # Held to BULK_MS_PER_ROWS for the rows it holds (``bulk_target_ms``).
    "bulk": None,
    # A search drawn afresh for every request (``BenchURL.fresh``), whatever the word.
    "search": 60.0,
}
# The least throughput a URL of each kind must reach, as a share of the floor's.
FLOOR_SHARE: dict[str, float] = {
    "list": 0.15,
    "detail": 0.15,
    "api": 0.25,
    "dashboard": 0.10,
    "export": 0.05,
    "bulk": 0.0,
    # Held to its latency only: the same list kept is held to the list's share.
    "search": 0.0,
}
MAX_QUERIES = 20
# A whole register as a file: drawn afresh, one request at a time, in under 2 seconds for
# each 20,000 rows it holds (and under 2 seconds however few).
BULK_MS_PER_ROWS = (2000.0, 20_000)
BULK_REQUESTS = 5
MAX_WORKER_MB = 250.0
# The scales the targets are set for.
TARGET_SCALES = (10, 100)
TARGET_ENGINE = "postgresql"


def bulk_target_ms(rows: int) -> float:
    """The most a whole register of ``rows`` rows may take to draw."""
    ms, per_rows = BULK_MS_PER_ROWS
    return ms * max(1.0, rows / per_rows)


def row_marker(path: str) -> bytes:
    """What each row of a file at ``path`` ends with (CSV) or starts with (a calendar)."""
    return b"BEGIN:VEVENT" if ".ics" in path else b"\r\n"


def count_rows(path: str, body: bytes) -> int:
    """The rows of a downloaded file: its records, not counting a CSV's header."""
    marker = row_marker(path)
    found = body.count(marker)
    return max(found - 1, 0) if marker == b"\r\n" else found


def percentile(values: list[float], pct: float) -> float:
    """The ``pct`` percentile, interpolating between the closest ranks (as numpy does)."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= pct <= 100:
        raise ValueError("pct must be between 0 and 100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Result:
    """What was measured for one URL."""

    name: str
    path: str
    kind: str
    signed_in: bool
    latencies_ms: list[float]
    statuses: list[int]
    queries: list[int | None]
    elapsed_s: float
    growth_queries: int | None = None
    growth_status: int | None = None
    # The count at this scale with every kept figure worked out (what the growth check
    # compares); None when the main pass kept none (no shared cache).
    work_queries: int | None = None
    min_rps: float | None = None
    timed_out: bool = False
    notes: list[str] = field(default_factory=list)
    role: str | None = None  # the bench user the requests were signed in as
    floor_rps: float | None = None  # the floor's throughput in the same run
    rows: int | None = None  # a whole register's rows (``bulk``)

    @property
    def floor_share(self) -> float | None:
        """This URL's throughput as a share of the floor's (0.15 for 15%)."""
        if not self.floor_rps:
            return None
        return self.rps / self.floor_rps

    @property
    def loaded_as(self) -> str:
        """Who the requests were made as: a role ("organisation lead"), or "public"."""
        if not self.signed_in:
            return "public"
        return self.role.replace("_", " ") if self.role else "signed in"

    @property
    def requests(self) -> int:
        return len(self.latencies_ms)

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def p50(self) -> float | None:
        return percentile(self.latencies_ms, 50) if self.latencies_ms else None

    @property
    def p95(self) -> float | None:
        return percentile(self.latencies_ms, 95) if self.latencies_ms else None

    @property
    def query_count(self) -> int | None:
        """The most queries any request ran (they should all agree)."""
        counted = [count for count in self.queries if count is not None]
        return max(counted) if counted else None

    @property
    def failures(self) -> Counter:
        return Counter(status for status in self.statuses if status != 200)


def misses(result: Result) -> list[str]:
    """The targets ``result`` missed, in words; empty when it met them all."""
    missed = []
    if not result.requests:
        return ["no requests completed"]
    failures = result.failures
    if failures:
        statuses = ", ".join(
            f"{count} x {'no response' if status == 0 else f'HTTP {status}'}"
            for status, count in sorted(failures.items())
        )
        missed.append(f"failed: {statuses}")
    target = TARGET_P95_MS[result.kind]
    if target is not None and result.p95 > target:
        missed.append(f"p95 over {target:.0f} ms")
    if result.kind == "bulk":
        if result.rows is None:
            missed.append("no rows counted")
        elif max(result.latencies_ms) > bulk_target_ms(result.rows):
            missed.append(
                f"over {bulk_target_ms(result.rows) / 1000:.1f} s for {result.rows:,} rows"
            )
    share, needed = result.floor_share, FLOOR_SHARE[result.kind]
    if share is not None and share < needed:
        missed.append(f"{share:.1%} of the floor, under {needed:.0%}")
    if result.min_rps is not None and result.rps < result.min_rps:
        missed.append(f"under {result.min_rps:.0f} req/s")
    queries = result.query_count
    if queries is None:
        missed.append("no query count")
    else:
        # With kept pages and figures, what a page costs when drawn is the count worked out.
        compared = queries if result.work_queries is None else result.work_queries
        if max(queries, compared) > MAX_QUERIES:
            missed.append(f"over {MAX_QUERIES} queries")
        if result.growth_queries is not None and result.growth_queries != compared:
            missed.append("queries grow with data")
    if result.growth_status not in (None, 200):
        missed.append(f"HTTP {result.growth_status} at the smaller scale")
    if result.timed_out:
        missed.append("stopped at the time limit")
    return missed


def verdict(result: Result) -> str:
    return "; ".join(misses(result)) or "OK"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _count(value: int | None) -> str:
    return "-" if value is None else str(value)


def table_rows(results: list[Result]) -> list[list[str]]:
    return [
        [
            result.path,
            result.kind,
            result.loaded_as,
            str(result.requests),
            f"{result.rps:.1f}",
            _share(result.floor_share),
            _ms(result.p50),
            _ms(result.p95),
            _count(result.query_count),
            _count(result.growth_queries),
            verdict(result),
        ]
        for result in results
    ]


def format_table(results: list[Result], growth_scale: int | None) -> str:
    """A plain-text table, one row per URL, numbers right-aligned."""
    headers = [
        "URL",
        "kind",
        "as",
        "requests",
        "req/s",
        "of floor",
        "p50 ms",
        "p95 ms",
        "queries",
        f"at scale {growth_scale}" if growth_scale else "smaller scale",
        "verdict",
    ]
    numeric = {3, 4, 5, 6, 7, 8, 9}
    rows = [headers, *table_rows(results)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(headers))]

    def line(row: list[str]) -> str:
        cells = [
            cell.rjust(width) if column in numeric else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows[1:])])


def faster_floor(*runs: Result) -> Result:
    """The floor is measured before the pages and again after them; the faster run is the
    floor. A run can be slowed by what the machine is doing (the workers are fresh for the
    first, a busy neighbour for either), never sped up, so the faster is the truer floor
    and the shares of it are not flattered."""
    return max(runs, key=lambda run: run.rps)


def format_floor(floor: Result) -> str:
    return (
        f"Floor {floor.path} (the cheapest Django response): p50 {_ms(floor.p50)} ms, "
        f"p95 {_ms(floor.p95)} ms, {floor.rps:.1f} req/s over {floor.requests} requests."
    )


def memory_misses(workers: list[dict]) -> list[str]:
    return [
        f"worker {worker['pid']} uses {worker['rss_mb']:.0f} MB"
        for worker in workers
        if worker["rss_mb"] >= MAX_WORKER_MB
    ]


def format_memory(workers: list[dict]) -> str:
    if not workers:
        return "Worker memory: not measured (no /proc, or no workers found)."
    each = ", ".join(
        f"{worker['rss_mb']:.1f} MB (peak {worker['peak_mb']:.1f})" for worker in workers
    )
    state = "OK" if not memory_misses(workers) else "MISSED"
    return f"Worker memory after the run: {each}; target under {MAX_WORKER_MB:.0f} MB: {state}."


def summary_line(results: list[Result], workers: list[dict], *, scale: int, engine: str) -> str:
    missed = [result for result in results if misses(result)]
    memory = memory_misses(workers)
    parts = [f"{len(results) - len(missed)} of {len(results)} URLs met their targets"]
    if missed:
        paths = Counter(result.path for result in results)
        parts.append(
            "missed: "
            + ", ".join(
                result.path if paths[result.path] == 1 else f"{result.path} ({result.loaded_as})"
                for result in missed
            )
        )
    if memory:
        parts.append("memory: " + "; ".join(memory))
    line = "Summary: " + "; ".join(parts) + "."
    if scale not in TARGET_SCALES or not engine.lower().startswith(TARGET_ENGINE):
        line += (
            " (The targets are set for scales "
            + " and ".join(str(s) for s in TARGET_SCALES)
            + " on PostgreSQL; this run is indicative.)"
        )
    return line


def result_json(result: Result) -> dict:
    return {
        "name": result.name,
        "path": result.path,
        "kind": result.kind,
        "signed_in": result.signed_in,
        "role": result.role,
        "requests": result.requests,
        "elapsed_s": round(result.elapsed_s, 3),
        "rps": round(result.rps, 1),
        "floor_share": None if result.floor_share is None else round(result.floor_share, 4),
        "min_floor_share": FLOOR_SHARE.get(result.kind),
        "p50_ms": None if result.p50 is None else round(result.p50, 2),
        "p95_ms": None if result.p95 is None else round(result.p95, 2),
        "max_ms": round(max(result.latencies_ms), 2) if result.latencies_ms else None,
        "queries": result.query_count,
        "queries_smaller_scale": result.growth_queries,
        "queries_figures_worked_out": result.work_queries,
        "statuses": {str(status): count for status, count in Counter(result.statuses).items()},
        "target_p95_ms": TARGET_P95_MS.get(result.kind),
        "rows": result.rows,
        "target_ms": None if result.rows is None else bulk_target_ms(result.rows),
        "min_rps": result.min_rps,
        "misses": misses(result),
        "verdict": verdict(result),
    }
