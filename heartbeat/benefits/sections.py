"""Benefits' parts of other apps' pages: a project's benefits and a council's value
statement. Both load with htmx from the benefits pages (which draw them whole without
JavaScript), so the host page pays no queries for them."""

from django.urls import reverse

from heartbeat.benefits import permissions
from heartbeat.core.registry import Section


def project_benefits_section(request, project):
    if not permissions.can_view_benefits(request.user):
        return None
    return Section(
        key="benefits",
        title="Benefits and return",
        template="benefits/partials/_lazy_section.html",
        context={
            "lazy_url": reverse("benefits:project_benefits", args=[project.slug]),
            "lazy_text": f"Benefits, costs and return on investment of {project.title}",
        },
    )


def value_statement_section(request, organisation):
    if not permissions.can_view_value_statement(request.user, organisation):
        return None
    return Section(
        key="value-statement",
        title="Value statement",
        template="benefits/partials/_lazy_section.html",
        context={
            "lazy_url": reverse("benefits:value_statement", args=[organisation.slug]),
            "lazy_text": f"What {organisation.name} put into the partnership and got back",
        },
    )
