"""Load the demo roadmap (see ``heartbeat.demo.loader`` and ``demo.data.roadmap``).

Products grow from the approved demo projects' anticipated products. Like the work
programme's loader, this one writes with the ORM rather than the services because the
demo tells each product's story in the past: every change is saved with the date the
story gives, so the roadmap's "what changed" reads true. It follows the services' rules
otherwise (quarters in the project's span, delivered dates in the past, adoption only by
members of live products after delivery), and the tests check every product against them.

Idempotent: a product is keyed on the anticipated product it grew from, an adoption on its
product and organisation; what exists is left as it is.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.core.exceptions import ApplicationError
from heartbeat.demo.data import roadmap as demo_data
from heartbeat.demo.portfolio import event_time, parse_date
from heartbeat.demo.skills import programme_office_user
from heartbeat.partnership.models import OrganisationKind
from heartbeat.portfolio.models import AnticipatedProduct, Stage, StageTransition
from heartbeat.roadmap import rules
from heartbeat.roadmap.models import KIND_FOR_ANTICIPATED_TYPE, Adoption, Product
from heartbeat.roadmap.quarters import overlaps, parse_quarter, quarter_of

# Projects whose products are on the roadmap: the board has approved them.
ON_THE_ROADMAP = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED, Stage.CLOSED)
# Councils take up a product over the months after it is delivered.
ADOPTION_SPREAD_DAYS = 240


def _approved_at(project, transitions: dict[int, datetime.datetime]) -> datetime.datetime:
    return transitions.get(project.pk) or event_time(project.created_at.date().isoformat())


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:100].strip("-") or "product"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _save(product: Product, actor, when: datetime.datetime) -> None:
    product._history_user = actor
    product._history_date = when
    product.save()


def _apply(product: Product, changes: dict) -> None:
    for name, value in changes.items():
        if name == "planned_quarter":
            value = parse_quarter(value) if value else None
        elif name == "delivered_on":
            value = parse_date(value)
        setattr(product, name, value)


def _grow(row: AnticipatedProduct, plan: dict, *, office, approved_at, taken) -> Product:
    project = row.project
    quarter = quarter_of(row.planned_date) if row.planned_date else None
    if quarter is not None and not overlaps(quarter, project.planned_start, project.planned_end):
        quarter = None
    name = plan.get("name", row.name)
    product = Product(
        project=project,
        anticipated=row,
        name=name,
        slug=_unique_slug(name, taken),
        summary=row.description[:400],
        kind=plan.get("kind", KIND_FOR_ANTICIPATED_TYPE.get(row.product_type, "guidance")),
        status="planned",
        planned_quarter=quarter,
        owner=project.project_lead,
        link=plan.get("link", ""),
        created_by=office,
    )
    _save(product, office, approved_at)
    for day, changes in plan.get("story", []):
        _apply(product, changes)
        product.version += 1
        _save(product, office, event_time(day))
    rules.check_planned_quarter(product.planned_quarter, project)
    rules.check_delivered(product.status, product.delivered_on)
    Product.objects.filter(pk=product.pk).update(
        created_at=approved_at, updated_at=product.history.first().history_date
    )
    return product


def _adopt(product: Product, plan: dict, councils: list, office) -> int:
    count = plan.get("adopters", 0)
    if product.status != "live" or not count:
        return 0
    chooser = random.Random(product.slug)  # noqa: S311 - the same councils on every run
    chosen = sorted(chooser.sample(councils, min(count, len(councils))), key=lambda o: o.name)
    notes = plan.get("notes", {})
    today = timezone.localdate()
    existing = set(product.adoptions.values_list("organisation_id", flat=True))
    made = 0
    for organisation in chosen:
        if organisation.pk in existing:
            continue
        spread = chooser.randint(0, ADOPTION_SPREAD_DAYS)
        adopted_on = min(product.delivered_on + datetime.timedelta(days=spread), today)
        rules.check_adopted_on(adopted_on, product, today=today)
        adoption = Adoption(
            product=product,
            organisation=organisation,
            adopted_on=adopted_on,
            note=notes.get(organisation.name, ""),
            recorded_by=office,
        )
        adoption._history_user = office
        adoption._history_date = event_time(adopted_on.isoformat())
        adoption.save()
        made += 1
    return made


def load(context) -> None:
    with transaction.atomic():
        office = programme_office_user()
        rows = list(
            AnticipatedProduct.objects.filter(project__stage__in=ON_THE_ROADMAP)
            .select_related("project", "project__project_lead")
            .order_by("project__slug", "order", "id")
        )
        missing = set(demo_data.PRODUCTS) - {(r.project.slug, r.name) for r in rows}
        if missing:
            raise ApplicationError(
                "The demo roadmap names products the demo projects do not have: "
                + ", ".join(f"{slug}: {name}" for slug, name in sorted(missing))
            )
        transitions = dict(
            StageTransition.objects.filter(to_stage=Stage.APPROVED)
            .order_by("at")
            .values_list("project_id", "at")
        )
        grown = {p.anticipated_id: p for p in Product.objects.filter(anticipated__in=rows)}
        taken = set(Product.objects.values_list("slug", flat=True))
        members = [
            o
            for o in rules.member_organisations().order_by("name")
            if o.kind == OrganisationKind.LOCAL_AUTHORITY
        ]
        created = adoptions = 0
        for row in rows:
            plan = demo_data.PRODUCTS.get((row.project.slug, row.name), {})
            product = grown.get(row.pk)
            if product is None:
                product = _grow(
                    row,
                    plan,
                    office=office,
                    approved_at=_approved_at(row.project, transitions),
                    taken=taken,
                )
                created += 1
            adoptions += _adopt(product, plan, members, office)
    context.summary.append(
        f"Roadmap: {len(rows)} products ({created} created), {adoptions} adoptions added."
    )
