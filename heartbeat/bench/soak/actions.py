"""What one soak user does in one go: read a page, or make a write through the pages as a
person does (find the thing, open its form, read the CSRF token, post, follow the redirect
and read the confirmation).

Each action returns an ``Outcome``: ``ok``, ``validation`` (the form came back with an error
summary: an expected answer under a soak, such as a person already pledged to that need),
``conflict`` (someone saved the same record meanwhile: a 409, or a redirect to a page whose
information banner says the record moved on) or ``no target`` (nothing to do, such as no
open needs). Anything else, such as a 5xx, a connection error, a status the page
should not answer or a success without its confirmation, raises ``Unexpected``: an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from heartbeat.bench.server import SIGN_IN_PATH

if TYPE_CHECKING:
    import random

    from heartbeat.bench.soak.client import Browser, Response
    from heartbeat.bench.soak.pages import Notice

ORGANISATION_LEAD = "organisation_lead"
PROJECT_LEAD = "project_lead"

OK = "ok"
VALIDATION = "validation"
CONFLICT = "conflict"
NO_TARGET = "no target"
ERROR = "error"

# Reads: how often a URL of each kind of the bench's registry is chosen, relative to the
# others. Exports (CSV, calendars) are the heaviest and the least often asked for.
# Whole registers (``bulk``) are timed by the bench one at a time and not read here: at
# concurrency 16 a handful would hold every worker for seconds.
READ_WEIGHTS = {
    "list": 3,
    "detail": 3,
    "dashboard": 2,
    "api": 2,
    "export": 1,
    "bulk": 0,
    "search": 2,
}

# A pledge names one of the council's people about half the time (else unnamed capacity),
# for half a day a month over one month, so that a person's working days are rarely full.
NAMED_SHARE = 0.5
PLEDGE_DAYS = "0.5"
# Share of update saves that submit; the rest save a draft, which a later save continues,
# so each due period takes a few saves before it is submitted and leaves the list.
SUBMIT_SHARE = 0.3
# Stages in which a project lead writes updates and corrects them.
REPORTING_STAGES = {"Recruiting", "In delivery"}
# Stages whose projects cannot be edited any more.
FINISHED_STAGES = {"Closed", "Cancelled"}
MARKER = " Reviewed in soak "
MAX_REDIRECTS = 3


class Unexpected(Exception):
    """The server answered what a person would not expect: the soak's errors."""

    def __init__(self, method: str, path: str, status: int, detail: str):
        super().__init__(f"{method} {path}: {status} {detail}")
        self.method = method
        self.path = path
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class Outcome:
    action: str
    result: str  # OK, VALIDATION, CONFLICT or NO_TARGET
    detail: str = ""


def status_problem(status: int) -> str:
    """Why a status is an error, in words."""
    if status == 0:
        return "connection error"
    if status >= 500:
        return "server error"
    return "unexpected status"


def classify(
    status: int,
    errors: list[str],
    *,
    landed: list[Notice] | None = None,
    confirmation: str = "",
    where_expected: bool = True,
) -> str:
    """What a step's answer means.

    A redirect is judged by the banners of the page it leads to (``landed``): OK when a
    success banner says ``confirmation`` at the address a success goes to
    (``where_expected``); CONFLICT when an information banner says why the page turned the
    person away (the record moved on meanwhile: "That update has been submitted: correct it
    instead."); otherwise ERROR. Without a redirect: CONFLICT for 409, VALIDATION for 422
    or 400 with an error summary, ERROR for anything else (5xx, no response, 403, 404, a
    form coming back without saying what is wrong)."""
    if status in (301, 302, 303):
        notices = landed or []
        confirmed = any(n.success and confirmation in n.text for n in notices)
        if confirmation and confirmed and where_expected:
            return OK
        if any(not n.success for n in notices):
            return CONFLICT
        return ERROR
    if status == 409:
        return CONFLICT
    if status in (400, 422) and errors:
        return VALIDATION
    return ERROR


def kind_of_message(message: str) -> str:
    """A message with its particulars (numbers, dates) taken out, to count alike ones."""
    text = re.sub(r"\d+(?:\.\d+)?", "#", message)
    return text if len(text) <= 120 else text[:117] + "..."


def expect_page(response: Response, what: str = "") -> None:
    if response.status != 200:
        detail = status_problem(response.status)
        raise Unexpected(response.method, response.path, response.status, what or detail)


