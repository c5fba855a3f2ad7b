"""The admin shows delivery records and changes none: the rules live in the services."""

import pytest
from django.urls import reverse

from heartbeat.delivery.models import HeartbeatUpdate, Milestone, RaidItem
from tests.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True, is_programme_office=True)
    client.force_login(admin, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


def test_the_admin_lists_and_shows_delivery_records(admin_client, telecare):
    for name in (
        "heartbeatupdate",
        "milestone",
        "raiditem",
        "overduenotice",
        "deliverysettings",
        "projectcadence",
        "highlightreport",
    ):
        assert admin_client.get(reverse(f"admin:delivery_{name}_changelist")).status_code == 200
    update = HeartbeatUpdate.objects.filter(project=telecare).first()
    url = reverse("admin:delivery_heartbeatupdate_change", args=[update.pk])
    assert admin_client.get(url).status_code == 200
    milestone = Milestone.objects.filter(project=telecare).first()
    assert (
        admin_client.get(
            reverse("admin:delivery_milestone_change", args=[milestone.pk])
        ).status_code
        == 200
    )


def test_submitted_updates_and_the_log_cannot_be_changed_or_deleted_there(admin_client, telecare):
    update = HeartbeatUpdate.objects.filter(project=telecare).first()
    summary = update.summary
    url = reverse("admin:delivery_heartbeatupdate_change", args=[update.pk])
    admin_client.post(url, {"summary": "Rewritten in the admin"})
    update.refresh_from_db()
    assert update.summary == summary
    delete = reverse("admin:delivery_heartbeatupdate_delete", args=[update.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    risk = RaidItem.objects.filter(project=telecare).first()
    assert (
        admin_client.post(
            reverse("admin:delivery_raiditem_delete", args=[risk.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert admin_client.get(reverse("admin:delivery_raiditem_add")).status_code == 403
    assert RaidItem.objects.filter(pk=risk.pk).exists()


def test_a_project_with_updates_cannot_be_deleted_by_cascade(telecare):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        telecare.delete()
