"""Who may do what with benefits: every action against each role, own council (Aberdeen
City: the member, organisation lead and project lead's) against another (Angus: the board
member's), through the pages, so the check, the page and the service agree."""

from decimal import Decimal

import pytest
from django.urls import reverse

from heartbeat.benefits import permissions
from heartbeat.benefits.models import (
    AppraisalSettings,
    BeneficiaryScope,
    Benefit,
    Cost,
    Measurement,
)
from tests.benefits.factories import BenefitFactory, CostFactory, MeasurementFactory, profile
from tests.conftest import ROLE_FIXTURES

EVERYONE_SIGNED_IN = {role: role != "anonymous" for role in ROLE_FIXTURES}
OFFICE_AND_PROJECT_LEAD = {
    role: role in ("programme_office", "project_lead") for role in ROLE_FIXTURES
}
OFFICE_AND_ORG_LEAD = {
    role: role in ("programme_office", "organisation_lead") for role in ROLE_FIXTURES
}
OFFICE_PROJECT_AND_ORG_LEAD = {
    role: role in ("programme_office", "project_lead", "organisation_lead")
    for role in ROLE_FIXTURES
}
OFFICE_ONLY = {role: role == "programme_office" for role in ROLE_FIXTURES}


@pytest.fixture
def world(project, council, other_council):
    benefit = profile(BenefitFactory(project=project), {2026: 10000})
    named = profile(
        BenefitFactory(project=project, beneficiary_scope=BeneficiaryScope.ORGANISATIONS),
        {2026: 10000},
    )
    named.beneficiaries.set([council, other_council])
    return {
        "benefit": benefit,
        "named": named,
        "own_cost": CostFactory(project=project, organisation=council),
        "other_cost": CostFactory(project=project, organisation=other_council),
        "own_report": MeasurementFactory(benefit=named, organisation=council),
        "other_report": MeasurementFactory(benefit=named, organisation=other_council),
    }


def _get(url):
    def run(client, world, c):
        return client.get(url(world, c)), None

    return run


