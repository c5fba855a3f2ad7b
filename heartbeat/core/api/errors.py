"""Every API error is JSON ``{code, message}`` with the right status."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError, ValidationError

from heartbeat.core.exceptions import ApplicationError

STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "edit_conflict",
    422: "invalid_input",
    429: "too_many_requests",
}


def error_body(code: str, message: str, **extra) -> dict:
    return {"code": code, "message": message, **extra}


def _describe(errors: list[dict]) -> str:
    parts = []
    for error in errors:
        loc = [
            str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "payload")
        ]
        where = ".".join(loc)
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return "; ".join(parts) or "The request was not valid."


def install_error_handlers(api) -> None:
    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        extra = {"field": exc.field} if exc.field else {}
        extra.update(exc.extra)
        return api.create_response(
            request, error_body(exc.code, exc.message, **extra), status=exc.status
        )

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors]
        return api.create_response(
            request,
            error_body("invalid_input", _describe(errors), errors=errors),
            status=422,
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc: AuthenticationError):
        status = getattr(exc, "status_code", 401)
        message = getattr(exc, "message", "") or "Sign in or send a personal access token."
        if message == "Unauthorized":
            message = "Sign in or send a personal access token."
        return api.create_response(
            request,
            error_body(STATUS_CODES.get(status, "not_authenticated"), message),
            status=status,
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return api.create_response(
            request,
            error_body(STATUS_CODES.get(exc.status_code, "error"), str(exc.message)),
            status=exc.status_code,
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(
            request, error_body("not_found", "No such record, or you cannot see it."), status=404
        )

    @api.exception_handler(DjangoPermissionDenied)
    def permission_denied(request, exc):
        return api.create_response(
            request,
            error_body("permission_denied", str(exc) or "You cannot do that."),
            status=403,
        )
