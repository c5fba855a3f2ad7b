from django.contrib import admin
from django.urls import include, path

from heartbeat.api.api import api

urlpatterns = [
    # First, so that an API address is not tried against every page's pattern before its own.
    path("api/v1/", api.urls),
    path("", include("heartbeat.core.urls")),
    path("accounts/", include("heartbeat.accounts.urls")),
    path("", include("heartbeat.accounts.people_urls")),
    path("", include("heartbeat.partnership.urls")),
    path("", include("heartbeat.skills.urls")),
    path("", include("heartbeat.portfolio.urls")),
    path("", include("heartbeat.recruitment.urls")),
    path("", include("heartbeat.work_requests.urls")),
    path("", include("heartbeat.prioritisation.urls")),
    path("", include("heartbeat.delivery.urls")),
    path("", include("heartbeat.benefits.urls")),
    path("", include("heartbeat.roadmap.urls")),
    path("", include("heartbeat.governance.urls")),
    path("", include("heartbeat.engagement.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "heartbeat.core.views.error_403"
handler404 = "heartbeat.core.views.error_404"
handler500 = "heartbeat.core.views.error_500"
