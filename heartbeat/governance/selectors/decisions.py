"""The decision log: who sees which decisions, its filters and exports."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from heartbeat.governance import permissions
from heartbeat.governance.models import (
    Board,
    Decision,
    Outcome,
)
from heartbeat.governance.selectors.common import param
from heartbeat.governance.services.gates import stage_label
from heartbeat.portfolio.models import Project, Stage, Visibility
from heartbeat.roadmap.models import Product, ProductStatus
from heartbeat.work_requests.models import State as RequestState
from heartbeat.work_requests.models import WorkRequest

# Decisions ---------------------------------------------------------------------------------


def with_subjects(queryset):
    return queryset.select_related(
        "meeting__board",
        "project",
        "product",
        "product__project",
        "work_request",
        "transition",
        "recorded_by",
    )


def visible_to(queryset, user) -> QuerySet[Decision]:
    """The decisions of ``queryset`` the person may see. Signed in: all of them, except
    those about work requests the person may not see (the work requests app decides
    which). Otherwise: those whose subject is public."""
    # A subquery, not a list of ids: the same single query however many requests there are.
    requests = Q(work_request__in=WorkRequest.objects.visible_to(user).values("pk"))
    if permissions.can_view_meetings(user):
        return queryset.filter(Q(work_request__isnull=True) | requests)
    return queryset.filter(
        Q(project__visibility=Visibility.PUBLIC)
        | Q(product__project__visibility=Visibility.PUBLIC)
        | requests
    )


def about_project(project: Project) -> Q:
    """Decisions about the project or one of its products, for a list paged on its ids:
    the products are looked up by the project first, so that the ids are read without
    joining every product."""
    return Q(project=project) | Q(
        product__in=Product.objects.filter(project=project).values("pk").order_by()
    )


def decision_queryset(user) -> QuerySet[Decision]:
    """Decisions the person may see, newest first, with their board and subject."""
    decisions = with_subjects(Decision.objects.all()).order_by("-meeting__starts_at", "-id")
    return visible_to(decisions, user)


@dataclass
class DecisionFilters:
    board: Board | None = None
    outcome: str = ""
    project: Project | None = None
    work_request: WorkRequest | None = None
    gates: bool = False  # stage-gate decisions only
    q: str = ""

    def as_params(self) -> dict:
        return {
            "board": self.board.slug if self.board else "",
            "outcome": self.outcome,
            "project": self.project.slug if self.project else "",
            "work_request": str(self.work_request.pk) if self.work_request else "",
            "gates": "1" if self.gates else "",
            "q": self.q,
        }

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.board or self.outcome or self.project or self.work_request or self.gates or self.q
        )


FILTER_NAMES = ("board", "outcome", "project", "work_request", "gates", "q")


def request_id(value) -> int | None:
    """A work request's id from its number (12) or its reference (WR-0012); None when the
    value is neither, or too large to be one."""
    text = str(value).strip().upper()
    text = text.removeprefix("WR-")
    if not text.isdigit() or len(text) > 9:
        return None
    return int(text) or None


def parse_decision_filters(user, params) -> tuple[DecisionFilters, list[str]]:
    filters, errors = DecisionFilters(), []
    values = {name: param(params, name) for name in FILTER_NAMES}
    if any("\x00" in v for v in values.values()):
        return filters, ["A filter contains a character that is not allowed: showing everything."]
    if values["board"]:
        filters.board = Board.objects.filter(slug=values["board"][:130]).first()
        if filters.board is None:
            errors.append("There is no such board: showing every board's decisions.")
    if values["outcome"]:
        if values["outcome"] in Outcome.values:
            filters.outcome = values["outcome"]
        else:
            errors.append("Choose approved, rejected or deferred: showing every outcome.")
    if values["project"]:
        filters.project = (
            Project.objects.visible_to(user).filter(slug=values["project"][:120]).first()
        )
        if filters.project is None:
            errors.append("There is no such project: showing decisions about every subject.")
    if values["work_request"]:
        pk = request_id(values["work_request"])
        if pk is not None:
            filters.work_request = WorkRequest.objects.visible_to(user).filter(pk=pk).first()
        if filters.work_request is None:
            errors.append(
                "There is no such work request, or you cannot see it: showing decisions "
                "about every subject."
            )
    filters.gates = values["gates"] in ("1", "on", "true")
    filters.q = values["q"][:100]
    return filters, errors


def decision_log(user, filters: DecisionFilters | None = None) -> QuerySet[Decision]:
    filters = filters or DecisionFilters()
    decisions = decision_queryset(user)
    if filters.board is not None:
        decisions = decisions.filter(meeting__board=filters.board)
    if filters.outcome:
        decisions = decisions.filter(outcome=filters.outcome)
    if filters.project is not None:
        decisions = decisions.filter(about_project(filters.project))
    if filters.work_request is not None:
        decisions = decisions.filter(work_request=filters.work_request)
    if filters.gates:
        decisions = decisions.exclude(gate_stage="")
    if filters.q:
        decisions = decisions.filter(
            Q(title__icontains=filters.q)
            | Q(detail__icontains=filters.q)
            | Q(conditions__icontains=filters.q)
        )
    return decisions


DECISION_EXPORT_HEADERS = (
    "Date",
    "Board",
    "Decision",
    "Outcome",
    "Subject",
    "Stage gate",
    "Conditions",
    "Project moved",
    "Page",
)


def subject_name(decision: Decision) -> str:
    if decision.project_id:
        return decision.project.title
    if decision.product_id:
        return decision.product.name
    if decision.work_request_id:
        return str(decision.work_request)
    return ""


def decision_export_rows(decisions, site: str) -> list[list]:
    return [
        [
            timezone.localdate(d.meeting.starts_at),
            d.meeting.board.name,
            d.title,
            d.get_outcome_display(),
            subject_name(d),
            stage_label(d.gate_stage) if d.gate_stage else "",
            d.conditions,
            timezone.localdate(d.transition.at) if d.transition_id else "",
            site + d.get_absolute_url(),
        ]
        for d in decisions
    ]


def decision_detail(user, pk: int) -> Decision:
    decision = decision_queryset(user).filter(pk=pk).first()
    if decision is None:
        raise Http404("No such decision, or you cannot see it.")
    return decision


def decision_for_change(pk: int) -> Decision:
    return get_object_or_404(with_subjects(Decision.objects.all()), pk=pk)


def subject_choices(user) -> dict:
    """Open projects, products and work requests a decision may be about, for the decision
    form's lists (3 queries). A project's stage is in its label, so the gate it is at is
    clear; so is a request's state. Requests marked as duplicates are left out: decisions
    about them belong to the request they duplicate."""
    projects = [
        (pk, f"{title} ({Stage(stage).label.lower()})")
        for pk, title, stage in Project.objects.open()
        .order_by("title")
        .values_list("pk", "title", "stage")
    ]
    products = list(
        Product.objects.exclude(status=ProductStatus.RETIRED)
        .order_by("name")
        .values_list("pk", "name")
    )
    work_requests = [
        (wr.pk, f"{wr.reference}: {wr.title} ({wr.get_state_display().lower()})")
        for wr in WorkRequest.objects.visible_to(user)
        .exclude(state=RequestState.DUPLICATE)
        .order_by("-pk")
        .only("pk", "title", "state")
    ]
    return {"projects": projects, "products": products, "work_requests": work_requests}


def work_request_decisions(user, work_request: WorkRequest) -> list[Decision]:
    """The decisions about a work request the person may see, oldest first (1 query)."""
    decisions = Decision.objects.filter(work_request=work_request).select_related("meeting__board")
    return list(visible_to(decisions, user).order_by("meeting__starts_at", "id"))
