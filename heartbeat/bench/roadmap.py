"""The roadmap's and governance's pages in the benchmark (see ``heartbeat.bench.registry``)."""

from __future__ import annotations

from heartbeat.bench.registry import BenchURL


def _a_live_product() -> str:
    from heartbeat.roadmap.models import Product

    slug = (
        Product.objects.filter(status="live", adoptions__isnull=False)
        .order_by("slug")
        .values_list("slug", flat=True)
        .first()
    )
    # Without the roadmap's generator there is no product: the page then answers 404, and
    # the bench reports it as a failure rather than measuring another page.
    return slug or "none-generated"


def product_page() -> str:
    return f"/roadmap/products/{_a_live_product()}/"


def product_api() -> str:
    return f"/api/v1/products/{_a_live_product()}"


def meeting_page() -> str:
    """The Programme Board's last meeting that was held: agenda, attendance, decisions,
    actions and those carried forward."""
    from django.utils import timezone

    from heartbeat.governance.models import Meeting

    pk = (
        Meeting.objects.filter(board__slug="programme-board", starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .values_list("pk", flat=True)
        .first()
    )
    # Without governance's generator there is no meeting: 404, reported as a failure.
    return f"/governance/meetings/{pk or 0}/"


URLS: list[BenchURL] = [
    BenchURL("roadmap", "/roadmap/", "list"),
    BenchURL("roadmap, signed out", "/roadmap/", "list", signed_in=False),
    BenchURL(
        "roadmap, one theme and status", "/roadmap/?theme=digital-services&status=live", "list"
    ),
    BenchURL("product", product_page, "detail"),
    BenchURL("roadmap as CSV", "/roadmap/?format=csv", "bulk"),
    BenchURL(
        "roadmap, one theme and status, as CSV",
        "/roadmap/?theme=digital-services&status=live&format=csv",
        "export",
    ),
    BenchURL("roadmap calendar", "/roadmap/roadmap.ics", "bulk", signed_in=False),
    BenchURL("adoption by council", "/roadmap/adoption/", "list"),
    BenchURL("decision log", "/governance/decisions/", "list"),
    BenchURL("decision log, signed out", "/governance/decisions/", "list", signed_in=False),
    BenchURL("meeting", meeting_page, "detail"),
    BenchURL("API: products", "/api/v1/products", "api", signed_in=False),
    BenchURL("API: product", product_api, "api"),
    BenchURL("API: decisions", "/api/v1/decisions", "api"),
]
