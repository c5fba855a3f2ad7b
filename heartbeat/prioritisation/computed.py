"""The two criteria Heartbeat scores itself, from the programme's own records.

Demand: the councils taking part in a project (interested, committed or active) together with
the councils that raised or support the work requests it came from, each council counted once,
mapped to 1-5 by the stated bands (``scoring.DEMAND_BANDS``). For an accepted request still
waiting for its project: the council that raised it and the councils supporting it.

Readiness: half the definition's completeness (the items of portfolio's definition-of-ready
checklist that are done) and half its staffing coverage (recruitment's covered days over the
days its resource requirements need, over their whole period), mapped to 1-5 by
``scoring.READINESS_BANDS``. A request without a project has no definition yet: 1.

Both work on many entries at once in a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Prefetch

from heartbeat.core.formatting import number
from heartbeat.partnership.models import OrganisationKind
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
)
from heartbeat.portfolio.rules import definition_checklist
from heartbeat.prioritisation import scoring
from heartbeat.recruitment.models import Participation, ParticipationStatus
from heartbeat.recruitment.selectors import with_coverage
from heartbeat.work_requests.models import Support, WorkRequest

CHUNK = 500
TAKING_PART = (
    ParticipationStatus.INTERESTED,
    ParticipationStatus.COMMITTED,
    ParticipationStatus.ACTIVE,
)


@dataclass(frozen=True)
class Computed:
    value: int
    rationale: str


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def demand(project_ids: list[int], request_ids: list[int]) -> dict[tuple[str, int], Computed]:
    """Demand for each project and each request without a project (3 queries per 500)."""
    councils: dict[tuple[str, int], set[int]] = defaultdict(set)
    council = OrganisationKind.LOCAL_AUTHORITY
    for ids in _chunks(project_ids):
        for project_id, organisation_id in Participation.objects.filter(
            project_id__in=ids, status__in=TAKING_PART, organisation__kind=council
        ).values_list("project_id", "organisation_id"):
            councils[("project", project_id)].add(organisation_id)
        for project_id, organisation_id in WorkRequest.objects.filter(
            project_id__in=ids, organisation__kind=council
        ).values_list("project_id", "organisation_id"):
            councils[("project", project_id)].add(organisation_id)
        for project_id, organisation_id in Support.objects.filter(
            work_request__project_id__in=ids, organisation__kind=council
        ).values_list("work_request__project_id", "organisation_id"):
            councils[("project", project_id)].add(organisation_id)
    for ids in _chunks(request_ids):
        for request_id, organisation_id in WorkRequest.objects.filter(
            pk__in=ids, organisation__kind=council
        ).values_list("pk", "organisation_id"):
            councils[("request", request_id)].add(organisation_id)
        for request_id, organisation_id in Support.objects.filter(
            work_request_id__in=ids, organisation__kind=council
        ).values_list("work_request_id", "organisation_id"):
            councils[("request", request_id)].add(organisation_id)
    results = {}
    for key in [("project", pk) for pk in project_ids] + [("request", pk) for pk in request_ids]:
        count = len(councils.get(key, ()))
        level = scoring.demand_level(count)
        what = (
            "take part in the project or raised or support its requests"
            if key[0] == "project"
            else "raised or support the request"
        )
        results[key] = Computed(
            value=level,
            rationale=(
                f"{_plural(count, 'council', 'councils')} {what}: in the band "
                f"{scoring.demand_band_label(level)}, which scores {level}."
            ),
        )
    return results


def _definitions(ids: list[int]) -> dict[int, tuple[int, int]]:
    """(items done, items) of each project's definition-of-ready checklist."""
    projects = Project.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("scope_items", queryset=ScopeItem.objects.only("id", "kind", "project_id")),
        Prefetch("requirements", queryset=Requirement.objects.only("id", "project_id")),
        Prefetch("products", queryset=AnticipatedProduct.objects.only("id", "project_id")),
        Prefetch("expected_benefits", queryset=ExpectedBenefit.objects.only("id", "project_id")),
        "resource_requirements",
    )
    done = {}
    for project in projects.only("id", "lead_organisation_id", "project_lead_id"):
        checklist = definition_checklist(project)
        done[project.pk] = (sum(1 for item in checklist if item.done), len(checklist))
    return done


def _coverage(ids: list[int]) -> dict[int, tuple[Decimal, Decimal]]:
    """(covered days, required days) of each project over its requirements' whole periods."""
    totals: dict[int, tuple[Decimal, Decimal]] = {}
    for project_id, required, covered in with_coverage(
        ResourceRequirement.objects.filter(project_id__in=ids)
    ).values_list("project_id", "required_days", "covered_days"):
        old_covered, old_required = totals.get(project_id, (Decimal(0), Decimal(0)))
        totals[project_id] = (old_covered + Decimal(covered), old_required + Decimal(required))
    return totals


def _percent(value: Fraction) -> str:
    return f"{number(float(value), 0)}%"


def readiness(project_ids: list[int], request_ids: list[int]) -> dict[tuple[str, int], Computed]:
    """Readiness for each project, and 1 for each request without a project (7 queries per
    500 projects)."""
    results = {}
    for ids in _chunks(project_ids):
        definitions = _definitions(ids)
        coverage = _coverage(ids)
        for project_id in ids:
            done, items = definitions.get(project_id, (0, 7))
            covered, required = coverage.get(project_id, (Decimal(0), Decimal(0)))
            percent = scoring.readiness_percent(done, items, covered, required)
            level = scoring.readiness_level(percent)
            if required > 0:
                staffing = (
                    f"staffing {number(covered, 1).removesuffix('.0')} of "
                    f"{number(required, 1).removesuffix('.0')} required days pledged "
                    f"({_percent(100 * min(Fraction(covered) / Fraction(required), Fraction(1)))})"
                )
            else:
                staffing = "no resource requirements yet, so staffing counts as 0%"
            results[("project", project_id)] = Computed(
                value=level,
                rationale=(
                    f"Definition {done} of {items} items complete "
                    f"({_percent(100 * Fraction(done, items) if items else Fraction(0))}); "
                    f"{staffing}. "
                    f"Readiness {_percent(percent)}: in the band "
                    f"{scoring.readiness_band_label(level)}, which scores {level}."
                ),
            )
    for request_id in request_ids:
        results[("request", request_id)] = Computed(
            value=1,
            rationale="An accepted request without its project yet has no definition or "
            "staffing: readiness 0%, which scores 1.",
        )
    return results
