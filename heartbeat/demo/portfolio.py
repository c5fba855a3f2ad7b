"""Load the demo work programme (see ``heartbeat.demo.loader`` and ``demo_data``).

Projects are written with the ORM rather than through the services because the demo tells
each project's story in the past: every record's history and every stage transition carries
the date the story gives, which the services (recording "now") cannot do. The loader follows
the services' conventions otherwise (history user and date on every save, the version bumped
on every move, months stored as the first of the month), and the tests check every project
against the lifecycle rules.

Idempotent: themes, sub-areas and skills are keyed on their slugs and saved only when they
differ from the data; a project whose slug exists is left exactly as it is, so a second run
duplicates nothing and never undoes what someone did with the demo.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from heartbeat.core.exceptions import ApplicationError
from heartbeat.demo.data import partnership as partnership_demo_data
from heartbeat.demo.data import portfolio as demo_data
from heartbeat.demo.skills import load_skills, programme_office_user
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
    SubArea,
    Tag,
    Theme,
)
from heartbeat.portfolio.rules import find_move, missing_from_definition
from heartbeat.portfolio.services import baseline_take

# Demo events happen in the working day.
EVENT_TIME = datetime.time(10, 0)


def parse_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def parse_month(value: str) -> datetime.date:
    """'2025-04' -> 1 April 2025."""
    year, month = value.split("-")
    return datetime.date(int(year), int(month), 1)


def event_time(value: str) -> datetime.datetime:
    """The moment of a demo event on an ISO date, never later than now."""
    moment = timezone.make_aware(datetime.datetime.combine(parse_date(value), EVENT_TIME))
    return min(moment, timezone.now())


def _demo_person(role: str):
    email = next(p["email"] for p in partnership_demo_data.DEMO_PEOPLE if role in p["roles"])
    return get_user_model().objects.filter(email=email).first()


def _save(instance, actor, when=None) -> None:
    instance._history_user = actor
    if when is not None:
        instance._history_date = when
    instance.save()


def _set_fields(instance, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def load_themes(actor=None) -> tuple[dict[str, Theme], dict[tuple[str, str], SubArea]]:
    """Create or update the themes and their sub-areas; return them by slug."""
    themes: dict[str, Theme] = {}
    sub_areas: dict[tuple[str, str], SubArea] = {}
    existing = {t.slug: t for t in Theme.objects.all()}
    existing_areas = {(a.theme_id, a.slug): a for a in SubArea.objects.all()}
    for data in demo_data.THEMES:
        values = {k: data[k] for k in ("name", "summary", "description", "order", "colour")}
        theme = existing.get(data["slug"])
        if theme is None:
            theme = Theme(slug=data["slug"], **values)
            _save(theme, actor)
        elif _set_fields(theme, values):
            _save(theme, actor)
        themes[theme.slug] = theme
        for order, (name, slug) in enumerate(data["sub_areas"], start=1):
            area = existing_areas.get((theme.pk, slug))
            if area is None:
                area = SubArea(theme=theme, slug=slug, name=name, order=order)
                _save(area, actor)
            elif _set_fields(area, {"name": name, "order": order}):
                _save(area, actor)
            sub_areas[(theme.slug, slug)] = area
    return themes, sub_areas


def _organisations() -> dict[str, Organisation]:
    names = {p["lead_organisation"] for p in demo_data.PROJECTS}
    names |= {p["organisation"] for p in demo_data.PROJECT_LEADS}
    found = {o.name: o for o in Organisation.objects.filter(name__in=names)}
    missing = sorted(names - set(found))
    if missing:
        raise ApplicationError(
            "The demo projects need these organisations, which do not exist yet: "
            f"{', '.join(missing)}. Load the partnership's demo data first.",
            code="demo_organisations_missing",
        )
    return found


def _project_leads(organisations: dict[str, Organisation], password: str) -> dict[str, object]:
    """The demo's project leads by email, created if missing (existing people are left alone)."""
    User = get_user_model()
    emails = [p["email"] for p in demo_data.PROJECT_LEADS]
    people = {u.email: u for u in User.objects.filter(email__in=emails)}
    hashed = None
    for data in demo_data.PROJECT_LEADS:
        if data["email"] in people:
            continue
        # Hashing is deliberately slow: hash the shared demo password once.
        hashed = hashed or make_password(password)
        user = User(
            email=data["email"],
            full_name=data["full_name"],
            job_title=data["job_title"],
            organisation=organisations[data["organisation"]],
            is_project_lead=True,
            password=hashed,
        )
        user.save()
        people[user.email] = user
    demo_lead = _demo_person("project_lead")
    if demo_lead is not None:
        people[demo_data.DEMO_PROJECT_LEAD] = demo_lead
    return people


def _tags(names: list[str]) -> list[Tag]:
    """The tags with these names, created if missing (keyed on their slugs, like the services)."""
    wanted = {slugify(name): name for name in names}
    found = {tag.slug: tag for tag in Tag.objects.filter(slug__in=wanted)}
    return [
        found.get(slug) or Tag.objects.create(slug=slug, name=name) for slug, name in wanted.items()
    ]


