"""Governance API: boards and their members, meetings with agenda items and papers,
attendance, actions, the decision log and the stage gates.

The endpoints call the same selectors and services as the pages, so they keep the same
rules and permissions. Boards, projects and products are named by slug; meetings, agenda
items, actions and decisions by id; people by id. Meetings, papers and actions are for
signed-in callers; the decision log answers visitors with the decisions whose subject is
public.
"""

from heartbeat.governance.api import boards, decisions, meetings
from heartbeat.governance.api.common import router

# The endpoint modules add their endpoints to the router as they are imported.
__all__ = ["boards", "decisions", "meetings", "router"]
