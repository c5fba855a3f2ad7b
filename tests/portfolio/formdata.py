"""Posted data for the project form, as a browser without JavaScript would send it."""

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
