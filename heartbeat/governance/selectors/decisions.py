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

# Decisions ---------------------------------------------------------------------------------


def with_subjects(queryset):
    return queryset.select_related(
        "meeting__board", "project", "product", "product__project", "transition", "recorded_by"
    )


def decision_queryset(user) -> QuerySet[Decision]:
    """Decisions the person may see: all of them when signed in, else those whose subject
    is public."""
    decisions = with_subjects(Decision.objects.all()).order_by("-meeting__starts_at", "-id")
    if permissions.can_view_meetings(user):
        return decisions
    return decisions.filter(
        Q(project__visibility=Visibility.PUBLIC) | Q(product__project__visibility=Visibility.PUBLIC)
    )


@dataclass
class DecisionFilters:
    board: Board | None = None
    outcome: str = ""
    project: Project | None = None
    gates: bool = False  # stage-gate decisions only
    q: str = ""

    def as_params(self) -> dict:
        return {
            "board": self.board.slug if self.board else "",
            "outcome": self.outcome,
            "project": self.project.slug if self.project else "",
            "gates": "1" if self.gates else "",
            "q": self.q,
        }

    @property
    def is_filtered(self) -> bool:
        return bool(self.board or self.outcome or self.project or self.gates or self.q)


def parse_decision_filters(user, params) -> tuple[DecisionFilters, list[str]]:
    filters, errors = DecisionFilters(), []
    values = {name: param(params, name) for name in ("board", "outcome", "project", "gates", "q")}
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
        decisions = decisions.filter(
            Q(project=filters.project) | Q(product__project=filters.project)
        )
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


def subject_choices() -> dict:
    """Open projects and products a decision may be about, for the decision form's lists
    (2 queries). A project's stage is in its label, so the gate it is at is clear."""
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
    return {"projects": projects, "products": products}
