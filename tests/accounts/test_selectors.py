import datetime

import pytest
from django.utils import timezone

from heartbeat.accounts import selectors, services
from heartbeat.accounts.models import ApiToken, Invitation, InvitationStatus
from heartbeat.core.exceptions import ApplicationError
from tests.factories import OrganisationFactory
from tests.querybudget import assert_same_queries


def test_invitation_list_costs_the_same_at_3_and_30_rows(programme_office):
    def make_rows(n):
        while Invitation.objects.count() < n:
            i = Invitation.objects.count()
            services.invitation_create(
                actor=programme_office,
                email=f"person{i}@example.gov.uk",
                full_name=f"Person {i}",
                organisation=OrganisationFactory(),
            )

    def run():
        return [
            (i.organisation.name, i.invited_by.display_name, i.status)
            for i in selectors.invitation_list()
        ]

    assert_same_queries(make_rows, run, budget=1)


def test_invitation_list_by_status(programme_office, council):
    def invite(email):
        return services.invitation_create(
            actor=programme_office, email=email, full_name=email, organisation=council
        )[0]

    pending = invite("p@example.gov.uk")
    expired = invite("e@example.gov.uk")
    Invitation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    revoked = services.invitation_revoke(
        actor=programme_office, invitation=invite("r@example.gov.uk")
    )
    accepted, raw = services.invitation_create(
        actor=programme_office, email="a@example.gov.uk", full_name="A", organisation=council
    )
    services.invitation_accept(raw_token=raw, password="lighthouse-morning-tide-42")

    def emails(status):
        return [i.email for i in selectors.invitation_list(status=status)]

    assert emails(InvitationStatus.PENDING) == [pending.email]
    assert emails(InvitationStatus.EXPIRED) == [expired.email]
    assert emails(InvitationStatus.REVOKED) == [revoked.email]
    assert emails(InvitationStatus.ACCEPTED) == [accepted.email]
    assert len(emails(None)) == 4
    for status in InvitationStatus:
        for invitation in selectors.invitation_list(status=status):
            assert invitation.status_code == status


def test_invitation_get_usable_says_why_not(programme_office, council):
    invitation, raw = services.invitation_create(
        actor=programme_office, email="p@example.gov.uk", full_name="P", organisation=council
    )
    assert selectors.invitation_get_usable(raw_token=raw) == invitation
    with pytest.raises(ApplicationError) as error:
        selectors.invitation_get_usable(raw_token=raw + "x")
    assert error.value.status == 404
    assert error.value.code == "invitation_not_found"


def test_api_token_list_is_only_the_persons_own(member, organisation_lead):
    services.api_token_create(actor=member, name="Mine")
    services.api_token_create(actor=organisation_lead, name="Theirs")
    assert [t.name for t in selectors.api_token_list(user=member)] == ["Mine"]


def test_api_token_list_costs_the_same_at_3_and_30_rows(member):
    def make_rows(n):
        while ApiToken.objects.filter(user=member).count() < n:
            services.api_token_create(actor=member, name=f"Token {ApiToken.objects.count()}")

    def run():
        return [(t.name, t.prefix, t.status) for t in selectors.api_token_list(user=member)]

    assert_same_queries(make_rows, run, budget=1)


def test_invitation_page_costs_the_same_at_3_and_30_rows(client_for, programme_office):
    client = client_for(programme_office)

    def make_rows(n):
        while Invitation.objects.count() < n:
            i = Invitation.objects.count()
            services.invitation_create(
                actor=programme_office,
                email=f"person{i}@example.gov.uk",
                full_name=f"Person {i}",
                organisation=OrganisationFactory(),
            )

    def run():
        assert client.get("/accounts/invitations/").status_code == 200

    assert_same_queries(make_rows, run, budget=8)
