"""The roadmap's pages: the roadmap, a product, adoption, what changed, and the feed."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exceptions import PermissionDenied as Refused
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.portfolio.models import AnticipatedProduct, Project
from heartbeat.roadmap import permissions, selectors, services
from heartbeat.roadmap.feeds import roadmap_calendar
from heartbeat.roadmap.forms import (
    AdoptionForm,
    ChangesForm,
    ProductForm,
    RemoveForm,
    RoadmapFilterForm,
)
from heartbeat.roadmap.models import Adoption
from heartbeat.roadmap.quarters import overlaps, quarter_key, quarter_label, quarter_short
from heartbeat.roadmap.rules import member_organisations

# The design system's tag colours, one per status.
STATUS_COLOURS = {
    "planned": "grey",
    "in_development": "blue",
    "live": "green",
    "retired": "orange",
}
# What "since" defaults to on the changes page: three months back.
CHANGES_DEFAULT_DAYS = 91


def _common(**context) -> dict:
    return {
        "status_colours": STATUS_COLOURS,
        "quarter_label": quarter_label,
        "quarter_short": quarter_short,
        "quarter_key": quarter_key,
        "roadmap_quarter": selectors.roadmap_quarter,
        "percent": selectors.percent,
        **context,
    }


def _crumbs(*items) -> list:
    return [("Home", reverse("core:home")), ("Roadmap", reverse("roadmap:roadmap")), *items]


def _site(request) -> str:
    return request.build_absolute_uri("/")[:-1]


def _show_error(form, error: ApplicationError) -> None:
    """Put a service's refusal on the form, next to its field when it names one."""
    aliases = {"owner": "owner_email"}
    name = aliases.get(error.field, error.field)
    form.add_error(name if name in form.fields else None, error.message)


# The roadmap -------------------------------------------------------------------------------


@kept_page
@login_not_required
def roadmap(request):
    filters, errors = selectors.parse_roadmap_filters(request.GET)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt,
            filename="roadmap",
            headers=selectors.EXPORT_HEADERS,
            rows=selectors.export_rows(
                request.user,
                filters,
                members=member_organisations().count(),
                site=_site(request),
            ),
            title="Roadmap",
        )
    if fmt:
        errors = [*errors, "Downloads come as CSV or XLSX: choose one of the links."]
    data = selectors.roadmap(request.user, filters)
    form = RoadmapFilterForm(initial=filters.as_params(), options=selectors.filter_options())
    return render(
        request,
        "roadmap/roadmap.html",
        _common(
            page_title="Product roadmap",
            breadcrumbs=[("Home", reverse("core:home")), ("Roadmap", None)],
            roadmap=data,
            form=form,
            filters=filters,
            filter_errors=errors,
        ),
    )


@kept_page
@login_not_required
def calendar(request):
    products = selectors.calendar_products(request.user)
    body = roadmap_calendar(products, site=_site(request), host=request.get_host())
    response = StreamingHttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="roadmap.ics"'
    return response


@kept_page
@login_not_required
def changes(request):
    today = timezone.localdate()
    default = today - datetime.timedelta(days=CHANGES_DEFAULT_DAYS)
    asked = "since" in request.GET
    form = ChangesForm(request.GET if asked else None, initial={"since": default})
    since, status = default, 200
    if asked:
        if form.is_valid():
            since = form.cleaned_data["since"]
            if since > today:
                form.add_error("since", "Choose today or a date in the past")
                status = 422
        else:
            status = 422
    if status != 200:
        since = default
    found = selectors.changes_since(request.user, since)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS and status == 200:
        return export_response(
            fmt,
            filename=f"roadmap-changes-since-{since:%Y-%m-%d}",
            headers=selectors.CHANGE_EXPORT_HEADERS,
            rows=selectors.change_export_rows(found),
            title="Roadmap changes",
        )
    return render(
        request,
        "roadmap/changes.html",
        _common(
            page_title="What changed on the roadmap",
            breadcrumbs=_crumbs(("What changed", None)),
            form=form,
            since=since,
            changes=found,
        ),
        status=status,
    )


