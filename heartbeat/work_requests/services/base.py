"""What every work request service shares: checked text, the request's own fields, locking
and edit conflicts."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from heartbeat.core.exceptions import (
    ApplicationError,
    Conflict,
    InvalidInput,
    NotFound,
)
from heartbeat.core.formatting import money, uk_datetime
from heartbeat.portfolio.models import Theme
from heartbeat.work_requests.inputs import WorkRequestInput
from heartbeat.work_requests.models import (
    MAX_AFFECTED,
    MAX_BENEFIT_NOTES,
    MAX_BENEFIT_VALUE,
    MAX_OUTCOME,
    MAX_PROBLEM,
    MAX_TITLE,
    OPEN_STATES,
    Urgency,
    WorkRequest,
)
from heartbeat.work_requests.rules import state_label


def save(instance, actor, when: datetime.datetime | None = None) -> None:
    instance._history_user = actor if actor is not None and actor.is_authenticated else None
    if when is not None:
        instance._history_date = when
    instance.save()


def text(value, *, field: str, max_length: int, missing: str | None, name: str) -> str:
    """``value`` stripped and checked: no NUL bytes, not too long, given when ``missing`` says
    what to ask for."""
    value = "" if value is None else str(value)
    value = value.replace("\r\n", "\n").strip()
    if "\x00" in value:
        raise InvalidInput(
            f"{name} contains a character that cannot be saved (a null byte): remove it and "
            "try again.",
            code="invalid_characters",
            field=field,
        )
    if not value and missing:
        raise InvalidInput(missing, field=field)
    if len(value) > max_length:
        raise InvalidInput(
            f"{name} must be {max_length:,} characters or fewer (it is {len(value):,}).",
            field=field,
        )
    return value


def _benefit_value(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InvalidInput(
            "Enter the rough benefit as an amount in pounds, like 25000.", field="benefit_value"
        ) from None
    if not amount.is_finite():
        raise InvalidInput(
            "Enter the rough benefit as an amount in pounds, like 25000.", field="benefit_value"
        )
    if amount < 0:
        raise InvalidInput("The rough benefit must be £0 or more.", field="benefit_value")
    if amount > MAX_BENEFIT_VALUE:
        raise InvalidInput(
            f"The rough benefit must be {money(MAX_BENEFIT_VALUE)} a year or less.",
            field="benefit_value",
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput("Give the rough benefit to the penny at most.", field="benefit_value")
    return amount


def clean_request(data: WorkRequestInput) -> dict:
    """The request's own fields checked, in the order the form shows them."""
    values = {
        "title": text(
            data.title,
            field="title",
            max_length=MAX_TITLE,
            missing="Enter a title for the request.",
            name="The title",
        ),
        "problem": text(
            data.problem,
            field="problem",
            max_length=MAX_PROBLEM,
            missing="Describe the problem your council needs solved.",
            name="The problem",
        ),
        "affected": text(
            data.affected,
            field="affected",
            max_length=MAX_AFFECTED,
            missing="Say who is affected by the problem.",
            name="Who is affected",
        ),
        "outcome": text(
            data.outcome,
            field="outcome",
            max_length=MAX_OUTCOME,
            missing="Describe the outcome you want.",
            name="The outcome wanted",
        ),
    }
    if data.theme_id is None or not Theme.objects.filter(pk=data.theme_id).exists():
        raise InvalidInput("Choose the theme the request belongs to.", field="theme")
    values["theme_id"] = data.theme_id
    if data.urgency not in Urgency.values:
        raise InvalidInput("Choose how urgent the request is.", field="urgency")
    values["urgency"] = data.urgency
    values["benefit_value"] = _benefit_value(data.benefit_value)
    values["benefit_notes"] = text(
        data.benefit_notes,
        field="benefit_notes",
        max_length=MAX_BENEFIT_NOTES,
        missing=None,
        name="How the benefit was estimated",
    )
    return values


def lock(work_request: WorkRequest) -> WorkRequest:
    current = (
        WorkRequest.objects.select_for_update()
        .select_related("organisation", "theme")
        .filter(pk=work_request.pk)
        .first()
    )
    if current is None:
        raise NotFound("That work request no longer exists.")
    return current


def refuse_decided(current: WorkRequest, what: str) -> None:
    if current.state not in OPEN_STATES:
        raise ApplicationError(
            f"{current.reference} has been {state_label(current.state).lower()}, so {what}.",
            code="request_decided",
            status=409,
        )


def conflict(current: WorkRequest) -> Conflict:
    last = current.history.select_related("history_user").first()
    who = last.history_user.display_name if last and last.history_user else "Someone else"
    return Conflict(
        f"{who} saved {current.reference} on {uk_datetime(current.updated_at)}, after you opened "
        "it. Your changes have not been saved yet: check theirs, then save again to keep yours.",
        extra={
            "current_version": current.version,
            "saved_by": who,
            "saved_at": current.updated_at.isoformat(),
        },
    )


def check_version(current: WorkRequest, expected_version: int | None) -> None:
    if expected_version is not None and current.version != expected_version:
        raise conflict(current)
