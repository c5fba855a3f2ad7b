"""A crawl of the whole site as one person sees it, with the checks every page must pass.

Starting at the home page, the crawler follows every same-site link and the default
submission of every GET form. It opens at most ``visits_per_pattern`` pages of each URL
pattern in the browser (the pattern is the URL's route and the names of its query
parameters, so a list's second page or a filtered list counts as a pattern of its own, of
which one page is opened) and checks the answer to at most ``links_per_pattern`` further
links of each pattern. axe-core, the slow part, scans the first ``scans_per_route`` pages
of each route. On each page it opens:

- axe-core finds no serious or critical violation, at 1280 px and at 320 px wide;
- the page does not scroll sideways at 320 px;
- no table is wider than its box at 1280 px, unless it is a grid made to scroll
  (``data-scroll-grid``), whose row headers stay in view;
- the ``<title>`` is meaningful and no other page has it, and there is exactly one ``<h1>``;
- no script error.

Every link shown answers 200 (or a download), without a detour to the sign-in page: a link
a person cannot use is not shown to them.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from axe_playwright_python.sync_playwright import Axe
from django.urls import Resolver404, resolve

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 720}
SIGN_IN_PATH = "/accounts/sign-in/"

_axe = Axe()

# Collected in the page: its links, its GET forms' default submissions, and a few facts.
_PAGE_FACTS = """() => {
  const links = [...document.querySelectorAll('a[href]')].map(a => ({
    href: a.href, download: a.hasAttribute('download'), text: a.innerText.trim().slice(0, 60)
  }));
  const forms = [...document.querySelectorAll('form')]
    .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
    .map(f => {
      const data = new FormData(f);
      const button = f.querySelector('button[name]:not([type=button]), input[type=submit][name]');
      if (button) data.append(button.name, button.value);
      const url = new URL(f.getAttribute('action') || location.href, location.href);
      url.search = new URLSearchParams(data).toString();
      return url.href;
    });
  return {
    links, forms,
    title: document.title,
    h1: document.querySelectorAll('h1').length,
    lang: document.documentElement.getAttribute('lang') || '',
  };
}"""

# Tables wider than their box at the current width (grids made to scroll aside).
_CLIPPED_TABLES = """() => [...document.querySelectorAll('table')]
  .filter(t => !t.closest('[data-scroll-grid]') && t.offsetParent !== null)
  .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)
  .map(t => {
    const caption = t.caption ? t.caption.innerText.trim() : (t.id || 'a table');
    const box = t.parentElement.getBoundingClientRect();
    const hidden = [...t.querySelectorAll('thead th')]
      .filter(th => th.getBoundingClientRect().right > box.right + 1)
      .map(th => th.innerText.trim());
    return `${caption} (${t.scrollWidth}px in a ${t.parentElement.clientWidth}px box; ` +
      `out of view: ${hidden.join(', ') || 'part of a column'})`;
  })"""

# The page scrolls sideways: what sticks out of the window.
_SIDEWAYS = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const wide = [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .filter(e => e.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
    .slice(0, 3)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (typeof e.className === 'string' && e.className.trim()
        ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
  return `${root.scrollWidth}px wide in a ${root.clientWidth}px window (${wide.join(', ')})`;
}"""

_AXE_RUN = "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"

_NEXT_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

_HTMX_SETTLED = "() => !document.querySelector('.htmx-request')"


@dataclass
class CrawlReport:
    """What a crawl saw, and what it found wrong."""

    problems: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    visited: list[str] = field(default_factory=list)
    scanned: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    patterns: Counter = field(default_factory=Counter)
    unvisited: set[str] = field(default_factory=set)
    seconds: float = 0.0

    def add(self, url: str, problem: str) -> None:
        if problem not in self.problems[url]:
            self.problems[url].append(problem)

    def describe(self) -> str:
        lines = [
            f"{sum(len(p) for p in self.problems.values())} problems on "
            f"{len(self.problems)} pages ({len(self.visited)} pages opened, "
            f"{len(self.scanned)} scanned by axe-core, "
            f"{len(self.checked)} further links checked, {self.seconds:.0f} s):"
        ]
        for url, problems in sorted(self.problems.items()):
            lines.append(f"  {url}")
            lines.extend(f"    - {problem}" for problem in problems)
        return "\n".join(lines)


