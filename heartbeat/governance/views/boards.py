"""Boards, their members, the stage gates and what awaits the boards' decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.governance import permissions, selectors, services
from heartbeat.governance.forms import BoardForm, GateForm, SeatEndForm, SeatForm, SeatRoleForm
from heartbeat.governance.models import Board, BoardMembership
from heartbeat.governance.services.gates import GATEABLE_STAGES, stage_label
from heartbeat.governance.views.common import (
    common,
    crumbs,
    export_format,
    keep_input_after_conflict,
    require,
    show_error,
    site,
)

PER_PAGE = 25


@kept_page
@login_not_required
def index(request):
    return render(
        request,
        "governance/index.html",
        common(
            page_title="Governance",
            breadcrumbs=crumbs()[:-1] + [("Governance", None)],
            boards=selectors.board_list(),
            can_manage=permissions.can_manage_boards(request.user),
            signed_in=permissions.can_view_meetings(request.user),
            acts=permissions.can_act_for_any_board(request.user),
        ),
    )


@kept_page
@login_not_required
def board_detail(request, slug):
    detail = selectors.board_detail(request.user, slug)
    return render(
        request,
        "governance/board_detail.html",
        common(
            page_title=detail.board.name,
            breadcrumbs=crumbs((detail.board.name, None)),
            detail=detail,
            board=detail.board,
            seat_form=SeatForm() if detail.can_manage else None,
        ),
    )


def _board_form_page(request, *, board, form, status=200):
    title = f"Edit the {board.name}" if board else "Set up a board"
    trail = [(board.name, board.get_absolute_url()), ("Edit", None)] if board else [(title, None)]
    return render(
        request,
        "governance/board_form.html",
        common(page_title=title, breadcrumbs=crumbs(*trail), form=form, board=board),
        status=status,
    )


def board_create(request):
    require(
        permissions.can_manage_boards(request.user), "Only the programme office sets up boards."
    )
    if request.method != "POST":
        return _board_form_page(request, board=None, form=BoardForm())
    form = BoardForm(request.POST)
    if not form.is_valid():
        return _board_form_page(request, board=None, form=form, status=422)
    try:
        board = services.board_create(actor=request.user, data=form.to_input())
    except ApplicationError as error:
        return _board_form_page(request, board=None, form=form, status=show_error(form, error))
    messages.success(request, f"The {board.name} has been set up. Now add its members.")
    return redirect(board.get_absolute_url() + "#members")


def board_edit(request, slug):
    board = selectors.board_for_change(slug)
    require(
        permissions.can_manage_boards(request.user), "Only the programme office changes boards."
    )
    if request.method != "POST":
        form = BoardForm(
            initial={
                "name": board.name,
                "remit": board.remit,
                "cadence": board.cadence,
                "active": board.active,
                "version": board.version,
            }
        )
        return _board_form_page(request, board=board, form=form)
    form = BoardForm(request.POST)
    if not form.is_valid():
        return _board_form_page(request, board=board, form=form, status=422)
    try:
        board = services.board_update(
            actor=request.user,
            board=board,
            data=form.to_input(),
            expected_version=form.cleaned_data.get("version") or board.version,
        )
    except Conflict as error:
        form = keep_input_after_conflict(BoardForm, request, error)
        return _board_form_page(request, board=board, form=form, status=409)
    except ApplicationError as error:
        return _board_form_page(request, board=board, form=form, status=show_error(form, error))
    messages.success(request, f"Your changes to the {board.name} have been saved.")
    return redirect(board.get_absolute_url())


def seat_add(request, slug):
    board = selectors.board_for_change(slug)
    require(
        permissions.can_manage_boards(request.user),
        "Only the programme office changes who sits on boards.",
    )
    form = SeatForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                seat = services.board_member_add(
                    actor=request.user,
                    board=board,
                    person=form.cleaned_data["person"],
                    role=form.cleaned_data["role"],
                    started_on=form.cleaned_data["started_on"],
                )
            except ApplicationError as error:
                status = show_error(form, error)
            else:
                messages.success(
                    request,
                    f"{seat.person.display_name} now sits on the {board.name} as "
                    f"{seat.get_role_display().lower()}.",
                )
                return redirect(board.get_absolute_url() + "#members")
        else:
            status = 422
    return render(
        request,
        "governance/seat_form.html",
        common(
            page_title=f"Add a member to the {board.name}",
            breadcrumbs=crumbs((board.name, board.get_absolute_url()), ("Add a member", None)),
            board=board,
            form=form,
        ),
        status=status,
    )


def _seat(request, pk) -> BoardMembership:
    seat = get_object_or_404(BoardMembership.objects.select_related("board", "person"), pk=pk)
    require(
        permissions.can_manage_boards(request.user),
        "Only the programme office changes who sits on boards.",
    )
    return seat


def seat_change(request, pk):
    """Change a member's role, or record that they left the board."""
    seat = _seat(request, pk)
    board = seat.board
    role_form = SeatRoleForm(initial={"role": seat.role})
    end_form = SeatEndForm()
    status = 200
    if request.method == "POST":
        try:
            if "ended_on" in request.POST:
                end_form = SeatEndForm(request.POST)
                if not end_form.is_valid():
                    status = 422
                else:
                    services.board_member_end(
                        actor=request.user, seat=seat, ended_on=end_form.cleaned_data["ended_on"]
                    )
                    messages.success(
                        request, f"{seat.person.display_name} has left the {board.name}."
                    )
                    return redirect(board.get_absolute_url() + "#members")
            else:
                role_form = SeatRoleForm(request.POST)
                if not role_form.is_valid():
                    status = 422
                else:
                    seat = services.board_member_set_role(
                        actor=request.user, seat=seat, role=role_form.cleaned_data["role"]
                    )
                    messages.success(
                        request,
                        f"{seat.person.display_name} is now the {board.name}'s "
                        f"{seat.get_role_display().lower()}.",
                    )
                    return redirect(board.get_absolute_url() + "#members")
        except ApplicationError as error:
            form = end_form if "ended_on" in request.POST else role_form
            status = show_error(form, error)
    return render(
        request,
        "governance/seat_change.html",
        common(
            page_title=f"{seat.person.display_name} on the {board.name}",
            breadcrumbs=crumbs((board.name, board.get_absolute_url()), ("Change a seat", None)),
            board=board,
            seat=seat,
            role_form=role_form,
            end_form=end_form,
        ),
        status=status,
    )


