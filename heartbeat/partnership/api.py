"""Organisations and programme terms as data: the same selectors as the pages."""

import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from heartbeat.core.api.paging import BoundedLimitOffset
from heartbeat.core.exceptions import InvalidInput
from heartbeat.partnership import selectors
from heartbeat.partnership.models import MembershipStatus, OrganisationKind

router = Router(tags=["partnership"])

KindFilter = Literal[tuple(OrganisationKind.values)]  # type: ignore[valid-type]
StatusFilter = Literal[(*MembershipStatus.values, selectors.NO_STATUS)]  # type: ignore[valid-type]


class OrganisationQuery(Schema):
    kind: KindFilter | None = Field(None, description="Only organisations of this kind.")
    term: str | None = Field(
        None,
        max_length=110,
        description="The programme term (its slug) whose decisions `status` and "
        "`term_status` refer to; the current term when not given.",
    )
    status: StatusFilter | None = Field(
        None,
        description=(
            "Only organisations with this decision about the term (the current one unless "
            "`term` names another); 'none' finds those with no decision recorded."
        ),
    )
    q: str | None = Field(
        None, max_length=100, description="Part of a name or official name, or a GSS code."
    )


class OrganisationOut(Schema):
    slug: str
    name: str
    official_name: str
    kind: str
    gss_code: str
    short_code: str
    website: str
    active: bool
    term_status: str | None = Field(
        None,
        description="The organisation's decision about the term asked for (the current "
        "programme term unless `term` names another); null when none is recorded.",
    )
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_term_status(obj) -> str | None:
        return getattr(obj, "term_status", None)


class MembershipOut(Schema):
    term: str
    term_slug: str
    status: str
    status_label: str
    date: datetime.date
    note: str

    @staticmethod
    def resolve_term(obj) -> str:
        return obj.term.name

    @staticmethod
    def resolve_term_slug(obj) -> str:
        return obj.term.slug

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class OrganisationDetailOut(Schema):
    slug: str
    name: str
    official_name: str
    kind: str
    gss_code: str
    short_code: str
    website: str
    active: bool
    url: str
    memberships: list[MembershipOut]


class TermOut(Schema):
    slug: str
    name: str
    start: datetime.date
    end: datetime.date
    description: str
    counts: dict[str, int] = Field(description="Organisations per membership status.")
    total: int


def _term_out(summary: selectors.TermSummary) -> dict:
    term = summary.term
    return {
        "slug": term.slug,
        "name": term.name,
        "start": term.start,
        "end": term.end,
        "description": term.description,
        "counts": summary.counts,
        "total": summary.total,
    }


@router.get("/organisations", response=list[OrganisationOut], summary="List organisations")
@paginate(BoundedLimitOffset)
def list_organisations(request, filters: Query[OrganisationQuery]):
    """The organisations, filtered as on the organisations page, ordered by name whatever
    its case."""
    term = None
    if filters.term:
        term = selectors.term_choices().filter(slug=filters.term).first()
        if term is None:
            raise InvalidInput(f"There is no programme term '{filters.term[:40]}'.", field="term")
    if "\x00" in (filters.q or ""):
        raise InvalidInput("The search contains a character that cannot be used.", field="q")
    return selectors.organisation_list(
        selectors.OrganisationFilters(
            kind=filters.kind, status=filters.status, q=filters.q or "", term=term
        )
    )


@router.get("/organisations/{slug}", response=OrganisationDetailOut, summary="Get one organisation")
def get_organisation(request, slug: str):
    """One organisation with its decision about each programme term."""
    organisation, memberships = selectors.organisation_with_memberships(slug)
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "official_name": organisation.official_name,
        "kind": organisation.kind,
        "gss_code": organisation.gss_code,
        "short_code": organisation.short_code,
        "website": organisation.website,
        "active": organisation.active,
        "url": organisation.get_absolute_url(),
        "memberships": memberships,
    }


@router.get("/terms", response=list[TermOut], summary="List programme terms")
def list_terms(request):
    """Every programme term, oldest first, with counts of organisations per status."""
    return [_term_out(summary) for summary in selectors.term_list()]


@router.get("/terms/{slug}", response=TermOut, summary="Get one programme term")
def get_term(request, slug: str):
    return _term_out(selectors.term_detail(slug))
