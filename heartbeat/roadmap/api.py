"""Roadmap API: products, growing them from a project's definition, and adoption.

The endpoints call the same selectors and services as the pages, so they keep the same
rules and permissions. Products and organisations are named by slug, quarters as 2027-Q1
(January to March 2027). Products of partnership-only projects are for signed-in callers.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from pydantic import AfterValidator

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput, NotFound
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import AnticipatedProduct, Project
from heartbeat.roadmap import permissions, selectors, services
from heartbeat.roadmap.inputs import ProductInput
from heartbeat.roadmap.models import (
    DELIVERED_STATUSES,
    LINK_MAX,
    NAME_MAX,
    NOTE_MAX,
    SUMMARY_MAX,
    Adoption,
    Product,
    ProductKind,
    ProductStatus,
)
from heartbeat.roadmap.quarters import parse_quarter, quarter_key, quarter_label
from heartbeat.roadmap.rules import member_organisations

router = Router(tags=["roadmap"])

MAX_LIMIT = 200
QUARTER = r"^\d{4}-Q[1-4]$"


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character, which is not allowed")
    return value


def Text(max_length: int):  # noqa: N802 - reads as a type in the schemas
    """A string of at most ``max_length`` characters, without NUL bytes."""
    return Annotated[str, Field(max_length=max_length), AfterValidator(_no_nul)]


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


class PersonRef(Schema):
    id: int
    name: str


class ProjectRef(Schema):
    slug: str
    title: str


class ProductOut(Schema):
    slug: str
    name: str
    summary: str
    kind: ProductKind
    kind_label: str
    status: ProductStatus
    status_label: str
    project: ProjectRef
    theme: Ref
    planned_quarter: str | None = Field(description="e.g. 2027-Q1 (January to March 2027)")
    planned_quarter_label: str
    delivered_on: datetime.date | None
    owner: PersonRef | None
    link: str
    adopters: int
    adoption_rate: int | None = Field(
        description="Per cent of the partnership's member organisations that use it"
    )
    version: int
    url: str


class ProductPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[ProductOut]


class AdoptionOut(Schema):
    id: int
    product: str = Field(description="The product's slug")
    organisation: Ref
    adopted_on: datetime.date
    note: str
    version: int


class ProductDetailOut(ProductOut):
    adoptions: list[AdoptionOut]
    members: int = Field(description="Member organisations, the adoption rate's denominator")


class CouncilAdoptionOut(Schema):
    organisation: Ref
    adopted: int
    live_products: int
    rate: int | None


class ChangeOut(Schema):
    kind: str = Field(description="added, moved or delivered")
    on: datetime.date
    product: str
    name: str
    before: str | None = Field(None, description="moved: the quarter before")
    after: str | None = Field(None, description="moved: the quarter now")
    description: str


def _members() -> int:
    return member_organisations().count()


def _product(product: Product, members: int) -> dict:
    adopters = getattr(product, "adopters", None)
    if adopters is None:
        adopters = product.adoptions.count()
    return {
        "slug": product.slug,
        "name": product.name,
        "summary": product.summary,
        "kind": product.kind,
        "kind_label": product.get_kind_display(),
        "status": product.status,
        "status_label": product.get_status_display(),
        "project": {"slug": product.project.slug, "title": product.project.title},
        "theme": {"slug": product.project.theme.slug, "name": product.project.theme.name},
        "planned_quarter": quarter_key(product.planned_quarter)
        if product.planned_quarter
        else None,
        "planned_quarter_label": quarter_label(product.planned_quarter),
        "delivered_on": product.delivered_on,
        "owner": {"id": product.owner.pk, "name": product.owner.display_name}
        if product.owner
        else None,
        "link": product.link,
        "adopters": adopters,
        "adoption_rate": selectors.percent(adopters, members)
        if product.status in DELIVERED_STATUSES
        else None,
        "version": product.version,
        "url": product.get_absolute_url(),
    }


def _adoption(adoption: Adoption, product_slug: str) -> dict:
    return {
        "id": adoption.pk,
        "product": product_slug,
        "organisation": {"slug": adoption.organisation.slug, "name": adoption.organisation.name},
        "adopted_on": adoption.adopted_on,
        "note": adoption.note,
        "version": adoption.version,
    }


def _detail(user, slug: str) -> dict:
    detail = selectors.product_detail(user, slug)
    product = detail.product
    product.adopters = len(detail.adoptions)
    return {
        **_product(product, detail.members),
        "adoptions": [_adoption(a, product.slug) for a in detail.adoptions],
        "members": detail.members,
    }


# Input -------------------------------------------------------------------------------------


class ProductQuery(Schema):
    theme: str = Field("", description="A theme's slug", max_length=110)
    status: str = Field("", description="planned, in_development, live or retired", max_length=20)
    council: str = Field(
        "",
        description="A member organisation's slug: products of projects it leads or joined, "
        "and products it adopted",
        max_length=160,
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ProductIn(Schema):
    name: Text(NAME_MAX)
    kind: ProductKind
    status: ProductStatus
    summary: Text(SUMMARY_MAX) = ""
    planned_quarter: str | None = Field(
        None, pattern=QUARTER, description="A quarter in the project's span, e.g. 2027-Q1"
    )
    delivered_on: datetime.date | None = Field(
        None, description="Required for live and retired products; not in the future"
    )
    owner: int | None = Field(None, description="The id of the person who looks after it")
    link: Text(LINK_MAX) = Field("", description="Where the product lives, https://...")
    version: int = Field(
        description="The version you read; if someone saved the product since, the answer "
        "is 409 edit_conflict and nothing is saved."
    )


class GrowIn(Schema):
    anticipated_product: int | None = Field(
        None,
        description="The id of one of the project's anticipated products (GET "
        "/projects/{slug}); every one of them when left out",
    )


class AdoptionIn(Schema):
    organisation: str | None = Field(
        None, max_length=160, description="The organisation's slug; yours when left out"
    )
    adopted_on: datetime.date = Field(description="Not in the future, nor before delivery")
    note: Text(NOTE_MAX) = ""


class AdoptionUpdateIn(Schema):
    adopted_on: datetime.date
    note: Text(NOTE_MAX) = ""
    version: int


class ChangesQuery(Schema):
    since: datetime.date = Field(
        ge=datetime.date(2000, 1, 1),
        le=datetime.date(2100, 12, 31),
        description="Changes from the start of this day",
    )


def _visible_product(user, slug: str) -> Product:
    return get_object_or_404(
        Product.objects.visible_to(user).select_related("project", "project__theme", "owner"),
        slug=slug,
    )


# Endpoints ---------------------------------------------------------------------------------


@router.get(
    "/products",
    response={200: ProductPageOut, 422: ErrorOut},
    summary="Products on the roadmap",
    description="Filtered as on the roadmap page. Visitors who are not signed in see the "
    "products of public projects. An unknown filter value is a 422.",
)
def product_list(request, params: Query[ProductQuery]):
    filters, errors = selectors.parse_roadmap_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    members = _members()
    return page_of(
        selectors.product_list(request.auth, filters),
        limit=params.limit,
        offset=params.offset,
        item=lambda p: _product(p, members),
    )


@router.get(
    "/products/{slug}",
    response={200: ProductDetailOut, 404: ErrorOut},
    summary="A product with the organisations that adopted it",
)
def product_get(request, slug: str):
    return _detail(request.auth, slug)


@router.put(
    "/products/{slug}",
    auth=required,
    response={200: ProductDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a product",
    description="Open to the product's owner, the project's lead and the programme office. "
    "Send the whole product with the `version` you read.",
)
def product_update(request, slug: str, payload: ProductIn):
    product = _visible_product(request.auth, slug)
    services.product_update(
        actor=request.auth,
        product=product,
        data=ProductInput(
            name=payload.name,
            kind=payload.kind,
            status=payload.status,
            summary=payload.summary,
            planned_quarter=parse_quarter(payload.planned_quarter or ""),
            delivered_on=payload.delivered_on,
            owner_id=payload.owner,
            link=payload.link,
        ),
        expected_version=payload.version,
    )
    return _detail(request.auth, slug)


@router.post(
    "/projects/{slug}/products",
    auth=required,
    response={
        200: list[ProductOut],
        201: list[ProductOut],
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
    },
    summary="Put a project's anticipated products on the roadmap",
    description="Grows one anticipated product, or all of them, into roadmap products. "
    "Growing one that is already on the roadmap returns it unchanged (200); 201 when "
    "something was added.",
)
def product_grow(request, slug: str, payload: GrowIn):
    project = get_object_or_404(Project.objects.visible_to(request.auth), slug=slug)
    if payload.anticipated_product is not None:
        row = AnticipatedProduct.objects.filter(
            pk=payload.anticipated_product, project=project
        ).first()
        if row is None:
            raise NotFound(
                f"{project.title} has no anticipated product {payload.anticipated_product}."
            )
        results = [services.product_grow(actor=request.auth, anticipated=row)]
    else:
        results = services.product_grow_all(actor=request.auth, project=project)
    members = _members()
    slugs = [product.slug for product, _ in results]
    products = {p.slug: p for p in selectors.product_list(request.auth).filter(slug__in=slugs)}
    body = [_product(products[s], members) for s in slugs if s in products]
    return Status(201 if any(created for _, created in results) else 200, body)


@router.get(
    "/products/{slug}/adoptions",
    response={200: list[AdoptionOut], 404: ErrorOut},
    summary="The member organisations that use a product",
)
def adoption_list(request, slug: str):
    detail = selectors.product_detail(request.auth, slug)
    return [_adoption(a, slug) for a in detail.adoptions]


@router.post(
    "/products/{slug}/adoptions",
    auth=required,
    response={201: AdoptionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Record that an organisation uses a product",
    description="Organisation leads record it for their own organisation, the programme "
    "office for any. 422 not_a_member when the organisation is not a member of the "
    "partnership; 409 product_not_live or already_adopted.",
)
def adoption_create(request, slug: str, payload: AdoptionIn):
    product = _visible_product(request.auth, slug)
    user = request.auth
    if payload.organisation:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
        if organisation is None:
            raise InvalidInput(
                f"There is no organisation '{payload.organisation}'.", field="organisation"
            )
    elif user.organisation_id:
        organisation = user.organisation
    else:
        raise InvalidInput("Name the organisation that adopted it.", field="organisation")
    adoption = services.adoption_record(
        actor=user,
        product=product,
        organisation=organisation,
        adopted_on=payload.adopted_on,
        note=payload.note,
    )
    return Status(201, _adoption(adoption, product.slug))


def _adoption_for_change(user, pk: int) -> Adoption:
    adoption = get_object_or_404(
        Adoption.objects.select_related("product", "product__project", "organisation"), pk=pk
    )
    if not permissions.can_view_product(user, adoption.product):
        raise NotFound("No such adoption.")
    return adoption


@router.put(
    "/adoptions/{adoption_id}",
    auth=required,
    response={200: AdoptionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Correct an adoption's date or note",
)
def adoption_update(request, adoption_id: int, payload: AdoptionUpdateIn):
    adoption = _adoption_for_change(request.auth, adoption_id)
    adoption = services.adoption_update(
        actor=request.auth,
        adoption=adoption,
        adopted_on=payload.adopted_on,
        note=payload.note,
        expected_version=payload.version,
    )
    return _adoption(adoption, adoption.product.slug)


@router.delete(
    "/adoptions/{adoption_id}",
    auth=required,
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Record that an organisation no longer uses a product",
)
def adoption_delete(request, adoption_id: int, version: int | None = None):
    adoption = _adoption_for_change(request.auth, adoption_id)
    services.adoption_remove(actor=request.auth, adoption=adoption, expected_version=version)
    return Status(204, None)


@router.get(
    "/adoption",
    response=list[CouncilAdoptionOut],
    summary="Adoption by member organisation",
    description="How many of the live products each member organisation has adopted.",
)
def adoption_by_council(request):
    return [
        {
            "organisation": {"slug": r.organisation.slug, "name": r.organisation.name},
            "adopted": r.adopted,
            "live_products": r.live,
            "rate": r.rate,
        }
        for r in selectors.adoption_by_council(request.auth)
    ]


@router.get(
    "/roadmap/changes",
    response={200: list[ChangeOut], 422: ErrorOut},
    summary="What changed on the roadmap since a date",
    description="Products added, moved to another quarter or delivered, newest first.",
)
def changes(request, params: Query[ChangesQuery]):
    return [
        {
            "kind": c.kind,
            "on": c.on,
            "product": c.product.slug,
            "name": c.product.name,
            "before": quarter_key(c.before) if c.before else None,
            "after": quarter_key(c.after) if c.after else None,
            "description": c.description,
        }
        for c in selectors.changes_since(request.auth, params.since)
    ]
