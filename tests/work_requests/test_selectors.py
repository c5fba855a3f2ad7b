"""Work request reads cost the same number of queries at 3 rows as at 30."""

import datetime

import pytest
from django.utils import timezone

from heartbeat.core import registry
from heartbeat.work_requests import home, sections, selectors
from heartbeat.work_requests.models import State, WorkRequest
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory
from tests.querybudget import assert_same_queries, count_queries
from tests.work_requests.factories import CommentFactory, SupportFactory, WorkRequestFactory


@pytest.fixture
def theme(db):
    return ThemeFactory()


@pytest.fixture
def supporters(db):
    return [OrganisationFactory() for _ in range(3)]


def _requests(theme, supporters, **fields):
    def make(n):
        while WorkRequest.objects.filter(**fields).count() < n:
            work_request = WorkRequestFactory(theme=theme, **fields)
            for organisation in supporters:
                SupportFactory(work_request=work_request, organisation=organisation)

    return make


def test_the_list_page(client_for, member, theme, supporters):
    client = client_for(member)
    assert_same_queries(_requests(theme, supporters), lambda: client.get("/requests/"), budget=14)


def test_the_list_page_sorted_by_support_and_filtered(client_for, member, theme, supporters):
    client = client_for(member)
    url = f"/requests/?sort=-support&state=open&organisation={supporters[0].slug}&q=request"
    assert_same_queries(_requests(theme, supporters), lambda: client.get(url), budget=16)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_exports(client_for, member, theme, supporters, fmt):
    client = client_for(member)
    # A download reads its rows while it is sent: the queries of sending count too.
    assert_same_queries(
        _requests(theme, supporters),
        lambda: client.get(f"/requests/?format={fmt}&sort=-support").getvalue(),
        budget=8,
    )


def test_a_request_page_with_many_supporters_and_comments(client_for, member, theme):
    work_request = WorkRequestFactory(theme=theme)

    def make(n):
        while work_request.supports.count() < n:
            SupportFactory(work_request=work_request)
            CommentFactory(work_request=work_request)

    client = client_for(member)
    assert_same_queries(make, lambda: client.get(f"/requests/{work_request.pk}/"), budget=14)


def test_the_home_blocks(client_for, organisation_lead, programme_office, theme, supporters):
    # The home page with this app's blocks only: other apps' blocks have budgets of their
    # own (and the whole page has the site's, in tests/delivery/test_query_budgets.py).
    lead = client_for(organisation_lead)
    office = client_for(programme_office)
    with registry.home_blocks.replaced(
        {"work_requests.own": home.own_requests_block, "work_requests.triage": home.triage_block}
    ):
        assert_same_queries(
            _requests(theme, supporters, organisation=organisation_lead.organisation),
            lambda: lead.get("/"),
            budget=14,
        )
        assert_same_queries(_requests(theme, supporters), lambda: office.get("/"), budget=14)


def test_the_project_section(client_for, member, theme, supporters):
    project = ProjectFactory()
    make = _requests(theme, supporters, project=project, state=State.ACCEPTED)
    client = client_for(member)
    # The project page with this app's section only: the page's own parts and other apps'
    # sections have budgets of their own (tests/portfolio/test_views.py).
    with registry.project_sections.replaced({"work_requests": sections.project_requests}):
        assert_same_queries(make, lambda: client.get(project.get_absolute_url()), budget=20)


def test_a_projects_requests_list_their_supporters_in_the_order_they_joined(theme):
    project = ProjectFactory()
    early, late = OrganisationFactory(name="Angus"), OrganisationFactory(name="Moray")
    supported = WorkRequestFactory(theme=theme, project=project, state=State.ACCEPTED)
    now = timezone.now()
    SupportFactory(work_request=supported, organisation=late, created_at=now)
    SupportFactory(
        work_request=supported, organisation=early, created_at=now - datetime.timedelta(days=2)
    )
    alone = WorkRequestFactory(theme=theme, project=project, state=State.ACCEPTED)
    WorkRequestFactory(theme=theme)  # about another project
    with count_queries() as queries:
        found = selectors.project_requests(project)
    assert len(queries.captured_queries) == 1
    assert [r.pk for r in found] == sorted([supported.pk, alone.pk])
    by_pk = {r.pk: r for r in found}
    assert by_pk[supported.pk].supporter_names == "Angus, Moray"
    assert by_pk[supported.pk].support_count == 2
    assert not by_pk[alone.pk].supporter_names and by_pk[alone.pk].support_count == 0


def test_home_blocks_count_and_show_open_requests(organisation_lead, theme):
    organisation = organisation_lead.organisation
    for _ in range(7):
        WorkRequestFactory(organisation=organisation, theme=theme)
    WorkRequestFactory(organisation=organisation, theme=theme, state=State.ACCEPTED)
    WorkRequestFactory(theme=theme)  # another council's
    summary = selectors.organisation_open_requests(organisation)
    assert summary.count == 7
    assert len(summary.rows) == 5
    triage = selectors.awaiting_triage()
    assert triage.count == 8
    assert triage.rows[0].created_at <= triage.rows[-1].created_at


def test_the_home_page_shows_the_blocks_to_the_right_people(
    client_for, organisation_lead, programme_office, board_member, theme
):
    WorkRequestFactory(organisation=organisation_lead.organisation, theme=theme, title="Uplifts")
    lead_page = client_for(organisation_lead).get("/").content.decode()
    assert "Aberdeen City&#39;s open work requests" in lead_page
    assert "Uplifts" in lead_page
    assert "Work requests waiting for triage" not in lead_page
    office_page = client_for(programme_office).get("/").content.decode()
    assert "Work requests waiting for triage" in office_page
    assert "Uplifts" in office_page
    # Angus has no open request: its block invites one.
    board_page = client_for(board_member).get("/").content.decode()
    assert "Angus has no requests waiting for a decision." in board_page
    anonymous = client_for(None).get("/").content.decode()
    assert "work requests" not in anonymous.lower()


def test_search_by_reference(member, theme):
    wanted = WorkRequestFactory(theme=theme, title="Garden waste")
    WorkRequestFactory(theme=theme, title="Other")
    filters, errors = selectors.parse_request_filters({"q": wanted.reference})
    assert errors == []
    assert list(selectors.request_list(member, filters)) == [wanted]


def test_sort_by_support_then_newest(member, theme):
    quiet = WorkRequestFactory(theme=theme, title="Quiet")
    busy = WorkRequestFactory(theme=theme, title="Busy")
    for _ in range(2):
        SupportFactory(work_request=busy)
    SupportFactory(work_request=quiet)
    newest = WorkRequestFactory(theme=theme, title="Newest")
    filters, _ = selectors.parse_request_filters({"sort": "-support"})
    assert [r.title for r in selectors.request_list(member, filters)] == ["Busy", "Quiet", "Newest"]
    filters, _ = selectors.parse_request_filters({"sort": "urgency"})
    WorkRequest.objects.filter(pk=newest.pk).update(urgency="critical")
    assert selectors.request_list(member, filters)[0] == newest


def test_nobody_signed_out_sees_a_request(theme):
    WorkRequestFactory(theme=theme)
    assert not selectors.request_list(None, selectors.RequestFilters()).exists()
    assert UserFactory().is_authenticated
