"""Lists people take to meetings: the same rows as the page, as CSV or XLSX.

Every export describes its columns with :class:`Column`, so a date is a date, a month a
month and an amount of money an amount in every file: in XLSX they are typed cells shown the
UK way (26 November 2026, November 2026, £1,250.00), in CSV they are written so that a
spreadsheet reads them back as the same thing (2026-11-26, 2026-11, 1250.00). A plain header
string makes a column whose type follows its values.

XLSX files have a bold header row with a filter on it, frozen under the header, wrapped text,
and a link to each record's page; every file name carries the day it was made
(``projects-2026-12-03.xlsx``).

Downloads stream (:func:`export_response`): a CSV file is written as its rows are read, an
XLSX file through openpyxl's write-only workbook, so give them a generator of rows read from
``values_list(...).iterator()`` with any totals as subqueries of the same query, never a
list of model instances. Its queries run while the file is sent, after the view returned:
a test reads a download with ``response.getvalue()`` inside its query count.
"""

from __future__ import annotations

import copy
import csv
import datetime
import io
import itertools
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from enum import StrEnum

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone

EXPORT_FORMATS = ("csv", "xlsx")

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"  # shown as 26 November 2026
    MONTH = "month"  # a month, held as its first day: November 2026
    MONEY = "money"  # pounds and pence: £1,250.00
    POUNDS = "pounds"  # whole pounds: £1,250,000
    NUMBER = "number"  # decimals such as days: 2.5
    INTEGER = "integer"  # counts
    LINK = "link"  # the address of the record's page (a path or an absolute URL)


class Column(str):
    """A column's header, which is also its type: ``Column("Planned start", Kind.DATE)``.

    A column is the header string itself, so lists of columns still read as lists of
    headers (``row = dict(zip(headers, values))``).
    """

    kind: Kind
    width: int | None  # characters; worked out from the values when not given

    def __new__(cls, header: str, kind: Kind | str = Kind.TEXT, width: int | None = None):
        column = super().__new__(cls, header)
        column.kind = Kind(kind)
        column.width = width
        return column

    @property
    def header(self) -> str:
        return str(self)


XLSX_FORMATS = {
    Kind.DATE: "d mmmm yyyy",
    Kind.MONTH: "mmmm yyyy",
    Kind.MONEY: '"£"#,##0.00',
    Kind.POUNDS: '"£"#,##0',
    Kind.NUMBER: "#,##0.0##",
    Kind.INTEGER: "#,##0",
}

# Characters XML 1.0 (so XLSX) cannot hold: C0 controls other than tab, newline and
# carriage return. They are dropped from every export, so one stray character pasted into a
# name never stops a download.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value: str) -> str:
    """The text without the control characters a file format cannot hold."""
    return CONTROL_CHARACTERS.sub("", value)


def line_ends(value: str) -> str:
    """XLSX: every line break as a newline. XML reads a carriage return back as a newline,
    so a file that kept one would not give back the text written into it."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def guard_formula(value: str) -> str:
    """CSV: a leading apostrophe makes a spreadsheet show text that looks like a formula."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def dated_filename(stem: str, fmt: str, *, today: datetime.date | None = None) -> str:
    """``projects-2026-12-03.xlsx``: the file name says when the list was taken."""
    today = today or timezone.localdate()
    return f"{stem}-{today.isoformat()}.{fmt}"


def _columns(headers: Sequence[str | Column]) -> list[Column]:
    return [h if isinstance(h, Column) else Column(str(h)) for h in headers]


def _kind_of(value) -> Kind:
    if isinstance(value, datetime.datetime | datetime.date):
        return Kind.DATE
    if isinstance(value, bool):
        return Kind.TEXT
    if isinstance(value, int):
        return Kind.INTEGER
    if isinstance(value, Decimal | float):
        return Kind.NUMBER
    return Kind.TEXT


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _absolute(url: str, base: str) -> str:
    return url if url.startswith(("http://", "https://")) else base + url


def _csv_value(value, kind: Kind, base: str):
    if value.__class__ is str and kind is not Kind.LINK:  # most cells: text
        return guard_formula(clean_text(value))
    if value is None:
        return ""
    if kind == Kind.MONTH and isinstance(value, datetime.date):
        return f"{value:%Y-%m}"
    if kind == Kind.DATE and isinstance(value, datetime.date):
        return _as_date(value).isoformat()
    if kind == Kind.LINK and value:
        return _absolute(str(value), base)
    if kind in (Kind.MONEY,) and isinstance(value, int | float | Decimal):
        return f"{Decimal(value):.2f}"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return guard_formula(clean_text(value))
    return value


# Rows are written in chunks of about this many characters: few enough writes to be quick,
# small enough that memory stays flat however long the list.
CSV_CHUNK = 64 * 1024

# XLSX columns are sized from the header and the first rows; later rows are written as they
# come, so they can no longer be measured.
XLSX_SAMPLE_ROWS = 200


