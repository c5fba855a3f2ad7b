"""The Jinja2 environment every page is rendered with."""

from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from jinja2 import Environment

from heartbeat.core import components, formatting
from heartbeat.core.keptpages import TOKEN_ATTRIBUTE
from heartbeat.core.registry import collect, header_links, nav_items


def url(name: str, *args, **kwargs) -> str:
    """The path of the view ``name`` with these arguments, as Django's ``reverse`` gives it.

    A list page links each of its rows to several views, and ``reverse`` walks the URL
    resolver every time; a path depends only on the URL configuration, the script prefix
    and the arguments, so each process remembers the paths it has worked out for plain
    arguments (strings and whole numbers: an object's text could change while it stays the
    same key)."""
    if all(type(value) in _PLAIN for value in (*args, *kwargs.values())):
        urlconf = get_urlconf() or settings.ROOT_URLCONF
        return _reverse(urlconf, get_script_prefix(), name, args, tuple(kwargs.items()))
    return reverse(name, args=args or None, kwargs=kwargs or None)


_PLAIN = frozenset({str, int})


@lru_cache(maxsize=16_384)
def _reverse(urlconf, prefix, name, args, kwargs) -> str:
    return reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


def querystring(request, **changes) -> str:
    """The current query string with some parameters changed (None removes one).

    Filtered lists keep their filters in the URL, so links to other pages or exports of
    the same list carry them along.
    """
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def site_header_links(request) -> list:
    """What other apps add to the header for this request (see registry.header_links)."""
    return collect(header_links, request) if request is not None else []


class _Once:
    """A value worked out the first time a template shows it, then shown as it was.

    Django's Jinja2 backend gives every template a ``csrf_input`` that masks the token
    afresh each time it is written: a page of forms (a button to mark each notification
    read, to approve each question) made one random mask per form. One page needs one."""

    __slots__ = ("_make", "_request", "_value")

    def __init__(self, make, request):
        self._make = make
        self._request = request
        self._value = None

    def __str__(self) -> str:
        if self._value is None:
            self._value = self._make(self._request)
        return self._value

    def __html__(self) -> str:
        return str(self)


def _page_token(request) -> str:
    """A masked form token, noted on the request so that a kept page can stand a fresh one
    in its place (``core.keptpages``)."""
    token = get_token(request)
    setattr(request, TOKEN_ATTRIBUTE, token)
    return token


def csrf_once(request) -> dict:
    """Context processor: the form token masked once for the whole page."""
    token = _Once(_page_token, request)
    field = _Once(
        lambda _request: format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', str(token)
        ),
        request,
    )
    return {"csrf_input": field, "csrf_token": token}


def build_query(params: dict) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")}, doseq=True)


def environment(**options) -> Environment:
    options.setdefault("extensions", []).append("jinja2.ext.do")
    # Django passes autoescape=True from TEMPLATES (settings.py).
    env = Environment(**options)  # noqa: S701
    env.globals.update(
        {
            "url": url,
            "static": static,
            "get_messages": messages.get_messages,
            "querystring": querystring,
            "now": timezone.now,
            "nav_items": nav_items,
            "header_links": site_header_links,
            "period": formatting.period,
            "during": formatting.during,
            "components": components,
        }
    )
    env.filters.update(
        {
            "uk_date": formatting.uk_date,
            "uk_datetime": formatting.uk_datetime,
            "uk_month": formatting.uk_month,
            "money": formatting.money,
            "number": formatting.number,
            "financial_year": formatting.financial_year,
            "slugify": slugify,
            "with_article": formatting.with_article,
        }
    )
    return env
