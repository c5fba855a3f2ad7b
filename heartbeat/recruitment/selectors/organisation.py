"""Reads for a council's page (its hub) and the home page's blocks about organisations,
each in a fixed number of queries however many rows there are.

What several parts of one page need (an organisation's pledges, its declarations) is read
once per request and shared (``OrganisationWork``, ``work_for``).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from heartbeat.core.datacache import cached
from heartbeat.core.months import add_months, first_of_month, month_range
from heartbeat.portfolio.models import Project, ResourceRequirement, Stage, StageTransition
from heartbeat.recruitment.coverage import ZERO, pledge_days_by_month, sum_by_month
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeAdjustment,
)
from heartbeat.recruitment.selectors.capacity import CapacityMonth
from heartbeat.recruitment.selectors.figures import EPSILON, NEED_STAGES, with_coverage
from heartbeat.recruitment.selectors.help import HelpMatch
from heartbeat.skills.models import UserSkill

DAYS = DecimalField(max_digits=12, decimal_places=1)

# Months the hub, the blocks and people's pages look ahead, this month included.
WINDOW_MONTHS = 12
# A pledge "ends soon" when its last day falls within this many days.
ENDING_WITHIN_DAYS = 60
CURRENT_PARTICIPATION = (
    ParticipationStatus.INTERESTED,
    ParticipationStatus.COMMITTED,
    ParticipationStatus.ACTIVE,
)


def this_month(today: datetime.date | None = None) -> datetime.date:
    return first_of_month(today or timezone.localdate())


def window(today: datetime.date | None = None, months: int = WINDOW_MONTHS) -> list[datetime.date]:
    start = this_month(today)
    return month_range(start, add_months(start, months - 1))


def _days_by_month(pledge: Pledge) -> dict[datetime.date, Decimal]:
    return pledge_days_by_month(
        pledge.start_month,
        pledge.end_month,
        pledge.days_per_month,
        {a.month: a.days for a in pledge.adjustments.all()},
    )


def last_day(month: datetime.date) -> datetime.date:
    return add_months(month, 1) - datetime.timedelta(days=1)


# An organisation's work ---------------------------------------------------------------------


@dataclass
class OrganisationWork:
    """An organisation's active pledges that have not ended (with their people, needs,
    projects and planned reductions) and its declared capacity: what the hub's sections
    and the organisation lead's blocks are drawn from (3 queries)."""

    organisation: object
    pledges: list[Pledge]
    declarations: list[OrganisationCapacity]
    today: datetime.date
    # Each pledge's days by month, worked out once (the sections ask several times).
    _days: dict = field(default_factory=dict, repr=False, compare=False)

    def days_by_month(self, pledge: Pledge) -> dict[datetime.date, Decimal]:
        if pledge.pk not in self._days:
            self._days[pledge.pk] = _days_by_month(pledge)
        return self._days[pledge.pk]

    def visible_pledges(self, user) -> list[Pledge]:
        """The pledges ``user`` may see: on public projects only, for visitors."""
        if user is not None and user.is_authenticated:
            return self.pledges
        return [p for p in self.pledges if p.requirement.project.visibility == "public"]

    def pledged_by_month(self, pledges=None) -> dict[datetime.date, Decimal]:
        return sum_by_month(
            self.days_by_month(p) for p in (self.pledges if pledges is None else pledges)
        )

    def capacity(self, months: list[datetime.date] | None = None) -> list[CapacityMonth]:
        """Declared against pledged days for each month of the window."""
        months = months or window(self.today)
        pledged = self.pledged_by_month()
        return [
            CapacityMonth(
                month=month,
                declared=next(
                    (
                        d.days_per_month
                        for d in self.declarations
                        if d.start_month <= month <= d.end_month
                    ),
                    None,
                ),
                pledged=pledged.get(month, ZERO),
            )
            for month in months
        ]

    def over_capacity(self) -> list[CapacityMonth]:
        return [m for m in self.capacity() if m.over]

    def to_reassign(self) -> list[Pledge]:
        """Pledges naming a person who has left the organisation or been deactivated: its
        lead reassigns them to someone else or withdraws them."""
        return [
            p
            for p in self.pledges
            if p.person_id is not None
            and (not p.person.is_active or p.person.organisation_id != p.organisation_id)
        ]

    def ending_soon(self) -> list[Pledge]:
        """Pledges whose last day falls in the next ``ENDING_WITHIN_DAYS`` days."""
        today = self.today
        horizon = today + datetime.timedelta(days=ENDING_WITHIN_DAYS)
        ending = [p for p in self.pledges if today <= last_day(p.end_month) <= horizon]
        return sorted(ending, key=lambda p: (p.end_month, p.requirement.project.title, p.pk))

    def people_time(self, user, months: list[datetime.date]) -> list[tuple[str, list[Decimal]]]:
        """Each named person's (or unnamed capacity's) pledged days in each month, by name;
        visitors see no names, only the totals."""
        rows: dict[str, dict[datetime.date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        for pledge in self.visible_pledges(user):
            for month, days in self.days_by_month(pledge).items():
                rows[pledge.who][month] += days
        return [
            (who, [rows[who].get(m, ZERO) for m in months]) for who in sorted(rows, key=str.lower)
        ]


def organisation_work(organisation, *, today: datetime.date | None = None) -> OrganisationWork:
    """Load an organisation's active pledges that have not ended (this month on) and its
    declarations (3 queries), kept until the data changes (``core.datacache``): the council
    page, its lead's home and the hub's API all read them."""
    today = today or timezone.localdate()
    pledges, declarations = cached(
        "recruitment.organisation-work",
        (organisation.pk, today),
        lambda: _load_work(organisation, today),
    )
    return OrganisationWork(
        organisation=organisation,
        pledges=pledges,
        declarations=declarations,
        today=today,
    )


def _load_work(organisation, today: datetime.date) -> tuple[list, list]:
    pledges = list(
        Pledge.objects.active()
        .filter(organisation=organisation, end_month__gte=this_month(today))
        .select_related("person", "skill", "requirement__project", "requirement__skill")
        .prefetch_related("adjustments")
        .order_by("requirement__project__title", "start_month", "pk")
    )
    declarations = list(
        OrganisationCapacity.objects.filter(organisation=organisation).order_by("start_month")
    )
    return pledges, declarations


def work_for(request, organisation) -> OrganisationWork:
    """The organisation's work, read once per request whatever asks for it."""
    cache = request.__dict__.setdefault("_recruitment_work", {})
    if organisation.pk not in cache:
        cache[organisation.pk] = organisation_work(organisation)
    return cache[organisation.pk]


# Projects an organisation leads and takes part in ------------------------------------------


@dataclass
class OrganisationProject:
    project: Project
    leads: bool
    status: str | None  # the participation's status, None when it only leads
    role: str | None

    @property
    def role_label(self) -> str:
        if self.leads:
            return ParticipationRole.LEAD.label
        return ParticipationRole(self.role).label if self.role else ""

    @property
    def status_label(self) -> str:
        return ParticipationStatus(self.status).label if self.status else "Leads"


def organisation_projects(user, organisation) -> QuerySet[Project]:
    """Projects the organisation leads or takes part in (interested, committed or active),
    that ``user`` may see, open ones first (1 query)."""
    # One participation a project and organisation (a unique constraint): no ordering needed.
    participation = Participation.objects.filter(
        project=OuterRef("pk"), organisation=organisation
    ).order_by()
    # The projects it takes part in are found once, not by a look-up for every project.
    taking_part = Participation.objects.filter(
        organisation=organisation, status__in=CURRENT_PARTICIPATION
    ).values("project_id")
    return (
        Project.objects.visible_to(user)
        .filter(Q(lead_organisation=organisation) | Q(pk__in=taking_part))
        .annotate(
            participation_status=Subquery(participation.values("status")[:1]),
            participation_role=Subquery(participation.values("role")[:1]),
        )
        .select_related("lead_organisation")
        .annotate(
            finished=Case(
                When(stage__in=(Stage.CLOSED, Stage.CANCELLED), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("finished", "title", "pk")
    )


def as_organisation_projects(projects, organisation) -> list[OrganisationProject]:
    return [
        OrganisationProject(
            project=p,
            leads=p.lead_organisation_id == organisation.pk,
            status=p.participation_status,
            role=p.participation_role,
        )
        for p in projects
    ]


# Where the organisation can help ----------------------------------------------------------


def matching_needs(
    user,
    organisation,
    *,
    today: datetime.date | None = None,
    since: datetime.datetime | None = None,
) -> QuerySet[ResourceRequirement]:
    """Open needs with days still to find from this month on that match the skills of the
    organisation's people or skills it has pledged before, largest gap first (one query),
    each with ``pledged_here`` (the organisation already pledges to it) and
    ``pledged_before`` (it has pledged the skill before).

    With ``since``, only the needs new since then (added to a project, or on a project
    approved since) that the organisation does not pledge to yet.
    """
    month = this_month(today)
    people_skills = UserSkill.objects.filter(
        user__organisation=organisation, user__is_active=True, skill__active=True
    ).values("skill_id")
    own_pledges = Pledge.objects.filter(organisation=organisation)
    needs = ResourceRequirement.objects.filter(
        Q(skill_id__in=people_skills) | Q(skill_id__in=own_pledges.values("skill_id")),
        project__stage__in=NEED_STAGES,
        end_month__gte=month,
    )
    if not (user is not None and user.is_authenticated):
        needs = needs.filter(project__visibility="public")
    if since is not None:
        added = ResourceRequirement.history.filter(history_type="+", history_date__gte=since)
        approved = StageTransition.objects.filter(to_stage=Stage.APPROVED, at__gte=since)
        needs = needs.filter(
            Q(pk__in=added.values("id")) | Q(project_id__in=approved.values("project_id"))
        ).exclude(pk__in=own_pledges.active().values("requirement_id"))
    return (
        with_coverage(needs, from_month=month)
        .filter(shortfall_days__gt=EPSILON)
        .annotate(
            pledged_here=Exists(own_pledges.active().filter(requirement=OuterRef("pk"))),
            pledged_before=Exists(own_pledges.filter(skill_id=OuterRef("skill_id"))),
        )
        .select_related("project", "skill")
        .order_by("-largest_gap", "-shortfall_days", "project__title", "pk")
    )


def help_matches(organisation, needs: list[ResourceRequirement]) -> list[HelpMatch]:
    """Why each need matches: the organisation's people with its skill (1 query)."""
    people: dict[int, list[UserSkill]] = defaultdict(list)
    for user_skill in UserSkill.objects.filter(
        user__organisation=organisation,
        user__is_active=True,
        skill_id__in={n.skill_id for n in needs} or {0},
    ).select_related("user", "skill"):
        people[user_skill.skill_id].append(user_skill)
    return [
        HelpMatch(
            need=n,
            people=people.get(n.skill_id, []),
            pledged_before=n.pledged_before,
            pledged_here=n.pledged_here,
        )
        for n in needs
    ]


# Home blocks across organisations and projects --------------------------------------------


@dataclass
class OverCapacity:
    organisation_id: int
    name: str
    slug: str
    months: list[CapacityMonth]

    @property
    def worst(self) -> CapacityMonth:
        return max(self.months, key=lambda m: m.pledged - (m.declared or ZERO))


def _days(value) -> Decimal:
    """A sum of days from the database (SQLite may give a float), to a tenth."""
    return Decimal(str(value or 0)).quantize(Decimal("0.1"))


def councils_over_capacity(today: datetime.date | None = None) -> list[OverCapacity]:
    """Organisations with months in the window when more days are pledged than they
    declared, by name (2 queries, however many organisations and pledges), kept between
    requests until the data changes (``core.datacache``)."""
    return cached("recruitment.over-capacity", (today,), lambda: _councils_over_capacity(today))


def _councils_over_capacity(today: datetime.date | None) -> list[OverCapacity]:
    months = window(today)
    start, end = months[0], months[-1]
    declared = OrganisationCapacity.objects.filter(start_month__lte=end, end_month__gte=start)
    pledges = Pledge.objects.active().filter(
        organisation_id__in=declared.values("organisation_id"),
        start_month__lte=end,
        end_month__gte=start,
    )

    def in_month(month: datetime.date, field: str) -> Case:
        return Case(
            When(start_month__lte=month, end_month__gte=month, then=F(field)),
            default=None,
            output_field=DAYS,
        )

    # One statement, two kinds of row: each declaration with its days in each month of the
    # window (one column a month), and each organisation's pledged days summed by the
    # database month by month.
    columns = [f"m{index}" for index in range(len(months))]
    fields = ("kind", "organisation_id", "organisation__name", "organisation__slug", *columns)
    rows = (
        declared.order_by()
        .annotate(
            kind=Value("declared", output_field=CharField()),
            **{c: in_month(m, "days_per_month") for c, m in zip(columns, months, strict=True)},
        )
        .values_list(*fields)
        .union(
            pledges.order_by()
            .values("organisation_id", "organisation__name", "organisation__slug")
            .annotate(
                kind=Value("pledged", output_field=CharField()),
                **{
                    c: Sum(in_month(m, "days_per_month"))
                    for c, m in zip(columns, months, strict=True)
                },
            )
            .values_list(*fields),
            all=True,
        )
    )
    declared_by: dict[int, dict[datetime.date, Decimal]] = defaultdict(dict)
    pledged: dict[int, dict[datetime.date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    names: dict[int, tuple[str, str]] = {}
    for kind, organisation_id, name, slug, *days in rows:
        names[organisation_id] = (name, slug)
        for month, value in zip(months, days, strict=True):
            if value is None:
                continue
            if kind == "pledged":
                pledged[organisation_id][month] += _days(value)
            else:
                # Declarations never overlap: the capacity service refuses it.
                declared_by[organisation_id].setdefault(month, _days(value))
    # Planned reductions change a pledge's days in their months: their differences, summed
    # by organisation and month.
    reductions = (
        PledgeAdjustment.objects.filter(
            pledge__in=pledges.values("pk"), month__gte=start, month__lte=end
        )
        .order_by()
        .values("pledge__organisation_id", "month")
        .annotate(
            change=Sum(
                ExpressionWrapper(F("days") - F("pledge__days_per_month"), output_field=DAYS)
            )
        )
    )
    for row in reductions:
        pledged[row["pledge__organisation_id"]][row["month"]] += _days(row["change"])
    over = []
    for organisation_id, declared_months in declared_by.items():
        over_months = [
            row
            for row in (
                CapacityMonth(
                    month=month,
                    declared=declared_months.get(month),
                    pledged=pledged[organisation_id].get(month, ZERO),
                )
                for month in months
            )
            if row.over
        ]
        if over_months:
            name, slug = names[organisation_id]
            over.append(
                OverCapacity(
                    organisation_id=organisation_id, name=name, slug=slug, months=over_months
                )
            )
    return sorted(over, key=lambda o: o.name.lower())
