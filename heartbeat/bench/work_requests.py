"""Benchmark URLs for work requests and the published prioritisation (see ``registry``)."""

from __future__ import annotations


def request_page() -> str:
    """The most supported request of the first ten: a full page at every scale."""
    from heartbeat.work_requests.models import WorkRequest

    request_id = (
        WorkRequest.objects.filter(pk__in=WorkRequest.objects.order_by("pk").values("pk")[:10])
        .with_support_count()
        .order_by("-support_count", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    if request_id is None:
        raise LookupError("The generated database has no work requests.")
    return f"/requests/{request_id}/"


def one_council_s_requests() -> str:
    """The work requests of the council that raised the most: page-sized at every scale."""
    from django.db.models import Count

    from heartbeat.work_requests.models import WorkRequest

    busiest = (
        WorkRequest.objects.values("organisation__slug")
        .annotate(raised=Count("pk"))
        .order_by("-raised", "organisation__slug")
        .values_list("organisation__slug", flat=True)
        .first()
    )
    if busiest is None:
        raise LookupError("The generated database has no work requests.")
    return f"/requests/?organisation={busiest}&format=csv"


def what_if() -> str:
    return "/priorities/what-if/?w-strategic-fit=1&w-effort=4&w-risk=3"


def bench_urls() -> list:
    """The URLs, made when the registry builds BENCH_URLS (it defines BenchURL first)."""
    from heartbeat.bench.url import BenchURL

    return [
        BenchURL("work requests", "/requests/", "list"),
        BenchURL("work requests, open by support", "/requests/?state=open&sort=-support", "list"),
        BenchURL("work request", request_page, "detail"),
        BenchURL("work requests as CSV", "/requests/?format=csv", "bulk"),
        BenchURL("one council's work requests as CSV", one_council_s_requests, "export"),
        BenchURL("API: work requests", "/api/v1/work-requests", "api"),
        BenchURL("priorities", "/priorities/", "list"),
        BenchURL("priorities: what if", what_if, "dashboard"),
        BenchURL("API: latest ranking", "/api/v1/rankings/latest", "api"),
    ]
