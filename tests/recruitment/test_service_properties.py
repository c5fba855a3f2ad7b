"""Property-based tests (Hypothesis) of the services that take numbers and months: whatever
a person sends within the fields' ranges, a service stores exactly that, or refuses it with
a message (an ApplicationError), never another error.

Each example uses an organisation of its own, so examples do not refuse each other.
"""

import datetime
from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.months import add_months, first_of_month, month_range
from heartbeat.portfolio.models import Stage
from heartbeat.recruitment.coverage import pledge_days_by_month
from heartbeat.recruitment.models import OrganisationCapacity
from heartbeat.recruitment.selectors import organisation_capacity
from heartbeat.recruitment.services import capacity_declare, pledge_create
from tests.factories import OrganisationFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import pledge_input

pytestmark = pytest.mark.django_db

# The fixtures (the acting person, the need) are the same for every example on purpose;
# what changes is the organisation, made afresh in each.
SERVICES = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

months = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 1))
# Days as the forms and the API accept them: tenths, within the database field.
day_counts = st.decimals(min_value=Decimal("-5"), max_value=Decimal("99999.9"), places=1)


@SERVICES
@given(days=day_counts, start=months, end=months)
def test_declared_capacity_is_stored_as_declared_or_refused(programme_office, days, start, end):
    organisation = OrganisationFactory()
    try:
        declared = capacity_declare(
            actor=programme_office,
            organisation=organisation,
            days_per_month=days,
            start_month=start,
            end_month=end,
        )
    except ApplicationError as error:
        assert error.message
        assert not OrganisationCapacity.objects.filter(organisation=organisation).exists()
        event("refused")
        return
    event("declared")
    declared.refresh_from_db()
    assert declared.days_per_month == days
    assert declared.start_month == first_of_month(start)
    assert declared.end_month == first_of_month(end)
    assert Decimal(0) <= days
    assert declared.start_month <= declared.end_month
    view = organisation_capacity(organisation, from_month=declared.start_month, months=3)
    assert all(m.declared == days for m in view.months if m.month <= declared.end_month)


@pytest.fixture
def need():
    project = ProjectFactory(stage=Stage.RECRUITING)
    return ResourceRequirementFactory(
        project=project,
        days_per_month=Decimal("20"),
        start_month=datetime.date(2026, 4, 1),
        end_month=datetime.date(2027, 3, 1),
    )


# What a council might pledge: up to 18 days a month, in months inside the need's year or
# around it, with reductions as shares of the usual days in months inside the pledge or not.
@SERVICES
@given(
    days=st.decimals(min_value=Decimal("0"), max_value=Decimal("18"), places=1),
    start=st.integers(-2, 12),
    length=st.integers(-1, 12),
    reductions=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 10)), max_size=2),
)
def test_a_pledge_counts_exactly_its_days_or_is_refused(
    programme_office, need, days, start, length, reductions
):
    organisation = OrganisationFactory()
    first = add_months(need.start_month, start)
    last = add_months(first, length)
    adjustments = [
        (add_months(first, offset), (days * tenths / 10).quantize(Decimal("0.1"), ROUND_DOWN))
        for offset, tenths in reductions
    ]
    data = pledge_input(
        capacity_label="A designer",
        days_per_month=days,
        start_month=first,
        end_month=last,
        adjustments=adjustments,
    )
    try:
        pledge = pledge_create(
            actor=programme_office, requirement=need, organisation=organisation, data=data
        )
    except ApplicationError as error:
        assert error.message
        event("refused")
        return
    event("pledged")
    pledge.refresh_from_db()
    by_month = pledge_days_by_month(
        pledge.start_month,
        pledge.end_month,
        pledge.days_per_month,
        {a.month: a.days for a in pledge.adjustments.all()},
    )
    assert pledge.days_per_month == days
    assert set(by_month) == set(month_range(pledge.start_month, pledge.end_month))
    assert pledge.total_days == sum(by_month.values(), Decimal(0))
    assert all(Decimal(0) <= value <= days for value in by_month.values())
