"""Meetings: the list, a meeting's page, its agenda and papers, attendance, minutes and
actions, the minutes as PDF, and the meetings' iCalendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import export_response
from heartbeat.core.formatting import uk_date
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.governance import permissions, selectors, services
from heartbeat.governance.feeds import meetings_calendar
from heartbeat.governance.forms import (
    AgendaItemForm,
    AttendanceForm,
    MeetingForm,
)
from heartbeat.governance.models import AgendaItem, Board
from heartbeat.governance.views.common import (
    common,
    crumbs,
    export_format,
    keep_input_after_conflict,
    meeting_crumbs,
    require,
    require_board,
    show_error,
    site,
)

PER_PAGE = 25


# The list and the feed ---------------------------------------------------------------------


@kept_page
def meeting_list(request):
    require(permissions.can_view_meetings(request.user), "Meetings are for signed-in members.")
    filters, errors = selectors.parse_meeting_filters(request.GET)
    meetings = selectors.meeting_list(request.user, filters)
    if fmt := export_format(request):
        return export_response(
            fmt,
            filename="meetings",
            headers=selectors.MEETING_EXPORT_HEADERS,
            rows=selectors.meeting_export_rows(meetings, site(request)),
            title="Meetings",
        )
    return render(
        request,
        "governance/meeting_list.html",
        common(
            page_title="Board meetings",
            breadcrumbs=crumbs(("Meetings", None)),
            page_obj=paginate(meetings, request, PER_PAGE),
            filters=filters,
            filter_errors=errors,
            boards=list(Board.objects.values_list("slug", "name")),
        ),
    )


@kept_page
@login_not_required
def calendar(request):
    """Every board's meetings; places, links and agendas only for signed-in members."""
    meetings = selectors.calendar_meetings(request.user)
    body = meetings_calendar(
        meetings,
        site=site(request),
        host=request.get_host(),
        full=permissions.can_view_meetings(request.user),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="board-meetings.ics"'
    return response


# A meeting ---------------------------------------------------------------------------------


@kept_page
def meeting_detail(request, pk):
    detail = selectors.meeting_detail(request.user, pk)
    meeting = detail.meeting
    return render(
        request,
        "governance/meeting_detail.html",
        common(
            page_title=f"{meeting.board.name}: {uk_date(meeting.starts_at)}",
            breadcrumbs=crumbs(
                (meeting.board.name, meeting.board.get_absolute_url()),
                (f"Meeting of {uk_date(meeting.starts_at)}", None),
            ),
            detail=detail,
            meeting=meeting,
            now=timezone.now(),
        ),
    )


@kept_page
def meeting_pdf(request, pk):
    """The meeting's agenda, attendance, minutes, decisions and actions as a PDF."""
    detail = selectors.meeting_detail(request.user, pk)
    # WeasyPrint takes about a second to import: only the PDF pays for it.
    import weasyprint
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "governance/meeting_pdf.html",
        common(detail=detail, meeting=detail.meeting),
        request=request,
    )
    # The minutes are self-contained: nothing outside them is fetched while printing.
    fetcher = URLFetcher(allowed_protocols=["data"])
    pdf = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    day = timezone.localtime(detail.meeting.starts_at)
    response["Content-Disposition"] = (
        f'inline; filename="{detail.meeting.board.slug}-{day:%Y-%m-%d}-minutes.pdf"'
    )
    return response


def _meeting_form_page(request, *, board, meeting, form, status=200):
    if meeting is None:
        title, trail = (
            f"Add a meeting of the {board.name}",
            [
                (board.name, board.get_absolute_url()),
                ("Add a meeting", None),
            ],
        )
    else:
        title = f"Edit the meeting of {uk_date(meeting.starts_at)}"
        trail = meeting_crumbs(meeting, ("Edit", None))[2:]
    return render(
        request,
        "governance/meeting_form.html",
        common(
            page_title=title,
            breadcrumbs=crumbs(*trail),
            form=form,
            board=board,
            meeting=meeting,
        ),
        status=status,
    )


