"""Work requests for tests, and real files of each kind an attachment may be."""

from __future__ import annotations

import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from heartbeat.work_requests.models import Comment, State, Support, Urgency, WorkRequest
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ThemeFactory


class WorkRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkRequest

    title = factory.Sequence(lambda n: f"Request {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    raised_by = factory.SubFactory(
        UserFactory, organisation=factory.SelfAttribute("..organisation")
    )
    problem = "Residents phone the contact centre to book bulky uplifts."
    affected = "About 9,000 households a year and four contact centre staff."
    outcome = "Residents book and pay for bulky uplifts online, any time."
    theme = factory.SubFactory(ThemeFactory)
    urgency = Urgency.MEDIUM
    state = State.SUBMITTED
    state_changed_at = factory.LazyFunction(timezone.now)


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    work_request = factory.SubFactory(WorkRequestFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    need = "We have the same problem with garden waste permits."
    created_at = factory.LazyFunction(timezone.now)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    work_request = factory.SubFactory(WorkRequestFactory)
    author = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("author.organisation")
    body = "Could this reuse the waste booking product from the last round?"
    created_at = factory.LazyFunction(timezone.now)


# Real files ----------------------------------------------------------------------------------

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _zip(entries: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (name, data) in enumerate(entries):
            compress = zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    document = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Options appraisal</w:t></w:r>'
        b"</w:p></w:body></w:document>"
    )
    return _zip([("[Content_Types].xml", types), ("word/document.xml", document)])


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Month", "Calls"])
    workbook.active.append(["April", 412])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsm_bytes() -> bytes:
    """A macro-enabled workbook: a zip like XLSX but with another main content type."""
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
        b'vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
    )
    return _zip([("[Content_Types].xml", types), ("xl/workbook.xml", b"<workbook/>")])


def ods_bytes() -> bytes:
    return _zip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", b'<?xml version="1.0"?><office:document-content/>'),
            ("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:manifest/>'),
        ],
        stored_first=True,
    )


def odt_bytes() -> bytes:
    """An OpenDocument text file: a zip with a mimetype, but not a spreadsheet."""
    return _zip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<office:document-content/>"),
        ],
        stored_first=True,
    )


def plain_zip_bytes() -> bytes:
    return _zip([("notes.txt", b"Meeting notes")])


EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_upload(name: str = "options-appraisal.pdf"):
    return upload(name, PDF, "application/pdf")
