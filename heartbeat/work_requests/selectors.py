"""Reads of work requests, each in a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass

from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.shortcuts import get_object_or_404
from django.urls import reverse

from heartbeat.core.aggregates import JoinedText
from heartbeat.core.registry import rows_and_total
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import OPEN_STAGES, Project, Theme
from heartbeat.work_requests.models import (
    OPEN_STATES,
    URGENCY_ORDER,
    Comment,
    State,
    StateChange,
    Support,
    Urgency,
    WorkRequest,
)

# The list's state filter: every state, plus "open" for those still to be decided.
STATE_FILTERS: list[tuple[str, str]] = [
    ("open", "Still to be decided"),
    *State.choices,
]
SORT_OPTIONS: list[tuple[str, str]] = [
    ("-raised", "Newest first"),
    ("raised", "Oldest first"),
    ("-support", "Most supported"),
    ("urgency", "Most urgent"),
    ("title", "Title (A to Z)"),
]
SORTS = frozenset(value for value, _ in SORT_OPTIONS)
MAX_SEARCH = 200


@dataclass
class RequestFilters:
    """The list's URL parameters, checked. Empty strings mean no filter."""

    state: str = ""
    theme: str = ""  # theme slug
    urgency: str = ""
    organisation: str = ""  # organisation slug
    q: str = ""
    sort: str = ""

    FIELDS = ("state", "theme", "urgency", "organisation", "q", "sort")

    def as_params(self) -> dict[str, str]:
        return {name: value for name, value in asdict(self).items() if value}

    @property
    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in self.FIELDS if name != "sort")


def _param(params, name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value or "").strip()


def parse_request_filters(params) -> tuple[RequestFilters, list[str]]:
    """Read the list's filters from URL parameters; a value that is not valid is dropped and
    described in the errors (the page shows them, the API answers 422)."""
    values = {name: _param(params, name) for name in RequestFilters.FIELDS}
    errors: list[str] = []
    for name, value in values.items():
        if "\x00" in value:
            errors.append(f"The {name} filter holds a character that cannot be used.")
            values[name] = ""
    if values["state"] and values["state"] not in {v for v, _ in STATE_FILTERS}:
        errors.append(f"'{values['state']}' is not a state of a work request.")
        values["state"] = ""
    if values["theme"] and not Theme.objects.filter(slug=values["theme"]).exists():
        errors.append(f"There is no theme '{values['theme']}'.")
        values["theme"] = ""
    if values["urgency"] and values["urgency"] not in Urgency.values:
        errors.append(
            f"'{values['urgency']}' is not an urgency: use low, medium, high or critical."
        )
        values["urgency"] = ""
    if (
        values["organisation"]
        and not Organisation.objects.filter(slug=values["organisation"]).exists()
    ):
        errors.append(f"There is no organisation '{values['organisation']}'.")
        values["organisation"] = ""
    if len(values["q"]) > MAX_SEARCH:
        errors.append(f"Search for {MAX_SEARCH} characters or fewer.")
        values["q"] = ""
    if values["sort"] and values["sort"] not in SORTS:
        errors.append(f"'{values['sort']}' is not a way to sort requests.")
        values["sort"] = ""
    return RequestFilters(**values), errors


def _urgency_rank():
    return Case(
        *[When(urgency=value, then=Value(rank)) for value, rank in URGENCY_ORDER.items()],
        output_field=IntegerField(),
    )


def request_list(user, filters: RequestFilters) -> QuerySet:
    """The requests ``user`` may see that match ``filters``, sorted, each with its
    ``support_count`` (one query for a page of rows)."""
    requests = WorkRequest.objects.visible_to(user)
    if filters.state == "open":
        requests = requests.filter(state__in=OPEN_STATES)
    elif filters.state:
        requests = requests.filter(state=filters.state)
    if filters.theme:
        requests = requests.filter(theme__slug=filters.theme)
    if filters.urgency:
        requests = requests.filter(urgency=filters.urgency)
    if filters.organisation:
        supported = Support.objects.filter(organisation__slug=filters.organisation).values(
            "work_request_id"
        )
        requests = requests.filter(Q(organisation__slug=filters.organisation) | Q(pk__in=supported))
    for word in filters.q.split():
        if word.upper().startswith("WR-") and word[3:].isdigit():
            requests = requests.filter(pk=int(word[3:]))
            continue
        requests = requests.filter(
            Q(title__icontains=word)
            | Q(problem__icontains=word)
            | Q(outcome__icontains=word)
            | Q(affected__icontains=word)
        )
    requests = requests.with_support_count()
    order = {
        "raised": ["created_at", "id"],
        "-support": [F("support_count").desc(), "-created_at", "-id"],
        "urgency": ["urgency_rank", "-created_at", "-id"],
        "title": ["title", "id"],
    }.get(filters.sort, ["-created_at", "-id"])
    if filters.sort == "urgency":
        requests = requests.annotate(urgency_rank=_urgency_rank())
    return requests.select_related("organisation", "theme", "project").order_by(*order)


def page_rows(queryset: QuerySet) -> QuerySet:
    """The list's rows as the page shows them: only the columns of its table."""
    return queryset.only(
        "title",
        "state",
        "urgency",
        "created_at",
        "organisation__name",
        "organisation__slug",
        "theme__name",
        "project__title",
        "project__slug",
    )


