"""Background work: the nightly rebuild of the in-kind years from every pledge."""

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
