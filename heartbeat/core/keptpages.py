"""Whole responses kept until the data changes: a page drawn once is served again, to the
same person at the same address, until anything is written.

Most of a page's time is spent above the database, in working out its figures and drawing
its HTML, and pages are read far more often than the partnership's records change. A view
marked with ``kept_page`` (and every API read) has its response kept in the shared cache
under a key that carries the data version and the date (``core.datacache``, so no path
that writes can leave a stale page behind), the address with its query, the person, and
the htmx headers that choose a fragment. The next request for it is answered from the
cache without running the view.

What stays per request:

- **The form token.** The page is kept with a placeholder where its masked CSRF token was
  (``core.jinja2env.csrf_once`` masks one a page) and each response gets a fresh one, so a
  kept page's forms post like any other. A response that issued a token some other way is
  not kept.
- **Messages.** A request with messages waiting is answered by its view (the messages are
  on the page), and a response that added messages, changed the session or set a cookie
  is not kept.
- **Everything outside the view**: sign-in, the session, CSRF cookies, the security and
  content-security headers, and the visit note are the middleware's around this one, and
  run for every request.

What is not kept: anything but a GET with a 200 answer; an API request with an access
token (its key is checked, and its last use noted, by the API itself); a response over
``MAX_BYTES``. A streamed response (an export) is kept as it streams, unless it grows past
``MAX_BYTES``. Nothing is kept while the request's own transaction has unsaved writes, or
when ``DATA_CACHE`` is off (no cache that every process shares).

Kept pages also expire after ``TIMEOUT`` seconds, so what changes with the clock rather
than the data (a date passing within the day) shows within minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.csrf import get_token

from heartbeat.core import datacache
from heartbeat.core.middleware import is_api

logger = logging.getLogger(__name__)

KEPT = "heartbeat_kept_page"
# Where the page's masked form token was; replaced with a fresh one on every response.
TOKEN_PLACEHOLDER = b"heartbeat-form-token-placeholder-4b1d"
# The request attribute ``csrf_once`` records the page's masked token on.
TOKEN_ATTRIBUTE = "heartbeat_form_token"  # noqa: S105 (an attribute's name)
TIMEOUT = 5 * 60
MAX_BYTES = 2 * 1024 * 1024
# Request headers that choose what a view answers with besides the address (htmx asks for
# a fragment of a page).
VARY_HEADERS = ("HX-Request", "HX-Target", "HX-Boosted", "HX-History-Restore-Request")
# Response headers the kept response keeps (the rest are the middleware's, added afresh).
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Vary",
    "Cache-Control",
    "Last-Modified",
    "Link",
    "HX-Push-Url",
    "HX-Trigger",
)


def kept_page(view: Callable) -> Callable:
    """Mark a view whose GET response depends only on the data, the person, the address
    and the date, and which writes nothing when read."""
    setattr(view, KEPT, True)
    return view


def _is_kept(request, view_func) -> bool:
    if request.method != "GET":
        return False
    if getattr(view_func, KEPT, False):
        return True
    # The API's reads, unless made with an access token.
    return is_api(request) and "HTTP_AUTHORIZATION" not in request.META


def _messages_waiting(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _key(request) -> str | None:
    user = getattr(request, "user", None)
    person = user.pk if user is not None and user.is_authenticated else None
    parts = (
        request.get_full_path(),
        person,
        tuple(request.headers.get(header, "") for header in VARY_HEADERS),
    )
    return datacache.versioned_key("page", parts)


class KeptPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_heartbeat_kept_key", None)
        if key is not None and not getattr(request, "_heartbeat_kept_hit", False):
            return self._keep(request, response, key)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _is_kept(request, view_func) or _messages_waiting(request):
            return None
        try:
            key = _key(request)
            if key is None:
                return None
            kept = cache.get(key)
        except Exception:
            logger.exception("A kept page could not be read; drawing it afresh")
            return None
        request._heartbeat_kept_key = key
        if kept is None:
            return None
        request._heartbeat_kept_hit = True
        return _served(request, kept)

    def _keep(self, request, response, key):
        if not _keepable(request, response):
            return response
        if response.streaming:
            if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                return response
            return _kept_as_streamed(request, response, key)
        content = _with_placeholder(request, response.content)
        if content is None or len(content) > MAX_BYTES:
            return response
        _store(key, response, content)
        return response


def _keepable(request, response) -> bool:
    if response.status_code != 200 or response.cookies:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    storage = getattr(request, "_messages", None)
    return storage is None or not (storage._queued_messages or storage.added_new)


def _with_placeholder(request, content: bytes) -> bytes | None:
    """The content with its masked form token replaced by the placeholder; None when the
    response issued a token that the placeholder cannot stand for."""
    token = getattr(request, TOKEN_ATTRIBUTE, None)
    if token is None:
        # Django's get_token() notes every token it issues; one issued other than through
        # csrf_once (a Django template's {% csrf_token %}) cannot be told from the content.
        return None if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") else content
    return content.replace(token.encode(), TOKEN_PLACEHOLDER)


def _store(key: str, response, content: bytes) -> None:
    headers = tuple((name, response[name]) for name in KEPT_HEADERS if name in response)
    try:
        cache.set(key, (content, headers), TIMEOUT)
    except Exception:
        logger.exception("A page could not be kept")


def _served(request, kept) -> HttpResponse:
    content, headers = kept
    if TOKEN_PLACEHOLDER in content:
        content = content.replace(TOKEN_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def _kept_as_streamed(request, response: StreamingHttpResponse, key: str):
    """Pass the stream on as it is, keeping a copy of it while it stays small."""
    stream = response.streaming_content

    def copied() -> Iterator[bytes]:
        chunks: list[bytes] | None = []
        size = 0
        for chunk in stream:
            if chunks is not None:
                size += len(chunk)
                if size > MAX_BYTES:
                    chunks = None
                else:
                    chunks.append(bytes(chunk))
            yield chunk
        if chunks is not None:
            _store(key, response, b"".join(chunks))

    response.streaming_content = copied()
    return response
