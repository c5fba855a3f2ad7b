"""What apps above portfolio add to a project's lifecycle, registered in their ``ready()``.

portfolio imports none of them. ``services.project_transition`` calls:

- each of ``transition_checks`` before a move is made, as
  ``check(*, actor, project, move, reason, extra)``; a check refuses the move by raising an
  ``ApplicationError`` with a message a person can act on (a gated move without a board's
  decision, say). ``project`` is the locked, current row.
- each of ``transition_listeners`` after the move is recorded, in the same transaction, as
  ``listener(*, actor, transition, extra)`` (end the pledges of a closed project, take
  baselines at approval). A listener that sends email or queues work does it with
  ``transaction.on_commit``, so nothing goes out for a move that is rolled back.

``extra`` is the dictionary of further inputs the caller passed (for example a decision's
id), so an app can ask for more than portfolio knows about without portfolio knowing.
"""

from heartbeat.core.registry import Registry

transition_checks = Registry("project transition checks")
transition_listeners = Registry("project transition listeners")
