import datetime

import pytest

from heartbeat.partnership import selectors, services
from heartbeat.partnership.models import MembershipStatus, Organisation, OrganisationKind
from heartbeat.partnership.selectors import OrganisationFilters
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ProgrammeTermFactory,
    UserFactory,
)
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    first = ProgrammeTermFactory(
        name="2016 to 2019", start=datetime.date(2016, 10, 1), end=datetime.date(2019, 9, 30)
    )
    extension = ProgrammeTermFactory(
        name="Extension 2019 to 2021",
        start=datetime.date(2019, 10, 1),
        end=datetime.date(2021, 9, 30),
    )
    return first, extension


def names(queryset):
    return [organisation.name for organisation in queryset]


def test_organisation_list_carries_the_decision_about_the_current_term(
    terms, council, other_council
):
    first, extension = terms
    MembershipFactory(organisation=council, term=first, status=MembershipStatus.SIGNED_UP)
    MembershipFactory(
        organisation=council,
        term=extension,
        status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
        date=datetime.date(2019, 7, 1),
    )
    MembershipFactory(organisation=other_council, term=first, status=MembershipStatus.SIGNED_UP)
    rows = {o.name: o for o in selectors.organisation_list()}
    # Today (3 December 2026) falls after both terms: the one that ended last is current.
    assert rows["Aberdeen City"].term_status == MembershipStatus.COMMITTED_IN_PRINCIPLE
    assert rows["Aberdeen City"].term_status_date == datetime.date(2019, 7, 1)
    assert rows["Angus"].term_status is None
    earlier = {o.name: o for o in selectors.organisation_list(OrganisationFilters(term=first))}
    assert earlier["Angus"].term_status == MembershipStatus.SIGNED_UP


def test_organisation_list_filters_by_kind_status_and_name(terms, council, other_council):
    _, extension = terms
    cosla = OrganisationFactory(
        name="COSLA",
        official_name="Convention of Scottish Local Authorities",
        kind=OrganisationKind.NATIONAL_BODY,
        gss_code="",
    )
    MembershipFactory(organisation=council, term=extension, status=MembershipStatus.SIGNED_UP)
    MembershipFactory(organisation=other_council, term=extension, status=MembershipStatus.DECLINED)

    assert names(selectors.organisation_list(OrganisationFilters(kind="national_body"))) == [
        "COSLA"
    ]
    assert names(selectors.organisation_list(OrganisationFilters(status="declined"))) == ["Angus"]
    assert names(selectors.organisation_list(OrganisationFilters(status="none"))) == [cosla.name]
    assert names(selectors.organisation_list(OrganisationFilters(q="convention"))) == ["COSLA"]
    assert names(selectors.organisation_list(OrganisationFilters(q="s12000041"))) == ["Angus"]
    both = OrganisationFilters(kind="local_authority", status="signed_up", q="aberdeen")
    assert names(selectors.organisation_list(both)) == ["Aberdeen City"]


def test_latest_term_is_the_one_that_started_last(terms):
    assert selectors.latest_term() == terms[1]


def _make_organisations(term):
    def make(n):
        while Organisation.objects.count() < n:
            organisation = OrganisationFactory()
            MembershipFactory(organisation=organisation, term=term)
            UserFactory(organisation=organisation)

    return make


def test_organisation_list_costs_one_query_at_any_size(terms):
    assert_same_queries(
        _make_organisations(terms[1]),
        lambda: list(selectors.organisation_list(OrganisationFilters(q="council", term=terms[1]))),
        budget=1,
    )


def test_organisation_list_finds_the_current_term_in_one_more_query(terms):
    assert_same_queries(
        _make_organisations(terms[1]),
        lambda: list(selectors.organisation_list(OrganisationFilters(q="council"))),
        budget=2,
    )


def test_organisation_detail_has_a_fixed_query_count(terms, programme_office):
    council = OrganisationFactory(name="Fife", slug="fife")

    def make(n):
        while council.people.count() < n:
            UserFactory(organisation=council)
            services.organisation_update(
                actor=programme_office,
                organisation=council,
                data={"website": f"https://www.fife.gov.uk/{council.people.count()}"},
            )
            services.membership_set(
                actor=programme_office,
                organisation=council,
                term=terms[0],
                status=MembershipStatus.SIGNED_UP,
                date=datetime.date(2016, 10, 1) + datetime.timedelta(days=council.people.count()),
            )

    def run():
        detail = selectors.organisation_detail("fife", programme_office)
        # Touch what the template touches.
        for person in detail.people:
            assert person.role_labels is not None
        for membership in detail.memberships:
            assert membership.term.name
        assert all(entry.who for entry in detail.history)

    assert_same_queries(make, run, budget=6)