def _path(url: str) -> str:
    """The path (and query) of a link or a Location header, without any fragment."""
    url = re.sub(r"^https?://[^/]+", "", url)
    return url.split("#", 1)[0]


def _judge(
    browser: Browser,
    role: str,
    action: str,
    response: Response,
    *,
    expected: Callable[[str], bool] = lambda location: False,
    confirmation: str = "",
) -> Outcome:
    """Judge a step's answer (see ``classify``), following a redirect as a browser does to
    read the page's banners; raise ``Unexpected`` for an error."""
    landed = None
    location = _path(response.location or "")
    if response.status in (301, 302, 303) and location:
        landed = browser.get(role, location, f"{action} (pages)")
        expect_page(landed)
    result = classify(
        response.status,
        response.page.errors if response.status in (400, 409, 422) else [],
        landed=landed.page.notices if landed is not None else None,
        confirmation=confirmation,
        where_expected=expected(location),
    )
    if result == OK:
        return Outcome(action, OK)
    if result == ERROR:
        if landed is not None:
            detail = f"redirected to {location} without saying why"
            if confirmation and expected(location):
                detail = f"no confirmation ({confirmation!r}) after the redirect"
        elif response.status in (400, 422):
            detail = "the form came back without an error summary"
        else:
            detail = status_problem(response.status)
        raise Unexpected(response.method, response.path, response.status, detail)
    if landed is not None:
        # The latest banner says why (an earlier one may be left from the way here).
        message = [n.text for n in landed.page.notices if not n.success][-1]
    else:
        message = response.page.errors[0] if response.page.errors else ""
    return Outcome(action, result, kind_of_message(message))


def finish_write(
    browser: Browser,
    role: str,
    action: str,
    response: Response,
    *,
    expected: Callable[[str], bool],
    confirmation: str,
) -> Outcome:
    """Judge a form post's answer; a success must redirect to ``expected`` and the page
    there must confirm the write (a banner saying ``confirmation``)."""
    return _judge(browser, role, action, response, expected=expected, confirmation=confirmation)


def turned_away(browser: Browser, role: str, action: str, response: Response) -> Outcome:
    """A page on the way to a form redirected: CONFLICT when the page it leads to says why
    (the record moved on meanwhile), else an error."""
    return _judge(browser, role, action, response)


# Reads ----------------------------------------------------------------------------------


def read(browser: Browser, rng: random.Random, reads: list[dict]) -> Outcome:
    """GET one of the bench's URLs, chosen by its kind's weight, as the role it names,
    following redirects as a browser does (the update form sends its reader on to the draft
    a write has started), except one to the sign-in page: the session was lost."""
    url = rng.choices(reads, weights=[READ_WEIGHTS[r["kind"]] for r in reads])[0]
    kind = f"read ({url['kind']})"
    response = browser.get(url["role"], url["path"], kind, parse=False)
    for _hop in range(MAX_REDIRECTS):
        if response.status not in (301, 302, 303) or not response.location:
            break
        target = _path(response.location)
        if target.startswith(SIGN_IN_PATH):
            raise Unexpected("GET", response.path, response.status, "sent to sign in again")
        response = browser.get(url["role"], target, kind, parse=False)
    expect_page(response)
    return Outcome("read", OK)


# Pledges --------------------------------------------------------------------------------


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.split()[0].replace(",", ""))
    except (InvalidOperation, IndexError):
        return None


def _columns(rows, *names: str) -> list[int] | None:
    """The indexes of the named columns in a table's heading row, or None."""
    if not rows:
        return None
    heading = [cell.text for cell in rows[0]]
    try:
        return [heading.index(name) for name in names]
    except ValueError:
        return None


def _before(text: str, separator: str) -> str:
    return text.split(separator, 1)[0].strip()


def needs_with_room(rows) -> list[tuple[str, str]]:
    """(pledge link, skill) of each need in a project's needs table whose days covered are
    short of the days required. The first row is the table's heading; a need reads
    "Software developer (practitioner), 3 × 10.0 days a month"."""
    columns = _columns(rows, "Need", "Days required", "Days covered")
    if columns is None:
        return []
    name, required, covered = columns
    found = []
    for row in rows[1:]:
        if len(row) <= max(columns):
            continue
        need, have = _number(row[required].text), _number(row[covered].text)
        links = [link for cell in row for link in cell.links if link.endswith("/pledge/")]
        if links and need is not None and have is not None and have < need:
            found.append((links[0], _before(row[name].text, " (")))
    return found