# Stage gates -------------------------------------------------------------------------------


def _board_choices() -> list[tuple[int, str]]:
    return list(Board.objects.filter(active=True).values_list("pk", "name"))


@kept_page
@login_not_required
def gates(request, form=None, form_stage=None, status=200):
    rows = selectors.gate_overview()
    can_manage = permissions.can_manage_gates(request.user)
    forms = {}
    if can_manage:
        boards = _board_choices()
        for row in rows:
            if row.stage == form_stage and form is not None:
                forms[row.stage] = form
            else:
                forms[row.stage] = GateForm(
                    initial={
                        "board": row.gate.board_id if row.gate else "",
                        "note": row.gate.note if row.gate else "",
                    },
                    boards=boards,
                    prefix=row.stage,
                )
    return render(
        request,
        "governance/gates.html",
        common(
            page_title="Stage gates",
            breadcrumbs=crumbs(("Stage gates", None)),
            rows=rows,
            forms=forms,
            can_manage=can_manage,
            form_stage=form_stage,
        ),
        status=status,
    )


@require_POST
def gate_set(request, stage):
    require(permissions.can_manage_gates(request.user), "Only the programme office sets gates.")
    if stage not in GATEABLE_STAGES:
        return gates(request, status=404)
    form = GateForm(request.POST, boards=_board_choices(), prefix=stage)
    if not form.is_valid():
        return gates(request, form=form, form_stage=stage, status=422)
    board = get_object_or_404(Board, pk=form.cleaned_data["board"])
    try:
        services.gate_set(
            actor=request.user, stage=stage, board=board, note=form.cleaned_data["note"]
        )
    except ApplicationError as error:
        status = show_error(form, error)
        return gates(request, form=form, form_stage=stage, status=status)
    messages.success(
        request,
        f"Moving a project to {stage_label(stage).lower()} now needs a decision of the "
        f"{board.name}.",
    )
    return redirect("governance:gates")


@require_POST
def gate_remove(request, stage):
    require(permissions.can_manage_gates(request.user), "Only the programme office sets gates.")
    try:
        services.gate_remove(actor=request.user, stage=stage)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"Moving a project to {stage_label(stage).lower()} no longer needs a board's decision.",
        )
    return redirect("governance:gates")


@kept_page
def awaiting(request):
    require(permissions.can_view_meetings(request.user), "Sign in to see this page.")
    choice = request.GET.get("board", "")
    board = None
    board_ids = None
    if choice == "mine":
        board_ids = permissions.boards_of(request.user)
    elif choice:
        board = Board.objects.filter(slug=choice[:130]).first() if "\x00" not in choice else None
        if board is not None:
            board_ids = {board.pk}
    total, rows = selectors.awaiting_decisions(request.user, board_ids=board_ids)
    if fmt := export_format(request):
        return export_response(
            fmt,
            filename="awaiting-a-decision",
            headers=selectors.AWAITING_EXPORT_HEADERS,
            rows=selectors.awaiting_export_rows(rows, site(request)),
            title="Awaiting a decision",
        )
    page_obj = paginate(rows, request, PER_PAGE)
    return render(
        request,
        "governance/awaiting.html",
        common(
            page_title="Projects awaiting a board's decision",
            breadcrumbs=crumbs(("Awaiting a decision", None)),
            page_obj=page_obj,
            total=total,
            choice=choice,
            board=board,
            boards=list(Board.objects.values_list("slug", "name")),
            sits=bool(permissions.boards_of(request.user)),
        ),
    )
