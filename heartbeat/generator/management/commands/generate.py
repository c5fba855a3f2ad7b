import time

from django.core.management.base import BaseCommand, CommandError

from heartbeat.core.exceptions import ApplicationError
from heartbeat.generator.runner import generate_partnership


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic partnership for benchmarks and trials. Scale 1 is "
        "the real size (32 councils); scale 10 has ten times as much of everything."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1, help="Size multiplier (default 1).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Delete the existing organisations, people and generated records first.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything in a transaction, report the counts, then roll it back.",
        )

    def handle(self, *args, scale, seed, flush, dry_run, **options):
        started = time.perf_counter()
        try:
            counts = generate_partnership(
                scale=scale, seed=seed, flush=flush, dry_run=dry_run, stdout=self.stdout
            )
        except ApplicationError as error:
            raise CommandError(error.message) from error
        elapsed = time.perf_counter() - started
        verb = "Would generate" if dry_run else "Generated"
        self.stdout.write(f"{verb} scale {scale} (seed {seed}) in {elapsed:.1f} s:")
        width = max(len(label) for label in counts)
        for label, count in counts.items():
            self.stdout.write(f"  {label:<{width}}  {count:>7}")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
