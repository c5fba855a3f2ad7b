"""The skills section of a person's page."""

from heartbeat.core.registry import Section
from heartbeat.skills import selectors


def skills_section(request, person) -> Section:
    return Section(
        key="skills",
        title="Skills",
        template="skills/partials/_person_skills.html",
        context={
            "skills": selectors.user_skills(person),
            "is_self": request.user.pk == person.pk,
        },
    )
