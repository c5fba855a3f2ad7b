"""Synthetic partnerships for benchmarks and load tests: a registry of per-app generators.

``heartbeat generate --scale N`` runs every function in ``GENERATORS`` in order. Scale 1 is
the real size of the partnership (the 32 councils, a few national bodies and partners);
scale 10 has ten times as many of everything. Each generator has the signature::

    generate(scale: int, rng: random.Random, stdout) -> dict[str, int]

and returns what it created, by label. Later generators build on the records of earlier
ones (projects need organisations), so an app appends its generator after the apps it
depends on. A generator module may also define ``flush(stdout) -> None``, which deletes
what its ``generate`` creates; ``--flush`` calls them in reverse order before generating.

Bulk inserts keep scale 10 to seconds: build lists of unsaved records and write them with
``bulk_create`` (or simple_history's ``bulk_create_with_history``) in batches.
"""

from __future__ import annotations

import importlib
import random
import time
from collections.abc import Callable
from typing import Any

from heartbeat.core.exceptions import Conflict, InvalidInput

GENERATORS: list[str] = [
    "heartbeat.generator.partnership.generate",
    "heartbeat.generator.portfolio.generate",
    "heartbeat.generator.recruitment.generate",
    "heartbeat.generator.work_requests.generate",
    "heartbeat.generator.prioritisation.generate",
    "heartbeat.generator.delivery.generate",
    "heartbeat.generator.benefits.generate",
    "heartbeat.generator.roadmap.generate",
    "heartbeat.generator.governance.generate",
    "heartbeat.generator.engagement.generate",
]

# Batch size for bulk inserts: small enough for SQLite's variable limit on wide tables.
BATCH_SIZE = 500

# The people the benchmark signs in as, one per role. They share BENCH_PASSWORD, which is
# public: generated databases are for benchmarking and trying things out, never for service.
BENCH_PASSWORD = "heartbeat-bench-only"  # noqa: S105
BENCH_USERS = {
    "programme_office": "bench-programme-office@example.org",
    "organisation_lead": "bench-organisation-lead@example.org",
    "project_lead": "bench-project-lead@example.org",
    "board_member": "bench-board-member@example.org",
    "member": "bench-member@example.org",
}
MAX_SCALE = 1000


def _resolve(path: str) -> Callable[..., Any]:
    module_name, _, attribute = path.rpartition(".")
    return getattr(importlib.import_module(module_name), attribute)


def _flushers(paths: list[str]) -> list[Callable[..., Any]]:
    flushers = []
    for path in reversed(paths):
        module = importlib.import_module(path.rpartition(".")[0])
        if hasattr(module, "flush"):
            flushers.append(module.flush)
    return flushers


# Every address the generator writes (people's emails, organisations' websites) is in this
# reserved domain; a record outside it was not generated.
GENERATED_DOMAIN = "example.org"


def database_state() -> str:
    """``"empty"``, ``"generated"`` (holds this module's bench users, and only people and
    organisations it could have made) or ``"other"``.

    ``--flush`` and the benchmark empty a database only when it is empty or was generated,
    so pointing them at a database that holds real records (or the demo) cannot wipe them.
    """
    from django.db.models import Q

    from heartbeat.accounts.models import User
    from heartbeat.partnership.models import Organisation

    if not Organisation.objects.exists() and not User.objects.exists():
        return "empty"
    if not User.objects.filter(email=BENCH_USERS["programme_office"]).exists():
        return "other"
    foreign_people = User.objects.exclude(email__iendswith=f"{GENERATED_DOMAIN}")
    foreign_organisations = Organisation.objects.exclude(
        Q(website__iendswith=f".{GENERATED_DOMAIN}") | Q(website__iendswith=f".{GENERATED_DOMAIN}/")
    )
    if foreign_people.exists() or foreign_organisations.exists():
        return "other"
    return "generated"


def generate_partnership(
    *,
    scale: int,
    seed: int = 1,
    flush: bool = False,
    dry_run: bool = False,
    stdout=None,
    generators: list[str] | None = None,
) -> dict[str, int]:
    """Fill the database with a synthetic partnership at ``scale``; return counts by label.

    Refuses when the database already holds organisations, unless ``flush`` is set, in
    which case the generators' data is deleted first. Everything runs in one transaction;
    ``dry_run`` rolls it back after counting.
    """
    from django.db import transaction
    from django.db.models import ProtectedError

    from heartbeat.partnership.models import Organisation

    if not 1 <= scale <= MAX_SCALE:
        raise InvalidInput(f"Scale must be between 1 and {MAX_SCALE}.", field="scale")
    paths = GENERATORS if generators is None else generators
    out = stdout if stdout is not None else _NullOutput()
    existing = Organisation.objects.count()
    if existing and not flush:
        raise Conflict(
            f"The database already holds {existing} organisations. Run with --flush to delete "
            "them, and everything generated with them, before generating.",
            code="data_exists",
        )
    if existing and database_state() != "generated":
        raise Conflict(
            f"The database holds records the generator did not make ({existing} "
            "organisations, and people or organisations outside the generator's example.org "
            "addresses). --flush only empties a database the generator filled: point it at an "
            "empty database instead.",
            code="not_generated",
        )

    counts: dict[str, int] = {}
    with transaction.atomic():
        if existing:
            started = time.perf_counter()
            try:
                for flusher in _flushers(paths):
                    flusher(out)
            except ProtectedError as error:
                blocking = sorted(
                    {str(obj._meta.verbose_name_plural) for obj in error.protected_objects}
                )
                raise Conflict(
                    f"Cannot flush: {', '.join(blocking)} still refer to the records to delete. "
                    "The app that owns them needs a flush() in its generator module, listed "
                    "in GENERATORS.",
                    code="flush_blocked",
                ) from error
            out.write(f"Deleted the existing data in {time.perf_counter() - started:.1f} s.")
        rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        for path in paths:
            started = time.perf_counter()
            created = _resolve(path)(scale, rng, out)
            counts.update(created)
            summary = ", ".join(f"{count} {label}" for label, count in created.items())
            out.write(f"{path}: {summary} in {time.perf_counter() - started:.1f} s.")
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run:
        _refresh_statistics(out)
    return counts


def _refresh_statistics(out) -> None:
    """Have PostgreSQL read the new rows' statistics now, as autovacuum would later: its
    planner otherwise plans the first minutes' queries for the empty tables it last saw
    (a full-text match it takes to be rare, when "council" is in every project)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    out.write(f"Refreshed the planner's statistics in {time.perf_counter() - started:.1f} s.")


class _NullOutput:
    def write(self, message: str = "", *args, **kwargs) -> None:
        return None
