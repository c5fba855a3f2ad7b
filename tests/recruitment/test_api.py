import datetime
from decimal import Decimal

import pytest

from heartbeat.accounts.models import ApiToken
from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.recruitment.models import Participation, Pledge, PledgeStatus
from tests.conftest import ROLE_FIXTURES
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.querybudget import assert_same_queries
from tests.recruitment.factories import ParticipationFactory, make_pledge
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def project(db):
    return ProjectFactory(stage=Stage.RECRUITING, slug="telecare", visibility=Visibility.PUBLIC)


@pytest.fixture
def requirement(project):
    # 1 person x 4 days, April to September 2026: 24 days.
    return ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Delivery manager"),
        people=1,
        days_per_month=Decimal("4"),
    )


def send(client, method, url, data=None, **headers):
    return getattr(client, method)(url, data, content_type="application/json", **headers)


def pledge_payload(requirement, **changes):
    payload = {
        "requirement_id": requirement.pk,
        "level": "practitioner",
        "days_per_month": "4",
        "start_month": "2026-04",
        "end_month": "2026-09",
        "adjustments": [{"month": "2026-07", "days": "2"}, {"month": "2026-08", "days": "2"}],
    }
    payload.update(changes)
    return payload


# Participation -----------------------------------------------------------------------------


def test_anyone_lists_a_public_projects_participants(client, project, council):
    ParticipationFactory(project=project, organisation=council)
    response = client.get(f"{API}/projects/telecare/participants")
    assert response.status_code == 200
    assert response.json()[0]["organisation"] == {"slug": "aberdeen-city", "name": "Aberdeen City"}
    assert response.json()[0]["status"] == "committed"


def test_a_partnership_projects_participants_are_hidden_from_visitors(client):
    ProjectFactory(slug="private", visibility=Visibility.PARTNERSHIP)
    assert client.get(f"{API}/projects/private/participants").status_code == 404


JOIN = {
    "anonymous": 401,
    "member": 403,
    "organisation_lead": 201,
    "project_lead": 403,
    "board_member": 403,
    "programme_office": 201,
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_join_permissions(client_for, user_for_role, role, project, council):
    response = send(
        client_for(user_for_role(role)),
        "post",
        f"{API}/projects/telecare/participants",
        {"organisation": "aberdeen-city", "status": "interested"},
    )
    assert response.status_code == JOIN[role], response.json()
    assert Participation.objects.filter(organisation=council).exists() == (JOIN[role] == 201)


def test_another_councils_lead_is_refused_with_a_code(
    client_for, other_organisation_lead, project, council
):
    response = send(
        client_for(other_organisation_lead),
        "post",
        f"{API}/projects/telecare/participants",
        {"organisation": "aberdeen-city", "status": "committed"},
    )
    assert response.status_code == 403
    assert response.json()["code"] == "not_your_organisation"


def test_join_then_change_then_withdraw(client_for, organisation_lead, project, council):
    client = client_for(organisation_lead)
    url = f"{API}/projects/telecare/participants"
    assert send(client, "post", url, {"status": "interested"}).status_code == 201
    again = send(client, "post", url, {"status": "committed"})
    assert (again.status_code, again.json()["code"]) == (409, "already_participating")

    changed = send(client, "patch", f"{url}/aberdeen-city", {"status": "committed"})
    assert changed.status_code == 200
    assert changed.json()["status"] == "committed"

    no_reason = send(client, "patch", f"{url}/aberdeen-city", {"status": "withdrawn"})
    assert (no_reason.status_code, no_reason.json()["field"]) == (422, "reason")
    withdrawn = send(
        client, "patch", f"{url}/aberdeen-city", {"status": "withdrawn", "reason": "Cuts"}
    )
    assert withdrawn.json()["reason"] == "Cuts"


def test_a_closed_project_takes_no_participants(client_for, organisation_lead, project):
    project.stage = Stage.CLOSED
    project.save()
    response = send(
        client_for(organisation_lead),
        "post",
        f"{API}/projects/telecare/participants",
        {"status": "committed"},
    )
    assert (response.status_code, response.json()["code"]) == (409, "project_closed")


# Pledges ----------------------------------------------------------------------------------


def test_pledge_with_a_token(client, organisation_lead, requirement, council):
    colleague = UserFactory(organisation=council, full_name="Morag Reid")
    _, raw = ApiToken.new_token()
    ApiToken.objects.create(
        user=organisation_lead, name="script", token_hash=ApiToken.hash_token(raw), prefix=raw[:8]
    )
    response = send(
        client,
        "post",
        f"{API}/pledges",
        pledge_payload(requirement, person_id=colleague.pk),
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["organisation"]["slug"] == "aberdeen-city"
    assert body["person_name"] == "Morag Reid"
    assert body["total_days"] == "20.0"
    assert body["adjustments"] == [
        {"month": "2026-07", "days": "2.0"},
        {"month": "2026-08", "days": "2.0"},
    ]
    assert body["version"] == 1


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"days_per_month": "0"}, 422, "days_not_positive"),
        ({"days_per_month": "-2"}, 422, "days_not_positive"),
        ({"start_month": "2026-01"}, 422, "outside_period"),
        ({"end_month": "2026-12"}, 422, "outside_period"),
        ({"start_month": "April"}, 422, "invalid_input"),
        ({"days_per_month": "lots"}, 422, "invalid_input"),
        ({"level": "guru"}, 422, "invalid_input"),
        ({"skill": "wizard"}, 422, "invalid_input"),
        ({"requirement_id": 999999}, 404, "not_found"),
    ],
)
def test_pledge_bad_input(client_for, organisation_lead, requirement, changes, status, code):
    response = send(
        client_for(organisation_lead),
        "post",
        f"{API}/pledges",
        pledge_payload(requirement, **changes),
    )
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert not Pledge.objects.exists()


