"""The council page and a person's page as data."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from heartbeat.accounts import services as accounts_services
from heartbeat.core.months import add_months, first_of_month, working_days
from heartbeat.portfolio.models import Stage, Visibility
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import OrganisationCapacityFactory, make_pledge
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
ROLES = ["anonymous", "member", "organisation_lead", "project_lead", "board_member"]


def month(offset: int) -> datetime.date:
    return add_months(first_of_month(timezone.localdate()), offset)


@pytest.fixture
def data(council, organisation_lead):
    ailsa = UserFactory(organisation=council, full_name="Ailsa Grant")
    public = ProjectFactory(
        title="Public telecare", slug="public-telecare", stage=Stage.RECRUITING,
        lead_organisation=council,
    )  # fmt: skip
    ProjectFactory(
        title="Private records", lead_organisation=council, visibility=Visibility.PARTNERSHIP
    )
    need = ResourceRequirementFactory(
        project=public, skill=SkillFactory(), start_month=month(0), end_month=month(5)
    )
    pledge = make_pledge(
        need, council, organisation_lead, person_id=ailsa.pk,
        days_per_month=Decimal("6"), start_month=month(0), end_month=month(2),
    )  # fmt: skip
    OrganisationCapacityFactory(
        organisation=council, days_per_month=Decimal("5"), start_month=month(0), end_month=month(11)
    )
    return {"ailsa": ailsa, "pledge": pledge}


def test_projects_it_leads_follow_visibility(client_for, member, data):
    public = client_for(None).get(f"{API}/organisations/aberdeen-city/projects").json()
    assert [p["project"]["name"] for p in public] == ["Public telecare"]
    assert public[0] == {
        "project": {"slug": "public-telecare", "name": "Public telecare"},
        "stage": "recruiting",
        "leads": True,
        "participation": "committed",
        "role": "lead",
    }
    signed_in = client_for(member).get(f"{API}/organisations/aberdeen-city/projects").json()
    assert len(signed_in) == 2
    assert client_for(None).get(f"{API}/organisations/atlantis/projects").status_code == 404


@pytest.mark.parametrize("role", [*ROLES, "programme_office", "other_organisation_lead"])
def test_who_reads_capacity_and_pledges_to_reassign(client_for, user_for_role, role, data, request):
    user = (
        request.getfixturevalue(role) if role == "other_organisation_lead" else user_for_role(role)
    )
    client = client_for(user)
    capacity = client.get(f"{API}/organisations/aberdeen-city/capacity")
    reassign = client.get(f"{API}/organisations/aberdeen-city/pledges-to-reassign")
    if role == "anonymous":
        assert (capacity.status_code, reassign.status_code) == (401, 401)
        return
    own = role in ("member", "organisation_lead", "project_lead", "programme_office")
    acts = role in ("organisation_lead", "programme_office")
    assert capacity.status_code == (200 if own else 403)
    assert reassign.status_code == (200 if acts else 403)
    if own:
        months = capacity.json()
        assert months[0]["declared"] == "5.0" or Decimal(months[0]["declared"]) == 5
        assert months[0]["over"] is True
        assert months[3]["over"] is False


def test_a_leavers_pledges_to_reassign(client_for, organisation_lead, programme_office, data):
    client = client_for(organisation_lead)
    assert client.get(f"{API}/organisations/aberdeen-city/pledges-to-reassign").json() == []
    accounts_services.person_deactivate(actor=programme_office, person=data["ailsa"], reason="Left")
    body = client.get(f"{API}/organisations/aberdeen-city/pledges-to-reassign").json()
    assert [(p["pledge_id"], p["person_name"], p["left"]) for p in body] == [
        (data["pledge"].pk, "Ailsa Grant", True)
    ]


def test_a_persons_load(client_for, member, data):
    body = client_for(member).get(f"{API}/people/{data['ailsa'].pk}/load").json()
    assert len(body) == 12
    first = body[0]
    assert first["working_days"] == working_days(month(0))
    assert Decimal(first["pledged"]) == 6
    assert first["over"] is False
    assert first["projects"][0]["project"]["slug"] == "public-telecare"
    assert body[3]["projects"] == []


def test_a_persons_load_needs_a_signed_in_member(client_for, data):
    assert client_for(None).get(f"{API}/people/{data['ailsa'].pk}/load").status_code == 401
    nobody = UserFactory(organisation=None)
    assert client_for(nobody).get(f"{API}/people/{data['ailsa'].pk}/load").status_code == 404
