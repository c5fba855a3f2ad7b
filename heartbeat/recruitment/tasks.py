"""Background work for recruitment: emails about pledges and the weekly digest of needs.

Tasks take ids, not records, and load what they need when they run: the record may have
changed between queueing and running.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from heartbeat.core.formatting import number, uk_month

logger = logging.getLogger(__name__)

EVENTS = {
    "created": "New pledge",
    "changed": "Pledge changed",
    "withdrawn": "Pledge withdrawn",
}


def _link(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _days(value) -> str:
    return number(value, 1).removesuffix(".0")


def pledge_summary(pledge) -> list[str]:
    """The lines of an email that describe a pledge."""
    requirement = pledge.requirement
    lines = [
        f"Organisation: {pledge.organisation}",
        f"Need: {requirement.skill} ({requirement.get_level_display()}), "
        f"{requirement.people} x {_days(requirement.days_per_month)} days a month, "
        f"{uk_month(requirement.start_month)} to {uk_month(requirement.end_month)}",
        f"Who: {pledge.who} ({pledge.get_level_display()})",
        f"Days: {_days(pledge.days_per_month)} a month, {uk_month(pledge.start_month)} to "
        f"{uk_month(pledge.end_month)}, {_days(pledge.total_days)} days in all",
    ]
    lines += [
        f"Planned reduction: {_days(a.days)} days in {uk_month(a.month)}"
        for a in pledge.adjustments.all()
    ]
    if pledge.notes:
        lines.append(f"Notes: {pledge.notes}")
    return lines


@task()
def notify_project_lead_of_pledge(pledge_id: int, event: str, actor_id: int | None = None) -> int:
    """Email the project lead that a pledge was made, changed or withdrawn; return 1 if sent."""
    from heartbeat.recruitment.models import Pledge
    from heartbeat.recruitment.selectors import project_coverage

    pledge = (
        Pledge.objects.select_related(
            "organisation",
            "person",
            "requirement__skill",
            "requirement__project__project_lead",
            "created_by",
        )
        .prefetch_related("adjustments")
        .filter(pk=pledge_id)
        .first()
    )
    if pledge is None:
        return 0
    project = pledge.requirement.project
    lead = project.project_lead
    if lead is None or not lead.is_active or not lead.email or lead.pk == actor_id:
        return 0
    coverage = project_coverage(project)
    heading = EVENTS.get(event, "Pledge update")
    lines = [
        f"Dear {lead.display_name},",
        "",
        f"{heading} on {project.title}.",
        "",
        *pledge_summary(pledge),
    ]
    if event == "withdrawn" and pledge.withdrawn_reason:
        lines.append(f"Reason for withdrawing: {pledge.withdrawn_reason}")
    if coverage.percent is not None:
        lines += ["", f"The project's staffing coverage is now {coverage.percent}%."]
    lines += [
        "",
        f"See the project's coverage: {_link(project.get_absolute_url())}#coverage",
        f"See the pledge: {_link(reverse('recruitment:pledge_detail', args=[pledge.pk]))}",
        "",
        "Heartbeat",
    ]
    send_mail(
        subject=f"{heading}: {pledge.organisation} for {project.title}",
        message="\n".join(lines),
        from_email=None,
        recipient_list=[lead.email],
    )
    return 1


@task()
def notify_councils_of_pledge_changes(pledge_ids: list[int], reason: str) -> int:
    """Email the leads of each organisation whose pledges a change to their project or need
    ended, shortened or withdrew, once per organisation; return the number of emails."""
    from heartbeat.accounts.models import User
    from heartbeat.recruitment.models import Pledge

    pledges = list(
        Pledge.objects.filter(pk__in=pledge_ids)
        .select_related("organisation", "person", "requirement__skill", "requirement__project")
        .prefetch_related("adjustments")
        .order_by("organisation__name", "pk")
    )
    by_organisation: dict[int, list] = {}
    for pledge in pledges:
        by_organisation.setdefault(pledge.organisation_id, []).append(pledge)
    leads: dict[int, list] = {}
    for lead in User.objects.filter(
        organisation_id__in=by_organisation, is_active=True, is_organisation_lead=True
    ).exclude(email=""):
        leads.setdefault(lead.organisation_id, []).append(lead)
    sent = 0
    for organisation_id, theirs in by_organisation.items():
        recipients = [lead.email for lead in leads.get(organisation_id, [])]
        if not recipients:
            continue
        organisation = theirs[0].organisation
        lines = [f"Dear colleague at {organisation},", "", reason, ""]
        lines.append(f"{len(theirs)} of {organisation}'s pledges changed:")
        for pledge in theirs:
            project = pledge.requirement.project
            lines += [
                "",
                f"- {pledge.who} for {project.title} ({pledge.requirement.skill}): "
                f"{pledge.get_status_display().lower()}, {uk_month(pledge.start_month)} to "
                f"{uk_month(pledge.end_month)}, {_days(pledge.total_days)} days in all",
                f"  {_link(reverse('recruitment:pledge_detail', args=[pledge.pk]))}",
            ]
        lines += ["", "The pledges stay on record with their history.", "", "Heartbeat"]
        send_mail(
            subject=f"Pledges changed: {theirs[0].requirement.project.title}",
            message="\n".join(lines),
            from_email=None,
            recipient_list=recipients,
        )
        sent += 1
    return sent


def digest_message(organisation, lead, needs) -> tuple[str, str]:
    count = len(needs)
    lines = [
        f"Dear {lead.display_name},",
        "",
        f"{count} new {'need matches' if count == 1 else 'needs match'} the skills of people "
        f"in {organisation} or skills it has pledged before:",
        "",
    ]
    for need in needs:
        lines += [
            f"- {need.skill} ({need.get_level_display()}) for {need.project.title}: "
            f"{need.people} x {_days(need.days_per_month)} days a month, "
            f"{uk_month(need.start_month)} to {uk_month(need.end_month)}; "
            f"{_days(need.shortfall_days)} days still to find",
            f"  {_link(need.project.get_absolute_url())}#coverage",
        ]
    lines += [
        "",
        f"Every need your organisation could help with: {_link(reverse('recruitment:help'))}",
        "",
        "You receive this weekly as an organisation lead. Heartbeat",
    ]
    subject = f"{count} new {'need' if count == 1 else 'needs'} {organisation} could help with"
    return subject, "\n".join(lines)


@task()
def send_weekly_digests(due_at: str | None = None) -> dict:
    """Email each organisation's leads the open needs matching its skills that no digest has
    listed before; a need is listed to an organisation once."""
    from heartbeat.accounts.models import User
    from heartbeat.partnership.models import Organisation
    from heartbeat.recruitment.models import DigestedNeed
    from heartbeat.recruitment.selectors import matching_skill_ids, open_needs

    leads_by_organisation: dict[int, list] = {}
    for lead in User.objects.filter(
        is_active=True, is_organisation_lead=True, organisation__isnull=False
    ).exclude(email=""):
        leads_by_organisation.setdefault(lead.organisation_id, []).append(lead)
    sent = organisations = 0
    for organisation in Organisation.objects.filter(pk__in=leads_by_organisation):
        people, pledged = matching_skill_ids(organisation)
        skill_ids = set(people) | pledged
        if not skill_ids:
            continue
        leads = leads_by_organisation[organisation.pk]
        with transaction.atomic():
            already = DigestedNeed.objects.filter(organisation=organisation).values(
                "requirement_id"
            )
            needs = list(open_needs(leads[0], skill_ids=skill_ids, exclude_ids=already))
            if not needs:
                continue
            now = timezone.now()
            DigestedNeed.objects.bulk_create(
                [DigestedNeed(organisation=organisation, requirement=n, sent_at=now) for n in needs]
            )
            # Sent inside the transaction: if sending fails, the needs stay new for next week.
            for lead in leads:
                subject, message = digest_message(organisation, lead, needs)
                send_mail(
                    subject=subject, message=message, from_email=None, recipient_list=[lead.email]
                )
                sent += 1
            organisations += 1
    logger.info("Weekly digest due %s: %s emails to %s organisations", due_at, sent, organisations)
    return {"emails": sent, "organisations": organisations}


def digest_job():
    """The weekly digest of open needs, at the day and time the settings give."""
    from heartbeat.core.schedule import Job, parse_time, parse_weekday, setting

    return Job(
        name="recruitment.weekly_digest",
        task="heartbeat.recruitment.tasks.send_weekly_digests",
        weekday=parse_weekday(setting("HEARTBEAT_DIGEST_WEEKDAY", "monday")),
        at=parse_time(setting("HEARTBEAT_DIGEST_TIME", "08:00")),
    )
