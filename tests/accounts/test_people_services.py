"""People administration: roles, moves, leavers and returners, each with who and why, and
nothing ever deleted."""

import pytest

from heartbeat.accounts import services
from heartbeat.accounts.models import Role, User
from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.recruitment.models import Pledge, PledgeStatus
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

NOT_OFFICE = ["member", "organisation_lead", "project_lead", "board_member"]


@pytest.fixture
def colleague(council):
    return UserFactory(organisation=council, full_name="Morag Reid", is_project_lead=True)


@pytest.fixture
def other_office(programme_office):
    return UserFactory(
        organisation=programme_office.organisation,
        email="second@digitaloffice.scot",
        is_programme_office=True,
    )


# Roles -------------------------------------------------------------------------------------


def test_roles_change_with_the_reason_in_the_history(programme_office, colleague):
    services.user_set_roles(
        actor=programme_office,
        user=colleague,
        roles=[Role.ORGANISATION_LEAD],
        reason="Appointed Chief Digital Officer",
        expected_version=colleague.version,
    )
    colleague.refresh_from_db()
    assert colleague.roles == [Role.ORGANISATION_LEAD]
    assert colleague.version == 2
    latest = colleague.history.first()
    assert latest.history_user == programme_office
    assert latest.history_change_reason == "Appointed Chief Digital Officer"


def test_roles_read_from_an_older_version_conflict(programme_office, other_office, colleague):
    read = colleague.version
    services.user_set_roles(
        actor=other_office, user=colleague, roles=[], reason="Stepped back", expected_version=read
    )
    with pytest.raises(Conflict) as error:
        services.user_set_roles(
            actor=programme_office,
            user=colleague,
            roles=[Role.BOARD_MEMBER],
            reason="Joined the board",
            expected_version=read,
        )
    assert error.value.status == 409
    assert error.value.extra["version"] == read + 1
    assert other_office.display_name in error.value.message
    colleague.refresh_from_db()
    assert colleague.roles == []


def test_two_office_people_deactivating_each_other_leave_one_in_the_office(
    programme_office, other_office
):
    """Each read the other as active when their request began; the second to write is no
    longer in the office, so its change is refused and one person stays."""
    as_read_by_other = User.objects.get(pk=other_office.pk)
    services.person_deactivate(actor=programme_office, person=other_office, reason="Left")
    with pytest.raises(PermissionDenied):
        services.person_deactivate(actor=as_read_by_other, person=programme_office, reason="Left")
    assert list(User.objects.filter(is_active=True, is_programme_office=True)) == [programme_office]


def test_the_last_office_person_keeps_the_role_when_removed_one_after_the_other(
    programme_office, other_office
):
    as_read_by_other = User.objects.get(pk=other_office.pk)
    services.user_set_roles(actor=programme_office, user=other_office, roles=[], reason="Moved")
    with pytest.raises(PermissionDenied):
        services.user_set_roles(
            actor=as_read_by_other, user=programme_office, roles=[], reason="Moved"
        )
    programme_office.refresh_from_db()
    assert programme_office.is_programme_office


def test_unknown_roles_are_refused(programme_office, colleague):
    with pytest.raises(InvalidInput) as error:
        services.user_set_roles(
            actor=programme_office, user=colleague, roles=["superhero"], reason="Why not"
        )
    assert error.value.field == "roles"


# Reasons -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Enter the reason"),
        ("   ", "Enter the reason"),
        ("x" * 501, "500 characters or fewer"),
        ("Left\x00", "cannot be saved"),
    ],
)
def test_every_change_needs_a_sensible_reason(programme_office, colleague, reason, message):
    before = colleague.history.count()
    for change in (
        lambda: services.user_set_roles(
            actor=programme_office, user=colleague, roles=[], reason=reason
        ),
        lambda: services.person_move(
            actor=programme_office,
            person=colleague,
            organisation=OrganisationFactory(),
            reason=reason,
        ),
        lambda: services.person_deactivate(actor=programme_office, person=colleague, reason=reason),
    ):
        with pytest.raises(InvalidInput) as error:
            change()
        assert error.value.field == "reason"
        assert message in error.value.message
    colleague.refresh_from_db()
    assert colleague.is_active and colleague.is_project_lead
    assert colleague.history.count() == before


def test_a_reason_of_500_characters_is_kept_whole(programme_office, colleague):
    reason = "y" * 500
    services.person_deactivate(actor=programme_office, person=colleague, reason=reason)
    assert colleague.history.first().history_change_reason == reason


# Moving ------------------------------------------------------------------------------------


def test_moving_ends_the_organisation_lead_role(programme_office, organisation_lead, other_council):
    services.person_move(
        actor=programme_office,
        person=organisation_lead,
        organisation=other_council,
        reason="Joined Angus Council",
        expected_version=1,
    )
    organisation_lead.refresh_from_db()
    assert organisation_lead.organisation == other_council
    assert not organisation_lead.is_organisation_lead
    record = organisation_lead.history.first()
    assert record.history_change_reason == "Joined Angus Council"
    assert record.organisation_id == other_council.pk