EXPORT_HEADERS = [
    "Reference",
    "Title",
    "Raised by",
    "Raised on",
    "Theme",
    "Urgency",
    "State",
    "Supporting organisations",
    "Supporters",
    "Rough benefit a year (£)",
    "Project",
    "Problem",
    "Who is affected",
    "Outcome wanted",
    "Decline reason",
    "Duplicate of",
    "Link",
]


def _supporter_names() -> JoinedText:
    """A request's supporting organisations, in the order they joined, as one text."""
    return JoinedText(
        Support.objects.filter(work_request=OuterRef("pk"))
        .order_by("created_at", "id")
        .annotate(v=F("organisation__name"))
        .values("v")
    )


def export_rows(queryset: QuerySet, site_url: str = "") -> Iterator[list]:
    """The rows of the list's CSV and XLSX downloads, read as they are written (one query:
    the supporters' names are a subquery of it)."""
    rows = queryset.annotate(supporter_names=_supporter_names()).values_list(
        "pk",
        "title",
        "organisation__name",
        "created_at",
        "theme__name",
        "urgency",
        "state",
        "support_count",
        "supporter_names",
        "benefit_value",
        "project__title",
        "problem",
        "affected",
        "outcome",
        "decline_reason",
        "duplicate_of_id",
    )
    urgencies = dict(Urgency.choices)
    states = dict(State.choices)
    # One reverse() for every request's address.
    page = site_url + reverse("work_requests:detail", args=[1]).removesuffix("1/")
    for (
        pk,
        title,
        organisation,
        created_at,
        theme,
        urgency,
        state,
        support_count,
        supporter_names,
        benefit_value,
        project,
        problem,
        affected,
        outcome,
        decline_reason,
        duplicate_of,
    ) in rows.iterator(chunk_size=2000):
        yield [
            WorkRequest.reference_of(pk),
            title,
            organisation,
            created_at.date(),
            theme,
            urgencies.get(urgency, urgency),
            states.get(state, state),
            support_count,
            supporter_names or "",
            benefit_value,
            project or "",
            problem,
            affected,
            outcome,
            decline_reason,
            WorkRequest.reference_of(duplicate_of) if duplicate_of else "",
            f"{page}{pk}/",
        ]


def request_detail(user, pk: int) -> WorkRequest:
    """One request with everything its page shows, or 404 (6 queries).

    Carries ``support_count``, and prefetched supports, comments, attachments, state changes
    and the requests marked as its duplicates.
    """
    return get_object_or_404(
        WorkRequest.objects.visible_to(user)
        .with_support_count()
        .select_related(
            "organisation", "theme", "raised_by", "project", "duplicate_of", "duplicate_of__theme"
        )
        .prefetch_related(
            Prefetch(
                "supports",
                queryset=Support.objects.select_related(
                    "organisation", "supported_by", "moved_from"
                ),
            ),
            Prefetch("comments", queryset=Comment.objects.select_related("author", "organisation")),
            "attachments",
            Prefetch("state_changes", queryset=StateChange.objects.select_related("actor")),
            Prefetch(
                "duplicates", queryset=WorkRequest.objects.only("id", "title", "duplicate_of")
            ),
        ),
        pk=pk,
    )


def request_heading(user, pk: int) -> WorkRequest:
    """The request alone with its organisation, or 404 (1 query)."""
    return get_object_or_404(
        WorkRequest.objects.visible_to(user).select_related("organisation", "theme"), pk=pk
    )


def duplicate_candidates(work_request: WorkRequest, q: str = "", limit: int = 50) -> list:
    """Requests this one could duplicate: open or accepted, not itself, matching ``q``."""
    candidates = WorkRequest.objects.filter(state__in=(*OPEN_STATES, State.ACCEPTED)).exclude(
        pk=work_request.pk
    )
    for word in q.split():
        candidates = candidates.filter(title__icontains=word)
    return list(
        candidates.select_related("organisation")
        .only("id", "title", "organisation__name")
        .order_by("-created_at")[:limit]
    )


def open_projects(limit: int | None = None) -> list:
    """Open projects a request could join, by title (one query)."""
    projects = Project.objects.filter(stage__in=OPEN_STAGES).only("id", "title", "slug")
    projects = projects.order_by("title", "id")
    return list(projects[:limit] if limit else projects)


# Home and other pages ----------------------------------------------------------------------


@dataclass
class RequestsSummary:
    count: int
    rows: list


def organisation_open_requests(organisation, limit: int = 5) -> RequestsSummary:
    """An organisation's requests still to be decided, newest first (1 query)."""
    requests = WorkRequest.objects.filter(organisation=organisation, state__in=OPEN_STATES)
    rows, count = rows_and_total(
        requests.with_support_count().only("id", "title", "state", "created_at"), limit
    )
    return RequestsSummary(count=count, rows=rows)


def awaiting_triage(limit: int = 5) -> RequestsSummary:
    """Requests the programme office has still to decide, oldest first (1 query)."""
    requests = WorkRequest.objects.filter(state__in=OPEN_STATES)
    rows, count = rows_and_total(
        requests.with_support_count()
        .select_related("organisation")
        .only("id", "title", "state", "created_at", "organisation__name")
        .order_by("created_at", "id"),
        limit,
    )
    return RequestsSummary(count=count, rows=rows)


def project_requests(project) -> list:
    """The requests a project came from or took in, each with ``supporter_names``, its
    supporting organisations in the order they joined, as one text (1 query)."""
    return list(
        WorkRequest.objects.filter(project=project)
        .with_support_count()
        .select_related("organisation")
        .annotate(supporter_names=_supporter_names())
        .order_by("created_at", "id")
    )
