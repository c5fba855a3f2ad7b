"""Notifications, email choices, follows, and the unsubscribe link from emails."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.engagement import notify, permissions
from heartbeat.engagement.forms import PreferenceForm
from heartbeat.engagement.models import Notification
from heartbeat.engagement.selectors import notifications as selectors
from heartbeat.engagement.services import follows as services
from heartbeat.engagement.views._common import require, status_for

CRUMBS = [("Home", "/")]


@kept_page
def notifications(request):
    require(permissions.can_read_notifications(request.user))
    return render(
        request,
        "engagement/notifications.html",
        {
            "page_title": "Notifications",
            "breadcrumbs": [*CRUMBS, ("Notifications", None)],
            "page_obj": paginate(selectors.notifications_for(request.user), request, 25),
            "unread": selectors.unread_count(request.user),
        },
    )


@kept_page
def unread_count(request):
    """The header's unread count, loaded by htmx after each page."""
    count = selectors.unread_count(request.user)
    return render(request, "engagement/partials/_unread_count.html", {"count": count})


@require_POST
def notification_open(request, pk: int):
    """Mark one notification read and go to what it is about."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.notification_mark_read(actor=request.user, notification=notification)
    if request.POST.get("stay"):
        return redirect("engagement:notifications")
    return redirect(notification.link)


@require_POST
def notifications_read_all(request):
    count = services.notifications_mark_all_read(actor=request.user)
    messages.success(request, f"{count} notification{'' if count == 1 else 's'} marked as read.")
    return redirect("engagement:notifications")


def preferences(request):
    require(permissions.can_read_notifications(request.user))
    current = services.preference_for(request.user)
    form = PreferenceForm(request.POST or None, initial={"email": current.email})
    if request.method == "POST" and form.is_valid():
        services.preference_set(actor=request.user, email=form.cleaned_data["email"])
        messages.success(request, "Your email choice is saved.")
        return redirect("engagement:preferences")
    return render(
        request,
        "engagement/preferences.html",
        {
            "page_title": "Your notification emails",
            "breadcrumbs": [*CRUMBS, ("Notifications", "/notifications/"), ("Emails", None)],
            "form": form,
        },
        status=status_for(form),
    )


@kept_page
def following(request):
    require(permissions.can_follow(request.user))
    return render(
        request,
        "engagement/following.html",
        {
            "page_title": "What you follow",
            "breadcrumbs": [*CRUMBS, ("Notifications", "/notifications/"), ("Following", None)],
            "follows": list(selectors.follows_for(request.user)),
        },
    )


@require_POST
def follow(request):
    kind, slug = request.POST.get("kind", ""), request.POST.get("slug", "")
    stop = bool(request.POST.get("unfollow"))
    try:
        target = services.resolve_target(request.user, kind, slug[:200])
        if stop:
            services.follow_remove(actor=request.user, target=target)
            messages.success(request, f"You no longer follow {target}.")
        else:
            services.follow_add(actor=request.user, target=target)
            messages.success(
                request, f"You follow {target}: you will be notified of its news and changes."
            )
    except ApplicationError as error:
        messages.error(request, error.message)
    back = request.POST.get("next", "")
    if not back.startswith("/") or back.startswith("//"):
        back = "/notifications/following/"
    return redirect(back)


@login_not_required
@csrf_exempt  # the signed token is the proof; mail programs post one-click unsubscribes
def unsubscribe(request, token: str):
    person = notify.person_from_token(token)
    if person is None:
        return render(
            request,
            "engagement/unsubscribe_invalid.html",
            {"page_title": "This unsubscribe link does not work"},
            status=400,
        )
    done = False
    if request.method == "POST":
        services.unsubscribe(person=person)
        done = True
    return render(
        request,
        "engagement/unsubscribe.html",
        {
            "page_title": "Unsubscribe from notification emails",
            "person": person,
            "done": done,
            "token": token,
        },
    )
