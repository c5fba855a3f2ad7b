import datetime

import pytest

from heartbeat.partnership.models import MembershipStatus, OrganisationKind
from tests.factories import MembershipFactory, OrganisationFactory, ProgrammeTermFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def partnership(council, other_council):
    first = ProgrammeTermFactory(
        name="2016 to 2019",
        slug="2016-to-2019",
        start=datetime.date(2016, 10, 1),
        end=datetime.date(2019, 9, 30),
    )
    extension = ProgrammeTermFactory(
        name="Extension 2019 to 2021",
        slug="extension-2019-to-2021",
        start=datetime.date(2019, 10, 1),
        end=datetime.date(2021, 9, 30),
    )
    OrganisationFactory(
        name="COSLA",
        official_name="Convention of Scottish Local Authorities",
        kind=OrganisationKind.NATIONAL_BODY,
        gss_code="",
        slug="cosla",
    )
    MembershipFactory(organisation=council, term=first, note="At the launch.")
    MembershipFactory(
        organisation=council,
        term=extension,
        status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
        date=datetime.date(2019, 7, 4),
    )
    MembershipFactory(organisation=other_council, term=first, date=datetime.date(2017, 3, 16))
    return first, extension


def test_organisations_lists_everyone_anonymously(client, partnership):
    response = client.get(f"{API}/organisations")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [item["name"] for item in body["items"]] == ["Aberdeen City", "Angus", "COSLA"]
    aberdeen = body["items"][0]
    assert aberdeen["gss_code"] == "S12000033"
    assert aberdeen["term_status"] == "committed_in_principle"
    assert aberdeen["url"] == "/organisations/aberdeen-city/"
    assert body["items"][1]["term_status"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "national_body"}, ["COSLA"]),
        ({"status": "committed_in_principle"}, ["Aberdeen City"]),
        ({"status": "none"}, ["Angus", "COSLA"]),
        ({"q": "angus"}, ["Angus"]),
        ({"q": "S12000033"}, ["Aberdeen City"]),
        ({"kind": "local_authority", "status": "none"}, ["Angus"]),
    ],
)
def test_organisations_take_the_same_filters_as_the_page(client, partnership, params, expected):
    body = client.get(f"{API}/organisations", params).json()
    assert [item["name"] for item in body["items"]] == expected
    assert body["count"] == len(expected)


def test_organisations_paginate_with_limit_and_offset(client, partnership):
    body = client.get(f"{API}/organisations", {"limit": 1, "offset": 1}).json()
    assert body["count"] == 3
    assert [item["name"] for item in body["items"]] == ["Angus"]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "bogus"},
        {"status": "maybe"},
        {"limit": -1},
        {"limit": "ten"},
        {"offset": -5},
        {"q": "x" * 101},
    ],
)
def test_malformed_filters_give_422_json(client, partnership, params):
    response = client.get(f"{API}/organisations", params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["message"]
    assert next(iter(params)) in body["message"]


def test_organisation_detail_has_its_memberships(client, partnership):
    response = client.get(f"{API}/organisations/aberdeen-city")
    assert response.status_code == 200
    body = response.json()
    assert body["official_name"] == "Aberdeen City Council"
    assert body["website"] == "https://www.aberdeen-city.gov.uk"
    assert body["memberships"] == [
        {
            "term": "2016 to 2019",
            "term_slug": "2016-to-2019",
            "status": "signed_up",
            "status_label": "Signed up",
            "date": "2016-10-01",
            "note": "At the launch.",
        },
        {
            "term": "Extension 2019 to 2021",
            "term_slug": "extension-2019-to-2021",
            "status": "committed_in_principle",
            "status_label": "Committed in principle",
            "date": "2019-07-04",
            "note": "",
        },
    ]


def test_unknown_organisation_is_404_json(client, db):
    response = client.get(f"{API}/organisations/atlantis")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_terms_have_counts_by_status(client, partnership):
    body = client.get(f"{API}/terms").json()
    assert [term["slug"] for term in body] == ["2016-to-2019", "extension-2019-to-2021"]
    assert body[0]["counts"] == {
        "signed_up": 2,
        "committed_in_principle": 0,
        "declined": 0,
        "left": 0,
    }
    assert body[0]["total"] == 2
    assert body[0]["start"] == "2016-10-01"
    assert body[1]["counts"]["committed_in_principle"] == 1


def test_term_detail_and_404(client, partnership):
    body = client.get(f"{API}/terms/extension-2019-to-2021").json()
    assert body["name"] == "Extension 2019 to 2021"
    assert body["end"] == "2021-09-30"
    assert body["total"] == 1
    missing = client.get(f"{API}/terms/1066")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


def test_a_bad_token_is_refused_even_on_public_reads(client, partnership):
    response = client.get(f"{API}/organisations", headers={"Authorization": "Bearer hbt_nope"})
    assert response.status_code == 401


def test_signed_in_reads_work_too(client_for, member, partnership):
    response = client_for(member).get(f"{API}/organisations/angus")
    assert response.status_code == 200
    assert response.json()["memberships"][0]["date"] == "2017-03-16"


def test_openapi_schema_lists_the_partnership_paths(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    for path in (
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/terms",
        "/api/v1/terms/{slug}",
    ):
        assert "get" in schema["paths"][path], path
    parameters = {p["name"] for p in schema["paths"]["/api/v1/organisations"]["get"]["parameters"]}
    assert {"kind", "status", "q", "limit", "offset"} <= parameters
