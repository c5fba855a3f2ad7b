"""The soak client: a separate process that acts as the bench users for a while.

Run as ``python -m heartbeat.bench.soak.client`` with a JSON spec on stdin; it prints what
happened as JSON. ``concurrency`` threads each repeat a fixed cycle of actions (mostly
reads, with a pledge, an update and an edit spread through it, each thread starting at a
different point of it) until ``duration`` seconds have passed, finishing the action in hand.

Every thread keeps its own cookies, starting from each role's signed-in session, so the
messages a write leaves for the next page reach that thread's next page, as in a browser.
Each request opens a connection (gunicorn's sync workers close it after each response).
"""

from __future__ import annotations

import http.client
import json
import random
import sys
import threading
import time
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode

from heartbeat.bench.soak import actions, pages
from heartbeat.bench.soak.actions import Outcome, Unexpected

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
MAX_CONCURRENCY = 64
MAX_DURATION = 24 * 3600
QUERY_COUNT_HEADER = "X-Query-Count"
USER_AGENT = "heartbeat-soak"

# The actions' shares of the mix: each thread's cycle holds them in these proportions.
MIX = {"read": 7, "pledge": 1, "update": 1, "edit": 1}


def cycle(mix: dict[str, int]) -> list[str]:
    """One turn of the mix, each action spread as evenly as it can be (smooth weighted
    round robin): {"read": 2, "edit": 1} gives read, edit, read."""
    total = sum(mix.values())
    current = dict.fromkeys(mix, 0)
    order = []
    for _ in range(total):
        for name, weight in mix.items():
            current[name] += weight
        chosen = max(current, key=lambda name: current[name])
        current[chosen] -= total
        order.append(chosen)
    return order


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def parse_cookie_header(header: str) -> dict[str, str]:
    jar = {}
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            jar[name] = value
    return jar


def update_jar(jar: dict[str, str], set_cookies: list[str]) -> None:
    """Apply a response's Set-Cookie headers, deleting the cookies it expires."""
    for header in set_cookies:
        parsed = SimpleCookie()
        try:
            parsed.load(header)
        except CookieError:
            continue
        for name, morsel in parsed.items():
            expired = morsel["max-age"] == "0" or "1970" in morsel["expires"]
            if expired or morsel.value == "":
                jar.pop(name, None)
            else:
                jar[name] = morsel.value


@dataclass
class Response:
    method: str
    path: str
    status: int  # 0 for a connection error
    location: str | None
    body: str
    _page: pages.Page | None = None

    @property
    def page(self) -> pages.Page:
        if self._page is None:
            self._page = pages.parse(self.body)
        return self._page


class Recorder:
    """Everything the threads record; appends from several threads are safe in CPython."""

    def __init__(self):
        self.samples: list[tuple[str, str, int, float, int | None]] = []
        self.outcomes: list[tuple[str, str, str]] = []
        self.errors: list[dict] = []

    def error(self, action: str, error: Exception) -> None:
        """Record an action that ended in an error: what the server answered, or a fault of
        the client itself (which fails the run just the same)."""
        self.outcomes.append((action, actions.ERROR, ""))
        if isinstance(error, Unexpected):
            where = {"method": error.method, "path": error.path, "status": error.status}
            detail = error.detail
        else:
            where = {"method": "", "path": "", "status": 0}
            detail = f"the soak client failed: {error!r}"
        self.errors.append({"action": action, **where, "detail": detail})

    def as_json(self) -> dict:
        return {
            "samples": [list(sample) for sample in self.samples],
            "outcomes": [list(outcome) for outcome in self.outcomes],
            "errors": self.errors,
        }


class Browser:
    """One soak user's browser: a cookie jar per role, requests to one loopback server."""

    def __init__(self, host: str, port: int, sessions: dict[str, str], recorder: Recorder):
        self.host, self.port, self.recorder = host, port, recorder
        self.jars = {role: parse_cookie_header(header) for role, header in sessions.items()}
        self.jars[None] = {}

    def request(
        self,
        role: str | None,
        method: str,
        path: str,
        kind: str,
        *,
        body: str | None = None,
        parse: bool = True,
    ) -> Response:
        jar = self.jars.setdefault(role, {})
        headers = {"User-Agent": USER_AGENT, "Accept": "text/html,*/*"}
        if jar:
            headers["Cookie"] = cookie_header(jar)
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException) as error:
            elapsed = (time.perf_counter() - started) * 1000
            self.recorder.samples.append((kind, method, 0, elapsed, None))
            raise Unexpected(method, path, 0, f"connection error: {error}") from None
        finally:
            connection.close()
        elapsed = (time.perf_counter() - started) * 1000
        queries = response.getheader(QUERY_COUNT_HEADER)
        self.recorder.samples.append(
            (kind, method, response.status, elapsed, int(queries) if queries else None)
        )
        update_jar(jar, response.headers.get_all("Set-Cookie") or [])
        text = raw.decode("utf-8", errors="replace") if parse else ""
        return Response(method, path, response.status, response.getheader("Location"), text)

    def get(self, role: str | None, path: str, kind: str, *, parse: bool = True) -> Response:
        return self.request(role, "GET", path, kind, parse=parse)

    def post(self, role: str, path: str, data: list[tuple[str, str]], kind: str) -> Response:
        return self.request(role, "POST", path, kind, body=urlencode(data))


