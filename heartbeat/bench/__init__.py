"""The benchmark: ``python -m heartbeat.bench --scale 10`` (or ``make bench``).

It generates a synthetic partnership, serves it with gunicorn as in production, loads every
URL in ``BENCH_URLS`` from a separate process and reports latency, throughput, query counts
and worker memory against the targets. See docs/benchmarks.md.
"""

from heartbeat.bench.registry import BENCH_URLS, BenchURL

__all__ = ["BENCH_URLS", "BenchURL"]
