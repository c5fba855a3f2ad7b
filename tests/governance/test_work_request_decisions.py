"""Decisions about councils' work requests: one subject at most, held by the database, the
services, the form and the API alike; seen only by those who may see the request, on every
path; shown on the request's own page in a fixed number of queries."""

import csv
import io
import json

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from openpyxl import load_workbook

from heartbeat.accounts.services import api_token_create
from heartbeat.core.exceptions import ApplicationError, InvalidInput, PermissionDenied
from heartbeat.governance import permissions, selectors, services
from heartbeat.governance.inputs import DecisionInput
from heartbeat.governance.models import Decision, Outcome
from heartbeat.portfolio.models import Stage, Visibility
from heartbeat.work_requests import hooks
from heartbeat.work_requests.models import State
from tests.conftest import ROLE_FIXTURES
from tests.factories import UserFactory
from tests.governance.factories import (
    BoardFactory,
    DecisionFactory,
    MeetingFactory,
    SeatFactory,
    approval_gate,
)
from tests.portfolio.factories import ProjectFactory, complete_definition
from tests.querybudget import assert_same_queries, queries_for
from tests.roadmap.factories import ProductFactory
from tests.work_requests.factories import WorkRequestFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
SIGNED_IN = {role: role != "anonymous" for role in ROLE_FIXTURES}
BOARD = {role: role in ("board_member", "programme_office") for role in ROLE_FIXTURES}


@pytest.fixture
def berths(council):
    return WorkRequestFactory(
        title="Booking and paying for pier and harbour berths",
        organisation=council,
        state=State.ACCEPTED,
    )


@pytest.fixture
def other_council_member(other_council):
    return UserFactory(organisation=other_council, email="officer@angus.gov.uk")


def _endorse(work_request, **changes) -> DecisionInput:
    values = {
        "title": "Endorse scoping a shared berth booking service",
        "outcome": Outcome.APPROVED,
        "work_request_id": work_request.pk,
        "conditions": "The definition comes back to the board for approval.",
    }
    values.update(changes)
    return DecisionInput(**values)


def _text(response) -> str:
    return response.content.decode()


def _auth(user) -> dict:
    _, raw = api_token_create(actor=user, name=f"Script {user.pk}")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# The database -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pair", [("project", "work_request"), ("product", "work_request"), ("project", "product")]
)
def test_the_database_refuses_two_subjects(meeting, berths, pair):
    subjects = {"project": ProjectFactory(), "product": ProductFactory(), "work_request": berths}
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            meeting=meeting,
            title="About two things",
            outcome=Outcome.APPROVED,
            **{name: subjects[name] for name in pair},
        )
    assert not Decision.objects.exists()
    # One subject is fine.
    Decision.objects.create(meeting=meeting, title="One", outcome="approved", work_request=berths)


def test_a_request_with_decisions_about_it_cannot_be_deleted(meeting, berths):
    DecisionFactory(meeting=meeting, work_request=berths)
    with pytest.raises(ProtectedError):
        berths.delete()


# The services -------------------------------------------------------------------------------


def test_a_board_records_a_decision_about_a_request(board_member, meeting, berths):
    decision = services.decision_record(actor=board_member, meeting=meeting, data=_endorse(berths))
    assert decision.subject == berths
    assert (decision.project, decision.product) == (None, None)
    assert decision.recorded_by == board_member
    assert list(berths.decisions.all()) == [decision]
    assert decision.history.first().work_request_id == berths.pk


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"work_request_id": 987654}, "work_request", "invalid_input"),
        ({"work_request_id": 0}, "work_request", "invalid_input"),
        ({"work_request_id": -3}, "work_request", "invalid_input"),
        ({"work_request_id": 2**31}, "work_request", "invalid_input"),
        ({"work_request_id": "12"}, "work_request", "invalid_input"),
        ({"work_request_id": True}, "work_request", "invalid_input"),
        ({"project_id": "P"}, "work_request", "decision_one_subject"),
        ({"product_id": "R"}, "work_request", "decision_one_subject"),
        ({"gate_stage": Stage.APPROVED}, "project", "invalid_input"),
    ],
)
def test_bad_subjects_are_refused(board_member, meeting, berths, changes, field, code):
    approval_gate(meeting.board)
    if changes.get("project_id") == "P":
        changes["project_id"] = ProjectFactory().pk
    if changes.get("product_id") == "R":
        changes["product_id"] = ProductFactory().pk
    with pytest.raises(InvalidInput) as error:
        services.decision_record(
            actor=board_member, meeting=meeting, data=_endorse(berths, **changes)
        )
    assert (error.value.field, error.value.code) == (field, code)
    assert not Decision.objects.exists()