def pledged_people(rows) -> set[tuple[str, str]]:
    """(skill, person) of the active pledges in a project's pledges table, whose "Who" reads
    "Ailsa Douglas (practitioner)": so the lead names someone not pledged to that need."""
    columns = _columns(rows, "Need", "Who", "Status")
    if columns is None:
        return set()
    need, who, status = columns
    return {
        (row[need].text, _before(row[who].text, " ("))
        for row in rows[1:]
        if len(row) > max(columns) and row[status].text != "Withdrawn"
    }


def pledge(browser: Browser, rng: random.Random) -> Outcome:
    """An organisation lead pledges time to an open need: from the open needs list to the
    project's needs and pledges, to the pledge form. Half the pledges name one of the
    council's people not yet pledged to that need; the rest are unnamed capacity."""
    role, kind = ORGANISATION_LEAD, "pledge (pages)"
    needs = browser.get(role, "/recruitment/needs/", kind)
    expect_page(needs)
    projects = sorted(
        {
            _path(link)
            for row in needs.page.tables.get("open-needs-table", [])[1:]
            for cell in row
            for link in cell.links
            if link.startswith("/projects/")
        }
    )
    if not projects:
        return Outcome("pledge", NO_TARGET, "no open needs")
    project = rng.choice(projects)
    project_page = browser.get(role, project, kind)
    expect_page(project_page)
    tables = project_page.page.tables
    open_needs = needs_with_room(tables.get("needs-table", []))
    if not open_needs:
        return Outcome("pledge", NO_TARGET, "no need with room on the project page")
    link, skill = rng.choice(open_needs)
    taken = {
        person for need, person in pledged_people(tables.get("pledges-table", [])) if need == skill
    }
    form_page = browser.get(role, _path(link), kind)
    expect_page(form_page)
    form = form_page.page.form(action_contains="/pledge/")
    if form is None or not form.csrf_token:
        raise Unexpected("GET", form_page.path, 200, "no pledge form with a CSRF token")
    # An option reads "Ailsa Douglas, Data Analyst".
    people = [
        (value, _before(label, ","))
        for value, label in form.options.get("person", [])
        if value and _before(label, ",") not in taken
    ]
    months = [value for value, _ in form.options.get("start_month", [])]
    if not months:
        raise Unexpected("GET", form_page.path, 200, "the pledge form offers no months")
    month = rng.choice(months)
    person, name = rng.choice(people) if people and rng.random() < NAMED_SHARE else ("", "")
    changes = {
        "person": person,
        "capacity_label": "" if person else "Capacity offered during a soak run",
        "days_per_month": PLEDGE_DAYS,
        "start_month": month,
        "end_month": month,
    }
    response = browser.post(role, form.action, form.data(changes), "pledge (post)")
    outcome = finish_write(
        browser,
        role,
        "pledge",
        response,
        expected=lambda location: _path(location) == project,
        confirmation="has pledged",
    )
    if name and name in outcome.detail:
        # Count alike refusals together, whoever they name.
        return Outcome(outcome.action, outcome.result, outcome.detail.replace(name, "A person"))
    return outcome


# Heartbeat updates ----------------------------------------------------------------------

_UPDATE_DETAIL = re.compile(r"^/projects/[^/]+/updates/\d+/$")
_UPDATE_EDIT = re.compile(r"^/projects/[^/]+/updates/\d+/edit/$")


def _my_projects(browser: Browser, kind: str) -> list[tuple[str, str]]:
    """(project path, stage) of each project on the lead's "your projects" page."""
    page = browser.get(PROJECT_LEAD, "/your-work/my-projects/", kind)
    expect_page(page)
    projects = []
    for row in page.page.tables.get("my-projects-table", [])[1:]:
        links = [link for link in row[0].links if link.startswith("/projects/")]
        if links and len(row) > 1:
            projects.append((_path(links[0]), row[1].text))
    return projects


