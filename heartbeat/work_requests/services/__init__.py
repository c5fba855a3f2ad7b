"""Writes to work requests: raise, change, attach, support, comment and triage.

Every function checks who may act (``permissions``) and the rules, runs in a transaction,
and queues its emails with ``transaction.on_commit`` so nothing goes out for a change that
is rolled back. ``actor=None`` means Heartbeat itself (the demo loader, an importer). The
services live in the modules of this package; import them from here.
"""

from heartbeat.work_requests.services.base import clean_request, text
from heartbeat.work_requests.services.requests import (
    attachment_add,
    attachment_remove,
    work_request_create,
    work_request_update,
)
from heartbeat.work_requests.services.support import comment_add, support_add, support_withdraw
from heartbeat.work_requests.services.triage import (
    new_project_defaults,
    work_request_link_project,
    work_request_triage,
)

__all__ = [
    "attachment_add",
    "attachment_remove",
    "clean_request",
    "comment_add",
    "new_project_defaults",
    "support_add",
    "support_withdraw",
    "text",
    "work_request_create",
    "work_request_link_project",
    "work_request_triage",
    "work_request_update",
]
