from decimal import Decimal

import pytest
from django.urls import reverse

from tests.benefits.factories import BenefitFactory, CostFactory, MeasurementFactory, profile


@pytest.fixture
def filled(project, council, other_council):
    b = profile(BenefitFactory(project=project), {2026: 20000, 2027: 40000})
    MeasurementFactory(benefit=b, organisation=council, value=Decimal("7000"))
    CostFactory(project=project, organisation=council)
    return b


@pytest.mark.parametrize(
    "role", ["programme_office", "organisation_lead", "member", "project_lead"]
)
def test_every_page_renders(client_for, user_for_role, filled, project, council, role):
    client = client_for(user_for_role(role))
    urls = [
        reverse("benefits:register"),
        reverse("benefits:register") + "?format=csv",
        reverse("benefits:register") + "?format=xlsx",
        reverse("benefits:economics"),
        reverse("benefits:settings"),
        reverse("benefits:benefit_detail", args=[filled.pk]),
        reverse("benefits:project_benefits", args=[project.slug]),
        reverse("benefits:value_statement", args=[council.slug]),
        reverse("benefits:value_statement_xlsx", args=[council.slug]),
        project.get_absolute_url(),
        "/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
