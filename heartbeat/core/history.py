"""Readable history: who changed what on a record, when, with each field before and after.

The one design every app's history page uses. An app gives the historical records of one
object (django-simple-history, oldest first), the fields to show with their labels, and how
to show a value and name the object; ``object_entries`` turns them into entries. Records a
service wrote together (same moment, same person) read as one change.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# What an entry says happened to the object.
CREATED, ADDED, CHANGED, REMOVED = "created", "added", "changed", "removed"


@dataclass
class FieldChange:
    label: str
    before: str  # empty when there was nothing, or when it may not be shown
    after: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: Any  # the person who made the change, or None for Heartbeat itself
    action: str  # created, added, changed, removed
    subject: str  # "the project", or the record, e.g. "requirement “Single sign-on”"
    changes: list[FieldChange] = field(default_factory=list)
    # When the values before this change were recorded (None for a new record).
    since: datetime.datetime | None = None
    # Names are hidden from people outside the partnership.
    show_who: bool = True
    # The historical record's id, which orders changes made at the same moment.
    record_id: int = 0
    # The record as named after the change (``subject`` names it as it was before).
    subject_after: str = ""

    @property
    def who(self) -> str:
        if not self.show_who:
            return ""
        return self.user.display_name if self.user else "Heartbeat"

    @property
    def description(self) -> str:
        """e.g. "Added requirement “Single sign-on”" or "Changed the project"."""
        return f"{self.action.capitalize()} {self.subject}"


def field_changes(
    before: Any, after: Any, fields: dict[str, str], show: Callable[[str, Any], str]
) -> list[FieldChange]:
    """The fields whose shown value differs between two records (``before`` may be None)."""
    changes = []
    for attname, label in fields.items():
        old = getattr(before, attname, None) if before is not None else None
        new = getattr(after, attname, None)
        shown_old, shown_new = show(attname, old), show(attname, new)
        if shown_old != shown_new:
            changes.append(FieldChange(label, shown_old, shown_new))
    return changes


def bursts(records: list) -> list[tuple[Any, Any, Any]]:
    """(record before, last record, first record) of each change to one object.

    ``records`` are one object's historical records in date order; those a service wrote
    together share their date and person (a project saved, then its tags set) and read as
    one change.
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
    found = []
    previous = None
    for group in groups:
        found.append((previous, group[-1], group[0]))
        previous = group[-1]
    return found


def object_entries(
    records: Iterable,
    *,
    fields: dict[str, str],
    show: Callable[[str, Any], str],
    subject: Callable[[Any], str],
    first_action: str = ADDED,
    show_first: bool = True,
) -> list[HistoryEntry]:
    """Entries for one object's historical records (oldest first): its creation (with its
    values, unless ``show_first`` is off), each change (fields before and after) and its
    removal, oldest first."""
    entries = []
    for before, after, first in bursts(list(records)):
        if after.history_type == "-":
            if before is None and first.history_type == "+":
                continue  # added and removed at once: nothing to show
            entries.append(
                HistoryEntry(
                    after.history_date,
                    after.history_user,
                    REMOVED,
                    subject(after),
                    [],
                    since=before.history_date if before is not None else None,
                    record_id=after.history_id,
                )
            )
        elif before is None:
            entries.append(
                HistoryEntry(
                    after.history_date,
                    first.history_user,
                    first_action,
                    subject(after),
                    field_changes(None, after, fields, show) if show_first else [],
                    record_id=after.history_id,
                )
            )
        else:
            changes = field_changes(before, after, fields, show)
            if changes:
                entries.append(
                    HistoryEntry(
                        after.history_date,
                        after.history_user,
                        CHANGED,
                        subject(before),
                        changes,
                        since=before.history_date,
                        record_id=after.history_id,
                        subject_after=subject(after),
                    )
                )
    return entries


def newest_first(entries: Iterable[HistoryEntry]) -> list[HistoryEntry]:
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