def _csv_chunks(columns: list[Column], rows: Iterable[Sequence], base: str) -> Iterator[bytes]:
    """The CSV file in pieces: the header at once, then the rows as they are read."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # A byte-order mark lets Excel read the file as UTF-8 (Gàidhlig names).
    buffer.write("\ufeff")
    writer.writerow([c.header for c in columns])
    yield buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    kinds = [c.kind for c in columns]
    for row in rows:
        writer.writerow([_csv_value(v, k, base) for k, v in zip(kinds, row, strict=True)])
        if buffer.tell() >= CSV_CHUNK:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


def _sheet_title(title: str) -> str:
    # Sheet names cannot hold []:*?/\ and are at most 31 characters.
    return re.sub(r"[\[\]:*?/\\]", " ", clean_text(title or "Export"))[:31] or "Export"


def _xlsx(columns: list[Column], rows: Iterable[Sequence], title: str, base: str, out) -> None:
    """Write the rows as an XLSX file into ``out`` (a binary file).

    The workbook is write-only: each row goes to a temporary file as it is read, so memory
    stays flat however long the list (openpyxl keeps only each link's address until the
    end). Column widths come from the header and the first rows.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(title))
    wrap = Alignment(wrap_text=True, vertical="top")
    link_font = Font(color="0065BD", underline="single")

    rows = iter(rows)
    sample = list(itertools.islice(rows, XLSX_SAMPLE_ROWS))
    widths = [len(c.header) for c in columns]
    for row in sample:
        for index, (column, value) in enumerate(zip(columns, row, strict=True)):
            if value is None or value == "":
                continue
            kind = column.kind if column.kind != Kind.TEXT else _kind_of(value)
            widths[index] = max(widths[index], _display_width(value, kind))
    for index, column in enumerate(columns):
        width = column.width or min(max(widths[index] + 2, 10), 60)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"

    # Each kind of cell gets its style once; every cell of that kind copies it, which is
    # much quicker than setting fonts and formats cell by cell.
    styles: dict[Kind, object] = {}

    def style_of(kind: Kind):
        if kind not in styles:
            model = WriteOnlyCell(sheet)
            model.alignment = wrap
            if kind in XLSX_FORMATS:
                model.number_format = XLSX_FORMATS[kind]
            if kind == Kind.LINK:
                model.font = link_font
            styles[kind] = model._style
        return styles[kind]

    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True)
        cell.alignment = wrap
        cell.data_type = "s"
        header.append(cell)
    sheet.append(header)

    plain = style_of(Kind.TEXT)
    count = 0
    for row in itertools.chain(sample, rows):
        count += 1
        cells = []
        for column, value in zip(columns, row, strict=True):
            cell = WriteOnlyCell(sheet)
            if value is None or value == "":
                cell._style = copy.copy(plain)
                cells.append(cell)
                continue
            kind = column.kind if column.kind != Kind.TEXT else _kind_of(value)
            cell._style = copy.copy(style_of(kind))
            if kind == Kind.LINK:
                cell.value = "Open in Heartbeat"
                cell.hyperlink = _absolute(str(value), base)
            else:
                cell.value = _xlsx_value(value, kind)
                if isinstance(cell.value, str):
                    # Text is text: a value starting with "=" must not become a formula.
                    cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    workbook.save(out)


def _xlsx_value(value, kind: Kind):
    if value is None:
        return None
    if kind in (Kind.DATE, Kind.MONTH) and isinstance(value, datetime.date):
        return _as_date(value)
    if kind in (Kind.MONEY, Kind.POUNDS, Kind.NUMBER) and isinstance(value, Decimal):
        # Spreadsheets hold numbers as floating point; pounds and days fit exactly enough.
        return float(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return line_ends(clean_text(value))
    return value


def _display_width(value, kind: Kind) -> int:
    if kind == Kind.DATE:
        return 17
    if kind == Kind.MONTH:
        return 14
    if kind == Kind.LINK:
        return 17
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def export_content(
    fmt: str,
    *,
    headers: Sequence[str | Column],
    rows: Iterable[Sequence],
    title: str = "",
    base_url: str = "",
) -> bytes:
    """The rows as the bytes of a ``fmt`` file (csv or xlsx), for a PDF, a zip or a test;
    a download streams them with :func:`export_response`."""
    columns = _columns(headers)
    base = (base_url or settings.SITE_URL).rstrip("/")
    if fmt == "csv":
        return b"".join(_csv_chunks(columns, rows, base))
    if fmt == "xlsx":
        out = io.BytesIO()
        _xlsx(columns, rows, title, base, out)
        return out.getvalue()
    raise ValueError(f"Unknown export format: {fmt}")


def _attachment(response, fmt: str, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{dated_filename(filename, fmt)}"'
    return response


def download(content: bytes | str, *, fmt: str, filename: str) -> HttpResponse:
    """A download of ``content`` named ``filename`` and the date (``projects-2026-12-03.csv``)."""
    return _attachment(HttpResponse(content, content_type=CONTENT_TYPES[fmt]), fmt, filename)


def export_response(
    fmt: str,
    *,
    filename: str,
    headers: Sequence[str | Column],
    rows: Iterable[Sequence],
    title: str = "",
    request=None,
) -> StreamingHttpResponse:
    """Return the rows as a download in ``fmt`` (csv or xlsx), streamed.

    A CSV file is written as the rows are read, so ``rows`` (best a generator over
    ``values_list()``) is consumed while the file is sent, never held whole. An XLSX file is
    built in a temporary file first (a spreadsheet is a zip, written whole) and then sent
    from it. Links to records' pages are made absolute with the request's own address (or
    ``SITE_URL`` without a request).
    """
    base_url = request.build_absolute_uri("/").rstrip("/") if request is not None else ""
    columns = _columns(headers)
    base = (base_url or settings.SITE_URL).rstrip("/")
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv_chunks(columns, rows, base), content_type=CONTENT_TYPES[fmt]
        )
    elif fmt == "xlsx":
        # The response closes (so removes) the file once it is sent.
        out = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            _xlsx(columns, rows, title, base, out)
        except BaseException:
            out.close()
            raise
        out.seek(0)
        response = FileResponse(out, content_type=CONTENT_TYPES[fmt])
    else:
        raise ValueError(f"Unknown export format: {fmt}")
    return _attachment(response, fmt, filename)
