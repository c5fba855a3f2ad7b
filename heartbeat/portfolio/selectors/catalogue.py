"""The catalogue: filters, search, sort, the filter form's options and exports."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from heartbeat.core.datacache import cached
from heartbeat.core.exports import Column, Kind
from heartbeat.core.pagination import RowsById
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import (
    Project,
    ProjectSearchDocument,
    ResourceRequirement,
    Stage,
    Theme,
    Visibility,
)
from heartbeat.skills.models import Skill

STAGE_ORDER = {stage: i for i, stage in enumerate(Stage.values)}

# The text search configuration of the stored search documents (migration 0007).
SEARCH_CONFIG = "english"

# The catalogue's sort orders, in the order a sort menu lists them.
SORT_OPTIONS: list[tuple[str, str]] = [
    ("title", "Title (A to Z)"),
    ("-title", "Title (Z to A)"),
    ("stage", "Stage"),
    ("start", "Planned start (earliest first)"),
    ("-start", "Planned start (latest first)"),
    ("-updated", "Recently updated"),
    ("updated", "Least recently updated"),
]
SORTS = frozenset(value for value, _ in SORT_OPTIONS)


# The catalogue ----------------------------------------------------------------------------


@dataclass
class CatalogueFilters:
    """The catalogue's URL parameters, checked. Empty strings mean no filter."""

    theme: str = ""  # theme slug
    stage: str = ""
    lead: str = ""  # lead organisation slug
    skill: str = ""  # skill slug
    visibility: str = ""
    q: str = ""
    sort: str = ""  # one of SORTS; empty: by title, or by relevance when searching

    # The lead organisation's name, for a filter that shows it (not a URL parameter).
    lead_name: str = field(default="", compare=False)

    FIELDS = ("theme", "stage", "lead", "skill", "visibility", "q", "sort")

    def as_params(self) -> dict[str, str]:
        """The filters that are set, as URL parameters."""
        return {name: getattr(self, name) for name in self.FIELDS if getattr(self, name)}

    @property
    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in self.FIELDS if name != "sort")


def _param(params, name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value or "").strip()


def parse_catalogue_filters(params) -> tuple[CatalogueFilters, list[str]]:
    """Read the catalogue's filters from URL parameters (a QueryDict or a dict).

    A value that is not valid is dropped and described in the errors, which pages show
    as a message and the API answers with 422.
    """
    values = {name: _param(params, name) for name in CatalogueFilters.FIELDS}
    errors: list[str] = []
    if values["theme"] and not Theme.objects.filter(slug=values["theme"]).exists():
        errors.append(f"There is no theme '{values['theme']}'.")
        values["theme"] = ""
    if values["stage"] and values["stage"] not in Stage.values:
        errors.append(f"'{values['stage']}' is not a stage.")
        values["stage"] = ""
    lead_name = ""
    if values["lead"]:
        lead = _lead_organisation(values["lead"])
        if lead is None:
            errors.append(f"There is no organisation '{values['lead']}'.")
            values["lead"] = ""
        else:
            values["lead"], lead_name = lead
    if values["skill"] and not Skill.objects.filter(slug=values["skill"]).exists():
        errors.append(f"There is no skill '{values['skill']}'.")
        values["skill"] = ""
    if values["visibility"] and values["visibility"] not in Visibility.values:
        errors.append(f"'{values['visibility']}' is not a visibility: use public or partnership.")
        values["visibility"] = ""
    if len(values["q"]) > 200:
        errors.append("Search for 200 characters or fewer.")
        values["q"] = ""
    if values["sort"] and values["sort"] not in SORTS:
        errors.append(f"'{values['sort']}' is not a way to sort projects.")
        values["sort"] = ""
    return CatalogueFilters(**values, lead_name=lead_name), errors


