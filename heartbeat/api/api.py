"""The Heartbeat API: one ninja object, each app contributes a router."""

from ninja import NinjaAPI

from heartbeat.accounts.api_auth import SessionOrToken
from heartbeat.core.api.errors import install_error_handlers

api = NinjaAPI(
    title="Heartbeat API",
    version="1",
    description=(
        "The partnership's work programme as data. Authenticate with a session cookie or a "
        "personal access token (`Authorization: Bearer hbt_...`) created on your profile page. "
        "Public records are readable without authentication. Errors are JSON "
        '`{"code": ..., "message": ...}` with a stable code.'
    ),
    auth=SessionOrToken(optional=True),
    urls_namespace="api",
)
install_error_handlers(api)

api.add_router("/", "heartbeat.partnership.api.router")
api.add_router("/", "heartbeat.accounts.api.router")
api.add_router("/", "heartbeat.skills.api.router")
api.add_router("/", "heartbeat.portfolio.api.router")
api.add_router("/", "heartbeat.recruitment.api.router")
api.add_router("/", "heartbeat.roadmap.api.router")
api.add_router("/", "heartbeat.governance.api.router")
