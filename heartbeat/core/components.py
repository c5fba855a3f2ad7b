"""Display components drawn in Python: the design system's summary list, tables and charts.

They were Jinja macros looping over every cell; a dashboard draws thousands of cells, and a
macro pays for a context, an escape and a loop object per cell. These functions write the
same markup with one escape per value. ``components/ui.html`` keeps the macros' names and
arguments, so templates import them as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.utils.text import slugify
from markupsafe import Markup, escape


def summary_list(items: Iterable, classes: str = "") -> Markup:
    """``items``: (key, value) pairs; a value may be markup; an empty value reads "Not given"."""
    parts = [f'<ol class="ds_summary-list {escape(classes)}">']
    for key, value in items:
        shown = value if value not in (None, "") else "Not given"
        parts.append(
            '\n  <li class="ds_summary-list__item">\n'
            f'    <span class="ds_summary-list__key">{escape(key)}</span>\n'
            '    <span class="ds_summary-list__value"><span class="ds_summary-list__answer">'
            f"{escape(shown)}</span></span>\n  </li>"
        )
    parts.append("\n</ol>")
    return Markup("".join(parts))  # noqa: S704 - every value in it was escaped above


def table(
    caption,
    headers: Sequence,
    rows: Iterable[Sequence],
    numeric: Iterable[int] = (),
    caption_hidden: bool = False,
    id: str | None = None,  # noqa: A002 - the macro's argument name
) -> Markup:
    """A table whose first cell in each row heads the row; ``numeric``: indexes of columns
    holding numbers (right-aligned).

    A table wider than its box scrolls inside it: the box is a labelled region that takes
    keyboard focus (the page's script drops the tab stop while the table fits), and the row
    headers stay in view while it scrolls."""
    numeric = frozenset(numeric)
    caption_id = escape(f"{id or 'table-' + slugify(str(caption))}-caption")
    caption_class = "visually-hidden" if caption_hidden else "hb-caption"
    region_id = f' id="{escape(id)}"' if id else ""
    head = "".join(
        f'<th scope="col"{_numeric(index, numeric)}>{escape(header)}</th>'
        for index, header in enumerate(headers)
    )
    parts = [
        f'<div class="hb-table-wrapper" role="region" aria-labelledby="{caption_id}" '
        f'tabindex="0"{region_id}>\n<table class="ds_table">\n'
        f'  <caption id="{caption_id}" class="{caption_class}">{escape(caption)}</caption>\n'
        f"  <thead><tr>{head}</tr></thead>\n  <tbody>"
    ]
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            if index == 0:
                cells.append(f'<th scope="row">{escape(cell)}</th>')
            else:
                cells.append(f"<td{_numeric(index, numeric)}>{escape(cell)}</td>")
        parts.append(f"\n    <tr>{''.join(cells)}</tr>")
    parts.append("\n  </tbody>\n</table>\n</div>")
    return Markup("".join(parts))  # noqa: S704 - every value in it was escaped above


# A list of choices shorter than this is drawn afresh each time; a longer one (a filter
# listing every organisation, thousands at the largest) is drawn once and kept while the
# same choices come again, in the last few lists drawn by this process.
KEEP_OPTIONS_FROM = 100


def select_options(choices: Iterable, chosen: Iterable[str] = ()) -> Markup:
    """The ``<option>`` elements of a select: ``choices`` as (value, label) pairs, or
    (group label, pairs) for a group; the options whose value (as a string) is in
    ``chosen`` are selected. A value of None is the empty string."""
    # Through iter(): tuple() asks a sized iterable its length first, which for a model
    # field's choices is a COUNT query of its own.
    choices = tuple(iter(choices))
    markup = None
    if len(choices) >= KEEP_OPTIONS_FROM:
        try:
            markup = _kept_options(choices)
        except TypeError:  # a group's pairs come as a list, which cannot be a key
            markup = None
    if markup is None:
        markup = _options(choices)
    for value in chosen:
        plain = f'<option value="{escape(value)}">'
        markup = markup.replace(plain, plain[:-1] + " selected>")
    return Markup(markup)  # noqa: S704 - every value in it was escaped in _options


@lru_cache(maxsize=16)
def _kept_options(choices: tuple) -> str:
    return _options(choices)


def _options(choices) -> str:
    parts = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            parts.append(f'\n      <optgroup label="{escape(value)}">{_options(label)}</optgroup>')
        else:
            shown = "" if value is None else value
            parts.append(f'\n      <option value="{escape(shown)}">{escape(label)}</option>')
    return "".join(parts)


def _numeric(index: int, numeric: frozenset) -> str:
    return ' class="hb-numeric"' if index in numeric else ""


LABEL_WIDTH = 210
PLOT_WIDTH = 460


def chart_with_table(
    id: str,  # noqa: A002 - the macro's argument name
    title,
    categories: Sequence,
    series: Sequence[dict],
    unit: str = "",
    stacked: bool = True,
) -> Markup:
    """A horizontal bar chart drawn as SVG, followed by a table of the same numbers.

    ``categories``: the row labels; ``series``: ``{"name", "values", "colour"}`` dicts, one
    value per category. Stacked bars add a series' values; grouped bars stand side by side."""
    count = len(categories)
    totals = []
    for i in range(count):
        total = 0
        for s in series:
            value = s["values"][i] or 0
            total = total + value if stacked else max(total, value)
        totals.append(total)
    max_total = (max(totals) if totals else 0) or 1
    bar_h = 22 if stacked else 12
    row_h = (bar_h + 12) if stacked else (bar_h * len(series) + 14)
    label_w, plot_w = LABEL_WIDTH, PLOT_WIDTH
    cid = escape(id)
    unit_shown = escape(unit)
    parts = [
        f'<figure class="hb-chart" id="{cid}">\n'
        f'  <figcaption class="hb-chart__title" id="{cid}-title">{escape(title)}</figcaption>\n'
        f'  <svg class="hb-chart__svg" viewBox="0 0 {label_w + plot_w + 60} '
        f'{row_h * count + 10}" role="img" aria-labelledby="{cid}-title" '
        f'aria-describedby="{cid}-table-note" focusable="false">'
    ]
    for i, category in enumerate(categories):
        y = i * row_h + 5
        label = escape(category)
        parts.append(
            f'\n    <text x="{label_w - 8}" y="{y + bar_h / 2 + 5}" text-anchor="end" '
            f'class="hb-chart__label">{label}</text>'
        )
        x = label_w
        for position, s in enumerate(series):
            value = s["values"][i] or 0
            width = round(value / max_total * plot_w, 1)
            colour = escape(s["colour"])
            tip = f"<title>{label}, {escape(s['name'])}: {escape(value)}{unit_shown}</title>"
            if stacked:
                parts.append(
                    f'\n      <rect x="{x}" y="{y}" width="{width}" height="{bar_h}" '
                    f'fill="{colour}">{tip}</rect>'
                )
                x = x + width
            else:
                parts.append(
                    f'\n      <rect x="{label_w}" y="{y + position * bar_h}" width="{width}" '
                    f'height="{bar_h - 2}" fill="{colour}">{tip}</rect>'
                )
        parts.append(
            f'\n    <text x="{label_w + (totals[i] / max_total * plot_w) + 6}" '
            f'y="{y + bar_h / 2 + 5}" class="hb-chart__value">'
            f"{escape(totals[i])}{unit_shown}</text>"
        )
    legend = "".join(
        f'<li><svg width="14" height="14" focusable="false"><rect width="14" height="14" '
        f'fill="{escape(s["colour"])}"/></svg> {escape(s["name"])}</li>'
        for s in series
    )
    parts.append(
        "\n  </svg>\n"
        f'  <ul class="hb-chart__legend" aria-hidden="true">{legend}\n  </ul>\n'
        f'  <p class="visually-hidden" id="{cid}-table-note">'
        "The same numbers are in the table that follows.</p>\n</figure>"
    )
    with_total = stacked and len(series) > 1
    headers = ["", *(s["name"] for s in series), *(["Total"] if with_total else [])]
    rows = []
    for i, category in enumerate(categories):
        row = [category, *(s["values"][i] or 0 for s in series)]
        if with_total:
            row.append(totals[i])
        rows.append(row)
    parts.append(
        table(
            f"{title} (table)",
            headers,
            rows,
            numeric=range(1, len(headers)),
            id=f"{id}-table",
        )
    )
    return Markup("".join(parts))  # noqa: S704 - every value in it was escaped above
