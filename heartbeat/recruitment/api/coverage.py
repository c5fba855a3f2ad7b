"""Endpoints: a project's staffing coverage and the open needs."""

from __future__ import annotations

from decimal import Decimal

from ninja import Field, Query, Schema

from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.core.months import month_key
from heartbeat.recruitment import selectors
from heartbeat.recruitment.api.base import MAX_LIMIT, MONTH, ErrorOut, Ref, _ref, router
from heartbeat.recruitment.api.participation import _visible_project

# Coverage and open needs -----------------------------------------------------------------------


PLEDGED = "Days councils pledged, whether or not the need could use them all"
COVERED = "Days pledged, capped at the days required in each month: what coverage counts"


class MonthCoverageOut(Schema):
    month: str
    required_days: Decimal
    pledged_days: Decimal = Field(description=PLEDGED)
    covered_days: Decimal = Field(description=COVERED)
    shortfall_days: Decimal


class NeedCoverageOut(Schema):
    requirement_id: int
    skill: Ref
    level: str
    people: int
    days_per_month: Decimal
    start_month: str
    end_month: str
    required_days: Decimal
    pledged_days: Decimal = Field(description=PLEDGED)
    covered_days: Decimal = Field(description=COVERED)
    shortfall_days: Decimal
    largest_gap: Decimal
    percent: int | None
    months: list[MonthCoverageOut]


class CoverageOut(Schema):
    project: Ref
    percent: int | None = Field(description="Covered days over required days, rounded down")
    required_days: Decimal
    pledged_days: Decimal = Field(description=PLEDGED)
    covered_days: Decimal = Field(description=COVERED)
    shortfall_days: Decimal
    needs: list[NeedCoverageOut]


@router.get(
    "/projects/{slug}/coverage",
    response={200: CoverageOut, 404: ErrorOut},
    summary="A project's staffing coverage by need and month",
    description="pledged_days is what councils offered; covered_days counts pledged days up "
    "to the days required in each month, and is what the percentage uses.",
)
def project_coverage(request, slug: str):
    project = _visible_project(request.auth, slug)
    coverage = selectors.project_coverage(project)
    return {
        "project": {"slug": project.slug, "name": project.title},
        "percent": coverage.percent,
        "required_days": coverage.required,
        "pledged_days": coverage.pledged,
        "covered_days": coverage.covered,
        "shortfall_days": coverage.shortfall,
        "needs": [
            {
                "requirement_id": n.requirement.pk,
                "skill": _ref(n.requirement.skill),
                "level": n.requirement.level,
                "people": n.requirement.people,
                "days_per_month": n.requirement.days_per_month,
                "start_month": month_key(n.requirement.start_month),
                "end_month": month_key(n.requirement.end_month),
                "required_days": n.required,
                "pledged_days": n.pledged,
                "covered_days": n.covered,
                "shortfall_days": n.shortfall,
                "largest_gap": n.largest_gap,
                "percent": n.percent,
                "months": [
                    {
                        "month": month_key(c.month),
                        "required_days": c.required,
                        "pledged_days": c.pledged,
                        "covered_days": c.covered,
                        "shortfall_days": c.gap,
                    }
                    for c in n.cells
                ],
            }
            for n in coverage.requirements
        ],
    }


class NeedQuery(Schema):
    skill: str = Field("", description="A skill's slug")
    level: str = Field("", description="awareness, working, practitioner or expert")
    theme: str = Field("", description="A theme's slug")
    month: str = Field("", description="Needs short of days in this month: " + MONTH)
    sort: str = Field("", description="gap (the default), shortfall, start or project")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class OpenNeedOut(Schema):
    requirement_id: int
    project: Ref
    theme: Ref
    skill: Ref
    level: str
    people: int
    days_per_month: Decimal
    start_month: str
    end_month: str
    months_open: int = Field(description="Months from this month to the need's end")
    required_days: Decimal
    pledged_days: Decimal = Field(description=PLEDGED)
    covered_days: Decimal = Field(description=COVERED)
    shortfall_days: Decimal
    largest_gap: Decimal


class OpenNeedPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[OpenNeedOut]


def _open_need(n) -> dict:
    return {
        "requirement_id": n.pk,
        "project": {"slug": n.project.slug, "name": n.project.title},
        "theme": _ref(n.project.theme),
        "skill": _ref(n.skill),
        "level": n.level,
        "people": n.people,
        "days_per_month": n.days_per_month,
        "start_month": month_key(n.start_month),
        "end_month": month_key(n.end_month),
        "months_open": n.months_open,
        "required_days": n.required_days,
        "pledged_days": n.pledged_days,
        "covered_days": n.covered_days,
        "shortfall_days": n.shortfall_days,
        "largest_gap": n.largest_gap,
    }


@router.get(
    "/open-needs",
    response={200: OpenNeedPageOut, 422: ErrorOut},
    summary="Needs not yet fully covered, from this month on",
    description="The filters of the open-needs page. An unknown value is a 422.",
)
def open_need_list(request, params: Query[NeedQuery]):
    filters, errors = selectors.parse_need_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    needs = selectors.open_needs(request.auth, filters)
    return page_of(needs, limit=params.limit, offset=params.offset, item=_open_need)
