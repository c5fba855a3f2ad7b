"""The benefits API: the same rules and messages as the pages, as JSON {code, message}."""

from decimal import Decimal

import pytest

from heartbeat.accounts.models import ApiToken
from heartbeat.benefits.models import Benefit, Cost, Measurement
from tests.benefits.factories import BenefitFactory, CostFactory, MeasurementFactory, profile

API = "/api/v1"


def send(client, method, url, data=None):
    return getattr(client, method)(url, data, content_type="application/json")


def payload(target, **overrides):
    data = {
        "project": target.slug,
        "title": "Postage savings",
        "classification": "cash_releasing",
        "nature": "quantitative",
        "monetised": True,
        "measure": "Annual postage spend",
        "status": "planned",
        "profile": [{"period": "2026-27", "value": "1500"}, {"period": "2027-28", "value": 3000}],
    }
    data.update(overrides)
    return data


def test_visitors_get_401(client):
    for url in ("/benefits", "/costs", "/economics", "/appraisal-settings"):
        response = client.get(API + url)
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


def test_a_token_reads_the_register(client, member, project):
    profile(BenefitFactory(project=project, title="Licence savings"), {2026: 5000})
    raw, digest = ApiToken.new_token()
    ApiToken.objects.create(user=member, name="script", token_hash=digest, prefix=raw[:12])
    response = client.get(f"{API}/benefits", HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["title"] == "Licence savings"
    assert item["profile"] == [{"period": "2026-27", "value": "5000.00"}]
    assert item["reference"].startswith("B")


def test_a_project_lead_adds_and_changes_a_benefit(client_for, project_lead, project):
    client = client_for(project_lead)
    created = send(client, "post", f"{API}/benefits", payload(project))
    assert created.status_code == 201, created.json()
    body = created.json()
    assert [p["period"] for p in body["profile"]] == ["2026-27", "2027-28"]
    changed = send(
        client,
        "patch",
        f"{API}/benefits/{body['id']}",
        {**payload(project, title="Postage and print savings"), "version": 1},
    )
    assert changed.status_code == 200
    assert changed.json()["version"] == 2
    stale = send(
        client, "patch", f"{API}/benefits/{body['id']}", {**payload(project), "version": 1}
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "edit_conflict"
    assert stale.json()["current_version"] == 2
    assert Benefit.objects.get().title == "Postage and print savings"


@pytest.mark.parametrize(
    ("overrides", "status", "code"),
    [
        ({"profile": [{"period": "2040-41", "value": "1"}]}, 422, "outside_span"),
        ({"profile": [{"period": "2026-27", "value": "a lot"}]}, 422, "not_a_number"),
        ({"nature": "qualitative"}, 422, "qualitative_monetised"),
        ({"title": "x" * 201}, 422, "invalid_input"),
        ({"title": "Nul\u0000"}, 422, "invalid_input"),
        ({"project": "no-such-project"}, 404, "not_found"),
        (
            {"beneficiaries": ["nowhere"], "beneficiary_scope": "organisations"},
            422,
            "invalid_input",
        ),
    ],
)
def test_bad_benefits_get_a_code(client_for, project_lead, project, overrides, status, code):
    response = send(
        client_for(project_lead), "post", f"{API}/benefits", payload(project, **overrides)
    )
    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert not Benefit.objects.exists()


def test_only_the_lead_or_office_add_benefits(client_for, organisation_lead, project):
    response = send(client_for(organisation_lead), "post", f"{API}/benefits", payload(project))
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_a_council_reports_only_its_own_benefit(
    client_for, organisation_lead, project, council, other_council
):
    benefit = profile(BenefitFactory(project=project), {2026: 5000})
    client = client_for(organisation_lead)
    url = f"{API}/benefits/{benefit.pk}/measurements"
    other = send(
        client,
        "post",
        url,
        {"organisation": other_council.slug, "period": "2026-27", "value": "10", "evidence": "x"},
    )
    assert other.status_code == 403
    assert other.json()["code"] == "not_your_organisation"
    bad = send(
        client,
        "post",
        url,
        {"organisation": council.slug, "period": "2026-27", "value": "ten", "evidence": "x"},
    )
    assert (bad.status_code, bad.json()["code"]) == (422, "not_a_number")
    ok = send(
        client,
        "post",
        url,
        {"organisation": council.slug, "period": "2026-27", "value": 4200.5, "evidence": "Invoice"},
    )
    assert ok.status_code == 201
    assert ok.json()["value"] == "4200.50"
    listed = client.get(url).json()
    assert [m["organisation"]["slug"] for m in listed] == [council.slug]
    again = send(
        client,
        "post",
        url,
        {"organisation": council.slug, "period": "2026-27", "value": "1", "evidence": "x"},
    )
    assert again.json()["code"] == "already_reported"
    fix = send(
        client,
        "patch",
        f"{API}/measurements/{ok.json()['id']}",
        {"period": "2026-27", "value": "4300", "evidence": "Corrected", "version": 1},
    )
    assert fix.status_code == 200
    stale = send(
        client,
        "patch",
        f"{API}/measurements/{ok.json()['id']}",
        {"period": "2026-27", "value": "1", "evidence": "x", "version": 1},
    )
    assert stale.status_code == 409
    assert Measurement.objects.get().value == Decimal("4300")


def test_costs(client_for, project_lead, project, council):
    client = client_for(project_lead)
    body = {
        "project": project.slug,
        "organisation": council.slug,
        "category": "supplier",
        "description": "Discovery",
        "amount": "-1",
        "financial_year": "2026-27",
    }
    negative = send(client, "post", f"{API}/costs", body)
    assert (negative.status_code, negative.json()["code"]) == (422, "negative_cost")
    created = send(client, "post", f"{API}/costs", {**body, "amount": "12000"})
    assert created.status_code == 201
    cost_id = created.json()["id"]
    assert created.json()["financial_year"] == "2026-27"
    assert client.get(f"{API}/costs?project={project.slug}").json()["count"] == 1
    changed = send(
        client, "patch", f"{API}/costs/{cost_id}", {**body, "amount": "13000", "version": 1}
    )
    assert changed.status_code == 200
    stale = client.delete(f"{API}/costs/{cost_id}?version=1")
    assert stale.status_code == 409
    assert client.delete(f"{API}/costs/{cost_id}?version=2").status_code == 204
    assert not Cost.objects.exists()


def test_economics(client_for, member, project, council):
    profile(BenefitFactory(project=project), {2027: 60000})
    CostFactory(project=project, organisation=council, amount=Decimal("50000"), financial_year=2026)
    client = client_for(member)
    body = client.get(f"{API}/economics").json()
    assert body["total_cost"] == "50000.00"
    assert body["benefits_forecast"] == "60000.00"
    # -50,000 + 60,000 / 1.035 = 7,971.01
    assert body["npv"] == "7971.01"
    assert body["discount_rate"] == "3.50"
    assert body["base_year"] == "2026-27"
    assert [y["financial_year"] for y in body["years"]] == ["2026-27", "2027-28"]
    assert client.get(f"{API}/economics?rate=0").json()["npv"] == "10000.00"
    bad = client.get(f"{API}/economics?rate=21")
    assert (bad.status_code, bad.json()["code"]) == (422, "discount_rate_out_of_range")
    project_body = client.get(f"{API}/economics/projects/{project.slug}").json()
    assert project_body["npv"] == "7971.01"
    theme_body = client.get(f"{API}/economics/themes/{project.theme.slug}").json()
    assert theme_body["npv"] == "7971.01"
    statement = client.get(f"{API}/economics/organisations/{council.slug}").json()
    assert statement["economics"]["direct_cost"] == "50000.00"
    assert statement["projects"][0]["project"]["slug"] == project.slug


def test_appraisal_settings(client_for, programme_office, project_lead):
    body = client_for(project_lead).get(f"{API}/appraisal-settings").json()
    assert body["discount_rate"] == "3.50"
    new = {**body, "discount_rate": "25"}
    refused = send(client_for(programme_office), "put", f"{API}/appraisal-settings", new)
    assert (refused.status_code, refused.json()["code"]) == (422, "discount_rate_out_of_range")
    forbidden = send(client_for(project_lead), "put", f"{API}/appraisal-settings", body)
    assert forbidden.status_code == 403
    saved = send(
        client_for(programme_office),
        "put",
        f"{API}/appraisal-settings",
        {**body, "discount_rate": "5"},
    )
    assert saved.status_code == 200
    assert saved.json()["version"] == 2


def test_measurements_of_a_missing_benefit_are_404(client_for, member):
    response = client_for(member).get(f"{API}/benefits/999999/measurements")
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_the_schema_lists_the_benefits_endpoints(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    for path in (
        "/api/v1/benefits",
        "/api/v1/benefits/{benefit_id}/measurements",
        "/api/v1/costs",
        "/api/v1/economics",
        "/api/v1/economics/organisations/{slug}",
        "/api/v1/appraisal-settings",
    ):
        assert path in paths


def test_measurement_factory_in_api(client_for, member, project, council):
    m = MeasurementFactory(benefit=BenefitFactory(project=project), organisation=council)
    listed = client_for(member).get(f"{API}/benefits/{m.benefit_id}/measurements").json()
    assert listed[0]["period"] == "2026-27"