def test_a_board_member_records_only_for_their_own_board(meeting, berths):
    outsider = SeatFactory(board=BoardFactory(name="Partnership Board")).person
    with pytest.raises(PermissionDenied):
        services.decision_record(actor=outsider, meeting=meeting, data=_endorse(berths))
    assert not Decision.objects.exists()


def test_correcting_the_subject_to_and_from_a_request(board_member, meeting, berths):
    project = ProjectFactory()
    decision = services.decision_record(
        actor=board_member,
        meeting=meeting,
        data=_endorse(berths, work_request_id=None, project_id=project.pk),
    )
    # Recorded against the wrong subject: it was about the council's request.
    corrected = services.decision_update(
        actor=board_member, decision=decision, data=_endorse(berths), expected_version=1
    )
    assert (corrected.project, corrected.work_request) == (None, berths)
    assert corrected.version == 2
    with pytest.raises(InvalidInput) as error:
        services.decision_update(
            actor=board_member,
            decision=corrected,
            data=_endorse(berths, project_id=project.pk),
            expected_version=2,
        )
    assert error.value.code == "decision_one_subject"
    assert Decision.objects.get(pk=decision.pk).work_request == berths


def test_a_decision_that_moved_a_project_keeps_its_subject(board_member, board, berths):
    approval_gate(board)
    project = complete_definition(ProjectFactory(stage=Stage.DEFINED))
    approval = services.decision_record(
        actor=board_member,
        meeting=MeetingFactory(board=board),
        data=DecisionInput(
            title="Approve it", outcome="approved", project_id=project.pk, gate_stage="approved"
        ),
    )
    assert approval.transition is not None
    with pytest.raises(ApplicationError) as error:
        services.decision_update(
            actor=board_member,
            decision=approval,
            data=_endorse(berths, title="Approve it"),
            expected_version=approval.version,
        )
    assert error.value.code == "decision_moved_project"
    assert Decision.objects.get(pk=approval.pk).work_request is None


# Who sees a decision about a request --------------------------------------------------------


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_a_decision_about_a_request_is_seen_by_those_who_see_the_request(
    user_for_role, role, meeting, berths
):
    from heartbeat.work_requests import permissions as request_permissions

    user = user_for_role(role)
    decision = DecisionFactory(meeting=meeting, work_request=berths)
    sees_request = request_permissions.can_view_request(user, berths)
    assert sees_request is SIGNED_IN[role]
    assert permissions.can_view_decision(user, decision) is sees_request
    assert not permissions.subject_is_public(decision)
    visible = set(selectors.decision_queryset(user).values_list("pk", flat=True))
    assert (decision.pk in visible) is sees_request


@pytest.mark.parametrize("role", [*ROLE_FIXTURES, "other_council_member"])
def test_every_page_and_export_follows_the_request(
    client, user_for_role, role, board, meeting, berths
):
    user = user_for_role(role)
    if user is not None:
        client.force_login(user, backend="heartbeat.accounts.backends.AccountsBackend")
    sees = role != "anonymous"
    about_request = DecisionFactory(
        meeting=meeting, work_request=berths, title="Endorse the berth booking service"
    )
    DecisionFactory(
        meeting=meeting,
        title="Approve school admissions",
        project=ProjectFactory(visibility=Visibility.PUBLIC),
    )
    detail = client.get(about_request.get_absolute_url())
    assert detail.status_code == (200 if sees else 404)
    for url in (reverse("governance:decisions"), board.get_absolute_url()):
        page = _text(client.get(url))
        assert "Approve school admissions" in page, url
        assert ("Endorse the berth booking service" in page) is sees, url
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("governance:decisions"), {"format": "csv"})
                .getvalue()
                .decode("utf-8-sig")
            )
        )
    )
    assert ("Endorse the berth booking service" in [r[2] for r in rows[1:]]) is sees
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("governance:decisions"), {"format": "xlsx"}).getvalue())
    ).active
    assert sheet.max_row == (3 if sees else 2)
    api = client.get(f"{API}/decisions").json()
    assert ("Endorse the berth booking service" in [d["title"] for d in api["items"]]) is sees
    assert client.get(f"{API}/decisions/{about_request.pk}").status_code == (200 if sees else 404)
    # The request's own page is for those who may see the request.
    assert client.get(berths.get_absolute_url()).status_code == (200 if sees else 302)
    # So is the meeting, whose page and PDF list its decisions.
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == (200 if sees else 302)
    if sees:
        assert "Endorse the berth booking service" in _text(response)


