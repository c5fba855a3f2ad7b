"""Every API error is JSON ``{code, message}`` with the right status."""

import functools
import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import BaseModel

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.core.text import unstorable_in, unstorable_message

STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "edit_conflict",
    422: "invalid_input",
    429: "too_many_requests",
    500: "server_error",
}

STATUS_MESSAGES = {
    400: "The request could not be read.",
    401: "Sign in or send a personal access token.",
    403: "You cannot do that.",
    404: "No such address in the API.",
    405: "This address does not take that method.",
    413: "The request is too large.",
    429: "Too many requests: wait a moment and try again.",
    500: "Something went wrong on our side. It has been logged; try again later.",
}

logger = logging.getLogger("heartbeat.api")


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
        message = str(exc.message)
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            message = "The request body is not valid JSON."
        return api.create_response(
            request,
            error_body(STATUS_CODES.get(exc.status_code, "error"), message),
            status=exc.status_code,
        )

    @api.exception_handler(MultiPartParserError)
    def unreadable_form(request, exc: MultiPartParserError):
        # A multipart body that cannot be read (no boundary, say) is the caller's mistake.
        return api.create_response(
            request,
            error_body(
                "bad_request", "The form data could not be read (is its boundary missing?)."
            ),
            status=400,
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

    @api.exception_handler(Exception)
    def unexpected(request, exc: Exception):
        # Logged with its traceback, as Django logs a page's 500; the caller gets JSON.
        logger.error("Unexpected error in %s %s", request.method, request.path, exc_info=exc)
        return api.create_response(
            request, error_body("server_error", STATUS_MESSAGES[500]), status=500
        )


def refuse_unstorable_text(operation):
    """Refuse NUL bytes and control characters in the parameters and fields an operation
    declares, once they are validated, before the endpoint sees them (a 422 that names the
    field). Fields the schema does not declare are ignored, as the API ignores them.

    Installed on every operation with ``api.add_decorator``.
    """

    @functools.wraps(operation)
    def checked(request, *args, **kwargs):
        for name, value in kwargs.items():
            if isinstance(value, BaseModel):
                data, prefix = value.model_dump(), ""
            else:
                data, prefix = value, name
            for where, character in unstorable_in(data, prefix):
                raise InvalidInput(unstorable_message(character, where), field=where)
        return operation(request, *args, **kwargs)

    return checked