PAGES = {
    "register": (lambda w, c: reverse("benefits:register"), EVERYONE_SIGNED_IN),
    "benefit": (
        lambda w, c: reverse("benefits:benefit_detail", args=[w["benefit"].pk]),
        EVERYONE_SIGNED_IN,
    ),
    "project benefits": (
        lambda w, c: reverse("benefits:project_benefits", args=[w["benefit"].project.slug]),
        EVERYONE_SIGNED_IN,
    ),
    "economics": (lambda w, c: reverse("benefits:economics"), EVERYONE_SIGNED_IN),
    "settings page": (lambda w, c: reverse("benefits:settings"), EVERYONE_SIGNED_IN),
    "own value statement": (
        lambda w, c: reverse("benefits:value_statement", args=[c["own"].slug]),
        EVERYONE_SIGNED_IN,
    ),
    "another council's value statement": (
        lambda w, c: reverse("benefits:value_statement", args=[c["other"].slug]),
        EVERYONE_SIGNED_IN,
    ),
    "value statement PDF": (
        lambda w, c: reverse("benefits:value_statement_pdf", args=[c["other"].slug]),
        EVERYONE_SIGNED_IN,
    ),
    "value statement XLSX": (
        lambda w, c: reverse("benefits:value_statement_xlsx", args=[c["own"].slug]),
        EVERYONE_SIGNED_IN,
    ),
    "add a benefit": (
        lambda w, c: reverse("benefits:benefit_create", args=[w["benefit"].project.slug]),
        OFFICE_AND_PROJECT_LEAD,
    ),
    "change a benefit": (
        lambda w, c: reverse("benefits:benefit_edit", args=[w["benefit"].pk]),
        OFFICE_AND_PROJECT_LEAD,
    ),
    "report form": (
        lambda w, c: reverse("benefits:measurement_create", args=[w["named"].pk]),
        OFFICE_PROJECT_AND_ORG_LEAD,
    ),
    "record a cost form": (
        lambda w, c: reverse("benefits:cost_create", args=[w["benefit"].project.slug]),
        OFFICE_PROJECT_AND_ORG_LEAD,
    ),
    "change own council's cost": (
        lambda w, c: reverse("benefits:cost_edit", args=[w["own_cost"].pk]),
        OFFICE_PROJECT_AND_ORG_LEAD,
    ),
    "change another council's cost": (
        lambda w, c: reverse("benefits:cost_edit", args=[w["other_cost"].pk]),
        OFFICE_AND_PROJECT_LEAD,
    ),
    "remove another council's cost": (
        lambda w, c: reverse("benefits:cost_delete", args=[w["other_cost"].pk]),
        OFFICE_AND_PROJECT_LEAD,
    ),
    "correct own council's report": (
        lambda w, c: reverse("benefits:measurement_edit", args=[w["own_report"].pk]),
        OFFICE_AND_ORG_LEAD,
    ),
    "correct another council's report": (
        lambda w, c: reverse("benefits:measurement_edit", args=[w["other_report"].pk]),
        OFFICE_ONLY,
    ),
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("page", list(PAGES))
def test_who_sees_each_page(client_for, user_for_role, world, council, other_council, role, page):
    url, allowed = PAGES[page]
    response = client_for(user_for_role(role)).get(
        url(world, {"own": council, "other": other_council})
    )
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/sign-in/" in response.url
    else:
        assert response.status_code == (200 if allowed[role] else 403), page


def _report(world, organisation):
    return {
        "organisation": str(organisation.pk) if organisation else "partnership",
        "period": "2026-27",
        "value": "1234",
        "evidence": "Invoice",
    }


def _saved_report(world, organisation):
    return Measurement.objects.filter(
        benefit=world["benefit"], organisation=organisation, value=Decimal("1234")
    ).exists()


def _cost(organisation):
    return {
        "organisation": str(organisation.pk),
        "category": "supplier",
        "description": "Matrix cost",
        "amount": "999",
        "financial_year": "2026-27",
    }


WRITES = {
    "report for own council": (
        lambda w, c: (
            reverse("benefits:measurement_create", args=[w["benefit"].pk]),
            _report(w, c["own"]),
        ),
        lambda w, c: _saved_report(w, c["own"]),
        OFFICE_AND_ORG_LEAD,
    ),
    "report for another council": (
        lambda w, c: (
            reverse("benefits:measurement_create", args=[w["benefit"].pk]),
            _report(w, c["other"]),
        ),
        lambda w, c: _saved_report(w, c["other"]),
        OFFICE_ONLY,
    ),
    "report for the whole partnership": (
        lambda w, c: (
            reverse("benefits:measurement_create", args=[w["benefit"].pk]),
            _report(w, None),
        ),
        lambda w, c: _saved_report(w, None),
        OFFICE_AND_PROJECT_LEAD,
    ),
    "record own council's cost": (
        lambda w, c: (
            reverse("benefits:cost_create", args=[w["benefit"].project.slug]),
            _cost(c["own"]),
        ),
        lambda w, c: Cost.objects.filter(description="Matrix cost", organisation=c["own"]).exists(),
        OFFICE_PROJECT_AND_ORG_LEAD,
    ),
    "record another council's cost": (
        lambda w, c: (
            reverse("benefits:cost_create", args=[w["benefit"].project.slug]),
            _cost(c["other"]),
        ),
        lambda w, c: Cost.objects.filter(
            description="Matrix cost", organisation=c["other"]
        ).exists(),
        OFFICE_AND_PROJECT_LEAD,
    ),
    "remove own council's cost": (
        lambda w, c: (reverse("benefits:cost_delete", args=[w["own_cost"].pk]), {"version": "1"}),
        lambda w, c: not Cost.objects.filter(pk=w["own_cost"].pk).exists(),
        OFFICE_PROJECT_AND_ORG_LEAD,
    ),
    "bring in the definition": (
        lambda w, c: (reverse("benefits:from_definition", args=[w["benefit"].project.slug]), {}),
        lambda w, c: Benefit.objects.filter(source__isnull=False).exists(),
        OFFICE_AND_PROJECT_LEAD,
    ),
    "change the settings": (
        lambda w, c: (
            reverse("benefits:settings"),
            {
                "discount_rate": "4",
                "base_year": "2026",
                "years_after_end": "5",
                "day_rate_source": "Ours",
                "version": "1",
                "rate_awareness": "1",
                "rate_working": "2",
                "rate_practitioner": "3",
                "rate_expert": "4",
            },
        ),
        lambda w, c: AppraisalSettings.objects.get().discount_rate == Decimal("4"),
        OFFICE_ONLY,
    ),
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("action", list(WRITES))
def test_who_can_do_each_thing(
    client_for, user_for_role, world, council, other_council, role, action
):
    from heartbeat.portfolio.models import ExpectedBenefit

    ExpectedBenefit.objects.bulk_create(
        [ExpectedBenefit(project=world["benefit"].project, text="From the definition", order=1)]
    )
    c = {"own": council, "other": other_council}
    request, done, allowed = WRITES[action]
    url, data = request(world, c)
    response = client_for(user_for_role(role)).post(url, data)
    assert response.status_code in (302, 403, 422), response.status_code
    assert done(world, c) is allowed[role], f"{action} as {role}: {response.status_code}"


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_the_predicates(user_for_role, project, council, other_council, role):
    person = user_for_role(role)
    benefit = BenefitFactory.build(project=project)
    assert permissions.can_view_benefits(person) is EVERYONE_SIGNED_IN[role]
    assert permissions.can_manage_benefits(person, project) is OFFICE_AND_PROJECT_LEAD[role]
    assert permissions.can_report_for(person, benefit, council) is OFFICE_AND_ORG_LEAD[role]
    assert permissions.can_report_for(person, benefit, other_council) is OFFICE_ONLY[role]
    assert permissions.can_change_settings(person) is OFFICE_ONLY[role]


def test_another_councils_lead_cannot_report_for_aberdeen(
    other_organisation_lead, project, council
):
    benefit = BenefitFactory(project=project)
    assert permissions.can_report_for(
        other_organisation_lead, benefit, other_council_of(other_organisation_lead)
    )
    assert not permissions.can_report_for(other_organisation_lead, benefit, council)


def other_council_of(user):
    return user.organisation


def test_buttons_are_shown_only_to_those_who_can_use_them(client_for, member, project_lead, world):
    url = reverse("benefits:benefit_detail", args=[world["benefit"].pk])
    member_page = client_for(member).get(url).content.decode()
    assert "Change the benefit" not in member_page and "Report what was realised" not in member_page
    lead_page = client_for(project_lead).get(url).content.decode()
    assert "Change the benefit" in lead_page and "Report what was realised" in lead_page


def test_a_project_lead_of_another_project_cannot_manage_it(client_for, world, other_council):
    from tests.factories import UserFactory

    stranger = UserFactory(organisation=other_council, is_project_lead=True)
    response = client_for(stranger).get(
        reverse("benefits:benefit_edit", args=[world["benefit"].pk])
    )
    assert response.status_code == 403
