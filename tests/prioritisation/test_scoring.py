"""The method's arithmetic against cases worked by hand (the working is in each test)."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from heartbeat.prioritisation import scoring
from heartbeat.prioritisation.scoring import Candidate, CriterionSpec

BETTER, WORSE = "higher_is_better", "higher_is_worse"

# The default set: strategic fit 3, benefit value 3, demand 2, readiness 2, effort 1 (worse),
# risk 1 (worse). The weights add up to 12.
DEFAULTS = [
    CriterionSpec("fit", Decimal("3"), BETTER, 10),
    CriterionSpec("benefit", Decimal("3"), BETTER, 20),
    CriterionSpec("demand", Decimal("2"), BETTER, 30),
    CriterionSpec("readiness", Decimal("2"), BETTER, 40),
    CriterionSpec("effort", Decimal("1"), WORSE, 50),
    CriterionSpec("risk", Decimal("1"), WORSE, 60),
]


@pytest.mark.parametrize(
    ("value", "direction", "expected"),
    [
        (1, BETTER, Fraction(0)),
        (2, BETTER, Fraction(1, 4)),
        (3, BETTER, Fraction(1, 2)),
        (5, BETTER, Fraction(1)),
        (1, WORSE, Fraction(1)),  # the least effort counts fully
        (4, WORSE, Fraction(1, 4)),
        (5, WORSE, Fraction(0)),
    ],
)
def test_a_score_as_a_share_of_the_scale(value, direction, expected):
    assert scoring.share(value, direction) == expected


@pytest.mark.parametrize("value", [0, 6, -1])
def test_scores_off_the_scale_are_refused(value):
    with pytest.raises(ValueError):
        scoring.share(value, BETTER)


def test_the_worked_example_of_the_method():
    # Shares 0.75, 1, 0.5, 0.25, 0.25 (effort 4, worse) and 0.75 (risk 2, worse).
    # Weighted: 3(0.75) + 3(1) + 2(0.5) + 2(0.25) + 1(0.25) + 1(0.75) = 7.75.
    # 100 x 7.75 / 12 = 64.583..., shown as 64.6.
    values = {"fit": 4, "benefit": 5, "demand": 3, "readiness": 2, "effort": 4, "risk": 2}
    score = scoring.weighted_score(DEFAULTS, values)
    assert score == Fraction(775, 12)
    assert scoring.as_decimal(score, 1) == Decimal("64.6")
    assert scoring.as_decimal(score) == Decimal("64.5833")


def test_the_best_and_worst_possible_scores_are_100_and_0():
    best = {"fit": 5, "benefit": 5, "demand": 5, "readiness": 5, "effort": 1, "risk": 1}
    worst = {"fit": 1, "benefit": 1, "demand": 1, "readiness": 1, "effort": 5, "risk": 5}
    assert scoring.weighted_score(DEFAULTS, best) == 100
    assert scoring.weighted_score(DEFAULTS, worst) == 0


def test_higher_is_worse_pulls_the_other_way():
    # Equal weights; benefit 5 (share 1) and risk 5 (share 0): 100 x 1 / 2 = 50.
    criteria = [CriterionSpec("b", Decimal("1"), BETTER), CriterionSpec("r", Decimal("1"), WORSE)]
    assert scoring.weighted_score(criteria, {"b": 5, "r": 5}) == 50
    # Benefit 5 and risk 1: 100 x (1 + 1) / 2 = 100.
    assert scoring.weighted_score(criteria, {"b": 5, "r": 1}) == 100


def test_weights_with_decimals():
    # Weights 1.5 and 0.5. Scores 3 (better, share 0.5) and 1 (worse, share 1).
    # 100 x (1.5 x 0.5 + 0.5 x 1) / 2 = 100 x 1.25 / 2 = 62.5.
    criteria = [
        CriterionSpec("a", Decimal("1.5"), BETTER),
        CriterionSpec("b", Decimal("0.5"), WORSE),
    ]
    assert scoring.weighted_score(criteria, {"a": 3, "b": 1}) == Fraction(125, 2)


def test_the_weights_must_add_up_to_more_than_nothing():
    with pytest.raises(ValueError):
        scoring.weighted_score([CriterionSpec("a", Decimal("0"), BETTER)], {"a": 3})


SINCE = datetime.date(2026, 1, 1)


def _ranked(candidates, criteria):
    return [(r.rank, r.candidate.title) for r in scoring.rank(candidates, criteria)]


def test_ranking_by_weighted_score():
    criteria = DEFAULTS[:2]
    a = Candidate("a", "Alpha", SINCE, {"fit": 2, "benefit": 2})  # 25
    b = Candidate("b", "Bravo", SINCE, {"fit": 5, "benefit": 4})  # 87.5
    c = Candidate("c", "Charlie", SINCE, {"fit": 3, "benefit": 3})  # 50
    assert _ranked([a, b, c], criteria) == [(1, "Bravo"), (2, "Charlie"), (3, "Alpha")]


def test_a_tie_goes_to_the_higher_score_on_the_heaviest_criterion():
    # Fit weight 3, demand weight 2, both better. A: fit 5, demand 1 -> 100 x 3 / 5 = 60.
    # B: fit 2, demand 5 -> 100 x (0.75 + 2) / 5 = 55. Not a tie: A first.
    # C: fit 3, demand 4 -> 100 x (1.5 + 1.5) / 5 = 60, a tie with A; fit is heavier and
    # A's share on it is 1 against C's 0.5, so A before C.
    criteria = [DEFAULTS[0], DEFAULTS[2]]
    a = Candidate("a", "Zulu", SINCE, {"fit": 5, "demand": 1})
    b = Candidate("b", "Bravo", SINCE, {"fit": 2, "demand": 5})
    c = Candidate("c", "Alpha", SINCE, {"fit": 3, "demand": 4})
    assert _ranked([c, b, a], criteria) == [(1, "Zulu"), (2, "Alpha"), (3, "Bravo")]


def test_equal_weights_break_ties_in_the_listed_order_counting_worse_the_other_way():
    # Benefit (better, listed first) and risk (worse), weight 1 each.
    # A: benefit 4 (0.75), risk 2 (0.75): 75. B: benefit 5 (1), risk 3 (0.5): 75. A tie:
    # benefit is listed first and B's share on it is higher, so B before A.
    benefit = CriterionSpec("b", Decimal("1"), BETTER, order=1)
    risk = CriterionSpec("r", Decimal("1"), WORSE, order=2)
    a = Candidate("a", "Alpha", SINCE, {"b": 4, "r": 2})
    b = Candidate("b", "Bravo", SINCE, {"b": 5, "r": 3})
    assert _ranked([a, b], [benefit, risk]) == [(1, "Bravo"), (2, "Alpha")]
    # List risk first and the lower risk (A's 2, share 0.75 against 0.5) wins instead.
    risk_first = CriterionSpec("r", Decimal("1"), WORSE, order=0)
    assert _ranked([b, a], [benefit, risk_first]) == [(1, "Alpha"), (2, "Bravo")]


def test_a_full_tie_goes_to_the_one_waiting_longer_then_the_title():
    values = {"fit": 3, "benefit": 3}
    older = Candidate("o", "Zebra crossings", datetime.date(2025, 5, 1), dict(values))
    newer = Candidate("n", "Apple", datetime.date(2026, 5, 1), dict(values))
    same_day = Candidate("s", "Banana", datetime.date(2026, 5, 1), dict(values))
    assert _ranked([newer, same_day, older], DEFAULTS[:2]) == [
        (1, "Zebra crossings"),
        (2, "Apple"),
        (3, "Banana"),
    ]


@pytest.mark.parametrize(
    ("councils", "level"),
    [(0, 1), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (19, 4), (20, 5), (32, 5)],
)
def test_demand_bands(councils, level):
    assert scoring.demand_level(councils) == level


def test_demand_band_labels():
    assert [scoring.demand_band_label(level) for level in range(1, 6)] == [
        "0 or 1 council",
        "2 to 4 councils",
        "5 to 9 councils",
        "10 to 19 councils",
        "20 or more councils",
    ]


@pytest.mark.parametrize(
    ("done", "items", "covered", "required", "percent", "level"),
    [
        # 50 x 7/7 + 50 x 0 (no requirements) = 50: band 40 to under 60, 3.
        (7, 7, 0, 0, Fraction(50), 3),
        # 50 x 7/7 + 50 x 100/100 = 100: 5.
        (7, 7, 100, 100, Fraction(100), 5),
        # 50 x 3/7 + 50 x 40/100 = 150/7 + 20 = 41.43: 3.
        (3, 7, 40, 100, Fraction(150, 7) + 20, 3),
        # Pledging more than needed counts as fully covered: 0 + 50 x 1 = 50: 3.
        (0, 7, 200, 100, Fraction(50), 3),
        # 50 x 0 + 50 x 39/100 = 19.5: under 20, 1.
        (0, 7, 39, 100, Fraction(39, 2), 1),
        # 50 x 0 + 50 x 40/100 = 20 exactly: 2.
        (0, 7, 40, 100, Fraction(20), 2),
        # 50 x 7/7 + 50 x 60/100 = 80 exactly: 5.
        (7, 7, 60, 100, Fraction(80), 5),
        (0, 7, 0, 0, Fraction(0), 1),
    ],
)
def test_readiness(done, items, covered, required, percent, level):
    result = scoring.readiness_percent(done, items, Decimal(covered), Decimal(required))
    assert result == percent
    assert scoring.readiness_level(result) == level


def test_readiness_band_labels():
    assert [scoring.readiness_band_label(level) for level in range(1, 6)] == [
        "0% to under 20% ready",
        "20% to under 40% ready",
        "40% to under 60% ready",
        "60% to under 80% ready",
        "80% ready or more",
    ]
