"""How settings.py connects to PostgreSQL in production, read as a fresh process reads it."""

import json
import os
import subprocess
import sys

import pytest

READ = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'age': db['CONN_MAX_AGE'], 'checks': db.get('CONN_HEALTH_CHECKS'), "
    "'options': db.get('OPTIONS', {})}))"
)


def _production(**extra) -> dict:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTEST_VERSION", "PYTEST_XDIST_WORKER", "DATABASE_POOL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="heartbeat.settings",
        DATABASE_URL="postgres://heartbeat:heartbeat@127.0.0.1:5432/heartbeat",
        DEBUG="0",
        SECRET_KEY="settings-test",
        **extra,
    )
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-c", READ], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout)


@pytest.mark.parametrize("extra", [{}, {"DATABASE_POOL": "0"}])
def test_production_keeps_one_persistent_connection_a_process_by_default(extra):
    database = _production(**extra)

    assert database["age"] == 600
    assert database["checks"] is True
    assert "pool" not in database["options"]
    assert database["options"]["options"] == "-c jit=off"


def test_the_pool_when_asked_for():
    database = _production(DATABASE_POOL="1", DATABASE_POOL_SIZE="8")

    assert database["age"] == 0
    assert database["options"]["pool"] == {"min_size": 1, "max_size": 8, "timeout": 10}
    assert database["options"]["options"] == "-c jit=off"
