import pytest

from heartbeat.partnership import permissions
from tests.conftest import ROLE_FIXTURES
from tests.factories import UserFactory

# role -> (sees people of own organisation, of another, sees history, edits organisations)
EXPECTED = {
    "anonymous": (False, False, False, False),
    "member": (True, True, True, False),
    "organisation_lead": (True, True, True, False),
    "project_lead": (True, True, True, False),
    "board_member": (True, True, True, False),
    "programme_office": (True, True, True, True),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_permission_matrix(role, user_for_role, council, other_council):
    user = user_for_role(role)
    own = user.organisation if user is not None else council
    other = other_council if own != other_council else council
    actual = (
        permissions.can_see_people(user, own),
        permissions.can_see_people(user, other),
        permissions.can_see_history(user),
        permissions.can_edit_organisation(user),
    )
    assert actual == EXPECTED[role]


@pytest.mark.django_db
def test_a_person_without_an_organisation_cannot_see_people(council):
    loner = UserFactory(organisation=None)
    assert permissions.can_see_people(loner, council) is False
    assert permissions.can_see_history(loner) is True


@pytest.mark.django_db
def test_a_deactivated_programme_office_account_cannot_edit(programme_office, council):
    programme_office.is_active = False
    programme_office.save()
    assert permissions.can_edit_organisation(programme_office) is False
    assert permissions.can_see_people(programme_office, council) is False


def test_a_visitor_passed_as_none_is_refused():
    assert permissions.can_see_people(None, None) is False
    assert permissions.can_edit_organisation(None) is False
