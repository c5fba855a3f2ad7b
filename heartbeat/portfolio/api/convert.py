"""Records to answers, and requests to the input the services take."""

from django.shortcuts import get_object_or_404

from heartbeat.core.exceptions import InvalidInput
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio import selectors
from heartbeat.portfolio.api.schemas import ProjectIn
from heartbeat.portfolio.inputs import (
    ProductInput,
    ProjectInput,
    RequirementInput,
    ResourceInput,
    TextItemInput,
)
from heartbeat.portfolio.models import Project, StageTransition, SubArea, Theme
from heartbeat.portfolio.rules import definition_checklist
from heartbeat.skills.models import Skill


def _ref(obj) -> dict | None:
    return {"slug": obj.slug, "name": obj.name} if obj is not None else None


def _person(user) -> dict | None:
    return {"id": user.pk, "name": user.display_name} if user is not None else None


def _summary(project: Project) -> dict:
    return {
        "slug": project.slug,
        "title": project.title,
        "summary": project.summary,
        "theme": _ref(project.theme),
        "sub_area": _ref(project.sub_area),
        "stage": project.stage,
        "stage_label": project.get_stage_display(),
        "visibility": project.visibility,
        "lead_organisation": _ref(project.lead_organisation),
        "project_lead": _person(project.project_lead),
        "sponsor": project.sponsor,
        "planned_start": project.planned_start,
        "planned_end": project.planned_end,
        "estimated_cost": project.estimated_cost,
        "tags": [tag.name for tag in project.tags.all()],
        "version": project.version,
        "updated_at": project.updated_at,
        "url": f"/projects/{project.slug}/",
    }


def _transition(transition: StageTransition) -> dict:
    return {
        "from_stage": transition.from_stage,
        "to_stage": transition.to_stage,
        "actor": _person(transition.actor),
        "reason": transition.reason,
        "at": transition.at,
    }


def _baseline(baseline) -> dict | None:
    if baseline is None:
        return None
    return {
        "taken_at": baseline.taken_at,
        "taken_by": baseline.taken_by,
        "differences": [
            {
                "section": d.section,
                "action": d.action,
                "subject": d.subject,
                "changes": [
                    {"field": c.label, "before": c.before, "after": c.after} for c in d.changes
                ],
                "changed_by": d.by,
                "changed_at": d.at,
            }
            for d in baseline.differences
        ],
    }


def _detail(user, project: Project) -> dict:
    checklist = definition_checklist(project)
    return {
        **_summary(project),
        "problem": project.problem,
        "created_at": project.created_at,
        "scope_in": [{"id": s.pk, "text": s.text} for s in project.scope_in],
        "scope_out": [{"id": s.pk, "text": s.text} for s in project.scope_out],
        "requirements": [
            {"id": r.pk, "text": r.text, "priority": r.priority} for r in project.requirements.all()
        ],
        "products": [
            {
                "id": p.pk,
                "name": p.name,
                "product_type": p.product_type,
                "description": p.description,
                "planned_date": p.planned_date,
            }
            for p in project.products.all()
        ],
        "benefits": [{"id": b.pk, "text": b.text} for b in project.expected_benefits.all()],
        "resources": [
            {
                "id": r.pk,
                "skill": _ref(r.skill),
                "level": r.level,
                "people": r.people,
                "days_per_month": r.days_per_month,
                "start_month": r.start_month,
                "end_month": r.end_month,
                "notes": r.notes,
            }
            for r in project.resource_requirements.all()
        ],
        "definition_complete": all(item.done for item in checklist),
        "checklist": [{"key": i.key, "label": i.label, "done": i.done} for i in checklist],
        "allowed_moves": [
            {"to_stage": m.to_stage, "label": m.label, "reason_required": m.reason_required}
            for m in selectors.allowed_moves(user, project)
        ],
        "transitions": [_transition(t) for t in project.transitions.all()],
        "baseline": _baseline(selectors.project_baseline(user, project)),
    }


