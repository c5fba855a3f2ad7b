import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from heartbeat.core.formatting import uk_month
from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
)
from heartbeat.skills.models import UserSkill
from tests.conftest import ROLE_FIXTURES
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.querybudget import queries_for
from tests.recruitment.factories import make_pledge
from tests.skills.factories import SkillFactory

# Needs run for six months from this month, so they are open needs whatever the date.
START = first_of_month(timezone.localdate())
MONTHS = [add_months(START, i) for i in range(6)]
FOURTH, FIFTH, END = MONTHS[3], MONTHS[4], MONTHS[5]


def ym(month):
    return f"{month:%Y-%m}"


@pytest.fixture
def project(db):
    return ProjectFactory(
        stage=Stage.RECRUITING,
        title="Office 365 federation",
        slug="office-365-federation",
        visibility=Visibility.PUBLIC,
    )


@pytest.fixture
def requirement(project):
    return ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Technical architect"),
        people=1,
        days_per_month=Decimal("4"),
        start_month=START,
        end_month=END,
    )


@pytest.fixture
def colleague(council):
    return UserFactory(organisation=council, full_name="Morag Reid")


@pytest.fixture
def pledge(requirement, council, organisation_lead, colleague):
    return make_pledge(
        requirement,
        council,
        organisation_lead,
        person_id=colleague.pk,
        start_month=START,
        end_month=END,
        adjustments=[(FOURTH, 2), (FIFTH, 2)],
    )


def expect(response, status: int):
    """A page's status, with sign-in redirects counted as 302."""
    assert response.status_code == status, (response.status_code, response.content[:300])


# Permission matrix: role x page ----------------------------------------------------------------

