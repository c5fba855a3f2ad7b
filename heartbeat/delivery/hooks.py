"""What apps above delivery add to it, registered in their ``AppConfig.ready``.

- ``update_submitted``: listeners ``(*, update, actor)`` called by the update services in
  their transaction after an update is submitted or corrected (``update`` is the submitted
  version; a correction's ``update.corrects`` is the version it replaced). A listener that
  sends email or queues work does it with ``transaction.on_commit``. The engagement app
  registers here to tell a project's followers.
"""

from heartbeat.core.registry import Registry

update_submitted = Registry("heartbeat update submitted")
