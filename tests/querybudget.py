"""Query budgets: a list must cost the same number of queries at 3 rows as at 30."""

from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def count_queries():
    with CaptureQueriesContext(connection) as context:
        yield context


def queries_for(callable_) -> int:
    """How many queries ``callable_`` runs."""
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


def assert_same_queries(make_rows, run, sizes=(3, 30), budget: int | None = None) -> list[int]:
    """Build ``sizes`` rows in turn, run ``run`` after each, and check the counts are equal.

    ``make_rows(n)`` adds rows so that there are n in total; ``run()`` does the work whose
    queries are counted. Returns the counts, which also must stay within ``budget``.
    """
    counts = []
    for size in sizes:
        make_rows(size)
        counts.append(queries_for(run))
    assert len(set(counts)) == 1, (
        f"query count grows with rows: {dict(zip(sizes, counts, strict=True))}"
    )
    if budget is not None:
        assert counts[0] <= budget, f"{counts[0]} queries, budget {budget}"
    return counts
