import datetime

import pytest

from heartbeat.core.exceptions import Conflict, InvalidInput, PermissionDenied
from heartbeat.partnership import services
from heartbeat.partnership.models import Membership, MembershipStatus, Organisation
from tests.factories import OrganisationFactory, ProgrammeTermFactory

pytestmark = pytest.mark.django_db


def test_programme_office_adds_an_organisation_and_history_records_them(programme_office):
    organisation = services.organisation_create(
        actor=programme_office,
        name="Falkirk",
        official_name="Falkirk Council",
        kind="local_authority",
        gss_code="S12000014",
        website="https://www.falkirk.gov.uk",
    )
    assert organisation.slug == "falkirk"
    record = organisation.history.get()
    assert record.history_type == "+"
    assert record.history_user == programme_office


@pytest.mark.parametrize("role", ["member", "organisation_lead", "project_lead", "board_member"])
def test_only_the_programme_office_adds_organisations(role, user_for_role):
    with pytest.raises(PermissionDenied):
        services.organisation_create(
            actor=user_for_role(role),
            name="Moray",
            official_name="The Moray Council",
            kind="local_authority",
        )
    assert not Organisation.objects.filter(name="Moray").exists()


def test_an_unknown_kind_is_refused(programme_office):
    with pytest.raises(InvalidInput) as error:
        services.organisation_create(
            actor=programme_office, name="Moray", official_name="The Moray Council", kind="county"
        )
    assert error.value.field == "kind"


def test_a_duplicate_gss_code_is_refused_with_a_message(programme_office, council):
    with pytest.raises(InvalidInput) as error:
        services.organisation_create(
            actor=programme_office,
            name="Another",
            official_name="Another Council",
            kind="local_authority",
            gss_code=council.gss_code,
        )
    assert error.value.field == "gss_code"
    assert error.value.message.startswith("Aberdeen City already has the GSS code S12000033")


def test_update_changes_fields_and_records_who(programme_office, council):
    services.organisation_update(
        actor=programme_office,
        organisation=council,
        data={"website": "https://www.aberdeencity.gov.uk/new", "active": False},
        expected_updated_at=council.updated_at,
    )
    council.refresh_from_db()
    assert council.website == "https://www.aberdeencity.gov.uk/new"
    assert council.active is False
    latest = council.history.first()
    assert latest.history_user == programme_office
    delta = latest.diff_against(latest.prev_record)
    assert set(delta.changed_fields) == {"website", "active"}


def test_saving_unchanged_values_writes_nothing(programme_office, council):
    before = council.history.count()
    updated_at = council.updated_at
    services.organisation_update(
        actor=programme_office, organisation=council, data={"name": council.name}
    )
    council.refresh_from_db()
    assert council.history.count() == before
    assert council.updated_at == updated_at


def test_update_refuses_when_someone_saved_since(programme_office, council):
    seen = council.updated_at
    services.organisation_update(
        actor=programme_office,
        organisation=council,
        data={"name": "Aberdeen"},
        expected_updated_at=seen,
    )
    with pytest.raises(Conflict) as error:
        services.organisation_update(
            actor=programme_office,
            organisation=council,
            data={"name": "Aberdeen City (old)"},
            expected_updated_at=seen,
        )
    assert error.value.status == 409
    assert programme_office.display_name in error.value.message
    council.refresh_from_db()
    assert council.name == "Aberdeen"


def test_update_rejects_a_bad_website_naming_the_field(programme_office, council):
    with pytest.raises(InvalidInput) as error:
        services.organisation_update(
            actor=programme_office, organisation=council, data={"website": "not a web address"}
        )
    assert error.value.field == "website"
    council.refresh_from_db()
    assert council.website.startswith("https://")


def test_update_rejects_fields_it_does_not_manage(programme_office, council):
    with pytest.raises(InvalidInput):
        services.organisation_update(
            actor=programme_office, organisation=council, data={"created_at": None}
        )


