"""Reads of the skills list and of people's skills."""

from django.db.models import Count, QuerySet

from heartbeat.skills.models import Skill, UserSkill


def user_skills(user) -> list[UserSkill]:
    return list(UserSkill.objects.filter(user=user).select_related("skill"))


def skill_list(*, include_inactive: bool = False) -> QuerySet[Skill]:
    """Skills by family and name, each with ``n_needs``: how many projects' needs ask for it."""
    skills = Skill.objects.annotate(n_needs=Count("requirements", distinct=True)).order_by(
        "family", "name"
    )
    if not include_inactive:
        skills = skills.filter(active=True)
    return skills


def active_skill_options() -> list[dict]:
    """Slug, name and family of every active skill, by name: for pickers and the API."""
    return list(Skill.objects.active().order_by("name").values("slug", "name", "family"))
