"""In-kind staff time: pledged days by financial year, from recruitment's own data."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from heartbeat.benefits import inkind
from heartbeat.benefits.models import InKindYear
from heartbeat.recruitment import services as recruitment
from heartbeat.recruitment.models import Pledge, PledgeAdjustment, PledgeStatus
from tests.portfolio.factories import ResourceRequirementFactory
from tests.recruitment.factories import make_pledge, pledge_input


def test_days_by_year_split_at_april():
    # 3 days a month, January to June 2027: three months in 2026-27, three in 2027-28;
    # February gives 1 day instead.
    years = inkind.pledge_days_by_year(
        datetime.date(2027, 1, 1),
        datetime.date(2027, 6, 1),
        Decimal("3"),
        {datetime.date(2027, 2, 1): Decimal("1")},
    )
    assert years == {2026: Decimal("7"), 2027: Decimal("9")}


def test_a_withdrawn_pledge_counts_to_the_month_it_was_withdrawn():
    withdrawn = datetime.datetime(2026, 9, 14, 10, 0, tzinfo=datetime.UTC)
    years = inkind.pledge_days_by_year(
        datetime.date(2026, 4, 1),
        datetime.date(2027, 9, 1),
        Decimal("2"),
        None,
        status=PledgeStatus.WITHDRAWN,
        withdrawn_at=withdrawn,
    )
    # April to September 2026: six months of 2 days.
    assert years == {2026: Decimal("12")}


def test_a_withdrawn_pledge_with_no_date_counts_nothing():
    assert (
        inkind.pledge_days_by_year(
            datetime.date(2026, 4, 1),
            datetime.date(2026, 9, 1),
            Decimal("2"),
            None,
            status=PledgeStatus.WITHDRAWN,
            withdrawn_at=None,
        )
        == {}
    )


@pytest.fixture
def requirement(project):
    return ResourceRequirementFactory(
        project=project,
        people=2,
        start_month=datetime.date(2026, 4, 1),
        end_month=datetime.date(2027, 3, 1),
    )


def _years(pledge):
    return dict(InKindYear.objects.filter(pledge=pledge).values_list("financial_year", "days"))


def test_a_pledge_made_through_recruitment_becomes_in_kind_days(
    requirement, council, organisation_lead
):
    pledge = make_pledge(
        requirement,
        council,
        organisation_lead,
        days_per_month=Decimal("4"),
        start_month=datetime.date(2026, 4, 1),
        end_month=datetime.date(2026, 9, 1),
        adjustments=[(datetime.date(2026, 7, 1), 2)],
    )
    # Six months of 4 days, July reduced to 2: 22 days in 2026-27.
    assert _years(pledge) == {2026: Decimal("22.0")}
    row = InKindYear.objects.get(pledge=pledge)
    assert (row.project_id, row.organisation_id, row.level) == (
        requirement.project_id,
        council.pk,
        pledge.level,
    )


def test_changing_and_withdrawing_a_pledge_changes_its_days(
    requirement, council, organisation_lead
):
    pledge = make_pledge(requirement, council, organisation_lead)
    recruitment.pledge_update(
        actor=organisation_lead,
        pledge=pledge,
        data=pledge_input(
            days_per_month=Decimal("2"),
            start_month=datetime.date(2026, 4, 1),
            end_month=datetime.date(2027, 3, 1),
        ),
        expected_version=pledge.version,
    )
    assert _years(pledge) == {2026: Decimal("24.0")}
    recruitment.pledge_withdraw(actor=organisation_lead, pledge=pledge, reason="Budget setting")
    pledge.refresh_from_db()
    months = (
        timezone.localtime(pledge.withdrawn_at).date().month - 4
    ) % 12 + 1  # April to the withdrawal month
    assert _years(pledge) == {2026: Decimal(2 * months)}


def test_removing_a_reduction_restores_the_days(requirement, council, organisation_lead):
    pledge = make_pledge(
        requirement, council, organisation_lead, adjustments=[(datetime.date(2026, 8, 1), 0)]
    )
    assert _years(pledge) == {2026: Decimal("20.0")}
    PledgeAdjustment.objects.filter(pledge=pledge).delete()
    # A queryset delete sends no signals: the nightly rebuild heals it.
    inkind.rebuild_all()
    assert _years(pledge) == {2026: Decimal("24.0")}
    PledgeAdjustment.objects.create(pledge=pledge, month=datetime.date(2026, 8, 1), days=1)
    assert _years(pledge) == {2026: Decimal("21.0")}


def test_a_rebuild_matches_the_incremental_rows(
    requirement, council, other_council, programme_office
):
    make_pledge(requirement, council, programme_office)
    make_pledge(requirement, other_council, programme_office, days_per_month=Decimal("1.5"))
    before = sorted(
        InKindYear.objects.values_list("pledge_id", "financial_year", "days", "organisation_id")
    )
    assert inkind.rebuild_all() == len(before)
    after = sorted(
        InKindYear.objects.values_list("pledge_id", "financial_year", "days", "organisation_id")
    )
    assert after == before


def test_a_pledge_withdrawn_without_a_date_counts_nothing(requirement, council, organisation_lead):
    pledge = make_pledge(requirement, council, organisation_lead)
    Pledge.objects.filter(pk=pledge.pk).update(
        status=PledgeStatus.WITHDRAWN, withdrawn_reason="Imported", withdrawn_at=None
    )
    inkind.refresh_pledges([pledge.pk])
    assert _years(pledge) == {}
