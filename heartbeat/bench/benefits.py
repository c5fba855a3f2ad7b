"""The benefits pages the benchmark loads: the register, a project's benefits, the
programme's economics and a council's value statement (and its API answers)."""

from __future__ import annotations


def _a_project_with_benefits() -> str:
    """A project with a profiled benefit; any project when no generator made benefits."""
    from heartbeat.benefits.models import ProfileEntry
    from heartbeat.portfolio.models import Project

    slug = (
        ProfileEntry.objects.order_by("benefit__project__slug")
        .values_list("benefit__project__slug", flat=True)
        .first()
    ) or Project.objects.order_by("slug").values_list("slug", flat=True).first()
    if slug is None:
        raise LookupError("The generated database has no projects.")
    return slug


def _a_council_slug() -> str:
    from heartbeat.partnership.models import Organisation

    councils = Organisation.objects.local_authorities().order_by("name")
    slug = (
        councils.filter(benefit_measurements__isnull=False).values_list("slug", flat=True).first()
        or councils.values_list("slug", flat=True).first()
    )
    if slug is None:
        raise LookupError("The generated database has no councils.")
    return slug


def project_benefits() -> str:
    return f"/benefits/projects/{_a_project_with_benefits()}/"


def value_statement() -> str:
    return f"/benefits/councils/{_a_council_slug()}/"


def urls() -> list:
    """The benefits rows of ``BENCH_URLS`` (called while the registry is being built)."""
    from heartbeat.bench.url import BenchURL

    return [
        BenchURL("benefits register", "/benefits/", "list"),
        BenchURL("benefits register as CSV", "/benefits/?format=csv", "bulk"),
        BenchURL(
            "one project's benefits as CSV",
            lambda: f"/benefits/?project={_a_project_with_benefits()}&format=csv",
            "export",
        ),
        BenchURL("project benefits", project_benefits, "detail"),
        BenchURL("programme economics", "/benefits/economics/", "dashboard"),
        BenchURL("value statement", value_statement, "detail"),
        BenchURL(
            "value statement as PDF", lambda: value_statement() + "value-statement.pdf", "export"
        ),
        BenchURL("API: benefits", "/api/v1/benefits", "api"),
        BenchURL("API: programme economics", "/api/v1/economics", "api"),
    ]
