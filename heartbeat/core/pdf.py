"""PDFs boards receive: tagged for screen readers, in the service's own fonts.

Every PDF is written as PDF/UA-1 by WeasyPrint: the document is tagged (headings, lists,
tables and reading order come from the HTML), it carries its title and language, and its
fonts are embedded. The fonts are the ones the site uses (Roboto, in
``static/vendor/roboto-*``), given to WeasyPrint inline so that nothing outside the
document is ever fetched while printing.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from django.contrib.staticfiles import finders
from markupsafe import Markup

FONTS = [
    # (family, weight, file under static/)
    ("Roboto", 400, "vendor/roboto-5.3.0/files/roboto-latin-400-normal.woff2"),
    ("Roboto", 700, "vendor/roboto-5.3.0/files/roboto-latin-700-normal.woff2"),
]
FONT_STACK = 'Roboto, "DejaVu Sans", sans-serif'
VARIANT = "pdf/ua-1"


@lru_cache(maxsize=1)
def font_faces() -> Markup:
    """@font-face rules for the service's fonts, as data: URLs, for a PDF's <style>."""
    rules = []
    for family, weight, path in FONTS:
        found = finders.find(path)
        if not found:
            continue
        with open(found, "rb") as handle:
            data = base64.b64encode(handle.read()).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
            f'font-style: normal; src: url("data:font/woff2;base64,{data}") format("woff2"); }}'
        )
    return Markup("\n".join(rules))  # noqa: S704 - built here from our own font files


def render_pdf(html: str) -> bytes:
    """The HTML as a tagged PDF (PDF/UA-1) with its fonts embedded.

    The HTML must be a page of its own: ``<html lang>``, a ``<title>``, headings in order,
    and the service's fonts from :func:`font_faces` in its style.
    """
    # WeasyPrint takes about a second to import: only pages that print pay for it.
    import weasyprint
    from weasyprint.urls import URLFetcher

    # The document is self-contained: nothing outside it is fetched while printing.
    fetcher = URLFetcher(allowed_protocols=["data"])
    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(pdf_variant=VARIANT)
