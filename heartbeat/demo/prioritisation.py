"""Load the demo's scoring rounds (see ``heartbeat.demo.loader`` and its data in
``heartbeat.demo.data.prioritisation``).

Everything goes through the services as the programme office: the default criteria, Round 1
over the projects proposed by June 2026, the Strategy Board's new weight for readiness, and
Round 2 over everything open now, starting from Round 1's scores with the office's changes.
Demand and readiness are worked out from the demo's records.

Idempotent: when any round exists, the rounds are left as they are.
"""

from __future__ import annotations

from heartbeat.core.exceptions import ApplicationError
from heartbeat.demo.data import prioritisation as data
from heartbeat.demo.portfolio import event_time
from heartbeat.demo.skills import programme_office_user
from heartbeat.prioritisation import services
from heartbeat.prioritisation.inputs import CriterionInput, ScoreInput
from heartbeat.prioritisation.models import Criterion, Round, RoundCriterion, RoundEntry


def _key(entry: RoundEntry) -> str:
    return entry.project.slug if entry.project_id else entry.work_request.title


def _score(office, round_: Round, scores: dict[str, dict[str, tuple[int, str]]]) -> None:
    criteria = {rc.slug: rc for rc in RoundCriterion.objects.filter(round=round_)}
    for entry in RoundEntry.objects.filter(round=round_).select_related("project", "work_request"):
        given = scores.get(_key(entry))
        if given is None:
            raise ApplicationError(f"The demo has no scores for {entry.title}.")
        services.scores_save(
            actor=office,
            entry=entry,
            scores=[
                ScoreInput(criterion_id=criteria[slug].pk, value=value, rationale=reason)
                for slug, (value, reason) in given.items()
            ],
            expected_version=None,
        )


def _round_2_scores() -> dict:
    scores = {key: dict(values) for key, values in data.SCORES.items()}
    for key, changes in data.ROUND_2_CHANGES.items():
        scores[key].update(changes)
    return scores


def load(context) -> None:
    office = programme_office_user()
    if office is None:
        raise ApplicationError(
            "The demo's rounds are scored by the programme office: load the partnership's "
            "demo data first."
        )
    services.criteria_ensure_defaults(actor=office)
    if Round.objects.exists():
        context.summary.append(f"Prioritisation: {Round.objects.count()} rounds already there.")
        return

    first = services.round_open(actor=office, name=data.ROUND_1["name"])
    later = RoundEntry.objects.filter(round=first).exclude(project__slug__in=data.ROUND_1_ENTRIES)
    later.delete()  # proposed after June: not in Round 1
    _score(office, first, data.SCORES)
    first.refresh_from_db()
    services.round_publish(
        actor=office,
        round_=first,
        expected_version=first.version,
        summary=data.ROUND_1["summary"],
        published_at=event_time(data.ROUND_1["published_on"]),
    )

    readiness = Criterion.objects.get(slug="readiness")
    services.criterion_update(
        actor=office,
        criterion=readiness,
        data=CriterionInput(
            name=readiness.name,
            description=readiness.description,
            weight=data.READINESS_WEIGHT_FROM_ROUND_2,
            direction=readiness.direction,
            levels=readiness.levels,
            order=readiness.order,
            active=True,
        ),
        expected_version=readiness.version,
    )
    second = services.round_open(actor=office, name=data.ROUND_2["name"])
    _score(office, second, _round_2_scores())
    second.refresh_from_db()
    services.round_publish(
        actor=office,
        round_=second,
        expected_version=second.version,
        summary=data.ROUND_2["summary"],
        published_at=event_time(data.ROUND_2["published_on"]),
    )
    context.summary.append(
        f"Prioritisation: {first.name} ranked {RoundEntry.objects.filter(round=first).count()} "
        f"projects, {second.name} {RoundEntry.objects.filter(round=second).count()}."
    )
