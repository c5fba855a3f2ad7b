"""The programme office's scores of an entry, each with its rationale."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from heartbeat.core.exceptions import Conflict, InvalidInput
from heartbeat.prioritisation.inputs import ScoreInput
from heartbeat.prioritisation.models import (
    MAX_RATIONALE,
    RoundCriterion,
    RoundEntry,
    Score,
)
from heartbeat.prioritisation.services.base import (
    office_only,
    person,
    refuse_published,
)
from heartbeat.work_requests.services import text

# Scores ------------------------------------------------------------------------------------


def _entry_conflict(entry: RoundEntry) -> Conflict:
    return Conflict(
        f"Someone saved the scores of {entry.title} after you opened them. Your scores have not "
        "been saved yet: check theirs, then save again to keep yours.",
        extra={"current_version": entry.version},
    )


def _score_value(value, name: str, field: str) -> int:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidInput(f"Choose a score from 1 to 5 for {name}.", field=field) from None
    if not number.is_finite():
        raise InvalidInput(f"Choose a score from 1 to 5 for {name}.", field=field)
    if number != number.to_integral_value() or not 1 <= number <= 5:
        raise InvalidInput(
            f"Scores run from 1 to 5 in whole numbers: choose one for {name}.",
            code="score_out_of_scale",
            field=field,
        )
    return int(number)


@transaction.atomic
def scores_save(
    *, actor, entry: RoundEntry, scores: list[ScoreInput], expected_version: int | None
) -> RoundEntry:
    """Save the programme office's scores of one entry, each with its rationale.

    A criterion given neither a score nor a rationale stays unscored (a score it had is
    removed); one given a score needs its rationale, and the other way round.
    """
    office_only(actor, "score projects")
    current = RoundEntry.objects.select_for_update().select_related("round").get(pk=entry.pk)
    refuse_published(current.round)
    if expected_version is not None and current.version != expected_version:
        raise _entry_conflict(current)
    criteria = {rc.pk: rc for rc in RoundCriterion.objects.filter(round=current.round)}
    existing = {s.criterion_id: s for s in Score.objects.filter(entry=current)}
    seen = set()
    now = timezone.now()
    for item in scores:
        rc = criteria.get(item.criterion_id)
        if rc is None:
            raise InvalidInput("That criterion is not part of this round.", field="criterion")
        field = f"score_{rc.pk}"
        if rc.pk in seen:
            raise InvalidInput(f"{rc.name} is given twice: give it once.", field=field)
        seen.add(rc.pk)
        if rc.is_computed:
            raise InvalidInput(
                f"{rc.name} is computed by Heartbeat from the programme's records: it is not "
                "typed in.",
                code="computed_criterion",
                field=field,
            )
        rationale = text(
            item.rationale,
            field=f"rationale_{rc.pk}",
            max_length=MAX_RATIONALE,
            missing=None,
            name=f"The rationale for {rc.name}",
        )
        blank_value = item.value is None or str(item.value).strip() == ""
        if blank_value and not rationale:
            if rc.pk in existing:
                existing[rc.pk].delete()
            continue
        if blank_value:
            raise InvalidInput(f"Choose a score from 1 to 5 for {rc.name}.", field=field)
        value = _score_value(item.value, rc.name, field)
        if not rationale:
            raise InvalidInput(
                f"Write the rationale for the score of {rc.name}: members read it beside the "
                "score.",
                code="rationale_missing",
                field=f"rationale_{rc.pk}",
            )
        score = existing.get(rc.pk) or Score(entry=current, criterion=rc)
        if score.pk is None or score.value != value or score.rationale != rationale:
            score.value = value
            score.rationale = rationale
            score.scored_by = person(actor)
            score.scored_at = now
            score.save()
    current.version += 1
    current.save()
    return current
