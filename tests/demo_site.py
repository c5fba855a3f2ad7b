"""The demo partnership behind a live server, loaded once for a module's tests.

Loading the demo takes seconds, so tests that only read it (the site-wide crawl) or that
may change it freely (the API fuzz) share one load per module and worker, instead of one
per test. Its fixture empties the database afterwards, as every test that commits does.
"""

import contextlib
import os
from unittest import mock

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection
from django.test.utils import setup_databases, teardown_databases
from pytest_django.live_server_helper import LiveServer

from heartbeat.demo.loader import load_demo

SUPERUSER_EMAIL = "admin@digital-office.example"
SUPERUSER_PASSWORD = "a-long-superuser-password-2026"  # noqa: S105


@contextlib.contextmanager
def demo_server(django_db_blocker):
    """Yield the address of a live server in front of the demo data (and a superuser)."""
    with django_db_blocker.unblock():
        # pytest-django makes the test database only when a collected test asks for one,
        # and these tests do not (they load their data once, not per test): when only they
        # run, make it here, so the demo never lands in the development database.
        made = None
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            made = setup_databases(verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS})
        load_demo()
        with mock.patch.dict(os.environ, {"DJANGO_SUPERUSER_PASSWORD": SUPERUSER_PASSWORD}):
            call_command("createsuperuser", interactive=False, email=SUPERUSER_EMAIL, verbosity=0)
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    try:
        yield server.url
    finally:
        server._live_server_modified_settings.disable()
        server.stop()
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
            if made is not None:
                teardown_databases(made, verbosity=0)
