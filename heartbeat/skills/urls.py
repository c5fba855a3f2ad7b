from django.urls import path

from heartbeat.skills import views

app_name = "skills"

urlpatterns = [
    path("skills/", views.skill_list, name="skill_list"),
    path("skills/new/", views.skill_create, name="skill_create"),
    path("skills/mine/", views.my_skills, name="my_skills"),
    path("skills/mine/<int:pk>/remove/", views.my_skill_remove, name="my_skill_remove"),
    path("skills/<slug:slug>/edit/", views.skill_edit, name="skill_edit"),
    path("skills/<slug:slug>/active/", views.skill_set_active, name="skill_active"),
]
