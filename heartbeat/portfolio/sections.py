"""Sections other apps add to the project page (participants, updates, benefits, ...).

Each entry is the dotted path of a function ``(request, project) -> ProjectSection | None``.
The function loads everything its template needs (a fixed number of queries), so the
template itself runs none. The project page shows the sections in this order, each under
its own heading and anchor.
"""

from dataclasses import dataclass, field

from django.utils.module_loading import import_string

PROJECT_SECTIONS: list[str] = [
    "heartbeat.recruitment.sections.participants_section",
    "heartbeat.recruitment.sections.coverage_section",
]


@dataclass
class ProjectSection:
    key: str  # used as the section's id, e.g. "participants"
    title: str
    template: str  # a Jinja2 template, e.g. "recruitment/partials/_project_participants.html"
    context: dict = field(default_factory=dict)


def project_sections(request, project) -> list[ProjectSection]:
    sections = []
    for path in PROJECT_SECTIONS:
        section = import_string(path)(request, project)
        if section is not None:
            sections.append(section)
    return sections
