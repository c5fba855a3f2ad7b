"""Asking for a programme highlight report, which a background task builds."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from heartbeat.delivery import permissions
from heartbeat.delivery.models import HighlightReport
from heartbeat.delivery.services.common import acting_user, require


@transaction.atomic
def report_request(*, actor, filters: dict) -> HighlightReport:
    """Queue a highlight report of the dashboard's projects (with its filters)."""
    from heartbeat.delivery.tasks import build_highlight_report

    if actor is not None:
        require(permissions.can_request_report(actor), "Sign in to ask for a highlight report.")
    report = HighlightReport.objects.create(
        requested_by=acting_user(actor),
        requested_at=timezone.now(),
        filters={k: v for k, v in filters.items() if k in ("theme", "lead", "confidence") and v},
    )
    transaction.on_commit(lambda: build_highlight_report.enqueue(report_id=report.pk))
    return report
