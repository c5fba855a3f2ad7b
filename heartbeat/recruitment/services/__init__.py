"""Recruitment writes: participation, pledges, capacity, people's skills and the skills list.

Every function checks who may act (``permissions``), the rules, and runs in a transaction.
Refusals are ApplicationErrors whose message says what to do; the API returns their code.
The services live in the modules of this package; import them from here.
"""

from heartbeat.recruitment.services.base import FINISHED_STAGES, MAX_CAPACITY_DAYS
from heartbeat.recruitment.services.capacity import capacity_declare, capacity_remove
from heartbeat.recruitment.services.participation import participation_set
from heartbeat.recruitment.services.pledges import (
    pledge_create,
    pledge_update,
    pledge_withdraw,
    refresh_requirement_months,
)

__all__ = [
    "FINISHED_STAGES",
    "MAX_CAPACITY_DAYS",
    "refresh_requirement_months",
    "pledge_create",
    "pledge_update",
    "pledge_withdraw",
    "participation_set",
    "capacity_declare",
    "capacity_remove",
]
