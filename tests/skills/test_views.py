import pytest
from django.urls import reverse

from heartbeat.skills.models import Skill, UserSkill
from tests.conftest import ROLE_FIXTURES
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db


def expect(response, status: int):
    """A page's status, with sign-in redirects counted as 302."""
    assert response.status_code == status, (response.status_code, response.content[:300])


PAGE_MATRIX = {
    # page: {role: status}
    "my_skills": {**dict.fromkeys(ROLE_FIXTURES, 200), "anonymous": 302},
    "skill_list": {**dict.fromkeys(ROLE_FIXTURES, 200), "anonymous": 302},
    "skill_create": {
        **dict.fromkeys(ROLE_FIXTURES, 403),
        "anonymous": 302,
        "programme_office": 200,
    },
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("page", PAGE_MATRIX)
def test_page_permissions(client_for, user_for_role, role, page):
    response = client_for(user_for_role(role)).get(reverse(f"skills:{page}"))
    expect(response, PAGE_MATRIX[page][role])


# People's skills and the skills list -------------------------------------------------------


def test_managing_ones_own_skills(client_for, member):
    skill = SkillFactory(name="User researcher")
    client = client_for(member)
    response = client.post(reverse("skills:my_skills"), {"skill": skill.slug, "level": "working"})
    assert response.status_code == 302
    user_skill = UserSkill.objects.get(user=member)
    assert "User researcher" in client.get(reverse("skills:my_skills")).content.decode()
    client.post(reverse("skills:my_skill_remove", args=[user_skill.pk]))
    assert not UserSkill.objects.exists()


def test_one_cannot_remove_someone_elses_skill(client_for, member, organisation_lead):
    user_skill = UserSkill.objects.create(user=member, skill=SkillFactory(), level="working")
    response = client_for(organisation_lead).post(
        reverse("skills:my_skill_remove", args=[user_skill.pk])
    )
    assert response.status_code == 404
    assert UserSkill.objects.exists()


def test_programme_office_adds_changes_and_deactivates_skills(client_for, programme_office):
    client = client_for(programme_office)
    response = client.post(
        reverse("skills:skill_create"),
        {"name": "Digital inclusion lead", "family": "council_roles", "description": ""},
    )
    assert response.status_code == 302
    skill = Skill.objects.get(name="Digital inclusion lead")
    response = client.post(
        reverse("skills:skill_edit", args=[skill.slug]),
        {"name": "Digital inclusion officer", "family": "council_roles", "description": "x"},
    )
    assert response.status_code == 302
    client.post(reverse("skills:skill_active", args=[skill.slug]), {"active": "0"})
    skill.refresh_from_db()
    assert (skill.name, skill.active) == ("Digital inclusion officer", False)


def test_duplicate_skill_names_show_an_error(client_for, programme_office):
    SkillFactory(name="Developer")
    response = client_for(programme_office).post(
        reverse("skills:skill_create"), {"name": "developer", "family": "council_roles"}
    )
    assert response.status_code == 422
    assert "There is already a skill called developer" in response.content.decode()


@pytest.mark.parametrize("role", ["member", "organisation_lead", "project_lead", "board_member"])
def test_only_the_programme_office_changes_skills(db, client_for, user_for_role, role):
    skill = SkillFactory()
    client = client_for(user_for_role(role))
    expect(client.get(reverse("skills:skill_edit", args=[skill.slug])), 403)
    expect(client.post(reverse("skills:skill_active", args=[skill.slug]), {"active": "0"}), 403)
    skill.refresh_from_db()
    assert skill.active
