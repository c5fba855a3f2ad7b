"""Bench URLs for each role's home page (the programme office's is ``home`` in the registry),
the council page (as its own lead, the programme office, one of its members and a visitor),
a person's page and the people list."""

from __future__ import annotations

from heartbeat.bench.url import BenchURL


def _bench_council() -> str:
    """The council the bench users belong to (the first council: see the generator)."""
    from heartbeat.accounts.models import User
    from heartbeat.generator.runner import BENCH_USERS

    slug = (
        User.objects.filter(email=BENCH_USERS["organisation_lead"])
        .values_list("organisation__slug", flat=True)
        .first()
    )
    if slug is None:
        raise LookupError("The generated database has no bench organisation lead.")
    return slug


def council_page() -> str:
    return f"/organisations/{_bench_council()}/"


def bench_lead_page() -> str:
    """The bench project lead's own page: their projects, skills and load month by month."""
    from heartbeat.accounts.models import User
    from heartbeat.generator.runner import BENCH_USERS

    pk = User.objects.filter(email=BENCH_USERS["project_lead"]).values_list("pk", flat=True).first()
    if pk is None:
        raise LookupError("The generated database has no bench project lead.")
    return f"/people/{pk}/"


def _urls() -> list[BenchURL]:
    return [
        BenchURL("home, organisation lead", "/", "dashboard", role="organisation_lead"),
        BenchURL("home, project lead", "/", "dashboard", role="project_lead"),
        BenchURL("home, board member", "/", "dashboard", role="board_member"),
        BenchURL("home, member", "/", "dashboard", role="member"),
        BenchURL("council page, its lead", council_page, "detail", role="organisation_lead"),
        BenchURL("council page, programme office", council_page, "detail"),
        BenchURL("council page, a member", council_page, "detail", role="board_member"),
        BenchURL("council page, signed out", council_page, "detail", signed_in=False),
        BenchURL("a person's page", bench_lead_page, "detail", role="organisation_lead"),
        BenchURL("people", "/people/", "list"),
    ]


HOME_URLS = _urls()
