"""Work request pages: the list, raising and changing a request, its page with support,
comments and files, and triage. The views live in the modules of this package."""

from heartbeat.work_requests.views.base import STATE_COLOURS, URGENCY_COLOURS
from heartbeat.work_requests.views.listing import request_create, request_edit, request_list
from heartbeat.work_requests.views.request import (
    attachment_add,
    attachment_download,
    attachment_remove,
    comment,
    request_detail,
    support,
    support_withdraw,
)
from heartbeat.work_requests.views.triage import link_project, triage

__all__ = [
    "STATE_COLOURS",
    "URGENCY_COLOURS",
    "attachment_add",
    "attachment_download",
    "attachment_remove",
    "comment",
    "link_project",
    "request_create",
    "request_detail",
    "request_edit",
    "request_list",
    "support",
    "support_withdraw",
    "triage",
]
