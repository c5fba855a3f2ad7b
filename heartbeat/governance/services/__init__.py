"""Governance writes, one module per part: boards, meetings, decisions and stage gates.

Every function checks who may act (``heartbeat.governance.permissions``) and the rules,
and runs in a transaction. Refusals are ApplicationErrors whose message says what to do.
"""

from heartbeat.governance.services.boards import (
    board_create,
    board_member_add,
    board_member_end,
    board_member_set_role,
    board_update,
)
from heartbeat.governance.services.decisions import decision_record, decision_update
from heartbeat.governance.services.gates import (
    check_gate,
    gate_remove,
    gate_set,
    link_decision,
    transition_note,
)
from heartbeat.governance.services.meetings import (
    action_create,
    action_update,
    agenda_item_add,
    agenda_item_remove,
    agenda_item_update,
    attendance_record,
    meeting_create,
    meeting_update,
)

__all__ = [
    "action_create",
    "action_update",
    "agenda_item_add",
    "agenda_item_remove",
    "agenda_item_update",
    "attendance_record",
    "board_create",
    "board_member_add",
    "board_member_end",
    "board_member_set_role",
    "board_update",
    "check_gate",
    "decision_record",
    "decision_update",
    "gate_remove",
    "gate_set",
    "link_decision",
    "transition_note",
    "meeting_create",
    "meeting_update",
]
