"""Who may do what in recruitment: each role against each action, own organisation against
another."""

import pytest

from heartbeat.recruitment import permissions
from tests.conftest import ROLE_FIXTURES
from tests.portfolio.factories import ProjectFactory
from tests.recruitment.factories import make_pledge, open_need

# Acting for Aberdeen City (the council of member, organisation_lead and project_lead).
ACTS_FOR_OWN = {
    "anonymous": False,
    "member": False,
    "organisation_lead": True,
    "project_lead": False,
    "board_member": False,
    "programme_office": True,
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize(
    "predicate",
    [
        permissions.acts_for,
        permissions.can_manage_participation,
        permissions.can_pledge,
        permissions.can_declare_capacity,
        permissions.can_see_where_to_help,
    ],
)
def test_acting_for_an_organisation(user_for_role, council, role, predicate):
    assert predicate(user_for_role(role), council) is ACTS_FOR_OWN[role]


@pytest.mark.parametrize(
    "predicate",
    [
        permissions.can_manage_participation,
        permissions.can_pledge,
        permissions.can_declare_capacity,
    ],
)
def test_a_lead_never_acts_for_another_organisation(
    predicate, organisation_lead, other_organisation_lead, council, other_council
):
    assert predicate(organisation_lead, council)
    assert not predicate(organisation_lead, other_council)
    assert not predicate(other_organisation_lead, council)


def test_no_one_acts_for_no_organisation(programme_office):
    assert not permissions.acts_for(programme_office, None)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_changing_a_pledge(user_for_role, role, council, programme_office):
    pledge = make_pledge(open_need(), council, programme_office)
    assert permissions.can_change_pledge(user_for_role(role), pledge) is ACTS_FOR_OWN[role]


def test_another_councils_lead_cannot_change_a_pledge(
    other_organisation_lead, council, programme_office
):
    pledge = make_pledge(open_need(), council, programme_office)
    assert not permissions.can_change_pledge(other_organisation_lead, pledge)


CAPACITY_VIEW = {
    "anonymous": False,
    "member": True,
    "organisation_lead": True,
    "project_lead": True,
    "board_member": False,  # of Angus
    "programme_office": True,
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_viewing_capacity(user_for_role, role, council):
    assert permissions.can_view_capacity(user_for_role(role), council) is CAPACITY_VIEW[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_signed_in_roles(db, user_for_role, role):
    user = user_for_role(role)
    signed_in = role != "anonymous"
    assert permissions.can_view_contributions(user) is signed_in
    assert permissions.can_act_for_an_organisation(user) is ACTS_FOR_OWN[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_pledged_people_are_for_signed_in_members(db, user_for_role, role):
    public = ProjectFactory(visibility="public")
    private = ProjectFactory(visibility="partnership")
    user = user_for_role(role)
    assert permissions.can_see_pledged_people(user, public) is (role != "anonymous")
    assert permissions.can_see_pledged_people(user, private) is (role != "anonymous")
    assert permissions.can_view_coverage(user, public)
    assert permissions.can_view_coverage(user, private) is (role != "anonymous")
