from django.urls import path

from heartbeat.portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("programme/", views.programme, name="programme"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/<slug:slug>/", views.project_detail, name="project_detail"),
    path("projects/<slug:slug>/edit/", views.project_edit, name="project_edit"),
    path("projects/<slug:slug>/move/", views.project_move, name="project_move"),
    path(
        "projects/<slug:slug>/move/<str:to_stage>/",
        views.project_move_confirm,
        name="project_move_confirm",
    ),
    path("projects/<slug:slug>/history/", views.project_history, name="project_history"),
    path("projects/<slug:slug>/definition.pdf", views.project_pdf, name="project_pdf"),
]
