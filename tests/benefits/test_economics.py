"""The economics against cases worked by hand (figures in the comments), in pounds."""

from decimal import Decimal as D

import pytest

from heartbeat.benefits import economics as e

RATE = D("3.5")

# Costs of £100,000 in 2026-27 and £50,000 in 2027-28; benefits of £60,000 a year from
# 2028-29, two years after the costs start, to 2030-31.
LATE_COSTS = {2026: D("100000"), 2027: D("50000")}
LATE_BENEFITS = {2028: D("60000"), 2029: D("60000"), 2030: D("60000")}


def test_discount_factor_at_the_green_book_rate():
    assert e.discount_factor(2026, 2026, RATE) == 1
    # 1 / 1.035 = 0.966183...
    assert round(e.discount_factor(2027, 2026, RATE), 6) == D("0.966184")
    # Two years before the base year: 1.035 ** 2 = 1.071225.
    assert e.discount_factor(2024, 2026, RATE) == D("1.071225")


def test_npv_of_benefits_starting_two_years_after_the_costs():
    # -100,000 - 50,000/1.035 + 60,000/1.035^2 + 60,000/1.035^3 + 60,000/1.035^4
    # = -100,000 - 48,309.18 + 56,010.64 + 54,116.56 + 52,286.53 = 14,104.56
    assert e.npv(LATE_COSTS, LATE_BENEFITS, rate=RATE, base_year=2026) == D("14104.56")


def test_npv_at_zero_rate_is_the_plain_net():
    assert e.npv(LATE_COSTS, LATE_BENEFITS, rate=D("0"), base_year=2026) == D("30000.00")


def test_npv_moves_with_the_base_year_but_payback_does_not():
    # Discounting to 2027-28 instead multiplies every flow by 1.035: 14,104.56 x 1.035.
    assert e.npv(LATE_COSTS, LATE_BENEFITS, rate=RATE, base_year=2027) == D("14598.22")
    assert e.discounted_payback(
        LATE_COSTS, LATE_BENEFITS, rate=RATE, base_year=2027
    ) == e.discounted_payback(LATE_COSTS, LATE_BENEFITS, rate=RATE, base_year=2026)


def test_simple_payback_when_benefits_start_two_years_late():
    # Cumulative net: -100k, -150k, -90k, -30k, +30k. Paid back during the fifth year:
    # 4 + 30,000 / 60,000 = 4.5 years.
    assert e.simple_payback(LATE_COSTS, LATE_BENEFITS) == D("4.5")


def test_discounted_payback_when_benefits_start_two_years_late():
    # Discounted cumulative: -100,000; -148,309.18; -92,298.54; -38,181.97; +14,104.56.
    # 4 + 38,181.97 / 52,286.53 = 4.73, so 4.7 years.
    assert e.discounted_payback(LATE_COSTS, LATE_BENEFITS, rate=RATE, base_year=2026) == D("4.7")


def test_roi_and_benefit_cost_ratio():
    # Benefits £180,000 against costs £150,000: (180 - 150) / 150 = 20%; 180 / 150 = 1.2.
    assert e.roi_percent(D("180000"), D("150000")) == D("20.00")
    assert e.benefit_cost_ratio(D("180000"), D("150000")) == D("1.20")


def test_roi_rounds_half_up_to_two_places():
    # (1 - 3) / 3 = -66.666...% -> -66.67%; 2 / 3 = 0.666... -> 0.67.
    assert e.roi_percent(D("1"), D("3")) == D("-66.67")
    assert e.benefit_cost_ratio(D("2"), D("3")) == D("0.67")


def test_a_project_that_never_pays_back():
    costs = {2026: D("100000")}
    benefits = {2027: D("20000"), 2028: D("20000")}
    # -100,000 + 20,000/1.035 + 20,000/1.071225 = -100,000 + 19,323.67 + 18,670.21
    assert e.npv(costs, benefits, rate=RATE, base_year=2026) == D("-62006.11")
    assert e.simple_payback(costs, benefits) is None
    assert e.discounted_payback(costs, benefits, rate=RATE, base_year=2026) is None
    # (40,000 - 100,000) / 100,000 = -60%.
    assert e.roi_percent(D("40000"), D("100000")) == D("-60.00")


def test_pays_back_on_paper_but_not_once_discounted():
    # Net -100,000 then +50,500 and +50,000: undiscounted it pays back in the third year
    # (2 + 49,500 / 50,000 = 2.99, so 3.0 years); discounted it does not
    # (-100,000 + 48,792.27 + 46,675.88 = -4,531.85).
    costs = {2026: D("100000")}
    benefits = {2027: D("50500"), 2028: D("50000")}
    assert e.simple_payback(costs, benefits) == D("3.0")
    assert e.discounted_payback(costs, benefits, rate=RATE, base_year=2026) is None


def test_no_costs_gives_no_ratio_and_no_payback():
    assert e.roi_percent(D("5000"), D("0")) is None
    assert e.benefit_cost_ratio(D("5000"), D("0")) is None
    assert e.simple_payback({}, {2026: D("5000")}) is None


def test_appraisal_adds_up_its_years():
    appraisal = e.Appraisal(
        costs_by_year=LATE_COSTS,
        expected_by_year={2028: D("50000"), 2029: D("60000"), 2030: D("60000")},
        realised_by_year={2028: D("60000")},
        forecast_by_year=LATE_BENEFITS,
        rate=RATE,
        base_year=2026,
    )
    assert appraisal.total_cost == D("150000.00")
    assert appraisal.expected == D("170000.00")
    assert appraisal.realised == D("60000.00")
    assert appraisal.forecast == D("180000.00")
    assert appraisal.net_benefit == D("30000.00")
    assert appraisal.npv == D("14104.56")
    assert appraisal.simple_payback == D("4.5")
    assert appraisal.roi == D("20.00")
    assert appraisal.years == [2026, 2027, 2028, 2029, 2030]


@pytest.mark.parametrize(
    ("costs", "benefits", "expected"),
    [
        # Paid back within the first year: flows spread evenly, so 0 years.
        ({2026: D("10000")}, {2026: D("30000")}, D("0.0")),
        # Exactly nil at the end of year 2: 1 + 10,000 / 10,000 = 2.0.
        ({2026: D("10000")}, {2027: D("10000")}, D("2.0")),
    ],
)
def test_payback_edges(costs, benefits, expected):
    assert e.simple_payback(costs, benefits) == expected
