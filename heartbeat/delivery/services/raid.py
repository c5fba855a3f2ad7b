"""Writing the RAID log: risks, assumptions, issues and dependencies.

Items are numbered per project and kind (R1, R2, I1, ...) under the project's lock, so two
people raising risks at once get different numbers. Closed items stay in the log. A risk can
be escalated to the programme, which the programme office can hand back.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from heartbeat.core.exceptions import Conflict, InvalidInput, NotFound
from heartbeat.core.formatting import uk_datetime
from heartbeat.delivery.inputs import RaidInput
from heartbeat.delivery.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    OWNER_MAX,
    REASON_MAX,
    Priority,
    Proximity,
    RaidItem,
    RaidKind,
    RaidStatus,
)
from heartbeat.delivery.services.common import (
    acting_user,
    date_in_range,
    require,
    require_reporter,
    text,
)
from heartbeat.portfolio.models import AnticipatedProduct, Project
from heartbeat.portfolio.permissions import can_view_project, is_programme_office


def _score(value, *, field: str, label: str) -> int:
    if value is None or value == "":
        raise InvalidInput(f"Choose the risk's {label.lower()} from 1 to 5.", field=field)
    if isinstance(value, bool):
        number = 0
    elif isinstance(value, int):
        number = value
    else:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = 0
    if not 1 <= number <= 5:
        raise InvalidInput(
            f"{label} is on a scale of 1 (very low) to 5 (very high): choose one of those.",
            field=field,
        )
    return number


def _check(project: Project, data: RaidInput, prefix: str, actor) -> dict:
    kind = data.kind
    if kind not in RaidKind.values:
        raise InvalidInput(
            "Choose what to log: a risk, an assumption, an issue or a dependency.",
            field=f"{prefix}kind",
        )

    def field(name):
        return f"{prefix}{name}"

    values = {
        "title": text(
            data.title,
            field=field("title"),
            label="Title",
            max_length=NAME_MAX,
            required=True,
            single_line=True,
        ),
        "description": text(
            data.description,
            field=field("description"),
            label="Description",
            max_length=DESCRIPTION_MAX,
        ),
        "owner": text(
            data.owner, field=field("owner"), label="Owner", max_length=OWNER_MAX, single_line=True
        ),
        "likelihood": None,
        "impact": None,
        "proximity": "",
        "mitigation": "",
        "priority": "",
        "resolution": "",
        "depends_on_project_id": None,
        "depends_on_product_id": None,
        "outside_body": "",
        "needed_by": None,
    }
    if kind == RaidKind.RISK:
        values["likelihood"] = _score(
            data.likelihood, field=field("likelihood"), label="Likelihood"
        )
        values["impact"] = _score(data.impact, field=field("impact"), label="Impact")
        if data.proximity and data.proximity not in Proximity.values:
            raise InvalidInput(
                "Choose how soon the risk could happen from the list.", field=field("proximity")
            )
        values["proximity"] = data.proximity or ""
        values["mitigation"] = text(
            data.mitigation,
            field=field("mitigation"),
            label="Mitigation",
            max_length=DESCRIPTION_MAX,
        )
    elif kind == RaidKind.ISSUE:
        if not data.priority or data.priority not in Priority.values:
            raise InvalidInput(
                "Choose the issue's priority: high, medium or low.", field=field("priority")
            )
        values["priority"] = data.priority
        values["resolution"] = text(
            data.resolution,
            field=field("resolution"),
            label="Resolution",
            max_length=DESCRIPTION_MAX,
        )
    elif kind == RaidKind.DEPENDENCY:
        values.update(_dependency(project, data, field, actor))
    return values


def _dependency(project: Project, data: RaidInput, field, actor) -> dict:
    targets = [
        data.depends_on_project_id is not None,
        data.depends_on_product_id is not None,
        bool((data.outside_body or "").strip()),
    ]
    if sum(targets) != 1:
        raise InvalidInput(
            "Say what the project depends on: one other project, one of another project's "
            "products, or a body outside the programme.",
            field=field("depends_on"),
        )
    values = {
        "depends_on_project_id": None,
        "depends_on_product_id": None,
        "outside_body": "",
        "needed_by": date_in_range(data.needed_by, field=field("needed_by"), label="Needed by"),
    }
    if data.depends_on_project_id is not None:
        if data.depends_on_project_id == project.pk:
            raise InvalidInput(
                "A project cannot depend on itself: choose another project, or log it as an "
                "issue or a milestone of this one.",
                code="self_dependency",
                field=field("depends_on_project"),
            )
        other = Project.objects.filter(pk=data.depends_on_project_id).first()
        if other is None or (actor is not None and not can_view_project(actor, other)):
            raise InvalidInput("Choose a project from the list.", field=field("depends_on_project"))
        values["depends_on_project_id"] = other.pk
    elif data.depends_on_product_id is not None:
        product = AnticipatedProduct.objects.filter(pk=data.depends_on_product_id).first()
        if product is None:
            raise InvalidInput("Choose a product from the list.", field=field("depends_on_product"))
        if product.project_id == project.pk:
            raise InvalidInput(
                "A project cannot depend on one of its own products: track it as a milestone.",
                code="self_dependency",
                field=field("depends_on_product"),
            )
        values["depends_on_product_id"] = product.pk
    else:
        values["outside_body"] = text(
            data.outside_body,
            field=field("outside_body"),
            label="The outside body",
            max_length=NAME_MAX,
            single_line=True,
        )
    return values


def _save(item: RaidItem, actor) -> None:
    item._history_user = acting_user(actor)
    item._history_date = timezone.now()
    item.save()


def _lock(item: RaidItem) -> RaidItem:
    current = (
        RaidItem.objects.select_for_update().select_related("project").filter(pk=item.pk).first()
    )
    if current is None:
        raise NotFound("That item is no longer in the log.")
    return current


@transaction.atomic
def raid_item_create(*, actor, project: Project, data: RaidInput, prefix: str = "") -> RaidItem:
    """Add a risk, assumption, issue or dependency to a project's log."""
    project = Project.objects.select_for_update().filter(pk=project.pk).first()
    if project is None:
        raise NotFound("That project no longer exists.")
    require_reporter(actor, project)
    values = _check(project, data, prefix, actor)
    number = (
        RaidItem.objects.filter(project=project, kind=data.kind).aggregate(n=Max("number"))["n"]
        or 0
    ) + 1
    item = RaidItem(
        project=project,
        kind=data.kind,
        number=number,
        raised_by=acting_user(actor),
        raised_at=timezone.now(),
        **values,
    )
    _save(item, actor)
    return item