def _lead_organisation(value: str) -> tuple[str, str] | None:
    """The slug and name of the organisation ``value`` names: its slug (as the filter's
    options and links give it), or its name or official name in any case (as a person types
    it where there are too many organisations to list)."""
    return (
        Organisation.objects.filter(
            Q(slug=value) | Q(name__iexact=value) | Q(official_name__iexact=value)
        )
        .order_by(Case(When(slug=value, then=Value(0)), default=Value(1)), "name")
        .values_list("slug", "name")
        .first()
    )


# Characters of PostgreSQL's web search syntax, dropped from the words SQLite matches.
_SEARCH_SYNTAX = str.maketrans("", "", '"()')


def _words(q: str) -> list[str]:
    words = (word.translate(_SEARCH_SYNTAX).lstrip("-") for word in q.split())
    return [word for word in words if word and word.lower() != "or"]


def _search(queryset: QuerySet, q: str, *, rank: bool) -> tuple[QuerySet, bool]:
    """Projects matching ``q`` in their text, their lead organisation's name or their tags;
    the flag says whether they carry a ``search_rank``.

    On PostgreSQL ``q`` is web search (phrases, "or", exclusions) matched against each
    project's stored search document (``ProjectSearchDocument``: title, summary, problem,
    scope, requirements, lead organisation and tags), read through its GIN index and
    ranked on the same stored vector, so nothing is parsed at search time. SQLite matches
    each word anywhere in the title, summary, problem, lead organisation's name and tags,
    without stemming.
    """
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)
        queryset = queryset.filter(search_document__vector=query)
        if rank:
            queryset = queryset.annotate(
                search_rank=SearchRank(F("search_document__vector"), query)
            )
        return queryset, rank
    for word in _words(q):
        tagged = Project.tags.through.objects.filter(tag__name__icontains=word).values("project_id")
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(problem__icontains=word)
            | Q(lead_organisation__name__icontains=word)
            | Q(pk__in=tagged)
        )
    return queryset, False


def _stage_rank():
    return Case(
        *[When(stage=stage, then=Value(rank)) for stage, rank in STAGE_ORDER.items()],
        output_field=IntegerField(),
    )


def project_catalogue(user, filters: CatalogueFilters) -> QuerySet:
    """The projects ``user`` may see that match ``filters``, sorted, ready to paginate or
    export (one query for the rows and one for their tags)."""
    return _sorted(_filtered(user, filters), filters)


def _filtered(user, filters: CatalogueFilters) -> QuerySet:
    """The projects ``user`` may see that pass every filter but the search."""
    projects = Project.objects.visible_to(user)
    if filters.theme:
        projects = projects.filter(theme__slug=filters.theme)
    if filters.stage:
        projects = projects.filter(stage=filters.stage)
    if filters.lead:
        projects = projects.filter(lead_organisation__slug=filters.lead)
    if filters.skill:
        projects = projects.filter(
            pk__in=ResourceRequirement.objects.filter(skill__slug=filters.skill).values(
                "project_id"
            )
        )
    if filters.visibility:
        projects = projects.filter(visibility=filters.visibility)
    return projects


def _sorted(projects: QuerySet, filters: CatalogueFilters) -> QuerySet:
    ranked = False
    if filters.q:
        projects, ranked = _search(projects, filters.q, rank=not filters.sort)
    sort = filters.sort
    if sort == "title":
        order = ["title", "pk"]
    elif sort == "-title":
        order = ["-title", "-pk"]
    elif sort == "stage":
        projects = projects.annotate(stage_rank=_stage_rank())
        order = ["stage_rank", "title", "pk"]
    elif sort == "start":
        order = [F("planned_start").asc(nulls_last=True), "title", "pk"]
    elif sort == "-start":
        order = [F("planned_start").desc(nulls_last=True), "title", "pk"]
    elif sort == "updated":
        order = ["updated_at", "pk"]
    elif sort == "-updated":
        order = ["-updated_at", "-pk"]
    elif ranked:
        order = ["-search_rank", "title", "pk"]
    else:
        order = ["title", "pk"]
    return (
        projects.select_related("theme", "sub_area", "lead_organisation", "project_lead")
        .prefetch_related("tags")
        .order_by(*order)
    )


