"""The published response as a tagged PDF (PDF/UA), with its fonts embedded."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

FONTS = Path(settings.BASE_DIR) / "static" / "vendor" / "roboto-5.3.0" / "files"


@cache
def _font_faces() -> str:
    """@font-face rules with the fonts as data URIs: the PDF embeds them and fetches
    nothing from outside."""
    rules = []
    for weight in (400, 700):
        data = base64.b64encode((FONTS / f"roboto-latin-{weight}-normal.woff2").read_bytes())
        rules.append(
            "@font-face { font-family: 'Roboto'; font-style: normal; "
            f"font-weight: {weight}; src: url(data:font/woff2;base64,{data.decode()}) "
            "format('woff2'); }"
        )
    return "\n".join(rules)


def response_html(request, event, response, questions) -> str:
    return render_to_string(
        "engagement/response_pdf.html",
        {
            "event": event,
            "response": response,
            "questions": questions,
            "font_faces": _font_faces(),
            "site": settings.SITE_URL,
            "generated_at": timezone.now(),
        },
        request=request,
    )


def render_response_pdf(request, event, response, questions) -> bytes:
    # WeasyPrint takes about a second to import: only the PDF pays for it.
    import weasyprint
    from weasyprint.urls import URLFetcher

    html = response_html(request, event, response, questions)
    document = weasyprint.HTML(
        string=html, base_url=settings.SITE_URL, url_fetcher=URLFetcher(allowed_protocols=["data"])
    )
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
