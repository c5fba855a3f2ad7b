"""Who may do what with work requests: each role against each action, own council against
another, through the predicates and through the pages."""

import pytest

from heartbeat.work_requests import permissions
from heartbeat.work_requests.models import State, Support
from tests.conftest import ROLE_FIXTURES
from tests.work_requests.factories import SupportFactory, WorkRequestFactory, pdf_upload

# member, organisation_lead and project_lead are of Aberdeen City (the council); board_member
# is of Angus (the other council); programme_office of the Digital Office.
SIGNED_IN = {role: role != "anonymous" for role in ROLE_FIXTURES}
RAISE = {**SIGNED_IN, "programme_office": False}
# A request Aberdeen City raised, by its member.
EDIT_OWN = {
    "anonymous": False,
    "member": True,  # raised it
    "organisation_lead": True,  # leads the council
    "project_lead": False,  # of the council, but neither raised it nor leads the council
    "board_member": False,  # of Angus
    "programme_office": True,
}
SUPPORT_ABERDEENS = {
    "anonymous": False,
    "member": False,
    "organisation_lead": False,
    "project_lead": False,
    "board_member": True,
    "programme_office": False,
}
SUPPORT_ANGUS = {
    "anonymous": False,
    "member": True,
    "organisation_lead": True,
    "project_lead": True,
    "board_member": False,
    "programme_office": False,
}
TRIAGE = {role: role == "programme_office" for role in ROLE_FIXTURES}


@pytest.fixture
def aberdeens(member):
    return WorkRequestFactory(organisation=member.organisation, raised_by=member)


@pytest.fixture
def anguss(other_council):
    return WorkRequestFactory(organisation=other_council)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_viewing_raising_commenting_and_triaging(user_for_role, role, aberdeens):
    user = user_for_role(role)
    assert permissions.can_view_requests(user) is SIGNED_IN[role]
    assert permissions.can_view_request(user, aberdeens) is SIGNED_IN[role]
    assert permissions.can_view_attachment(user, aberdeens) is SIGNED_IN[role]
    assert permissions.can_comment(user, aberdeens) is SIGNED_IN[role]
    assert permissions.can_export(user) is SIGNED_IN[role]
    assert permissions.can_raise(user) is RAISE[role]
    assert permissions.can_triage(user) is TRIAGE[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_changing_and_attaching_to_a_request(user_for_role, role, aberdeens):
    user = user_for_role(role)
    assert permissions.can_edit(user, aberdeens) is EDIT_OWN[role]
    assert permissions.can_add_attachment(user, aberdeens) is EDIT_OWN[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("state", [State.ACCEPTED, State.DECLINED, State.DUPLICATE])
def test_nobody_changes_a_decided_request(user_for_role, role, aberdeens, state):
    aberdeens.state = state
    assert not permissions.can_edit(user_for_role(role), aberdeens)
    assert not permissions.can_support(user_for_role(role), aberdeens)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_supporting_own_council_against_another(user_for_role, role, aberdeens, anguss):
    user = user_for_role(role)
    assert permissions.can_support(user, aberdeens) is SUPPORT_ABERDEENS[role]
    assert permissions.can_support(user, anguss) is SUPPORT_ANGUS[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_withdrawing_a_councils_support(user_for_role, role, anguss, council, member):
    support = SupportFactory(work_request=anguss, organisation=council, supported_by=member)
    expected = {
        "anonymous": False,
        "member": True,  # gave it
        "organisation_lead": True,  # leads the supporting council
        "project_lead": False,
        "board_member": False,  # of Angus, whose request it is
        "programme_office": True,
    }
    assert permissions.can_withdraw_support(user_for_role(role), support) is expected[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_linking_a_project(user_for_role, role, aberdeens):
    aberdeens.state = State.ACCEPTED
    assert permissions.can_link_project(user_for_role(role), aberdeens) is TRIAGE[role]


# Through the pages ---------------------------------------------------------------------------


def _status(client, method, url, data=None):
    response = getattr(client, method)(url, data or {})
    return response.status_code


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_pages_answer_each_role(client_for, user_for_role, role, aberdeens):
    client = client_for(user_for_role(role))
    anonymous = role == "anonymous"
    # Anonymous visitors are sent to sign in; signed-in people get what their role allows.
    expected = {
        "/requests/": 200,
        f"/requests/{aberdeens.pk}/": 200,
        "/requests/new/": 200 if RAISE[role] else 403,
        f"/requests/{aberdeens.pk}/edit/": 200 if EDIT_OWN[role] else 403,
        f"/requests/{aberdeens.pk}/triage/": 200 if TRIAGE[role] else 403,
        "/requests/?format=csv": 200,
    }
    for url, status in expected.items():
        got = _status(client, "get", url)
        assert got == (302 if anonymous else status), (url, got)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_posting_support_to_another_councils_request(client_for, user_for_role, role, anguss):
    client = client_for(user_for_role(role))
    got = _status(client, "post", f"/requests/{anguss.pk}/support/", {"need": "Ours too."})
    if role == "anonymous":
        assert got == 302
    elif SUPPORT_ANGUS[role]:
        assert got == 302 and Support.objects.filter(work_request=anguss).count() == 1
    else:
        assert got in (403, 409) and not Support.objects.exists()


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_posting_a_file(client_for, user_for_role, role, aberdeens, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    client = client_for(user_for_role(role))
    got = _status(
        client, "post", f"/requests/{aberdeens.pk}/attachments/", {"attachment": pdf_upload()}
    )
    if role == "anonymous":
        assert got == 302 and not aberdeens.attachments.exists()
    elif EDIT_OWN[role]:
        assert got == 302 and aberdeens.attachments.count() == 1
    else:
        assert got == 403 and not aberdeens.attachments.exists()


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_posting_triage(client_for, user_for_role, role, aberdeens):
    client = client_for(user_for_role(role))
    got = _status(
        client,
        "post",
        f"/requests/{aberdeens.pk}/triage/",
        {"to_state": "under_review", "version": "1"},
    )
    aberdeens.refresh_from_db()
    if TRIAGE[role]:
        assert got == 302 and aberdeens.state == State.UNDER_REVIEW
    else:
        assert got in (302, 403) and aberdeens.state == State.SUBMITTED


def test_a_link_shown_works_for_that_person(client_for, board_member, aberdeens):
    """The page offers support to Angus's board member, and the form it shows works."""
    client = client_for(board_member)
    page = client.get(f"/requests/{aberdeens.pk}/").content.decode()
    assert f'action="/requests/{aberdeens.pk}/support/"' in page
    assert "Change the request" not in page and "Triage the request" not in page
    assert _status(client, "post", f"/requests/{aberdeens.pk}/support/", {"need": "Us"}) == 302
