"""The bench loads the home page as each role and the council page as its lead, a member,
the programme office and a visitor."""

import pytest

from heartbeat.bench import BENCH_URLS, BenchURL, report
from heartbeat.bench.home import bench_lead_page, council_page
from heartbeat.bench.runner import sign_in_roles
from heartbeat.generator.runner import BENCH_PASSWORD, BENCH_USERS
from tests.factories import OrganisationFactory, UserFactory


def test_a_url_can_be_loaded_as_a_role():
    url = BenchURL("home, member", "/", "dashboard", role="member")
    assert url.as_role == "member"
    assert BenchURL("home", "/", "dashboard").as_role == "programme_office"
    assert BenchURL("home", "/", "dashboard", signed_in=False).as_role is None


def test_a_role_must_be_a_bench_users_and_signed_in():
    with pytest.raises(ValueError, match="role must be one of"):
        BenchURL("bad", "/", "dashboard", role="superuser")
    with pytest.raises(ValueError, match="loaded signed in"):
        BenchURL("bad", "/", "dashboard", role="member", signed_in=False)


def test_the_registry_covers_the_home_page_for_each_role_and_the_council_page():
    home_roles = {url.as_role for url in BENCH_URLS if url.path == "/" and url.signed_in}
    assert home_roles == set(BENCH_USERS)
    council = [url for url in BENCH_URLS if url.path is council_page]
    assert {url.as_role for url in council} == {
        "organisation_lead",
        "programme_office",
        "board_member",
        None,
    }
    assert all(url.kind == "detail" for url in council)


def test_the_report_says_who_loaded_each_url():
    def measured(role, signed_in=True):
        return report.Result(
            name="home",
            path="/",
            kind="dashboard",
            signed_in=signed_in,
            role=role,
            latencies_ms=[500.0] * 5,
            statuses=[200] * 5,
            queries=[5] * 5,
            elapsed_s=1.0,
        )

    results = [measured("organisation_lead"), measured(None, signed_in=False)]
    rows = report.table_rows(results)
    assert [row[2] for row in rows] == ["organisation lead", "public"]
    line = report.summary_line(results, [], scale=10, engine="PostgreSQL 15")
    assert "/ (organisation lead), / (public)" in line
    assert report.result_json(results[0])["role"] == "organisation_lead"


@pytest.mark.django_db
def test_the_council_and_person_resolvers_find_the_bench_users():
    council = OrganisationFactory(name="Glenmore 1", slug="glenmore-1")
    lead = UserFactory(email=BENCH_USERS["organisation_lead"], organisation=council)
    project_lead = UserFactory(email=BENCH_USERS["project_lead"], organisation=council)
    assert council_page() == "/organisations/glenmore-1/"
    assert bench_lead_page() == f"/people/{project_lead.pk}/"
    assert lead.pk


@pytest.mark.django_db
def test_the_resolvers_say_when_there_are_no_bench_users():
    with pytest.raises(LookupError, match="organisation lead"):
        council_page()
    with pytest.raises(LookupError, match="project lead"):
        bench_lead_page()


@pytest.mark.django_db(transaction=True)
def test_each_role_a_url_needs_is_signed_in_once(live_server):
    council = OrganisationFactory()
    for role, email in BENCH_USERS.items():
        UserFactory(
            email=email,
            organisation=council,
            password=BENCH_PASSWORD,
            is_programme_office=role == "programme_office",
        )
    port = int(live_server.url.rsplit(":", 1)[1])
    urls = [
        BenchURL("a", "/", "dashboard", role="member"),
        BenchURL("b", "/", "dashboard"),
        BenchURL("c", "/", "dashboard", signed_in=False),
    ]
    cookies = sign_in_roles(port, urls)
    assert set(cookies) == {"member", "programme_office"}
    assert all("sessionid=" in cookie for cookie in cookies.values())
    assert cookies["member"] != cookies["programme_office"]
