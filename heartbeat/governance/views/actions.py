"""Actions agreed at meetings: recording them, the list, and reporting progress."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.governance import permissions, selectors, services
from heartbeat.governance.forms import (
    ActionForm,
    ActionUpdateForm,
)
from heartbeat.governance.models import Board
from heartbeat.governance.views.common import (
    common,
    crumbs,
    export_format,
    keep_input_after_conflict,
    meeting_crumbs,
    require,
    require_board,
    show_error,
)

PER_PAGE = 25


def action_add(request, pk):
    meeting = selectors.meeting_for_change(request.user, pk)
    require_board(request, meeting.board)
    form = ActionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                action = services.action_create(
                    actor=request.user, meeting=meeting, data=form.to_input()
                )
            except ApplicationError as error:
                status = show_error(form, error)
            else:
                messages.success(
                    request, f"The action for {action.owner.display_name} has been recorded."
                )
                return redirect(meeting.get_absolute_url() + "#actions")
        else:
            status = 422
    return render(
        request,
        "governance/action_form.html",
        common(
            page_title="Record an action",
            breadcrumbs=meeting_crumbs(meeting, ("Record an action", None)),
            form=form,
            meeting=meeting,
        ),
        status=status,
    )


@kept_page
def action_list(request):
    require(permissions.can_view_meetings(request.user), "Actions are for signed-in members.")
    filters, errors = selectors.parse_action_filters(request.GET)
    actions = selectors.action_list(request.user, filters)
    if fmt := export_format(request):
        return export_response(
            fmt,
            filename="board-actions",
            headers=selectors.ACTION_EXPORT_HEADERS,
            rows=selectors.action_export_rows(actions),
            title="Actions",
        )
    return render(
        request,
        "governance/action_list.html",
        common(
            page_title="Your actions" if filters.mine else "Board actions",
            breadcrumbs=crumbs(("Actions", None)),
            page_obj=paginate(actions, request, PER_PAGE),
            filters=filters,
            filter_errors=errors,
            boards=list(Board.objects.values_list("slug", "name")),
            today=timezone.localdate(),
            can_update=lambda a: permissions.can_update_action(request.user, a, a.meeting.board),
        ),
    )


def action_edit(request, pk):
    action = selectors.action_for_change(request.user, pk)
    board = action.meeting.board
    require(
        permissions.can_update_action(request.user, action, board),
        "Only the action's owner, the board's members and the programme office can update it.",
    )
    status = 200
    if request.method == "POST":
        form = ActionUpdateForm(request.POST)
        if form.is_valid():
            try:
                services.action_update(
                    actor=request.user,
                    action=action,
                    status=form.cleaned_data["status"],
                    update=form.cleaned_data.get("update", ""),
                    due_on=form.cleaned_data["due_on"],
                    expected_version=form.cleaned_data.get("version") or action.version,
                )
            except Conflict as error:
                form = keep_input_after_conflict(ActionUpdateForm, request, error)
                status = 409
            except ApplicationError as error:
                status = show_error(form, error)
            else:
                messages.success(request, "The action has been updated.")
                back = request.POST.get("next", "")
                if back == "mine":
                    return redirect(reverse("governance:actions") + "?owner=me")
                return redirect(action.meeting.get_absolute_url() + "#actions")
        else:
            status = 422
    else:
        form = ActionUpdateForm(
            initial={
                "status": action.status,
                "update": action.update,
                "due_on": action.due_on,
                "version": action.version,
            }
        )
    return render(
        request,
        "governance/action_edit.html",
        common(
            page_title="Update an action",
            breadcrumbs=meeting_crumbs(action.meeting, ("Update an action", None)),
            form=form,
            action=action,
            back=request.GET.get("next", request.POST.get("next", "")),
        ),
        status=status,
    )
