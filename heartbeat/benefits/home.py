"""The organisation lead's home-page block: their council's value statement."""

from django.urls import reverse

from heartbeat.core.registry import HomeBlock


def value_statement_block(request):
    user = request.user
    if not (user.is_authenticated and user.is_organisation_lead and user.organisation_id):
        return None
    organisation = user.organisation
    url = reverse("benefits:value_statement", args=[organisation.slug])
    return HomeBlock(
        key="value-statement",
        title=f"{organisation.name}'s value statement",
        template="benefits/partials/_lazy_section.html",
        context={
            "lazy_url": url,
            "lazy_text": f"What {organisation.name} put into the partnership and got back",
        },
        link=url,
        link_text=f"Open {organisation.name}'s value statement, with its PDF and spreadsheet",
    )
