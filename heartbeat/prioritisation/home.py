"""Prioritisation's card on the home page, for signed-in members."""

from django.urls import reverse

from heartbeat.core.registry import HomeCard


def priorities_card(request) -> HomeCard | None:
    if not request.user.is_authenticated:
        return None
    return HomeCard(
        title="Priorities",
        url=reverse("prioritisation:ranking"),
        summary=(
            "How the programme's projects and the councils' accepted requests are ranked, "
            "with every score and its reason, and what would change with other weights."
        ),
    )
