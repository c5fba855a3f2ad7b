"""Delivery API: updates, milestones, the RAID log and the dashboard's figures.

The endpoints call the same selectors and services as the pages, so the same rules and
permissions hold. Projects are named by slug; updates, milestones and RAID items by id.
Every text input is bounded as in the forms and the database, and NUL bytes are refused.
"""

from heartbeat.delivery.api import dashboard, milestones, raid, updates  # noqa: F401  (register)
from heartbeat.delivery.api.common import router

__all__ = ["router"]
