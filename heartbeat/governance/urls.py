from django.urls import path

from heartbeat.governance.views import actions, boards, decisions, meetings

app_name = "governance"

urlpatterns = [
    path("governance/", boards.index, name="index"),
    path("governance/boards/new/", boards.board_create, name="board_create"),
    path("governance/boards/<slug:slug>/", boards.board_detail, name="board_detail"),
    path("governance/boards/<slug:slug>/edit/", boards.board_edit, name="board_edit"),
    path("governance/boards/<slug:slug>/members/new/", boards.seat_add, name="seat_add"),
    path(
        "governance/boards/<slug:slug>/meetings/new/",
        meetings.meeting_create,
        name="meeting_create",
    ),
    path("governance/seats/<int:pk>/", boards.seat_change, name="seat_change"),
    path("governance/gates/", boards.gates, name="gates"),
    path("governance/gates/<str:stage>/", boards.gate_set, name="gate_set"),
    path("governance/gates/<str:stage>/remove/", boards.gate_remove, name="gate_remove"),
    path("governance/awaiting/", boards.awaiting, name="awaiting"),
    path("governance/meetings/", meetings.meeting_list, name="meetings"),
    path("governance/meetings.ics", meetings.calendar, name="calendar"),
    path("governance/meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("governance/meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("governance/meetings/<int:pk>/minutes.pdf", meetings.meeting_pdf, name="meeting_pdf"),
    path(
        "governance/meetings/<int:pk>/agenda/new/",
        meetings.agenda_item_add,
        name="agenda_item_add",
    ),
    path("governance/meetings/<int:pk>/attendance/", meetings.attendance, name="attendance"),
    path("governance/meetings/<int:pk>/actions/new/", actions.action_add, name="action_add"),
    path(
        "governance/meetings/<int:pk>/decisions/new/",
        decisions.decision_add,
        name="decision_add",
    ),
    path("governance/agenda/<int:pk>/edit/", meetings.agenda_item_edit, name="agenda_item_edit"),
    path(
        "governance/agenda/<int:pk>/remove/",
        meetings.agenda_item_remove,
        name="agenda_item_remove",
    ),
    path("governance/agenda/<int:pk>/paper/", meetings.paper, name="paper"),
    path("governance/actions/", actions.action_list, name="actions"),
    path("governance/actions/<int:pk>/", actions.action_edit, name="action_edit"),
    path("governance/decisions/", decisions.decision_log, name="decisions"),
    path("governance/decisions/new/", decisions.decision_add, name="decision_new"),
    path("governance/decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("governance/decisions/<int:pk>/edit/", decisions.decision_edit, name="decision_edit"),
]
