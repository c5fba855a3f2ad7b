"""Demo recruitment: who takes part in which demo project, what they pledged, people's skills
and councils' declared capacity (see ``heartbeat.demo.loader``; the data is in
``heartbeat.demo.data.recruitment``).

Runs after the work programme's loader, and finds its projects by slug and needs by the
project and skill. Projects that take pledges now are written through the services, as the
programme office; the past cannot be (the services stamp today, and a closed or paused
project takes no pledges), so the participations and pledges of closed and paused projects
are recorded directly, as they were, with the figures the services keep. Closing a project
ended its pledges at the end of that month.

Every participation and pledge is then dated on its project's story: a council shows interest
or joins in the weeks after the project started recruiting (or was approved), and pledges
follow, never later than today.

Idempotent: a participation is keyed on (organisation, project), a pledge on (need,
organisation, person or description), a skill on (person, skill), a declaration on
(organisation, first month); anything already there is left as it is.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from heartbeat.core.formatting import uk_date
from heartbeat.core.months import first_of_month, month_range, parse_month
from heartbeat.demo.data import recruitment as demo_data
from heartbeat.demo.skills import programme_office_user
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, ResourceRequirement, Stage, StageTransition
from heartbeat.recruitment import services
from heartbeat.recruitment.coverage import pledge_days_by_month
from heartbeat.recruitment.inputs import AdjustmentInput, PledgeInput
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationStatus,
    Pledge,
    PledgeAdjustment,
    PledgeStatus,
)
from heartbeat.skills import services as skill_services
from heartbeat.skills.models import Skill, UserSkill

INTERESTED = ParticipationStatus.INTERESTED
JOINED = (ParticipationStatus.COMMITTED, ParticipationStatus.ACTIVE)
# The stages of a project that has recruited, and so has participants.
RECRUITED = (Stage.RECRUITING, Stage.IN_DELIVERY, Stage.CLOSED)
# Participations and pledges a week or so apart, as councils answer in turn.
JOIN_GAP = datetime.timedelta(days=7)
PLEDGE_GAP = datetime.timedelta(days=5)
PLEDGE_AFTER_JOINING = datetime.timedelta(days=14)


def _summer(start: datetime.date, end: datetime.date, days: Decimal) -> list[AdjustmentInput]:
    """Half the days in each July and August of the period."""
    half = (days / 2).quantize(Decimal("0.1"))
    return [
        AdjustmentInput(month=month, days=half)
        for month in month_range(start, end)
        if month.month in (7, 8)
    ]


def _needs() -> dict[tuple[str, str], ResourceRequirement]:
    slugs = {p[0] for p in demo_data.PLEDGES}
    return {
        (r.project.slug, r.skill.slug): r
        for r in ResourceRequirement.objects.filter(project__slug__in=slugs).select_related(
            "project", "skill"
        )
    }


class Story:
    """When a project's recruitment happened, from its stage log: what the demo's
    participations and pledges are dated on."""

    def __init__(self, project: Project, transitions: list[StageTransition]):
        self.project = project
        firsts: dict[str, datetime.datetime] = {}
        for transition in sorted(transitions, key=lambda t: t.at):
            firsts.setdefault(transition.to_stage, transition.at)
        self.opened = firsts.get(Stage.RECRUITING) or firsts.get(Stage.APPROVED)
        self.closed = firsts.get(Stage.CLOSED) if project.stage == Stage.CLOSED else None
        self.joined = 0
        self.pledged = 0

    def _capped(self, when: datetime.datetime) -> datetime.datetime:
        latest = self.closed or timezone.now()
        return min(when, latest)

    def next_join(self) -> datetime.datetime:
        when = self._capped(self.opened + JOIN_GAP * self.joined)
        self.joined += 1
        return when

    def next_pledge(self) -> datetime.datetime:
        when = self._capped(self.opened + PLEDGE_AFTER_JOINING + PLEDGE_GAP * self.pledged)
        self.pledged += 1
        return when


def _redate(instance, when: datetime.datetime) -> None:
    """Date a record and its history on ``when`` (a minute apart for each change)."""
    type(instance).objects.filter(pk=instance.pk).update(created_at=when, updated_at=when)
    for i, record_id in enumerate(
        instance.history.order_by("history_date", "history_id").values_list("history_id", flat=True)
    ):
        instance.history.filter(history_id=record_id).update(
            history_date=when + datetime.timedelta(minutes=i)
        )


def _participate(story: Story, organisation, status, office) -> bool:
    project = story.project
    if Participation.objects.filter(project=project, organisation=organisation).exists():
        return False
    when = story.next_join()
    role = services.default_participation_role(project, organisation)
    if project.stage in services.FINISHED_STAGES:
        # The past, recorded as it was: no service takes part in a closed project now.
        participation = Participation(
            project=project,
            organisation=organisation,
            status=status,
            role=role,
            interested_on=when.date(),
            committed_on=None if status == INTERESTED else when.date(),
            changed_by=office,
        )
        participation._history_user = office
        participation._history_date = when
        participation.save()
        _redate(participation, when)
        return True
    if status in JOINED:
        services.participation_set(
            actor=office,
            project=project,
            organisation=organisation,
            status=ParticipationStatus.COMMITTED,
        )
    if status != ParticipationStatus.COMMITTED:
        services.participation_set(
            actor=office, project=project, organisation=organisation, status=status
        )
    participation = Participation.objects.get(project=project, organisation=organisation)
    Participation.objects.filter(pk=participation.pk).update(
        interested_on=when.date(),
        committed_on=None if status == INTERESTED else when.date(),
    )
    _redate(participation, when)
    return True


def _record_pledge(requirement, organisation, person, label, days, start, end, adjustments, **kw):
    """A pledge written as it was (the services take no pledges for a closed or paused
    project today), with its history dated ``at`` and, when ``ended`` is given, ended then."""
    at, ended, office = kw["at"], kw.get("ended"), kw["office"]
    reductions = {a.month: a.days for a in adjustments}
    pledge = Pledge(
        organisation=organisation,
        requirement=requirement,
        person=person,
        capacity_label="" if person else label,
        skill=requirement.skill,
        level=requirement.level,
        days_per_month=days,
        start_month=start,
        end_month=end,
        total_days=sum(pledge_days_by_month(start, end, days, reductions).values(), Decimal(0)),
        created_by=office,
    )
    pledge._history_user, pledge._history_date = office, at
    pledge.save()
    for month, value in reductions.items():
        adjustment = PledgeAdjustment(pledge=pledge, month=month, days=value)
        adjustment._history_user, adjustment._history_date = office, at
        adjustment.save()
    if ended is not None:
        last_month = first_of_month(timezone.localdate(ended))
        if pledge.end_month > last_month:
            # Never the case in the demo's data: a closed project's needs ended before it.
            pledge.end_month = max(last_month, pledge.start_month)
        pledge.status = PledgeStatus.ENDED
        pledge.ended_at = ended
        pledge.ended_reason = (
            f"{requirement.project.title} was closed on {uk_date(timezone.localdate(ended))}."
        )
        pledge.version += 1
        pledge._history_user, pledge._history_date = office, ended
        pledge.save()
    Pledge.objects.filter(pk=pledge.pk).update(created_at=at, updated_at=ended or at)
    return pledge


def _pledge(
    story: Story, requirement, organisation, person, label, days, start, end, summer, office
):
    existing = Pledge.objects.filter(requirement=requirement, organisation=organisation)
    existing = existing.filter(person=person) if person else existing.filter(capacity_label=label)
    if existing.exists():
        return False
    start = parse_month(start) if start else requirement.start_month
    end = parse_month(end) if end else requirement.end_month
    days = Decimal(days)
    adjustments = _summer(start, end, days) if summer else []
    at = story.next_pledge()
    project = requirement.project
    if project.takes_pledges:
        pledge = services.pledge_create(
            actor=office,
            requirement=requirement,
            organisation=organisation,
            data=PledgeInput(
                level=requirement.level,
                days_per_month=days,
                start_month=start,
                end_month=end,
                person_id=person.pk if person else None,
                capacity_label=label,
                adjustments=adjustments,
            ),
            notify=False,
        )
        _redate(pledge, at)
        PledgeAdjustment.history.filter(pledge_id=pledge.pk).update(history_date=at)
        return True
    _record_pledge(
        requirement,
        organisation,
        person,
        label,
        days,
        start,
        end,
        adjustments,
        at=at,
        ended=story.closed,
        office=office,
    )
    services.refresh_requirement_months([requirement.pk])
    return True


def _participants(project: Project, organisations: dict) -> list[tuple[Organisation, str]]:
    """The project's participants from the data, with its lead organisation among them
    whenever it recruited."""
    rows = [
        (organisations[name], status)
        for name, status in demo_data.PARTICIPATION.get(project.slug, [])
        if name in organisations
    ]
    lead = project.lead_organisation
    recruited = project.stage in RECRUITED or project.paused_from in RECRUITED
    if lead is not None and recruited and all(o.pk != lead.pk for o, _ in rows):
        delivering = project.stage in (Stage.IN_DELIVERY, Stage.CLOSED)
        status = ParticipationStatus.ACTIVE if delivering else ParticipationStatus.COMMITTED
        rows.insert(0, (lead, status))
    return rows


def load(context) -> None:
    office = programme_office_user()
    if office is None:
        context.summary.append("Recruitment: skipped (load the partnership's demo people first).")
        return
    User = get_user_model()
    slugs = set(demo_data.PARTICIPATION) | {p[0] for p in demo_data.PLEDGES}
    with transaction.atomic():
        projects = {
            p.slug: p
            for p in Project.objects.filter(slug__in=slugs).select_related("lead_organisation")
        }
        transitions: dict[int, list] = {}
        for transition in StageTransition.objects.filter(project__in=projects.values()):
            transitions.setdefault(transition.project_id, []).append(transition)
        stories = {
            slug: Story(project, transitions.get(project.pk, []))
            for slug, project in projects.items()
        }
        organisations = {o.name: o for o in Organisation.objects.all()}
        emails = {p[3] for p in demo_data.PLEDGES if p[3]} | set(demo_data.USER_SKILLS)
        people = {u.email: u for u in User.objects.filter(email__in=emails)}
        joined = pledged = skills_added = declared = 0
        for slug, project in projects.items():
            if stories[slug].opened is None:
                continue  # not approved yet: no one has joined
            for organisation, status in _participants(project, organisations):
                joined += _participate(stories[slug], organisation, status, office)
        needs = _needs()
        for slug, skill, name, email, label, days, start, end, summer in demo_data.PLEDGES:
            requirement = needs.get((slug, skill))
            organisation = organisations.get(name)
            if requirement is None or organisation is None or stories[slug].opened is None:
                continue
            person = people.get(email) if email else None
            if email and person is None:
                continue
            requirement.project = projects[slug]
            pledged += _pledge(
                stories[slug],
                requirement,
                organisation,
                person,
                label,
                days,
                start,
                end,
                summer,
                office,
            )
        skills = {s.slug: s for s in Skill.objects.all()}
        for email, rows in demo_data.USER_SKILLS.items():
            person = people.get(email)
            for slug, level in rows:
                if person is None or slug not in skills:
                    continue
                if UserSkill.objects.filter(user=person, skill=skills[slug]).exists():
                    continue
                skill_services.user_skill_set(
                    actor=person, user=person, skill=skills[slug], level=level
                )
                skills_added += 1
        for name, (days, start, end) in demo_data.CAPACITY.items():
            organisation = organisations.get(name)
            if organisation is None:
                continue
            first = parse_month(start)
            if OrganisationCapacity.objects.filter(
                organisation=organisation, start_month=first
            ).exists():
                continue
            services.capacity_declare(
                actor=office,
                organisation=organisation,
                days_per_month=days,
                start_month=first,
                end_month=parse_month(end),
                note="Agreed by the council's digital board",
            )
            declared += 1
    context.summary.append(
        f"Recruitment: {joined} participations, {pledged} pledges, {skills_added} people's "
        f"skills and {declared} capacity declarations added."
    )
