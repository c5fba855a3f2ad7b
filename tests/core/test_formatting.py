"""How dates, money, numbers and financial years are written for people."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from heartbeat.core import formatting


@pytest.mark.parametrize(
    ("value", "pence", "expected"),
    [
        (Decimal("1250000"), False, "£1,250,000"),
        (Decimal("1250.5"), True, "£1,250.50"),
        # Halves round up, as people round money (not to the even pound).
        (Decimal("2.5"), False, "£3"),
        (Decimal("3.5"), False, "£4"),
        (Decimal("1.005"), True, "£1.01"),
        (Decimal("0.125"), True, "£0.13"),
        (Decimal("-2.5"), False, "-£3"),
        (Decimal("-0.4"), False, "£0"),
        (0, False, "£0"),
        (1999.995, True, "£2,000.00"),
        (12, True, "£12.00"),
    ],
)
def test_money_rounds_halves_up_and_groups_thousands(value, pence, expected):
    assert formatting.money(value, pence=pence) == expected


def test_money_says_what_an_empty_amount_is():
    assert formatting.money(None) == ""
    assert formatting.money(None, "Not given") == "Not given"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("2.25"), 1, "2.3"),
        (Decimal("2.35"), 1, "2.4"),
        (1234567, 0, "1,234,567"),
        (Decimal("-1.05"), 1, "-1.1"),
        (Decimal("0"), 1, "0.0"),
    ],
)
def test_numbers_round_halves_up(value, places, expected):
    assert formatting.number(value, places) == expected


def test_dates_are_written_the_uk_way():
    assert formatting.uk_date(datetime.date(2026, 11, 26)) == "26 November 2026"
    assert formatting.uk_date(datetime.date(2027, 4, 1)) == "1 April 2027"
    assert formatting.uk_month(datetime.date(2026, 11, 1)) == "November 2026"
    assert formatting.uk_date(None, "Not set") == "Not set"


def test_an_aware_datetime_is_written_in_local_time():
    # Clocks went back on 25 October 2026, so 23:30 UTC on 31 October is 11:30pm in Scotland.
    moment = datetime.datetime(2026, 10, 31, 23, 30, tzinfo=datetime.UTC)
    assert formatting.uk_datetime(moment) == "31 October 2026 at 11:30pm"
    # In British Summer Time the local date moves on.
    summer = datetime.datetime(2026, 7, 31, 23, 30, tzinfo=datetime.UTC)
    assert formatting.uk_date(summer) == "1 August 2026"
    assert formatting.uk_datetime(timezone.make_aware(datetime.datetime(2026, 12, 3, 0, 5))) == (
        "3 December 2026 at 12:05am"
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 4, 1), "2026-27"),
        (datetime.date(2027, 3, 31), "2026-27"),
        (datetime.date(2026, 3, 31), "2025-26"),
        (datetime.date(2026, 12, 3), "2026-27"),
        (datetime.date(1999, 6, 1), "1999-00"),
        (datetime.date(2009, 4, 1), "2009-10"),
    ],
)
def test_financial_years_run_april_to_march(day, expected):
    assert formatting.financial_year(day) == expected


def test_financial_year_bounds():
    assert formatting.financial_year_bounds(2026) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )


@pytest.mark.parametrize(
    ("start", "end", "expected", "phrase"),
    [
        ((2026, 4), (2027, 3), "2026-27", "in 2026-27"),
        ((2026, 4), (2028, 3), "2026-27 to 2027-28", "from 2026-27 to 2027-28"),
        ((2026, 4), (2026, 9), "April 2026 to September 2026", "from April 2026 to September 2026"),
        (
            (2026, 1),
            (2026, 12),
            "January 2026 to December 2026",
            "from January 2026 to December 2026",
        ),
        ((2026, 11), (2026, 11), "November 2026", "in November 2026"),
        ((2026, 5), (2027, 3), "May 2026 to March 2027", "from May 2026 to March 2027"),
    ],
)
def test_a_period_that_is_a_financial_year_is_written_as_one(start, end, expected, phrase):
    first, last = datetime.date(*start, 1), datetime.date(*end, 1)
    assert formatting.period(first, last) == expected
    assert formatting.during(first, last) == phrase


def test_an_open_period_says_so():
    assert formatting.period(None, datetime.date(2026, 4, 1), "Not set") == "Not set"
    assert formatting.during(datetime.date(2026, 4, 1), None) == ""


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("interaction designer", "an interaction designer"),
        ("delivery manager", "a delivery manager"),
        ("user researcher", "a user researcher"),
        ("architect", "an architect"),
        ("hour", "an hour"),
        ("one-off adviser", "a one-off adviser"),
        ("", ""),
    ],
)
def test_a_noun_takes_the_article_its_sound_asks_for(noun, expected):
    assert formatting.with_article(noun) == expected
