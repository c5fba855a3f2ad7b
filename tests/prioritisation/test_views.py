"""Prioritisation pages as members and the programme office meet them."""

import csv
import io

import pytest

from heartbeat.portfolio.models import Stage
from heartbeat.prioritisation.models import Criterion, Round, RoundEntry, RoundState, Score
from tests.portfolio.factories import ProjectFactory
from tests.prioritisation.factories import defaults, published_round, scored_round

pytestmark = pytest.mark.django_db

VALUES = {
    "Telecare": {"strategic-fit": 4, "benefit-value": 5, "effort": 4, "risk": 2},
    "Uplifts": {"strategic-fit": 3, "benefit-value": 3, "effort": 2, "risk": 2},
    "Permits": {"strategic-fit": 2, "benefit-value": 2, "effort": 3, "risk": 4},
}


@pytest.fixture
def projects(db):
    return {title: ProjectFactory(title=title, stage=Stage.RECRUITING) for title in VALUES}


@pytest.fixture
def two_rounds(programme_office, projects):
    defaults(programme_office)
    first = published_round(programme_office, VALUES)
    later = {**VALUES, "Permits": {"strategic-fit": 5, "benefit-value": 5, "effort": 1, "risk": 1}}
    second = published_round(programme_office, later, summary="Permits is now a national priority.")
    return first, second


def test_the_ranking_explains_the_method_and_shows_every_score(client_for, member, two_rounds):
    page = client_for(member).get("/priorities/").content.decode()
    assert "How the ranking works" in page
    assert "weighted score = 100 × (sum of weight × share) ÷ (sum of the weights)" in page
    assert "When two weighted scores are exactly equal" in page
    # Every criterion with its weight and levels.
    assert "5 to 9 councils" in page and "Under 50 days of work" in page
    # Permits rose to first: the worked example is its working.
    assert "A worked example: Permits" in page
    assert "Permits is now a national priority." in page
    assert "Strategic fit 2 to 5" in page
    assert '<span class="hb-up">Up 2</span>' in page
    # Reasons are on the page for members.
    assert "Strategic fit scored 5 because of X." in page


def test_the_worked_example_adds_up(client_for, member, programme_office, projects):
    defaults(programme_office)
    published_round(programme_office, VALUES)
    page = client_for(member).get("/priorities/").content.decode()
    # Telecare: fit 4, benefit 5, demand 1, readiness 1 (no records), effort 4, risk 2.
    # Weighted: 3(0.75) + 3(1) + 0 + 0 + 1(0.25) + 1(0.75) = 6.25; 100 x 6.25 / 12 = 52.1.
    assert "A worked example: Telecare" in page
    assert "(5 − 4) ÷ 4 = 0.25" in page
    assert "100 × 6.25 ÷ 12 = 52.1" in page


def test_the_ranking_is_for_signed_in_members(client_for, two_rounds):
    response = client_for(None).get("/priorities/")
    assert response.status_code == 302


def test_no_ranking_yet(client_for, member, programme_office):
    defaults()
    page = client_for(member).get("/priorities/").content.decode()
    assert "No scoring round has been published yet." in page
    assert "Open or continue a scoring round" not in page
    office = client_for(programme_office).get("/priorities/").content.decode()
    assert "Open or continue a scoring round" in office


