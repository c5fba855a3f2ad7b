"""The council page as a hub: for its own lead, for other signed-in people and for visitors."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from heartbeat.accounts import services as accounts_services
from heartbeat.core.months import add_months, first_of_month
from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.recruitment.models import Participation
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.querybudget import assert_same_queries
from tests.recruitment.factories import (
    OrganisationCapacityFactory,
    ParticipationFactory,
    make_pledge,
)
from tests.skills.factories import SkillFactory, UserSkillFactory

pytestmark = pytest.mark.django_db

HUB = "/organisations/aberdeen-city/"
ROLES = ["anonymous", "member", "organisation_lead", "project_lead", "board_member"]


def month(offset: int) -> datetime.date:
    return add_months(first_of_month(timezone.localdate()), offset)


def need(skill=None, **project):
    return ResourceRequirementFactory(
        project=ProjectFactory(stage=Stage.RECRUITING, **project),
        skill=skill or SkillFactory(),
        start_month=month(0),
        end_month=month(5),
    )


@pytest.fixture
def hub_data(council, organisation_lead):
    """Aberdeen City leads a public project and a partnership-only one, is interested in a
    third, pledges a named person to the public one and unnamed capacity to the other, and
    declares less capacity than it pledges next month."""
    designer = SkillFactory(name="Service designer")
    ailsa = UserFactory(organisation=council, full_name="Ailsa Grant")
    UserSkillFactory(user=ailsa, skill=designer)
    public = need(designer, title="Public telecare", lead_organisation=council)
    private = need(
        title="Private records", lead_organisation=council, visibility=Visibility.PARTNERSHIP
    )
    ParticipationFactory(
        organisation=council,
        project=ProjectFactory(title="Maybe school admissions", stage=Stage.RECRUITING),
        status="interested",
    )
    make_pledge(
        public, council, organisation_lead, person_id=ailsa.pk,
        days_per_month=Decimal("4"), start_month=month(0), end_month=month(5),
    )  # fmt: skip
    make_pledge(
        private, council, organisation_lead, capacity_label="A developer from our team",
        days_per_month=Decimal("3"), start_month=month(0), end_month=month(1),
    )  # fmt: skip
    OrganisationCapacityFactory(
        organisation=council, days_per_month=Decimal("5"), start_month=month(0), end_month=month(11)
    )
    open_need = need(designer, title="Needs a designer")
    return {"ailsa": ailsa, "public": public, "private": private, "open_need": open_need}


def test_its_own_lead_has_the_actions_one_click_away(client_for, organisation_lead, hub_data):
    html = client_for(organisation_lead).get(HUB).content.decode()
    assert "Act for Aberdeen City" in html
    assert reverse("recruitment:capacity_for", args=["aberdeen-city"]) + "#declare" in html
    assert reverse("recruitment:recruiting") in html
    assert reverse("recruitment:help") in html
    # Join an interested project, and pledge to a matching need, from the page itself.
    assert 'action="/recruitment/projects/maybe-school-admissions/participation/"' in html
    assert reverse("recruitment:pledge_create", args=[hub_data["open_need"].pk]) in html
    for section in ("projects", "pledges", "capacity", "help", "reassign"):
        assert f'id="{section}"' in html
    assert "Warning: more days are pledged than declared" in html
    assert "Ailsa Grant" in html and "A developer from our team" in html


def test_joining_from_the_hub_commits_the_council(client_for, organisation_lead, hub_data):
    client = client_for(organisation_lead)
    response = client.post(
        "/recruitment/projects/maybe-school-admissions/participation/", {"status": "committed"}
    )
    assert response.status_code == 302
    assert Participation.objects.get(project__slug="maybe-school-admissions").status == "committed"


def test_other_signed_in_people_see_its_work_but_not_its_tools(
    client_for, other_organisation_lead, hub_data
):
    html = client_for(other_organisation_lead).get(HUB).content.decode()
    assert "Public telecare" in html and "Private records" in html
    assert "Ailsa Grant" in html
    assert "Act for Aberdeen City" not in html
    assert 'id="capacity"' not in html and 'id="help"' not in html and 'id="reassign"' not in html
    assert "/participation/" not in html


def test_its_own_members_see_its_capacity(client_for, member, hub_data):
    html = client_for(member).get(HUB).content.decode()
    assert 'id="capacity"' in html
    assert "Act for Aberdeen City" not in html


def test_visitors_see_only_public_projects_and_no_names(client, hub_data):
    html = client.get(HUB).content.decode()
    assert "Public telecare" in html
    assert "Private records" not in html
    assert "Maybe school admissions" in html  # public, and the council is interested
    assert "Ailsa Grant" not in html
    assert "A developer from our team" not in html
    assert "A named person" in html
    assert 'id="capacity"' not in html and "Act for" not in html


def test_the_programme_office_acts_for_any_council(client_for, programme_office, hub_data):
    html = client_for(programme_office).get(HUB).content.decode()
    assert "Act for Aberdeen City" in html
    assert "?organisation=aberdeen-city" in html
    assert 'name="organisation" value="aberdeen-city"' in html


@pytest.mark.parametrize("role", [*ROLES, "programme_office", "other_organisation_lead"])
def test_who_sees_which_part(client_for, user_for_role, role, hub_data, request):
    user = (
        request.getfixturevalue(role) if role == "other_organisation_lead" else user_for_role(role)
    )
    html = client_for(user).get(HUB).content.decode()
    parts = {key for key in ("actions", "capacity", "help", "reassign") if f'id="{key}"' in html}
    acts = role in ("organisation_lead", "programme_office")
    own = role in ("member", "organisation_lead", "project_lead")  # Aberdeen City's people
    expected = set()
    if acts:
        expected |= {"actions", "help", "reassign"}
    if own or role == "programme_office":
        expected.add("capacity")
    assert parts == expected
    assert 'id="projects"' in html and 'id="pledges"' in html


def test_a_leavers_pledges_show_for_its_lead_to_reassign(
    client_for, organisation_lead, programme_office, hub_data
):
    accounts_services.person_deactivate(
        actor=programme_office, person=hub_data["ailsa"], reason="Left on 28 November"
    )
    html = client_for(organisation_lead).get(HUB).content.decode()
    section = html[html.index('id="reassign"') :]
    assert "Ailsa Grant" in section
    assert "Account deactivated" in section
    pledge = hub_data["ailsa"].pledges.get()
    assert reverse("recruitment:pledge_edit", args=[pledge.pk]) in section
    assert reverse("recruitment:pledge_withdraw", args=[pledge.pk]) in section


def test_an_inactive_council_offers_no_actions(client_for, organisation_lead, council, hub_data):
    type(council).objects.filter(pk=council.pk).update(active=False)
    html = client_for(organisation_lead).get(HUB).content.decode()
    assert "Act for Aberdeen City" not in html
    assert "/participation/" not in html


@pytest.mark.parametrize("viewer", ["organisation_lead", "member", "anonymous"])
def test_the_hub_costs_the_same_at_3_and_30_rows(client_for, user_for_role, viewer, council):
    designer = SkillFactory(name="Service designer")
    UserSkillFactory(user=UserFactory(organisation=council), skill=designer)
    lead = user_for_role("organisation_lead")
    client = client_for(user_for_role(viewer))

    def make(n):
        while council.pledges.count() < n:
            requirement = need(designer, lead_organisation=council)
            ParticipationFactory(organisation=council, project=ProjectFactory())
            person = UserFactory(organisation=council)
            make_pledge(
                requirement, council, lead, person_id=person.pk,
                start_month=month(0), end_month=month(2), adjustments=[(month(1), "1")],
            )  # fmt: skip
            OrganisationCapacityFactory(
                organisation=council, days_per_month=Decimal("1"),
                start_month=month(council.pledges.count()),
                end_month=month(council.pledges.count()),
            )  # fmt: skip
            need(designer)

    counts = assert_same_queries(make, lambda: client.get(HUB), budget=16)
    assert counts[0] > 0
