"""Who may do what on the project pages: every page and action against every role.

"project_lead" leads the project under test; "other_project_lead" is a project lead from
another council who does not. Visitors are sent to sign in for actions that need it.
"""

import pytest
from django.urls import reverse

from heartbeat.portfolio.models import Project, Stage, Visibility
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory, complete_definition
from tests.portfolio.formdata import project_post

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "member",
    "organisation_lead",
    "project_lead",
    "other_project_lead",
    "board_member",
    "programme_office",
]

SIGN_IN = "sign in"
OK, CREATED, FORBIDDEN, NOT_FOUND, MOVED = 200, 302, 403, 404, 302


@pytest.fixture
def other_project_lead(other_council):
    return UserFactory(organisation=other_council, is_project_lead=True)


@pytest.fixture
def actor(request, user_for_role):
    def _actor(role):
        if role == "other_project_lead":
            return request.getfixturevalue("other_project_lead")
        return user_for_role(role)

    return _actor


@pytest.fixture
def project(project_lead):
    return complete_definition(
        ProjectFactory(
            title="Digital telecare",
            slug="digital-telecare",
            project_lead=project_lead,
            lead_organisation=project_lead.organisation,
            visibility=Visibility.PUBLIC,
        )
    )


@pytest.fixture
def private_project(project_lead):
    return ProjectFactory(
        slug="partnership-plan",
        project_lead=project_lead,
        lead_organisation=project_lead.organisation,
        visibility=Visibility.PARTNERSHIP,
    )


def _everyone(status):
    return dict.fromkeys(ROLES, status)


def _signed_in(status, **exceptions):
    return {**_everyone(status), "anonymous": SIGN_IN, **exceptions}


MATRIX = {
    "view programme": _everyone(OK),
    "view catalogue": _everyone(OK),
    "download catalogue": _everyone(OK),
    "view public project": _everyone(OK),
    "view partnership project": {**_everyone(OK), "anonymous": NOT_FOUND},
    "view public project history": _everyone(OK),
    "view partnership project history": {**_everyone(OK), "anonymous": NOT_FOUND},
    "download public definition": _everyone(OK),
    "download partnership definition": {**_everyone(OK), "anonymous": NOT_FOUND},
    "open create form": _signed_in(OK, member=FORBIDDEN, board_member=FORBIDDEN),
    "create project": _signed_in(CREATED, member=FORBIDDEN, board_member=FORBIDDEN),
    "open edit form": _signed_in(FORBIDDEN, project_lead=OK, programme_office=OK),
    "edit project": _signed_in(FORBIDDEN, project_lead=MOVED, programme_office=MOVED),
    "edit partnership project": {
        **_signed_in(FORBIDDEN, project_lead=MOVED, programme_office=MOVED),
        "anonymous": SIGN_IN,
    },
    "mark as defined": _signed_in(FORBIDDEN, project_lead=MOVED, programme_office=MOVED),
    "approve": _signed_in(FORBIDDEN, programme_office=MOVED),
    "reopen the definition": _signed_in(FORBIDDEN, project_lead=MOVED, programme_office=MOVED),
    "pause": _signed_in(FORBIDDEN, programme_office=MOVED),
}

CASES = [(action, role, MATRIX[action][role]) for action in MATRIX for role in ROLES]


def _edit_data(project):
    requirement = project.requirements.get()
    return project_post(
        theme=project.theme,
        version=project.version,
        title="Renamed",
        slug=project.slug,
        visibility=project.visibility,
        rows={"requirements": [{"id": requirement.pk, "text": "Changed", "priority": "must"}]},
        initial_counts={"requirements": 1},
    )


def _do(action, client, project, private_project):
    detail = reverse("portfolio:project_detail", args=[project.slug])
    move_url = reverse("portfolio:project_move", args=[project.slug])
    if action == "view programme":
        return client.get(reverse("portfolio:programme"))
    if action == "view catalogue":
        return client.get(reverse("portfolio:project_list"))
    if action == "download catalogue":
        return client.get(reverse("portfolio:project_list"), {"format": "csv"})
    if action == "view public project":
        return client.get(detail)
    if action == "view partnership project":
        return client.get(private_project.get_absolute_url())
    if action == "view public project history":
        return client.get(reverse("portfolio:project_history", args=[project.slug]))
    if action == "view partnership project history":
        return client.get(reverse("portfolio:project_history", args=[private_project.slug]))
    if action == "download public definition":
        return client.get(reverse("portfolio:project_pdf", args=[project.slug]))
    if action == "download partnership definition":
        return client.get(reverse("portfolio:project_pdf", args=[private_project.slug]))
    if action == "open create form":
        return client.get(reverse("portfolio:project_create"))
    if action == "create project":
        theme = ThemeFactory()
        return client.post(
            reverse("portfolio:project_create"), project_post(theme=theme, title="New one")
        )
    if action == "open edit form":
        return client.get(reverse("portfolio:project_edit", args=[project.slug]))
    if action == "edit project":
        return client.post(
            reverse("portfolio:project_edit", args=[project.slug]), _edit_data(project)
        )
    if action == "edit partnership project":
        complete_definition(private_project)
        return client.post(
            reverse("portfolio:project_edit", args=[private_project.slug]),
            _edit_data(private_project),
        )
    if action == "mark as defined":
        return client.post(move_url, {"to_stage": "defined"})
    if action == "approve":
        Project.objects.filter(pk=project.pk).update(stage=Stage.DEFINED)
        return client.post(move_url, {"to_stage": "approved"})
    if action == "reopen the definition":
        Project.objects.filter(pk=project.pk).update(stage=Stage.DEFINED)
        return client.post(move_url, {"to_stage": "proposed"})
    if action == "pause":
        return client.post(move_url, {"to_stage": "paused", "reason": "Waiting for funding"})
    raise AssertionError(f"unknown action {action}")


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_permission_matrix(action, role, expected, actor, client_for, project, private_project):
    user = actor(role)
    response = _do(action, client_for(user), project, private_project)
    if expected == SIGN_IN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
        return
    assert response.status_code == expected, response.content[:500]
    if expected == FORBIDDEN:
        project.refresh_from_db()
        assert project.title == "Digital telecare"
        assert project.stage in (Stage.PROPOSED, Stage.DEFINED)
