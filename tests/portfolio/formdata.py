"""Posted data for the project form, as a browser without JavaScript would send it, and
helpers that read the pages answered."""

import re
from html import unescape

from django.urls import reverse

from heartbeat.portfolio.selectors import project_detail

SECTIONS = ("scope_in", "scope_out", "requirements", "products", "benefits", "resources")


def project_post(*, theme, rows=None, version=None, initial_counts=None, **fields) -> dict:
    """The form's fields plus each row section's management form and rows.

    ``rows`` maps a section prefix to a list of dicts of row fields.
    """
    data = {
        "title": "Digital telecare",
        "slug": "",
        "theme": str(theme.pk),
        "sub_area": "",
        "summary": "Move every council's telecare from analogue to digital.",
        "problem": "",
        "lead_organisation": "",
        "project_lead": "",
        "sponsor": "",
        "planned_start": "",
        "planned_end": "",
        "estimated_cost": "",
        "visibility": "public",
        "tags": "",
    }
    data.update({k: "" if v is None else str(v) for k, v in fields.items()})
    if version is not None:
        data["version"] = str(version)
    rows = rows or {}
    initial_counts = initial_counts or {}
    for prefix in SECTIONS:
        section_rows = rows.get(prefix, [])
        data[f"{prefix}-TOTAL_FORMS"] = str(len(section_rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(initial_counts.get(prefix, 0))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "200"
        for i, row in enumerate(section_rows):
            for name, value in row.items():
                data[f"{prefix}-{i}-{name}"] = "" if value is None else str(value)
    return data


def complete_rows(skill) -> dict:
    """One row of each kind, enough for a complete definition."""
    return {
        "scope_in": [{"text": "Alarm receiving centres in every council"}],
        "scope_out": [{"text": "Replacing telecare devices in people's homes"}],
        "requirements": [{"text": "Work with digital phone lines", "priority": "must"}],
        "products": [
            {
                "name": "Shared alarm receiving centre",
                "product_type": "platform",
                "description": "",
                "planned_date": "2026-11-26",
            }
        ],
        "benefits": [{"text": "No failed alarm calls when phone lines go digital"}],
        "resources": [
            {
                "skill": skill.pk,
                "level": "practitioner",
                "people": 2,
                "days_per_month": "4",
                "start_month": "2026-04",
                "end_month": "2026-09",
                "notes": "",
            }
        ],
    }


def text_of(response) -> str:
    """The page's visible text, tags removed and spaces squeezed, for plain assertions."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def summary_links(response) -> list[tuple[str, str]]:
    """(anchor, message) of each entry in the error summary."""
    html = response.content.decode()
    match = re.search(r'<ul class="ds_error-summary__list">(.*?)</ul>', html, flags=re.S)
    if not match:
        return []
    return [
        (anchor, unescape(message))
        for anchor, message in re.findall(r'<a href="([^"]+)">(.*?)</a>', match.group(1))
    ]


def edit_post(project, **changes) -> dict:
    """The edit form as it was drawn for ``project``, with some fields changed."""
    project = project_detail(project.project_lead, project.slug)
    rows = {
        "scope_in": [{"id": s.pk, "text": s.text} for s in project.scope_in],
        "scope_out": [{"id": s.pk, "text": s.text} for s in project.scope_out],
        "requirements": [
            {"id": r.pk, "text": r.text, "priority": r.priority} for r in project.requirements.all()
        ],
        "products": [
            {"id": p.pk, "name": p.name, "product_type": p.product_type, "description": ""}
            for p in project.products.all()
        ],
        "benefits": [{"id": b.pk, "text": b.text} for b in project.expected_benefits.all()],
        "resources": [
            {
                "id": r.pk,
                "skill": r.skill_id,
                "level": r.level,
                "people": r.people,
                "days_per_month": r.days_per_month,
                "start_month": f"{r.start_month:%Y-%m}",
                "end_month": f"{r.end_month:%Y-%m}",
                "notes": r.notes,
            }
            for r in project.resource_requirements.all()
        ],
    }
    fields = {
        "title": project.title,
        "slug": project.slug,
        "summary": project.summary,
        "lead_organisation": project.lead_organisation_id,
        "project_lead": project.project_lead_id,
        "visibility": project.visibility,
        "planned_start": project.planned_start,
        "planned_end": project.planned_end,
    }
    fields.update(changes)
    return project_post(
        theme=project.theme,
        rows=rows,
        version=project.version,
        initial_counts={k: len(v) for k, v in rows.items()},
        **fields,
    )


def move(client, project, to_stage, reason=""):
    return client.post(
        reverse("portfolio:project_move", args=[project.slug]),
        {"to_stage": to_stage, "reason": reason},
    )
