"""Emails about work requests, sent by the worker after the change is committed.

Tasks take ids, not records, and load what they need when they run.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

logger = logging.getLogger(__name__)

HEADLINES = {
    "under_review": "is under review",
    "accepted": "has been accepted",
    "declined": "has been declined",
    "duplicate": "has been marked as a duplicate",
    "linked": "now has its project",
}


def _link(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def recipients(change) -> list[tuple[object, str]]:
    """Who hears of a change, and as what: the person who raised the request, and the person
    who gave each organisation's support (for a duplicate, the supports that moved across)."""
    from heartbeat.work_requests.models import State, Support

    work_request = change.work_request
    people: dict[int, tuple[object, str]] = {}
    if work_request.raised_by is not None:
        people[work_request.raised_by.pk] = (work_request.raised_by, "requester")
    if change.to_state == State.DUPLICATE:
        supports = Support.objects.filter(moved_from=work_request)
    else:
        supports = Support.objects.filter(work_request=work_request)
    for support in supports.select_related("supported_by"):
        person = support.supported_by
        if person is not None and person.pk not in people:
            people[person.pk] = (person, "supporter")
    return [
        (person, as_what)
        for person, as_what in people.values()
        if person.is_active and person.email
    ]


def message(change, person, as_what: str) -> tuple[str, str]:
    """The subject and body of the email to ``person`` about ``change``."""
    from heartbeat.work_requests.models import State

    work_request = change.work_request
    event = "linked" if change.from_state == change.to_state else change.to_state
    headline = HEADLINES.get(event, "has changed")
    if as_what == "requester":
        subject = f"Your work request {work_request.reference} {headline}"
        opening = f"{work_request.organisation}'s request {work_request.reference} {headline}."
    else:
        subject = f"A request you support, {work_request.reference}, {headline}"
        opening = (
            f"{work_request.organisation}'s request {work_request.reference}, which "
            f"{person.organisation or 'your organisation'} supports, {headline}."
        )
    lines = [f"Dear {person.display_name},", "", opening, "", f"Title: {work_request.title}"]
    project = work_request.project
    if change.to_state == State.DECLINED:
        lines += ["", "The programme office's reason:", work_request.decline_reason]
    elif change.to_state == State.DUPLICATE and work_request.duplicate_of is not None:
        original = work_request.duplicate_of
        lines += [
            "",
            f"It asks for the same as {original.reference}: {original.title}.",
            "Its supporters, and the organisation that raised it, now support that request, "
            "which carries on through triage:",
            _link(original.get_absolute_url()),
        ]
    elif change.to_state == State.ACCEPTED and project is not None:
        lines += [
            "",
            f"It is now part of the project {project.title}. Your organisation is listed as "
            "interested in the project: you are invited to join it. An organisation lead can "
            "commit to it from the project's page:",
            _link(project.get_absolute_url()) + "#participants",
        ]
    elif change.to_state == State.ACCEPTED:
        lines += ["", "The programme office will give it a project; you will hear when it does."]
    elif change.to_state == State.UNDER_REVIEW:
        lines += [
            "",
            "The programme office is reviewing it. Councils can still support it and comment "
            "until it is decided.",
        ]
    lines += [
        "",
        f"See the request: {_link(reverse('work_requests:detail', args=[work_request.pk]))}",
        "",
        "Heartbeat",
    ]
    return subject, "\n".join(lines)


@task()
def notify_request_change(change_id: int, actor_id: int | None = None) -> int:
    """Email the requester and the supporters of a request about a triage change; return how
    many emails went."""
    from heartbeat.work_requests.models import StateChange

    change = (
        StateChange.objects.select_related(
            "work_request__organisation",
            "work_request__raised_by",
            "work_request__project",
            "work_request__duplicate_of",
        )
        .filter(pk=change_id)
        .first()
    )
    if change is None:
        return 0
    sent = 0
    for person, as_what in recipients(change):
        if person.pk == actor_id:
            continue
        subject, body = message(change, person, as_what)
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[person.email])
        sent += 1
    logger.info("Work request change %s: %s emails", change_id, sent)
    return sent
