"""A project's RAID log: the list, adding and changing items, closing, escalating."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, PermissionDenied
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.delivery import permissions, services
from heartbeat.delivery.forms import CloseForm, EscalateForm, RaidForm
from heartbeat.delivery.models import RaidKind, RaidStatus
from heartbeat.delivery.selectors import project as project_selectors
from heartbeat.delivery.selectors.project import RAID_STATUS_FILTERS
from heartbeat.delivery.views.common import (
    attach_error,
    error_status,
    project_breadcrumbs,
    reporting_project,
)
from heartbeat.portfolio.models import AnticipatedProduct, Project
from heartbeat.portfolio.permissions import is_programme_office

KIND_NOUNS = {
    "risk": "risk",
    "assumption": "assumption",
    "issue": "issue",
    "dependency": "dependency",
}


def _viewable_project(request, slug):
    project = project_selectors.project_for(request.user, slug)
    if not permissions.can_view_raid(request.user, project):
        raise Http404("No such project.")
    return project


def _export(project, items, fmt):
    headers = [
        "Reference",
        "Kind",
        "Title",
        "Status",
        "Owner",
        "Likelihood",
        "Impact",
        "Score",
        "Proximity",
        "Mitigation",
        "Priority",
        "Resolution",
        "Depends on",
        "Needed by",
        "Escalated",
        "Raised on",
        "Closed on",
        "Description",
    ]
    rows = [
        [
            item.reference,
            item.get_kind_display(),
            item.title,
            item.get_status_display(),
            item.owner,
            item.likelihood,
            item.impact,
            item.score,
            item.get_proximity_display(),
            item.mitigation,
            item.get_priority_display(),
            item.resolution,
            depends_on(item),
            item.needed_by,
            "Yes" if item.escalated_at else "",
            item.raised_at.date(),
            item.closed_at.date() if item.closed_at else None,
            item.description,
        ]
        for item in items
    ]
    return export_response(
        fmt, filename=f"{project.slug}-raid-log", headers=headers, rows=rows, title="RAID log"
    )


def depends_on(item) -> str:
    if item.depends_on_project_id:
        return item.depends_on_project.title
    if item.depends_on_product_id:
        return f"{item.depends_on_product.name} ({item.depends_on_product.project.title})"
    return item.outside_body


@kept_page
def raid_log(request, slug):
    project = _viewable_project(request, slug)
    kind = request.GET.get("kind", "")
    if kind not in RaidKind.values:
        kind = ""
    status = request.GET.get("status", "open")
    if status not in dict(RAID_STATUS_FILTERS):
        status = "open"
    items = project_selectors.raid_log(project, kind=kind, status=status)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return _export(project, items, fmt)
    return render(
        request,
        "delivery/raid_log.html",
        {
            "page_title": f"RAID log: {project.title}",
            "breadcrumbs": project_breadcrumbs(project, ("RAID log", None)),
            "project": project,
            "items": items,
            "kind": kind,
            "status": status,
            "kinds": RaidKind.choices,
            "statuses": RAID_STATUS_FILTERS,
            "can_report": permissions.can_report_on(request.user, project),
            "depends_on": depends_on,
        },
    )


def _choices(project):
    projects = list(
        Project.objects.exclude(pk=project.pk).order_by("title").values_list("pk", "title")
    )
    products = [
        (pk, f"{name} ({title})")
        for pk, name, title in AnticipatedProduct.objects.exclude(project=project)
        .order_by("project__title", "order", "pk")
        .values_list("pk", "name", "project__title")
    ]
    return projects, products


def _form(kind, project, *args, **kwargs) -> RaidForm:
    projects, products = ([], []) if kind != RaidKind.DEPENDENCY else _choices(project)
    return RaidForm(*args, kind=kind, project_choices=projects, product_choices=products, **kwargs)


def _render_form(request, project, form, *, item=None, status=200, summary_errors=()):
    noun = KIND_NOUNS[form.kind]
    title = f"Log a new {noun}" if item is None else f"{item.reference}: {item.title}"
    return render(
        request,
        "delivery/raid_form.html" if item is None else "delivery/raid_detail.html",
        {
            "page_title": f"{title}: {project.title}",
            "breadcrumbs": project_breadcrumbs(
                project,
                ("RAID log", reverse("delivery:raid_log", args=[project.slug])),
                (title if item is None else item.reference, None),
            ),
            "heading": title,
            "project": project,
            "form": form,
            "item": item,
            "noun": noun,
            "summary_errors": list(summary_errors),
            "can_report": permissions.can_report_on(request.user, project),
            "is_office": is_programme_office(request.user),
            "depends_on": depends_on,
        },
        status=status,
    )


def raid_new(request, slug):
    project = reporting_project(request, slug)
    kind = request.GET.get("kind") or request.POST.get("kind") or RaidKind.RISK
    if kind not in RaidKind.values:
        kind = RaidKind.RISK
    if request.method == "POST":
        form = _form(kind, project, request.POST)
        if not form.is_valid():
            return _render_form(request, project, form, status=422)
        try:
            item = services.raid_item_create(
                actor=request.user, project=project, data=form.to_input()
            )
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error
        except ApplicationError as error:
            summary = attach_error(form, _alias(error), anchor="#raid-form")
            return _render_form(
                request, project, form, status=error_status(error), summary_errors=summary
            )
        messages.success(request, f"{item.reference} {item.title} has been added to the log.")
        return redirect("delivery:raid_detail", project.slug, item.pk)
    return _render_form(request, project, _form(kind, project))


def _alias(error: ApplicationError) -> ApplicationError:
    if error.field == "depends_on":
        error.field = "depends_on_project"
    return error


@kept_page
def raid_detail(request, slug, pk):
    project = _viewable_project(request, slug)
    item = project_selectors.raid_item_for(request.user, project, pk)
    can_report = permissions.can_report_on(request.user, project)
    if request.method == "POST":
        project = reporting_project(request, slug)
        form = _form(item.kind, project, request.POST)
        if not form.is_valid():
            return _render_form(request, project, form, item=item, status=422)
        try:
            services.raid_item_update(
                actor=request.user,
                item=item,
                data=form.to_input(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error
        except ApplicationError as error:
            summary = attach_error(form, _alias(error), anchor="#raid-form")
            return _render_form(
                request,
                project,
                form,
                item=item,
                status=error_status(error),
                summary_errors=summary,
            )
        messages.success(request, f"{item.reference} has been saved.")
        return redirect("delivery:raid_detail", project.slug, item.pk)
    form = None
    if can_report:
        form = _form(
            item.kind,
            project,
            initial={
                "title": item.title,
                "description": item.description,
                "owner": item.owner,
                "likelihood": item.likelihood,
                "impact": item.impact,
                "proximity": item.proximity,
                "mitigation": item.mitigation,
                "priority": item.priority,
                "resolution": item.resolution,
                "depends_on_project": item.depends_on_project_id,
                "depends_on_product": item.depends_on_product_id,
                "outside_body": item.outside_body,
                "needed_by": item.needed_by,
                "version": item.version,
            },
        )
    else:
        form = _form(item.kind, project)
        form.read_only = True
    return _render_form(request, project, form, item=item)


def _action_page(
    request, project, item, *, form, title, button, template_message, status=200, summary_errors=()
):
    return render(
        request,
        "delivery/raid_action.html",
        {
            "page_title": f"{title}: {project.title}",
            "heading": title,
            "breadcrumbs": project_breadcrumbs(
                project,
                ("RAID log", reverse("delivery:raid_log", args=[project.slug])),
                (item.reference, item_url(item)),
                (title, None),
            ),
            "project": project,
            "item": item,
            "form": form,
            "button_text": button,
            "message": template_message,
            "summary_errors": list(summary_errors),
        },
        status=status,
    )


def item_url(item) -> str:
    return reverse("delivery:raid_detail", args=[item.project.slug, item.pk])


def raid_close(request, slug, pk):
    project = reporting_project(request, slug)
    item = project_selectors.raid_item_for(request.user, project, pk)
    if item.status == RaidStatus.CLOSED:
        messages.info(request, f"{item.reference} is already closed.")
        return redirect(item_url(item))
    form = CloseForm(request.POST or None, initial={"resolution": item.resolution})
    if item.kind != RaidKind.ISSUE:
        del form.fields["resolution"]
    status, summary = 200, []
    if request.method == "POST":
        if form.is_valid():
            try:
                services.raid_item_close(
                    actor=request.user,
                    item=item,
                    note=form.cleaned_data.get("note") or "",
                    resolution=form.cleaned_data.get("resolution") or "",
                )
            except ApplicationError as error:
                summary = attach_error(form, error)
                status = error_status(error)
            else:
                messages.success(request, f"{item.reference} has been closed. It stays in the log.")
                return redirect(reverse("delivery:raid_log", args=[project.slug]))
        else:
            status = 422
    return _action_page(
        request,
        project,
        item,
        form=form,
        title=f"Close {item.reference}",
        button=f"Close {item.reference}",
        template_message="A closed item stays in the log, marked closed, with your note.",
        status=status,
        summary_errors=summary,
    )


@require_POST
def raid_reopen(request, slug, pk):
    project = reporting_project(request, slug)
    item = project_selectors.raid_item_for(request.user, project, pk)
    try:
        services.raid_item_reopen(actor=request.user, item=item)
    except ApplicationError as error:
        messages.info(request, error.message)
    else:
        messages.success(request, f"{item.reference} has been reopened.")
    return redirect(item_url(item))


def raid_escalate(request, slug, pk):
    project = reporting_project(request, slug)
    item = project_selectors.raid_item_for(request.user, project, pk)
    if item.kind != RaidKind.RISK or not item.is_open or item.is_escalated:
        messages.info(
            request,
            f"{item.reference} cannot be escalated: only open risks that are "
            "not escalated yet can be.",
        )
        return redirect(item_url(item))
    form = EscalateForm(request.POST or None)
    status, summary = 200, []
    if request.method == "POST":
        if form.is_valid():
            try:
                services.raid_item_escalate(
                    actor=request.user, item=item, note=form.cleaned_data["note"]
                )
            except ApplicationError as error:
                summary = attach_error(form, error)
                status = error_status(error)
            else:
                messages.success(request, f"{item.reference} has been escalated to the programme.")
                return redirect(item_url(item))
        else:
            status = 422
    return _action_page(
        request,
        project,
        item,
        form=form,
        title=f"Escalate {item.reference} to the programme",
        button="Escalate the risk",
        template_message="The programme office sees escalated risks on its home page and on the "
        "dashboard.",
        status=status,
        summary_errors=summary,
    )


@require_POST
def raid_hand_back(request, slug, pk):
    project = _viewable_project(request, slug)
    if not is_programme_office(request.user):
        raise DjangoPermissionDenied("Only the programme office can hand a risk back.")
    item = project_selectors.raid_item_for(request.user, project, pk)
    try:
        services.raid_item_deescalate(actor=request.user, item=item)
    except ApplicationError as error:
        messages.info(request, error.message)
    else:
        messages.success(request, f"{item.reference} has been handed back to the project.")
    return redirect(item_url(item))
