"""Writes to prioritisation: the criteria, and rounds from opening to publishing.

Only the programme office acts here (``actor=None`` is Heartbeat itself: the demo loader and
the data generator). Every function runs in a transaction; a published round refuses every
change. The services live in the modules of this package; import them from here.
"""

from heartbeat.prioritisation.services.criteria import (
    criteria_ensure_defaults,
    criterion_create,
    criterion_update,
)
from heartbeat.prioritisation.services.publishing import movement_text, round_publish, specs
from heartbeat.prioritisation.services.rounds import (
    round_criterion_from,
    round_discard,
    round_open,
    round_refresh,
)
from heartbeat.prioritisation.services.scores import scores_save

__all__ = [
    "criteria_ensure_defaults",
    "criterion_create",
    "criterion_update",
    "movement_text",
    "round_criterion_from",
    "round_discard",
    "round_open",
    "round_publish",
    "round_refresh",
    "scores_save",
    "specs",
]
