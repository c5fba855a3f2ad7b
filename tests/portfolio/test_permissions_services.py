"""Who may do what with projects, checked through the services and selectors themselves."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from heartbeat.core.exceptions import NotFound, PermissionDenied
from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.models import Project, Stage, Visibility
from tests.conftest import ROLE_FIXTURES
from tests.factories import UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ThemeFactory,
    complete_definition,
    project_input,
)

pytestmark = pytest.mark.django_db

# The roles of the partnership, an organisation lead of another council, and the
# project's own lead (``project_lead`` leads other projects, not this one).
ROLES = [*ROLE_FIXTURES, "other_organisation_lead", "own_lead"]
SIGNED_IN = set(ROLES) - {"anonymous"}

ALLOWED = {
    "view_public": set(ROLES),
    "view_partnership": SIGNED_IN,
    "create": {
        "programme_office",
        "organisation_lead",
        "other_organisation_lead",
        "project_lead",
        "own_lead",
    },
    "edit": {"programme_office", "own_lead"},
    "mark_defined": {"programme_office", "own_lead"},
    "reopen_definition": {"programme_office", "own_lead"},
    "approve": {"programme_office"},
    "start_recruiting": {"programme_office"},
    "start_delivery": {"programme_office"},
    "close": {"programme_office"},
    "reopen_delivery": {"programme_office"},
    "pause": {"programme_office"},
    "resume": {"programme_office"},
    "cancel": {"programme_office"},
    "reopen_cancelled": {"programme_office"},
    "create_theme": {"programme_office"},
    "change_theme": {"programme_office"},
    "add_sub_area": {"programme_office"},
}

# Stage moves: (stage the project is in, where it goes, a reason if one is needed).
MOVES = {
    "mark_defined": (Stage.PROPOSED, Stage.DEFINED, ""),
    "reopen_definition": (Stage.DEFINED, Stage.PROPOSED, ""),
    "approve": (Stage.DEFINED, Stage.APPROVED, ""),
    "start_recruiting": (Stage.APPROVED, Stage.RECRUITING, ""),
    "start_delivery": (Stage.RECRUITING, Stage.IN_DELIVERY, ""),
    "close": (Stage.IN_DELIVERY, Stage.CLOSED, ""),
    "reopen_delivery": (Stage.CLOSED, Stage.IN_DELIVERY, "Phase two"),
    "pause": (Stage.APPROVED, Stage.PAUSED, "Elections"),
    "resume": (Stage.PAUSED, Stage.APPROVED, ""),
    "cancel": (Stage.RECRUITING, Stage.CANCELLED, "No longer needed"),
    "reopen_cancelled": (Stage.CANCELLED, Stage.PROPOSED, "Funding found"),
}


@pytest.fixture
def own_lead(council):
    return UserFactory(organisation=council, email="own@aberdeencity.gov.uk", is_project_lead=True)


@pytest.fixture
def actor_for(request):
    def _actor(role):
        if role == "anonymous":
            return AnonymousUser()
        return request.getfixturevalue(role)

    return _actor


@pytest.fixture
def project(council, own_lead):
    # Led by the council of ``organisation_lead``, so own organisation and another are
    # both in the matrix.
    return complete_definition(
        ProjectFactory(lead_organisation=council, project_lead=own_lead, title="Telecare")
    )


def _attempt(action, actor, project):
    if action == "view_public":
        return selectors.project_detail(actor, project.slug)
    if action == "view_partnership":
        Project.objects.filter(pk=project.pk).update(visibility=Visibility.PARTNERSHIP)
        return selectors.project_detail(actor, project.slug)
    if action == "create":
        return services.project_create(actor=actor, data=project_input(project.theme))
    if action == "edit":
        data = selectors.project_to_input(selectors.project_detail(actor, project.slug))
        data.summary = "A new summary"
        return services.project_update(
            actor=actor, project=project, data=data, expected_version=project.version
        )
    if action in MOVES:
        stage, to_stage, reason = MOVES[action]
        paused_from = Stage.APPROVED if stage == Stage.PAUSED else ""
        Project.objects.filter(pk=project.pk).update(stage=stage, paused_from=paused_from)
        project.refresh_from_db()
        return services.project_transition(
            actor=actor, project=project, to_stage=to_stage, reason=reason
        )
    if action == "create_theme":
        return services.theme_create(actor=actor, name="Digital Leadership", summary="Leaders")
    if action == "change_theme":
        return services.theme_update(actor=actor, theme=project.theme, data={"order": 9})
    if action == "add_sub_area":
        return services.sub_area_create(
            actor=actor, theme=ThemeFactory(), name="Learning and Teaching"
        )
    raise AssertionError(action)


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, action, actor_for, project):
    actor = actor_for(role)

    if role in ALLOWED[action]:
        assert _attempt(action, actor, project) is not None
    elif action.startswith("view"):
        with pytest.raises(Http404):
            _attempt(action, actor, project)
    else:
        with pytest.raises(PermissionDenied):
            _attempt(action, actor, project)


def test_a_refused_move_changes_nothing(project_lead, project):
    Project.objects.filter(pk=project.pk).update(stage=Stage.DEFINED)
    project.refresh_from_db()

    with pytest.raises(PermissionDenied):
        services.project_transition(actor=project_lead, project=project, to_stage="approved")

    project.refresh_from_db()
    assert (project.stage, project.version) == (Stage.DEFINED, 1)
    assert not project.transitions.exists()


def test_a_visitor_cannot_learn_of_a_partnership_project_through_a_service(project):
    Project.objects.filter(pk=project.pk).update(visibility=Visibility.PARTNERSHIP)

    with pytest.raises(NotFound):
        services.project_transition(actor=AnonymousUser(), project=project, to_stage=Stage.DEFINED)
    with pytest.raises(NotFound):
        services.project_update(
            actor=AnonymousUser(),
            project=project,
            data=project_input(project.theme),
            expected_version=1,
        )


def test_a_lead_who_is_replaced_loses_the_edit(programme_office, own_lead, project_lead, project):
    data = selectors.project_to_input(selectors.project_detail(programme_office, project.slug))
    data.project_lead_id = project_lead.pk
    services.project_update(actor=programme_office, project=project, data=data, expected_version=1)
    project.refresh_from_db()

    with pytest.raises(PermissionDenied):
        services.project_update(actor=own_lead, project=project, data=data, expected_version=2)
    data.summary = "Taken over"
    updated = services.project_update(
        actor=project_lead, project=project, data=data, expected_version=2
    )
    assert updated.summary == "Taken over"
