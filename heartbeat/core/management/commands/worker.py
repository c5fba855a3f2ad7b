from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run background tasks (reminders, digests, notification emails) from the database queue."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then stop.")

    def handle(self, *args, **options):
        arguments = ["--queue-name", options["queue_name"], "--interval", str(options["interval"])]
        if options["batch"]:
            arguments.append("--batch")
        call_command("db_worker", *arguments)
