"""Recruitment pages: open needs, where my council can help, recruiting projects,
contributions, capacity, people's skills, the skills list, participation and pledges."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.months import parse_month
from heartbeat.core.pagination import paginate
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, ResourceRequirement, Theme
from heartbeat.portfolio.permissions import is_programme_office
from heartbeat.recruitment import permissions, selectors, services
from heartbeat.recruitment.forms import (
    CapacityForm,
    NeedFilterForm,
    ParticipationForm,
    PledgeForm,
    WithdrawForm,
)
from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    ParticipationRole,
    ParticipationStatus,
)
from heartbeat.skills.models import Skill, UserSkill

PER_PAGE = 25
CHART_COLOUR = "#0065bd"
CHART_COLOUR_2 = "#428542"
# The most organisations a contributions chart shows.
CHART_LIMIT = 40


def _require(allowed: bool) -> None:
    if not allowed:
        raise DjangoPermissionDenied


def _show_error(form, error: ApplicationError, field: str | None = None) -> None:
    """Put a service's refusal on the form, next to its field when it names one."""
    field = field if field is not None else error.field
    form.add_error(field if field in form.fields else None, error.message)


def _wants_export(request) -> str | None:
    fmt = request.GET.get("format", "")
    return fmt if fmt in EXPORT_FORMATS else None


def _acting_organisation(request) -> Organisation | None:
    """The organisation a person acts for: their own, or (programme office) the one named
    in ?organisation=."""
    user = request.user
    slug = request.GET.get("organisation") or request.POST.get("organisation")
    if slug and is_programme_office(user):
        return get_object_or_404(Organisation, slug=slug)
    if is_programme_office(user) and user.organisation_id is None:
        # Someone of the programme office with no organisation of their own (an account
        # made with createsuperuser) starts with the first; the page lets them choose.
        return Organisation.objects.active().order_by("name").first()
    return user.organisation if user.is_authenticated else None


def _organisations_for_office(request) -> list[Organisation]:
    if not is_programme_office(request.user):
        return []
    return list(Organisation.objects.active().only("pk", "name", "slug"))


# Open needs --------------------------------------------------------------------------------


@login_not_required
def open_needs(request):
    filters, filter_errors = selectors.parse_need_filters(request.GET)
    today = timezone.localdate()
    needs = selectors.open_needs(request.user, filters, today=today)
    fmt = _wants_export(request)
    if fmt:
        return export_response(
            fmt,
            filename="open-needs",
            headers=selectors.NEED_EXPORT_HEADERS,
            rows=selectors.need_export_rows(needs),
            title="Open needs",
            request=request,
        )
    form = NeedFilterForm(
        initial=filters.as_params(),
        skills=Skill.objects.active().only("slug", "name"),
        themes=Theme.objects.only("slug", "name"),
        today=today,
        chosen_month=filters.month,
    )
    return render(
        request,
        "recruitment/open_needs.html",
        {
            "page_title": "Open needs",
            "breadcrumbs": [("Home", "/"), ("Open needs", None)],
            "form": form,
            "filter_errors": filter_errors,
            "page_obj": paginate(needs, request, PER_PAGE),
            "filters": filters,
        },
    )


def where_to_help(request):
    organisation = _acting_organisation(request)
    _require(permissions.can_see_where_to_help(request.user, organisation))
    filters, filter_errors = selectors.parse_need_filters(request.GET)
    needs, people, pledged = selectors.where_to_help(request.user, organisation, filters)
    page_obj = paginate(needs, request, PER_PAGE)
    return render(
        request,
        "recruitment/where_to_help.html",
        {
            "page_title": f"Where {organisation} can help",
            "breadcrumbs": [("Home", "/"), ("Open needs", reverse("recruitment:open_needs"))],
            "organisation": organisation,
            "page_obj": page_obj,
            "matches": selectors.help_matches(organisation, page_obj.object_list, people, pledged),
            "filter_errors": filter_errors,
            "organisations": _organisations_for_office(request),
            "has_skills": UserSkill.objects.filter(user__organisation=organisation).exists(),
        },
    )


@login_not_required
def recruiting_projects(request):
    sort = request.GET.get("sort", "gap")
    if sort not in selectors.PROJECT_SORTS:
        sort = "gap"
    gaps = selectors.recruiting_projects(request.user, sort)
    return render(
        request,
        "recruitment/recruiting_projects.html",
        {
            "page_title": "Recruiting projects",
            "breadcrumbs": [("Home", "/"), ("Recruiting projects", None)],
            "page_obj": paginate(gaps, request, PER_PAGE),
            "sort": sort,
            "sorts": [
                ("gap", "Largest gap"),
                ("shortfall", "Most days short"),
                ("coverage", "Lowest coverage"),
                ("title", "Title"),
            ],
        },
    )


