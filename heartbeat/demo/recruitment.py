"""Demo recruitment: who takes part in which demo project, what they pledged, people's skills
and councils' declared capacity (see ``heartbeat.demo.loader``).

Runs after the work programme's loader, and finds its projects by slug and needs by the
project and skill. Participation is uneven, as in the real partnership: the Office 365
federation had 13 organisations, most projects have a handful, and recruiting projects have
some interest and a few early pledges. Many pledges dip in July and August for the summer
holidays; some projects are fully staffed and some have gaps.

Open projects are written through the services, as the programme office. Closed projects
take no more pledges, so their (past) participation and pledges are recorded directly, with
the same derived figures the services keep.

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

from heartbeat.core.months import month_range, parse_month
from heartbeat.demo.skills import programme_office_user
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, ResourceRequirement, Stage
from heartbeat.recruitment import services
from heartbeat.recruitment.coverage import pledge_days_by_month
from heartbeat.recruitment.inputs import AdjustmentInput, PledgeInput
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeAdjustment,
)
from heartbeat.skills import services as skill_services
from heartbeat.skills.models import Skill, SkillLevel, UserSkill

INTERESTED = ParticipationStatus.INTERESTED
C, A = ParticipationStatus.COMMITTED, ParticipationStatus.ACTIVE

# Project slug -> (organisation, status). The lead organisation takes the lead role.
PARTICIPATION: dict[str, list[tuple[str, str]]] = {
    # The real federation: 13 organisations sharing one Microsoft 365 tenant model.
    "office-365-federation": [
        ("Glasgow City", A),
        ("Aberdeen City", A),
        ("Aberdeenshire", A),
        ("Angus", A),
        ("Dundee City", A),
        ("East Lothian", A),
        ("Falkirk", A),
        ("Fife", A),
        ("Highland", A),
        ("Midlothian", A),
        ("Perth and Kinross", A),
        ("Renfrewshire", A),
        ("Stirling", A),
    ],
    "digital-telecare": [
        ("Digital Office", A),
        ("Angus", A),
        ("Falkirk", A),
        ("North Lanarkshire", A),
        ("East Renfrewshire", A),
        ("Scottish Borders", C),
        ("Moray", INTERESTED),
    ],
    "crm-and-bookings": [
        ("Fife", A),
        ("Aberdeen City", A),
        ("Highland", A),
        ("Glasgow City", C),
        ("Clackmannanshire", INTERESTED),
    ],
    "school-admissions-online": [
        ("West Lothian", A),
        ("Fife", A),
        ("Falkirk", A),
        ("Midlothian", C),
        ("East Lothian", C),
    ],
    "intelligent-automation": [
        ("Angus", A),
        ("Dundee City", A),
        ("Perth and Kinross", A),
    ],
    "common-data-standards": [
        ("Digital Office", A),
        ("City of Edinburgh", A),
        ("Glasgow City", C),
        ("Renfrewshire", INTERESTED),
    ],
    "cyber-resilience": [
        ("Digital Office", A),
        ("Highland", A),
        ("Moray", A),
        ("Argyll and Bute", A),
        ("Stirling", C),
        ("Orkney Islands", INTERESTED),
        ("Shetland Islands", INTERESTED),
    ],
    "design-community-of-practice": [
        ("Highland", A),
        ("Fife", A),
        ("Dundee City", INTERESTED),
    ],
    "digital-skills-academy": [
        ("Dundee City", A),
        ("Digital Office", A),
        ("Angus", C),
    ],
    "social-care-data-standards": [
        ("Dundee City", C),
        ("City of Edinburgh", C),
        ("Glasgow City", INTERESTED),
        ("South Lanarkshire", INTERESTED),
    ],
    "housing-repairs-online": [
        ("North Lanarkshire", C),
        ("West Dunbartonshire", INTERESTED),
        ("Inverclyde", INTERESTED),
    ],
    "shared-data-platform": [
        ("City of Edinburgh", C),
        ("Digital Office", C),
        ("Glasgow City", INTERESTED),
        ("Aberdeen City", INTERESTED),
    ],
    "digital-inclusion-and-connectivity": [
        ("Na h-Eileanan Siar", C),
        ("Orkney Islands", C),
        ("Shetland Islands", INTERESTED),
        ("Argyll and Bute", INTERESTED),
    ],
    "digital-leadership-for-elected-members": [
        ("Stirling", C),
        ("Digital Office", C),
    ],
    "waste-and-recycling-digital-services": [
        ("Perth and Kinross", C),
        ("Scottish Borders", INTERESTED),
    ],
    "swan-refresh": [("Digital Office", C), ("Highland", INTERESTED)],
}

# (project, skill, organisation, person's email or None, description when unnamed,
#  days per month, first month or None for the need's, last month or None, summer dip)
PLEDGES: list[tuple] = [
    # Office 365 federation (closed): the end-user computing and security work it needed.
    (
        "office-365-federation",
        "end-user-computing-engineer",
        "Glasgow City",
        None,
        "End-user computing engineer",
        4,
        None,
        None,
        False,
    ),
    (
        "office-365-federation",
        "end-user-computing-engineer",
        "Fife",
        None,
        "Desktop services engineer",
        4,
        None,
        None,
        True,
    ),
    (
        "office-365-federation",
        "security-architect",
        "Aberdeen City",
        "architect@aberdeencity.example",
        "",
        3,
        None,
        None,
        False,
    ),
    (
        "office-365-federation",
        "information-governance-officer",
        "Renfrewshire",
        None,
        "Information governance officer",
        2,
        None,
        None,
        False,
    ),
    (
        "office-365-federation",
        "change-and-engagement-officer",
        "Dundee City",
        None,
        "Change officer",
        3,
        None,
        None,
        False,
    ),
    # Digital telecare (in delivery): fully staffed but for the summer dip.
    (
        "digital-telecare",
        "programme-delivery-manager",
        "Digital Office",
        "delivery.manager@digital-office.example",
        "",
        8,
        None,
        None,
        False,
    ),
    (
        "digital-telecare",
        "subject-matter-expert",
        "Angus",
        None,
        "Community alarm service manager",
        3,
        None,
        None,
        True,
    ),
    (
        "digital-telecare",
        "subject-matter-expert",
        "Falkirk",
        None,
        "Telecare team leader",
        3,
        None,
        None,
        True,
    ),
    (
        "digital-telecare",
        "subject-matter-expert",
        "North Lanarkshire",
        None,
        "Alarm receiving centre manager",
        3,
        None,
        None,
        False,
    ),
    (
        "digital-telecare",
        "subject-matter-expert",
        "East Renfrewshire",
        None,
        "Telecare co-ordinator",
        3,
        None,
        None,
        False,
    ),
    (
        "digital-telecare",
        "technical-architect",
        "Angus",
        None,
        "Technical architect",
        4,
        None,
        None,
        False,
    ),
    (
        "digital-telecare",
        "procurement-officer",
        "Falkirk",
        None,
        "Procurement officer",
        5,
        None,
        None,
        False,
    ),
    # CRM and bookings (in delivery): gaps in architecture and development.
    ("crm-and-bookings", "product-manager", "Fife", None, "Product manager", 12, None, None, False),
    (
        "crm-and-bookings",
        "solution-architect",
        "Aberdeen City",
        "architect@aberdeencity.example",
        "",
        4,
        None,
        None,
        False,
    ),
    (
        "crm-and-bookings",
        "service-designer",
        "Fife",
        "service.designer@fife.example",
        "",
        8,
        None,
        None,
        True,
    ),
    (
        "crm-and-bookings",
        "service-designer",
        "Highland",
        None,
        "Service designer",
        4,
        None,
        None,
        True,
    ),
    ("crm-and-bookings", "software-developer", "Fife", None, "Developer", 10, None, None, True),
    (
        "crm-and-bookings",
        "software-developer",
        "Glasgow City",
        None,
        "Developer",
        10,
        "2026-01",
        None,
        False,
    ),
    # School admissions online (in delivery).
    (
        "school-admissions-online",
        "service-designer",
        "West Lothian",
        None,
        "Service designer",
        8,
        None,
        None,
        False,
    ),
    (
        "school-admissions-online",
        "user-researcher",
        "Fife",
        "user.researcher@fife.example",
        "",
        6,
        None,
        None,
        True,
    ),
    (
        "school-admissions-online",
        "software-developer",
        "West Lothian",
        None,
        "Developer",
        10,
        None,
        None,
        False,
    ),
    (
        "school-admissions-online",
        "software-developer",
        "Falkirk",
        None,
        "Developer",
        5,
        None,
        None,
        False,
    ),
    (
        "school-admissions-online",
        "subject-matter-expert",
        "West Lothian",
        None,
        "School office manager",
        2,
        None,
        None,
        True,
    ),
    (
        "school-admissions-online",
        "subject-matter-expert",
        "Midlothian",
        None,
        "Admissions officer",
        2,
        None,
        None,
        True,
    ),
    (
        "school-admissions-online",
        "subject-matter-expert",
        "East Lothian",
        None,
        "Admissions officer",
        2,
        None,
        None,
        True,
    ),
    # Intelligent automation (in delivery): fully staffed.
    (
        "intelligent-automation",
        "business-analyst",
        "Angus",
        None,
        "Business analyst",
        8,
        None,
        None,
        False,
    ),
    (
        "intelligent-automation",
        "business-analyst",
        "Dundee City",
        None,
        "Business analyst",
        8,
        None,
        None,
        False,
    ),
    (
        "intelligent-automation",
        "software-developer",
        "Angus",
        None,
        "Automation developer",
        10,
        None,
        None,
        False,
    ),
    (
        "intelligent-automation",
        "subject-matter-expert",
        "Angus",
        None,
        "Revenues officer",
        2,
        None,
        None,
        False,
    ),
    (
        "intelligent-automation",
        "subject-matter-expert",
        "Dundee City",
        None,
        "Benefits officer",
        2,
        None,
        None,
        False,
    ),
    (
        "intelligent-automation",
        "subject-matter-expert",
        "Perth and Kinross",
        None,
        "Revenues officer",
        2,
        None,
        None,
        False,
    ),
    (
        "intelligent-automation",
        "information-governance-officer",
        "Angus",
        None,
        "Data protection officer",
        2,
        None,
        None,
        False,
    ),
    # Common data standards (in delivery): analysts still short.
    (
        "common-data-standards",
        "data-governance-manager",
        "Digital Office",
        None,
        "Data governance manager",
        6,
        None,
        None,
        False,
    ),
    (
        "common-data-standards",
        "data-architect",
        "City of Edinburgh",
        "data.lead@edinburgh.example",
        "",
        4,
        None,
        None,
        True,
    ),
    (
        "common-data-standards",
        "data-analyst",
        "Glasgow City",
        None,
        "Data analyst",
        3,
        None,
        None,
        False,
    ),
    # Cyber resilience (in delivery).
    (
        "cyber-resilience",
        "security-architect",
        "Digital Office",
        None,
        "Security architect",
        4,
        None,
        None,
        False,
    ),
    (
        "cyber-resilience",
        "infrastructure-engineer",
        "Highland",
        None,
        "Network engineer",
        3,
        None,
        None,
        True,
    ),
    (
        "cyber-resilience",
        "infrastructure-engineer",
        "Moray",
        None,
        "Infrastructure engineer",
        3,
        None,
        None,
        True,
    ),
    (
        "cyber-resilience",
        "infrastructure-engineer",
        "Argyll and Bute",
        None,
        "Infrastructure engineer",
        3,
        None,
        None,
        False,
    ),
    (
        "cyber-resilience",
        "trainer",
        "Stirling",
        None,
        "Cyber awareness trainer",
        2,
        None,
        None,
        False,
    ),
    # Design community of practice (in delivery): user research still to find.
    (
        "design-community-of-practice",
        "content-designer",
        "Highland",
        "content.designer@highland.example",
        "",
        3,
        None,
        None,
        True,
    ),
    (
        "design-community-of-practice",
        "service-designer",
        "Fife",
        "service.designer@fife.example",
        "",
        3,
        None,
        None,
        True,
    ),
    # Digital skills academy (in delivery): one trainer short.
    (
        "digital-skills-academy",
        "trainer",
        "Dundee City",
        None,
        "Digital skills trainer",
        6,
        None,
        None,
        True,
    ),
    ("digital-skills-academy", "trainer", "Angus", None, "Trainer", 3, None, None, True),
    (
        "digital-skills-academy",
        "delivery-manager",
        "Digital Office",
        "delivery.manager@digital-office.example",
        "",
        6,
        None,
        None,
        False,
    ),
    (
        "digital-skills-academy",
        "content-designer",
        "Dundee City",
        None,
        "Content designer",
        4,
        None,
        None,
        True,
    ),
    # Recruiting: early pledges, big gaps.
    (
        "social-care-data-standards",
        "data-architect",
        "City of Edinburgh",
        "data.lead@edinburgh.example",
        "",
        3,
        None,
        None,
        False,
    ),
    (
        "social-care-data-standards",
        "subject-matter-expert",
        "Dundee City",
        None,
        "Social work team manager",
        2,
        None,
        None,
        True,
    ),
    (
        "housing-repairs-online",
        "subject-matter-expert",
        "North Lanarkshire",
        None,
        "Housing repairs officer",
        2,
        None,
        None,
        True,
    ),
    (
        "shared-data-platform",
        "data-architect",
        "City of Edinburgh",
        None,
        "Data architect",
        4,
        None,
        None,
        False,
    ),
    (
        "shared-data-platform",
        "information-governance-officer",
        "Digital Office",
        None,
        "Information governance lead",
        3,
        None,
        None,
        False,
    ),
    (
        "digital-inclusion-and-connectivity",
        "change-and-engagement-officer",
        "Na h-Eileanan Siar",
        "ict.manager@cne-siar.example",
        "",
        4,
        None,
        None,
        False,
    ),
    (
        "digital-leadership-for-elected-members",
        "trainer",
        "Stirling",
        None,
        "Organisational development adviser",
        3,
        None,
        None,
        False,
    ),
]

# Person's email -> [(skill, level)]: what "where my council can help" matches.
USER_SKILLS: dict[str, list[tuple[str, str]]] = {
    "user.researcher@fife.example": [
        ("user-researcher", SkillLevel.PRACTITIONER),
        ("service-designer", SkillLevel.WORKING),
    ],
    "service.designer@fife.example": [
        ("service-designer", SkillLevel.PRACTITIONER),
        ("interaction-designer", SkillLevel.WORKING),
    ],
    "architect@aberdeencity.example": [
        ("enterprise-architect", SkillLevel.EXPERT),
        ("solution-architect", SkillLevel.PRACTITIONER),
        ("security-architect", SkillLevel.PRACTITIONER),
    ],
    "data.lead@edinburgh.example": [
        ("data-architect", SkillLevel.PRACTITIONER),
        ("data-analyst", SkillLevel.EXPERT),
    ],
    "content.designer@highland.example": [("content-designer", SkillLevel.PRACTITIONER)],
    "delivery.manager@digital-office.example": [("delivery-manager", SkillLevel.EXPERT)],
}

# Organisation -> (days per month, first month, last month).
CAPACITY: dict[str, tuple[int, str, str]] = {
    "Fife": (36, "2026-04", "2027-03"),  # less than pledged in most months: the page warns
    "Glasgow City": (30, "2026-04", "2027-03"),
    "Aberdeen City": (10, "2026-04", "2027-03"),
    "Angus": (30, "2026-04", "2027-03"),
    "Dundee City": (25, "2026-04", "2027-03"),
    "Highland": (15, "2026-04", "2027-03"),
    "Digital Office": (60, "2026-04", "2027-03"),
}


def _summer(start: datetime.date, end: datetime.date, days: Decimal) -> list[AdjustmentInput]:
    """Half the days in each July and August of the period."""
    half = (days / 2).quantize(Decimal("0.1"))
    return [
        AdjustmentInput(month=month, days=half)
        for month in month_range(start, end)
        if month.month in (7, 8)
    ]


def _needs() -> dict[tuple[str, str], ResourceRequirement]:
    slugs = {p[0] for p in PLEDGES}
    return {
        (r.project.slug, r.skill.slug): r
        for r in ResourceRequirement.objects.filter(project__slug__in=slugs).select_related(
            "project", "skill"
        )
    }


def _participate(project, organisation, status, office) -> bool:
    if Participation.objects.filter(project=project, organisation=organisation).exists():
        return False
    role = (
        ParticipationRole.LEAD
        if project.lead_organisation_id == organisation.pk
        else ParticipationRole.PARTICIPANT
    )
    if project.stage in services.FINISHED_STAGES:
        # The past, recorded as it was: no service takes part in a closed project now.
        start = project.planned_start or timezone.localdate()
        participation = Participation(
            project=project,
            organisation=organisation,
            status=status,
            role=role,
            interested_on=start,
            committed_on=None if status == INTERESTED else start,
            changed_by=office,
        )
        participation._history_user = office
        participation.save()
        return True
    if status in (C, A):
        services.participation_set(
            actor=office, project=project, organisation=organisation, status=C, role=role
        )
    if status != C:
        services.participation_set(
            actor=office, project=project, organisation=organisation, status=status, role=role
        )
    return True


def _pledge(requirement, organisation, person, label, days, start, end, summer, office) -> bool:
    existing = Pledge.objects.filter(requirement=requirement, organisation=organisation)
    existing = existing.filter(person=person) if person else existing.filter(capacity_label=label)
    if existing.exists():
        return False
    start = parse_month(start) if start else requirement.start_month
    end = parse_month(end) if end else requirement.end_month
    days = Decimal(days)
    adjustments = _summer(start, end, days) if summer else []
    if requirement.project.stage not in services.FINISHED_STAGES:
        services.pledge_create(
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
        return True
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
    pledge._history_user = office
    pledge.save()
    PledgeAdjustment.objects.bulk_create(
        PledgeAdjustment(pledge=pledge, month=m, days=d) for m, d in reductions.items()
    )
    services.refresh_requirement_months([requirement.pk])
    return True


def load(context) -> None:
    office = programme_office_user()
    if office is None:
        context.summary.append("Recruitment: skipped (load the partnership's demo people first).")
        return
    User = get_user_model()
    with transaction.atomic():
        projects = {
            p.slug: p
            for p in Project.objects.filter(slug__in=PARTICIPATION).select_related(
                "lead_organisation"
            )
        }
        organisations = {o.name: o for o in Organisation.objects.all()}
        emails = {p[3] for p in PLEDGES if p[3]} | set(USER_SKILLS)
        people = {u.email: u for u in User.objects.filter(email__in=emails)}
        joined = pledged = skills_added = declared = 0
        for slug, rows in PARTICIPATION.items():
            project = projects.get(slug)
            if project is None or project.stage == Stage.PROPOSED:
                continue
            for name, status in rows:
                if name in organisations:
                    joined += _participate(project, organisations[name], status, office)
        needs = _needs()
        for slug, skill, name, email, label, days, start, end, summer in PLEDGES:
            requirement = needs.get((slug, skill))
            organisation = organisations.get(name)
            if requirement is None or organisation is None:
                continue
            person = people.get(email) if email else None
            if email and person is None:
                continue
            pledged += _pledge(
                requirement, organisation, person, label, days, start, end, summer, office
            )
        skills = {s.slug: s for s in Skill.objects.all()}
        for email, rows in USER_SKILLS.items():
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
        for name, (days, start, end) in CAPACITY.items():
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
