"""Reads for the partnership's pages and API, each in a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from heartbeat.core.exceptions import NotFound
from heartbeat.core.formatting import uk_date
from heartbeat.core.months import add_months, first_of_month
from heartbeat.partnership import permissions
from heartbeat.partnership.models import (
    PARTNERSHIP_NAME,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    ProgrammeTerm,
)

# The status filter also finds organisations with no decision recorded for the latest term.
NO_STATUS = "none"
STATUS_FILTER_CHOICES = [*MembershipStatus.choices, (NO_STATUS, "No decision recorded")]
STATUS_LABELS = dict(STATUS_FILTER_CHOICES)


@dataclass(frozen=True)
class OrganisationFilters:
    kind: str | None = None
    status: str | None = None  # the decision about ``term``
    q: str = ""
    term: ProgrammeTerm | None = None  # None: the current term


def home_summary() -> dict:
    """The partnership's counts for the home page (one query)."""
    # The terms are counted in a subquery of the same statement. An aggregate over no
    # organisations has no row to carry it, hence Coalesce's second, plain reading.
    terms = Subquery(ProgrammeTerm.objects.order_by().values_list(Func("id", function="COUNT")))
    counts = (
        Organisation.objects.active()
        .order_by()
        .aggregate(
            organisations=Count("id"),
            local_authorities=Count("id", filter=Q(kind=OrganisationKind.LOCAL_AUTHORITY)),
            terms=Coalesce(Max(terms), terms),
        )
    )
    return {
        "partnership_name": PARTNERSHIP_NAME,
        "organisations": counts["organisations"],
        "local_authorities": counts["local_authorities"],
        "terms": counts["terms"],
    }


def latest_term() -> ProgrammeTerm | None:
    """The term that started last (which may not have started yet)."""
    return ProgrammeTerm.objects.order_by("-start").first()


def current_term_query(today: datetime.date | None = None) -> QuerySet[ProgrammeTerm]:
    """The current term (see ``current_term``) as a query of at most one row, which another
    query can use as a subquery instead of spending a query of its own to find the term."""
    today = today or timezone.localdate()
    started = Q(start__lte=today)
    return ProgrammeTerm.objects.annotate(
        current_rank=Case(
            When(started & Q(end__gte=today), then=Value(0)),
            When(started, then=Value(1)),
            default=Value(2),
        ),
        started_on=Case(When(started, then=F("start")), default=None),
    ).order_by("current_rank", F("started_on").desc(nulls_last=True), "start", "-pk")[:1]


def current_term(today: datetime.date | None = None) -> ProgrammeTerm | None:
    """The programme term running today (the one that started last, should two overlap);
    between terms, the one that ended last; before the first, the first (one query). Lists
    show each organisation's decision about it."""
    return current_term_query(today).first()


def term_choices() -> QuerySet[ProgrammeTerm]:
    return ProgrammeTerm.objects.order_by("-start")


def organisation_list(filters: OrganisationFilters | None = None) -> QuerySet[Organisation]:
    """Organisations matching ``filters``, by name whatever its case, each with its decision
    about the filters' term (the current term unless another is chosen).

    Rows carry ``term_status`` and ``term_status_date`` (None where nothing is recorded).
    One query, however many rows, when the filters name the term; two otherwise.
    """
    filters = filters or OrganisationFilters()
    term = filters.term or current_term()
    decision = Membership.objects.filter(
        organisation=OuterRef("pk"), term_id=term.pk if term else None
    )
    organisations = Organisation.objects.annotate(
        term_status=Subquery(decision.values("status")[:1]),
        term_status_date=Subquery(decision.values("date")[:1]),
    ).order_by(Lower("name"), "pk")
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.status == NO_STATUS:
        organisations = organisations.filter(term_status__isnull=True)
    elif filters.status:
        organisations = organisations.filter(term_status=filters.status)
    query = filters.q.strip()
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query)
            | Q(official_name__icontains=query)
            | Q(short_code__iexact=query)
            | Q(gss_code__iexact=query)
        )
    return organisations


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or NO_STATUS, status or "")


@dataclass
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: str
    record: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class OrganisationDetail:
    organisation: Organisation
    memberships: list[Membership]
    people: list | None
    history: list[HistoryEntry] | None
    can_edit: bool


def _display(model_field, value) -> str:
    if value in (None, ""):
        return "(blank)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return uk_date(value)
    return str(value)


ACTIONS = {"+": "Added", "~": "Changed", "-": "Removed"}


