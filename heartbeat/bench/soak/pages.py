"""Read what a person reads on a page: its forms (as a browser would submit them), links,
table rows, the error summary and the notification banners.

Only the standard library's ``html.parser``: the soak client runs beside the server and
must stay cheap. The pages are ours, so the parser needs to understand only the markup
they use (the design system's forms, tables and banners), not every page on the web.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

CSRF_FIELD = "csrfmiddlewaretoken"
# Input types a browser submits as their value (checkboxes and radios only when checked).
_TEXT_LIKE = {"", "text", "hidden", "email", "number", "date", "month", "search", "tel", "url"}
_CHECKABLE = {"checkbox", "radio"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


@dataclass
class Form:
    """One ``<form>``: its controls in document order, and the choices each offers."""

    action: str
    method: str
    id: str
    # (name, value) of every control a browser would send, without any submit button.
    values: list[tuple[str, str]] = field(default_factory=list)
    # The values a select or a radio group offers, by name: [(value, label), ...].
    options: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Submit buttons: (name, value).
    buttons: list[tuple[str, str]] = field(default_factory=list)

    @property
    def csrf_token(self) -> str | None:
        return self.value(CSRF_FIELD)

    def value(self, name: str) -> str | None:
        """The first value the form would send for ``name``, or None."""
        return next((value for key, value in self.values if key == name), None)

    def data(self, changes: dict[str, str] | None = None, button: tuple[str, str] | None = None):
        """What submitting the form sends: its values with ``changes`` made (a name it does
        not have is added), then the button pressed. A list of pairs, for urlencode."""
        changes = dict(changes or {})
        pairs = []
        for name, value in self.values:
            if name in changes:
                if changes[name] is not None:
                    pairs.append((name, changes[name]))
                changes[name] = None  # a repeated name takes the change once
                continue
            pairs.append((name, value))
        pairs.extend((name, value) for name, value in changes.items() if value is not None)
        if button is not None:
            pairs.append(button)
        return pairs


@dataclass(frozen=True)
class Notice:
    """A notification banner: a success ("Your changes ... have been saved.") or
    information ("That update has been submitted: correct it instead.")."""

    text: str
    success: bool


@dataclass
class Cell:
    text: str
    links: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[str] = []
        self.tables: dict[str, list[list[Cell]]] = {}
        self.errors: list[str] = []
        self.notices: list[Notice] = []
        self._notice_texts: list[str] = []
        self._notice_success = False
        self._form: Form | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None
        self._table: str | None = None
        self._table_depth = 0
        self._row: list[Cell] | None = None
        self._cell: Cell | None = None
        self._cell_text: list[str] = []
        self._capture: list[str] | None = None  # error summary item or banner text
        self._capture_into: list[str] | None = None
        self._capture_tag = ""
        self._in_error_summary = 0
        self._in_notice = 0
        self._depth = 0

    # Tags ----------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value if value is not None else "") for name, value in attrs}
        if tag not in _VOID:
            self._depth += 1
        handler = getattr(self, f"_start_{tag}", None)
        if handler is not None:
            handler(attributes)
        if self._in_error_summary and tag == "li":
            self._begin_capture(self.errors, "li")
        classes = attributes.get("class", "").split()
        if tag == "div" and "ds_error-summary" in classes:
            self._in_error_summary = self._depth
        if tag == "div" and "ds_notification" in classes:
            self._notice_success = "ds_notification--success" in classes
        if tag == "div" and "ds_notification__text" in classes:
            self._in_notice = self._depth
            self._begin_capture(self._notice_texts, "div")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        handler = getattr(self, f"_end_{tag}", None)
        if handler is not None:
            handler()
        closes_capture = tag == "li" or self._depth == self._in_notice
        if self._capture is not None and tag == self._capture_tag and closes_capture:
            self._end_capture()
            if tag == "div":
                self._in_notice = 0
                if self._notice_texts:
                    self.notices.append(Notice(self._notice_texts.pop(), self._notice_success))
        if tag == "div" and self._in_error_summary == self._depth:
            self._in_error_summary = 0
        if tag not in _VOID:
            self._depth -= 1

    def handle_data(self, data):
        if self._option is not None:
            self._option["label"].append(data)
        if self._textarea is not None:
            self._textarea["text"].append(data)
        if self._cell is not None:
            self._cell_text.append(data)
        if self._capture is not None:
            self._capture.append(data)

    def _begin_capture(self, into: list[str], tag: str) -> None:
        self._capture, self._capture_into, self._capture_tag = [], into, tag

    def _end_capture(self) -> None:
        text = " ".join("".join(self._capture or []).split())
        if text and self._capture_into is not None:
            self._capture_into.append(text)
        self._capture, self._capture_into, self._capture_tag = None, None, ""

    # Links and tables ----------------------------------------------------------------

    def _start_a(self, attrs):
        href = attrs.get("href")
        if href:
            self.links.append(href)
            if self._cell is not None:
                self._cell.links.append(href)

    def _start_table(self, attrs):
        if self._table is None and attrs.get("id"):
            self._table = attrs["id"]
            self._table_depth = self._depth
            self.tables[self._table] = []

    def _end_table(self):
        if self._table is not None and self._depth == self._table_depth:
            self._table = None

    def _start_tr(self, attrs):
        if self._table is not None:
            self._row = []

    def _end_tr(self):
        if self._table is not None and self._row is not None:
            if self._row:
                self.tables[self._table].append(self._row)
            self._row = None

    def _start_td(self, attrs):
        if self._row is not None:
            self._cell, self._cell_text = Cell(text=""), []

    _start_th = _start_td

    def _end_td(self):
        if self._row is not None and self._cell is not None:
            self._cell.text = " ".join("".join(self._cell_text).split())
            self._row.append(self._cell)
            self._cell = None

    _end_th = _end_td

    # Forms ---------------------------------------------------------------------------

    def _start_form(self, attrs):
        self._form = Form(
            action=attrs.get("action", ""),
            method=attrs.get("method", "get").lower(),
            id=attrs.get("id", ""),
        )
        self.forms.append(self._form)

    def _end_form(self):
        self._form = None

    def _start_input(self, attrs):
        form, name = self._form, attrs.get("name")
        if form is None or not name or "disabled" in attrs:
            return
        kind = attrs.get("type", "text").lower()
        value = attrs.get("value", "")
        if kind == "submit":
            form.buttons.append((name, value))
        elif kind in _CHECKABLE:
            # A box without a value attribute sends "on"; one with value="" sends "".
            value = value if "value" in attrs else "on"
            form.options.setdefault(name, []).append((value, ""))
            if "checked" in attrs:
                form.values.append((name, value))
        elif kind in _TEXT_LIKE:
            form.values.append((name, value))

    def _start_button(self, attrs):
        form, name = self._form, attrs.get("name")
        if form is not None and name and attrs.get("type", "submit").lower() == "submit":
            form.buttons.append((name, attrs.get("value", "")))

    def _start_select(self, attrs):
        if self._form is not None and attrs.get("name") and "disabled" not in attrs:
            self._select = {"name": attrs["name"], "options": [], "selected": []}

    def _start_option(self, attrs):
        if self._select is not None:
            selected = "selected" in attrs
            self._option = {"value": attrs.get("value"), "label": [], "selected": selected}

    def _end_option(self):
        if self._select is not None and self._option is not None:
            label = " ".join("".join(self._option["label"]).split())
            value = self._option["value"] if self._option["value"] is not None else label
            self._select["options"].append((value, label))
            if self._option["selected"]:
                self._select["selected"].append(value)
            self._option = None

    def _end_select(self):
        if self._option is not None:
            self._end_option()
        if self._select is not None and self._form is not None:
            name, options = self._select["name"], self._select["options"]
            self._form.options[name] = options
            # A browser sends the selected option, or the first when none is selected.
            chosen = self._select["selected"][-1:] or [value for value, _ in options[:1]]
            self._form.values.extend((name, value) for value in chosen)
        self._select = None

    def _start_textarea(self, attrs):
        if self._form is not None and attrs.get("name") and "disabled" not in attrs:
            self._textarea = {"name": attrs["name"], "text": []}

    def _end_textarea(self):
        if self._textarea is not None and self._form is not None:
            text = "".join(self._textarea["text"])
            # A line break straight after the start tag is not part of the value.
            if text.startswith("\r\n"):
                text = text[2:]
            elif text.startswith("\n"):
                text = text[1:]
            self._form.values.append((self._textarea["name"], text))
        self._textarea = None


@dataclass
class Page:
    """What the client reads on one page."""

    forms: list[Form]
    links: list[str]
    tables: dict[str, list[list[Cell]]]
    errors: list[str]  # the error summary's items
    notices: list[Notice]  # the notification banners

    def form(self, *, action_contains: str = "", form_id: str = "") -> Form | None:
        """The first form posting to an address containing ``action_contains`` (and with
        ``form_id`` when given)."""
        for form in self.forms:
            if form.method != "post" or action_contains not in form.action:
                continue
            if form_id and form.id != form_id:
                continue
            return form
        return None

    def links_containing(self, text: str) -> list[str]:
        return [link for link in self.links if text in link]


def parse(html: str) -> Page:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return Page(
        forms=parser.forms,
        links=parser.links,
        tables=parser.tables,
        errors=parser.errors,
        notices=parser.notices,
    )


def csrf_token(html: str, *, action_contains: str = "") -> str | None:
    """The CSRF token of the first POST form whose action contains ``action_contains``."""
    form = parse(html).form(action_contains=action_contains)
    return form.csrf_token if form is not None else None
