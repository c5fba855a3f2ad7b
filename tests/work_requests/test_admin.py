import pytest
from django.urls import reverse

from heartbeat.work_requests.models import Comment, WorkRequest
from tests.factories import UserFactory
from tests.work_requests.factories import CommentFactory, SupportFactory, WorkRequestFactory


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True, is_programme_office=True)
    client.force_login(admin, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


def test_the_admin_shows_requests_read_only(admin_client):
    work_request = WorkRequestFactory()
    SupportFactory(work_request=work_request)
    assert (
        admin_client.get(reverse("admin:work_requests_workrequest_changelist")).status_code == 200
    )
    change = reverse("admin:work_requests_workrequest_change", args=[work_request.pk])
    assert admin_client.get(change).status_code == 200
    assert admin_client.get(reverse("admin:work_requests_workrequest_add")).status_code == 403
    delete = reverse("admin:work_requests_workrequest_delete", args=[work_request.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert WorkRequest.objects.filter(pk=work_request.pk).exists()


def test_the_admin_removes_a_comment(admin_client):
    comment = CommentFactory()
    delete = reverse("admin:work_requests_comment_delete", args=[comment.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Comment.objects.exists()
