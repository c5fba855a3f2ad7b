"""What a soak run found: latency by kind of action, outcomes, errors, worker memory, and
whether the run passed (no errors, and no worker's memory grew by the threshold or more)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from heartbeat.bench.report import percentile
from heartbeat.bench.soak.actions import CONFLICT, ERROR, NO_TARGET, OK, VALIDATION

MAX_GROWTH = 0.10  # a worker's resident memory may grow by less than 10% over the run
RESULTS = (OK, VALIDATION, CONFLICT, NO_TARGET, ERROR)
# Above this share of a write's posts failing validation, the workload picks poor targets.
MOSTLY_INVALID = 0.5
OVERALL = "overall"


@dataclass(frozen=True)
class Latency:
    kind: str
    requests: int
    p50: float
    p95: float
    p99: float
    max: float


def latencies(samples: list[list]) -> list[Latency]:
    """p50, p95 and p99 of every request, then of each kind (such as ``read (list)`` or
    ``pledge (post)``), in ms. A sample is [kind, method, status, ms, queries]."""
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, _method, _status, ms, _queries in samples:
        by_kind[kind].append(ms)
    everything = [sample[3] for sample in samples]
    rows = []
    for kind, values in [(OVERALL, everything), *sorted(by_kind.items())]:
        if not values:
            continue
        rows.append(
            Latency(
                kind=kind,
                requests=len(values),
                p50=percentile(values, 50),
                p95=percentile(values, 95),
                p99=percentile(values, 99),
                max=max(values),
            )
        )
    return rows


def outcome_counts(outcomes: list[list]) -> dict[str, Counter]:
    """How each action ended, counted: {"pledge": Counter({"ok": 40, "validation": 2})}."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for action, result, _detail in outcomes:
        counts[action][result] += 1
    return dict(counts)


def outcome_kinds(outcomes: list[list]) -> list[tuple[str, str, str, int]]:
    """The validation errors, conflicts and missing targets by kind, commonest first:
    (action, result, message, count)."""
    counter = Counter(
        (action, result, detail)
        for action, result, detail in outcomes
        if result in (VALIDATION, CONFLICT, NO_TARGET)
    )
    return [
        (action, result, detail, count)
        for (action, result, detail), count in sorted(
            counter.items(), key=lambda item: (-item[1], item[0])
        )
    ]


def memory_growth(start: list[dict], end: list[dict]) -> list[dict]:
    """Each worker's resident memory at the start and the end, and its growth (a share of
    the start). A worker present at one end only has None for the other."""
    before = {worker["pid"]: worker for worker in start}
    after = {worker["pid"]: worker for worker in end}
    rows = []
    for pid in sorted(set(before) | set(after)):
        start_mb = before[pid]["rss_mb"] if pid in before else None
        end_mb = after[pid]["rss_mb"] if pid in after else None
        growth = None
        if start_mb and end_mb is not None:
            growth = (end_mb - start_mb) / start_mb
        rows.append(
            {
                "pid": pid,
                "start_mb": start_mb,
                "end_mb": end_mb,
                "peak_mb": after[pid]["peak_mb"] if pid in after else None,
                "growth": growth,
            }
        )
    return rows


def failures(errors: list[dict], memory: list[dict], max_growth: float = MAX_GROWTH) -> list[str]:
    """Why the run failed, in words; empty when it passed."""
    reasons = []
    if errors:
        statuses = Counter(error["status"] for error in errors)
        listed = ", ".join(
            f"{count} x {'no response' if status == 0 else f'HTTP {status}'}"
            for status, count in sorted(statuses.items())
        )
        reasons.append(f"{len(errors)} error{'' if len(errors) == 1 else 's'} ({listed})")
    if not memory:
        reasons.append("no gunicorn worker's memory could be read")
    for row in memory:
        if row["start_mb"] is None:
            reasons.append(f"worker {row['pid']} started during the run (one was replaced)")
        elif row["end_mb"] is None:
            reasons.append(f"worker {row['pid']} was gone at the end (it was replaced)")
        elif row["growth"] >= max_growth:
            reasons.append(
                f"worker {row['pid']} grew {row['growth']:.1%} "
                f"({row['start_mb']:.1f} MB to {row['end_mb']:.1f} MB), "
                f"the limit is under {max_growth:.0%}"
            )
    return reasons


def warnings(outcomes: list[list]) -> list[str]:
    """What makes the workload itself doubtful: writes that mostly fail validation, or an
    action that never once succeeded."""
    found = []
    for action, counts in sorted(outcome_counts(outcomes).items()):
        posted = counts[OK] + counts[VALIDATION] + counts[CONFLICT]
        if posted and counts[VALIDATION] / posted > MOSTLY_INVALID:
            found.append(
                f"{counts[VALIDATION]} of {posted} {action} posts failed validation: the "
                "workload is choosing poor targets"
            )
        if not counts[OK]:
            found.append(f"no {action} succeeded")
    return found


# Printing -------------------------------------------------------------------------------


def _table(headings: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headings, *rows, strict=True)
    ]

    def line(cells):
        return "  ".join(
            str(cell).rjust(width) if index in numeric else str(cell).ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headings), line(["-" * width for width in widths]), *map(line, rows)])


def format_latencies(rows: list[Latency]) -> str:
    return _table(
        ["kind", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms"],
        [
            [
                row.kind,
                row.requests,
                f"{row.p50:.1f}",
                f"{row.p95:.1f}",
                f"{row.p99:.1f}",
                f"{row.max:.1f}",
            ]  # fmt: skip
            for row in rows
        ],
        numeric={1, 2, 3, 4, 5},
    )


def format_outcomes(counts: dict[str, Counter]) -> str:
    order = ["read", "pledge", "update", "edit"]
    actions = sorted(counts, key=lambda a: (order.index(a) if a in order else len(order), a))
    return _table(
        ["action", *RESULTS],
        [[action, *(counts[action][result] for result in RESULTS)] for action in actions],
        numeric=set(range(1, len(RESULTS) + 1)),
    )


def format_memory(rows: list[dict], max_growth: float = MAX_GROWTH) -> str:
    def mb(value):
        return "-" if value is None else f"{value:.1f}"

    table = _table(
        ["worker", "start MB", "end MB", "peak MB", "growth"],
        [
            [
                row["pid"],
                mb(row["start_mb"]),
                mb(row["end_mb"]),
                mb(row["peak_mb"]),
                "-" if row["growth"] is None else f"{row['growth']:+.1%}",
            ]
            for row in rows
        ],
        numeric={1, 2, 3, 4},
    )
    return (
        f"{table}\n(resident memory after the warm-up and at the end; "
        f"limit: growth under {max_growth:.0%})"
    )


def format_errors(errors: list[dict], limit: int = 50) -> str:
    counted = Counter(
        (error["action"], error["method"], error["path"], error["status"], error["detail"])
        for error in errors
    )
    lines = [
        f"  {count} x {action}: {method} {path} -> "
        f"{'no response' if status == 0 else f'HTTP {status}'} ({detail})"
        for (action, method, path, status, detail), count in counted.most_common(limit)
    ]
    if len(counted) > limit:
        lines.append(f"  ... and {len(counted) - limit} more kinds")
    return "\n".join(lines)