def test_pledging_someone_of_another_council(
    client_for, organisation_lead, requirement, other_council
):
    stranger = UserFactory(organisation=other_council)
    response = send(
        client_for(organisation_lead),
        "post",
        f"{API}/pledges",
        pledge_payload(requirement, person_id=stranger.pk),
    )
    assert (response.status_code, response.json()["code"]) == (422, "person_not_in_organisation")


def test_pledging_for_another_council(client_for, other_organisation_lead, requirement, council):
    response = send(
        client_for(other_organisation_lead),
        "post",
        f"{API}/pledges",
        pledge_payload(requirement, organisation="aberdeen-city"),
    )
    assert (response.status_code, response.json()["code"]) == (403, "not_your_organisation")


def test_pledging_on_a_cancelled_project(client_for, organisation_lead, requirement, project):
    project.stage = Stage.CANCELLED
    project.save()
    response = send(
        client_for(organisation_lead), "post", f"{API}/pledges", pledge_payload(requirement)
    )
    assert (response.status_code, response.json()["code"]) == (409, "project_closed")


def test_pledges_need_a_signed_in_caller(client, requirement):
    assert client.get(f"{API}/pledges").status_code == 401
    assert send(client, "post", f"{API}/pledges", pledge_payload(requirement)).status_code == 401


