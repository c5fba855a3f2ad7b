"""Councils' support for each other's requests, and the comment thread."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import (
    ApplicationError,
    NotFound,
    PermissionDenied,
)
from heartbeat.work_requests import permissions
from heartbeat.work_requests.models import (
    MAX_COMMENT,
    MAX_NEED,
    Comment,
    Support,
    WorkRequest,
)
from heartbeat.work_requests.services.base import (
    lock,
    refuse_decided,
    save,
    text,
)

# Support -----------------------------------------------------------------------------------


def _already_supported(organisation, current: WorkRequest) -> ApplicationError:
    return ApplicationError(
        f"{organisation} already supports {current.reference}: one support per organisation.",
        code="already_supported",
        status=409,
        field="need",
    )


def support_add(*, actor, work_request: WorkRequest, need: str, organisation=None) -> Support:
    """Add an organisation's support to another organisation's request, with its own need."""
    try:
        with transaction.atomic():
            current = lock(work_request)
            if actor is not None:
                organisation = actor.organisation if actor.is_authenticated else None
            if organisation is None:
                raise PermissionDenied(
                    "Only people of a member organisation can support work requests."
                )
            if organisation.pk == current.organisation_id:
                raise ApplicationError(
                    f"{current.reference} is {organisation}'s own request: other organisations "
                    "support it.",
                    code="own_request",
                    status=409,
                )
            refuse_decided(current, "it takes no more support")
            if actor is not None and not permissions.can_support(actor, current):
                raise PermissionDenied(
                    "Only people of a member organisation can support work requests; the "
                    "programme office triages them."
                )
            need = text(
                need,
                field="need",
                max_length=MAX_NEED,
                missing=f"Say in a line what {organisation} needs, so the programme office "
                "can weigh it.",
                name="Your need",
            )
            if Support.objects.filter(work_request=current, organisation=organisation).exists():
                raise _already_supported(organisation, current)
            support = Support(
                work_request=current,
                organisation=organisation,
                supported_by=actor if actor is not None and actor.is_authenticated else None,
                need=need,
                created_at=timezone.now(),
            )
            save(support, actor)
    except IntegrityError as error:
        # Two people of one organisation pressed "Support" at the same moment: the unique
        # constraint kept one support; tell the other plainly.
        if Support.objects.filter(work_request=work_request, organisation=organisation).exists():
            raise _already_supported(organisation, work_request) from error
        raise
    return support


@transaction.atomic
def support_withdraw(*, actor, support: Support) -> None:
    """Take an organisation's support off a request that is still to be decided."""
    current = lock(support.work_request)
    support = Support.objects.filter(pk=support.pk).select_related("work_request").first()
    if support is None:
        raise NotFound("That support has already been withdrawn.")
    refuse_decided(current, "its supporters can no longer change")
    if actor is not None and not permissions.can_withdraw_support(actor, support):
        raise PermissionDenied(
            f"Only people of {support.organisation} or the programme office can withdraw its "
            "support."
        )
    support._history_user = actor if actor is not None and actor.is_authenticated else None
    support.delete()


# Comments ----------------------------------------------------------------------------------


@transaction.atomic
def comment_add(*, actor, work_request: WorkRequest, body: str) -> Comment:
    """Add a comment to a request's thread."""
    if actor is None or not permissions.can_comment(actor, work_request):
        raise PermissionDenied("Sign in to comment on work requests.")
    body = text(
        body,
        field="body",
        max_length=MAX_COMMENT,
        missing="Write your comment.",
        name="Your comment",
    )
    return Comment.objects.create(
        work_request=work_request,
        author=actor,
        organisation_id=actor.organisation_id,
        body=body,
        created_at=timezone.now(),
    )
