"""Load the skills catalogue (see ``heartbeat.demo.loader``), as the programme office."""

from django.contrib.auth import get_user_model

from heartbeat.demo.data import partnership as partnership_demo_data
from heartbeat.skills.models import Skill
from heartbeat.skills.services import skill_catalogue_load


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
    return skill_catalogue_load(actor=actor)


def load(context) -> None:
    skills = load_skills(actor=programme_office_user())
    families = len({skill.family for skill in skills.values()})
    context.summary.append(f"Skills: {len(skills)} roles in {families} families.")
