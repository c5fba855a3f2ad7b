from django.urls import path

from heartbeat.work_requests import views

app_name = "work_requests"

urlpatterns = [
    path("requests/", views.request_list, name="list"),
    path("requests/new/", views.request_create, name="create"),
    path("requests/<int:pk>/", views.request_detail, name="detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="edit"),
    path("requests/<int:pk>/support/", views.support, name="support"),
    path("requests/<int:pk>/support/withdraw/", views.support_withdraw, name="support_withdraw"),
    path("requests/<int:pk>/comments/", views.comment, name="comment"),
    path("requests/<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path(
        "requests/<int:pk>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "requests/<int:pk>/attachments/<int:attachment_id>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
    path("requests/<int:pk>/triage/", views.triage, name="triage"),
    path("requests/<int:pk>/project/", views.link_project, name="link_project"),
]
