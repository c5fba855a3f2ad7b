from django.urls import path

from heartbeat.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("your-work/<slug:key>/", views.your_work, name="your_work"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("accessibility", views.accessibility, name="accessibility"),
    path("privacy", views.privacy, name="privacy"),
    path("feedback", views.feedback, name="feedback"),
    path("bench/floor", views.floor, name="floor"),
]
