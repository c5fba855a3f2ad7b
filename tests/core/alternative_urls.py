"""The site's URLs under another prefix, for tests/core/test_jinja_urls.py."""

from django.urls import include, path

urlpatterns = [path("elsewhere/", include("heartbeat.urls"))]
