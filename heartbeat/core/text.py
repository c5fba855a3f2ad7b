"""Text that a database or a file format cannot hold, refused at the edge.

PostgreSQL refuses NUL bytes in text, and XML (so XLSX) refuses the other C0 control
characters except tab, new line and carriage return. A person never means to type them;
they arrive by pasting from other programs or from scripts. They are refused with a
message that says which character and where, before any query or file sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# NUL and the C0 controls other than tab (09), new line (0A) and carriage return (0D), and DEL.
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The same rule as a JSON Schema pattern, for the API's schema.
UNSTORABLE_FREE_PATTERN = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"

NAMES = {"\x00": "a null character", "\x1b": "an escape character", "\x7f": "a delete character"}


def first_unstorable(value: str) -> str | None:
    match = UNSTORABLE.search(value)
    return match.group() if match else None


def describe(character: str) -> str:
    """U+001B (an escape character)."""
    name = NAMES.get(character, "a control character")
    return f"U+{ord(character):04X} ({name})"


def unstorable_message(character: str, where: str = "This text") -> str:
    return (
        f"{where} contains {describe(character)}, which cannot be stored. "
        "Remove it (it may have come with text pasted from another program) and try again."
    )


@deconstructible
class ProhibitControlCharactersValidator:
    """Refuse control characters other than tab and new lines (NUL is Django's own check)."""

    code = "control_characters"

    def __call__(self, value) -> None:
        if not isinstance(value, str):
            return
        character = first_unstorable(value.replace("\x00", ""))
        if character:
            raise ValidationError(unstorable_message(character), code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, ProhibitControlCharactersValidator)

    def __hash__(self) -> int:
        return hash(self.code)


def unstorable_in(data, path: str = "") -> Iterator[tuple[str, str]]:
    """Each (where, character) of unstorable text in a JSON-like value, keys included."""
    if isinstance(data, str):
        character = first_unstorable(data)
        if character:
            yield path or "the request", character
    elif isinstance(data, dict):
        for key, value in data.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and first_unstorable(key):
                yield where, first_unstorable(key)
            yield from unstorable_in(value, where)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from unstorable_in(value, f"{path}[{index}]" if path else f"[{index}]")
