import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from markupsafe import Markup

from heartbeat.core import registry
from heartbeat.core.exceptions import ApplicationError, Conflict, NotFound
from heartbeat.core.exports import EXPORT_FORMATS, Column, Kind, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate
from heartbeat.partnership import permissions, selectors, services
from heartbeat.partnership.forms import OrganisationEditForm, OrganisationFilterForm
from heartbeat.partnership.models import Organisation

PER_PAGE = 25
EXPORT_HEADERS = [
    Column("Name"),
    Column("Official name"),
    Column("Kind"),
    Column("GSS code"),
    Column("Short code"),
    Column("Website"),
    Column("Active"),
    Column("Programme term"),
    Column("Membership status"),
    Column("Status date", Kind.DATE),
    Column("Page", Kind.LINK),
]


def _export_row(organisation, term) -> list:
    return [
        organisation.name,
        organisation.official_name,
        organisation.get_kind_display(),
        organisation.gss_code,
        organisation.short_code,
        organisation.website,
        "Yes" if organisation.active else "No",
        term.name if term else "",
        selectors.status_label(organisation.term_status),
        organisation.term_status_date,
        organisation.get_absolute_url(),
    ]


def _table_row(organisation) -> list:
    link = Markup('<a class="ds_link" href="{}">{}</a>').format(
        organisation.get_absolute_url(), organisation.name
    )
    return [
        link,
        organisation.official_name,
        organisation.get_kind_display(),
        # Bodies without a GSS code (national bodies, partners) show an empty cell.
        organisation.gss_code or "",
        selectors.status_label(organisation.term_status),
    ]


@kept_page
@login_not_required
def organisation_list(request):
    current = selectors.current_term()
    form = OrganisationFilterForm(request.GET, current=current)
    filters, ignored, kept = form.filters()
    organisations = selectors.organisation_list(filters)
    term = filters.term

    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt,
            filename="organisations",
            headers=EXPORT_HEADERS,
            rows=(_export_row(o, term) for o in organisations),
            title="Organisations",
            request=request,
        )
    if fmt:
        ignored.append(f"We cannot export '{fmt[:10]}': choose CSV or XLSX.")

    page = paginate(organisations, request, PER_PAGE)
    status_heading = f"Status in {term.name}" if term else "Membership status"
    return render(
        request,
        "partnership/organisation_list.html",
        {
            "page_title": "Organisations",
            "filter_form": OrganisationFilterForm(
                {
                    **{k: v for k, v in kept.items() if k != "term"},
                    "term": term.slug if term else "",
                },
                current=current,
            ),
            "filtered": bool(kept),
            "ignored": ignored,
            "page_obj": page,
            "headers": ["Name", "Official name", "Kind", "GSS code", status_heading],
            "rows": [_table_row(o) for o in page.object_list],
            "total": page.paginator.count,
            "term": term,
            "current": current,
        },
    )


def _detail_or_404(slug, user):
    try:
        return selectors.organisation_detail(slug, user)
    except NotFound as error:
        raise Http404(error.message) from error


@kept_page
@login_not_required
def organisation_detail(request, slug):
    detail = _detail_or_404(slug, request.user)
    organisation = detail.organisation
    website = (
        Markup('<a class="ds_link" href="{0}">{0}</a>').format(organisation.website)
        if organisation.website
        else ""
    )
    summary = [
        ("Official name", organisation.official_name),
        ("Kind", organisation.get_kind_display()),
        ("GSS code", organisation.gss_code),
        ("Website", website),
        ("Short code", organisation.short_code),
        ("Active", "Yes" if organisation.active else "No"),
    ]
    # The parts other apps draw: its projects, pledges, capacity, where it can help.
    sections = registry.collect(registry.organisation_sections, request, organisation)
    return render(
        request,
        "partnership/organisation_detail.html",
        {
            "sections": registry.render_sections(request, sections, organisation=organisation),
            "page_title": organisation.name,
            "breadcrumbs": [
                ("Home", reverse("core:home")),
                ("Organisations", reverse("partnership:organisation_list")),
                (organisation.name, None),
            ],
            "detail": detail,
            "summary": summary,
        },
    )


def organisation_edit(request, slug):
    if not permissions.can_edit_organisation(request.user):
        raise DjangoPermissionDenied("Only the programme office can change organisations.")
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404("There is no organisation at that address.")

    conflict = None
    if request.method == "POST":
        # The form works on a copy: validating it writes the input onto its instance, and the
        # page's title and the saved values it shows come from the record as it is.
        form = OrganisationEditForm(request.POST, instance=copy.copy(organisation))
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in ("name", "website", "active")}
            try:
                services.organisation_update(
                    actor=request.user,
                    organisation=organisation,
                    data=data,
                    expected_updated_at=form.cleaned_data["updated_at"],
                )
            except Conflict as error:
                organisation.refresh_from_db()
                conflict = error.message
                # Keep what they typed; carry the new version so saving again is deliberate.
                values = request.POST.copy()
                values["updated_at"] = organisation.updated_at.isoformat()
                form = OrganisationEditForm(values, instance=copy.copy(organisation))
                form.is_valid()
            except ApplicationError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, f"Saved the changes to {data['name']}.")
                return redirect(organisation.get_absolute_url())
    else:
        form = OrganisationEditForm(
            instance=organisation, initial={"updated_at": organisation.updated_at}
        )

    current = [
        ("Name", organisation.name),
        ("Website", organisation.website),
        ("Active", "Yes" if organisation.active else "No"),
    ]
    return render(
        request,
        "partnership/organisation_edit.html",
        {
            "page_title": f"Change {organisation.name}",
            "breadcrumbs": [
                ("Home", reverse("core:home")),
                ("Organisations", reverse("partnership:organisation_list")),
                (organisation.name, organisation.get_absolute_url()),
                ("Change", None),
            ],
            "organisation": organisation,
            "form": form,
            "conflict": conflict,
            "current": current,
        },
        status=409 if conflict else 200,
    )


@kept_page
@login_not_required
def term_list(request):
    overview = selectors.term_overview()
    colours = {
        "signed_up": "#0065bd",
        "committed_in_principle": "#5eb135",
        "declined": "#d32205",
        "left": "#5e5e5e",
    }
    term_chart = {
        "categories": [summary.term.name for summary in overview.terms],
        "series": [
            {
                "name": label,
                "values": [summary.counts[status] for summary in overview.terms],
                "colour": colours[status],
            }
            for status, label in overview.statuses
        ],
    }
    quarter_chart = {
        "categories": [quarter.label for quarter in overview.quarters],
        "series": [
            {
                "name": "Councils signed up",
                "values": [quarter.signed_up for quarter in overview.quarters],
                "colour": "#0065bd",
            }
        ],
    }
    return render(
        request,
        "partnership/term_list.html",
        {
            "page_title": "Programme terms",
            "overview": overview,
            "term_chart": term_chart,
            "quarter_chart": quarter_chart,
        },
    )
