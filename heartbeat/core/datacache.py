"""Figures kept between requests in Django's cache, and never served after the data moved.

A page's costliest figures (the programme dashboard, the economics) are worked out from
thousands of rows and read far more often than those rows change. ``cached`` keeps such a
figure in the cache under a key that carries the **data version**: a value in the cache
that is replaced with a new one whenever anything is written to the database through
Django, once the write has committed. A figure cached before a write is never read after
it, whichever path wrote: a service, a ``QuerySet.update()``, a bulk insert, raw SQL through
Django's cursors, the admin, a management command, a cascade, the background worker.

How writes are seen: every database connection Django opens runs its statements through
``_watch_writes`` (an execute wrapper, installed when the connection is made), which notes
any statement that is not a read. In autocommit the version moves at once; inside a
transaction it moves when the transaction commits (``on_commit``), and until then that
connection's own reads bypass the cache, so it neither reads a figure that misses its own
writes nor stores one made from rows nobody else can see yet. A transaction that rolls back
moves nothing, and stored nothing.

Why this is never stale across processes: the version is bumped after the commit, so a
process that reads the new version also sees the committed rows; a process that read the
old version just before may store a figure from newer rows under the older key, which is
harmless. The version is a fresh random value, not a counter, so a cache that lost it (a
Redis restart, an eviction) starts a version no stored key has.

It is on only when the cache is one every process shares (``DATA_CACHE``, on by default
when ``CACHE_URL`` names a Redis server): with Django's in-process default, one worker
could keep a figure another worker's write has changed. Each key also carries the date, so
a figure that counts days ("overdue") is worked out afresh each day.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

logger = logging.getLogger(__name__)

T = TypeVar("T")

VERSION_KEY = "heartbeat:data-version"
# How long a figure stays when nothing is written: a day, within the date in its key.
DEFAULT_TIMEOUT = 24 * 60 * 60
# Statements that write nothing. Anything else counts as a write (a stray one only costs a
# miss; a missed write would serve a stale figure).
READ_PREFIXES = (
    "select",
    "savepoint",
    "release",
    "rollback",
    "begin",
    "set ",
    "show ",
    "explain",
    "pragma",
)
# Tables whose rows no cached figure reads: signing in, the session, and the job queue the
# worker polls. Written on every sign-in or job, they would otherwise empty the cache.
IGNORED_TABLES = ('"django_session"', '"axes_', '"django_tasks_database_')

_MISSING = object()
_DIRTY = "_heartbeat_uncommitted_writes"


def is_write(sql: str) -> bool:
    """Whether ``sql`` may change a row that a cached figure reads."""
    head = sql.lstrip(" \t\n(")[:80].lower()
    if head.startswith("with"):
        text = sql.lower()
        return any(word in text for word in ("insert ", "update ", "delete "))
    if head.startswith(READ_PREFIXES):
        return False
    return not any(table in head for table in IGNORED_TABLES)


class _RequestVersion(threading.local):
    """The data version as a request first read it, so a page's figures and the page itself
    ask the cache for it once. Only within a request (``request_started`` to
    ``request_finished``); a write this process makes moves it with the shared one. Another
    process's write during the request is seen by the next request: figures read under the
    version the request started with were all worked out after that version began."""

    active = False
    value: str | None = None
    # Whether the request only reads (GET or HEAD).
    reads = False


_request_version = _RequestVersion()


def request_started(environ=None, scope=None, **kwargs) -> None:
    method = (environ or {}).get("REQUEST_METHOD") or (scope or {}).get("method") or ""
    _request_version.active, _request_version.value = True, None
    _request_version.reads = method.upper() in ("GET", "HEAD")


def request_finished(**kwargs) -> None:
    _request_version.active, _request_version.value = False, None
    _request_version.reads = False


def request_only_reads() -> bool:
    """Whether a request is being answered, and it is a GET or a HEAD."""
    return _request_version.active and _request_version.reads


def bump() -> None:
    """Give the data a new version: every figure cached so far is left unread."""
    version = uuid.uuid4().hex
    if _request_version.active:
        _request_version.value = version
    try:
        cache.set(VERSION_KEY, version, None)
    except Exception:
        # A cache that cannot be written cannot serve old figures either while it is down;
        # the figure readers fall back to working them out.
        logger.exception("The data version could not be moved on")


def current_version() -> str:
    if _request_version.value is not None:
        return _request_version.value
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    if _request_version.active:
        _request_version.value = version
    return version


def _committed(connection) -> None:
    setattr(connection, _DIRTY, False)
    bump()


def _written(connection) -> None:
    if not connection.in_atomic_block:
        bump()
        return
    setattr(connection, _DIRTY, True)
    if not any(entry[1] is _on_commit_bump for entry in connection.run_on_commit):
        connection.on_commit(_on_commit_bump, robust=True)


def _on_commit_bump() -> None:
    # on_commit callbacks take no arguments; the connection that ran them is the default's
    # (the project has one database).
    _committed(connections[DEFAULT_DB_ALIAS])


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if is_write(sql):
        _written(context["connection"])
    return result


def watch_connection(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: run this connection's statements past the watcher.

    Put first, so that an ``execute_wrapper`` block already open on the connection (which
    removes the last wrapper when it closes) takes its own away, not this one."""
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _watch_writes)


def _uncommitted_writes() -> bool:
    connection = connections[DEFAULT_DB_ALIAS]
    if not connection.in_atomic_block:
        setattr(connection, _DIRTY, False)
        return False
    return getattr(connection, _DIRTY, False)


def _key(name: str, parts: tuple, version: str) -> str:
    digest = hashlib.sha256(repr((parts, timezone.localdate().isoformat())).encode()).hexdigest()
    return f"heartbeat:figure:{name}:{version}:{digest[:32]}"


def versioned_key(name: str, parts: tuple) -> str | None:
    """The cache key for ``name`` and ``parts`` at the data's current version and today's
    date, or None when nothing may be read from the cache or kept in it now (``DATA_CACHE``
    off, or this connection's transaction has writes not yet committed)."""
    if not settings.DATA_CACHE or _uncommitted_writes():
        return None
    return _key(name, parts, current_version())


def cached(name: str, parts: tuple, compute: Callable[[], T], *, timeout=DEFAULT_TIMEOUT) -> T:
    """``compute()``, or the value it gave for the same ``name`` and ``parts`` since the
    data last changed (today).

    ``parts`` is everything besides the data that the value depends on, as plain values
    (strings, numbers, dates and tuples of them): the person's visibility, the filters.
    The value is pickled, so each reader gets a copy of its own to change."""
    if not settings.DATA_CACHE or _uncommitted_writes():
        return compute()
    try:
        key = _key(name, parts, current_version())
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("The cache could not be read; working the figure out")
        return compute()
    if value is not _MISSING:
        return value
    value = compute()
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.exception("The cache could not be written")
    return value
