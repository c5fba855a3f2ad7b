"""A project's approved baseline: the definition frozen at approval, and what differs from it.

A snapshot is plain JSON (dates as ISO text, amounts as decimal text) so a baseline stays
readable whatever later happens to the rows it came from. ``differences`` compares two
snapshots row by row (rows keep their identity across edits, so a changed row reads as
changed, not as removed and added) and field by field, with the fields shown as history
shows them.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from heartbeat.core.formatting import money, uk_date, uk_month
from heartbeat.core.history import ADDED, CHANGED, REMOVED, FieldChange
from heartbeat.portfolio.models import ProductType, Project, Requirement, ScopeItem
from heartbeat.skills.models import SkillLevel

# The project's own fields a baseline holds, with their labels.
PROJECT_FIELDS = {
    "planned_start": "Planned start",
    "planned_end": "Planned end",
    "estimated_cost": "Estimated cost",
}

# Each part of the definition: how one of its rows is named, and its fields with labels.
SECTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "scope": ("scope item", {"kind": "Scope", "text": "Text"}),
    "requirements": ("requirement", {"text": "Text", "priority": "Priority"}),
    "products": (
        "anticipated product",
        {
            "name": "Name",
            "product_type": "Type",
            "description": "Description",
            "planned_date": "Planned date",
        },
    ),
    "benefits": ("expected benefit", {"text": "Text"}),
    "needs": (
        "resource need",
        {
            "skill": "Skill",
            "level": "Level",
            "people": "People",
            "days_per_month": "Days per month",
            "start_month": "From",
            "end_month": "To",
            "notes": "Notes",
        },
    ),
}

_CHOICES = {
    "kind": dict(ScopeItem.Kind.choices),
    "priority": dict(Requirement.Priority.choices),
    "product_type": dict(ProductType.choices),
    "level": dict(SkillLevel.choices),
}


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(project: Project) -> dict[str, Any]:
    """The project's definition now, as JSON (6 queries; none on a project whose rows and
    needs' skills are prefetched, as ``selectors.project_detail`` does)."""
    return snapshot_of(
        project,
        scope=project.scope_items.all(),
        requirements=project.requirements.all(),
        products=project.products.all(),
        benefits=project.expected_benefits.all(),
        needs=_needs(project),
    )


def snapshot_of(project, *, scope, requirements, products, benefits, needs) -> dict[str, Any]:
    """A definition as JSON, from its project and rows (each need with its ``skill``)."""
    return {
        **{name: _text(getattr(project, name)) for name in PROJECT_FIELDS},
        "scope": [{"id": s.pk, "kind": s.kind, "text": s.text} for s in scope],
        "requirements": [
            {"id": r.pk, "text": r.text, "priority": r.priority} for r in requirements
        ],
        "products": [
            {
                "id": p.pk,
                "name": p.name,
                "product_type": p.product_type,
                "description": p.description,
                "planned_date": _text(p.planned_date),
            }
            for p in products
        ],
        "benefits": [{"id": b.pk, "text": b.text} for b in benefits],
        "needs": [
            {
                "id": n.pk,
                "skill": n.skill.name,
                "level": n.level,
                "people": n.people,
                "days_per_month": _text(n.days_per_month),
                "start_month": _text(n.start_month),
                "end_month": _text(n.end_month),
                "notes": n.notes,
            }
            for n in needs
        ],
    }


def _needs(project: Project):
    if "resource_requirements" in getattr(project, "_prefetched_objects_cache", {}):
        return project.resource_requirements.all()
    return project.resource_requirements.select_related("skill")


def show(name: str, value) -> str:
    """A snapshot value as people read it."""
    if value in (None, ""):
        return ""
    if name in _CHOICES:
        return str(_CHOICES[name].get(value, value))
    if name in ("start_month", "end_month"):
        return uk_month(datetime.date.fromisoformat(value))
    if name in ("planned_start", "planned_end", "planned_date"):
        return uk_date(datetime.date.fromisoformat(value))
    if name == "estimated_cost":
        amount = Decimal(value)
        return money(amount, pence=amount != amount.to_integral_value())
    if name == "days_per_month":
        return f"{Decimal(value).normalize():f}"
    return str(value)


