from django.urls import path

from heartbeat.recruitment import views

app_name = "recruitment"

urlpatterns = [
    path("recruitment/needs/", views.open_needs, name="open_needs"),
    path("recruitment/where-we-can-help/", views.where_to_help, name="help"),
    path("recruitment/recruiting/", views.recruiting_projects, name="recruiting"),
    path("recruitment/contributions/", views.contributions, name="contributions"),
    path("recruitment/capacity/", views.capacity, name="capacity"),
    path("recruitment/capacity/<slug:slug>/", views.capacity, name="capacity_for"),
    path(
        "recruitment/capacity/<slug:slug>/<int:pk>/edit/",
        views.capacity_edit,
        name="capacity_edit",
    ),
    path(
        "recruitment/capacity/<slug:slug>/<int:pk>/remove/",
        views.capacity_remove,
        name="capacity_remove",
    ),
    path(
        "recruitment/projects/<slug:slug>/participation/",
        views.participation,
        name="participation",
    ),
    path(
        "recruitment/needs/<int:requirement_id>/pledge/", views.pledge_create, name="pledge_create"
    ),
    path("recruitment/pledges/<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("recruitment/pledges/<int:pk>/edit/", views.pledge_edit, name="pledge_edit"),
    path("recruitment/pledges/<int:pk>/withdraw/", views.pledge_withdraw, name="pledge_withdraw"),
]
