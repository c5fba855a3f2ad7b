import datetime

import pytest

from heartbeat.roadmap.quarters import (
    add_quarters,
    is_quarter_start,
    overlaps,
    parse_quarter,
    quarter_end,
    quarter_key,
    quarter_label,
    quarter_of,
    quarter_range,
    quarter_short,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (D(2027, 1, 1), D(2027, 1, 1)),
        (D(2027, 3, 31), D(2027, 1, 1)),
        (D(2027, 4, 1), D(2027, 4, 1)),
        (D(2026, 12, 3), D(2026, 10, 1)),
        (D(2026, 8, 19), D(2026, 7, 1)),
    ],
)
def test_a_day_falls_in_its_calendar_quarter(day, quarter):
    assert quarter_of(day) == quarter
    assert is_quarter_start(quarter)


def test_quarters_step_across_years():
    assert add_quarters(D(2026, 10, 1), 1) == D(2027, 1, 1)
    assert add_quarters(D(2027, 1, 1), -1) == D(2026, 10, 1)
    assert quarter_end(D(2026, 10, 1)) == D(2026, 12, 31)
    assert quarter_end(D(2027, 1, 1)) == D(2027, 3, 31)
    assert quarter_range(D(2026, 11, 2), D(2027, 5, 5)) == [
        D(2026, 10, 1),
        D(2027, 1, 1),
        D(2027, 4, 1),
    ]


def test_labels_name_the_months():
    assert quarter_label(D(2027, 1, 1)) == "January to March 2027"
    assert quarter_short(D(2026, 10, 1)) == "Oct to Dec 2026"
    assert quarter_label(None, "Not scheduled") == "Not scheduled"
    assert quarter_key(D(2027, 7, 1)) == "2027-Q3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-Q1", D(2027, 1, 1)),
        ("2027-q4", D(2027, 10, 1)),
        (" 2026-Q3 ", D(2026, 7, 1)),
        ("2027-Q5", None),
        ("2027-01", None),
        ("1999-Q1", None),
        ("", None),
        ("2027-Q1\x00", None),
    ],
)
def test_parsing_a_quarter(text, expected):
    assert parse_quarter(text) == expected


def test_a_quarter_overlaps_a_span_when_they_share_a_day():
    start, end = D(2027, 2, 1), D(2027, 12, 17)
    assert overlaps(D(2027, 1, 1), start, end)  # 1 February is in January to March
    assert overlaps(D(2027, 10, 1), start, end)
    assert not overlaps(D(2026, 10, 1), start, end)
    assert not overlaps(D(2028, 1, 1), start, end)
    assert overlaps(D(2030, 1, 1), start, None)
    assert overlaps(D(2020, 1, 1), None, None)
