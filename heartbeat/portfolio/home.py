"""The work programme's cards on the home page."""

from django.urls import reverse

from heartbeat.core.registry import HomeCard
from heartbeat.portfolio.models import Project


def programme_card(request) -> HomeCard:
    count = Project.objects.visible_to(request.user).open().count()
    return HomeCard(
        title="Work programme",
        url=reverse("portfolio:programme"),
        summary=(
            f"The themes of the programme and their {count} open "
            f"project{'' if count == 1 else 's'}, from proposals to delivery."
        ),
    )


def catalogue_card(request) -> HomeCard:
    return HomeCard(
        title="Find a project",
        url=reverse("portfolio:project_list"),
        summary=(
            "Search and filter every project by theme, stage, lead council and the skills it "
            "needs, and download the list."
        ),
    )
