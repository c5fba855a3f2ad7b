"""What the prioritisation services share: who may act, and finding rounds."""

from __future__ import annotations

from heartbeat.core.exceptions import Conflict, PermissionDenied
from heartbeat.prioritisation import permissions
from heartbeat.prioritisation.models import (
    FROZEN_MESSAGE,
    Round,
    RoundFrozen,
    RoundState,
)

BATCH_SIZE = 500


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def office_only(actor, what: str) -> None:
    if actor is not None:
        require(permissions.can_score(actor), f"Only the programme office can {what}.")


def person(actor):
    return actor if actor is not None and actor.is_authenticated else None


def draft_round() -> Round | None:
    return Round.objects.select_for_update().filter(state=RoundState.DRAFT).first()


def latest_published(before: int | None = None) -> Round | None:
    rounds = Round.objects.published()
    if before is not None:
        rounds = rounds.filter(number__lt=before)
    return rounds.order_by("-number").first()


def round_conflict(current: Round) -> Conflict:
    return Conflict(
        f"{current.name} changed after you opened it: reload the page to see the latest, "
        "then try again.",
        extra={"current_version": current.version},
    )


def refuse_published(round_: Round) -> None:
    if round_.state == RoundState.PUBLISHED:
        raise RoundFrozen(FROZEN_MESSAGE)