def _conflict(current: RaidItem) -> Conflict:
    return Conflict(
        f"Someone changed {current.reference} on {uk_datetime(current.updated_at)}, after you "
        "opened it. Your changes have not been saved yet: check theirs, then save again.",
        extra={"current_version": current.version},
    )


@transaction.atomic
def raid_item_update(*, actor, item: RaidItem, data: RaidInput, expected_version: int) -> RaidItem:
    """Change a log item (its kind stays)."""
    current = _lock(item)
    require_reporter(actor, current.project)
    if current.version != expected_version:
        raise _conflict(current)
    data.kind = current.kind
    values = _check(current.project, data, "", actor)
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    _save(current, actor)
    return current


@transaction.atomic
def raid_item_close(*, actor, item: RaidItem, note: str = "", resolution: str = "") -> RaidItem:
    """Close an item; it stays in the log. An issue is closed with its resolution."""
    current = _lock(item)
    require_reporter(actor, current.project)
    if current.status == RaidStatus.CLOSED:
        raise Conflict(f"{current.reference} is already closed.", code="already_closed")
    note = text(note, field="note", label="The closing note", max_length=REASON_MAX)
    if current.kind == RaidKind.ISSUE:
        resolution = text(
            resolution or current.resolution,
            field="resolution",
            label="Resolution",
            max_length=DESCRIPTION_MAX,
            required=True,
        )
        current.resolution = resolution
    current.status = RaidStatus.CLOSED
    current.closed_at = timezone.now()
    current.closed_by = acting_user(actor)
    current.closure_note = note
    current.version += 1
    _save(current, actor)
    return current


@transaction.atomic
def raid_item_reopen(*, actor, item: RaidItem) -> RaidItem:
    current = _lock(item)
    require_reporter(actor, current.project)
    if current.status == RaidStatus.OPEN:
        raise Conflict(f"{current.reference} is already open.", code="already_open")
    current.status = RaidStatus.OPEN
    current.closed_at = None
    current.closed_by = None
    current.version += 1
    _save(current, actor)
    return current


@transaction.atomic
def raid_item_escalate(*, actor, item: RaidItem, note: str) -> RaidItem:
    """Escalate an open risk to the programme, saying what the programme is asked to do."""
    current = _lock(item)
    require_reporter(actor, current.project)
    if current.kind != RaidKind.RISK:
        raise InvalidInput("Only risks are escalated to the programme.", code="not_a_risk")
    if current.status != RaidStatus.OPEN:
        raise Conflict(f"{current.reference} is closed: reopen it first.", code="already_closed")
    if current.escalated_at is not None:
        raise Conflict(
            f"{current.reference} was already escalated on {uk_datetime(current.escalated_at)}.",
            code="already_escalated",
        )
    current.escalation_note = text(
        note,
        field="note",
        label="What the programme is asked to do",
        max_length=REASON_MAX,
        required=True,
    )
    current.escalated_at = timezone.now()
    current.escalated_by = acting_user(actor)
    current.version += 1
    _save(current, actor)
    return current


@transaction.atomic
def raid_item_deescalate(*, actor, item: RaidItem) -> RaidItem:
    """The programme office hands an escalated risk back to the project."""
    current = _lock(item)
    if actor is not None:
        require(is_programme_office(actor), "Only the programme office can hand a risk back.")
    if current.escalated_at is None:
        raise Conflict(f"{current.reference} is not escalated.", code="not_escalated")
    current.escalated_at = None
    current.escalated_by = None
    current.version += 1
    _save(current, actor)
    return current
