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

The page that asks a person to confirm a move says what will follow. It calls each of
``transition_notes`` as ``note(*, project, move)``, which returns a list of sentences (or
an empty list): councils can pledge once the project is recruiting, say. A note reads the
database in a fixed number of queries, whatever the size of the project.

When a project is proposed, ``services.project_create`` calls each of
``creation_listeners`` in the same transaction, as ``listener(*, actor, project)`` (the
lead organisation joins the project as its lead participant).

The definition's resource needs are what apps above pledge against. When an edit changes
or removes a need, ``services.project_update`` calls:

- each of ``need_checks`` before the change is written, as
  ``check(*, actor, requirement, after)``: ``requirement`` is the need as it is, ``after``
  the dictionary of its new values, or None when the edit removes it. A check refuses by
  raising an ``ApplicationError`` (a need councils have pledged to, say).
- each of ``need_listeners`` after a changed need is saved, in the same transaction, as
  ``listener(*, actor, requirement, before)``: ``before`` holds the values it had (trim the
  pledges of a need whose period was shortened).
"""

from heartbeat.core.registry import Registry

transition_checks = Registry("project transition checks")
transition_listeners = Registry("project transition listeners")
creation_listeners = Registry("project creation listeners")
transition_notes = Registry("project transition notes")
need_checks = Registry("resource need checks")
need_listeners = Registry("resource need listeners")