@kept_page
@login_not_required
def adoption(request):
    rows = selectors.adoption_by_council(request.user)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt,
            filename="adoption-by-council",
            headers=selectors.COUNCIL_EXPORT_HEADERS,
            rows=selectors.council_export_rows(rows),
            title="Adoption by council",
        )
    return render(
        request,
        "roadmap/adoption.html",
        _common(
            page_title="Adoption by council",
            breadcrumbs=_crumbs(("Adoption by council", None)),
            rows=rows,
            live=rows[0].live if rows else 0,
        ),
    )


# A product ---------------------------------------------------------------------------------


@kept_page
@login_not_required
def product_detail(request, slug):
    detail = selectors.product_detail(request.user, slug)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt,
            filename=f"{detail.product.slug}-adoption",
            headers=selectors.ADOPTION_EXPORT_HEADERS,
            rows=selectors.adoption_export_rows(detail.adoptions),
            title="Adoption",
        )
    product = detail.product
    return render(
        request,
        "roadmap/product_detail.html",
        _common(
            page_title=product.name,
            breadcrumbs=_crumbs((product.name, None)),
            detail=detail,
            product=product,
            outside_span=product.planned_quarter is not None
            and not overlaps(
                product.planned_quarter, product.project.planned_start, product.project.planned_end
            ),
            can_act_for_any=permissions.is_programme_office(request.user),
        ),
    )


def product_edit(request, slug):
    product = selectors.product_for_change(request.user, slug)
    if not permissions.can_edit_product(request.user, product):
        raise DjangoPermissionDenied(
            "Only the product's owner, the project's lead or the programme office can change it."
        )
    quarters = selectors.quarter_choices(product.project, keep=product.planned_quarter)
    conflict = None
    status = 200
    if request.method == "POST":
        form = ProductForm(request.POST, quarters=quarters)
        if form.is_valid():
            try:
                saved = services.product_update(
                    actor=request.user,
                    product=product,
                    data=form.to_input(),
                    expected_version=form.cleaned_data["version"],
                )
            except Conflict as error:
                # Keep what they typed; take the new version so saving again keeps theirs.
                data = request.POST.copy()
                data["version"] = str(error.extra.get("current_version", ""))
                form = ProductForm(data, quarters=quarters)
                form.is_valid()
                form.add_error(None, error.message)
                conflict, status = error, 409
            except Refused as error:
                raise DjangoPermissionDenied(error.message) from error
            except ApplicationError as error:
                _show_error(form, error)
                status = error.status
            else:
                messages.success(request, f"Your changes to {saved.name} have been saved.")
                return redirect(saved.get_absolute_url())
        else:
            status = 422
    else:
        form = ProductForm(
            initial={
                "name": product.name,
                "summary": product.summary,
                "kind": product.kind,
                "status": product.status,
                "planned_quarter": quarter_key(product.planned_quarter)
                if product.planned_quarter
                else "",
                "delivered_on": product.delivered_on,
                "owner_email": product.owner.email if product.owner else "",
                "link": product.link,
                "version": product.version,
            },
            quarters=quarters,
        )
    return render(
        request,
        "roadmap/product_form.html",
        _common(
            page_title=f"Edit {product.name}",
            breadcrumbs=_crumbs((product.name, product.get_absolute_url()), ("Edit", None)),
            product=product,
            form=form,
            conflict=conflict,
        ),
        status=status,
    )


# Adoption ----------------------------------------------------------------------------------


def _organisation_choices() -> list[tuple[str, str]]:
    return list(member_organisations().values_list("slug", "name"))


def product_adopt(request, slug):
    product = selectors.product_for_change(request.user, slug)
    user = request.user
    if not permissions.can_record_any_adoption(user):
        raise DjangoPermissionDenied(
            "Only organisation leads and the programme office can record adoption."
        )
    office = permissions.is_programme_office(user)
    choices = _organisation_choices() if office else None
    status = 200
    if request.method == "POST":
        form = AdoptionForm(request.POST, organisations=choices)
        if form.is_valid():
            organisation = (
                member_organisations().get(slug=form.cleaned_data["organisation"])
                if office
                else user.organisation
            )
            try:
                services.adoption_record(
                    actor=user,
                    product=product,
                    organisation=organisation,
                    adopted_on=form.cleaned_data["adopted_on"],
                    note=form.cleaned_data.get("note", ""),
                )
            except Refused as error:
                raise DjangoPermissionDenied(error.message) from error
            except ApplicationError as error:
                _show_error(form, error)
                status = error.status
            else:
                messages.success(request, f"{organisation} has adopted {product.name}.")
                return redirect(product.get_absolute_url() + "#adoption")
        else:
            status = 422
    else:
        form = AdoptionForm(initial={"adopted_on": timezone.localdate()}, organisations=choices)
    return render(
        request,
        "roadmap/adoption_form.html",
        _common(
            page_title=f"Mark {product.name} as adopted",
            breadcrumbs=_crumbs((product.name, product.get_absolute_url()), ("Adopt", None)),
            product=product,
            form=form,
            organisation=None if office else user.organisation,
        ),
        status=status,
    )


