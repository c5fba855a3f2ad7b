"""The accounts app's home blocks."""

import pytest
from django.test import RequestFactory

from heartbeat.accounts import home, services
from tests.factories import OrganisationFactory
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db

ROLES = ["member", "organisation_lead", "project_lead", "board_member", "programme_office"]


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize("role", ROLES)
def test_only_the_office_sees_pending_invitations(user_for_role, role):
    block = home.invitations_block(request_as(user_for_role(role)))
    assert (block is not None) is (role == "programme_office")
    assert home.no_organisation_block(request_as(user_for_role(role))) is None


def test_pending_invitations_cost_one_query_at_3_and_30(programme_office):
    organisation = OrganisationFactory()

    def make(n):
        from heartbeat.accounts.models import Invitation

        while Invitation.objects.count() < n:
            i = Invitation.objects.count()
            services.invitation_create(
                actor=programme_office,
                email=f"person{i}@example.gov.uk",
                full_name=f"Person {i}",
                organisation=organisation,
            )

    counts = assert_same_queries(
        make, lambda: home.invitations_block(request_as(programme_office)), budget=1
    )
    block = home.invitations_block(request_as(programme_office))
    assert block.count == 30
    assert len(block.context["invitations"]) == 5
    assert counts == [1, 1]
