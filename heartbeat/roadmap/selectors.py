"""Reads for the roadmap's pages, feeds and API, each in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from heartbeat.core.formatting import uk_date
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, Theme
from heartbeat.recruitment.models import JOINED_STATUSES, Participation
from heartbeat.roadmap import permissions
from heartbeat.roadmap.models import (
    DELIVERED_STATUSES,
    Adoption,
    Product,
    ProductKind,
    ProductStatus,
)
from heartbeat.roadmap.quarters import (
    add_quarters,
    parse_quarter,
    quarter_end,
    quarter_key,
    quarter_label,
    quarter_of,
    quarter_range,
)
from heartbeat.roadmap.rules import member_organisations

# The roadmap shows this many quarters at a time: the last one, this one and six to come.
WINDOW = 8
WINDOW_BEFORE = 1


def _param(params, name: str) -> str:
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def percent(part: int, whole: int) -> int | None:
    """A whole-number percentage, or None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100 * part / whole)


# Filters -----------------------------------------------------------------------------------


@dataclass
class RoadmapFilters:
    theme: Theme | None = None
    status: str = ""
    council: Organisation | None = None
    start: datetime.date | None = None  # the first quarter shown

    def as_params(self) -> dict[str, str]:
        return {
            "theme": self.theme.slug if self.theme else "",
            "status": self.status,
            "council": self.council.slug if self.council else "",
            "from": quarter_key(self.start) if self.start else "",
        }

    @property
    def is_filtered(self) -> bool:
        return bool(self.theme or self.status or self.council)


def parse_roadmap_filters(params) -> tuple[RoadmapFilters, list[str]]:
    """The roadmap's filters from a query string; an unknown value is dropped and named in
    an error, so a mistyped link still shows the roadmap."""
    filters, errors = RoadmapFilters(), []
    for name in ("theme", "status", "council", "from"):
        if "\x00" in _param(params, name):
            errors.append(f"The {name} filter contains a character that is not allowed.")
            return filters, errors
    if slug := _param(params, "theme"):
        filters.theme = Theme.objects.filter(slug=slug).first()
        if filters.theme is None:
            errors.append(f"There is no theme '{slug[:60]}': showing every theme.")
    if status := _param(params, "status"):
        if status in ProductStatus.values:
            filters.status = status
        else:
            errors.append("Choose a status from the list: showing every status.")
    if slug := _param(params, "council"):
        filters.council = member_organisations().filter(slug=slug).first()
        if filters.council is None:
            errors.append(
                f"There is no member organisation '{slug[:60]}': showing every organisation."
            )
    if value := _param(params, "from"):
        filters.start = parse_quarter(value)
        if filters.start is None:
            errors.append("Give the first quarter like 2027-Q1: showing the quarters from now.")
    return filters, errors


def filter_options() -> dict:
    """Choices for the roadmap's filter form (2 queries)."""
    return {
        "themes": list(Theme.objects.values_list("slug", "name")),
        "councils": list(member_organisations().values_list("slug", "name")),
        "statuses": ProductStatus.choices,
    }


# The roadmap -------------------------------------------------------------------------------


def roadmap_quarter(product: Product) -> datetime.date | None:
    """Where a product sits on the roadmap: when it was delivered, else when it is planned."""
    if product.delivered_on is not None:
        return quarter_of(product.delivered_on)
    return product.planned_quarter


def _involving(organisation: Organisation) -> Q:
    joined = Participation.objects.filter(
        project=OuterRef("project"), organisation=organisation, status__in=JOINED_STATUSES
    )
    adopted = Adoption.objects.filter(product=OuterRef("pk"), organisation=organisation)
    return Q(project__lead_organisation=organisation) | Q(Exists(joined)) | Q(Exists(adopted))


