"""Exports: typed columns, the formula guard, control characters and dated file names."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from heartbeat.core.exports import (
    Column,
    Kind,
    clean_text,
    dated_filename,
    export_content,
    export_response,
    guard_formula,
)

COLUMNS = [
    Column("Project"),
    Column("Planned start", Kind.DATE),
    Column("First month", Kind.MONTH),
    Column("Estimated cost (£)", Kind.MONEY),
    Column("Days a month", Kind.NUMBER),
    Column("People", Kind.INTEGER),
    Column("Page", Kind.LINK),
]
ROW = [
    "Housing repairs online",
    datetime.date(2026, 11, 26),
    datetime.date(2027, 4, 1),
    Decimal("125000.50"),
    Decimal("2.5"),
    3,
    "/projects/housing-repairs-online/",
]


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _sheet(content: bytes):
    return load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("+44 1382 000000", "'+44 1382 000000"),
        ("-5 days", "'-5 days"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturn", "'\rReturn"),
        ("Fife Council", "Fife Council"),
        ("Cost = £5", "Cost = £5"),
        ("", ""),
    ],
)
def test_the_formula_guard_makes_formulas_text(value, expected):
    assert guard_formula(value) == expected


def test_control_characters_are_dropped_but_tabs_and_new_lines_stay():
    assert clean_text("Mor\x00ag\x1b Reid\x7f") == "Morag Reid"
    assert clean_text("one\ttwo\nthree\r\n") == "one\ttwo\nthree\r\n"


def test_file_names_carry_the_date():
    assert dated_filename("projects", "xlsx", today=datetime.date(2026, 12, 3)) == (
        "projects-2026-12-03.xlsx"
    )


def test_csv_writes_each_type_so_a_spreadsheet_reads_it_back(settings):
    settings.SITE_URL = "https://heartbeat.example.scot"
    header, row = _csv_rows(export_content("csv", headers=COLUMNS, rows=[ROW]))
    assert header[0] == "Project"
    assert row == [
        "Housing repairs online",
        "2026-11-26",
        "2027-04",
        "125000.50",
        "2.5",
        "3",
        "https://heartbeat.example.scot/projects/housing-repairs-online/",
    ]


def test_csv_guards_formulas_and_drops_control_characters():
    rows = [["=1+1", "Fife\x0b Council"]]
    _, row = _csv_rows(export_content("csv", headers=["A", "B"], rows=rows))
    assert row == ["'=1+1", "Fife Council"]


def test_xlsx_cells_are_typed_and_shown_the_uk_way(settings):
    settings.SITE_URL = "https://heartbeat.example.scot"
    sheet = _sheet(export_content("xlsx", headers=COLUMNS, rows=[ROW], title="Projects"))
    name, start, month, cost, days, people, link = sheet[2]
    assert name.value == "Housing repairs online"
    assert start.value == datetime.datetime(2026, 11, 26)
    assert start.number_format == "d mmmm yyyy"
    assert month.value == datetime.datetime(2027, 4, 1)
    assert month.number_format == "mmmm yyyy"
    assert cost.value == pytest.approx(125000.50)
    assert cost.number_format == '"£"#,##0.00'
    assert days.value == pytest.approx(2.5)
    assert people.value == 3
    assert (
        link.hyperlink.target == "https://heartbeat.example.scot/projects/housing-repairs-online/"
    )
    assert link.value == "Open in Heartbeat"


def test_xlsx_has_a_filtered_frozen_header_and_wrapped_text():
    sheet = _sheet(export_content("xlsx", headers=COLUMNS, rows=[ROW, ROW], title="Projects"))
    assert sheet.title == "Projects"
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"
    assert sheet["A2"].alignment.wrap_text
    assert sheet.column_dimensions["A"].width >= len("Housing repairs online")


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text():
    sheet = _sheet(export_content("xlsx", headers=["Name"], rows=[['=HYPERLINK("x")']]))
    assert sheet["A2"].value == '=HYPERLINK("x")'
    assert sheet["A2"].data_type == "s"


def test_xlsx_never_fails_on_control_characters():
    rows = [["Morag\x00 Reid\x1b", "Line one\nline two"]]
    sheet = _sheet(export_content("xlsx", headers=["Name", "Note"], rows=rows, title="A/B:C"))
    assert sheet["A2"].value == "Morag Reid"
    assert sheet["B2"].value == "Line one\nline two"
    assert sheet.title == "A B C"


def test_plain_headers_take_their_type_from_the_values():
    sheet = _sheet(
        export_content("xlsx", headers=["When", "Count"], rows=[[datetime.date(2026, 5, 1), 4]])
    )
    assert sheet["A2"].number_format == "d mmmm yyyy"
    assert sheet["B2"].number_format == "#,##0"


def test_the_download_is_named_with_todays_date(rf, settings):
    response = export_response(
        "xlsx", filename="projects", headers=COLUMNS, rows=[ROW], request=rf.get("/projects/")
    )
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="projects-{today}.xlsx"'
    sheet = _sheet(response.getvalue())
    assert sheet["G2"].hyperlink.target == "http://testserver/projects/housing-repairs-online/"


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="Unknown export format"):
        export_content("ods", headers=["A"], rows=[])


# Streaming ------------------------------------------------------------------------------------


def _rows_that_count(n: int, read: list[int]):
    """``n`` rows, noting in ``read`` how many have been taken so far."""
    for i in range(n):
        read[0] = i + 1
        yield [f"Project {i}", datetime.date(2026, 11, 26), None, Decimal("10.00"), None, i, "/p/"]


def test_a_csv_download_streams_and_reads_its_rows_only_as_it_sends_them(rf):
    read = [0]
    response = export_response(
        "csv",
        filename="projects",
        headers=COLUMNS,
        rows=_rows_that_count(20_000, read),
        request=rf.get("/projects/"),
    )
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # Nothing is read until the file is sent, and the first piece is sent before the end.
    assert read[0] == 0
    chunks = iter(response.streaming_content)
    assert next(chunks) == ("\ufeff" + ",".join(COLUMNS) + "\r\n").encode("utf-8")
    first_rows = next(chunks)
    assert 0 < read[0] < 20_000
    assert first_rows.startswith(b"Project 0,2026-11-26,,10.00,,0,http://testserver/p/")
    rest = b"".join(chunks)
    assert read[0] == 20_000
    assert rest.endswith(b"Project 19999,2026-11-26,,10.00,,19999,http://testserver/p/\r\n")


def test_a_csv_that_fails_half_way_has_already_sent_its_first_rows(rf):
    """A row source that breaks after some rows: the response is still made, its first
    chunks arrive, and the error shows only when the broken row is reached. A builder that
    read every row before answering would fail at once."""

    def rows():
        yield from _rows_that_count(3_000, [0])
        raise RuntimeError("the database went away")

    response = export_response("csv", filename="projects", headers=COLUMNS, rows=rows())
    chunks = iter(response.streaming_content)
    assert next(chunks).startswith("\ufeffProject".encode())
    assert next(chunks).startswith(b"Project 0,")
    with pytest.raises(RuntimeError, match="went away"):
        list(chunks)


def test_the_streamed_csv_has_the_same_bytes_as_the_file(settings):
    settings.SITE_URL = "https://heartbeat.example.scot"
    rows = [ROW, ["=1+1", None, None, 5, None, None, ""]] * 3_000
    response = export_response("csv", filename="p", headers=COLUMNS, rows=iter(rows))
    assert response.getvalue() == export_content("csv", headers=COLUMNS, rows=rows)


def test_an_xlsx_download_is_sent_from_a_file_and_reads_back_typed(rf):
    rows = [ROW, ["=SUM(A1)", None, None, Decimal("0.50"), None, 0, ""]] * 300
    response = export_response(
        "xlsx",
        filename="projects",
        headers=COLUMNS,
        rows=iter(rows),
        title="Projects",
        request=rf.get("/"),
    )
    assert response.streaming
    assert int(response["Content-Length"]) > 0
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="projects-{today}.xlsx"'
    sheet = _sheet(response.getvalue())
    assert sheet.max_row == 601
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G601"
    assert all(cell.font.bold for cell in sheet[1])
    last = sheet[601]
    assert last[0].value == "=SUM(A1)" and last[0].data_type == "s"
    assert last[3].value == pytest.approx(0.5) and last[3].number_format == '"£"#,##0.00'
    assert last[5].value == 0
    assert last[6].value is None and last[6].hyperlink is None
    link = sheet["G600"]
    assert link.value == "Open in Heartbeat"
    assert link.hyperlink.target == "http://testserver/projects/housing-repairs-online/"
    assert link.font.underline == "single"
    assert sheet["B600"].value == datetime.datetime(2026, 11, 26)
    assert sheet["B600"].number_format == "d mmmm yyyy"


def test_xlsx_columns_are_sized_from_the_header_and_the_first_rows():
    long_name = "A project whose name is long enough to need a wide column"
    rows = [[long_name, 1]] + [["Short", 2]] * 10
    sheet = _sheet(export_content("xlsx", headers=["Name", "A count of things"], rows=rows))
    assert sheet.column_dimensions["A"].width == len(long_name) + 2
    assert sheet.column_dimensions["B"].width == len("A count of things") + 2


# Memory that does not grow with the rows


def _peak_streaming(response) -> int:
    """The most memory Python held above the start while the download was read and
    dropped a piece at a time, as a client reads it."""
    import tracemalloc

    tracemalloc.start()
    try:
        for _ in response.streaming_content:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _rows(count: int):
    for n in range(count):
        yield [f"Request {n}: {'paper forms online ' * 10}", datetime.date(2026, 11, 26),
               Decimal("1250.50"), "/requests/1/"]  # fmt: skip


def test_a_csv_download_holds_about_the_same_memory_for_4_times_the_rows():
    headers = [Column("Title"), Column("Raised", Kind.DATE), Column("Cost", Kind.MONEY),
               Column("Page", Kind.LINK)]  # fmt: skip

    small = _peak_streaming(export_response("csv", filename="r", headers=headers,
                                            rows=_rows(5_000)))  # fmt: skip
    large = _peak_streaming(export_response("csv", filename="r", headers=headers,
                                            rows=_rows(20_000)))  # fmt: skip

    # 20,000 rows of this kind are about 4.5 MB of CSV: held whole, the peak would be that.
    assert large < 1.25 * small + 64 * 1024
    assert large < 1024 * 1024