def test_update_with_version_and_stale_version(client_for, organisation_lead, requirement, council):
    pledge = make_pledge(requirement, council, organisation_lead)
    client = client_for(organisation_lead)
    url = f"{API}/pledges/{pledge.pk}"
    body = pledge_payload(requirement, days_per_month="3", version=1)
    del body["requirement_id"]

    fresh = send(client, "patch", url, body)
    assert fresh.status_code == 200, fresh.json()
    assert (fresh.json()["version"], fresh.json()["days_per_month"]) == (2, "3.0")

    stale = send(client, "patch", url, {**body, "days_per_month": "1"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "edit_conflict"
    assert stale.json()["current_version"] == 2
    pledge.refresh_from_db()
    assert pledge.days_per_month == Decimal("3")


def test_withdraw(client_for, organisation_lead, other_organisation_lead, requirement, council):
    pledge = make_pledge(requirement, council, organisation_lead)
    url = f"{API}/pledges/{pledge.pk}/withdraw"
    refused = send(client_for(other_organisation_lead), "post", url, {"reason": "No"})
    assert refused.status_code == 403
    no_reason = send(client_for(organisation_lead), "post", url, {"reason": ""})
    assert no_reason.status_code == 422
    done = send(client_for(organisation_lead), "post", url, {"reason": "Moved on", "version": 1})
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["withdrawn_reason"]) == ("withdrawn", "Moved on")
    again = send(client_for(organisation_lead), "post", url, {"reason": "Again"})
    assert (again.status_code, again.json()["code"]) == (409, "pledge_withdrawn")
    assert Pledge.objects.get().status == PledgeStatus.WITHDRAWN


def test_list_pledges_with_filters(client_for, member, requirement, council, programme_office):
    make_pledge(requirement, council, programme_office)
    client = client_for(member)
    body = client.get(f"{API}/pledges?project=telecare&status=active").json()
    assert body["count"] == 1
    assert body["items"][0]["project"]["slug"] == "telecare"
    assert client.get(f"{API}/pledges?organisation=angus").json()["count"] == 0
    assert client.get(f"{API}/pledges?status=maybe").status_code == 422
    assert client.get(f"{API}/pledges/{body['items'][0]['id']}").status_code == 200


def test_pledge_list_queries_do_not_grow(client_for, member, programme_office, project):
    from tests.factories import OrganisationFactory

    client = client_for(member)

    def make_rows(n):
        while Pledge.objects.count() < n:
            organisation = OrganisationFactory()
            make_pledge(
                ResourceRequirementFactory(project=project),
                organisation,
                programme_office,
                person_id=UserFactory(organisation=organisation).pk,
                adjustments=[(datetime.date(2026, 7, 1), 1)],
            )

    assert_same_queries(make_rows, lambda: client.get(f"{API}/pledges?limit=50"))


# Coverage and open needs ---------------------------------------------------------------------


def test_coverage(client, requirement, council, organisation_lead):
    make_pledge(
        requirement,
        council,
        organisation_lead,
        adjustments=[(datetime.date(2026, 7, 1), 2), (datetime.date(2026, 8, 1), 2)],
    )
    body = client.get(f"{API}/projects/telecare/coverage").json()
    # 4 + 4 + 4 + 2 + 2 + 4 = 20 of 24 days.
    assert body["percent"] == 83
    assert (
        body["required_days"],
        body["pledged_days"],
        body["covered_days"],
        body["shortfall_days"],
    ) == ("24.0", "20.0", "20.0", "4.0")
    july = body["needs"][0]["months"][3]
    assert july == {
        "month": "2026-07",
        "required_days": "4.0",
        "pledged_days": "2.0",
        "covered_days": "2.0",
        "shortfall_days": "2.0",
    }


def test_coverage_names_pledged_and_covered_days_apart(
    client, requirement, council, other_council, organisation_lead, programme_office
):
    make_pledge(requirement, council, organisation_lead)
    make_pledge(requirement, other_council, programme_office, days_per_month=Decimal(2))
    body = client.get(f"{API}/projects/telecare/coverage").json()
    # 6 days a month are pledged against 4 needed: 36 pledged, 24 covered, 100%.
    assert (body["pledged_days"], body["covered_days"], body["percent"]) == ("36.0", "24.0", 100)
    assert body["needs"][0]["months"][0]["pledged_days"] == "6.0"
    assert body["needs"][0]["months"][0]["covered_days"] == "4.0"


def test_open_needs(client_for, member, project):
    this_month = datetime.date.today().replace(day=1)
    ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Developer"),
        start_month=this_month,
        end_month=this_month.replace(year=this_month.year + 1),
    )
    client = client_for(member)
    body = client.get(f"{API}/open-needs?skill=developer").json()
    assert body["count"] == 1
    assert body["items"][0]["skill"]["slug"] == "developer"
    assert body["items"][0]["months_open"] == 13
    assert client.get(f"{API}/open-needs?skill=wizard").status_code == 422
    bad_month = client.get(f"{API}/open-needs?month=July")
    assert (bad_month.status_code, bad_month.json()["code"]) == (422, "invalid_input")
    assert client.get(f"{API}/open-needs?limit=0").status_code == 422
