"""The roadmap's parts of other apps' pages: a project's products, an organisation's
adoptions, and a card on the home page."""

from django.urls import reverse

from heartbeat.core.registry import HomeCard, Section
from heartbeat.roadmap import selectors
from heartbeat.roadmap.quarters import quarter_short


def products_section(request, project) -> Section | None:
    data = selectors.project_products(request.user, project)
    if not data.rows and not data.extra:
        return None
    return Section(
        key="products",
        title="Products on the roadmap",
        template="roadmap/partials/_project_products.html",
        context={"roadmap_products": data, "quarter_short": quarter_short},
    )


def adoptions_section(request, organisation) -> Section:
    return Section(
        key="adoptions",
        title="Products adopted",
        template="roadmap/partials/_organisation_adoptions.html",
        context={
            "adoptions": selectors.organisation_adoptions(request.user, organisation),
            "organisation": organisation,
        },
    )


def roadmap_card(request) -> HomeCard:
    return HomeCard(
        title="Product roadmap",
        url=reverse("roadmap:roadmap"),
        summary=(
            "What the partnership's projects deliver, quarter by quarter, and which councils "
            "have adopted it."
        ),
    )
