"""Rewrite every pledge's in-kind days by financial year (what the worker does nightly)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from heartbeat.benefits.inkind import rebuild_all


class Command(BaseCommand):
    help = "Rewrite the in-kind days of every pledge by financial year from recruitment's data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Work it out, report, and keep nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            rows = rebuild_all()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would write" if dry_run else "Wrote"
        self.stdout.write(f"{verb} {rows} in-kind years.")