def test_moving_to_the_same_or_an_inactive_organisation_is_refused(
    programme_office, member, council
):
    with pytest.raises(InvalidInput) as error:
        services.person_move(
            actor=programme_office, person=member, organisation=council, reason="x"
        )
    assert error.value.code == "no_change"
    gone = OrganisationFactory(active=False)
    with pytest.raises(InvalidInput) as error:
        services.person_move(actor=programme_office, person=member, organisation=gone, reason="x")
    assert error.value.field == "organisation"


def test_an_account_without_an_organisation_can_be_given_one(council):
    admin = User.objects.create_superuser("admin@example.scot", "a-long-enough-password")
    assert admin.organisation is None
    services.person_move(actor=admin, person=admin, organisation=council, reason="Joining")
    admin.refresh_from_db()
    assert admin.organisation == council


# Leavers -----------------------------------------------------------------------------------


def test_deactivating_a_leaver_deletes_nothing(programme_office, colleague, pledge_for):
    pledge = pledge_for(colleague)
    skills_before = colleague.skills.count()
    services.person_deactivate(
        actor=programme_office,
        person=colleague,
        reason="Left the council on 28 November 2026",
        expected_version=colleague.version,
    )
    colleague.refresh_from_db()
    assert not colleague.is_active
    assert colleague.skills.count() == skills_before
    pledge.refresh_from_db()
    assert pledge.person == colleague
    assert pledge.status == PledgeStatus.ACTIVE
    assert Pledge.objects.filter(person=colleague).count() == 1
    assert colleague.history.first().history_change_reason == "Left the council on 28 November 2026"


def test_a_deactivated_person_cannot_sign_in(client, programme_office, colleague):
    services.person_deactivate(actor=programme_office, person=colleague, reason="Left")
    response = client.post(
        "/accounts/sign-in/", {"username": colleague.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_nobody_deactivates_themselves_or_twice(programme_office, colleague):
    with pytest.raises(ApplicationError) as error:
        services.person_deactivate(actor=programme_office, person=programme_office, reason="x")
    assert error.value.code == "own_account"
    services.person_deactivate(actor=programme_office, person=colleague, reason="Left")
    with pytest.raises(ApplicationError) as error:
        services.person_deactivate(actor=programme_office, person=colleague, reason="Left")
    assert error.value.code == "already_deactivated"
    assert error.value.status == 409


def test_reactivating_restores_access_with_the_same_roles(programme_office, colleague):
    services.person_deactivate(actor=programme_office, person=colleague, reason="Left")
    with pytest.raises(ApplicationError) as error:
        services.person_reactivate(actor=programme_office, person=User(pk=colleague.pk), reason="")
    assert error.value.field == "reason"
    services.person_reactivate(
        actor=programme_office, person=colleague, reason="Back from secondment"
    )
    colleague.refresh_from_db()
    assert colleague.is_active and colleague.is_project_lead
    with pytest.raises(ApplicationError) as error:
        services.person_reactivate(actor=programme_office, person=colleague, reason="Again")
    assert error.value.code == "already_active"


# Permission matrix -------------------------------------------------------------------------


@pytest.mark.parametrize("role", NOT_OFFICE)
def test_only_the_programme_office_administers_people(
    user_for_role, role, colleague, other_council
):
    actor = user_for_role(role)
    before = colleague.history.count()
    changes = [
        lambda: services.user_set_roles(actor=actor, user=colleague, roles=[], reason="x"),
        lambda: services.person_move(
            actor=actor, person=colleague, organisation=other_council, reason="x"
        ),
        lambda: services.person_deactivate(actor=actor, person=colleague, reason="x"),
        lambda: services.person_reactivate(actor=actor, person=colleague, reason="x"),
    ]
    for change in changes:
        with pytest.raises(PermissionDenied):
            change()
    colleague.refresh_from_db()
    assert colleague.is_active and colleague.organisation_id != other_council.pk
    assert colleague.history.count() == before


def test_an_organisation_lead_cannot_deactivate_their_own_people(organisation_lead, colleague):
    with pytest.raises(PermissionDenied):
        services.person_deactivate(actor=organisation_lead, person=colleague, reason="Left")


@pytest.mark.django_db(transaction=True)
def test_deactivating_each_other_at_the_same_moment_leaves_one_in_the_office(
    programme_office, other_office
):
    """Two real connections on PostgreSQL, each deactivating the other at once."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time, so the two requests cannot overlap.")
    import threading

    from django.db import connections

    barrier = threading.Barrier(2)
    outcomes = []

    def deactivate(actor_pk, person_pk):
        try:
            actor, person = User.objects.get(pk=actor_pk), User.objects.get(pk=person_pk)
            barrier.wait(timeout=10)
            services.person_deactivate(actor=actor, person=person, reason="Left")
            outcomes.append("done")
        except ApplicationError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=deactivate, args=(programme_office.pk, other_office.pk)),
        threading.Thread(target=deactivate, args=(other_office.pk, programme_office.pk)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["done", "permission_denied"]
    assert User.objects.filter(is_active=True, is_programme_office=True).count() == 1
