"""Reporting periods and due days: plain date arithmetic with Scotland's bank holidays."""

import datetime

import pytest

from heartbeat.delivery.cadence import (
    LAST_WORKING_DAY,
    Cadence,
    due_day_label,
    first_owed_period,
    latest_due_period,
    period_containing,
    period_starting,
    recent_periods,
    working_days_between,
)

D = datetime.date


def test_monthly_periods_are_calendar_months():
    period = period_containing(Cadence.MONTHLY, D(2026, 12, 3))
    assert (period.start, period.end) == (D(2026, 12, 1), D(2026, 12, 31))
    assert period.label == "December 2026"
    assert period.previous().label == "November 2026"
    assert period.next().start == D(2027, 1, 1)


def test_quarters_are_financial_quarters():
    period = period_containing(Cadence.QUARTERLY, D(2026, 12, 3))
    assert (period.start, period.end) == (D(2026, 10, 1), D(2026, 12, 31))
    assert period.label == "Q3 2026-27 (October to December 2026)"
    assert period.next().label == "Q4 2026-27 (January to March 2027)"
    assert period_containing(Cadence.QUARTERLY, D(2026, 4, 30)).label.startswith("Q1 2026-27")


def test_fortnights_run_from_mondays_and_share_one_calendar():
    period = period_containing(Cadence.FORTNIGHTLY, D(2026, 12, 3))
    assert period.start.weekday() == 0
    assert (period.end - period.start).days == 13
    assert period.start <= D(2026, 12, 3) <= period.end
    assert period.label == "30 November to 13 December 2026"
    assert period.next().start == D(2026, 12, 14)
    assert period_containing(Cadence.FORTNIGHTLY, D(2026, 12, 13)) == period


def test_a_period_is_named_by_its_first_day_only():
    assert period_starting(Cadence.MONTHLY, D(2026, 11, 1)).label == "November 2026"
    assert period_starting(Cadence.MONTHLY, D(2026, 11, 2)) is None
    assert period_starting(Cadence.QUARTERLY, D(2026, 11, 1)) is None


def test_working_days_skip_weekends_and_scottish_bank_holidays():
    # St Andrew's Day (Monday 30 November 2026) is a bank holiday in Scotland.
    days = working_days_between(D(2026, 11, 26), D(2026, 12, 1))
    assert days == (D(2026, 11, 26), D(2026, 11, 27), D(2026, 12, 1))


def test_due_on_the_chosen_working_day_or_the_last():
    november = period_containing(Cadence.MONTHLY, D(2026, 11, 10))
    assert november.due_date(LAST_WORKING_DAY) == D(2026, 11, 27)  # 30th is St Andrew's Day
    assert november.due_date(1) == D(2026, 11, 2)  # 1 November is a Sunday
    january = period_containing(Cadence.MONTHLY, D(2027, 1, 10))
    # 1 January and the observed 2 January holiday (Monday 4th) are not working days.
    assert january.due_date(1) == D(2027, 1, 5)
    # A fortnight has at most ten working days: a later choice means its last.
    fortnight = period_containing(Cadence.FORTNIGHTLY, D(2026, 12, 3))
    assert fortnight.due_date(15) == fortnight.due_date(LAST_WORKING_DAY) == D(2026, 12, 11)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 11, 27), D(2026, 10, 1)),  # the due day itself: not overdue yet
        (D(2026, 11, 28), D(2026, 11, 1)),  # the day after: November's is late if missing
        (D(2026, 12, 3), D(2026, 11, 1)),
    ],
)
def test_latest_due_period(today, expected):
    assert latest_due_period(Cadence.MONTHLY, LAST_WORKING_DAY, today).start == expected


def test_latest_due_can_be_this_period_when_due_early():
    assert latest_due_period(Cadence.MONTHLY, 1, D(2026, 12, 3)).start == D(2026, 12, 1)
    assert latest_due_period(Cadence.MONTHLY, 5, D(2026, 12, 3)).start == D(2026, 11, 1)


def test_recent_periods_end_with_the_one_given():
    last = period_containing(Cadence.MONTHLY, D(2026, 11, 1))
    periods = recent_periods(Cadence.MONTHLY, last, 6)
    assert [p.start.month for p in periods] == [6, 7, 8, 9, 10, 11]


def test_first_owed_period_starts_after_the_project_became_active():
    assert first_owed_period(Cadence.MONTHLY, D(2026, 11, 15)).start == D(2026, 12, 1)
    assert first_owed_period(Cadence.MONTHLY, D(2026, 11, 1)).start == D(2026, 11, 1)


def test_due_day_labels():
    assert due_day_label(0) == "the last working day"
    assert due_day_label(1) == "the 1st working day"
    assert due_day_label(2) == "the 2nd working day"
    assert due_day_label(11) == "the 11th working day"
