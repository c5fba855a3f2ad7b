"""Prioritisation pages: the published ranking with its method and the what-if, rounds,
scoring, publishing, and the criteria."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exports import EXPORT_FORMATS, export_response
from heartbeat.core.keptpages import kept_page
from heartbeat.prioritisation import permissions, scoring, selectors, services
from heartbeat.prioritisation.forms import (
    CriterionForm,
    OpenRoundForm,
    PublishForm,
    ScoreForm,
    parse_what_if,
    what_if_fields,
)
from heartbeat.prioritisation.models import Criterion, Round, RoundEntry

CSS = "prioritisation/prioritisation.css"


def _require(allowed: bool, message: str = "") -> None:
    if not allowed:
        raise DjangoPermissionDenied(message)


def _crumbs(*items) -> list:
    return [
        ("Home", reverse("core:home")),
        ("Priorities", reverse("prioritisation:ranking")),
        *items,
    ]


def _show_error(form, error: ApplicationError, field: str | None = None) -> None:
    field = field if field is not None else error.field
    form.add_error(field if field in form.fields else None, error.message)


def _method_context() -> dict:
    return {
        "demand_bands": [
            (scoring.demand_band_label(level), level) for _, _, level in scoring.DEMAND_BANDS
        ],
        "readiness_bands": [
            (scoring.readiness_band_label(level), level)
            for _, level in reversed(scoring.READINESS_BANDS)
        ],
        "number": selectors.number,
    }


# The published ranking ---------------------------------------------------------------------


def _ranking_page(request, round_: Round, *, latest: bool):
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        headers, rows = selectors.export_rows(round_)
        return export_response(
            fmt,
            filename=f"priorities-round-{round_.number}",
            headers=headers,
            rows=rows,
            title=f"Round {round_.number}",
        )
    ranking = selectors.ranking(round_, request.GET.get("page", 1))
    weights, typed, errors = parse_what_if({}, ranking.criteria)
    return render(
        request,
        "prioritisation/ranking.html",
        {
            "page_title": "Priorities of the programme" if latest else round_.name,
            "breadcrumbs": [("Home", reverse("core:home")), ("Priorities", None)]
            if latest
            else _crumbs(("Rounds", reverse("prioritisation:rounds")), (round_.name, None)),
            "ranking": ranking,
            "round": round_,
            "latest": latest,
            "what_if_fields": what_if_fields(ranking.criteria),
            "typed": typed,
            "what_if": None,
            "what_if_errors": [],
            "can_manage": permissions.can_score(request.user),
            "css": CSS,
            **_method_context(),
        },
    )


@kept_page
def ranking(request):
    _require(permissions.can_view_ranking(request.user))
    round_ = selectors.latest_published()
    if round_ is None:
        return render(
            request,
            "prioritisation/no_ranking.html",
            {
                "page_title": "Priorities of the programme",
                "breadcrumbs": [("Home", reverse("core:home")), ("Priorities", None)],
                "can_manage": permissions.can_score(request.user),
                "criteria": selectors.current_criteria(),
                "css": CSS,
                **_method_context(),
            },
        )
    return _ranking_page(request, round_, latest=True)


@kept_page
def what_if(request):
    """How the top ten would change with other weights: a GET form, saving nothing; htmx
    swaps the result into the ranking page."""
    _require(permissions.can_view_ranking(request.user))
    round_number = request.GET.get("round", "")
    if round_number.isdigit():
        round_ = selectors.round_for(request.user, int(round_number))
        if not round_.is_published:
            raise Http404
    else:
        round_ = selectors.latest_published()
        if round_ is None:
            raise Http404("No round has been published yet.")
    criteria = selectors.criteria_of(round_)
    weights, typed, errors = parse_what_if(request.GET, criteria)
    result = None if errors else selectors.what_if(round_, criteria, weights)
    context = {
        "page_title": "What if the weights changed?",
        "breadcrumbs": _crumbs(("What if", None)),
        "round": round_,
        "criteria": criteria,
        "what_if_fields": what_if_fields(criteria),
        "typed": typed,
        "what_if": result,
        "what_if_errors": errors,
        "css": CSS,
        "number": selectors.number,
    }
    if request.htmx and not request.htmx.history_restore_request:
        # htmx swaps only successful answers: the errors come with 200 so they show in place.
        response = render(request, "prioritisation/partials/_what_if.html", context)
    else:
        status = 422 if errors else 200
        response = render(request, "prioritisation/what_if.html", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


# Rounds ------------------------------------------------------------------------------------


@kept_page
def round_list(request):
    _require(permissions.can_view_ranking(request.user))
    can_open = permissions.can_open_round(request.user)
    rounds = selectors.rounds_for(request.user)
    return render(
        request,
        "prioritisation/round_list.html",
        {
            "page_title": "Scoring rounds",
            "breadcrumbs": _crumbs(("Rounds", None)),
            "rounds": rounds,
            "can_open": can_open and not any(not r.is_published for r in rounds),
            "form": OpenRoundForm(),
            "css": CSS,
        },
    )


@require_POST
def round_open(request):
    _require(permissions.can_open_round(request.user))
    form = OpenRoundForm(request.POST)
    if form.is_valid():
        try:
            round_ = services.round_open(actor=request.user, name=form.cleaned_data["name"])
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("prioritisation:rounds")
        messages.success(
            request,
            f"{round_.name} is open as a draft, starting from the last published scores.",
        )
        return redirect(round_.get_absolute_url())
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("prioritisation:rounds")


@kept_page
def round_detail(request, number: int):
    round_ = selectors.round_for(request.user, number)
    if round_.is_published:
        return _ranking_page(request, round_, latest=False)
    page_obj, rows, typed = selectors.draft_entries(
        round_,
        request.GET.get("page", 1),
        q=request.GET.get("q", "")[:200].replace("\x00", ""),
        unscored_only=request.GET.get("unscored") == "1",
    )
    done, total = selectors.draft_progress(round_)
    return render(
        request,
        "prioritisation/round_draft.html",
        {
            "page_title": f"{round_.name} (draft)",
            "breadcrumbs": _crumbs(
                ("Rounds", reverse("prioritisation:rounds")), (round_.name, None)
            ),
            "round": round_,
            "page_obj": page_obj,
            "rows": rows,
            "typed": typed,
            "done": done,
            "total": total,
            "criteria": selectors.criteria_of(round_),
            "css": CSS,
            "number": selectors.number,
        },
    )


def _draft_for_office(request, number: int) -> Round:
    _require(permissions.can_score(request.user), "Only the programme office changes rounds.")
    round_ = get_object_or_404(Round, number=number)
    return round_


@require_POST
def round_refresh(request, number: int):
    round_ = _draft_for_office(request, number)
    try:
        services.round_refresh(actor=request.user, round_=round_)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            "The draft now has today's criteria, the projects and requests open today, and "
            "demand and readiness worked out again.",
        )
    return redirect(round_.get_absolute_url())


@require_POST
def round_discard(request, number: int):
    round_ = _draft_for_office(request, number)
    try:
        services.round_discard(actor=request.user, round_=round_)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(round_.get_absolute_url())
    messages.success(request, f"{round_.name} has been discarded.")
    return redirect("prioritisation:rounds")


def round_publish(request, number: int):
    round_ = _draft_for_office(request, number)
    if round_.is_published:
        messages.info(request, f"{round_.name} is already published.")
        return redirect(round_.get_absolute_url())
    form = PublishForm(request.POST or None, initial={"version": round_.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.round_publish(
                actor=request.user,
                round_=round_,
                expected_version=form.cleaned_data["version"],
                summary=form.cleaned_data["summary"],
            )
        except Conflict as error:
            form.data = form.data.copy()
            form.data["version"] = str(error.extra.get("current_version", ""))
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"{round_.name} is published. Members can read it now.")
            return redirect("prioritisation:ranking")
    done, total = selectors.draft_progress(round_)
    return render(
        request,
        "prioritisation/publish.html",
        {
            "page_title": f"Publish {round_.name}",
            "breadcrumbs": _crumbs(
                ("Rounds", reverse("prioritisation:rounds")),
                (round_.name, round_.get_absolute_url()),
                ("Publish", None),
            ),
            "round": round_,
            "form": form,
            "done": done,
            "total": total,
            "css": CSS,
        },
        status=(409 if form.non_field_errors() else 422) if form.errors else 200,
    )


# Entries and scoring -----------------------------------------------------------------------


@kept_page
def entry_detail(request, number: int, entry_id: int):
    round_ = selectors.round_for(request.user, number)
    detail = selectors.entry_detail(round_, entry_id)
    return render(
        request,
        "prioritisation/entry_detail.html",
        {
            "page_title": f"{detail.entry.title} in {round_.name}",
            "breadcrumbs": _crumbs(
                (round_.name, round_.get_absolute_url()), (detail.entry.title, None)
            ),
            "round": round_,
            "detail": detail,
            "can_score": permissions.can_score(request.user) and not round_.is_published,
            "css": CSS,
            "number": selectors.number,
        },
    )


def entry_score(request, number: int, entry_id: int):
    round_ = _draft_for_office(request, number)
    if round_.is_published:
        messages.error(request, "The round is published: open a new round to change its scores.")
        return redirect(reverse("prioritisation:entry", args=[number, entry_id]))
    entry = get_object_or_404(RoundEntry, round=round_, pk=entry_id)
    detail = selectors.entry_detail(round_, entry_id)
    initial = {"version": entry.version}
    for cid, score in detail.scores.items():
        initial[f"score_{cid}"] = str(score.value)
        initial[f"rationale_{cid}"] = score.rationale
    form = ScoreForm(request.POST or None, initial=initial, criteria=detail.criteria)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.scores_save(
                actor=request.user,
                entry=entry,
                scores=form.to_inputs(),
                expected_version=form.cleaned_data["version"],
            )
        except Conflict as error:
            conflict = True
            form.data = form.data.copy()
            form.data["version"] = str(error.extra.get("current_version", ""))
            form.add_error(None, error.message)
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"The scores of {entry.title} have been saved.")
            return redirect(round_.get_absolute_url() + f"?q={entry.title[:60]}")
    return render(
        request,
        "prioritisation/score_form.html",
        {
            "page_title": f"Score {entry.title}",
            "breadcrumbs": _crumbs((round_.name, round_.get_absolute_url()), (entry.title, None)),
            "round": round_,
            "detail": detail,
            "form": form,
            "conflict": conflict,
            "css": CSS,
            "number": selectors.number,
        },
        status=(409 if conflict else 422) if form.errors else 200,
    )


# Criteria ----------------------------------------------------------------------------------


@kept_page
def criteria_list(request):
    _require(permissions.can_view_ranking(request.user))
    return render(
        request,
        "prioritisation/criteria_list.html",
        {
            "page_title": "Criteria",
            "breadcrumbs": _crumbs(("Criteria", None)),
            "criteria": selectors.current_criteria(),
            "can_manage": permissions.can_manage_criteria(request.user),
            "css": CSS,
            "number": selectors.number,
        },
    )


def _criterion_form_page(request, form, criterion=None, status=200):
    title = f"Change {criterion.name}" if criterion else "Add a criterion"
    return render(
        request,
        "prioritisation/criterion_form.html",
        {
            "page_title": title,
            "breadcrumbs": _crumbs(("Criteria", reverse("prioritisation:criteria")), (title, None)),
            "form": form,
            "criterion": criterion,
            "css": CSS,
        },
        status=status,
    )


def criterion_create(request):
    _require(permissions.can_manage_criteria(request.user))
    form = CriterionForm(
        request.POST or None, initial={"active": True, "direction": "higher_is_better"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            criterion = services.criterion_create(actor=request.user, data=form.to_input())
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"{criterion.name} has been added to the criteria.")
            return redirect("prioritisation:criteria")
    return _criterion_form_page(request, form, status=422 if form.errors else 200)


def criterion_edit(request, slug: str):
    _require(permissions.can_manage_criteria(request.user))
    criterion = get_object_or_404(Criterion, slug=slug)
    initial = {
        "name": criterion.name,
        "description": criterion.description,
        "weight": selectors.number(criterion.weight),
        "direction": criterion.direction,
        "order": criterion.order,
        "active": criterion.active,
        "version": criterion.version,
        **{f"level_{i}": level for i, level in enumerate(criterion.levels, start=1)},
    }
    form = CriterionForm(request.POST or None, initial=initial, computed=criterion.is_computed)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_update(
                actor=request.user,
                criterion=criterion,
                data=form.to_input(criterion),
                expected_version=form.cleaned_data.get("version"),
            )
        except Conflict as error:
            form.data = form.data.copy()
            form.data["version"] = str(error.extra.get("current_version", ""))
            form.add_error(None, error.message)
            status = 409
        except ApplicationError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"{criterion.name} has been saved.")
            return redirect("prioritisation:criteria")
    if form.errors and status == 200:
        status = 422
    return _criterion_form_page(request, form, criterion, status=status)
