"""A project's history: what changed on it and its definition, who changed it and when."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.apps import apps

from heartbeat.accounts.models import User
from heartbeat.core.formatting import money, uk_date, uk_month
from heartbeat.core.history import (
    CREATED,
    REMOVED,
    HistoryEntry,
    object_entries,
)
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
    sees_partnership_projects,
)
from heartbeat.skills.models import Skill, SkillLevel

# History ------------------------------------------------------------------------------------

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


def _visibility_timeline(project_records: list) -> list[tuple[datetime.datetime, str]]:
    """When the project's visibility was set, and to what, oldest first."""
    return [(record.history_date, record.visibility) for record in project_records]


def _visibility_at(timeline, when: datetime.datetime | None) -> str | None:
    """The project's visibility just after the changes made at ``when``."""
    if when is None:
        return None
    found = None
    for at, visibility in timeline:
        if at > when:
            break
        found = visibility
    return found


def _public_during(timeline, start: datetime.datetime, end: datetime.datetime) -> bool:
    """Whether the project was public at some moment from ``start`` until just before
    ``end`` (what was written at ``start`` was then public until ``end`` changed it)."""
    if _visibility_at(timeline, start) == Visibility.PUBLIC:
        return True
    return any(start < at < end and visibility == Visibility.PUBLIC for at, visibility in timeline)


def _for_visitors(entries: list[HistoryEntry], timeline) -> list[HistoryEntry]:
    """What a visitor may see: changes made while the project was public, without names,
    and without values that were never public (what a record held before a change made
    while, or as, the project became public)."""
    shown = []
    for entry in entries:
        if _visibility_at(timeline, entry.when) != Visibility.PUBLIC:
            continue
        entry.show_who = False
        entry.user = None
        if entry.since is not None and not _public_during(timeline, entry.since, entry.when):
            if entry.action == REMOVED:
                continue  # what was removed was never public
            entry.subject = entry.subject_after or entry.subject
            for change in entry.changes:
                change.before = ""
        shown.append(entry)
    return shown


def project_history(project: Project, user=None) -> list[HistoryEntry]:
    """What changed on the project and its definition, who changed it and when, newest
    first (at most 12 queries, however long the history).

    History follows the visibility rule: members of the partnership see every change with
    its author; a visitor (``user`` None or signed out) sees only changes made while the
    project was public, with no names, so nothing written while it was partnership-only
    becomes public through its history."""
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
    ranked: list[tuple[int, HistoryEntry]] = [
        (1, entry)
        for entry in object_entries(
            project_records,
            fields=PROJECT_HISTORY_FIELDS,
            show=names.show,
            subject=lambda record: "the project",
            first_action=CREATED,
            show_first=False,
        )
    ]
    for rank, (model, fields, records) in enumerate(row_records, start=2):
        by_object: dict[int, list] = defaultdict(list)
        for record in records:
            by_object[record.id].append(record)
        for object_records in by_object.values():
            ranked += [
                (rank, entry)
                for entry in object_entries(
                    object_records,
                    fields=fields,
                    show=names.show,
                    subject=lambda record, model=model: _row_subject(model, record, names),
                )
            ]
    ranked.sort(key=lambda pair: (pair[1].when, pair[0], pair[1].record_id), reverse=True)
    entries = [entry for _, entry in ranked]
    if not sees_partnership_projects(user):
        entries = _for_visitors(entries, _visibility_timeline(project_records))
    return entries
