"""What an attached file really is, judged by its content rather than its name.

A PDF starts with ``%PDF-``. Word (DOCX) and Excel (XLSX) files are zip containers in the
Office Open XML format: their ``[Content_Types].xml`` declares the main part's type and the
main part (``word/document.xml``, ``xl/workbook.xml``) is there. An OpenDocument spreadsheet
(ODS) is a zip whose first entry, stored uncompressed, is ``mimetype`` holding its type.
Anything else (an executable renamed .pdf, a macro-enabled workbook, a zip of something
else) is refused, and so is a file whose content is one allowed type but whose name says
another.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.conf import settings

from heartbeat.core.exceptions import InvalidInput
from heartbeat.core.formatting import number
from heartbeat.work_requests.models import MAX_FILENAME, AttachmentKind

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10
# Office files keep their content-type list small; a huge one is not a real Office file.
MAX_CONTENT_TYPES_BYTES = 256 * 1024

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


@dataclass(frozen=True)
class KindInfo:
    extension: str
    content_type: str
    name: str  # how a person would call it


KINDS = {
    AttachmentKind.PDF: KindInfo(".pdf", "application/pdf", "a PDF"),
    AttachmentKind.DOCX: KindInfo(
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "a Word document",
    ),
    AttachmentKind.XLSX: KindInfo(
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "an Excel spreadsheet",
    ),
    AttachmentKind.ODS: KindInfo(
        ".ods", "application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet"
    ),
}
BY_EXTENSION = {info.extension: kind for kind, info in KINDS.items()}
ALLOWED = "PDF, Word (DOCX), Excel (XLSX) or OpenDocument spreadsheet (ODS)"
ACCEPT_ATTRIBUTE = ",".join(info.extension for info in KINDS.values())


def max_bytes() -> int:
    return int(getattr(settings, "WORK_REQUEST_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def describe_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{number(max(size / 1024, 1), 0)} KB"
    return f"{number(size / (1024 * 1024), 1)} MB"


def _zip_kind(fileobj) -> str | None:
    try:
        archive = zipfile.ZipFile(fileobj)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    names = {info.filename for info in infos}
    if infos and infos[0].filename == "mimetype" and infos[0].file_size <= 100:
        try:
            mimetype = archive.read("mimetype").strip()
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
            return None
        return AttachmentKind.ODS if mimetype == ODS_MIMETYPE else None
    types = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
    if types is None or types.file_size > MAX_CONTENT_TYPES_BYTES:
        return None
    try:
        declared = archive.read(types).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        return None
    if "word/document.xml" in names and DOCX_MAIN in declared:
        return AttachmentKind.DOCX
    if "xl/workbook.xml" in names and XLSX_MAIN in declared:
        return AttachmentKind.XLSX
    return None


def sniff(fileobj) -> str | None:
    """The kind of file ``fileobj`` holds (an AttachmentKind value), or None."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return AttachmentKind.PDF
        if head.startswith(b"PK\x03\x04"):
            return _zip_kind(fileobj)
        return None
    finally:
        fileobj.seek(0)


def clean_name(name: str) -> str:
    """The file's own name without any folders, safe to show and to send back."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|:*?')
    return name.strip()[:MAX_FILENAME] or "attachment"


def check_upload(upload) -> tuple[str, str]:
    """Refuse a file that is too big, empty, of a type not allowed, or not what its name
    says; return its kind and a clean name."""
    name = clean_name(getattr(upload, "name", ""))
    size = upload.size or 0
    if size == 0:
        raise InvalidInput(f"{name} is empty: choose the file again.", field="attachment")
    limit = max_bytes()
    if size > limit:
        raise InvalidInput(
            f"{name} is {describe_size(size)}: attach files of {describe_size(limit)} or smaller.",
            code="attachment_too_large",
            field="attachment",
        )
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    named_kind = BY_EXTENSION.get(extension)
    if named_kind is None:
        raise InvalidInput(
            f"{name} is not a file type we accept: attach a {ALLOWED} file.",
            code="attachment_type",
            field="attachment",
        )
    kind = sniff(upload)
    if kind is None:
        raise InvalidInput(
            f"{name} is named as {KINDS[named_kind].name}, but its content is not a {ALLOWED} "
            "file. Save it again in one of those formats and attach it.",
            code="attachment_content",
            field="attachment",
        )
    if kind != named_kind:
        raise InvalidInput(
            f"{name} is named as {KINDS[named_kind].name}, but its content is "
            f"{KINDS[kind].name}. Rename it to end in {KINDS[kind].extension}, or attach the "
            "file you meant.",
            code="attachment_mismatch",
            field="attachment",
        )
    return kind, name
