"""Synthetic roadmap for ``heartbeat generate`` (see ``heartbeat.generator.runner``).

Runs after the work programme's generator. Every anticipated product of a project the
board has approved (approved, recruiting, in delivery, paused or closed) is on the
roadmap. Closed projects' products are live; in delivery, those whose planned date has
passed are mostly live and the rest in development; earlier stages' are planned. Live
products are adopted by up to a third of the member councils, after their delivery. That
is about 250 products and 2,000 adoptions per unit of scale, written with bulk inserts.
"""

from __future__ import annotations

import datetime
import random

from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from heartbeat.generator.runner import BATCH_SIZE
from heartbeat.partnership.models import OrganisationKind
from heartbeat.portfolio.models import AnticipatedProduct, Stage
from heartbeat.roadmap.models import KIND_FOR_ANTICIPATED_TYPE, Adoption, Product, ProductStatus
from heartbeat.roadmap.quarters import overlaps, quarter_of
from heartbeat.roadmap.rules import member_organisations

ON_THE_ROADMAP = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED, Stage.CLOSED)
LIVE_SHARE_WHEN_DUE = 0.75
MOST_ADOPTERS = 1 / 3


def _status(stage: str, planned: datetime.date | None, today, rng) -> str:
    if stage == Stage.CLOSED:
        return ProductStatus.LIVE
    due = planned is not None and planned <= today
    if stage == Stage.IN_DELIVERY:
        if due and rng.random() < LIVE_SHARE_WHEN_DUE:
            return ProductStatus.LIVE
        return ProductStatus.IN_DEVELOPMENT if rng.random() < 0.6 else ProductStatus.PLANNED
    if stage == Stage.PAUSED:
        return ProductStatus.IN_DEVELOPMENT if rng.random() < 0.5 else ProductStatus.PLANNED
    return ProductStatus.PLANNED


def _delivered(row, project, today, rng) -> datetime.date:
    day = row.planned_date or project.planned_end or today
    day = min(day, today)
    if project.planned_start and day < project.planned_start:
        day = min(project.planned_start + datetime.timedelta(days=rng.randint(30, 200)), today)
    return day


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    today = timezone.localdate()
    rows = list(
        AnticipatedProduct.objects.filter(project__stage__in=ON_THE_ROADMAP)
        .select_related("project")
        .only(
            "pk",
            "name",
            "product_type",
            "description",
            "planned_date",
            "project__id",
            "project__stage",
            "project__planned_start",
            "project__planned_end",
            "project__project_lead_id",
            "project__stage_changed_at",
        )
        .order_by("pk")
    )
    products = []
    for row in rows:
        project = row.project
        quarter = quarter_of(row.planned_date) if row.planned_date else None
        if quarter is not None and not overlaps(
            quarter, project.planned_start, project.planned_end
        ):
            quarter = None
        status = _status(project.stage, row.planned_date, today, rng)
        delivered = _delivered(row, project, today, rng) if status == ProductStatus.LIVE else None
        product = Product(
            project_id=project.pk,
            anticipated_id=row.pk,
            name=row.name[:200],
            slug=f"{slugify(row.name)[:100]}-{row.pk}",
            summary=row.description[:400],
            kind=KIND_FOR_ANTICIPATED_TYPE.get(row.product_type, "guidance"),
            status=status,
            planned_quarter=quarter,
            delivered_on=delivered,
            owner_id=project.project_lead_id,
        )
        product._history_date = project.stage_changed_at or timezone.now()
        products.append(product)
    products = bulk_create_with_history(products, Product, batch_size=BATCH_SIZE)

    councils = list(
        member_organisations()
        .filter(kind=OrganisationKind.LOCAL_AUTHORITY)
        .values_list("pk", flat=True)
    )
    adoptions = []
    for product in products:
        if product.status != ProductStatus.LIVE or not councils:
            continue
        count = rng.randint(0, int(len(councils) * MOST_ADOPTERS))
        for organisation_id in rng.sample(councils, count):
            spread = (today - product.delivered_on).days
            adopted_on = product.delivered_on + datetime.timedelta(
                days=rng.randint(0, max(spread, 0))
            )
            adoptions.append(
                Adoption(
                    product_id=product.pk,
                    organisation_id=organisation_id,
                    adopted_on=adopted_on,
                )
            )
    bulk_create_with_history(adoptions, Adoption, batch_size=BATCH_SIZE)
    return {"products": len(products), "adoptions": len(adoptions)}


def flush(stdout) -> None:
    """Delete every product and adoption, with their history."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        Adoption.objects.all().delete()
        Product.objects.all().delete()
    Adoption.history.all().delete()
    Product.history.all().delete()