# Past this many organisations leading projects, the lead organisation filter is a box for
# the organisation's name: a list of thousands is no help to someone choosing from it, and
# it was most of the page (180 kB with 3,000 organisations).
LEAD_OPTIONS_AT_MOST = 200


@dataclass
class CatalogueOptions:
    """The choices a catalogue filter form offers, each a (value, label) pair: records as
    their slug and name. ``lead_organisations`` is None where there are more than
    ``LEAD_OPTIONS_AT_MOST``: the filter then takes a name."""

    themes: list[tuple[str, str]]
    stages: list[tuple[str, str]]
    lead_organisations: list[tuple[str, str]] | None
    skills: list[tuple[str, str]]
    visibilities: list[tuple[str, str]]
    sorts: list[tuple[str, str]] = field(default_factory=lambda: list(SORT_OPTIONS))


def catalogue_page_rows(
    queryset: QuerySet,
    *,
    searched: bool = False,
    user=None,
    filters: CatalogueFilters | None = None,
):
    """The catalogue's rows as the page shows them: only the columns of its table.

    Exports need every column (project lead, tags); the page, shown far more often, does not.
    A search is paged by ``RankedRows``, ranked or not, so that it costs the same queries
    on PostgreSQL (which ranks) and SQLite (which does not). Given the ``user`` and the
    ``filters`` the queryset came from, a search ranked on PostgreSQL ranks the stored
    documents apart from the projects (``RankedRows``).
    """
    if filters is not None and filters.q:
        searched = True
    if not (searched or "search_rank" in queryset.query.annotations):
        return _table_columns(queryset)
    if (
        filters is not None
        and "search_rank" in queryset.query.annotations
        and connection.vendor == "postgresql"
    ):
        return RankedRows(queryset, matching=_filtered(user, filters), q=filters.q)
    return RankedRows(queryset)


def _table_columns(queryset: QuerySet) -> QuerySet:
    return (
        queryset.select_related(None)
        .prefetch_related(None)
        .select_related("theme", "sub_area", "lead_organisation")
        .only(
            "title",
            "slug",
            "visibility",
            "stage",
            "planned_start",
            "planned_end",
            "theme__name",
            "sub_area__name",
            "lead_organisation__name",
        )
    )


class RankedRows(RowsById):
    """A search's matches in order of relevance, as a paginator reads them: ranked on the
    projects' ids alone, all of them at once (so the count is their number, not a second
    search), then the page's rows read with their table's columns by id. Ranking reads
    every match, so the joins the table needs (theme, sub-area, lead organisation) are made
    for the page shown, not for every match. (The same search asked again is a kept page.)

    Given the projects that pass the other filters (``matching``) and the words (``q``), on
    PostgreSQL the ids are read in one statement on the search documents: alone when every
    project is in play (they carry the titles to sort by), else ranked first and joined to
    the projects that pass. Ranked in the same join, as the queryset orders them, each
    document (about a kilobyte) was carried into the join's hash table: for a common word
    that took as long as the ranking. Same order: rank, then title, then id."""

    def __init__(self, queryset: QuerySet, *, matching: QuerySet | None = None, q: str = ""):
        super().__init__(queryset)
        self.matching = matching
        self.q = q

    def ids(self) -> list:
        if self._ids is None and self.matching is not None:
            self._ids = _ranked_ids(self.matching, self.q)
        return super().ids()

    def rows(self, ids: list):
        return _table_columns(Project.objects.filter(pk__in=ids))


