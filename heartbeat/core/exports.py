"""Lists people take to meetings: the same rows as the page, as CSV or XLSX."""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

EXPORT_FORMATS = ("csv", "xlsx")

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _safe_cell(value):
    # A cell starting with = + - @ is run as a formula by spreadsheet programs.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_response(
    fmt: str, *, filename: str, headers: Sequence[str], rows: Iterable[Sequence], title: str = ""
) -> HttpResponse:
    """Return the rows as a download in ``fmt`` (csv or xlsx)."""
    if fmt == "csv":
        buffer = io.StringIO()
        # A byte-order mark lets Excel read the file as UTF-8 (Gàidhlig names).
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_safe_cell(v) for v in row])
        content = buffer.getvalue().encode("utf-8")
    elif fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook(write_only=False)
        sheet = workbook.active
        sheet.title = (title or "Export")[:31]
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
        out = io.BytesIO()
        workbook.save(out)
        content = out.getvalue()
    else:
        raise ValueError(f"Unknown export format: {fmt}")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
