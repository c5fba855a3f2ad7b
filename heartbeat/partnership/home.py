"""The partnership's part of the home page: who the partnership is, and its organisations."""

from django.urls import reverse

from heartbeat.core.registry import HomeBlock, HomeCard
from heartbeat.partnership.selectors import home_summary


def _summary(request) -> dict:
    # The intro and both cards read the same counts: load them once per request.
    if not hasattr(request, "_partnership_home_summary"):
        request._partnership_home_summary = home_summary()
    return request._partnership_home_summary


def intro_block(request) -> HomeBlock:
    return HomeBlock(
        key="partnership",
        title="",
        template="partnership/partials/_home_intro.html",
        context={"summary": _summary(request)},
    )


def organisations_card(request) -> HomeCard:
    count = _summary(request)["organisations"]
    return HomeCard(
        title="Organisations",
        url=reverse("partnership:organisation_list"),
        summary=f"{count} member organisations, each with its GSS code and membership history.",
    )


def terms_card(request) -> HomeCard:
    count = _summary(request)["terms"]
    return HomeCard(
        title="Programme terms",
        url=reverse("partnership:term_list"),
        summary=f"{count} programme terms and how membership has grown over them.",
    )
