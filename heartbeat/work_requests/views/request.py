"""A request's page: its supporters, comments and files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from heartbeat.core import registry
from heartbeat.core.exceptions import ApplicationError, PermissionDenied
from heartbeat.core.keptpages import kept_page
from heartbeat.work_requests import attachments as files
from heartbeat.work_requests import hooks, permissions, rules, selectors, services
from heartbeat.work_requests.forms import (
    AttachmentForm,
    CommentForm,
    SupportForm,
)
from heartbeat.work_requests.models import (
    Attachment,
    Support,
    WorkRequest,
)
from heartbeat.work_requests.views.base import (
    breadcrumbs,
    common,
    require,
    show_error,
)

# The request's page ------------------------------------------------------------------------


def _rendered_sections(request, work_request: WorkRequest) -> list:
    """The sections other apps add to the page, each drawn from its own template."""
    sections = registry.collect(hooks.request_sections, request, work_request)
    return registry.render_sections(request, sections, work_request=work_request)


def _detail_context(request, work_request: WorkRequest, **extra) -> dict:
    user = request.user
    own_support = None
    if user.is_authenticated and user.organisation_id:
        own_support = next(
            (s for s in work_request.supports.all() if s.organisation_id == user.organisation_id),
            None,
        )
    return common(
        page_title=work_request.title,
        breadcrumbs=breadcrumbs((work_request.reference, None)),
        work_request=work_request,
        own_support=own_support,
        can_edit=permissions.can_edit(user, work_request),
        can_support=permissions.can_support(user, work_request) and own_support is None,
        can_withdraw_support=own_support is not None
        and permissions.can_withdraw_support(user, own_support),
        can_comment=permissions.can_comment(user, work_request),
        can_attach=permissions.can_add_attachment(user, work_request),
        can_triage=permissions.can_triage(user) and bool(rules.moves_from(work_request.state)),
        can_link_project=permissions.can_link_project(user, work_request),
        support_form=extra.pop("support_form", None) or SupportForm(),
        comment_form=extra.pop("comment_form", None) or CommentForm(),
        upload_form=extra.pop("upload_form", None) or AttachmentForm(),
        accept=files.ACCEPT_ATTRIBUTE,
        max_size=files.describe_size(files.max_bytes()),
        rendered_sections=_rendered_sections(request, work_request),
        **extra,
    )


@kept_page
def request_detail(request, pk: int):
    work_request = selectors.request_detail(request.user, pk)
    return render(
        request, "work_requests/request_detail.html", _detail_context(request, work_request)
    )


def _detail_with_errors(request, pk: int, status: int, **forms):
    work_request = selectors.request_detail(request.user, pk)
    return render(
        request,
        "work_requests/request_detail.html",
        _detail_context(request, work_request, **forms),
        status=status,
    )


def support(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    if request.method != "POST":
        return redirect(work_request.get_absolute_url() + "#supporters")
    form = SupportForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            services.support_add(
                actor=request.user, work_request=work_request, need=form.cleaned_data["need"]
            )
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error
        except ApplicationError as error:
            show_error(form, error, "need")
            status = error.status
        else:
            messages.success(
                request, f"{request.user.organisation} now supports {work_request.reference}."
            )
            return redirect(work_request.get_absolute_url() + "#supporters")
    return _detail_with_errors(request, pk, status, support_form=form)


@require_POST
def support_withdraw(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    own = Support.objects.filter(
        work_request=work_request, organisation_id=request.user.organisation_id
    ).first()
    if own is None:
        raise Http404
    require(permissions.can_withdraw_support(request.user, own))
    services.support_withdraw(actor=request.user, support=own)
    messages.success(
        request, f"{request.user.organisation} no longer supports {work_request.reference}."
    )
    return redirect(work_request.get_absolute_url() + "#supporters")


def comment(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    if request.method != "POST":
        return redirect(work_request.get_absolute_url() + "#comments")
    require(permissions.can_comment(request.user, work_request))
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(
                actor=request.user, work_request=work_request, body=form.cleaned_data["body"]
            )
        except ApplicationError as error:
            show_error(form, error, "body")
        else:
            messages.success(request, "Your comment has been added.")
            return redirect(work_request.get_absolute_url() + "#comments")
    return _detail_with_errors(request, pk, 422, comment_form=form)


# Files -------------------------------------------------------------------------------------


def attachment_add(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    if request.method != "POST":
        return redirect(work_request.get_absolute_url() + "#attachments")
    require(permissions.can_add_attachment(request.user, work_request))
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = services.attachment_add(
                actor=request.user,
                work_request=work_request,
                upload=form.cleaned_data["attachment"],
            )
        except ApplicationError as error:
            show_error(form, error, "attachment")
        else:
            messages.success(request, f"{attachment.original_name} has been attached.")
            return redirect(work_request.get_absolute_url() + "#attachments")
    return _detail_with_errors(request, pk, 422, upload_form=form)


def attachment_download(request, pk: int, attachment_id: int):
    work_request = selectors.request_heading(request.user, pk)
    require(permissions.can_view_attachment(request.user, work_request))
    attachment = get_object_or_404(Attachment, work_request=work_request, pk=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=files.KINDS[attachment.kind].content_type,
    )
    # The file is the council's, not ours to show inline: download only, never cached
    # where others could read it.
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
def attachment_remove(request, pk: int, attachment_id: int):
    work_request = selectors.request_heading(request.user, pk)
    attachment = get_object_or_404(
        Attachment.objects.select_related("work_request"),
        work_request=work_request,
        pk=attachment_id,
    )
    require(permissions.can_remove_attachment(request.user, attachment))
    services.attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, f"{attachment.original_name} has been removed.")
    return redirect(work_request.get_absolute_url() + "#attachments")
