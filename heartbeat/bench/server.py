"""Start and stop gunicorn for the benchmark, sign in, and read its workers' memory."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

HOST = "127.0.0.1"
SIGN_IN_PATH = "/accounts/sign-in/"


class BenchError(Exception):
    """The benchmark could not run (as opposed to a page missing a target)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def request(
    port: int, method: str, path: str, *, headers: dict | None = None, body: str | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def _cookies(headers: http.client.HTTPMessage) -> dict[str, str]:
    jar = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def sign_in(port: int, email: str, password: str) -> str:
    """Sign in through the real form; return the Cookie header that carries the session."""
    status, headers, _ = request(port, "GET", SIGN_IN_PATH)
    cookies = _cookies(headers)
    if status != 200 or "csrftoken" not in cookies:
        raise BenchError(f"The sign-in page answered HTTP {status} without a CSRF cookie.")
    body = urlencode(
        {"csrfmiddlewaretoken": cookies["csrftoken"], "username": email, "password": password}
    )
    status, headers, _ = request(
        port,
        "POST",
        SIGN_IN_PATH,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
        },
        body=body,
    )
    cookies.update(_cookies(headers))
    if status != 302 or "sessionid" not in cookies:
        raise BenchError(
            f"Signing in as {email} answered HTTP {status}: did `heartbeat generate` run?"
        )
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def _children(pid: int) -> list[int]:
    children_file = Path(f"/proc/{pid}/task/{pid}/children")
    if children_file.exists():
        return [int(child) for child in children_file.read_text().split()]
    children = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if int(fields.get("PPid", "0").strip()) == pid:
            children.append(int(status.parent.name))
    return sorted(children)


def process_memory(pid: int) -> dict:
    """Resident and peak resident memory of ``pid`` in MB (10^6 bytes), from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()

    def megabytes(name: str) -> float:
        kibibytes = int(fields[name].split()[0])
        return kibibytes * 1024 / 1_000_000

    return {"pid": pid, "rss_mb": megabytes("VmRSS"), "peak_mb": megabytes("VmHWM")}


class Gunicorn:
    """gunicorn serving heartbeat.wsgi on 127.0.0.1, as in production but on loopback."""

    def __init__(self, *, env: dict[str, str], workers: int, log_path: Path, cwd: Path):
        self.env = env
        self.workers = workers
        self.log_path = log_path
        self.cwd = cwd
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def start(self, timeout: float = 60) -> None:
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "heartbeat.wsgi:application",
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
        ]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                command, env=self.env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited early:\n{self.log_tail()}")
            try:
                status, _, _ = request(self.port, "GET", "/healthz")
            except OSError:
                status = None
            if status == 200 and len(self.worker_pids()) >= self.workers:
                return
            time.sleep(0.2)
        raise BenchError(
            f"gunicorn did not answer /healthz within {timeout:.0f} s:\n{self.log_tail()}"
        )

    def worker_pids(self) -> list[int]:
        if self.process is None or self.process.poll() is not None:
            return []
        return _children(self.process.pid)

    def worker_memory(self) -> list[dict]:
        memory = []
        for pid in self.worker_pids():
            try:
                memory.append(process_memory(pid))
            except (OSError, KeyError, ValueError):
                continue
        return memory

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def base_environment(*, database_url: str, static_root: Path) -> dict[str, str]:
    """The environment of every process the bench starts: production settings, on loopback."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "PYTEST_VERSION", "BEHIND_PROXY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "heartbeat.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "SECRET_KEY": "bench",
            "ALLOWED_HOSTS": HOST,
            "HEARTBEAT_QUERY_COUNT_HEADER": "1",
            "SECURE_COOKIES": "0",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_ROOT": str(static_root),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env