def product_list(user, filters: RoadmapFilters | None = None) -> QuerySet[Product]:
    """Products the person may see, filtered, with their project, theme, owner and number of
    adopters (1 query)."""
    filters = filters or RoadmapFilters()
    products = (
        Product.objects.visible_to(user)
        .select_related("project", "project__theme", "owner")
        .annotate(adopters=Count("adoptions", distinct=True))
        .order_by("project__theme__order", "planned_quarter", "name")
    )
    if filters.theme is not None:
        products = products.filter(project__theme=filters.theme)
    if filters.status:
        products = products.filter(status=filters.status)
    if filters.council is not None:
        products = products.filter(_involving(filters.council))
    return products


@dataclass
class ThemeRow:
    theme: Theme
    cells: list[list[Product]]
    unscheduled: list[Product]

    @property
    def count(self) -> int:
        return sum(len(cell) for cell in self.cells) + len(self.unscheduled)


@dataclass
class Roadmap:
    quarters: list[datetime.date]
    rows: list[ThemeRow]
    members: int
    earlier: int  # products on the roadmap before the first quarter shown
    later: int
    current: datetime.date
    total: int = 0

    @property
    def label(self) -> str:
        """October 2026 to September 2028."""
        return f"{self.quarters[0]:%B %Y} to {quarter_end(self.quarters[-1]):%B %Y}"

    @property
    def previous_start(self) -> datetime.date:
        return add_quarters(self.quarters[0], -WINDOW // 2)

    @property
    def next_start(self) -> datetime.date:
        return add_quarters(self.quarters[0], WINDOW // 2)


def roadmap(user, filters: RoadmapFilters, *, today: datetime.date | None = None) -> Roadmap:
    """Themes down, quarters across, each cell the products that land in that quarter
    (3 queries)."""
    today = today or timezone.localdate()
    current = quarter_of(today)
    first = filters.start or add_quarters(current, -WINDOW_BEFORE)
    quarters = [add_quarters(first, i) for i in range(WINDOW)]
    themes = list(Theme.objects.all())
    if filters.theme is not None:
        themes = [t for t in themes if t.pk == filters.theme.pk]
    by_theme: dict[int, ThemeRow] = {
        t.pk: ThemeRow(theme=t, cells=[[] for _ in quarters], unscheduled=[]) for t in themes
    }
    index = {q: i for i, q in enumerate(quarters)}
    earlier = later = total = 0
    for product in product_list(user, filters):
        row = by_theme.get(product.project.theme_id)
        if row is None:
            continue
        total += 1
        quarter = roadmap_quarter(product)
        if quarter is None:
            row.unscheduled.append(product)
        elif quarter in index:
            row.cells[index[quarter]].append(product)
        elif quarter < quarters[0]:
            earlier += 1
        else:
            later += 1
    return Roadmap(
        quarters=quarters,
        rows=list(by_theme.values()),
        members=member_organisations().count(),
        earlier=earlier,
        later=later,
        current=current,
        total=total,
    )


EXPORT_HEADERS = (
    "Product",
    "Type",
    "Status",
    "Project",
    "Theme",
    "Planned quarter",
    "Delivered",
    "Owner",
    "Organisations adopted",
    "Adoption rate (%)",
    "Where it lives",
    "Page",
)


def export_rows(products, *, members: int, site: str) -> list[list]:
    return [
        [
            p.name,
            p.get_kind_display(),
            p.get_status_display(),
            p.project.title,
            p.project.theme.name,
            quarter_label(p.planned_quarter),
            p.delivered_on,
            p.owner.display_name if p.owner else "",
            p.adopters,
            percent(p.adopters, members) if p.status in DELIVERED_STATUSES else "",
            p.link,
            site + p.get_absolute_url(),
        ]
        for p in products
    ]


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


# What changed since a date -----------------------------------------------------------------

ADDED, MOVED, DELIVERED = "added", "moved", "delivered"
CHANGE_LABELS = {ADDED: "Added", MOVED: "Moved", DELIVERED: "Delivered"}
_FIELDS = ("id", "history_id", "history_type", "history_date", "planned_quarter", "status")


@dataclass
class Change:
    kind: str
    product: Product
    on: datetime.date
    before: datetime.date | None = None  # moved: from this quarter...
    after: datetime.date | None = None  # ...to this one

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self.kind]

    @property
    def description(self) -> str:
        if self.kind == MOVED:
            return (
                f"From {quarter_label(self.before, 'not scheduled')} to "
                f"{quarter_label(self.after, 'not scheduled')}"
            )
        if self.kind == DELIVERED:
            return f"Delivered on {uk_date(self.product.delivered_on)}"
        return f"Planned for {quarter_label(self.product.planned_quarter, 'no quarter yet')}"


def changes_since(user, since: datetime.date) -> list[Change]:
    """Products added, moved to another quarter or delivered since the start of ``since``,
    read from their history (3 queries), newest first."""
    moment = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    visible = Product.objects.visible_to(user)
    later = list(
        Product.history.filter(history_date__gte=moment, id__in=visible.values("pk"))
        .order_by("id", "history_date", "history_id")
        .values(*_FIELDS)
    )
    if not later:
        return []
    ids = {record["id"] for record in later}
    before: dict[int, dict] = {}
    for record in (
        Product.history.filter(id__in=ids, history_date__lt=moment)
        .order_by("id", "-history_date", "-history_id")
        .values(*_FIELDS)
    ):
        before.setdefault(record["id"], record)
    products = {
        p.pk: p for p in visible.filter(pk__in=ids).select_related("project", "project__theme")
    }
    records: dict[int, list[dict]] = defaultdict(list)
    for record in later:
        records[record["id"]].append(record)
    changes: list[Change] = []
    for pk, history in records.items():
        product = products.get(pk)
        if product is None:  # removed since
            continue
        start = before.get(pk)
        added = start is None
        if added:
            changes.append(Change(ADDED, product, timezone.localdate(history[0]["history_date"])))
        elif start["planned_quarter"] != product.planned_quarter:
            previous, moved_at = start["planned_quarter"], history[-1]["history_date"]
            for record in history:
                if record["planned_quarter"] != previous:
                    moved_at = record["history_date"]
                previous = record["planned_quarter"]
            changes.append(
                Change(
                    MOVED,
                    product,
                    timezone.localdate(moved_at),
                    before=start["planned_quarter"],
                    after=product.planned_quarter,
                )
            )
        was_delivered = start is not None and start["status"] in DELIVERED_STATUSES
        if product.status in DELIVERED_STATUSES and not was_delivered:
            delivered_at = next(
                (r["history_date"] for r in history if r["status"] in DELIVERED_STATUSES),
                history[-1]["history_date"],
            )
            changes.append(Change(DELIVERED, product, timezone.localdate(delivered_at)))
    changes.sort(key=lambda c: (c.on, c.product.name), reverse=True)
    return changes


CHANGE_EXPORT_HEADERS = ("Date", "Change", "Product", "Project", "Details")


def change_export_rows(changes: list[Change]) -> list[list]:
    return [
        [c.on, c.label, c.product.name, c.product.project.title, c.description] for c in changes
    ]


# Feeds and other apps' pages ---------------------------------------------------------------


def calendar_products(user) -> list[Product]:
    """Products with a planned quarter or a delivered date, for the iCalendar feed (1 query)."""
    return list(
        Product.objects.visible_to(user)
        .filter(Q(planned_quarter__isnull=False) | Q(delivered_on__isnull=False))
        .exclude(status=ProductStatus.RETIRED)
        .select_related("project")
        .order_by("planned_quarter", "name")
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
    """For the project page: reuses the page's prefetched anticipated products (2 queries)."""
    products = list(
        Product.objects.filter(project=project)
        .select_related("owner")
        .annotate(adopters=Count("adoptions", distinct=True))
        .order_by("planned_quarter", "name")
    )
    by_anticipated = {p.anticipated_id: p for p in products if p.anticipated_id}
    rows = [(a, by_anticipated.get(a.pk)) for a in project.products.all()]
    shown = {p.pk for _, p in rows if p is not None}
    return ProjectProducts(
        rows=rows,
        extra=[p for p in products if p.pk not in shown],
        members=member_organisations().count(),
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
