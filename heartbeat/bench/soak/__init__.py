"""The soak run: ``python -m heartbeat.bench.soak`` (or ``make soak``).

It serves a generated partnership with gunicorn as the bench does, then puts a mixed
workload on it for a while from a separate process: reads of the bench's URLs, and writes
made through the pages as a person makes them (pledges, heartbeat updates, project edits).
It reports every error, latency by kind of action and each worker's memory growth, and
exits 1 on any error or on growth at the threshold or above. See docs/benchmarks.md.
"""
