"""Rounds for tests, made through the services so they are what the office would make."""

from __future__ import annotations

from heartbeat.prioritisation import services
from heartbeat.prioritisation.inputs import ScoreInput
from heartbeat.prioritisation.models import Criterion, Round, RoundCriterion, RoundEntry


def defaults(actor=None) -> list[Criterion]:
    """The default criteria (a data migration adds them; tests that flush the database lose
    them, so make sure)."""
    services.criteria_ensure_defaults(actor=actor)
    return list(Criterion.objects.all())


def typed_criteria(round_: Round) -> list[RoundCriterion]:
    return [rc for rc in RoundCriterion.objects.filter(round=round_) if not rc.is_computed]


def score_entry(office, entry: RoundEntry, values: dict[str, int], rationale: str = "") -> None:
    """Score an entry on its typed criteria by slug (missing slugs get 3)."""
    entry.refresh_from_db()
    services.scores_save(
        actor=office,
        entry=entry,
        scores=[
            ScoreInput(
                criterion_id=rc.pk,
                value=values.get(rc.slug, 3),
                rationale=rationale or f"{rc.name} scored {values.get(rc.slug, 3)} because of X.",
            )
            for rc in typed_criteria(entry.round)
        ],
        expected_version=entry.version,
    )


def scored_round(office, values_by_title: dict[str, dict[str, int]] | None = None) -> Round:
    """Open a round, score every entry (by title, default 3s) and return the draft."""
    round_ = services.round_open(actor=office)
    for entry in RoundEntry.objects.filter(round=round_):
        score_entry(office, entry, (values_by_title or {}).get(entry.title, {}))
    round_.refresh_from_db()
    return round_


def published_round(office, values_by_title=None, summary: str = "") -> Round:
    round_ = scored_round(office, values_by_title)
    return services.round_publish(
        actor=office, round_=round_, expected_version=round_.version, summary=summary
    )
