"""``python -m heartbeat.bench.soak``: a mixed workload of reads and writes against gunicorn
for a while, reporting errors, latency by kind of action and the workers' memory growth."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from heartbeat.bench.registry import BENCH_URLS
from heartbeat.bench.runner import (
    PROJECT_DIR,
    choose_database,
    prepare,
    redact,
    remove_sqlite,
    var_dir,
    write_json,
)
from heartbeat.bench.server import BenchError, Gunicorn, base_environment, sign_in
from heartbeat.bench.soak import report
from heartbeat.bench.soak.client import MIX
from heartbeat.generator.runner import BENCH_PASSWORD, BENCH_USERS

MEMORY_EVERY_S = 5.0
# The warm-up first requests every read URL this many times per gunicorn worker, the copies
# at once, so that each worker has rendered every page before its memory is first read.
SWEEP_PER_WORKER = 2


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m heartbeat.bench.soak",
        description="Serve a generated partnership with gunicorn and put a mixed workload of "
        "reads and writes on it for a while; fail on any error or on memory growth.",
    )
    parser.add_argument("--duration", type=float, default=120, help="seconds (default 120)")
    parser.add_argument("--concurrency", type=int, default=16, help="soak users (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--scale", type=int, default=10, help="data scale (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--database-url",
        help="database to soak (default: BENCH_DATABASE_URL, DATABASE_URL, else the SQLite file "
        "var/soak-<scale>.sqlite3); generating flushes and refills it",
    )
    parser.add_argument(
        "--no-generate",
        action="store_true",
        help="reuse the partnership generated in the database by an earlier run",
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=15,
        help="seconds of the same workload first, after requesting every read URL a few "
        "times (default 15; 0: no warm-up at all)",
    )
    parser.add_argument(
        "--max-growth",
        type=float,
        default=report.MAX_GROWTH * 100,
        help="a worker's memory must grow by less than this percentage (default 10)",
    )
    parser.add_argument(
        "--output", type=Path, help="JSON results file (default var/soak-results.json)"
    )
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    if args.concurrency < 1 or args.workers < 1:
        parser.error("--concurrency and --workers must be at least 1")
    if args.duration <= 0 or args.warmup < 0:
        parser.error("--duration must be more than 0 and --warmup not negative")
    if args.max_growth <= 0:
        parser.error("--max-growth must be more than 0")
    return args


def read_urls(paths: dict[str, str]) -> list[dict]:
    """The bench's URLs as the client reads them: path, kind and role (None: signed out)."""
    return [
        {"path": paths[url.name], "kind": url.kind, "role": url.as_role}
        for url in BENCH_URLS
        if url.name in paths
    ]


def sign_in_everyone(port: int) -> dict[str, str]:
    """Each bench user signed in through the form: role -> Cookie header."""
    return {role: sign_in(port, email, BENCH_PASSWORD) for role, email in BENCH_USERS.items()}


def act(server: Gunicorn, spec: dict, *, every: float = MEMORY_EVERY_S) -> tuple[dict, list[dict]]:
    """Run the soak client in its own process; sample the workers' memory meanwhile.
    Returns what the client recorded and the memory samples."""
    timeline = []
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "heartbeat.bench.soak.client"],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            text=True,
            cwd=PROJECT_DIR,
        )
        process.stdin.write(json.dumps(spec))
        process.stdin.close()
        limit = spec["duration"] + 300
        while True:
            try:
                process.wait(timeout=every)
                break
            except subprocess.TimeoutExpired:
                elapsed = time.monotonic() - started
                timeline.append({"at_s": round(elapsed, 1), "workers": server.worker_memory()})
                if elapsed > limit:
                    process.kill()
                    process.wait()
                    raise BenchError("The soak client did not finish in time.") from None
        if process.returncode != 0:
            err.seek(0)
            raise BenchError(f"The soak client failed:\n{err.read()[-2000:]}")
        out.seek(0)
        return json.load(out), timeline