def _definition_rows(project: Project, data: dict, skills: dict) -> list[tuple[type, list]]:
    scope = [
        ScopeItem(project=project, kind=ScopeItem.Kind.IN, text=text, order=i)
        for i, text in enumerate(data["scope_in"], start=1)
    ] + [
        ScopeItem(project=project, kind=ScopeItem.Kind.OUT, text=text, order=i)
        for i, text in enumerate(data["scope_out"], start=1)
    ]
    requirements = [
        Requirement(project=project, priority=priority, text=text, order=i)
        for i, (priority, text) in enumerate(data["requirements"], start=1)
    ]
    products = [
        AnticipatedProduct(
            project=project,
            name=name,
            product_type=product_type,
            description=description,
            planned_date=parse_date(planned),
            order=i,
        )
        for i, (name, product_type, description, planned) in enumerate(data["products"], start=1)
    ]
    benefits = [
        ExpectedBenefit(project=project, text=text, order=i)
        for i, text in enumerate(data["benefits"], start=1)
    ]
    resources = [
        ResourceRequirement(
            project=project,
            skill=skills[slug],
            level=level,
            people=people,
            days_per_month=Decimal(str(days)),
            start_month=parse_month(start),
            end_month=parse_month(end),
            notes=notes,
            order=i,
        )
        for i, (slug, level, people, days, start, end, notes) in enumerate(
            data["resources"], start=1
        )
    ]
    return [
        (ScopeItem, scope),
        (Requirement, requirements),
        (AnticipatedProduct, products),
        (ExpectedBenefit, benefits),
        (ResourceRequirement, resources),
    ]


def _tell_story(project: Project, data: dict, lead, office) -> None:
    """Replay the project's stage transitions, dated as the data says."""
    for step in data["story"]:
        to_stage, on = step[0], step[1]
        reason = step[2] if len(step) > 2 else ""
        move = find_move(project, to_stage)
        if move is None:
            raise ApplicationError(
                f"Demo project {project.slug}: a {project.stage} project cannot move to {to_stage}."
            )
        if to_stage == Stage.DEFINED and missing_from_definition(project):
            raise ApplicationError(f"Demo project {project.slug} is not defined completely.")
        at = event_time(on)
        actor = lead if move.lead_may else office
        from_stage = project.stage
        if to_stage == Stage.PAUSED:
            project.paused_from = from_stage
        elif from_stage == Stage.PAUSED:
            project.paused_from = ""
        project.stage = to_stage
        project.stage_changed_at = at
        project.version += 1
        _save(project, actor, at)
        transition = StageTransition.objects.create(
            project=project,
            from_stage=from_stage,
            to_stage=to_stage,
            actor=actor,
            reason=reason,
            at=at,
        )
        if from_stage == Stage.DEFINED and to_stage == Stage.APPROVED:
            # Approval froze the definition as it was then, as the lifecycle service does.
            baseline_take(actor=actor, project=project, transition=transition)
    if project.stage != data["stage"]:
        raise ApplicationError(
            f"Demo project {project.slug}: its story ends in {project.stage}, not {data['stage']}."
        )


def _create_project(data, *, themes, sub_areas, organisations, people, skills, office):
    lead = people.get(data["project_lead"])
    proposed_at = event_time(data["proposed_on"])
    cost = data["estimated_cost"]
    project = Project(
        slug=data["slug"],
        title=data["title"],
        theme=themes[data["theme"]],
        sub_area=sub_areas[(data["theme"], data["sub_area"])] if data["sub_area"] else None,
        summary=data["summary"],
        problem=data["problem"],
        lead_organisation=organisations[data["lead_organisation"]],
        project_lead=lead,
        sponsor=data["sponsor"],
        planned_start=parse_date(data["planned_start"]),
        planned_end=parse_date(data["planned_end"]),
        estimated_cost=Decimal(cost) if cost is not None else None,
        visibility=data["visibility"],
        stage=Stage.PROPOSED,
        stage_changed_at=proposed_at,
        version=1,
        created_by=lead,
    )
    _save(project, lead, proposed_at)
    for model, rows in _definition_rows(project, data, skills):
        if rows:
            bulk_create_with_history(rows, model, default_user=lead, default_date=proposed_at)
    # The tags join the project's first history record's moment (simple-history reads
    # _history_date from the instance for many-to-many changes too).
    project.tags.set(_tags(data["tags"]))
    _tell_story(project, data, lead, office)
    last = project.stage_changed_at
    Project.objects.filter(pk=project.pk).update(created_at=proposed_at, updated_at=last)
    return project


def load(context) -> None:
    with transaction.atomic():
        office = programme_office_user()
        skills = load_skills(actor=office)
        themes, sub_areas = load_themes(actor=office)
        organisations = _organisations()
        people = _project_leads(organisations, context.password)
        context.people.update(p["email"] for p in demo_data.PROJECT_LEADS)
        existing = set(
            Project.objects.filter(slug__in=[p["slug"] for p in demo_data.PROJECTS]).values_list(
                "slug", flat=True
            )
        )
        created = 0
        for data in demo_data.PROJECTS:
            if data["slug"] in existing:
                continue
            _create_project(
                data,
                themes=themes,
                sub_areas=sub_areas,
                organisations=organisations,
                people=people,
                skills=skills,
                office=office,
            )
            created += 1
    kept = len(demo_data.PROJECTS) - created
    context.summary.append(
        f"Work programme: {len(themes)} themes, {len(sub_areas)} sub-areas, "
        f"{len(demo_data.PROJECTS)} projects ({created} created, {kept} already there), "
        f"{len(demo_data.PROJECT_LEADS)} project leads."
    )
