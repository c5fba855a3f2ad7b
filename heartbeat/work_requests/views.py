"""Work request pages: the list, raising and changing a request, its page with support,
comments and files, and triage."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict, PermissionDenied
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.pagination import paginate
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, Theme
from heartbeat.work_requests import attachments as files
from heartbeat.work_requests import permissions, rules, selectors, services
from heartbeat.work_requests.forms import (
    AttachmentForm,
    CommentForm,
    LinkProjectForm,
    RequestFilterForm,
    SupportForm,
    TriageForm,
    WorkRequestForm,
)
from heartbeat.work_requests.models import (
    URGENCY_HINTS,
    Attachment,
    State,
    Support,
    WorkRequest,
)

PER_PAGE = 25

# The design system's tag colours, one per state.
STATE_COLOURS = {
    State.SUBMITTED: "grey",
    State.UNDER_REVIEW: "blue",
    State.ACCEPTED: "green",
    State.DECLINED: "red",
    State.DUPLICATE: "purple",
}
URGENCY_COLOURS = {"low": "grey", "medium": "blue", "high": "orange", "critical": "red"}


def _require(allowed: bool, message: str = "") -> None:
    if not allowed:
        raise DjangoPermissionDenied(message)


def _common(**context) -> dict:
    return {
        "state_colours": STATE_COLOURS,
        "urgency_colours": URGENCY_COLOURS,
        "urgency_hints": URGENCY_HINTS,
        **context,
    }


def _show_error(form, error: ApplicationError, field: str | None = None) -> None:
    field = field if field is not None else error.field
    form.add_error(field if field in form.fields else None, error.message)


def _breadcrumbs(*items) -> list:
    return [
        ("Home", reverse("core:home")),
        ("Work requests", reverse("work_requests:list")),
        *items,
    ]


# The list ---------------------------------------------------------------------------------


def request_list(request):
    _require(permissions.can_view_requests(request.user))
    filters, errors = selectors.parse_request_filters(request.GET)
    requests = selectors.request_list(request.user, filters)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt,
            filename="work-requests",
            headers=selectors.EXPORT_HEADERS,
            rows=selectors.export_rows(requests, request.build_absolute_uri("/")[:-1]),
            title="Work requests",
        )
    if fmt:
        errors = [*errors, "Downloads come as CSV or XLSX: choose one of the links."]
    page_obj = paginate(selectors.page_rows(requests), request, PER_PAGE)
    form = RequestFilterForm(
        initial=filters.as_params(),
        themes=Theme.objects.only("slug", "name"),
        organisations=Organisation.objects.active().only("slug", "name"),
    )
    context = _common(
        page_title="Work requests",
        breadcrumbs=[("Home", reverse("core:home")), ("Work requests", None)],
        form=form,
        page_obj=page_obj,
        work_requests=page_obj.object_list,
        filter_errors=errors,
        filtered=filters.is_filtered,
        can_raise=permissions.can_raise(request.user),
    )
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "work_requests/partials/_list_results.html", context)
    else:
        response = render(request, "work_requests/request_list.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


# Raising and changing ----------------------------------------------------------------------


def _themes():
    return list(Theme.objects.only("pk", "name"))


def request_create(request):
    _require(
        permissions.can_raise(request.user),
        "Only people of a member organisation can raise work requests.",
    )
    form = WorkRequestForm(request.POST or None, themes=_themes())
    upload_form = AttachmentForm(request.POST or None, request.FILES or None)
    upload_form.fields["attachment"].required = False
    if request.method == "POST" and form.is_valid() and upload_form.is_valid():
        upload = upload_form.cleaned_data.get("attachment")
        try:
            work_request = services.work_request_create(
                actor=request.user, data=form.to_input(), uploads=[upload] if upload else []
            )
        except ApplicationError as error:
            if error.field == "attachment":
                upload_form.add_error("attachment", error.message)
            else:
                _show_error(form, error)
        else:
            messages.success(
                request,
                f"Your request has been sent to the programme office as {work_request.reference}.",
            )
            return redirect(work_request.get_absolute_url())
    failed = bool(form.errors or upload_form.errors)
    return render(
        request,
        "work_requests/request_form.html",
        _common(
            page_title="Raise a work request",
            breadcrumbs=_breadcrumbs(("Raise a request", None)),
            form=form,
            upload_form=upload_form,
            organisation=request.user.organisation,
            accept=files.ACCEPT_ATTRIBUTE,
            max_size=files.describe_size(files.max_bytes()),
            # A file is never kept between tries: say so when a try fails.
            file_dropped=failed and bool(request.FILES),
        ),
        status=422 if failed else 200,
    )


def request_edit(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    _require(permissions.can_edit(request.user, work_request))
    initial = {
        "title": work_request.title,
        "problem": work_request.problem,
        "affected": work_request.affected,
        "outcome": work_request.outcome,
        "theme": work_request.theme_id,
        "urgency": work_request.urgency,
        "benefit_value": work_request.benefit_value,
        "benefit_notes": work_request.benefit_notes,
        "version": work_request.version,
    }
    form = WorkRequestForm(request.POST or None, initial=initial, themes=_themes(), editing=True)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.work_request_update(
                actor=request.user,
                work_request=work_request,
                data=form.to_input(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except Conflict as error:
            # Keep what they typed; show the saved request beside it; saving again keeps theirs.
            conflict = selectors.request_heading(request.user, pk)
            form.data = form.data.copy()
            form.data["version"] = str(conflict.version)
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"Your changes to {work_request.reference} have been saved.")
            return redirect(work_request.get_absolute_url())
    return render(
        request,
        "work_requests/request_form.html",
        _common(
            page_title=f"Change {work_request.reference}",
            breadcrumbs=_breadcrumbs(
                (work_request.reference, work_request.get_absolute_url()), ("Change", None)
            ),
            form=form,
            work_request=work_request,
            conflict=conflict,
            organisation=work_request.organisation,
        ),
        status=(409 if conflict else 422) if form.errors else 200,
    )


# The request's page ------------------------------------------------------------------------


def _detail_context(request, work_request: WorkRequest, **extra) -> dict:
    user = request.user
    own_support = None
    if user.is_authenticated and user.organisation_id:
        own_support = next(
            (s for s in work_request.supports.all() if s.organisation_id == user.organisation_id),
            None,
        )
    return _common(
        page_title=work_request.title,
        breadcrumbs=_breadcrumbs((work_request.reference, None)),
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
        **extra,
    )


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
            _show_error(form, error, "need")
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
    _require(permissions.can_withdraw_support(request.user, own))
    services.support_withdraw(actor=request.user, support=own)
    messages.success(
        request, f"{request.user.organisation} no longer supports {work_request.reference}."
    )
    return redirect(work_request.get_absolute_url() + "#supporters")


def comment(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    if request.method != "POST":
        return redirect(work_request.get_absolute_url() + "#comments")
    _require(permissions.can_comment(request.user, work_request))
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(
                actor=request.user, work_request=work_request, body=form.cleaned_data["body"]
            )
        except ApplicationError as error:
            _show_error(form, error, "body")
        else:
            messages.success(request, "Your comment has been added.")
            return redirect(work_request.get_absolute_url() + "#comments")
    return _detail_with_errors(request, pk, 422, comment_form=form)


# Files -------------------------------------------------------------------------------------


def attachment_add(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    if request.method != "POST":
        return redirect(work_request.get_absolute_url() + "#attachments")
    _require(permissions.can_add_attachment(request.user, work_request))
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = services.attachment_add(
                actor=request.user,
                work_request=work_request,
                upload=form.cleaned_data["attachment"],
            )
        except ApplicationError as error:
            _show_error(form, error, "attachment")
        else:
            messages.success(request, f"{attachment.original_name} has been attached.")
            return redirect(work_request.get_absolute_url() + "#attachments")
    return _detail_with_errors(request, pk, 422, upload_form=form)


def attachment_download(request, pk: int, attachment_id: int):
    work_request = selectors.request_heading(request.user, pk)
    _require(permissions.can_view_attachment(request.user, work_request))
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
    _require(permissions.can_remove_attachment(request.user, attachment))
    services.attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, f"{attachment.original_name} has been removed.")
    return redirect(work_request.get_absolute_url() + "#attachments")


# Triage ------------------------------------------------------------------------------------


def _triage_field(error: ApplicationError) -> str | None:
    """The triage form's field for a service's error (the new project's own errors come as
    new_<field>; those the form has no field for sit with the title)."""
    field = error.field or None
    if field and field.startswith("new_") and field not in ("new_title", "new_summary"):
        return "new_title"
    return field


def triage(request, pk: int):
    work_request = selectors.request_detail(request.user, pk)
    _require(permissions.can_triage(request.user), "Only the programme office triages requests.")
    moves = rules.moves_from(work_request.state)
    projects = selectors.open_projects() if work_request.state == State.UNDER_REVIEW else []
    defaults = services.new_project_defaults(work_request)
    form = TriageForm(
        request.POST or None,
        initial={
            "version": work_request.version,
            "new_title": defaults.title,
            "new_summary": defaults.summary,
            "accept_as": "new",
        },
        moves=moves,
        projects=projects,
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        to_state = data["to_state"]
        kwargs = {}
        try:
            if to_state == State.DUPLICATE and data.get("duplicate_of"):
                original = WorkRequest.objects.filter(pk=data["duplicate_of"]).first()
                if original is None:
                    raise ApplicationError(
                        f"There is no request WR-{data['duplicate_of']:04d}.", field="duplicate_of"
                    )
                kwargs["duplicate_of"] = original
            if to_state == State.ACCEPTED:
                accept_as = data.get("accept_as") or ""
                if accept_as == "new":
                    kwargs["new_project"] = form.new_project()
                elif accept_as == "existing":
                    if not data.get("project"):
                        raise ApplicationError("Choose the project to link.", field="project")
                    kwargs["project"] = Project.objects.get(pk=data["project"])
                elif accept_as != "later":
                    raise ApplicationError(
                        "Choose how the request becomes a project.", field="accept_as"
                    )
            services.work_request_triage(
                actor=request.user,
                work_request=work_request,
                to_state=to_state,
                expected_version=data["version"],
                reason=data.get("reason", ""),
                **kwargs,
            )
        except Conflict as error:
            conflict = True
            form.data = form.data.copy()
            form.data["version"] = str(error.extra.get("current_version", ""))
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error, _triage_field(error))
        else:
            updated = WorkRequest.objects.select_related("project").get(pk=pk)
            message = f"{updated.reference} is now {updated.get_state_display().lower()}."
            if updated.project is not None:
                message += f" Its project is {updated.project.title}."
            messages.success(request, message)
            return redirect(updated.get_absolute_url())
    return render(
        request,
        "work_requests/triage.html",
        _common(
            page_title=f"Triage {work_request.reference}",
            breadcrumbs=_breadcrumbs(
                (work_request.reference, work_request.get_absolute_url()), ("Triage", None)
            ),
            work_request=work_request,
            form=form,
            moves=moves,
            conflict=conflict,
        ),
        status=(409 if conflict else 422) if form.errors else 200,
    )


def link_project(request, pk: int):
    work_request = selectors.request_heading(request.user, pk)
    _require(permissions.can_link_project(request.user, work_request))
    defaults = services.new_project_defaults(work_request)
    form = LinkProjectForm(
        request.POST or None,
        initial={
            "version": work_request.version,
            "new_title": defaults.title,
            "new_summary": defaults.summary,
            "accept_as": "new",
        },
        projects=selectors.open_projects(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["accept_as"] == "existing":
                if not data.get("project"):
                    raise ApplicationError("Choose the project to link.", field="project")
                kwargs = {"project": Project.objects.get(pk=data["project"])}
            else:
                kwargs = {"new_project": form.new_project()}
            services.work_request_link_project(
                actor=request.user,
                work_request=work_request,
                expected_version=data["version"],
                **kwargs,
            )
        except ApplicationError as error:
            _show_error(form, error, _triage_field(error))
        else:
            messages.success(request, f"{work_request.reference} now has its project.")
            return redirect(work_request.get_absolute_url())
    return render(
        request,
        "work_requests/link_project.html",
        _common(
            page_title=f"Give {work_request.reference} its project",
            breadcrumbs=_breadcrumbs(
                (work_request.reference, work_request.get_absolute_url()), ("Project", None)
            ),
            work_request=work_request,
            form=form,
        ),
        status=422 if form.errors else 200,
    )
