"""The printable project definition boards receive, made with WeasyPrint."""

from django.template.loader import render_to_string
from django.utils import timezone

from heartbeat.core.pdf import FONT_STACK, font_faces, render_pdf
from heartbeat.partnership.models import PARTNERSHIP_NAME


def project_definition_html(request, project, context: dict) -> str:
    """The HTML the PDF is made from (its own page: no site header, navigation or scripts)."""
    return render_to_string(
        "portfolio/project_pdf.html",
        {
            **context,
            "project": project,
            "generated_at": timezone.now(),
            "partnership_name": PARTNERSHIP_NAME,
            "font_faces": font_faces(),
            "font_stack": FONT_STACK,
        },
        request=request,
    )


def render_project_pdf(request, project, context: dict) -> bytes:
    """The project definition as a tagged PDF in the service's fonts."""
    return render_pdf(project_definition_html(request, project, context))
