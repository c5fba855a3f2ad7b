from django.core.management.base import BaseCommand

from heartbeat.core.schedule import enqueue_due_jobs, scheduled_jobs


class Command(BaseCommand):
    help = (
        "Queue every scheduled job that is due and not yet queued, once (for cron; "
        "`heartbeat worker` does this itself before each batch)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Show the jobs and when they run.")

    def handle(self, *args, **options):
        if options["list"]:
            for job in scheduled_jobs():
                self.stdout.write(f"{job.name}: {job.describe()} ({job.task})")
            return
        queued = enqueue_due_jobs()
        for name in queued:
            self.stdout.write(f"Queued the scheduled job {name}.")
        if not queued:
            self.stdout.write("Nothing was due.")
