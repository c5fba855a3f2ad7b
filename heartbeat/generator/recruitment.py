"""Synthetic participation and pledges for ``heartbeat generate`` (see
``heartbeat.generator.runner``).

Runs after the work programme's generator. Projects that have been approved (approved,
recruiting, in delivery, paused or closed) get participants: the lead organisation and a few
others, most committed or active, some only interested, a few withdrawn with a reason. Their
resource requirements get pledges from the participants, a named person or unnamed capacity,
over the whole need or part of it, a third of them with a summer dip: projects in delivery
or closed are mostly staffed (a closed project's pledges have ended), recruiting ones have
gaps; no named person gives more than a month's working days. That comes to about 10,000
pledge-months per unit of scale (about 100,000 at scale 10), with the derived pledged days
by need and month the services keep, and capacity declarations for half the councils.
Everything is written with bulk inserts.
"""

from __future__ import annotations

import random
from collections import defaultdict
from decimal import Decimal

from django.test.utils import override_settings
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from heartbeat.accounts.models import User
from heartbeat.core.months import (
    add_months,
    first_of_month,
    month_range,
    months_between,
    working_days,
)
from heartbeat.generator.runner import BATCH_SIZE
from heartbeat.partnership.models import Organisation, OrganisationKind
from heartbeat.portfolio.models import ResourceRequirement, Stage
from heartbeat.recruitment.coverage import pledge_days_by_month, pledged_by_need
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeAdjustment,
    PledgeStatus,
    RequirementMonth,
)
from heartbeat.skills.models import SkillLevel, UserSkill

STAGES = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED, Stage.CLOSED)
# How fully a stage's needs are pledged: the share of each person-slot that finds pledges.
FILL = {
    Stage.APPROVED: 0.3,
    Stage.RECRUITING: 0.55,
    Stage.IN_DELIVERY: 0.95,
    Stage.PAUSED: 0.7,
    Stage.CLOSED: 1.0,
}
SHARES = [1, 2, 3, 4, 5, 6]
EXTRA_PARTICIPANTS = (1, 8)
NAMED_SHARE = 0.4
SUMMER_SHARE = 0.35
WITHDRAWN_SHARE = 0.04
WITHDRAW_REASONS = [
    "Staff needed for budget setting",
    "The person moved to another role",
    "Council restructure",
]
CHANGE_REASON = "Generated synthetic data"
ROLES = [ParticipationRole.PARTICIPANT] * 5 + [ParticipationRole.OBSERVER]


