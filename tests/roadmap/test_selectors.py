"""The roadmap's reads: the grid, its filters, adoption rates, what changed, and their query
budgets at two sizes."""

import datetime

import pytest
from django.utils import timezone

from heartbeat.portfolio.models import Visibility
from heartbeat.recruitment.models import Participation, ParticipationStatus
from heartbeat.roadmap import selectors, services
from heartbeat.roadmap.inputs import ProductInput
from heartbeat.roadmap.models import ProductStatus
from heartbeat.roadmap.quarters import add_quarters, quarter_of
from tests.factories import OrganisationFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory
from tests.querybudget import assert_same_queries
from tests.roadmap.factories import AdoptionFactory, ProductFactory, live_product, make_member

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = quarter_of(timezone.localdate())


def _filters(**params):
    filters, errors = selectors.parse_roadmap_filters(params)
    assert errors == []
    return filters


def test_the_roadmap_puts_each_product_under_its_theme_and_quarter(member):
    services_theme = ThemeFactory(name="Digital Services", order=1)
    foundations = ThemeFactory(name="Digital Foundations", order=2)
    soon = ProductFactory(
        project=ProjectFactory(theme=services_theme, planned_start=None, planned_end=None),
        planned_quarter=add_quarters(NOW, 2),
    )
    delivered = live_product(
        project=ProjectFactory(theme=foundations, planned_start=None, planned_end=None),
        planned_quarter=add_quarters(NOW, 1),
        delivered_on=timezone.localdate(),
    )
    unscheduled = ProductFactory(project=ProjectFactory(theme=foundations), planned_quarter=None)
    far = ProductFactory(
        project=ProjectFactory(theme=foundations, planned_start=None, planned_end=None),
        planned_quarter=add_quarters(NOW, 12),
    )
    roadmap = selectors.roadmap(member, selectors.RoadmapFilters())
    assert roadmap.quarters[0] == add_quarters(NOW, -1)
    assert len(roadmap.quarters) == selectors.WINDOW
    rows = {row.theme.name: row for row in roadmap.rows}
    assert rows["Digital Services"].cells[3] == [soon]
    # Delivered products sit where they were delivered, not where they were planned.
    assert rows["Digital Foundations"].cells[1] == [delivered]
    assert rows["Digital Foundations"].unscheduled == [unscheduled]
    assert (roadmap.earlier, roadmap.later, roadmap.total) == (0, 1, 4)
    assert far not in [p for row in roadmap.rows for cell in row.cells for p in cell]


def test_later_quarters_are_a_link_away(member):
    far = ProductFactory(
        project=ProjectFactory(planned_start=None, planned_end=None),
        planned_quarter=add_quarters(NOW, 10),
    )
    roadmap = selectors.roadmap(member, _filters(**{"from": "2030-Q1"}))
    assert roadmap.quarters[0] == D(2030, 1, 1)
    assert roadmap.earlier == 1
    start = add_quarters(NOW, 8)
    roadmap = selectors.roadmap(member, selectors.RoadmapFilters(start=start))
    assert [p for row in roadmap.rows for cell in row.cells for p in cell] == [far]


def _crowd(theme, quarter, n, **fields):
    return [
        ProductFactory(
            name=f"Product {i:02d}",
            planned_quarter=quarter,
            project=ProjectFactory(theme=theme, planned_start=None, planned_end=None),
            **fields,
        )
        for i in range(n)
    ]


def test_a_full_cell_lists_its_first_products_and_counts_the_rest(member):
    theme = ThemeFactory(name="Digital Services")
    crowded = _crowd(theme, add_quarters(NOW, 1), selectors.CELL_LIMIT + 3)
    unscheduled = _crowd(theme, None, selectors.CELL_LIMIT + 1)
    _crowd(theme, add_quarters(NOW, 20), 2)
    roadmap = selectors.roadmap(member, selectors.RoadmapFilters())
    (row,) = [r for r in roadmap.rows if r.theme == theme]
    cell = row.cells[2]
    assert cell == crowded[: selectors.CELL_LIMIT]
    assert (cell.total, cell.more) == (selectors.CELL_LIMIT + 3, 3)
    assert row.unscheduled == unscheduled[: selectors.CELL_LIMIT]
    assert row.unscheduled.more == 1
    assert row.count == len(crowded) + len(unscheduled)
    assert (roadmap.total, roadmap.later) == (len(crowded) + len(unscheduled) + 2, 2)
    # Filtered to the theme, the cell lists every product up to the larger limit.
    roadmap = selectors.roadmap(member, _filters(theme=theme.slug))
    assert roadmap.rows[0].cells[2] == crowded
    assert roadmap.rows[0].cells[2].more == 0


