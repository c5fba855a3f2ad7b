"""Every delivery page answers for the people who may see it."""

import pytest
from django.urls import reverse

from heartbeat.delivery.models import HeartbeatUpdate, Milestone, RaidItem


@pytest.mark.parametrize("role", ["programme_office", "project_lead"])
def test_every_page_renders(client_for, user_for_role, telecare, role):
    client = client_for(user_for_role(role))
    slug = telecare.slug
    update = HeartbeatUpdate.objects.filter(project=telecare).first()
    milestone = Milestone.objects.filter(project=telecare).first()
    risk = RaidItem.objects.filter(project=telecare).first()
    pages = [
        reverse("delivery:dashboard"),
        reverse("delivery:dashboard") + "?confidence=amber&theme=x&lead=y",
        reverse("delivery:risks"),
        reverse("delivery:milestones"),
        reverse("delivery:milestones") + "?show=slipped",
        reverse("delivery:due"),
        reverse("delivery:due") + "?mine=1",
        reverse("delivery:update_list", args=[slug]),
        reverse("delivery:update_new", args=[slug]),
        reverse("delivery:update_detail", args=[slug, update.pk]),
        reverse("delivery:update_correct", args=[slug, update.pk]),
        reverse("delivery:milestone_list", args=[slug]),
        reverse("delivery:milestone_edit", args=[slug, milestone.pk]),
        reverse("delivery:raid_log", args=[slug]),
        reverse("delivery:raid_log", args=[slug]) + "?status=all&kind=risk",
        reverse("delivery:raid_new", args=[slug]) + "?kind=dependency",
        reverse("delivery:raid_new", args=[slug]) + "?kind=issue",
        reverse("delivery:raid_detail", args=[slug, risk.pk]),
        reverse("delivery:raid_close", args=[slug, risk.pk]),
        reverse("delivery:raid_escalate", args=[slug, risk.pk]),
        telecare.get_absolute_url(),
        reverse("core:home"),
    ]
    if role == "programme_office":
        pages.append(reverse("delivery:settings"))
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    for fmt in ("csv", "xlsx"):
        for page in (
            reverse("delivery:dashboard"),
            reverse("delivery:update_list", args=[slug]),
            reverse("delivery:raid_log", args=[slug]),
            reverse("delivery:milestone_list", args=[slug]),
            reverse("delivery:risks"),
            reverse("delivery:due"),
            reverse("delivery:milestones"),
        ):
            response = client.get(page + f"?format={fmt}")
            assert response.status_code == 200, page
            assert response["Content-Disposition"].startswith("attachment")
    response = client.get(reverse("delivery:status_report", args=[slug]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    response = client.get(reverse("delivery:update_feed", args=[slug]))
    assert response.status_code == 200
