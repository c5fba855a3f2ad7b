"""Criteria and rounds through their services: the rules, and the freeze on publishing."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.partnership.models import OrganisationKind
from heartbeat.portfolio.models import Project, Stage
from heartbeat.prioritisation import services
from heartbeat.prioritisation.inputs import CriterionInput, ScoreInput
from heartbeat.prioritisation.models import (
    Criterion,
    Round,
    RoundCriterion,
    RoundEntry,
    RoundFrozen,
    RoundState,
    Score,
)
from heartbeat.recruitment.models import ParticipationStatus
from heartbeat.work_requests.models import State
from tests.factories import OrganisationFactory
from tests.portfolio.factories import (
    AnticipatedProductFactory,
    ExpectedBenefitFactory,
    ProjectFactory,
    RequirementFactory,
    ResourceRequirementFactory,
    ScopeItemFactory,
)
from tests.prioritisation.factories import (
    defaults,
    published_round,
    score_entry,
    typed_criteria,
)
from tests.recruitment.factories import ParticipationFactory, make_pledge
from tests.work_requests.factories import SupportFactory, WorkRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def criteria(programme_office):
    return defaults(programme_office)


def criterion_input(**changes) -> CriterionInput:
    values = {
        "name": "Cyber security",
        "description": "How much the work lowers the partnership's cyber risk.",
        "weight": "1.5",
        "direction": "higher_is_better",
        "levels": ["None", "A little", "Some", "Much", "Essential"],
    }
    values.update(changes)
    return CriterionInput(**values)


# Criteria ------------------------------------------------------------------------------------


def test_the_default_criteria_are_set_up_once(criteria, programme_office):
    names = [c.name for c in criteria]
    assert names == ["Strategic fit", "Benefit value", "Demand", "Readiness", "Effort", "Risk"]
    assert services.criteria_ensure_defaults(actor=programme_office) == []
    effort = Criterion.objects.get(slug="effort")
    assert effort.direction == "higher_is_worse" and effort.weight == 1
    demand = Criterion.objects.get(slug="demand")
    assert demand.is_computed
    assert demand.levels[2] == "5 to 9 councils"


def test_the_office_adds_a_criterion(programme_office, criteria):
    criterion = services.criterion_create(actor=programme_office, data=criterion_input())
    assert criterion.slug == "cyber-security"
    assert criterion.weight == Decimal("1.5")
    assert criterion.levels[4] == "Essential"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"weight": "0"}, "weight", "The weight must be more than 0"),
        ({"weight": "-2"}, "weight", "The weight must be more than 0"),
        ({"weight": "101"}, "weight", "100 or less"),
        ({"weight": "1.234"}, "weight", "two decimal places"),
        ({"weight": "heavy"}, "weight", "Enter the weight as a number"),
        ({"weight": "NaN"}, "weight", "Enter the weight as a number"),
        ({"name": ""}, "name", "Enter the criterion's name."),
        ({"name": "risk"}, "name", "There is already a criterion called risk."),
        ({"name": "Cyber\x00"}, "name", "a null byte"),
        ({"levels": ["a", "b", "", "d", "e"]}, "level_3", "Describe what a score of 3 means."),
        ({"levels": ["a", "b"]}, "level_1", "Describe each of the five levels"),
        ({"direction": "sideways"}, "direction", "better or worse"),
        ({"description": "x" * 1001}, "description", "1,000 characters or fewer"),
    ],
)
def test_bad_criteria_are_refused(programme_office, criteria, changes, field, message):
    with pytest.raises(InvalidInput) as refused:
        services.criterion_create(actor=programme_office, data=criterion_input(**changes))
    assert refused.value.field == field
    assert message in refused.value.message
    assert Criterion.objects.count() == 6


def test_only_the_office_keeps_the_criteria(organisation_lead, criteria):
    with pytest.raises(PermissionDenied):
        services.criterion_create(actor=organisation_lead, data=criterion_input())


def test_a_computed_criterion_keeps_its_direction_and_bands(programme_office, criteria):
    demand = Criterion.objects.get(slug="demand")
    data = criterion_input(name="Demand", direction="higher_is_worse", levels=["x"] * 5)
    with pytest.raises(InvalidInput, match="Demand is computed"):
        services.criterion_update(
            actor=programme_office, criterion=demand, data=data, expected_version=1
        )
    updated = services.criterion_update(
        actor=programme_office,
        criterion=demand,
        data=criterion_input(name="Demand", weight="4", levels=["x"] * 5),
        expected_version=1,
    )
    assert updated.weight == 4
    assert updated.levels[0] == "0 or 1 council"


def test_a_stale_criterion_edit_conflicts(programme_office, criteria):
    risk = Criterion.objects.get(slug="risk")
    data = criterion_input(name="Risk", direction="higher_is_worse")
    services.criterion_update(actor=programme_office, criterion=risk, data=data, expected_version=1)
    with pytest.raises(Conflict):
        services.criterion_update(
            actor=programme_office, criterion=risk, data=data, expected_version=1
        )


# Opening a round -----------------------------------------------------------------------------


def test_a_round_takes_open_projects_and_accepted_requests_without_a_project(
    programme_office, criteria
):
    open_project = ProjectFactory(title="Telecare", stage=Stage.IN_DELIVERY)
    ProjectFactory(title="Closed", stage=Stage.CLOSED)
    ProjectFactory(title="Paused", stage=Stage.PAUSED)
    waiting = WorkRequestFactory(title="Uplifts", state=State.ACCEPTED)
    WorkRequestFactory(title="Linked", state=State.ACCEPTED, project=open_project)
    WorkRequestFactory(title="Submitted")
    round_ = services.round_open(actor=programme_office)
    assert round_.number == 1 and round_.state == RoundState.DRAFT
    assert round_.name.startswith("Round 1, ")
    titles = sorted(RoundEntry.objects.filter(round=round_).values_list("title", flat=True))
    assert titles == ["Telecare", "Uplifts"]
    entry = RoundEntry.objects.get(work_request=waiting)
    assert entry.kind_label == "Accepted request"
    # Demand and readiness are scored already, with their reasons; nothing typed yet.
    scores = Score.objects.filter(entry=entry)
    assert {s.criterion.slug: s.value for s in scores} == {"demand": 1, "readiness": 1}
    assert all(s.computed and s.rationale for s in scores)


def test_one_draft_at_a_time(programme_office, criteria):
    services.round_open(actor=programme_office)
    with pytest.raises(ApplicationError) as refused:
        services.round_open(actor=programme_office)
    assert refused.value.code == "draft_open"


def test_the_database_keeps_one_draft(criteria):
    Round.objects.create(number=1, name="One")
    with pytest.raises(IntegrityError), transaction.atomic():
        Round.objects.create(number=2, name="Two")


# Demand and readiness --------------------------------------------------------------------


def test_demand_counts_each_council_once(programme_office, criteria):
    project = ProjectFactory(title="Telecare", stage=Stage.RECRUITING)
    councils = [OrganisationFactory() for _ in range(6)]
    partner = OrganisationFactory(kind=OrganisationKind.PARTNER)
    for council in councils[:3]:
        ParticipationFactory(project=project, organisation=council)
    ParticipationFactory(
        project=project,
        organisation=councils[3],
        status=ParticipationStatus.WITHDRAWN,
        reason="Budget",
    )
    ParticipationFactory(project=project, organisation=partner)  # not a council
    request = WorkRequestFactory(
        organisation=councils[0], state=State.ACCEPTED, project=project
    )  # already counted
    SupportFactory(work_request=request, organisation=councils[4])
    SupportFactory(work_request=request, organisation=councils[5])
    round_ = services.round_open(actor=programme_office)
    score = Score.objects.get(entry__round=round_, criterion__slug="demand")
    # Three participating councils, and two more supporting its request: 5, band 5 to 9.
    assert score.value == 3
    assert score.rationale == (
        "5 councils take part in the project or raised or support its requests: in the band "
        "5 to 9 councils, which scores 3."
    )


def test_readiness_from_the_definition_and_staffing(programme_office, criteria, council):
    project = ProjectFactory(title="Telecare", stage=Stage.RECRUITING)
    for factory in (
        ScopeItemFactory,
        RequirementFactory,
        AnticipatedProductFactory,
        ExpectedBenefitFactory,
    ):
        factory(project=project)
    # 1 person x 4 days, April to September 2026: 24 days; 12 pledged (2 a month).
    requirement = ResourceRequirementFactory(project=project, people=1, days_per_month=Decimal(4))
    make_pledge(requirement, council, programme_office, days_per_month=Decimal(2))
    round_ = services.round_open(actor=programme_office)
    score = Score.objects.get(entry__round=round_, criterion__slug="readiness")
    # Definition 7 of 7 (the factory gives a lead organisation and project lead): 50;
    # staffing 12 of 24 days: 25. Readiness 75%: 4.
    assert score.value == 4
    assert score.rationale == (
        "Definition 7 of 7 items complete (100%); staffing 12 of 24 required days pledged "
        "(50%). Readiness 75%: in the band 60% to under 80% ready, which scores 4."
    )


# Scoring -----------------------------------------------------------------------------------


@pytest.fixture
def draft(programme_office, criteria):
    ProjectFactory(title="Telecare", stage=Stage.IN_DELIVERY)
    return services.round_open(actor=programme_office)


def _entry(draft):
    return RoundEntry.objects.get(round=draft)


def _criterion(draft, slug):
    return RoundCriterion.objects.get(round=draft, slug=slug)


@pytest.mark.parametrize(
    ("value", "rationale", "field", "message"),
    [
        (6, "Too good", "score", "Scores run from 1 to 5 in whole numbers"),
        (0, "Too bad", "score", "Scores run from 1 to 5"),
        ("3.5", "Half", "score", "Scores run from 1 to 5"),
        ("high", "Words", "score", "Choose a score from 1 to 5 for Strategic fit."),
        (4, "", "rationale", "Write the rationale for the score of Strategic fit"),
        (4, "   ", "rationale", "Write the rationale"),
        (None, "A reason without a score", "score", "Choose a score from 1 to 5"),
        (4, "x" * 2001, "rationale", "2,000 characters or fewer"),
    ],
)
def test_bad_scores_are_refused(programme_office, draft, value, rationale, field, message):
    entry = _entry(draft)
    fit = _criterion(draft, "strategic-fit")
    with pytest.raises(InvalidInput) as refused:
        services.scores_save(
            actor=programme_office,
            entry=entry,
            scores=[ScoreInput(criterion_id=fit.pk, value=value, rationale=rationale)],
            expected_version=entry.version,
        )
    assert refused.value.field == f"{field}_{fit.pk}"
    assert message in refused.value.message
    assert not Score.objects.filter(criterion=fit).exists()


def test_computed_criteria_are_not_typed(programme_office, draft):
    entry = _entry(draft)
    demand = _criterion(draft, "demand")
    with pytest.raises(InvalidInput) as refused:
        services.scores_save(
            actor=programme_office,
            entry=entry,
            scores=[ScoreInput(criterion_id=demand.pk, value=5, rationale="Everyone wants it")],
            expected_version=entry.version,
        )
    assert refused.value.code == "computed_criterion"


def test_scores_save_and_clear(programme_office, draft):
    entry = _entry(draft)
    fit = _criterion(draft, "strategic-fit")
    services.scores_save(
        actor=programme_office,
        entry=entry,
        scores=[ScoreInput(criterion_id=fit.pk, value=4, rationale="Delivers the care aim.")],
        expected_version=1,
    )
    score = Score.objects.get(criterion=fit)
    assert (score.value, score.rationale, score.scored_by) == (
        4,
        "Delivers the care aim.",
        programme_office,
    )
    services.scores_save(
        actor=programme_office,
        entry=entry,
        scores=[ScoreInput(criterion_id=fit.pk, value=None, rationale="")],
        expected_version=2,
    )
    assert not Score.objects.filter(criterion=fit).exists()


def test_a_stale_scoring_conflicts(programme_office, draft):
    entry = _entry(draft)
    score_entry(programme_office, entry, {})
    with pytest.raises(Conflict):
        services.scores_save(actor=programme_office, entry=entry, scores=[], expected_version=1)


def test_only_the_office_scores(organisation_lead, draft):
    with pytest.raises(PermissionDenied):
        services.scores_save(
            actor=organisation_lead, entry=_entry(draft), scores=[], expected_version=1
        )


# Publishing and the freeze -----------------------------------------------------------------


def test_publishing_needs_every_score(programme_office, draft):
    with pytest.raises(ApplicationError) as refused:
        services.round_publish(actor=programme_office, round_=draft, expected_version=1)
    assert refused.value.code == "round_not_fully_scored"
    assert "1 entry still needs a score on every criterion" in refused.value.message
    assert "Telecare" in refused.value.message


def test_publishing_ranks_by_the_method(programme_office, criteria):
    for title in ("Alpha", "Bravo", "Charlie"):
        ProjectFactory(title=title, stage=Stage.RECRUITING)
    round_ = published_round(
        programme_office,
        {
            "Alpha": {"strategic-fit": 2, "benefit-value": 2, "effort": 3, "risk": 3},
            "Bravo": {"strategic-fit": 5, "benefit-value": 5, "effort": 1, "risk": 1},
            "Charlie": {"strategic-fit": 3, "benefit-value": 4, "effort": 2, "risk": 2},
        },
        summary="The first published round.",
    )
    assert round_.state == RoundState.PUBLISHED
    assert round_.published_by == programme_office
    assert round_.ranked_count == 3
    entries = {e.title: e for e in RoundEntry.objects.filter(round=round_)}
    # Demand 1 and readiness 1 for all (no councils, no definition): shares 0.
    # Bravo: 3(1) + 3(1) + 0 + 0 + 1(1) + 1(1) = 8; 100 x 8 / 12 = 66.6667.
    assert entries["Bravo"].weighted_score == Decimal("66.6667")
    assert entries["Bravo"].rank == 1
    # Charlie: 3(0.5) + 3(0.75) + 1(0.75) + 1(0.75) = 5.25; 100 x 5.25 / 12 = 43.75.
    assert entries["Charlie"].weighted_score == Decimal("43.7500")
    # Alpha: 3(0.25) + 3(0.25) + 0.5 + 0.5 = 2.5; 100 x 2.5 / 12 = 20.8333.
    assert entries["Alpha"].weighted_score == Decimal("20.8333")
    assert [entries[t].rank for t in ("Bravo", "Charlie", "Alpha")] == [1, 2, 3]


def test_a_published_round_is_frozen_on_every_path(programme_office, draft):
    score_entry(programme_office, _entry(draft), {"strategic-fit": 4})
    round_ = services.round_publish(actor=programme_office, round_=draft, expected_version=1)
    entry = _entry(round_)
    fit = _criterion(round_, "strategic-fit")
    score = Score.objects.get(criterion=fit)
    # The services refuse.
    with pytest.raises(RoundFrozen):
        services.scores_save(
            actor=programme_office,
            entry=entry,
            scores=[ScoreInput(criterion_id=fit.pk, value=1, rationale="Changed")],
            expected_version=entry.version,
        )
    for call in (
        lambda: services.round_refresh(actor=programme_office, round_=round_),
        lambda: services.round_discard(actor=programme_office, round_=round_),
        lambda: services.round_publish(
            actor=programme_office, round_=round_, expected_version=None
        ),
    ):
        with pytest.raises(RoundFrozen):
            call()
    # The models refuse (the admin and any script go through them).
    score.value = 1
    with pytest.raises(RoundFrozen):
        score.save()
    with pytest.raises(RoundFrozen):
        Score.objects.filter(pk=score.pk).update(value=1)
    with pytest.raises(RoundFrozen):
        RoundCriterion.objects.filter(pk=fit.pk).update(weight=9)
    with pytest.raises(RoundFrozen):
        RoundEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(RoundFrozen):
        round_.delete()
    # The database refuses SQL that goes round the models.
    for sql, pk in (
        ("UPDATE prioritisation_score SET value = 1 WHERE id = %s", score.pk),
        ("UPDATE prioritisation_score SET rationale = 'x' WHERE id = %s", score.pk),
        ("UPDATE prioritisation_roundcriterion SET weight = 9 WHERE id = %s", fit.pk),
        ("UPDATE prioritisation_roundentry SET rank = 7 WHERE id = %s", entry.pk),
        ("UPDATE prioritisation_round SET state = 'draft' WHERE id = %s", round_.pk),
    ):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [pk])
    score.refresh_from_db()
    assert score.value == 4


def test_changes_after_publishing_open_a_new_round_from_the_published_scores(
    programme_office, criteria
):
    ProjectFactory(title="Telecare", stage=Stage.IN_DELIVERY)
    ProjectFactory(title="Uplifts", stage=Stage.PROPOSED)
    first = published_round(
        programme_office,
        {
            "Telecare": {"strategic-fit": 5, "benefit-value": 5},
            "Uplifts": {"strategic-fit": 2, "benefit-value": 2},
        },
    )
    second = services.round_open(actor=programme_office)
    assert second.number == 2
    uplifts = RoundEntry.objects.get(round=second, title="Uplifts")
    carried = {s.criterion.slug: s.value for s in Score.objects.filter(entry=uplifts)}
    assert carried["strategic-fit"] == 2 and carried["benefit-value"] == 2
    score_entry(
        programme_office, uplifts, {"strategic-fit": 5, "benefit-value": 5, "effort": 1, "risk": 1}
    )
    second.refresh_from_db()
    second = services.round_publish(
        actor=programme_office, round_=second, expected_version=second.version
    )
    moved = RoundEntry.objects.get(round=second, title="Uplifts")
    assert (moved.previous_rank, moved.rank) == (2, 1)
    assert moved.movement == (
        "Up 1 place (from 2nd): Strategic fit 2 to 5; Benefit value 2 to 5; Effort 3 to 1; "
        "Risk 3 to 1."
    )
    other = RoundEntry.objects.get(round=second, title="Telecare")
    assert other.movement == (
        "Down 1 place (from 1st): its own scores did not change; others' scores changed, or "
        "entries joined or left the ranking."
    )
    # The first round is as it was.
    assert RoundEntry.objects.get(round=first, title="Uplifts").rank == 2


def test_projects_that_leave_are_listed_with_why(programme_office, criteria):
    closing = ProjectFactory(title="Telecare", stage=Stage.IN_DELIVERY)
    ProjectFactory(title="Uplifts", stage=Stage.PROPOSED)
    published_round(programme_office)
    closing.stage = Stage.CLOSED
    closing.save()
    second = published_round(programme_office)
    # Equal scores: Telecare was first on its title (both proposed the same day).
    assert second.departures == [
        {"title": "Telecare", "previous_rank": 1, "reason": "The project is closed."}
    ]
    assert RoundEntry.objects.get(round=second).movement == (
        "Up 1 place (from 2nd): its own scores did not change; others' scores changed, or "
        "entries joined or left the ranking."
    )


def test_refreshing_a_draft_follows_the_programme(programme_office, draft):
    ProjectFactory(title="Uplifts", stage=Stage.PROPOSED)
    Project.objects.filter(title="Telecare").update(stage=Stage.CANCELLED)
    services.criterion_update(
        actor=programme_office,
        criterion=Criterion.objects.get(slug="risk"),
        data=criterion_input(name="Risk", weight="2", direction="higher_is_worse"),
        expected_version=1,
    )
    assert _criterion(draft, "risk").weight == 2  # a draft follows the criteria at once
    services.round_refresh(actor=programme_office, round_=draft)
    assert list(RoundEntry.objects.filter(round=draft).values_list("title", flat=True)) == [
        "Uplifts"
    ]


def test_a_switched_off_criterion_leaves_the_draft(programme_office, draft):
    services.criterion_update(
        actor=programme_office,
        criterion=Criterion.objects.get(slug="effort"),
        data=criterion_input(name="Effort", direction="higher_is_worse", active=False),
        expected_version=1,
    )
    assert "effort" not in [rc.slug for rc in typed_criteria(draft)]


def test_a_draft_is_discarded(programme_office, draft):
    services.round_discard(actor=programme_office, round_=draft)
    assert not Round.objects.exists()
