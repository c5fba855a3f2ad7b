"""`make run` serves the demo with a worker beside the server, so notices are sent."""

import subprocess

from django.conf import settings as django_settings


def test_make_run_starts_the_worker_beside_the_server():
    # `make -n` prints the commands without running them.
    commands = subprocess.run(
        ["make", "-n", "run"],  # noqa: S607
        cwd=django_settings.PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    worker = commands.index("heartbeat worker")
    server = commands.index("heartbeat runserver")
    assert worker < server, "the worker starts before the server takes the terminal"
    assert "kill" in commands[worker:], "the worker stops when the server stops"