def test_organisation_lead_cannot_update_even_their_own(organisation_lead):
    with pytest.raises(PermissionDenied):
        services.organisation_update(
            actor=organisation_lead,
            organisation=organisation_lead.organisation,
            data={"name": "Renamed"},
        )


def test_membership_set_creates_then_updates_one_record(programme_office, council):
    term = ProgrammeTermFactory()
    services.membership_set(
        actor=programme_office,
        organisation=council,
        term=term,
        status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
        date=datetime.date(2016, 9, 1),
    )
    membership = services.membership_set(
        actor=programme_office,
        organisation=council,
        term=term,
        status=MembershipStatus.SIGNED_UP,
        date=datetime.date(2016, 10, 1),
        note="Signed.",
    )
    assert Membership.objects.filter(organisation=council, term=term).count() == 1
    assert membership.status == MembershipStatus.SIGNED_UP
    assert [r.history_type for r in membership.history.order_by("history_date")] == ["+", "~"]
    assert membership.history.first().history_user == programme_office


def test_membership_set_again_with_the_same_values_adds_no_history(programme_office, council):
    term = ProgrammeTermFactory()
    for _ in range(2):
        membership = services.membership_set(
            actor=programme_office,
            organisation=council,
            term=term,
            status=MembershipStatus.SIGNED_UP,
            date=datetime.date(2016, 10, 1),
        )
    assert membership.history.count() == 1


def test_membership_set_refuses_an_unknown_status_and_a_date_after_the_term(
    programme_office, council
):
    term = ProgrammeTermFactory()
    with pytest.raises(InvalidInput) as error:
        services.membership_set(
            actor=programme_office,
            organisation=council,
            term=term,
            status="maybe",
            date=datetime.date(2017, 1, 1),
        )
    assert error.value.field == "status"
    with pytest.raises(InvalidInput) as error:
        services.membership_set(
            actor=programme_office,
            organisation=council,
            term=term,
            status=MembershipStatus.SIGNED_UP,
            date=datetime.date(2020, 1, 1),
        )
    assert error.value.field == "date"
    assert "30 September 2019" in error.value.message


def test_membership_set_needs_the_programme_office(organisation_lead):
    with pytest.raises(PermissionDenied):
        services.membership_set(
            actor=organisation_lead,
            organisation=organisation_lead.organisation,
            term=ProgrammeTermFactory(),
            status=MembershipStatus.SIGNED_UP,
            date=datetime.date(2017, 1, 1),
        )


def test_programme_term_set_is_keyed_on_slug(programme_office):
    first = services.programme_term_set(
        actor=programme_office,
        slug="2016-to-2019",
        name="2016 to 2019",
        start=datetime.date(2016, 10, 1),
        end=datetime.date(2019, 9, 30),
    )
    again = services.programme_term_set(
        actor=programme_office,
        slug="2016-to-2019",
        name="2016 to 2019",
        start=datetime.date(2016, 10, 1),
        end=datetime.date(2019, 9, 30),
        description="The first term.",
    )
    assert again.pk == first.pk
    assert again.description == "The first term."
    assert again.history.count() == 2


def test_programme_term_must_end_after_it_starts(programme_office):
    with pytest.raises(InvalidInput) as error:
        services.programme_term_set(
            actor=programme_office,
            slug="backwards",
            name="Backwards",
            start=datetime.date(2020, 1, 1),
            end=datetime.date(2019, 1, 1),
        )
    assert error.value.field == "end"


def test_the_system_acts_without_a_person_and_history_shows_no_user():
    organisation = services.organisation_create(
        actor=None,
        name="COSLA",
        official_name="Convention of Scottish Local Authorities",
        kind="national_body",
    )
    assert organisation.history.get().history_user is None


def test_organisation_factory_rows_can_be_updated_by_slug(programme_office):
    organisation = OrganisationFactory(name="Stirling")
    services.organisation_update(
        actor=programme_office,
        organisation=organisation,
        data={"official_name": "Stirling Council"},
    )
    organisation.refresh_from_db()
    assert organisation.official_name == "Stirling Council"
