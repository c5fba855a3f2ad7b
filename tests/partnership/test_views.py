import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from heartbeat.partnership import services
from heartbeat.partnership.models import MembershipStatus, Organisation, OrganisationKind
from tests.conftest import ROLE_FIXTURES
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ProgrammeTermFactory,
    UserFactory,
)
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db

LIST_URL = "/organisations/"


@pytest.fixture
def terms():
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
    return first, extension


@pytest.fixture
def partnership(terms, council, other_council):
    first, extension = terms
    cosla = OrganisationFactory(
        name="COSLA",
        official_name="Convention of Scottish Local Authorities",
        kind=OrganisationKind.NATIONAL_BODY,
        gss_code="",
        slug="cosla",
        website="https://www.cosla.gov.uk",
    )
    MembershipFactory(organisation=council, term=first, note="Signed up at the launch.")
    MembershipFactory(
        organisation=council,
        term=extension,
        status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
        date=datetime.date(2019, 7, 4),
    )
    MembershipFactory(organisation=other_council, term=first)
    MembershipFactory(
        organisation=other_council,
        term=extension,
        status=MembershipStatus.DECLINED,
        date=datetime.date(2019, 8, 1),
    )
    return {"council": council, "other": other_council, "cosla": cosla}


def rows_of_csv(response) -> list[list[str]]:
    text = response.getvalue().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_list_shows_every_organisation_with_its_latest_decision(client, partnership):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/organisations/aberdeen-city/"' in html
    assert "S12000033" in html
    assert "Convention of Scottish Local Authorities" in html
    assert "Status in Extension 2019 to 2021" in html
    assert "Committed in principle" in html
    assert "3 organisations" in html


def test_list_filters_by_url_parameters(client, partnership):
    html = client.get(LIST_URL, {"kind": "national_body"}).content.decode()
    assert "COSLA" in html
    assert "Aberdeen City" not in html
    assert "1 organisation match your filters" in html

    html = client.get(LIST_URL, {"status": "declined"}).content.decode()
    assert 'href="/organisations/angus/"' in html
    assert 'href="/organisations/aberdeen-city/"' not in html

    html = client.get(LIST_URL, {"q": "aberdeen"}).content.decode()
    assert 'href="/organisations/aberdeen-city/"' in html
    assert 'href="/organisations/angus/"' not in html
    # The form shows the filters in use.
    assert 'value="aberdeen"' in html


def test_invalid_filters_are_ignored_with_a_message(client, partnership):
    response = client.get(LIST_URL, {"kind": "bogus", "status": "<script>", "q": "x" * 101})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We ignored the kind filter because &#39;bogus&#39; is not one of the choices" in html
    assert "We ignored the membership status filter" in html
    assert "<script>" not in html
    assert "We ignored the name filter because it is longer than 100 characters" in html
    assert "3 organisations" in html


def test_list_is_paginated_and_keeps_filters_in_page_links(client, terms):
    for index in range(30):
        OrganisationFactory(name=f"Council {index:02d}")
    response = client.get(LIST_URL, {"kind": "local_authority"})
    html = response.content.decode()
    assert "Council 24" in html
    assert "Council 25" not in html
    assert "?kind=local_authority&amp;page=2" in html
    html = client.get(LIST_URL, {"kind": "local_authority", "page": 2}).content.decode()
    assert "Council 25" in html
    assert "Council 00" not in html
    # A page past the end shows the last page rather than an error.
    assert client.get(LIST_URL, {"page": 99}).status_code == 200


def test_csv_export_holds_exactly_the_filtered_list_on_every_page(client, terms):
    for index in range(30):
        OrganisationFactory(name=f"Council {index:02d}")
    OrganisationFactory(name="Partner", kind=OrganisationKind.PARTNER, gss_code="")
    response = client.get(LIST_URL, {"kind": "local_authority", "format": "csv", "page": 2})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    today = timezone.localdate().isoformat()
    assert f'filename="organisations-{today}.csv"' in response["Content-Disposition"]
    rows = rows_of_csv(response)
    assert rows[0][:6] == ["Name", "Official name", "Kind", "GSS code", "Short code", "Website"]
    assert [row[0] for row in rows[1:]] == [f"Council {i:02d}" for i in range(30)]
    first = Organisation.objects.get(name="Council 00")
    assert rows[1][3] == first.gss_code
    assert rows[1][5] == first.website


