import pytest

from heartbeat.skills import permissions
from tests.conftest import ROLE_FIXTURES
from tests.factories import UserFactory


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_who_keeps_skills(db, user_for_role, role):
    user = user_for_role(role)
    signed_in = role != "anonymous"
    assert permissions.can_manage_own_skills(user) is signed_in
    assert permissions.can_manage_skills(user) is (role == "programme_office")


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_a_person_changes_their_own_skills_and_the_office_anyones(db, user_for_role, role):
    user = user_for_role(role)
    someone_else = UserFactory()
    if role == "anonymous":
        assert permissions.can_change_skills_of(user, someone_else) is False
        return
    assert permissions.can_change_skills_of(user, user) is True
    assert permissions.can_change_skills_of(user, someone_else) is (role == "programme_office")
