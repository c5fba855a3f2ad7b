"""``python -m heartbeat.bench``: generate, serve with gunicorn, load every URL, report."""

from __future__ import annotations

import argparse
import contextlib
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
from urllib.parse import urlsplit, urlunsplit

from heartbeat.bench import report
from heartbeat.bench.cache import shared_cache
from heartbeat.bench.registry import BENCH_URLS, FLOOR, BenchURL
from heartbeat.bench.server import BenchError, Gunicorn, base_environment, sign_in
from heartbeat.generator.runner import BENCH_PASSWORD, BENCH_USERS

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
GROWTH_REQUESTS = 3


def var_dir() -> Path:
    return Path(os.environ.get("HEARTBEAT_VAR_DIR", PROJECT_DIR / "var"))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m heartbeat.bench",
        description="Generate a partnership, serve it with gunicorn and load every page.",
    )
    parser.add_argument("--scale", type=int, default=10, help="data scale (default 10)")
    parser.add_argument("--requests", type=int, default=200, help="per URL (default 200)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--database-url",
        help="database to benchmark (default: BENCH_DATABASE_URL, DATABASE_URL, else a fresh "
        "SQLite file in var/); it is flushed and refilled",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed for the data")
    parser.add_argument(
        "--time-limit", type=float, default=60, help="seconds per URL at most (default 60)"
    )
    parser.add_argument(
        "--no-growth-check",
        action="store_true",
        help="skip the second, smaller dataset that checks query counts do not grow",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="measure only the URLs whose name or path contains TEXT (repeatable)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the partnership already generated in the database instead of generating "
        "a new one (for repeated runs; the scale is then whatever was generated)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the SQLite files and static files afterwards"
    )
    parser.add_argument(
        "--output", type=Path, help="JSON results file (default var/bench-results.json)"
    )
    args = parser.parse_args(argv)
    args.urls = selected_urls(args.only)
    if not args.urls:
        parser.error(f"no bench URL matches {', '.join(args.only)}")
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    if args.requests < 1 or args.concurrency < 1 or args.workers < 1:
        parser.error("--requests, --concurrency and --workers must be at least 1")
    return args


def selected_urls(only: list[str]) -> list[BenchURL]:
    """The bench URLs whose name or path contains one of ``only`` (all when it is empty)."""
    if not only:
        return list(BENCH_URLS)
    wanted = [text.lower() for text in only]
    return [
        url
        for url in BENCH_URLS
        if any(text in url.name.lower() or text in str(url.path).lower() for text in wanted)
    ]


def choose_database(
    args: argparse.Namespace, environ: dict[str, str], scale: int, *, name: str = "bench"
) -> tuple[str, str, Path | None]:
    """(database URL, where it came from, SQLite file the bench owns or None). The SQLite
    file is ``var/<name>-<scale>.sqlite3``."""
    for url, source in (
        (args.database_url, "--database-url"),
        (environ.get("BENCH_DATABASE_URL"), "BENCH_DATABASE_URL"),
        (environ.get("DATABASE_URL"), "DATABASE_URL"),
    ):
        if url:
            return url, source, None
    path = var_dir() / f"{name}-{scale}.sqlite3"
    return f"sqlite:///{path}", "a fresh SQLite file", path


def redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def prepare(
    env: dict[str, str], *, scale: int, seed: int, collectstatic: bool, generate: bool = True
) -> dict:
    """Migrate and generate (or check the data generated before is there, when ``generate``
    is off) in a subprocess configured like the server; return its report."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    try:
        command = [
            sys.executable,
            "-m",
            "heartbeat.bench.prepare",
            "--scale",
            str(scale),
            "--seed",
            str(seed),
            "--out",
            str(out),
        ]
        if collectstatic:
            command.append("--collectstatic")
        if not generate:
            command.append("--no-generate")
        completed = subprocess.run(command, env=env, cwd=PROJECT_DIR, check=False)  # noqa: S603
        if completed.returncode != 0:
            raise BenchError(f"Preparing the database failed (exit {completed.returncode}).")
        return json.loads(out.read_text())
    finally:
        out.unlink(missing_ok=True)


def load(
    port: int,
    path: str,
    *,
    cookie: str | None,
    requests: int,
    concurrency: int,
    warmup: int,
    time_limit: float,
    fresh: bool = False,
    count_rows: bool = False,
) -> dict:
    """Run the load client in its own process against ``path``."""
    spec = {
        "host": "127.0.0.1",
        "port": port,
        "path": path,
        "requests": requests,
        "concurrency": concurrency,
        "warmup": warmup,
        "time_limit": time_limit,
        "headers": {"Cookie": cookie} if cookie else {},
        "fresh": fresh,
        "count_rows": count_rows,
    }
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "heartbeat.bench.load"],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        timeout=time_limit + 60,
        cwd=PROJECT_DIR,
        check=False,
    )
    if completed.returncode != 0:
        raise BenchError(f"The load client failed on {path}:\n{completed.stderr[-2000:]}")
    return json.loads(completed.stdout)


def sign_in_roles(port: int, urls: list[BenchURL]) -> dict[str, str]:
    """Sign each bench user the URLs need in through the sign-in form: role -> Cookie header."""
    roles = sorted({url.as_role for url in urls if url.as_role})
    return {role: sign_in(port, BENCH_USERS[role], BENCH_PASSWORD) for role in roles}


def measure(
    url: BenchURL, path: str, port: int, cookies: dict[str, str], args: argparse.Namespace
) -> report.Result:
    bulk = url.kind == "bulk"
    measured = load(
        port,
        path,
        cookie=cookies[url.as_role] if url.as_role else None,
        # A whole register is timed one request at a time: its target is how long it takes.
        requests=min(args.requests, report.BULK_REQUESTS) if bulk else args.requests,
        concurrency=1 if bulk else args.concurrency,
        warmup=1 if bulk else max(4, 2 * args.concurrency),
        time_limit=args.time_limit,
        fresh=url.measured_fresh,
        count_rows=bulk,
    )
    return report.Result(
        name=url.name,
        path=path,
        kind=url.kind,
        signed_in=url.signed_in,
        role=url.as_role,
        latencies_ms=measured["latencies_ms"],
        statuses=measured["statuses"],
        queries=measured["queries"],
        elapsed_s=measured["elapsed_s"],
        min_rps=url.min_rps,
        timed_out=measured["timed_out"],
        rows=measured.get("rows"),
    )


def progress(result: report.Result) -> None:
    print(
        f"  {result.path:<42} {result.requests:>5} requests  {result.rps:>7.1f} req/s  "
        f"p95 {report._ms(result.p95):>7} ms  {report._count(result.query_count):>3} queries",
        flush=True,
    )


def main_pass(
    args: argparse.Namespace, env: dict[str, str], paths: dict[str, str], log: Path
) -> tuple[list[report.Result], report.Result, list[dict]]:
    print(f"Starting gunicorn ({args.workers} workers) and signing in", flush=True)
    with Gunicorn(env=env, workers=args.workers, log_path=log, cwd=PROJECT_DIR) as server:
        cookies = sign_in_roles(server.port, args.urls)
        print(
            f"Loading {len(args.urls)} URLs and the floor before and after them, "
            f"{args.requests} requests each at concurrency {args.concurrency}",
            flush=True,
        )
        first_floor = measure(FLOOR, paths[FLOOR.name], server.port, cookies, args)
        progress(first_floor)
        results = []
        for url in args.urls:
            result = measure(url, paths[url.name], server.port, cookies, args)
            result.floor_rps = first_floor.rps
            progress(result)
            results.append(result)
        last_floor = measure(FLOOR, paths[FLOOR.name], server.port, cookies, args)
        progress(last_floor)
        memory = server.worker_memory()
    floor = report.faster_floor(first_floor, last_floor)
    for result in results:
        result.floor_rps = floor.rps
    return results, floor, memory


def counting_pass(
    args: argparse.Namespace,
    env: dict[str, str],
    paths: dict[str, str],
    log: Path,
) -> list[tuple[int | None, int]]:
    """Request each URL a few times, one at a time, and give the last request's query count
    and status (the first may fill per-process caches)."""
    counted = []
    with Gunicorn(env=env, workers=1, log_path=log, cwd=PROJECT_DIR) as server:
        cookies = sign_in_roles(server.port, args.urls)
        for url in args.urls:
            measured = load(
                server.port,
                paths[url.name],
                cookie=cookies[url.as_role] if url.as_role else None,
                requests=GROWTH_REQUESTS,
                concurrency=1,
                warmup=0,
                time_limit=args.time_limit,
            )
            counted.append(
                (
                    measured["queries"][-1] if measured["queries"] else None,
                    measured["statuses"][-1] if measured["statuses"] else 0,
                )
            )
    return counted


def without_kept_figures(env: dict[str, str]) -> dict[str, str]:
    """The same settings with no figure kept between requests. The shared cache stays, so
    sessions are read as in the main pass (from the cache, with CACHE_URL)."""
    return {**env, "DATA_CACHE": "0"}


def write_json(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    database_url, source, sqlite_file = choose_database(args, dict(os.environ), args.scale)
    growth_scale = None if args.no_growth_check else (1 if args.scale > 1 else 2)
    growth_file = var_dir() / f"bench-growth-{growth_scale}.sqlite3" if growth_scale else None
    var_dir().mkdir(parents=True, exist_ok=True)
    static_root = Path(tempfile.mkdtemp(prefix="heartbeat-bench-static-"))
    log = var_dir() / "bench-gunicorn.log"
    log.write_text("")
    output = args.output or var_dir() / "bench-results.json"

    print(f"Heartbeat benchmark at scale {args.scale}", flush=True)
    print(f"Database: {redact(database_url)} (from {source})", flush=True)
    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        print(
            f"Note: the load average is {load_before:.1f} on {os.cpu_count()} CPUs before the "
            "run; other work on this machine will slow the pages down.",
            flush=True,
        )
    stack = contextlib.ExitStack()
    try:
        if sqlite_file:
            remove_sqlite(sqlite_file)
        env = base_environment(database_url=database_url, static_root=static_root)
        cache_url, cache_line = stack.enter_context(shared_cache(dict(os.environ)))
        print(cache_line, flush=True)
        if cache_url:
            env["CACHE_URL"] = cache_url
        prepared = prepare(
            env, scale=args.scale, seed=args.seed, collectstatic=True, generate=not args.reuse
        )
        engine = prepared["engine"]
        print(f"Engine: {engine}", flush=True)
        results, floor, memory = main_pass(args, env, prepared["paths"], log)

        if growth_scale:
            if cache_url:
                print(f"Counting queries at scale {args.scale} with no figure kept", flush=True)
                # The main pass read kept figures back; the growth check compares the work.
                counted = counting_pass(args, without_kept_figures(env), prepared["paths"], log)
                for result, (queries, _status) in zip(results, counted, strict=True):
                    result.work_queries = queries
            print(f"Checking query counts at scale {growth_scale} (SQLite)", flush=True)
            remove_sqlite(growth_file)
            growth_env = base_environment(
                database_url=f"sqlite:///{growth_file}", static_root=static_root
            )
            if cache_url:
                growth_env["CACHE_URL"] = cache_url
            # The counts of the work itself, every figure worked out, not read back.
            growth_env = without_kept_figures(growth_env)
            growth = prepare(growth_env, scale=growth_scale, seed=args.seed, collectstatic=False)
            counted = counting_pass(args, growth_env, growth["paths"], log)
            for result, (queries, status) in zip(results, counted, strict=True):
                result.growth_queries, result.growth_status = queries, status
    except BenchError as error:
        print(f"The benchmark could not run: {error}", file=sys.stderr)
        return 1
    finally:
        stack.close()
        if not args.keep:
            shutil.rmtree(static_root, ignore_errors=True)
            for path in (sqlite_file, growth_file):
                if path:
                    remove_sqlite(path)

    elapsed = time.monotonic() - started
    heading = (
        f"Heartbeat benchmark: scale {args.scale} on {engine}, {args.workers} gunicorn workers, "
        f"{args.requests} requests per URL at concurrency {args.concurrency} "
        f"({elapsed:.0f} s in all; load average {load_before:.1f} before)"
    )
    summary = report.summary_line(results, memory, scale=args.scale, engine=engine)
    print()
    print(heading)
    print()
    print(report.format_table(results, growth_scale))
    print()
    print(report.format_floor(floor))
    print(report.format_memory(memory))
    print(summary)

    write_json(
        output,
        {
            "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "scale": args.scale,
            "engine": engine,
            "database": redact(database_url),
            "workers": args.workers,
            "requests": args.requests,
            "concurrency": args.concurrency,
            "growth_scale": growth_scale,
            "cache": cache_line,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average_before": round(load_before, 2),
            "elapsed_s": round(elapsed, 1),
            "targets": {
                "p95_ms": report.TARGET_P95_MS,
                "floor_share": report.FLOOR_SHARE,
                "max_queries": report.MAX_QUERIES,
                "max_worker_mb": report.MAX_WORKER_MB,
            },
            "floor": report.result_json(floor),
            "results": [report.result_json(result) for result in results],
            "workers_memory": memory,
            "summary": summary,
        },
    )
    print(f"Results written to {output}")
    if args.keep:
        kept = [path for path in (sqlite_file, growth_file) if path]
        print(f"Kept: {', '.join(str(path) for path in [*kept, static_root])}")
    return 0
