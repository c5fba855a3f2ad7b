"""Figures kept between requests (core.datacache): never read after a write committed,
whichever path wrote, and shared between processes through Redis."""

import datetime
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from heartbeat.core import datacache
from heartbeat.partnership.models import Organisation
from tests.concurrency import at_once, on_postgresql
from tests.factories import OrganisationFactory

ROOT = Path(__file__).resolve().parents[2]


class Counter:
    """A figure that counts how often it was worked out, and reads the data it stands on."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return sorted(Organisation.objects.values_list("name", flat=True))

    def read(self, parts=()):
        return datacache.cached("test.names", parts, self)


# Which statements count as writes ------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "a"."id" FROM "a"',
        '  (SELECT "a"."id" FROM "a") UNION (SELECT "b"."id" FROM "b")',
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "SAVEPOINT s1",
        "RELEASE SAVEPOINT s1",
        "ROLLBACK TO SAVEPOINT s1",
        "BEGIN IMMEDIATE",
        "SET TIME ZONE 'UTC'",
        "PRAGMA foreign_keys = ON",
        'UPDATE "django_session" SET "session_data" = %s',
        'INSERT INTO "axes_accessattempt" ("username") VALUES (%s)',
        'UPDATE "django_tasks_database_dbtaskresult" SET "status" = %s',
    ],
)
def test_reads_and_bookkeeping_are_not_writes(sql):
    assert not datacache.is_write(sql)


@pytest.mark.parametrize(
    "sql",
    [
        'INSERT INTO "portfolio_project" ("title") VALUES (%s)',
        'update "portfolio_project" set "title" = %s',
        'DELETE FROM "recruitment_pledge" WHERE "id" = %s',
        'TRUNCATE "portfolio_projectsearchdocument"',
        'WITH moved AS (UPDATE "portfolio_project" SET "stage" = %s RETURNING id) SELECT 1',
        'ALTER TABLE "portfolio_project" ADD COLUMN "x" integer',
        "REFRESH MATERIALIZED VIEW figures",
    ],
)
def test_writes_are_writes(sql):
    assert datacache.is_write(sql)


# Reading -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_figure_is_worked_out_once_until_the_data_changes():
    OrganisationFactory(name="Angus")
    figure = Counter()
    # The test's own transaction has written (the factory): its reads bypass the cache.
    assert figure.read() == ["Angus"]
    assert figure.read() == ["Angus"]
    assert figure.calls == 2


@pytest.mark.django_db(transaction=True)
def test_a_kept_figure_is_read_until_a_write_commits():
    OrganisationFactory(name="Angus")
    figure = Counter()
    assert figure.read() == ["Angus"]
    assert figure.read() == ["Angus"]
    assert figure.calls == 1
    # Different parts are a different figure.
    figure.read(parts=("public",))
    assert figure.calls == 2


@pytest.mark.django_db(transaction=True)
def test_each_copy_read_is_the_readers_own():
    OrganisationFactory(name="Angus")
    figure = Counter()
    first = figure.read()
    first.append("changed by a caller")
    assert figure.read() == ["Angus"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda: OrganisationFactory(name="Moray"), id="orm-save"),
        pytest.param(
            lambda: Organisation.objects.filter(name="Angus").update(name="Moray"),
            id="queryset-update",
        ),
        pytest.param(
            lambda: Organisation.objects.bulk_create(
                [Organisation(name="Moray", official_name="Moray Council", slug="moray")]
            ),
            id="bulk-create",
        ),
        pytest.param(lambda: Organisation.objects.filter(name="Angus").delete(), id="delete"),
        pytest.param(
            lambda: connection.cursor().execute(
                'UPDATE "partnership_organisation" SET "name" = %s WHERE "name" = %s',
                ["Moray", "Angus"],
            ),
            id="raw-sql",
        ),
        pytest.param(
            lambda: transaction.atomic()(
                lambda: Organisation.objects.filter(name="Angus").update(name="Moray")
            )(),
            id="in-a-transaction",
        ),
    ],
)
def test_every_way_of_writing_moves_the_version(write):
    OrganisationFactory(name="Angus")
    figure = Counter()
    before = figure.read()
    version = datacache.current_version()
    write()
    assert datacache.current_version() != version
    after = figure.read()
    assert figure.calls == 2
    assert after != before


@pytest.mark.django_db(transaction=True)
def test_a_management_command_that_writes_moves_the_version():
    from django.core.management import call_command

    OrganisationFactory(name="Angus")
    version = datacache.current_version()
    call_command("flush", interactive=False, verbosity=0)
    assert datacache.current_version() != version


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_reads_bypass_the_cache_until_it_commits():
    OrganisationFactory(name="Angus")
    figure = Counter()
    figure.read()
    version = datacache.current_version()
    with transaction.atomic():
        Organisation.objects.filter(name="Angus").update(name="Moray")
        # Its own reads see its writes, and store nothing others could read early.
        assert figure.read() == ["Moray"]
        assert datacache.current_version() == version
    assert datacache.current_version() != version
    assert figure.read() == ["Moray"]
    assert figure.calls == 3


@pytest.mark.django_db(transaction=True)
def test_a_transaction_that_rolls_back_leaves_the_figure_and_stores_nothing():
    OrganisationFactory(name="Angus")
    figure = Counter()
    figure.read()
    version = datacache.current_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Organisation.objects.filter(name="Angus").update(name="Moray")
        assert figure.read() == ["Moray"]
        raise RuntimeError("refused")
    assert datacache.current_version() == version
    assert figure.read() == ["Angus"]
    assert figure.calls == 2
    # The connection's next reads use the cache again.
    figure.read()
    assert figure.calls == 2


@pytest.mark.django_db(transaction=True)
def test_a_figure_is_worked_out_afresh_each_day():
    OrganisationFactory(name="Angus")
    figure = Counter()
    figure.read()
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with mock.patch("heartbeat.core.datacache.timezone.localdate", return_value=tomorrow):
        figure.read()
    assert figure.calls == 2


@pytest.mark.django_db(transaction=True)
def test_off_every_read_works_the_figure_out(settings):
    settings.DATA_CACHE = False
    OrganisationFactory(name="Angus")
    figure = Counter()
    figure.read()
    figure.read()
    assert figure.calls == 2


@pytest.mark.django_db(transaction=True)
def test_a_lost_version_starts_a_new_one():
    OrganisationFactory(name="Angus")
    figure = Counter()
    figure.read()
    version = datacache.current_version()
    cache.delete(datacache.VERSION_KEY)
    assert datacache.current_version() != version
    figure.read()
    assert figure.calls == 2


@pytest.mark.django_db(transaction=True)
def test_a_cache_that_cannot_be_reached_gives_the_figure_worked_out(settings):
    # Django's test settings signal makes the cache anew when CACHES changes.
    settings.CACHES = {
        "default": {
            "BACKEND": "heartbeat.core.rediscache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_free_port()}/0",
        }
    }
    OrganisationFactory(name="Angus")
    figure = Counter()
    assert figure.read() == ["Angus"]
    assert figure.read() == ["Angus"]
    assert figure.calls == 2


# Two connections at once (PostgreSQL) --------------------------------------------------------


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_project_made_partnership_only_is_not_shown_to_a_visitor_from_a_kept_figure():
    """A visitor's dashboard is read over and over while another connection makes
    a project partnership-only: once that write has committed, no read shows the project."""
    from django.contrib.auth.models import AnonymousUser

    from heartbeat.delivery.selectors.dashboard import DashboardFilters, programme_dashboard
    from heartbeat.portfolio.models import Stage, Visibility
    from tests.portfolio.factories import ProjectFactory

    today = datetime.date.today()
    project = ProjectFactory(stage=Stage.IN_DELIVERY, visibility=Visibility.PUBLIC)
    visitor = AnonymousUser()

    def shown():
        lines = programme_dashboard(visitor, DashboardFilters(), today=today).lines
        return project.pk in {line.pk for line in lines}

    assert_hidden_once_committed(project, shown, rounds=5)


def assert_hidden_once_committed(project, shown, *, rounds: int) -> None:
    """Make ``project`` partnership-only on one connection while another reads ``shown()``
    over and over, ``rounds`` times: no read that began after the commit shows it."""
    from heartbeat.portfolio.models import Visibility

    assert shown()
    for _ in range(rounds):
        type(project).objects.filter(pk=project.pk).update(visibility=Visibility.PUBLIC)
        assert shown()
        results = at_once(*_hide_while_reading(project, shown))
        assert [kind for kind, _ in results] == ["ok", "ok"]
        assert results[1][1] == [], "a read after the commit showed the hidden project"
        assert not shown()


def _hide_while_reading(project, shown):
    """Two calls for ``at_once``: one makes ``project`` partnership-only, the other reads
    ``shown()`` forty times and returns the reads that began after the commit yet showed it."""
    from heartbeat.portfolio.models import Visibility

    committed = []

    def hide():
        with transaction.atomic():
            type(project).objects.filter(pk=project.pk).update(visibility=Visibility.PARTNERSHIP)
        committed.append(time.monotonic())

    def read_repeatedly():
        seen_after_commit = []
        for _ in range(40):
            started = time.monotonic()
            if shown() and committed and committed[0] < started:
                seen_after_commit.append(started)
        return seen_after_commit

    return hide, read_repeatedly


# Shared between processes (Redis) ------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url(settings):
    """A Redis server of the test's own, as production's shared cache."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (CI installs it: .ci/run)")
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 (the installed redis-server)
        [binary, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        url = f"redis://127.0.0.1:{port}/0"
        # As the settings make it from CACHE_URL, so that another process shares its keys.
        settings.CACHES = {
            "default": {
                "BACKEND": "heartbeat.core.rediscache.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "heartbeat",
            }
        }
        yield url
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.django_db(transaction=True)
def test_a_write_in_another_process_is_seen_through_redis(redis_url):
    OrganisationFactory(name="Angus")
    figure = Counter()
    figure.read()
    figure.read()
    assert figure.calls == 1
    # Another process (as another gunicorn worker would) moves the version on.
    env = {**os.environ, "CACHE_URL": redis_url, "DJANGO_SETTINGS_MODULE": "heartbeat.settings"}
    env.pop("PYTEST_VERSION", None)
    out = _settings_in_a_fresh_process(
        {**env, "SECRET_KEY": "test-only", "DEBUG": "1"},
        "from heartbeat.core import datacache; datacache.bump()",
    )
    assert out.returncode == 0, out.stderr
    figure.read()
    assert figure.calls == 2


def _settings_in_a_fresh_process(env: dict, code: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (this interpreter, the test's own code)
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_settings_name_redis_for_the_shared_cache():
    env = {
        **os.environ,
        "CACHE_URL": "redis://cache.internal:6379/2",
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "heartbeat.settings",
    }
    code = (
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION'], "
        "settings.DATA_CACHE, settings.SESSION_ENGINE)"
    )
    out = _settings_in_a_fresh_process(env, code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [
        "heartbeat.core.rediscache.RedisCache",
        "redis://cache.internal:6379/2",
        "True",
        "django.contrib.sessions.backends.cached_db",
    ]
    env["CACHE_URL"] = "memcached://cache.internal:11211"
    out = _settings_in_a_fresh_process(env, code)
    assert out.returncode != 0
    assert "CACHE_URL must be a redis://" in out.stderr


def test_without_a_shared_cache_figures_are_not_kept():
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "DATA_CACHE")}
    env.update(DEBUG="1", DJANGO_SETTINGS_MODULE="heartbeat.settings")
    out = _settings_in_a_fresh_process(
        env, "from django.conf import settings; print(settings.DATA_CACHE, settings.SESSION_ENGINE)"
    )
    assert out.stdout.split() == ["False", "django.contrib.sessions.backends.db"], out.stderr


@pytest.mark.django_db(transaction=True)
def test_clear_figures_drops_every_kept_figure():
    from io import StringIO

    from django.core.management import call_command

    OrganisationFactory(name="Angus")
    figure = Counter()
    figure.read()
    out = StringIO()
    call_command("clear_figures", stdout=out)
    assert "worked out afresh" in out.getvalue()
    figure.read()
    assert figure.calls == 2
