"""Records to API answers, and API input to what the services take."""

from __future__ import annotations

from heartbeat.core.exceptions import InvalidInput
from heartbeat.portfolio.models import Project, Theme
from heartbeat.work_requests import selectors
from heartbeat.work_requests.api.schemas import (
    NewProjectIn,
    WorkRequestIn,
)
from heartbeat.work_requests.inputs import NewProjectInput, WorkRequestInput
from heartbeat.work_requests.models import (
    Attachment,
    Comment,
    Support,
    WorkRequest,
)


def ref(obj) -> dict | None:
    if obj is None:
        return None
    return {"slug": obj.slug, "name": getattr(obj, "name", None) or getattr(obj, "title", "")}


def summary_out(wr: WorkRequest) -> dict:
    return {
        "id": wr.pk,
        "reference": wr.reference,
        "title": wr.title,
        "organisation": ref(wr.organisation),
        "theme": ref(wr.theme),
        "urgency": wr.urgency,
        "state": wr.state,
        "support_count": wr.support_count,
        "project": ref(wr.project),
        "created_at": wr.created_at,
        "url": wr.get_absolute_url(),
    }


def support_out(s: Support) -> dict:
    return {
        "organisation": ref(s.organisation),
        "need": s.need,
        "supported_by": s.supported_by.display_name if s.supported_by else None,
        "moved_from": s.moved_from.reference if s.moved_from else None,
        "created_at": s.created_at,
    }


def attachment_out(a: Attachment) -> dict:
    return {
        "id": a.pk,
        "name": a.original_name,
        "kind": a.kind,
        "size": a.size,
        "uploaded_at": a.uploaded_at,
        "url": f"/api/v1/work-requests/{a.work_request_id}/attachments/{a.pk}",
    }


def detail_out(wr: WorkRequest) -> dict:
    return {
        **summary_out(wr),
        "problem": wr.problem,
        "affected": wr.affected,
        "outcome": wr.outcome,
        "benefit_value": wr.benefit_value,
        "benefit_notes": wr.benefit_notes,
        "raised_by": wr.raised_by.display_name if wr.raised_by else None,
        "decline_reason": wr.decline_reason,
        "duplicate_of": wr.duplicate_of_id,
        "state_changed_at": wr.state_changed_at,
        "version": wr.version,
        "updated_at": wr.updated_at,
        "supports": [support_out(s) for s in wr.supports.all()],
        "attachments": [attachment_out(a) for a in wr.attachments.all()],
        "state_changes": [
            {
                "from_state": c.from_state,
                "to_state": c.to_state,
                "note": c.note,
                "by": c.actor.display_name if c.actor else None,
                "at": c.at,
            }
            for c in wr.state_changes.all()
        ],
    }


def comment_out(c: Comment) -> dict:
    return {
        "id": c.pk,
        "author": c.author.display_name if c.author else None,
        "organisation": ref(c.organisation),
        "body": c.body,
        "created_at": c.created_at,
    }


def theme_id_of(slug: str, field: str = "theme") -> int:
    theme_id = Theme.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if theme_id is None:
        raise InvalidInput(f"There is no theme '{slug}'.", field=field)
    return theme_id


def request_input(payload: WorkRequestIn) -> WorkRequestInput:
    return WorkRequestInput(
        title=payload.title,
        problem=payload.problem,
        affected=payload.affected,
        outcome=payload.outcome,
        theme_id=theme_id_of(payload.theme),
        urgency=payload.urgency,
        benefit_value=payload.benefit_value,
        benefit_notes=payload.benefit_notes,
    )


def new_project_input(payload: NewProjectIn | None) -> NewProjectInput | None:
    if payload is None:
        return None
    return NewProjectInput(
        title=payload.title,
        summary=payload.summary,
        theme_id=theme_id_of(payload.theme, "new_theme") if payload.theme else None,
    )


def project_for(slug: str | None) -> Project | None:
    if not slug:
        return None
    project = Project.objects.filter(slug=slug).first()
    if project is None:
        raise InvalidInput(f"There is no project '{slug}'.", field="project")
    return project


def detail_of(user, pk: int) -> dict:
    return detail_out(selectors.request_detail(user, pk))
