"""The work programme's section of a person's page: the projects they lead."""

from heartbeat.core.registry import Section
from heartbeat.portfolio import hub


def projects_led_section(request, person) -> Section | None:
    from heartbeat.portfolio.views import STAGE_COLOURS

    projects = [
        (project, hub.missing_labels(project))
        for project in hub.projects_led_by(person).filter(
            pk__in=hub.Project.objects.visible_to(request.user).values("pk")
        )
    ]
    if not projects and not person.is_project_lead:
        return None
    return Section(
        key="projects-led",
        title="Projects they lead" if person.pk != request.user.pk else "Projects you lead",
        template="portfolio/home/_projects_led_section.html",
        context={"projects": projects, "stage_colours": STAGE_COLOURS},
    )
