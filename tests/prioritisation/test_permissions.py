"""Who may do what with prioritisation: each role against each action, through the
predicates and through the pages."""

import pytest

from heartbeat.portfolio.models import Stage
from heartbeat.prioritisation import permissions
from heartbeat.prioritisation.models import Criterion, Round, RoundEntry, Score
from tests.conftest import ROLE_FIXTURES
from tests.portfolio.factories import ProjectFactory
from tests.prioritisation.factories import defaults, published_round, scored_round

pytestmark = pytest.mark.django_db

SIGNED_IN = {role: role != "anonymous" for role in ROLE_FIXTURES}
OFFICE = {role: role == "programme_office" for role in ROLE_FIXTURES}


@pytest.fixture
def rounds(programme_office):
    defaults(programme_office)
    ProjectFactory(title="Telecare", stage=Stage.RECRUITING)
    published = published_round(programme_office)
    draft = scored_round(programme_office)
    return published, draft


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_predicates(user_for_role, role, rounds):
    published, draft = rounds
    user = user_for_role(role)
    assert permissions.can_view_ranking(user) is SIGNED_IN[role]
    assert permissions.can_view_round(user, published) is SIGNED_IN[role]
    assert permissions.can_view_round(user, draft) is OFFICE[role]
    for predicate in (
        permissions.can_manage_criteria,
        permissions.can_score,
        permissions.can_open_round,
        permissions.can_publish,
    ):
        assert predicate(user) is OFFICE[role], predicate.__name__


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_pages_answer_each_role(client_for, user_for_role, role, rounds):
    published, draft = rounds
    client = client_for(user_for_role(role))
    entry = RoundEntry.objects.get(round=published)
    draft_entry = RoundEntry.objects.get(round=draft)
    reader = 200 if SIGNED_IN[role] else 302
    office = 200 if OFFICE[role] else (403 if SIGNED_IN[role] else 302)
    expected = {
        "/priorities/": reader,
        "/priorities/what-if/?w-risk=2": reader,
        "/priorities/criteria/": reader,
        "/priorities/rounds/": reader,
        f"/priorities/rounds/{published.number}/": reader,
        f"/priorities/rounds/{published.number}/entries/{entry.pk}/": reader,
        f"/priorities/rounds/{draft.number}/": 200
        if OFFICE[role]
        else (404 if SIGNED_IN[role] else 302),
        f"/priorities/rounds/{draft.number}/entries/{draft_entry.pk}/score/": office,
        f"/priorities/rounds/{draft.number}/publish/": office,
        "/priorities/criteria/new/": office,
        "/priorities/criteria/risk/edit/": office,
    }
    for url, status in expected.items():
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_posting_changes(client_for, user_for_role, role, rounds):
    published, draft = rounds
    client = client_for(user_for_role(role))
    draft_entry = RoundEntry.objects.get(round=draft)
    fit = draft.criteria.get(slug="strategic-fit")
    before = Score.objects.get(entry=draft_entry, criterion=fit).value
    form = {"version": str(draft_entry.version)}
    for rc in draft.criteria.filter(method="scored"):
        form[f"score_{rc.pk}"] = "5" if rc == fit else "3"
        form[f"rationale_{rc.pk}"] = "Why"
    client.post(f"/priorities/rounds/{draft.number}/entries/{draft_entry.pk}/score/", form)
    changed = Score.objects.get(entry=draft_entry, criterion=fit).value != before
    assert changed is OFFICE[role]
    client.post(f"/priorities/rounds/{draft.number}/publish/", {"version": str(draft.version)})
    assert Round.objects.get(pk=draft.pk).is_published is OFFICE[role]
    client.post(
        "/priorities/criteria/new/",
        {
            "name": "Cyber",
            "description": "Cyber risk",
            "weight": "1",
            "direction": "higher_is_better",
            **{f"level_{i}": f"Level {i}" for i in range(1, 6)},
            "active": "on",
        },
    )
    assert Criterion.objects.filter(name="Cyber").exists() is OFFICE[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_a_published_round_is_frozen_for_every_role(client_for, user_for_role, role, rounds):
    published, _draft = rounds
    client = client_for(user_for_role(role))
    entry = RoundEntry.objects.get(round=published)
    fit = published.criteria.get(slug="strategic-fit")
    client.post(
        f"/priorities/rounds/{published.number}/entries/{entry.pk}/score/",
        {"version": str(entry.version), f"score_{fit.pk}": "1", f"rationale_{fit.pk}": "Changed"},
    )
    assert Score.objects.get(entry=entry, criterion=fit).value == 3
