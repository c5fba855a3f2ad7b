import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from heartbeat.demo.loader import DEMO_PASSWORD, load_demo

FLAG = "--i-know-this-is-not-production"


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
        parser.add_argument(
            FLAG,
            action="store_true",
            dest="not_production",
            help="Load the demo with DEBUG off (a private trial server). The demo accounts "
            "then get a random password, printed once, instead of the published one.",
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        password = DEMO_PASSWORD
        if not settings.DEBUG:
            if not options["not_production"]:
                raise CommandError(
                    "DEBUG is off, so this looks like a server people use. The demo adds "
                    "made-up projects and accounts: load it only on a laptop (DEBUG=1) or on a "
                    f"private trial server, with {FLAG}."
                )
            # Never the published password where other people could reach the server.
            password = secrets.token_urlsafe(15)
        context = load_demo(dry_run=dry_run, password=password)
        for line in context.summary:
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
            return
        sign_in = f"{settings.SITE_URL}{reverse('accounts:login')}"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in at " + sign_in))
        self.stdout.write(f"Every demo account's password is: {context.password}")
        if password != DEMO_PASSWORD:
            self.stdout.write(
                self.style.WARNING(
                    "It is shown this once and stored nowhere: note it now. Run the command "
                    "again for a new one."
                )
            )
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
