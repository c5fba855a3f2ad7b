"""People's pages and people administration: a person's page (their organisation, roles and
what other apps show about them), and for the programme office the list of people and the
changes to their accounts, each with a reason kept in their history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from heartbeat.accounts import permissions, selectors, services
from heartbeat.accounts.forms import (
    DeactivateForm,
    MoveForm,
    PeopleFilterForm,
    ReactivateForm,
    RolesForm,
)
from heartbeat.accounts.models import User
from heartbeat.core import registry
from heartbeat.core.exceptions import ApplicationError, Conflict, NotFound
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.core.pagination import paginate

PER_PAGE = 50
EXPORT_HEADERS = [
    "Name",
    "Email",
    "Job title",
    "Organisation",
    "Roles",
    "Account",
    "Joined",
    "Last seen",
]


def _require(allowed: bool) -> None:
    if not allowed:
        raise DjangoPermissionDenied


def _person(request, pk: int) -> User:
    try:
        return selectors.person_get(viewer=request.user, pk=pk)
    except NotFound as error:
        raise Http404(error.message) from error


def _export_row(person: User) -> list:
    return [
        person.full_name,
        person.email,
        person.job_title,
        person.organisation.name if person.organisation else "",
        "; ".join(person.role_labels),
        "Active" if person.is_active else "Deactivated",
        person.date_joined.date() if person.date_joined else None,
        person.last_seen_at.date() if person.last_seen_at else None,
    ]


@kept_page
def people_list(request):
    _require(permissions.can_view_people_list(request.user))
    form = PeopleFilterForm(request.GET)
    filters, ignored, kept = form.filters()
    people = selectors.people_list(filters)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return export_response(
            fmt,
            filename="people",
            headers=EXPORT_HEADERS,
            rows=(_export_row(p) for p in people),
            title="People",
        )
    if fmt:
        ignored.append(f"We cannot export '{fmt[:10]}': choose CSV or XLSX.")
    return render(
        request,
        "accounts/people_list.html",
        {
            "page_title": "People",
            "breadcrumbs": [("Home", "/"), ("People", None)],
            "filters": PeopleFilterForm(kept) if kept else form,
            "filtered": bool(kept),
            "ignored": ignored,
            "page_obj": paginate(people, request, PER_PAGE),
        },
    )


@kept_page
def person_detail(request, pk: int):
    person = _person(request, pk)
    user = request.user
    sections = registry.collect(registry.person_sections, request, person)
    history = None
    if permissions.can_see_person_history(user, person):
        history = selectors.person_history(person)
    return render(
        request,
        "accounts/person_detail.html",
        {
            "page_title": person.display_name,
            "breadcrumbs": _breadcrumbs(request, person),
            "person": person,
            "is_self": person.pk == user.pk,
            "show_contact": permissions.can_see_contact(user, person),
            "can_manage": permissions.can_manage_people(user),
            "sections": registry.render_sections(request, sections, person=person),
            "history": history,
            "deactivation": selectors.deactivation(person),
            # Why someone left is for the programme office and the person themselves.
            "show_reason": history is not None,
        },
    )


def _breadcrumbs(request, person: User, *more) -> list:
    crumbs = [("Home", "/")]
    if permissions.can_view_people_list(request.user):
        crumbs.append(("People", reverse("people:people_list")))
    elif person.organisation_id:
        crumbs.append((person.organisation.name, person.organisation.get_absolute_url()))
    if more:
        crumbs.append((person.display_name, person.get_absolute_url()))
        crumbs.extend(more)
    else:
        crumbs.append((person.display_name, None))
    return crumbs


def _change(request, pk: int, *, form_class, initial, apply, title, template, done):
    """A people-administration change: a form with a reason and the version read; on a
    conflict the form keeps what was typed and carries the new version, so saving again is a
    deliberate choice (409)."""
    _require(permissions.can_manage_people(request.user))
    person = _person(request, pk)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, initial={"version": person.version, **initial(person)})
    status = 200
    if data is not None and form.is_valid():
        try:
            apply(person, form.cleaned_data)
        except Conflict as error:
            person = _person(request, pk)
            form.data = form.data.copy()
            form.data["version"] = str(person.version)
            form.add_error(None, error.message)
            status = 409
        except ApplicationError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.message)
            status = 409 if error.status == 409 else 422
        else:
            messages.success(request, done(person))
            return redirect("people:person_detail", pk=person.pk)
    elif data is not None:
        status = 422
    return render(
        request,
        template,
        {
            "page_title": title(person),
            "breadcrumbs": _breadcrumbs(request, person, ("Change", None)),
            "person": person,
            "form": form,
            "sections": _leaver_sections(request, person) if form_class is DeactivateForm else [],
        },
        status=status,
    )


def _leaver_sections(request, person):
    sections = registry.collect(registry.person_sections, request, person)
    # What stays with the organisation when they leave: their pledges and projects.
    kept = [s for s in sections if s.key in ("pledges", "projects-led")]
    return registry.render_sections(request, kept, person=person)


def person_roles(request, pk: int):
    return _change(
        request,
        pk,
        form_class=RolesForm,
        initial=lambda person: {"roles": person.roles},
        apply=lambda person, data: services.user_set_roles(
            actor=request.user,
            user=person,
            roles=data["roles"],
            reason=data["reason"],
            expected_version=data["version"],
        ),
        title=lambda person: f"Change {person.display_name}'s roles",
        template="accounts/person_roles.html",
        done=lambda person: f"{person.display_name}'s roles have been changed.",
    )


def person_move(request, pk: int):
    return _change(
        request,
        pk,
        form_class=MoveForm,
        initial=lambda person: {},
        apply=lambda person, data: services.person_move(
            actor=request.user,
            person=person,
            organisation=data["organisation"],
            reason=data["reason"],
            expected_version=data["version"],
        ),
        title=lambda person: (
            f"Move {person.display_name} to another organisation"
            if person.organisation_id
            else f"Choose {person.display_name}'s organisation"
        ),
        template="accounts/person_move.html",
        done=lambda person: f"{person.display_name} has been moved.",
    )


def person_deactivate(request, pk: int):
    return _change(
        request,
        pk,
        form_class=DeactivateForm,
        initial=lambda person: {},
        apply=lambda person, data: services.person_deactivate(
            actor=request.user,
            person=person,
            reason=data["reason"],
            expected_version=data["version"],
        ),
        title=lambda person: f"Deactivate {person.display_name}'s account",
        template="accounts/person_deactivate.html",
        done=lambda person: (
            f"{person.display_name}'s account has been deactivated. Nothing has been deleted: "
            "their pledges are listed for their council's lead to reassign or withdraw."
        ),
    )


def person_reactivate(request, pk: int):
    return _change(
        request,
        pk,
        form_class=ReactivateForm,
        initial=lambda person: {},
        apply=lambda person, data: services.person_reactivate(
            actor=request.user,
            person=person,
            reason=data["reason"],
            expected_version=data["version"],
        ),
        title=lambda person: f"Reactivate {person.display_name}'s account",
        template="accounts/person_reactivate.html",
        done=lambda person: f"{person.display_name} can sign in again.",
    )