def test_term_overview_has_a_fixed_query_count(terms):
    def make(n):
        while Organisation.objects.count() < n:
            organisation = OrganisationFactory()
            MembershipFactory(organisation=organisation, term=terms[0])
            MembershipFactory(
                organisation=organisation,
                term=terms[1],
                status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
                date=datetime.date(2019, 8, 1),
            )

    assert_same_queries(make, selectors.term_overview, budget=3)


def test_organisation_detail_shows_people_and_history_to_members_only(member, council):
    MembershipFactory(organisation=council)
    anonymous = selectors.organisation_detail(council.slug, None)
    assert anonymous.people is None
    assert anonymous.history is None
    assert anonymous.can_edit is False
    signed_in = selectors.organisation_detail(council.slug, member)
    assert [p.email for p in signed_in.people] == [member.email]
    assert signed_in.history is not None
    assert len(signed_in.memberships) == 1


def test_organisation_detail_leaves_out_deactivated_people(member, council):
    UserFactory(organisation=council, is_active=False, email="gone@aberdeencity.gov.uk")
    detail = selectors.organisation_detail(council.slug, member)
    assert [p.email for p in detail.people] == [member.email]


def test_an_unknown_slug_is_not_found(db):
    from heartbeat.core.exceptions import NotFound

    with pytest.raises(NotFound):
        selectors.organisation_detail("nowhere", None)
    with pytest.raises(NotFound):
        selectors.term_detail("never")


def test_history_reads_as_who_changed_what(programme_office, council, terms):
    services.organisation_update(
        actor=programme_office,
        organisation=council,
        data={"website": "https://www.aberdeencity.gov.uk/council", "kind": "partner"},
    )
    services.membership_set(
        actor=programme_office,
        organisation=council,
        term=terms[0],
        status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
        date=datetime.date(2016, 9, 1),
    )
    services.membership_set(
        actor=programme_office,
        organisation=council,
        term=terms[0],
        status=MembershipStatus.SIGNED_UP,
        date=datetime.date(2016, 10, 1),
    )
    history = selectors.organisation_history(council)
    newest = history[0]
    assert newest.record == "Membership of 2016 to 2019"
    assert newest.action == "Changed"
    assert newest.who == programme_office.display_name
    assert {(c.field, c.before, c.after) for c in newest.changes} == {
        ("Status", "Committed in principle", "Signed up"),
        ("Date", "1 September 2016", "1 October 2016"),
    }
    organisation_change = next(
        e for e in history if e.record == "Organisation details" and e.changes
    )
    assert {(c.field, c.before, c.after) for c in organisation_change.changes} == {
        ("Website", "https://www.aberdeen-city.gov.uk", "https://www.aberdeencity.gov.uk/council"),
        ("Kind", "Local authority", "Partner"),
    }
    assert history[-1].action == "Added"


def test_term_overview_counts_and_grows_by_quarter(terms):
    first, extension = terms
    dates = [datetime.date(2016, 10, 1)] * 3 + [
        datetime.date(2017, 2, 1),
        datetime.date(2018, 6, 30),
    ]
    for index, day in enumerate(dates):
        organisation = OrganisationFactory(name=f"Council {index}")
        MembershipFactory(organisation=organisation, term=first, date=day)
        MembershipFactory(
            organisation=organisation,
            term=extension,
            status=MembershipStatus.COMMITTED_IN_PRINCIPLE,
            date=datetime.date(2019, 8, 1),
        )
    declined = OrganisationFactory(name="Declined Council")
    MembershipFactory(
        organisation=declined,
        term=first,
        status=MembershipStatus.DECLINED,
        date=datetime.date(2016, 11, 1),
    )
    partner = OrganisationFactory(name="A partner", kind=OrganisationKind.PARTNER, gss_code="")
    MembershipFactory(organisation=partner, term=first, date=datetime.date(2016, 10, 1))

    overview = selectors.term_overview()
    first_summary, extension_summary = overview.terms
    assert first_summary.counts == {
        "signed_up": 6,
        "committed_in_principle": 0,
        "declined": 1,
        "left": 0,
    }
    assert extension_summary.counts["committed_in_principle"] == 5
    assert extension_summary.total == 5
    assert len(overview.quarters) == 12
    assert overview.quarters[0].label == "Oct to Dec 2016"
    assert overview.quarters[-1].label == "Jul to Sep 2019"
    # Councils only: the partner is left out of the growth chart.
    assert [q.signed_up for q in overview.quarters[:8]] == [3, 4, 4, 4, 4, 4, 5, 5]
    assert overview.quarters[-1].signed_up == 5


def test_home_summary_names_the_partnership(council):
    summary = selectors.home_summary()
    assert summary["partnership_name"] == "Scottish Local Government Digital Partnership"
    assert summary["local_authorities"] == 1
