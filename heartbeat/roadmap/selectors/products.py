"""A product, adoption by council, the calendar, and the roadmap's parts of the project
and organisation pages."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Func, IntegerField, Q, Subquery
from django.http import Http404
from django.utils import timezone

from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project
from heartbeat.roadmap import permissions
from heartbeat.roadmap.models import (
    Adoption,
    Product,
    ProductKind,
    ProductStatus,
)
from heartbeat.roadmap.quarters import (
    add_quarters,
    quarter_key,
    quarter_label,
    quarter_of,
    quarter_range,
)
from heartbeat.roadmap.rules import member_organisations
from heartbeat.roadmap.selectors.common import percent

# A product ---------------------------------------------------------------------------------


@dataclass
class ProductDetail:
    product: Product
    adoptions: list[Adoption]
    members: int
    rate: int | None
    can_edit: bool
    can_adopt: bool
    own_adoption: Adoption | None = None


def product_detail(user, slug: str) -> ProductDetail:
    """A product with its project, owner and adoptions, or 404 (3 queries)."""
    product = (
        Product.objects.visible_to(user)
        .select_related(
            "project", "project__theme", "project__lead_organisation", "owner", "anticipated"
        )
        .filter(slug=slug)
        .first()
    )
    if product is None or not permissions.can_view_product(user, product):
        raise Http404("No such product, or you cannot see it.")
    adoptions = list(
        product.adoptions.select_related("organisation").order_by("organisation__name")
    )
    members = member_organisations().count()
    own = None
    if user is not None and user.is_authenticated and user.organisation_id:
        own = next((a for a in adoptions if a.organisation_id == user.organisation_id), None)
    return ProductDetail(
        product=product,
        adoptions=adoptions,
        members=members,
        rate=percent(len(adoptions), members),
        can_edit=permissions.can_edit_product(user, product),
        can_adopt=product.status == ProductStatus.LIVE
        and permissions.can_record_any_adoption(user),
        own_adoption=own,
    )


def product_for_change(user, slug: str) -> Product:
    """A product to edit or adopt, with its project (1 query), or 404."""
    product = (
        Product.objects.visible_to(user)
        .select_related("project", "owner")
        .filter(slug=slug)
        .first()
    )
    if product is None:
        raise Http404("No such product, or you cannot see it.")
    return product


# Adoption by council -----------------------------------------------------------------------


@dataclass
class CouncilAdoption:
    organisation: Organisation
    adopted: int
    live: int

    @property
    def rate(self) -> int | None:
        return percent(self.adopted, self.live)


def adoption_by_council(user) -> list[CouncilAdoption]:
    """Each member organisation with how many of the live products it has adopted
    (2 queries)."""
    live = Product.objects.visible_to(user).filter(status=ProductStatus.LIVE)
    live_count = live.count()
    organisations = member_organisations().annotate(
        adopted=Count(
            "adoptions", filter=Q(adoptions__product__in=live.values("pk")), distinct=True
        )
    )
    return [
        CouncilAdoption(organisation=o, adopted=o.adopted, live=live_count) for o in organisations
    ]


COUNCIL_EXPORT_HEADERS = ("Organisation", "Live products adopted", "Live products", "Rate (%)")


def council_export_rows(rows: list[CouncilAdoption]) -> list[list]:
    return [[r.organisation.name, r.adopted, r.live, r.rate] for r in rows]


ADOPTION_EXPORT_HEADERS = ("Organisation", "Adopted on", "Note")


def adoption_export_rows(adoptions: list[Adoption]) -> list[list]:
    return [[a.organisation.name, a.adopted_on, a.note] for a in adoptions]


# Feeds and other apps' pages ---------------------------------------------------------------


def calendar_products(user) -> Iterator[tuple]:
    """Products with a planned quarter or a delivered date, for the iCalendar feed, as rows
    of (pk, name, slug, kind, status, planned quarter, delivered on, project's title), read
    as the feed is written (1 query)."""
    return (
        Product.objects.visible_to(user)
        .filter(Q(planned_quarter__isnull=False) | Q(delivered_on__isnull=False))
        .exclude(status=ProductStatus.RETIRED)
        .order_by("planned_quarter", "name", "pk")
        .values_list(
            "pk",
            "name",
            "slug",
            "kind",
            "status",
            "planned_quarter",
            "delivered_on",
            "project__title",
        )
        .iterator(chunk_size=2000)
    )


@dataclass
class ProjectProducts:
    """A project's anticipated products, each with the roadmap product it grew (if any)."""

    rows: list[tuple]  # (anticipated product, roadmap product or None)
    extra: list[Product] = field(default_factory=list)  # products no longer in the definition
    members: int = 0
    can_grow: bool = False

    @property
    def ungrown(self) -> int:
        return sum(1 for _, product in self.rows if product is None)


def project_products(user, project: Project) -> ProjectProducts:
    """For the project page: reuses the page's prefetched anticipated products (1 query:
    each product carries the number of member organisations, for its adoption rate)."""
    members = Subquery(
        member_organisations().order_by().values_list(Func("pk", function="COUNT")),
        output_field=IntegerField(),
    )
    products = list(
        Product.objects.filter(project=project)
        .select_related("owner")
        .annotate(adopters=Count("adoptions", distinct=True), members=members)
        .order_by("planned_quarter", "name")
    )
    by_anticipated = {p.anticipated_id: p for p in products if p.anticipated_id}
    rows = [(a, by_anticipated.get(a.pk)) for a in project.products.all()]
    shown = {p.pk for _, p in rows if p is not None}
    return ProjectProducts(
        rows=rows,
        extra=[p for p in products if p.pk not in shown],
        # Without products, no adoption rate is shown.
        members=products[0].members if products else 0,
        can_grow=permissions.can_grow_products(user, project),
    )


def organisation_adoptions(user, organisation: Organisation) -> list[Adoption]:
    """The products an organisation has adopted that the person may see (1 query)."""
    visible = Product.objects.visible_to(user).values("pk")
    return list(
        Adoption.objects.filter(organisation=organisation, product__in=visible)
        .select_related("product", "product__project")
        .order_by("product__name")
    )


def kind_choices() -> list[tuple[str, str]]:
    return list(ProductKind.choices)


def quarter_choices(project: Project, keep: datetime.date | None = None) -> list[tuple[str, str]]:
    """The quarters a project's products may be planned for: those its span touches (three
    years from either end when one is open), plus ``keep``, a product's current quarter."""
    start, end = project.planned_start, project.planned_end
    if start is None and end is None:
        start = timezone.localdate()
    if end is None:
        end = add_quarters(quarter_of(start), 11)
    if start is None:
        start = add_quarters(quarter_of(end), -11)
    quarters = quarter_range(start, end)
    if keep is not None and keep not in quarters:
        quarters = sorted([*quarters, keep])
    return [(quarter_key(q), quarter_label(q)) for q in quarters]
