from django.conf import settings
from django.core.management.base import BaseCommand

from heartbeat.core.datacache import bump


class Command(BaseCommand):
    help = (
        "Drop every figure kept in the shared cache (after a change made outside Heartbeat, "
        "such as in psql): each is worked out afresh when next asked for."
    )

    def handle(self, *args, **options):
        bump()
        if settings.DATA_CACHE:
            self.stdout.write("Every kept figure will be worked out afresh.")
        else:
            self.stdout.write("No figures are kept here (DATA_CACHE is off): nothing to drop.")
