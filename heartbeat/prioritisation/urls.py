from django.urls import path

from heartbeat.prioritisation import views

app_name = "prioritisation"

urlpatterns = [
    path("priorities/", views.ranking, name="ranking"),
    path("priorities/what-if/", views.what_if, name="what_if"),
    path("priorities/criteria/", views.criteria_list, name="criteria"),
    path("priorities/criteria/new/", views.criterion_create, name="criterion_create"),
    path("priorities/criteria/<slug:slug>/edit/", views.criterion_edit, name="criterion_edit"),
    path("priorities/rounds/", views.round_list, name="rounds"),
    path("priorities/rounds/new/", views.round_open, name="round_open"),
    path("priorities/rounds/<int:number>/", views.round_detail, name="round"),
    path("priorities/rounds/<int:number>/refresh/", views.round_refresh, name="round_refresh"),
    path("priorities/rounds/<int:number>/discard/", views.round_discard, name="round_discard"),
    path("priorities/rounds/<int:number>/publish/", views.round_publish, name="round_publish"),
    path(
        "priorities/rounds/<int:number>/entries/<int:entry_id>/", views.entry_detail, name="entry"
    ),
    path(
        "priorities/rounds/<int:number>/entries/<int:entry_id>/score/",
        views.entry_score,
        name="entry_score",
    ),
]