def _organisations_with_people() -> tuple[list[Organisation], dict[int, list[int]]]:
    people: dict[int, list[int]] = defaultdict(list)
    for pk, organisation_id in User.objects.filter(
        is_active=True, organisation__isnull=False
    ).values_list("pk", "organisation_id"):
        people[organisation_id].append(pk)
    organisations = list(
        Organisation.objects.filter(
            kind__in=(OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.DIGITAL_OFFICE)
        ).order_by("pk")
    )
    return organisations, people


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """Create participants and pledges for about 10,000 pledge-months per unit of scale."""
    organisations, people = _organisations_with_people()
    if not organisations:
        return {"participations": 0, "pledges": 0, "pledge-months": 0}
    requirements = defaultdict(list)
    for requirement in (
        ResourceRequirement.objects.filter(project__stage__in=STAGES)
        .select_related("project")
        .order_by("project_id", "order", "pk")
    ):
        requirements[requirement.project_id].append(requirement)
    today = timezone.localdate()
    # Days already given by each named person in each month: no one gives more than the
    # month's working days across every pledge (as the services hold).
    load: dict[tuple[int, object], Decimal] = defaultdict(Decimal)
    participations: list[Participation] = []
    pledges: list[Pledge] = []
    reductions: list[list[tuple]] = []
    for rows in requirements.values():
        project = rows[0].project
        members = [project.lead_organisation] if project.lead_organisation else []
        members += rng.sample(
            organisations, k=min(len(organisations), rng.randint(*EXTRA_PARTICIPANTS))
        )
        members = list({o.pk: o for o in members}.values())
        joined = []
        for organisation in members:
            lead = organisation.pk == project.lead_organisation_id
            roll = rng.random()
            if not lead and roll < WITHDRAWN_SHARE:
                status = ParticipationStatus.WITHDRAWN
            elif not lead and roll < 0.25:
                status = ParticipationStatus.INTERESTED
            elif project.stage in (Stage.IN_DELIVERY, Stage.CLOSED, Stage.PAUSED):
                status = ParticipationStatus.ACTIVE
            else:
                status = ParticipationStatus.COMMITTED
            participations.append(
                Participation(
                    organisation=organisation,
                    project=project,
                    status=status,
                    role=ParticipationRole.LEAD
                    if lead
                    else rng.choice(
                        [ParticipationRole.PARTICIPANT] * 5 + [ParticipationRole.OBSERVER]
                    ),
                    reason=rng.choice(WITHDRAW_REASONS)
                    if status == ParticipationStatus.WITHDRAWN
                    else "",
                    interested_on=project.planned_start or today,
                    committed_on=None
                    if status == ParticipationStatus.INTERESTED
                    else project.planned_start or today,
                    withdrawn_on=today if status == ParticipationStatus.WITHDRAWN else None,
                )
            )
            if status in (ParticipationStatus.COMMITTED, ParticipationStatus.ACTIVE):
                joined.append(organisation)
        if not joined:
            continue
        for requirement in rows:
            months = months_between(requirement.start_month, requirement.end_month)
            for _slot in range(requirement.people):
                if rng.random() > FILL[project.stage]:
                    continue
                # A person-slot is filled by one organisation, or shared by several who
                # each give a few days: the partnership's usual way of working.
                shares = rng.choice(SHARES)
                for _share in range(shares):
                    organisation = rng.choice(joined)
                    days = (requirement.days_per_month / shares).quantize(Decimal("0.5"))
                    days = max(days, Decimal("0.5"))
                    first = add_months(requirement.start_month, rng.randint(0, months // 4))
                    last = add_months(
                        requirement.end_month,
                        -rng.randint(0, max(0, months_between(first, requirement.end_month) // 4)),
                    )
                    staff = people.get(organisation.pk, [])
                    person_id = rng.choice(staff) if staff and rng.random() < NAMED_SHARE else None
                    summer = []
                    if rng.random() < SUMMER_SHARE:
                        half = max((days / 2).quantize(Decimal("0.5")), Decimal("0"))
                        summer = [(m, half) for m in month_range(first, last) if m.month in (7, 8)]
                        if half >= days:
                            summer = []
                    by_month = pledge_days_by_month(first, last, days, dict(summer))
                    if person_id and any(
                        load[(person_id, m)] + d > working_days(m) for m, d in by_month.items()
                    ):
                        person_id = None  # this person's months are full: unnamed capacity
                    withdrawn = rng.random() < WITHDRAWN_SHARE
                    if person_id and not withdrawn:
                        for month, value in by_month.items():
                            load[(person_id, month)] += value
                    if withdrawn:
                        status = PledgeStatus.WITHDRAWN
                    elif project.stage == Stage.CLOSED:
                        status = PledgeStatus.ENDED  # closing the project ended its pledges
                    else:
                        status = PledgeStatus.ACTIVE
                    pledges.append(
                        Pledge(
                            organisation=organisation,
                            requirement=requirement,
                            person_id=person_id,
                            capacity_label="" if person_id else "Capacity from the digital team",
                            skill_id=requirement.skill_id,
                            level=requirement.level,
                            days_per_month=days,
                            start_month=first,
                            end_month=last,
                            total_days=sum(by_month.values(), Decimal(0)),
                            status=status,
                            withdrawn_reason=rng.choice(WITHDRAW_REASONS) if withdrawn else "",
                            ended_reason=f"{project.title} was closed."
                            if status == PledgeStatus.ENDED
                            else "",
                        )
                    )
                    reductions.append(summer)
    # One named person once per need: drop the name from repeats.
    seen = set()
    for pledge in pledges:
        key = (pledge.requirement_id, pledge.person_id)
        if pledge.person_id and pledge.status == PledgeStatus.ACTIVE:
            if key in seen:
                pledge.person_id, pledge.capacity_label = None, "Capacity from the digital team"
            seen.add(key)
    bulk_create_with_history(
        participations, Participation, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
    pledges = bulk_create_with_history(
        pledges, Pledge, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
    )
    adjustments = [
        PledgeAdjustment(pledge=pledge, month=month, days=days)
        for pledge, rows in zip(pledges, reductions, strict=True)
        for month, days in rows
    ]
    PledgeAdjustment.objects.bulk_create(adjustments, batch_size=BATCH_SIZE)
    pledge_months = sum(months_between(p.start_month, p.end_month) for p in pledges)
    # The stored coverage months, by the same sum the pledge services keep them with.
    needs = {r.pk: r for rows in requirements.values() for r in rows}
    pledged = pledged_by_need(
        pledges,
        needs,
        {pledge.pk: dict(rows) for pledge, rows in zip(pledges, reductions, strict=True)},
    )
    RequirementMonth.objects.bulk_create(
        (
            RequirementMonth(requirement_id=requirement_id, month=month, pledged_days=days)
            for requirement_id, months in pledged.items()
            for month, days in months.items()
        ),
        batch_size=BATCH_SIZE,
    )
    capacities = _capacities(organisations, rng, today)
    skills = _user_skills(people, rng)
    return {
        "participations": len(participations),
        "pledges": len(pledges),
        "pledge-months": pledge_months,
        "planned reductions": len(adjustments),
        "capacity declarations": capacities,
        "people's skills": skills,
    }


def _capacities(organisations, rng, today) -> int:
    start = add_months(first_of_month(today), -6)
    rows = [
        OrganisationCapacity(
            organisation=organisation,
            days_per_month=Decimal(rng.choice([10, 20, 30, 40, 60])),
            start_month=start,
            end_month=add_months(start, 23),
            note="Generated",
        )
        for organisation in organisations
        if rng.random() < 0.5
    ]
    OrganisationCapacity.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return len(rows)


def _user_skills(people, rng) -> int:
    from heartbeat.skills.models import Skill

    skill_ids = list(Skill.objects.filter(active=True).values_list("pk", flat=True))
    if not skill_ids:
        return 0
    rows = [
        UserSkill(user_id=person_id, skill_id=skill_id, level=rng.choice(SkillLevel.values))
        for staff in people.values()
        for person_id in staff
        if rng.random() < 0.3
        for skill_id in rng.sample(skill_ids, k=min(2, len(skill_ids)))
    ]
    UserSkill.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return len(rows)


def flush(stdout) -> None:
    """Delete every participation, pledge, capacity declaration and person's skill."""
    from heartbeat.recruitment.models import DigestedNeed

    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        for model in (
            RequirementMonth,
            PledgeAdjustment,
            Pledge,
            Participation,
            OrganisationCapacity,
            UserSkill,
            DigestedNeed,
        ):
            model.objects.all().delete()
    for model in (PledgeAdjustment, Pledge, Participation, OrganisationCapacity, UserSkill):
        model.history.all().delete()