def test_visitors_see_only_public_projects_products():
    public = ProductFactory(project=ProjectFactory(visibility=Visibility.PUBLIC))
    ProductFactory(project=ProjectFactory(visibility=Visibility.PARTNERSHIP))
    assert list(selectors.product_list(None)) == [public]


def test_filters_by_theme_status_and_council(member, council):
    make_member(council)
    theme = ThemeFactory(name="Digital Leadership")
    led = ProductFactory(project=ProjectFactory(lead_organisation=council, theme=theme))
    joined_project = ProjectFactory()
    Participation.objects.create(
        project=joined_project, organisation=council, status=ParticipationStatus.ACTIVE
    )
    joined = ProductFactory(project=joined_project)
    adopted = AdoptionFactory(organisation=council).product
    interested_project = ProjectFactory()
    Participation.objects.create(
        project=interested_project, organisation=council, status=ParticipationStatus.INTERESTED
    )
    ProductFactory(project=interested_project)
    ProductFactory()
    found = set(selectors.product_list(member, _filters(council=council.slug)))
    assert found == {led, joined, adopted}
    assert list(selectors.product_list(member, _filters(theme=theme.slug))) == [led]
    assert list(selectors.product_list(member, _filters(status="live"))) == [adopted]


def test_unknown_filters_are_named_and_dropped():
    OrganisationFactory(name="Not a member")
    filters, errors = selectors.parse_roadmap_filters(
        {"theme": "nope", "status": "launched", "council": "not-a-member", "from": "2027-13"}
    )
    assert not filters.is_filtered and filters.start is None
    assert len(errors) == 4
    filters, errors = selectors.parse_roadmap_filters({"theme": "a\x00"})
    assert errors and not filters.is_filtered


def test_adoption_rates_per_product_and_per_council(member):
    councils = [make_member(OrganisationFactory()) for _ in range(4)]
    first, second = live_product(), live_product()
    ProductFactory()  # planned: not counted
    AdoptionFactory(product=first, organisation=councils[0])
    AdoptionFactory(product=first, organisation=councils[1])
    AdoptionFactory(product=second, organisation=councils[0])
    detail = selectors.product_detail(member, first.slug)
    assert (len(detail.adoptions), detail.members, detail.rate) == (2, 4, 50)
    rates = {
        r.organisation.name: (r.adopted, r.live, r.rate)
        for r in selectors.adoption_by_council(member)
    }
    assert rates[councils[0].name] == (2, 2, 100)
    assert rates[councils[1].name] == (1, 2, 50)
    assert rates[councils[2].name] == (0, 2, 0)


def _change(product, actor, **changes):
    values = {
        "name": product.name,
        "kind": product.kind,
        "status": product.status,
        "planned_quarter": product.planned_quarter,
        "delivered_on": product.delivered_on,
    }
    values.update(changes)
    return services.product_update(
        actor=actor, product=product, data=ProductInput(**values), expected_version=product.version
    )


