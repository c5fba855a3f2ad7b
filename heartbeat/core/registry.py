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
    and a link to the full list."""

    count: int | None = None
    link: str | None = None  # the full list's address
    link_text: str = ""


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
