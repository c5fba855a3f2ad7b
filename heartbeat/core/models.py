from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ScheduledRun(models.Model):
    """One due time of a periodic job that has been queued (see heartbeat.core.schedule).

    The unique (job, due_at) pair is the lock: when several workers find the same job due,
    only the first insert wins, so a job never runs twice for the same slot.
    """

    job = models.CharField(max_length=100)
    due_at = models.DateTimeField()
    enqueued_at = models.DateTimeField()
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(fields=["job", "due_at"], name="scheduledrun_once_per_slot"),
        ]

    def __str__(self):
        return f"{self.job} due {self.due_at:%Y-%m-%d %H:%M}"
