"""People's pages and the programme office's people administration, as people meet them."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from heartbeat.accounts import services
from heartbeat.accounts.models import Role, User
from tests.factories import UserFactory
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "organisation_lead", "project_lead", "board_member"]


@pytest.fixture
def colleague(council):
    return UserFactory(
        organisation=council,
        full_name="Morag Reid",
        email="morag.reid@aberdeencity.gov.uk",
        job_title="Service Designer",
    )


def _post(client, name, person, **data):
    return client.post(reverse(f"people:{name}", args=[person.pk]), data)


# The list ----------------------------------------------------------------------------------


def test_the_list_filters_by_organisation_role_and_account(
    client_for, programme_office, colleague, organisation_lead, other_council
):
    UserFactory(organisation=other_council, full_name="angus person", is_board_member=True)
    leaver = UserFactory(organisation=other_council, full_name="Left Already", is_active=False)
    client = client_for(programme_office)

    def names(**params):
        html = client.get(reverse("people:people_list"), params).content.decode()
        return [n for n in ("Morag Reid", "angus person", "Left Already") if n in html]

    assert names() == ["Morag Reid", "angus person"]
    assert names(organisation="angus") == ["angus person"]
    assert names(role=Role.BOARD_MEMBER) == ["angus person"]
    assert names(role="member", organisation="aberdeen-city") == ["Morag Reid"]
    assert names(active="no") == ["Left Already"]
    assert names(active="all", q="left") == ["Left Already"]
    assert leaver.pk


def test_the_list_sorts_names_whatever_their_case(client_for, programme_office, council):
    for name in ("zoe Adams", "Alan Bell", "bella Cruz"):
        UserFactory(organisation=council, full_name=name)
    html = client_for(programme_office).get(reverse("people:people_list")).content.decode()
    positions = [html.index(name) for name in ("Alan Bell", "bella Cruz", "zoe Adams")]
    assert positions == sorted(positions)


def test_bad_filters_are_ignored_and_said(client_for, programme_office, colleague):
    response = client_for(programme_office).get(
        reverse("people:people_list"),
        {"role": "wizard", "organisation": "atlantis", "q": "x" * 101},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "We ignored the role filter because &#39;wizard&#39; is not one of the choices" in html
    assert "We ignored the organisation filter" in html
    assert "We ignored the name filter" in html
    assert "Morag Reid" in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_list_exports_what_it_shows(client_for, programme_office, colleague, fmt):
    UserFactory(organisation=colleague.organisation, full_name="=HYPERLINK(evil)")
    response = client_for(programme_office).get(
        reverse("people:people_list"), {"format": fmt, "organisation": "aberdeen-city"}
    )
    assert response.status_code == 200
    today = timezone.localdate()
    filename = f"people-{today:%Y-%m-%d}.{fmt}"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        rows = [
            [c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)
        ]
        kinds = {row[0].value: row[0].data_type for row in sheet.iter_rows(min_row=2)}
    assert rows[0][:6] == ["Name", "Email", "Job title", "Organisation", "Roles", "Account"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Morag Reid"][1] == "morag.reid@aberdeencity.gov.uk"
    assert by_name["Morag Reid"][3] == "Aberdeen City"
    assert by_name["Morag Reid"][5] == "Active"
    # Spreadsheet formulas are made harmless: a CSV guards them with an apostrophe; an XLSX
    # file keeps the name exactly, in a text cell that is never run as a formula.
    if fmt == "csv":
        assert "'=HYPERLINK(evil)" in by_name
    else:
        assert kinds["=HYPERLINK(evil)"] == "s"


def test_the_list_costs_the_same_at_3_and_30_people(client_for, programme_office, council):
    client = client_for(programme_office)

    def make(n):
        while User.objects.filter(organisation=council).count() < n:
            UserFactory(organisation=council)

    assert_same_queries(make, lambda: client.get(reverse("people:people_list")), budget=6)


# A person's page ---------------------------------------------------------------------------


def test_a_persons_page_shows_their_organisation_roles_and_skills(client_for, member, colleague):
    from heartbeat.skills.models import UserSkill
    from tests.skills.factories import SkillFactory

    skill = SkillFactory(name="Service designer")
    UserSkill.objects.create(user=colleague, skill=skill, level="practitioner")
    html = client_for(member).get(colleague.get_absolute_url()).content.decode()
    assert "Morag Reid" in html
    assert "Aberdeen City" in html
    assert "Service Designer" in html
    assert "Service designer" in html and "(practitioner)" in html
    assert 'id="load"' in html and "Pledged days by month" in html
    # Their own organisation sees the email; the programme office's tools are not shown.
    assert "morag.reid@aberdeencity.gov.uk" in html
    assert "Manage this account" not in html
    assert "History of this account" not in html


def test_another_organisations_member_sees_no_email(client_for, board_member, colleague):
    html = client_for(board_member).get(colleague.get_absolute_url()).content.decode()
    assert "Morag Reid" in html
    assert "morag.reid@aberdeencity.gov.uk" not in html


def test_the_programme_office_sees_the_tools_and_the_history(
    client_for, programme_office, colleague
):
    services.user_set_roles(
        actor=programme_office, user=colleague, roles=[Role.PROJECT_LEAD], reason="Leads telecare"
    )
    html = client_for(programme_office).get(colleague.get_absolute_url()).content.decode()
    assert "Manage this account" in html
    assert reverse("people:person_deactivate", args=[colleague.pk]) in html
    assert "History of this account" in html
    assert "Roles changed" in html and "Leads telecare" in html
    assert programme_office.display_name in html


@pytest.mark.parametrize("role", ROLES + ["programme_office"])
def test_who_sees_a_leavers_page(client_for, user_for_role, role, programme_office, colleague):
    services.person_deactivate(actor=programme_office, person=colleague, reason="Left in November")
    user = user_for_role(role)
    response = client_for(user).get(colleague.get_absolute_url())
    if role == "anonymous":
        assert response.status_code == 302
    elif role in ("programme_office", "organisation_lead"):
        # organisation_lead leads Aberdeen City, the leaver's council: they reassign.
        html = response.content.decode()
        assert response.status_code == 200
        assert "This account is deactivated" in html
        assert "#reassign" in html
        # Why they left is the programme office's to see.
        assert ("Left in November" in html) is (role == "programme_office")
    else:
        assert response.status_code == 404


def test_an_unknown_person_is_404(client_for, member):
    assert client_for(member).get(reverse("people:person_detail", args=[999999])).status_code == 404


def test_a_persons_page_costs_the_same_with_3_and_30_pledges(
    client_for, programme_office, colleague, pledge_for
):
    client = client_for(programme_office)

    def make(n):
        # Half a day a month each: 30 pledges stay within the working days of every month.
        while colleague.pledges.count() < n:
            pledge_for(
                colleague,
                title=f"Pledged project {colleague.pledges.count()}",
                days_per_month=Decimal("0.5"),
            )

    assert_same_queries(make, lambda: client.get(colleague.get_absolute_url()), budget=14)


# Changes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["person_roles", "person_move", "person_deactivate"])
@pytest.mark.parametrize("role", ROLES)
def test_only_the_programme_office_opens_the_change_pages(
    client_for, user_for_role, role, name, colleague
):
    client = client_for(user_for_role(role))
    url = reverse(f"people:{name}", args=[colleague.pk])
    response = client.get(url)
    assert response.status_code == (302 if role == "anonymous" else 403)
    response = client.post(url, {"reason": "x", "version": 1, "roles": ["programme_office"]})
    assert response.status_code == (302 if role == "anonymous" else 403)
    colleague.refresh_from_db()
    assert colleague.is_active and not colleague.is_programme_office


@pytest.mark.parametrize("role", ROLES)
def test_only_the_programme_office_sees_the_people_list(client_for, user_for_role, role):
    response = client_for(user_for_role(role)).get(reverse("people:people_list"))
    assert response.status_code == (302 if role == "anonymous" else 403)


def test_changing_roles_through_the_form(client_for, programme_office, colleague):
    client = client_for(programme_office)
    page = client.get(reverse("people:person_roles", args=[colleague.pk])).content.decode()
    assert 'name="version" value="1"' in page
    response = _post(
        client,
        "person_roles",
        colleague,
        roles=["organisation_lead", "board_member"],
        reason="Appointed to lead the council's digital work",
        version=1,
    )
    assert response.status_code == 302
    assert response["Location"] == colleague.get_absolute_url()
    colleague.refresh_from_db()
    assert colleague.roles == ["organisation_lead", "board_member"]


def test_a_change_without_a_reason_is_explained_in_the_error_summary(
    client_for, programme_office, colleague
):
    response = _post(
        client_for(programme_office), "person_roles", colleague, roles=["board_member"], version=1
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "There is a problem" in html
    assert 'href="#id_reason"' in html
    assert "Enter the reason for the change" in html
    # What they ticked is kept.
    assert 'value="board_member" checked' in html


def test_two_people_changing_the_same_person_do_not_overwrite_each_other(
    client_for, programme_office, colleague
):
    second = UserFactory(organisation=programme_office.organisation, is_programme_office=True)
    services.user_set_roles(
        actor=second, user=colleague, roles=["project_lead"], reason="Leads telecare"
    )
    response = _post(
        client_for(programme_office),
        "person_roles",
        colleague,
        roles=["board_member"],
        reason="Joined the board",
        version=1,
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert f"{second.display_name} changed" in html
    assert "Joined the board" in html  # kept for a deliberate second try
    assert 'name="version" value="2"' in html
    colleague.refresh_from_db()
    assert colleague.roles == ["project_lead"]


def test_moving_a_person_through_the_form(client_for, programme_office, colleague, other_council):
    response = _post(
        client_for(programme_office),
        "person_move",
        colleague,
        organisation="angus",
        reason="Joined Angus Council's digital team",
        version=1,
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.organisation == other_council


def test_deactivating_a_leaver_lists_their_pledges_first(
    client_for, programme_office, colleague, pledge_for
):
    pledge_for(colleague, title="Digital telecare")
    client = client_for(programme_office)
    page = client.get(reverse("people:person_deactivate", args=[colleague.pk])).content.decode()
    assert "Nothing is deleted" in page
    assert "Digital telecare" in page
    response = _post(
        client, "person_deactivate", colleague, reason="Left on 28 November 2026", version=1
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_active
    assert colleague.pledges.count() == 1


def test_the_programme_office_cannot_deactivate_itself_from_the_page(client_for, programme_office):
    client = client_for(programme_office)
    page = client.get(programme_office.get_absolute_url()).content.decode()
    assert reverse("people:person_deactivate", args=[programme_office.pk]) not in page
    response = _post(client, "person_deactivate", programme_office, reason="Leaving", version=1)
    assert response.status_code == 409
    assert "You cannot deactivate your own account" in response.content.decode()


def test_reactivating_through_the_form(client_for, programme_office, colleague):
    services.person_deactivate(actor=programme_office, person=colleague, reason="Left")
    client = client_for(programme_office)
    assert (
        reverse("people:person_reactivate", args=[colleague.pk])
        in client.get(colleague.get_absolute_url()).content.decode()
    )
    response = _post(client, "person_reactivate", colleague, reason="Back", version=2)
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_active


# Accounts without an organisation ----------------------------------------------------------


def test_an_account_without_an_organisation_is_prompted_to_join_one(client_for, council):
    admin = User.objects.create_superuser("admin@example.scot", "a-long-enough-password")
    client = client_for(admin)
    home = client.get("/").content.decode()
    assert "Join your organisation" in home
    assert reverse("people:person_move", args=[admin.pk]) in home
    # No council-only links: no council's projects, pledges or where-it-can-help.
    assert reverse("recruitment:help") not in home
    assert "Organisation lead" not in home
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "does not belong to an organisation yet" in profile
    assert reverse("recruitment:help") not in profile
    needs = client.get(reverse("recruitment:open_needs")).content.decode()
    assert reverse("recruitment:help") not in needs
    # Choosing one ends the prompt.
    client.post(
        reverse("people:person_move", args=[admin.pk]),
        {"organisation": "aberdeen-city", "reason": "I work for Aberdeen City", "version": 1},
    )
    assert "Join your organisation" not in client.get("/").content.decode()


def test_someone_else_without_an_organisation_is_told_to_ask(client_for):
    person = UserFactory(organisation=None)
    home = client_for(person).get("/").content.decode()
    assert "Ask the Digital Office to add you" in home
    assert reverse("people:person_move", args=[person.pk]) not in home


def test_an_organisation_lead_without_an_organisation_sees_no_lead_blocks(client_for):
    person = UserFactory(organisation=None, is_organisation_lead=True)
    home = client_for(person).get("/").content.decode()
    assert "Join your organisation" in home
    assert "Organisation lead" not in home


def test_an_account_without_an_organisation_sees_only_its_own_page(client_for, colleague):
    person = UserFactory(organisation=None)
    client = client_for(person)
    assert client.get(person.get_absolute_url()).status_code == 200
    assert client.get(colleague.get_absolute_url()).status_code == 404


def test_a_visitor_is_asked_to_sign_in_for_a_persons_page(client, colleague):
    response = client.get(colleague.get_absolute_url())
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]
