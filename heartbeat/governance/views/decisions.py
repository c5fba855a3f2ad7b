"""The decision log, a decision's page, and recording and correcting decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import export_response
from heartbeat.core.formatting import uk_date
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import RowsById, paginate
from heartbeat.governance import permissions, selectors, services
from heartbeat.governance.forms import DecisionForm, gate_choices
from heartbeat.governance.models import Board, Meeting, MeetingStatus, Outcome, StageGate
from heartbeat.governance.views.common import (
    common,
    crumbs,
    export_format,
    keep_input_after_conflict,
    require,
    show_error,
    site,
)
from heartbeat.portfolio.models import Project

PER_PAGE = 25
NO_MEETING = (
    "Choose the meeting at which the board decided: every decision in the log was made by a "
    "board at one of its meetings."
)
# How far back the meeting list of the decision form goes.
RECENT_MEETINGS = 24


@kept_page
@login_not_required
def decision_log(request):
    filters, errors = selectors.parse_decision_filters(request.user, request.GET)
    decisions = selectors.decision_log(request.user, filters)
    if fmt := export_format(request):
        return export_response(
            fmt,
            filename="decision-log",
            headers=selectors.DECISION_EXPORT_HEADERS,
            rows=selectors.decision_export_rows(decisions, site(request)),
            title="Decision log",
        )
    return render(
        request,
        "governance/decision_log.html",
        common(
            page_title="Decision log",
            breadcrumbs=crumbs(("Decision log", None)),
            page_obj=paginate(
                RowsById(decisions, keep="governance.decision-log"), request, PER_PAGE
            ),
            filters=filters,
            filter_errors=errors,
            boards=list(Board.objects.values_list("slug", "name")),
            outcomes=Outcome.choices,
            signed_in=permissions.can_view_meetings(request.user),
        ),
    )


@kept_page
@login_not_required
def decision_detail(request, pk):
    decision = selectors.decision_detail(request.user, pk)
    board = decision.meeting.board
    return render(
        request,
        "governance/decision_detail.html",
        common(
            page_title=decision.title,
            breadcrumbs=crumbs(("Decision log", "/governance/decisions/"), ("Decision", None)),
            decision=decision,
            board=board,
            subject=selectors.subject_name(decision),
            can_edit=permissions.can_act_for_board(request.user, board),
            signed_in=permissions.can_view_meetings(request.user),
        ),
    )


def _gates_of(board: Board | None) -> list[tuple[str, str]]:
    """The stage gates a board's decision may pass: those it owns (every gate when the
    meeting is not chosen yet)."""
    gates = StageGate.objects.all()
    if board is not None:
        gates = gates.filter(board=board)
    return gate_choices(gates.values_list("stage", flat=True))


def _meetings_for(user) -> list[tuple[int, str]]:
    """Meetings that have taken place, of the boards the person acts for."""
    meetings = Meeting.objects.filter(starts_at__lte=timezone.now()).exclude(
        status=MeetingStatus.CANCELLED
    )
    if not permissions.is_programme_office(user):
        meetings = meetings.filter(board_id__in=permissions.boards_of(user))
    return [
        (m.pk, f"{m.board.name}, {uk_date(m.starts_at)}")
        for m in meetings.select_related("board").order_by("-starts_at")[:RECENT_MEETINGS]
    ]


def _form_page(
    request, *, form, meeting, decision=None, meetings=None, meeting_error="", status=200
):
    # Each page is titled by its decision or meeting, so no two pages share a title.
    crumb = "Correct the decision" if decision else "Record a decision"
    if decision:
        title = f"Correct the decision: {decision.title}"
    elif meeting is not None:
        title = f"Record a decision of the {meeting.board.name}, {uk_date(meeting.starts_at)}"
    else:
        title = crumb
    if meeting is not None:
        trail = [
            (meeting.board.name, meeting.board.get_absolute_url()),
            (f"Meeting of {uk_date(meeting.starts_at)}", meeting.get_absolute_url()),
            (crumb, None),
        ]
    else:
        trail = [("Decision log", "/governance/decisions/"), (crumb, None)]
    return render(
        request,
        "governance/decision_form.html",
        common(
            page_title=title,
            breadcrumbs=crumbs(*trail),
            form=form,
            meeting=meeting,
            decision=decision,
            meetings=meetings,
            meeting_error=meeting_error,
        ),
        status=status,
    )


def _initial(request, subjects: dict) -> dict:
    """What a link to the form chose already: a project at its gate, or a work request."""
    initial = {}
    if slug := request.GET.get("project", ""):
        project = Project.objects.filter(slug=slug[:120]).first() if "\x00" not in slug else None
        if project is not None:
            initial["project"] = project.pk
            initial["title"] = f"Approve {project.title}"
            if request.GET.get("gate"):
                initial["gate_stage"] = request.GET["gate"][:20]
    elif (pk := selectors.request_id(request.GET.get("work_request", ""))) in {
        choice for choice, _ in subjects["work_requests"]
    }:
        # Only a request the form offers: one the person may see, and no duplicate.
        initial["work_request"] = pk
    return initial


def decision_add(request, pk=None):
    """Record a decision: at a given meeting, or choosing the meeting on the form."""
    user = request.user
    meeting = None
    if pk is not None:
        meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=pk)
        require(
            permissions.can_act_for_board(user, meeting.board),
            f"Only the {meeting.board.name}'s members and the programme office record its "
            "decisions.",
        )
    else:
        require(
            permissions.can_act_for_any_board(user),
            "Only board members and the programme office record decisions.",
        )
    meetings = None if meeting is not None else _meetings_for(user)
    form_kwargs = {
        "subjects": selectors.subject_choices(user),
        "gates": _gates_of(meeting and meeting.board),
    }
    if request.method != "POST":
        form = DecisionForm(initial=_initial(request, form_kwargs["subjects"]), **form_kwargs)
        return _form_page(request, form=form, meeting=meeting, meetings=meetings)
    form = DecisionForm(request.POST, **form_kwargs)
    chosen = meeting
    if meeting is None:
        value = request.POST.get("meeting", "")
        allowed = {pk for pk, _ in meetings}
        if value.isdigit() and int(value) in allowed:
            chosen = Meeting.objects.select_related("board").get(pk=int(value))
    valid = form.is_valid()
    if not valid:
        missing = NO_MEETING if meeting is None and chosen is None else ""
        return _form_page(
            request,
            form=form,
            meeting=meeting,
            meetings=meetings,
            meeting_error=missing,
            status=422,
        )
    try:
        decision = services.decision_record(actor=user, meeting=chosen, data=form.to_input())
    except ApplicationError as error:
        if error.field == "meeting":
            return _form_page(
                request,
                form=form,
                meeting=meeting,
                meetings=meetings,
                meeting_error=error.message,
                status=error.status,
            )
        status = show_error(form, error)
        return _form_page(request, form=form, meeting=meeting, meetings=meetings, status=status)
    if decision.transition_id:
        messages.success(
            request,
            f"The decision has been recorded and {decision.project.title} is now "
            f"{decision.project.get_stage_display().lower()}.",
        )
    else:
        messages.success(request, "The decision has been recorded in the log.")
    return redirect(chosen.get_absolute_url() + "#decisions")


def _with_current_subject(subjects: dict, decision) -> dict:
    """The form's lists, with the decision's own subject in them even when it is no longer
    offered (a closed project, a retired product, a request marked as a duplicate)."""
    current = [
        ("projects", decision.project_id, lambda: decision.project.title),
        ("products", decision.product_id, lambda: decision.product.name),
        ("work_requests", decision.work_request_id, lambda: str(decision.work_request)),
    ]
    for key, pk, label in current:
        if pk and pk not in {choice for choice, _ in subjects[key]}:
            subjects[key].insert(0, (pk, label()))
    return subjects


def decision_edit(request, pk):
    decision = selectors.decision_for_change(pk)
    board = decision.meeting.board
    require(
        permissions.can_act_for_board(request.user, board),
        f"Only the {board.name}'s members and the programme office change its decisions.",
    )
    form_kwargs = {
        "subjects": _with_current_subject(selectors.subject_choices(request.user), decision),
        "gates": _gates_of(board),
    }
    if request.method != "POST":
        form = DecisionForm(
            initial={
                "title": decision.title,
                "outcome": decision.outcome,
                "project": decision.project_id,
                "product": decision.product_id,
                "work_request": decision.work_request_id,
                "gate_stage": decision.gate_stage,
                "conditions": decision.conditions,
                "detail": decision.detail,
                "version": decision.version,
            },
            **form_kwargs,
        )
        return _form_page(request, form=form, meeting=decision.meeting, decision=decision)
    form = DecisionForm(request.POST, **form_kwargs)
    if not form.is_valid():
        return _form_page(
            request, form=form, meeting=decision.meeting, decision=decision, status=422
        )
    try:
        services.decision_update(
            actor=request.user,
            decision=decision,
            data=form.to_input(),
            expected_version=form.cleaned_data.get("version") or decision.version,
        )
    except Conflict as error:
        form = keep_input_after_conflict(DecisionForm, request, error, **form_kwargs)
        return _form_page(
            request, form=form, meeting=decision.meeting, decision=decision, status=409
        )
    except ApplicationError as error:
        status = show_error(form, error)
        return _form_page(
            request, form=form, meeting=decision.meeting, decision=decision, status=status
        )
    messages.success(request, "The decision has been saved.")
    return redirect(decision.get_absolute_url())
