"""Background work for delivery: the overdue check and its emails, and highlight reports.

Tasks take ids, not records, and load what they need when they run.

The overdue check never sends twice: for each missing update it first writes an
``OverdueNotice`` (unique per project, period and kind) and queues the email only when that
insert commits. A second run, or a second worker running at the same moment, finds the
notice (or loses the insert) and queues nothing. The email task itself locks its notice and
skips one already sent.
"""

from __future__ import annotations

import datetime
import functools
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from heartbeat.core.formatting import uk_date

logger = logging.getLogger(__name__)

REPORT_CHUNK = 25


def _link(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _today(due_at: str | None) -> datetime.date:
    if due_at:
        try:
            return timezone.localdate(datetime.datetime.fromisoformat(due_at))
        except ValueError:
            logger.warning("Ignoring a due time that is not ISO 8601: %r", due_at)
    return timezone.localdate()


def _notice(project, status, kind: str, now, today) -> int | None:
    """Write the notice and queue its email on commit; None when it exists already."""
    from heartbeat.delivery.models import OverdueNotice

    try:
        with transaction.atomic():
            notice = OverdueNotice.objects.create(
                project=project,
                cadence=status.cadence,
                period_start=status.latest_due.start,
                period_end=status.latest_due.end,
                kind=kind,
                due_date=status.latest_due_date,
                noticed_on=today,
                created_at=now,
            )
            transaction.on_commit(
                functools.partial(send_overdue_notice.enqueue, notice_id=notice.pk)
            )
    except IntegrityError:
        return None  # noticed before, by this run or another worker
    return notice.pk


@task()
def check_overdue_updates(due_at: str | None = None) -> dict:
    """Mark each missing update after its due day, remind the project lead, and after the
    programme's set number of days tell the programme office; each once."""
    from heartbeat.delivery.config import programme_settings
    from heartbeat.delivery.models import NoticeKind
    from heartbeat.delivery.selectors.reporting import (
        OWING_STAGES,
        reporting_statuses,
        with_reporting,
    )
    from heartbeat.portfolio.models import Project

    today = _today(due_at)
    delivery_settings = programme_settings()
    projects = list(
        with_reporting(Project.objects.filter(stage__in=OWING_STAGES), delivery_settings).only(
            "pk", "stage", "stage_changed_at", "created_at", "title", "slug"
        )
    )
    statuses = reporting_statuses(projects, delivery_settings, today)
    now = timezone.now()
    reminders = escalations = 0
    for project in projects:
        status = statuses[project.pk]
        if not status.is_overdue:
            continue
        if _notice(project, status, NoticeKind.REMINDER, now, today) is not None:
            reminders += 1
        if status.overdue_days >= delivery_settings.escalate_after_days and (
            _notice(project, status, NoticeKind.ESCALATION, now, today) is not None
        ):
            escalations += 1
    logger.info("Overdue check for %s: %s reminders, %s escalations", today, reminders, escalations)
    return {"reminders": reminders, "escalations": escalations}


def _reminder_message(notice, lead) -> tuple[str, str]:
    from heartbeat.delivery.cadence import Period

    project = notice.project
    period = Period(notice.period_start, notice.period_end, notice.cadence)
    path = f"/projects/{project.slug}/updates/new/?period={notice.period_start.isoformat()}"
    lines = [
        f"Dear {lead.display_name},",
        "",
        f"The heartbeat update for {project.title} for {period.label} was due on "
        f"{uk_date(notice.due_date)} and has not been submitted yet.",
        "",
        f"Write it here: {_link(path)}",
        "",
        "If it is not in within a few days, the programme office will be told.",
        "",
        "Heartbeat",
    ]
    return f"Update overdue: {project.title}, {period.label}", "\n".join(lines)


def _escalation_message(notice, person) -> tuple[str, str]:
    from heartbeat.delivery.cadence import Period

    project = notice.project
    period = Period(notice.period_start, notice.period_end, notice.cadence)
    lead = project.project_lead
    days = (notice.noticed_on - notice.due_date).days
    lines = [
        f"Dear {person.display_name},",
        "",
        f"{project.title} has not submitted its heartbeat update for {period.label}, due on "
        f"{uk_date(notice.due_date)}: {days} days overdue.",
        f"Project lead: {lead.display_name + ' (' + lead.email + ')' if lead else 'none named'}",
        "",
        f"The project: {_link(f'/projects/{project.slug}/')}",
        f"Every late update: {_link('/updates/due/')}",
        "",
        "Heartbeat",
    ]
    return f"Escalated: {project.title} update for {period.label} is overdue", "\n".join(lines)


@task()
def send_overdue_notice(notice_id: int) -> int:
    """Send one notice's email unless it has been sent; return the emails sent."""
    from heartbeat.accounts.models import User
    from heartbeat.delivery.models import NoticeKind, OverdueNotice

    with transaction.atomic():
        notice = (
            OverdueNotice.objects.select_for_update(of=("self",))
            .select_related("project__project_lead")
            .filter(pk=notice_id)
            .first()
        )
        if notice is None or notice.sent_at is not None:
            return 0
        if notice.kind == NoticeKind.REMINDER:
            lead = notice.project.project_lead
            people = [lead] if lead is not None and lead.is_active and lead.email else []
            messages = [(_reminder_message(notice, person), person) for person in people]
        else:
            people = list(
                User.objects.filter(is_active=True, is_programme_office=True).exclude(email="")
            )
            messages = [(_escalation_message(notice, person), person) for person in people]
        # Sent inside the transaction: if sending fails, the notice stays unsent.
        for (subject, body), person in messages:
            send_mail(subject=subject, message=body, from_email=None, recipient_list=[person.email])
        notice.sent_at = timezone.now()
        notice.recipients = ", ".join(person.email for _, person in messages)[:2000]
        notice.save(update_fields=["sent_at", "recipients"])
    return len(messages)


def overdue_job():
    """The overdue check, every HEARTBEAT_OVERDUE_CHECK_MINUTES minutes."""
    from heartbeat.core.schedule import Job, setting

    minutes = int(setting("HEARTBEAT_OVERDUE_CHECK_MINUTES", "60"))
    return Job(
        name="delivery.overdue_updates",
        task="heartbeat.delivery.tasks.check_overdue_updates",
        interval=datetime.timedelta(minutes=minutes),
    )


@task()
def build_highlight_report(report_id: int) -> str:
    """Build a highlight report's PDF and XLSX, recording progress as it goes."""
    from django.contrib.auth.models import AnonymousUser

    from heartbeat.delivery.models import HighlightReport, ReportStatus
    from heartbeat.delivery.reports import highlight_pdf, highlight_xlsx
    from heartbeat.delivery.selectors.dashboard import (
        DashboardFilters,
        fill_details,
        programme_dashboard,
    )

    report = HighlightReport.objects.select_related("requested_by").filter(pk=report_id).first()
    if report is None or report.status == ReportStatus.DONE:
        return "skipped"
    HighlightReport.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING)
    try:
        user = report.requested_by or AnonymousUser()
        filters = DashboardFilters(
            **{k: v for k, v in report.filters.items() if k in ("theme", "lead", "confidence")}
        )
        today = timezone.localdate(report.requested_at)
        dashboard = programme_dashboard(user, filters, today=today)
        lines = dashboard.lines
        # Two steps per project (details, then the files), so progress moves steadily.
        total = len(lines) + REPORT_CHUNK
        HighlightReport.objects.filter(pk=report.pk).update(total=total, done=0)
        for start in range(0, len(lines), REPORT_CHUNK):
            chunk = lines[start : start + REPORT_CHUNK]
            fill_details(chunk, dashboard.settings, today)
            HighlightReport.objects.filter(pk=report.pk).update(done=start + len(chunk))
        pdf = highlight_pdf(dashboard, generated_at=report.requested_at)
        xlsx = highlight_xlsx(dashboard, generated_at=report.requested_at)
        HighlightReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.DONE,
            pdf=pdf,
            xlsx=xlsx,
            done=total,
            finished_at=timezone.now(),
        )
    except Exception as error:
        logger.exception("Highlight report %s failed", report_id)
        HighlightReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.FAILED, error=str(error)[:500], finished_at=timezone.now()
        )
        raise
    return "done"
