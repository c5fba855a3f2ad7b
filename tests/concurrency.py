"""Two (or more) requests at the same moment, each on its own database connection.

Each call runs in its own thread, so Django gives it its own connection and its own
transactions, exactly as two app servers would. A barrier releases the calls together; each
round of a race is run several times, because a race that is not guarded loses only some of
them. PostgreSQL only: SQLite takes one writer at a time, so its calls never overlap.
"""

import threading

import pytest
from django.conf import settings
from django.db import connection

on_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs two connections writing at once: PostgreSQL (CI runs the suite on it); "
    "SQLite lets one connection write at a time",
)


def at_once(*calls, timeout: float = 30) -> list[tuple[str, object]]:
    """Run ``calls`` together, each in its own thread and connection; return, in order,
    ("ok", result) or ("error", exception) for each."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout)
            results[index] = ("ok", call())
        except Exception as error:  # the test reads every outcome, errors included
            results[index] = ("error", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert all(result is not None for result in results), "a call did not finish"
    return results


def errors(results) -> list:
    return [value for kind, value in results if kind == "error"]


def values(results) -> list:
    return [value for kind, value in results if kind == "ok"]
