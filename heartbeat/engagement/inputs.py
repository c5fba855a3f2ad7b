"""What the services take: the pages' forms and the API's schemas both fill these in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class ArticleInput:
    title: str
    summary: str
    body: str
    visibility: str = "public"
    tags: list[str] = field(default_factory=list)
    project_slugs: list[str] = field(default_factory=list)
    theme_slugs: list[str] = field(default_factory=list)
    # "draft" keeps it unpublished; "publish" publishes it at publish_at, or now if none.
    action: str = "draft"
    publish_at: datetime.datetime | None = None
    slug: str = ""


@dataclass
class EventInput:
    title: str
    summary: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    format: str
    capacity: int
    place: str = ""
    online_link: str = ""
    agenda: str = ""
    slug: str = ""
