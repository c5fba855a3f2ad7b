import datetime

import pytest
from django.core import mail
from django.utils import timezone

from heartbeat.accounts import services
from heartbeat.accounts.models import ApiToken, Invitation, InvitationStatus, Role, User
from heartbeat.core.exceptions import ApplicationError, InvalidInput, PermissionDenied
from tests.factories import OrganisationFactory, UserFactory

STRONG_PASSWORD = "lighthouse-morning-tide-42"


@pytest.fixture
def invite(programme_office, council, django_capture_on_commit_callbacks):
    """Invite someone as the programme office, running the on-commit email."""

    def _invite(email="new.person@aberdeencity.gov.uk", roles=(), **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.invitation_create(
                actor=kwargs.pop("actor", programme_office),
                email=email,
                full_name=kwargs.pop("full_name", "Morag Grant"),
                organisation=kwargs.pop("organisation", council),
                roles=roles,
            )

    return _invite


class TestInvitationCreate:
    def test_stores_only_the_hash_and_emails_the_link(self, invite, settings):
        invitation, raw = invite(roles=[Role.PROJECT_LEAD])

        assert invitation.token_hash == Invitation.hash_token(raw)
        assert raw not in invitation.token_hash
        assert invitation.roles == ["project_lead"]
        assert invitation.status_code == InvitationStatus.PENDING
        valid_for = invitation.expires_at - invitation.created_at
        assert valid_for == datetime.timedelta(days=settings.INVITATION_VALID_DAYS)
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["new.person@aberdeencity.gov.uk"]
        assert f"/accounts/invitation/{raw}/" in message.body
        assert "Aberdeen City" in message.body
        assert f"{settings.INVITATION_VALID_DAYS} days" in message.body

    def test_email_is_normalised_to_lower_case(self, invite):
        invitation, _raw = invite(email="  Morag.Grant@AberdeenCity.gov.uk ")
        assert invitation.email == "morag.grant@aberdeencity.gov.uk"

    def test_no_email_is_sent_if_the_transaction_rolls_back(self, programme_office, council):
        # Without the commit callbacks running (the test's transaction never commits),
        # nothing is sent.
        services.invitation_create(
            actor=programme_office,
            email="x@aberdeencity.gov.uk",
            full_name="X",
            organisation=council,
        )
        assert mail.outbox == []

    def test_refuses_an_email_already_registered_whatever_its_case(self, invite, member):
        with pytest.raises(ApplicationError) as error:
            invite(email=member.email.upper())
        assert error.value.code == "email_registered"
        assert error.value.status == 409
        assert error.value.field == "email"
        assert f"already an account for {member.email}" in error.value.message
        assert Invitation.objects.count() == 0
        assert mail.outbox == []

    def test_replaces_an_earlier_pending_invitation(self, invite):
        first, first_raw = invite(email="someone@aberdeencity.gov.uk")
        second, second_raw = invite(email="SOMEONE@aberdeencity.gov.uk")

        first.refresh_from_db()
        assert first.status_code == InvitationStatus.REVOKED
        assert second.status_code == InvitationStatus.PENDING
        assert first_raw != second_raw
        assert len(mail.outbox) == 2

    def test_only_the_programme_office_can_invite(self, organisation_lead, council):
        with pytest.raises(PermissionDenied):
            services.invitation_create(
                actor=organisation_lead,
                email="x@aberdeencity.gov.uk",
                full_name="X",
                organisation=council,
            )

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"email": "not-an-email"}, "email"),
            ({"full_name": "  "}, "full_name"),
            ({"roles": ["emperor"]}, "roles"),
        ],
    )
    def test_refuses_bad_input(self, invite, changes, field):
        kwargs = {"email": "x@aberdeencity.gov.uk", **changes}
        with pytest.raises(InvalidInput) as error:
            invite(**kwargs)
        assert error.value.field == field

    def test_refuses_an_organisation_that_is_not_active(self, invite):
        gone = OrganisationFactory(name="Former Council", active=False)
        with pytest.raises(InvalidInput) as error:
            invite(organisation=gone)
        assert error.value.field == "organisation"


class TestInvitationAccept:
    def test_creates_the_user_with_organisation_name_and_roles(self, invite, council):
        invitation, raw = invite(roles=[Role.ORGANISATION_LEAD, Role.BOARD_MEMBER])

        user = services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)

        assert user.email == invitation.email
        assert user.full_name == "Morag Grant"
        assert user.organisation == council
        assert user.is_organisation_lead and user.is_board_member
        assert not user.is_programme_office and not user.is_project_lead
        assert user.check_password(STRONG_PASSWORD)
        invitation.refresh_from_db()
        assert invitation.status_code == InvitationStatus.ACCEPTED
        assert invitation.user == user

    def test_the_link_works_once(self, invite):
        _invitation, raw = invite()
        services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        with pytest.raises(ApplicationError) as error:
            services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        assert error.value.status == 410
        assert error.value.code == "invitation_used"

    def test_an_expired_link_is_refused(self, invite):
        invitation, raw = invite()
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        with pytest.raises(ApplicationError) as error:
            services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        assert error.value.status == 410
        assert "expired" in error.value.message
        assert "Digital Office" in error.value.message
        assert not User.objects.filter(email=invitation.email).exists()

    def test_a_revoked_link_is_refused(self, invite, programme_office):
        invitation, raw = invite()
        services.invitation_revoke(actor=programme_office, invitation=invitation)
        with pytest.raises(ApplicationError) as error:
            services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        assert error.value.code == "invitation_revoked"
        assert error.value.status == 410

    def test_an_unknown_link_is_not_found(self, db):
        with pytest.raises(ApplicationError) as error:
            services.invitation_accept(raw_token="made-up", password=STRONG_PASSWORD)
        assert error.value.status == 404

    def test_weak_passwords_are_refused_by_the_validators(self, invite):
        invitation, raw = invite()
        with pytest.raises(InvalidInput) as error:
            services.invitation_accept(raw_token=raw, password="12345")
        assert "too short" in error.value.message
        assert not User.objects.filter(email=invitation.email).exists()
        invitation.refresh_from_db()
        assert invitation.accepted_at is None


