"""Registries through which an app adds to the pages and processes of the apps below it.

Apps depend one way (DESIGN.md, Layers): a lower app never imports a higher one. When a
higher app has something to show on a lower app's page (a section of the project page, a
block of the home page, a link in the navigation) or a job for the worker, it registers it
here in its ``AppConfig.ready``; the lower app reads the registry and renders what it finds.

A contribution is a function of the request (and the page's record) that returns what to
show, or ``None`` to show nothing, so each app decides for itself who sees its part. It
loads everything its template needs in a fixed number of queries: templates run none.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from markupsafe import Markup


class Registry:
    """An ordered list of contributions, each under a unique key.

    ``order`` places an entry (lower first; equal orders keep registration order).
    Registering a key again replaces the entry, so ``ready()`` running twice (as it can in
    tests) adds nothing twice.
    """

    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, tuple[int, int, Any]] = {}
        self._counter = 0

    def register(self, key: str, value: Any, *, order: int = 100) -> Any:
        previous = self._entries.get(key)
        sequence = previous[1] if previous else self._counter
        self._counter += 1
        self._entries[key] = (order, sequence, value)
        return value

    def unregister(self, key: str) -> None:
        self._entries.pop(key, None)

    @contextlib.contextmanager
    def replaced(self, entries: dict[str, Any]) -> Iterator[Registry]:
        """Stand in ``entries`` (in that order) for the registered ones, then restore them."""
        saved, counter = self._entries, self._counter
        self._entries, self._counter = {}, 0
        try:
            for key, value in entries.items():
                self.register(key, value)
            yield self
        finally:
            self._entries, self._counter = saved, counter

    def keys(self) -> list[str]:
        return [key for key, _ in self.items()]

    def items(self) -> list[tuple[str, Any]]:
        ordered = sorted(self._entries.items(), key=lambda item: (item[1][0], item[1][1]))
        return [(key, entry[2]) for key, entry in ordered]

    def __iter__(self) -> Iterator[Any]:
        return iter(value for _, value in self.items())

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {', '.join(self.keys())}>"


@dataclass
class Section:
    """A part of a page that another app draws: a heading, an anchor and a template."""

    key: str  # the section's id on the page, e.g. "participants"
    title: str
    template: str  # a Jinja2 template, e.g. "recruitment/partials/_project_participants.html"
    context: dict = field(default_factory=dict)


@dataclass
class HomeBlock(Section):
    """A block of someone's home page: what they have to do or should know, with a count
    and a link to the full list.

    ``group`` names the role the block serves ("Project lead", "Programme office", ...):
    the home page shows a person's blocks under one heading per group, in the order the
    groups first appear. A block without a title is an introduction, shown first. When
    ``count`` is 0 and ``empty`` is given, the page says ``empty`` instead of drawing the
    template. The key is part of the full list's address (``full_list_url``), so keep it a
    slug. A later app replaces an earlier app's block by registering the same key (the
    board's decisions, for example, which governance draws in place of portfolio's interim
    list of projects awaiting approval).
    """

    count: int | None = None
    link: str | None = None  # the full list's address
    link_text: str = ""
    group: str = ""
    empty: str = ""


@dataclass(frozen=True)
class HomeCard:
    """A card of the home page's "find your way" grid: a destination and what is there."""

    title: str
    url: str
    summary: str


@dataclass(frozen=True)
class HeaderLink:
    """A link beside the account links in the site header, with an optional count (such as
    unread notifications) that is read out as ``count_label``. ``count_url`` loads the count
    with htmx after the page, so the page itself runs no query for it."""

    label: str
    url: str
    count: int | None = None
    count_label: str = ""
    count_url: str | None = None


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    visible: Callable[[Any], bool] | None = None  # None: everyone


def render_sections(request, sections: list[Section], **context) -> list[tuple[Section, Markup]]:
    """Each section with its template's output, rendered with the page's ``context``."""
    return [
        (
            section,
            Markup(  # noqa: S704 - a template's own output, escaped when it was rendered
                render_to_string(section.template, {**context, **section.context}, request=request)
            ),
        )
        for section in sections
    ]


# Set on a request while a home block draws its own page (``core:your_work``).
FULL_LIST = "_heartbeat_home_full_list"
# How many rows a home block lists on the home page; its own page lists them all.
HOME_ROWS = 5


def list_limit(request, default: int = HOME_ROWS) -> int | None:
    """How many rows a home block should load: ``default`` on the home page, or None (all
    of them) when the block is drawn on its own page as the full list."""
    return None if getattr(request, FULL_LIST, False) else default


def rows_and_total(queryset, limit: int | None) -> tuple[list, int]:
    """The first ``limit`` rows of ``queryset`` (all of them for None) and how many rows it
    has in all, in one query whatever the number: the total rides on each row as a window
    count. Works for model and ``values()`` querysets.

    Counting every row costs the database the whole list, joins and all, for the few a
    block shows; so the answer is kept in the shared cache until the data changes
    (``core.datacache``), under the query's own SQL and parameters, which hold everything
    that decides the rows: the person's visibility, their organisation, the day."""
    from django.core.exceptions import EmptyResultSet
    from django.db.models import Count, Window

    from heartbeat.core.datacache import cached

    counted = queryset.annotate(_home_total=Window(Count("pk")))
    sliced = counted if limit is None else counted[:limit]
    try:
        sql, params = sliced.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing, such as ``in []``
        return [], 0
    return cached("core.rows-and-total", (sql, repr(params)), lambda: _rows_and_total(sliced))


def _rows_and_total(sliced) -> tuple[list, int]:
    rows = list(sliced)
    if not rows:
        return rows, 0
    first = rows[0]
    return rows, (first["_home_total"] if isinstance(first, dict) else first._home_total)


def rows_and_count(queryset, request, default: int = HOME_ROWS) -> tuple[list, int]:
    """The rows a home block lists (all of them on its own page) and how many there are in
    all, in one query whatever the number (see ``rows_and_total``)."""
    return rows_and_total(queryset, list_limit(request, default))


def full_list_url(key: str) -> str:
    """The address of a home block's own page, listing every row (``core:your_work``)."""
    from django.urls import reverse

    return reverse("core:your_work", args=[key])


def collect(registry: Registry, *args) -> list:
    """Call each contribution with ``args``; keep what it returns unless that is None."""
    results = []
    for contribution in registry:
        result = contribution(*args)
        if result is not None:
            results.append(result)
    return results


# Sections of the project page: ``(request, project) -> Section | None``.
project_sections = Registry("project sections")
# Sections of an organisation's page: ``(request, organisation) -> Section | None``.
organisation_sections = Registry("organisation sections")
# Sections of a person's page: ``(request, person) -> Section | None``.
person_sections = Registry("person sections")
# Blocks of the home page: ``(request) -> HomeBlock | None``.
home_blocks = Registry("home blocks")
# Cards of the home page's grid of destinations: ``(request) -> HomeCard | None``.
home_cards = Registry("home cards")
# The main navigation: NavItem values, in order.
navigation = Registry("navigation")
# Links in the site header for the signed-in person: ``(request) -> HeaderLink | None``.
header_links = Registry("header links")
# Periodic jobs for the worker: ``() -> core.schedule.Job`` (read when the worker runs).
scheduled_jobs = Registry("scheduled jobs")


def nav_items(user=None) -> list[tuple[str, str]]:
    """The (label, URL name) pairs of the main navigation this person sees."""
    return [
        (item.label, item.url_name)
        for item in navigation
        if item.visible is None or item.visible(user)
    ]
