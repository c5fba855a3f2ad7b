"""The Heartbeat API: one ninja object, each app contributes a router."""

from ninja import NinjaAPI, Swagger

from heartbeat.accounts.api_auth import SessionOrToken
from heartbeat.core.api.errors import install_error_handlers, refuse_unstorable_text
from heartbeat.core.api.openapi import complete_schema


class ApiDocs(Swagger):
    """Swagger UI inside a page of the site's own: its language, a heading, a way home."""

    template = "api/docs.html"


class HeartbeatAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return complete_schema(schema, auth=self._auth_modes())

    def _auth_modes(self) -> dict[str, str]:
        """Each operation's authentication: required, optional (public reads) or none."""
        modes = {}
        for router in self._get_bound_routers():
            for path_view in router.path_operations.values():
                for operation in path_view.operations:
                    callbacks = [a for a in operation.auth_callbacks if a is not None]
                    if not callbacks:
                        mode = "none"
                    elif all(isinstance(a, SessionOrToken) and a.optional for a in callbacks):
                        mode = "optional"
                    else:
                        mode = "required"
                    operation_id = operation.operation_id or self.get_openapi_operation_id(
                        operation
                    )
                    modes[operation_id] = mode
        return modes


api = HeartbeatAPI(
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
    docs=ApiDocs(settings={"deepLinking": False}),
)
install_error_handlers(api)
api.add_decorator(refuse_unstorable_text)

api.add_router("/", "heartbeat.partnership.api.router")
api.add_router("/", "heartbeat.accounts.api.router")
api.add_router("/", "heartbeat.skills.api.router")
api.add_router("/", "heartbeat.portfolio.api.router")
api.add_router("/", "heartbeat.recruitment.api.router")
api.add_router("/", "heartbeat.recruitment.hub_api.router")
api.add_router("/", "heartbeat.work_requests.api.router")
api.add_router("/", "heartbeat.prioritisation.api.router")
api.add_router("/", "heartbeat.benefits.api.router")
api.add_router("/", "heartbeat.roadmap.api.router")
api.add_router("/", "heartbeat.governance.api.router")
api.add_router("/", "heartbeat.engagement.api.router")
api.add_router("/", "heartbeat.delivery.api.router")
