"""The printable project definition boards receive, made with WeasyPrint."""

from django.template.loader import render_to_string
from django.utils import timezone


def project_definition_html(request, project, context: dict) -> str:
    """The HTML the PDF is made from (its own page: no site header, navigation or scripts)."""
    return render_to_string(
        "portfolio/project_pdf.html",
        {**context, "project": project, "generated_at": timezone.now()},
        request=request,
    )


def render_project_pdf(request, project, context: dict) -> bytes:
    # WeasyPrint takes about a second to import: only pages that print pay for it.
    import weasyprint
    from weasyprint.urls import URLFetcher

    html = project_definition_html(request, project, context)
    # The definition is self-contained: nothing outside it is fetched while printing.
    fetcher = URLFetcher(allowed_protocols=["data"])
    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf()