def _ranked_ids(matching: QuerySet, q: str) -> list:
    documents = ProjectSearchDocument._meta.db_table
    query = "websearch_to_tsquery(%s::regconfig, %s)"
    words = (SEARCH_CONFIG, q, SEARCH_CONFIG, q)
    if not matching.query.where:
        # Every project is in play (someone signed in, no other filter): the documents
        # alone, ranked and sorted with the titles they carry.
        sql = (
            f"SELECT project_id FROM {documents} WHERE vector @@ {query} "  # noqa: S608
            f"ORDER BY ts_rank(vector, {query}) DESC, title, project_id"
        )
        params = words
    else:
        try:
            projects, params = (
                matching.order_by().values_list("pk", "title").query.sql_with_params()
            )
        except EmptyResultSet:  # a filter that can match nothing, such as ``in []``
            return []
        # OFFSET 0 keeps the ranked documents a query of their own (not merged into the
        # join), so only their ids and ranks reach the join. Every value is a parameter:
        # the text put together is Django's own SQL and names of ours.
        sql = (
            f"SELECT project.id FROM ({projects}) AS project (id, title) "  # noqa: S608
            f"JOIN (SELECT project_id, ts_rank(vector, {query}) AS rank FROM {documents} "
            f"WHERE vector @@ {query} OFFSET 0) AS ranked ON ranked.project_id = project.id "
            "ORDER BY ranked.rank DESC, project.title, project.id"
        )
        params = (*params, *words)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def catalogue_options() -> CatalogueOptions:
    """Themes, stages, organisations that lead projects (up to ``LEAD_OPTIONS_AT_MOST``)
    and active skills (3 queries, kept
    in the shared cache until the data changes: the same for everyone).

    Each option is a plain (slug, name) pair: the filter form needs nothing else. With
    thousands of organisations, whole model instances cost more than the rest of the page,
    and even named rows took ten times as long as plain pairs to read back from the cache.
    """
    return cached("portfolio.catalogue-options", (), _catalogue_options)


def _catalogue_options() -> CatalogueOptions:
    return CatalogueOptions(
        themes=list(Theme.objects.values_list("slug", "name")),
        stages=list(Stage.choices),
        lead_organisations=_lead_options(),
        skills=list(Skill.objects.active().order_by("name").values_list("slug", "name")),
        visibilities=list(Visibility.choices),
    )


def _lead_options() -> list[tuple[str, str]] | None:
    leads = list(
        Organisation.objects.filter(
            pk__in=Project.objects.exclude(lead_organisation=None).values("lead_organisation_id")
        )
        .order_by("name")
        .values_list("slug", "name")[: LEAD_OPTIONS_AT_MOST + 1]
    )
    return None if len(leads) > LEAD_OPTIONS_AT_MOST else leads


EXPORT_HEADERS = [
    Column("Title"),
    Column("Slug"),
    Column("Theme"),
    Column("Sub-area"),
    Column("Stage"),
    Column("Visibility"),
    Column("Lead organisation"),
    Column("Project lead"),
    Column("Sponsor"),
    Column("Planned start", Kind.DATE),
    Column("Planned end", Kind.DATE),
    Column("Estimated cost (£)", Kind.MONEY),
    Column("Tags"),
    Column("Summary"),
    Column("Page", Kind.LINK),
]


def catalogue_export_rows(queryset) -> tuple[list[Column], list[list[Any]]]:
    """Headers and rows of the catalogue's projects for CSV, XLSX and JSON exports.

    Dates stay ``date`` objects and costs ``Decimal`` (spreadsheets keep their types; for
    JSON use Django's ``DjangoJSONEncoder``).
    """
    rows = [
        [
            project.title,
            project.slug,
            project.theme.name,
            project.sub_area.name if project.sub_area else "",
            project.get_stage_display(),
            project.get_visibility_display(),
            project.lead_organisation.name if project.lead_organisation else "",
            project.project_lead.display_name if project.project_lead else "",
            project.sponsor,
            project.planned_start,
            project.planned_end,
            project.estimated_cost,
            ", ".join(tag.name for tag in project.tags.all()),
            project.summary,
            project.get_absolute_url(),
        ]
        for project in queryset
    ]
    return list(EXPORT_HEADERS), rows
