"""Benefits API: the register, measurements of what was realised, costs, the economics of
the programme, a theme, a project and a council, and the appraisal settings.

The endpoints call the same selectors and services as the pages, so they keep the same
rules and permissions. Benefits are for signed-in members. Periods are written 2026-27
(by year) or 2026-27 Q1 (by quarter); money is in pounds, as strings of exact decimals.
Numbers may be sent as numbers or strings: a value that is not a number is refused with
422 not_a_number.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.benefits import appraisal, selectors, services
from heartbeat.benefits.economics import Appraisal
from heartbeat.benefits.inputs import BenefitInput, CostInput, MeasurementInput, ProfileInput
from heartbeat.benefits.models import (
    MAX_YEAR,
    MEASURE_LENGTH,
    MIN_YEAR,
    TEXT_LENGTH,
    TITLE_LENGTH,
    UNIT_LENGTH,
    Benefit,
    Cost,
    Measurement,
    ProfileEntry,
)
from heartbeat.benefits.periods import period_key, year_label
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.datacache import cached
from heartbeat.core.exceptions import InvalidInput, NotFound
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, Theme

router = Router(tags=["benefits"])

MAX_LIMIT = 200
Number = Decimal | str | None
PERIOD = "A financial year like 2026-27, or a quarter like 2026-27 Q1"


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


class ProfileIO(Schema):
    period: str = Field(description=PERIOD, max_length=12)
    value: Number = Field(description="In pounds when monetised, otherwise in the unit")


class BenefitOut(Schema):
    id: int
    reference: str
    project: Ref
    title: str
    description: str
    classification: str
    nature: str
    is_disbenefit: bool
    measure: str
    unit: str
    monetised: bool
    baseline_value: Decimal | None
    baseline_date: datetime.date | None
    target_value: Decimal | None
    target_date: datetime.date | None
    beneficiary_scope: str
    beneficiaries: list[Ref]
    owner_id: int | None
    granularity: str
    status: str
    evidence: str
    from_definition: bool
    profile: list[ProfileIO]
    version: int


class BenefitFieldsIn(Schema):
    title: str = Field(max_length=TITLE_LENGTH)
    description: str = Field("", max_length=TEXT_LENGTH)
    classification: str = Field(description="cash_releasing, non_cash_releasing or societal")
    nature: str = Field(description="quantitative or qualitative")
    is_disbenefit: bool = False
    measure: str = Field("", max_length=MEASURE_LENGTH)
    unit: str = Field("", max_length=UNIT_LENGTH)
    monetised: bool = Field(False, description="Values are in pounds (quantitative only)")
    baseline_value: Number = None
    baseline_date: datetime.date | None = None
    target_value: Number = None
    target_date: datetime.date | None = None
    beneficiary_scope: str = Field("partnership", description="partnership or organisations")
    beneficiaries: list[str] = Field(
        default_factory=list, description="Slugs of the councils that benefit", max_length=400
    )
    owner_id: int | None = None
    granularity: str = Field("year", description="year or quarter")
    status: str = Field(
        "identified", description="identified, planned, realising, realised or not_achieved"
    )
    evidence: str = Field("", max_length=TEXT_LENGTH)
    profile: list[ProfileIO] = Field(default_factory=list, max_length=200)


class BenefitIn(BenefitFieldsIn):
    project: str = Field(description="The project's slug", max_length=120)


class BenefitUpdateIn(BenefitFieldsIn):
    version: int = Field(
        description="The version you read; if the benefit changed since, the answer is 409 "
        "edit_conflict and nothing is saved."
    )


class BenefitQuery(Schema):
    project: str = Field("", max_length=120)
    theme: str = Field("", max_length=110)
    classification: str = Field("", max_length=20)
    nature: str = Field("", max_length=12)
    status: str = Field("", max_length=20)
    organisation: str = Field("", max_length=160, description="Benefits for this council")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class BenefitPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[BenefitOut]


def _benefit(b: Benefit) -> dict:
    return {
        "id": b.pk,
        "reference": b.reference,
        "project": {"slug": b.project.slug, "name": b.project.title},
        "title": b.title,
        "description": b.description,
        "classification": b.classification,
        "nature": b.nature,
        "is_disbenefit": b.is_disbenefit,
        "measure": b.measure,
        "unit": b.unit,
        "monetised": b.monetised,
        "baseline_value": b.baseline_value,
        "baseline_date": b.baseline_date,
        "target_value": b.target_value,
        "target_date": b.target_date,
        "beneficiary_scope": b.beneficiary_scope,
        "beneficiaries": [{"slug": o.slug, "name": o.name} for o in b.beneficiaries.all()],
        "owner_id": b.owner_id,
        "granularity": b.granularity,
        "status": b.status,
        "evidence": b.evidence,
        "from_definition": b.source_id is not None,
        "profile": [
            {"period": period_key(e.period_start, b.granularity), "value": e.value}
            for e in b.profile.all()
        ],
        "version": b.version,
    }


def _benefits(user):
    return (
        Benefit.objects.visible_to(user)
        .select_related("project")
        .prefetch_related(
            "beneficiaries",
            Prefetch("profile", queryset=ProfileEntry.objects.order_by("period_start")),
        )
        .order_by("project__title", "id")
    )


def _benefit_input(payload: BenefitFieldsIn) -> BenefitInput:
    ids = []
    if payload.beneficiaries:
        found = dict(
            Organisation.objects.filter(slug__in=payload.beneficiaries).values_list("slug", "pk")
        )
        missing = [slug for slug in payload.beneficiaries if slug not in found]
        if missing:
            raise InvalidInput(
                f"There is no organisation '{missing[0][:60]}'.", field="beneficiaries"
            )
        ids = list(found.values())
    return BenefitInput(
        title=payload.title,
        description=payload.description,
        classification=payload.classification,
        nature=payload.nature,
        is_disbenefit=payload.is_disbenefit,
        measure=payload.measure,
        unit=payload.unit,
        monetised=payload.monetised,
        baseline_value=payload.baseline_value,
        baseline_date=payload.baseline_date,
        target_value=payload.target_value,
        target_date=payload.target_date,
        beneficiary_scope=payload.beneficiary_scope,
        beneficiary_ids=ids,
        owner_id=payload.owner_id,
        granularity=payload.granularity,
        status=payload.status,
        evidence=payload.evidence,
        profile=[ProfileInput(row.period, row.value) for row in payload.profile],
    )


@router.get(
    "/benefits",
    auth=required,
    response={200: BenefitPageOut, 401: ErrorOut, 422: ErrorOut},
    summary="The benefits register, filtered",
)
def benefit_list(request, params: Query[BenefitQuery]):
    filters, errors = selectors.parse_register_filters(params.dict())
    if errors:
        raise InvalidInput(errors[0])
    benefits = (
        selectors.register(request.auth, filters)
        .select_related(None)
        .prefetch_related(
            "beneficiaries",
            Prefetch("profile", queryset=ProfileEntry.objects.order_by("period_start")),
        )
        .select_related("project")
    )
    return page_of(benefits, limit=params.limit, offset=params.offset, item=_benefit)


@router.get(
    "/benefits/{benefit_id}",
    auth=required,
    response={200: BenefitOut, 401: ErrorOut, 404: ErrorOut},
    summary="A benefit with its expected profile",
)
def benefit_get(request, benefit_id: int):
    return _benefit(get_object_or_404(_benefits(request.auth), pk=benefit_id))


@router.post(
    "/benefits",
    auth=required,
    response={201: BenefitOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Add a benefit to the register",
    description="The project's lead or the programme office. 422 outside_span for a profile "
    "period outside the project's span, not_a_number for a value that is not a number, "
    "qualitative_monetised when a qualitative benefit is given money values.",
)
def benefit_create(request, payload: BenefitIn):
    project = Project.objects.visible_to(request.auth).filter(slug=payload.project).first()
    if project is None:
        raise NotFound(f"There is no project '{payload.project[:60]}'.")
    benefit = services.benefit_create(
        actor=request.auth, project=project, data=_benefit_input(payload)
    )
    return Status(201, _benefit(_benefits(request.auth).get(pk=benefit.pk)))


@router.patch(
    "/benefits/{benefit_id}",
    auth=required,
    response={
        200: BenefitOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
    summary="Change a benefit and its profile",
    description="Send the whole benefit with the `version` you read; 409 edit_conflict when "
    "someone changed it since.",
)
def benefit_update(request, benefit_id: int, payload: BenefitUpdateIn):
    benefit = get_object_or_404(_benefits(request.auth), pk=benefit_id)
    services.benefit_update(
        actor=request.auth,
        benefit=benefit,
        data=_benefit_input(payload),
        expected_version=payload.version,
    )
    return _benefit(_benefits(request.auth).get(pk=benefit.pk))


# Measurements --------------------------------------------------------------------------------


class MeasurementOut(Schema):
    id: int
    benefit_id: int
    organisation: Ref | None
    period: str
    value: Decimal | None
    narrative: str
    evidence: str
    reported_by: str | None
    version: int
    updated_at: datetime.datetime


class MeasurementIn(Schema):
    organisation: str | None = Field(
        None,
        description="The council that received it (its slug); leave out for the whole "
        "partnership. An organisation lead reports for their own council only.",
        max_length=160,
    )
    period: str = Field(description=PERIOD, max_length=12)
    value: Number = Field(None, description="Quantitative benefits: the value realised")
    narrative: str = Field("", max_length=TEXT_LENGTH, description="Qualitative: what was realised")
    evidence: str = Field(max_length=TEXT_LENGTH)


class MeasurementUpdateIn(Schema):
    period: str = Field(description=PERIOD, max_length=12)
    value: Number = None
    narrative: str = Field("", max_length=TEXT_LENGTH)
    evidence: str = Field(max_length=TEXT_LENGTH)
    version: int


def _measurement(m: Measurement) -> dict:
    return {
        "id": m.pk,
        "benefit_id": m.benefit_id,
        "organisation": {"slug": m.organisation.slug, "name": m.organisation.name}
        if m.organisation
        else None,
        "period": period_key(m.period_start, m.benefit.granularity),
        "value": m.value,
        "narrative": m.narrative,
        "evidence": m.evidence,
        "reported_by": m.reported_by.display_name if m.reported_by else None,
        "version": m.version,
        "updated_at": m.updated_at,
    }


def _measurements():
    return Measurement.objects.select_related("benefit", "organisation", "reported_by").order_by(
        "period_start", "id"
    )


@router.get(
    "/benefits/{benefit_id}/measurements",
    auth=required,
    response={200: list[MeasurementOut], 401: ErrorOut, 404: ErrorOut},
    summary="What has been reported as realised for a benefit",
)
def measurement_list(request, benefit_id: int):
    benefit = get_object_or_404(Benefit.objects.visible_to(request.auth), pk=benefit_id)
    return [_measurement(m) for m in _measurements().filter(benefit=benefit)]


@router.post(
    "/benefits/{benefit_id}/measurements",
    auth=required,
    response={201: MeasurementOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Report what was realised in a period",
    description="403 not_your_organisation when an organisation lead reports for another "
    "council; 422 already_reported, period_in_future, outside_span, not_a_number.",
)
def measurement_create(request, benefit_id: int, payload: MeasurementIn):
    benefit = get_object_or_404(
        Benefit.objects.visible_to(request.auth).select_related("project"), pk=benefit_id
    )
    organisation = None
    if payload.organisation:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
        if organisation is None:
            raise InvalidInput(
                f"There is no organisation '{payload.organisation[:60]}'.", field="organisation"
            )
    measurement = services.measurement_record(
        actor=request.auth,
        benefit=benefit,
        organisation=organisation,
        data=MeasurementInput(
            period=payload.period,
            value=payload.value,
            narrative=payload.narrative,
            evidence=payload.evidence,
        ),
    )
    return Status(201, _measurement(_measurements().get(pk=measurement.pk)))


@router.patch(
    "/measurements/{measurement_id}",
    auth=required,
    response={
        200: MeasurementOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
    summary="Correct a report",
)
def measurement_update(request, measurement_id: int, payload: MeasurementUpdateIn):
    measurement = get_object_or_404(
        _measurements().filter(benefit__in=Benefit.objects.visible_to(request.auth)),
        pk=measurement_id,
    )
    services.measurement_update(
        actor=request.auth,
        measurement=measurement,
        data=MeasurementInput(
            period=payload.period,
            value=payload.value,
            narrative=payload.narrative,
            evidence=payload.evidence,
        ),
        expected_version=payload.version,
    )
    return _measurement(_measurements().get(pk=measurement.pk))


# Costs -----------------------------------------------------------------------------------------


class CostOut(Schema):
    id: int
    project: Ref
    organisation: Ref
    category: str
    description: str
    amount: Decimal
    financial_year: str
    version: int


class CostFieldsIn(Schema):
    organisation: str = Field(description="Who paid (the organisation's slug)", max_length=160)
    category: str = Field(description="staff, supplier, licences, hosting, training or other")
    description: str = Field(max_length=TITLE_LENGTH)
    amount: Number = Field(description="Pounds, 0 or more")
    financial_year: str = Field(description="Like 2026-27", max_length=7)


class CostIn(CostFieldsIn):
    project: str = Field(description="The project's slug", max_length=120)


class CostUpdateIn(CostFieldsIn):
    version: int


class CostQuery(Schema):
    project: str = Field("", max_length=120)
    organisation: str = Field("", max_length=160)
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class CostPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[CostOut]


def _cost(c: Cost) -> dict:
    return {
        "id": c.pk,
        "project": {"slug": c.project.slug, "name": c.project.title},
        "organisation": {"slug": c.organisation.slug, "name": c.organisation.name},
        "category": c.category,
        "description": c.description,
        "amount": c.amount,
        "financial_year": year_label(c.financial_year),
        "version": c.version,
    }


def _costs(user):
    return (
        Cost.objects.filter(project__in=Project.objects.visible_to(user))
        .select_related("project", "organisation")
        .order_by("project__title", "financial_year", "id")
    )


def _cost_input(payload: CostFieldsIn) -> CostInput:
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise InvalidInput(
            f"There is no organisation '{payload.organisation[:60]}'.", field="organisation"
        )
    return CostInput(
        category=payload.category,
        description=payload.description,
        amount=payload.amount,
        financial_year=payload.financial_year,
        organisation_id=organisation.pk,
    )


@router.get(
    "/costs",
    auth=required,
    response={200: CostPageOut, 401: ErrorOut},
    summary="Direct costs, by project and who paid",
)
def cost_list(request, params: Query[CostQuery]):
    costs = _costs(request.auth)
    if params.project:
        costs = costs.filter(project__slug=params.project)
    if params.organisation:
        costs = costs.filter(organisation__slug=params.organisation)
    return page_of(costs, limit=params.limit, offset=params.offset, item=_cost)


@router.post(
    "/costs",
    auth=required,
    response={201: CostOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Record a direct cost",
    description="422 negative_cost for an amount below 0; outside_span for a year outside "
    "the project's span.",
)
def cost_create(request, payload: CostIn):
    project = Project.objects.visible_to(request.auth).filter(slug=payload.project).first()
    if project is None:
        raise NotFound(f"There is no project '{payload.project[:60]}'.")
    cost = services.cost_create(actor=request.auth, project=project, data=_cost_input(payload))
    return Status(201, _cost(_costs(request.auth).get(pk=cost.pk)))


@router.patch(
    "/costs/{cost_id}",
    auth=required,
    response={
        200: CostOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
    summary="Change a direct cost",
)
def cost_update(request, cost_id: int, payload: CostUpdateIn):
    cost = get_object_or_404(_costs(request.auth), pk=cost_id)
    services.cost_update(
        actor=request.auth, cost=cost, data=_cost_input(payload), expected_version=payload.version
    )
    return _cost(_costs(request.auth).get(pk=cost.pk))


@router.delete(
    "/costs/{cost_id}",
    auth=required,
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Remove a direct cost",
)
def cost_delete(request, cost_id: int, version: int | None = None):
    cost = get_object_or_404(_costs(request.auth), pk=cost_id)
    services.cost_delete(actor=request.auth, cost=cost, expected_version=version)
    return Status(204, None)


# Economics -------------------------------------------------------------------------------------


class YearOut(Schema):
    financial_year: str
    cost: Decimal
    expected: Decimal
    realised: Decimal
    forecast: Decimal


class EconomicsOut(Schema):
    discount_rate: Decimal
    base_year: str
    total_cost: Decimal
    direct_cost: Decimal
    in_kind_cost: Decimal
    in_kind_days: Decimal
    benefits_expected: Decimal
    benefits_realised: Decimal
    benefits_forecast: Decimal
    net_benefit: Decimal
    benefit_cost_ratio: Decimal | None
    roi_percent: Decimal | None
    npv: Decimal
    simple_payback_years: Decimal | None
    discounted_payback_years: Decimal | None
    years: list[YearOut]


class EconomicsQuery(Schema):
    rate: str = Field("", max_length=8, description="A discount rate (0-20) for this answer only")


def _economics(a: Appraisal) -> dict:
    q = Decimal("0.01")
    return {
        "discount_rate": a.rate,
        "base_year": year_label(a.base_year),
        "total_cost": a.total_cost,
        "direct_cost": a.direct_cost.quantize(q),
        "in_kind_cost": a.in_kind_cost.quantize(q),
        "in_kind_days": a.in_kind_days,
        "benefits_expected": a.expected,
        "benefits_realised": a.realised,
        "benefits_forecast": a.forecast,
        "net_benefit": a.net_benefit,
        "benefit_cost_ratio": a.bcr,
        "roi_percent": a.roi,
        "npv": a.npv,
        "simple_payback_years": a.simple_payback,
        "discounted_payback_years": a.discounted_payback,
        "years": [
            {
                "financial_year": year_label(y),
                "cost": a.costs_by_year.get(y, Decimal(0)).quantize(q),
                "expected": a.expected_by_year.get(y, Decimal(0)).quantize(q),
                "realised": a.realised_by_year.get(y, Decimal(0)).quantize(q),
                "forecast": a.forecast_by_year.get(y, Decimal(0)).quantize(q),
            }
            for y in a.years
        ],
    }


def _settings(params: EconomicsQuery) -> appraisal.Settings:
    settings = appraisal.load_settings()
    settings.discount_rate = selectors.parse_rate(params.rate or None, settings.discount_rate)
    return settings


@router.get(
    "/economics",
    auth=required,
    response={200: EconomicsOut, 401: ErrorOut, 422: ErrorOut},
    summary="The whole programme's economics",
    description="422 discount_rate_out_of_range for a rate outside 0-20.",
)
def programme_economics(request, params: Query[EconomicsQuery]):
    settings = _settings(params)
    # The programme's appraisal alone, kept apart from the page's figures it comes from.
    programme = cached(
        "benefits.programme-appraisal",
        (repr(settings),),
        lambda: selectors.programme_economics(settings).programme,
    )
    return _economics(programme)


@router.get(
    "/economics/themes/{slug}",
    auth=required,
    response={200: EconomicsOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="A theme's economics",
)
def theme_economics(request, slug: str, params: Query[EconomicsQuery]):
    theme = get_object_or_404(Theme, slug=slug)
    return _economics(selectors.theme_economics(_settings(params), theme))


@router.get(
    "/economics/projects/{slug}",
    auth=required,
    response={200: EconomicsOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="A project's economics",
)
def project_economics(request, slug: str, params: Query[EconomicsQuery]):
    from django.db.models import Q

    project = get_object_or_404(Project.objects.visible_to(request.auth), slug=slug)
    settings = _settings(params)
    flows = appraisal.flows_by_project(settings, Q(pk=project.pk)).get(project.pk)
    return _economics((flows or appraisal.Flows()).appraisal(settings))


class StatementProjectOut(Schema):
    project: Ref
    economics: EconomicsOut


class StatementOut(Schema):
    organisation: Ref
    economics: EconomicsOut
    projects: list[StatementProjectOut]


@router.get(
    "/economics/organisations/{slug}",
    auth=required,
    response={200: StatementOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="A council's value statement: what it put in and received",
)
def organisation_economics(request, slug: str, params: Query[EconomicsQuery]):
    statement = selectors.value_statement(request.auth, slug, _settings(params))
    org = statement.organisation
    return {
        "organisation": {"slug": org.slug, "name": org.name},
        "economics": _economics(statement.total),
        "projects": [
            {
                "project": {"slug": r.project.slug, "name": r.project.title},
                "economics": _economics(r.appraisal),
            }
            for r in statement.projects
        ],
    }


class DayRateIO(Schema):
    level: str
    rate: Number


class SettingsOut(Schema):
    discount_rate: Decimal
    base_year: int
    years_after_end: int
    day_rate_source: str
    day_rates: list[DayRateIO]
    version: int


class SettingsIn(Schema):
    discount_rate: Number = Field(description="0 to 20")
    base_year: int = Field(
        ge=MIN_YEAR,
        le=MAX_YEAR - 1,
        description="The year the base financial year starts, e.g. 2026",
    )
    years_after_end: int = Field(5, ge=0, le=services.MAX_YEARS_AFTER_END, description="0 to 15")
    day_rate_source: str = Field("", max_length=500)
    day_rates: list[DayRateIO] = Field(max_length=10)
    version: int


def _settings_out() -> dict:
    s = appraisal.load_settings()
    return {
        "discount_rate": s.discount_rate,
        "base_year": s.base_year,
        "years_after_end": s.years_after_end,
        "day_rate_source": s.day_rate_source,
        "day_rates": [{"level": level, "rate": rate} for level, _, rate in s.rate_rows()],
        "version": s.version,
    }


@router.get(
    "/appraisal-settings",
    auth=required,
    response={200: SettingsOut, 401: ErrorOut},
    summary="The discount rate, base year and day rates",
)
def settings_get(request):
    return _settings_out()


@router.put(
    "/appraisal-settings",
    auth=required,
    response={200: SettingsOut, 401: ErrorOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change the discount rate, base year and day rates (programme office)",
)
def settings_put(request, payload: SettingsIn):
    services.settings_update(
        actor=request.auth,
        discount_rate=payload.discount_rate,
        base_year=payload.base_year,
        years_after_end=payload.years_after_end,
        day_rate_source=payload.day_rate_source,
        rates={row.level: row.rate for row in payload.day_rates},
        expected_version=payload.version,
    )
    return _settings_out()