def contributions(request):
    _require(permissions.can_view_contributions(request.user))
    rows = selectors.contributions()
    fmt = _wants_export(request)
    if fmt:
        return export_response(
            fmt,
            filename="contributions",
            headers=selectors.CONTRIBUTION_EXPORT_HEADERS,
            rows=selectors.contribution_export_rows(rows),
            title="Contributions",
            request=request,
        )
    # A chart of hundreds of bars helps no one: chart the biggest contributors; the full
    # table and the exports list everyone.
    charted = sorted(rows, key=lambda r: (-r.days_pledged, -r.projects_joined, r.name))
    charted = sorted(charted[:CHART_LIMIT], key=lambda r: r.name)
    return render(
        request,
        "recruitment/contributions.html",
        {
            "page_title": "Contributions by organisation",
            "breadcrumbs": [("Home", "/"), ("Contributions", None)],
            "rows": rows,
            "charted_all": len(charted) == len(rows),
            "chart_limit": CHART_LIMIT,
            "categories": [r.name for r in charted],
            "days_series": [
                {
                    "name": "Days pledged",
                    "values": [float(r.days_pledged) for r in charted],
                    "colour": CHART_COLOUR,
                }
            ],
            "projects_series": [
                {
                    "name": "Projects joined",
                    "values": [r.projects_joined for r in charted],
                    "colour": CHART_COLOUR_2,
                }
            ],
            "table_rows": [
                [r.name, r.days_pledged, r.pledges, r.projects_joined, r.projects_interested]
                for r in rows
            ],
            "total_days": sum(r.days_pledged for r in rows),
            "total_joined": sum(r.projects_joined for r in rows),
        },
    )


# Capacity ----------------------------------------------------------------------------------


def capacity(request, slug: str | None = None):
    user = request.user
    if slug is None:
        if user.organisation_id is None:
            raise Http404
        return redirect("recruitment:capacity_for", slug=user.organisation.slug)
    organisation = get_object_or_404(Organisation, slug=slug)
    _require(permissions.can_view_capacity(user, organisation))
    can_declare = permissions.can_declare_capacity(user, organisation)
    form = CapacityForm(request.POST or None) if can_declare else None
    if request.method == "POST":
        _require(can_declare)
        if form.is_valid():
            try:
                services.capacity_declare(
                    actor=user, organisation=organisation, **form.cleaned_data
                )
            except ApplicationError as error:
                _show_error(form, error)
            else:
                messages.success(request, "The capacity has been declared.")
                return redirect("recruitment:capacity_for", slug=organisation.slug)
    from_month = parse_month(request.GET.get("from", "")) or None
    view = selectors.organisation_capacity(organisation, from_month=from_month)
    return render(
        request,
        "recruitment/capacity.html",
        {
            "page_title": f"{organisation}: capacity for the partnership",
            "breadcrumbs": [("Home", "/"), ("Capacity", None)],
            "organisation": organisation,
            "view": view,
            "form": form,
            "can_declare": can_declare,
            "pledges": selectors.own_pledges(organisation),
        },
        status=422 if form is not None and form.errors else 200,
    )


@require_POST
def capacity_remove(request, slug: str, pk: int):
    organisation = get_object_or_404(Organisation, slug=slug)
    capacity = get_object_or_404(OrganisationCapacity, organisation=organisation, pk=pk)
    _require(permissions.can_declare_capacity(request.user, organisation))
    services.capacity_remove(actor=request.user, capacity=capacity)
    messages.success(request, "The declaration has been removed.")
    return redirect("recruitment:capacity_for", slug=organisation.slug)


# Participation -----------------------------------------------------------------------------


def _project(request, slug: str) -> Project:
    return get_object_or_404(
        Project.objects.visible_to(request.user).select_related("lead_organisation"), slug=slug
    )


