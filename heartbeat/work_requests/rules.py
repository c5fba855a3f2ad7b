"""Triage: the moves a request may make, and what each needs."""

from dataclasses import dataclass

from heartbeat.work_requests.models import State


@dataclass(frozen=True)
class Move:
    to_state: str
    label: str
    # What the programme office must give with the move.
    needs_reason: bool = False
    needs_original: bool = False


MOVES: dict[str, list[Move]] = {
    State.SUBMITTED: [Move(State.UNDER_REVIEW, "Start the review")],
    State.UNDER_REVIEW: [
        Move(State.ACCEPTED, "Accept"),
        Move(State.DECLINED, "Decline", needs_reason=True),
        Move(State.DUPLICATE, "Mark as a duplicate", needs_original=True),
    ],
    State.ACCEPTED: [],
    State.DECLINED: [],
    State.DUPLICATE: [],
}


def moves_from(state: str) -> list[Move]:
    return list(MOVES.get(state, []))


def find_move(state: str, to_state: str) -> Move | None:
    return next((m for m in moves_from(state) if m.to_state == to_state), None)


def state_label(state: str) -> str:
    return State(state).label if state in State.values else state
