from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from heartbeat.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load demo data: the real 32 Scottish councils, the Digital Office and its partners, "
        "the programme terms, and a demo person for each role. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Load everything, report it, then roll it back: nothing is saved.",
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        if not settings.DEBUG:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG is off. Demo accounts share a published password: "
                    "do not load them on a server other people can reach."
                )
            )
        context = load_demo(dry_run=dry_run)
        for line in context.summary:
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
            return
        sign_in = f"{settings.SITE_URL}{reverse('accounts:login')}"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in at " + sign_in))
        self.stdout.write(f"Every demo account's password is: {context.password}")
        self.stdout.write("")
        headers = ("Role", "Email", "Name", "Organisation")
        rows = [(a.role, a.email, a.full_name, a.organisation) for a in context.accounts]
        widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

        def line(cells):
            padded = (str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True))
            return "  ".join(padded).rstrip()

        self.stdout.write(line(headers))
        self.stdout.write(line(["-" * width for width in widths]))
        for row in rows:
            self.stdout.write(line(row))
