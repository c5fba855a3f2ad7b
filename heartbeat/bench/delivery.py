"""Delivery's pages and endpoints in the benchmark: the dashboard, a project's update history,
the update form and the updates API (the issue's four), and the RAID log and dashboard API."""

from __future__ import annotations


def _busiest_project_slug() -> str:
    """The active project with the most updates: its history is the longest to show."""
    from django.db.models import Count

    from heartbeat.portfolio.models import Project

    slug = (
        Project.objects.filter(stage="in_delivery")
        .annotate(updates=Count("heartbeat_updates"))
        .filter(updates__gt=0)
        .order_by("-updates", "slug")
        .values_list("slug", flat=True)
        .first()
    )
    if slug is None:
        raise LookupError("The generated database has no project with heartbeat updates.")
    return slug


def update_history() -> str:
    return f"/projects/{_busiest_project_slug()}/updates/"


def update_form() -> str:
    return f"/projects/{_busiest_project_slug()}/updates/new/"


def updates_api() -> str:
    return f"/api/v1/projects/{_busiest_project_slug()}/updates"


def raid_log() -> str:
    return f"/projects/{_busiest_project_slug()}/raid/"


def delivery_bench_urls() -> list:
    """The URLs, made when the registry asks (it defines BenchURL, and imports this)."""
    from heartbeat.bench.url import BenchURL

    return [
        BenchURL("programme dashboard", "/dashboard/", "dashboard"),
        BenchURL("programme dashboard, filtered", "/dashboard/?confidence=amber", "dashboard"),
        BenchURL("update history", update_history, "detail"),
        BenchURL("update form", update_form, "detail"),
        BenchURL("RAID log", raid_log, "list"),
        BenchURL("API: updates", updates_api, "api"),
        BenchURL("API: dashboard", "/api/v1/dashboard", "api"),
        BenchURL("updates due", "/updates/due/", "list"),
    ]
