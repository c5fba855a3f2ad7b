"""Reads of the work programme for people's home pages and people's pages, each in a fixed
number of queries however many projects there are."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
)

FINISHED = (Stage.CLOSED, Stage.CANCELLED)
# Stages a project is in once it has been approved, while its definition still matters.
APPROVED_STAGES = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED)

# What a definition needs (portfolio.rules.definition_checklist), worked out by the database
# for a whole list of projects at once; the labels are the checklist's own.
DEFINITION_CHECKS = {
    "scope": Exists(ScopeItem.objects.filter(project=OuterRef("pk"), kind=ScopeItem.Kind.IN)),
    "requirements": Exists(Requirement.objects.filter(project=OuterRef("pk"))),
    "products": Exists(AnticipatedProduct.objects.filter(project=OuterRef("pk"))),
    "benefits": Exists(ExpectedBenefit.objects.filter(project=OuterRef("pk"))),
    "resources": Exists(
        ResourceRequirement.objects.filter(
            project=OuterRef("pk"),
            skill__isnull=False,
            days_per_month__isnull=False,
            start_month__isnull=False,
            end_month__isnull=False,
        ).exclude(days_per_month=0)
    ),
    "lead_organisation": Q(lead_organisation__isnull=False),
    "project_lead": Q(project_lead__isnull=False),
}
DEFINITION_LABELS = {
    "scope": "At least one thing in scope",
    "requirements": "At least one requirement",
    "products": "At least one anticipated product",
    "benefits": "At least one expected benefit",
    "resources": "At least one resource requirement with a skill, days per month and a period",
    "lead_organisation": "A lead organisation",
    "project_lead": "A project lead",
}


def with_definition_checks(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate each project with ``has_<check>`` flags, one per definition check."""
    from django.db.models import BooleanField, ExpressionWrapper

    return projects.annotate(
        **{
            f"has_{key}": ExpressionWrapper(check, output_field=BooleanField())
            for key, check in DEFINITION_CHECKS.items()
        }
    )


def missing_labels(project: Project) -> list[str]:
    """What an annotated project's definition still lacks, in the checklist's words."""
    return [label for key, label in DEFINITION_LABELS.items() if not getattr(project, f"has_{key}")]


def projects_led_by(person) -> QuerySet[Project]:
    """Projects ``person`` leads that are still open, newest stage move first, with what
    their definitions still lack (one query)."""
    return with_definition_checks(
        Project.objects.filter(project_lead=person)
        .exclude(stage__in=FINISHED)
        .select_related("theme", "lead_organisation")
        .order_by(F("stage_changed_at").desc(nulls_last=True), "title", "pk")
    )


def awaiting_decision(user) -> QuerySet[Project]:
    """Projects waiting for a stage decision: defined, and awaiting approval (one query)."""
    return (
        Project.objects.visible_to(user)
        .filter(stage=Stage.DEFINED)
        .select_related("lead_organisation", "project_lead")
        .order_by(F("stage_changed_at").asc(nulls_last=True), "title", "pk")
    )


def changed_since_approval(user) -> QuerySet[Project]:
    """Approved projects whose details or definition someone changed after the approval.

    Every save of a project through its services leaves one history record and every stage
    move one StageTransition, so a project has been changed since its latest approval when
    it has more history records since then than stage moves (one query)."""
    approval = StageTransition.objects.filter(
        project=OuterRef("pk"), to_stage=Stage.APPROVED
    ).order_by("-at", "-pk")
    since = Project.history.filter(id=OuterRef("pk"), history_date__gte=OuterRef("approved_at"))
    moves = StageTransition.objects.filter(project=OuterRef("pk"), at__gte=OuterRef("approved_at"))
    return (
        Project.objects.visible_to(user)
        .filter(stage__in=APPROVED_STAGES)
        .annotate(approved_at=Subquery(approval.values("at")[:1]))
        .filter(approved_at__isnull=False)
        .annotate(
            saves_since=_count(since, "id"),
            moves_since=_count(moves, "project"),
        )
        .annotate(changes_since=F("saves_since") - F("moves_since"))
        .filter(changes_since__gt=0)
        .select_related("lead_organisation", "project_lead")
        .order_by("-updated_at", "pk")
    )


def _count(queryset, group: str):
    counted = queryset.order_by().values(group).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


@dataclass
class NewItem:
    when: datetime.datetime
    slug: str
    title: str
    organisation: str  # the project's lead organisation's name, or ""
    what: str  # "added" or "moved"
    to_stage: str = ""

    @property
    def to_stage_label(self) -> str:
        return Stage(self.to_stage).label if self.to_stage in Stage.values else self.to_stage

    def get_absolute_url(self) -> str:
        return reverse("portfolio:project_detail", args=[self.slug])


def _scalar_count(queryset) -> Subquery:
    return Subquery(
        queryset.order_by().values_list(Func("pk", function="COUNT")),
        output_field=IntegerField(),
    )


NEWS_COLUMNS = (
    "when", "news_slug", "news_title", "organisation", "what", "news_stage",
    "added_total", "moves_total", "news_id",
)  # fmt: skip


def new_since(user, since: datetime.datetime, limit: int | None) -> tuple[list[NewItem], int]:
    """Projects added and stage moves since ``since`` that ``user`` may see, newest first,
    the first ``limit`` of them (all for None) and how many in all (one query: the two
    kinds of news are one union, each row carrying both totals)."""
    visible = Project.objects.visible_to(user)
    added = visible.filter(created_at__gte=since)
    moves = StageTransition.objects.filter(project__in=visible, at__gte=since)
    totals = {"added_total": _scalar_count(added), "moves_total": _scalar_count(moves)}
    text = CharField()

    def half(queryset, **columns):
        # Every column an annotation, so both halves of the union list them in one order.
        return queryset.order_by().annotate(**columns, **totals).values_list(*NEWS_COLUMNS)

    news = (
        half(
            added,
            news_id=F("pk"),
            when=F("created_at"),
            news_slug=F("slug"),
            news_title=F("title"),
            organisation=F("lead_organisation__name"),
            what=Value("added", output_field=text),
            news_stage=Value("", output_field=text),
        )
        .union(
            half(
                moves,
                news_id=F("pk"),
                when=F("at"),
                news_slug=F("project__slug"),
                news_title=F("project__title"),
                organisation=F("project__lead_organisation__name"),
                what=Value("moved", output_field=text),
                news_stage=F("to_stage"),
            ),
            all=True,
        )
        .order_by("-when", "-news_id")
    )
    rows = list(news if limit is None else news[:limit])
    total = (rows[0][6] + rows[0][7]) if rows else 0
    items = [
        NewItem(when, slug, title, organisation or "", what, stage)
        for when, slug, title, organisation, what, stage, *_ in rows
    ]
    return items, total