def participation(request, slug: str):
    project = _project(request, slug)
    organisation = _acting_organisation(request)
    _require(permissions.can_manage_participation(request.user, organisation))
    current = Participation.objects.filter(project=project, organisation=organisation).first()
    initial = {
        "status": current.status if current else "",
        "role": current.role
        if current
        else (
            ParticipationRole.LEAD
            if project.lead_organisation_id == organisation.pk
            else ParticipationRole.PARTICIPANT
        ),
    }
    data = request.POST if request.method == "POST" else None
    if data is not None and "role" not in data:
        # The quick buttons on the project page send only the status.
        data = data.copy()
        data["role"] = initial["role"]
    form = ParticipationForm(data, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.participation_set(
                actor=request.user, project=project, organisation=organisation, **form.cleaned_data
            )
        except ApplicationError as error:
            _show_error(form, error)
        else:
            status = ParticipationStatus(form.cleaned_data["status"]).label.lower()
            messages.success(request, f"{organisation} is now {status} on {project.title}.")
            return redirect(project.get_absolute_url() + "#participants")
    return render(
        request,
        "recruitment/participation_form.html",
        {
            "page_title": f"{organisation} and {project.title}",
            "breadcrumbs": [
                ("Projects", reverse("portfolio:project_list")),
                (project.title, project.get_absolute_url()),
                ("Participation", None),
            ],
            "project": project,
            "organisation": organisation,
            "current": current,
            "history": selectors.participation_history(current),
            "form": form,
            "organisations": _organisations_for_office(request),
        },
        status=422 if form.errors else 200,
    )


# Pledges -----------------------------------------------------------------------------------


def _people(organisation):
    from heartbeat.accounts.models import User

    return list(
        User.objects.filter(organisation=organisation, is_active=True).only(
            "pk", "full_name", "email", "job_title"
        )
    )


def pledge_create(request, requirement_id: int):
    requirement = get_object_or_404(
        ResourceRequirement.objects.select_related("project", "skill").filter(
            project__in=Project.objects.visible_to(request.user)
        ),
        pk=requirement_id,
    )
    project = requirement.project
    user = request.user
    _require(permissions.can_act_for_an_organisation(user))
    organisation = _acting_organisation(request)
    context = {
        "page_title": f"Pledge a {requirement.skill.name.lower()} to {project.title}",
        "breadcrumbs": [
            ("Projects", reverse("portfolio:project_list")),
            (project.title, project.get_absolute_url()),
            ("Pledge", None),
        ],
        "project": project,
        "requirement": requirement,
        "organisations": _organisations_for_office(request),
        "organisation": organisation,
    }
    if is_programme_office(user) and not (
        request.GET.get("organisation") or request.POST.get("organisation")
    ):
        # The programme office first chooses which organisation it pledges for.
        return render(request, "recruitment/pledge_choose_organisation.html", context)
    _require(permissions.can_pledge(user, organisation))
    form = PledgeForm(
        request.POST or None,
        initial=PledgeForm.initial_for_need(requirement),
        requirement=requirement,
        people=_people(organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pledge = services.pledge_create(
                actor=user, requirement=requirement, organisation=organisation, data=form.to_input()
            )
        except ApplicationError as error:
            _show_error(form, error, form.field_for(error.field))
        else:
            messages.success(
                request, f"{organisation} has pledged {pledge.who} to {project.title}. Thank you."
            )
            return redirect(project.get_absolute_url() + "#coverage")
    context["form"] = form
    return render(
        request, "recruitment/pledge_form.html", context, status=422 if form.errors else 200
    )


def _pledge_title(pledge) -> str:
    """Fife's pledge of Morag Reid to Housing repairs online: one pledge's own name."""
    return f"{pledge.organisation}'s pledge of {pledge.who} to {pledge.requirement.project.title}"


def pledge_detail(request, pk: int):
    pledge = selectors.pledge_detail(request.user, pk)
    project = pledge.requirement.project
    return render(
        request,
        "recruitment/pledge_detail.html",
        {
            "page_title": _pledge_title(pledge),
            "breadcrumbs": [
                ("Projects", reverse("portfolio:project_list")),
                (project.title, project.get_absolute_url()),
                ("Pledge", None),
            ],
            "pledge": pledge,
            "project": project,
            "history": selectors.pledge_history(pledge),
            "can_change": permissions.can_change_pledge(request.user, pledge),
        },
    )


def pledge_edit(request, pk: int):
    pledge = selectors.pledge_detail(request.user, pk)
    _require(permissions.can_change_pledge(request.user, pledge))
    requirement, project = pledge.requirement, pledge.requirement.project
    form = PledgeForm(
        request.POST or None,
        initial=PledgeForm.initial_for(pledge),
        requirement=requirement,
        people=_people(pledge.organisation),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_update(
                actor=request.user,
                pledge=pledge,
                data=form.to_input(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except Conflict as error:
            # Keep what the person typed; show the saved pledge beside it.
            conflict = selectors.pledge_detail(request.user, pk)
            form.data = form.data.copy()
            form.data["version"] = str(conflict.version)
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error, form.field_for(error.field))
        else:
            messages.success(request, "The pledge has been changed.")
            return redirect("recruitment:pledge_detail", pk=pledge.pk)
    return render(
        request,
        "recruitment/pledge_form.html",
        {
            "page_title": f"Change {_pledge_title(pledge)}",
            "breadcrumbs": [
                (project.title, project.get_absolute_url()),
                ("Pledge", reverse("recruitment:pledge_detail", args=[pledge.pk])),
                ("Change", None),
            ],
            "project": project,
            "requirement": requirement,
            "organisation": pledge.organisation,
            "pledge": pledge,
            "conflict": conflict,
            "form": form,
        },
        status=(409 if conflict else 422) if form.errors else 200,
    )


def pledge_withdraw(request, pk: int):
    pledge = selectors.pledge_detail(request.user, pk)
    _require(permissions.can_change_pledge(request.user, pledge))
    form = WithdrawForm(request.POST or None, initial={"version": pledge.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_withdraw(
                actor=request.user,
                pledge=pledge,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, "The pledge has been withdrawn. It stays on record.")
            return redirect(pledge.requirement.project.get_absolute_url() + "#coverage")
    return render(
        request,
        "recruitment/pledge_withdraw.html",
        {
            "page_title": f"Withdraw {_pledge_title(pledge)}",
            "breadcrumbs": [
                (pledge.requirement.project.title, pledge.requirement.project.get_absolute_url()),
                ("Pledge", reverse("recruitment:pledge_detail", args=[pledge.pk])),
                ("Withdraw", None),
            ],
            "pledge": pledge,
            "form": form,
        },
        status=422 if form.errors else 200,
    )