def _normalise(url: str) -> str:
    parts = urlsplit(url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def pattern_of(url: str) -> str:
    """The URL's route and the names of its query parameters: ``projects/<slug:slug>/?page``."""
    parts = urlsplit(url)
    try:
        route = resolve(parts.path).route
    except Resolver404:
        route = f"(no route) {parts.path}"
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return route + ("?" + "&".join(keys) if keys else "")


def _looks_like_download(url: str, download: bool) -> bool:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    return (
        download
        or "format" in query
        or parts.path.endswith((".pdf", ".csv", ".xlsx", ".json", ".ics", ".xml"))
    )


class SiteCrawler:
    def __init__(
        self,
        page,
        base_url: str,
        *,
        visits_per_pattern: int = 1,
        scans_per_route: int = 1,
        links_per_pattern: int = 4,
        max_pages: int = 400,
        time_limit: float = 900.0,
        check_only: tuple[str, ...] = ("/admin/", "/static/"),
    ):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.host = urlsplit(self.base_url).netloc
        self.visits_per_pattern = visits_per_pattern
        self.scans_per_route = scans_per_route
        self.links_per_pattern = links_per_pattern
        self.max_pages = max_pages
        self.time_limit = time_limit
        self.check_only = check_only
        self.report = CrawlReport()
        self._seen: set[str] = set()
        self._queue: list[tuple[str, str]] = []
        self._visits: Counter = Counter()
        self._checks: Counter = Counter()
        self._scans: Counter = Counter()
        self._titles: dict[str, str] = {}
        self._script_errors: list[str] = []
        page.on("pageerror", lambda error: self._script_errors.append(str(error)))
        page.on(
            "console",
            lambda message: (
                self._script_errors.append(message.text) if message.type == "error" else None
            ),
        )

    # -- discovery ---------------------------------------------------------------------

    def _same_site(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.host

    def _discover(self, url: str, source: str, *, download: bool = False, text: str = ""):
        if not self._same_site(url):
            return
        url = _normalise(url)
        if url in self._seen:
            return
        self._seen.add(url)
        pattern = pattern_of(url)
        self.report.patterns[pattern] += 1
        path = urlsplit(url).path
        openable = not _looks_like_download(url, download) and not path.startswith(self.check_only)
        # A list's filters and pages share its template: one of each kind is enough.
        cap = self.visits_per_pattern if "?" not in pattern else 1
        if openable and self._visits[pattern] < cap:
            self._visits[pattern] += 1
            self._queue.append((url, source))
        elif self._checks[pattern] < self.links_per_pattern:
            self._checks[pattern] += 1
            self._check_link(url, source, text)

    def _check_link(self, url: str, source: str, text: str) -> None:
        response = self.page.context.request.get(url, max_redirects=5, fail_on_status_code=False)
        status = response.status
        self.report.checked[url] = status
        final = urlsplit(response.url).path
        label = f"the link {text!r} to {self._short(url)}" if text else self._short(url)
        if status != 200:
            self.report.add(self._short(source), f"{label} answers {status}")
        elif final == SIGN_IN_PATH and urlsplit(url).path != SIGN_IN_PATH:
            self.report.add(self._short(source), f"{label} sends this person to sign in")
        response.dispose()

    def _short(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    # -- the checks on one page ----------------------------------------------------------

    def _axe(self, where: str, width: str) -> None:
        violations = self.page.evaluate(_AXE_RUN)
        for violation in violations:
            if violation.get("impact") not in ("serious", "critical"):
                continue
            targets = [" ".join(map(str, n.get("target", []))) for n in violation["nodes"]][:3]
            self.report.add(
                where,
                f"axe {violation['id']} ({violation['impact']}) at {width}: "
                f"{violation['help']} {targets}",
            )

    def _check_title(self, where: str, title: str, key: str) -> None:
        title = " ".join(title.split())
        name = title.removesuffix("Heartbeat").rstrip(" –-")
        if not title or any(bad in title for bad in ("None", "{{", "undefined")):
            self.report.add(where, f"the title {title!r} is not meaningful")
        elif not name and urlsplit(key).path != "/":
            self.report.add(where, f"the title {title!r} does not say what the page is")
        first = self._titles.setdefault(title, key)
        if first != key:
            self.report.add(where, f"the title {title!r} is also the title of {first}")

    def _visit(self, url: str, source: str) -> None:
        page = self.page
        self._script_errors.clear()
        page.set_viewport_size(DESKTOP)
        try:
            response = page.goto(url, wait_until="load")
        except Exception as error:  # a download or a network failure
            if "Download is starting" in str(error):
                return
            self.report.add(self._short(source), f"{self._short(url)} did not load: {error}")
            return
        where = self._short(page.url)
        self.report.visited.append(where)
        status = response.status if response else 0
        if status != 200:
            self.report.add(self._short(source), f"the link to {self._short(url)} answers {status}")
            return
        if urlsplit(page.url).path == SIGN_IN_PATH and urlsplit(url).path != SIGN_IN_PATH:
            self.report.add(
                self._short(source), f"the link to {self._short(url)} sends this person to sign in"
            )
            return
        if "text/html" not in (response.headers.get("content-type") or ""):
            return
        try:
            page.wait_for_function(_HTMX_SETTLED, timeout=5000)
        except Exception:  # still loading after 5 s is a problem of its own
            self.report.add(where, "htmx requests still running after 5 s")

        facts = page.evaluate(_PAGE_FACTS)
        parts = urlsplit(page.url)
        page_number = dict(parse_qsl(parts.query)).get("page", "1")
        self._check_title(where, facts["title"], f"{parts.path} (page {page_number})")
        if facts["h1"] != 1:
            self.report.add(where, f"{facts['h1']} <h1> headings (there should be one)")
        if not facts["lang"]:
            self.report.add(where, "the page does not say its language (<html lang>)")
        for clipped in page.evaluate(_CLIPPED_TABLES):
            self.report.add(where, f"at 1280 px a table is wider than its box: {clipped}")
        # axe-core is the slow part: it scans the first pages of each route (the same
        # template), while every page opened gets the other checks.
        route = pattern_of(page.url).split("?")[0]
        scan = self._scans[route] < self.scans_per_route
        if scan:
            self._scans[route] += 1
            self.report.scanned.append(where)
            page.evaluate(_axe.axe_script)
            self._axe(where, "1280 px")

        page.set_viewport_size(PHONE)
        # Let the page's script answer the new width (it runs on the next frames).
        page.evaluate(_NEXT_FRAMES)
        sideways = page.evaluate(_SIDEWAYS)
        if sideways:
            self.report.add(where, f"at 320 px the page scrolls sideways: {sideways}")
        if scan:
            self._axe(where, "320 px")
        for error in self._script_errors:
            self.report.add(where, f"script error: {error[:200]}")

        for link in facts["links"]:
            self._discover(
                urljoin(page.url, link["href"]),
                page.url,
                download=link["download"],
                text=link["text"],
            )
        for action in facts["forms"]:
            self._discover(action, page.url, text="(form)")

    # -- the crawl -----------------------------------------------------------------------

    def crawl(self, start: str = "/") -> CrawlReport:
        began = time.monotonic()
        self._discover(self.base_url + start, self.base_url + start)
        opened = 0
        while self._queue:
            if opened >= self.max_pages or time.monotonic() - began > self.time_limit:
                self.report.unvisited = {pattern_of(url) for url, _ in self._queue}
                for url, _ in self._queue:
                    self.report.add(
                        self._short(url),
                        "not visited: the crawl ran out of pages or time before it",
                    )
                break
            url, source = self._queue.pop(0)
            self._visit(url, source)
            opened += 1
        self.report.seconds = time.monotonic() - began
        return self.report
