"""Each project's stored search document, kept by PostgreSQL's triggers on every write path.

On PostgreSQL the catalogue searches ``ProjectSearchDocument``; these tests change the text
it is made of in every way the code and the database allow (an ORM save, a queryset update,
a bulk insert, a many-to-many add, a rename elsewhere, a cascade) and search again. On
SQLite no trigger keeps the table, and the catalogue matches the columns themselves: the
table stays empty however the projects change.
"""

import pytest
from django.db import connection
from django.db.models import Value

from heartbeat.portfolio import selectors
from heartbeat.portfolio.models import (
    Project,
    ProjectSearchDocument,
    Requirement,
    ScopeItem,
    Tag,
    Visibility,
)
from heartbeat.portfolio.search import rebuild_search_documents
from tests.factories import OrganisationFactory
from tests.portfolio.factories import ProjectFactory, RequirementFactory, ScopeItemFactory
from tests.querybudget import queries_for

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


def _found(q: str) -> list[str]:
    filters, errors = selectors.parse_catalogue_filters({"q": q, "sort": "title"})
    assert errors == []
    return [project.title for project in selectors.project_catalogue(None, filters)]


def _document(project: Project) -> str:
    row = ProjectSearchDocument.objects.filter(project=project).values_list("vector", flat=True)
    return row.first() or ""