def meeting_create(request, slug):
    board = get_object_or_404(Board, slug=slug)
    require_board(request, board)
    if request.method != "POST":
        return _meeting_form_page(request, board=board, meeting=None, form=MeetingForm())
    form = MeetingForm(request.POST)
    if not form.is_valid():
        return _meeting_form_page(request, board=board, meeting=None, form=form, status=422)
    try:
        meeting = services.meeting_create(actor=request.user, board=board, data=form.to_input())
    except ApplicationError as error:
        status = show_error(form, error, {"starts_at": "date", "ends_at": "end_time"})
        return _meeting_form_page(request, board=board, meeting=None, form=form, status=status)
    messages.success(request, "The meeting has been added. Now set out its agenda.")
    return redirect(meeting.get_absolute_url())


def meeting_edit(request, pk):
    meeting = selectors.meeting_for_change(request.user, pk)
    board = meeting.board
    require_board(request, board)
    if request.method != "POST":
        start = timezone.localtime(meeting.starts_at)
        form = MeetingForm(
            initial={
                "date": start.date(),
                "start_time": start.time(),
                "end_time": timezone.localtime(meeting.ends_at).time() if meeting.ends_at else None,
                "place": meeting.place,
                "link": meeting.link,
                "status": meeting.status,
                "minutes": meeting.minutes,
                "version": meeting.version,
            },
            editing=True,
        )
        return _meeting_form_page(request, board=board, meeting=meeting, form=form)
    form = MeetingForm(request.POST, editing=True)
    if not form.is_valid():
        return _meeting_form_page(request, board=board, meeting=meeting, form=form, status=422)
    try:
        services.meeting_update(
            actor=request.user,
            meeting=meeting,
            data=form.to_input(current=meeting),
            expected_version=form.cleaned_data.get("version") or meeting.version,
        )
    except Conflict as error:
        form = keep_input_after_conflict(MeetingForm, request, error, editing=True)
        return _meeting_form_page(request, board=board, meeting=meeting, form=form, status=409)
    except ApplicationError as error:
        status = show_error(form, error, {"starts_at": "date", "ends_at": "end_time"})
        return _meeting_form_page(request, board=board, meeting=meeting, form=form, status=status)
    messages.success(request, "The meeting has been saved.")
    return redirect(meeting.get_absolute_url())


# Agenda and papers -------------------------------------------------------------------------


def _item_page(request, *, meeting, item, form, status=200):
    title = f"Edit agenda item: {item.title}" if item else "Add an agenda item"
    return render(
        request,
        "governance/agenda_item_form.html",
        common(
            page_title=title,
            breadcrumbs=meeting_crumbs(meeting, (title, None)),
            form=form,
            meeting=meeting,
            item=item,
        ),
        status=status,
    )


def agenda_item_add(request, pk):
    meeting = selectors.meeting_for_change(request.user, pk)
    require_board(request, meeting.board)
    if request.method != "POST":
        return _item_page(request, meeting=meeting, item=None, form=AgendaItemForm())
    form = AgendaItemForm(request.POST, request.FILES)
    if not form.is_valid():
        return _item_page(request, meeting=meeting, item=None, form=form, status=422)
    try:
        item = services.agenda_item_add(
            actor=request.user,
            meeting=meeting,
            data=form.to_input(),
            paper=form.cleaned_data.get("paper"),
        )
    except ApplicationError as error:
        return _item_page(
            request, meeting=meeting, item=None, form=form, status=show_error(form, error)
        )
    messages.success(request, f"{item.title} has been added to the agenda.")
    return redirect(meeting.get_absolute_url() + "#agenda")


def _item(request, pk) -> AgendaItem:
    if not permissions.can_view_meetings(request.user):
        raise Http404("Meetings are for signed-in members.")
    return get_object_or_404(AgendaItem.objects.select_related("meeting__board"), pk=pk)


