"""PDFs are tagged for screen readers (PDF/UA-1), embed the service's fonts, and carry the
partnership's name and the date they were printed."""

import re
import zlib

import pytest
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.formatting import uk_date
from heartbeat.core.pdf import font_faces, render_pdf
from heartbeat.partnership.models import PARTNERSHIP_NAME
from tests.portfolio.factories import ProjectFactory, complete_definition


def expanded(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


HTML = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Board paper</title><style>{font_faces()} body {{ font-family: Roboto; }}</style></head>
<body><h1>Board paper</h1><p>Coverage is 75%.</p>
<table><thead><tr><th>Need</th><th>Days</th></tr></thead>
<tbody><tr><td>Designer</td><td>4</td></tr></tbody></table></body></html>"""


def test_a_pdf_is_tagged_for_screen_readers():
    pdf = expanded(render_pdf(HTML))
    assert pdf.startswith(b"%PDF")
    assert b"/StructTreeRoot" in pdf
    assert b"/Marked true" in pdf
    assert b"pdfuaid:part" in pdf
    assert b"/Lang (en-GB)" in pdf
    assert b"/Title (Board paper)" in pdf
    # Headings and tables keep their meaning.
    assert b"/H1" in pdf
    assert b"/Table" in pdf and b"/TH" in pdf


def test_a_pdf_embeds_the_service_s_font():
    pdf = expanded(render_pdf(HTML))
    assert b"Roboto" in pdf
    assert b"/FontFile" in pdf


def test_nothing_outside_the_document_is_fetched():
    html = HTML.replace("<h1>", '<img src="http://example.invalid/x.png" alt=""><h1>')
    assert render_pdf(html).startswith(b"%PDF")


@pytest.mark.django_db
def test_the_project_definition_carries_the_partnership_and_the_date(client):
    project = complete_definition(ProjectFactory(title="Office 365 federation"))
    response = client.get(reverse("portfolio:project_pdf", args=[project.slug]))
    assert response.status_code == 200
    pdf = expanded(response.content)
    assert f"/Author ({PARTNERSHIP_NAME})".encode() in pdf
    printed = f"printed on {uk_date(timezone.now())}"
    assert printed.encode() in pdf
    assert b"/StructTreeRoot" in pdf
    assert b"Roboto" in pdf
