"""Writes to the skills list (the programme office's) and to people's own skills."""

from django.db import transaction
from django.utils.text import slugify

from heartbeat.core.exceptions import InvalidInput, PermissionDenied
from heartbeat.skills import permissions
from heartbeat.skills.catalogue import SKILLS
from heartbeat.skills.models import Skill, SkillFamily, SkillLevel, UserSkill


def _save(instance, actor) -> None:
    instance._history_user = actor
    instance.save()


# People's skills ---------------------------------------------------------------------------


def _refuse_other_person(actor, user) -> None:
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied("Sign in to record your skills.")
    if not permissions.can_change_skills_of(actor, user):
        raise PermissionDenied("You can only change your own skills.")


def user_skill_set(*, actor, user, skill: Skill | None, level: str) -> UserSkill:
    """Record that a person has a skill at a level (or change the level)."""
    _refuse_other_person(actor, user)
    if skill is None or not skill.active:
        raise InvalidInput("Choose a skill from the list", field="skill")
    if level not in SkillLevel.values:
        raise InvalidInput(
            "Choose a level: awareness, working, practitioner or expert", field="level"
        )
    with transaction.atomic():
        user_skill = UserSkill.objects.select_for_update().filter(user=user, skill=skill).first()
        if user_skill is None:
            user_skill = UserSkill(user=user, skill=skill)
        user_skill.level = level
        _save(user_skill, actor)
    return user_skill


def user_skill_remove(*, actor, user_skill: UserSkill) -> None:
    _refuse_other_person(actor, user_skill.user)
    with transaction.atomic():
        user_skill._history_user = actor
        user_skill.delete()


# The skills list (programme office) --------------------------------------------------------


def _clean_skill(*, name: str, family: str, skill: Skill | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Enter the skill's name", field="name")
    if len(name) > 120:
        raise InvalidInput("Keep the name to 120 characters or fewer", field="name")
    if family not in SkillFamily.values:
        raise InvalidInput("Choose a role family", field="family")
    same = Skill.objects.filter(name__iexact=name)
    if skill is not None:
        same = same.exclude(pk=skill.pk)
    if same.exists():
        raise InvalidInput(
            f"There is already a skill called {name}", field="name", code="name_taken"
        )
    return name


def skill_create(*, actor, name: str, family: str, description: str = "") -> Skill:
    """Add a skill to the list projects and people choose from."""
    if not permissions.can_manage_skills(actor):
        raise PermissionDenied("Only the programme office can change the skills list.")
    name = _clean_skill(name=name, family=family)
    base = slugify(name)[:120] or "skill"
    slug, n = base, 2
    while Skill.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    with transaction.atomic():
        skill = Skill(name=name, slug=slug, family=family, description=(description or "").strip())
        _save(skill, actor)
    return skill


def skill_update(*, actor, skill: Skill, name: str, family: str, description: str = "") -> Skill:
    if not permissions.can_manage_skills(actor):
        raise PermissionDenied("Only the programme office can change the skills list.")
    name = _clean_skill(name=name, family=family, skill=skill)
    with transaction.atomic():
        skill.name, skill.family = name, family
        skill.description = (description or "").strip()
        _save(skill, actor)
    return skill


def skill_set_active(*, actor, skill: Skill, active: bool) -> Skill:
    """Deactivate a skill (it stays on existing needs and pledges) or bring it back."""
    if not permissions.can_manage_skills(actor):
        raise PermissionDenied("Only the programme office can change the skills list.")
    with transaction.atomic():
        skill.active = active
        _save(skill, actor)
    return skill


def skill_catalogue_load(*, actor=None) -> dict[str, Skill]:
    """Create or update every skill of the published catalogue, keyed on its slug.

    A skill is saved only when it differs from the catalogue, so running again writes
    nothing and adds no history. Skills the programme office added themselves are left
    alone. Returns the catalogue's skills by slug.
    """
    existing = {skill.slug: skill for skill in Skill.objects.filter(slug__in=_slugs())}
    skills = {}
    with transaction.atomic():
        for data in SKILLS:
            skill = existing.get(data["slug"])
            if skill is None:
                skill = Skill(**data, active=True)
            else:
                changed = {k: v for k, v in data.items() if getattr(skill, k) != v}
                if not changed:
                    skills[skill.slug] = skill
                    continue
                for name, value in changed.items():
                    setattr(skill, name, value)
            _save(skill, actor)
            skills[skill.slug] = skill
    return skills


def _slugs() -> list[str]:
    return [data["slug"] for data in SKILLS]