def test_sqlite_keeps_no_documents_and_still_searches():
    if ON_POSTGRESQL:
        project = ProjectFactory(title="Digital telecare")
        assert "'telecar':2A" in _document(project)
        return
    project = ProjectFactory(title="Digital telecare")
    ScopeItemFactory(project=project, text="Alarm receiving centres")
    Project.objects.filter(pk=project.pk).update(title="Analogue to digital telecare")

    assert ProjectSearchDocument.objects.count() == 0
    assert _found("telecare") == ["Analogue to digital telecare"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the triggers are PostgreSQL's")
class TestDocumentFollowsEveryWrite:
    def test_a_new_project_is_found_by_its_title_summary_and_problem(self):
        ProjectFactory(title="Telecare", summary="Digital alarms", problem="Analogue switch-off")

        assert _found("alarms") == ["Telecare"]
        assert _found("switch-off") == ["Telecare"]

    def test_a_bulk_insert_writes_every_document(self):
        template = ProjectFactory(title="Template")
        clones = []
        for title in ["Bookings", "Waste routes", "Library app"]:
            clone = Project(
                title=title,
                slug=title.lower().replace(" ", "-"),
                summary="Shared platform",
                visibility=Visibility.PUBLIC,
                theme=template.theme,
                lead_organisation=template.lead_organisation,
                project_lead=template.project_lead,
                created_by=template.created_by,
            )
            clones.append(clone)
        Project.objects.bulk_create(clones)

        assert _found("platform") == ["Bookings", "Library app", "Waste routes"]
        assert ProjectSearchDocument.objects.count() == 4

    def test_a_queryset_update_replaces_the_old_words(self):
        project = ProjectFactory(title="Paper forms", summary="Scanning")

        Project.objects.filter(pk=project.pk).update(title="Online forms", summary="Portal")

        assert _found("paper") == []
        assert _found("scanning") == []
        assert _found("portal") == ["Online forms"]

    def test_the_document_carries_the_title_through_every_rename(self):
        project = ProjectFactory(title="Paper forms")
        bulk = ProjectFactory(title="Bins")

        project.title = "Online forms"
        project.save()
        Project.objects.filter(pk=bulk.pk).update(title="Waste routes")

        titles = dict(ProjectSearchDocument.objects.values_list("project_id", "title"))
        assert titles == {project.pk: "Online forms", bulk.pk: "Waste routes"}

    def test_a_save_that_leaves_the_text_alone_keeps_the_document(self):
        project = ProjectFactory(title="Telecare")
        before = _document(project)

        project.estimated_cost = 1000
        project.save()

        assert _document(project) == before != ""

    def test_scope_and_requirements_are_in_the_document_until_removed(self):
        project = ProjectFactory(title="Data and intelligence")
        ScopeItem.objects.bulk_create(
            [ScopeItem(project=project, kind="in", text="Benchmarking of council services")]
        )
        requirement = RequirementFactory(project=project, text="Federated calendars")

        assert _found("benchmark") == ["Data and intelligence"]
        assert _found("calendar") == ["Data and intelligence"]

        Requirement.objects.filter(pk=requirement.pk).update(text="Shared mailboxes")
        assert _found("calendar") == []
        assert _found("mailbox") == ["Data and intelligence"]

        ScopeItem.objects.filter(project=project).delete()
        assert _found("benchmark") == []

    def test_tags_added_renamed_and_removed(self):
        project = ProjectFactory(title="CRM")
        tag = Tag.objects.create(name="Customer service", slug="customer-service")

        project.tags.add(tag)
        assert _found("customer") == ["CRM"]

        tag.name = "Contact centre"
        tag.save()
        assert _found("customer") == []
        assert _found("contact centre") == ["CRM"]

        project.tags.remove(tag)
        assert _found("contact") == []

    def test_the_lead_organisation_renamed_or_changed(self):
        fife = OrganisationFactory(name="Fife")
        angus = OrganisationFactory(name="Angus")
        project = ProjectFactory(title="Telecare", lead_organisation=fife)
        assert _found("fife telecare") == ["Telecare"]

        fife.name = "Kingdom of Fife"
        fife.save()
        assert _found("kingdom") == ["Telecare"]

        Project.objects.filter(pk=project.pk).update(lead_organisation=angus)
        assert _found("kingdom") == []
        assert _found("angus telecare") == ["Telecare"]

    def test_deleting_a_project_removes_its_document_with_its_definition(self):
        project = ProjectFactory(title="Telecare")
        ScopeItemFactory(project=project, text="Alarm receiving centres")
        other = ProjectFactory(title="Bookings")

        project.delete()

        assert list(ProjectSearchDocument.objects.values_list("project_id", flat=True)) == [
            other.pk
        ]
        assert _found("alarm") == []

    def test_web_search_syntax_works_across_the_whole_document(self):
        fife = OrganisationFactory(name="Fife")
        ProjectFactory(title="Telecare", lead_organisation=fife)
        ProjectFactory(title="Telecare hubs", summary="Shared alarm receiving")

        assert _found("telecare -fife") == ["Telecare hubs"]
        assert _found('"alarm receiving"') == ["Telecare hubs"]
        assert _found("fife or hubs") == ["Telecare", "Telecare hubs"]


def test_rebuilding_writes_each_document_once():
    projects = [ProjectFactory(title=title) for title in ["Telecare", "Bookings"]]
    ScopeItemFactory(project=projects[0], text="Alarm receiving centres")

    if not ON_POSTGRESQL:
        assert rebuild_search_documents() == 0
        assert ProjectSearchDocument.objects.count() == 0
        return
    ProjectSearchDocument.objects.filter(project=projects[0]).update(vector=None)

    assert rebuild_search_documents() == 2
    assert _found("alarm") == ["Telecare"]
    assert ProjectSearchDocument.objects.count() == 2


def test_a_ranked_search_is_paged_on_ids_then_read_whole():
    from django.core.paginator import Paginator

    for n in range(7):
        ProjectFactory(title=f"Telecare {n}", summary="Alarms" if n % 2 else "Digital alarms")
    # Ranked as the catalogue ranks a search on PostgreSQL; SQLite ranks nothing, so the
    # mechanics are checked with a stand-in rank there.
    projects = Project.objects.annotate(search_rank=Value(1.0)).order_by(
        "-search_rank", "title", "pk"
    )
    if ON_POSTGRESQL:
        filters, _ = selectors.parse_catalogue_filters({"q": "digital alarms"})
        projects = selectors.project_catalogue(None, filters)

    rows = selectors.catalogue_page_rows(projects)
    page = Paginator(rows, 2).page(2)
    expected = list(projects)[2:4]

    assert isinstance(rows, selectors.RankedRows)
    assert [p.title for p in page.object_list] == [p.title for p in expected]
    assert page.paginator.count == len(list(projects))
    assert page.object_list[0].get_deferred_fields() >= {"summary", "problem"}
    # A fresh search: its ranked ids (which give the count too), then one page's rows.
    fresh = selectors.catalogue_page_rows(projects)
    assert queries_for(lambda: (fresh.count(), [p.theme.name for p in fresh[0:5]])) == 2
    # Another page of the same search reads only its rows.
    assert queries_for(lambda: [p.title for p in fresh[2:4]]) == 1


def test_a_search_is_paged_the_same_way_on_either_database():
    for n in range(3):
        ProjectFactory(title=f"Telecare {n}")
    filters, _ = selectors.parse_catalogue_filters({"q": "telecare"})
    projects = selectors.project_catalogue(None, filters)

    rows = selectors.catalogue_page_rows(projects, searched=True)

    assert isinstance(rows, selectors.RankedRows)
    assert sorted(p.title for p in rows[0:25]) == ["Telecare 0", "Telecare 1", "Telecare 2"]
    assert rows.count() == 3


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL ranks; SQLite does not")
@pytest.mark.parametrize("who", ["visitor", "member"])
def test_ranked_apart_the_ids_come_in_the_order_the_catalogue_sorts_them(who, member):
    from heartbeat.portfolio.selectors.catalogue import RankedRows, _ranked_ids

    user = member if who == "member" else None
    telecare = ProjectFactory(title="Telecare", summary="Alarms and telecare").theme
    ProjectFactory(title="Alarm hubs", summary="Telecare alarms", theme=telecare)
    ProjectFactory(title="Bookings", summary="Telecare bookings", visibility=Visibility.PARTNERSHIP)
    ProjectFactory(title="Benefits", summary="Telecare benefits")
    ProjectFactory(title="Waste", summary="Bins")
    for params in (
        {"q": "telecare"},
        {"q": "telecare alarms"},
        {"q": "telecare", "theme": telecare.slug},
    ):
        filters, errors = selectors.parse_catalogue_filters(params)
        assert errors == []
        projects = selectors.project_catalogue(user, filters)

        rows = selectors.catalogue_page_rows(projects, user=user, filters=filters)

        assert isinstance(rows, RankedRows) and rows.matching is not None
        expected = [p.title for p in projects]
        assert [p.title for p in rows[0:25]] == expected
        assert rows.count() == len(expected)
        if params == {"q": "telecare"}:
            assert ("Bookings" in expected) == (who == "member")
            assert len(expected) == 3 + (who == "member")
    assert _ranked_ids(Project.objects.none(), "telecare") == []


def test_a_search_sorted_otherwise_is_not_ranked(member):
    from heartbeat.portfolio.selectors.catalogue import RankedRows

    for title in ["Telecare b", "Telecare a"]:
        ProjectFactory(title=title)
    filters, _ = selectors.parse_catalogue_filters({"q": "telecare", "sort": "-title"})
    projects = selectors.project_catalogue(member, filters)

    rows = selectors.catalogue_page_rows(projects, user=member, filters=filters)

    assert isinstance(rows, RankedRows) and rows.matching is None
    assert [p.title for p in rows[0:25]] == ["Telecare b", "Telecare a"]