def update(browser: Browser, rng: random.Random, sequence: int) -> Outcome:
    """A project lead writes a due heartbeat update (or carries on with its draft) and
    saves it as a draft or submits it; with none due, corrects a submitted one."""
    role, kind = PROJECT_LEAD, "update (pages)"
    due = browser.get(role, "/updates/due/?mine=1", kind)
    expect_page(due)
    links = sorted(set(due.page.links_containing("/updates/new/?period=")))
    if not links:
        return _correct(browser, rng, sequence)
    opened = browser.get(role, rng.choice(links), kind)
    if opened.status == 302 and _UPDATE_EDIT.match(_path(opened.location or "")):
        # A draft for that period exists: the page sends the lead to carry on with it.
        opened = browser.get(role, _path(opened.location), kind)
    if opened.status == 302:
        return turned_away(browser, role, "update", opened)  # submitted meanwhile
    expect_page(opened)
    form = opened.page.form(form_id="update-form")
    if form is None or not form.csrf_token:
        raise Unexpected("GET", opened.path, 200, "no update form with a CSRF token")
    submit = rng.random() < SUBMIT_SHARE
    confidence = form.value("confidence") or form.options.get("confidence", [("", "")])[0][0]
    changes = {
        "confidence": confidence,
        "summary": f"Delivery is on plan; the team's update number {sequence} of this run.",
        "next_steps": "Carry on with the next release and agree its tests with the councils.",
        "percent_complete": form.value("percent_complete") or "50",
    }
    button = ("action", "submit" if submit else "draft")
    response = browser.post(role, form.action, form.data(changes, button), "update (post)")
    return finish_write(
        browser,
        role,
        "update",
        response,
        expected=(_UPDATE_DETAIL if submit else _UPDATE_EDIT).match,
        confirmation="has been submitted" if submit else "has been saved",
    )


def _correct(browser: Browser, rng: random.Random, sequence: int) -> Outcome:
    role, kind = PROJECT_LEAD, "update (pages)"
    reporting = [path for path, stage in _my_projects(browser, kind) if stage in REPORTING_STAGES]
    if not reporting:
        return Outcome("update", NO_TARGET, "no update due and no project reporting")
    project = rng.choice(reporting)
    history = browser.get(role, f"{project}updates/", kind)
    expect_page(history)
    updates = [link for link in history.page.links if _UPDATE_DETAIL.match(_path(link))]
    if not updates:
        return Outcome("update", NO_TARGET, "no update to correct")
    detail = browser.get(role, _path(updates[0]), kind)
    expect_page(detail)
    corrections = [link for link in detail.page.links if _path(link).endswith("/correct/")]
    if not corrections:
        return Outcome("update", NO_TARGET, "the latest update offers no correction")
    opened = browser.get(role, _path(corrections[0]), kind)
    if opened.status == 302:
        return turned_away(browser, role, "update", opened)  # corrected meanwhile
    expect_page(opened)
    form = opened.page.form(action_contains="/correct/")
    if form is None or not form.csrf_token:
        raise Unexpected("GET", opened.path, 200, "no correction form with a CSRF token")
    changes = {
        "summary": f"Delivery is on plan; corrected as update number {sequence} of this run.",
        "reason": "The summary named the wrong release.",
    }
    response = browser.post(role, form.action, form.data(changes), "update (post)")
    return finish_write(
        browser,
        role,
        "update",
        response,
        expected=_UPDATE_DETAIL.match,
        confirmation="correction",
    )


# Project edits --------------------------------------------------------------------------


def edited_summary(summary: str, sequence: int, limit: int = 400) -> str:
    """The summary with this run's mark replaced, so repeated edits do not grow it."""
    base = summary.split(MARKER, 1)[0].rstrip()
    mark = f"{MARKER}{sequence}."
    return base[: limit - len(mark)] + mark


def edit(browser: Browser, rng: random.Random, sequence: int) -> Outcome:
    """A project lead edits one of their projects' definitions and saves it."""
    role, kind = PROJECT_LEAD, "edit (pages)"
    projects = [path for path, stage in _my_projects(browser, kind) if stage not in FINISHED_STAGES]
    if not projects:
        return Outcome("edit", NO_TARGET, "the project lead has no open project")
    project = rng.choice(projects)
    opened = browser.get(role, f"{project}edit/", kind)
    expect_page(opened)
    form = opened.page.form(form_id="project-form")
    if form is None or not form.csrf_token or form.value("version") is None:
        raise Unexpected("GET", opened.path, 200, "no project form with a CSRF token and version")
    changes = {"summary": edited_summary(form.value("summary") or "", sequence)}
    response = browser.post(role, form.action, form.data(changes, ("save", "1")), "edit (post)")
    return finish_write(
        browser,
        role,
        "edit",
        response,
        expected=lambda location: _path(location) == project,
        confirmation="have been saved",
    )
