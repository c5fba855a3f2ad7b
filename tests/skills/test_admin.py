import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.skills.factories import SkillFactory, UserSkillFactory


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True, is_programme_office=True)
    client.force_login(admin, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


def test_admin_lists_skills_and_peoples_skills(admin_client):
    UserSkillFactory()
    for name in ("skill", "userskill"):
        response = admin_client.get(reverse(f"admin:skills_{name}_changelist"))
        assert response.status_code == 200, name


def test_skills_are_edited_in_the_admin(admin_client):
    skill = SkillFactory(name="Developer")
    response = admin_client.post(
        reverse("admin:skills_skill_change", args=[skill.pk]),
        {"name": "Software developer", "slug": skill.slug, "family": skill.family, "active": "on"},
    )
    assert response.status_code == 302
    skill.refresh_from_db()
    assert skill.name == "Software developer"