def _history_entries(records, describe) -> list[HistoryEntry]:
    """Turn historical records (oldest first) into entries with readable field changes."""
    previous = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        changes = []
        if record.history_type == "~" and before is not None:
            delta = record.diff_against(before)
            for change in delta.changes:
                model_field = record.instance_type._meta.get_field(change.field)
                changes.append(
                    FieldChange(
                        field=str(model_field.verbose_name).capitalize(),
                        before=_display(model_field, change.old),
                        after=_display(model_field, change.new),
                    )
                )
            if not changes:
                continue
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=user.display_name if user else "Heartbeat (system)",
                record=describe(record),
                action=ACTIONS.get(record.history_type, record.history_type),
                changes=changes,
            )
        )
    return entries


def organisation_history(organisation: Organisation) -> list[HistoryEntry]:
    """Who changed the organisation and its memberships, newest first (two queries)."""
    own = organisation.history.select_related("history_user").order_by("history_date", "history_id")
    memberships = (
        Membership.history.filter(organisation_id=organisation.pk)
        .select_related("history_user", "term")
        .order_by("history_date", "history_id")
    )
    entries = _history_entries(own, lambda record: "Organisation details")
    entries += _history_entries(
        memberships,
        lambda record: f"Membership of {record.term.name}" if record.term else "Membership",
    )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def organisation_with_memberships(slug: str) -> tuple[Organisation, list[Membership]]:
    """An organisation and its decisions, oldest term first; raises NotFound (two queries)."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise NotFound("There is no organisation at that address.")
    memberships = list(
        organisation.memberships.select_related("term").order_by("term__start", "date")
    )
    return organisation, memberships


def organisation_detail(slug: str, user) -> OrganisationDetail:
    """Everything the organisation page shows ``user``; raises NotFound for an unknown slug."""
    organisation, memberships = organisation_with_memberships(slug)
    people = None
    if permissions.can_see_people(user, organisation):
        people = list(
            get_user_model()
            .objects.active()
            .filter(organisation=organisation)
            .order_by("full_name", "email")
        )
    history = organisation_history(organisation) if permissions.can_see_history(user) else None
    return OrganisationDetail(
        organisation=organisation,
        memberships=memberships,
        people=people,
        history=history,
        can_edit=permissions.can_edit_organisation(user),
    )


@dataclass
class TermSummary:
    term: ProgrammeTerm
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Quarter:
    label: str
    start: datetime.date
    end: datetime.date
    signed_up: int


@dataclass
class TermOverview:
    terms: list[TermSummary]
    quarters: list[Quarter]
    first_term: ProgrammeTerm | None

    @property
    def statuses(self) -> list[tuple[str, str]]:
        return list(MembershipStatus.choices)


def _term_summaries(terms: list[ProgrammeTerm]) -> list[TermSummary]:
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Membership.objects.filter(term__in=[t.pk for t in terms])
        .values("term_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["term_id"]][row["status"]] = row["n"]
    return [
        TermSummary(
            term=term,
            counts={status: counts[term.pk].get(status, 0) for status in MembershipStatus.values},
        )
        for term in terms
    ]


def _quarters(term: ProgrammeTerm) -> list[tuple[datetime.date, datetime.date]]:
    quarters = []
    start = first_of_month(term.start)
    while start <= term.end:
        end = min(add_months(start, 3) - datetime.timedelta(days=1), term.end)
        quarters.append((start, end))
        start = add_months(start, 3)
    return quarters


def _quarter_label(start: datetime.date, end: datetime.date) -> str:
    if start.year == end.year:
        return f"{start:%b} to {end:%b %Y}"
    return f"{start:%b %Y} to {end:%b %Y}"


def term_list() -> list[TermSummary]:
    """Every term with its count of organisations per status (two queries)."""
    return _term_summaries(list(ProgrammeTerm.objects.order_by("start")))


def term_detail(slug: str) -> TermSummary:
    term = ProgrammeTerm.objects.filter(slug=slug).first()
    if term is None:
        raise NotFound("There is no programme term at that address.")
    return _term_summaries([term])[0]


def term_overview() -> TermOverview:
    """The terms page: counts per term, and councils signed up by quarter of the first term.

    Three queries, however many organisations and terms.
    """
    summaries = term_list()
    first = summaries[0].term if summaries else None
    quarters = []
    if first is not None:
        dates = sorted(
            Membership.objects.filter(
                term=first,
                status=MembershipStatus.SIGNED_UP,
                organisation__kind=OrganisationKind.LOCAL_AUTHORITY,
            ).values_list("date", flat=True)
        )
        for start, end in _quarters(first):
            quarters.append(
                Quarter(
                    label=_quarter_label(start, end),
                    start=start,
                    end=end,
                    signed_up=sum(1 for day in dates if day <= end),
                )
            )
    return TermOverview(terms=summaries, quarters=quarters, first_term=first)
