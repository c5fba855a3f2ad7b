"""Schemas and helpers the engagement endpoints share."""

from __future__ import annotations

from ninja import Schema
from pydantic import field_validator

MAX_LIMIT = 200


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class NoNul(Schema):
    """Text fields refuse NUL bytes, which the database cannot store."""

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("contains a NUL byte, which cannot be saved")
        if isinstance(value, list):
            for item in value:
                if isinstance(item, str) and "\x00" in item:
                    raise ValueError("contains a NUL byte, which cannot be saved")
        return value


class PersonRef(Schema):
    name: str
    organisation: str | None = None


def person_ref(user) -> dict:
    return {"name": user.display_name, "organisation": str(user.organisation or "") or None}
