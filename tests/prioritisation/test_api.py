"""The prioritisation API: the same rules as the pages, errors as JSON with stable codes."""

import pytest
from django.test import Client

from heartbeat.portfolio.models import Project, Stage
from heartbeat.prioritisation.models import Criterion, Round, unfrozen
from tests.portfolio.factories import ProjectFactory
from tests.prioritisation.factories import defaults, published_round
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db

API = "/api/v1"


def signed_in(user) -> Client:
    """A client of its own, so two people's sessions do not replace each other."""
    client = Client()
    client.force_login(user, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


def send(client, method, url, data=None):
    return getattr(client, method)(url, data, content_type="application/json")


@pytest.fixture
def criteria(programme_office):
    return defaults(programme_office)


def test_criteria_are_read_by_members_and_kept_by_the_office(
    client_for, member, programme_office, criteria
):
    listed = client_for(member).get(f"{API}/criteria").json()
    assert [c["slug"] for c in listed][:2] == ["strategic-fit", "benefit-value"]
    assert listed[2]["method"] == "demand"
    payload = {
        "name": "Cyber security",
        "description": "How much it lowers cyber risk.",
        "weight": "1.5",
        "levels": ["None", "Little", "Some", "Much", "Essential"],
    }
    assert send(client_for(member), "post", f"{API}/criteria", payload).status_code == 403
    created = send(client_for(programme_office), "post", f"{API}/criteria", payload)
    assert created.status_code == 201
    assert created.json()["weight"] == "1.5"


@pytest.mark.parametrize("weight", ["0", "-1", "101", "1.234"])
def test_a_weight_that_is_not_positive_or_too_big_is_refused(
    client_for, programme_office, criteria, weight
):
    payload = {"name": "X", "description": "Y", "weight": weight, "levels": ["a"] * 5}
    response = send(client_for(programme_office), "post", f"{API}/criteria", payload)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert Criterion.objects.count() == 6


def test_a_stale_criterion_update_gets_409(client_for, programme_office, criteria):
    client = client_for(programme_office)
    payload = {
        "name": "Risk",
        "description": "Risk",
        "weight": "2",
        "direction": "higher_is_worse",
        "levels": ["a", "b", "c", "d", "e"],
        "version": 1,
    }
    assert send(client, "put", f"{API}/criteria/risk", payload).status_code == 200
    stale = send(client, "put", f"{API}/criteria/risk", payload)
    assert stale.status_code == 409
    assert stale.json()["code"] == "edit_conflict"


def test_scoring_and_publishing_by_the_api(client_for, programme_office, member, criteria):
    ProjectFactory(title="Telecare", stage=Stage.RECRUITING, slug="telecare")
    client = signed_in(programme_office)
    reader = signed_in(member)
    opened = send(client, "post", f"{API}/rounds", {"name": "Winter round"})
    assert opened.status_code == 201
    assert opened.json()["state"] == "draft"
    # Members do not see drafts.
    assert reader.get(f"{API}/rounds/1").status_code == 404
    entries = client.get(f"{API}/rounds/1/entries").json()
    entry = entries["items"][0]
    assert {s["criterion"] for s in entry["scores"]} == {"demand", "readiness"}
    url = f"{API}/rounds/1/entries/{entry['id']}/scores"
    out_of_scale = send(
        client,
        "put",
        url,
        {"version": 1, "scores": [{"criterion": "risk", "value": 7, "rationale": "x"}]},
    )
    assert out_of_scale.status_code == 422
    assert out_of_scale.json()["code"] == "score_out_of_scale"
    no_reason = send(
        client,
        "put",
        url,
        {"version": 1, "scores": [{"criterion": "risk", "value": 2, "rationale": ""}]},
    )
    assert no_reason.json()["code"] == "rationale_missing"
    computed = send(
        client,
        "put",
        url,
        {"version": 1, "scores": [{"criterion": "demand", "value": 5, "rationale": "x"}]},
    )
    assert computed.json()["code"] == "computed_criterion"
    scores = [
        {"criterion": slug, "value": 3, "rationale": f"{slug} is middling."}
        for slug in ("strategic-fit", "benefit-value", "effort", "risk")
    ]
    saved = send(client, "put", url, {"version": 1, "scores": scores})
    assert saved.status_code == 200
    assert saved.json()["version"] == 2
    published = send(client, "post", f"{API}/rounds/1/publish", {"version": 1})
    assert published.status_code == 200, published.content
    assert published.json()["state"] == "published"
    # Frozen: the scores cannot change any more.
    frozen = send(client, "put", url, {"version": 2, "scores": scores})
    assert frozen.status_code == 409
    assert frozen.json()["code"] == "round_published"
    ranking = reader.get(f"{API}/rankings/latest").json()
    assert ranking["items"][0]["title"] == "Telecare"
    assert ranking["items"][0]["rank"] == 1
    # 3s on fit, benefit, effort and risk: shares 0.5; demand and readiness 1: shares 0.
    # 100 x (3(0.5) + 3(0.5) + 1(0.5) + 1(0.5)) / 12 = 100 x 4 / 12 = 33.3333.
    assert ranking["items"][0]["weighted_score"] == "33.3333"
    history = reader.get(f"{API}/projects/telecare/rank-history").json()
    assert history == [
        {
            "round": 1,
            "round_name": "Winter round",
            "published_at": history[0]["published_at"],
            "rank": 1,
            "of": 1,
            "weighted_score": "33.3333",
            "movement": "",
        }
    ]


def test_what_if_by_the_api(client_for, member, programme_office, criteria):
    ProjectFactory(title="Big", stage=Stage.RECRUITING)
    ProjectFactory(title="Easy", stage=Stage.RECRUITING)
    published_round(
        programme_office,
        {
            "Big": {"strategic-fit": 5, "benefit-value": 5, "effort": 5, "risk": 3},
            "Easy": {"strategic-fit": 3, "benefit-value": 3, "effort": 1, "risk": 1},
        },
    )
    client = client_for(member)
    published = client.get(f"{API}/rankings/what-if").json()
    assert [row["title"] for row in published["top"]] == ["Big", "Easy"]
    tried = client.get(f"{API}/rankings/what-if", {"weights": "effort:20"}).json()
    assert [row["title"] for row in tried["top"]] == ["Easy", "Big"]
    assert tried["weights"]["effort"] == "20"
    for bad in ("effort:0", "effort", "nothing:2", "effort:lots"):
        response = client.get(f"{API}/rankings/what-if", {"weights": bad})
        assert response.status_code == 422, bad
        assert response.json()["field"] == "weights"
    assert Criterion.objects.get(slug="effort").weight == 1


def test_one_draft_at_a_time_by_the_api(client_for, programme_office, criteria):
    client = client_for(programme_office)
    send(client, "post", f"{API}/rounds", {})
    second = send(client, "post", f"{API}/rounds", {})
    assert second.status_code == 409
    assert second.json()["code"] == "draft_open"
    assert send(client, "delete", f"{API}/rounds/1").status_code == 204
    assert not Round.objects.exists()


@pytest.mark.parametrize("body", ["[null, null]", "[]", "3", '"Winter round"', "null"])
def test_opening_a_round_takes_only_a_json_object(client_for, programme_office, criteria, body):
    client = client_for(programme_office)
    response = client.generic("POST", f"{API}/rounds", body, content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (422, "invalid_input")
    assert not Round.objects.exists()


def test_the_ranking_costs_the_same_at_3_and_30_entries(
    client_for, member, programme_office, criteria
):
    client = client_for(member)

    def make(n):
        for i in range(Project.objects.count(), n):
            ProjectFactory(title=f"Project {i:03d}", stage=Stage.RECRUITING)
        with unfrozen():
            Round.objects.all().delete()
        published_round(programme_office)

    assert_same_queries(make, lambda: client.get(f"{API}/rankings/latest?limit=50"), budget=10)