def test_what_changed_since_a_date_reads_the_history(programme_office):
    project = ProjectFactory(planned_start=D(2026, 1, 1), planned_end=D(2027, 12, 31))
    moved = ProductFactory(project=project, name="Moved", planned_quarter=D(2026, 10, 1))
    delivered = ProductFactory(project=project, name="Delivered", planned_quarter=D(2026, 10, 1))
    unchanged = ProductFactory(project=project, name="Unchanged")
    old = timezone.now() - datetime.timedelta(days=30)
    for product in (moved, delivered, unchanged):
        product.history.update(history_date=old)
    since = timezone.localdate() - datetime.timedelta(days=7)
    moved = _change(moved, programme_office, planned_quarter=D(2027, 4, 1))
    _change(
        delivered, programme_office, status=ProductStatus.LIVE, delivered_on=timezone.localdate()
    )
    added = ProductFactory(project=project, name="Added")
    changes = selectors.changes_since(programme_office, since)
    found = {(c.kind, c.product.name) for c in changes}
    assert found == {("moved", "Moved"), ("delivered", "Delivered"), ("added", "Added")}
    move = next(c for c in changes if c.kind == "moved")
    assert (move.before, move.after) == (D(2026, 10, 1), D(2027, 4, 1))
    assert move.description == "From October to December 2026 to April to June 2027"
    assert added.pk in {c.product.pk for c in changes}
    # A move there and back again is no move.
    _change(moved, programme_office, planned_quarter=D(2026, 10, 1))
    found = {(c.kind, c.product.name) for c in selectors.changes_since(programme_office, since)}
    assert ("moved", "Moved") not in found
    assert (
        selectors.changes_since(programme_office, timezone.localdate() + datetime.timedelta(days=1))
        == []
    )


def test_changes_hide_partnership_products_from_visitors():
    ProductFactory(project=ProjectFactory(visibility=Visibility.PARTNERSHIP))
    public = ProductFactory(project=ProjectFactory(visibility=Visibility.PUBLIC))
    since = timezone.localdate() - datetime.timedelta(days=1)
    assert [c.product for c in selectors.changes_since(None, since)] == [public]


# Query budgets -----------------------------------------------------------------------------


def _products(n):
    from heartbeat.roadmap.models import Product

    have = Product.objects.count()
    for i in range(have, n):
        product = live_product(planned_quarter=NOW, delivered_on=timezone.localdate())
        if i % 2:
            AdoptionFactory(product=product)


def test_the_roadmap_and_its_export_keep_their_budget(member):
    make_member(member.organisation)
    assert_same_queries(
        _products, lambda: selectors.roadmap(member, selectors.RoadmapFilters()), budget=4
    )
    assert_same_queries(
        _products,
        lambda: list(selectors.export_rows(member, None, members=3, site="")),
        sizes=(31, 60),
        budget=1,
    )


def test_a_product_page_keeps_its_budget(member):
    product = live_product()

    def adopters(n):
        for _ in range(product.adoptions.count(), n):
            AdoptionFactory(product=product)

    assert_same_queries(adopters, lambda: selectors.product_detail(member, product.slug), budget=3)


def test_adoption_by_council_keeps_its_budget(member):
    def councils(n):
        from heartbeat.roadmap.rules import member_organisations

        for _ in range(member_organisations().count(), n):
            AdoptionFactory(organisation=make_member(OrganisationFactory()))

    assert_same_queries(councils, lambda: selectors.adoption_by_council(member), budget=2)


def test_changes_keep_their_budget(programme_office):
    since = timezone.localdate() - datetime.timedelta(days=1)
    assert_same_queries(
        _products, lambda: selectors.changes_since(programme_office, since), budget=3
    )


@pytest.mark.django_db(transaction=True)
def test_the_grid_is_kept_for_visitors_and_members_apart_until_the_data_changes(member):
    from django.contrib.auth.models import AnonymousUser

    from tests.querybudget import queries_for

    theme = ThemeFactory(name="Digital Services", order=1)
    public = ProductFactory(
        project=ProjectFactory(theme=theme, visibility=Visibility.PUBLIC), planned_quarter=NOW
    )
    inside = ProductFactory(
        project=ProjectFactory(theme=theme, visibility=Visibility.PARTNERSHIP),
        planned_quarter=NOW,
    )

    def shown(user):
        found = {}

        def run():
            found["grid"] = selectors.roadmap(user, selectors.RoadmapFilters())

        queries = queries_for(run)
        return queries, {p.name for row in found["grid"].rows for cell in row.cells for p in cell}

    first_queries, names = shown(member)
    assert first_queries > 0
    assert names == {public.name, inside.name}
    assert shown(member) == (0, {public.name, inside.name})
    assert shown(AnonymousUser())[1] == {public.name}
    assert shown(AnonymousUser())[0] == 0
    public.name = "Renamed guidance"
    public.save()
    assert shown(member)[1] == {"Renamed guidance", inside.name}
    assert shown(AnonymousUser())[1] == {"Renamed guidance"}
