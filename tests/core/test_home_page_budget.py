"""The whole home page, for each role, costs the same at 3 and 30 rows of everything, and
stays within 20 queries."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from heartbeat.accounts import services as accounts_services
from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio.models import Project, Stage
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory, ScopeItemFactory
from tests.querybudget import assert_same_queries
from tests.recruitment.factories import (
    OrganisationCapacityFactory,
    ParticipationFactory,
    make_pledge,
)
from tests.skills.factories import SkillFactory, UserSkillFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "organisation_lead", "project_lead", "board_member", "programme_office"]

# The standard: 20 queries a page, the programme office's home included, which carries a
# block from nearly every app.
BUDGET = 20


def month(offset: int) -> datetime.date:
    return add_months(first_of_month(timezone.localdate()), offset)


@pytest.mark.parametrize("role", ROLES)
def test_the_home_page_costs_the_same_at_3_and_30_rows(
    client_for, user_for_role, role, council, programme_office, project_lead
):
    user = user_for_role(role)
    designer = SkillFactory(name="Service designer")
    UserSkillFactory(user=UserFactory(organisation=council), skill=designer)
    client = client_for(user)

    def make(n):
        while Project.objects.count() < n:
            index = Project.objects.count()
            ScopeItemFactory(project=ProjectFactory(project_lead=project_lead))
            ProjectFactory(stage=Stage.DEFINED, lead_organisation=council)
            need = ResourceRequirementFactory(
                project=ProjectFactory(
                    stage=Stage.RECRUITING, project_lead=project_lead, lead_organisation=council
                ),
                skill=designer,
                people=2,
                start_month=month(0),
                end_month=month(2),
            )
            make_pledge(
                need, council, programme_office, capacity_label=f"Person {index}",
                start_month=month(0), end_month=month(1), adjustments=[(month(1), "1")],
            )  # fmt: skip
            ParticipationFactory(organisation=council, project=ProjectFactory())
            other = OrganisationFactory()
            OrganisationCapacityFactory(
                organisation=other, days_per_month=Decimal("1"),
                start_month=month(0), end_month=month(11),
            )  # fmt: skip
            accounts_services.invitation_create(
                actor=programme_office,
                email=f"invited{index}@example.gov.uk",
                full_name=f"Invited {index}",
                organisation=council,
            )

    assert_same_queries(make, lambda: client.get("/"), budget=BUDGET)
