"""Background work: a rebuild of the in-kind years from every pledge.

Not registered as a scheduled job yet (the worker's tests pin the list of jobs); a
deployment that writes pledges other than through their services (an import) runs
``heartbeat rebuild_in_kind`` after it, or registers ``rebuild_job`` in its own app.
"""

import datetime

from django_tasks import task


@task()
def rebuild_in_kind(due_at: str = "") -> int:
    from heartbeat.benefits.inkind import rebuild_all

    return rebuild_all()


def rebuild_job():
    """Once a day: heals in-kind years after any write that bypassed a pledge's save()."""
    from heartbeat.core.schedule import Job

    return Job(
        name="benefits.rebuild_in_kind",
        task="heartbeat.benefits.tasks.rebuild_in_kind",
        interval=datetime.timedelta(days=1),
    )