@pytest.mark.parametrize("role", [*ROLE_FIXTURES, "other_council_member"])
def test_who_records_a_decision_about_a_request(
    client, user_for_role, role, board, meeting, berths
):
    user = user_for_role(role)
    if user is not None:
        client.force_login(user, backend="heartbeat.accounts.backends.AccountsBackend")
    allowed = BOARD.get(role, False)
    form = client.get(reverse("governance:decision_add", args=[meeting.pk]))
    response = client.post(
        reverse("governance:decision_add", args=[meeting.pk]),
        {"title": "Endorse it", "outcome": "approved", "work_request": berths.pk},
    )
    if allowed:
        assert (form.status_code, response.status_code) == (200, 302)
    elif role == "anonymous":
        assert (form.status_code, response.status_code) == (302, 302)
        assert response["Location"].startswith("/accounts/sign-in/")
    else:
        assert (form.status_code, response.status_code) == (403, 403)
    assert Decision.objects.filter(work_request=berths).exists() is allowed
    api = client.post(
        f"{API}/decisions",
        data=json.dumps(
            {
                "meeting": meeting.pk,
                "title": "Endorse it again",
                "outcome": "approved",
                "work_request": berths.pk,
            }
        ),
        content_type="application/json",
    )
    assert api.status_code == (201 if allowed else 401 if role == "anonymous" else 403)
    assert Decision.objects.filter(title="Endorse it again").exists() is allowed


# The pages ----------------------------------------------------------------------------------


def test_the_form_offers_requests_and_explains_two_subjects(client, board_member, meeting, berths):
    duplicate = WorkRequestFactory(
        title="Harbour dues online", state=State.DUPLICATE, duplicate_of=berths
    )
    project = ProjectFactory(title="Digital telecare")
    client.force_login(board_member)
    url = reverse("governance:decision_add", args=[meeting.pk])
    page = _text(client.get(url, {"work_request": berths.reference}))
    assert '<label class="ds_label " for="id_work_request">Or work request</label>' in page
    assert f'<option value="{berths.pk}" selected>' in page
    assert f"{berths.reference}: {berths.title} (accepted)" in page
    assert duplicate.title not in page
    response = client.post(
        url,
        {
            "title": "Endorse the berth booking service",
            "outcome": "approved",
            "project": project.pk,
            "work_request": berths.pk,
        },
    )
    assert response.status_code == 422
    page = _text(response)
    assert "There is a problem" in page
    assert "A decision is about one project, one product or one work request" in page
    assert 'href="#id_work_request"' in page
    assert "Endorse the berth booking service" in page  # what was typed is kept
    response = client.post(
        url, {"title": "Endorse it", "outcome": "approved", "work_request": duplicate.pk + 99}
    )
    assert response.status_code == 422
    assert "Select a valid choice" in _text(response)
    assert not Decision.objects.exists()
    response = client.post(
        url, {"title": "Endorse it", "outcome": "approved", "work_request": berths.pk}
    )
    assert response.status_code == 302
    assert Decision.objects.get().work_request == berths


def test_the_form_preselects_only_a_request_it_offers(client, board_member, meeting, berths):
    duplicate = WorkRequestFactory(state=State.DUPLICATE, duplicate_of=berths)
    client.force_login(board_member)
    url = reverse("governance:decision_new")
    for value in (duplicate.pk, "WR-9999", "WR-"):
        page = _text(client.get(url, {"work_request": value}))
        assert "selected>WR-" not in page, value
        assert "There is a problem" not in page
    page = _text(client.get(url, {"work_request": berths.pk}))
    assert f'<option value="{berths.pk}" selected>' in page


def test_correcting_keeps_a_request_that_has_since_become_a_duplicate(
    client, board_member, meeting, berths
):
    original = WorkRequestFactory(state=State.ACCEPTED)
    decision = DecisionFactory(meeting=meeting, work_request=berths)
    berths.state, berths.duplicate_of = State.DUPLICATE, original
    berths.save()
    client.force_login(board_member)
    url = reverse("governance:decision_edit", args=[decision.pk])
    assert f'<option value="{berths.pk}" selected>' in _text(client.get(url))
    response = client.post(
        url,
        {"title": "Reworded", "outcome": "approved", "work_request": berths.pk, "version": 1},
    )
    assert response.status_code == 302
    assert Decision.objects.get(pk=decision.pk).title == "Reworded"


