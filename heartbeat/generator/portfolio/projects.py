"""The synthetic projects, their definitions, stage moves and tags."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from heartbeat.accounts.models import User
from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.months import add_months, first_of_month, months_between
from heartbeat.demo.portfolio import load_themes
from heartbeat.demo.skills import load_skills
from heartbeat.generator.portfolio.words import (
    BENCH_LEAD_PROJECTS_PER_SCALE,
    BENEFITS,
    CHANGED_SINCE_APPROVAL_SHARE,
    FIRST_MONTH,
    LEVELS,
    PATH,
    PREFIXES,
    PROBLEMS,
    PRODUCT_TYPES,
    PROJECTS_PER_SCALE,
    PUBLIC_SHARE,
    REQUIREMENTS,
    RESOURCE_SKILLS,
    SCOPE_IN,
    SCOPE_OUT,
    SPONSOR_ROLES,
    STAGE_WEIGHTS,
    SUBJECTS,
    SUMMARIES,
    TAGS,
)
from heartbeat.generator.runner import BATCH_SIZE, BENCH_USERS
from heartbeat.partnership.models import Organisation, OrganisationKind
from heartbeat.portfolio.baseline import carry_forward, differences, snapshot_of
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    ProductType,
    Project,
    ProjectBaseline,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
    Tag,
    Visibility,
)
from heartbeat.portfolio.search import rebuild_search_documents


def _months_after(start: datetime.date, end: datetime.date) -> int:
    """Whole months from ``start``'s month to ``end``'s (0 for the same month)."""
    return months_between(start, end) - 1


def _path_to(stage: str, rng: random.Random) -> list[str]:
    """The stages a project passed through to reach ``stage``, in order."""
    if stage == Stage.PROPOSED:
        return []
    if stage in PATH:
        return PATH[: PATH.index(stage) + 1]
    # Paused from an open stage after proposed; cancelled from any open stage.
    left_at = rng.choice([Stage.DEFINED, Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY])
    if stage == Stage.CANCELLED and rng.random() < 0.3:
        return [Stage.CANCELLED]
    return [*PATH[: PATH.index(left_at) + 1], stage]


def _period(stage: str, rng: random.Random, today: datetime.date) -> tuple:
    """Planned start and end (start within 2024-2027, end by 2028) fitting the stage."""
    this_month = first_of_month(today)
    months_so_far = max(_months_after(FIRST_MONTH, this_month), 1)
    if stage == Stage.CLOSED:
        start = add_months(FIRST_MONTH, rng.randint(0, max(months_so_far - 14, 0)))
        length = rng.randint(6, min(18, max(_months_after(start, this_month) - 1, 6)))
    elif stage in (Stage.IN_DELIVERY, Stage.PAUSED, Stage.CANCELLED):
        start = add_months(FIRST_MONTH, rng.randint(6, months_so_far))
        length = rng.randint(12, 30)
    else:
        start = add_months(this_month, rng.randint(1, 14))
        length = rng.randint(6, 24)
    end = add_months(start, length)
    if end.year > 2028:
        end = datetime.date(2028, 12, 1)
    return start, end - datetime.timedelta(days=1)


def _lead_candidates() -> tuple[list[Organisation], dict[int, list[int]], User | None, User | None]:
    organisations = list(
        Organisation.objects.filter(
            active=True,
            kind__in=[OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.DIGITAL_OFFICE],
        ).order_by("pk")
    )
    people: dict[int, list[int]] = {}
    leads: dict[int, list[int]] = {}
    rows = User.objects.filter(organisation__in=organisations, is_active=True).values_list(
        "pk", "organisation_id", "is_project_lead"
    )
    for pk, organisation_id, is_lead in rows:
        people.setdefault(organisation_id, []).append(pk)
        if is_lead:
            leads.setdefault(organisation_id, []).append(pk)
    # Prefer people with the project lead role; any member will do where a council has none.
    candidates = {o.pk: leads.get(o.pk) or people.get(o.pk, []) for o in organisations}
    organisations = [o for o in organisations if candidates[o.pk]]
    bench_lead = User.objects.filter(email=BENCH_USERS["project_lead"]).first()
    office = (
        User.objects.filter(email=BENCH_USERS["programme_office"]).first()
        or User.objects.filter(is_programme_office=True, is_active=True).order_by("pk").first()
    )
    return organisations, candidates, bench_lead, office


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    """Create about 200 × ``scale`` projects with full definitions and stage transitions."""
    skills = load_skills()
    themes, sub_areas = load_themes()
    organisations, candidates, bench_lead, office = _lead_candidates()
    if not organisations:
        raise ApplicationError(
            "Generate the partnership first: no council or Digital Office has any people.",
            code="generate_partnership_first",
        )
    official_names = dict(Organisation.objects.values_list("pk", "official_name"))
    tags = _tags()
    areas = [(sub_areas[key], themes[key[0]], subjects) for key, subjects in SUBJECTS.items()]
    resource_skills = [skills[slug] for slug in RESOURCE_SKILLS]
    stages = list(STAGE_WEIGHTS)
    weights = list(STAGE_WEIGHTS.values())
    now = timezone.now()
    today = timezone.localdate()
    taken = set(Project.objects.values_list("slug", flat=True))

    projects: list[Project] = []
    plans: list[tuple[list[tuple[str, datetime.datetime]], datetime.datetime, int]] = []
    details: list[tuple[str, str, datetime.date, datetime.date]] = []
    how_many = PROJECTS_PER_SCALE * scale
    bench_projects = BENCH_LEAD_PROJECTS_PER_SCALE * scale if bench_lead else 0
    for number in range(1, how_many + 1):
        area, theme, subjects = rng.choice(areas)
        subject = rng.choice(subjects)
        prefix = rng.choice(PREFIXES)
        title = f"{prefix} {subject}"
        slug = f"{slugify(title)[:100]}-{number}"
        while slug in taken:
            slug = f"{slug}-g"
        taken.add(slug)
        stage = rng.choices(stages, weights)[0]
        path = _path_to(stage, rng)
        start, end = _period(stage, rng, today)
        if number <= bench_projects:
            organisation_id, lead_id = bench_lead.organisation_id, bench_lead.pk
        else:
            organisation = rng.choice(organisations)
            organisation_id = organisation.pk
            lead_id = rng.choice(candidates[organisation_id])
        # Proposed 2 to 10 months before the planned start, and long enough ago for its moves.
        proposed_at = min(
            timezone.make_aware(
                datetime.datetime.combine(
                    start - datetime.timedelta(days=rng.randint(60, 300)), datetime.time(9)
                )
            ),
            now - datetime.timedelta(days=rng.randint(7 + 20 * len(path), 200 + 60 * len(path))),
        )
        moves = _moves(path, proposed_at, now, rng)
        words = {"subject": subject, "Prefix": prefix, "prefix_lower": prefix.lower()}
        project = Project(
            title=title,
            slug=slug,
            theme=theme,
            sub_area=area,
            summary=rng.choice(SUMMARIES).format(**words),
            problem=rng.choice(PROBLEMS).format(**words),
            lead_organisation_id=organisation_id,
            project_lead_id=lead_id,
            created_by_id=lead_id,
            sponsor=f"{rng.choice(SPONSOR_ROLES)}, {official_names[organisation_id]}",
            planned_start=start,
            planned_end=end,
            estimated_cost=Decimal(rng.randrange(40, 2500) * 1000),
            stage=stage,
            stage_changed_at=moves[-1][1] if moves else proposed_at,
            paused_from=path[-2] if stage == Stage.PAUSED else "",
            visibility=Visibility.PUBLIC if rng.random() < PUBLIC_SHARE else Visibility.PARTNERSHIP,
            version=1 + len(path),
        )
        projects.append(project)
        plans.append((moves, proposed_at, lead_id))
        details.append((subject, prefix, start, end))

    # Each project's history starts with its creation, by its lead, when it was proposed.
    users = {u.pk: u for u in User.objects.filter(pk__in={p.project_lead_id for p in projects})}
    for project, (_moves_made, proposed_at, lead_id) in zip(projects, plans, strict=True):
        # bulk_create_with_history reads each instance's history user and date from these.
        project._history_user = users[lead_id]
        project._history_date = proposed_at
    projects = bulk_create_with_history(projects, Project, batch_size=BATCH_SIZE)

    rows, by_project = _definition_rows(projects, details, resource_skills, rng)
    _tag_projects(projects, tags, rng)
    transitions = StageTransition.objects.bulk_create(
        _transitions(projects, plans, office), batch_size=BATCH_SIZE
    )
    baselines = _baselines(projects, by_project, transitions, office, users, rng)
    rebuild_search_documents()
    return {
        "projects": len(projects),
        "definition rows": rows,
        "stage transitions": len(transitions),
        "baselines": baselines,
        "skills": len(skills),
    }


def _baselines(projects, by_project, transitions, office, users, rng) -> int:
    """The baseline each approval took, as the lifecycle service takes it; a share of the
    projects have had their planned end moved since, by their lead."""
    approvals = {
        t.project_id: t
        for t in transitions
        if t.from_stage == Stage.DEFINED and t.to_stage == Stage.APPROVED
    }
    baselines = []
    for project in projects:
        approval = approvals.get(project.pk)
        if approval is None:
            continue
        current = snapshot_of(project, **by_project[project.pk])
        approved = dict(current)
        found = []
        if rng.random() < CHANGED_SINCE_APPROVAL_SHARE and project.planned_end:
            approved["planned_end"] = add_months(project.planned_end, -3).isoformat()
            found = carry_forward(
                differences(approved, current),
                [],
                by=users[project.project_lead_id],
                at=approval.at + datetime.timedelta(days=rng.randint(20, 90)),
            )
        baselines.append(
            ProjectBaseline(
                project=project,
                transition=approval,
                taken_at=approval.at,
                taken_by=office,
                definition=approved,
                differences=[d.as_json() for d in found],
                has_differences=bool(found),
            )
        )
    baselines = ProjectBaseline.objects.bulk_create(baselines, batch_size=BATCH_SIZE)
    for baseline in baselines:
        baseline.project.baseline = baseline
    Project.objects.bulk_update([b.project for b in baselines], ["baseline"], batch_size=BATCH_SIZE)
    return len(baselines)


def _moves(path, proposed_at, now, rng) -> list[tuple[str, datetime.datetime]]:
    """Date each move on the path, a few weeks apart, between the proposal and now."""
    moments = []
    moment = proposed_at
    for _stage in path:
        moment = moment + datetime.timedelta(days=rng.randint(14, 75), hours=rng.randint(0, 6))
        moments.append(moment)
    if moments and moments[-1] > now:
        # Squeeze the story into the time there was.
        span = (now - proposed_at) / (len(path) + 1)
        moments = [proposed_at + span * (i + 1) for i in range(len(path))]
    return list(zip(path, moments, strict=True))


def _tags() -> list[Tag]:
    wanted = {slugify(name): name for name in TAGS}
    existing = {t.slug for t in Tag.objects.filter(slug__in=wanted)}
    Tag.objects.bulk_create(
        [Tag(slug=slug, name=name) for slug, name in wanted.items() if slug not in existing]
    )
    return list(Tag.objects.filter(slug__in=wanted))


def _tag_projects(projects, tags, rng) -> None:
    through = Project.tags.through
    links = [
        through(project_id=project.pk, tag_id=tag.pk)
        for project in projects
        for tag in rng.sample(tags, rng.randint(1, 3))
    ]
    through.objects.bulk_create(links, batch_size=BATCH_SIZE)


def _project_rows(project, subject, prefix, start, end, resource_skills, rng) -> dict:
    """One project's definition: 3 scope lines, 4 requirements, 2 products, 3 benefits and
    2 resource requirements, by model."""
    words = {"subject": subject}
    length = max((end - start).days, 1)
    months = max(_months_after(start, end), 1)
    resources = []
    for order in (1, 2):
        first = add_months(first_of_month(start), rng.randint(0, months // 3))
        last = add_months(first, rng.randint(0, months - _months_after(start, first)))
        resources.append(
            ResourceRequirement(
                project=project,
                skill=rng.choice(resource_skills),
                level=rng.choice(LEVELS),
                people=rng.randint(1, 3),
                days_per_month=Decimal(rng.choice([2, 3, 4, 5, 6, 8, 10])),
                start_month=first,
                end_month=min(last, first_of_month(end)),
                order=order,
            )
        )
    return {
        ScopeItem: [
            *(
                ScopeItem(
                    project=project, kind=ScopeItem.Kind.IN, text=text.format(**words), order=i
                )
                for i, text in enumerate(SCOPE_IN, start=1)
            ),
            ScopeItem(
                project=project,
                kind=ScopeItem.Kind.OUT,
                text=rng.choice(SCOPE_OUT).format(**words),
                order=1,
            ),
        ],
        Requirement: [
            Requirement(project=project, priority=priority, text=text.format(**words), order=i)
            for i, (priority, text) in enumerate(REQUIREMENTS, start=1)
        ],
        AnticipatedProduct: [
            AnticipatedProduct(
                project=project,
                name=f"{prefix} {subject} {'service' if i == 1 else 'guidance'}",
                product_type=rng.choice(PRODUCT_TYPES) if i == 1 else ProductType.GUIDANCE,
                description=f"What the project delivers for {subject}.",
                planned_date=start + datetime.timedelta(days=length * i // 2),
                order=i,
            )
            for i in (1, 2)
        ],
        ExpectedBenefit: [
            ExpectedBenefit(project=project, text=text.format(**words), order=i)
            for i, text in enumerate(BENEFITS, start=1)
        ],
        ResourceRequirement: resources,
    }


def _definition_rows(projects, details, resource_skills, rng) -> tuple[int, dict]:
    """Write every project's definition rows.

    Without history records: they would double the rows written, and a generated project's
    history needs only its creation (recorded on the project) to exercise the history page.
    """
    rows_by_model: dict[type, list] = {}
    by_project: dict[int, dict] = {}
    for project, (subject, prefix, start, end) in zip(projects, details, strict=True):
        rows = _project_rows(project, subject, prefix, start, end, resource_skills, rng)
        for model, objs in rows.items():
            rows_by_model.setdefault(model, []).extend(objs)
        by_project[project.pk] = {
            "scope": rows[ScopeItem],
            "requirements": rows[Requirement],
            "products": rows[AnticipatedProduct],
            "benefits": rows[ExpectedBenefit],
            "needs": rows[ResourceRequirement],
        }
    for model, objs in rows_by_model.items():
        model.objects.bulk_create(objs, batch_size=BATCH_SIZE)
    return sum(len(objs) for objs in rows_by_model.values()), by_project


def _transitions(projects, plans, office) -> list[StageTransition]:
    transitions = []
    for project, (steps, _proposed_at, lead_id) in zip(projects, plans, strict=True):
        from_stage = Stage.PROPOSED
        for to_stage, at in steps:
            by_lead = to_stage == Stage.DEFINED
            transitions.append(
                StageTransition(
                    project=project,
                    from_stage=from_stage,
                    to_stage=to_stage,
                    actor_id=lead_id if by_lead else (office.pk if office else None),
                    reason=(
                        "Paused while councils confirm funding and people."
                        if to_stage == Stage.PAUSED
                        else "Cancelled: too few councils could commit people to it."
                        if to_stage == Stage.CANCELLED
                        else ""
                    ),
                    at=at,
                )
            )
            from_stage = to_stage
    return transitions


def flush(stdout) -> None:
    """Delete every project, its definition and history, and the tags; keep themes and skills."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        Project.objects.all().delete()
        Tag.objects.all().delete()
    for model in (
        Project,
        ScopeItem,
        Requirement,
        AnticipatedProduct,
        ExpectedBenefit,
        ResourceRequirement,
    ):
        model.history.all().delete()
