import pytest

from heartbeat.core.exceptions import InvalidInput, PermissionDenied
from heartbeat.skills import services
from heartbeat.skills.models import Skill, SkillFamily, SkillLevel, UserSkill
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db


# people's skills -------------------------------------------------------------------------


def test_a_person_records_and_changes_their_skills(member):
    skill = SkillFactory(name="User researcher")
    services.user_skill_set(actor=member, user=member, skill=skill, level=SkillLevel.WORKING)
    services.user_skill_set(actor=member, user=member, skill=skill, level=SkillLevel.EXPERT)
    assert list(UserSkill.objects.values_list("level", flat=True)) == [SkillLevel.EXPERT]


def test_a_person_cannot_change_someone_elses_skills(member, organisation_lead):
    skill = SkillFactory()
    with pytest.raises(PermissionDenied):
        services.user_skill_set(actor=organisation_lead, user=member, skill=skill, level="working")


def test_an_inactive_skill_cannot_be_chosen(member):
    skill = SkillFactory(active=False)
    with pytest.raises(InvalidInput):
        services.user_skill_set(actor=member, user=member, skill=skill, level="working")


# the skills list -------------------------------------------------------------------------


def test_the_programme_office_maintains_the_skills_list(programme_office):
    skill = services.skill_create(
        actor=programme_office, name="Digital inclusion lead", family=SkillFamily.COUNCIL_ROLES
    )
    assert skill.slug == "digital-inclusion-lead"
    services.skill_update(
        actor=programme_office,
        skill=skill,
        name="Digital inclusion officer",
        family=SkillFamily.COUNCIL_ROLES,
        description="Helps residents get online",
    )
    services.skill_set_active(actor=programme_office, skill=skill, active=False)
    skill.refresh_from_db()
    assert (skill.name, skill.active) == ("Digital inclusion officer", False)
    assert skill.history.count() == 3


def test_skill_names_are_unique_and_required(programme_office):
    SkillFactory(name="Developer")
    with pytest.raises(InvalidInput) as error:
        services.skill_create(
            actor=programme_office, name="developer", family="software_development"
        )
    assert error.value.code == "name_taken"
    with pytest.raises(InvalidInput):
        services.skill_create(actor=programme_office, name=" ", family="software_development")
    with pytest.raises(InvalidInput):
        services.skill_create(actor=programme_office, name="Poet", family="poetry")


@pytest.mark.parametrize("role", ["member", "organisation_lead", "project_lead", "board_member"])
def test_only_the_programme_office_changes_the_skills_list(db, user_for_role, role):
    with pytest.raises(PermissionDenied):
        services.skill_create(actor=user_for_role(role), name="Poet", family="council_roles")
    assert not Skill.objects.filter(name="Poet").exists()