def test_the_decision_page_and_log_link_the_request(client, member, meeting, berths):
    decision = DecisionFactory(meeting=meeting, work_request=berths, title="Endorse scoping")
    other = DecisionFactory(meeting=meeting, title="Agree the 2027-28 budget")
    client.force_login(member)
    page = _text(client.get(decision.get_absolute_url()))
    assert f'href="{berths.get_absolute_url()}"' in page
    assert f"{berths.reference}: {berths.title}" in page
    log = reverse("governance:decisions")
    for value in (str(berths.pk), berths.reference, berths.reference.lower()):
        page = _text(client.get(log, {"work_request": value}))
        assert "Endorse scoping" in page and other.title not in page, value
        assert "1 decision match." in page
        link = f'<a class="ds_link" href="{berths.get_absolute_url()}">{berths.reference}'
        assert f"About the work request {link}" in page
    response = client.get(log, {"work_request": berths.pk, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert [(r[2], r[4]) for r in rows[1:]] == [("Endorse scoping", str(berths))]
    response = client.get(log, {"work_request": berths.pk, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert [c.value for c in sheet[2]][2] == "Endorse scoping"
    assert sheet.max_row == 2
    for bad in ("WR-12x", "99999", "1" * 40):
        page = _text(client.get(log, {"work_request": bad}))
        assert "Some filters were not used" in page, bad
        assert other.title in page and "Endorse scoping" in page


def test_the_request_page_shows_the_boards_decisions(
    client, member, board_member, programme_office, meeting, berths
):
    deferred = DecisionFactory(
        meeting=MeetingFactory(board=meeting.board, starts_at=meeting.starts_at.replace(year=2025)),
        work_request=berths,
        title="Defer a view until the harbour authorities reply",
        outcome=Outcome.DEFERRED,
    )
    endorsed = DecisionFactory(
        meeting=meeting,
        work_request=berths,
        title="Endorse scoping a shared service",
        conditions="The definition comes back to the board.",
    )
    DecisionFactory(meeting=meeting, work_request=WorkRequestFactory(), title="Another request")
    client.force_login(member)
    page = _text(client.get(berths.get_absolute_url()))
    assert 'id="board-decisions"' in page
    assert page.index(deferred.title) < page.index(endorsed.title)
    assert f'href="{endorsed.get_absolute_url()}"' in page
    assert "Conditions: The definition comes back to the board." in page
    assert "Another request" not in page
    assert f"/governance/decisions/?work_request={berths.pk}" in page
    assert "Record a board's decision about this request" not in page
    for recorder in (board_member, programme_office):
        client.force_login(recorder)
        page = _text(client.get(berths.get_absolute_url()))
        assert "Record a board's decision about this request" in page
        assert f"/governance/decisions/new/?work_request={berths.pk}" in page
    # A request with no decisions: nothing for a member; the way to record one for the board.
    quiet = WorkRequestFactory()
    client.force_login(member)
    assert 'id="board-decisions"' not in _text(client.get(quiet.get_absolute_url()))
    client.force_login(board_member)
    page = _text(client.get(quiet.get_absolute_url()))
    assert "No board has decided about this request yet." in page


def test_the_new_decision_link_on_the_request_page_works(client, board_member, board, berths):
    MeetingFactory(board=board)
    client.force_login(board_member)
    page = _text(client.get(berths.get_absolute_url()))
    link = f"/governance/decisions/new/?work_request={berths.pk}"
    assert link in page
    form = _text(client.get(link))
    assert f'<option value="{berths.pk}" selected>' in form


def test_the_admin_lists_and_finds_decisions_about_requests(client, meeting, berths):
    admin = UserFactory(is_staff=True, is_superuser=True, is_programme_office=True)
    client.force_login(admin, backend="heartbeat.accounts.backends.AccountsBackend")
    decision = DecisionFactory(meeting=meeting, work_request=berths, title="Endorse scoping")
    DecisionFactory(meeting=meeting, title="Agree the budget")
    page = _text(
        client.get(reverse("admin:governance_decision_changelist"), {"q": "harbour berths"})
    )
    assert "Endorse scoping" in page and "Agree the budget" not in page
    assert str(berths) in page
    change = client.get(reverse("admin:governance_decision_change", args=[decision.pk]))
    assert change.status_code == 200
    assert berths.title in _text(change)
    assert client.get(reverse("admin:governance_decision_add")).status_code == 403


# The API ------------------------------------------------------------------------------------


def test_the_api_records_filters_and_corrects_decisions_about_requests(
    client, board_member, meeting, berths
):
    headers = _auth(board_member)
    body = {
        "meeting": meeting.pk,
        "title": "Endorse scoping a shared berth booking service",
        "outcome": "approved",
        "work_request": berths.pk,
    }
    response = client.post(
        f"{API}/decisions", data=json.dumps(body), content_type="application/json", **headers
    )
    assert response.status_code == 201, response.json()
    made = response.json()
    assert made["work_request"] == {
        "id": berths.pk,
        "reference": berths.reference,
        "title": berths.title,
        "state": "accepted",
        "url": berths.get_absolute_url(),
    }
    assert made["project"] is None and made["product"] is None
    DecisionFactory(meeting=meeting, title="Agree the budget")
    listed = client.get(f"{API}/decisions", {"work_request": berths.pk}, **headers).json()
    assert [d["id"] for d in listed["items"]] == [made["id"]]
    assert client.get(f"{API}/decisions", **headers).json()["count"] == 2
    # Correct it to be about the programme as a whole.
    response = client.put(
        f"{API}/decisions/{made['id']}",
        data=json.dumps({**body, "work_request": None, "version": 1}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200, response.json()
    assert response.json()["work_request"] is None
    # A visitor may not see the request, so may not filter by it either.
    assert client.get(f"{API}/decisions", {"work_request": berths.pk}).status_code == 422


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"work_request": 987654}, 422, "invalid_input"),
        ({"work_request": 0}, 422, "invalid_input"),
        ({"work_request": 2**31}, 422, "invalid_input"),
        ({"work_request": "WR-0001"}, 422, "invalid_input"),
        ({"project": "P"}, 422, "decision_one_subject"),
        ({"product": "R"}, 422, "decision_one_subject"),
    ],
)
def test_the_api_refuses_bad_subjects_with_stable_codes(
    client, board_member, meeting, berths, changes, status, code
):
    if changes.get("project") == "P":
        changes["project"] = ProjectFactory().slug
    if changes.get("product") == "R":
        changes["product"] = ProductFactory().slug
    body = {
        "meeting": meeting.pk,
        "title": "Endorse it",
        "outcome": "approved",
        "work_request": berths.pk,
        **changes,
    }
    response = client.post(
        f"{API}/decisions",
        data=json.dumps(body),
        content_type="application/json",
        **_auth(board_member),
    )
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    if code == "decision_one_subject" or changes["work_request"] == 987654:
        assert response.json()["field"] == "work_request"
    assert not Decision.objects.exists()


def test_the_api_filter_takes_an_id_or_a_reference_and_refuses_others(
    client, member, meeting, berths
):
    decision = DecisionFactory(meeting=meeting, work_request=berths)
    DecisionFactory(meeting=meeting)
    headers = _auth(member)
    for value in (str(berths.pk), berths.reference):
        body = client.get(f"{API}/decisions", {"work_request": value}, **headers).json()
        assert [d["id"] for d in body["items"]] == [decision.pk], value
    for value in ("0", "-1", str(2**31), "WR-9999", "x", "1" * 14):
        response = client.get(f"{API}/decisions", {"work_request": value}, **headers)
        assert response.status_code == 422, value
        assert response.json()["code"] == "invalid_input"


# Query budgets ------------------------------------------------------------------------------


def test_the_request_page_keeps_its_budget(
    client, member, board_member, programme_office, meeting, berths
):
    def decisions(n):
        for _ in range(berths.decisions.count(), n):
            DecisionFactory(
                meeting=MeetingFactory(board=meeting.board),
                work_request=berths,
                conditions="Report back",
            )

    url = berths.get_absolute_url()
    for person in (member, board_member, programme_office):
        client.force_login(person)
        counts = assert_same_queries(decisions, lambda: client.get(url), budget=20)
        berths.decisions.all().delete()
        # The section costs the decisions and, for someone who may sit on a board, their
        # seats: two queries at most over the page without it.
        with hooks.request_sections.replaced({}):
            without = queries_for(lambda: client.get(url))
        assert counts[0] - without <= 2, person


def test_the_section_and_the_log_keep_their_budget(member, meeting, berths):
    from heartbeat.core.registry import Section
    from heartbeat.governance.sections import request_decisions_section

    class Request:
        user = member

    def decisions(n):
        for i in range(Decision.objects.count(), n):
            subject = {"work_request": berths} if i % 2 else {"work_request": WorkRequestFactory()}
            DecisionFactory(meeting=meeting, **subject)

    def section():
        permissions.forget_boards(member)
        result = request_decisions_section(Request(), berths)
        assert isinstance(result, Section)

    assert_same_queries(decisions, section, budget=2)
    assert_same_queries(
        decisions, lambda: list(selectors.decision_log(member)[:25]), sizes=(31, 60), budget=1
    )
    assert_same_queries(
        decisions,
        lambda: selectors.decision_export_rows(selectors.decision_log(member), ""),
        sizes=(61, 90),
        budget=1,
    )
