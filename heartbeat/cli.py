"""The ``heartbeat`` command: Django's manage.py under Heartbeat's name."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heartbeat.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["heartbeat", *(argv if argv is not None else sys.argv[1:])])


if __name__ == "__main__":
    main()
