"""The project page, its history, its stage moves and its definition as a PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from heartbeat.core import registry
from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.keptpages import kept_page
from heartbeat.portfolio import hooks, permissions, rules, selectors, services
from heartbeat.portfolio.forms import StageMoveForm
from heartbeat.portfolio.models import Stage
from heartbeat.portfolio.pdf import render_project_pdf
from heartbeat.portfolio.services.lifecycle import definition_refusal, move_phrase, move_refusal
from heartbeat.portfolio.views.base import HISTORY_ON_PAGE, _common

# The project page --------------------------------------------------------------------------


def _detail_context(request, project, **extra) -> dict:
    user = request.user
    checklist = rules.definition_checklist(project)
    missing = [item for item in checklist if not item.done]
    allowed = selectors.allowed_moves(user, project)
    # A move forward that needs the definition complete is not offered until it is.
    blocked = [move for move in allowed if missing and rules.checks_definition(move)]
    moves = [move for move in allowed if move not in blocked]
    can_edit = permissions.can_edit_project(user, project)
    resources = selectors.resource_totals(project)
    return _common(
        page_title=project.title,
        breadcrumbs=[
            ("Home", reverse("core:home")),
            ("Projects", reverse("portfolio:project_list")),
            (project.title, None),
        ],
        project=project,
        checklist=checklist,
        missing=missing,
        missing_links=_missing_links(project, missing, can_edit),
        edit_anchors=rules.CHECKLIST_ANCHORS if can_edit else {},
        moves=moves,
        blocked_moves=blocked,
        resources=resources.rows,
        total_days=resources.total_days,
        baseline=selectors.project_baseline(user, project),
        rendered_sections=_rendered_sections(request, project),
        can_edit=can_edit,
        **extra,
    )


def _rendered_sections(request, project) -> list:
    """The sections other apps add, each drawn from its own template and context."""
    sections = registry.collect(registry.project_sections, request, project)
    return registry.render_sections(request, sections, project=project)


@kept_page
@login_not_required
def project_detail(request, slug):
    project = selectors.project_detail(request.user, slug)
    return render(request, "portfolio/project_detail.html", _detail_context(request, project))


@kept_page
@login_not_required
def project_history(request, slug):
    """Who changed what in a project and its definition, with before and after.

    The project page loads the latest changes from here with htmx (and links here without
    JavaScript), so the project page itself stays within its query budget.
    """
    project = selectors.project_heading(request.user, slug)
    history = selectors.project_history(project, request.user)
    if request.htmx and not request.htmx.history_restore_request:
        response = render(
            request,
            "portfolio/partials/_history_latest.html",
            {"project": project, "entries": history[:HISTORY_ON_PAGE], "total": len(history)},
        )
    else:
        response = render(
            request,
            "portfolio/project_history.html",
            _common(
                page_title=f"History of {project.title}",
                breadcrumbs=[
                    ("Home", reverse("core:home")),
                    ("Projects", reverse("portfolio:project_list")),
                    (project.title, project.get_absolute_url()),
                    ("History", None),
                ],
                project=project,
                entries=history,
            ),
        )
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_POST
def project_move(request, slug):
    """The move the confirmation page posts (and scripts without it): the same page."""
    return project_move_confirm(request, slug, request.POST.get("to_stage", ""))


def _refused_on_project_page(request, project, error: ApplicationError):
    """A move this person cannot make here: the project page, with the reason."""
    context = _detail_context(request, project, move_errors=[(error.message, "#stage")])
    return render(request, "portfolio/project_detail.html", context, status=error.status)


def _missing_links(project, missing, can_edit: bool) -> list[tuple[str, str]]:
    """Each missing checklist item with the edit form's field that fills it (or the
    checklist on the project page, for someone who cannot edit)."""
    edit = reverse("portfolio:project_edit", args=[project.slug])
    return [
        (
            item.label,
            f"{edit}#{rules.CHECKLIST_ANCHORS[item.key]}"
            if can_edit
            else f"{project.get_absolute_url()}#checklist-{item.key}",
        )
        for item in missing
    ]


def project_move_confirm(request, slug, to_stage):
    """Ask to confirm a stage move on a page of its own: from and to, what follows, and the
    reason where the move asks for one. Its button makes the move."""
    user = request.user
    project = selectors.project_detail(user, slug)
    back = project.get_absolute_url() + "#stage"
    move = rules.find_move(project, to_stage)
    if move is None:
        if request.method != "POST":
            # A stale link: the project has moved on since the page that offered it.
            messages.info(request, f"{project.title} is {project.get_stage_display().lower()} now.")
            return redirect(back)
        to = Stage(to_stage).label if to_stage in Stage.values else to_stage
        error = ApplicationError(
            f"A project in stage {project.get_stage_display()} cannot move to {to}.",
            code="transition_not_allowed",
            status=409,
        )
        return _refused_on_project_page(request, project, error)
    if not permissions.can_make_move(user, project, move):
        return _refused_on_project_page(request, project, move_refusal(move))
    form = StageMoveForm(request.POST if request.method == "POST" else None, move=move)
    missing = rules.missing_from_definition(project) if rules.checks_definition(move) else []
    errors: list[tuple[str, str]] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.project_transition(
                actor=user,
                project=project,
                to_stage=to_stage,
                reason=form.cleaned_data.get("reason", ""),
            )
        except ApplicationError as error:
            if error.field == "reason" and "reason" in form.fields:
                form.add_error("reason", error.message)
            elif error.code == "definition_incomplete":
                errors.append((error.message, "#definition-missing"))
            else:
                errors.append((error.message, "#confirm-form"))
            status = error.status if 400 <= error.status < 500 else 400
        else:
            messages.success(request, f"{project.title} is now {Stage(to_stage).label.lower()}.")
            return redirect(back)
    elif form.errors:
        status = 422
    elif missing:
        errors.append((definition_refusal(to_stage, missing).message, "#definition-missing"))
        status = 409
    notes = rules.move_consequences(project, move)
    for note in hooks.transition_notes:
        notes.extend(note(project=project, move=move) or [])
    can_edit = permissions.can_edit_project(user, project)
    return render(
        request,
        "portfolio/move_confirm.html",
        _common(
            page_title=f"{move.label}: {project.title}",
            breadcrumbs=[
                ("Home", reverse("core:home")),
                ("Projects", reverse("portfolio:project_list")),
                (project.title, project.get_absolute_url()),
                (move.label, None),
            ],
            project=project,
            move=move,
            form=form,
            summary=[
                ("Project", project.title),
                ("Stage now", project.get_stage_display()),
                ("Stage after the move", Stage(move.to_stage).label),
            ],
            consequences=notes,
            missing=_missing_links(project, missing, can_edit),
            can_edit=can_edit,
            summary_errors=errors,
            action=reverse("portfolio:project_move_confirm", args=[project.slug, to_stage]),
            confirm_label=f"Yes, {move_phrase(move)}",
            back_url=back,
        ),
        status=status,
    )


@kept_page
@login_not_required
def project_pdf(request, slug):
    project = selectors.project_detail(request.user, slug)
    pdf = render_project_pdf(request, project, _pdf_context(project))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{project.slug}-definition.pdf"'
    return response


def _pdf_context(project) -> dict:
    checklist = rules.definition_checklist(project)
    resources = selectors.resource_totals(project)
    return _common(
        project=project,
        checklist=checklist,
        resources=resources.rows,
        total_days=resources.total_days,
    )
