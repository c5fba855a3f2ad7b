"""Load the skills list (see ``heartbeat.demo.loader``); the generator reuses ``load_skills``."""

from django.contrib.auth import get_user_model

from heartbeat.demo.data import partnership as partnership_demo_data
from heartbeat.recruitment.models import Skill
from heartbeat.recruitment.skills_data import SKILLS


def programme_office_user():
    """The partnership's demo programme office person, who keeps the skills list, if loaded."""
    email = next(
        (p["email"] for p in partnership_demo_data.DEMO_PEOPLE if "programme_office" in p["roles"]),
        None,
    )
    if email is None:
        return None
    return get_user_model().objects.filter(email=email).first()


def load_skills(actor=None) -> dict[str, Skill]:
    """Create or update every skill of the list, keyed on its slug; return them by slug.

    A skill is saved only when it differs from the data, so running again writes nothing and
    adds no history. Skills the programme office added themselves are left alone.
    """
    existing = {skill.slug: skill for skill in Skill.objects.filter(slug__in=_slugs())}
    skills = {}
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
        skill._history_user = actor
        skill.save()
        skills[skill.slug] = skill
    return skills


def _slugs() -> list[str]:
    return [data["slug"] for data in SKILLS]


def load(context) -> None:
    skills = load_skills(actor=programme_office_user())
    families = len({skill.family for skill in skills.values()})
    context.summary.append(f"Skills: {len(skills)} roles in {families} families.")
