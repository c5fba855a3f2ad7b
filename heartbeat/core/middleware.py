import logging

from django.contrib.auth.middleware import LoginRequiredMiddleware as BaseLoginRequired
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render

from heartbeat.core.api.errors import STATUS_CODES, STATUS_MESSAGES, error_body
from heartbeat.core.text import first_unstorable, unstorable_message

API_PREFIX = "/api/"

logger = logging.getLogger(__name__)


def is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


class LoginRequiredMiddleware(BaseLoginRequired):
    """Every page needs a signed-in person unless its view is marked public.

    The API authenticates for itself (session or personal access token) and answers JSON,
    so it is left to its own checks rather than redirected to the sign-in page.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_api(request):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class ApiErrorsAsJsonMiddleware:
    """Every API error is JSON ``{code, message}``, whoever answered it.

    The API's own handlers already answer JSON. This catches the rest: an address under
    /api/ that matches no endpoint (404), a method an endpoint does not have (405), and
    anything Django itself answers as a page (400, 403, 500).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_api(request) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        status = response.status_code
        replacement = JsonResponse(
            error_body(
                STATUS_CODES.get(status, "server_error" if status >= 500 else "bad_request"),
                STATUS_MESSAGES.get(status, "The request could not be answered."),
            ),
            status=status,
        )
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                replacement[header] = response[header]
        return replacement


class RefuseUnstorableTextMiddleware:
    """Refuse NUL bytes and control characters in addresses, query strings and posted forms
    before any view, query or file sees them.

    Forms say so beside the field (every form field refuses control characters, see
    ``CoreConfig.ready``); this catches what no form checks: addresses, filters, hidden
    fields and NUL bytes anywhere. The API checks the fields it declares itself (see
    ``heartbeat.core.api.errors.refuse_unstorable_text``), so extra fields it ignores do
    not matter; here it only has its addresses checked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self._problem(request)
        if problem is None:
            return self.get_response(request)
        status, code, message, field = problem
        if is_api(request):
            return JsonResponse(error_body(code, message), status=status)
        return render(
            request,
            "core/400.html",
            {"page_title": "There is a problem with what was sent", "message": message},
            status=status,
        )

    def _problem(self, request):
        if first_unstorable(request.path):
            return (404, "not_found", "There is no such address.", None)
        if is_api(request):
            return None
        for key, values in request.GET.lists():
            for text in [key, *values]:
                character = first_unstorable(text)
                if character:
                    where = f"The search or filter '{first_printable(key)}'"
                    return (400, "invalid_input", unstorable_message(character, where), key)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            # Forms refuse control characters beside the field; a NUL byte, which no one
            # types, is refused here, wherever it is (hidden fields too).
            try:
                fields = request.POST.lists()
            except (MultiPartParserError, RequestDataTooBig, TooManyFieldsSent):
                return None  # the view answers a body it cannot read
            for key, values in fields:
                for text in [key, *values]:
                    if "\x00" in text:
                        where = f"The field '{first_printable(key)}'"
                        return (400, "invalid_input", unstorable_message("\x00", where), key)
        return None


def first_printable(text: str) -> str:
    return "".join(c for c in text if not first_unstorable(c))[:40] or "?"


class ErrorTitleMiddleware:
    """A page that shows an error summary says so first in its title ("Error: ..."), so a
    screen reader user hears at once that what they sent needs putting right, whichever
    form or app drew the page."""

    SUMMARY = b'class="ds_error-summary"'
    TITLE = b"<title>"
    PREFIX = b"<title>Error: "

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or self.SUMMARY not in response.content
            or self.PREFIX in response.content
        ):
            return response
        response.content = response.content.replace(self.TITLE, self.PREFIX, 1)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