PAGE_MATRIX = {
    # page: {role: status}
    "open_needs": dict.fromkeys(ROLE_FIXTURES, 200),
    "recruiting": dict.fromkeys(ROLE_FIXTURES, 200),
    "help": {
        "anonymous": 302,
        "member": 403,
        "organisation_lead": 200,
        "project_lead": 403,
        "board_member": 403,
        "programme_office": 200,
    },
    "contributions": {**dict.fromkeys(ROLE_FIXTURES, 200), "anonymous": 302},
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("page", PAGE_MATRIX)
def test_page_permissions(client_for, user_for_role, role, page, requirement):
    response = client_for(user_for_role(role)).get(reverse(f"recruitment:{page}"))
    expect(response, PAGE_MATRIX[page][role])


# Capacity: own organisation against another ---------------------------------------------------

CAPACITY_VIEW = {
    "anonymous": 302,
    "member": 200,  # Aberdeen City's own people
    "organisation_lead": 200,
    "project_lead": 200,
    "board_member": 403,  # of Angus
    "programme_office": 200,
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_capacity_page_is_for_the_organisations_people(client_for, user_for_role, role, council):
    response = client_for(user_for_role(role)).get(
        reverse("recruitment:capacity_for", args=[council.slug])
    )
    expect(response, CAPACITY_VIEW[role])


CAPACITY_DECLARE = {
    "anonymous": 302,
    "member": 403,
    "organisation_lead": 302,
    "project_lead": 403,
    "board_member": 403,
    "programme_office": 302,
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_declaring_capacity(client_for, user_for_role, role, council):
    response = client_for(user_for_role(role)).post(
        reverse("recruitment:capacity_for", args=[council.slug]),
        {"days_per_month": "12", "start_month": "2026-04", "end_month": "2027-03"},
    )
    expect(response, CAPACITY_DECLARE[role])
    declared = OrganisationCapacity.objects.filter(organisation=council).exists()
    assert declared == (role in ("organisation_lead", "programme_office"))


def test_another_councils_lead_cannot_see_or_declare_capacity(
    client_for, other_organisation_lead, council
):
    client = client_for(other_organisation_lead)
    url = reverse("recruitment:capacity_for", args=[council.slug])
    expect(client.get(url), 403)
    expect(client.post(url, {"days_per_month": "1", "start_month": "2026-04"}), 403)


def test_capacity_redirects_to_ones_own_organisation(client_for, organisation_lead, council):
    response = client_for(organisation_lead).get(reverse("recruitment:capacity"))
    assert response.url == reverse("recruitment:capacity_for", args=[council.slug])


def test_capacity_page_warns_when_over(client_for, organisation_lead, council, pledge):
    client = client_for(organisation_lead)
    client.post(
        reverse("recruitment:capacity_for", args=[council.slug]),
        {"days_per_month": "3", "start_month": ym(START), "end_month": ym(MONTHS[2])},
    )
    response = client.get(reverse("recruitment:capacity_for", args=[council.slug]))
    html = response.content.decode()
    assert "more days are pledged than declared" in html
    assert f"{uk_month(START)} (by 1.0 days)" in html
    assert "Over by 1.0 days" in html


def test_capacity_form_shows_errors(client_for, organisation_lead, council):
    response = client_for(organisation_lead).post(
        reverse("recruitment:capacity_for", args=[council.slug]),
        {"days_per_month": "-2", "start_month": "April", "end_month": ""},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter a month like April 2027 or 2027-04" in html


def test_removing_capacity_is_for_its_organisation(
    client_for, organisation_lead, other_organisation_lead, council
):
    capacity = OrganisationCapacity.objects.create(
        organisation=council, days_per_month=5, start_month=START, end_month=END
    )
    url = reverse("recruitment:capacity_remove", args=[council.slug, capacity.pk])
    expect(client_for(other_organisation_lead).post(url), 403)
    expect(client_for(organisation_lead).post(url), 302)
    assert not OrganisationCapacity.objects.exists()


# Participation ----------------------------------------------------------------------------------

PARTICIPATE = {
    "anonymous": 302,
    "member": 403,
    "organisation_lead": 302,
    "project_lead": 403,
    "board_member": 403,
    "programme_office": 302,
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_joining_a_project(client_for, user_for_role, role, project):
    user = user_for_role(role)
    response = client_for(user).post(
        reverse("recruitment:participation", args=[project.slug]), {"status": "committed"}
    )
    expect(response, PARTICIPATE[role])
    joined = Participation.objects.filter(project=project, status="committed")
    assert joined.exists() == (PARTICIPATE[role] == 302 and role != "anonymous")


def test_a_lead_acts_only_for_their_own_organisation(
    client_for, other_organisation_lead, project, council, other_council
):
    client_for(other_organisation_lead).post(
        reverse("recruitment:participation", args=[project.slug]),
        {"status": "interested", "organisation": council.slug},
    )
    assert not Participation.objects.filter(organisation=council).exists()
    assert Participation.objects.get(organisation=other_council).status == "interested"


def test_the_programme_office_acts_for_a_named_organisation(
    client_for, programme_office, project, council
):
    url = reverse("recruitment:participation", args=[project.slug])
    response = client_for(programme_office).get(url + f"?organisation={council.slug}")
    assert "Aberdeen City is not taking part" in response.content.decode()
    client_for(programme_office).post(url, {"status": "interested", "organisation": council.slug})
    assert Participation.objects.get(organisation=council).status == "interested"


def test_withdrawing_without_a_reason_shows_the_error(
    client_for, organisation_lead, project, council
):
    client = client_for(organisation_lead)
    url = reverse("recruitment:participation", args=[project.slug])
    client.post(url, {"status": "committed"})
    response = client.post(url, {"status": "withdrawn", "role": "participant", "reason": ""})
    assert response.status_code == 422
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Give a reason for withdrawing" in html
    response = client.post(url, {"status": "withdrawn", "role": "participant", "reason": "Cuts"})
    assert response.status_code == 302
    participation = Participation.objects.get(organisation=council)
    assert (participation.status, participation.reason) == (ParticipationStatus.WITHDRAWN, "Cuts")


# Pledging ---------------------------------------------------------------------------------------

PLEDGE_PAGE = {
    "anonymous": 302,
    "member": 403,
    "organisation_lead": 200,
    "project_lead": 403,
    "board_member": 403,
    "programme_office": 200,  # first asked which organisation
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_pledge_page_permissions(client_for, user_for_role, role, requirement):
    response = client_for(user_for_role(role)).get(
        reverse("recruitment:pledge_create", args=[requirement.pk])
    )
    expect(response, PLEDGE_PAGE[role])


def pledge_post(**changes):
    data = {
        "person": "",
        "capacity_label": "",
        "level": "practitioner",
        "days_per_month": "4",
        "start_month": ym(START),
        "end_month": ym(END),
        "adjustment_0_month": ym(FOURTH),
        "adjustment_0_days": "2",
        "adjustment_1_month": ym(FIFTH),
        "adjustment_1_days": "2",
        "notes": "",
    }
    data.update(changes)
    return data


def test_pledge_a_named_person_with_a_summer_reduction(
    client_for, organisation_lead, requirement, colleague, project
):
    url = reverse("recruitment:pledge_create", args=[requirement.pk])
    client = client_for(organisation_lead)
    page = client.get(url).content.decode()
    assert "Morag Reid" in page
    assert "Technical architect" in page

    response = client.post(url, pledge_post(person=str(colleague.pk)))

    assert response.status_code == 302
    assert response.url == f"/projects/{project.slug}/#coverage"
    pledge = Pledge.objects.get()
    assert pledge.person == colleague
    assert pledge.total_days == Decimal("20")
    assert list(pledge.adjustments.values_list("days", flat=True)) == [Decimal(2), Decimal(2)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"days_per_month": "0"}, "Days per month must be more than 0"),
        ({"days_per_month": "-3"}, "Days per month must be more than 0"),
        ({"days_per_month": "many"}, "Enter the days per month as a number"),
        (
            {"start_month": ym(FOURTH), "end_month": ym(MONTHS[1])},
            "The last month must be the same",
        ),
        ({"start_month": ym(add_months(START, -12))}, "Select a valid choice"),
        ({"adjustment_0_days": "9"}, "must be 0 or more days and fewer than the usual 4"),
        ({"adjustment_0_days": ""}, f"Enter the days in {uk_month(FOURTH)}, or 0"),
    ],
)
def test_pledge_form_shows_errors_in_the_summary(
    client_for, organisation_lead, requirement, changes, message
):
    response = client_for(organisation_lead).post(
        reverse("recruitment:pledge_create", args=[requirement.pk]), pledge_post(**changes)
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert not Pledge.objects.exists()


def test_pledging_someone_from_another_council_is_refused(
    client_for, organisation_lead, requirement, other_council
):
    stranger = UserFactory(organisation=other_council, full_name="Iain Stewart")
    response = client_for(organisation_lead).post(
        reverse("recruitment:pledge_create", args=[requirement.pk]),
        pledge_post(person=str(stranger.pk)),
    )
    # The list offers only the council's own people.
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()


def test_the_programme_office_chooses_the_organisation_first(
    client_for, programme_office, requirement, council
):
    client = client_for(programme_office)
    url = reverse("recruitment:pledge_create", args=[requirement.pk])
    assert "Which organisation is pledging?" in client.get(url).content.decode()
    response = client.post(
        url + f"?organisation={council.slug}", pledge_post(capacity_label="A developer")
    )
    assert response.status_code == 302
    assert Pledge.objects.get().organisation == council


def test_no_pledges_on_a_closed_project(client_for, organisation_lead, requirement, project):
    project.stage = Stage.CLOSED
    project.save()
    response = client_for(organisation_lead).post(
        reverse("recruitment:pledge_create", args=[requirement.pk]), pledge_post()
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "takes no more pledges" in html
    assert 'id="id_days_per_month"' not in html


PLEDGE_CHANGE = {
    "anonymous": 302,
    "member": 403,
    "organisation_lead": 200,
    "project_lead": 403,
    "board_member": 403,
    "programme_office": 200,
}


@pytest.mark.parametrize("page", ["pledge_edit", "pledge_withdraw"])
@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_changing_a_pledge_is_for_its_organisation(client_for, user_for_role, role, page, pledge):
    response = client_for(user_for_role(role)).get(reverse(f"recruitment:{page}", args=[pledge.pk]))
    expect(response, PLEDGE_CHANGE[role])


@pytest.mark.parametrize("page", ["pledge_edit", "pledge_withdraw"])
def test_another_councils_lead_cannot_change_a_pledge(
    client_for, other_organisation_lead, pledge, page
):
    url = reverse(f"recruitment:{page}", args=[pledge.pk])
    expect(client_for(other_organisation_lead).post(url, {"reason": "x"}), 403)
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.ACTIVE


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_pledge_page_is_for_signed_in_members(client_for, user_for_role, role, pledge):
    response = client_for(user_for_role(role)).get(
        reverse("recruitment:pledge_detail", args=[pledge.pk])
    )
    expect(response, 302 if role == "anonymous" else 200)


def test_pledge_page_shows_history(client_for, organisation_lead, pledge):
    client = client_for(organisation_lead)
    client.post(
        reverse("recruitment:pledge_edit", args=[pledge.pk]),
        pledge_post(person=str(pledge.person_id), days_per_month="3", version="1"),
    )
    html = client.get(reverse("recruitment:pledge_detail", args=[pledge.pk])).content.decode()
    history = html[html.index('id="pledge-history"') :]
    assert "Days per month" in history
    assert "<del>4</del>" in history and "<ins>3</ins>" in history


def test_a_stale_edit_shows_the_conflict_and_keeps_the_input(
    client_for, organisation_lead, programme_office, pledge
):
    url = reverse("recruitment:pledge_edit", args=[pledge.pk])
    client_for(programme_office).post(
        url, pledge_post(person=str(pledge.person_id), days_per_month="5", version="1")
    )

    response = client_for(organisation_lead).post(
        url, pledge_post(person=str(pledge.person_id), days_per_month="3.5", version="1")
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "after you opened it" in html
    assert "The pledge as it is now saved" in html
    assert 'value="3.5"' in html  # the second editor's input is kept
    assert 'name="version" value="2"' in html
    pledge.refresh_from_db()
    assert pledge.days_per_month == Decimal("5")


def test_withdrawing_a_pledge(client_for, organisation_lead, pledge, project):
    client = client_for(organisation_lead)
    url = reverse("recruitment:pledge_withdraw", args=[pledge.pk])
    response = client.post(url, {"reason": "", "version": "1"})
    assert response.status_code == 422
    assert "Give a reason for withdrawing the pledge" in response.content.decode()

    response = client.post(url, {"reason": "Needed for budget setting", "version": "1"})
    assert response.url == f"/projects/{project.slug}/#coverage"
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.WITHDRAWN


# The project page sections -------------------------------------------------------------------


def test_project_page_shows_participants_coverage_and_heat_map(
    client_for, organisation_lead, pledge, project
):
    html = client_for(organisation_lead).get(project.get_absolute_url()).content.decode()
    assert 'id="participants"' in html
    assert 'id="coverage"' in html
    assert "Aberdeen City" in html
    assert "Committed" in html
    # 4 + 4 + 4 + 2 + 2 + 4 = 20 of 24 days: 83%.
    assert '<span class="hb-coverage-figure" id="coverage-percent">83%</span>' in html
    assert "2.0 of 4.0" in html and "hb-heat--part" in html
    assert "Key to the colours" in html
    assert "Morag Reid" in html
    assert "Pledge<span" in html


def test_visitors_see_coverage_but_not_who_is_pledged(client_for, pledge, project):
    html = client_for(None).get(project.get_absolute_url()).content.decode()
    assert "83%" in html
    assert "Morag Reid" not in html
    assert "A named person" in html
    assert "Join the project" not in html


def test_organisation_lead_sees_join_buttons(client_for, organisation_lead, project, requirement):
    html = client_for(organisation_lead).get(project.get_absolute_url()).content.decode()
    assert "Express interest" in html
    assert "Join the project" in html


def test_project_page_queries_do_not_grow_with_pledges(
    client_for, programme_office, project, requirement
):
    from tests.factories import OrganisationFactory

    client = client_for(programme_office)
    url = project.get_absolute_url()

    def add(n):
        for _ in range(n):
            organisation = OrganisationFactory()
            make_pledge(
                ResourceRequirementFactory(project=project, start_month=START, end_month=END),
                organisation,
                programme_office,
                person_id=UserFactory(organisation=organisation).pk,
                start_month=START,
                end_month=END,
                adjustments=[(FOURTH, 1)],
            )

    add(3)
    few = queries_for(lambda: client.get(url))
    add(27)
    many = queries_for(lambda: client.get(url))
    assert few == many


# Open needs, exports, where to help, contributions -------------------------------------------


def test_open_needs_filters_and_export_match(client_for, member, requirement):
    other = ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING),
        skill=SkillFactory(name="Developer"),
        start_month=START,
        end_month=END,
    )
    client = client_for(member)
    html = client.get(reverse("recruitment:open_needs") + "?skill=developer").content.decode()
    assert other.project.title in html
    assert "Office 365 federation" not in html

    response = client.get(reverse("recruitment:open_needs") + "?skill=developer&format=csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][0] == "Project"
    assert [r[0] for r in rows[1:]] == [other.project.title]

    response = client.get(reverse("recruitment:open_needs") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet.max_row == 3  # headers and both needs


def test_open_needs_reports_bad_filters(client_for, member):
    html = client_for(member).get(reverse("recruitment:open_needs") + "?month=July").content
    assert "is not a month like 2026-07" in html.decode()


def test_where_to_help_lists_matching_needs(client_for, organisation_lead, requirement, colleague):
    UserSkill.objects.create(user=colleague, skill=requirement.skill, level="expert")
    html = client_for(organisation_lead).get(reverse("recruitment:help")).content.decode()
    assert "Office 365 federation" in html
    assert "Morag Reid (expert)" in html


def test_contributions_chart_has_its_table_and_exports(client_for, member, pledge):
    client = client_for(member)
    html = client.get(reverse("recruitment:contributions")).content.decode()
    assert 'id="contributions-days"' in html
    assert 'id="contributions-days-table"' in html
    assert "Days pledged by organisation (table)" in html
    response = client.get(reverse("recruitment:contributions") + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    page = "http://testserver/organisations/aberdeen-city/"
    assert ["Aberdeen City", "20.0", "1", "1", "0", page] in rows


def test_recruiting_projects_sorted(client_for, member, requirement):
    url = reverse("recruitment:recruiting")
    html = client_for(member).get(url + "?sort=coverage").content.decode()
    assert "Office 365 federation" in html
    assert '<strong aria-current="true">Lowest coverage</strong>' in html


def test_contributions_chart_the_biggest_and_table_everyone(client_for, member, pledge):
    from tests.factories import OrganisationFactory

    OrganisationFactory.create_batch(45)
    html = client_for(member).get(reverse("recruitment:contributions")).content.decode()
    assert "The charts show the 40 organisations giving the most days" in html
    chart = html[html.index('id="contributions-days-table"') :]
    chart = chart[: chart.index("</table>")]
    assert chart.count("<tr>") == 41  # the header and 40 organisations
    assert "Aberdeen City" in chart  # the biggest contributor is charted
    full = html[html.index('id="contributions-table"') :]
    assert full[: full.index("</table>")].count("<tr>") == 48  # everyone, and the header


def test_participation_page_shows_its_history(client_for, organisation_lead, project):
    client = client_for(organisation_lead)
    url = reverse("recruitment:participation", args=[project.slug])
    client.post(url, {"status": "interested"})
    client.post(url, {"status": "withdrawn", "role": "participant", "reason": "No capacity"})
    html = client.get(url).content.decode()
    history = html[html.index('id="participation-history"') :]
    newest, oldest = history.split('class="hb-history__entry"')[1:3]
    assert "<ins>Withdrawn</ins>" in newest and "<ins>No capacity</ins>" in newest
    assert "Added the participation" in oldest and "Status: Interested" in oldest


@pytest.mark.parametrize(
    "url",
    [
        "/recruitment/needs/",
        "/recruitment/needs/?format=csv",
        "/recruitment/where-we-can-help/",
        "/recruitment/recruiting/",
        "/recruitment/contributions/",
    ],
)
def test_list_pages_run_the_same_queries_at_3_and_30_rows(
    client_for, organisation_lead, council, programme_office, url
):
    from tests.factories import OrganisationFactory
    from tests.querybudget import assert_same_queries

    client = client_for(organisation_lead)
    skill = SkillFactory(name="Developer")
    UserSkill.objects.create(user=UserFactory(organisation=council), skill=skill, level="expert")

    def make_rows(n):
        while Pledge.objects.count() < n:
            requirement = ResourceRequirementFactory(
                project=ProjectFactory(stage=Stage.RECRUITING),
                skill=skill,
                people=2,
                start_month=START,
                end_month=END,
            )
            organisation = OrganisationFactory()
            make_pledge(
                requirement,
                organisation,
                programme_office,
                person_id=UserFactory(organisation=organisation).pk,
                start_month=START,
                end_month=END,
                adjustments=[(FOURTH, 1)],
            )

    def run():
        response = client.get(url)
        assert response.status_code == 200
        response.getvalue()  # a download reads its rows while it is sent

    assert_same_queries(make_rows, run, budget=20)


def test_capacity_declared_for_a_financial_year_is_written_as_one(
    client_for, organisation_lead, council
):
    from tests.recruitment.factories import OrganisationCapacityFactory

    OrganisationCapacityFactory(organisation=council, days_per_month=Decimal("20"))
    OrganisationCapacityFactory(
        organisation=council,
        days_per_month=Decimal("6"),
        start_month=datetime.date(2027, 4, 1),
        end_month=datetime.date(2027, 9, 1),
    )
    url = reverse("recruitment:capacity_for", args=[council.slug])
    html = client_for(organisation_lead).get(url).content.decode()
    assert "20.0 days a month in 2026-27" in html
    assert "6.0 days a month from April 2027 to September 2027" in html


def test_a_pledge_link_names_the_need_with_the_right_article(
    client_for, organisation_lead, project
):
    ResourceRequirementFactory(
        project=project,
        skill=SkillFactory(name="Interaction designer"),
        people=1,
        days_per_month=Decimal("2"),
        start_month=START,
        end_month=END,
    )
    html = client_for(organisation_lead).get(project.get_absolute_url()).content.decode()
    assert 'Pledge<span class="visually-hidden"> an interaction designer</span>' in html
