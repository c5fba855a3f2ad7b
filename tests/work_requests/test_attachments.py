"""Attachments are judged by their content, not their name."""

import pytest

from heartbeat.core.exceptions import InvalidInput
from heartbeat.work_requests.attachments import check_upload, clean_name, sniff
from tests.work_requests.factories import (
    EXECUTABLE,
    PDF,
    docx_bytes,
    ods_bytes,
    odt_bytes,
    plain_zip_bytes,
    upload,
    xlsm_bytes,
    xlsx_bytes,
)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("appraisal.pdf", PDF, "pdf"),
        ("Business case.DOCX", docx_bytes(), "docx"),
        ("calls.xlsx", xlsx_bytes(), "xlsx"),
        ("calls.ods", ods_bytes(), "ods"),
    ],
)
def test_each_allowed_kind_is_recognised_by_its_content(name, content, kind):
    file = upload(name, content)
    assert sniff(file) == kind
    assert check_upload(file) == (kind, name)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (EXECUTABLE, None),
        (plain_zip_bytes(), None),
        (xlsm_bytes(), None),
        (odt_bytes(), None),
        (b"PK\x03\x04 not really a zip", None),
        (b"%PDF-1.7 looks enough like a PDF", "pdf"),
    ],
)
def test_sniffing_other_content(content, expected):
    assert sniff(upload("file.bin", content)) == expected


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "budget.pdf",
            EXECUTABLE,
            "budget.pdf is named as a PDF, but its content is not a PDF, Word (DOCX), "
            "Excel (XLSX) or OpenDocument spreadsheet (ODS) file.",
        ),
        (
            "budget.docx",
            PDF,
            "budget.docx is named as a Word document, but its content is a PDF. "
            "Rename it to end in .pdf",
        ),
        (
            "calls.ods",
            xlsx_bytes(),
            "calls.ods is named as an OpenDocument spreadsheet, but its content is an Excel "
            "spreadsheet.",
        ),
        (
            "macros.xlsx",
            xlsm_bytes(),
            "macros.xlsx is named as an Excel spreadsheet, but its content is not a PDF",
        ),
        ("setup.exe", EXECUTABLE, "setup.exe is not a file type we accept"),
        ("notes", PDF, "notes is not a file type we accept"),
    ],
)
def test_a_file_whose_content_does_not_match_its_name_is_refused(name, content, message):
    with pytest.raises(InvalidInput) as refused:
        check_upload(upload(name, content))
    assert message in refused.value.message
    assert refused.value.field == "attachment"


def test_a_file_over_the_limit_is_refused_with_its_size(settings):
    settings.WORK_REQUEST_ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = PDF + b"0" * (2 * 1024 * 1024)
    with pytest.raises(InvalidInput) as refused:
        check_upload(upload("scan.pdf", big))
    assert refused.value.code == "attachment_too_large"
    assert refused.value.message == "scan.pdf is 2.0 MB: attach files of 1.0 MB or smaller."


def test_an_empty_file_is_refused():
    with pytest.raises(InvalidInput, match="empty"):
        check_upload(upload("empty.pdf", b""))


def test_names_lose_their_folders_and_unsafe_characters():
    assert clean_name("C:\\Users\\fiona\\Desktop\\plan.pdf") == "plan.pdf"
    assert clean_name("../../etc/passwd") == "passwd"
    assert clean_name('a"b<c>.pdf') == "abc.pdf"
    assert clean_name("") == "attachment"
