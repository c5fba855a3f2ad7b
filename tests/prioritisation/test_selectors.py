"""Prioritisation pages cost the same number of queries at 3 entries as at 30."""

import pytest

from heartbeat.core import registry
from heartbeat.portfolio.models import Project, Stage
from heartbeat.prioritisation import sections
from heartbeat.prioritisation.models import Round, RoundEntry, unfrozen
from tests.portfolio.factories import ProjectFactory
from tests.prioritisation.factories import defaults, published_round, scored_round
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(programme_office):
    defaults(programme_office)
    return programme_office


def _published(office, rounds=2):
    def make(n):
        for i in range(Project.objects.count(), n):
            ProjectFactory(title=f"Project {i:03d}", stage=Stage.RECRUITING)
        with unfrozen():
            Round.objects.all().delete()
        for _ in range(rounds):
            published_round(office)

    return make


def test_the_ranking_page(client_for, member, office):
    client = client_for(member)
    assert_same_queries(_published(office), lambda: client.get("/priorities/"), budget=16)


def test_the_what_if(client_for, member, office):
    client = client_for(member)
    assert_same_queries(
        _published(office), lambda: client.get("/priorities/what-if/?w-effort=9"), budget=14
    )


def test_the_ranking_export(client_for, member, office):
    client = client_for(member)
    assert_same_queries(
        _published(office), lambda: client.get("/priorities/?format=xlsx"), budget=10
    )


def test_an_entry_page(client_for, member, office):
    client = client_for(member)

    def run():
        entry = RoundEntry.objects.filter(
            round__number=Round.objects.latest("number").number
        ).first()
        return client.get(f"/priorities/rounds/{entry.round.number}/entries/{entry.pk}/")

    assert_same_queries(_published(office), run, budget=14)


def test_a_project_page_with_its_rank_history(client_for, member, office):
    project = ProjectFactory(title="Aardvark", stage=Stage.RECRUITING)
    client = client_for(member)
    rounds = []

    def make(n):
        while len(rounds) < n:
            rounds.append(published_round(office))

    # The project page with this app's section only: the page's own parts and other apps'
    # sections have budgets of their own (tests/portfolio/test_views.py).
    with registry.project_sections.replaced({"priority": sections.rank_history}):
        assert_same_queries(
            make, lambda: client.get(project.get_absolute_url()), sizes=(2, 6), budget=20
        )


def test_a_draft_round_page(client_for, office):
    client = client_for(office)

    def make(n):
        for i in range(Project.objects.count(), n):
            ProjectFactory(title=f"Project {i:03d}", stage=Stage.RECRUITING)
        Round.objects.filter(state="draft").delete()
        scored_round(office)

    assert_same_queries(make, lambda: client.get("/priorities/rounds/1/"), budget=14)
