"""The list of requests, raising a request and changing it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import RowsById, paginate
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Theme
from heartbeat.work_requests import attachments as files
from heartbeat.work_requests import permissions, selectors, services
from heartbeat.work_requests.forms import (
    AttachmentForm,
    RequestFilterForm,
    WorkRequestForm,
)
from heartbeat.work_requests.views.base import (
    PER_PAGE,
    breadcrumbs,
    common,
    require,
    show_error,
)

# The list ---------------------------------------------------------------------------------


@kept_page
def request_list(request):
    require(permissions.can_view_requests(request.user))
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
    page_obj = paginate(
        RowsById(selectors.page_rows(requests), keep="work-requests.list"), request, PER_PAGE
    )
    form = RequestFilterForm(
        initial=filters.as_params(),
        themes=Theme.objects.only("slug", "name"),
        organisations=Organisation.objects.active().only("slug", "name"),
    )
    context = common(
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
    require(
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
                show_error(form, error)
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
        common(
            page_title="Raise a work request",
            breadcrumbs=breadcrumbs(("Raise a request", None)),
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
    require(permissions.can_edit(request.user, work_request))
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
            show_error(form, error)
        else:
            messages.success(request, f"Your changes to {work_request.reference} have been saved.")
            return redirect(work_request.get_absolute_url())
    return render(
        request,
        "work_requests/request_form.html",
        common(
            page_title=f"Change {work_request.reference}",
            breadcrumbs=breadcrumbs(
                (work_request.reference, work_request.get_absolute_url()), ("Change", None)
            ),
            form=form,
            work_request=work_request,
            conflict=conflict,
            organisation=work_request.organisation,
        ),
        status=(409 if conflict else 422) if form.errors else 200,
    )
