"""The work requests API: the same rules as the pages, errors as JSON with stable codes."""

import pytest

from heartbeat.accounts.models import ApiToken
from heartbeat.work_requests.models import Comment, State, Support, WorkRequest
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory
from tests.querybudget import assert_same_queries
from tests.work_requests.factories import (
    PDF,
    SupportFactory,
    WorkRequestFactory,
    docx_bytes,
    pdf_upload,
    upload,
)

pytestmark = pytest.mark.django_db

API = "/api/v1/work-requests"


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Digital Services", slug="digital-services")


def send(client, method, url, data=None, **headers):
    return getattr(client, method)(url, data, content_type="application/json", **headers)


def payload(**changes):
    data = {
        "title": "Book bulky uplifts online",
        "problem": "Residents can only book by phone.",
        "affected": "9,000 households a year.",
        "outcome": "Residents book and pay online.",
        "theme": "digital-services",
        "urgency": "high",
        "benefit_value": "42000.00",
    }
    data.update(changes)
    return data


def test_requests_need_a_signed_in_caller(client, theme):
    WorkRequestFactory(theme=theme)
    response = client.get(API)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_member_raises_and_reads_a_request_with_a_token(client, member, theme):
    _, raw = ApiToken.new_token()
    ApiToken.objects.create(user=member, name="script", token_hash=ApiToken.hash_token(raw))
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    response = send(client, "post", API, payload(), **auth)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["organisation"] == {"slug": "aberdeen-city", "name": "Aberdeen City"}
    assert body["state"] == "submitted"
    assert body["support_count"] == 0
    assert body["version"] == 1
    listed = client.get(API, **auth).json()
    assert listed["count"] == 1
    assert listed["items"][0]["reference"] == body["reference"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "x" * 201}, "title"),
        ({"title": "Bulky\u0000uplifts"}, "title"),
        ({"urgency": "yesterday"}, "urgency"),
        ({"benefit_value": "-1"}, "benefit_value"),
        ({"benefit_value": "1.234"}, "benefit_value"),
        ({"problem": ""}, "problem"),
    ],
)
def test_bad_input_gets_422_with_a_stable_code(client_for, member, theme, changes, field):
    response = send(client_for(member), "post", API, payload(**changes))
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert field in (body.get("field") or body["message"])
    assert not WorkRequest.objects.exists()


def test_an_unknown_theme_is_named(client_for, member, theme):
    response = send(client_for(member), "post", API, payload(theme="nowhere"))
    assert response.status_code == 422
    assert response.json()["message"] == "There is no theme 'nowhere'."


def test_a_stale_update_gets_409(client_for, member, theme):
    work_request = WorkRequestFactory(
        organisation=member.organisation, raised_by=member, theme=theme
    )
    client = client_for(member)
    first = send(client, "put", f"{API}/{work_request.pk}", payload(title="New", version=1))
    assert first.status_code == 200
    assert first.json()["version"] == 2
    second = send(client, "put", f"{API}/{work_request.pk}", payload(title="Older", version=1))
    assert second.status_code == 409
    assert second.json()["code"] == "edit_conflict"
    assert second.json()["current_version"] == 2


def test_supports_one_per_organisation(client_for, other_organisation_lead, other_council, theme):
    work_request = WorkRequestFactory(theme=theme)
    url = f"{API}/{work_request.pk}/supports"
    response = send(client_for(other_organisation_lead), "post", url, {"need": "Angus too."})
    assert response.status_code == 201
    assert response.json()["organisation"]["slug"] == "angus"
    colleague = UserFactory(organisation=other_council)
    again = send(client_for(colleague), "post", url, {"need": "Again."})
    assert again.status_code == 409
    assert again.json()["code"] == "already_supported"
    listed = client_for(colleague).get(url).json()
    assert [s["need"] for s in listed] == ["Angus too."]
    assert client_for(colleague).get(f"{API}/{work_request.pk}").json()["support_count"] == 1


def test_withdrawing_support(client_for, other_organisation_lead, organisation_lead, theme):
    work_request = WorkRequestFactory(theme=theme)
    SupportFactory(work_request=work_request, organisation=other_organisation_lead.organisation)
    url = f"{API}/{work_request.pk}/supports/angus"
    assert send(client_for(organisation_lead), "delete", url).status_code == 403
    assert send(client_for(other_organisation_lead), "delete", url).status_code == 204
    assert not Support.objects.exists()


def test_comments(client_for, board_member, theme):
    work_request = WorkRequestFactory(theme=theme)
    client = client_for(board_member)
    url = f"{API}/{work_request.pk}/comments"
    created = send(client, "post", url, {"body": "Raised at the board."})
    assert created.status_code == 201
    assert created.json()["organisation"]["slug"] == "angus"
    assert send(client, "post", url, {"body": "x" * 4001}).status_code == 422
    assert [c["body"] for c in client.get(url).json()] == ["Raised at the board."]
    assert Comment.objects.count() == 1