def agenda_item_edit(request, pk):
    item = _item(request, pk)
    meeting = item.meeting
    require_board(request, meeting.board)
    if request.method != "POST":
        form = AgendaItemForm(
            initial={
                "title": item.title,
                "presenter": item.presenter,
                "summary": item.summary,
                "reserved": item.reserved,
                "order": item.order,
                "version": item.version,
            },
            editing=True,
        )
        return _item_page(request, meeting=meeting, item=item, form=form)
    form = AgendaItemForm(request.POST, request.FILES, editing=True)
    if not form.is_valid():
        return _item_page(request, meeting=meeting, item=item, form=form, status=422)
    try:
        services.agenda_item_update(
            actor=request.user,
            item=item,
            data=form.to_input(),
            expected_version=form.cleaned_data.get("version") or item.version,
            paper=form.cleaned_data.get("paper"),
            remove_paper=form.cleaned_data.get("remove_paper", False),
        )
    except Conflict as error:
        form = keep_input_after_conflict(AgendaItemForm, request, error, editing=True)
        return _item_page(request, meeting=meeting, item=item, form=form, status=409)
    except ApplicationError as error:
        return _item_page(
            request, meeting=meeting, item=item, form=form, status=show_error(form, error)
        )
    messages.success(request, "The agenda item has been saved.")
    return redirect(meeting.get_absolute_url() + "#agenda")


def agenda_item_remove(request, pk):
    item = _item(request, pk)
    meeting = item.meeting
    require_board(request, meeting.board)
    error = None
    if request.method == "POST":
        try:
            services.agenda_item_remove(actor=request.user, item=item)
        except ApplicationError as refused:
            error = refused
        else:
            messages.success(request, f"{item.title} has been taken off the agenda.")
            return redirect(meeting.get_absolute_url() + "#agenda")
    return render(
        request,
        "governance/agenda_item_remove.html",
        common(
            page_title=f"Take {item.title} off the agenda",
            breadcrumbs=meeting_crumbs(meeting, ("Remove an item", None)),
            item=item,
            meeting=meeting,
            error=error,
        ),
        status=error.status if error else 200,
    )


def paper(request, pk):
    """An agenda item's paper, for those who may read it."""
    item = _item(request, pk)
    if not item.paper:
        raise Http404("This item has no paper.")
    require(
        permissions.can_read_item(request.user, item, item.meeting.board),
        "This paper is reserved business: only the board's members can read it.",
    )
    try:
        handle = item.paper.open("rb")
    except FileNotFoundError:
        raise Http404("The paper's file is missing: ask the board's secretary.") from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=item.paper_name or f"paper{item.paper_extension}",
        content_type=item.paper_type or "application/octet-stream",
    )


# Attendance --------------------------------------------------------------------------------


def attendance(request, pk):
    detail = selectors.meeting_detail(request.user, pk)
    meeting = detail.meeting
    require_board(request, meeting.board)
    people = [(row.person.pk, row.person.display_name) for row in detail.attendance]
    status = 200
    if request.method == "POST":
        form = AttendanceForm(request.POST, people=people)
        if form.is_valid():
            try:
                services.attendance_record(
                    actor=request.user,
                    meeting=meeting,
                    statuses=form.statuses(),
                    others_attending=form.cleaned_data.get("others_attending", ""),
                    expected_version=form.cleaned_data.get("version") or meeting.version,
                )
            except Conflict as error:
                form = keep_input_after_conflict(AttendanceForm, request, error, people=people)
                status = 409
            except ApplicationError as error:
                status = show_error(form, error)
            else:
                messages.success(request, "Attendance has been recorded.")
                return redirect(meeting.get_absolute_url() + "#attendance")
        else:
            status = 422
    else:
        initial = {f"person-{row.person.pk}": row.status for row in detail.attendance}
        initial.update(others_attending=meeting.others_attending, version=meeting.version)
        form = AttendanceForm(initial=initial, people=people)
    return render(
        request,
        "governance/attendance_form.html",
        common(
            page_title="Record attendance",
            breadcrumbs=meeting_crumbs(meeting, ("Attendance", None)),
            form=form,
            meeting=meeting,
        ),
        status=status,
    )
