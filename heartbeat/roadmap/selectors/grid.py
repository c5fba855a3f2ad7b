"""The roadmap itself: its filters, themes by quarters, and its export."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import (
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, RowNumber, TruncQuarter
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.datacache import cached
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Theme
from heartbeat.recruitment.models import JOINED_STATUSES, Participation
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
)
from heartbeat.roadmap.rules import member_organisations
from heartbeat.roadmap.selectors.common import param, percent

# The roadmap shows this many quarters at a time: the last one, this one and six to come.
WINDOW = 8
WINDOW_BEFORE = 1


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
        if "\x00" in param(params, name):
            errors.append(f"The {name} filter contains a character that is not allowed.")
            return filters, errors
    if slug := param(params, "theme"):
        filters.theme = Theme.objects.filter(slug=slug).first()
        if filters.theme is None:
            errors.append(f"There is no theme '{slug[:60]}': showing every theme.")
    if status := param(params, "status"):
        if status in ProductStatus.values:
            filters.status = status
        else:
            errors.append("Choose a status from the list: showing every status.")
    if slug := param(params, "council"):
        filters.council = member_organisations().filter(slug=slug).first()
        if filters.council is None:
            errors.append(
                f"There is no member organisation '{slug[:60]}': showing every organisation."
            )
    if value := param(params, "from"):
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


def _filtered(user, filters: RoadmapFilters | None) -> QuerySet[Product]:
    """Products the person may see that match the filters, in no order."""
    filters = filters or RoadmapFilters()
    products = Product.objects.visible_to(user)
    if filters.theme is not None:
        products = products.filter(project__theme=filters.theme)
    if filters.status:
        products = products.filter(status=filters.status)
    if filters.council is not None:
        products = products.filter(_involving(filters.council))
    return products


def _adopters() -> Coalesce:
    """How many organisations adopted the product, as a subquery (no grouping of the
    product's own columns)."""
    counts = (
        Adoption.objects.filter(product=OuterRef("pk"))
        .order_by()
        .values("product")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


ORDER = ("project__theme__order", "planned_quarter", "name")


def product_list(user, filters: RoadmapFilters | None = None) -> QuerySet[Product]:
    """Products the person may see, filtered, with their project, theme, owner and number of
    adopters (1 query)."""
    return (
        _filtered(user, filters)
        .select_related("project", "project__theme", "owner")
        .annotate(adopters=Count("adoptions", distinct=True))
        .order_by(*ORDER)
    )


# A cell lists at most this many products, and says how many more there are, so the page
# stays readable (and quick) however full the roadmap. Filtered to one theme, a cell lists
# up to THEME_CELL_LIMIT; the rest are in the download.
CELL_LIMIT = 5
THEME_CELL_LIMIT = 40


class Cell(list):
    """The products a cell shows, and ``total``: how many land there."""

    total: int = 0

    def __init__(self, products=(), total: int = 0):
        super().__init__(products)
        self.total = total

    @property
    def more(self) -> int:
        return self.total - len(self)


@dataclass
class ThemeRow:
    theme: Theme
    cells: list[Cell]
    unscheduled: Cell

    @property
    def count(self) -> int:
        return sum(cell.total for cell in self.cells) + self.unscheduled.total


@dataclass
class Roadmap:
    quarters: list[datetime.date]
    rows: list[ThemeRow]
    members: int
    earlier: int  # products on the roadmap before the first quarter shown
    later: int
    current: datetime.date
    total: int = 0
    cell_limit: int = CELL_LIMIT

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


def _on_roadmap() -> Coalesce:
    """The quarter a product sits in (see ``roadmap_quarter``), worked out by the database."""
    # PostgreSQL truncates a date to a timestamp: cast it back, so quarters compare as days.
    return Coalesce(
        Cast(TruncQuarter("delivered_on", output_field=DateField()), DateField()),
        "planned_quarter",
        output_field=DateField(),
    )


def roadmap(user, filters: RoadmapFilters, *, today: datetime.date | None = None) -> Roadmap:
    """Themes down, quarters across, each cell the first products that land in that quarter
    and how many do (4 queries, whatever the number of products).

    The database counts every theme's products in each quarter shown, before and after the
    quarters shown and unscheduled, and reads only the products the cells list. The grid
    depends on the person only through whether they are signed in (``visible_to``), so it
    is kept for each of the two, the filters and the day until the data changes
    (``core.datacache``).
    """
    today = today or timezone.localdate()
    signed_in = bool(user is not None and user.is_authenticated)
    return cached(
        "roadmap.grid",
        (signed_in, tuple(sorted(filters.as_params().items())), today),
        lambda: _roadmap(user, filters, today),
    )


def _roadmap(user, filters: RoadmapFilters, today: datetime.date) -> Roadmap:
    current = quarter_of(today)
    first = filters.start or add_quarters(current, -WINDOW_BEFORE)
    quarters = [add_quarters(first, i) for i in range(WINDOW)]
    limit = THEME_CELL_LIMIT if filters.theme is not None else CELL_LIMIT
    themes = list(Theme.objects.all())
    if filters.theme is not None:
        themes = [t for t in themes if t.pk == filters.theme.pk]
    by_theme: dict[int, ThemeRow] = {
        t.pk: ThemeRow(theme=t, cells=[Cell() for _ in quarters], unscheduled=Cell())
        for t in themes
    }
    products = _filtered(user, filters).annotate(on_roadmap=_on_roadmap())
    in_quarter = {f"q{i}": Count("pk", filter=Q(on_roadmap=q)) for i, q in enumerate(quarters)}
    counts = (
        products.order_by()
        .values("project__theme_id")
        .annotate(
            earlier=Count("pk", filter=Q(on_roadmap__lt=quarters[0])),
            later=Count("pk", filter=Q(on_roadmap__gt=quarters[-1])),
            unscheduled=Count("pk", filter=Q(on_roadmap__isnull=True)),
            **in_quarter,
        )
    )
    earlier = later = total = 0
    for found in counts:
        row = by_theme.get(found["project__theme_id"])
        if row is None:
            continue
        earlier += found["earlier"]
        later += found["later"]
        row.unscheduled.total = found["unscheduled"]
        for i, cell in enumerate(row.cells):
            cell.total = found[f"q{i}"]
        total += found["earlier"] + found["later"] + row.count
    # The first products of each cell, the unscheduled ones (a partition of their own) too.
    shown = (
        products.filter(
            Q(on_roadmap__gte=quarters[0], on_roadmap__lte=quarters[-1])
            | Q(on_roadmap__isnull=True)
        )
        .annotate(
            theme_id=F("project__theme_id"),
            adopters=_adopters(),
            position=Window(
                RowNumber(),
                partition_by=[F("project__theme_id"), F("on_roadmap")],
                order_by=[F("planned_quarter").asc(), F("name").asc(), F("pk").asc()],
            ),
        )
        .filter(position__lte=limit)
        .only("name", "slug", "kind", "status", "planned_quarter", "delivered_on")
        .order_by("planned_quarter", "name", "pk")
    )
    index = {q: i for i, q in enumerate(quarters)}
    for product in shown:
        row = by_theme.get(product.theme_id)
        if row is None:
            continue
        if product.on_roadmap is None:
            row.unscheduled.append(product)
        else:
            row.cells[index[product.on_roadmap]].append(product)
    return Roadmap(
        quarters=quarters,
        rows=list(by_theme.values()),
        members=member_organisations().count(),
        earlier=earlier,
        later=later,
        current=current,
        total=total,
        cell_limit=limit,
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


def export_rows(user, filters: RoadmapFilters | None, *, members: int, site: str) -> Iterator[list]:
    """The roadmap's download, read as it is written (one query at any size)."""
    kinds = dict(ProductKind.choices)
    statuses = dict(ProductStatus.choices)
    # Every product's page address differs only by its slug.
    page = reverse("roadmap:product_detail", args=["slug"]).removesuffix("slug/")
    rows = (
        _filtered(user, filters)
        .annotate(adopters=_adopters())
        .order_by(*ORDER)
        .values_list(
            "name",
            "kind",
            "status",
            "project__title",
            "project__theme__name",
            "planned_quarter",
            "delivered_on",
            "owner__full_name",
            "owner__email",
            "adopters",
            "link",
            "slug",
        )
    )
    for (
        name,
        kind,
        status,
        project,
        theme,
        planned_quarter,
        delivered_on,
        owner_name,
        owner_email,
        adopters,
        link,
        slug,
    ) in rows.iterator(chunk_size=2000):
        yield [
            name,
            kinds.get(kind, kind),
            statuses.get(status, status),
            project,
            theme,
            quarter_label(planned_quarter),
            delivered_on,
            owner_name or owner_email or "",
            adopters,
            percent(adopters, members) if status in DELIVERED_STATUSES else "",
            link,
            f"{site}{page}{slug}/",
        ]
