"""Set up one benchmark database: migrate, generate (or, with ``--no-generate``, check the
partnership generated before is there), collect static files, resolve the URLs.

Run as ``python -m heartbeat.bench.prepare`` in the environment the server will use (the
bench passes ``DATABASE_URL``), so that everything that needs Django happens in a process
configured like the server, and the orchestrator can prepare two databases in one run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path

REFUSED = 3


def engine_description(connection) -> str:
    if connection.vendor == "postgresql":
        major, minor = divmod(connection.pg_version, 10000)
        return f"PostgreSQL {major}.{minor}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.display_name


def collect_static(call_command) -> None:
    """Collect static files with the production manifest, without compressing them.

    The server's storage reads the same manifest; the gzip and Brotli copies that
    production's collectstatic writes take most of a minute and no page here loads them.
    """
    from django.conf import settings
    from django.test.utils import override_settings

    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)


def missing_bench_users() -> list[str]:
    """The bench users (by email) the database lacks, or who cannot sign in."""
    from heartbeat.accounts.models import User
    from heartbeat.generator.runner import BENCH_USERS

    present = set(
        User.objects.filter(email__in=BENCH_USERS.values(), is_active=True).values_list(
            "email", flat=True
        )
    )
    return [email for email in BENCH_USERS.values() if email not in present]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m heartbeat.bench.prepare")
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--collectstatic", action="store_true")
    parser.add_argument(
        "--no-generate",
        action="store_true",
        help="reuse the partnership already generated in the database (its bench users must "
        "exist) instead of generating one",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heartbeat.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from heartbeat.bench.registry import BENCH_URLS, FLOOR
    from heartbeat.generator.runner import database_state

    engine = engine_description(connection)
    print(f"  {engine}: migrating", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    state = database_state()
    if args.no_generate:
        missing = missing_bench_users() if state == "generated" else []
        if state != "generated" or missing:
            print(
                "  This database does not hold a partnership `heartbeat generate` made"
                + (f" (no {', '.join(missing)})" if missing else "")
                + ", so there is nothing to reuse: run without --no-generate.",
                file=sys.stderr,
            )
            return REFUSED
        print(f"  {engine}: reusing the generated partnership", flush=True)
    elif state == "other":
        print(
            "  This database holds organisations that `heartbeat generate` did not create, so "
            "the bench will not flush it. Point BENCH_DATABASE_URL (or --database-url) at a "
            "database kept for benchmarking.",
            file=sys.stderr,
        )
        return REFUSED
    if not args.no_generate:
        print(f"  {engine}: generating scale {args.scale}", flush=True)
        output = io.StringIO()
        call_command("generate", scale=args.scale, seed=args.seed, flush=True, stdout=output)
        for line in output.getvalue().splitlines():
            print(f"    {line.rstrip()}", flush=True)
    if args.collectstatic:
        print("  collecting static files", flush=True)
        collect_static(call_command)
    paths = {url.name: url.resolve() for url in [*BENCH_URLS, FLOOR]}
    args.out.write_text(json.dumps({"engine": engine, "paths": paths}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
