import logging
import time

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from heartbeat.core.schedule import enqueue_due_jobs


class Command(BaseCommand):
    help = (
        "Run background tasks (reminders, digests, notification emails) from the database "
        "queue, queueing scheduled jobs when they fall due."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument(
            "--batch", action="store_true", help="Queue due jobs, run what is queued, then stop."
        )
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Do not queue scheduled jobs (when another worker or cron does).",
        )

    def handle(self, *args, **options):
        if options["verbosity"] >= 2:
            for name in ("django_tasks", "django_tasks_db"):
                logging.getLogger(name).setLevel(logging.INFO)
        worker = Worker(
            queue_names=options["queue_name"].split(","),
            interval=0,
            batch=True,  # each pass runs what is ready, then returns to check the schedule
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if not options["batch"]:
            # Ctrl+C or SIGTERM lets a running task finish, then stops.
            worker.configure_signals()
        while worker.running:
            if not options["no_schedule"]:
                for name in enqueue_due_jobs():
                    self.stdout.write(f"Queued the scheduled job {name}.")
            worker.run()
            if options["batch"] or not worker.running:
                return
            time.sleep(options["interval"])