def _current_fields(user, project: Project) -> dict:
    """The project as a PUT body (slugs and ids, rows with their ids), for PATCH to start
    from."""
    body = _detail(user, project)
    return {
        "title": body["title"],
        "theme": body["theme"]["slug"],
        "summary": body["summary"],
        "slug": body["slug"],
        "sub_area": body["sub_area"]["slug"] if body["sub_area"] else None,
        "problem": body["problem"],
        "lead_organisation": (
            body["lead_organisation"]["slug"] if body["lead_organisation"] else None
        ),
        "project_lead": body["project_lead"]["id"] if body["project_lead"] else None,
        "sponsor": body["sponsor"],
        "planned_start": body["planned_start"],
        "planned_end": body["planned_end"],
        "estimated_cost": body["estimated_cost"],
        "visibility": body["visibility"],
        "tags": body["tags"],
        "scope_in": body["scope_in"],
        "scope_out": body["scope_out"],
        "requirements": body["requirements"],
        "products": body["products"],
        "benefits": body["benefits"],
        "resources": [{**r, "skill": r["skill"]["slug"]} for r in body["resources"]],
    }


# Fields PATCH may not set to null: they have no empty value.
NOT_NULL = ("title", "theme", "summary", "slug", "problem", "sponsor", "visibility") + (
    "tags",
    "scope_in",
    "scope_out",
    "requirements",
    "products",
    "benefits",
    "resources",
)


def _patched_input(user, project: Project, changes: dict) -> ProjectInput:
    """The project's current fields with ``changes`` (the fields a PATCH sent) applied."""
    for name in NOT_NULL:
        if name in changes and changes[name] is None:
            raise InvalidInput(
                f"'{name}' cannot be null: leave it out to keep it, or send a value.",
                field=name,
            )
    merged = {**_current_fields(user, project), **changes}
    return _project_input(ProjectIn.model_validate(merged))


def _project_input(payload) -> ProjectInput:
    """Turn the slugs of the request into the ids the services take."""
    theme = Theme.objects.filter(slug=payload.theme).first()
    if theme is None:
        raise InvalidInput(f"There is no theme '{payload.theme}'.", field="theme")
    sub_area_id = None
    if payload.sub_area:
        sub_area_id = (
            SubArea.objects.filter(theme=theme, slug=payload.sub_area)
            .values_list("pk", flat=True)
            .first()
        )
        if sub_area_id is None:
            raise InvalidInput(
                f"{theme.name} has no sub-area '{payload.sub_area}'.", field="sub_area"
            )
    lead_organisation_id = None
    if payload.lead_organisation:
        lead_organisation_id = (
            Organisation.objects.filter(slug=payload.lead_organisation)
            .values_list("pk", flat=True)
            .first()
        )
        if lead_organisation_id is None:
            raise InvalidInput(
                f"There is no organisation '{payload.lead_organisation}'.",
                field="lead_organisation",
            )
    skills = dict(
        Skill.objects.filter(slug__in={r.skill for r in payload.resources}).values_list(
            "slug", "pk"
        )
    )
    resources = []
    for index, row in enumerate(payload.resources):
        if row.skill not in skills:
            raise InvalidInput(
                f"There is no skill '{row.skill}': choose one from GET /api/v1/skills.",
                field=f"resources-{index}-skill",
            )
        resources.append(
            ResourceInput(
                skill_id=skills[row.skill],
                level=row.level,
                people=row.people,
                days_per_month=row.days_per_month,
                start_month=row.start_month,
                end_month=row.end_month,
                notes=row.notes,
                id=row.id,
            )
        )
    return ProjectInput(
        title=payload.title,
        theme_id=theme.pk,
        summary=payload.summary,
        slug=payload.slug,
        sub_area_id=sub_area_id,
        problem=payload.problem,
        lead_organisation_id=lead_organisation_id,
        project_lead_id=payload.project_lead,
        sponsor=payload.sponsor,
        planned_start=payload.planned_start,
        planned_end=payload.planned_end,
        estimated_cost=payload.estimated_cost,
        visibility=payload.visibility,
        tags=list(payload.tags),
        scope_in=[TextItemInput(text=i.text, id=i.id) for i in payload.scope_in],
        scope_out=[TextItemInput(text=i.text, id=i.id) for i in payload.scope_out],
        requirements=[
            RequirementInput(text=r.text, priority=r.priority, id=r.id)
            for r in payload.requirements
        ],
        products=[
            ProductInput(
                name=p.name,
                product_type=p.product_type,
                description=p.description,
                planned_date=p.planned_date,
                id=p.id,
            )
            for p in payload.products
        ],
        benefits=[TextItemInput(text=b.text, id=b.id) for b in payload.benefits],
        resources=resources,
    )


def _visible_project(user, slug: str) -> Project:
    # 404 for a project the caller may not see, as for one that does not exist.
    return get_object_or_404(Project.objects.visible_to(user), slug=slug)
