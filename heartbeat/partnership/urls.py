from django.urls import path

from heartbeat.partnership import views

app_name = "partnership"

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("terms/", views.term_list, name="term_list"),
]
