from django.urls import path

from heartbeat.core.keptpages import kept_page
from heartbeat.delivery.feeds import ProjectUpdatesFeed
from heartbeat.delivery.views import dashboard, milestones, raid, updates

app_name = "delivery"

P = "projects/<slug:slug>/"

urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/risks/", dashboard.risk_list, name="risks"),
    path("dashboard/milestones/", dashboard.milestone_list, name="milestones"),
    path("dashboard/settings/", dashboard.settings_view, name="settings"),
    path("dashboard/reports/", dashboard.report_create, name="report_create"),
    path("dashboard/reports/<int:pk>/", dashboard.report_detail, name="report_detail"),
    path(
        "dashboard/reports/<int:pk>/highlight-report.<str:fmt>",
        dashboard.report_download,
        name="report_download",
    ),
    path("updates/due/", dashboard.due_list, name="due"),
    path(P + "updates/", updates.update_list, name="update_list"),
    path(P + "updates/new/", updates.update_new, name="update_new"),
    path(P + "updates/feed/", kept_page(ProjectUpdatesFeed()), name="update_feed"),
    path(P + "updates/<int:pk>/", updates.update_detail, name="update_detail"),
    path(P + "updates/<int:pk>/edit/", updates.update_edit, name="update_edit"),
    path(P + "updates/<int:pk>/correct/", updates.update_correct, name="update_correct"),
    path(P + "updates/<int:pk>/delete/", updates.update_delete, name="update_delete"),
    path(P + "cadence/", updates.project_cadence, name="project_cadence"),
    path(P + "milestones/", milestones.milestone_list, name="milestone_list"),
    path(P + "milestones/baseline/", milestones.milestones_baseline, name="milestones_baseline"),
    path(
        P + "milestones/from-product/",
        milestones.milestone_from_product,
        name="milestone_from_product",
    ),
    path(P + "milestones/<int:pk>/", milestones.milestone_edit, name="milestone_edit"),
    path(
        P + "milestones/<int:pk>/baseline/",
        milestones.milestone_baseline,
        name="milestone_baseline",
    ),
    path(P + "raid/", raid.raid_log, name="raid_log"),
    path(P + "raid/new/", raid.raid_new, name="raid_new"),
    path(P + "raid/<int:pk>/", raid.raid_detail, name="raid_detail"),
    path(P + "raid/<int:pk>/close/", raid.raid_close, name="raid_close"),
    path(P + "raid/<int:pk>/reopen/", raid.raid_reopen, name="raid_reopen"),
    path(P + "raid/<int:pk>/escalate/", raid.raid_escalate, name="raid_escalate"),
    path(P + "raid/<int:pk>/hand-back/", raid.raid_hand_back, name="raid_hand_back"),
    path(P + "status-report.pdf", dashboard.status_report, name="status_report"),
]
