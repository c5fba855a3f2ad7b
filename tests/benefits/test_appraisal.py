"""The flows the economics are worked out from: costs, in-kind time at the day rates and
monetised benefits (expected, realised and forecast), by project, theme and council."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Q

from heartbeat.benefits import appraisal, selectors
from heartbeat.benefits.models import BeneficiaryScope, DayRate
from tests.benefits.factories import BenefitFactory, CostFactory, MeasurementFactory, profile
from tests.portfolio.factories import ResourceRequirementFactory
from tests.recruitment.factories import make_pledge


@pytest.fixture
def programme(project, council, other_council, programme_office):
    """Aberdeen City and Angus share a benefit; Aberdeen City pledged time and paid costs."""
    shared = profile(
        BenefitFactory(project=project, beneficiary_scope=BeneficiaryScope.ORGANISATIONS),
        {2026: 40000, 2027: 60000},
    )
    shared.beneficiaries.set([council, other_council])
    # Aberdeen City reports 2026-27: its realised value replaces its share of that year.
    MeasurementFactory(benefit=shared, organisation=council, value=Decimal("15000"))
    profile(BenefitFactory(project=project, is_disbenefit=True), {2026: 5000})
    BenefitFactory(project=project, nature="qualitative", monetised=False)
    hours = profile(BenefitFactory(project=project, monetised=False, unit="hours"), {2026: 900})
    MeasurementFactory(benefit=hours, organisation=None, value=Decimal("800"))
    CostFactory(project=project, organisation=council, amount=Decimal("30000"), financial_year=2026)
    CostFactory(
        project=project, organisation=other_council, amount=Decimal("8000"), financial_year=2027
    )
    requirement = ResourceRequirementFactory(
        project=project, start_month=datetime.date(2026, 4, 1), end_month=datetime.date(2026, 9, 1)
    )
    # 4 days a month for six months at practitioner level (£400 a day): 24 days, £9,600.
    make_pledge(requirement, council, programme_office)
    return shared


def test_project_flows(programme, project):
    settings = appraisal.load_settings()
    flows = appraisal.flows_by_project(settings, Q(pk=project.pk))[project.pk]
    assert dict(flows.direct) == {2026: Decimal("30000"), 2027: Decimal("8000")}
    assert dict(flows.in_kind) == {2026: Decimal("9600.0")}
    assert flows.days == Decimal("24.0")
    # Expected: 40,000 - 5,000 (disbenefit) in 2026-27, 60,000 in 2027-28; the hours benefit
    # and the qualitative one have no money value.
    assert dict(flows.expected) == {2026: Decimal("35000"), 2027: Decimal("60000")}
    assert dict(flows.realised) == {2026: Decimal("15000")}
    # Forecast: 2026-27 was reported, so its realised 15,000 stands in for the expected 40,000.
    assert dict(flows.forecast) == {2026: Decimal("10000"), 2027: Decimal("60000")}
    a = flows.appraisal(settings)
    assert a.total_cost == Decimal("47600.00")
    assert a.net_benefit == Decimal("22400.00")
    # 2026-27: 10,000 - 39,600 = -29,600; 2027-28: (60,000 - 8,000) / 1.035 = 50,241.55
    assert a.npv == Decimal("20641.55")


def test_day_rates_change_the_in_kind_cost(programme, project):
    DayRate.objects.filter(level="practitioner").update(rate=Decimal("350"))
    settings = appraisal.load_settings()
    flows = appraisal.flows_by_project(settings, Q(pk=project.pk))[project.pk]
    assert dict(flows.in_kind) == {2026: Decimal("8400.0")}


def test_a_councils_share(programme, council, other_council):
    settings = appraisal.load_settings()
    mine = appraisal.total(appraisal.council_flows(settings, council))
    # Aberdeen City: half of the expected 40,000 and 60,000; its own report for 2026-27.
    assert dict(mine.expected) == {2026: Decimal("20000"), 2027: Decimal("30000")}
    assert dict(mine.realised) == {2026: Decimal("15000")}
    assert dict(mine.forecast) == {2026: Decimal("15000"), 2027: Decimal("30000")}
    assert dict(mine.direct) == {2026: Decimal("30000")}
    assert mine.days == Decimal("24.0")
    theirs = appraisal.total(appraisal.council_flows(settings, other_council))
    # Angus has not reported: its share of both years stands.
    assert dict(theirs.forecast) == {2026: Decimal("20000"), 2027: Decimal("30000")}
    assert dict(theirs.direct) == {2027: Decimal("8000")}
    assert theirs.days == 0


def test_contributions_and_receipts(programme, council, other_council):
    found = appraisal.contributions_and_receipts(appraisal.load_settings())
    assert found[council.pk] == (Decimal("39600.0"), Decimal("15000"))
    assert found[other_council.pk] == (Decimal("8000"), Decimal("0"))


def test_programme_economics_groups_by_theme(programme, project):
    data = selectors.programme_economics(appraisal.load_settings())
    assert [r.label for r in data.themes] == [project.theme.name]
    assert data.programme.total_cost == Decimal("47600.00")
    assert data.qualitative_count == 1
    assert [r.label for r in data.projects] == [project.title]


@pytest.mark.parametrize("bad", ["21", "-0.5", "three", "inf", "NaN"])
def test_a_what_if_rate_outside_0_to_20_is_refused(bad):
    from heartbeat.core.exceptions import InvalidInput

    with pytest.raises(InvalidInput) as refused:
        selectors.parse_rate(bad, Decimal("3.5"))
    assert refused.value.code == "discount_rate_out_of_range"


def test_a_what_if_rate():
    assert selectors.parse_rate("7", Decimal("3.5")) == Decimal("7.00")
    assert selectors.parse_rate("", Decimal("3.5")) == Decimal("3.5")