def _row_subject(section: str, row: dict) -> str:
    noun, _fields = SECTIONS[section]
    if section == "scope":
        noun = "out of scope item" if row.get("kind") == ScopeItem.Kind.OUT else "in scope item"
    if section == "products":
        return f"{noun} “{row['name']}”"
    if section == "needs":
        return f"{noun} “{row['skill']}, {show('level', row['level'])}”"
    return f"{noun} “{row['text']}”"


@dataclass
class Difference:
    """One way the definition differs from its baseline, and who made it so and when."""

    key: str  # e.g. "requirements:12" or "project:planned_end"
    section: str
    action: str  # added, removed, changed
    subject: str
    changes: list[FieldChange] = field(default_factory=list)
    by: str = ""
    by_id: int | None = None
    at: datetime.datetime | None = None

    @property
    def description(self) -> str:
        return f"{self.action.capitalize()} {self.subject}"

    def same_as(self, other: Difference) -> bool:
        return (self.key, self.action, self.changes) == (other.key, other.action, other.changes)

    def as_json(self) -> dict:
        data = asdict(self)
        data["at"] = self.at.isoformat() if self.at else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> Difference:
        values = dict(data)
        values["changes"] = [FieldChange(**c) for c in values.get("changes", [])]
        values["at"] = datetime.datetime.fromisoformat(values["at"]) if values.get("at") else None
        return cls(**values)


def _field_changes(before: dict | None, after: dict, fields: dict[str, str]) -> list[FieldChange]:
    changes = []
    for name, label in fields.items():
        old = show(name, before.get(name)) if before is not None else ""
        new = show(name, after.get(name))
        if old != new:
            changes.append(FieldChange(label, old, new))
    return changes


def differences(baseline: dict, current: dict) -> list[Difference]:
    """What differs between the baseline and the current definition, in the order of the
    definition: the project's dates and cost, then each section's rows."""
    found = []
    for name, label in PROJECT_FIELDS.items():
        before, after = show(name, baseline.get(name)), show(name, current.get(name))
        if before != after:
            found.append(
                Difference(
                    key=f"project:{name}",
                    section="project",
                    action=CHANGED,
                    subject=f"the {label.lower()}",
                    changes=[FieldChange(label, before, after)],
                )
            )
    for section, (_noun, fields) in SECTIONS.items():
        then = {row["id"]: row for row in baseline.get(section, [])}
        now = {row["id"]: row for row in current.get(section, [])}
        for row_id, row in now.items():
            if row_id not in then:
                found.append(
                    Difference(
                        key=f"{section}:{row_id}",
                        section=section,
                        action=ADDED,
                        subject=_row_subject(section, row),
                        changes=_field_changes(None, row, fields),
                    )
                )
                continue
            changes = _field_changes(then[row_id], row, fields)
            if changes:
                found.append(
                    Difference(
                        key=f"{section}:{row_id}",
                        section=section,
                        action=CHANGED,
                        subject=_row_subject(section, then[row_id]),
                        changes=changes,
                    )
                )
        for row_id, row in then.items():
            if row_id not in now:
                found.append(
                    Difference(
                        key=f"{section}:{row_id}",
                        section=section,
                        action=REMOVED,
                        subject=_row_subject(section, row),
                    )
                )
    return found


def carry_forward(
    found: list[Difference], previous: list[Difference], *, by, at: datetime.datetime
) -> list[Difference]:
    """Give each difference who made it and when: a difference already there, unchanged,
    keeps its author; a new or further changed one is ``by``'s, made ``at``."""
    earlier = {(d.key, d.action): d for d in previous}
    for difference in found:
        before = earlier.get((difference.key, difference.action))
        if before is not None and difference.same_as(before):
            difference.by, difference.by_id, difference.at = before.by, before.by_id, before.at
        else:
            difference.by = by.display_name if by is not None else "Heartbeat"
            difference.by_id = by.pk if by is not None else None
            difference.at = at
    return found