class TestInvitationRevoke:
    def test_revokes_a_pending_invitation(self, invite, programme_office):
        invitation, _raw = invite()
        services.invitation_revoke(actor=programme_office, invitation=invitation)
        invitation.refresh_from_db()
        assert invitation.status_code == InvitationStatus.REVOKED

    def test_an_accepted_invitation_cannot_be_revoked(self, invite, programme_office):
        invitation, raw = invite()
        services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        with pytest.raises(ApplicationError) as error:
            services.invitation_revoke(actor=programme_office, invitation=invitation)
        assert error.value.status == 409

    def test_only_the_programme_office_can_revoke(self, invite, member):
        invitation, _raw = invite()
        with pytest.raises(PermissionDenied):
            services.invitation_revoke(actor=member, invitation=invitation)


class TestProfile:
    def test_updates_own_name_and_job_title(self, member):
        services.user_update_profile(
            actor=member, user=member, full_name=" Ailsa Reid ", job_title="Digital lead"
        )
        member.refresh_from_db()
        assert member.full_name == "Ailsa Reid"
        assert member.job_title == "Digital lead"
        assert member.history.first().history_user == member

    def test_cannot_update_someone_else(self, member, organisation_lead):
        with pytest.raises(PermissionDenied):
            services.user_update_profile(actor=organisation_lead, user=member, full_name="X")

    def test_name_is_required(self, member):
        with pytest.raises(InvalidInput) as error:
            services.user_update_profile(actor=member, user=member, full_name=" ")
        assert error.value.field == "full_name"


class TestSetRoles:
    def test_changes_roles_and_history_records_who(self, programme_office, member):
        before = member.history.count()

        services.user_set_roles(
            actor=programme_office,
            user=member,
            roles=[Role.PROJECT_LEAD, Role.BOARD_MEMBER],
            reason="Now leads the council's telecare work",
        )

        member.refresh_from_db()
        assert member.roles == ["project_lead", "board_member"]
        assert member.history.count() == before + 1
        latest = member.history.first()
        assert latest.is_project_lead and latest.is_board_member
        assert latest.history_user == programme_office
        assert latest.history_change_reason == "Now leads the council's telecare work"
        previous = latest.prev_record
        assert not previous.is_project_lead
        changed = {change.field for change in latest.diff_against(previous).changes}
        assert changed == {"is_project_lead", "is_board_member"}

    def test_no_change_is_refused_and_records_no_history(self, programme_office, project_lead):
        before = project_lead.history.count()
        with pytest.raises(InvalidInput) as error:
            services.user_set_roles(
                actor=programme_office,
                user=project_lead,
                roles=[Role.PROJECT_LEAD],
                reason="Checking",
            )
        assert error.value.code == "no_change"
        assert project_lead.history.count() == before

    @pytest.mark.parametrize(
        "role", ["member", "organisation_lead", "project_lead", "board_member"]
    )
    def test_only_the_programme_office_can_change_roles(self, user_for_role, role, member):
        actor = user_for_role(role)
        with pytest.raises(PermissionDenied):
            services.user_set_roles(
                actor=actor, user=member, roles=[Role.PROGRAMME_OFFICE], reason="Promotion"
            )
        member.refresh_from_db()
        assert member.roles == []

    def test_cannot_remove_own_programme_office_role(self, programme_office):
        with pytest.raises(ApplicationError) as error:
            services.user_set_roles(
                actor=programme_office, user=programme_office, roles=[], reason="Stepping down"
            )
        assert "colleague" in error.value.message
        programme_office.refresh_from_db()
        assert programme_office.is_programme_office


class TestApiTokens:
    def test_create_returns_the_raw_token_once_and_stores_its_hash(self, member):
        token, raw = services.api_token_create(actor=member, name="Reports")

        assert raw.startswith("hbt_")
        assert token.token_hash == ApiToken.hash_token(raw)
        assert token.prefix == raw[:12]
        assert not ApiToken.objects.filter(token_hash=raw).exists()
        assert token.user == member
        assert token.status == "Active"

    def test_name_is_required_and_unique_among_active_tokens(self, member):
        services.api_token_create(actor=member, name="Reports")
        with pytest.raises(InvalidInput) as error:
            services.api_token_create(actor=member, name="reports")
        assert "already have a token" in error.value.message
        with pytest.raises(InvalidInput):
            services.api_token_create(actor=member, name="  ")

    def test_revoke_own_token(self, member):
        token, _raw = services.api_token_create(actor=member, name="Reports")
        services.api_token_revoke(actor=member, token=token)
        token.refresh_from_db()
        assert token.revoked_at is not None
        assert token.status == "Revoked"
        # A revoked token's name can be used again.
        services.api_token_create(actor=member, name="Reports")

    def test_cannot_revoke_someone_elses_token(self, member, programme_office):
        token, _raw = services.api_token_create(actor=member, name="Reports")
        with pytest.raises(PermissionDenied):
            services.api_token_revoke(actor=programme_office, token=token)
        token.refresh_from_db()
        assert token.revoked_at is None


def test_a_user_created_by_the_factory_has_no_extra_roles(db):
    assert UserFactory().roles == []