def print_report(result: dict, max_growth: float) -> None:
    print()
    print(result["heading"])
    print()
    print(report.format_latencies(result["latency_rows"]))
    print()
    print(report.format_outcomes(result["outcome_counts"]))
    if result["outcome_kinds"]:
        print()
        print("Expected refusals (validation errors, conflicts) and actions with nothing to do:")
        for action, outcome, message, count in result["outcome_kinds"]:
            print(f"  {count} x {action}, {outcome}: {message or '(no message)'}")
    print()
    print(report.format_memory(result["memory_rows"], max_growth))
    if result["errors"]:
        print()
        print(f"Errors ({len(result['errors'])}):")
        print(report.format_errors(result["errors"]))
    for warning in result["warnings"]:
        print(f"Warning: {warning}.")
    print()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    max_growth = args.max_growth / 100
    started = time.monotonic()
    database_url, source, sqlite_file = choose_database(
        args, dict(os.environ), args.scale, name="soak"
    )
    var_dir().mkdir(parents=True, exist_ok=True)
    static_root = Path(tempfile.mkdtemp(prefix="heartbeat-soak-static-"))
    log = var_dir() / "soak-gunicorn.log"
    log.write_text("")
    output = args.output or var_dir() / "soak-results.json"

    print(f"Heartbeat soak at scale {args.scale}", flush=True)
    print(f"Database: {redact(database_url)} (from {source})", flush=True)
    load_before = os.getloadavg()
    print(
        f"Load average before: {' '.join(f'{value:.2f}' for value in load_before)} "
        f"on {os.cpu_count()} CPUs",
        flush=True,
    )
    if sqlite_file and args.no_generate and not sqlite_file.exists():
        print(
            f"The soak could not run: --no-generate reuses {sqlite_file}, which is not there. "
            "Run without --no-generate first.",
            file=sys.stderr,
        )
        return 1
    try:
        if sqlite_file and not args.no_generate:
            remove_sqlite(sqlite_file)
        env = base_environment(database_url=database_url, static_root=static_root)
        prepared = prepare(
            env,
            scale=args.scale,
            seed=args.seed,
            collectstatic=True,
            generate=not args.no_generate,
        )
        engine = prepared["engine"]
        print(f"Engine: {engine}", flush=True)
        reads = read_urls(prepared["paths"])
        print(f"Starting gunicorn ({args.workers} workers) and signing in", flush=True)
        with Gunicorn(env=env, workers=args.workers, log_path=log, cwd=PROJECT_DIR) as server:
            spec = {
                "host": "127.0.0.1",
                "port": server.port,
                "concurrency": args.concurrency,
                "seed": args.seed,
                "sessions": sign_in_everyone(server.port),
                "reads": reads,
                "mix": MIX,
            }
            warmup = {"outcomes": [], "errors": [], "samples": []}
            if args.warmup:
                sweep = SWEEP_PER_WORKER * args.workers
                print(
                    f"Warming up: every read URL {sweep} times, then {args.warmup:.0f} s of "
                    "the workload",
                    flush=True,
                )
                warmup, _ = act(server, {**spec, "duration": args.warmup, "sweep": sweep})
            memory_start = server.worker_memory()
            print(
                f"Soaking for {args.duration:.0f} s at concurrency {args.concurrency} "
                f"(mix per cycle: {', '.join(f'{n} {a}' for a, n in MIX.items())})",
                flush=True,
            )
            measured, timeline = act(server, {**spec, "duration": args.duration})
            memory_end = server.worker_memory()
    except BenchError as error:
        print(f"The soak could not run: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    load_after = os.getloadavg()

    for error in warmup["errors"]:
        error["phase"] = "warm-up"
    errors = [*warmup["errors"], *measured["errors"]]
    memory_rows = report.memory_growth(memory_start, memory_end)
    reasons = report.failures(errors, memory_rows, max_growth)
    result = {
        "heading": (
            f"Heartbeat soak: scale {args.scale} on {engine}, {args.workers} gunicorn workers, "
            f"concurrency {args.concurrency}, {args.duration:.0f} s after a {args.warmup:.0f} s "
            f"warm-up; {len(measured['samples'])} requests, "
            f"{len(measured['samples']) / measured['elapsed_s']:.1f} a second; load average "
            f"{load_before[0]:.2f} before, {load_after[0]:.2f} after"
        ),
        "latency_rows": report.latencies(measured["samples"]),
        "outcome_counts": report.outcome_counts(measured["outcomes"]),
        "outcome_kinds": report.outcome_kinds(measured["outcomes"]),
        "memory_rows": memory_rows,
        "errors": errors,
        "warnings": report.warnings(measured["outcomes"]),
    }
    print_report(result, max_growth)
    if reasons:
        print("FAILED: " + "; ".join(reasons) + ".")
        print(f"gunicorn's log: {log}")
    else:
        print(f"PASSED: no errors, and no worker's memory grew by {max_growth:.0%} or more.")

    write_json(
        output,
        {
            "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "scale": args.scale,
            "engine": engine,
            "database": redact(database_url),
            "workers": args.workers,
            "concurrency": args.concurrency,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "mix": MIX,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average_before": [round(value, 2) for value in load_before],
            "load_average_after": [round(value, 2) for value in load_after],
            "elapsed_s": round(time.monotonic() - started, 1),
            "requests": len(measured["samples"]),
            "requests_per_s": round(len(measured["samples"]) / measured["elapsed_s"], 1),
            "latency_ms": [
                {
                    "kind": row.kind,
                    "requests": row.requests,
                    "p50": round(row.p50, 1),
                    "p95": round(row.p95, 1),
                    "p99": round(row.p99, 1),
                    "max": round(row.max, 1),
                }
                for row in result["latency_rows"]
            ],
            "outcomes": {
                action: dict(counts) for action, counts in result["outcome_counts"].items()
            },
            "warmup_outcomes": {
                action: dict(counts)
                for action, counts in report.outcome_counts(warmup["outcomes"]).items()
            },
            "refusals": [
                {"action": action, "outcome": outcome, "message": message, "count": count}
                for action, outcome, message, count in result["outcome_kinds"]
            ],
            "errors": errors,
            "memory": memory_rows,
            "memory_timeline": timeline,
            "max_growth": max_growth,
            "warnings": result["warnings"],
            "passed": not reasons,
            "failures": reasons,
        },
    )
    print(f"Results written to {output}")
    if sqlite_file:
        print(f"The database stays in {sqlite_file}: --no-generate reuses it.")
    return 1 if reasons else 0
