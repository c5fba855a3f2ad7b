"""Recruitment's card on the home page."""

from django.urls import reverse

from heartbeat.core.registry import HomeCard


def open_needs_card(request) -> HomeCard:
    return HomeCard(
        title="Open needs",
        url=reverse("recruitment:open_needs"),
        summary=(
            "Where projects still need people and time, by skill and month, so councils can "
            "offer help."
        ),
    )
