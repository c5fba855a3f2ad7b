import datetime

import pytest

from heartbeat.core.months import (
    add_months,
    month_range,
    months_between,
    parse_month,
    working_days,
)


def test_months_between_counts_both_ends():
    assert months_between(datetime.date(2026, 4, 1), datetime.date(2027, 3, 1)) == 12
    assert months_between(datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)) == 1
    assert months_between(datetime.date(2026, 5, 1), datetime.date(2026, 4, 1)) == 0


def test_month_range_includes_the_last_month():
    months = month_range(datetime.date(2026, 11, 15), datetime.date(2027, 2, 1))
    assert months == [
        datetime.date(2026, 11, 1),
        datetime.date(2026, 12, 1),
        datetime.date(2027, 1, 1),
        datetime.date(2027, 2, 1),
    ]


def test_add_months_crosses_years_both_ways():
    assert add_months(datetime.date(2026, 12, 1), 1) == datetime.date(2027, 1, 1)
    assert add_months(datetime.date(2026, 1, 1), -1) == datetime.date(2025, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-07", datetime.date(2026, 7, 1)),
        (" 2026-07 ", datetime.date(2026, 7, 1)),
        ("2026-7", datetime.date(2026, 7, 1)),
        ("2026-07-19", datetime.date(2026, 7, 1)),
        ("07/2026", datetime.date(2026, 7, 1)),
        ("July 2026", datetime.date(2026, 7, 1)),
        ("jul 2026", datetime.date(2026, 7, 1)),
        ("Sept 2026", datetime.date(2026, 9, 1)),
        ("April 2027", datetime.date(2027, 4, 1)),
        ("2100-12", datetime.date(2100, 12, 1)),
    ],
)
def test_parse_month(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    "text",
    ["2026-13", "1999-12", "2101-01", "July", "", None, "Smarch 2026", "13/2026", "June 1999"],
)
def test_parse_month_refuses_what_is_not_a_month_in_range(text):
    assert parse_month(text) is None


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        # 21 weekdays less St Andrew's Day, Monday 30 November 2026.
        (datetime.date(2026, 11, 1), 20),
        # 23 weekdays less Christmas Day (Friday) and Boxing Day observed (Monday 28th).
        (datetime.date(2026, 12, 1), 21),
        # 22 weekdays less New Year's Day and 2 January.
        (datetime.date(2026, 1, 1), 20),
        # 20 weekdays, no bank holiday.
        (datetime.date(2027, 2, 1), 20),
        # 21 weekdays less the Summer Bank Holiday (first Monday in August in Scotland).
        (datetime.date(2026, 8, 1), 20),
    ],
)
def test_working_days_are_weekdays_less_scottish_bank_holidays(month, expected):
    assert working_days(month) == expected
