"""The recruitment router and what every part of it shares."""

from __future__ import annotations

from ninja import Router, Schema

router = Router(tags=["recruitment"])

MAX_LIMIT = 200
MONTH = "A month as YYYY-MM, e.g. 2026-07"


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


def _ref(obj) -> dict:
    return {"slug": obj.slug, "name": obj.name}
