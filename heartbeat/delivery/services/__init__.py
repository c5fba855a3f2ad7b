"""Writes to the delivery records. Each service checks permission and rules and runs in a
transaction; ``actor`` None means Heartbeat itself (the demo, the generator, a task)."""

from heartbeat.delivery.services.milestones import (
    milestone_create,
    milestone_from_product,
    milestone_move_forecasts,
    milestone_set_baseline,
    milestone_update,
    milestones_take_baseline,
    take_baselines_at_approval,
)
from heartbeat.delivery.services.raid import (
    raid_item_close,
    raid_item_create,
    raid_item_deescalate,
    raid_item_escalate,
    raid_item_reopen,
    raid_item_update,
)
from heartbeat.delivery.services.reports import report_request
from heartbeat.delivery.services.settings import project_cadence_set, settings_update
from heartbeat.delivery.services.updates import (
    check_period,
    update_correct,
    update_delete_draft,
    update_save,
)

__all__ = [
    "check_period",
    "milestone_create",
    "milestone_from_product",
    "milestone_move_forecasts",
    "milestone_set_baseline",
    "milestone_update",
    "milestones_take_baseline",
    "project_cadence_set",
    "raid_item_close",
    "raid_item_create",
    "raid_item_deescalate",
    "raid_item_escalate",
    "raid_item_reopen",
    "raid_item_update",
    "report_request",
    "settings_update",
    "take_baselines_at_approval",
    "update_correct",
    "update_delete_draft",
    "update_save",
]
