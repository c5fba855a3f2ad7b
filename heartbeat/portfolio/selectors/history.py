"""A project's history: what changed on it and its definition, who changed it and when."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps

from heartbeat.accounts.models import User
from heartbeat.core.formatting import money, uk_date, uk_month
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    ProductType,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    SubArea,
    Theme,
    Visibility,
)
from heartbeat.skills.models import Skill, SkillLevel

# History ------------------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    before: str  # empty when there was nothing
    after: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: User | None
    action: str  # created, changed, added, removed
    subject: str  # "the project", or the definition row, e.g. "requirement “Single sign-on”"
    changes: list[FieldChange]

    @property
    def who(self) -> str:
        return self.user.display_name if self.user else "Heartbeat"

    @property
    def description(self) -> str:
        """e.g. "Added requirement “Single sign-on”" or "Changed the project"."""
        return f"{self.action.capitalize()} {self.subject}"


PROJECT_HISTORY_FIELDS = {
    "title": "Title",
    "slug": "Web address",
    "theme_id": "Theme",
    "sub_area_id": "Sub-area",
    "summary": "Summary",
    "problem": "Problem and background",
    "lead_organisation_id": "Lead organisation",
    "project_lead_id": "Project lead",
    "sponsor": "Sponsor",
    "planned_start": "Planned start",
    "planned_end": "Planned end",
    "estimated_cost": "Estimated cost",
    "stage": "Stage",
    "visibility": "Visibility",
    "tags": "Tags",
}

# Each kind of definition row: the fields shown, and how a row is named.
ROW_HISTORY = [
    (ScopeItem, {"kind": "Scope", "text": "Text"}),
    (Requirement, {"text": "Text", "priority": "Priority"}),
    (
        AnticipatedProduct,
        {
            "name": "Name",
            "product_type": "Type",
            "description": "Description",
            "planned_date": "Planned date",
        },
    ),
    (ExpectedBenefit, {"text": "Text"}),
    (
        ResourceRequirement,
        {
            "skill_id": "Skill",
            "level": "Level",
            "people": "People",
            "days_per_month": "Days per month",
            "start_month": "From",
            "end_month": "To",
            "notes": "Notes",
        },
    ),
]

CHOICES = {
    "stage": dict(Stage.choices),
    "visibility": dict(Visibility.choices),
    "kind": dict(ScopeItem.Kind.choices),
    "priority": dict(Requirement.Priority.choices),
    "product_type": dict(ProductType.choices),
    "level": dict(SkillLevel.choices),
}


class _Names:
    """Names of the records that history rows point at, loaded in one query per kind."""

    SOURCES = {
        "theme_id": Theme,
        "sub_area_id": SubArea,
        "lead_organisation_id": Organisation,
        "project_lead_id": User,
        "skill_id": Skill,
    }

    def __init__(self, records: list):
        wanted: dict[str, set] = defaultdict(set)
        for record in records:
            for attname in self.SOURCES:
                value = getattr(record, attname, None)
                if value is not None:
                    wanted[attname].add(value)
        self.names: dict[str, dict[int, str]] = {}
        for attname, model in self.SOURCES.items():
            ids = wanted.get(attname)
            if not ids:
                self.names[attname] = {}
                continue
            if model is User:
                self.names[attname] = {
                    pk: full_name or email
                    for pk, full_name, email in User.objects.filter(pk__in=ids).values_list(
                        "pk", "full_name", "email"
                    )
                }
            else:
                self.names[attname] = dict(
                    model.objects.filter(pk__in=ids).values_list("pk", "name")
                )

    def show(self, attname: str, value) -> str:
        if value is None or value == "":
            return ""
        if attname in self.SOURCES:
            return self.names[attname].get(value, "(removed)")
        if attname in CHOICES:
            return str(CHOICES[attname].get(value, value))
        if attname in ("start_month", "end_month"):
            return uk_month(value)
        if attname == "estimated_cost":
            return money(value, pence=value != value.to_integral_value())
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        if isinstance(value, datetime.date):
            return uk_date(value)
        if isinstance(value, list | set | frozenset):
            return ", ".join(sorted(value))
        return str(value)


def _row_subject(model, record, names: _Names) -> str:
    if model is ScopeItem:
        kind = "out of scope" if record.kind == ScopeItem.Kind.OUT else "in scope"
        return f"{kind} item “{record.text}”"
    if model is Requirement:
        return f"requirement “{record.text}”"
    if model is AnticipatedProduct:
        return f"anticipated product “{record.name}”"
    if model is ExpectedBenefit:
        return f"expected benefit “{record.text}”"
    skill = names.show("skill_id", record.skill_id)
    return f"resource requirement “{skill}, {names.show('level', record.level)}”"


def _bursts(records: list) -> list[tuple[Any, Any, Any]]:
    """(record before, last record, first record) of each change to one object.

    Records of one object in date order; those a service wrote together share their date
    and person (a project saved, then its tags set) and read as one change.
    """
    groups: list[list] = []
    for record in records:
        if groups:
            last = groups[-1][-1]
            if (
                record.history_date == last.history_date
                and record.history_user_id == last.history_user_id
                and last.history_type != "-"
            ):
                groups[-1].append(record)
                continue
        groups.append([record])
    bursts = []
    previous = None
    for group in groups:
        bursts.append((previous, group[-1], group[0]))
        previous = group[-1]
    return bursts


def _changes(before, after, fields: dict[str, str], names: _Names) -> list[FieldChange]:
    changes = []
    for attname, label in fields.items():
        old = getattr(before, attname, None) if before is not None else None
        new = getattr(after, attname, None)
        shown_old, shown_new = names.show(attname, old), names.show(attname, new)
        if shown_old != shown_new:
            changes.append(FieldChange(label, shown_old, shown_new))
    return changes


def project_history(project: Project) -> list[HistoryEntry]:
    """What changed on the project and its definition, who changed it and when, newest
    first (at most 12 queries, however long the history)."""
    project_records = list(
        Project.history.filter(id=project.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    tag_model = apps.get_model("portfolio", "HistoricalProject_tags")
    tags_at: dict[int, set[str]] = defaultdict(set)
    for row in tag_model.objects.filter(project_id=project.pk).select_related("tag"):
        tags_at[row.history_id].add(row.tag.name)
    for record in project_records:
        record.tags = frozenset(tags_at.get(record.history_id, ()))

    row_records = []
    for model, fields in ROW_HISTORY:
        records = list(
            model.history.filter(project_id=project.pk)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        row_records.append((model, fields, records))

    names = _Names(project_records + [r for _, _, records in row_records for r in records])
    entries: list[tuple[tuple, HistoryEntry]] = []
    for before, after, first in _bursts(project_records):
        if before is None and first.history_type == "+":
            entry = HistoryEntry(
                after.history_date, first.history_user, "created", "the project", []
            )
        else:
            changes = _changes(before, after, PROJECT_HISTORY_FIELDS, names)
            if not changes:
                continue
            entry = HistoryEntry(
                after.history_date, after.history_user, "changed", "the project", changes
            )
        entries.append(((after.history_date, 1, after.history_id), entry))

    for rank, (model, fields, records) in enumerate(row_records, start=2):
        by_object: dict[int, list] = defaultdict(list)
        for record in records:
            by_object[record.id].append(record)
        for object_records in by_object.values():
            for before, after, first in _bursts(object_records):
                subject = _row_subject(model, after, names)
                if after.history_type == "-":
                    if before is None and first.history_type == "+":
                        continue  # added and removed at once: nothing to show
                    entry = HistoryEntry(
                        after.history_date, after.history_user, "removed", subject, []
                    )
                elif before is None:
                    entry = HistoryEntry(
                        after.history_date,
                        first.history_user,
                        "added",
                        subject,
                        _changes(None, after, fields, names),
                    )
                else:
                    changes = _changes(before, after, fields, names)
                    if not changes:
                        continue
                    entry = HistoryEntry(
                        after.history_date,
                        after.history_user,
                        "changed",
                        _row_subject(model, before, names),
                        changes,
                    )
                entries.append(((after.history_date, rank, after.history_id), entry))
    entries.sort(key=lambda pair: pair[0], reverse=True)
    return [entry for _, entry in entries]