def test_xlsx_export_matches_the_csv(client, partnership):
    csv_rows = rows_of_csv(client.get(LIST_URL, {"status": "signed_up", "format": "csv"}))
    response = client.get(LIST_URL, {"status": "signed_up", "format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    xlsx_rows = [
        ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert xlsx_rows == csv_rows


def test_an_unknown_export_format_shows_the_page_with_a_message(client, partnership):
    response = client.get(LIST_URL, {"format": "pdf"})
    assert response.status_code == 200
    assert "We cannot export &#39;pdf&#39;: choose CSV or XLSX." in response.content.decode()


def test_list_view_queries_do_not_grow_with_rows(client, terms):
    def make(n):
        while Organisation.objects.count() < n:
            organisation = OrganisationFactory()
            MembershipFactory(organisation=organisation, term=terms[1])

    # The current term, the page's count and rows, and the terms to choose from.
    assert_same_queries(make, lambda: client.get(LIST_URL), budget=5)


def test_detail_for_a_visitor_shows_the_record_but_not_people_or_history(
    client, partnership, member
):
    response = client.get("/organisations/aberdeen-city/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aberdeen City Council" in html
    assert "S12000033" in html
    assert "Signed up at the launch." in html
    assert "1 October 2016" in html
    assert "4 July 2019" in html
    assert "to see the people from Aberdeen City" in html
    assert member.full_name not in html
    assert 'id="history"' not in html


def test_detail_for_a_member_shows_people_and_history(
    client_for, partnership, member, programme_office
):
    colleague = UserFactory(
        organisation=member.organisation,
        full_name="Fiona Stewart",
        job_title="Digital Lead",
        is_project_lead=True,
    )
    services.organisation_update(
        actor=programme_office,
        organisation=member.organisation,
        data={"website": "https://www.aberdeencity.gov.uk"},
    )
    html = client_for(member).get("/organisations/aberdeen-city/").content.decode()
    assert "Fiona Stewart" in html
    assert "Digital Lead" in html
    assert "Project lead, Member" in html
    assert colleague.email not in html
    assert 'id="history"' in html
    assert programme_office.display_name in html
    assert "https://www.aberdeen-city.gov.uk</del>" in html
    assert "https://www.aberdeencity.gov.uk</ins>" in html
    assert "Change details" not in html


def test_detail_of_an_unknown_organisation_is_404(client, db):
    assert client.get("/organisations/atlantis/").status_code == 404


def test_detail_view_queries_do_not_grow_with_people(client_for, programme_office, terms):
    council = OrganisationFactory(name="Fife", slug="fife")
    client = client_for(programme_office)

    def make(n):
        while council.people.count() < n:
            UserFactory(organisation=council)
            services.organisation_update(
                actor=programme_office,
                organisation=council,
                data={"short_code": f"F{council.people.count()}"},
            )

    # The partnership's own parts, then the projects, pledges, capacity and matching needs
    # recruitment draws on the council's page.
    assert_same_queries(make, lambda: client.get("/organisations/fife/"), budget=14)


def test_programme_office_edits_an_organisation(client_for, programme_office, council):
    client = client_for(programme_office)
    page = client.get("/organisations/aberdeen-city/edit/")
    assert page.status_code == 200
    assert 'name="updated_at"' in page.content.decode()
    response = client.post(
        "/organisations/aberdeen-city/edit/",
        {
            "name": "Aberdeen",
            "website": "https://www.aberdeencity.gov.uk",
            "active": "on",
            "updated_at": council.updated_at.isoformat(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/organisations/aberdeen-city/"
    council.refresh_from_db()
    assert council.name == "Aberdeen"
    assert council.history.first().history_user == programme_office
    follow = client.get("/organisations/aberdeen-city/").content.decode()
    assert "Saved the changes to Aberdeen." in follow


def test_edit_shows_the_error_summary_on_bad_input(client_for, programme_office, council):
    response = client_for(programme_office).post(
        "/organisations/aberdeen-city/edit/",
        {"name": "", "website": "not a website", "updated_at": council.updated_at.isoformat()},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Change Aberdeen City" in html
    assert "There is a problem" in html
    assert 'href="#id_name"' in html
    assert 'href="#id_website"' in html
    assert 'value="not a website"' in html
    council.refresh_from_db()
    assert council.name == "Aberdeen City"


def test_edit_reports_a_conflict_and_keeps_the_input(client_for, programme_office, council):
    seen = council.updated_at
    other_office = UserFactory(
        organisation=programme_office.organisation,
        is_programme_office=True,
        full_name="Rachel Hughes",
    )
    services.organisation_update(
        actor=other_office,
        organisation=council,
        data={"website": "https://www.aberdeencity.gov.uk"},
    )
    client = client_for(programme_office)
    response = client.post(
        "/organisations/aberdeen-city/edit/",
        {"name": "Aberdeen (mine)", "website": "", "updated_at": seen.isoformat()},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Rachel Hughes changed this organisation" in html
    assert 'value="Aberdeen (mine)"' in html
    # The saved details are shown as they are, not as typed.
    start = html.index('id="current-values"')
    current = html[start : html.index("<form", start)]
    assert "Aberdeen City" in current
    assert "Aberdeen (mine)" not in current
    council.refresh_from_db()
    assert council.name == "Aberdeen City"
    assert council.website == "https://www.aberdeencity.gov.uk"
    # The form now carries the latest version: saving again is a deliberate overwrite.
    assert f'value="{council.updated_at.isoformat()}"' in html
    again = client.post(
        "/organisations/aberdeen-city/edit/",
        {"name": "Aberdeen (mine)", "website": "", "updated_at": council.updated_at.isoformat()},
    )
    assert again.status_code == 302
    council.refresh_from_db()
    assert council.name == "Aberdeen (mine)"


def test_edit_of_an_unknown_organisation_is_404(client_for, programme_office):
    assert client_for(programme_office).get("/organisations/atlantis/edit/").status_code == 404


def test_terms_page_shows_dates_chart_and_table(client, partnership):
    response = client.get("/terms/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 October 2016 to 30 September 2019" in html
    assert "1 October 2019 to 30 September 2021" in html
    assert 'id="term-membership"' in html
    assert 'id="term-membership-table"' in html
    assert 'id="first-term-growth"' in html
    assert "Oct to Dec 2016" in html


def test_terms_page_with_no_terms(client, db):
    response = client.get("/terms/")
    assert response.status_code == 200
    assert "No programme terms have been set up yet." in response.content.decode()


def test_terms_view_queries_do_not_grow(client, terms):
    def make(n):
        while Organisation.objects.count() < n:
            MembershipFactory(organisation=OrganisationFactory(), term=terms[0])

    assert_same_queries(make, lambda: client.get("/terms/"), budget=4)


PAGES = {
    "list": "/organisations/",
    "list_export": "/organisations/?format=csv",
    "detail": "/organisations/aberdeen-city/",
    "edit": "/organisations/aberdeen-city/edit/",
    "terms": "/terms/",
}

# role -> status for each page; the edit page sends visitors to sign in.
MATRIX = {
    "anonymous": {"list": 200, "list_export": 200, "detail": 200, "edit": 302, "terms": 200},
    "member": {"list": 200, "list_export": 200, "detail": 200, "edit": 403, "terms": 200},
    "organisation_lead": {
        "list": 200,
        "list_export": 200,
        "detail": 200,
        "edit": 403,
        "terms": 200,
    },
    "project_lead": {"list": 200, "list_export": 200, "detail": 200, "edit": 403, "terms": 200},
    "board_member": {"list": 200, "list_export": 200, "detail": 200, "edit": 403, "terms": 200},
    "programme_office": {"list": 200, "list_export": 200, "detail": 200, "edit": 200, "terms": 200},
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_permission_matrix_over_every_partnership_page(
    role, user_for_role, client_for, partnership
):
    user = user_for_role(role)
    client = client_for(user)
    actual = {name: client.get(url).status_code for name, url in PAGES.items()}
    assert actual == MATRIX[role]
    post = client.post(
        PAGES["edit"],
        {"name": "Taken over", "updated_at": partnership["council"].updated_at.isoformat()},
    )
    # Visitors are sent to sign in, members refused, the programme office saves and returns.
    assert post.status_code == {"anonymous": 302, "programme_office": 302}.get(role, 403)
    partnership["council"].refresh_from_db()
    assert (partnership["council"].name == "Taken over") == (role == "programme_office")
    detail = client.get(PAGES["detail"]).content.decode()
    assert ("Change details" in detail) == (role == "programme_office")
    assert ('id="people-table"' in detail or "Nobody from" in detail) == (role != "anonymous")


def test_the_edit_page_sends_visitors_to_sign_in(client, council):
    response = client.get("/organisations/aberdeen-city/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
