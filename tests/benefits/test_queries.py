"""Query budgets: each benefits page and list costs the same at 3 rows as at 30."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from heartbeat.benefits.models import BeneficiaryScope, Benefit
from heartbeat.portfolio.models import Stage
from tests.benefits.factories import BenefitFactory, CostFactory, MeasurementFactory, profile
from tests.factories import OrganisationFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.querybudget import assert_same_queries
from tests.recruitment.factories import make_pledge


@pytest.fixture
def grow(project, council, programme_office):
    """make_rows(n): n benefits, each in its own recruiting project with a council, costs, pledged
    time, a profile and reports; the first in ``project``."""

    def make_rows(n):
        while Benefit.objects.count() < n:
            first = not Benefit.objects.exists()
            target = (
                project
                if first
                else ProjectFactory(
                    stage=Stage.RECRUITING,
                    planned_start=datetime.date(2026, 4, 1),
                    planned_end=datetime.date(2027, 3, 31),
                )
            )
            organisation = council if first else OrganisationFactory()
            benefit = profile(
                BenefitFactory(project=target, beneficiary_scope=BeneficiaryScope.ORGANISATIONS),
                {2026: 1000, 2027: 2000},
            )
            benefit.beneficiaries.set([council, organisation])
            MeasurementFactory(benefit=benefit, organisation=council, value=Decimal("900"))
            if organisation != council:
                MeasurementFactory(benefit=benefit, organisation=organisation, value=Decimal("800"))
            BenefitFactory(project=target, nature="qualitative", monetised=False)
            CostFactory(project=target, organisation=council)
            CostFactory(project=target, organisation=organisation)
            requirement = ResourceRequirementFactory(
                project=target,
                start_month=datetime.date(2026, 4, 1),
                end_month=datetime.date(2026, 9, 1),
            )
            make_pledge(
                requirement, council, programme_office, adjustments=[(datetime.date(2026, 8, 1), 1)]
            )
            if organisation != council:
                make_pledge(requirement, organisation, programme_office)

    return make_rows


URLS = {
    "register": lambda p, c, b: reverse("benefits:register"),
    "register filtered": lambda p, c, b: (
        reverse("benefits:register") + f"?organisation={c.slug}&classification=cash_releasing"
    ),
    "register as XLSX": lambda p, c, b: reverse("benefits:register") + "?format=xlsx",
    "register as CSV": lambda p, c, b: reverse("benefits:register") + "?format=csv",
    "register filtered as CSV": lambda p, c, b: (
        reverse("benefits:register") + f"?organisation={c.slug}&format=csv"
    ),
    "economics": lambda p, c, b: reverse("benefits:economics"),
    "project benefits": lambda p, c, b: reverse("benefits:project_benefits", args=[p.slug]),
    "benefit": lambda p, c, b: reverse("benefits:benefit_detail", args=[b().pk]),
    "value statement": lambda p, c, b: reverse("benefits:value_statement", args=[c.slug]),
    "value statement XLSX": lambda p, c, b: reverse("benefits:value_statement_xlsx", args=[c.slug]),
    "API benefits": lambda p, c, b: "/api/v1/benefits?limit=50",
    "API costs": lambda p, c, b: "/api/v1/costs?limit=50",
    "API economics": lambda p, c, b: "/api/v1/economics",
    "API value statement": lambda p, c, b: f"/api/v1/economics/organisations/{c.slug}",
    "home": lambda p, c, b: "/",
}


@pytest.mark.parametrize("name", list(URLS))
def test_pages_keep_their_budget_at_3_and_30_rows(
    client_for, organisation_lead, project, council, grow, name
):
    client = client_for(organisation_lead)

    def first_benefit():
        return Benefit.objects.filter(project=project).order_by("pk").first()

    def run():
        response = client.get(URLS[name](project, council, first_benefit))
        assert response.status_code == 200
        # A download reads its rows while it is sent: count those queries too.
        response.getvalue()

    assert_same_queries(grow, run, budget=20)


def test_the_value_statement_pdf_keeps_its_budget(client_for, member, council, grow):
    client = client_for(member)
    url = reverse("benefits:value_statement_pdf", args=[council.slug])
    assert_same_queries(grow, lambda: client.get(url), sizes=(3, 12), budget=20)


def test_a_project_s_benefits_cost_the_same_however_many_costs_it_has(
    client_for, organisation_lead, project, council
):
    """Who may change each cost depends on the cost's project: the page's own, not one read
    again for each cost."""
    client = client_for(organisation_lead)
    url = reverse("benefits:project_benefits", args=[project.slug])

    def make_rows(n):
        while project.direct_costs.count() < n:
            CostFactory(project=project, organisation=council)

    def run():
        assert client.get(url).status_code == 200

    assert_same_queries(make_rows, run, budget=20)