def test_the_ranking_exports(client_for, member, two_rounds):
    response = client_for(member).get("/priorities/?format=csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:4] == ["Rank", "Title", "Kind", "Weighted score (0 to 100)"]
    assert rows[1][1] == "Permits"
    assert rows[1][-1].startswith("Up 2 places (from 3rd)")
    assert len(rows) == 4


def test_what_if_works_as_a_plain_form(client_for, member, two_rounds):
    client = client_for(member)
    same = client.get("/priorities/what-if/").content.decode()
    assert "The top ten would not change." in same
    # Weigh effort heavily: the least effort (Permits 1, Uplifts 2) rises.
    page = client.get("/priorities/what-if/?w-effort=50&w-risk=1").content.decode()
    assert 'value="50"' in page
    table = page[page.index('id="what-if-table"') :]
    assert table.index("Permits") < table.index("Uplifts") < table.index("Telecare")
    assert '<span class="hb-up">Up 1</span>' in page
    # Nothing was saved.
    assert Criterion.objects.get(slug="effort").weight == 1
    second = Round.objects.get(number=2)
    assert list(
        RoundEntry.objects.filter(round=second).order_by("rank").values_list("title", flat=True)
    ) == ["Permits", "Telecare", "Uplifts"]


def test_what_if_with_htmx_returns_the_answer_alone(client_for, member, two_rounds):
    response = client_for(member).get("/priorities/what-if/?w-effort=50", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="what-if-result" aria-live="polite">')
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("0", "The weight must be more than 0"),
        ("-3", "The weight must be more than 0"),
        ("abc", "Enter the weight as a number"),
        ("1000", "The weight must be 100 or less."),
        ("1.234", "Give the weight to two decimal places"),
    ],
)
def test_what_if_refuses_bad_weights(client_for, member, two_rounds, weight, message):
    client = client_for(member)
    response = client.get(f"/priorities/what-if/?w-risk={weight}")
    page = response.content.decode()
    assert response.status_code == 422
    assert "These weights cannot be used" in page
    assert f'<a href="#w-risk">Risk: {message}' in page
    assert 'id="what-if-table"' not in page
    htmx = client.get(f"/priorities/what-if/?w-risk={weight}", HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200  # so htmx shows the errors in place
    assert "These weights cannot be used" in htmx.content.decode()


def test_an_entry_page_shows_the_working(client_for, member, two_rounds):
    second = two_rounds[1]
    entry = RoundEntry.objects.get(round=second, title="Telecare")
    page = client_for(member).get(f"/priorities/rounds/2/entries/{entry.pk}/").content.decode()
    assert "100 × 6.25 ÷ 12 = 52.1" in page
    assert "Directly delivers one of the strategy&#39;s aims" in page  # what a 4 means


def test_the_project_page_shows_its_rank_history(client_for, member, two_rounds, projects):
    page = client_for(member).get(projects["Permits"].get_absolute_url()).content.decode()
    assert "Priority ranking" in page
    history = page[page.index('id="rank-history-table"') :]
    assert "1 of 3" in history and "3 of 3" in history
    anonymous = client_for(None).get(projects["Permits"].get_absolute_url()).content.decode()
    assert "Priority ranking" not in anonymous


# The programme office's pages ----------------------------------------------------------------


def test_a_draft_is_for_the_office_only(client_for, member, programme_office, projects):
    defaults(programme_office)
    round_ = scored_round(programme_office)
    assert client_for(member).get(f"/priorities/rounds/{round_.number}/").status_code == 404
    page = client_for(programme_office).get(f"/priorities/rounds/{round_.number}/").content
    assert "3 of 3" in page.decode()


def test_scoring_through_the_form(client_for, programme_office, projects):
    defaults(programme_office)
    client = client_for(programme_office)
    response = client.post("/priorities/rounds/new/", {"name": ""})
    round_ = Round.objects.get()
    assert response["Location"] == f"/priorities/rounds/{round_.number}/"
    entry = RoundEntry.objects.get(round=round_, title="Telecare")
    url = f"/priorities/rounds/{round_.number}/entries/{entry.pk}/score/"
    form = client.get(url).content.decode()
    assert "1: No clear link to the strategy&#39;s aims" in form
    fit = round_.criteria.get(slug="strategic-fit")
    bad = client.post(url, {"version": "1", f"score_{fit.pk}": "4", f"rationale_{fit.pk}": ""})
    assert bad.status_code == 422
    assert (
        f'<a href="#id_rationale_{fit.pk}">Write the rationale for the score of Strategic fit'
        in (bad.content.decode())
    )
    off_scale = client.post(
        url, {"version": "1", f"score_{fit.pk}": "9", f"rationale_{fit.pk}": "x"}
    )
    assert off_scale.status_code == 422
    assert "Scores run from 1 to 5" in off_scale.content.decode()
    ok = client.post(
        url, {"version": "1", f"score_{fit.pk}": "4", f"rationale_{fit.pk}": "Care at home."}
    )
    assert ok.status_code == 302
    assert Score.objects.get(entry=entry, criterion=fit).rationale == "Care at home."
    stale = client.post(url, {"version": "1", f"score_{fit.pk}": "2", f"rationale_{fit.pk}": "x"})
    assert stale.status_code == 409
    assert Score.objects.get(entry=entry, criterion=fit).value == 4


def test_publishing_from_the_page(client_for, programme_office, projects):
    defaults(programme_office)
    round_ = scored_round(programme_office)
    client = client_for(programme_office)
    url = f"/priorities/rounds/{round_.number}/publish/"
    assert "3 of 3" in client.get(url).content.decode()
    response = client.post(url, {"version": str(round_.version), "summary": "First round."})
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.state == RoundState.PUBLISHED
    again = client.get(f"/priorities/rounds/{round_.number}/").content.decode()
    assert "First round." in again


def test_publishing_an_unscored_round_says_what_is_missing(client_for, programme_office, projects):
    defaults(programme_office)
    client = client_for(programme_office)
    client.post("/priorities/rounds/new/", {})
    round_ = Round.objects.get()
    response = client.post(f"/priorities/rounds/{round_.number}/publish/", {"version": "1"})
    assert response.status_code == 409
    assert "3 entries still need a score on every criterion" in response.content.decode()


def test_criteria_pages(client_for, programme_office, member):
    defaults(programme_office)
    client = client_for(programme_office)
    page = client.get("/priorities/criteria/").content.decode()
    assert "Add a criterion" in page
    bad = client.post(
        "/priorities/criteria/new/",
        {
            "name": "Cyber",
            "description": "Cyber risk",
            "weight": "0",
            "direction": "higher_is_better",
        },
    )
    assert bad.status_code == 422
    assert "The weight must be more than 0" in bad.content.decode()
    demand = Criterion.objects.get(slug="demand")
    edit = client.post(
        "/priorities/criteria/demand/edit/",
        {
            "name": "Demand",
            "description": demand.description,
            "weight": "2.5",
            "order": "30",
            "active": "on",
            "version": "1",
        },
    )
    assert edit.status_code == 302
    demand.refresh_from_db()
    assert demand.weight == 2.5 and demand.direction == "higher_is_better"
    member_page = client_for(member).get("/priorities/criteria/").content.decode()
    assert "Add a criterion" not in member_page
    assert client_for(member).get("/priorities/criteria/new/").status_code == 403