def test_triage_by_the_programme_office_only(
    client_for, programme_office, organisation_lead, theme
):
    work_request = WorkRequestFactory(theme=theme)
    url = f"{API}/{work_request.pk}/triage"
    refused = send(
        client_for(organisation_lead), "post", url, {"to_state": "under_review", "version": 1}
    )
    assert refused.status_code == 403
    client = client_for(programme_office)
    wrong = send(client, "post", url, {"to_state": "accepted", "version": 1})
    assert wrong.status_code == 409
    assert wrong.json()["code"] == "transition_not_allowed"
    ok = send(client, "post", url, {"to_state": "under_review", "version": 1})
    assert ok.status_code == 200
    assert ok.json()["state"] == "under_review"
    no_reason = send(client, "post", url, {"to_state": "declined", "version": 2})
    assert no_reason.status_code == 422
    assert no_reason.json()["field"] == "reason"


def test_accepting_into_a_new_project_by_the_api(client_for, programme_office, theme):
    work_request = WorkRequestFactory(theme=theme, state=State.UNDER_REVIEW, title="Uplifts")
    response = send(
        client_for(programme_office),
        "post",
        f"{API}/{work_request.pk}/triage",
        {"to_state": "accepted", "version": 1, "new_project": {"title": "Bulky uplifts online"}},
    )
    assert response.status_code == 200, response.content
    assert response.json()["project"] == {
        "slug": "bulky-uplifts-online",
        "name": "Bulky uplifts online",
    }


def test_accepting_into_an_existing_project_by_slug(client_for, programme_office, theme):
    ProjectFactory(slug="waste-online", stage="recruiting")
    work_request = WorkRequestFactory(theme=theme, state=State.UNDER_REVIEW)
    client = client_for(programme_office)
    missing = send(
        client,
        "post",
        f"{API}/{work_request.pk}/triage",
        {"to_state": "accepted", "version": 1, "project": "nowhere"},
    )
    assert missing.status_code == 422
    ok = send(
        client,
        "post",
        f"{API}/{work_request.pk}/triage",
        {"to_state": "accepted", "version": 1, "project": "waste-online"},
    )
    assert ok.json()["project"]["slug"] == "waste-online"


def test_marking_a_duplicate_by_the_api(client_for, programme_office, theme):
    original = WorkRequestFactory(theme=theme)
    duplicate = WorkRequestFactory(theme=theme, state=State.UNDER_REVIEW)
    SupportFactory(work_request=duplicate, organisation=OrganisationFactory(name="Moray"))
    response = send(
        client_for(programme_office),
        "post",
        f"{API}/{duplicate.pk}/triage",
        {"to_state": "duplicate", "version": 1, "duplicate_of": original.pk},
    )
    assert response.status_code == 200
    assert response.json()["duplicate_of"] == original.pk
    assert client_for(programme_office).get(f"{API}/{original.pk}").json()["support_count"] == 2


def test_files_by_the_api(client_for, member, other_organisation_lead, theme):
    work_request = WorkRequestFactory(
        organisation=member.organisation, raised_by=member, theme=theme
    )
    client = client_for(member)
    url = f"{API}/{work_request.pk}/attachments"
    created = client.post(url, {"file": pdf_upload("plan.pdf")})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["name"] == "plan.pdf" and body["kind"] == "pdf"
    download = client.get(body["url"])
    assert b"".join(download.streaming_content) == PDF
    mismatch = client.post(url, {"file": upload("plan.xlsx", docx_bytes())})
    assert mismatch.status_code == 422
    assert mismatch.json()["code"] == "attachment_mismatch"
    refused = client_for(other_organisation_lead).post(url, {"file": pdf_upload()})
    assert refused.status_code == 403
    assert len(client.get(url).json()) == 1


def test_filters_are_checked(client_for, member, theme):
    response = client_for(member).get(f"{API}?state=lost")
    assert response.status_code == 422
    assert "'lost' is not a state of a work request." in response.json()["message"]
    nul = client_for(member).get(f"{API}?q=%00")
    assert nul.status_code == 422


def test_the_list_costs_the_same_at_3_and_30_requests(client_for, member, theme):
    client = client_for(member)
    organisations = [OrganisationFactory() for _ in range(3)]

    def make(n):
        while WorkRequest.objects.count() < n:
            work_request = WorkRequestFactory(theme=theme, organisation=organisations[0])
            for organisation in organisations[1:]:
                SupportFactory(work_request=work_request, organisation=organisation)

    assert_same_queries(make, lambda: client.get(f"{API}?limit=50"), budget=8)
