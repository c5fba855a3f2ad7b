"""What governance's reads share."""

from __future__ import annotations


def param(params, name: str) -> str:
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""