def _act(name: str, browser: Browser, rng: random.Random, reads, sequence: int) -> Outcome:
    if name == "read":
        return actions.read(browser, rng, reads)
    if name == "pledge":
        return actions.pledge(browser, rng)
    if name == "update":
        return actions.update(browser, rng, sequence)
    if name == "edit":
        return actions.edit(browser, rng, sequence)
    raise ValueError(f"Unknown action {name!r}.")


def _check(spec: dict) -> None:
    if spec["host"] not in LOOPBACK:
        raise ValueError("The soak client only talks to the loopback interface.")
    if not 0 < spec["concurrency"] <= MAX_CONCURRENCY:
        raise ValueError(f"concurrency must be between 1 and {MAX_CONCURRENCY}.")
    if not 0 <= spec["duration"] <= MAX_DURATION:
        raise ValueError(f"duration must be between 0 and {MAX_DURATION} seconds.")
    if not spec["reads"]:
        raise ValueError("The soak needs at least one URL to read.")


def run(spec: dict) -> dict:
    """Act for ``spec["duration"]`` seconds from ``spec["concurrency"]`` threads.

    spec: host, port, duration, concurrency, seed, sessions ({role: Cookie header}), reads
    ([{"path", "kind", "role"}]), and optionally mix ({action: weight}) and sweep (first GET
    every read URL this many times, outside the duration).
    """
    _check(spec)
    recorder = Recorder()
    if spec.get("sweep"):
        sweep(spec, recorder)
    order = cycle(spec.get("mix") or MIX)
    counter = iter(range(1, 10**9))
    lock = threading.Lock()
    deadline = time.monotonic() + spec["duration"]

    def worker(index: int) -> None:
        rng = random.Random(spec["seed"] * 1000 + index)  # noqa: S311 - a workload, not a secret
        browser = Browser(spec["host"], spec["port"], spec["sessions"], recorder)
        step = (index * 3) % len(order)
        while time.monotonic() < deadline:
            name = order[step % len(order)]
            step += 1
            with lock:
                sequence = next(counter)
            try:
                outcome = _act(name, browser, rng, spec["reads"], sequence)
            except Exception as error:  # recorded as an error; the thread carries on
                recorder.error(name, error)
                continue
            recorder.outcomes.append((outcome.action, outcome.result, outcome.detail))

    started = time.perf_counter()
    _in_threads(worker, spec["concurrency"])
    return {**recorder.as_json(), "elapsed_s": time.perf_counter() - started}


def _in_threads(target, count: int) -> None:
    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def sweep(spec: dict, recorder: Recorder) -> None:
    """GET every read URL ``spec["sweep"]`` times, the copies of one URL side by side in the
    queue so that they are sent at once and each gunicorn worker serves it (warming every
    page's templates and caches in every worker before memory is measured). A URL the
    workload never reads (``READ_WEIGHTS`` 0: the whole registers) is not swept either."""
    queue = [
        url
        for url in spec["reads"]
        if actions.READ_WEIGHTS[url["kind"]]
        for _ in range(spec["sweep"])
    ]
    lock = threading.Lock()

    def worker(index: int) -> None:
        browser = Browser(spec["host"], spec["port"], spec["sessions"], recorder)
        rng = random.Random(index)  # noqa: S311 - a workload, not a secret
        while True:
            with lock:
                if not queue:
                    return
                url = queue.pop()
            try:
                actions.read(browser, rng, [url])
            except Exception as error:  # recorded as an error; the thread carries on
                recorder.error("read", error)

    _in_threads(worker, spec["concurrency"])


def main() -> None:
    json.dump(run(json.load(sys.stdin)), sys.stdout)


if __name__ == "__main__":
    main()
