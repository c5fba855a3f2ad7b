"""The URLs the benchmark loads. An app adds its pages here as it grows.

``path`` is either a literal path or a function that finds one in the generated database
(it runs inside Django, in the process that generated the data), such as the address of a
council's page. ``kind`` decides the latency target (see ``report.TARGET_P95_MS``); exports
(PDF, XLSX, CSV) have none but still have the query budget. ``signed_in`` requests carry the
session of a bench user: ``role`` names which (one of the generator's ``BENCH_USERS``, such
as ``"organisation_lead"``), and without one it is the programme office, who sees the most.
``min_rps`` sets a throughput target for the pages the issue names one for.
"""

from __future__ import annotations

from importlib import import_module

from heartbeat.bench import benefits as benefits_bench
from heartbeat.bench import engagement as engagement_bench
from heartbeat.bench import work_requests
from heartbeat.bench.delivery import delivery_bench_urls
from heartbeat.bench.home import HOME_URLS
from heartbeat.bench.url import DEFAULT_ROLE, KINDS, ROLES, BenchURL

__all__ = ["BENCH_URLS", "DEFAULT_ROLE", "FLOOR", "KINDS", "ROLES", "BenchURL"]


def _a_council_slug() -> str:
    from heartbeat.partnership.models import Organisation

    slug = Organisation.objects.local_authorities().order_by("name").values_list("slug", flat=True)
    first = slug.first()
    if first is None:
        raise LookupError("The generated database has no councils.")
    return first


def organisation_page() -> str:
    return f"/organisations/{_a_council_slug()}/"


def organisation_api() -> str:
    return f"/api/v1/organisations/{_a_council_slug()}"


def project_page() -> str:
    from heartbeat.portfolio.models import Project

    slug = Project.objects.order_by("slug").values_list("slug", flat=True).first()
    if slug is None:
        raise LookupError("The generated database has no projects.")
    return f"/projects/{slug}/"


def project_api() -> str:
    return "/api/v1" + project_page().removesuffix("/")


def _a_staffed_project_slug() -> str:
    """A project in delivery with pledges: its page shows the coverage heat map."""
    from heartbeat.portfolio.models import Project

    slug = (
        Project.objects.filter(stage="in_delivery", resource_requirements__pledges__isnull=False)
        .order_by("slug")
        .values_list("slug", flat=True)
        .first()
    )
    if slug is None:
        raise LookupError("The generated database has no project with pledges.")
    return slug


def coverage_page() -> str:
    return f"/projects/{_a_staffed_project_slug()}/"


def coverage_api() -> str:
    return f"/api/v1/projects/{_a_staffed_project_slug()}/coverage"


def open_needs_in_a_month() -> str:
    from django.utils import timezone

    from heartbeat.core.months import add_months

    month = add_months(timezone.localdate().replace(day=1), 3)
    return f"/recruitment/needs/?month={month:%Y-%m}"


def needs_of_one_skill() -> str:
    """The open needs for the skill needed least at its least needed level: page-sized."""
    from django.db.models import Count

    from heartbeat.portfolio.models import ResourceRequirement

    least = (
        ResourceRequirement.objects.values("skill__slug", "level")
        .annotate(needs=Count("pk"))
        .order_by("needs", "skill__slug", "level")
        .first()
    )
    if least is None:
        raise LookupError("The generated database has no resource needs.")
    return f"/recruitment/needs/?skill={least['skill__slug']}&level={least['level']}&format=csv"


BENCH_URLS: list[BenchURL] = [
    BenchURL("home", "/", "dashboard"),
    BenchURL("home, signed out", "/", "dashboard", signed_in=False),
    BenchURL("organisations", "/organisations/", "list"),
    BenchURL("organisation", organisation_page, "detail"),
    BenchURL("programme terms", "/terms/", "list"),
    BenchURL("organisations as CSV", "/organisations/?format=csv", "export"),
    # The throughput aim: ten times a Django peer's 11 requests/second with 25
    # projects, with 2,000 projects (scale 10).
    BenchURL("projects", "/projects/", "list", min_rps=110),
    BenchURL("project", project_page, "detail"),
    BenchURL("project search", "/projects/?q=address", "list"),
    # Searches drawn for every request: the commonest word in the generated titles (a
    # project in five) and a rarer one (one in fifty).
    BenchURL("search, a common word", "/projects/?q=digital", "search", fresh=True),
    BenchURL("search, a rarer word", "/projects/?q=registrar", "search", fresh=True),
    BenchURL("projects, filtered", "/projects/?stage=in_delivery&sort=-start", "list"),
    BenchURL("project history", lambda: project_page() + "history/", "detail"),
    BenchURL("programme", "/programme/", "dashboard"),
    BenchURL("API: projects", "/api/v1/projects", "api", signed_in=False),
    BenchURL("API: project", project_api, "api"),
    BenchURL("API: organisations", "/api/v1/organisations", "api", signed_in=False),
    BenchURL("API: organisation", organisation_api, "api", signed_in=False),
    BenchURL("API: programme terms", "/api/v1/terms", "api", signed_in=False),
    BenchURL("health check", "/healthz", "api", signed_in=False),
    BenchURL("project coverage", coverage_page, "detail"),
    BenchURL("open needs", "/recruitment/needs/", "list"),
    BenchURL("open needs, one month", open_needs_in_a_month, "list"),
    BenchURL("open needs, signed out", "/recruitment/needs/", "list", signed_in=False),
    BenchURL("open needs as CSV", "/recruitment/needs/?format=csv", "bulk"),
    BenchURL("open needs for one skill as CSV", needs_of_one_skill, "export"),
    BenchURL("recruiting projects", "/recruitment/recruiting/", "list"),
    BenchURL("where my council can help", "/recruitment/where-we-can-help/", "list"),
    BenchURL("contributions", "/recruitment/contributions/", "dashboard"),
    BenchURL("API: open needs", "/api/v1/open-needs", "api", signed_in=False),
    BenchURL("API: project coverage", coverage_api, "api", signed_in=False),
    BenchURL("API: pledges", "/api/v1/pledges", "api"),
    *work_requests.bench_urls(),
    *benefits_bench.urls(),
    *engagement_bench.urls(),
    *HOME_URLS,
    *delivery_bench_urls(),
    *import_module("heartbeat.bench.roadmap").URLS,
]

# The cheapest Django response there is (heartbeat.core.views.floor): what every page pays.
FLOOR = BenchURL("floor", "/bench/floor", "api", signed_in=False)