def _adoption_for_change(request, pk) -> Adoption:
    adoption = get_object_or_404(
        Adoption.objects.select_related("product", "product__project", "organisation"), pk=pk
    )
    if not permissions.can_view_product(request.user, adoption.product):
        raise Http404("No such adoption.")
    if not permissions.can_record_adoption(request.user, adoption.organisation):
        raise DjangoPermissionDenied(
            "Only the organisation's leads and the programme office can change its adoption."
        )
    return adoption


def adoption_edit(request, pk):
    adoption = _adoption_for_change(request, pk)
    product = adoption.product
    status = 200
    if request.method == "POST":
        form = AdoptionForm(request.POST)
        if form.is_valid():
            try:
                services.adoption_update(
                    actor=request.user,
                    adoption=adoption,
                    adopted_on=form.cleaned_data["adopted_on"],
                    note=form.cleaned_data.get("note", ""),
                    expected_version=form.cleaned_data.get("version") or adoption.version,
                )
            except Conflict as error:
                data = request.POST.copy()
                data["version"] = str(error.extra.get("current_version", ""))
                form = AdoptionForm(data)
                form.is_valid()
                form.add_error(None, error.message)
                status = 409
            except ApplicationError as error:
                _show_error(form, error)
                status = error.status
            else:
                messages.success(request, f"{adoption.organisation}'s adoption has been saved.")
                return redirect(product.get_absolute_url() + "#adoption")
        else:
            status = 422
    else:
        form = AdoptionForm(
            initial={
                "adopted_on": adoption.adopted_on,
                "note": adoption.note,
                "version": adoption.version,
            }
        )
    return render(
        request,
        "roadmap/adoption_form.html",
        _common(
            page_title=f"{adoption.organisation}'s adoption of {product.name}",
            breadcrumbs=_crumbs((product.name, product.get_absolute_url()), ("Adoption", None)),
            product=product,
            form=form,
            organisation=adoption.organisation,
            adoption=adoption,
        ),
        status=status,
    )


def adoption_remove(request, pk):
    adoption = _adoption_for_change(request, pk)
    product = adoption.product
    form = RemoveForm(
        request.POST if request.method == "POST" else None, initial={"version": adoption.version}
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.adoption_remove(
                actor=request.user,
                adoption=adoption,
                expected_version=form.cleaned_data.get("version"),
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            messages.success(
                request, f"{adoption.organisation} no longer shows as using {product.name}."
            )
            return redirect(product.get_absolute_url() + "#adoption")
    return render(
        request,
        "roadmap/adoption_remove.html",
        _common(
            page_title=f"Remove {adoption.organisation}'s adoption",
            breadcrumbs=_crumbs((product.name, product.get_absolute_url()), ("Remove", None)),
            product=product,
            adoption=adoption,
            form=form,
        ),
        status=status,
    )


# Growing products from a project's definition ----------------------------------------------


@require_POST
def grow(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not permissions.can_grow_products(request.user, project):
        raise DjangoPermissionDenied(
            "Only the project's lead or the programme office can put its products on the roadmap."
        )
    one = request.POST.get("anticipated", "")
    try:
        if one:
            if not one.isdigit():
                raise Http404("No such product in the definition.")
            row = get_object_or_404(AnticipatedProduct, pk=int(one), project=project)
            results = [services.product_grow(actor=request.user, anticipated=row)]
        else:
            results = services.product_grow_all(actor=request.user, project=project)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(project.get_absolute_url() + "#products")
    added = [product for product, created in results if created]
    if added:
        names = ", ".join(p.name for p in added)
        messages.success(request, f"Added to the roadmap: {names}.")
    else:
        messages.info(request, "Those products were already on the roadmap.")
    return redirect(project.get_absolute_url() + "#products")
