"""The organisations list: the current programme term by default, empty cells for bodies
without a GSS code, and names in order whatever their case."""

import csv
import datetime
import io

import pytest

from heartbeat.partnership import selectors
from heartbeat.partnership.models import MembershipStatus, OrganisationKind
from tests.factories import MembershipFactory, OrganisationFactory, ProgrammeTermFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/organisations/"


@pytest.fixture
def terms(council, other_council):
    """Three terms: one long past, one running today (3 December 2026), one to come."""
    past = ProgrammeTermFactory(
        name="2019 to 2021", slug="2019-to-2021",
        start=datetime.date(2019, 10, 1), end=datetime.date(2021, 9, 30),
    )  # fmt: skip
    current = ProgrammeTermFactory(
        name="2024 to 2027", slug="2024-to-2027",
        start=datetime.date(2024, 4, 1), end=datetime.date(2027, 3, 31),
    )  # fmt: skip
    future = ProgrammeTermFactory(
        name="2027 to 2030", slug="2027-to-2030",
        start=datetime.date(2027, 4, 1), end=datetime.date(2030, 3, 31),
    )  # fmt: skip
    MembershipFactory(organisation=council, term=past, status=MembershipStatus.SIGNED_UP)
    MembershipFactory(organisation=council, term=current, status=MembershipStatus.DECLINED)
    MembershipFactory(
        organisation=council, term=future, status=MembershipStatus.COMMITTED_IN_PRINCIPLE
    )
    MembershipFactory(organisation=other_council, term=current, status=MembershipStatus.SIGNED_UP)
    return past, current, future


def test_the_current_term_is_the_one_running_today(terms):
    past, current, future = terms
    assert selectors.current_term(datetime.date(2026, 12, 3)) == current
    assert selectors.current_term(datetime.date(2023, 1, 1)) == past  # between terms
    assert selectors.current_term(datetime.date(2018, 1, 1)) == past  # before the first
    assert selectors.current_term(datetime.date(2031, 1, 1)) == future


def test_the_list_shows_the_decisions_about_the_current_term_by_default(client, terms):
    html = client.get(LIST_URL).content.decode()
    assert "Status in 2024 to 2027" in html
    assert "2024 to 2027 (current)" in html
    assert '<option value="2024-to-2027" selected>' in html
    rows = html[html.index('id="organisations"') :]
    assert rows.index("Declined") < rows.index("Signed up")  # Aberdeen City, then Angus
    assert "Committed in principle" not in rows
    assert "Clear filters" not in html


def test_the_status_filter_follows_the_term_chosen(client, terms):
    declined = client.get(LIST_URL, {"status": "declined"}).content.decode()
    assert "Aberdeen City" in declined and ">Angus<" not in declined
    past = client.get(LIST_URL, {"term": "2019-to-2021", "status": "signed_up"}).content.decode()
    assert "Status in 2019 to 2021" in past
    assert '<option value="2019-to-2021" selected>' in past
    assert "Aberdeen City" in past and ">Angus<" not in past
    assert "Clear filters" in past


def test_an_unknown_term_is_ignored_and_said(client, terms):
    html = client.get(LIST_URL, {"term": "1066"}).content.decode()
    assert "We ignored the term filter" in html
    assert "Status in 2024 to 2027" in html


def test_bodies_without_a_gss_code_show_an_empty_cell(client, terms):
    OrganisationFactory(
        name="COSLA", official_name="Convention of Scottish Local Authorities",
        kind=OrganisationKind.NATIONAL_BODY, gss_code="",
    )  # fmt: skip
    html = client.get(LIST_URL).content.decode()
    row = html[html.index(">COSLA</a>") :]
    row = row[: row.index("</tr>")]
    assert "None" not in row
    assert "<td></td>" in row


def test_names_sort_without_regard_to_case(client, terms):
    for name in ("aberdeenshire", "Zetland Trust", "bute Partners"):
        OrganisationFactory(name=name, kind=OrganisationKind.PARTNER, gss_code="")
    html = client.get(LIST_URL).content.decode()
    order = ["Aberdeen City", "aberdeenshire", "Angus", "bute Partners", "Zetland Trust"]
    positions = [html.index(f">{name}</a>") for name in order]
    assert positions == sorted(positions)


def test_the_export_names_the_term(client, terms):
    response = client.get(LIST_URL, {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][7:9] == ["Programme term", "Membership status"]
    assert rows[1][0] == "Aberdeen City"
    assert rows[1][7:9] == ["2024 to 2027", "Declined"]


def test_the_api_takes_a_term(client, terms):
    body = client.get("/api/v1/organisations").json()
    assert [(i["name"], i["term_status"]) for i in body["items"]] == [
        ("Aberdeen City", "declined"),
        ("Angus", "signed_up"),
    ]
    body = client.get("/api/v1/organisations", {"term": "2019-to-2021"}).json()
    assert body["items"][1]["term_status"] is None
    response = client.get("/api/v1/organisations", {"term": "1066"})
    assert response.status_code == 422
    assert response.json()["field"] == "term"
