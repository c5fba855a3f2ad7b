"""When a person was last here, so their home page can show what is new since.

Nothing is written on most requests: ``last_seen_at`` moves at most once an hour. A visit
ends when the person has been away for ``NEW_VISIT_AFTER``; the next request then moves
``previous_visit_at`` to the end of that visit (to within the hour), and everything after
it counts as new until their next visit.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

# How often last_seen_at is written at most: the precision of "since your last visit".
SEEN_EVERY = datetime.timedelta(hours=1)
# Away this long, and the next request starts a new visit.
NEW_VISIT_AFTER = datetime.timedelta(hours=4)
# On a first visit, what happened in this time before it counts as new.
FIRST_VISIT_WINDOW = datetime.timedelta(days=14)


def record_visit(user, *, now: datetime.datetime | None = None) -> bool:
    """Note that ``user`` is here now; return whether anything was written (at most one
    UPDATE an hour, and none at all in between)."""
    from heartbeat.accounts.models import User

    now = now or timezone.now()
    last = user.last_seen_at
    if last is not None and now - last < SEEN_EVERY:
        return False
    previous = user.previous_visit_at
    if last is not None and now - last >= NEW_VISIT_AFTER:
        previous = last
    # Conditional on the value read, so two requests at once write once; update() keeps
    # visits out of the person's history, which records changes to their account.
    written = (
        User.objects.filter(pk=user.pk, last_seen_at=last)
        if last is not None
        else User.objects.filter(pk=user.pk, last_seen_at__isnull=True)
    ).update(last_seen_at=now, previous_visit_at=previous)
    user.last_seen_at, user.previous_visit_at = now, previous
    return bool(written)


def new_since(user, *, now: datetime.datetime | None = None) -> tuple[datetime.datetime, bool]:
    """The moment after which things are new to ``user``, and whether it is the end of their
    last visit (True) or, on a first visit, the start of ``FIRST_VISIT_WINDOW`` (False)."""
    previous = getattr(user, "previous_visit_at", None)
    if previous is not None:
        return previous, True
    return (now or timezone.now()) - FIRST_VISIT_WINDOW, False


def signed_in(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver: signing in is a visit."""
    record_visit(user)
