"""Benefits pages: the register, a benefit, reporting what was realised, a project's
benefits and costs, the programme's economics, a council's value statement (page, PDF,
spreadsheet) and the appraisal settings."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from heartbeat.benefits import appraisal, documents, permissions, selectors, services
from heartbeat.benefits.forms import (
    BenefitForm,
    CostForm,
    MeasurementForm,
    SettingsForm,
    benefit_initial,
    profile_initial,
)
from heartbeat.benefits.models import (
    BeneficiaryScope,
    BenefitStatus,
    Classification,
    Cost,
    Granularity,
    Measurement,
    Nature,
)
from heartbeat.benefits.periods import financial_year_of, period_key, periods, year_label
from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import RowsById, paginate
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project
from heartbeat.portfolio.permissions import is_programme_office
from heartbeat.skills.models import SkillLevel

PER_PAGE = 25
CHART_LIMIT = 40
COLOURS = {"expected": "#0065bd", "realised": "#428542", "forecast": "#6e2c91", "cost": "#d32205"}
CLASS_COLOURS = {
    Classification.CASH_RELEASING: "#0065bd",
    Classification.NON_CASH_RELEASING: "#428542",
    Classification.SOCIETAL: "#6e2c91",
}


def _require(allowed: bool) -> None:
    if not allowed:
        raise DjangoPermissionDenied


def _show_error(form, error: ApplicationError, field: str | None = None) -> None:
    field = field if field is not None else error.field
    form.add_error(field if field in form.fields else None, error.message)


def _crumbs(*items) -> list:
    return [("Home", reverse("core:home")), ("Benefits", reverse("benefits:register")), *items]


def _project(request, slug: str) -> Project:
    return get_object_or_404(
        Project.objects.visible_to(request.user).select_related("theme", "lead_organisation"),
        slug=slug,
    )


def _councils():
    return list(Organisation.objects.active().exclude(kind="partner").only("pk", "name"))


# The register ----------------------------------------------------------------------------------


@kept_page
def register(request):
    _require(permissions.can_view_benefits(request.user))
    filters, errors = selectors.parse_register_filters(request.GET)
    benefits = selectors.register(request.user, filters)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt,
            filename="benefits-register",
            headers=selectors.REGISTER_HEADERS,
            rows=selectors.register_export_rows(benefits),
            title="Benefits register",
        )
    if fmt:
        errors = [*errors, "Downloads come as CSV or XLSX: choose one of the links."]
    page_obj = paginate(RowsById(benefits, keep="benefits.register"), request, PER_PAGE)
    rows = selectors.register_page_rows(page_obj.object_list)
    return render(
        request,
        "benefits/register.html",
        {
            "page_title": "Benefits register",
            "breadcrumbs": [("Home", reverse("core:home")), ("Benefits", None)],
            "page_obj": page_obj,
            "rows": rows,
            "filters": filters,
            "filter_errors": errors,
            "options": selectors.register_filter_options(),
            "classifications": Classification.choices,
            "natures": Nature.choices,
            "statuses": BenefitStatus.choices,
            "is_office": is_programme_office(request.user),
        },
    )


# A benefit -------------------------------------------------------------------------------------


def _people_for(project, benefit=None):
    from heartbeat.accounts.models import User

    organisations = [project.lead_organisation_id] if project.lead_organisation_id else []
    people = User.objects.filter(is_active=True).filter(
        organisation_id__in=organisations
    ) | User.objects.filter(is_active=True, is_programme_office=True)
    if benefit is not None and benefit.owner_id:
        people = people | User.objects.filter(pk=benefit.owner_id)
    return list(people.distinct().only("pk", "full_name", "email", "job_title")[:300])


def _profile_periods(project, granularity: str) -> list[datetime.date]:
    span = services.project_span(project, services.appraisal_settings().years_after_end)
    return periods(span[0], span[1], granularity) if span else []


def _benefit_form(request, project, benefit=None):
    if benefit is not None:
        granularity = benefit.granularity
        initial = benefit_initial(benefit)
    else:
        granularity = Granularity.YEAR
        initial = {
            "classification": Classification.CASH_RELEASING,
            "nature": Nature.QUANTITATIVE,
            "monetised": True,
            "beneficiary_scope": BeneficiaryScope.PARTNERSHIP,
            "granularity": granularity,
            "status": BenefitStatus.PLANNED,
        }
    posted = request.POST if request.method == "POST" else None
    # The rows follow the grid the form was drawn with, sent back in a hidden field.
    drawn = (posted or {}).get("drawn_granularity", granularity)
    if drawn not in Granularity.values:
        drawn = granularity
    period_list = _profile_periods(project, drawn)
    if benefit is not None:
        initial.update(profile_initial(benefit, period_list))
    return BenefitForm(
        posted,
        initial=initial,
        organisations=_councils(),
        people=_people_for(project, benefit),
        periods=period_list,
        granularity=drawn,
    )


def benefit_create(request, slug: str):
    project = _project(request, slug)
    _require(permissions.can_manage_benefits(request.user, project))
    form = _benefit_form(request, project)
    if request.method == "POST" and form.is_valid():
        try:
            benefit = services.benefit_create(
                actor=request.user, project=project, data=form.to_input()
            )
        except ApplicationError as error:
            _show_error(form, error, form.field_for(error.field))
        else:
            messages.success(request, f"{benefit.reference} is in the register.")
            return redirect(benefit.get_absolute_url())
    return render(
        request,
        "benefits/benefit_form.html",
        {
            "page_title": f"Add a benefit to {project.title}",
            "breadcrumbs": _crumbs(
                (project.title, reverse("benefits:project_benefits", args=[project.slug])),
                ("Add a benefit", None),
            ),
            "project": project,
            "form": form,
            "span": _span_text(project),
        },
        status=422 if form.errors else 200,
    )


def _span_text(project) -> str:
    span = services.project_span(project, services.appraisal_settings().years_after_end)
    return services.span_text(span) if span else ""


@kept_page
def benefit_detail(request, pk: int):
    _require(permissions.can_view_benefits(request.user))
    benefit = selectors.benefit_detail(request.user, pk)
    rows = selectors.benefit_periods(benefit)
    chart_rows = [r for r in rows if r.expected is not None or r.realised is not None]
    return render(
        request,
        "benefits/benefit_detail.html",
        {
            "page_title": f"{benefit.reference}: {benefit.title}",
            "breadcrumbs": _crumbs(
                (
                    benefit.project.title,
                    reverse("benefits:project_benefits", args=[benefit.project.slug]),
                ),
                (benefit.reference, None),
            ),
            "benefit": benefit,
            "rows": rows,
            "categories": [r.label for r in chart_rows] if benefit.is_quantitative else [],
            "series": [
                {
                    "name": "Expected",
                    "values": [float(r.expected or 0) for r in chart_rows],
                    "colour": COLOURS["expected"],
                },
                {
                    "name": "Realised",
                    "values": [float(r.realised or 0) for r in chart_rows],
                    "colour": COLOURS["realised"],
                },
            ],
            "can_manage": permissions.can_manage_benefits(request.user, benefit.project),
            "can_report": permissions.can_report_any(request.user, benefit),
            "history": selectors.benefit_history(benefit),
            "editable": {
                m.pk
                for r in rows
                for m in r.reports
                if permissions.can_change_measurement(request.user, m)
            },
        },
    )


def benefit_edit(request, pk: int):
    benefit = selectors.benefit_detail(request.user, pk)
    project = benefit.project
    _require(permissions.can_manage_benefits(request.user, project))
    form = _benefit_form(request, project, benefit)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.benefit_update(
                actor=request.user,
                benefit=benefit,
                data=form.to_input(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except Conflict as error:
            conflict = selectors.benefit_detail(request.user, pk)
            form.data = form.data.copy()
            form.data["version"] = str(conflict.version)
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error, form.field_for(error.field))
        else:
            messages.success(request, f"{benefit.reference} has been changed.")
            return redirect(benefit.get_absolute_url())
    return render(
        request,
        "benefits/benefit_form.html",
        {
            "page_title": f"Change {benefit.reference}",
            "breadcrumbs": _crumbs(
                (project.title, reverse("benefits:project_benefits", args=[project.slug])),
                (benefit.reference, benefit.get_absolute_url()),
                ("Change", None),
            ),
            "project": project,
            "benefit": benefit,
            "conflict": conflict,
            "conflict_rows": selectors.benefit_periods(conflict) if conflict else [],
            "form": form,
            "span": _span_text(project),
        },
        status=(409 if conflict else 422) if form.errors else 200,
    )


@require_POST
def benefits_from_definition(request, slug: str):
    project = _project(request, slug)
    _require(permissions.can_manage_benefits(request.user, project))
    created = services.benefits_from_definition(actor=request.user, project=project)
    if created:
        messages.success(
            request,
            f"{created} expected benefit{'s' if created != 1 else ''} from the definition "
            "added to the register: classify and profile each.",
        )
    else:
        messages.success(
            request, "Every expected benefit of the definition is already in the register."
        )
    return redirect("benefits:project_benefits", slug=project.slug)


# Reporting what was realised ----------------------------------------------------------------------


def _report_organisations(user, benefit) -> list[tuple[str, str]]:
    """Who this person may report for, as form choices."""
    choices = []
    if permissions.can_report_for(user, benefit, None):
        choices.append(("partnership", "The whole partnership"))
    if is_programme_office(user):
        if benefit.beneficiary_scope == BeneficiaryScope.ORGANISATIONS:
            organisations = list(benefit.beneficiaries.all())
        else:
            organisations = _councils()
        choices += [(str(o.pk), o.name) for o in organisations]
    elif user.is_organisation_lead and user.organisation_id:
        choices.append((str(user.organisation_id), user.organisation.name))
    return choices


def _reportable_periods(benefit) -> list[datetime.date]:
    today = timezone.localdate()
    span = services.project_span(benefit.project, services.appraisal_settings().years_after_end)
    if span is None:
        first = financial_year_of(today) - 5
        span = (first, financial_year_of(today))
    return [p for p in periods(span[0], span[1], benefit.granularity) if p <= today]


def measurement_create(request, pk: int):
    benefit = selectors.benefit_detail(request.user, pk)
    user = request.user
    _require(permissions.can_report_any(user, benefit))
    choices = _report_organisations(user, benefit)
    form = MeasurementForm(
        request.POST or None,
        organisations=choices,
        periods=_reportable_periods(benefit),
        granularity=benefit.granularity,
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["organisation"]
        organisation = (
            None if chosen == "partnership" else Organisation.objects.filter(pk=chosen).first()
        )
        try:
            services.measurement_record(
                actor=user, benefit=benefit, organisation=organisation, data=form.to_input()
            )
        except ApplicationError as error:
            _show_error(form, error)
        else:
            who = organisation.name if organisation else "The partnership"
            messages.success(request, f"Reported: {who} received {benefit.title.lower()}.")
            return redirect(benefit.get_absolute_url() + "#realisation")
    return render(
        request,
        "benefits/measurement_form.html",
        {
            "page_title": f"Report what was realised: {benefit.title}",
            "breadcrumbs": _crumbs(
                (benefit.reference, benefit.get_absolute_url()), ("Report", None)
            ),
            "benefit": benefit,
            "form": form,
        },
        status=422 if form.errors else 200,
    )


def measurement_edit(request, pk: int):
    measurement = get_object_or_404(
        Measurement.objects.select_related("benefit__project", "organisation"), pk=pk
    )
    benefit = selectors.benefit_detail(request.user, measurement.benefit_id)
    _require(permissions.can_change_measurement(request.user, measurement))
    key = "partnership" if measurement.organisation_id is None else str(measurement.organisation_id)
    label = measurement.organisation.name if measurement.organisation else "The whole partnership"
    form = MeasurementForm(
        request.POST or None,
        initial={
            "organisation": key,
            "period": period_key(measurement.period_start, benefit.granularity),
            "value": "" if measurement.value is None else f"{measurement.value.normalize():f}",
            "narrative": measurement.narrative,
            "evidence": measurement.evidence,
            "version": measurement.version,
        },
        organisations=[(key, label)],
        periods=[measurement.period_start],
        granularity=benefit.granularity,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_update(
                actor=request.user,
                measurement=measurement,
                data=form.to_input(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except Conflict as error:
            conflict = Measurement.objects.get(pk=pk)
            form.data = form.data.copy()
            form.data["version"] = str(conflict.version)
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, "The report has been corrected.")
            return redirect(benefit.get_absolute_url() + "#realisation")
    return render(
        request,
        "benefits/measurement_form.html",
        {
            "page_title": "Correct a report",
            "breadcrumbs": _crumbs(
                (benefit.reference, benefit.get_absolute_url()), ("Correct a report", None)
            ),
            "benefit": benefit,
            "measurement": measurement,
            "conflict": conflict,
            "form": form,
        },
        status=(409 if conflict else 422) if form.errors else 200,
    )


# A project's benefits and costs -------------------------------------------------------------------


def _expected_realised_series(a) -> tuple[list[str], list[dict]]:
    years = a.years
    return [year_label(y) for y in years], [
        {
            "name": "Expected",
            "values": [float(a.expected_by_year.get(y, 0)) for y in years],
            "colour": COLOURS["expected"],
        },
        {
            "name": "Realised",
            "values": [float(a.realised_by_year.get(y, 0)) for y in years],
            "colour": COLOURS["realised"],
        },
        {
            "name": "Costs",
            "values": [float(a.costs_by_year.get(y, 0)) for y in years],
            "colour": COLOURS["cost"],
        },
    ]


@kept_page
def project_benefits(request, slug: str):
    _require(permissions.can_view_benefits(request.user))
    data = selectors.project_benefits(request.user, slug)
    project = data.project
    categories, series = _expected_realised_series(data.appraisal)
    context = {
        "page_title": f"Benefits of {project.title}",
        "breadcrumbs": _crumbs((project.title, None)),
        "data": data,
        "project": project,
        "a": data.appraisal,
        "settings": data.settings,
        "categories": categories,
        "series": series,
        "can_manage": permissions.can_manage_benefits(request.user, project),
        "can_add_cost": permissions.can_add_any_cost(request.user, project),
        "unsynced": project.expected_benefits.filter(register_entry__isnull=True).count()
        if permissions.can_manage_benefits(request.user, project)
        else 0,
        "cost_editable": {c.pk for c in data.costs if permissions.can_change_cost(request.user, c)},
    }
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "benefits/partials/_project_summary.html", context)
    else:
        response = render(request, "benefits/project_benefits.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _cost_organisations(user, project):
    if permissions.can_manage_benefits(user, project):
        return _councils()
    return [user.organisation] if user.organisation_id else []


def _cost_years(project) -> list[int]:
    span = services.project_span(project, services.appraisal_settings().years_after_end)
    if span is None:
        this = financial_year_of(timezone.localdate())
        return list(range(this - 5, this + 6))
    return list(range(span[0], span[1] + 1))


def cost_create(request, slug: str):
    project = _project(request, slug)
    user = request.user
    _require(permissions.can_add_any_cost(user, project))
    organisations = _cost_organisations(user, project)
    form = CostForm(
        request.POST or None,
        initial={
            "organisation": str(user.organisation_id or ""),
            "financial_year": year_label(financial_year_of(timezone.localdate())),
        },
        organisations=organisations,
        years=_cost_years(project),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cost_create(actor=user, project=project, data=form.to_input())
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, "The cost has been recorded.")
            return redirect(reverse("benefits:project_benefits", args=[project.slug]) + "#costs")
    return render(
        request,
        "benefits/cost_form.html",
        {
            "page_title": f"Record a cost of {project.title}",
            "breadcrumbs": _crumbs(
                (project.title, reverse("benefits:project_benefits", args=[project.slug])),
                ("Record a cost", None),
            ),
            "project": project,
            "form": form,
        },
        status=422 if form.errors else 200,
    )


def _cost(request, pk: int) -> Cost:
    cost = get_object_or_404(Cost.objects.select_related("project", "organisation"), pk=pk)
    _project(request, cost.project.slug)
    _require(permissions.can_change_cost(request.user, cost))
    return cost


def cost_edit(request, pk: int):
    cost = _cost(request, pk)
    project = cost.project
    form = CostForm(
        request.POST or None,
        initial={
            "organisation": str(cost.organisation_id),
            "category": cost.category,
            "description": cost.description,
            "amount": f"{cost.amount.normalize():f}",
            "financial_year": year_label(cost.financial_year),
            "version": cost.version,
        },
        organisations=_cost_organisations(request.user, project) or [cost.organisation],
        years=_cost_years(project),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.cost_update(
                actor=request.user,
                cost=cost,
                data=form.to_input(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except Conflict as error:
            conflict = Cost.objects.select_related("organisation").get(pk=pk)
            form.data = form.data.copy()
            form.data["version"] = str(conflict.version)
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, "The cost has been changed.")
            return redirect(reverse("benefits:project_benefits", args=[project.slug]) + "#costs")
    return render(
        request,
        "benefits/cost_form.html",
        {
            "page_title": "Change a cost",
            "breadcrumbs": _crumbs(
                (project.title, reverse("benefits:project_benefits", args=[project.slug])),
                ("Change a cost", None),
            ),
            "project": project,
            "cost": cost,
            "conflict": conflict,
            "form": form,
        },
        status=(409 if conflict else 422) if form.errors else 200,
    )


def cost_delete(request, pk: int):
    cost = _cost(request, pk)
    project = cost.project
    error_message = None
    if request.method == "POST":
        version = request.POST.get("version", "")
        try:
            services.cost_delete(
                actor=request.user,
                cost=cost,
                expected_version=int(version) if version.isdigit() else cost.version,
            )
        except ApplicationError as error:
            error_message = error.message
        else:
            messages.success(request, "The cost has been removed.")
            return redirect(reverse("benefits:project_benefits", args=[project.slug]) + "#costs")
    return render(
        request,
        "benefits/cost_delete.html",
        {
            "page_title": "Remove a cost",
            "breadcrumbs": _crumbs(
                (project.title, reverse("benefits:project_benefits", args=[project.slug])),
                ("Remove a cost", None),
            ),
            "project": project,
            "cost": cost,
            "error_message": error_message,
        },
        status=409 if error_message else 200,
    )


# The programme's economics ------------------------------------------------------------------------


@kept_page
def economics(request):
    _require(permissions.can_view_benefits(request.user))
    settings = appraisal.load_settings()
    set_rate = settings.discount_rate
    rate_error = None
    try:
        settings.discount_rate = selectors.parse_rate(
            request.GET.get("rate"), settings.discount_rate
        )
    except ApplicationError as error:
        rate_error = error.message
    data = selectors.programme_economics(settings)
    categories, series = _expected_realised_series(data.programme)
    charted = sorted(data.councils, key=lambda r: (-(r[1] + r[2]), r[0].name))[:CHART_LIMIT]
    charted = sorted(charted, key=lambda r: r[0].name)
    page_obj = paginate(data.projects, request, PER_PAGE)
    return render(
        request,
        "benefits/economics.html",
        {
            "page_title": "Programme economics",
            "breadcrumbs": _crumbs(("Economics", None)),
            "data": data,
            "a": data.programme,
            "settings": settings,
            "rate_error": rate_error,
            "rate_value": request.GET.get("rate", ""),
            "set_rate": set_rate,
            "categories": categories,
            "series": series,
            "class_categories": [name for name, _ in data.theme_classification],
            "class_series": [
                {
                    "name": label,
                    "values": [float(values[value]) for _, values in data.theme_classification],
                    "colour": CLASS_COLOURS[value],
                }
                for value, label in Classification.choices
            ],
            "council_categories": [o.name for o, _, _ in charted],
            "council_series": [
                {
                    "name": "Contributed",
                    "values": [float(c) for _, c, _ in charted],
                    "colour": COLOURS["cost"],
                },
                {
                    "name": "Received (reported)",
                    "values": [float(r) for _, _, r in charted],
                    "colour": COLOURS["realised"],
                },
            ],
            "charted_all": len(charted) == len(data.councils),
            "chart_limit": CHART_LIMIT,
            "page_obj": page_obj,
        },
        status=422 if rate_error else 200,
    )


# A council's value statement ----------------------------------------------------------------------


def _statement(request, slug: str):
    _require(permissions.can_view_benefits(request.user))
    return selectors.value_statement(request.user, slug)


@kept_page
def value_statement(request, slug: str):
    statement = _statement(request, slug)
    organisation = statement.organisation
    figures = [(k, documents.figure_text(k, v)) for k, v in selectors.statement_figures(statement)]
    context = {
        "page_title": f"{organisation.name}: value statement",
        "breadcrumbs": _crumbs((f"{organisation.name}: value statement", None)),
        "statement": statement,
        "organisation": organisation,
        "figures": figures,
        "settings": statement.settings,
        "categories": [r.project.title for r in statement.projects],
        "series": [
            {
                "name": "Contributed",
                "values": [
                    float(r.appraisal.direct_cost + r.appraisal.in_kind_cost)
                    for r in statement.projects
                ],
                "colour": COLOURS["cost"],
            },
            {
                "name": "Received (forecast)",
                "values": [float(r.appraisal.forecast) for r in statement.projects],
                "colour": COLOURS["realised"],
            },
        ],
        "is_own": request.user.organisation_id == organisation.pk,
    }
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "benefits/partials/_statement_summary.html", context)
    else:
        response = render(request, "benefits/value_statement.html", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def value_statement_pdf(request, slug: str):
    _require(permissions.can_view_benefits(request.user))
    response = HttpResponse(
        documents.kept_statement_pdf(request, slug), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}-value-statement.pdf"'
    return response


@kept_page
def value_statement_xlsx(request, slug: str):
    statement = _statement(request, slug)
    response = HttpResponse(documents.statement_xlsx(statement), content_type=documents.XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{statement.organisation.slug}-value-statement.xlsx"'
    )
    return response


def my_value_statement(request):
    if not request.user.organisation_id:
        raise DjangoPermissionDenied
    return redirect("benefits:value_statement", slug=request.user.organisation.slug)


# Appraisal settings -------------------------------------------------------------------------------


def settings_page(request):
    _require(permissions.can_view_benefits(request.user))
    current = appraisal.load_settings()
    can_change = permissions.can_change_settings(request.user)
    initial = {
        "discount_rate": f"{current.discount_rate.normalize():f}",
        "base_year": str(current.base_year),
        "years_after_end": str(current.years_after_end),
        "day_rate_source": current.day_rate_source,
        "version": current.version,
        **{f"rate_{level}": f"{rate.normalize():f}" for level, _, rate in current.rate_rows()},
    }
    form = SettingsForm(request.POST or None, initial=initial) if can_change else None
    conflict = False
    if request.method == "POST":
        _require(can_change)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.settings_update(
                    actor=request.user,
                    discount_rate=d["discount_rate"],
                    base_year=d["base_year"],
                    years_after_end=d["years_after_end"],
                    day_rate_source=d["day_rate_source"],
                    rates={level: d[f"rate_{level}"] for level in SkillLevel.values},
                    expected_version=d.get("version") or 0,
                )
            except Conflict as error:
                conflict = True
                form.data = form.data.copy()
                form.data["version"] = str(appraisal.load_settings().version)
                form.add_error(None, error.message)
            except ApplicationError as error:
                _show_error(form, error)
            else:
                messages.success(request, "The appraisal settings have been saved.")
                return redirect("benefits:settings")
    return render(
        request,
        "benefits/settings.html",
        {
            "page_title": "Appraisal settings and day rates",
            "breadcrumbs": _crumbs(("Settings", None)),
            "settings": current,
            "form": form,
            "can_change": can_change,
        },
        status=(409 if conflict else 422) if form is not None and form.errors else 200,
    )
