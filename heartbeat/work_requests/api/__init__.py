"""Work requests API: requests, their supports, comments, files and triage.

Requests are shared with signed-in members, so every endpoint needs a session or a personal
access token. The endpoints call the same selectors and services as the pages. Requests are
named by id (their reference WR-0012 is id 12); organisations, themes and projects by slug.
The endpoints live in the modules of this package, on one ``router``.
"""

from heartbeat.work_requests.api import requests, supports  # noqa: F401 - they add the endpoints
from heartbeat.work_requests.api.base import router

__all__ = ["router"]
