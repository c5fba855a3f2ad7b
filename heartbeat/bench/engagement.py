"""The engagement pages the benchmark loads: the news, the benchmark's forum with its 500
questions (at scale 10), the live question view and the notifications page."""

from __future__ import annotations

BENCH_EVENT = "bench-forum"


# The generator's second article is published and public at every scale (the first is
# scheduled), so the growth check compares like with like.
ARTICLE = "/news/news-2/"


def urls() -> list:
    """The engagement rows of ``BENCH_URLS`` (BenchURL is imported here: the registry
    imports this module)."""
    from heartbeat.bench.url import BenchURL

    return [
        BenchURL("news", "/news/", "list"),
        BenchURL("news, signed out", "/news/", "list", signed_in=False),
        BenchURL("news article", ARTICLE, "detail"),
        BenchURL("news feed", "/news/feed/", "api", signed_in=False),
        BenchURL("events", "/events/", "list"),
        BenchURL("event with its questions", f"/events/{BENCH_EVENT}/", "detail"),
        BenchURL("live questions", f"/events/{BENCH_EVENT}/questions/", "list"),
        BenchURL("moderation queue", f"/events/{BENCH_EVENT}/questions/moderate/", "list"),
        BenchURL("attendees", f"/events/{BENCH_EVENT}/attendees/", "list"),
        BenchURL("notifications", "/notifications/", "list"),
        BenchURL("API: articles", "/api/v1/articles", "api", signed_in=False),
        BenchURL("API: questions", f"/api/v1/events/{BENCH_EVENT}/questions", "api"),
        BenchURL("API: notifications", "/api/v1/notifications", "api"),
    ]
