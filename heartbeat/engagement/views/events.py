"""Event pages: the list, an event, setting one up, registration, attendees, the
invitation, views and feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.engagement import ical, permissions
from heartbeat.engagement.forms import EventForm, FeedbackForm, QuestionForm
from heartbeat.engagement.models import Event, RegistrationStatus
from heartbeat.engagement.selectors import events as selectors
from heartbeat.engagement.services import events as services
from heartbeat.engagement.views._common import require, show_error, status_for, wants_export

QUESTIONS_PER_PAGE = 25


def _event(slug: str) -> Event:
    event = selectors.event_by_slug(slug)
    if event is None:
        from django.http import Http404

        raise Http404
    return event


def _crumbs(event: Event | None = None, last: str | None = None):
    crumbs = [("Home", "/"), ("Events", reverse("engagement:event_list"))]
    if event is not None:
        crumbs.append((event.title, event.get_absolute_url() if last else None))
    if last:
        crumbs.append((last, None))
    return crumbs


@kept_page
@login_not_required
def event_list(request):
    upcoming, past = selectors.event_list(request.user)
    return render(
        request,
        "engagement/event_list.html",
        {
            "page_title": "Events",
            "breadcrumbs": [("Home", "/"), ("Events", None)],
            "upcoming": upcoming,
            "past": past,
            "can_manage": permissions.can_manage_events(request.user),
        },
    )


def event_context(request, event: Event, **extra) -> dict:
    page = selectors.event_page(request.user, event)
    return {
        "page_title": event.title,
        "breadcrumbs": _crumbs(event),
        "event": event,
        "page": page,
        "questions_page": paginate(page.questions, request, QUESTIONS_PER_PAGE),
        "refreshed_at": timezone.now(),
        "question_form": QuestionForm() if permissions.can_ask(request.user) else None,
        "can_manage": permissions.can_manage_events(request.user),
        "can_register": permissions.can_register(request.user),
        "can_see_attendees": permissions.can_view_attendees(request.user),
        "can_moderate": permissions.can_moderate(request.user),
        **extra,
    }


@kept_page
@login_not_required
def event_detail(request, slug: str):
    event = _event(slug)
    return render(request, "engagement/event_detail.html", event_context(request, event))


def _event_form_page(request, form, event=None, conflict=None):
    return render(
        request,
        "engagement/event_form.html",
        {
            "page_title": f"Edit: {event.title}" if event else "Set up an event",
            "breadcrumbs": _crumbs(event, "Edit") if event else _crumbs(),
            "form": form,
            "event": event,
            "conflict": conflict,
        },
        status=409 if conflict else status_for(form),
    )


def event_create(request):
    require(permissions.can_manage_events(request.user))
    form = EventForm(request.POST or None, initial={"format": "hybrid", "capacity": 120})
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, data=form.to_input())
        except ApplicationError as error:
            show_error(form, error)
        else:
            messages.success(request, "The event is set up.")
            return redirect(event.get_absolute_url())
    return _event_form_page(request, form)


def event_edit(request, slug: str):
    require(permissions.can_manage_events(request.user))
    event = get_object_or_404(Event, slug=slug)
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_update(
                actor=request.user,
                event=event,
                data=form.to_input(),
                version=form.cleaned_data.get("version"),
            )
        except Conflict as error:
            show_error(form, error)
            conflict = Event.objects.get(pk=event.pk)
        except ApplicationError as error:
            show_error(form, error)
        else:
            messages.success(request, "The event is saved.")
            return redirect(event.get_absolute_url())
    return _event_form_page(request, form, event, conflict)


@require_POST
def register(request, slug: str):
    event = get_object_or_404(Event, slug=slug)
    try:
        registration = services.registration_create(actor=request.user, event=event)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, f"You are registered for {event.title}.")
        else:
            messages.success(
                request,
                f"{event.title} is full: you are on the waiting list. We will tell you if a "
                "place comes free.",
            )
    return redirect(event.get_absolute_url() + "#registration")


def cancel_registration(request, slug: str):
    event = get_object_or_404(Event, slug=slug)
    if request.method == "POST":
        try:
            services.registration_cancel(actor=request.user, event=event)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Your registration for {event.title} is cancelled.")
        return redirect(event.get_absolute_url() + "#registration")
    return render(
        request,
        "engagement/cancel_registration.html",
        {
            "page_title": "Cancel your registration",
            "breadcrumbs": _crumbs(event, "Cancel"),
            "event": event,
        },
    )


@kept_page
def attendees(request, slug: str):
    event = _event(slug)
    require(permissions.can_view_attendees(request.user))
    registrations = selectors.attendees(request.user, event)
    fmt = wants_export(request)
    if fmt:
        return export_response(
            fmt,
            filename=f"{event.slug}-attendees",
            headers=selectors.ATTENDEE_EXPORT_HEADERS,
            rows=selectors.attendee_export_rows(registrations),
            title="Attendees",
        )
    scope = permissions.attendees_scope(request.user)
    return render(
        request,
        "engagement/attendees.html",
        {
            "page_title": f"Who is coming to {event.title}",
            "breadcrumbs": _crumbs(event, "Attendees"),
            "event": event,
            "page_obj": paginate(registrations, request, 100),
            "own_organisation": request.user.organisation if scope is not None else None,
        },
    )


@kept_page
@login_not_required
def invitation(request, slug: str):
    event = get_object_or_404(Event, slug=slug)
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(
        ical.event_calendar(event, url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def feedback(request, slug: str):
    event = _event(slug)
    require(permissions.can_give_feedback(request.user))
    from heartbeat.engagement.models import EventFeedback

    existing = EventFeedback.objects.filter(event=event, person=request.user).first()
    initial = {"rating": existing.rating, "views": existing.views} if existing else None
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_submit(actor=request.user, event=event, **form.cleaned_data)
        except ApplicationError as error:
            show_error(form, error)
        else:
            messages.success(request, "Thank you: your views are saved.")
            return redirect(event.get_absolute_url())
    return render(
        request,
        "engagement/feedback_form.html",
        {
            "page_title": f"Your views on {event.title}",
            "breadcrumbs": _crumbs(event, "Your views"),
            "event": event,
            "form": form,
            "existing": existing,
        },
        status=status_for(form),
    )


@kept_page
def feedback_results(request, slug: str):
    event = _event(slug)
    require(permissions.can_view_feedback(request.user))
    rows, comments = selectors.feedback_summary(event)
    fmt = wants_export(request)
    if fmt:
        return export_response(
            fmt,
            filename=f"{event.slug}-views",
            headers=["Rating", "Views", "Name", "Organisation", "Given"],
            rows=(
                [
                    c.get_rating_display(),
                    c.views,
                    c.person.display_name,
                    str(c.person.organisation or ""),
                    c.created_at.date().isoformat(),
                ]
                for c in comments
            ),
            title="Views",
        )
    return render(
        request,
        "engagement/feedback_results.html",
        {
            "page_title": f"Views on {event.title}",
            "breadcrumbs": _crumbs(event, "Views"),
            "event": event,
            "rows": rows,
            "total": sum(n for _, n in rows),
            "comments": comments,
        },
    )
