"""Errors that services raise when a rule says no."""


class ApplicationError(Exception):
    """A rule refused an action; the message tells a person what to do about it.

    ``code`` is stable (the API returns it), ``status`` is the HTTP status the API uses,
    and ``field`` names the form field the message belongs to, when there is one.
    """

    code = "rule_violation"
    status = 400

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        field: str | None = None,
        extra: dict | None = None,
    ):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status
        self.field = field
        self.extra = extra or {}


class PermissionDenied(ApplicationError):
    code = "permission_denied"
    status = 403


class NotFound(ApplicationError):
    code = "not_found"
    status = 404


class Conflict(ApplicationError):
    """Someone else changed the record after it was read: the save would overwrite them."""

    code = "edit_conflict"
    status = 409


class InvalidInput(ApplicationError):
    code = "invalid_input"
    status = 422
