"""Follows, notifications and email choices: each person's own."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.engagement.api._common import MAX_LIMIT, ErrorOut, NoNul
from heartbeat.engagement.models import Follow, Notification
from heartbeat.engagement.selectors import notifications as selectors
from heartbeat.engagement.services import follows as services

router = Router(tags=["notifications"])


class FollowIn(NoNul):
    kind: str = Field(description="project, theme or event")
    slug: str = Field(max_length=200)


class FollowOut(Schema):
    id: int
    kind: str
    slug: str
    name: str
    created_at: datetime.datetime


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    link: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None


class NotificationPage(Schema):
    count: int
    unread: int
    limit: int
    offset: int
    items: list[NotificationOut]


class PreferenceIO(NoNul):
    email: str = Field(description="immediate, weekly or never")


def _follow(f: Follow) -> dict:
    target = f.target
    return {
        "id": f.pk,
        "kind": f.kind,
        "slug": target.slug,
        "name": str(target),
        "created_at": f.created_at,
    }


def _notification(n: Notification) -> dict:
    return {
        "id": n.pk,
        "kind": n.kind,
        "title": n.title,
        "body": n.body,
        "link": n.link,
        "created_at": n.created_at,
        "read_at": n.read_at,
    }


@router.get("/follows", auth=required, response=list[FollowOut], summary="What you follow")
def follow_list(request):
    return [_follow(f) for f in selectors.follows_for(request.auth)]


@router.post(
    "/follows",
    auth=required,
    response={201: FollowOut, 409: ErrorOut, 422: ErrorOut},
    summary="Follow a project, theme or event",
)
def follow_add(request, payload: FollowIn):
    target = services.resolve_target(request.auth, payload.kind, payload.slug)
    follow = services.follow_add(actor=request.auth, target=target)
    return Status(201, _follow(follow))


@router.delete(
    "/follows/{kind}/{slug}",
    auth=required,
    response={204: None, 409: ErrorOut, 422: ErrorOut},
    summary="Stop following",
)
def follow_remove(request, kind: str, slug: str):
    target = services.resolve_target(request.auth, kind, slug)
    services.follow_remove(actor=request.auth, target=target)
    return Status(204, None)


class NotificationFilter(Schema):
    unread: bool = False
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@router.get(
    "/notifications",
    auth=required,
    response=NotificationPage,
    summary="Your notifications, newest first",
)
def notification_list(request, filters: Query[NotificationFilter]):
    notifications = selectors.notifications_for(request.auth)
    if filters.unread:
        notifications = notifications.unread()
    page = page_of(notifications, limit=filters.limit, offset=filters.offset, item=_notification)
    return {**page, "unread": selectors.unread_count(request.auth)}


@router.post(
    "/notifications/{pk}/read",
    auth=required,
    response={200: NotificationOut, 404: ErrorOut},
    summary="Mark one as read",
)
def notification_read(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.auth)
    return _notification(
        services.notification_mark_read(actor=request.auth, notification=notification)
    )


@router.post(
    "/notifications/read",
    auth=required,
    response=dict,
    summary="Mark all your notifications as read",
)
def notification_read_all(request):
    return {"marked": services.notifications_mark_all_read(actor=request.auth)}


@router.get(
    "/notification-preferences",
    auth=required,
    response=PreferenceIO,
    summary="How you receive notification emails",
)
def preference_get(request):
    return {"email": services.preference_for(request.auth).email}


@router.put(
    "/notification-preferences",
    auth=required,
    response={200: PreferenceIO, 422: ErrorOut},
    summary="Choose immediate emails, a weekly digest, or none",
)
def preference_set(request, payload: PreferenceIO):
    return {"email": services.preference_set(actor=request.auth, email=payload.email).email}
