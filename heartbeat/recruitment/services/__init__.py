"""Recruitment writes: participation, pledges, capacity, people's skills and the skills list.

Every function checks who may act (``permissions``), the rules, and runs in a transaction.
Refusals are ApplicationErrors whose message says what to do; the API returns their code.
The services live in the modules of this package; import them from here.
"""

from heartbeat.recruitment.services.base import (
    FINISHED_STAGES,
    MAX_CAPACITY_DAYS,
    default_participation_role,
    lock_project,
    pledge_refusal,
)
from heartbeat.recruitment.services.capacity import (
    capacity_declare,
    capacity_remove,
    capacity_update,
)
from heartbeat.recruitment.services.participation import participation_set
from heartbeat.recruitment.services.pledges import (
    notify_councils,
    pledge_create,
    pledge_end,
    pledge_trim,
    pledge_update,
    pledge_withdraw,
    refresh_requirement_months,
)
from heartbeat.recruitment.services.project_changes import (
    FINISHING_STAGES,
    end_pledges_of_finished_project,
    refuse_changing_pledged_need,
    trim_pledges_to_need,
)

__all__ = [
    "FINISHED_STAGES",
    "MAX_CAPACITY_DAYS",
    "lock_project",
    "pledge_refusal",
    "default_participation_role",
    "capacity_declare",
    "capacity_remove",
    "capacity_update",
    "participation_set",
    "refresh_requirement_months",
    "notify_councils",
    "pledge_create",
    "pledge_update",
    "pledge_withdraw",
    "pledge_trim",
    "pledge_end",
    "FINISHING_STAGES",
    "end_pledges_of_finished_project",
    "refuse_changing_pledged_need",
    "trim_pledges_to_need",
]
